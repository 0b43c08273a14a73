"""Screenshots of the main kinds of page, both languages, phone and desktop widths, kept in
test-artifacts/screenshots/ for people to look at; and nothing wider than the screen."""

from __future__ import annotations

import pytest
from harness.accessibility import VIEWPORTS

PAGES = {
    "home": "",
    "principle": "principles/attending/",
    "film": "films/what-compassionate-leadership-means/",
    "activity": "activities/listening-with-fascination/",
    "planner": "activities/plan/?a=listening-with-fascination,one-obstacle-at-a-time&start=09:30",
}
# Elements allowed to scroll sideways on their own (tables and code scroll inside the page).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('.md-content *, .md-header *')]
    .filter(el => el.getBoundingClientRect().right > width + 1
                  && getComputedStyle(el).position !== 'fixed'
                  && !el.closest('.md-typeset__scrollwrap, pre, .md-search, .md-sidebar'))
    .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden');
  return {scroll: document.documentElement.scrollWidth, width,
          wide: wide.slice(0, 5).map(el => el.outerHTML.slice(0, 120))};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("language", ["en", "cy"])
def test_pages_fit_the_screen_and_are_kept_as_screenshots(
    page, site_url, artifacts_dir, viewport, language
):
    folder = artifacts_dir / "screenshots"
    folder.mkdir(exist_ok=True)
    page.set_viewport_size(VIEWPORTS[viewport])
    problems = []
    for kind, path in PAGES.items():
        page.goto(site_url + ("" if language == "en" else "cy/") + path, wait_until="load")
        page.screenshot(path=folder / f"{kind}-{language}-{viewport}.png", full_page=False)
        measured = page.evaluate(OVERFLOW)
        if measured["scroll"] > measured["width"] or measured["wide"]:
            problems.append(f"{kind} ({language}, {viewport}): {measured}")
    assert not problems, "\n".join(problems)
