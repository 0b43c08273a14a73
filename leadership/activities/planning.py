"""The session planner: one generated page per language, ``activities/plan/``.

A trainer chooses activities (grouped as the activities index groups them), orders them
and sets a start time; ``planner.js`` keeps the choice in the address
(``?a=slug,slug&start=09:30``) and prints one A4 pack: the agenda, then each chosen
activity's handout. The handouts are the guides' own rendered pages (their print header
with the QR code included), embedded in the planner page once each, hidden on screen: the
offline pack is opened from ``file://``, where a script cannot fetch another page.

The planner is written beside the guides (``activities/plan/`` as ``activities/<slug>/``,
``activities/plan.html`` as ``activities/<slug>.html``). An embedded guide's relative links
are rebased from the guide's address to the planner's, so they lead where they lead from the
guide itself (``present/`` is the guide's own folder's), and its element ids are prefixed
with the guide's slug, so that no two elements of the planner page share one.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit, urlunsplit

from leadership.activities.schema import ACTIVITIES_FOLDER

PLANNER_KIND = "planner"
# The planner's name among the guides: no guide may be called plan.md.
PLAN_SLUG = "plan"
DEFAULT_START = "09:30"

# A start tag, its attributes quoted as Python-Markdown and the project's templates write them.
START_TAG = re.compile(
    r"<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'))?)*\s*/?>"
)
# Attributes that hold an element id (or a space-separated list of ids), in a start tag.
ID_ATTRIBUTE = re.compile(
    r'(?P<before>\s(?:id|for|aria-labelledby|aria-describedby|aria-controls|aria-owns'
    r'|list|form|headers)=")(?P<ids>[^"]*)"'
)
IN_PAGE_LINK = re.compile(r'(?P<before>\shref="#)(?P<id>[^"]*)"')
# A link or source that may be relative to the page it is on.
ADDRESS_ATTRIBUTE = re.compile(r'(?P<before>\s(?:href|src)=")(?P<address>[^"#][^"]*)"')


def plan_source_uri(language: str) -> str:
    """The generated page's path as MkDocs names it: ``en/activities/plan.md``."""
    return f"{language}/{ACTIVITIES_FOLDER}/{PLAN_SLUG}.md"


def plan_dest_uri(prefix: str, use_directory_urls: bool) -> str:
    """Where the page is written: beside the guides, as a guide would be."""
    tail = f"{PLAN_SLUG}/index.html" if use_directory_urls else f"{PLAN_SLUG}.html"
    return f"{prefix}{ACTIVITIES_FOLDER}/{tail}"


def embedded_id(slug: str, element_id: str) -> str:
    """An element id of a guide embedded in the planner: ``<slug>--<id>``."""
    return f"{slug}--{element_id}"


def _folder(page_url: str) -> str:
    """The folder a page's relative links start from (site-root-relative, "" for the root)."""
    return page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)


def rebased(address: str, from_url: str, to_url: str) -> str:
    """A relative address on the page at ``from_url``, as written on the page at ``to_url``
    (both site-root-relative page URLs, as MkDocs gives them). Other addresses unchanged."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or address.startswith("/") or not parts.path:
        return address
    target = posixpath.normpath(posixpath.join(_folder(from_url), parts.path))
    path = posixpath.relpath(target, _folder(to_url) or ".")
    if parts.path.endswith("/") and not path.endswith("/"):
        path += "/"
    return urlunsplit(parts._replace(path=path))


def embedded_handout(html: str, slug: str, guide_url: str, planner_url: str) -> str:
    """A guide's rendered content made fit to sit in the planner page: every element id,
    every attribute that names one, and every in-page link, prefixed with the guide's slug;
    every relative link and source rebased from the guide's URL to the planner's."""

    def prefix_ids(match: re.Match) -> str:
        ids = " ".join(embedded_id(slug, one) for one in match["ids"].split())
        return f'{match["before"]}{ids}"'

    def prefix_link(match: re.Match) -> str:
        target = match["id"]
        return f'{match["before"]}{embedded_id(slug, target) if target else target}"'

    def rebase(match: re.Match) -> str:
        return f'{match["before"]}{rebased(match["address"], guide_url, planner_url)}"'

    def rewrite(tag: re.Match) -> str:
        text = ID_ATTRIBUTE.sub(prefix_ids, tag[0])
        text = ADDRESS_ATTRIBUTE.sub(rebase, text)
        return IN_PAGE_LINK.sub(prefix_link, text)

    return START_TAG.sub(rewrite, html)
