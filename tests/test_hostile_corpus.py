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
    listed_extensions,
    markdown_renderer,
    project_extensions,
)
from leadership.site_build import build_site

CORPUS = Path(__file__).parent / "fixtures" / "hostile"
# fixture -> the (rule, line) each is refused with, in the English page.
BLOCKED = {
    # 1. Parser differentials: read one way by a regex or html.parser, another by browsers.
    "svg_style_differential.md": {("unsafe-element", 9), ("unsafe-event-handler", 9)},
    "comment_differential.md": {("unsafe-event-handler", 9)},
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
    extensions = listed_extensions(PROJECT_ROOT / "mkdocs.yml")
    (root / "mkdocs.yml").write_text(
        minimal_mkdocs_yml() + yaml.safe_dump({"markdown_extensions": extensions}),
        encoding="utf-8",
    )
    return root


CASES = [(fixture, language) for fixture in sorted(BLOCKED) for language in ("en", "cy")]


@pytest.mark.parametrize(("fixture", "language"), CASES)
def test_the_pages_check_blocks_each_at_its_line(tmp_path, fixture, language):
    root = project(tmp_path, fixture, language)
    problems, _ = check_pages(root)
    assert {(p.path, p.rule, p.line) for p in problems} == {
        (f"docs/{language}/index.md", rule, line) for rule, line in expected(fixture, language)
    }


@pytest.mark.build
@pytest.mark.parametrize(("fixture", "language"), CASES)
def test_the_build_blocks_each_at_its_line_and_leaves_no_site(tmp_path, fixture, language):
    root = project(tmp_path / "project", fixture, language)
    site = tmp_path / "site"
    problems = build_site(root, site)
    assert problems, "the build passed"
    assert {(p.path, p.rule, p.line) for p in problems} <= {
        (f"docs/{language}/index.md", rule, line) for rule, line in expected(fixture, language)
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
    body = markdown_renderer(*project_extensions(PROJECT_ROOT / "mkdocs.yml"))(source.body)
    body = Markup(allowed(body) if sanitised else body)
    return PAGE.render(
        language=language,
        policy=policy([], []) if with_policy else "default-src * 'unsafe-inline'",
        title=front["title"], description=front["description"], body=body,
    )


def rendered_with_tripwire(browser, page_html: str) -> list[str]:
    """What the tripwire saw: scripts run, dialogs opened, requests to another host."""
    context = browser.new_context()
    tripped: list[str] = []

    def route(route):
        url = route.request.url
        if url == SITE_HOST:
            return route.fulfill(status=200, content_type="text/html", body=page_html)
        if url.startswith(SITE_HOST):
            return route.fulfill(status=404, body="")
        if not url.startswith(("data:", "about:", "chrome-error:")):
            tripped.append(f"request {url}")
        return route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.add_init_script(TRIPWIRE)
    page.on("dialog", lambda dialog: (tripped.append(f"dialog {dialog.message}"), dialog.dismiss()))
    page.goto(SITE_HOST, wait_until="load")
    page.wait_for_timeout(300)
    # Elements a reader would select: a link, a button.
    for selector in ("a", "button", "text"):
        for element in page.locator(selector).all():
            if element.is_visible():
                element.click(timeout=2000, no_wait_after=True)
    page.wait_for_timeout(300)
    if page.url.startswith(SITE_HOST):
        tripped += page.evaluate("window.__tripped")
    else:
        tripped.append(f"navigated to {page.url}")
    context.close()
    return tripped


# A <meta> refresh navigates, and no CSP directive governs navigation: only the allowlist
# (which refuses <meta> in a page) stands between it and the reader.
CSP_CANNOT_STOP = {"meta_refresh.md"}


@pytest.mark.browser
@pytest.mark.parametrize(("fixture", "language"), CASES)
def test_nothing_in_the_corpus_runs_or_reaches_another_host_in_chromium(
    browser, fixture, language
):
    tripped = rendered_with_tripwire(browser, hostile_page(fixture, language))
    if fixture in CSP_CANNOT_STOP:
        assert any("evil.test" in entry for entry in tripped), tripped
    else:
        assert tripped == []


@pytest.mark.browser
@pytest.mark.parametrize(("fixture", "language"), CASES)
def test_what_the_allowlist_leaves_of_the_corpus_is_inert_in_chromium(
    browser, fixture, language
):
    assert rendered_with_tripwire(browser, hostile_page(fixture, language, sanitised=True)) == []


@pytest.mark.browser
def test_the_tripwire_fires_on_a_page_without_the_policy(browser):
    tripped = rendered_with_tripwire(
        browser, hostile_page("svg_style_differential.md", "en", with_policy=False)
    )
    assert any(entry.startswith("alert(") for entry in tripped), tripped


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
