"""A browser context shared by the tests of one worker, with one tab handed from test to
test, cleared between tests.

On this machine a new browser context costs about a CPU-second (a new renderer, empty
caches, Material's bundle compiled again) and a new tab in an open context about 0.7,
more than the page in it (24 loads of the home page: 29.9 CPU-seconds in new tabs, 12.3 in
one tab sent to about:blank between them; docs-dev/performance.md). So tests that only
read the site, or keep what they write in the site's storage, share one context per
worker and, in it, one tab.

After each test the reader forgets what the test left: the tab is taken to about:blank
(the test's page, its timers and workers end there) and given back its viewport; other
tabs the test opened are closed; the storage of every origin the test opened is cleared
(localStorage, sessionStorage, IndexedDB, cache storage), and cookies and permissions.
Pages from file:// share one store that the browser cannot clear by origin: it is cleared
from a blank page of the reader's own, opened from file:// (localStorage, sessionStorage,
IndexedDB). What stays is the HTTP cache, as in a reader's browser. A test that changes
the tab in a way that cannot be taken back (a listener, an init script, a route, emulated
media, its own timeouts) spends it: the next test gets a new tab. Tests that change the
context itself (the clock, init scripts, routes) make their own; tests with JavaScript off
share a second reader whose context has it off."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

FORGOTTEN = "local_storage,indexeddb,cache_storage,service_workers,cookies"
# Run in a page from file://: empties the store every page from file:// shares.
FORGET_FILE_STORAGE = """async () => {
  localStorage.clear();
  sessionStorage.clear();
  for (const database of await indexedDB.databases()) {
    await new Promise((resolve, reject) => {
      const deleting = indexedDB.deleteDatabase(database.name);
      deleting.onsuccess = resolve;
      deleting.onerror = reject;
      deleting.onblocked = reject;
    });
  }
}"""
# What a test may do to its tab that the reader cannot undo: the tab is closed after it.
SPENDING = (
    "on", "once", "add_init_script", "expose_function", "expose_binding",
    "route", "route_from_har", "route_web_socket", "set_extra_http_headers", "emulate_media",
    "set_default_timeout", "set_default_navigation_timeout", "add_locator_handler",
)


class Reader:
    def __init__(self, context, javascript: bool = True):
        self.context = context
        self.javascript = javascript
        self.origins: set[str] = set()
        self.opened_files = False
        context.on("page", self._watch)
        # Playwright's clock is the context's, not a page's, and cannot be taken off again;
        # nor can an init script, and a route would outlive the test.
        for name in ("install", "pause_at", "set_fixed_time", "set_system_time"):
            setattr(context.clock, name, _refuse_context_change)
        for name in ("add_init_script", "route", "set_offline", "set_extra_http_headers"):
            setattr(context, name, _refuse_context_change)
        # A blank page from file://, to clear what pages from file:// keep.
        self.blank_file = Path(tempfile.mkdtemp(prefix="reader-")) / "blank.html"
        self.blank_file.write_text("<!doctype html><title>blank</title>", encoding="utf-8")
        self.tab = self._open_tab()

    def _open_tab(self):
        tab = self.context.new_page()
        self.spent = False
        self.tab_origins: set[str] = set()
        self.viewport = tab.viewport_size
        self.session = self.context.new_cdp_session(tab)
        for name in SPENDING:
            setattr(tab, name, self._spending(getattr(tab, name)))
        return tab

    def _spending(self, method):
        def spend(*args, **kwargs):
            self.spent = True
            return method(*args, **kwargs)

        return spend

    def _watch(self, page) -> None:
        type(page).on(page, "framenavigated", self._visited)  # the reader's own: spends nothing

    def _visited(self, frame) -> None:
        origin = _origin(frame.url)
        if urlsplit(frame.url).scheme == "file":
            self.opened_files = True
        elif origin:
            self.origins.add(origin)
            if frame.page == self.tab:
                self.tab_origins.add(origin)

    def _clear_session_storage(self) -> None:
        """sessionStorage is the tab's, which stays: cleared from the page of the one origin
        the test showed in it (the browser clears it only from a page of that origin); a tab
        that showed more than one is spent."""
        if not self.tab_origins or not self.javascript:  # without script, nothing is kept
            return
        if self.tab_origins != {_origin(self.tab.url)}:
            self.spent = True
            return
        try:
            for frame in self.tab.frames:
                if _origin(frame.url) in self.tab_origins:
                    frame.evaluate("sessionStorage.clear()")
        except PlaywrightError:  # a page that cannot run script any more: a new tab instead
            self.spent = True

    def _forget_file_storage(self) -> None:
        """Empty the store of pages from file://, from a blank page of the reader's own (the
        test's pages from file:// are closed or gone by now: nothing writes to it again)."""
        self.tab.goto(self.blank_file.as_uri())
        self.tab.evaluate(FORGET_FILE_STORAGE)
        self.tab.goto("about:blank")

    def new_page(self):
        """The tab for the next test: the same one as the test before, unless it was spent."""
        return self.tab

    def forget(self) -> None:
        """End the test's pages and clear what it kept."""
        for page in self.context.pages:
            if page != self.tab:
                page.close()
        if not self.spent and not self.tab.is_closed():
            self._clear_session_storage()
        if self.spent or self.tab.is_closed():
            # The new tab first: a context whose last tab closes costs as much to reopen
            # as a new one.
            spent, self.tab = self.tab, self._open_tab()
            if not spent.is_closed():
                spent.close()
        else:
            self.tab.goto("about:blank")
            self.tab_origins.clear()
            if self.tab.viewport_size != self.viewport:
                self.tab.set_viewport_size(self.viewport)
        if self.opened_files and self.javascript:  # without script, nothing is kept
            self._forget_file_storage()
        self.opened_files = False
        for origin in sorted(self.origins):
            self.session.send(
                "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": FORGOTTEN}
            )
        self.origins.clear()
        self.context.clear_cookies()
        self.context.clear_permissions()
        # (tests/test_harness_reader.py shows that nothing is left; reading it back here
        # would cost more than the shared context saves)

    def close(self) -> None:
        self.context.close()
        shutil.rmtree(self.blank_file.parent, ignore_errors=True)


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


def _refuse_context_change(*_args, **_kwargs):
    raise AssertionError(
        "the clock, init scripts and routes are the whole browser context's: mark the test "
        "@pytest.mark.own_context to change them in a context of its own"
    )
