#!/usr/bin/env python3
"""Run the search evaluation in Chromium: the project's search beside Material's default.

    python3 scripts/evaluate_search.py [--site DIR] [--baseline DIR] [--queries FILE]

Types every query in tests/search_queries.yml into the search box of the built site,
as a reader would, and prints recall@5 and the wrong pages in the top five for the
project's search and for Material's default search on the same content, side by side.
Without --site and --baseline, builds both first (the default search with
LEADERSHIP_SEARCH=material). Exit 0 when the project's search meets the targets
(recall@5 100%, no query with more than 2 wrong pages, every cue hit opens at its cue),
1 when it does not, 2 on a usage error or a broken query file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
import project_environment  # noqa: E402,F401  (the project's .venv, found by itself)

sys.path.insert(0, str(REPO / "tests"))  # the search evaluation is part of the test harness
from harness import search_evaluation as evaluation  # noqa: E402
from harness.testing import serve  # noqa: E402

from leadership.reporting import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, ContentError  # noqa: E402

ENGINES = {"project": "site", "material": "baseline"}


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="evaluate_search.py", description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="site built with the project's search")
    parser.add_argument(
        "--baseline", type=Path, help="the same site built with LEADERSHIP_SEARCH=material"
    )
    parser.add_argument("--queries", type=Path, default=evaluation.QUERIES)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        queries = evaluation.load_queries(arguments.queries)
    except ContentError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    with tempfile.TemporaryDirectory(prefix="search-evaluation-") as scratch:
        sites = {}
        for mode, option in ENGINES.items():
            site = getattr(arguments, option)
            if site is None:
                site = Path(scratch) / mode
                built = evaluation.build_site(site, mode)
                if built.returncode != 0:
                    print(
                        f"mkdocs build failed ({mode} search):\n{built.stdout}{built.stderr}",
                        file=sys.stderr,
                    )
                    return EXIT_USAGE
            elif not (site / "search" / "search_index.json").is_file():
                print(f"{site}: not a built site (no search/search_index.json)", file=sys.stderr)
                return EXIT_USAGE
            sites[mode] = site
        results = {}
        with evaluation.chromium() as browser:
            for mode, site in sites.items():
                with serve(site) as url:
                    results[mode] = evaluation.evaluate(browser, url, queries)
    print(evaluation.report(results, queries))
    problems = evaluation.failures(results["project"])
    for message in problems:
        print(message)
    return EXIT_OK if not problems else EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
