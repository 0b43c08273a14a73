"""The built site is valid HTML by the Nu Html Checker (vnu, the W3C validator), run offline.

Material's own templates have one known error, listed once below with the reason; every
other error fails the test, with its page and line.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from harness.testing import PROJECT_ROOT

VNU = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One short run: Java's quick compiler alone finds the same errors in half the CPU time
# (4.6 CPU-seconds instead of 9.6 on the built site) of compiling the checker twice over.
# Its frames are larger: the schema needs a bigger thread stack than the default 1 MB.
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-Xss4m")
# Errors in markup Material writes on every page, which the project does not override.
MATERIAL_KNOWN_ERRORS = {
    "Attribute “autocomplete” is only allowed when the input type is": (
        "Material's drawer and search toggles are checkboxes with autocomplete=\"off\", so "
        "that Firefox does not restore them open after a reload; harmless, and Material's"
    ),
}


def vnu_errors(site_dir: Path) -> list[dict]:
    java = shutil.which("java")
    assert java, "java is missing: make setup installs default-jre-headless"
    assert VNU.is_file(), "vnu.jar is missing: make setup installs the npm package vnu-jar"
    completed = subprocess.run(
        [java, *JAVA_OPTIONS, "-jar", str(VNU), "--errors-only", "--format", "json",
         "--skip-non-html", str(site_dir)],
        capture_output=True, text=True, timeout=300,
    )
    return json.loads(completed.stderr or completed.stdout)["messages"]


@pytest.mark.build
def test_the_built_site_has_no_html_errors_of_its_own(site_dir):
    errors = vnu_errors(site_dir)
    known = [e for e in errors if any(k in e["message"] for k in MATERIAL_KNOWN_ERRORS)]
    own = [
        f"{Path(e['url'].removeprefix('file:')).relative_to(site_dir)}:{e.get('lastLine', 0)}: "
        f"{e['message']}"
        for e in errors if e not in known
    ]
    assert own == []
    # The known list stays honest: each entry still matches something.
    for message in MATERIAL_KNOWN_ERRORS:
        assert any(message in e["message"] for e in known), f"no longer needed: {message}"


def test_the_validator_finds_an_error_when_there_is_one(tmp_path):
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head>'
        '<body><label for="nothing">x</label></body></html>',
        encoding="utf-8",
    )
    messages = [error["message"] for error in vnu_errors(tmp_path)]
    assert any("“for” attribute" in message for message in messages), messages
