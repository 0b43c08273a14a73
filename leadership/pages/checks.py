"""The checks every page's source must pass before the site is built: front matter against
the one schema (leadership.pages.frontmatter), content safety
(leadership.pages.content_safety), links to files that exist (leadership.pages.source_links)
and no placeholder text left from the new-page templates (leadership.pages.placeholders), on
the content model the build uses
(leadership.content)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from leadership.content import read_site
from leadership.reporting import Problem


def check_pages(
    root: Path, docs_dir: Path | None = None, allowed_hosts: Iterable[str] = ()
) -> tuple[list[Problem], int]:
    """(problems, pages checked) for every page in every language."""
    content = read_site(root, docs_dir, allowed_hosts=allowed_hosts)
    return content.page_problems, len(content.pages)
