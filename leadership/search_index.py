"""The site's search indexes beyond Material's defaults: film cues and Welsh-aware search.

Works on the indexes :func:`leadership.site_i18n.split_search_index` makes, one per
language, before they are written. It adds an entry per film cue, so a search finds the
moment in a film and opens the film page at that cue, and it makes the Welsh index Welsh:
Material's worker then loads the Welsh lunr plugin
(``overrides/assets/javascripts/lunr/min/lunr.cy.min.js``), with the data
:func:`leadership.welsh.search_data` produces written in front of it, so the data arrives
with the plugin, from a server or from ``file://`` (the offline pack) alike.

``LEADERSHIP_SEARCH=material`` at build time leaves Material's default search (one index
per language, nothing more), for comparison in the search evaluation.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from leadership import welsh
from leadership.languages import site_prefix
from leadership.transcript import TranscriptCue

SEARCH_MODE_VARIABLE = "LEADERSHIP_SEARCH"
SEARCH_MODES = ("project", "material")
WELSH = "cy"
# The Welsh lunr plugin, where Material's worker looks for lunr-languages.
WELSH_PLUGIN = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.cy.min.js"
DATA_BEGIN = "/* Welsh search data, written by the build (leadership/search_index.py) */\n"
DATA_END = "/* End of Welsh search data */\n"
# Material's lunr pipeline functions for the Welsh index: trim, stop words; never a stemmer.
WELSH_PIPELINE = ["trimmer", "stopWordFilter"]


def search_mode(environ: Mapping[str, str] = os.environ) -> str:
    mode = environ.get(SEARCH_MODE_VARIABLE, "project") or "project"
    if mode not in SEARCH_MODES:
        raise ValueError(
            f"{SEARCH_MODE_VARIABLE}={mode!r} is not a search mode: use one of "
            + ", ".join(SEARCH_MODES)
        )
    return mode


def refine_search_indexes(
    site_dir: Path, indexes: dict[str, dict], dictionary: welsh.RadicalDictionary | None = None
) -> dict[str, int]:
    """Add cue entries to every language's index and make the Welsh index Welsh.

    ``indexes`` are the indexes by language (``split_search_index``), changed in place; the
    Welsh search data is written in front of the Welsh plugin in ``site_dir``. Returns the
    number of cue entries added per language.
    """
    added = {}
    for language, index in indexes.items():
        docs, added[language] = with_cue_entries(index["docs"], noted_cues(site_dir, language))
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

# The cue entries of each film page, noted by the transcripts hook as it renders the page:
# by site folder and language, then the page's URL in its language's index -> (the id of the
# transcript's section, entries). The transcript reaches the page after Material's search
# has read it, so the search indexes each cue once, as its own entry, and no built page is
# parsed again to find them. Notes are kept from one build to the next (``mkdocs serve
# --dirty`` renders only the pages that changed) and used only for a page whose transcript
# section is in the index.
_noted_cues: dict[tuple[Path, str], dict[str, tuple[str, list[dict]]]] = {}


def _noted_key(site_dir: Path, language: str) -> tuple[Path, str]:
    return Path(site_dir).resolve(), language


def note_cues(
    site_dir: Path, language: str, page_url: str, section_id: str,
    cues: Iterable[TranscriptCue],
) -> None:
    """Remember a film page's cues, to be filed under its transcript section's entry.

    ``page_url`` is the page's URL on the site (``cy/films/x/``); the index of its language
    has it without the language's folder (``films/x/``).
    """
    location = page_url.removeprefix(site_prefix(language))
    entries = [cue_entry(location, cue) for cue in cues]
    _noted_cues.setdefault(_noted_key(site_dir, language), {})[location] = (section_id, entries)


def noted_cues(site_dir: Path, language: str) -> dict[str, tuple[str, list[dict]]]:
    return _noted_cues.get(_noted_key(site_dir, language), {})


def cue_entry(page_url: str, cue: TranscriptCue) -> dict:
    """A search entry that opens the film page at the cue: its time as title, its words."""
    return {
        "location": f"{page_url}#{cue.anchor}",
        "title": html.escape(cue.time_label, quote=False),
        "text": html.escape(cue.plain, quote=False),
    }


def with_cue_entries(
    docs: list[dict], noted: Mapping[str, tuple[str, list[dict]]]
) -> tuple[list[dict], int]:
    """The index with each noted page's cue entries after its transcript section's entry."""
    result: list[dict] = []
    added = 0
    for entry in docs:
        result.append(entry)
        page, _, section_id = entry["location"].partition("#")
        if page in noted and noted[page][0] == section_id:
            result += noted[page][1]
            added += len(noted[page][1])
    return result, added
