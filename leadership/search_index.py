"""The site's search indexes beyond Material's defaults: film cues and Welsh-aware search.

Runs after :func:`leadership.site_i18n.split_search_index` has written one index per
language. It adds an entry per film cue, so a search finds the moment in a film and
opens the film page at that cue, and it makes the Welsh index Welsh: Material's worker
then loads the Welsh lunr plugin (``overrides/assets/javascripts/lunr/min/lunr.cy.min.js``),
with the data :func:`leadership.welsh.search_data` produces written in front of it, so the
data arrives with the plugin, from a server or from ``file://`` (the offline pack) alike.

``LEADERSHIP_SEARCH=material`` at build time leaves Material's default search (one index
per language, nothing more), for comparison in the search evaluation.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path

from lxml import html as lxml_html

from leadership import welsh
from leadership.languages import LANGUAGES, site_prefix
from leadership.site_i18n import SEARCH_INDEX, write_json

SEARCH_MODE_VARIABLE = "LEADERSHIP_SEARCH"
SEARCH_MODES = ("project", "material")
WELSH = "cy"
# The Welsh lunr plugin, where Material's worker looks for lunr-languages.
WELSH_PLUGIN = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.cy.min.js"
DATA_BEGIN = "/* Welsh search data, written by the build (leadership/search_index.py) */\n"
DATA_END = "/* End of Welsh search data */\n"
# Material's lunr pipeline functions for the Welsh index: trim, stop words; never a stemmer.
WELSH_PIPELINE = ["trimmer", "stopWordFilter"]
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The headings a transcript's cues are filed under.
SECTION_HEADINGS = frozenset(("h1", "h2", "h3", "h4"))
CUE_MARKER = 'class="cl-cue"'
# XPath's whitespace (normalize-space), which is narrower than str.split's.
XPATH_WHITESPACE = re.compile("[ \\t\\r\\n]+")
CUES = '//span[contains(concat(" ", normalize-space(@class), " "), " cl-cue ")][@id]'


def search_mode(environ: Mapping[str, str] = os.environ) -> str:
    mode = environ.get(SEARCH_MODE_VARIABLE, "project") or "project"
    if mode not in SEARCH_MODES:
        raise ValueError(
            f"{SEARCH_MODE_VARIABLE}={mode!r} is not a search mode: use one of "
            + ", ".join(SEARCH_MODES)
        )
    return mode


def refine_search_indexes(
    site_dir: Path, dictionary: welsh.WelshDictionary | None = None
) -> dict[str, int]:
    """Add cue entries to every language's index and make the Welsh index Welsh.

    Returns the number of cue entries added per language.
    """
    added = {}
    for language in LANGUAGES:
        root = site_dir / site_prefix(language)
        index_path = root / SEARCH_INDEX
        index = json.loads(index_path.read_text(encoding="utf-8"))
        docs, added[language] = with_cue_entries(index["docs"], root)
        index["docs"] = docs
        if language == WELSH:
            index["config"] = welsh_index_config(index["config"])
            data = welsh.search_data(
                index_vocabulary(docs), dictionary or welsh.default_dictionary()
            )
            write_plugin_data(site_dir / WELSH_PLUGIN, data)
        write_json(index_path, index)
    return added


def welsh_index_config(config: dict) -> dict:
    return {
        **config,
        "lang": [WELSH],
        "separator": welsh.SEPARATOR,
        "pipeline": WELSH_PIPELINE,
    }


def index_vocabulary(docs: list[dict]) -> set[str]:
    words: set[str] = set()
    for entry in docs:
        for field in ("title", "text"):
            words.update(welsh.index_text_tokens(entry.get(field, "")))
    return words


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


def with_cue_entries(docs: list[dict], language_root: Path) -> tuple[list[dict], int]:
    """The index with one entry per film cue, located at the cue's anchor on its page.

    The section that holds the transcript keeps its own text (its heading, the help
    line) but not the cues', so a search lands on the cue, not on the top of the transcript.
    """
    pages: dict[str, list[dict]] = {}
    for entry in docs:
        pages.setdefault(entry["location"].split("#")[0], []).append(entry)
    result: list[dict] = []
    added = 0
    for page, entries in pages.items():
        # "films/x/" on the site; "films/x.html" in the offline pack (no directory URLs).
        page_file = language_root / page if page.endswith(".html") else (
            language_root / page / "index.html"
        )
        source = page_file.read_text(encoding="utf-8") if page_file.exists() else ""
        if CUE_MARKER not in source:
            result += entries
            continue
        transcript = transcript_sections(source)
        for entry in entries:
            section_id = entry["location"].partition("#")[2]
            if section_id in transcript:
                text, cues = transcript[section_id]
                result.append({**entry, "text": text})
                result += [{**cue, "location": f"{page}#{cue['location']}"} for cue in cues]
                added += len(cues)
            else:
                result.append(entry)
    return result, added


def transcript_sections(page_html: str) -> dict[str, tuple[str, list[dict]]]:
    """Section id -> (the section's text without its cues, one entry per cue) for a page.

    A cue belongs to the last h1-h4 with an id before it in the page (not one that holds
    it): one walk through the page in document order finds it for every cue.
    """
    tree = lxml_html.fromstring(page_html)
    sections: dict[str, tuple[str, list[dict]]] = {}
    headings: list = []  # h1-h4 with an id, in document order, up to the element reached
    for element in tree.getroottree().getroot().iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in SECTION_HEADINGS and element.get("id") is not None:
            headings.append(element)
        elif _is_cue(element):
            heading = _preceding_heading(headings, element)
            if heading is None:
                continue
            section_id = heading.get("id")
            if section_id not in sections:
                sections[section_id] = (text_without_cues(heading), [])
            sections[section_id][1].append(cue_entry(element))
    return sections


def _is_cue(element) -> bool:
    """What ``CUES`` selects: a ``span`` with an id and the class ``cl-cue``."""
    return (
        element.tag == "span"
        and element.get("id") is not None
        and "cl-cue" in XPATH_WHITESPACE.split(element.get("class") or "")
    )


def _preceding_heading(headings: list, element):
    """The last heading before ``element`` that does not hold it (XPath ``preceding::``)."""
    for heading in reversed(headings):
        if not _holds(heading, element):
            return heading
    return None


def _holds(ancestor, element) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


def cue_entry(cue) -> dict:
    time = cue.xpath('.//*[contains(@class, "cl-cue__time")]')
    label = ""
    if time:
        hidden = "".join(
            node.text_content() for node in time[0].xpath('.//*[contains(@class, "hidden")]')
        )
        label = " ".join(time[0].text_content().replace(hidden, "", 1).split())
    text_nodes = cue.xpath('.//*[contains(@class, "cl-cue__text")]')
    text = (text_nodes[0] if text_nodes else cue).text_content()
    return {
        "location": cue.get("id"),
        "title": html.escape(label, quote=False),
        "text": html.escape(" ".join(text.split()), quote=False),
    }


def text_without_cues(heading) -> str:
    """The paragraphs after a heading, up to the next heading, leaving out the cues."""
    paragraphs = []
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in HEADINGS:
            break
        if sibling.get("hidden") is not None or sibling.xpath(f".{CUES}"):
            continue
        text = " ".join(sibling.text_content().split())
        if text:
            paragraphs.append(f"<p>{html.escape(text, quote=False)}</p>")
    return "".join(paragraphs)
