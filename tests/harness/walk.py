"""One walk through every page of the built site, served, per viewport: each page is opened
once and looked at by every check that needs a whole-site browser walk (axe's WCAG A/AA
rules, requests to other hosts, requests for files the site does not have, the Content
Security Policy). Opening each page once for all of them, not once per check, keeps the
suite's time down; each check is still its own test, reading its part of the walk."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harness.accessibility import VIEWPORTS, Violation, run_axe, site_pages
from harness.testing import csp_violations, watch_policy

# How long the network must stay quiet after the load event before a page counts as
# settled: Material's search worker fetches the index after the load event, and a late
# request for a missing file must still be seen. Playwright's "networkidle" waits 500 ms.
QUIET_SECONDS = 0.1
SETTLE_TIMEOUT_SECONDS = 10
# The viewports every page is walked at, as test parameters: the tests that read one
# viewport's walk run in the same worker when the suite runs in parallel (pytest-xdist's
# loadgroup), so each walk is made once.
WALKED_VIEWPORTS = [
    pytest.param(viewport, marks=pytest.mark.xdist_group(f"site-walk-{viewport}"))
    for viewport in sorted(VIEWPORTS)
]


def is_other_host(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob", "mailto", "tel"):
        return False
    return bool(parts.netloc) and parts.hostname not in ("127.0.0.1", "localhost")


@dataclass
class SiteWalk:
    viewport: str
    pages: list[str]
    axe: list[Violation] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)  # requests to another host (refused)
    missing: list[str] = field(default_factory=list)  # 4xx/5xx answers, failed requests
    policy: list[str] = field(default_factory=list)  # Content Security Policy violations


class _Network:
    """Requests in flight, to tell when a page has settled."""

    def __init__(self):
        self.in_flight = 0
        self.last_change = time.monotonic()

    def opened(self, _request) -> None:
        self.in_flight += 1
        self.last_change = time.monotonic()

    def closed(self, _request) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        self.last_change = time.monotonic()

    def wait_until_quiet(self, page) -> None:
        deadline = time.monotonic() + SETTLE_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.in_flight == 0 and time.monotonic() - self.last_change >= QUIET_SECONDS:
                return
            page.wait_for_timeout(25)  # lets Playwright deliver the page's events
        raise AssertionError(f"{page.url}: the network did not settle")


def walk_site(browser, site_dir: Path, site_url: str, viewport: str) -> SiteWalk:
    """Open every page of the site at ``viewport`` and record what each check needs."""
    walk = SiteWalk(viewport, site_pages(site_dir))
    context = browser.new_context(viewport=VIEWPORTS[viewport])

    def guard(route):
        url = route.request.url
        if is_other_host(url) or not url.startswith((site_url, "data:", "blob:")):
            walk.outside.append(url)
            return route.abort()
        return route.continue_()

    context.route("**/*", guard)
    page = context.new_page()
    network = _Network()
    page.on("request", network.opened)
    page.on("requestfinished", network.closed)
    page.on("requestfailed", network.closed)
    page.on(
        "response", lambda r: r.status >= 400 and walk.missing.append(f"{r.status} {r.url}")
    )
    page.on(
        "requestfailed",
        lambda r: r.url not in walk.outside and walk.missing.append(f"failed {r.url}"),
    )
    reports = watch_policy(page)
    try:
        for relative in walk.pages:
            page.goto(site_url + relative, wait_until="load")
            network.wait_until_quiet(page)
            walk.policy += csp_violations(page, reports)
            reports.clear()
            walk.axe += run_axe(page, relative or "index.html", viewport)
    finally:
        context.close()
    return walk
