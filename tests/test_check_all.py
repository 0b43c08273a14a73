"""The one entry point: every check, in the editor's order, fast enough for the real site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from harness.testing import build_site, copy_build_cache

REPO = Path(__file__).resolve().parents[1]
ORDER = [
    "subtitles", "pages", "page parity", "translations", "spelling", "welsh", "build", "links"
]
COPIED = ("mkdocs.yml", "docs", "overrides", "transcripts", "scripts", "leadership", "spelling",
          "templates")


def run_check_all(root: Path, *arguments: str) -> tuple[subprocess.CompletedProcess, float]:
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, str(root / "scripts" / "check_all.py"), *arguments],
        cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, timeout=300, check=False,
    )
    return completed, time.perf_counter() - started


# Each check's status line, by the name it prints, and the check it belongs to.
STATUS_NAMES = {
    "check_subtitles": "subtitles", "check_pages": "pages", "page_parity": "page parity",
    "translations": "translations", "check_spelling": "spelling", "check_welsh": "welsh",
    "build": "build", "check-links": "links", "links": "links",
}
STATUS_LINE = re.compile(rf"^({'|'.join(map(re.escape, STATUS_NAMES))}): (?:OK|FAILED|skipped)\b",
                         flags=re.M)


def checks_in_order(output: str) -> list[str]:
    """The checks, in the order their status lines come."""
    return [STATUS_NAMES[name] for name in STATUS_LINE.findall(output)]


@pytest.fixture
def project(tmp_path) -> Path:
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    (tmp_path / "node_modules").symlink_to(REPO / "node_modules")
    copy_build_cache(tmp_path)
    return tmp_path


# The real site passing every check, quietly: `make check` as CONTRIBUTING shows it, in
# tests/test_documented_commands.py (its status lines, then "8 checks, 0 failed").


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.build
def test_each_kind_of_mistake_is_reported_by_its_check_and_the_build_waits(project):
    page = "docs/en/principles/attending.md"
    replace_in(project / page, "kind: principle\n", "kind: principle\nauthor: Someone\n")
    replace_in(project / "docs/cy/principles/helping.md", "Helpu yw", "Hepu yw")
    replace_in(project / "docs/en/principles/helping.md", "Helping is", "Helping, above all, is")
    with (project / "docs/cy/principles/helping.md").open("a", encoding="utf-8") as welsh:
        welsh.write("\nFe'i cyhoeddwyd gan Gofal Cymdeithasol Cymru.\n")
    interface = project / "leadership/interface.py"
    replace_in(interface, '"cy": "Dolen barhaol"', '"cy": "Dolen barrhaol"')
    replace_in(interface, '"cy": "Neu ddefnyddiwch y blwch', '"cy": "Neu defnyddiwch y blwch')
    (project / "docs/en/principles/orphan.md").write_text(
        "---\ntitle: Orphan\ndescription: No Welsh page.\nkind: principle\n---\n", "utf-8"
    )
    completed, _ = run_check_all(project)
    output = completed.stdout
    assert completed.returncode == 1
    assert checks_in_order(output) == ORDER
    assert f"{page}:5: frontmatter-unknown-key: unknown key 'author'" in output
    assert "docs/en/principles/orphan.md:1: page-parity: no Cymraeg counterpart" in output
    assert re.search(r"^docs/cy/principles/helping\.md:\d+: translation-outdated: ", output, re.M)
    assert re.search(r"^docs/cy/principles/helping\.md:\d+: spelling: Hepu \(", output, re.M)
    assert re.search(
        r"^docs/cy/principles/helping\.md:\d+: welsh-mutation: gan Gofal -> gan Ofal ", output, re.M
    )
    lines = interface.read_text(encoding="utf-8").split("\n")
    misspelt = next(number for number, line in enumerate(lines, 1) if "barrhaol" in line)
    unmutated = next(number for number, line in enumerate(lines, 1) if "Neu defnyddiwch" in line)
    assert f"leadership/interface.py:{misspelt}: spelling: barrhaol (" in output
    assert (f"leadership/interface.py:{unmutated}: welsh-mutation: Neu defnyddiwch -> "
            f"Neu ddefnyddiwch (soft mutation after 'neu')") in output
    assert "build: skipped: fix the problems above first" in output
    assert re.search(
        r"^check_all: FAILED, 8 checks, 5 failed \(pages, page parity, translations, spelling, "
        r"welsh\), "
        r"2 skipped \(build, links\), in [\d.]+ s$", output, re.M,
    )


def test_a_page_left_out_of_both_navigations_is_reported_by_the_pages_check(project):
    """Before the build, with the pages' other problems: both languages' entries at once."""
    config = project / "mkdocs.yml"
    replace_in(config, "      - Relational teams: reading/relational-teams.md\n", "")
    replace_in(config, "                - Timau perthynol: reading/relational-teams.md\n", "")
    replace_in(config, "  - Reading:\n", "")
    replace_in(config, "            - Darllen:\n", "")
    replace_in(project / "docs/en/principles/attending.md", "kind: principle\n",
               "kind: principle\nauthor: Someone\n")
    completed, _ = run_check_all(project, "--no-build")
    output = completed.stdout
    assert completed.returncode == 1
    assert "docs/en/principles/attending.md:5: frontmatter-unknown-key: " in output
    for language, nav in (("en", "nav:"), ("cy", "the cy language's nav:")):
        assert (f"docs/{language}/reading/relational-teams.md:4: learning-page-not-in-nav: a "
                f"reading page must be listed under {nav} in mkdocs.yml") in output


@pytest.mark.build
def test_a_typo_in_the_nav_and_an_orphan_page_are_reported_at_their_lines_on_the_first_run(
    project, tmp_path
):
    """As CONTRIBUTING shows them: the entry at its line in mkdocs.yml, with the page meant;
    a page nothing leads to, in both languages; the build says the same, and MkDocs' own
    warning (no line, no fix) never comes."""
    replace_in(project / "mkdocs.yml", "      - Attending: principles/attending.md\n",
               "      - Attending: principles/atending.md\n")
    for language, title in (("en", "Contact us"), ("cy", "Cysylltu â ni")):
        (project / "docs" / language / "contact.md").write_text(
            f"---\ntitle: {title}\ndescription: {title}.\nkind: about\n---\n\n# {title}\n",
            encoding="utf-8",
        )
    expected = [
        "docs/cy/contact.md:1: orphan-page: no other page links here and it is not in the "
        "navigation: add it to nav in mkdocs.yml or link it from a page",
        "docs/en/contact.md:1: orphan-page: no other page links here and it is not in the "
        "navigation: add it to nav in mkdocs.yml or link it from a page",
        "mkdocs.yml:147: nav-page-missing: 'principles/atending.md' is not a page in docs/en/: "
        "did you mean 'principles/attending.md'?",
    ]
    completed, _ = run_check_all(project, "--no-build")
    assert completed.returncode == 1
    # (The new Welsh page has no translation record yet: that is said too.)
    navigation = re.compile(r"^\S+: (orphan-page|nav-page-missing): ")
    checked = problem_lines(step_output(completed.stdout, "pages"))
    assert [line for line in checked if navigation.match(line)] == expected, completed.stdout
    assert f"`{expected[2]}`" in (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    built = build_site(tmp_path / "site", project_dir=project)
    output = built.stdout + built.stderr
    assert built.returncode != 0
    assert problem_lines(output) == checked, output
    assert "A reference to" not in output and "Traceback" not in output


def test_front_matter_below_a_blank_line_is_one_problem_not_one_per_key_misspelt(project):
    # The page would show its keys as text: the spelling and Welsh checks wait for the mend.
    page = project / "docs/cy/principles/empathising.md"
    page.write_text("\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    completed, _ = run_check_all(project, "--no-build")
    assert problem_lines(completed.stdout) == [
        "docs/cy/principles/empathising.md:2: frontmatter-misplaced: the front matter's '---' "
        "must be the file's first line: remove the blank line above it",
    ], completed.stdout


def test_a_film_page_without_its_film_is_one_problem_not_one_per_link_to_its_cues(project):
    from leadership.pages.checks import check_pages

    replace_in(project / "docs/cy/films/leading-in-a-crisis.md", "film: leading-in-a-crisis\n", "")
    problems, _ = check_pages(project)
    assert [str(problem) for problem in problems] == [
        "docs/cy/films/leading-in-a-crisis.md:1: frontmatter-missing-key: missing key 'film': "
        "the film's slug, as in transcripts/films.yml",
    ]


def test_a_link_to_a_missing_heading_or_cue_is_reported_with_the_pages_other_problems(project):
    """On the first run, at the link's line, with a link to a missing file beside it."""
    about = project / "docs/en/about.md"
    text = about.read_text("utf-8")
    about.write_text(
        text + "\n[a](principles/attending.md#nowhere) [b](#nor-here) "
        "[c](films/leading-in-a-crisis.md#t-99-99) [d](films/leading-in-a-crisis.md#t-00-05) "
        "![e](img/missing.png)\n", "utf-8",
    )
    line = text.count("\n") + 2
    completed, _ = run_check_all(project, "--no-build")
    output = completed.stdout
    assert completed.returncode == 1
    found = re.findall(rf"^docs/en/about\.md:{line}: ([a-z-]+): '([^']+)'", output, re.M)
    assert sorted(found) == [
        ("link-target-missing", "img/missing.png"),
        ("missing-fragment", "#nor-here"),
        ("missing-fragment", "films/leading-in-a-crisis.md#t-99-99"),
        ("missing-fragment", "principles/attending.md#nowhere"),
    ]
    # A film moment that no cue starts at names the cues nearest in time, not headings.
    assert re.search(
        r"'films/leading-in-a-crisis\.md#t-99-99': no cue of en/films/leading-in-a-crisis\.md "
        r"starts at #t-99-99 \(a cue's anchor is the minute and second it starts, t-MM-SS\): "
        r"nearest cues: t-\d\d-\d\d, t-\d\d-\d\d$", output, re.M,
    ), output


def test_a_broken_films_yml_is_listed_before_the_pages_that_depend_on_it(project):
    replace_in(project / "transcripts/films.yml", "    speaker: ", "    speakr: ")
    completed, _ = run_check_all(project, "--no-build")
    output = completed.stdout
    assert completed.returncode == 1
    problems = re.findall(r"^([^\s:]+):\d+: [a-z0-9-]+: ", output, flags=re.M)
    films_yml = [i for i, path in enumerate(problems) if path == "transcripts/films.yml"]
    pages = [i for i, path in enumerate(problems) if path.startswith("docs/")]
    assert films_yml and pages, output
    assert max(films_yml) < min(pages), output
    # Each page that depends on it: one line, naming the file to mend.
    assert len(pages) == len({problems[i] for i in pages}), output
    page_lines = [line for line in output.splitlines() if line.startswith("docs/")]
    assert all("transcripts/films.yml is mended" in line for line in page_lines), page_lines


def problem_lines(output: str) -> list[str]:
    return re.findall(r"^[^\s:]+:\d+: [a-z0-9-]+: .*$", output, flags=re.M)


def step_output(output: str, name: str) -> str:
    """What one check printed: its lines up to its status line, which ends them."""
    chunks, lines = {}, []
    for line in output.splitlines(keepends=True):
        lines.append(line)
        status = STATUS_LINE.match(line)
        if status:
            chunks[STATUS_NAMES[status[1]]] = "".join(lines)
            lines = []
    return chunks[name]


@pytest.mark.build
@pytest.mark.parametrize("behaviour", [
    "unsafe_markup_the_source_scan_finds",  # the build stops before it renders a page
    "unsafe_markup_only_the_rendered_page_shows",  # it stops once both languages are built
])
def test_the_build_and_make_check_report_the_same_page_problems(project, tmp_path, behaviour):
    fixture = REPO / "tests" / "fixtures" / "page_checks" / behaviour
    for language in ("en", "cy"):
        shutil.copy(fixture / f"{language}.md", project / "docs" / language / "page-checks.md")
    built = build_site(tmp_path / "site", project_dir=project)
    assert built.returncode != 0
    build_lines = problem_lines(built.stdout + built.stderr)
    completed, _ = run_check_all(project, "--no-build")
    checked = completed.stdout
    check_lines = problem_lines(step_output(checked, "subtitles") + step_output(checked, "pages"))
    assert build_lines == check_lines, (build_lines, check_lines)
    # Both languages' pages, Welsh first (docs/cy sorts first), each unsafe part once.
    assert build_lines[0].startswith("docs/cy/page-checks.md:"), build_lines
    assert any(line.startswith("docs/en/page-checks.md:") for line in build_lines)
    rules = [line.split(": ")[1] for line in build_lines]
    if behaviour == "unsafe_markup_the_source_scan_finds":
        assert rules.count("unsafe-element") == 2  # the <svg> and the <style> in it
    else:
        assert "heading-id-parity" in rules and "unsafe-element" in rules


def test_the_checks_run_in_process_without_the_single_check_scripts(project):
    for single in ("check_subtitles.py", "check_links.py", "check_pages.py"):
        (project / "scripts" / single).unlink()
    completed, _ = run_check_all(project)
    output = completed.stdout + completed.stderr
    assert checks_in_order(completed.stdout) == ORDER
    for line in ("check_pages: OK", "check_subtitles: OK", "build: OK", "check-links: OK"):
        assert line in completed.stdout, output
    assert "Traceback" not in output


def test_ci_runs_both_commands_on_pull_requests_and_publishes_main():
    workflow = yaml.safe_load((REPO / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    runs = {
        name: [step.get("run") for step in job["steps"]] for name, job in workflow["jobs"].items()
    }
    assert "make check" in runs["check"] and "make test" in runs["test"]
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(use.startswith("actions/upload-pages-artifact@") for use in uses)
    assert any(use.startswith("actions/deploy-pages@") for use in uses)
    build = workflow["jobs"]["build-site"]
    assert build["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert set(build["needs"]) == {"check", "test"}


def emitted_rules() -> set[str]:
    """Every rule id the editor's checks can print (link checks: not --external), from the
    one registry the build and the checks share."""
    from leadership.rules import EXTERNAL_LINK, registry

    editors = {
        "pages", "content safety", "translations", "spelling", "welsh", "subtitles", "links",
    }
    return {rule for rule, concern in registry().items() if concern in editors} - {EXTERNAL_LINK}


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.cy.md"])
def test_the_contributing_guides_show_an_example_line_for_every_rule(guide):
    text = (REPO / guide).read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z0-9-]+)` \| `([^`]+)` \|", text, flags=re.M))
    missing = sorted(emitted_rules() - set(rows))
    assert missing == []
    for rule, example in rows.items():
        assert re.match(rf"^\S+:\d+: {re.escape(rule)}: ", example), (rule, example)


@pytest.mark.build
def test_subtitles_that_are_not_utf8_are_reported_once_by_make_check_and_the_build(
    project, tmp_path
):
    # Saved by an editor in Windows' Western European encoding: the subtitle check owns the
    # file and says how to mend it; the spelling and Welsh checks, which read it too, do not
    # say it again.
    subtitles = project / "transcripts" / "leading-in-a-crisis.cy.srt"
    subtitles.write_bytes(subtitles.read_text(encoding="utf-8").encode("cp1252", "replace"))
    shown = "transcripts/leading-in-a-crisis.cy.srt"
    completed, _ = run_check_all(project, "--no-build")
    assert completed.returncode == 1
    about_it = [line for line in problem_lines(completed.stdout) if line.startswith(shown)]
    assert len(about_it) == 1 and ": not-utf8: " in about_it[0], completed.stdout
    assert "check_spelling: OK" in completed.stdout and "check_welsh: OK" in completed.stdout
    built = build_site(tmp_path / "site", project_dir=project)
    assert built.returncode != 0
    build_lines = problem_lines(built.stdout + built.stderr)
    assert [line for line in build_lines if line.startswith(shown)] == about_it, build_lines


@pytest.mark.build
def test_a_films_yml_that_is_not_utf8_is_reported_once_at_the_line_of_its_first_bad_byte(
    project,
):
    films = project / "transcripts" / "films.yml"
    lines = films.read_bytes().split(b"\n")
    films.write_bytes(b"\n".join([*lines[:3], b"# caf\xe9", *lines[3:]]))
    completed, _ = run_check_all(project, "--no-build")
    assert completed.returncode == 1
    about_it = [
        line for line in problem_lines(completed.stdout)
        if line.startswith("transcripts/films.yml:")
    ]
    assert len(about_it) == 1 and about_it[0].startswith(
        "transcripts/films.yml:4: not-utf8: not UTF-8: byte 0xe9 on this line"
    ), completed.stdout
    assert "1 problem listed above by an earlier check" in step_output(
        completed.stdout, "translations"
    )


@pytest.mark.build
def test_a_problem_the_build_stops_on_is_printed_once(project):
    # The Welsh check finds it in step 6, and the build (which runs it too) stops on it.
    about = project / "docs" / "cy" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\n[Attending](https://socialcare.wales/x)\n",
        encoding="utf-8",
    )
    completed, _ = run_check_all(project)
    assert completed.returncode == 1
    lines = [line for line in problem_lines(completed.stdout) if "welsh-english-link" in line]
    assert len(lines) == 1, completed.stdout
    assert "the build stopped on listed above by the checks" in step_output(
        completed.stdout, "build"
    )
