"""Interface strings the project adds, in both languages, in one place.

Material translates its own interface through its ``partials/languages``
files; everything else a page shows (and the strings Python-Markdown writes in
English, such as the heading permalink title) comes from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

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
        "cy": "Neu ddefnyddiwch y blwch chwilio ar frig y dudalen.",
    },
    "not_found_other_language": {
        "en": "Chwilio am y fersiwn Gymraeg? Ewch i'r hafan Gymraeg.",
        "cy": "Looking for the English version? Go to the English home page.",
    },
    "film_about": {"en": "About this film", "cy": "Am y ffilm hon"},
    "film_speaker": {"en": "Speaker", "cy": "Siaradwr"},
    "film_length": {"en": "Length", "cy": "Hyd"},
    "film_source": {"en": "Source", "cy": "Ffynhonnell"},
    # After a link to a page in English only, on pages in another language.
    "in_english_marker": {"en": "(in English)", "cy": "(Saesneg)"},
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
        "neu ddewiswch hi i chwarae'r ffilm o'r fan honno.",
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
    # Followed by the language's name: "Is-deitlau Cymraeg" ("yn Cymraeg" would need "yn Gymraeg").
    "subtitles_in": {"en": "Subtitles in", "cy": "Is-deitlau"},
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
    # "munud" is feminine: soft mutation after "un" and "dwy" (1, 2): "un funud", "dwy funud".
    "minutes_one": {"en": "1 minute", "cy": "1 funud"},
    "minutes_two": {"en": "2 minutes", "cy": "2 funud"},
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
    # My learning (leadership/learning.py, partials/learning-*.html, javascripts/learning.js).
    "learning_time_one": {"en": "About 1 minute", "cy": "Tua 1 funud"},
    "learning_time_two": {"en": "About 2 minutes", "cy": "Tua 2 funud"},
    "learning_time_many": {"en": "About {count} minutes", "cy": "Tua {count} munud"},
    "learning_notes_heading": {"en": "Your notes", "cy": "Eich nodiadau"},
    "learning_notes_intro": {
        "en": "Write your thoughts on each question. What you write is saved as you type, "
        "only in this browser on this device: nothing is sent to this website or to anyone "
        "else.",
        "cy": "Ysgrifennwch eich syniadau am bob cwestiwn. Mae'r hyn rydych chi'n ei "
        "ysgrifennu'n cael ei gadw wrth i chi deipio, yn y porwr hwn ar y ddyfais hon yn unig: "
        "nid oes dim yn cael ei anfon at y wefan hon nac at neb arall.",
    },
    "learning_note_label": {
        "en": "Your notes on question {number}: {question}",
        "cy": "Eich nodiadau ar gwestiwn {number}: {question}",
    },
    "learning_page_note_label": {
        "en": "Your notes on this page",
        "cy": "Eich nodiadau ar y dudalen hon",
    },
    "learning_done_label": {
        "en": "Mark this page as done",
        "cy": "Marcio'r dudalen hon yn gyflawn",
    },
    "learning_done_on": {"en": "Done on {date}.", "cy": "Wedi gorffen ar {date}."},
    "learning_status_done": {
        "en": "Marked as done and added to My learning.",
        "cy": "Wedi'i marcio'n gyflawn a'i hychwanegu at Fy nysgu.",
    },
    "learning_status_not_done": {
        "en": "No longer marked as done.",
        "cy": "Nid yw wedi'i marcio'n gyflawn mwyach.",
    },
    "learning_status_saved": {
        "en": "Your notes are saved on this device.",
        "cy": "Mae eich nodiadau wedi'u cadw ar y ddyfais hon.",
    },
    "learning_my_learning_link": {
        "en": "My learning: your progress, notes and CPD record",
        "cy": "Fy nysgu: eich cynnydd, eich nodiadau a'ch cofnod DPP",
    },
    "learning_needs_javascript": {
        "en": "Keeping notes and marking pages as done needs JavaScript, which is turned off "
        "in this browser. You can still read everything on this page.",
        "cy": "Mae angen JavaScript i gadw nodiadau a marcio tudalennau'n gyflawn, ac mae "
        "wedi'i ddiffodd yn y porwr hwn. Gallwch chi ddarllen popeth ar y dudalen hon o hyd.",
    },
    "learning_storage_blocked": {
        "en": "This browser is not letting the site keep anything (for example in a private "
        "window), so your notes and progress cannot be kept. You can still type, but what "
        "you write will be lost when you leave the page.",
        "cy": "Nid yw'r porwr hwn yn gadael i'r wefan gadw dim (er enghraifft mewn ffenestr "
        "breifat), felly ni ellir cadw eich nodiadau a'ch cynnydd. Gallwch chi deipio o hyd, "
        "ond bydd yr hyn rydych chi'n ei ysgrifennu'n cael ei golli pan fyddwch chi'n gadael "
        "y dudalen.",
    },
    "learning_nav_done": {"en": "(done)", "cy": "(wedi gorffen)"},
    "learning_progress": {
        "en": "{done} of {total} principles done.",
        "cy": "Wedi gorffen {done} o'r {total} egwyddor.",
    },
    "learning_progress_heading": {"en": "Your progress:", "cy": "Eich cynnydd:"},
    # The My learning page.
    "my_learning_done_heading": {"en": "What you have done", "cy": "Beth rydych chi wedi'i wneud"},
    "my_learning_empty": {
        "en": "You have not marked any page as done yet. At the end of each principle, film, "
        "activity and reading there is a box to tick when you finish it.",
        "cy": "Nid ydych chi wedi marcio unrhyw dudalen yn gyflawn eto. Ar ddiwedd pob "
        "egwyddor, ffilm, gweithgaredd a darn darllen mae blwch i'w dicio pan fyddwch chi'n "
        "ei gorffen.",
    },
    "my_learning_pages_done": {"en": "Pages done", "cy": "Tudalennau wedi'u gorffen"},
    "my_learning_total_hours": {"en": "Total hours", "cy": "Cyfanswm yr oriau"},
    "my_learning_done_on": {"en": "Done on", "cy": "Wedi gorffen ar"},
    "my_learning_time": {"en": "Time it counts for", "cy": "Yr amser mae'n cyfrif amdano"},
    "my_learning_hours": {"en": "Hours", "cy": "Oriau"},
    "my_learning_contribution": {
        "en": "How it contributed to your development",
        "cy": "Sut y cyfrannodd at eich datblygiad",
    },
    "my_learning_contribution_hint": {
        "en": "Filled in from your notes until you change it.",
        "cy": "Wedi'i lenwi o'ch nodiadau nes i chi ei newid.",
    },
    "my_learning_your_notes": {"en": "Your notes", "cy": "Eich nodiadau"},
    "my_learning_page_notes": {"en": "Notes on the page", "cy": "Nodiadau ar y dudalen"},
    "my_learning_other_notes_heading": {
        "en": "Notes on pages not yet done",
        "cy": "Nodiadau ar dudalennau sydd heb eu gorffen eto",
    },
    "my_learning_record_heading": {
        "en": "Your continuing professional development (CPD) record",
        "cy": "Eich cofnod Datblygiad Proffesiynol Parhaus (DPP)",
    },
    "my_learning_record_intro": {
        "en": "Print it, or download it to copy into your own record of continuing "
        "professional development.",
        "cy": "Argraffwch ef, neu lwythwch ef i lawr i'w gopïo i'ch cofnod eich hun o "
        "Ddatblygiad Proffesiynol Parhaus.",
    },
    "my_learning_record_caption": {
        "en": "Continuing professional development (CPD) record",
        "cy": "Cofnod Datblygiad Proffesiynol Parhaus (DPP)",
    },
    "my_learning_record_date": {"en": "Date", "cy": "Dyddiad"},
    "my_learning_record_title": {
        "en": "Name of the training or learning",
        "cy": "Enw'r hyfforddiant neu'r dysgu",
    },
    "my_learning_record_hours": {"en": "Hours", "cy": "Oriau"},
    "my_learning_record_contribution": {
        "en": "How it contributed to my professional development",
        "cy": "Sut y cyfrannodd at fy natblygiad proffesiynol",
    },
    "my_learning_print": {"en": "Print the CPD record", "cy": "Argraffu'r cofnod DPP"},
    "my_learning_export_csv": {
        "en": "Download the CPD record (CSV)",
        "cy": "Llwytho'r cofnod DPP i lawr (CSV)",
    },
    "my_learning_csv_headers": {
        "en": "date,title,hours,contribution",
        "cy": "dyddiad,teitl,oriau,cyfraniad",
    },
    "my_learning_csv_file": {"en": "cpd-record-{date}.csv", "cy": "cofnod-dpp-{date}.csv"},
    "my_learning_csv_done": {
        "en": "The CPD record has been downloaded.",
        "cy": "Mae'r cofnod DPP wedi'i lwytho i lawr.",
    },
    "my_learning_backup_heading": {
        "en": "Move your notes to another device",
        "cy": "Symud eich nodiadau i ddyfais arall",
    },
    "my_learning_export_json": {
        "en": "Download a backup (JSON)",
        "cy": "Llwytho copi wrth gefn i lawr (JSON)",
    },
    "my_learning_json_file": {
        "en": "my-learning-backup-{date}.json",
        "cy": "copi-wrth-gefn-fy-nysgu-{date}.json",
    },
    "my_learning_json_done": {
        "en": "The backup has been downloaded.",
        "cy": "Mae'r copi wrth gefn wedi'i lwytho i lawr.",
    },
    "my_learning_import": {
        "en": "Restore from a backup file (JSON)",
        "cy": "Adfer o ffeil copi wrth gefn (JSON)",
    },
    "my_learning_import_done": {
        "en": "Backup restored. Pages done: {pages}. Notes: {notes}.",
        "cy": "Wedi adfer y copi wrth gefn. Tudalennau wedi'u gorffen: {pages}. "
        "Nodiadau: {notes}.",
    },
    "my_learning_import_not_backup": {
        "en": "This file is not a backup from My learning, so nothing was changed.",
        "cy": "Nid copi wrth gefn o Fy nysgu yw'r ffeil hon, felly ni newidiwyd dim.",
    },
    "my_learning_import_future": {
        "en": "This backup was made by a newer version of this site, so it cannot be read "
        "here. Nothing was changed.",
        "cy": "Cafodd y copi wrth gefn hwn ei wneud gan fersiwn fwy diweddar o'r wefan "
        "hon, felly nid oes modd ei ddarllen yma. Ni newidiwyd dim.",
    },
    "my_learning_import_corrupt": {
        "en": "This backup file is damaged or incomplete, so it could not be read. Nothing "
        "was changed.",
        "cy": "Mae'r ffeil copi wrth gefn hon wedi'i difrodi neu'n anghyflawn, felly nid oedd "
        "modd ei darllen. Ni newidiwyd dim.",
    },
    "my_learning_delete_heading": {
        "en": "Delete everything",
        "cy": "Dileu popeth",
    },
    "my_learning_delete": {
        "en": "Delete all my notes and progress",
        "cy": "Dileu fy holl nodiadau a'm cynnydd",
    },
    "my_learning_delete_question": {
        "en": "This deletes every note and all your progress from this browser. It cannot be "
        "undone. Download a backup first if you want to keep them.",
        "cy": "Bydd hyn yn dileu pob nodyn a'ch holl gynnydd o'r porwr hwn. Nid oes modd "
        "dadwneud hyn. Llwythwch gopi wrth gefn i lawr yn gyntaf os ydych chi am eu cadw.",
    },
    "my_learning_delete_confirm": {"en": "Yes, delete everything", "cy": "Ie, dileu'r cyfan"},
    "my_learning_delete_cancel": {"en": "No, keep everything", "cy": "Na, cadw'r cyfan"},
    "my_learning_deleted": {"en": "Everything is deleted.", "cy": "Mae popeth wedi'i ddileu."},
    "my_learning_not_deleted": {"en": "Nothing was deleted.", "cy": "Ni chafodd dim ei ddileu."},
    # Workshop mode: the presenter view of an activity and the session planner.
    "present_link": {"en": "Present this activity", "cy": "Cyflwyno'r gweithgaredd hwn"},
    "present_title": {"en": "Present: {title}", "cy": "Cyflwyno: {title}"},
    "present_back": {"en": "Back to the guide", "cy": "Yn ôl i'r canllaw"},
    "present_step_of": {"en": "Step {number} of {count}", "cy": "Cam {number} o {count}"},
    "present_controls": {"en": "Presenter controls", "cy": "Rheolyddion cyflwyno"},
    "present_previous": {"en": "Previous step", "cy": "Cam blaenorol"},
    "present_next": {"en": "Next step", "cy": "Cam nesaf"},
    "present_start": {"en": "Start", "cy": "Dechrau"},
    "present_pause": {"en": "Pause", "cy": "Oedi"},
    "present_reset": {"en": "Reset", "cy": "Ailosod"},
    "present_sound": {
        "en": "Play a sound at one minute left and at time up",
        "cy": "Chwarae sain pan fydd munud ar ôl a phan fydd yr amser ar ben",
    },
    "present_step_time_left": {"en": "Time left for this step", "cy": "Amser ar ôl i'r cam hwn"},
    "present_session_planned": {"en": "Session planned", "cy": "Hyd y sesiwn"},
    "present_session_elapsed": {"en": "Elapsed", "cy": "Amser a aeth heibio"},
    "present_one_minute_left": {
        "en": "One minute left for step {number}.",
        "cy": "Un funud ar ôl i gam {number}.",
    },
    "present_time_up": {
        "en": "Time is up for step {number}.",
        "cy": "Mae'r amser ar ben i gam {number}.",
    },
    "present_keys": {
        "en": "Keys: right and left arrows for the next and previous step, space to start or "
        "pause, Home and End for the first and last step.",
        "cy": "Bysellau: y saethau de a chwith ar gyfer y cam nesaf a'r cam blaenorol, y bylchwr "
        "i ddechrau neu oedi, Home ac End ar gyfer y cam cyntaf a'r cam olaf.",
    },
    "present_guide_rest": {"en": "The rest of the guide", "cy": "Gweddill y canllaw"},
    "present_film_moment": {"en": "From the film", "cy": "O'r ffilm"},
    "present_plan_link": {
        "en": "Plan a session with this activity",
        "cy": "Cynllunio sesiwn gyda'r gweithgaredd hwn",
    },
    # The session planner (partials/planner.html, javascripts/planner.js).
    "plan_title": {"en": "Plan a session", "cy": "Cynllunio sesiwn"},
    "plan_description": {
        "en": "Choose activities, put them in order and print one pack with the agenda and "
        "every handout.",
        "cy": "Dewiswch weithgareddau, rhowch nhw mewn trefn ac argraffwch un pecyn gyda'r "
        "agenda a phob taflen.",
    },
    "plan_link": {
        "en": "Plan a session from several activities",
        "cy": "Cynllunio sesiwn o sawl gweithgaredd",
    },
    "plan_intro": {
        "en": "Choose the activities for your session, put them in order and set the start "
        "time: the agenda shows when each one starts. The address of this page keeps your "
        "choice, so you can bookmark it or share it. Print the page for one pack: the agenda, "
        "then the handout of each activity.",
        "cy": "Dewiswch y gweithgareddau ar gyfer eich sesiwn, rhowch nhw mewn trefn a "
        "gosodwch yr amser dechrau: mae'r agenda'n dangos pryd mae pob un yn dechrau. Mae "
        "cyfeiriad y dudalen hon yn cadw eich dewis, felly gallwch roi nod tudalen arno neu ei "
        "rannu. Argraffwch y dudalen i gael un pecyn: yr agenda, yna taflen pob gweithgaredd.",
    },
    "plan_needs_javascript": {
        "en": "Choosing and ordering activities needs JavaScript, which is turned off in this "
        "browser. Here are the activities and their lengths; each one links to its guide.",
        "cy": "Mae angen JavaScript i ddewis a threfnu gweithgareddau, ac mae wedi'i ddiffodd "
        "yn y porwr hwn. Dyma'r gweithgareddau a'u hyd; mae pob un yn cysylltu â'i ganllaw.",
    },
    "plan_agenda": {"en": "Session agenda", "cy": "Agenda'r sesiwn"},
    "plan_start": {"en": "Start time", "cy": "Amser dechrau"},
    "plan_total": {"en": "Total time", "cy": "Cyfanswm yr amser"},
    "plan_ends": {"en": "Ends at {time}", "cy": "Yn gorffen am {time}"},
    "plan_empty": {
        "en": "No activities chosen yet: choose them below.",
        "cy": "Nid oes gweithgareddau wedi'u dewis eto: dewiswch nhw isod.",
    },
    "plan_choose": {"en": "Choose activities", "cy": "Dewis gweithgareddau"},
    "plan_show": {"en": "Show the activities", "cy": "Dangos y gweithgareddau"},
    "plan_read_guide": {"en": "Read the guide", "cy": "Darllen y canllaw"},
    "plan_move_up": {"en": "Move up", "cy": "Symud i fyny"},
    "plan_move_down": {"en": "Move down", "cy": "Symud i lawr"},
    "plan_remove": {"en": "Remove", "cy": "Tynnu"},
    "plan_added": {
        "en": "{title} added. Total time: {total}.",
        "cy": "Wedi ychwanegu {title}. Cyfanswm yr amser: {total}.",
    },
    "plan_removed": {
        "en": "{title} removed. Total time: {total}.",
        "cy": "Wedi tynnu {title}. Cyfanswm yr amser: {total}.",
    },
    "plan_moved": {
        "en": "{title} is now number {position} of {count}.",
        "cy": "Mae {title} bellach yn rhif {position} o {count}.",
    },
    "plan_unknown": {
        "en": "The address names activities this site does not have, so they are left out: "
        "{names}.",
        "cy": "Mae'r cyfeiriad yn enwi gweithgareddau nad ydynt ar y wefan hon, felly maen nhw "
        "wedi'u gadael allan: {names}.",
    },
    "plan_bad_start": {
        "en": "The start time in the address is not a time of day, so the plan starts at "
        "{time}.",
        "cy": "Nid yw'r amser dechrau yn y cyfeiriad yn amser o'r dydd, felly mae'r cynllun yn "
        "dechrau am {time}.",
    },
    "plan_address": {
        "en": "Link to this plan, to bookmark or share",
        "cy": "Dolen i'r cynllun hwn, i roi nod tudalen arni neu ei rhannu",
    },
    "plan_print": {"en": "Print the session pack", "cy": "Argraffu pecyn y sesiwn"},
    # An hour count and a minute count are written side by side in both languages:
    # "1 hour 30 minutes", "1 awr 30 munud" ("awr" begins with a vowel: no mutation).
    "hours_one": {"en": "1 hour", "cy": "1 awr"},
    "hours_many": {"en": "{count} hours", "cy": "{count} awr"},
    "my_learning_needs_javascript": {
        "en": "My learning needs JavaScript, which is turned off in this browser: it is what "
        "keeps your notes and progress on your device. Everything else on this site can be "
        "read without it.",
        "cy": "Mae angen JavaScript ar Fy nysgu, ac mae wedi'i ddiffodd yn y porwr hwn: dyna "
        "sy'n cadw eich nodiadau a'ch cynnydd ar eich dyfais. Gellir darllen popeth arall ar "
        "y wefan hon hebddo.",
    },
}


# Strings that invite the reader to the other language, written in that language (the
# templates mark them with its lang): the spelling and Welsh checks read them as such.
WRITTEN_IN_THE_OTHER_LANGUAGE = frozenset({"language_switch_label", "not_found_other_language"})


@cache
def strings_for(language: str) -> Mapping[str, str]:
    """Every project string in ``language``; a missing translation is a KeyError, never English.
    Made once per language (every page's templates ask), and read-only: shared by them all."""
    return MappingProxyType({key: values[language] for key, values in STRINGS.items()})


def missing_translations() -> list[tuple[str, str]]:
    """(key, language) pairs with no string, or a Welsh string left identical to the English."""
    missing = []
    for key, values in STRINGS.items():
        for language in LANGUAGES:
            text = values.get(language, "").strip()
            if not text or language != DEFAULT_LANGUAGE and text == values.get(DEFAULT_LANGUAGE):
                missing.append((key, language))
    return missing
