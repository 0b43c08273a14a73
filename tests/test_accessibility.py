"""WCAG 2.2 AA gate: axe-core on every built page, both languages, phone and desktop widths."""

from __future__ import annotations

import pytest
from harness.accessibility import VIEWPORTS, run_axe, site_pages


@pytest.mark.browser
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_axe_finds_no_wcag_violations_on_any_page(site_dir, site_url, browser, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    pages = site_pages(site_dir)
    assert any(p.startswith("cy/") for p in pages) and len(pages) > 10
    violations = []
    for relative in pages:
        page.goto(site_url + relative, wait_until="load")
        violations += run_axe(page, relative or "index.html", viewport)
    context.close()
    assert not violations, "\n" + "\n".join(map(str, violations))
