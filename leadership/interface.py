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
    "film_about": {"en": "About this film", "cy": "Am y ffilm hon"},
    "film_speaker": {"en": "Speaker", "cy": "Siaradwr"},
    "film_length": {"en": "Length", "cy": "Hyd"},
    "film_source": {"en": "Source", "cy": "Ffynhonnell"},
    "film_player": {"en": "Film player", "cy": "Chwaraewr ffilm"},
    "film_no_video": {
        "en": "The film itself is not hosted on this site. You can watch it on the Social Care "
        "Wales page it comes from. The transcript below is the full text of the film.",
        "cy": "Nid yw'r ffilm ei hun ar y wefan hon. Gallwch ei gwylio ar dudalen Gofal "
        "Cymdeithasol Cymru lle cafodd ei chyhoeddi. Mae'r trawsgrifiad isod yn rhoi testun "
        "llawn y ffilm.",
    },
    "transcript_heading": {"en": "Transcript", "cy": "Trawsgrifiad"},
    "transcript_help": {
        "en": "Each timestamp is a link to that moment. Copy it to share the moment, or "
        "select it to play the film from there.",
        "cy": "Mae pob stamp amser yn ddolen i'r foment honno. Copïwch hi i rannu'r foment, "
        "neu dewiswch hi i chwarae'r ffilm o'r fan honno.",
    },
    "transcript_help_no_video": {
        "en": "Each timestamp is a link to that moment in the transcript. Copy it to share "
        "the moment with others.",
        "cy": "Mae pob stamp amser yn ddolen i'r foment honno yn y trawsgrifiad. Copïwch hi i "
        "rannu'r foment ag eraill.",
    },
    "watch_from": {"en": "Watch from", "cy": "Gwylio o"},
    "read_from": {"en": "Read from", "cy": "Darllen o"},
    "copy_link": {"en": "Copy link to this moment", "cy": "Copïo dolen i'r foment hon"},
    "link_copied": {"en": "Link copied", "cy": "Wedi copïo'r ddolen"},
    "downloads_heading": {"en": "Subtitles to download", "cy": "Is-deitlau i'w llwytho i lawr"},
    "subtitles_in": {"en": "Subtitles in", "cy": "Is-deitlau yn"},
    "language_name_en": {"en": "English", "cy": "Saesneg"},
    "language_name_cy": {"en": "Welsh", "cy": "Cymraeg"},
    # Activity guides and the activities index (partials/activity.html, activities-index.html).
    "activity_at_a_glance": {"en": "At a glance", "cy": "Cipolwg"},
    "activity_time": {"en": "Time", "cy": "Amser"},
    "activity_people": {"en": "Group size", "cy": "Maint y grŵp"},
    "activity_audience": {"en": "Who it is for", "cy": "Ar gyfer pwy"},
    "activity_materials": {"en": "What you need", "cy": "Beth sydd ei angen"},
    "activity_no_materials": {"en": "Nothing", "cy": "Dim byd"},
    "activity_principles": {"en": "Principles it practises", "cy": "Egwyddorion ar waith"},
    "activity_outcomes": {"en": "Learning outcomes", "cy": "Deilliannau dysgu"},
    "activity_steps": {"en": "Steps", "cy": "Camau"},
    "activity_film_moments": {"en": "In the films", "cy": "Yn y ffilmiau"},
    "minutes_one": {"en": "1 minute", "cy": "1 munud"},
    "minutes_many": {"en": "{count} minutes", "cy": "{count} munud"},
    "people_one": {"en": "1 person", "cy": "Un person"},
    "people_many": {"en": "{count} people", "cy": "{count} o bobl"},
    "people_range": {"en": "{min} to {max} people", "cy": "{min} i {max} o bobl"},
    "activities_by_principle": {"en": "By principle", "cy": "Yn ôl egwyddor"},
    "activities_by_length": {"en": "By length", "cy": "Yn ôl hyd"},
    "length_short": {"en": "Up to 20 minutes", "cy": "Hyd at 20 munud"},
    "length_medium": {"en": "21 to 45 minutes", "cy": "21 i 45 munud"},
    "length_long": {"en": "Over 45 minutes", "cy": "Dros 45 munud"},
    # Printed pages (overrides/partials/print-header.html).
    "print_qr_caption": {
        "en": "Scan the code to open this page online:",
        "cy": "Sganiwch y cod i agor y dudalen hon ar-lein:",
    },
    "print_qr_title": {
        "en": "QR code that opens this page",
        "cy": "Cod QR sy'n agor y dudalen hon",
    },
    # Draft translations (overrides/partials/draft-notice.html): shown on both pages of a pair.
    "translation_draft_title": {"en": "Draft translation", "cy": "Cyfieithiad drafft"},
    "translation_draft_body": {
        "en": "The Welsh version of this page is a draft translation. It has not been reviewed "
        "yet, and it may change.",
        "cy": "Cyfieithiad drafft yw'r dudalen hon. Nid yw wedi cael ei hadolygu eto, a gallai "
        "newid.",
    },
    "subtitles_draft_body": {
        "en": "The Welsh subtitles and transcript of this film are a draft translation. They have "
        "not been reviewed yet, and they may change.",
        "cy": "Cyfieithiad drafft yw'r is-deitlau Cymraeg a'r trawsgrifiad Cymraeg o'r ffilm hon. "
        "Nid ydynt wedi cael eu hadolygu eto, a gallent newid.",
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
            if not text or language != DEFAULT_LANGUAGE and text == values.get(DEFAULT_LANGUAGE):
                missing.append((key, language))
    return missing
