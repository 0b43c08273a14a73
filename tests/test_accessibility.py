"""WCAG 2.2 AA gate: axe-core on every built page, both languages, phone and desktop widths."""

from __future__ import annotations

import pytest
from harness.walk import WALKED_VIEWPORTS


@pytest.mark.browser
@pytest.mark.parametrize("viewport", WALKED_VIEWPORTS)
def test_axe_finds_no_wcag_violations_on_any_page(site_walk, viewport):
    assert any(p.startswith("cy/") for p in site_walk.pages) and len(site_walk.pages) > 10
    assert viewport in site_walk.viewports
    violations = site_walk.axe_at(viewport)
    assert not violations, "\n" + "\n".join(map(str, violations))
