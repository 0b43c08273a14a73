"""Shared fixtures: one strict build of the real site per test session, a local server
for it, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from harness.reader import Reader
from harness.testing import PROJECT_ROOT, build_once, launch_chromium, serve
from harness.walk import SiteWalk, walk_site

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
# Kept by the build once the Welsh dictionary has been asked: the cache has been filled.
WARM_CACHE_MARK = "welsh-dictionary-answers.json"
# Every problem any test makes (builds in subprocesses too) must use a rule id from the one
# registry, leadership/rules.py.
os.environ["LEADERSHIP_STRICT_RULES"] = "1"

# Sites the tests build are looked at on this machine only: they may keep the loopback
# site_url (a release build refuses it; tests/test_release_address.py proves that).
os.environ.setdefault("LOCAL_PREVIEW", "1")


def pytest_configure(config):
    """From a fresh clone the project's build cache (.cache/: the dictionaries' answers, the
    QR codes, the pages the allowlist has passed) is empty, and every test that copies the
    project to build it would work each answer out again at once, on both workers. So the
    controller (or a run without workers) runs `make check`'s checks once first, as an
    editor's first run would, and the tests start from what it kept. The answers depend
    only on their questions (tests/test_build_cache.py): a warm cache changes no result."""
    if hasattr(config, "workerinput") or config.option.collectonly:
        return
    if (PROJECT_ROOT / ".cache" / WARM_CACHE_MARK).is_file():
        return
    subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "check_all.py")],
        cwd=PROJECT_ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, timeout=600, check=False,  # its problems are the tests' to say
    )


def pytest_collection_modifyitems(config, items):
    """Grouped tests first (pytest-xdist's loadgroup): each group shares something long to
    make (a walk through every page, the offline pack, the rendered hostile corpus), so
    starting them first keeps one worker from finishing long after the other."""
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The real site, built with --strict once per test run into a temporary folder that
    every worker reads (pytest-xdist gives each worker a folder inside the run's own), and
    the finished build's process (what it printed)."""
    run_folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_folder = run_folder.parent
    return build_once(run_folder / "real-site")


@pytest.fixture(scope="session")
def site_dir(site_build) -> Path:
    site, result = site_build
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}"
    return site


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    """The real site, served for the whole run with the cache headers GitHub Pages sends."""
    with serve(site_dir, cache=True) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_walk(site_dir, site_url, browser) -> SiteWalk:
    """The walk through every page at every width (phone, then desktop), made once per test
    session however many checks read it (tests/harness/walk.py)."""
    return walk_site(browser, site_dir, site_url)


@pytest.fixture(scope="session")
def reader(browser) -> Reader:
    """One browser context per worker, as one reader's browser: each test's page opens in
    it (a new context costs a new renderer and cold caches, about half a CPU-second a
    test), and what a test leaves in it is cleared after the test (harness/reader.py)."""
    reader = Reader(browser.new_context())
    yield reader
    reader.close()


@pytest.fixture(scope="session")
def no_script_reader(browser) -> Reader:
    """A reader's browser with JavaScript turned off, shared as ``reader`` is."""
    reader = Reader(browser.new_context(java_script_enabled=False), javascript=False)
    yield reader
    reader.close()


@pytest.fixture
def no_script_page(no_script_reader):
    """A tab with JavaScript off, with nothing a test before it kept."""
    yield no_script_reader.new_page()
    no_script_reader.forget()


@pytest.fixture
def page(request, browser):
    """A new tab in the worker's reader context, with nothing a test before it kept; for a
    test marked ``own_context`` (one that moves the clock, which is the whole context's),
    a tab in a browser context of its own."""
    if request.node.get_closest_marker("own_context"):
        context = browser.new_context()
        yield context.new_page()
        context.close()
        return
    reader = request.getfixturevalue("reader")
    page = reader.new_page()
    yield page
    reader.forget()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
