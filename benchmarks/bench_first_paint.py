#!/usr/bin/env python3
"""First contentful paint on a phone: the project's pages beside plain Material's.

    .venv/bin/python benchmarks/bench_first_paint.py [--runs 3]

Builds the real site, and plain Material from the same English Markdown (no project
templates, styles, scripts or hooks: Material's defaults with the same features), serves
both on this machine and runs Lighthouse's mobile performance audit (simulated Moto G Power
on slow 4G, Lighthouse's default) on the same pages of each, in Debian's Chromium. Prints
first contentful paint per page, the medians, and the difference. `make bench` runs it too.
Target: the project's pages within 0.1 s of plain Material.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the test harness (tests/harness/)

from harness.testing import CHROMIUM_ARGS, build_site, chromium_path, serve  # noqa: E402

LIGHTHOUSE = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = (
    "",
    "principles/attending/",
    "films/what-compassionate-leadership-means/",
    "activities/listening-with-fascination/",
)
TARGET_SECONDS = 0.1
PLAIN_MATERIAL = """\
site_name: Plain Material
site_url: http://127.0.0.1:8000/
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  font: false
  features: [navigation.top, navigation.footer, navigation.prune, search.highlight, toc.follow,
             content.tooltips]
markdown_extensions: [abbr, admonition, attr_list, def_list, footnotes, md_in_html, tables,
                      {toc: {permalink: true}}, pymdownx.details, pymdownx.superfences,
                      pymdownx.smartsymbols]
plugins: [search]
"""


def build_plain_material(work: Path) -> Path:
    project = work / "plain"
    shutil.copytree(REPO / "docs" / "en", project / "docs")
    (project / "mkdocs.yml").write_text(PLAIN_MATERIAL, encoding="utf-8")
    site = work / "plain-site"
    completed = build_site(site, project_dir=project, strict=False)
    if completed.returncode != 0:
        sys.exit(f"plain Material did not build:\n{completed.stderr}")
    return site


def first_contentful_paint(url: str) -> float:
    """Lighthouse's mobile first contentful paint for one page, in seconds."""
    completed = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--only-audits=first-contentful-paint",
         "--output=json", "--quiet", f"--chrome-flags={' '.join(['--headless', *CHROMIUM_ARGS])}"],
        env={**os.environ, "CHROME_PATH": chromium_path()},
        capture_output=True, text=True, timeout=300,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"lighthouse failed for {url}:\n{completed.stderr[-2000:]}")
    report = json.loads(completed.stdout)
    return report["audits"]["first-contentful-paint"]["numericValue"] / 1000


def report_first_paint(real_site: Path, runs: int = 3) -> None:
    print("\nFirst contentful paint, Lighthouse mobile (simulated slow 4G; medians of "
          f"{runs} runs; target: within {TARGET_SECONDS:.1f} s of plain Material)")
    with tempfile.TemporaryDirectory(prefix="bench-paint-") as temporary:
        plain_site = build_plain_material(Path(temporary))
        figures: dict[str, dict[str, float]] = {"project": {}, "plain Material": {}}
        # Both gzipped, as GitHub Pages (or any public host) sends text files.
        with serve(real_site, compress=True) as project_url, \
                serve(plain_site, compress=True) as plain_url:
            for page in PAGES:
                for name, base in (("project", project_url), ("plain Material", plain_url)):
                    samples = [first_contentful_paint(base + page) for _ in range(runs)]
                    figures[name][page] = statistics.median(samples)
    print(f"  {'page':<45} {'project':>8} {'plain':>8} {'difference':>11}")
    for page in PAGES:
        ours, plain = figures["project"][page], figures["plain Material"][page]
        print(f"  /{page:<44} {ours:7.2f}s {plain:7.2f}s {ours - plain:+10.2f}s")
    ours = statistics.median(figures["project"].values())
    plain = statistics.median(figures["plain Material"].values())
    verdict = "met" if ours - plain <= TARGET_SECONDS else "NOT met"
    print(f"  {'median':<45} {ours:7.2f}s {plain:7.2f}s {ours - plain:+10.2f}s  ({verdict})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-paint-site-") as temporary:
        site = Path(temporary) / "site"
        completed = build_site(site)
        if completed.returncode != 0:
            sys.exit(f"the site did not build:\n{completed.stderr}")
        report_first_paint(site, args.runs)


if __name__ == "__main__":
    main()
