"""The checks every page's source must pass before the site is built: front matter against
the one schema (leadership.frontmatter), content safety (leadership.content_safety), links
to files that exist (leadership.source_links), no placeholder text left from the new-page
templates (leadership.placeholders), and reflection questions written so that each gets its
notes box (leadership.learning)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from leadership.content_safety import scan_markdown
from leadership.frontmatter import check_site_texts, page_files
from leadership.learning import reflection_question_problems
from leadership.placeholders import TEMPLATES, check_placeholders, template_phrases
from leadership.reporting import Problem, shown_path
from leadership.source_links import check_source_links


def check_pages(
    root: Path, docs_dir: Path | None = None, allowed_hosts: Iterable[str] = ()
) -> tuple[list[Problem], int]:
    """(problems, pages checked) for every page in every language."""
    docs_dir = docs_dir or root / "docs"
    # Each page is read once: the front matter check hands back the texts it read.
    problems, checked, texts = check_site_texts(root, docs_dir)
    phrases = template_phrases(root / TEMPLATES)
    for _, path in page_files(docs_dir):
        text = texts.get(path)
        if text is None:
            continue  # not UTF-8: reported by check_site
        shown = shown_path(path, root)
        problems += scan_markdown(text, shown, allowed_hosts)
        problems += check_source_links(text, path, docs_dir, shown)
        problems += check_placeholders(text, shown, phrases)
    problems += reflection_question_problems(texts, docs_dir, root)
    return sorted(set(problems)), checked
