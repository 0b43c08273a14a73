"""A browser context shared by the tests of one worker, cleared between tests.

Opening a page in a new browser context costs about a CPU-second on this machine (a new
renderer, empty caches, Material's bundle compiled again); a new page in a context that
is already open costs about half that. Tests that only read the site, or keep what they
write in the site's storage, share one context per worker. It keeps one blank page open
between tests (a context whose last page closes costs as much to reopen as a new one).
After each test the context forgets what the test left: its pages, the storage of every
origin they opened (localStorage, IndexedDB, cache storage), cookies and permissions;
what stays is the HTTP cache, as in a reader's browser. Tests that change the context
itself (init scripts, routes, JavaScript off) make their own."""

from __future__ import annotations

from urllib.parse import urlsplit

FORGOTTEN = "local_storage,indexeddb,cache_storage,service_workers,cookies"


class Reader:
    def __init__(self, context):
        self.context = context
        self.origins: set[str] = set()
        self.opened_files = False
        self.resident = context.new_page()
        context.on("page", self._watch)
        self.session = context.new_cdp_session(self.resident)
        # Playwright's clock is the context's, not a page's, and cannot be taken off again;
        # nor can an init script, and a route would outlive the test.
        for name in ("install", "pause_at", "set_fixed_time", "set_system_time"):
            setattr(context.clock, name, _refuse_context_change)
        for name in ("add_init_script", "route", "set_offline", "set_extra_http_headers"):
            setattr(context, name, _refuse_context_change)

    def _watch(self, page) -> None:
        page.on("framenavigated", self._visited)

    def _visited(self, frame) -> None:
        parts = urlsplit(frame.url)
        if parts.scheme == "file":
            self.opened_files = True
        elif parts.scheme in ("http", "https"):
            self.origins.add(f"{parts.scheme}://{parts.netloc}")

    def new_page(self):
        return self.context.new_page()

    def forget(self) -> None:
        """Close the test's pages and clear what it kept."""
        for page in self.context.pages:
            if page != self.resident:
                page.close()
        # file:// pages share one localStorage that the browser cannot clear by origin.
        opened_files, self.opened_files = self.opened_files, False
        assert not opened_files, "a page from file:// needs a browser context of its own"
        for origin in sorted(self.origins):
            self.session.send(
                "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": FORGOTTEN}
            )
        self.origins.clear()
        self.context.clear_cookies()
        self.context.clear_permissions()
        # (tests/test_harness_reader.py shows that nothing is left; reading it back here
        # would cost more than the shared context saves)


def _refuse_context_change(*_args, **_kwargs):
    raise AssertionError(
        "the clock, init scripts and routes are the whole browser context's: mark the test "
        "@pytest.mark.own_context to change them in a context of its own"
    )
