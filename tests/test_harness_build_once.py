"""The real site is built once per test run, whichever worker asks first (harness.testing)."""

from __future__ import annotations

import subprocess
import threading
import time

from harness import testing


def test_workers_asking_at_once_share_one_build_and_its_outcome(tmp_path, monkeypatch):
    builds = []

    def slow_build(site_dir):
        builds.append(site_dir)
        time.sleep(0.2)  # long enough for the other worker to ask while it runs
        return subprocess.CompletedProcess([], 1, "out\n", "a problem\n")

    monkeypatch.setattr(testing, "build_site", slow_build)
    outcomes = []
    workers = [
        threading.Thread(target=lambda: outcomes.append(testing.build_once(tmp_path / "run")))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert builds == [tmp_path / "run" / "site"]
    assert [(site, done.returncode, done.stdout, done.stderr) for site, done in outcomes] == [
        (tmp_path / "run" / "site", 1, "out\n", "a problem\n")
    ] * 2
