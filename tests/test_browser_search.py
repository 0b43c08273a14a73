"""Search is per language, in the real browser: Welsh pages find Welsh pages only."""

from __future__ import annotations

import pytest
from harness.testing import settled_results

from leadership.languages import language_of_site_path

SEARCHES = [
    # (page to search from, query, language every result must be in)
    ("", "leadership", "en"),
    ("principles/attending/", "attending", "en"),
    ("cy/", "arweinyddiaeth", "cy"),
    ("cy/principles/attending/", "sylw", "cy"),
]


def search(page, query: str) -> list[str]:
    page.keyboard.press("/")  # Material's search shortcut opens the search box
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    # Material listens for key presses: fill() would not trigger a search.
    box.press_sequentially(query, delay=20)
    return settled_results(page)


@pytest.mark.browser
@pytest.mark.parametrize(("start", "query", "language"), SEARCHES)
def test_search_returns_pages_in_the_page_language_only(page, site_url, start, query, language):
    page.goto(site_url + start)
    hrefs = search(page, query)
    assert hrefs, f"no results for {query!r} from /{start}"
    for href in hrefs:
        path = href.removeprefix(site_url)
        assert language_of_site_path(path) == language, (query, href)
