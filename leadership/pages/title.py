"""A page's rendered content in two: its title heading, and everything after it.

What the templates show under a page's title (a draft translation's notice, a learning
page's time) goes between the two (overrides/partials/content.html).
"""

from __future__ import annotations

import html
import re

from leadership.markdown_source import line_at, split_source, without_code
from leadership.reporting import Problem
from leadership.rules import TITLE_HEADING

TITLE_END = "</h1>"
# What a heading may add to the words of a title: emphasis, code, a link around them, tags.
INLINE_LINK_TEXT = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
INLINE_MARKUP = re.compile(r"<[^<>]+>|[*_`]")
# A page's "# " heading, and the attribute list ({ #id }) that may follow it.
TITLE_HEADING_LINE = re.compile(r"^# +(?P<text>.*?)[ \t]*(?:\{[^}\n]*\})?[ \t]*#*[ \t]*$", re.M)


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
    source = split_source(text)
    body = without_code(source.body)
    heading = TITLE_HEADING_LINE.search(body)
    if heading is None or _words(heading["text"]) == _words(title):
        return []
    return [Problem(
        shown, line_at(body, heading.start(), source.body_line), TITLE_HEADING,
        f"the heading is '{heading['text']}' but the title is '{title.strip()}': make them the "
        "same (the navigation, search results and the browser's tab show the title)",
    )]


def _words(text: str) -> str:
    """A title's words as a reader sees them, whatever Markdown or HTML wraps them."""
    text = INLINE_MARKUP.sub("", INLINE_LINK_TEXT.sub(r"\1", text))
    return " ".join(html.unescape(text).split())
