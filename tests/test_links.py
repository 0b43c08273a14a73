"""The link checker: a tiny fixture site per failure mode, each with its exact rule, page, line."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
from harness.testing import serve
from hypothesis import given
from hypothesis import strategies as st

from leadership import links
from leadership.links import external as external_links
from leadership.reporting import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "links"
SCRIPT = ROOT / "scripts" / "check_links.py"

# fixture site -> every (page, line, rule) the checker must report for it, and nothing else
EXPECTED: dict[str, set[tuple[str, int, str]]] = {
    "complete_bilingual_site": set(),
    "percent_encoded_welsh_fragment_ok": set(),
    "material_search_share_button_ok": set(),
    "broken_internal_link": {("about/index.html", 21, "broken-link")},
    "broken_link_in_multiline_tag": {("about/index.html", 22, "broken-link")},
    "directory_without_index": {("about/index.html", 21, "broken-link")},
    "missing_image": {("cy/about/index.html", 21, "broken-link")},
    "image_without_src": {("cy/about/index.html", 21, "broken-link")},
    "root_relative_outside_site_url": {("about/index.html", 21, "broken-link")},
    "missing_fragment": {("about/index.html", 22, "missing-fragment")},
    "missing_fragment_on_same_page": {("about/index.html", 22, "missing-fragment")},
    "welsh_fragment_decomposed_circumflex": {("cy/about/index.html", 22, "missing-fragment")},
    "placeholder_hash_link": {("about/index.html", 21, "placeholder-link")},
    "placeholder_empty_href": {("cy/about/index.html", 21, "placeholder-link")},
    "placeholder_javascript_link": {("about/index.html", 21, "placeholder-link")},
    "placeholder_todo_link": {("about/index.html", 21, "placeholder-link")},
    "placeholder_example_domain": {("about/index.html", 21, "placeholder-link")},
    "insecure_external_link": {("about/index.html", 21, "insecure-link")},
    "malformed_mailto": {
        ("about/index.html", 21, "malformed-mailto"),
        ("about/index.html", 22, "malformed-mailto"),
        ("about/index.html", 23, "malformed-mailto"),
    },
    "image_without_alt": {("about/index.html", 21, "image-alt")},
    "image_empty_alt_not_decorative": {("cy/about/index.html", 21, "image-alt")},
    "image_filename_alt": {
        ("about/index.html", 21, "image-alt"),
        ("about/index.html", 22, "image-alt"),
        ("about/index.html", 23, "image-alt"),
    },
    "missing_welsh_counterpart": {("about/index.html", 1, "missing-counterpart")},
    "missing_english_counterpart": {("cy/about/index.html", 1, "missing-counterpart")},
    "language_switch_wrong_target": {("cy/about/index.html", 12, "language-switch")},
    "language_switch_missing": {("about/index.html", 10, "language-switch")},
    "hreflang_alternate_wrong_target": {("about/index.html", 7, "hreflang-alternate")},
    "sitemap_alternate_wrong_target": {("sitemap.xml", 8, "sitemap-hreflang")},
    "orphan_page": {
        ("handout/index.html", 1, "orphan-page"),
        ("cy/handout/index.html", 1, "orphan-page"),
    },
    "unreadable_page": {("downloads/notes.html", 1, "unreadable-page")},
}
SITE_URLS = {"root_relative_outside_site_url": "https://example.org/leadership/"}

# Messages name the offending address (or what is missing) so an editor can find it.
MESSAGE_NAMES = {
    "broken_internal_link": '<a href="../principles/listening/">',
    "missing_image": "cy/assets/tim.png does not exist",
    "image_without_src": "<img> has no src",
    "root_relative_outside_site_url": "served from /leadership/",
    "missing_fragment": 'no id "t-09-59" on films/what-compassionate-leadership-means/index.html',
    "welsh_fragment_decomposed_circumflex": "as single characters",
    "placeholder_hash_link": '<a href="#">',
    "placeholder_todo_link": '<a href="TODO">',
    "insecure_external_link": "link to https://socialcare.wales/",
    "missing_welsh_counterpart": "cy/about/index.html does not exist",
    "language_switch_wrong_target": "leads to index.html, not to this page's English counterpart",
    "language_switch_missing": 'hreflang="cy": add one that leads to cy/about/index.html',
    "hreflang_alternate_wrong_target": '<link rel="alternate" hreflang="cy" href="../cy/">',
    "image_filename_alt": '"team-meeting.png"',
}


def problems_in(behaviour: str) -> list:
    site = links.read_site(FIXTURES / behaviour, SITE_URLS.get(behaviour))
    return links.check_site(site)


@pytest.mark.parametrize("behaviour", sorted(EXPECTED))
def test_fixture_site_reports_exactly_its_problems(behaviour):
    found = {(p.path, p.line, p.rule) for p in problems_in(behaviour)}
    assert found == EXPECTED[behaviour]


@pytest.mark.parametrize("behaviour", sorted(MESSAGE_NAMES))
def test_message_names_the_offending_address(behaviour):
    messages = " | ".join(p.message for p in problems_in(behaviour))
    assert MESSAGE_NAMES[behaviour] in messages


def test_every_fixture_site_has_expectations():
    assert {path.name for path in FIXTURES.iterdir() if path.is_dir()} == set(EXPECTED)


def test_every_rule_has_a_fixture_site():
    covered = {rule for expected in EXPECTED.values() for _, _, rule in expected}
    # external-link needs the network; its checker is tested below with a fake fetcher.
    assert covered == set(links.RULES) - {links.EXTERNAL_LINK}


def test_rules_are_documented():
    rules_doc = (ROOT / "docs-dev" / "link-rules.md").read_text(encoding="utf-8")
    for rule in links.RULES:
        assert f"`{rule}`" in rules_doc


def test_libxml2_end_of_tag_line_is_corrected_to_where_the_tag_starts():
    site = links.read_site(FIXTURES / "broken_link_in_multiline_tag")
    (reference,) = [r for r in site.pages["about/index.html"].references if "listening" in r.url]
    assert reference.line == 24  # libxml2: the line of the start tag's ">"
    assert [p.line for p in links.check_site(site)] == [22]  # where "<a" is


# ---- building small sites from strings --------------------------------------------------


def make_site(tmp_path: Path, files: dict[str, str | bytes], site_url: str | None = None):
    for relative, content in files.items():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content), encoding="utf-8")
    return links.read_site(tmp_path, site_url)


def reference_problems(site) -> set[tuple[str, int, str]]:
    findings = links.check_references(site) + links.check_images(site)
    return {(p.path, p.line, p.rule) for p in links.to_problems(site, findings)} | {
        (p.path, p.line, p.rule) for p in site.unreadable
    }


def test_links_in_every_element_that_loads_or_links_are_resolved(tmp_path):
    site = make_site(
        tmp_path,
        {
            "index.html": """\
            <link rel="stylesheet" href="css/missing.css">
            <script src="js/missing.js"></script>
            <video src="v/missing.mp4" poster="v/missing.jpg">
            <source src="v/missing.webm"><track src="v/missing.vtt"></video>
            <picture><source srcset="p/a.webp 1x, p/missing.webp 2x">
            <img src="p/a.png" alt="A chart"></picture>
            <audio src="a/missing.mp3"></audio><iframe src="f/missing.html"></iframe>
            <object data="o/missing.pdf"></object><form action="f/missing"></form>
            <blockquote cite="q/missing.html">Quote</blockquote>
            <link rel="preconnect" href="https://fonts.example.com">
            <link rel="dns-prefetch" href="//cdn.example.com">
            """,
            "p/a.webp": b"",
            "p/a.png": b"",
        },
    )
    lines = {(path, line) for path, line, rule in reference_problems(site) if rule == "broken-link"}
    assert lines == {("index.html", line) for line in (1, 2, 3, 4, 5, 7, 8, 9)}
    broken = [f.message for f in links.check_references(site)]
    assert len(broken) == 12
    for name in ("missing.css", "missing.js", "missing.mp4", "missing.jpg", "missing.webm",
                 "missing.vtt", "missing.webp", "missing.mp3", "f/missing.html", "missing.pdf",
                 "f/missing", "q/missing.html"):  # fmt: skip
        assert any(name in message for message in broken), name


def test_directory_urls_root_relative_urls_and_site_url_paths_resolve(tmp_path):
    pages = {
        "index.html": """\
        <a href="principles/">folder</a> <a href="principles">folder, no slash</a>
        <a href="/leadership/principles/#p">root-relative under the site path</a>
        <a href="https://example.org/leadership/principles/">absolute, this site</a>
        <a href="principles/index.html?print=1#p">query and fragment</a>
        <a href="/leadership/principles/../principles/./">dot segments</a>
        """,
        "principles/index.html": '<h1 id="p">P</h1><a href="../../../../">above the root</a>',
    }
    site = make_site(tmp_path, pages, site_url="https://example.org/leadership/")
    assert reference_problems(site) == {("principles/index.html", 1, "broken-link")}
    (finding,) = links.check_references(site)
    assert "outside the site" in finding.message


def test_a_link_above_the_root_of_a_root_served_site_stays_at_the_root(tmp_path):
    # Browsers drop ".." above the host's root, so this reaches index.html.
    site = make_site(tmp_path, {"index.html": "x", "a/index.html": '<a href="../../../">up</a>'})
    assert reference_problems(site) == set()


def test_site_url_address_of_the_site_itself_is_internal_not_insecure(tmp_path):
    site = make_site(
        tmp_path,
        {"index.html": '<link rel="canonical" href="http://127.0.0.1:8000/gone/">'},
        site_url="http://127.0.0.1:8000/",
    )
    assert reference_problems(site) == {("index.html", 1, "broken-link")}
    assert links.external_addresses(site) == {}


@pytest.mark.parametrize(
    ("fragment", "exists"),
    [
        ("ŵyn-a-ŷd", True),
        ("%C5%B5yn-a-%C5%B7d", True),  # percent-encoded UTF-8
        ("%c5%b5yn-a-%c5%b7d", True),  # lower-case escapes are the same bytes
        ("w\u0302yn-a-y\u0302d", False),  # decomposed: a different id to a browser
        ("Ŵyn-a-Ŷd", False),  # ids are case-sensitive
        ("t-01-02", True),
        ("t-1-02", False),
        ("tangent%3A-kustomize", True),  # an id that contains a literal "%3A"
        ("old-name", True),  # <a name>
        ("div-name", False),  # name on a <div> is not a target
        ("", True),  # "page#" is the top of the page
        ("top", True),
        ("TOP", True),
        ("%FF", False),  # not UTF-8 once decoded
    ],
)
def test_fragment_exists_as_a_browser_finds_it(tmp_path, fragment, exists):
    site = make_site(
        tmp_path,
        {
            "f.html": """\
            <h2 id="ŵyn-a-ŷd">Ŵyn a ŷd</h2><p id="t-01-02">cue</p>
            <div id="tangent%3A-kustomize"></div><a name="old-name"></a><div name="div-name"></div>
            """
        },
    )
    assert links.fragment_exists(site.pages["f.html"], fragment) is exists


@pytest.mark.parametrize(
    ("srcset", "urls"),
    [
        ("a.png", ["a.png"]),
        ("a.png 1x, b.png 2x", ["a.png", "b.png"]),
        ("a.png 480w,b.png 800w", ["a.png", "b.png"]),
        ("  a.png  ,  b%20c.png 2x ", ["a.png", "b%20c.png"]),
        ("a.png,b.png", ["a.png,b.png"]),  # no space: one URL with a comma in it
        ("data:image/png;base64,AAAA 1x, b.png 2x", ["data:image/png;base64,AAAA", "b.png"]),
        ("", []),
    ],
)
def test_parse_srcset(srcset, urls):
    assert links.parse_srcset(srcset) == urls


SEGMENTS = st.sampled_from(["..", ".", "a", "b", "c.html", "ŵ", "%C5%B5", "..."])


@given(
    folders=st.lists(st.sampled_from(["x", "y", "cy"]), max_size=4),
    relative=st.lists(SEGMENTS, min_size=1, max_size=6),
    trailing_slash=st.booleans(),
)
def test_relative_resolution_agrees_with_rfc_3986(folders, relative, trailing_slash):
    page_path = "/".join([*folders, "index.html"])
    url = "/".join(relative) + "/" * trailing_slash
    expected_path = urlsplit(urljoin("http://h/" + quote(page_path), url)).path
    wanted = unquote(expected_path[1:])
    expected_file = wanted + "index.html" if wanted == "" or wanted.endswith("/") else wanted
    site = links.Site(Path("/nowhere"), frozenset({expected_file}), frozenset(), {})
    target = links.resolve(site, links.Page(page_path), url)
    assert (target.path, target.error) == (expected_file, None)


@pytest.mark.parametrize(
    ("path", "resolved"),
    [
        ("/a/b/../c", "/a/c"),
        ("/a/b/..", "/a/"),
        ("/a/./b", "/a/b"),
        ("/a/b/.", "/a/b/"),
        ("/../x", "/x"),
        ("/.", "/"),
        ("/a//../b", "/a/b"),
    ],
)
def test_remove_dot_segments(path, resolved):
    assert links.remove_dot_segments(path) == resolved


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("mailto:dysgu@gofalcymdeithasol.cymru", None),
        ("mailto:Dysgu.Tim+cl@gofalcymdeithasol.cymru?subject=Cwestiwn%20am%20y%20modiwl", None),
        ("mailto:a@example.org,b@example.org", None),
        ("mailto:?to=a@example.org&subject=hi", None),
        ("mailto:%C3%B6lvin@example.org", None),
        ("mailto:", "has no email address"),
        ("mailto:?subject=hi", "has no email address"),
        ("mailto:octocat", '"octocat" is not an email address'),
        ("mailto:a@b", '"a@b" is not an email address'),
        ("mailto:a..b@example.org", "is not an email address"),
        ("mailto:a@example..org", "is not an email address"),
        ("mailto:info%ZZ@example.org", '"%ZZ" is not a valid %-escape'),
        ("mailto:%E4lvin@example.org", "is not UTF-8 once %-decoded"),
    ],
)
def test_mailto_problem(url, problem):
    result = links.mailto_problem(url)
    if problem is None:
        assert result is None
    else:
        assert problem in result


@pytest.mark.parametrize(
    ("src", "alt", "decorative", "bad"),
    [
        ("team.png", "Managers talking in a care home office", False, False),
        ("gpl.png", "GPL", False, False),  # the stem, but it reads as what the image says
        ("team.png", None, False, True),
        ("team.png", None, True, True),  # decorative still needs alt=""
        ("team.png", "", True, False),
        ("team.png", "   ", True, False),
        ("team.png", "", False, True),
        ("team.png", " \t", False, True),
        ("team-meeting.png", "team-meeting", False, True),
        ("IMG_0042.jpg", "IMG_0042", False, True),
        ("x.png", "DSC01234.JPG", False, True),
        ("x.png", "Image", False, True),
        ("x.png", "llun", False, True),  # Welsh "picture"
        ("x.png", "Delwedd", False, True),  # Welsh "image"
        ("x.png", "Tîm gofal yn cyfarfod", False, False),
    ],
)
def test_alt_problem(src, alt, decorative, bad):
    image = links.Image("p.html", 1, src, alt, decorative)
    assert (links.alt_problem(image) is not None) is bad


@pytest.mark.parametrize(
    ("tag", "attribute", "url", "placeholder"),
    [
        ("a", "href", "#", True),
        ("a", "href", "", True),
        ("a", "href", "javascript:void(0)", True),
        ("a", "href", "JavaScript:alert(1)", True),
        ("a", "href", "TODO", True),
        ("a", "href", "#todo", True),
        ("a", "href", "../TBC/", True),
        ("a", "href", "todos.html", False),
        ("a", "href", "https://github.com/x/todo-app", False),  # external: not a marker
        ("a", "href", "tel:", True),
        ("a", "href", "tel:+443007900126", False),
        ("img", "src", "", True),
        ("link", "href", "", True),
        ("form", "action", "", False),  # submits to this page
        ("blockquote", "cite", "", False),
        ("a", "href", "#t-01-02", False),
        ("a", "href", "./", False),
    ],
)
def test_placeholder_reason(tag, attribute, url, placeholder):
    reference = links.Reference("p.html", 1, tag, attribute, url)
    assert (links.placeholder_reason(reference) is not None) is placeholder


@pytest.mark.parametrize(
    ("url", "reserved"),
    [
        ("https://example.com/x", True),
        ("https://www.example.org/", True),
        ("https://docs.example", True),
        ("http://localhost:8000/", True),
        ("http://127.0.0.1:8000/", True),
        ("https://todo/", True),
        ("https://socialcare.wales/", False),
        ("https://gofalcymdeithasol.cymru/", False),
        ("https://notexample.com/", False),
    ],
)
def test_reserved_hosts_are_placeholders(url, reserved):
    target = links.Target("external", url)
    assert (links.reserved_host_reason(target) is not None) is reserved


def test_material_share_button_is_the_only_exempt_script_link(tmp_path):
    site = make_site(
        tmp_path,
        {
            "index.html": """\
            <header><form class="md-search__form">
            <a href="javascript:void(0)" data-md-component="search-share">share</a>
            <a href="javascript:void(0)" class="md-search__icon">not the theme's share button</a>
            <a href="#" data-md-component="search-share">a "#" is not the theme's script link</a>
            </form></header>
            """
        },
    )
    assert reference_problems(site) == {
        ("index.html", 3, "placeholder-link"),
        ("index.html", 4, "placeholder-link"),
    }


def test_usemap_must_name_a_map_on_the_page(tmp_path):
    site = make_site(
        tmp_path,
        {
            "index.html": """\
            <map name="chart"><area href="index.html" alt="Chart"></map>
            <img src="c.png" alt="Chart" usemap="#chart">
            <img src="c.png" alt="Chart" usemap="#nothing">
            <img src="c.png" alt="Chart" usemap="chart">
            """,
            "c.png": b"",
        },
    )
    assert reference_problems(site) == {
        ("index.html", 3, "missing-fragment"),
        ("index.html", 4, "broken-link"),
    }


def test_base_href_changes_where_relative_links_lead(tmp_path):
    site = make_site(
        tmp_path,
        {
            "a/index.html": '<base href="../b/"><a href="page.html">ok</a><a href="#x">x</a>',
            "b/page.html": "page",
            "b/index.html": '<p id="x">x</p>',
        },
    )
    assert reference_problems(site) == set()


def test_a_link_to_an_empty_html_file_has_no_fragments(tmp_path):
    site = make_site(
        tmp_path,
        {"index.html": '<a href="empty.html#x">x</a><a href="empty.html">ok</a>', "empty.html": ""},
    )
    assert reference_problems(site) == {("index.html", 1, "missing-fragment")}


def test_fragments_of_files_that_are_not_html_are_not_checked(tmp_path):
    site = make_site(
        tmp_path,
        {
            "index.html": '<a href="h.pdf#page=2">pdf</a><a href="s.vtt#cue">vtt</a>',
            "h.pdf": b"%PDF",
            "s.vtt": "WEBVTT",
        },
    )
    assert reference_problems(site) == set()


def test_pages_in_other_encodings_are_read_by_their_declared_charset(tmp_path):
    latin1 = '<meta charset="iso-8859-1"><p id="caf\u00e9">x</p><a href="#caf%C3%A9">x</a>'
    site = make_site(
        tmp_path,
        {
            "declared.html": latin1.encode("iso-8859-1"),
            "bom.html": '\ufeff<p id="ŵ">x</p><a href="#ŵ">x</a>'.encode(),
            "undeclared.html": b"<p>ok</p>\n<p>caf\xe9</p>",
            "binary.html": b"\x89PNG\r\n\x1a\n\x00\x00",
            "unknown.html": b'<meta charset="klingon"><p>x</p>',
        },
    )
    assert reference_problems(site) == {
        ("undeclared.html", 2, "unreadable-page"),
        ("binary.html", 1, "unreadable-page"),
        ("unknown.html", 1, "unreadable-page"),
    }
    assert "caf\u00e9" in site.pages["declared.html"].ids


def test_a_language_link_to_a_missing_counterpart_is_reported_once(tmp_path):
    problems = problems_in("missing_welsh_counterpart")
    assert [p.rule for p in problems] == ["missing-counterpart"]


def test_a_404_page_may_offer_the_other_languages_home(tmp_path):
    page = """\
    <html><head><link rel="alternate" hreflang="en" href="{en}">
    <link rel="alternate" hreflang="cy" href="{cy}"></head>
    <body><header><a hreflang="{other}" href="{switch}">switch</a></header></body></html>
    """
    site = make_site(
        tmp_path,
        {
            "index.html": page.format(en="./", cy="cy/", other="cy", switch="cy/"),
            "cy/index.html": page.format(en="../", cy="./", other="en", switch="../"),
            "404.html": page.format(en="/.", cy="/cy/", other="cy", switch="/cy/"),
            "cy/404.html": page.format(en="/", cy="/cy/", other="en", switch="/."),
        },
    )
    assert links.check_site(site) == []
    # ...but an ordinary page may not: its switch must lead to its counterpart.
    (tmp_path / "about").mkdir()
    (tmp_path / "cy" / "about").mkdir()
    (tmp_path / "about/index.html").write_text(
        page.format(en="./", cy="../cy/about/", other="cy", switch="../cy/")
    )
    (tmp_path / "cy/about/index.html").write_text(
        page.format(en="../../about/", cy="./", other="en", switch="../../about/")
    )
    problems = links.check_site(links.read_site(tmp_path))
    assert {(p.path, p.rule) for p in problems} == {
        ("about/index.html", "language-switch"),
        ("about/index.html", "orphan-page"),
        ("cy/about/index.html", "orphan-page"),
    }


def test_orphans_ignore_the_language_switch_and_count_meta_refresh(tmp_path):
    page = '<html><body><header><a hreflang="{o}" href="{s}">s</a></header>{body}</body></html>'
    site = make_site(
        tmp_path,
        {
            "index.html": page.format(o="cy", s="cy/", body='<a href="moved.html">old</a>'),
            "cy/index.html": page.format(o="en", s="../", body='<a href="moved.html">hen</a>'),
            "moved.html": '<meta http-equiv="refresh" content="0; url=new/">',
            "cy/moved.html": '<meta http-equiv="refresh" content="0; url=new/">',
            "new/index.html": page.format(o="cy", s="../cy/new/", body=""),
            "cy/new/index.html": page.format(o="en", s="../../new/", body=""),
            "lonely/index.html": page.format(o="cy", s="../cy/lonely/", body='<a href="./">me</a>'),
            "cy/lonely/index.html": page.format(o="en", s="../../lonely/", body=""),
        },
    )
    orphans = {p.path for p in links.check_site(site) if p.rule == "orphan-page"}
    assert orphans == {"lonely/index.html", "cy/lonely/index.html"}


@pytest.mark.parametrize(
    ("site_url", "origin", "base_path"),
    [
        (None, links.PLACEHOLDER_ORIGIN, "/"),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000", "/"),
        ("https://Example.org/leadership", "https://example.org", "/leadership/"),
        ("/leadership/", links.PLACEHOLDER_ORIGIN, "/leadership/"),
    ],
)
def test_split_site_url(site_url, origin, base_path):
    assert links.split_site_url(site_url) == (origin, base_path)


def test_site_url_from_config_reads_env_tags_and_ignores_python_tags(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: t\n"
        'site_url: !ENV [LEADERSHIP_TEST_SITE_URL, "https://example.org/leadership/"]\n'
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    monkeypatch.delenv("LEADERSHIP_TEST_SITE_URL", raising=False)
    assert links.site_url_from_config(config) == "https://example.org/leadership/"
    monkeypatch.setenv("LEADERSHIP_TEST_SITE_URL", "https://dysgu.example.cymru/")
    assert links.site_url_from_config(config) == "https://dysgu.example.cymru/"
    assert links.site_url_from_config(tmp_path / "missing.yml") is None
    (tmp_path / "broken.yml").write_text("site_url: [unclosed\n", encoding="utf-8")
    assert links.site_url_from_config(tmp_path / "broken.yml") is None


def test_read_site_refuses_what_is_not_a_folder(tmp_path):
    with pytest.raises(links.SiteError, match="does not exist"):
        links.read_site(tmp_path / "nowhere")
    (tmp_path / "file.html").write_text("x")
    with pytest.raises(links.SiteError, match="not a folder"):
        links.read_site(tmp_path / "file.html")


# ---- the real site ----------------------------------------------------------------------


@pytest.mark.build
def test_real_site_is_clean(site_dir):
    site = links.read_site(site_dir, links.site_url_from_config(ROOT / "mkdocs.yml"))
    assert [str(problem) for problem in links.check_site(site)] == []


# ---- external addresses -----------------------------------------------------------------


def test_external_addresses_are_listed_with_every_use(tmp_path):
    site = make_site(
        tmp_path,
        {
            "index.html": '<a href="https://socialcare.wales/x#part">a</a>\n'
            '<a href="https://socialcare.wales/x#part">b</a>',
            "cy/index.html": '<img src="https://socialcare.wales/x#part" alt="Logo Cymru">',
        },
    )
    assert links.external_addresses(site) == {
        "https://socialcare.wales/x#part": [
            ("cy/index.html", 1),
            ("index.html", 1),
            ("index.html", 2),
        ]
    }


class FakeNetwork:
    """Answers from a table; records every request and every pause."""

    def __init__(self, answers):
        self.answers = answers
        self.requests: list[str] = []
        self.now = 1000.0
        self.sleeps: list[float] = []

    def fetch(self, url):
        self.requests.append(url)
        self.now += 0.1  # a request takes time
        return external_links.FetchResult(*self.answers[url])

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


def external_checker(tmp_path, network, **options):
    return external_links.ExternalChecker(
        tmp_path / "cache.json",
        fetch=network.fetch,
        clock=network.clock,
        sleep=network.sleep,
        now=network.clock,
        **options,
    )


def test_external_check_waits_a_second_between_requests_to_one_host(tmp_path):
    answers = {
        "https://a.cymru/1": (200,),
        "https://a.cymru/2": (200,),
        "https://b.wales/1": (200,),
    }
    network = FakeNetwork(answers)
    uses = {url: [("index.html", 1)] for url in answers}
    assert external_checker(tmp_path, network).check(uses) == []
    assert network.requests == list(answers)
    # a.cymru/2 waits out the rest of the second after a.cymru/1; b.wales does not wait.
    assert network.sleeps == [pytest.approx(0.9)]


def test_external_check_reuses_fresh_results_from_its_cache(tmp_path):
    network = FakeNetwork({"https://a.cymru/gone": (404, "HTTP 404 Not Found")})
    uses = {"https://a.cymru/gone#frag": [("index.html", 3), ("cy/index.html", 4)]}
    first = external_checker(tmp_path, network).check(uses)
    second = external_checker(tmp_path, network).check(uses)
    assert network.requests == ["https://a.cymru/gone"]  # once, without the fragment
    assert first == second
    assert {(p.path, p.line, p.rule, p.severity) for p in first} == {
        ("index.html", 3, "external-link", "error"),
        ("cy/index.html", 4, "external-link", "error"),
    }
    network.now += 2 * 24 * 3600  # older than max_age: asked again
    external_checker(tmp_path, network).check(uses)
    assert len(network.requests) == 2


def test_external_check_severity(tmp_path):
    answers = {
        "https://a.cymru/gone": (410, "HTTP 410 Gone"),
        "https://nowhere.cymru/": (None, "no such host (Name or service not known)"),
        "https://b.wales/busy": (503, "HTTP 503 Service Unavailable"),
        "https://c.wales/slow": (None, "no answer (timed out)"),
    }
    network = FakeNetwork(answers)
    problems = external_checker(tmp_path, network).check(
        {url: [("index.html", 1)] for url in answers}
    )
    severities = {
        p.message.split(":", 2)[0] + ":" + p.message.split(":", 2)[1]: p.severity for p in problems
    }
    assert severities == {
        "https://a.cymru/gone": "error",
        "https://nowhere.cymru/": "error",
        "https://b.wales/busy": "warning",
        "https://c.wales/slow": "warning",
    }


class RefusesHead(http.server.SimpleHTTPRequestHandler):
    def do_HEAD(self):  # noqa: N802 - the standard library's name
        self.send_error(405)

    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass


def test_fetch_status_on_a_loopback_server(tmp_path):
    (tmp_path / "here.html").write_text("here")
    with serve(tmp_path) as url:
        assert external_links.fetch_status(url + "here.html").status == 200
        gone = external_links.fetch_status(url + "gone.html")
        assert (gone.status, gone.error) == (404, "HTTP 404 File not found")
    handler = functools.partial(RefusesHead, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        address = f"http://127.0.0.1:{port}/here.html"
        assert external_links.fetch_status(address).status == 200  # by GET
    finally:
        server.shutdown()
        server.server_close()
    refused = external_links.fetch_status(f"http://127.0.0.1:{port}/here.html", timeout=2)
    assert refused.status is None and refused.error


def test_external_check_survives_a_corrupt_cache(tmp_path):
    (tmp_path / "cache.json").write_text("{not json", encoding="utf-8")
    network = FakeNetwork({"https://a.cymru/": (200,)})
    assert external_checker(tmp_path, network).check({"https://a.cymru/": [("i.html", 1)]}) == []
    assert json.loads((tmp_path / "cache.json").read_text())["https://a.cymru/"]["status"] == 200


# ---- the command line -------------------------------------------------------------------


def load_script():
    spec = importlib.util.spec_from_file_location("check_links_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_text_output_one_line_per_problem_then_summary(capsys):
    code = load_script().main([str(FIXTURES / "malformed_mailto"), "--site-url", "/"])
    lines = capsys.readouterr().out.splitlines()
    assert code == EXIT_PROBLEMS
    assert lines[0].startswith("about/index.html:21: malformed-mailto: ")
    assert len(lines) == 4
    assert lines[-1] == (
        "check-links: FAILED, 4 pages checked, 3 errors, 0 warnings; "
        "0 external addresses listed, not checked (use --external)"
    )


def test_cli_clean_site_exits_0_and_counts_external_addresses(capsys):
    code = load_script().main([str(FIXTURES / "complete_bilingual_site"), "--site-url", "/"])
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert out == (
        "check-links: OK, 8 pages checked, no problems; "
        "1 external address listed, not checked (use --external)\n"
    )


def test_cli_json_output_lists_problems_and_external_addresses(capsys):
    code = load_script().main(
        [str(FIXTURES / "insecure_external_link"), "--format", "json", "--site-url", "/"]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == EXIT_PROBLEMS
    assert data["check"] == "check-links"
    assert data["errors"] == 1
    assert data["problems"][0]["rule"] == "insecure-link"
    assert data["external"] == [
        {"url": "http://socialcare.wales/", "uses": [{"path": "about/index.html", "line": 21}]}
    ]
    assert data["external_checked"] is False


@pytest.mark.parametrize(
    "arguments", [["does-not-exist"], ["README-not-a-folder"], ["docs-not-a-site"]]
)
def test_cli_usage_errors_exit_2_without_a_traceback(tmp_path, arguments):
    (tmp_path / "README-not-a-folder").write_text("x")
    # A folder with no HTML (docs/ given for site/) is not a site that passed.
    (tmp_path / "docs-not-a-site" / "en").mkdir(parents=True)
    (tmp_path / "docs-not-a-site" / "en" / "index.md").write_text("# A page\n")
    completed = subprocess.run(
        [sys.executable, str(SCRIPT), *arguments, "--site-url", "/"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert completed.returncode == EXIT_USAGE
    assert "Traceback" not in completed.stderr
    assert "check_links.py: error:" in completed.stderr


def test_cli_bad_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        load_script().main(["--format", "xml"])
    assert exit_info.value.code == EXIT_USAGE


def test_cli_reads_site_url_from_mkdocs_yml_in_the_current_folder(tmp_path, monkeypatch, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_url: https://example.org/leadership/\n")
    monkeypatch.chdir(tmp_path)
    load_script().main([str(FIXTURES / "root_relative_outside_site_url")])
    assert "leads outside the site, which is served from /leadership/" in capsys.readouterr().out


def write_project(folder: Path, index: str) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text(index, encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: Test\ntheme: mkdocs\n", encoding="utf-8")
    return folder


def test_cli_without_site_dir_builds_the_site_first(tmp_path, monkeypatch, capsys):
    script = load_script()
    monkeypatch.setattr(script, "REPO", write_project(tmp_path, "# Home\n\n[Gone](gone.md)\n"))
    code = script.main(["--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == EXIT_PROBLEMS
    assert [p["rule"] for p in data["problems"]] == ["site-build"]
    assert "gone.md" in data["problems"][0]["message"]

    # What the project's plugin stops the build on is passed on as the plugin made it.
    hooks = tmp_path / "hooks.py"
    hooks.write_text(
        "from leadership.plugin import ContentProblems\n"
        "from leadership.reporting import Problem\n"
        "def on_pre_build(config):\n"
        "    raise ContentProblems('stopped', [\n"
        "        Problem('docs/en/about.md', 1, 'page-parity', 'no Cymraeg counterpart')])\n",
        encoding="utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ntheme: mkdocs\nhooks: [hooks.py]\n")
    script.main([])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "docs/en/about.md:1: page-parity: no Cymraeg counterpart"

    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ntheme: mkdocs\n", encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    code = script.main(["--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["checked"] == 2  # index.html and 404.html of the built site
    # The plain mkdocs theme has no language switch: the checker says so.
    assert "missing-counterpart" in {p["rule"] for p in data["problems"]}


def test_an_address_python_cannot_parse_is_reported_not_raised(tmp_path):
    site = make_site(tmp_path, {"index.html": '<a href="http://[not-an-ip/">x</a>'})
    (finding,) = links.check_references(site)
    assert finding.rule == "broken-link"
    assert "is not a valid address" in finding.message


def test_external_check_works_when_its_cache_cannot_be_written(tmp_path):
    (tmp_path / "not-a-folder").write_text("x")
    network = FakeNetwork({"https://a.cymru/": (404, "HTTP 404 Not Found")})
    checker = external_links.ExternalChecker(
        tmp_path / "not-a-folder" / "cache.json",
        fetch=network.fetch,
        clock=network.clock,
        sleep=network.sleep,
        now=network.clock,
    )
    problems = checker.check({"https://a.cymru/": [("index.html", 7)]})
    assert [(p.path, p.line, p.rule) for p in problems] == [("index.html", 7, "external-link")]


SITEMAP = """\
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url>
    <loc>https://example.org/</loc>
    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/"/>
    <xhtml:link rel="alternate" hreflang="cy" href="https://example.org/cy/"/>
  </url>
  <url>
    <loc>https://example.org/cy/</loc>
    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/"/>
    <xhtml:link rel="alternate" hreflang="cy" href="{welsh_alternate}"/>
  </url>
</urlset>
"""


def test_hreflang_alternates_may_live_in_the_sitemap_and_are_checked_there(tmp_path):
    page = (
        '<html><head></head><body><header><a hreflang="{o}" href="{s}">s</a></header>'
        "</body></html>"
    )
    files = {
        "index.html": page.format(o="cy", s="cy/"),
        "cy/index.html": page.format(o="en", s="../"),
        "sitemap.xml": SITEMAP.format(welsh_alternate="https://example.org/cy/"),
    }
    site = make_site(tmp_path, files, "https://example.org/")
    assert links.check_site(site) == []
    files["sitemap.xml"] = SITEMAP.format(welsh_alternate="https://example.org/")
    site = make_site(tmp_path, files, "https://example.org/")
    assert [str(problem) for problem in links.check_site(site)] == [
        'sitemap.xml:8: sitemap-hreflang: https://example.org/cy/: the hreflang="cy" alternate '
        "is https://example.org/, not https://example.org/cy/"
    ]
    (tmp_path / "sitemap.xml").unlink()
    site = make_site(tmp_path, {k: v for k, v in files.items() if k != "sitemap.xml"})
    assert {p.rule for p in links.check_site(site)} == {"hreflang-alternate"}
