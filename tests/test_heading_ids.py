"""Heading ids are the same in both languages and used once on a page: the pages check
reports each difference at the heading's line."""

from __future__ import annotations

from pathlib import Path

from harness.testing import copy_project

from leadership.pages.checks import check_pages

FIXTURES = Path(__file__).parent / "fixtures" / "heading_ids"


def project(tmp_path: Path, english: str, welsh: str) -> Path:
    for language, fixture in (("en", english), ("cy", welsh)):
        page = tmp_path / "docs" / language / "index.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text((FIXTURES / fixture).read_text(encoding="utf-8"), encoding="utf-8")
    # The pages check renders each page with the project's Markdown extensions.
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nmarkdown_extensions: [attr_list, {toc: {permalink: true}}]\n",
        encoding="utf-8",
    )
    return tmp_path


def found(root: Path) -> list[tuple[str, int, str]]:
    problems, _ = check_pages(root)
    return [(p.path, p.line, p.rule) for p in problems]


def test_welsh_headings_with_the_english_ids_pass(tmp_path):
    assert found(project(tmp_path, "en.md", "cy_with_ids.md")) == []


def test_a_welsh_heading_with_its_own_id_is_reported_at_its_line(tmp_path):
    root = project(tmp_path, "en.md", "cy_without_ids.md")
    problems, _ = check_pages(root)
    assert [(p.path, p.line, p.rule) for p in problems] == [
        ("docs/cy/index.md", 16, "heading-id-parity")
    ]
    assert "{ #why-it-matters }" in problems[0].message


def test_an_id_used_twice_on_a_page_is_reported_at_its_second_use(tmp_path):
    root = project(tmp_path, "en_duplicate.md", "cy_with_ids.md")
    assert ("docs/en/index.md", 13, "heading-id-duplicate") in found(root)


def test_the_site_s_pages_keep_their_ids_in_step():
    root = Path(__file__).resolve().parents[1]
    problems, _ = check_pages(root)
    assert [p for p in problems if p.rule.startswith("heading-id")] == []


def test_a_mistyped_english_section_id_is_reported_at_the_english_page_only(tmp_path):
    """The English guide is wrong: the Welsh, which has the right id, is not told to copy
    the mistake (it is compared again once the English is mended)."""
    root = copy_project(tmp_path / "project")
    guide = "activities/listening-with-fascination.md"
    english = root / "docs" / "en" / guide
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("{ #how-to-run-it }", "{ #how-to-rn-it }"), encoding="utf-8")
    line = text.split("\n").index(next(
        line for line in text.split("\n") if "{ #how-to-run-it }" in line
    )) + 1
    problems, _ = check_pages(root)
    assert [(p.path, p.line, p.rule) for p in problems] == [
        (f"docs/en/{guide}", line, "activity-section")
    ]
    assert "write { #how-to-run-it }" in problems[0].message


def test_a_welsh_heading_s_own_id_is_reported_beside_another_problem_on_its_line(tmp_path):
    """A problem at the same line that is not about the id (a broken link in the heading)
    does not hold back the id's: both on the first run."""
    root = project(tmp_path, "en.md", "cy_own_id_on_a_heading_with_a_broken_link.md")
    rules = [(p.path, p.line, p.rule) for p in check_pages(root)[0]]
    assert ("docs/cy/index.md", 16, "heading-id-parity") in rules
    assert len([rule for rule in rules if rule[1] == 16]) == 2, rules
