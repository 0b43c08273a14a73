"""Where the notice goes that a page shows while its Welsh translation (or its film's Welsh
subtitles) is a draft: below the page's title.

Both pages of the pair show it, each in its own language, so that a trainer sharing either
page knows the Welsh is not final. The notice itself is overrides/partials/draft-notice.html.
"""

from __future__ import annotations

import re

# The page's own title heading: the notice goes just below it.
TITLE_END = re.compile(r"</h1>", re.I)


def with_notice(html: str, notice: str) -> str:
    """``html`` with ``notice`` after its title heading (at the top when it has none)."""
    match = TITLE_END.search(html)
    if match is None:
        return notice + html
    return html[: match.end()] + "\n" + notice + html[match.end() :]
