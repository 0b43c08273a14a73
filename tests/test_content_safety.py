"""Content safety: what Markdown may not add, found in the source (with its line) and in the
rendered HTML; and the build that rejects it."""

from __future__ import annotations

import textwrap
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from harness.testing import build_site
from hypothesis import given, settings
from hypothesis import strategies as st

from leadership.pages.allowlist import allowed, as_parsed, unsafe_parts
from leadership.pages.checks import check_pages
from leadership.pages.content_safety import (
    _scan_markdown_fully,
    _tag_problems,
    foreign_frame_source,
    scan_html,
    scan_markdown,
    source_might_be_unsafe,
    unsafe_url,
)

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "content_safety"
# The Markdown extensions of mkdocs.yml that decide what becomes HTML.
EXTENSIONS = ["attr_list", "md_in_html", "def_list", "footnotes", "pymdownx.superfences"]

UNSAFE = [
    ("script_element.md", [("unsafe-script", 9)]),
    ("event_handler.md", [("unsafe-event-handler", 9)]),
    ("event_handler_in_attr_list.md", [("unsafe-event-handler", 9)]),
    ("javascript_link.md", [("unsafe-url", 9)]),
    ("javascript_disguised.md", [("unsafe-url", 9), ("unsafe-url", 11)]),
    ("javascript_reference.md", [("unsafe-url", 11)]),
    ("foreign_iframe.md", [("unsafe-iframe", 9)]),
    ("protocol_relative_iframe.md", [("unsafe-iframe", 9)]),
    ("iframe_srcdoc.md", [("unsafe-iframe", 9)]),
]
SAFE = ["code_is_safe.md"]


def source(fixture: str) -> str:
    return (FIXTURES / fixture).read_text(encoding="utf-8")


def rendered(text: str) -> str:
    body = text.split("---", 2)[2]
    return markdown.markdown(body, extensions=EXTENSIONS)


@pytest.mark.parametrize(("fixture", "expected"), UNSAFE)
def test_the_source_scan_finds_each_unsafe_construct_at_its_line(fixture, expected):
    problems = scan_markdown(source(fixture), fixture)
    assert [(p.rule, p.line) for p in problems] == expected


@pytest.mark.parametrize(("fixture", "expected"), UNSAFE)
def test_the_rendered_html_scan_finds_the_same(fixture, expected):
    text = source(fixture)
    problems = scan_html(rendered(text), fixture, text)
    assert [(p.rule, p.line) for p in problems] == expected


@pytest.mark.parametrize("fixture", SAFE)
def test_code_and_ordinary_links_are_safe(fixture):
    text = source(fixture)
    assert scan_markdown(text, fixture) == []
    assert scan_html(rendered(text), fixture, text) == []


def test_html_in_the_front_matter_is_found_too():
    problems = scan_markdown(source("title_with_script.md"), "x.md")
    assert [(p.rule, p.line) for p in problems] == [("unsafe-event-handler", 2)]


def test_the_message_names_the_problem_and_the_fix():
    [problem] = scan_markdown(source("foreign_iframe.md"), "docs/en/x.md")
    assert str(problem) == (
        "docs/en/x.md:9: unsafe-iframe: <iframe> loads 'https://video.example.com/embed/1' from "
        "another host: embed only this site's own files, or link to the other site instead"
    )


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(1)", "JAVASCRIPT:x", " java\tscript:x", "&#106;avascript:x",
     "vbscript:x", "data:text/html,<script>x</script>", "java&Tab;script:x"],
)
def test_script_addresses_are_recognised_however_disguised(address):
    assert unsafe_url(address)


@pytest.mark.parametrize(
    "address", ["https://socialcare.wales/", "../principles/index.md", "#t-01-02", "mailto:a@b.c"]
)
def test_ordinary_addresses_are_not_scripts(address):
    assert not unsafe_url(address)


def test_frames_may_load_from_this_site_or_an_allowed_host_only():
    assert not foreign_frame_source("../player.html")
    assert not foreign_frame_source("/transcripts/player.html")
    assert foreign_frame_source("https://video.example.com/x")
    assert foreign_frame_source("//video.example.com/x")
    assert not foreign_frame_source("https://example.org/x", allowed_hosts=["example.org"])


# Pieces of HTML that come near the unsafe constructs without always being one of them.
TAG_NAMES = ["a", "img", "p", "script", "SCRIPT", "iframe", "Frame", "object", "embed", "span"]
ATTRIBUTE_NAMES = ["href", "src", "HREF", "onclick", "OnLoad", "on", "one", "srcdoc", "title",
                   "data", "class", "on-x", "onx1", "on\u017fcroll", "on\u212aey"]
VALUE_PIECES = ["java", "script", ":", "&#106;", "&#x3A;", "&colon;", "&Tab;", "\t", " ",
                "vb", "data", "text/html", "https://example.org/", "x", "&amp;", "&#", "JAVA",
                "&NewLine;", "\x00", "/", "#t-01-02"]


@st.composite
def html_fragments(draw) -> str:
    tags = []
    for _ in range(draw(st.integers(1, 3))):
        attributes = []
        for _ in range(draw(st.integers(0, 3))):
            name = draw(st.sampled_from(ATTRIBUTE_NAMES))
            value = "".join(draw(st.lists(st.sampled_from(VALUE_PIECES), max_size=6)))
            quote = draw(st.sampled_from(['"', "'", ""]))
            spacing = draw(st.sampled_from(["", " ", "\n"]))
            value = value.replace(quote, "") if quote else value.replace(" ", "")
            attributes.append(f" {name}{spacing}={spacing}{quote}{value}{quote}")
        tags.append(f"<{draw(st.sampled_from(TAG_NAMES))}{''.join(attributes)}>text</p>")
    return "\n".join(tags)


class _Denylist(HTMLParser):
    """The rules the source scan applies to a tag, read by html.parser."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = [(name.lower(), value, index) for index, (name, value) in enumerate(attrs)]
        self.found += _tag_problems(tag, attributes, ())

    handle_startendtag = handle_starttag


@settings(max_examples=400, deadline=None)
@given(html_fragments())
def test_the_allowlist_refuses_everything_the_denylist_does(fragment):
    # What a browser's parser makes of the fragment (it drops a <frame> in a page's body).
    denylist = _Denylist()
    denylist.feed(as_parsed(fragment))
    denylist.close()
    if denylist.found:
        assert unsafe_parts(fragment)


@settings(max_examples=400, deadline=None)
@given(html_fragments())
def test_a_fragment_passes_only_when_the_allowlist_keeps_it_whole(fragment):
    if not unsafe_parts(fragment):
        assert allowed(fragment) == as_parsed(fragment)


@st.composite
def markdown_sources(draw) -> str:
    value = "".join(draw(st.lists(st.sampled_from(VALUE_PIECES), max_size=6)))
    attribute = draw(st.sampled_from(ATTRIBUTE_NAMES))
    forms = [
        f"[a link]({value.replace(' ', '')})",
        f"[a link](<{value}>)",
        f"[label]: {value.replace(' ', '')}",
        f"<{value.replace(' ', '')}>",
        f"A paragraph.\n{{: {attribute}={value.replace(' ', '')} }}",
        f"# Heading {{ #x {attribute}=\"{value}\" }}",
        html_fragment_of(draw),
        f"`{value}` and ```\n<script>{value}</script>\n```",
    ]
    body = "\n\n".join(draw(st.lists(st.sampled_from(forms), min_size=1, max_size=3)))
    return f"---\ntitle: {draw(st.sampled_from(['A page', '<b onclick=x>t</b>']))}\n---\n\n{body}\n"


def html_fragment_of(draw) -> str:
    return draw(html_fragments())


@settings(max_examples=400, deadline=None)
@given(markdown_sources())
def test_sources_the_quick_test_lets_through_have_nothing_unsafe(source_text):
    if _scan_markdown_fully(source_text, "x.md", ()):
        assert source_might_be_unsafe(source_text)


def test_ordinary_pages_skip_the_full_source_scan():
    for page in sorted((REPO / "docs").rglob("*.md")):
        assert not source_might_be_unsafe(page.read_text(encoding="utf-8")), page


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def test_the_page_check_reports_unsafe_content_with_the_front_matter(tmp_path):
    write(tmp_path / "docs/en/index.md", source("script_element.md").replace("reading", "home"))
    problems, checked = check_pages(tmp_path)
    assert checked == 1
    assert [(p.path, p.line, p.rule) for p in problems] == [
        ("docs/en/index.md", 9, "unsafe-script")
    ]


@pytest.mark.build
def test_the_build_rejects_unsafe_content_with_path_and_line(tmp_path):
    write(
        tmp_path / "mkdocs.yml",
        """
        site_name: Test
        site_url: https://example.org/
        theme:
          name: material
          font: false
          custom_dir: OVERRIDES
        markdown_extensions: [attr_list, md_in_html, pymdownx.superfences]
        plugins:
          - i18n:
              docs_structure: folder
              fallback_to_default: false
              languages:
                - {locale: en, name: English, default: true}
                - {locale: cy, name: Cymraeg}
          - leadership
        """.replace("OVERRIDES", str(REPO / "overrides")),
    )
    write(tmp_path / "docs/en/index.md", source("event_handler.md").replace("reading", "home"))
    write(
        tmp_path / "docs/cy/index.md",
        source("javascript_link.md").replace("reading", "home").replace(
            "kind: home\n",
            'kind: home\ntranslation:\n  source: "0123456789ab"\n  status: draft\n',
        ),
    )
    result = build_site(tmp_path / "site", project_dir=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "docs/en/index.md:9: unsafe-event-handler: inline event handler onerror=" in output
    assert "docs/cy/index.md:12: unsafe-url: link to 'javascript:alert(1)'" in output


def test_the_page_check_reads_the_rendered_page_through_the_allowlist(tmp_path):
    write(tmp_path / "docs/en/index.md", source("svg_with_style.md").replace("reading", "home"))
    problems, _ = check_pages(tmp_path)
    assert [(p.path, p.line, p.rule) for p in problems] == [
        ("docs/en/index.md", 9, "link-target-missing"),  # its <img src=x>: no such file
        ("docs/en/index.md", 9, "unsafe-element"),
        ("docs/en/index.md", 9, "unsafe-element"),
        ("docs/en/index.md", 9, "unsafe-event-handler"),
    ]
