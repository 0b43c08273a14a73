#!/usr/bin/env python3
"""Check the spelling of every page and subtitle file, each against its language.

    python3 scripts/check_spelling.py [PATH ...] [--no-suggestions] [--format json]

Welsh pages, Welsh subtitles and Welsh interface strings: the techiaith hunspell cy_GB
dictionary; English: en_GB; both with the project word list, spelling/wordlist.txt. PATH is a
page, a subtitle file, transcripts/films.yml, leadership/interface.py (the interface strings)
or a folder (default: docs/, transcripts/ and leadership/interface.py). One line per word,
``path:line: spelling: word (suggestions)``, then a summary; exit 1 when a word is
misspelt, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
import project_environment  # noqa: E402,F401  (the project's .venv, found by itself)

from leadership.reporting import EXIT_USAGE, report  # noqa: E402
from leadership.spelling import Speller, check_files, files_for, project_files  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="check_spelling.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument(
        "--no-suggestions", action="store_true", help="faster: list the words only"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    missing = [path.as_posix() for path in args.paths if not path.exists()]
    if missing:
        print(f"check_spelling: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    if args.paths:
        files, unknown = files_for(ROOT, args.paths)
        if unknown:
            print(
                f"check_spelling: not a page, subtitle file, interface strings module or folder "
                f"of them: "
                f"{', '.join(unknown)}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    else:
        files = project_files(ROOT)
    speller = Speller(ROOT, suggest=not args.no_suggestions)
    problems = check_files(ROOT, files, speller)
    return report("check_spelling", problems, len(files), "files", args.format)


if __name__ == "__main__":
    sys.exit(main())
