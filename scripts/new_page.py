#!/usr/bin/env python3
"""Create a new page in English and Welsh from the page templates.

    python3 scripts/new_page.py KIND PATH --title-en "..." --title-cy "..."
        [--description-en "..."] [--description-cy "..."] [--film SLUG]

KIND is one of: home, section, principle, reading, glossary, about, film, activity.
PATH is the page's path inside docs/en/ and docs/cy/, e.g. principles/kindness.
Writes docs/en/PATH.md and docs/cy/PATH.md (never over an existing file), the Welsh
marked as a draft translation, and prints the lines to add to the navigation.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
import project_environment  # noqa: E402,F401  (the project's .venv, found by itself)

from leadership.pages.frontmatter import KINDS  # noqa: E402
from leadership.pages.new_page import NewPageError, create_pair  # noqa: E402
from leadership.reporting import EXIT_USAGE  # noqa: E402


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(prog="new_page.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=f"one of: {', '.join(KINDS)}")
    parser.add_argument("path", metavar="PATH", help="e.g. principles/kindness")
    parser.add_argument("--title-en", required=True, help="the English title")
    parser.add_argument("--title-cy", required=True, help="the Welsh title")
    parser.add_argument("--description-en", default="", help="one sentence in English")
    parser.add_argument("--description-cy", default="", help="one sentence in Welsh")
    parser.add_argument("--film", help="film pages: the film's slug (default: from PATH)")
    args = parser.parse_args(argv)
    try:
        pair = create_pair(
            root,
            args.kind,
            args.path,
            titles={"en": args.title_en, "cy": args.title_cy},
            descriptions={"en": args.description_en, "cy": args.description_cy},
            film=args.film,
        )
    except NewPageError as error:
        print(f"new_page: {error}", file=sys.stderr)
        return EXIT_USAGE
    for path in pair.files.values():
        print(f"created {path.relative_to(root).as_posix()}")
    nav = pair.nav_lines()
    print(
        "\nNext:\n"
        "1. Add the page to the navigation in mkdocs.yml, in both places, where it belongs:\n"
        f"   under the top-level nav (English):        {nav['en']}\n"
        f"   under the i18n plugin's cy language nav:  {nav['cy']}\n"
    )
    step = 2
    if not (args.description_en and args.description_cy):
        print(f"{step}. Write the description in both files: one sentence on what the page is for.")
        step += 1
    print(
        f"{step}. Replace the example text in both files with the page's content.\n"
        f"{step + 1}. The Welsh page is marked as a draft translation. When the Welsh has been "
        "checked against the English, run:\n"
        f"   python3 scripts/translations.py --stamp docs/cy/{pair.page}\n"
        f"{step + 2}. Run make check before you open the pull request."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
