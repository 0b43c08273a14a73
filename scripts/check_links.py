#!/usr/bin/env python3
"""Check every link, anchor, image and language counterpart in the built site.

    python3 scripts/check_links.py [SITE_DIR] [--format json] [--external]

With no SITE_DIR, builds the site first (mkdocs build --strict) into a
temporary folder. One line per problem, ``page-path:line: rule-id: message``,
then a summary line; exit 0 when clean, 1 on problems, 2 on a usage error.
Rules: docs-dev/link-rules.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
import project_environment  # noqa: E402,F401  (the project's .venv, found by itself)

from leadership import links  # noqa: E402
from leadership.links import external as external_links  # noqa: E402
from leadership.reporting import EXIT_USAGE, Problem  # noqa: E402

DEFAULT_CACHE = Path.home() / ".cache" / "leadership" / "external-links.json"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="check_links.py",
        description="Check links, anchors, images and language counterparts in a built site.",
    )
    parser.add_argument(
        "site_dir", nargs="?", type=Path, help="built site folder (default: build one now)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--external", action="store_true", help="also check external addresses over the network"
    )
    parser.add_argument(
        "--site-url",
        help="the address the site is served from (default: the one it was built for, from its "
        "home page's canonical link; else site_url in mkdocs.yml)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        help="mkdocs.yml to read site_url from (default: ./mkdocs.yml, else the project's)",
    )
    parser.add_argument(
        "--cache", type=Path, default=DEFAULT_CACHE, help="cache file for --external results"
    )
    return parser.parse_args(argv)


def build_site(destination: Path) -> list[Problem]:
    """Build the site (strict) in this process; the problems that stopped it, as the
    project's plugin reported them (leadership.site_build)."""
    from leadership import site_build  # only needed here: it brings in MkDocs

    return site_build.build_site(REPO, destination)


def config_file(options: argparse.Namespace) -> Path:
    """--config; else ./mkdocs.yml, as mkdocs reads it; else this project's."""
    if options.config:
        return options.config
    if options.site_dir is not None and Path("mkdocs.yml").is_file():
        return Path("mkdocs.yml")
    return REPO / "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    options = parse_arguments(argv)
    with tempfile.TemporaryDirectory(prefix="check-links-") as temporary:
        site_dir = options.site_dir
        if site_dir is None:
            site_dir = Path(temporary) / "site"
            build_problems = build_site(site_dir)
            if build_problems:
                return links.render(build_problems, 0, {}, options.format)
        site_url = (
            options.site_url
            or links.site_url_from_site(site_dir)
            or links.site_url_from_config(config_file(options))
        )
        try:
            site = links.read_site(site_dir, site_url)
        except links.SiteError as error:
            print(f"check_links.py: error: {error}", file=sys.stderr)
            return EXIT_USAGE
        if not site.pages:  # docs/ given for site/: nothing checked is no pass
            print(f"check_links.py: error: {site_dir} holds no HTML pages: give the built "
                  "site's folder (site/), or no folder to build one", file=sys.stderr)
            return EXIT_USAGE
        problems = links.check_site(site)
        external = links.external_addresses(site)
        if options.external:
            checker = external_links.ExternalChecker(options.cache)
            problems += checker.check(external)
        return links.render(
            problems, len(site.pages), external, options.format, checked_external=options.external
        )


if __name__ == "__main__":
    sys.exit(main())
