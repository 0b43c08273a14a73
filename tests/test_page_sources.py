"""Checks of a page's own Markdown that name their line: links to files that are not there,
and placeholder text left from the new-page templates. Both run in `make check` (pages)
and before every build."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest

from leadership.markdown_source import without_code
from leadership.pages.checks import check_pages, mkdocs_settings, project_extensions
from leadership.pages.placeholders import (
    TEMPLATES,
    check_placeholders,
    phrases_of,
    template_phrases,
)
from leadership.pages.source_links import (
    SitePaths,
    address_problems,
    check_source_links,
    raw_html_link_problems,
    raw_html_missing_fragments,
)

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
    problems = check_source_links(page.read_text(), page, docs, "kindness.md", SitePaths.read(docs))
    assert [str(problem) for problem in problems] == [
        "kindness.md:10: link-target-missing: 'atending.md#what-it-means' links to a file "
        "that does not exist: did you mean 'attending.md#what-it-means'?",
        "kindness.md:14: link-target-missing: '../principles/nonexistent.md' links to a file "
        "that does not exist: correct the path (relative to this page) or create the page",
    ]


def test_links_from_the_root_or_into_the_other_language_are_refused_with_the_link_to_write(
    tmp_path,
):
    # Each language is built from its own folder, and a site published under a folder (or
    # opened from the offline pack) has no root of its own: the link to write is to this
    # language's file, relative to the page.
    docs, _ = docs_with(tmp_path, "link_to_missing_page.md")
    (docs / "cy" / "principles").mkdir(parents=True)
    (docs / "cy" / "principles" / "attending.md").write_text("# Rhoi sylw\n", encoding="utf-8")
    page = docs / "cy" / "principles" / "kindness.md"
    shutil.copy(FIXTURES / "links_from_the_root_and_into_the_other_language.md", page)
    problems = check_source_links(page.read_text(), page, docs, "k.md", SitePaths.read(docs))
    into_english = (
        "links into docs/en/: each language's pages are built apart, so a Cymraeg page links "
        "to Cymraeg pages (the language switch leads to the other language)"
    )
    from_root = (
        "is written from the server's root: it leaves the site when the site is published "
        "under a folder (https://org.github.io/site/) and in the offline pack"
    )
    assert [str(problem) for problem in problems] == [
        f"k.md:7: link-target-missing: '../../en/principles/attending.md#what-it-means' "
        f"{into_english}: write [text](attending.md#what-it-means)",
        f"k.md:8: link-target-missing: '../../en/films/a-film.md' {into_english}: create "
        "docs/cy/films/a-film.md and link to it",
        f"k.md:10: link-target-missing: '/principles/attending/' {from_root}: write a Markdown "
        "link to the page's file, relative to this page: [text](attending.md)",
        f"k.md:10: link-target-missing: '/cy/principles/attending.md' {from_root}: write a "
        "Markdown link to the page's file, relative to this page: [text](attending.md)",
        f"k.md:11: link-target-missing: '/nowhere/' {from_root}: write a Markdown link to the "
        "file, relative to this page",
    ]


def test_the_heading_must_say_what_the_title_says():
    from leadership.pages.title import title_problems

    text = (FIXTURES / "heading_not_the_title.md").read_text(encoding="utf-8")
    assert [str(problem) for problem in title_problems(text, "Attending", "k.md")] == [
        "k.md:11: title-heading: the heading is 'Attention' but the title is 'Attending': make "
        "them the same (the navigation, search results and the browser's tab show the title)",
    ]
    assert title_problems(text.replace("# Attention", "# Attending"), "Attending", "k.md") == []
    # The same words, with Markdown or HTML around them, are the same title.
    marked = text.replace("# Attention", "# *Attending* to [people](people.md) &amp; teams")
    assert title_problems(marked, "Attending to people & teams", "k.md") == []



@pytest.mark.parametrize("body, title, reported", [
    ("<!--\n# Old title\n-->\n\n# About this site\n", "About this site", False),
    ("# 1\\. About  this site #\n", "1. About this site", False),
    ("About thsi site\n===============\n", "About this site", True),  # underlined
    ("#About thsi site\n", "About this site", True),  # Python-Markdown needs no space
])
def test_the_title_heading_is_found_as_python_markdown_finds_it(body, title, reported):
    from leadership.pages.title import title_problems

    found = title_problems(f"---\ntitle: x\n---\n\n{body}", title, "k.md")
    assert [problem.line for problem in found] == ([5] if reported else [])


def test_a_reference_link_with_no_definition_is_found_at_its_line():
    # Markdown shows it as it is written, brackets and all.
    text = (
        "# T\n\nSee [the guide][nope], [the site][Social  Care], `[code][x]` and a note[^1].\n"
        "[The notes][] and [social care][] too.\n"
        "\n[social care]: https://socialcare.wales/\n[^1]: A note.\n"
    )
    assert [str(problem) for problem in address_problems(text, "k.md")] == [
        "k.md:3: link-target-missing: '[the guide][nope]' names no reference: add a line "
        "'[nope]: address' to the page, or write the address in the link: [text](address)",
        "k.md:4: link-target-missing: '[The notes][]' names no reference: add a line "
        "'[The notes]: address' to the page, or write the address in the link: [text](address)",
    ]


def test_links_are_read_as_python_markdown_renders_them():
    from leadership.pages.source_links import link_targets

    # A footnote is not a link; a definition inside an admonition is; a link's text may hold
    # brackets or an image, and then links to both; matrix[0][1] is text.
    text = (
        "# T\n\nCompassion.[^1] See [[1]](one.md), [a [b] c](two.md) and "
        "[![Notes](notes.png)](three.md); matrix[0][1].\n\n"
        "!!! note\n\n    Read [the sources][src].\n\n    [src]: four.md\n\n"
        "[^1]: West, M. (2021) Compassionate leadership.\n"
    )
    assert sorted(target for target, _line in link_targets(text)) == [
        "four.md", "notes.png", "one.md", "three.md", "two.md",
    ]
    assert address_problems(text, "k.md") == []


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


def test_links_in_html_are_checked_against_the_addresses_the_site_will_have(tmp_path):
    docs, page = docs_with(tmp_path, "html_links_to_missing_files.md")
    (docs / "en" / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "cy").mkdir()
    (docs / "cy" / "index.md").write_text("# Hafan\n", encoding="utf-8")
    theme = tmp_path / "overrides"
    (theme / "assets" / "stylesheets").mkdir(parents=True)
    (theme / "assets" / "stylesheets" / "site.css").write_text("", encoding="utf-8")
    (docs / "en" / "activities").mkdir()
    (docs / "en" / "activities" / "index.md").write_text("# Activities\n", encoding="utf-8")
    made = ["transcripts/a-film.en.vtt", "activities/a-guide/present/index.html"]
    site = SitePaths.read(docs, made, theme_dirs=[theme])
    problems = raw_html_link_problems(page.read_text(), "en/principles/kindness.md", "k.md", site)
    missing = "in HTML leads to nothing the site has"
    a_page = (
        "is a page's address written in HTML: it works on the website or in the offline pack, "
        "not both: write a Markdown link to its file,"
    )
    relative_to_address = (
        "in HTML an address is relative to the page's address (principles/kindness/), not to "
        "its file"
    )
    correct = (
        "correct the address (relative to the page's address, principles/kindness/), or use a "
        "Markdown link to the file"
    )
    assert [str(problem) for problem in problems] == [
        f"k.md:9: link-target-missing: '../attending/' {a_page} [text](attending.md)",
        f"k.md:10: link-target-missing: '../../films/a-film/#t-00-28' {a_page} "
        "[text](../films/a-film.md#t-00-28)",
        f"k.md:11: link-target-missing: '../../' {a_page} [text](../index.md)",
        f"k.md:11: link-target-missing: '../../cy/' {a_page} [text](../../cy/index.md)",
        f"k.md:16: link-target-missing: 'attending/' {missing}: {relative_to_address}, and "
        "differs between the website and the offline pack: write a Markdown link to the "
        "page's file, [text](attending.md)",
        f"k.md:18: link-target-missing: '../atending/' {missing}: did you mean the page "
        "[text](attending.md)?",
        f"k.md:20: link-target-missing: 'attending.md' {missing}: a link to a page's file is "
        "made into its address only in Markdown: write [text](attending.md)",
        f"k.md:22: link-target-missing: '../../assets/team.png' {missing}: {correct}",
        f"k.md:24: link-target-missing: '../../../../elsewhere/' leads outside the site: "
        f"{relative_to_address}",
        f"k.md:28: link-target-missing: '../nowhere/' {missing}: {correct}",
        "k.md:30: link-target-missing: an empty address in HTML leads nowhere: give the "
        "address, or remove the link",
        f"k.md:32: link-target-missing: '../../assets/stylesheets/site.css/' {missing}: did "
        "you mean '../../assets/stylesheets/site.css'?",
        f"k.md:35: link-target-missing: '../../transcripts/no-film.en.vtt' {missing}: did you "
        "mean '../../transcripts/a-film.en.vtt'?",
        f"k.md:38: link-target-missing: '../../activities/' {a_page} "
        "[text](../activities/index.md)",
        "k.md:42: link-target-missing: '/principles/attending/' is written from the server's "
        "root: it leaves the site when the site is published under a folder "
        "(https://org.github.io/site/) and in the offline pack: write it relative to this page",
    ]


def test_the_pages_check_finds_a_link_in_html_to_a_missing_page(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copytree(ROOT / "transcripts", project / "transcripts")
    about = project / "docs" / "cy" / "about.md"
    lines = about.read_text(encoding="utf-8").splitlines()
    about.write_text(
        "\n".join([*lines, "", '<a href="../egwyddorion/">Egwyddorion</a>']) + "\n",
        encoding="utf-8",
    )
    problems, _ = check_pages(project)
    assert [str(problem) for problem in problems] == [
        f"docs/cy/about.md:{len(lines) + 2}: link-target-missing: '../egwyddorion/' in HTML "
        "leads to nothing the site has: correct the address (relative to the page's address, "
        "cy/about/), or use a Markdown link to the file",
    ]


# Each block: (Markdown, whether Python-Markdown shows the marked line as code).
INDENTED_BLOCKS = {
    "after a paragraph": ("Text\n\n    MARK <a href='x/'>\n\nAfter", True),
    "under a list item": ("- item\n\n    MARK continued\n", False),
    "code under a list item": ("- item\n\n        MARK code\n", True),
    "under an admonition": ("!!! note\n\n    MARK inside\n", False),
    "a lazy continuation": ("para line\n    MARK lazy\n", False),
    "under a nested item": ("1. one\n    - two\n\n        MARK under two\n", False),
    "code under a nested item": ("1. one\n    - two\n\n            MARK code\n", True),
    "after a list and a paragraph": ("- a\n- b\n\nPara\n\n    MARK code\n", True),
    "under a collapsible block": ('??? note "x"\n\n    MARK inside\n', False),
    "under a footnote": ("Text[^1]\n\n[^1]: note\n\n    MARK more\n", False),
    "under a definition": ("Term\n:   def\n\n    MARK more\n", False),
}


@pytest.mark.parametrize("case", sorted(INDENTED_BLOCKS))
def test_indented_code_is_code_where_python_markdown_renders_it_as_code(case):
    text, is_code = INDENTED_BLOCKS[case]
    extensions, configs = project_extensions(mkdocs_settings(ROOT / "mkdocs.yml"))
    rendered = markdown.markdown(text, extensions=extensions, extension_configs=configs)
    assert ("<code>MARK" in rendered) is is_code, rendered  # the case says what Markdown does
    assert ("MARK" not in without_code(text)) is is_code


def test_a_suggested_address_keeps_the_query_and_the_fragment(tmp_path):
    docs, _ = docs_with(tmp_path, "link_to_missing_page.md")
    site = SitePaths.read(docs, ["activities/plan/index.html"])
    text = '<a href="../../activties/plan/?a=x#step-2">the plan</a>\n'
    (problem,) = raw_html_link_problems(text, "en/principles/kindness.md", "k.md", site)
    assert problem.message.endswith("did you mean '../../activities/plan/?a=x#step-2'?")


def test_html_in_a_markdown_links_title_is_not_a_link(tmp_path):
    docs, _ = docs_with(tmp_path, "link_to_missing_page.md")
    text = '# Kindness\n\nSee [attending](attending.md "as in <a href=\'nowhere/\'>").\n'
    site = SitePaths.read(docs)
    assert raw_html_link_problems(text, "en/principles/kindness.md", "k.md", site) == []


def test_a_link_in_an_indented_code_block_is_not_a_link(tmp_path):
    docs, page = docs_with(tmp_path, "link_to_missing_page.md")
    text = "# Kindness\n\nAn example:\n\n    <a href=\"nowhere/\">x</a> [y](nowhere.md)\n"
    site = SitePaths.read(docs)
    assert raw_html_link_problems(text, "en/principles/kindness.md", "k.md", site) == []
    assert check_source_links(text, page, docs, "k.md", site) == []


def test_a_heading_or_cue_an_html_link_names_must_be_on_its_page(tmp_path):
    docs, _ = docs_with(tmp_path, "link_to_missing_page.md")
    site = SitePaths.read(docs)
    ids = {
        "en/principles/kindness.md": {"kindness"},
        "en/films/a-film.md": {"transcript", "t-00-28"},
    }
    text = (
        '<a href="#kindness">here</a> <a href="#nowhere">here</a>\n'
        '<a href="../../films/a-film/#t-00-28">a moment</a>\n'
        '<a href="../../films/a-film/#t-09-99">no such moment</a>\n'
        '<a href="https://example.org/#x">elsewhere</a>\n'
    )
    problems = raw_html_missing_fragments(
        text, "en/principles/kindness.md", "k.md", site, ids.get
    )
    assert [str(problem) for problem in problems] == [
        "k.md:1: missing-fragment: '#nowhere': en/principles/kindness.md has no heading or "
        "anchor '#nowhere': link to one of its headings' ids, or give the heading that id "
        "({ #id } after it)",
        "k.md:3: missing-fragment: '../../films/a-film/#t-09-99': no cue of en/films/a-film.md "
        "starts at #t-09-99 (a cue's anchor is the minute and second it starts, t-MM-SS): "
        "nearest cues: t-00-28",
    ]


def test_addresses_that_go_nowhere_are_found_in_the_markdown_at_their_line():
    text = (FIXTURES / "addresses_that_go_nowhere.md").read_text(encoding="utf-8")
    assert sorted((p.line, p.rule) for p in address_problems(text, "k.md")) == [
        (9, "malformed-mailto"),
        (9, "placeholder-link"),
        (11, "image-alt"),
        (11, "placeholder-link"),
        (11, "placeholder-link"),
        (16, "image-alt"),
        (16, "image-alt"),
        (17, "image-alt"),
    ]
    images = sorted(str(p) for p in address_problems(text, "k.md") if p.rule == "image-alt")
    assert images[1:] == [
        'k.md:16: image-alt: <img src="team.png"> has empty alt text: describe the image in '
        'alt="...", in the page\'s language',
        'k.md:16: image-alt: <img src="team.png"> has no alt text: describe the image in '
        'alt="...", in the page\'s language',
        'k.md:17: image-alt: ![team-meeting.png](team-meeting.png) has a file name as alt text '
        '("team-meeting.png"): describe what the image shows',
    ]
