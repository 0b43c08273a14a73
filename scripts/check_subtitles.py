#!/usr/bin/env python3
"""Check SubRip subtitles: structure, timing, readability, and Welsh/English completeness.

    python3 scripts/check_subtitles.py [PATH ...] [--format json] [--films FILE]

PATH is an .srt file or a folder of them (default: transcripts/). Prints one line per
problem, `path:line: rule-id: message`, then a summary. Exit 0 with no errors, 1 with
errors, 2 for a usage error. The rules: docs-dev/subtitle-rules.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
import project_environment  # noqa: E402,F401  (the project's .venv, found by itself)

from leadership.reporting import report  # noqa: E402
from leadership.subtitles.check import check_paths  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="check_subtitles", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH",
        help="SRT files or folders of them (default: transcripts/)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--films", type=Path, metavar="FILE",
        help="film metadata to check the files against (default: films.yml beside them)",
    )
    args = parser.parse_args(argv)
    paths = args.paths or [ROOT / "transcripts"]
    for path in paths:
        if not path.exists():
            parser.error(f"no such file or folder: {path}")
        if path.is_dir() and not any(path.glob("*.srt")) and not (path / "films.yml").is_file():
            parser.error(f"no .srt files (and no films.yml) in {path}")
    if args.films is not None and not args.films.is_file():
        parser.error(f"no such film metadata file: {args.films}")
    result = check_paths(paths, args.films)
    return report(
        "check_subtitles", result.problems, result.checked, "files", args.format,
        note=result.note,
    )


if __name__ == "__main__":
    sys.exit(main())
