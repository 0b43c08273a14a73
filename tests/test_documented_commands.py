"""Every command line README.md and CONTRIBUTING(.cy).md show works exactly as written.

Each is run literally, by the shell, from the root of a copy of the project, with nothing
activated: a clean PATH (the system's), no virtual environment, no variables of ours. The
copy shares the project's installed `.venv` and `node_modules`, as `make setup` leaves them.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from harness.testing import PROJECT_ROOT, copy_build_cache

# One worker runs this module when the suite runs in parallel: its module fixtures are made once.
pytestmark = pytest.mark.xdist_group("documented-commands")

GUIDES = ("README.md", "CONTRIBUTING.md", "CONTRIBUTING.cy.md")
COMMAND = re.compile(r"^(?:[A-Z_]+=\S+ )*(?:make [a-z]+|python3? scripts/\S+)(?: .*)?$")
# A line that describes a command's shape rather than being one: shown, checked to exist.
SYNOPSIS = re.compile(r"<|\[|\.\.\.|\bKIND\b|\bPATH\b")
# Run by other means, and why.
NOT_RUN_HERE = {
    "make test": "this is the test suite itself",
    "PEER_CORPORA=/path/to/peer-corpora make test": "this is the test suite itself",
    "make bench": "the benchmark takes minutes; `make bench` is its own check",
    "python3 scripts/evaluate_search.py": "run exactly as written, and its figures checked, "
    "by tests/test_search_evaluation.py",
}
CLEAN_ENVIRONMENT = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(Path.home())}
SERVE = "make serve"
# Quiet success: a build or a check that finds nothing wrong prints its status lines and its
# success line ("name: OK, ...", the pack's "wrote ..."; ruff's own), nothing on stderr.
SUCCESS_LINE = re.compile(r"^[\w-]+: (?:OK, |wrote )|^All checks passed!$")
# Commands whose output is what they list or did: the tasks, the translations, a new page's
# next steps, the folders removed.
REPORTS = re.compile(r"^make (?:help|clean)$|scripts/(?:translations|new_page)\.py")
# What the last line says, where the guides promise it.
LAST_LINE = {
    "make check": r"check_all: OK, 8 checks, 0 failed, in [\d.]+ s",
    "SITE_URL=https://example.org/ make build": re.escape(
        "build: OK, site/ built for https://example.org/"
    ),
    "LOCAL_PREVIEW=1 make build": re.escape(
        "build: OK, site/ built for this machine only (LOCAL_PREVIEW=1)"
    ),
}


def documented_commands() -> list[str]:
    """Command lines in code blocks and in inline code, in the order the guides show them."""
    found: list[str] = []
    for guide in GUIDES:
        text = (PROJECT_ROOT / guide).read_text(encoding="utf-8")
        candidates = re.findall(r"`([^`\n]+)`", text)
        in_block = False
        for line in text.splitlines():
            if line.strip().startswith("```"):
                in_block = not in_block
            elif in_block:
                candidates.append(line)
        for candidate in candidates:
            line = candidate.split("  #")[0].strip()
            if COMMAND.match(line) and line not in found:
                found.append(line)
    return found


def run_order(command: str) -> int:
    """Commands that change the copy (new pages, stamps, clean) run after the others."""
    if "new_page.py" in command:
        return 1
    if "--stamp" in command:
        return 2
    if command == "make clean":
        return 3
    return 0


COMMANDS = documented_commands()
RUN = sorted(
    (c for c in COMMANDS if not SYNOPSIS.search(c) and c not in NOT_RUN_HERE and c != SERVE),
    key=run_order,
)


def test_the_guides_show_the_commands_this_test_expects():
    assert {"make check", "make help", SERVE, "python3 scripts/check_subtitles.py"} <= set(COMMANDS)
    assert any("SITE_URL=" in command and "make build" in command for command in COMMANDS)
    for command in COMMANDS:
        if SYNOPSIS.search(command):
            script = re.search(r"scripts/\S+\.py", command)
            assert script is None or (PROJECT_ROOT / script[0]).is_file(), command


def installed_as_the_files_ask() -> None:
    """The shared .venv and node_modules match this project's files, as `make setup` leaves
    them: otherwise the copy's `make setup` would reinstall them, pointing at the copy."""
    requirements = b"".join(
        (PROJECT_ROOT / name).read_bytes() for name in ("requirements.txt", "pyproject.toml")
    )
    wanted = hashlib.sha256(requirements).hexdigest()
    npm_wanted = hashlib.sha256((PROJECT_ROOT / "package-lock.json").read_bytes()).hexdigest()
    stamps = {
        PROJECT_ROOT / ".venv" / ".requirements.sha256": wanted,
        PROJECT_ROOT / "node_modules" / ".package-lock.sha256": npm_wanted,
    }
    for stamp, expected in stamps.items():
        found = stamp.read_text().strip() if stamp.is_file() else None
        if found != expected:
            pytest.fail(f"{stamp} does not match the project's files: run `make setup` first")


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory) -> Path:
    installed_as_the_files_ask()
    return copy_of_project(tmp_path_factory.mktemp("documented") / "project")


def copy_of_project(copy: Path) -> Path:
    """The project's files as a clone has them, sharing the installed .venv and node_modules,
    with the build cache the suite started from (the first command is then not a first
    build: the cache changes no result, tests/test_build_cache.py)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = PROJECT_ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    for installed in (".venv", "node_modules"):
        (copy / installed).symlink_to(PROJECT_ROOT / installed)
    copy_build_cache(copy)
    return copy


def shell(command: str, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["/bin/sh", "-c", command], cwd=cwd, env=CLEAN_ENVIRONMENT,
        capture_output=True, text=True, timeout=timeout,
    )


@pytest.mark.build
@pytest.mark.parametrize("command", RUN)
def test_each_documented_command_works_as_written(project_copy, command):
    completed = shell(command, project_copy)
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, f"{command!r} exited {completed.returncode}:\n{output}"
    assert "Traceback" not in output and "ModuleNotFoundError" not in output, output
    if REPORTS.search(command):
        return
    said = completed.stdout.splitlines()
    assert completed.stderr == "", output
    assert [line for line in said if not SUCCESS_LINE.match(line)] == [], output
    if command in LAST_LINE:
        assert re.fullmatch(LAST_LINE[command], said[-1]), output


def test_the_promised_last_lines_are_of_documented_commands():
    assert set(LAST_LINE) <= set(RUN)


@pytest.mark.build
def test_make_serve_serves_both_languages(tmp_path):
    installed_as_the_files_ask()
    project = copy_of_project(tmp_path / "project")
    server = subprocess.Popen(
        ["/bin/sh", "-c", f"exec {SERVE}"], cwd=project, env=CLEAN_ENVIRONMENT,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        pages = {}
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(pages) < 2:
            for path in ("", "cy/"):
                address = f"http://127.0.0.1:8000/{path}"
                try:
                    with urllib.request.urlopen(address, timeout=5) as reply:
                        pages[path] = reply.read().decode("utf-8")
                except OSError:
                    time.sleep(0.5)
            assert server.poll() is None, server.stdout.read()
        assert '<html lang="en"' in pages[""] and '<html lang="cy"' in pages["cy/"]
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
