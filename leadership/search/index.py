"""The site's search indexes beyond Material's defaults: film cues and Welsh-aware search.

Works on the indexes :func:`leadership.site_i18n.split_search_entries` makes, one per
language, before they are written. It adds an entry per film cue, so a search finds the
moment in a film and opens the film page at that cue, and it makes the Welsh index Welsh:
Material's worker then loads the Welsh lunr plugin
(``overrides/assets/javascripts/lunr/min/lunr.cy.min.js``), with the data
:func:`leadership.welsh.search_data` produces written in front of it, so the data arrives
with the plugin, from a server or from ``file://`` (the offline pack) alike.

The plugin's ``search: mode: material`` (``LEADERSHIP_SEARCH=material`` in mkdocs.yml)
leaves Material's default search (one index per language, nothing more), for comparison in
the search evaluation.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from pathlib import Path

from leadership import welsh
from leadership.subtitles.transcript import TranscriptCue

SEARCH_MODE_VARIABLE = "LEADERSHIP_SEARCH"
WELSH = "cy"
# The Welsh lunr plugin, where Material's worker looks for lunr-languages.
WELSH_PLUGIN = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.cy.min.js"
DATA_BEGIN = "/* Welsh search data, written by the build (leadership/search/index.py) */\n"
DATA_END = "/* End of Welsh search data */\n"
# Material's lunr pipeline functions for the Welsh index: trim, stop words; never a stemmer.
WELSH_PIPELINE = ["trimmer", "stopWordFilter"]


def refine_search_indexes(
    site_dir: Path,
    indexes: dict[str, dict],
    cue_entries: Mapping[str, Mapping[str, list[dict]]],
    dictionary: welsh.RadicalDictionary | None = None,
) -> dict[str, int]:
    """Add the film pages' transcript entries to every language's index and make the Welsh
    index Welsh.

    ``indexes`` are the indexes by language (``split_search_entries``), changed in place;
    ``cue_entries`` the film pages' entries (the transcript's section, then one per cue), by
    language, then the page's location in its language's index. The Welsh search data is
    written in front of the Welsh plugin in ``site_dir``. Returns the number of entries
    added per language.
    """
    added = {}
    for language, index in indexes.items():
        docs, added[language] = with_cue_entries(index["docs"], cue_entries.get(language, {}))
        index["docs"] = docs
        if language == WELSH:
            index["config"] = welsh_index_config(index["config"])
            data = welsh.search_data(
                index_vocabulary(docs), dictionary or welsh.default_dictionary()
            )
            write_plugin_data(site_dir / WELSH_PLUGIN, data)
    return added


def welsh_index_config(config: dict) -> dict:
    return {
        **config,
        "lang": [WELSH],
        "separator": welsh.SEPARATOR,
        "pipeline": WELSH_PIPELINE,
    }


def index_vocabulary(docs: list[dict]) -> set[str]:
    return welsh.index_vocabulary(
        entry.get(field, "") for entry in docs for field in ("title", "text")
    )


def write_plugin_data(plugin: Path, data: dict) -> None:
    """Put the Welsh data in front of the plugin's code, replacing any written before."""
    code = plugin.read_text(encoding="utf-8")
    if code.startswith(DATA_BEGIN):
        code = code.split(DATA_END, 1)[1]
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    plugin.write_text(f"{DATA_BEGIN}self.welshSearchData = {payload};\n{DATA_END}{code}", "utf-8")


def plugin_data(plugin: Path) -> dict | None:
    """The data written in front of the plugin, or None."""
    code = plugin.read_text(encoding="utf-8")
    if not code.startswith(DATA_BEGIN):
        return None
    prelude = code[len(DATA_BEGIN) :].split(DATA_END, 1)[0]
    return json.loads(prelude.removeprefix("self.welshSearchData = ").rstrip().removesuffix(";"))


# --- Film cues ---------------------------------------------------------------------------------

def section_entry(page_url: str, section_id: str, title: str, text: str) -> dict:
    """A search entry for a section the templates show outside the page's content (a film's
    transcript), as Material's search would make it from the section: its heading and its
    paragraph."""
    return {
        "location": f"{page_url}#{section_id}",
        "title": html.escape(title, quote=False),
        "text": f"<p>{html.escape(text, quote=False)}</p>",
    }


def cue_entry(page_url: str, cue: TranscriptCue) -> dict:
    """A search entry that opens the film page at the cue: its time as title, its words."""
    return {
        "location": f"{page_url}#{cue.anchor}",
        "title": html.escape(cue.time_label, quote=False),
        "text": html.escape(cue.plain, quote=False),
    }


def with_cue_entries(
    docs: list[dict], noted: Mapping[str, list[dict]]
) -> tuple[list[dict], int]:
    """The index with each noted page's entries (its transcript's section, then one per
    cue) after the page's last entry, where the transcript is on the page: last."""
    last = {entry["location"].partition("#")[0]: position for position, entry in enumerate(docs)}
    result: list[dict] = []
    added = 0
    for position, entry in enumerate(docs):
        result.append(entry)
        page = entry["location"].partition("#")[0]
        if page in noted and last[page] == position:
            result += noted[page]
            added += len(noted[page])
    return result, added
