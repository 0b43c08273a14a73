#!/usr/bin/env python3
"""Build the offline pack: the whole site, working from a folder or USB stick via file://.

    python3 scripts/build_offline.py [--out dist/compassionate-leadership-offline.zip]
                                    [--site-dir FOLDER] [--format json]

Builds the site with Material's offline plugin (OFFLINE=true), checks that every link
and asset in every page opens a file in the pack and that each language can be searched,
then zips the pack. Problems are printed as ``path:line: rule-id: message`` (paths inside
the pack), then a summary; exit 0 when the pack is good, 1 on problems (no zip is
written), 2 on a usage error. Printed pages show the address in SITE_URL (default
http://127.0.0.1:8000/): set it to the public address before building a pack to hand out.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
import project_environment  # noqa: E402,F401  (the project's .venv, found by itself)

from leadership.print_offline.offline import PACK_NAME, build_offline, check_pack, zip_pack  # noqa: E402
from leadership.reporting import EXIT_PROBLEMS, EXIT_USAGE, report  # noqa: E402

DEFAULT_ZIP = ROOT / "dist" / f"{PACK_NAME}.zip"


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="build_offline.py", description="Build and zip the offline pack of the site."
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_ZIP, help="the zip to write")
    parser.add_argument(
        "--site-dir", type=Path, help="also keep the unzipped pack in this folder (replaced)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    try:
        arguments = parse_arguments(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else 0
    with tempfile.TemporaryDirectory(prefix="offline-pack-") as temporary:
        site_dir = Path(temporary) / PACK_NAME
        result = build_offline(site_dir, ROOT)
        if result.returncode != 0:
            print(result.stdout + result.stderr, file=sys.stderr)
            print("build_offline: FAILED, the site did not build", file=sys.stderr)
            return EXIT_PROBLEMS
        problems, checked = check_pack(site_dir)
        code = report("build_offline", problems, checked, "pages", arguments.format)
        if code != 0:
            return code
        zip_pack(site_dir, arguments.out)
        if arguments.site_dir:
            shutil.rmtree(arguments.site_dir, ignore_errors=True)
            shutil.copytree(site_dir, arguments.site_dir)
    if arguments.format == "text":
        print(f"build_offline: wrote {arguments.out}; unzip it and open "
              f"{PACK_NAME}/index.html in a browser")
    return code


if __name__ == "__main__":
    sys.exit(main())
