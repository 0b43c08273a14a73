"""Checks of a page's own Markdown that name their line: links to files that are not there,
and placeholder text left from the new-page templates. Both run in `make check` (pages)
and before every build."""

from __future__ import annotations

import shutil
from pathlib import Path

from leadership.pages.checks import check_pages
from leadership.pages.placeholders import (
    TEMPLATES,
    check_placeholders,
    phrases_of,
    template_phrases,
)
from leadership.pages.source_links import check_source_links

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "pages"


def docs_with(tmp_path: Path, fixture: str) -> tuple[Path, Path]:
    docs = tmp_path / "docs"
    (docs / "en" / "principles").mkdir(parents=True)
    (docs / "en" / "films").mkdir()
    (docs / "en" / "principles" / "attending.md").write_text("# Attending\n", encoding="utf-8")
    (docs / "en" / "films" / "a-film.md").write_text("# A film\n", encoding="utf-8")
    page = docs / "en" / "principles" / "kindness.md"
    shutil.copy(FIXTURES / fixture, page)
    return docs, page


def test_a_link_to_a_missing_page_names_its_line_and_the_nearest_page(tmp_path):
    docs, page = docs_with(tmp_path, "link_to_missing_page.md")
    problems = check_source_links(page.read_text(), page, docs, "kindness.md")
    assert [str(problem) for problem in problems] == [
        "kindness.md:10: link-target-missing: 'atending.md#what-it-means' links to a file "
        "that does not exist: did you mean 'attending.md#what-it-means'?",
        "kindness.md:14: link-target-missing: '../principles/nonexistent.md' links to a file "
        "that does not exist: correct the path (relative to this page) or create the page",
    ]


def test_template_placeholders_are_found_at_their_line():
    phrases = template_phrases(ROOT / TEMPLATES)
    text = (FIXTURES / "placeholder_left_from_template.md").read_text(encoding="utf-8")
    problems = check_placeholders(text, "kindness.md", phrases)
    assert [str(problem) for problem in problems] == [
        "kindness.md:13: page-placeholder: 'An example from care at home.' is placeholder "
        "text from templates/pages/principle.en.md: replace it with this page's own content",
    ]


def test_placeholders_are_read_from_every_template_in_both_languages():
    phrases = {phrase.text: phrase.template for phrase in template_phrases(ROOT / TEMPLATES)}
    assert phrases["An example from care at home."].endswith("principle.en.md")
    assert phrases["Enghraifft o gartref gofal."].endswith("principle.cy.md")
    assert phrases["What people will be able to do after the activity."].endswith("activity.en.md")
    # Bold labels (the steps' titles) and lines marked as kept are real content.
    assert "Watch and introduce (5 minutes)." not in phrases
    assert not any("published by Social Care Wales" in text for text in phrases)
    assert phrases_of("- **A label.** Four words of prose.") == ["Four words of prose."]


def test_a_new_page_from_any_template_fails_until_its_placeholders_are_replaced(tmp_path):
    from leadership.pages.new_page import create_pair

    project = tmp_path / "project"
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copytree(ROOT / "docs", project / "docs")
    create_pair(
        project, "principle", "principles/kindness",
        {"en": "Kindness", "cy": "Caredigrwydd"},
        {"en": "What kindness means for a team.", "cy": "Beth mae caredigrwydd yn ei olygu i dîm."},
    )
    problems, _ = check_pages(project)
    flagged = {(p.path, p.rule) for p in problems}
    assert ("docs/en/principles/kindness.md", "page-placeholder") in flagged
    assert ("docs/cy/principles/kindness.md", "page-placeholder") in flagged
