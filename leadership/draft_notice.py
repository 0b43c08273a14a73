"""The notice a page shows while its Welsh translation (or its film's Welsh subtitles) is a draft.

Both pages of the pair show it, each in its own language, so that a trainer sharing either
page knows the Welsh is not final.
"""

from __future__ import annotations

import re
from html import escape

from leadership.interface import strings_for

# The page's own title heading: the notice goes just below it.
TITLE_END = re.compile(r"</h1>", re.I)


def notice_html(language: str, body_key: str) -> str:
    ui = strings_for(language)
    return (
        f'<div class="admonition warning translation-draft" role="note" lang="{language}" '
        "data-search-exclude>\n"
        f'<p class="admonition-title">{escape(ui["translation_draft_title"], quote=False)}</p>\n'
        f"<p>{escape(ui[body_key], quote=False)}</p>\n"
        "</div>\n"
    )


def with_notice(html: str, notice: str) -> str:
    """``html`` with ``notice`` after its title heading (at the top when it has none)."""
    match = TITLE_END.search(html)
    if match is None:
        return notice + html
    return html[: match.end()] + "\n" + notice + html[match.end() :]
