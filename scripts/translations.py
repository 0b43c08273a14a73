#!/usr/bin/env python3
"""Translation status of every Welsh page and every film's Welsh subtitles; stamping.

    python3 scripts/translations.py                      # list every translation's status
    python3 scripts/translations.py --stamp PATH ...     # record a reviewed translation
    python3 scripts/translations.py --stamp PATH --status draft

Listing prints one line per translation, then any problem as ``path:line: rule: message``
and a summary; exit 1 when a reviewed translation is out of date.

--stamp records in the Welsh file which version of the English it now translates. Run it
after checking the Welsh against the English. PATH is a Welsh page (docs/cy/...md), a
film's Welsh subtitles (transcripts/<film>.cy.srt), or a folder of either.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
import project_environment  # noqa: E402,F401  (the project's .venv, found by itself)

from leadership.pages.translation_status import (  # noqa: E402
    STATUSES,
    TRANSLATED_LANGUAGES,
    check_translations,
    stamp_page,
    stamp_subtitles,
)
from leadership.reporting import EXIT_PROBLEMS, EXIT_USAGE, ContentError, report  # noqa: E402


def stamp_targets(path: Path, docs_dir: Path) -> list[Path]:
    """The Welsh files a --stamp argument names (a folder means everything in it)."""
    if path.is_dir():
        return sorted(
            item for item in path.rglob("*")
            if item.is_file() and (item.suffix == ".md" or item.name.endswith(".cy.srt"))
        )
    return [path]


def stamp(paths: list[Path], status: str, root: Path) -> int:
    docs_dir = root / "docs"
    welsh_folders = [(docs_dir / language).resolve() for language in TRANSLATED_LANGUAGES]
    failed = False
    for argument in paths:
        if not argument.exists():
            print(f"{argument}: no such file or folder", file=sys.stderr)
            return EXIT_USAGE
        for target in stamp_targets(argument, docs_dir):
            resolved = target.resolve()
            try:
                if resolved.suffix == ".srt":
                    print(stamp_subtitles(root, resolved, status))
                elif any(resolved.is_relative_to(folder) for folder in welsh_folders):
                    print(stamp_page(root, docs_dir, resolved, status))
                else:
                    print(
                        f"{target}: not a Welsh page or Welsh subtitles: stamp the Welsh file "
                        "(docs/cy/... or transcripts/<film>.cy.srt)",
                        file=sys.stderr,
                    )
                    return EXIT_USAGE
            except ContentError as error:
                for problem in error.problems:
                    print(problem)
                failed = True
    return EXIT_PROBLEMS if failed else 0


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(
        prog="translations.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--stamp", nargs="+", type=Path, metavar="PATH",
        help="record that these Welsh files translate the English as it is now",
    )
    parser.add_argument(
        "--status", choices=STATUSES, default="reviewed",
        help="with --stamp: reviewed (default) or draft",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    if args.stamp:
        return stamp(args.stamp, args.status, root)
    problems, checked, translations = check_translations(root)
    if args.format == "text":
        for item in translations:
            print(f"{item.describe():<22} {item.path}  (translates {item.source_path})")
        print()
    return report("translations", problems, checked, "translations", args.format)


if __name__ == "__main__":
    sys.exit(main())
