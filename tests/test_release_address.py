"""A release build knows its address: printed pages and QR codes never point at this machine."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from harness.testing import PROJECT_ROOT

from leadership.print_offline.handout import is_loopback, release_address_problem


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://localhost:8000/", True),
        ("http://[::1]/", True),
        ("http://127.5.0.1/", True),
        ("https://0.0.0.0/", True),
        ("http://[::]:8000/", True),
        ("https://example.org/", False),
        ("https://cymru.example/cy/", False),
    ],
)
def test_loopback_addresses_are_recognised(url, loopback):
    assert is_loopback(url) is loopback


def test_a_build_with_the_loopback_address_is_refused_unless_local():
    assert "SITE_URL" in release_address_problem("http://127.0.0.1:8000/", "build", {})
    assert release_address_problem("http://127.0.0.1:8000/", "serve", {}) is None
    local = {"LOCAL_PREVIEW": "1"}
    assert release_address_problem("http://127.0.0.1:8000/", "build", local) is None
    assert release_address_problem("https://example.org/", "build", {}) is None
    # The offline pack's message names the command that makes it.
    offline = release_address_problem("http://127.0.0.1:8000/", "build", {}, "make offline")
    assert "(SITE_URL=https://example.org/ make offline)" in offline
    assert "(LOCAL_PREVIEW=1 make offline)" in offline


@pytest.mark.parametrize("command, local", [("build", False), ("build", True), ("serve", False)])
def test_an_empty_address_is_refused_everywhere_and_names_the_setting(command, local):
    # SITE_URL= (set to nothing) leaves no address to print, even for a preview.
    environ = {"LOCAL_PREVIEW": "1"} if local else {}
    problem = release_address_problem("", command, environ)
    assert problem.startswith("site_url is empty (is SITE_URL set to nothing?)")
    assert "(SITE_URL=https://example.org/ make build)" in problem


def environment(**extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "LOCAL_PREVIEW")}
    return {**clean, "NO_MKDOCS_2_WARNING": "1", **extra}


@pytest.mark.build
def test_mkdocs_build_without_site_url_refuses_with_a_clear_message(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=PROJECT_ROOT, env=environment(), capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode != 0
    output = completed.stdout + completed.stderr
    assert "site_url is http://127.0.0.1:8000/" in output
    assert "Set SITE_URL to the site's public address" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.build
def test_an_empty_site_url_variable_is_named_in_the_message(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=PROJECT_ROOT, env=environment(SITE_URL=""), capture_output=True, text=True,
        timeout=300,
    )
    assert completed.returncode != 0
    output = completed.stdout + completed.stderr
    assert "site_url is empty (is SITE_URL set to nothing?)" in output
    assert "Traceback" not in output


@pytest.mark.build
def test_make_build_with_a_public_address_prints_only_its_success_line(tmp_path):
    completed = subprocess.run(
        ["make", "--no-print-directory", "build"],
        cwd=PROJECT_ROOT,
        env=environment(SITE_URL="https://example.org/leadership/"),
        capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    lines = [line for line in completed.stdout.splitlines() if line.strip()]
    assert lines[-1] == "build: OK, site/ built for https://example.org/leadership/"
    assert [line for line in lines if not line.startswith("bootstrap:")] == lines[-1:]
    assert completed.stderr == ""
    index = (PROJECT_ROOT / "site" / "index.html").read_text(encoding="utf-8")
    assert "https://example.org/leadership/" in index
    # Checked afterwards as the README shows it, with no SITE_URL given again: the checker
    # takes the address the site was built for from the site (its sitemap's alternates
    # name it), not from mkdocs.yml's default.
    checked = subprocess.run(
        ["python3", "scripts/check_links.py", "site"],
        cwd=PROJECT_ROOT, env=environment(), capture_output=True, text=True, timeout=300,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("check-links: OK"), checked.stdout


@pytest.mark.build
def test_a_clean_build_says_nothing_but_its_progress(site_build):
    """No warnings, and no INFO lines about things that are not wrong (cue anchors that
    resolve, mkdocs-static-i18n's echo of the settings): only MkDocs' own progress lines.
    Read from the suite's own strict build of the real site (tests/conftest.py)."""
    _site, completed = site_build
    assert completed.returncode == 0, completed.stderr
    progress = (
        "Cleaning site directory",
        "Building documentation to directory:",
        "mkdocs_static_i18n: Building '",
        "Documentation built in",
    )
    said = [line for line in (completed.stdout + completed.stderr).splitlines() if line.strip()]
    unexpected = [
        line for line in said
        if not (line.startswith("INFO") and any(text in line for text in progress))
    ]
    assert unexpected == []
