#!/usr/bin/env python3
"""How the site performs as it grows: build time, the project plugin's share, page weight,
search.

Builds, in one run, the real site and a scaled copy of it (``benchmarks/scaled_site.py``:
500 more pages per language in topic sections, 50 films of 150 cues, 40 activity guides,
all in both languages' navigation), and prints:

- the full build time of each (``mkdocs build --strict`` in a child process; median wall
  and CPU time of several builds) and the build's peak memory (the child's maximum
  resident set size);
- the time the project's plugin adds: the same content built from a copy of the config
  without the plugin, with a stand-in hook that only gives templates their interface
  strings and the search worker's name; the ratio of the two (targets: at most 1.2x with
  the answers the build keeps in ``.cache``, a rebuild or ``mkdocs serve``, and 1.5x
  without them, a first build or CI), and the plugin's own CPU time inside the build, by
  event (every MkDocs event handler timed, nested builds subtracted);
- page weight, gzipped: the HTML of the same pages in both sites with the share taken by
  the sidebar navigation (flat as the site grows), and everything a first visit to a film
  page downloads in Chromium (HTML + CSS + JS target: under 100 KB);
- the search index of each language, raw and gzipped;
- search in Debian's Chromium on the scaled site: the time from the last key press of a
  query to its results, once the index is ready and when typing as the page opens (median
  and worst of several queries in each language; target: under 1 s), and from opening a
  page to its search index being ready;
- the checkers beside their baselines: ``benchmarks/bench_subtitles.py`` (against plain
  ``srt.parse``) and ``benchmarks/bench_links.py`` (against lychee), when present, and
  ``scripts/check_links.py`` beside lychee on the scaled site.

It prints figures and the machine they come from, and asserts nothing. The figures and
what they led to are in docs-dev/performance.md.

    .venv/bin/python benchmarks/bench_site.py [--runs 3] [--keep DIR]    (or: make bench)
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the test harness (tests/harness/)
sys.path.insert(0, str(REPO / "benchmarks"))
# The benchmark's builds are never published: they may keep the loopback site_url.
os.environ.setdefault("LOCAL_PREVIEW", "1")

from harness.testing import (  # noqa: E402
    CHROMIUM_ARGS,
    chromium_path,
    copy_project,
    mkdocs_env,
    serve,
)

from leadership.build_cache import CACHE_DIR  # noqa: E402
from leadership.languages import LANGUAGES, site_prefix  # noqa: E402

CHILD_BUILD = "--child-build"
KEEP_MARKER = ".bench-site"
GZIP_LEVEL = 6  # what web servers commonly use
PAGE_BUDGET_KB = 100
# The build with the project's plugin against the same content built without it (issue 15):
# a rebuild (warm .cache) and a first build (cold .cache).
RATIO_TARGETS = {"warm": 1.2, "cold": 1.5}
SEARCH_BUDGET_S = 1.0
LYCHEE = REPO / ".venv" / "bin" / "lychee"
# The sidebar navigation (and the header tabs, when navigation.tabs is on).
NAVIGATION = (
    re.compile(r'<nav class="md-nav md-nav--primary[^"]*".*?</nav>\s*</div>', re.DOTALL),
    re.compile(r'<nav class="md-tabs".*?</nav>', re.DOTALL),
)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
SCRIPT = re.compile(r'<script src="([^"]+)"')
# Pages to weigh, by kind: the same page in the real and the scaled site where both have it.
WEIGHED_PAGES = {
    "home": "index.md",
    "principle": "principles/attending.md",
    "film (a real film)": "films/leading-in-a-crisis.md",
}
FILM_PAGE = "films/leading-in-a-crisis.md"
SEARCH_QUERIES = {
    "en": ["supervision", "wellbeing", "listening", "crisis", "belonging"],
    "cy": ["goruchwylio", "llesiant", "gwrando", "argyfwng", "perthyn"],
}
TYPING_DELAY_MS = 80  # a brisk typist
SEARCH_TIMEOUT_MS = 30_000


# --- the machine ------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kilobytes = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kilobytes / 1024 / 1024:.1f} GiB"
    from importlib.metadata import version

    packages = ", ".join(
        f"{name} {version(name)}" for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")
    )
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "packages": packages,
        "Chromium": _chromium_version(),
        "load average": load_average(),
    }


def load_average() -> str:
    """Other work on the machine slows wall times; CPU times suffer much less."""
    one, five, _ = os.getloadavg()
    return f"{one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def _chromium_version() -> str:
    try:
        result = subprocess.run([chromium_path(), "--version"], capture_output=True, text=True,
                                timeout=30)
        return result.stdout.strip() or "unknown"
    except (RuntimeError, OSError, subprocess.SubprocessError):
        return "not installed"


# --- building -----------------------------------------------------------------------------------


@dataclass
class Build:
    seconds: float  # wall time
    cpu_seconds: float  # user + system time of the child: steadier on a busy machine
    peak_mb: float
    events: dict[str, float]  # "plugin-or-hook event" -> CPU seconds in its handler
    returncode: int
    output: str


def _child_build(config: str, site_dir: str, profile: str) -> int:
    """In the child process: ``mkdocs build --strict`` with every plugin event timed.

    mkdocs-static-i18n builds the other languages from inside an event, so the time of
    events nested in another event is taken off the outer one. CPU time, like the builds'.
    """
    from mkdocs import plugins
    from mkdocs.__main__ import cli

    totals: dict[str, float] = defaultdict(float)
    nested: list[float] = []

    def run_event(self, name, item=None, **kwargs):
        pass_item = item is not None
        for method in self.events[name]:
            origin = self._event_origins.get(method, "<unknown>")
            self._current_plugin = origin
            nested.append(0.0)
            started = time.process_time()
            try:
                result = method(item, **kwargs) if pass_item else method(**kwargs)
            finally:
                elapsed = time.process_time() - started
                totals[f"{origin} {name}"] += elapsed - nested.pop()
                if nested:
                    nested[-1] += elapsed
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    plugins.PluginCollection.run_event = run_event
    try:
        cli.main(["build", "--strict", "-f", config, "-d", site_dir], standalone_mode=False)
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except Exception as error:  # noqa: BLE001 - report any build failure as a failed build
        print(f"build failed: {error}", file=sys.stderr)
        code = 1
    Path(profile).write_text(json.dumps(totals), encoding="utf-8")
    return code


def build(project: Path, config: Path, site_dir: Path) -> Build:
    """Build in a fresh Python process; time it and read its peak memory."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    profile = site_dir.parent / f"{site_dir.name}.events.json"
    log = site_dir.parent / f"{site_dir.name}.log"
    command = [sys.executable, str(Path(__file__).resolve()), CHILD_BUILD, str(config),
               str(site_dir), str(profile)]
    with log.open("w") as output:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=project, env=mkdocs_env(), stdout=output,
                                 stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    events = json.loads(profile.read_text()) if profile.exists() else {}
    # ru_maxrss is in kilobytes on Linux.
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, events,
                 child.returncode, log.read_text())


# The templates read the interface strings and the search worker's name the project's plugin
# puts in their context; without it the 404 template stops the build at "'ui' is undefined".
# The build without the plugin gets this small stand-in instead.
INTERFACE_STRINGS_HOOK = '''"""Benchmark stand-in: the interface strings the templates need."""
from leadership.interface import strings_for
from leadership.languages import build_language
from leadership.search.material_assets import search_worker

WORKER = search_worker()


def on_page_context(context, page, config, nav):
    context["ui"] = strings_for(page.file.locale)
    context["search_worker"] = WORKER
    return context


def on_template_context(context, template_name, config):
    context["ui"] = strings_for(build_language(config))
    context["search_worker"] = WORKER
    return context
'''
INTERFACE_STRINGS_HOOK_FILE = "bench_interface_strings.py"
# The project's plugin, as mkdocs.yml lists it under plugins.
PLUGIN_NAME = "leadership"


def without_plugin(project: Path) -> Path:
    """A copy of the project's config without the project's plugin, beside the original.

    What then builds differently: no page is checked (front matter, content safety, page
    parity, activities, subtitles); film pages have their introduction but no transcript,
    activity guides their Markdown but no at-a-glance box, steps or film moments, pages no
    print header; search has one joint index with no cue entries or Welsh data. Links to
    film moments point at anchors only the project's plugin writes, so anchor checks are
    informational in this build. The interface strings come from a stand-in hook.
    """
    from scaled_site import read_config, write_config

    config = read_config(project / "mkdocs.yml")
    (project / INTERFACE_STRINGS_HOOK_FILE).write_text(INTERFACE_STRINGS_HOOK, encoding="utf-8")
    config["plugins"] = [
        plugin for plugin in config["plugins"]
        if not (plugin == PLUGIN_NAME or isinstance(plugin, dict) and PLUGIN_NAME in plugin)
    ]
    config["hooks"] = [INTERFACE_STRINGS_HOOK_FILE]
    validation = config.get("validation")
    if isinstance(validation, dict) and validation.get("anchors") != "ignore":
        validation["anchors"] = "info"
    target = project / "mkdocs.no-plugin.yml"
    write_config(config, target)
    return target


def set_features(project: Path, add: list[str], remove: list[str]) -> None:
    """Turn Material features on or off in a project's config (to compare navigation)."""
    from scaled_site import read_config, write_config

    path = project / "mkdocs.yml"
    config = read_config(path)
    features = config["theme"].setdefault("features", [])
    features[:] = [name for name in features if name not in remove]
    features += [name for name in add if name not in features]
    write_config(config, path)


@dataclass
class Variant:
    name: str
    project: Path
    config: Path
    site: Path
    builds: list[Build] = field(default_factory=list)
    # Empty the project's .cache first (leadership.build_cache): a first build, as on CI.
    cold: bool = False

    @property
    def ok(self) -> bool:
        return bool(self.builds) and all(b.returncode == 0 for b in self.builds)

    @property
    def seconds(self) -> float:
        return statistics.median(b.seconds for b in self.builds)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(b.cpu_seconds for b in self.builds)

    @property
    def peak_mb(self) -> float:
        return max(b.peak_mb for b in self.builds)

    def events(self) -> dict[str, float]:
        names = {name for b in self.builds for name in b.events}
        return {name: statistics.median(b.events.get(name, 0.0) for b in self.builds)
                for name in names}


def run_builds(variants: list[Variant], runs: int) -> None:
    """Build every variant ``runs`` times, interleaved so that drift hits them all alike."""
    for run in range(runs):
        for variant in variants:
            if run and not variant.ok:
                continue
            print(f"  build {run + 1}/{runs}: {variant.name} ...", end="", flush=True)
            if variant.cold:
                shutil.rmtree(variant.project / CACHE_DIR, ignore_errors=True)
            result = build(variant.project, variant.config, variant.site)
            variant.builds.append(result)
            print(f" {result.seconds:.1f} s ({result.cpu_seconds:.1f} s CPU)"
                  if result.returncode == 0 else " FAILED")
            if result.returncode:
                print(_tail(result.output), file=sys.stderr)


def _tail(text: str, lines: int = 25) -> str:
    kept = [line for line in text.splitlines() if "contains a link" not in line]
    return "\n".join(kept[-lines:])


# --- page weight --------------------------------------------------------------------------------


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def built_path(site: Path, language: str, source: str) -> Path:
    """The HTML file MkDocs writes for a docs page (directory URLs)."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        folder = stem.removesuffix("index")
    else:
        folder = stem + "/"
    return site / site_prefix(language) / folder / "index.html"


@dataclass
class Weight:
    html: int
    html_gz: int
    nav: int  # bytes of navigation in the HTML
    assets_gz: int  # CSS and JS the page loads, gzipped, each file once


def weigh(site: Path, page: Path) -> Weight:
    html = page.read_bytes()
    text = html.decode("utf-8")
    nav_bytes = b"".join(
        match.group(0).encode() for pattern in NAVIGATION if (match := pattern.search(text))
    )
    assets = 0
    base = page.relative_to(site).as_posix()
    for address in STYLESHEET.findall(text) + SCRIPT.findall(text):
        if urlsplit(address).scheme:
            continue
        asset = site / urlsplit(urljoin(base, address)).path
        if asset.is_file():
            assets += gzipped(asset.read_bytes())
    return Weight(len(html), gzipped(html), len(nav_bytes), assets)


def html_pages(site: Path) -> list[Path]:
    return [path for path in site.rglob("index.html") if "search" not in path.parts]


# --- search in the browser --------------------------------------------------------------------

# Recorded in the page: when Material's search worker reports its index ready (message
# type 1), key presses, and every render of the result list. Times are performance.now(),
# milliseconds since the page was opened.
SEARCH_PROBE = """
(() => {
  window.__bench = {ready: null, keys: [], renders: []};
  const NativeWorker = window.Worker;
  window.Worker = function (url, options) {
    const worker = new NativeWorker(url, options);
    worker.addEventListener("message", (event) => {
      if (event.data && event.data.type === 1 && window.__bench.ready === null) {
        window.__bench.ready = performance.now();
      }
    });
    return worker;
  };
  window.Worker.prototype = NativeWorker.prototype;
  document.addEventListener("keydown", () => window.__bench.keys.push(performance.now()), true);
  const watch = () => {
    const list = document.querySelector(".md-search-result__list");
    if (!list) { requestAnimationFrame(watch); return; }
    new MutationObserver(() => {
      if (list.children.length) window.__bench.renders.push(performance.now());
    }).observe(list, {childList: true});
  };
  watch();
})();
"""


def _settled_search(page, box, query: str) -> dict:
    """Type ``query``; wait until the results stop changing; return the probe's record."""
    page.evaluate("window.__bench.keys = []; window.__bench.renders = []")
    box.press_sequentially(query, delay=TYPING_DELAY_MS)
    page.locator("li.md-search-result__item").first.wait_for(
        state="attached", timeout=SEARCH_TIMEOUT_MS
    )
    last = -1
    while True:  # results for the whole query come last; wait for 0.5 s of quiet
        page.wait_for_timeout(500)
        count = page.evaluate("window.__bench.renders.length")
        if count == last:
            break
        last = count
    return page.evaluate("window.__bench")


@contextmanager
def _browser(site: Path):
    """A Chromium page context with the search probe, and the served site's base URL."""
    from playwright.sync_api import sync_playwright

    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            context.add_init_script(SEARCH_PROBE)
            yield context, url
        finally:
            browser.close()


def search_timings(site: Path) -> dict[str, dict[str, list[float]]]:
    """Seconds, per language, for each query, on a freshly opened page:

    - ``ready``: from opening the page to the search worker's index being ready (it fetches
      the language's index, from the browser's cache when it can, and builds it);
    - ``cold``: from the last key press to the results, typing as soon as the page opens;
    - ``warm``: the same query again once the index is ready.
    """
    timings: dict[str, dict[str, list[float]]] = {}
    with _browser(site) as (context, url):
        for language in LANGUAGES:
            figures: dict[str, list[float]] = {"ready": [], "cold": [], "warm": []}
            for query in SEARCH_QUERIES[language]:
                page = context.new_page()
                page.goto(url + site_prefix(language), wait_until="commit")
                page.keyboard.press("/")  # Material's shortcut: opens the search box
                box = page.locator("input.md-search__input")
                box.wait_for(state="visible")
                first = _settled_search(page, box, query)
                figures["cold"].append((first["renders"][-1] - first["keys"][-1]) / 1000)
                page.wait_for_function("window.__bench.ready !== null")
                figures["ready"].append(page.evaluate("window.__bench.ready") / 1000)
                box.fill("")
                page.wait_for_timeout(300)
                again = _settled_search(page, box, query)
                figures["warm"].append((again["renders"][-1] - again["keys"][-1]) / 1000)
                page.close()
            timings[language] = figures
    return timings


def index_ready(site: Path, loads: int = 3) -> dict[str, list[float]]:
    """Seconds from opening each language's home page to its search index being ready."""
    ready: dict[str, list[float]] = {}
    with _browser(site) as (context, url):
        for language in LANGUAGES:
            ready[language] = []
            for _ in range(loads):
                page = context.new_page()
                page.goto(url + site_prefix(language), wait_until="commit")
                page.wait_for_function("window.__bench.ready !== null",
                                       timeout=SEARCH_TIMEOUT_MS)
                ready[language].append(page.evaluate("window.__bench.ready") / 1000)
                page.close()
    return ready


def first_visit(site: Path, pages: list[str]) -> dict[str, dict[str, int]]:
    """What opening each page downloads, gzipped, by kind, until its search is ready.

    Sizes are of the files on disk, gzipped (the test server sends them as they are).
    """
    downloads: dict[str, dict[str, int]] = {}
    with _browser(site) as (context, url):
        for path in pages:
            page = context.new_page()
            addresses: dict[str, str] = {}

            def record(request, addresses=addresses) -> None:
                addresses.setdefault(request.url, request.resource_type)

            page.on("requestfinished", record)
            page.goto(url + path)
            page.wait_for_function("window.__bench.ready !== null", timeout=SEARCH_TIMEOUT_MS)
            page.wait_for_timeout(1000)  # the Welsh search data may follow the index
            page.close()
            sizes: dict[str, int] = defaultdict(int)
            for address, resource in addresses.items():
                local = urlsplit(address).path.lstrip("/")
                file = site / local
                if file.is_dir():
                    file = file / "index.html"
                if not file.is_file():
                    continue  # e.g. the sitemap Material asks for beside the page
                sizes[_download_kind(local, resource)] += gzipped(file.read_bytes())
            downloads[path] = dict(sizes)
    return downloads


def _download_kind(path: str, resource: str) -> str:
    if resource == "document":
        return "HTML"
    if resource == "stylesheet":
        return "CSS"
    if path.endswith(".js"):
        return "JS"
    if path.endswith(".json"):
        return "search data"
    return "other"


# --- the checkers -------------------------------------------------------------------------------


def run_script(script: Path, arguments: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(script), *arguments], cwd=REPO,
                            capture_output=True, text=True, env=mkdocs_env(), timeout=600)
    return time.perf_counter() - started, result.stdout + result.stderr


def links_on_site(site: Path) -> dict[str, float | str]:
    """scripts/check_links.py and lychee (offline, fragments checked) on one built site."""
    figures: dict[str, float | str] = {}
    checker = REPO / "scripts" / "check_links.py"
    if checker.exists():
        seconds, output = run_script(checker, [str(site)])
        figures["check_links.py"] = seconds
        figures["check_links.py says"] = output.strip().splitlines()[-1] if output.strip() else ""
    if LYCHEE.exists():
        started = time.perf_counter()
        result = subprocess.run(
            [str(LYCHEE), "--offline", "--include-fragments", "--no-progress",
             "--index-files", "index.html", "--root-dir", str(site), str(site)],
            capture_output=True, text=True, timeout=600,
        )
        figures["lychee"] = time.perf_counter() - started
        summary = [line for line in result.stdout.splitlines() if "Total" in line or "Errors" in
                   line]
        figures["lychee says"] = " ".join(" ".join(summary).split())
    return figures


# --- report ---------------------------------------------------------------------------------


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def table(rows: list[tuple], header: tuple) -> str:
    rows = [tuple(str(cell) for cell in row) for row in [header, *rows]]
    widths = [max(len(cell) for cell in column) for column in zip(*rows, strict=True)]
    lines = [
        "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        + " |"
        for row in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def by_origin(events: dict[str, float]) -> dict[str, dict[str, float]]:
    """{plugin or hook: {event: seconds}} from {"origin event": seconds}."""
    grouped: dict[str, dict[str, float]] = defaultdict(dict)
    for key, seconds in events.items():
        origin, _, event = key.rpartition(" ")
        grouped[origin][event] = seconds
    return grouped


def _print_origins(origins: dict[str, dict[str, float]]) -> None:
    for origin, events in sorted(origins.items(), key=lambda item: -sum(item[1].values())):
        detail = ", ".join(f"{event} {seconds:.2f}" for event, seconds in
                           sorted(events.items(), key=lambda item: -item[1]) if seconds >= 0.01)
        print(f"    {origin:40} {sum(events.values()):6.2f} s  {detail}")


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [CHILD_BUILD]:
        sys.exit(_child_build(*argv[1:4]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each variant (median)")
    parser.add_argument("--pages", type=int, default=500, help="generated pages per language")
    parser.add_argument("--films", type=int, default=50)
    parser.add_argument("--cues", type=int, default=150)
    parser.add_argument("--activities", type=int, default=40)
    parser.add_argument("--no-browser", action="store_true",
                        help="skip what needs Chromium (first visit, search timings)")
    parser.add_argument("--no-checkers", action="store_true", help="skip the checkers")
    parser.add_argument("--keep", type=Path,
                        help="work in this folder (emptied first) and keep it")
    parser.add_argument("--feature", action="append", default=[], metavar="NAME",
                        help="turn a Material feature on in both sites (to compare)")
    parser.add_argument("--no-feature", action="append", default=[], metavar="NAME",
                        help="turn a Material feature off in both sites (to compare)")
    args = parser.parse_args(argv)

    from scaled_site import Scale, generate

    started = time.perf_counter()
    print("Machine")
    for name, value in machine().items():
        print(f"  {name}: {value}")
    print()

    if args.keep and args.keep.exists() and any(args.keep.iterdir()) and not (
        args.keep / KEEP_MARKER
    ).exists():
        parser.error(f"--keep {args.keep}: not empty and not an earlier benchmark's folder")
    with tempfile.TemporaryDirectory(prefix="bench-site-") as temporary:
        work = args.keep or Path(temporary)
        if args.keep:
            shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True, exist_ok=True)
        (work / KEEP_MARKER).write_text("benchmarks/bench_site.py may replace this folder\n")
        (work / "real").mkdir()
        real = copy_project(work / "real")
        scale = Scale(args.pages, Scale.sections, args.films, args.cues, args.activities)
        print(f"Generating the scaled site ({scale}) ...", flush=True)
        scaled_site = generate(work / "scaled", scale)
        scaled = scaled_site.root
        print(f"  Markdown pages: real {_page_counts(real)}, scaled {scaled_site.pages}")
        if args.feature or args.no_feature:
            for project in (real, scaled):
                set_features(project, args.feature, args.no_feature)
            print(f"  features turned on: {args.feature}, off: {args.no_feature}")
        # Each cold build leaves the cache that the warm build after it uses.
        variants = [
            Variant("real, cold cache", real, real / "mkdocs.yml", work / "site-real-cold",
                    cold=True),
            Variant("real", real, real / "mkdocs.yml", work / "site-real"),
            Variant("real, no plugin", real, without_plugin(real), work / "site-real-no-plugin"),
            Variant("scaled, cold cache", scaled, scaled / "mkdocs.yml",
                    work / "site-scaled-cold", cold=True),
            Variant("scaled", scaled, scaled / "mkdocs.yml", work / "site-scaled"),
            Variant("scaled, no plugin", scaled, without_plugin(scaled),
                    work / "site-scaled-no-plugin"),
        ]
        print(f"Building ({args.runs} runs of each, interleaved) ...", flush=True)
        run_builds(variants, args.runs)
        by_name = {variant.name: variant for variant in variants}
        if not (by_name["real"].ok and by_name["scaled"].ok):
            sys.exit("The real or the scaled site does not build; see the output above.")

        report_builds(variants)
        report_weights(by_name["real"].site, by_name["scaled"].site, scaled_site.examples)
        report_search_index(by_name["real"].site, by_name["scaled"].site)
        if not args.no_browser:
            report_first_visit(by_name["real"].site, by_name["scaled"].site,
                               scaled_site.examples)
            report_search(by_name["real"].site, by_name["scaled"].site)
            from bench_first_paint import report_first_paint

            report_first_paint(by_name["real"].site)
        if not args.no_checkers:
            report_checkers(by_name["scaled"].site)
            report_make_check(real)
    print(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s; "
          f"load average now {load_average()}")


def _page_counts(root: Path) -> dict[str, int]:
    return {language: sum(1 for _ in (root / "docs" / language).rglob("*.md"))
            for language in LANGUAGES}


def report_builds(variants: list[Variant]) -> None:
    print("\nBuild (mkdocs build --strict, both languages, in a child process; medians)")
    rows = []
    for variant in variants:
        if not variant.builds:
            continue
        if variant.ok:
            rows.append((variant.name, len(html_pages(variant.site)), f"{variant.seconds:.2f} s",
                         f"{variant.cpu_seconds:.2f} s", f"{variant.peak_mb:.0f} MB"))
        else:
            rows.append((variant.name, "-", "FAILED", "-", "-"))
    print(table(rows, ("site", "HTML pages", "wall time", "CPU time", "peak memory")))
    for site, cache in (("real", "warm"), ("real", "cold"), ("scaled", "warm"),
                        ("scaled", "cold")):
        name = site if cache == "warm" else f"{site}, cold cache"
        with_plugin = next((v for v in variants if v.name == name and v.builds), None)
        bare = next(v for v in variants if v.name == f"{site}, no plugin")
        if with_plugin is None:
            continue
        origins = by_origin(with_plugin.events())
        hooks = {name: events for name, events in origins.items() if name == PLUGIN_NAME}
        inside = sum(sum(events.values()) for events in hooks.values())
        target = RATIO_TARGETS[cache]
        print(f"\nThe project's plugin, {site} site, {cache} .cache "
              f"(target: at most {target}x the build without it):")
        if bare.ok:
            for name, full, base in (
                ("CPU", with_plugin.cpu_seconds, bare.cpu_seconds),
                ("wall", with_plugin.seconds, bare.seconds),
            ):
                added = full - base
                print(f"  {name:4} time with the plugin {full:6.2f} s, without {base:6.2f} s: "
                      f"{full / base:.2f}x; the plugin adds {added:5.2f} s = "
                      f"{added / full:.1%} of the build")
        else:
            print("  the build without the plugin failed: see its output above")
        print(f"  the plugin's own event handlers (CPU): {inside:.2f} s = "
              f"{inside / with_plugin.cpu_seconds:.1%} of the build's CPU time")
        _print_origins(hooks)
        print("  other plugins' event handlers (i18n's includes building the second language):")
        _print_origins({name: events for name, events in origins.items() if name not in hooks})


def report_weights(real: Path, scaled: Path, examples: dict[str, str]) -> None:
    print(f"\nPage weight (gzip level {GZIP_LEVEL}; nav = the sidebar navigation's share of the "
          "HTML)")
    rows = []
    pages = [(kind, source, True) for kind, source in WEIGHED_PAGES.items()]
    pages += [(f"{kind} (generated)", source, False) for kind, source in examples.items()]
    for kind, source, in_real in pages:
        for language in LANGUAGES:
            for name, site in (("real", real), ("scaled", scaled)):
                if name == "real" and not in_real:
                    continue
                path = built_path(site, language, source)
                if not path.exists():
                    continue
                weight = weigh(site, path)
                rows.append((
                    kind, language, name, kb(weight.html), kb(weight.html_gz),
                    f"{weight.nav / weight.html:.0%}", kb(weight.html_gz + weight.assets_gz),
                ))
    print(table(rows, ("page", "lang", "site", "HTML", "HTML gz", "nav share",
                       "+ linked CSS, JS gz")))
    for name, site in (("real", real), ("scaled", scaled)):
        sizes = sorted(gzipped(path.read_bytes()) for path in html_pages(site))
        print(f"  every page, {name} site: median {kb(statistics.median(sizes))} gzipped, "
              f"largest {kb(sizes[-1])} ({len(sizes)} pages)")


def report_first_visit(real: Path, scaled: Path, examples: dict[str, str]) -> None:
    print("\nFirst visit to a film page in Chromium: everything it downloads until its search "
          "is ready, gzipped")
    pages = {"real": [FILM_PAGE], "scaled": [FILM_PAGE, examples["film"]]}
    rows = []
    worst = 0
    try:
        for name, site in (("real", real), ("scaled", scaled)):
            paths = [built_path(site, language, source).parent.relative_to(site).as_posix() + "/"
                     for source in pages[name] for language in LANGUAGES]
            for path, sizes in first_visit(site, paths).items():
                code = sizes.get("HTML", 0) + sizes.get("CSS", 0) + sizes.get("JS", 0)
                worst = max(worst, code)
                rows.append((path, name, kb(sizes.get("HTML", 0)), kb(sizes.get("CSS", 0)),
                             kb(sizes.get("JS", 0)), kb(code), kb(sizes.get("search data", 0)),
                             kb(sum(sizes.values()))))
    except Exception as error:  # noqa: BLE001 - a benchmark reports and goes on
        print(f"  could not run the browser: {error}")
        return
    print(table(rows, ("page", "site", "HTML", "CSS", "JS (with search worker)",
                       "HTML+CSS+JS", "search data", "everything")))
    verdict = "within" if worst < PAGE_BUDGET_KB * 1024 else "OVER"
    print(f"  heaviest film page, HTML + CSS + JS: {kb(worst)} ({verdict} the {PAGE_BUDGET_KB} KB "
          "budget); browsers can reuse the search data on later pages of the same language")


def report_search_index(real: Path, scaled: Path) -> None:
    print("\nSearch index per language (loaded by every page that offers search)")
    rows = []
    for language in LANGUAGES:
        for name, site in (("real", real), ("scaled", scaled)):
            index = site / site_prefix(language) / "search" / "search_index.json"
            if not index.exists():
                rows.append((language, name, "missing", "", ""))
                continue
            data = index.read_bytes()
            entries = len(json.loads(data)["docs"])
            rows.append((language, name, entries, kb(len(data)), kb(gzipped(data))))
    print(table(rows, ("lang", "site", "entries", "size", "gzipped")))


def report_search(real: Path, scaled: Path) -> None:
    print(f"\nSearch in Chromium on the scaled site (each query on a freshly opened page, typed "
          f"at {TYPING_DELAY_MS} ms a key)")
    try:
        timings = search_timings(scaled)
        real_ready = index_ready(real)
    except Exception as error:  # noqa: BLE001 - a benchmark reports and goes on
        print(f"  could not run the browser: {error}")
        return
    rows = []
    for language, figures in timings.items():
        rows.append((
            language, ", ".join(SEARCH_QUERIES[language]),
            f"{statistics.median(figures['warm']):.2f} s", f"{max(figures['warm']):.2f} s",
            f"{statistics.median(figures['cold']):.2f} s", f"{max(figures['cold']):.2f} s",
            f"{statistics.median(figures['ready']):.2f} s",
            f"{statistics.median(real_ready[language]):.2f} s",
        ))
    print(table(rows, ("lang", "queries", "last key -> results", "worst",
                       "typing at once: last key -> results", "worst",
                       "page opened -> index ready", "same, real site")))
    warm = max(max(f["warm"]) for f in timings.values())
    cold = max(max(f["cold"]) for f in timings.values())
    for name, worst in (("once the index is ready", warm), ("typing as the page opens", cold)):
        verdict = "within" if worst < SEARCH_BUDGET_S else "OVER"
        print(f"  slowest query {name}, last key to results: {worst:.2f} s ({verdict} the "
              f"{SEARCH_BUDGET_S:.0f} s budget)")


def report_checkers(scaled: Path) -> None:
    print("\nCheckers beside their baselines")
    subtitles = REPO / "benchmarks" / "bench_subtitles.py"
    if subtitles.exists():
        seconds, output = run_script(subtitles, ["--films", "50", "--cues", "150"])
        print(f"  benchmarks/bench_subtitles.py --films 50 --cues 150 ({seconds:.1f} s):")
        print("\n".join(f"    {line}" for line in output.strip().splitlines()))
    else:
        print("  benchmarks/bench_subtitles.py is not there yet")
    links = REPO / "benchmarks" / "bench_links.py"
    if links.exists():
        seconds, output = run_script(links, ["--runs", "3"])
        print(f"  benchmarks/bench_links.py --runs 3 ({seconds:.1f} s):")
        kept = [line for line in output.strip().splitlines()
                if line.startswith(("site:", "check_links.py ", "lychee ", "median time"))]
        print("\n".join(f"    {line}" for line in kept))
    else:
        print("  benchmarks/bench_links.py is not there yet")
    figures = links_on_site(scaled)
    if figures:
        print("  on the scaled site, one run each:")
        for name in ("check_links.py", "lychee"):
            if name in figures:
                print(f"    {name:15} {figures[name]:6.2f} s   {figures.get(name + ' says', '')}")


# What an editor waits for: `make check` on the real site, measured here rather than
# asserted in a timed test (a test's time says more about the machine than the checks).
MAKE_CHECK_TARGET_SECONDS = 30


def report_make_check(real: Path) -> None:
    """`make check`'s checks (scripts/check_all.py) on a copy of the real site: first with
    no build cache, as on a fresh clone, then again with the cache that run kept."""
    print(f"\nmake check on the real site (scripts/check_all.py; the editors' target: under "
          f"{MAKE_CHECK_TARGET_SECONDS} s)")
    shutil.rmtree(real / CACHE_DIR, ignore_errors=True)
    # The script checks the project it is in, with the project's word lists and templates.
    for name in ("scripts", "spelling", "templates"):
        shutil.copytree(REPO / name, real / name, dirs_exist_ok=True)
    for label in ("no build cache (a fresh clone)", "with the build cache"):
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, str(real / "scripts" / "check_all.py")], cwd=real,
            capture_output=True, text=True, env=mkdocs_env(), timeout=600, check=False,
        )
        seconds = time.perf_counter() - started
        verdict = "ok" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
        print(f"  {label:32} {seconds:6.1f} s  {verdict}")


if __name__ == "__main__":
    main()
