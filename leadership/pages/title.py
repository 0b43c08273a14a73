"""A page's rendered content in two: its title heading, and everything after it.

What the templates show under a page's title (a draft translation's notice, a learning
page's time) goes between the two (overrides/partials/content.html).
"""

from __future__ import annotations

import html
import re

from leadership.markdown_source import line_at
from leadership.pages.source_links import prose_body
from leadership.reporting import Problem
from leadership.rules import TITLE_HEADING

TITLE_END = "</h1>"
# What a heading may add to the words of a title: emphasis, code, a link around them, tags.
INLINE_LINK_TEXT = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
INLINE_MARKUP = re.compile(r"<[^<>]+>|[*_`]")
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# A page's "# " heading (Python-Markdown needs no space after the #), or a line underlined
# with "=", and the attribute list ({ #id }) that may follow it.
TITLE_HEADING_LINE = re.compile(
    r"^#(?!#)[ \t]*(?P<text>.*?)[ \t]*(?:\{[^}\n]*\})?[ \t]*#*[ \t]*$", re.M
)
SETEXT_TITLE = re.compile(r"^(?P<text>[^\s#].*?)[ \t]*(?:\{[^}\n]*\})?[ \t]*\n=+[ \t]*$", re.M)


def split_after_title(content: str) -> tuple[str, str]:
    """(the title heading, the rest); the title is empty when the page has none."""
    end = content.find(TITLE_END)
    end = 0 if end < 0 else end + len(TITLE_END)
    return content[:end], content[end:]


def title_problems(text: str, title: object, shown: str) -> list[Problem]:
    """The page's "# " heading must say what its front matter's title says: the title is
    what the navigation, search results and the browser's tab show, the heading what the
    reader sees on the page."""
    if not isinstance(title, str) or not title.strip():
        return []  # the front matter check reports it
    first_line, body = prose_body(text)
    heading = _first_title_heading(body)
    if heading is None or same_title(heading[1], title):
        return []
    offset, text = heading
    return [Problem(
        shown, line_at(body, offset, first_line), TITLE_HEADING,
        f"the heading is '{text}' but the title is '{title.strip()}': make them the "
        "same (the navigation, search results and the browser's tab show the title)",
    )]


def same_title(heading: str, title: str) -> bool:
    """Whether a heading's text (as written after its #) reads as ``title``."""
    return _words(heading) == _words(title)


def _words(text: str) -> str:
    """A title's words as a reader sees them, whatever Markdown or HTML wraps them."""
    text = CLOSING_HASHES.sub("", text)
    text = INLINE_MARKUP.sub("", INLINE_LINK_TEXT.sub(r"\1", text))
    return " ".join(html.unescape(ESCAPE.sub(r"\1", text)).split())


def _first_title_heading(body: str) -> tuple[int, str] | None:
    """(offset, text) of the page's first level-one heading, # or underlined."""
    found = [
        (match.start(), match["text"])
        for pattern in (TITLE_HEADING_LINE, SETEXT_TITLE)
        if (match := pattern.search(body)) is not None
    ]
    return min(found) if found else None
