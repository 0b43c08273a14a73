"""Translation tracking: hashes, outdated and draft Welsh pages and subtitles, stamping,
the command, and the draft notice on both pages of a pair."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
import yaml
from harness.testing import build_site, minimal_mkdocs_yml, partials_environment
from markupsafe import escape

from leadership.content import read_site
from leadership.interface import STRINGS, strings_for
from leadership.pages import translation_status
from leadership.pages.frontmatter import check_page, read_front_matter
from leadership.pages.title import split_after_title
from leadership.pages.translation_status import (
    check_translations,
    source_hash,
    stamp_page,
    stamp_subtitles,
)
from leadership.reporting import ContentError
from leadership.subtitles.films import load_films

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "translations" / "project"
OLD = "0123456789ab"
REAL_ACCEPTS_RECORDS = translation_status.films_file_accepts_records


@pytest.fixture(autouse=True)
def films_yml_takes_records(monkeypatch):
    """The fixture's films.yml has translation records; the real loader's acceptance of the key
    is tested on its own below."""
    monkeypatch.setattr(translation_status, "films_file_accepts_records", lambda: True)


@pytest.fixture
def project(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "project"))


def problems_of(root: Path) -> list[tuple[str, int, str, str]]:
    problems, _, _ = check_translations(root)
    return [(p.path, p.line, p.rule, p.severity) for p in problems]


def test_the_hash_is_of_the_bytes_with_line_endings_made_lf(tmp_path):
    (tmp_path / "lf.md").write_bytes(b"---\ntitle: A\n---\n\nText\n")
    (tmp_path / "crlf.md").write_bytes(b"---\r\ntitle: A\r\n---\r\n\r\nText\r\n")
    (tmp_path / "other.md").write_bytes(b"---\ntitle: B\n---\n\nText\n")
    assert source_hash(tmp_path / "lf.md") == source_hash(tmp_path / "crlf.md")
    assert source_hash(tmp_path / "lf.md") != source_hash(tmp_path / "other.md")
    assert len(source_hash(tmp_path / "lf.md")) == 12


def test_outdated_and_draft_translations_are_reported_where_they_are_recorded():
    assert problems_of(FIXTURE) == [
        ("docs/cy/draft_outdated.md", 5, "translation-outdated", "warning"),
        ("docs/cy/draft_up_to_date.md", 5, "translation-draft", "warning"),
        ("docs/cy/reviewed_outdated.md", 5, "translation-outdated", "error"),
        ("transcripts/films.yml", 10, "translation-outdated", "error"),
        ("transcripts/films.yml", 15, "translation-record", "error"),
    ]


def test_the_outdated_message_names_the_source_and_the_fix():
    problems, _, _ = check_translations(FIXTURE)
    [outdated] = [p for p in problems if p.path == "docs/cy/reviewed_outdated.md"]
    assert str(outdated) == (
        "docs/cy/reviewed_outdated.md:5: translation-outdated: docs/en/reviewed_outdated.md has "
        f"changed since this translation was reviewed (recorded {OLD}, now "
        f"{source_hash(FIXTURE / 'docs/en/reviewed_outdated.md')}): update the Welsh to match, "
        "then run: python3 scripts/translations.py --stamp docs/cy/reviewed_outdated.md"
    )


def test_changing_the_english_makes_a_reviewed_translation_outdated(project):
    assert ("docs/cy/reviewed_up_to_date.md", 5, "translation-outdated", "error") not in (
        problems_of(project)
    )
    english = project / "docs/en/reviewed_up_to_date.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA new paragraph.\n", "utf-8")
    assert ("docs/cy/reviewed_up_to_date.md", 5, "translation-outdated", "error") in (
        problems_of(project)
    )


def test_stamping_a_page_records_the_english_hash_and_keeps_everything_else(project):
    welsh = project / "docs/cy/reviewed_outdated.md"
    before = welsh.read_text(encoding="utf-8").split("\n")
    report = stamp_page(project, project / "docs", welsh)
    after = welsh.read_text(encoding="utf-8").split("\n")
    current = source_hash(project / "docs/en/reviewed_outdated.md")
    assert report == (
        f"docs/cy/reviewed_outdated.md: reviewed, translates docs/en/reviewed_outdated.md "
        f"({current})"
    )
    assert [line for line in after if line not in before] == [f'  source: "{current}"']
    assert len(after) == len(before)
    assert all(p[0] != "docs/cy/reviewed_outdated.md" for p in problems_of(project))


def test_stamping_adds_a_record_to_a_page_without_one_and_keeps_crlf(project):
    welsh = project / "docs/cy/reviewed_up_to_date.md"
    text = welsh.read_text(encoding="utf-8")
    start, end = text.index("translation:"), text.index("---", 4)
    welsh.write_bytes((text[:start] + text[end:]).replace("\n", "\r\n").encode("utf-8"))
    stamp_page(project, project / "docs", welsh, status="draft")
    raw = welsh.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    front = read_front_matter(raw.decode("utf-8"), "x")
    assert front.data["translation"] == {
        "source": source_hash(project / "docs/en/reviewed_up_to_date.md"),
        "status": "draft",
    }
    assert check_page("docs/cy/reading/x.md", raw.decode("utf-8")) == []


def test_stamping_replaces_a_flow_style_record(project):
    welsh = project / "docs/cy/draft_outdated.md"
    text = welsh.read_text(encoding="utf-8")
    start, end = text.index("translation:"), text.index("---", 4)
    welsh.write_text(
        text[:start] + f'translation: {{source: "{OLD}", status: draft}}\n' + text[end:], "utf-8"
    )
    stamp_page(project, project / "docs", welsh)
    front = read_front_matter(welsh.read_text(encoding="utf-8"), "x")
    assert front.data["translation"]["status"] == "reviewed"
    assert list(front.data) == ["title", "description", "kind", "translation"]


def test_stamping_subtitles_replaces_or_adds_the_record_in_films_yml(project):
    films = project / "transcripts/films.yml"
    stamp_subtitles(project, project / "transcripts/film-outdated.cy.srt")
    stamp_subtitles(project, project / "transcripts/film-without-record.cy.srt", "draft")
    data = yaml.safe_load(films.read_text(encoding="utf-8"))["films"]
    records = {film["slug"]: film.get("translation") for film in data}
    assert records["film-outdated"] == {
        "source": source_hash(project / "transcripts/film-outdated.en.srt"),
        "status": "reviewed",
    }
    assert records["film-without-record"] == {
        "source": source_hash(project / "transcripts/film-without-record.en.srt"),
        "status": "draft",
    }
    # The comment and the corrections list are untouched; the record follows them.
    assert data[2]["corrections"] == [{"cue": 1, "language": "en"}]
    assert "  # A film whose Welsh subtitles have never been stamped." in films.read_text("utf-8")
    assert problems_of(project) == [
        ("docs/cy/draft_outdated.md", 5, "translation-outdated", "warning"),
        ("docs/cy/draft_up_to_date.md", 5, "translation-draft", "warning"),
        ("docs/cy/reviewed_outdated.md", 5, "translation-outdated", "error"),
        ("transcripts/films.yml", 20, "translation-draft", "warning"),
    ]


def test_subtitles_are_not_tracked_while_the_films_loader_rejects_the_record(
    project, monkeypatch
):
    monkeypatch.setattr(translation_status, "films_file_accepts_records", lambda: False)
    problems, _, translations = check_translations(project)
    assert [(p.path, p.line, p.rule, p.severity) for p in problems][-1] == (
        "transcripts/films.yml", 1, "translation-record", "warning"
    )
    assert all(t.path.startswith("docs/") for t in translations)
    with pytest.raises(ContentError, match="does not accept a 'translation' key"):
        stamp_subtitles(project, project / "transcripts/film-outdated.cy.srt")


def test_page_and_film_status_for_the_notice(tmp_path):
    # The build reads them from its content model: the pages' front matter and films.yml.
    content = read_site(FIXTURE)
    assert content.page_status("cy/draft_up_to_date.md") == "draft"
    assert content.page_status("en/draft_up_to_date.md") == "draft"  # both pages of the pair
    assert content.page_status("cy/reviewed_outdated.md") == "reviewed"
    assert content.page_status("cy/no-such-page.md") is None
    films_file = tmp_path / "films.yml"
    films_yml = (REPO / "transcripts" / "films.yml").read_text("utf-8")
    films_file.write_text(films_yml, "utf-8")
    assert {film.translation_status for film in load_films(tmp_path)} == {"reviewed"}
    films_file.write_text(films_yml.replace("status: reviewed", "status: draft", 1), "utf-8")
    assert [film.translation_status for film in load_films(tmp_path)][0] == "draft"


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_lists_status_and_fails_on_an_outdated_reviewed_translation(capsys):
    translations = load_script("translations")
    assert translations.main([], root=FIXTURE) == 1
    output = capsys.readouterr().out
    lines = [line.split("  (translates")[0].split() for line in output.splitlines()]
    assert ["reviewed,", "outdated", "docs/cy/reviewed_outdated.md"] in lines
    assert ["draft,", "up", "to", "date", "docs/cy/draft_up_to_date.md"] in lines
    assert ["no", "translation", "record", "transcripts/film-without-record.cy.srt"] in lines
    assert output.rstrip().endswith(
        "translations: FAILED, 7 translations checked, 3 errors, 2 warnings"
    )


def test_the_command_stamps_files_and_folders(project, capsys, monkeypatch):
    translations = load_script("translations")
    monkeypatch.chdir(project)
    assert translations.main(
        ["--stamp", "docs/cy", "transcripts/film-without-record.cy.srt"], root=project
    ) == 0
    assert translations.main(["--stamp", "transcripts/film-outdated.cy.srt"], root=project) == 0
    assert problems_of(project) == []
    assert translations.main(["--stamp", "docs/en/draft_outdated.md"], root=project) == 2
    assert translations.main(["--stamp", "no/such/file.md"], root=project) == 2
    assert "not a Welsh page" in capsys.readouterr().err


def test_the_notice_is_in_the_page_language_and_goes_below_the_title():
    ui = strings_for("cy")
    notice = partials_environment().get_template("partials/draft-notice.html").render(
        ui=ui, notice={"language": "cy", "body": ui["translation_draft_body"]}
    )
    assert 'lang="cy"' in notice
    assert str(escape(STRINGS["translation_draft_title"]["cy"])) in notice
    assert str(escape(STRINGS["translation_draft_body"]["cy"])) in notice
    # content.html shows the title, the notices, then the rest.
    html = '<h1 id="x">Title</h1>\n<p>Text</p>'
    assert split_after_title(html) == ('<h1 id="x">Title</h1>', "\n<p>Text</p>")
    assert split_after_title("<p>No title</p>") == ("", "<p>No title</p>")


MKDOCS_YML = minimal_mkdocs_yml()


@pytest.mark.build
def test_a_draft_translation_shows_a_notice_on_both_pages_of_the_pair(tmp_path):
    site = tmp_path / "project"
    (site / "docs/en").mkdir(parents=True)
    (site / "docs/cy").mkdir(parents=True)
    (site / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    (site / "docs/en/index.md").write_text(
        "---\ntitle: Home\ndescription: Home.\nkind: home\n---\n\n# Home\n", "utf-8"
    )
    source = source_hash(site / "docs/en/index.md")
    (site / "docs/cy/index.md").write_text(
        f'---\ntitle: Hafan\ndescription: Hafan.\nkind: home\ntranslation:\n  source: "{source}"'
        "\n  status: draft\n---\n\n# Hafan\n",
        "utf-8",
    )
    result = build_site(tmp_path / "out", project_dir=site)
    assert result.returncode == 0, result.stdout + result.stderr
    welsh = (tmp_path / "out/cy/index.html").read_text("utf-8")
    english = (tmp_path / "out/index.html").read_text("utf-8")
    assert str(escape(STRINGS["translation_draft_body"]["cy"])) in welsh
    assert str(escape(STRINGS["translation_draft_body"]["en"])) in english
    assert (
        'class="admonition warning translation-draft" role="note" lang="en" data-search-exclude>'
    ) in english
    for page in (welsh, english):
        assert page.index("</h1>") < page.index("translation-draft") < page.index("</article>")


def test_every_real_welsh_translation_is_recorded_and_up_to_date(monkeypatch):
    monkeypatch.setattr(translation_status, "films_file_accepts_records", REAL_ACCEPTS_RECORDS)
    problems, checked, translations = check_translations(REPO)
    assert checked == len(translations) >= 2
    assert [t.path for t in translations if t.recorded is None or t.status is None] == []
    assert [str(p) for p in problems if p.severity == "error"] == []
