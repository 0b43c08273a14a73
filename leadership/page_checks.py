"""The checks every page's source must pass before the site is built: front matter against
the one schema (leadership.frontmatter), content safety (leadership.content_safety) and
reflection questions written so that each gets its notes box (leadership.learning)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from leadership.content_safety import scan_markdown
from leadership.frontmatter import check_site_texts, page_files
from leadership.learning import reflection_question_problems
from leadership.reporting import Problem, shown_path


def check_pages(
    root: Path, docs_dir: Path | None = None, allowed_hosts: Iterable[str] = ()
) -> tuple[list[Problem], int]:
    """(problems, pages checked) for every page in every language."""
    docs_dir = docs_dir or root / "docs"
    # Each page is read once: the front matter check hands back the texts it read.
    problems, checked, texts = check_site_texts(root, docs_dir)
    for _, path in page_files(docs_dir):
        text = texts.get(path)
        if text is None:
            continue  # not UTF-8: reported by check_site
        problems += scan_markdown(text, shown_path(path, root), allowed_hosts)
    problems += reflection_question_problems(texts, docs_dir, root)
    return sorted(set(problems)), checked
