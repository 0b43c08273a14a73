"""The suite runs in two workers (pytest-xdist, `addopts` in pyproject.toml) and relies on
its `loadgroup` scheduling to run the tests that share an expensive fixture (a walk through
every page, the offline pack, the rendered hostile corpus) in one worker, so that each is
made once. Some pytest releases silently stop that grouping (pytest-dev/pytest-xdist#1386):
this test fails if the installed pair does."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import defaultdict

GROUPED = '''
import pytest

pytestmark = pytest.mark.xdist_group("shared")


@pytest.mark.parametrize("number", range(6))
def test_grouped(number):
    pass
'''
UNGROUPED = '''
import pytest


@pytest.mark.parametrize("number", range(6))
def test_alone(number):
    pass
'''
RAN_ON = re.compile(r"^\[(?P<worker>gw\d+)\] .*PASSED .*::(?P<test>test_\w+)\[", re.M)


def test_tests_of_one_group_run_in_one_worker(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "test_grouped.py").write_text(GROUPED, encoding="utf-8")
    (tmp_path / "test_alone.py").write_text(UNGROUPED, encoding="utf-8")
    # Only the pair under test is loaded: the other installed plugins (Hypothesis's import
    # alone takes over a CPU-second in each of the three processes) have no part in it.
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "xdist.plugin", "-p", "no:cacheprovider",
         "-n", "2", "--dist", "loadgroup", "-v", str(tmp_path)],
        cwd=tmp_path, env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
        capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    workers = defaultdict(set)
    for match in RAN_ON.finditer(completed.stdout):
        workers[match["test"]].add(match["worker"])
    assert set(workers) == {"test_grouped", "test_alone"}, completed.stdout
    assert len(workers["test_grouped"]) == 1, completed.stdout
