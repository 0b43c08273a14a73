"""The navigation, checked in the sources on the first run (leadership.pages.navigation): an
entry that names no page at its line in mkdocs.yml, a learning page left out, a page nothing
leads to. Each mkdocs.yml in tests/fixtures/navigation/ is named after what it shows; the
pages beside them are the same for every one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from leadership.content import read_site
from leadership.rules import LEARNING_PAGE_NOT_IN_NAV, NAV_PAGE_MISSING, NAV_PARITY, ORPHAN_PAGE

FIXTURES = Path(__file__).parent / "fixtures" / "navigation"
NAVIGATION_RULES = (NAV_PAGE_MISSING, LEARNING_PAGE_NOT_IN_NAV, ORPHAN_PAGE, NAV_PARITY)
ORPHAN = (
    "orphan-page: no other page links here and it is not in the navigation: add it to nav in "
    "mkdocs.yml or link it from a page"
)


def navigation_problems(tmp_path: Path, config: str) -> list[str]:
    shutil.copytree(FIXTURES / "docs", tmp_path / "docs")
    shutil.copy(FIXTURES / config, tmp_path / "mkdocs.yml")
    content = read_site(tmp_path, config_file=tmp_path / "mkdocs.yml")
    return [str(problem) for problem in content.problems if problem.rule in NAVIGATION_RULES]


def test_a_page_nothing_leads_to_is_an_orphan_in_both_languages(tmp_path):
    # contact.md is linked from about.md; unlinked.md only from itself and from inside code.
    assert navigation_problems(tmp_path, "navigation_as_written.yml") == [
        f"docs/cy/unlinked.md:1: {ORPHAN}",
        f"docs/en/unlinked.md:1: {ORPHAN}",
    ]


def test_a_typo_in_a_nav_entry_is_reported_at_its_line_with_the_page_meant(tmp_path):
    # Not said again of the page it meant, which the entry leaves out of the navigation.
    assert navigation_problems(tmp_path, "a_typo_in_a_nav_entry.yml") == [
        "mkdocs.yml:16: nav-page-missing: 'principles/atending.md' is not a page in docs/en/: "
        "did you mean 'principles/attending.md'?",
    ]


def test_the_languages_navigations_list_the_same_pages_in_the_same_sections(tmp_path):
    # contact.md is linked from a page, so no other check would notice the Welsh reader
    # cannot find it in the navigation.
    assert navigation_problems(tmp_path, "navigations_that_differ_between_the_languages.yml") == [
        "mkdocs.yml:10: nav-parity: 'principles/attending.md' is at the top level here but in "
        "section 'Principles' in the English navigation (line 16): put it in the same section "
        "in both",
        "mkdocs.yml:18: nav-parity: 'contact.md' is in the English navigation but not in the "
        "Cymraeg one: add it to the cy language's nav:, in the same section",
    ]


def test_a_page_left_out_of_one_navigation_moves_no_other_page(tmp_path):
    # Sections are matched by the pages in them, not by their place: an entry more in one
    # language (a page, an address) is one problem, not one for every page after it.
    config = "a_page_left_out_of_one_navigation_moves_no_other.yml"
    assert navigation_problems(tmp_path, config) == [
        "mkdocs.yml:16: nav-parity: 'contact.md' is in the English navigation but not in the "
        "Cymraeg one: add it to the cy language's nav:, in the same section",
    ]


def test_an_entry_both_languages_share_is_reported_once(tmp_path):
    assert navigation_problems(tmp_path, "one_nav_for_both_languages_naming_no_page.yml") == [
        "mkdocs.yml:13: nav-page-missing: 'resources.md' is not a page in docs/en/ or docs/cy/: "
        "correct the path (relative to the language's folder) or create the page",
    ]


def test_an_entry_missing_from_one_language_is_left_to_the_page_parity_check(tmp_path):
    shutil.copytree(FIXTURES / "docs", tmp_path / "docs")
    (tmp_path / "docs/cy/unlinked.md").unlink()
    shutil.copy(FIXTURES / "one_nav_for_both_languages_naming_no_page.yml", tmp_path / "mkdocs.yml")
    content = read_site(tmp_path, config_file=tmp_path / "mkdocs.yml")
    missing = [p for p in content.problems if p.rule == NAV_PAGE_MISSING]
    assert [problem.line for problem in missing] == [13]  # resources.md, not unlinked.md


def test_a_welsh_entry_for_a_page_only_in_english_is_left_to_the_page_parity_check(tmp_path):
    shutil.copytree(FIXTURES / "docs", tmp_path / "docs")
    (tmp_path / "docs/cy/principles/attending.md").unlink()
    shutil.copy(FIXTURES / "navigation_as_written.yml", tmp_path / "mkdocs.yml")
    content = read_site(tmp_path, config_file=tmp_path / "mkdocs.yml")
    assert [p for p in content.problems if p.rule == NAV_PAGE_MISSING] == []


def test_an_entry_that_is_not_a_page_file_is_reported_but_an_address_is_a_link(tmp_path):
    # As MkDocs reads the nav: an address with a scheme or from the server's root is a link;
    # anything else must name a page's file (MkDocs' own warning has no line and no fix).
    both = "is not a page in docs/en/ or docs/cy/"
    config = "addresses_and_paths_that_are_not_pages_in_the_nav.yml"
    assert navigation_problems(tmp_path, config) == [
        f"mkdocs.yml:10: nav-page-missing: 'principles/attending' {both}: did you mean "
        "'principles/attending.md'?",
        f"mkdocs.yml:11: nav-page-missing: 'about/' {both}: did you mean 'about.md'?",
        f"mkdocs.yml:15: nav-page-missing: 'principles/' {both}: correct the path (relative to "
        "the language's folder) or create the page",
    ]


def test_without_a_nav_mkdocs_lists_every_page(tmp_path):
    assert navigation_problems(tmp_path, "no_nav.yml") == []


@pytest.mark.parametrize("config", [None, "unreadable"])
def test_without_a_readable_mkdocs_yml_nothing_is_said_of_the_navigation(tmp_path, config):
    # MkDocs says what is wrong with the file itself; the navigation cannot be known.
    shutil.copytree(FIXTURES / "docs", tmp_path / "docs")
    config_file = None
    if config:
        config_file = tmp_path / "mkdocs.yml"
        config_file.write_text("nav: [index.md\n", encoding="utf-8")
    content = read_site(tmp_path, config_file=config_file)
    assert [p for p in content.problems if p.rule in NAVIGATION_RULES] == []


def test_mkdocs_yml_that_is_not_yaml_is_reported_at_its_line_not_as_a_traceback(tmp_path):
    from leadership.pages.checks import check_pages

    shutil.copytree(FIXTURES / "docs", tmp_path / "docs")
    shutil.copy(FIXTURES / "an_entry_not_lined_up_with_the_others.yml", tmp_path / "mkdocs.yml")
    problems, checked = check_pages(tmp_path)
    assert [str(problem) for problem in problems] == [
        "mkdocs.yml:12: config-syntax: not valid YAML: expected <block end>, but found '-' "
        "(while parsing a block mapping that starts on line 10) (this line is not lined up "
        "with the lines above it: indent it as they are)",
    ]
    assert checked == 0
