"""The one front matter schema: each fixture's problems, by rule and line, and the build hook."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from harness.testing import build_site, copy_project, minimal_mkdocs_yml

from leadership.activities.schema import References
from leadership.pages.frontmatter import (
    SiteContext,
    check_page,
    check_site,
    read_front_matter,
)

FIXTURES = Path(__file__).parent / "fixtures" / "frontmatter"
FILM = "what-compassionate-leadership-means"
CONTEXT = SiteContext(
    film_slugs={FILM},
    activity_references=References(principle_pages={"en": {"attending"}, "cy": {"attending"}}),
)


def found(fixture: str, shown: str) -> list[tuple[str, int]]:
    text = (FIXTURES / fixture).read_bytes().decode("utf-8")
    return [(problem.rule, problem.line) for problem in check_page(shown, text, CONTEXT)]


@pytest.mark.parametrize(
    ("fixture", "shown"),
    [
        ("valid_principle.md", "docs/en/principles/attending.md"),
        ("valid_welsh_principle.md", "docs/cy/principles/attending.md"),
        ("bom_valid.md", "docs/en/principles/attending.md"),
        ("welsh_activity_with_translation.md", "docs/cy/activities/listening.md"),
    ],
)
def test_valid_pages_have_no_problems(fixture, shown):
    assert found(fixture, shown) == []


@pytest.mark.parametrize(
    ("fixture", "shown", "expected"),
    [
        ("unknown_key.md", "docs/en/principles/x.md", [("frontmatter-unknown-key", 5)]),
        ("crlf_unknown_key.md", "docs/en/principles/x.md", [("frontmatter-unknown-key", 5)]),
        (
            "misspelt_key.md", "docs/en/principles/x.md",
            [("frontmatter-missing-key", 1), ("frontmatter-unknown-key", 2)],
        ),
        ("missing_description.md", "docs/en/principles/x.md", [("frontmatter-missing-key", 1)]),
        ("no_front_matter.md", "docs/en/principles/x.md", [("frontmatter-missing", 1)]),
        # Below a blank line it is not front matter: said at its '---' line, once.
        (
            "front_matter_after_blank_lines.md", "docs/en/principles/x.md",
            [("frontmatter-misplaced", 3)],
        ),
        ("unclosed_front_matter.md", "docs/en/principles/x.md", [("frontmatter-syntax", 1)]),
        ("invalid_yaml.md", "docs/en/principles/x.md", [("frontmatter-syntax", 3)]),
        ("duplicate_key.md", "docs/en/principles/x.md", [("frontmatter-duplicate-key", 5)]),
        (
            "title_not_text.md", "docs/en/principles/x.md",
            [("frontmatter-invalid-value", 2), ("frontmatter-invalid-value", 3)],
        ),
        ("unknown_kind.md", "docs/en/principles/x.md", [("frontmatter-invalid-value", 4)]),
        ("home_not_at_root.md", "docs/en/principles/x.md", [("frontmatter-kind-location", 4)]),
        ("film_unknown.md", "docs/en/films/no-such-film.md", [("film-unknown", 5)]),
        ("film_without_slug.md", "docs/en/films/x.md", [("frontmatter-missing-key", 1)]),
        (
            "english_with_translation.md", "docs/en/principles/x.md",
            [("frontmatter-unknown-key", 5)],
        ),
        (
            "welsh_missing_translation.md", "docs/cy/principles/x.md",
            [("frontmatter-missing-key", 1)],
        ),
        (
            "welsh_invalid_translation.md", "docs/cy/principles/x.md",
            [
                ("frontmatter-invalid-value", 6),
                ("frontmatter-invalid-value", 7),
                ("frontmatter-unknown-key", 8),
            ],
        ),
        ("activity_unknown_key.md", "docs/en/activities/x.md", [("activity-unknown-key", 16)]),
    ],
)
def test_each_mistake_is_reported_at_its_line(fixture, shown, expected):
    assert sorted(found(fixture, shown)) == sorted(expected)


def test_messages_say_how_to_fix_the_mistake():
    text = (FIXTURES / "misspelt_key.md").read_text(encoding="utf-8")
    messages = [str(p) for p in check_page("docs/en/principles/x.md", text, CONTEXT)]
    assert (
        "docs/en/principles/x.md:2: frontmatter-unknown-key: unknown key 'titel'; did you mean "
        "'title'? (keys for a principle page: title, description, kind)"
    ) in messages
    welsh = (FIXTURES / "welsh_missing_translation.md").read_text(encoding="utf-8")
    [problem] = check_page("docs/cy/principles/x.md", welsh, CONTEXT)
    assert "python3 scripts/translations.py --stamp docs/cy/principles/x.md" in problem.message


def test_a_film_page_is_named_after_its_film():
    text = (FIXTURES / "film_unknown.md").read_text(encoding="utf-8").replace(
        "no-such-film", FILM
    )
    problems = check_page("docs/en/films/another-name.md", text, CONTEXT)
    assert [(p.rule, p.line) for p in problems] == [("frontmatter-invalid-value", 5)]
    assert check_page(f"docs/en/films/{FILM}.md", text, CONTEXT) == []


def test_a_section_is_a_folder_index():
    text = (FIXTURES / "valid_principle.md").read_text(encoding="utf-8").replace(
        "kind: principle", "kind: section"
    )
    assert check_page("docs/en/principles/index.md", text, CONTEXT) == []
    problems = check_page("docs/en/principles/attending.md", text, CONTEXT)
    assert [(p.rule, p.line) for p in problems] == [("frontmatter-kind-location", 4)]


def test_translation_block_lines_are_known_for_stamping():
    front = read_front_matter(
        (FIXTURES / "valid_welsh_principle.md").read_text(encoding="utf-8"), "x.md"
    )
    assert front.entry_lines["translation"] == (5, 7)
    assert front.line("translation", "status") == 7


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(textwrap.dedent(text).lstrip().encode("utf-8"))


WELSH_RECORD = 'translation:\n  source: "0123456789ab"\n  status: reviewed\n'


def test_site_check_reads_every_page_and_compares_pairs(tmp_path):
    write(tmp_path / "docs/en/index.md", "---\ntitle: Home\ndescription: Home.\nkind: home\n---\n")
    write(
        tmp_path / "docs/cy/index.md",
        f"---\ntitle: Hafan\ndescription: Hafan.\nkind: home\n{WELSH_RECORD}---\n",
    )
    write(
        tmp_path / "docs/en/reading/a.md",
        "---\ntitle: A\ndescription: A.\nkind: reading\n---\n",
    )
    write(
        tmp_path / "docs/cy/reading/a.md",
        f"---\ntitle: A\ndescription: A.\nkind: principle\n{WELSH_RECORD}---\n",
    )
    shutil.copy(FIXTURES / "not_utf8.md", tmp_path / "docs/en/reading/b.md")
    problems, checked = check_site(tmp_path)
    assert checked == 5
    assert [(p.path, p.line, p.rule) for p in problems] == [
        ("docs/cy/reading/a.md", 4, "frontmatter-pair-mismatch"),
        ("docs/en/reading/b.md", 1, "frontmatter-encoding"),
    ]


INVALID_KIND = ("docs/en/reading/a.md", 4, "frontmatter-invalid-value")


@pytest.mark.parametrize("english, welsh, reported", [
    ("kind: principal", "kind: principle", INVALID_KIND),
    ("kind: [reading]", "kind: reading", INVALID_KIND),
    ("kind: reading", "", ("docs/cy/reading/a.md", 1, "frontmatter-missing-key")),
])
def test_a_pair_is_not_said_to_differ_over_a_key_reported_on_its_own(
    tmp_path, english, welsh, reported
):
    # One mistake, one line: a missing key or an unknown kind is not a difference between
    # the languages as well.
    write(tmp_path / "docs/en/reading/a.md", f"---\ntitle: A\ndescription: A.\n{english}\n---\n")
    write(
        tmp_path / "docs/cy/reading/a.md",
        f"---\ntitle: A\ndescription: A.\n{welsh}\n{WELSH_RECORD}---\n",
    )
    problems, _ = check_site(tmp_path)
    assert [(p.path, p.line, p.rule) for p in problems] == [reported]


MKDOCS_YML = minimal_mkdocs_yml()


def small_site(root: Path, english: str, welsh: str) -> Path:
    write(root / "mkdocs.yml", MKDOCS_YML)
    write(root / "docs/en/index.md", english)
    write(root / "docs/cy/index.md", welsh)
    return root


@pytest.mark.build
def test_the_build_fails_listing_every_front_matter_problem_without_a_traceback(tmp_path):
    site = small_site(
        tmp_path,
        "---\ntitle: Home\ndescription: Home.\nkind: home\nauthor: Someone\n---\n# Home\n",
        "---\ntitle: Hafan\nkind: home\n---\n# Hafan\n",
    )
    result = build_site(tmp_path / "out", project_dir=site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "docs/en/index.md:5: frontmatter-unknown-key: unknown key 'author'" in output
    assert "docs/cy/index.md:1: frontmatter-missing-key: missing key 'description'" in output
    assert "docs/cy/index.md:1: frontmatter-missing-key: missing key 'translation'" in output


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_film_page_naming_an_unknown_film_is_reported_once_at_its_line(tmp_path, language):
    """A typo in a film page's film: is its own problem, said once: the other language's
    page, which names the right film, is not said to differ from it, nor the page itself."""
    root = copy_project(tmp_path / "project")
    page = root / "docs" / language / "films" / "leading-in-a-crisis.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("film: leading-in-a-crisis\n", "film: leading-in-a-crisiss\n"),
                    encoding="utf-8")
    line = text.split("\n").index("film: leading-in-a-crisis") + 1
    problems, _ = check_site(root)
    assert [(p.path, p.line, p.rule) for p in problems] == [
        (f"docs/{language}/films/leading-in-a-crisis.md", line, "film-unknown")
    ]
