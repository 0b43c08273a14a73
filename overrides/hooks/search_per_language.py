"""One search index per language, so a Welsh search finds Welsh pages and an English one English."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from leadership.site_i18n import split_search_index


# After mkdocs-static-i18n (priority -100) has built every language and written the joint index.
@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return
    split_search_index(Path(config.site_dir))
