#!/usr/bin/env python3
"""Check every page's front matter against the one schema, and its content's safety.

    python3 scripts/check_pages.py [--format json]

Front matter: title, description, kind and each kind's own keys, ``translation`` on Welsh
pages; unknown keys are errors. Safety: no <script>, inline event handlers, javascript:
addresses or frames from other hosts. One line per problem, ``path:line: rule: message``,
then a summary; exit 1 on errors. The build runs the same checks and fails on the same
problems.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
import project_environment  # noqa: E402,F401  (the project's .venv, found by itself)

from leadership.pages.checks import check_pages  # noqa: E402
from leadership.reporting import report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check_pages.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    problems, checked = check_pages(ROOT)
    return report("check_pages", problems, checked, "pages", args.format)


if __name__ == "__main__":
    sys.exit(main())
