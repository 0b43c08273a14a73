"""Interface strings the project adds, in both languages, in one place.

Material translates its own interface through its ``partials/languages``
files; everything else a page shows (and the strings Python-Markdown writes in
English, such as the heading permalink title) comes from here.
"""

from __future__ import annotations

from leadership.languages import DEFAULT_LANGUAGE, LANGUAGES

STRINGS: dict[str, dict[str, str]] = {
    "permalink_title": {"en": "Permanent link", "cy": "Dolen barhaol"},
    "language_switch_label": {
        "en": "Darllenwch y dudalen hon yn Gymraeg",
        "cy": "Read this page in English",
    },
    "search_dialog_label": {"en": "Search this site", "cy": "Chwilio'r wefan hon"},
    "not_found_title": {"en": "Page not found", "cy": "Heb ddod o hyd i'r dudalen"},
    "not_found_body": {
        "en": "The page you asked for is not here. It may have moved, or the address may be "
        "mistyped.",
        "cy": "Nid yw'r dudalen y gofynnoch amdani yma. Efallai ei bod wedi symud, neu fod "
        "camgymeriad yn y cyfeiriad.",
    },
    "not_found_home": {"en": "Go to the home page", "cy": "Mynd i'r hafan"},
    "not_found_search": {
        "en": "Or use the search at the top of the page.",
        "cy": "Neu defnyddiwch y blwch chwilio ar frig y dudalen.",
    },
    "not_found_other_language": {
        "en": "Chwilio am y fersiwn Gymraeg? Ewch i'r hafan Gymraeg.",
        "cy": "Looking for the English version? Go to the English home page.",
    },
}


def strings_for(language: str) -> dict[str, str]:
    """Every project string in ``language``; a missing translation is a KeyError, never English."""
    return {key: values[language] for key, values in STRINGS.items()}


def missing_translations() -> list[tuple[str, str]]:
    """(key, language) pairs with no string, or a Welsh string left identical to the English."""
    missing = []
    for key, values in STRINGS.items():
        for language in LANGUAGES:
            text = values.get(language, "").strip()
            if not text:
                missing.append((key, language))
            elif language != DEFAULT_LANGUAGE and text == values.get(DEFAULT_LANGUAGE):
                missing.append((key, language))
    return missing
