"""What the per-language build needs beyond mkdocs-static-i18n: counterpart links,
Welsh strings inside rendered HTML, one 404 page and one search index per language."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from leadership.languages import LANGUAGE_NAMES, LANGUAGES, language_of_site_path, site_prefix

SEARCH_INDEX = Path("search") / "search_index.json"
I18N_CONFIG_LOGGER = "mkdocs.plugins.mkdocs_static_i18n.reconfigure"


class _WithoutConfigEcho(logging.Filter):
    """Drops mkdocs-static-i18n's echo of each language's settings ("Overriding 'cy' config
    'nav' with ..."): it repeats mkdocs.yml on every build and hides the lines that matter."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Overriding '" not in record.getMessage()


def quiet_language_config_echo() -> None:
    logger = logging.getLogger(I18N_CONFIG_LOGGER)
    if not any(isinstance(existing, _WithoutConfigEcho) for existing in logger.filters):
        logger.addFilter(_WithoutConfigEcho())


def language_links(page) -> list[dict[str, str]]:
    """The page itself and the same page in every other language, current language first.

    Links are site-root-relative URLs (Material's ``url`` filter makes them relative),
    so they work under any host path and from ``file://``.
    """
    own = page.file.locale
    alternates = getattr(page.file, "alternates", {}) or {}
    links = [{"lang": own, "name": LANGUAGE_NAMES[own], "link": page.url}]
    for language in LANGUAGES:
        if language != own and language in alternates:
            links.append(
                {
                    "lang": language,
                    "name": LANGUAGE_NAMES[language],
                    "link": alternates[language].url,
                }
            )
    return links


def home_language_links(language: str) -> list[dict[str, str]]:
    """Language links for pages that stand for no source page, such as the 404 page."""
    ordered = [language] + [other for other in LANGUAGES if other != language]
    return [
        {"lang": code, "name": LANGUAGE_NAMES[code], "link": site_prefix(code)} for code in ordered
    ]


def split_search_entries(combined: dict) -> dict[str, dict]:
    """Split the one index mkdocs-static-i18n stacks up into one index per language.

    ``combined`` is the index as Material's search plugin holds it in memory (``config`` and
    ``docs``). Each language's index has locations relative to its own folder (``search/``
    for English, ``cy/search/`` for Welsh), which is where Material's search looks when a
    page's search base is its language's root. Returns the indexes by language, for
    ``write_search_indexes`` (after ``leadership.search.index`` has refined them).
    """
    indexes = {}
    for language in LANGUAGES:
        prefix = site_prefix(language)
        entries = []
        for entry in combined["docs"]:
            location = entry["location"]
            if language_of_site_path(location) != language:
                continue
            entries.append({**entry, "location": location[len(prefix) :]})
        indexes[language] = {**combined, "docs": entries}
    return indexes


def write_search_indexes(site_dir: Path, indexes: dict[str, dict]) -> dict[str, str]:
    """Write each language's index in its own folder, over the joint one for English.

    Returns the JSON written, by language (the offline pack inlines it as a script).
    """
    written = {}
    for language, index in indexes.items():
        written[language] = write_json(site_dir / site_prefix(language) / SEARCH_INDEX, index)
    return written


def write_json(path: Path, data) -> str:
    """Compact UTF-8 JSON, as Material's search plugin writes its index; returns the text."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    path.write_text(text, "utf-8")
    return text
