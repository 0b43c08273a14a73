"""The built site makes no request to any other host."""

from __future__ import annotations

import re

import pytest
from harness.testing import serve
from harness.walk import WALK_GROUP, WALK_ORDER, is_other_host, walk_site
from lxml import html as lxml_html

# Elements and attributes that make the browser fetch something when the page loads.
FETCHING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "link": ("href",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "source": ("src", "srcset"),
    "track": ("src",),
    "object": ("data",),
    "embed": ("src",),
    "form": ("action",),
}
NAVIGATION_ONLY_LINK_RELS = {"alternate", "canonical", "prev", "next"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def test_no_page_loads_anything_from_another_host(site_dir):
    offenders = []
    for path in site_dir.rglob("*.html"):
        tree = lxml_html.fromstring(path.read_bytes())
        for tag, attributes in FETCHING_ATTRIBUTES.items():
            for element in tree.iter(tag):
                if (
                    tag == "link"
                    and set(element.get("rel", "").split()) & NAVIGATION_ONLY_LINK_RELS
                ):
                    continue
                for attribute in attributes:
                    for url in re.split(r",\s*", element.get(attribute) or ""):
                        url = url.split(" ")[0]
                        if url and is_other_host(url):
                            offenders.append(
                                f"{path.relative_to(site_dir)}: <{tag} {attribute}={url}>"
                            )
        for style in tree.xpath("//style/text()|//@style"):
            offenders += [f"{path}: css {u}" for u in CSS_URL.findall(style) if is_other_host(u)]
    for path in site_dir.rglob("*.css"):
        for url in CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace")):
            if is_other_host(url):
                offenders.append(f"{path.relative_to(site_dir)}: css {url}")
    assert offenders == []


def test_no_generator_link_or_web_fonts(site_dir):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in home
    assert "fonts.gstatic.com" not in home
    assert "Made with" not in home


@pytest.mark.browser
@WALK_GROUP
def test_every_page_loads_in_chromium_without_leaving_the_site_or_missing_a_file(site_walk):
    """Every page, served, opened in Chromium (tests/harness/walk.py): no request goes to
    another host, and none asks for a file the site does not have (Material's sitemap.xml
    beside hreflang links was one): any 4xx or 5xx answer or failed request is reported, at
    any width the walk looks at the page."""
    walk = site_walk
    assert len(walk.pages) > 10 and walk.viewports == WALK_ORDER
    assert walk.outside == []
    assert walk.missing == []


@pytest.mark.browser
def test_the_walk_sees_a_missing_file_a_request_elsewhere_a_blocked_script_and_each_width(
    tmp_path, browser
):
    """The whole-site walk can fail: on a page that asks for a file that is not there, an
    image from another host and an inline script its policy does not allow, and whose text
    is too faint at desktop width only, each check's part of the walk has something to
    report, the faint text at the width the page was resized to."""
    policy = "default-src 'self'; img-src 'self' https:; style-src 'unsafe-inline'"
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}"><title>t</title>'
        "<style>@media (min-width: 1000px) { .faint { color: #ccc; background: #fff } }"
        '</style></head><body><main><h1>t</h1><img src="gone.png" alt="a">'
        '<img src="https://example.org/x.png" alt="b"><p class="faint">Faint when wide</p>'
        '<script>document.title = "x"</script></main></body></html>',
        encoding="utf-8",
    )
    with serve(tmp_path) as url:
        walk = walk_site(browser, tmp_path, url)
    assert walk.pages == [""] and walk.viewports == ("phone", "desktop")
    assert any(entry.endswith("/gone.png") and entry.startswith("404") for entry in walk.missing)
    assert walk.outside == ["https://example.org/x.png"]
    assert walk.policy and "script" in " ".join(walk.policy).lower()
    assert walk.axe_at("phone") == []
    assert [violation.rule for violation in walk.axe_at("desktop")] == ["color-contrast"]
