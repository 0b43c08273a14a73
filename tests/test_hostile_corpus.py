"""A corpus of hostile pages (tests/fixtures/hostile/), one per class of attack, in English
and in Welsh: each is blocked at its line by the pages check and by the build, and, rendered
in Chromium as it would be had it got through (under the site's Content Security Policy),
runs no script and makes no request to another host.

Links out of the project and files of other types: tests/test_source_tree.py; YAML
aliases: tests/test_bounded_parsing.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from harness.testing import PROJECT_ROOT, minimal_mkdocs_yml
from jinja2 import Environment
from markupsafe import Markup

from leadership.content_security import policy
from leadership.markdown_source import split_source
from leadership.pages.allowlist import allowed
from leadership.pages.checks import (
    check_pages,
    markdown_renderer,
    mkdocs_settings,
    project_extensions,
)
from leadership.site_build import build_site

CORPUS = Path(__file__).parent / "fixtures" / "hostile"
# fixture -> the (rule, line) each is refused with, in the English page.
BLOCKED = {
    # 1. Parser differentials: read one way by a regex or html.parser, another by browsers.
    # (Their <img src=x> is also an image the site does not have: link-target-missing.)
    "svg_style_differential.md": {
        ("unsafe-element", 9), ("unsafe-event-handler", 9), ("link-target-missing", 9),
    },
    "comment_differential.md": {("unsafe-event-handler", 9), ("link-target-missing", 9)},
    "slash_before_attribute.md": {("unsafe-event-handler", 9)},
    "svg_animate_href.md": {("unsafe-element", 9)},
    "javascript_entity.md": {("unsafe-url", 9)},
    "attr_list_handler.md": {("unsafe-event-handler", 10)},
    # 2. Front matter values spelt with YAML escapes.
    "front_matter_escapes.md": {("unsafe-front-matter", 2), ("unsafe-front-matter", 3)},
    # 6. Elements outside the allowlist, and requests to other hosts.
    "base_href.md": {("unsafe-element", 9)},
    "meta_refresh.md": {("unsafe-element", 9)},
    "form_action.md": {("unsafe-element", 9)},
    "stylesheet_link.md": {("unsafe-element", 9)},
    "css_requests.md": {("unsafe-style", 9), ("unsafe-element", 11)},
    "foreign_image.md": {("unsafe-foreign-source", 9)},
    "foreign_media.md": {("unsafe-foreign-source", 9), ("unsafe-foreign-source", 11)},
    "frames.md": {("unsafe-iframe", 9), ("unsafe-iframe", 11), ("unsafe-iframe", 13)},
}
# The Welsh page's translation record: three lines after "kind:" (line 4).
TRANSLATION = 'translation:\n  source: "0123456789ab"\n  status: draft\n'
CLEAN = "---\ntitle: A page\ndescription: A page.\nkind: home\n---\n\n# A page\n"
SITE_HOST = "http://site.test/"


def test_the_corpus_is_the_one_listed():
    assert sorted(p.name for p in CORPUS.glob("*.md")) == sorted(BLOCKED)


def in_language(text: str, language: str) -> str:
    return text if language == "en" else text.replace("kind: home\n", "kind: home\n" + TRANSLATION)


def expected(fixture: str, language: str) -> set[tuple[str, int]]:
    shift = 0 if language == "en" else 3
    return {(rule, line + shift if line > 4 else line) for rule, line in BLOCKED[fixture]}


def project(root: Path, fixture: str, language: str) -> Path:
    """A two-language project whose home page in ``language`` is the hostile one."""
    other = "cy" if language == "en" else "en"
    hostile = in_language((CORPUS / fixture).read_text(encoding="utf-8"), language)
    for lang, text in ((language, hostile), (other, in_language(CLEAN, other))):
        (root / "docs" / lang).mkdir(parents=True, exist_ok=True)
        (root / "docs" / lang / "index.md").write_text(text, encoding="utf-8")
    return with_settings(root)


def with_settings(root: Path) -> Path:
    """The site's Markdown extensions in a minimal mkdocs.yml."""
    extensions = mkdocs_settings(PROJECT_ROOT / "mkdocs.yml").get("markdown_extensions") or []
    (root / "mkdocs.yml").write_text(
        minimal_mkdocs_yml() + yaml.safe_dump({"markdown_extensions": extensions}),
        encoding="utf-8",
    )
    return root


CASES = [(fixture, language) for fixture in sorted(BLOCKED) for language in ("en", "cy")]
# One worker runs this module when the suite runs in parallel: the corpus is rendered once.
pytestmark = pytest.mark.xdist_group("hostile-corpus")


@pytest.mark.parametrize(("fixture", "language"), CASES)
def test_the_pages_check_blocks_each_at_its_line(tmp_path, fixture, language):
    root = project(tmp_path, fixture, language)
    problems, _ = check_pages(root)
    assert {(p.path, p.rule, p.line) for p in problems} == {
        (f"docs/{language}/index.md", rule, line) for rule, line in expected(fixture, language)
    }


def corpus_project(root: Path, language: str) -> Path:
    """A two-language project with the whole corpus in ``language``: each hostile page is
    a section's page of its own (docs/<language>/<fixture>/index.md, the same lines as the
    home page it is written as), each with a clean counterpart, beside a clean home page."""
    other = "cy" if language == "en" else "en"
    for lang in (language, other):
        (root / "docs" / lang).mkdir(parents=True, exist_ok=True)
        (root / "docs" / lang / "index.md").write_text(in_language(CLEAN, lang), "utf-8")
    for fixture in sorted(BLOCKED):
        hostile = in_language((CORPUS / fixture).read_text(encoding="utf-8"), language)
        for lang, text in ((language, hostile), (other, in_language(CLEAN, other))):
            folder = root / "docs" / lang / fixture.removesuffix(".md")
            folder.mkdir(parents=True)
            section = text.replace("kind: home\n", "kind: section\n")
            (folder / "index.md").write_text(section, encoding="utf-8")
    return with_settings(root)


@pytest.fixture(scope="module")
def corpus_builds(tmp_path_factory) -> dict[str, tuple[list, Path]]:
    """The problems of one build of the whole corpus per language, and its site folder: an
    editor's build reports every page's problems at once, so one build shows each."""
    builds = {}
    for language in ("en", "cy"):
        root = tmp_path_factory.mktemp(f"corpus-{language}")
        builds[language] = (build_site(corpus_project(root / "project", language),
                                       root / "site"), root / "site")
    return builds


@pytest.mark.build
@pytest.mark.parametrize(("fixture", "language"), CASES)
def test_the_build_blocks_each_at_its_line_and_leaves_no_site(corpus_builds, fixture, language):
    problems, site = corpus_builds[language]
    page = f"docs/{language}/{fixture.removesuffix('.md')}/index.md"
    # The corpus is written in English: on a Welsh page the build's Welsh check reads it as
    # Welsh too ("A picture" -> "A phicture"), rightly, and that is not this test's concern.
    unsafe = [p for p in problems if not p.rule.startswith("welsh-")]
    mine = {(p.rule, p.line) for p in unsafe if p.path == page}
    assert mine, "the build did not block the hostile markup"
    assert mine <= expected(fixture, language)
    # Nothing else: the clean pages have no problems of their own.
    assert {p.path for p in unsafe} <= {
        f"docs/{language}/{name.removesuffix('.md')}/index.md" for name in BLOCKED
    }
    assert not site.exists() or list(site.iterdir()) == []


# --- Chromium: the tripwire ---------------------------------------------------------------

TRIPWIRE = """
window.__tripped = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => window.__tripped.push(`${name}(${args.join(",")})`);
}
"""
PAGE = Environment(autoescape=True).from_string(
    '<!doctype html><html lang="{{ language }}"><head><meta charset="utf-8">'
    '<meta http-equiv="Content-Security-Policy" content="{{ policy }}">'
    '<title>{{ title }}</title><meta name="description" content="{{ description }}">'
    "</head><body><article>{{ body }}</article></body></html>"
)


def hostile_page(
    fixture: str, language: str, with_policy: bool = True, sanitised: bool = False
) -> str:
    """The page as it would be served had the checks let it through: its body rendered by
    the project's Markdown extensions (and, ``sanitised``, what the allowlist leaves of
    it), its front matter in the head (escaped, as the templates do), under the site's
    policy."""
    text = in_language((CORPUS / fixture).read_text(encoding="utf-8"), language)
    source = split_source(text)
    front = yaml.safe_load(source.front_matter)
    settings = mkdocs_settings(PROJECT_ROOT / "mkdocs.yml")
    body = markdown_renderer(*project_extensions(settings))(source.body)
    body = Markup(allowed(body) if sanitised else body)
    return PAGE.render(
        language=language,
        policy=policy([], []) if with_policy else "default-src * 'unsafe-inline'",
        title=front["title"], description=front["description"], body=body,
    )


# How long a page is left to run after it loads, and again after its links and buttons
# are clicked, before the tripwire is read.
SETTLE_MS = 300
# How many pages are open side by side. A new tab costs about 0.7 CPU-seconds on this
# machine, more than the page in it, so the corpus's 68 pages take turns in a few tabs.
TABS = 8


def rendered_with_tripwires(browser, pages: list[str], tabs: int = TABS) -> list[list[str]]:
    """What the tripwire saw on each page: scripts run, dialogs opened, requests to another
    host. The pages are opened in turns of ``tabs`` pages side by side, each page in a tab
    of its own for its turn, at its own address; each is given SETTLE_MS after loading and
    again after its clicks, as one page alone would be; waiting for a turn's pages together
    keeps the corpus quick to run. A tab goes to about:blank before its next page, so what
    a page does as it is left is seen on that page. (A tab is brought to the front before
    its clicks: a tab in the background does not render, so nothing in it is clickable.)"""
    context = browser.new_context()
    open_tabs = [context.new_page() for _ in range(min(tabs, len(pages)))]
    tripped: list[list[str]] = [[] for _ in pages]
    showing = {tab: 0 for tab in open_tabs}  # the number of the page each tab shows

    def route(route):
        request = route.request
        url = request.url
        if url.startswith(SITE_HOST):
            name = url.removeprefix(SITE_HOST)
            number = name.removesuffix("/")
            if name == f"{number}/" and number.isdigit() and int(number) < len(pages):
                return route.fulfill(
                    status=200, content_type="text/html", body=pages[int(number)]
                )
            return route.fulfill(status=404, body="")
        if not url.startswith(("data:", "about:", "chrome-error:")):
            tripped[showing[request.frame.page]].append(f"request {url}")
        return route.abort()

    def dialog_on(tab):
        def seen(dialog):
            tripped[showing[tab]].append(f"dialog {dialog.message}")
            dialog.dismiss()

        return seen

    context.route("**/*", route)
    context.add_init_script(TRIPWIRE)
    for tab in open_tabs:
        tab.on("dialog", dialog_on(tab))
    for first in range(0, len(pages), len(open_tabs)):
        numbers = range(first, min(first + len(open_tabs), len(pages)))
        turn = list(zip(open_tabs[: len(numbers)], numbers, strict=True))
        for tab, number in turn:
            showing[tab] = number
            tab.bring_to_front()
            tab.goto(f"{SITE_HOST}{number}/", wait_until="load")
        open_tabs[0].wait_for_timeout(SETTLE_MS)
        # Elements a reader would select: a link, a button.
        for tab, _number in turn:
            tab.bring_to_front()
            for selector in ("a", "button", "text"):
                for element in tab.locator(selector).all():
                    if element.is_visible():
                        element.click(timeout=2000, no_wait_after=True)
        open_tabs[0].wait_for_timeout(SETTLE_MS)
        for tab, number in turn:
            if tab.url.startswith(SITE_HOST):
                tripped[number] += tab.evaluate("window.__tripped")
            else:
                tripped[number].append(f"navigated to {tab.url}")
            tab.goto("about:blank")
    context.close()
    return tripped


# A <meta> refresh navigates, and no CSP directive governs navigation: only the allowlist
# (which refuses <meta> in a page) stands between it and the reader.
CSP_CANNOT_STOP = {"meta_refresh.md"}


@pytest.fixture(scope="module")
def tripwires(browser) -> dict[tuple[str, str, bool], list[str]]:
    """Every case of the corpus rendered as it is and as the allowlist leaves it: what the
    tripwire saw on each, by (fixture, language, sanitised)."""
    keys = [(fixture, language, sanitised) for fixture, language in CASES
            for sanitised in (False, True)]
    seen = rendered_with_tripwires(
        browser, [hostile_page(fixture, language, sanitised=sanitised)
                  for fixture, language, sanitised in keys]
    )
    return dict(zip(keys, seen, strict=True))


@pytest.mark.browser
@pytest.mark.parametrize(("fixture", "language"), CASES)
def test_nothing_in_the_corpus_runs_or_reaches_another_host_in_chromium(
    tripwires, fixture, language
):
    tripped = tripwires[fixture, language, False]
    if fixture in CSP_CANNOT_STOP:
        assert any("evil.test" in entry for entry in tripped), tripped
    else:
        assert tripped == []


@pytest.mark.browser
@pytest.mark.parametrize(("fixture", "language"), CASES)
def test_what_the_allowlist_leaves_of_the_corpus_is_inert_in_chromium(
    tripwires, fixture, language
):
    assert tripwires[fixture, language, True] == []


@pytest.mark.browser
@pytest.mark.parametrize("tabs", [TABS, 1], ids=["side-by-side", "in-turn"])
def test_the_tripwire_fires_on_a_page_without_the_policy(browser, tabs):
    """Beside pages that trip nothing, as the corpus is rendered: what one page does is
    seen on that page only, whether the pages are open side by side or take turns in
    one tab."""
    unsafe = hostile_page("svg_style_differential.md", "en", with_policy=False)
    safe = hostile_page("svg_style_differential.md", "en")
    before, tripped, after = rendered_with_tripwires(browser, [safe, unsafe, safe], tabs)
    assert any(entry.startswith("alert(") for entry in tripped), tripped
    assert before == [] and after == []


# --- films.yml: every field is text ----------------------------------------------------------

FILM_FIELDS = [
    ("speaker: ", '"\\u003cimg src=x onerror=alert(1)\\u003e"'),
    ("      en: ", '"\\u003csvg onload=alert(1)\\u003e"'),  # a title in English
    ("      cy: ", "\"<a href='javascript:alert(1)'>Gwylio</a>\""),  # and in Welsh
]


@pytest.mark.parametrize(("field", "value"), FILM_FIELDS)
def test_markup_in_a_films_yml_field_is_refused_at_its_line(tmp_path, field, value):
    from leadership.reporting import ContentError
    from leadership.subtitles.films import load_films_file

    films = tmp_path / "films.yml"
    lines = (PROJECT_ROOT / "transcripts/films.yml").read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.lstrip().startswith(field.strip()))
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index] = f"{indent}{field.strip()} {value}"
    films.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_films_file(films, "transcripts/films.yml")
    assert [(p.line, "markup" in p.message) for p in raised.value.problems] == [(index + 1, True)]
