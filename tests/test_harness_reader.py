"""The shared reader context (tests/harness/reader.py): a test's page starts with nothing an
earlier test kept; a page from file://, the clock, init scripts and routes are refused in it."""

from __future__ import annotations

import pytest
from harness.reader import Reader
from harness.testing import serve

KEEP_EVERYTHING = """async () => {
  localStorage.setItem("kept", "1");
  document.cookie = "kept=1; max-age=3600";
  await new Promise((resolve, reject) => {
    const opened = indexedDB.open("kept", 1);
    opened.onupgradeneeded = () => opened.result.createObjectStore("things");
    opened.onsuccess = () => { opened.result.close(); resolve(); };
    opened.onerror = reject;
  });
  await caches.open("kept");
}"""

WHAT_IS_KEPT = """async () => ({
  local: localStorage.length,
  cookies: document.cookie,
  databases: (await indexedDB.databases()).map(database => database.name),
  caches: await caches.keys(),
  clipboard: (await navigator.permissions.query({name: "clipboard-read"})).state,
})"""


@pytest.fixture
def small_site(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title><p>x", "utf-8")
    with serve(tmp_path) as url:
        yield url


@pytest.mark.browser
def test_a_page_in_the_shared_context_starts_with_nothing_kept(browser, small_site):
    reader = Reader(browser.new_context())
    try:
        first = reader.new_page()
        first.goto(small_site)
        reader.context.grant_permissions(["clipboard-read"])
        first.evaluate(KEEP_EVERYTHING)
        kept = first.evaluate(WHAT_IS_KEPT)
        assert kept == {
            "local": 1, "cookies": "kept=1", "databases": ["kept"], "caches": ["kept"],
            "clipboard": "granted",
        }
        reader.forget()
        assert first.is_closed() and reader.context.pages == [reader.resident]
        second = reader.new_page()
        second.goto(small_site)
        assert second.evaluate(WHAT_IS_KEPT) == {
            "local": 0, "cookies": "", "databases": [], "caches": [], "clipboard": "prompt",
        }
        reader.forget()
    finally:
        reader.context.close()


@pytest.mark.browser
def test_a_page_from_file_is_refused_in_the_shared_context(browser, tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>", "utf-8")
    reader = Reader(browser.new_context())
    try:
        reader.new_page().goto((tmp_path / "index.html").as_uri())
        with pytest.raises(AssertionError, match="file:// needs a browser context of its own"):
            reader.forget()
    finally:
        reader.context.close()


@pytest.mark.browser
def test_the_clock_init_scripts_and_routes_are_refused_in_the_shared_context(browser):
    reader = Reader(browser.new_context())
    try:
        page = reader.new_page()
        for change in (
            page.clock.install,
            lambda: page.context.add_init_script("window.changed = true"),
            lambda: page.context.route("**/*", lambda route: route.abort()),
        ):
            with pytest.raises(AssertionError, match="mark the test @pytest.mark.own_context"):
                change()
        reader.forget()
    finally:
        reader.context.close()


@pytest.mark.own_context
@pytest.mark.browser
def test_a_test_marked_own_context_may_move_the_clock(page, reader):
    assert page.context is not reader.context
    page.clock.install(time="2001-01-01T09:00:00Z")
    page.clock.pause_at("2001-01-01T10:00:00Z")
    assert page.evaluate("new Date().toISOString()") == "2001-01-01T10:00:00.000Z"
