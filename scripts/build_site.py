#!/usr/bin/env python3
"""Build the site into site/, as `make build` does: strict, every warning a failure.

    python3 scripts/build_site.py

`mkdocs build --strict --quiet` would be quiet, but MkDocs counts the warnings strict mode
fails on only at the level it prints, so --quiet let a build with warnings pass. This builds
in-process (leadership.site_build): a clean build prints its one success line; a build that
stops prints each problem as `path:line: rule-id: message` and exits 1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
import project_environment  # noqa: E402,F401  (the project's .venv, found by itself)

from leadership.reporting import EXIT_OK, EXIT_PROBLEMS  # noqa: E402
from leadership.site_build import build_site  # noqa: E402


def main() -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    problems = build_site(ROOT, ROOT / "site", local_preview=False)
    for problem in problems:
        print(problem)
    if problems:
        print(f"build: FAILED, {len(problems)} problem{'s' * (len(problems) != 1)}; site/ "
              "not built")
        return EXIT_PROBLEMS
    where = os.environ.get("SITE_URL") or "this machine only (LOCAL_PREVIEW=1)"
    print(f"build: OK, site/ built for {where}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
