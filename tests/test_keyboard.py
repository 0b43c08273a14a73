"""A keyboard-only walk: skip link, language switch, search, transcript timestamps,
copy-link, visible focus and no keyboard trap, in both languages."""

from __future__ import annotations

import pytest

FOCUSED_DESCRIPTION = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim(),
    href: el.getAttribute('href'),
    classes: el.className && el.className.baseVal === undefined ? el.className : '',
    switch: el.hasAttribute('data-cl-language-switch'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== 'none',
  };
}"""


def tab_until(page, predicate, limit=80):
    """Press Tab until the focused element satisfies ``predicate``; return its description."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_DESCRIPTION)
        if predicate(focused):
            return focused
    raise AssertionError("the element was not reached by keyboard")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "skip_text"),
    [
        ("principles/attending/", "Skip to content"),
        ("cy/principles/attending/", "Neidio i'r cynnwys"),
    ],
)
def test_skip_link_is_first_and_moves_to_the_content(page, site_url, start, skip_text):
    page.goto(site_url + start)
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED_DESCRIPTION)
    assert focused["text"] == skip_text
    assert focused["outline"], "the skip link has no visible focus indicator"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == focused["href"]
    target = page.evaluate("document.querySelector(location.hash).closest('.md-content') !== null")
    assert target


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("principles/attending/", "cy/principles/attending/"),
        ("cy/principles/attending/", "principles/attending/"),
    ],
)
def test_language_switch_by_keyboard(page, site_url, start, expected):
    page.goto(site_url + start)
    focused = tab_until(page, lambda f: f["switch"])
    assert focused["outline"], "the language switch has no visible focus indicator"
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + expected)


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_search_by_keyboard(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "cy/")
    if width >= 1220:
        # On a wide screen the search box is in the header's tab order.
        tab_until(page, lambda f: f["tag"] == "input" and "Chwilio" in f["text"])
    else:
        # On a phone the box is behind an icon; Material's keyboard shortcut opens it.
        page.keyboard.press("/")
    page.keyboard.type("arweinyddiaeth", delay=20)
    # The results for the whole word, not those for a part of it still on the list (each
    # result's address carries the query it answered).
    page.locator('li.md-search-result__item a[href*="h=arweinyddiaeth"]').first.wait_for()
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(site_url + "cy/")
    assert "h=arweinyddiaeth" in page.url


@pytest.mark.browser
def test_transcript_timestamp_by_keyboard(page, site_url):
    page.goto(site_url + "cy/films/what-compassionate-leadership-means/")
    focused = tab_until(page, lambda f: f["href"] == "#t-00-28", limit=400)
    assert focused["outline"]
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#t-00-28"
    assert page.locator("#t-00-28.cl-cue--active").count() == 1


@pytest.mark.browser
def test_no_keyboard_trap(page, site_url):
    page.goto(site_url + "films/leading-in-a-crisis/")
    seen = set()
    for _ in range(600):
        page.keyboard.press("Tab")
        seen.add(page.evaluate("document.activeElement.outerHTML.slice(0, 120)"))
        if page.evaluate("document.activeElement === document.body"):
            break
    else:
        pytest.fail("Tab never left the page: keyboard trap")
    assert len(seen) > 20
