"""The bilingual foundation, checked on the real site built with --strict."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from harness.testing import PROJECT_ROOT, build_site, copy_project
from lxml import html as lxml_html

from leadership.interface import STRINGS, missing_translations
from leadership.languages import (
    LANGUAGES,
    counterpart_site_path,
    language_of_site_path,
    missing_counterparts,
    source_pages,
)

DOCS = PROJECT_ROOT / "docs"
# Interface strings Material or Python-Markdown would show in English if Welsh were missing.
ENGLISH_INTERFACE = (
    "Skip to content",
    "Permanent link",
    "Back to top",
    "Table of contents",
    "Initializing search",
    "Type to start searching",
    "Copy to clipboard",
    "Page not found",
)


def built_pages(site_dir: Path) -> list[str]:
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if path.name != "404.html" and "assets" not in path.parts
    )


def parse(site_dir: Path, page: str):
    return lxml_html.fromstring((site_dir / page).read_bytes())


def resolve(page: str, href: str) -> str:
    """A link's target, as a path relative to the site root."""
    target = urlsplit(urljoin("http://site/" + page, href)).path.lstrip("/")
    return target + "index.html" if target.endswith("/") or target == "" else target


def test_every_source_page_exists_in_both_languages():
    assert missing_counterparts(DOCS) == []
    assert source_pages(DOCS, "en") == source_pages(DOCS, "cy")


def test_a_missing_welsh_page_fails_the_build_and_names_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "cy" / "glossary.md").unlink()
    result = build_site(tmp_path / "site", project_dir=project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/en/glossary.md:1: page-parity: no Cymraeg counterpart" in output
    assert "create docs/cy/glossary.md" in output
    assert "Traceback" not in output


def test_a_missing_page_is_reported_with_the_contents_other_problems_at_once(tmp_path):
    """Page parity does not stop the build's checks: an editor mends everything in one go."""
    project = copy_project(tmp_path / "project")
    (project / "docs" / "cy" / "extra.md").write_text(
        "---\ntitle: Ychwanegol\ndescription: Tudalen heb ei Saesneg.\n---\n\n# Ychwanegol\n",
        encoding="utf-8",
    )
    about = project / "docs" / "en" / "about.md"
    about.write_text(about.read_text("utf-8").replace("---\n", "---\nauthor: Someone\n", 1),
                     encoding="utf-8")
    result = build_site(tmp_path / "site", project_dir=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/cy/extra.md:1: page-parity: no English counterpart" in output
    assert "docs/en/about.md:2: frontmatter-unknown-key: unknown key 'author'" in output
    assert "Traceback" not in output


def test_a_link_to_a_heading_a_page_does_not_have_stops_the_build_at_the_links_line(tmp_path):
    """MkDocs' anchor validation names the page and the link; the check names the line."""
    from leadership.site_build import build_site as build_in_process

    project = copy_project(tmp_path / "project")
    about = project / "docs" / "en" / "about.md"
    text = about.read_text("utf-8")
    about.write_text(text + "\nSee [attending](principles/attending.md#nowhere).\n", "utf-8")
    line = len(text.split("\n")) + 1
    problems = [str(problem) for problem in build_in_process(project, tmp_path / "site")]
    assert problems == [
        f"docs/en/about.md:{line}: missing-fragment: 'principles/attending.md#nowhere': "
        "en/principles/attending.md has no heading or anchor '#nowhere': link to one of its "
        "headings' ids, or give the heading that id ({ #id } after it)"
    ]


def test_fallback_to_english_is_off():
    config = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*fallback_to_default: false\s*$", config, re.MULTILINE)


def test_every_built_page_has_a_counterpart(site_dir):
    pages = set(built_pages(site_dir))
    assert pages, "the build wrote no pages"
    for page in pages:
        other = "en" if language_of_site_path(page) == "cy" else "cy"
        assert counterpart_site_path(page, other) in pages, page


def test_html_lang_hreflang_and_language_switch_on_every_page(site_dir):
    for page in built_pages(site_dir):
        language = language_of_site_path(page)
        other = "en" if language == "cy" else "cy"
        counterpart = counterpart_site_path(page, other)
        tree = parse(site_dir, page)
        assert tree.get("lang") == language, page

        # hreflang lives in sitemap.xml (tests/test_links.py checks it there): an alternate
        # in the head would make Material fetch a sitemap.xml beside the page, a 404.
        assert tree.xpath('//head/link[@rel="alternate"]') == [], page

        switch = tree.xpath("//a[@data-cl-language-switch]")
        assert len(switch) == 1, page
        assert switch[0].get("hreflang") == other
        assert switch[0].get("lang") == other
        assert resolve(page, switch[0].get("href")) == counterpart, page


def test_the_sitemap_lists_every_page_with_both_languages(site_dir):
    from leadership import links

    site = links.read_site(site_dir, "http://127.0.0.1:8000/")
    assert links.check_sitemap(site) == []
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<url>") == len(
        [path for path in site.pages if not path.endswith("404.html")]
    )


def test_heading_ids_are_the_same_in_both_languages(site_dir):
    for page in built_pages(site_dir):
        if language_of_site_path(page) != "en":
            continue
        english = parse(site_dir, page).xpath("//article//*[self::h2 or self::h3]/@id")
        welsh = parse(site_dir, counterpart_site_path(page, "cy")).xpath(
            "//article//*[self::h2 or self::h3]/@id"
        )
        assert english == welsh, page


def test_welsh_pages_show_no_english_interface_strings(site_dir):
    for page in built_pages(site_dir):
        if language_of_site_path(page) != "cy":
            continue
        tree = parse(site_dir, page)
        for node in tree.xpath('//*[@lang="en"]'):
            node.drop_tree()  # English marked as English (language of parts) is allowed
        text = lxml_html.tostring(tree, encoding="unicode")
        for english in ENGLISH_INTERFACE:
            assert english not in text, f"{page}: {english!r}"
        assert tree.xpath('//a[@class="headerlink"]/@title') == [] or set(
            tree.xpath('//a[@class="headerlink"]/@title')
        ) == {STRINGS["permalink_title"]["cy"]}


def test_heading_permalinks_are_titled_in_the_pages_language(site_dir):
    titles = {"en": set(), "cy": set()}
    for page in built_pages(site_dir):
        tree = parse(site_dir, page)
        titles[language_of_site_path(page)] |= set(tree.xpath('//a[@class="headerlink"]/@title'))
    assert titles == {language: {STRINGS["permalink_title"][language]} for language in titles}


def test_project_interface_strings_are_translated():
    assert missing_translations() == []


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("404.html", "en", STRINGS["not_found_title"]["en"]),
        ("cy/404.html", "cy", STRINGS["not_found_title"]["cy"]),
    ],
)
def test_a_404_page_in_each_language(site_dir, path, language, heading):
    tree = parse(site_dir, path)
    assert tree.get("lang") == language
    assert tree.xpath("//article//h1/text()") == [heading]
    switch = tree.xpath("//a[@data-cl-language-switch]")
    assert len(switch) == 1


def test_one_search_index_per_language(site_dir):
    for language in LANGUAGES:
        prefix = "" if language == "en" else f"{language}/"
        index = json.loads((site_dir / prefix / "search" / "search_index.json").read_text("utf-8"))
        assert index["docs"], language
        for entry in index["docs"]:
            # locations are relative to the language root, so none points into another language
            assert not entry["location"].startswith(("cy/", "en/")), entry["location"]
            target = resolve(prefix, entry["location"].split("#")[0])
            assert (site_dir / target).exists(), target
            assert language_of_site_path(target) == language
