"""One search index per language, so a Welsh search finds Welsh pages and an English one English.

Then the project's search on top (leadership/search_index.py): an entry per film cue in both
languages, and Welsh-aware matching in the Welsh index, with the Welsh dictionary's answers
kept in .cache/ between builds. Build with LEADERSHIP_SEARCH=material
to keep Material's default search instead, as the search evaluation does for comparison.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from leadership.build_cache import cache_file
from leadership.languages import nested_language_build
from leadership.project import project_root
from leadership.reporting import ContentError
from leadership.search_index import refine_search_indexes, search_mode
from leadership.site_i18n import split_search_index, write_search_indexes
from leadership.welsh import RememberedDictionary

# The Welsh dictionary's answers, kept between builds: loading the dictionary is most of
# what Welsh search costs a build (docs-dev/performance.md).
DICTIONARY_ANSWERS = "welsh-dictionary-answers.json"


def on_config(config):
    try:
        search_mode()
    except ValueError as error:
        raise PluginError(str(error)) from None


# After mkdocs-static-i18n (priority -100) has built every language and written the joint index.
@event_priority(-200)
def on_post_build(config):
    if nested_language_build(config):
        return
    indexes = split_search_index(Path(config.site_dir))
    if search_mode() == "project":
        project = project_root(config)
        try:
            dictionary = RememberedDictionary(cache_file(project, DICTIONARY_ANSWERS))
        except ContentError as error:  # the dictionary is not installed: say so, no traceback
            raise PluginError(str(error)) from None
        refine_search_indexes(Path(config.site_dir), indexes, dictionary)
        dictionary.save()
    write_search_indexes(Path(config.site_dir), indexes)
