#!/usr/bin/env python3
"""Check the site's Welsh: avoided terms, initial mutations, unmarked links to English pages.

    python3 scripts/check_welsh.py [PATH ...] [--format json]

PATH is a Welsh page, a Welsh subtitle file (.cy.srt), the interface strings module
(leadership/interface.py: its Welsh strings) or a folder of pages and subtitles (default:
every page under docs/cy/, every transcripts/*.cy.srt and leadership/interface.py). One line
per problem,
``path:line: rule: message`` with the rules welsh-term (spelling/termau.yml),
welsh-mutation, welsh-english-link and welsh-glossary-term, then a summary; exit 1 when
there is a problem, 2 for a usage error. docs-dev/welsh-checks.md explains each rule.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
import project_environment  # noqa: E402,F401  (the project's .venv, found by itself)

from leadership.reporting import EXIT_USAGE, report  # noqa: E402
from leadership.welsh_check import check_welsh, welsh_files  # noqa: E402


def chosen_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The Welsh files among ``paths`` (files or folders); and the paths that are not."""
    chosen: list[Path] = []
    unknown: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("*.md")) + sorted(path.rglob("*.cy.srt"))
        elif path.is_file() and (
            path.suffix in (".md", ".py") or path.name.endswith(".cy.srt")
            or path.name == "mkdocs.yml"
        ):
            found = [path]
        else:
            found = []
        if found:
            chosen += [file for file in found if file not in chosen]
        else:
            unknown.append(path.as_posix())
    return chosen, unknown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check_welsh.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    missing = [path.as_posix() for path in args.paths if not path.exists()]
    if missing:
        print(f"check_welsh: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    if args.paths:
        files, unknown = chosen_files(args.paths)
        if unknown:
            print(
                "check_welsh: not a Welsh page, Welsh subtitle file, interface strings module, "
                "mkdocs.yml or folder of them: "
                + ", ".join(unknown),
                file=sys.stderr,
            )
            return EXIT_USAGE
    else:
        files = welsh_files(ROOT)
    return report("check_welsh", check_welsh(files, root=ROOT), len(files), "files", args.format)


if __name__ == "__main__":
    sys.exit(main())
