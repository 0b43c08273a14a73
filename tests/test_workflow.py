"""The CI workflow stays safe by zizmor, the GitHub Actions static analyser, run offline."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def zizmor() -> str:
    found = Path(sys.executable).with_name("zizmor")
    return str(found) if found.is_file() else shutil.which("zizmor") or "zizmor"


def test_zizmor_finds_nothing_in_the_workflow():
    completed = subprocess.run(
        [zizmor(), "--offline", "--no-progress", str(WORKFLOW)],
        capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "No findings to report" in completed.stdout + completed.stderr


def test_zizmor_would_find_an_unpinned_action(tmp_path):
    unsafe = tmp_path / ".github" / "workflows" / "ci.yml"
    unsafe.parent.mkdir(parents=True)
    unsafe.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace(
            "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
            "actions/checkout@v4",
        ),
        encoding="utf-8",
    )
    completed = subprocess.run(
        [zizmor(), "--offline", "--no-progress", str(unsafe)],
        capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode != 0
    assert "unpinned-uses" in completed.stdout + completed.stderr


def test_every_action_is_pinned_to_a_commit_with_its_version_noted():
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)(.*)", text)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+(\.\d+)*", comment), (action, comment)
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert "permissions" in job
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
