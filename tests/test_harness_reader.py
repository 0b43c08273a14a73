"""The shared reader context (tests/harness/reader.py): a test's page starts with nothing an
earlier test kept (pages from file:// too), in the tab the test before used unless that test
changed the tab in a way that cannot be undone; the clock, init scripts and routes are
refused in it."""

from __future__ import annotations

import pytest
from harness.reader import Reader
from harness.testing import serve

KEEP_EVERYTHING = """async () => {
  localStorage.setItem("kept", "1");
  sessionStorage.setItem("kept", "1");
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
  session: sessionStorage.length,
  cookies: document.cookie,
  databases: (await indexedDB.databases()).map(database => database.name),
  caches: await caches.keys(),
  clipboard: (await navigator.permissions.query({name: "clipboard-read"})).state,
})"""


@pytest.fixture(scope="module")
def one_reader(browser):
    """One reader for the cases of a test, as the suite's own reader goes from test to test."""
    reader = Reader(browser.new_context())
    yield reader
    reader.close()


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
            "local": 1, "session": 1, "cookies": "kept=1", "databases": ["kept"],
            "caches": ["kept"], "clipboard": "granted",
        }
        first.set_viewport_size({"width": 375, "height": 812})
        popup = reader.context.new_page()
        reader.forget()
        assert popup.is_closed() and reader.context.pages == [first]
        assert first.url == "about:blank" and first.viewport_size == {"width": 1280, "height": 720}
        second = reader.new_page()
        assert second is first  # the same tab, not a new one (about 0.3 CPU-seconds a test)
        second.goto(small_site)
        assert second.evaluate(WHAT_IS_KEPT) == {
            "local": 0, "session": 0, "cookies": "", "databases": [], "caches": [],
            "clipboard": "prompt",
        }
        reader.forget()
    finally:
        reader.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "change",
    [
        lambda tab, url: tab.on("console", lambda message: None),
        lambda tab, url: tab.once("dialog", lambda dialog: None),
        lambda tab, url: tab.add_init_script("window.changed = true"),
        lambda tab, url: tab.route("**/*.png", lambda route: route.abort()),
        lambda tab, url: tab.emulate_media(media="print"),
        lambda tab, url: tab.set_default_timeout(1000),
        lambda tab, url: tab.expose_function("changed", lambda: None),
        # a second origin: its sessionStorage could not be cleared from the page shown last
        lambda tab, url: tab.goto(url.replace("127.0.0.1", "localhost")),
        lambda tab, url: tab.close(),
    ],
    ids=[
        "listener", "listener-once", "init-script", "route", "media", "timeout", "binding",
        "second-origin", "closed",
    ],
)
def test_a_tab_changed_beyond_undoing_is_not_handed_on(one_reader, small_site, change):
    reader = one_reader
    first = reader.new_page()
    first.goto(small_site)
    change(first, small_site)
    reader.forget()
    second = reader.new_page()
    assert second is not first and first.is_closed()
    assert reader.context.pages == [second]
    second.goto(small_site)
    assert second.evaluate("typeof window.changed") == "undefined"
    assert second.evaluate("matchMedia('print').matches") is False
    reader.forget()
    assert reader.new_page() is second


FILE_KEEPS = """async () => {
  localStorage.setItem("kept", "1");
  sessionStorage.setItem("kept", "1");
  await new Promise((resolve, reject) => {
    const opened = indexedDB.open("kept", 1);
    opened.onupgradeneeded = () => opened.result.createObjectStore("things");
    opened.onsuccess = () => { opened.result.close(); resolve(); };
    opened.onerror = reject;
  });
}"""
FILE_KEPT = """async () => [
  localStorage.length, sessionStorage.length, (await indexedDB.databases()).length,
]"""


@pytest.mark.browser
@pytest.mark.parametrize("spend", [False, True], ids=["tab-kept", "tab-spent"])
def test_what_pages_from_file_keep_is_forgotten(one_reader, tmp_path, spend):
    """Pages from file:// share one store the browser cannot clear by origin: the reader
    empties it from a page of its own, whether the tab is handed on or not."""
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>", "utf-8")
    first = one_reader.new_page()
    first.goto((tmp_path / "index.html").as_uri())
    first.evaluate(FILE_KEEPS)
    assert first.evaluate(FILE_KEPT) == [1, 1, 1]
    if spend:
        first.on("console", lambda message: None)
    one_reader.forget()
    second = one_reader.new_page()
    assert (second is first) is not spend
    second.goto((tmp_path / "index.html").as_uri())
    assert second.evaluate(FILE_KEPT) == [0, 0, 0]
    one_reader.forget()


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
        reader.close()


@pytest.mark.own_context
@pytest.mark.browser
def test_a_test_marked_own_context_may_move_the_clock(page, reader):
    assert page.context is not reader.context
    page.clock.install(time="2001-01-01T09:00:00Z")
    page.clock.pause_at("2001-01-01T10:00:00Z")
    assert page.evaluate("new Date().toISOString()") == "2001-01-01T10:00:00.000Z"
