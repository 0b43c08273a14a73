"""The settings of the site's MkDocs plugin (``leadership`` under ``plugins:`` in mkdocs.yml).

Every setting has the value the real site needs as its default; mkdocs.yml sets only what a
build changes: the search mode (``LEADERSHIP_SEARCH``) and the offline pack (``OFFLINE``).
"""

from __future__ import annotations

from mkdocs.config import config_options as option
from mkdocs.config.base import Config

# The project's search (cue entries, Welsh-aware Welsh index) or Material's default search
# split per language, for comparison in the search evaluation.
SEARCH_MODES = ("project", "material")


class SearchConfig(Config):
    mode = option.Choice(SEARCH_MODES, default="project")
    # Where the Welsh dictionary's answers are kept between builds (inside .cache/).
    dictionary_cache = option.Type(str, default="welsh-dictionary-answers.json")


class PrintConfig(Config):
    # The QR code to the page and the address of every link, for print.css.
    handout = option.Type(bool, default=True)
    # Where the QR codes are kept between builds (inside .cache/).
    qr_cache = option.Type(str, default="qr-codes.json")


class LeadershipConfig(Config):
    # transcripts/<film>.<lang>.srt and films.yml, relative to the folder of mkdocs.yml.
    transcripts = option.Type(str, default="transcripts")
    search = option.SubConfig(SearchConfig)
    print = option.SubConfig(PrintConfig)
    # The offline pack (scripts/build_offline.py): needs Material's offline plugin enabled too.
    offline = option.Type(bool, default=False)
