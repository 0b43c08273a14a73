"""Every page carries a Content Security Policy that allows only the site's own files and
the inline scripts and stylesheet the site writes itself (by hash), and no page breaks it
in Chromium, in either language. (The offline pack's pages: tests/test_offline.py.)"""

from __future__ import annotations

import html
import re

import pytest
from harness.testing import (
    PROJECT_ROOT,
    csp_violations,
    violations_while_searching,
    watch_policy,
)
from harness.walk import WALK_GROUP

from leadership.content_security import (
    inline_scripts,
    policy,
    policy_header_example,
    source_hash,
)

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
REQUIRED = [
    "default-src 'self'", "img-src 'self' data:", "media-src 'self'", "font-src 'self'",
    "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-src 'none'",
    "worker-src 'self' blob:",
]


def page_policy(text: str) -> str:
    match = META.search(text)
    assert match, "no Content-Security-Policy meta"
    return html.unescape(match[1])


def test_the_policy_allows_only_the_site_and_the_hashes_given():
    written = policy(["'sha256-a'"], ["'sha256-b'"])
    for directive in REQUIRED:
        assert directive in written.split("; ")
    assert "script-src 'self' 'sha256-a'" in written.split("; ")
    assert "style-src 'self' 'sha256-b'" in written.split("; ")
    assert "unsafe-inline" not in written and "unsafe-eval" not in written and "*" not in written


def test_every_page_holds_the_policy_first_with_a_hash_for_each_inline_script_and_style(
    site_dir,
):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        text = path.read_text(encoding="utf-8")
        written = page_policy(text)
        head = text[: text.index("</head>")]
        # Before any script or stylesheet it governs.
        assert head.index("Content-Security-Policy") < min(
            head.find(tag) for tag in ("<script", "<style", "<link") if tag in head
        ), path
        for script in inline_scripts(text):
            assert source_hash(script) in written, f"{path}: an inline script is not hashed"
        styles = INLINE_STYLE.findall(text)
        assert styles, path
        for style in styles:
            assert source_hash(style) in written, f"{path}: the inline stylesheet is not hashed"


def test_the_stylesheet_hash_follows_the_stylesheet(site_dir):
    css = (PROJECT_ROOT / "overrides/assets/stylesheets/site.css").read_text(encoding="utf-8")
    written = page_policy((site_dir / "index.html").read_text(encoding="utf-8"))
    assert source_hash(css.removesuffix("\n")) in written


def test_the_readme_gives_hosts_the_same_policy_as_a_header():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {policy_header_example()}" in readme


@pytest.mark.browser
@WALK_GROUP
def test_no_page_in_either_language_breaks_the_policy(site_walk):
    walk = site_walk
    assert any(p.startswith("cy/") for p in walk.pages) and len(walk.pages) > 50
    assert walk.policy == []


@pytest.mark.browser
def test_search_in_either_language_keeps_to_the_policy(site_url, page):
    reports = watch_policy(page)
    # Search runs in Material's worker: start it in each language.
    violations = violations_while_searching(
        page, reports, [(site_url, "obstacles"), (site_url + "cy/", "rhwystrau")]
    )
    assert violations == []


@pytest.mark.browser
def test_the_watch_sees_a_script_the_policy_blocks(site_url, page):
    reports = watch_policy(page)
    page.goto(site_url, wait_until="networkidle")
    page.evaluate(
        "document.body.append(Object.assign(document.createElement('script'),"
        " {textContent: 'window.ran = true'}))"
    )
    page.wait_for_timeout(200)
    found = csp_violations(page, reports)
    ran = page.evaluate("window.ran === true")
    assert not ran
    assert any("script-src" in violation for violation in found), found
