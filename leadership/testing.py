"""Helpers the test suite and the benchmarks share: building and serving a site,
and launching Debian's Chromium for Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Without the background-networking flags Chromium tries to reach Google's hosts at start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def mkdocs_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(
    site_dir: Path, project_dir: Path = PROJECT_ROOT, config: str = "mkdocs.yml", strict=True
) -> subprocess.CompletedProcess:
    """Run ``mkdocs build`` in a subprocess, as an editor would; return the finished process."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", config, "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(
        command, cwd=project_dir, env=mkdocs_env(), capture_output=True, text=True, timeout=600
    )


def copy_project(target: Path) -> Path:
    """Copy what a build needs (config, docs, overrides, transcripts) into ``target``."""
    for name in ("mkdocs.yml", "docs", "overrides", "transcripts"):
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy2(source, target / name)
    return target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve a built site on a free loopback port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    raise RuntimeError(
        "Debian's Chromium is not installed: run `make setup` (it installs the chromium package)"
    )
