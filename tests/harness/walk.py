"""One walk through every page of the built site, served: each page is opened once and
looked at by every check that needs a whole-site browser walk (axe's WCAG A/AA rules at
each width, requests to other hosts, requests for files the site does not have, the
Content Security Policy). Each page is loaded at the first width (a phone), checked, then
resized to each other width, as a reader turning a tablet or widening a window would, and
checked again (axe; any request or policy report the new width causes is seen too).
Opening each page once for all of them, not once per check or per width, keeps the
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
# The widths every page is checked at, the one it is loaded at first.
WALK_ORDER = ("phone", "desktop")
# Every test that reads the walk runs in the same worker when the suite runs in parallel
# (pytest-xdist's loadgroup), so the walk is made once.
WALK_GROUP = pytest.mark.xdist_group("site-walk")
WALKED_VIEWPORTS = [pytest.param(viewport, marks=WALK_GROUP) for viewport in WALK_ORDER]


def is_other_host(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob", "mailto", "tel"):
        return False
    return bool(parts.netloc) and parts.hostname not in ("127.0.0.1", "localhost")


@dataclass
class SiteWalk:
    viewports: tuple[str, ...]
    pages: list[str]
    axe: list[Violation] = field(default_factory=list)  # at every width, each says which
    outside: list[str] = field(default_factory=list)  # requests to another host (refused)
    missing: list[str] = field(default_factory=list)  # 4xx/5xx answers, failed requests
    policy: list[str] = field(default_factory=list)  # Content Security Policy violations

    def axe_at(self, viewport: str) -> list[Violation]:
        return [violation for violation in self.axe if violation.viewport == viewport]


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


def walk_site(
    browser, site_dir: Path, site_url: str, viewports: tuple[str, ...] = WALK_ORDER
) -> SiteWalk:
    """Open every page of the site at the first of ``viewports``, resize it to each other,
    and record what each check needs."""
    walk = SiteWalk(tuple(viewports), site_pages(site_dir))
    # With reduced motion Material's stylesheet turns transitions off (its only rule for
    # it), so a resized page is still at once, in the state it would reach anyway: axe
    # measures colours on a still page (harness.accessibility.run_axe waits for one).
    context = browser.new_context(viewport=VIEWPORTS[viewports[0]], reduced_motion="reduce")
    page = context.new_page()
    network = _Network()

    def opened(request) -> None:
        # A request for another host fails in the test browser without leaving the machine
        # (harness.testing.CHROMIUM_ARGS), so nothing needs to be routed: a route would
        # turn off the browser's cache, and every page would fetch the whole theme again.
        if not request.url.startswith((site_url, "data:", "blob:")):
            walk.outside.append(request.url)
        network.opened(request)

    page.on("request", opened)
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
            for number, viewport in enumerate(viewports):
                page.set_viewport_size(VIEWPORTS[viewport])
                if number == 0:
                    page.goto(site_url + relative, wait_until="load")
                network.wait_until_quiet(page)
                walk.policy += csp_violations(page, reports)
                reports.clear()
                walk.axe += run_axe(page, relative or "index.html", viewport)
    finally:
        context.close()
    return walk
