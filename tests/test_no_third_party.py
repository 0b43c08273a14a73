"""The built site makes no request to any other host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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


def is_other_host(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob", "mailto", "tel"):
        return False
    return bool(parts.netloc) and parts.hostname not in ("127.0.0.1", "localhost")


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


def test_every_page_loads_in_chromium_without_leaving_the_site_or_missing_a_file(
    site_dir, site_url, browser
):
    context = browser.new_context()
    outside = []

    def guard(route):
        if is_other_host(route.request.url) or not route.request.url.startswith(
            ("http://127.0.0.1", "data:", "blob:")
        ):
            outside.append(route.request.url)
            return route.abort()
        return route.continue_()

    context.route("**/*", guard)
    page = context.new_page()
    # No request for a file the site does not have (Material's sitemap.xml beside hreflang
    # links was one): any 4xx or 5xx answer, or a request that fails, is reported.
    missing = []
    page.on("response", lambda r: r.status >= 400 and missing.append(f"{r.status} {r.url}"))
    page.on("requestfailed", lambda r: r.url not in outside and missing.append(f"failed {r.url}"))
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    assert len(pages) > 10
    for relative in pages:
        page.goto(site_url + relative, wait_until="networkidle")
    context.close()
    assert outside == []
    assert missing == []
