"""Links between pages, checked in the Markdown an editor wrote, so each names its line.

MkDocs reports a link to a missing page only as "Doc file 'en/x.md' contains a link ...,
but the target is not found", with no line, and only once the build gets that far. This
check reads the source: every inline link, image and reference definition whose target is
a file in the site (not an address with a scheme, not a fragment of the same page) must
name a file that exists, and a link to a heading or anchor of a page (``page.md#id``,
``#id``) must name one that page has (``missing_fragments``, with the ids the pages check
and the build render). The link checker (leadership/links/) then checks the built site,
raw HTML included.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from collections.abc import Callable, Collection, Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from leadership.markdown_source import line_at, split_source, without_code
from leadership.reporting import Problem
from leadership.rules import MISSING_FRAGMENT

RULE = "link-target-missing"
# [text](target "title") and ![alt](target): the target is the first run without spaces.
INLINE_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?(?P<target>[^)\s>]+)>?[^)]*\)")
# [label]: target "title", at the start of a line (up to three spaces in).
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?(?P<target>[^\s>]+)>?", re.M)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def site_file_target(target: str) -> str | None:
    """The file part of a link that points into the site, or None for any other link."""
    if SCHEME.match(target) or target.startswith(("#", "/", "{")):
        return None
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    return path or None


def link_targets(text: str) -> Iterator[tuple[str, int]]:
    """(target as written, line) of every inline link, image and reference definition in a
    page's source, outside code, in the order they come."""
    source = split_source(text)
    body = without_code(source.body)
    matches = [*INLINE_LINK.finditer(body), *REFERENCE_DEFINITION.finditer(body)]
    for match in sorted(matches, key=lambda found: found.start("target")):
        yield match["target"], line_at(body, match.start("target"), source.body_line)


def check_source_links(text: str, page: Path, docs_dir: Path, shown: str) -> list[Problem]:
    """A problem for every link in ``text`` (the page at ``page``) to a file that is missing."""
    problems = []
    for target, line in link_targets(text):
        path = site_file_target(target)
        if path is not None and not (page.parent / path).resolve().exists():
            problems.append(Problem(shown, line, RULE, _message(target, page, docs_dir, path)))
    return problems


def missing_fragments(
    text: str, src_uri: str, shown: str, ids_of: Callable[[str], Collection[str] | None]
) -> list[Problem]:
    """A problem for every link in ``text`` (the page ``src_uri``) to a heading or anchor its
    target page does not have. ``ids_of`` gives a page's ids by its src_uri (None for a page
    whose ids are not known: not checked), as the build has them: the ids its Markdown
    renders to and those the site adds to it (a film's cues)."""
    problems = []
    for target, line in link_targets(text):
        if "#" not in target or SCHEME.match(target) or target.startswith(("/", "{")):
            continue
        path, fragment = target.split("#", 1)
        path = unquote(path.split("?", 1)[0])
        if path and not path.endswith(".md"):
            continue  # a file or a folder: its ids are not a page's
        page = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)) \
            if path else src_uri
        ids = ids_of(page)
        if ids is None or not fragment or unquote(fragment) in ids:
            continue
        problems.append(Problem(
            shown, line, MISSING_FRAGMENT,
            f"'{target}': {page} has no heading or anchor '#{fragment}': link to one of its "
            "headings' ids, or give the heading that id ({ #id } after it)",
        ))
    return problems


def _message(target: str, page: Path, docs_dir: Path, path: str) -> str:
    message = f"'{target}' links to a file that does not exist"
    suggestion = _closest(page, docs_dir, path)
    if suggestion:
        fragment = "#" + target.split("#", 1)[1] if "#" in target else ""
        return f"{message}: did you mean '{suggestion}{fragment}'?"
    return f"{message}: correct the path (relative to this page) or create the page"


def _closest(page: Path, docs_dir: Path, path: str) -> str | None:
    """The existing file, written relative to ``page``, whose path is nearest to ``path``."""
    language_root = _language_root(page, docs_dir)
    if language_root is None:
        return None
    wanted = (page.parent / path).resolve()
    try:
        wanted_relative = wanted.relative_to(language_root).as_posix()
    except ValueError:
        return None
    candidates = {
        found.relative_to(language_root).as_posix(): found
        for found in language_root.rglob(f"*{PurePosixPath(path).suffix or '.md'}")
        if found != page.resolve()
    }
    best = difflib.get_close_matches(wanted_relative, list(candidates), n=1, cutoff=0.85)
    if not best:
        return None
    return os.path.relpath(candidates[best[0]], page.parent.resolve()).replace(os.sep, "/")


def _language_root(page: Path, docs_dir: Path) -> Path | None:
    try:
        language = page.resolve().relative_to(docs_dir.resolve()).parts[0]
    except (ValueError, IndexError):
        return None
    return docs_dir.resolve() / language
