"""A page's rendered content in two: its title heading, and everything after it.

What the templates show under a page's title (a draft translation's notice, a learning
page's time) goes between the two (overrides/partials/content.html).
"""

from __future__ import annotations

TITLE_END = "</h1>"


def split_after_title(content: str) -> tuple[str, str]:
    """(the title heading, the rest); the title is empty when the page has none."""
    end = content.find(TITLE_END)
    end = 0 if end < 0 else end + len(TITLE_END)
    return content[:end], content[end:]
