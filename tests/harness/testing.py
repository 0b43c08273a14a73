"""Helpers the test suite and the benchmarks share: building and serving a site,
and launching Debian's Chromium for Playwright."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from leadership.build_cache import TEMPLATE_CACHE

PROJECT_ROOT = Path(__file__).resolve().parents[2]
COMPRESSED_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".vtt"}
BYTE_RANGE = re.compile(r"bytes=(?P<first>\d+)-(?P<last>\d*)")
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Debian's headless build of the same Chromium (package chromium-headless-shell), which
# Playwright drives for headless runs as it does the browsers it downloads elsewhere: the
# same Blink and V8 without the browser's windows, it took 16 % less CPU a page in the walk
# (docs-dev/performance.md). The benchmarks keep the browser itself (Lighthouse, and the
# search timings a reader would see).
HEADLESS_SHELL = Path("/usr/lib/chromium/chromium-headless-shell")
# Without the background-networking flags Chromium tries to reach Google's hosts at start.
CHROMIUM_ARGS = [
    # No test reaches the network: every host name but the loopback's fails to resolve, so
    # a request that would leave the machine fails at once (and is reported) instead.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# The test browser runs V8 without its optimising compiler. A test's page lives for seconds,
# and what the compiler makes of code that runs hot for a moment (Material's bundle, the
# project's scripts) is thrown away with the page: the interactive browser tests took 13 %
# less CPU without it, the walk with axe on every page the same (docs-dev/performance.md).
# The benchmarks time what a reader's browser does, so they keep V8 as it ships
# (CHROMIUM_ARGS alone).
TEST_BROWSER_ARGS = [*CHROMIUM_ARGS, "--js-flags=--no-opt"]


def mkdocs_env() -> dict[str, str]:
    """A test build is looked at on this machine only
    (leadership.print_offline.handout.LOCAL_PREVIEW)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LOCAL_PREVIEW": "1"}


def build_site(
    site_dir: Path, project_dir: Path = PROJECT_ROOT, config: str = "mkdocs.yml", strict=True
) -> subprocess.CompletedProcess:
    """Run ``mkdocs build`` in a subprocess, as an editor would; return the finished process."""
    return subprocess.run(
        built_args(site_dir, config, strict), cwd=project_dir, env=mkdocs_env(),
        capture_output=True, text=True, timeout=600,
    )


def built_args(site_dir: Path, config: str = "mkdocs.yml", strict=True) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "-f", config, "-d", str(site_dir)]
    return [*command, "--strict"] if strict else command


def build_once(folder: Path) -> tuple[Path, subprocess.CompletedProcess]:
    """The real site built into ``folder/site`` once, however many test workers ask: the
    first builds it (and fills the project's ``.cache``), the others wait for it and read
    the same folder and the same outcome."""
    folder.mkdir(parents=True, exist_ok=True)
    site, outcome = folder / "site", folder / "outcome.json"
    with (folder / "lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not outcome.exists():
            built = build_site(site)
            outcome.write_text(json.dumps(
                {"returncode": built.returncode, "stdout": built.stdout, "stderr": built.stderr}
            ))
        recorded = json.loads(outcome.read_text())
    return site, subprocess.CompletedProcess(
        built_args(site), recorded["returncode"], recorded["stdout"], recorded["stderr"]
    )


def copy_project(target: Path, cache: bool = True) -> Path:
    """Copy what a build needs (config, docs, overrides, transcripts) into ``target``.

    ``node_modules`` (the dictionaries the build reads) and ``leadership`` (which
    ``mkdocs serve`` watches) are linked, not copied. With ``cache``, the project's build
    cache too (``copy_build_cache``).
    """
    target.mkdir(parents=True, exist_ok=True)
    for linked in ("node_modules", "leadership"):
        if (PROJECT_ROOT / linked).is_dir():
            (target / linked).symlink_to(PROJECT_ROOT / linked)
    for name in ("mkdocs.yml", "docs", "overrides", "transcripts"):
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy2(source, target / name)
    if cache:
        copy_build_cache(target)
    return target


def copy_build_cache(target: Path) -> None:
    """The project's ``.cache`` (whatever the suite's own builds have kept so far) in a copy,
    so that a test's build of it is a rebuild, not a first build: the answers depend only
    on their questions (``tests/test_build_cache.py`` holds that a build with the cache
    makes the same site as one without). Each file is replaced whole when it is written,
    so a copy made while another worker builds is one version or the other."""
    kept = PROJECT_ROOT / ".cache"
    if not kept.is_dir():
        return
    (target / ".cache").mkdir(parents=True, exist_ok=True)
    for path in [*kept.glob("*.json"), *kept.glob(f"{TEMPLATE_CACHE}/*.cache")]:
        copy = target / ".cache" / path.relative_to(kept)
        with contextlib.suppress(OSError):  # replaced while listed: a miss, not an error
            copy.parent.mkdir(exist_ok=True)
            shutil.copy2(path, copy)


class _StaticHandler(http.server.SimpleHTTPRequestHandler):
    """A quiet static server that honours byte ranges, as real hosts do (video seeking needs it)."""

    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass

    compress = False  # gzip text files for a client that accepts it, as real hosts do
    cache_control = ""  # sent with every file that is there (see serve)
    status = 0

    def send_response(self, code, message=None):
        self.status = code
        super().send_response(code, message)

    def send_head(self):
        requested = self.headers.get("Range", "")
        match = BYTE_RANGE.fullmatch(requested.strip())
        path = Path(self.translate_path(self.path))
        if self.compress and not requested and "gzip" in self.headers.get("Accept-Encoding", ""):
            sent = path / "index.html" if self.path.split("?")[0].endswith("/") else path
            if sent.is_file() and sent.suffix in COMPRESSED_SUFFIXES:
                return self._send_compressed(sent)
        if not match or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        first = int(match["first"])
        last = min(int(match["last"]) if match["last"] else size - 1, size - 1)
        if first >= size:
            self.send_error(416, "Requested Range Not Satisfiable")
            return None
        handle = path.open("rb")
        handle.seek(first)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Length", str(last - first + 1))
        self.end_headers()
        return _Slice(handle, last - first + 1)

    def _send_compressed(self, path: Path):
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        self.send_header("Accept-Ranges", "bytes")
        if self.cache_control and self.status < 400:
            self.send_header("Cache-Control", self.cache_control)
        super().end_headers()


class _Slice:
    """The part of a file a range request asked for, read like a file by copyfile()."""

    def __init__(self, handle, length: int):
        self.handle, self.remaining = handle, length

    def read(self, size: int = -1) -> bytes:
        size = self.remaining if size < 0 else min(size, self.remaining)
        data = self.handle.read(size)
        self.remaining -= len(data)
        return data

    def close(self) -> None:
        self.handle.close()


@contextmanager
def serve(site_dir: Path, compress: bool = False, cache: bool = False) -> Iterator[str]:
    """Serve a built site on a free loopback port; yield its base URL. With ``compress``,
    text files go gzipped to a browser that accepts it, as GitHub Pages sends them. With
    ``cache``, each file goes with GitHub Pages' ``Cache-Control: max-age=600``, so a
    browser keeps the site's stylesheets and scripts instead of asking again on every page:
    only for a server that lives as long as the browser (the real site's), as a later
    server on the same port would otherwise be read from the cache of this one."""
    attributes = {"compress": compress, "cache_control": "max-age=600" if cache else ""}
    handler_class = type("Handler", (_StaticHandler,), attributes)
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    """Debian's Chromium browser (the benchmarks run it: Lighthouse, search timings)."""
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    raise RuntimeError(
        "Debian's Chromium is not installed: run `make setup` (it installs the chromium package)"
    )


def headless_shell_path() -> str:
    """Debian's Chromium headless shell, the browser Playwright drives in every test."""
    if not HEADLESS_SHELL.exists():
        raise RuntimeError(
            f"{HEADLESS_SHELL} is missing: run `make setup` "
            "(it installs the chromium-headless-shell package)"
        )
    return str(HEADLESS_SHELL)


def launch_chromium(playwright):
    """The test browser: Debian's headless shell, reaching nothing but the loopback."""
    return playwright.chromium.launch(executable_path=headless_shell_path(), args=TEST_BROWSER_ARGS)


def settled_results(page, timeout_s: float = 15) -> list[str]:
    """The search results' links once the list stops changing.

    Material renders results while the query is still being typed and adds more as the
    list scrolls, so the links are read in one call and re-read until they settle.
    """
    results = page.locator("li.md-search-result__item a")
    results.first.wait_for(state="attached", timeout=timeout_s * 1000)
    previous = None
    for _ in range(int(timeout_s / 0.5)):
        hrefs = results.evaluate_all("links => links.map(link => link.getAttribute('href'))")
        if hrefs and hrefs == previous:
            return hrefs
        previous = hrefs
        page.wait_for_timeout(500)
    raise AssertionError(f"the search results did not settle: {previous}")


def partials_environment():
    """The project's templates (overrides/) as the plugin renders them: with autoescape."""
    from jinja2 import Environment, FileSystemLoader

    return Environment(loader=FileSystemLoader(PROJECT_ROOT / "overrides"), autoescape=True)


def minimal_mkdocs_yml() -> str:
    """A two-language mkdocs.yml for a small test site built with the project's plugin and
    the project's templates."""
    return (
        "site_name: Test\nsite_url: https://example.org/\ndocs_dir: docs\n"
        f"theme:\n  name: material\n  font: false\n  custom_dir: {PROJECT_ROOT / 'overrides'}\n"
        "plugins:\n  - i18n:\n      docs_structure: folder\n"
        "      fallback_to_default: false\n"
        "      languages:\n        - locale: en\n          name: English\n          default: true\n"
        "        - locale: cy\n          name: Cymraeg\n"
        "  - leadership\n"
    )


# Recorded in every frame of a page: each Content Security Policy violation.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => {
  const where = `${event.sourceFile || document.URL}:${event.lineNumber}`;
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${where} ${event.sample}`
  );
});
"""


def watch_policy(page) -> list[str]:
    """Listen on ``page`` for CSP violations: the list the console's reports are added to
    (from every frame, the iframe-worker shim's too). Read ``csp_violations`` after."""
    reports: list[str] = []
    page.add_init_script(CSP_LISTENER)
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text
        and reports.append(message.text),
    )
    return reports


def violations_while_searching(page, reports: list[str], searches) -> list[str]:
    """The policy violations seen while searching: each (address, query) opens the address,
    types the query into Material's search box and waits for the results."""
    violations = []
    for address, query in searches:
        page.goto(address)
        page.keyboard.press("/")
        # Material listens for key presses: fill() would not trigger a search.
        page.locator("input.md-search__input").press_sequentially(query, delay=20)
        assert settled_results(page)
        violations += csp_violations(page, reports)
        reports.clear()
    return violations


def csp_violations(page, reports: list[str]) -> list[str]:
    """Every violation the page's listener and the console have seen so far."""
    found = [f"{page.url}: {v}" for v in page.evaluate("window.__cspViolations || []")]
    return found + [f"{page.url}: {report}" for report in reports]
