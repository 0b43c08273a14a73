"""My learning: what each learning page offers the reader's own record.

A learning page (a principle, a reading, a film or an activity guide) shows at its top how
long it takes, has a private notes box for each of its reflection questions (or one for the
page when it has none), and a "mark as done" control. What the reader writes and marks is
kept by overrides/assets/javascripts/learning.js in their browser only; this module gives
the templates (overrides/partials/content.html, partials/learning-*.html) what they show.

Page keys and question ids are the same in both languages, so a note written on a Welsh
page shows on the English one: the key is the page's path without its language folder
(``principles/attending/``), the question id its place in the list (``q1``, ``q2``, …).
"""

from __future__ import annotations

import html as html_module
import math
import re
import weakref
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from markupsafe import escape
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from leadership.interface import strings_for
from leadership.languages import DEFAULT_LANGUAGE
from leadership.markdown_source import fenced_code_spans, mask
from leadership.pages.title import split_after_title
from leadership.reporting import Problem, shown_path

LEARNING_KINDS = ("principle", "reading", "film", "activity")
# Attentive reading of study material, slower than the ~240 words a minute of light reading.
WORDS_PER_MINUTE = 200
REFLECTION_SECTION_ID = "reflection-questions"
# The id of a page's single notes box when it has no reflection questions.
PAGE_NOTE_ID = "notes"
MY_LEARNING_PAGE = "my-learning.md"
# The headings partials/learning-notes.html and learning-record.html write, with their ids.
NOTES_SECTION_ID = "your-notes"
RECORD_SECTIONS = (
    ("my_learning_done_heading", "what-you-have-done"),
    ("my_learning_record_heading", "cpd-record"),
    ("my_learning_backup_heading", "move-your-notes"),
    ("my_learning_delete_heading", "delete-everything"),
)
PRINCIPLES_OVERVIEW = "principles/index.md"

_SECTION = re.compile(
    rf'<h2 id="{REFLECTION_SECTION_ID}"[^>]*>.*?</h2>(?P<body>.*?)(?=<h2[\s>]|\Z)', re.S
)
_LIST = re.compile(r"<ol[^>]*>(?P<items>.*?)</ol>", re.S)
_ITEM = re.compile(r"<li[^>]*>(?P<text>.*?)</li>", re.S)
_TAG = re.compile(r"<[^>]+>")
_HEADER_LINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# In Markdown sources: the reflection section's heading, any level-2 heading, a numbered item.
_SOURCE_SECTION = re.compile(rf"^##\s.*\{{[^}}]*#{REFLECTION_SECTION_ID}\b[^}}]*\}}\s*$")
_SOURCE_HEADING = re.compile(r"^#{1,2}\s")
_SOURCE_ITEM = re.compile(r"^\d+[.)]\s+\S")


@dataclass(frozen=True)
class LearningItem:
    """A learning page as My learning lists it, in one language."""

    key: str
    title: str
    kind: str
    minutes: int
    url: str
    questions: tuple[str, ...] = field(default=())

    @property
    def notes(self) -> tuple[tuple[str, str], ...]:
        """(note id, question) for each notes box: one for the page ("") without questions."""
        if not self.questions:
            return ((PAGE_NOTE_ID, ""),)
        return tuple(zip(question_ids(len(self.questions)), self.questions, strict=True))


def page_key(src_uri: str, language: str) -> str:
    """The language-independent key of a page: its path without the language folder."""
    path = PurePosixPath(src_uri)
    if path.parts[:1] == (language,):
        path = PurePosixPath(*path.parts[1:])
    if path.name == "index.md":
        folder = path.parent.as_posix()
        return "" if folder == "." else folder + "/"
    return path.with_suffix("").as_posix() + "/"


def question_ids(count: int) -> tuple[str, ...]:
    return tuple(f"q{number}" for number in range(1, count + 1))


def plain_text(html: str) -> str:
    text = _TAG.sub(" ", _HEADER_LINK.sub("", html))
    return " ".join(html_module.unescape(text).split())


def reading_minutes(html: str) -> int:
    """Minutes to read a page's text at WORDS_PER_MINUTE, never less than one."""
    words = len(_WORD.findall(plain_text(html)))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def film_minutes(duration: str) -> int:
    """A film's length ("MM:SS", as films.yml has it) in whole minutes, rounded up."""
    minutes, seconds = (int(part) for part in duration.split(":"))
    return max(1, minutes + (1 if seconds else 0))


def reflection_questions(html: str) -> tuple[tuple[str, ...], int | None]:
    """The reflection questions' text, and where their list ends in ``html`` (None: no list)."""
    section = _SECTION.search(html)
    if not section:
        return (), None
    listed = _LIST.search(html, section.start("body"), section.end("body"))
    if not listed:
        return (), None
    questions = tuple(plain_text(item["text"]) for item in _ITEM.finditer(listed["items"]))
    return questions, listed.end()


def time_text(minutes: int, language: str) -> str:
    """"About 12 minutes", "Tua 12 munud" (and "Tua 1 funud", "Tua 2 funud": munud is feminine)."""
    ui = strings_for(language)
    if minutes == 1:
        return ui["learning_time_one"]
    if minutes == 2:
        return ui["learning_time_two"]
    return ui["learning_time_many"].format(count=minutes)


def _minutes(page, films) -> int:
    kind = page.meta.get("kind")
    if kind == "activity":
        return int(page.meta["duration"])
    if kind == "film":
        return film_minutes(films[page.meta["film"]].duration)
    return reading_minutes(split_after_title(page.content or "")[1])


def _learning_item(page, films) -> LearningItem:
    questions, _ = reflection_questions(page.content or "")
    return LearningItem(
        key=page_key(page.file.src_uri, page.file.locale),
        title=page.meta.get("title") or page.title,
        kind=page.meta["kind"],
        minutes=_minutes(page, films),
        url=page.url,
        questions=questions,
    )


def is_learning_page(page) -> bool:
    return page.meta.get("kind") in LEARNING_KINDS


@dataclass(frozen=True)
class Catalogue:
    """A language build's learning pages, in navigation order, and where My learning is."""

    items: tuple[LearningItem, ...]
    by_key: dict[str, LearningItem]
    my_learning_url: str | None


# One catalogue per navigation (each language's build has its own), built on first use:
# every page's content is rendered before the first page's template context is made.
_catalogues: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def catalogue(nav, films: dict) -> Catalogue:
    """Every learning page of this language's build, and the My learning page's address.
    ``films`` are the build's films by slug (leadership.content.FilmLibrary.films)."""
    if nav not in _catalogues:
        items = tuple(_learning_item(page, films) for page in nav.pages if is_learning_page(page))
        my_learning = next(
            (page.url for page in nav.pages if language_page(page) == MY_LEARNING_PAGE), None
        )
        _catalogues[nav] = Catalogue(items, {item.key: item for item in items}, my_learning)
    return _catalogues[nav]


def language_page(page) -> str:
    """The page's path inside its language folder (``principles/index.md``)."""
    parts = PurePosixPath(page.file.src_uri).parts
    if parts[:1] == (page.file.locale,):
        return PurePosixPath(*parts[1:]).as_posix()
    return page.file.src_uri


# The strings learning.js writes into pages itself; on My learning it writes many more.
SCRIPT_STRINGS = (
    "learning_done_on",
    "learning_nav_done",
    "learning_progress",
    "learning_status_done",
    "learning_status_not_done",
    "learning_status_saved",
)


def script_strings(language: str, on_my_learning_page: bool) -> dict[str, str]:
    """The interface strings learning.js needs on a page."""
    ui = strings_for(language)
    if on_my_learning_page:
        prefixes = ("learning_", "my_learning_")
        return {key: text for key, text in ui.items() if key.startswith(prefixes)}
    return {key: ui[key] for key in SCRIPT_STRINGS}


def learning_page_context(page, nav, films: dict, body: str) -> dict:
    """What the templates need on any page: learning.js's settings, and on a learning page
    its item and ``body`` (its content after the title, leadership.pages.title) split
    around the notes; the catalogue on My learning, the principles' keys on their overview.
    The headings the templates add go into the page's table of contents."""
    language = page.file.locale
    pages = catalogue(nav, films)
    items = pages.items
    where = language_page(page)
    my_learning = pages.my_learning_url
    context: dict = {
        "language": language,
        "key": page_key(page.file.src_uri, language),
        "my_learning_url": get_relative_url(my_learning, page.url) if my_learning else "",
        "strings": script_strings(language, where == MY_LEARNING_PAGE),
    }
    ui = strings_for(language)
    if where == MY_LEARNING_PAGE:
        context["catalogue"] = [_catalogue_entry(item, page) for item in items]
        _add_to_contents(page, [(ui[key], anchor) for key, anchor in RECORD_SECTIONS])
    elif where == PRINCIPLES_OVERVIEW:
        context["progress_keys"] = [item.key for item in items if item.kind == "principle"]
    if not is_learning_page(page):
        return context
    item = pages.by_key[context["key"]]
    _add_to_contents(
        page, [(ui["learning_notes_heading"], NOTES_SECTION_ID)], after=REFLECTION_SECTION_ID
    )
    _, list_end = reflection_questions(body)
    notes_at = list_end if list_end is not None else len(body)
    context.update(
        item=item,
        time_text=time_text(item.minutes, language),
        notes=[
            {"id": note_id, "question": question, "number": number}
            for number, (note_id, question) in enumerate(item.notes, start=1)
        ],
        content_before_notes=body[:notes_at],
        content_after_notes=body[notes_at:],
        # A page with no reflection questions has its notes box last, after anything the
        # templates show after its content (a film's transcript).
        notes_at_end=list_end is None,
    )
    return context


def _add_to_contents(page, entries, after: str | None = None) -> None:
    """Put the templates' headings (level 2) in the page's table of contents, in page order:
    after the section ``after`` when the page has it, otherwise at the end."""
    items = page.toc.items
    if len(items) == 1 and items[0].level == 1:
        items = items[0].children
    if any(item.id == anchor for item in items for _, anchor in entries):
        return  # already added (the page's context is made again)
    position = next((i + 1 for i, item in enumerate(items) if item.id == after), len(items))
    items[position:position] = [
        AnchorLink(str(escape(title)), anchor, 2) for title, anchor in entries
    ]


def _catalogue_entry(item: LearningItem, from_page) -> dict:
    return {
        "key": item.key,
        "title": item.title,
        "kind": item.kind,
        "minutes": item.minutes,
        "url": get_relative_url(item.url, from_page.url),
        "questions": dict(item.notes),
    }



# --- the sources: reflection questions written so that notes follow them ---------------


@dataclass(frozen=True)
class SourceQuestions:
    """A page source's reflection section: its heading's line and its numbered questions."""

    line: int
    count: int
    other_lines: int  # non-blank lines in the section that are not numbered questions


def source_questions(text: str) -> SourceQuestions | None:
    """The reflection section of a Markdown page, or None when it has none."""
    lines = mask(text, fenced_code_spans(text)).split("\n")
    for index, line in enumerate(lines):
        if not _SOURCE_SECTION.match(line):
            continue
        count = other = 0
        for following in lines[index + 1 :]:
            if _SOURCE_HEADING.match(following):
                break
            if _SOURCE_ITEM.match(following):
                count += 1
            elif following.strip() and not following.startswith((" ", "\t")):
                other += 1
        return SourceQuestions(index + 1, count, other)
    return None


def reflection_question_problems(
    texts: dict[Path, str], docs_dir: Path, root: Path
) -> list[Problem]:
    """Reflection sections that would not give each question its own notes box, or that
    differ between the languages (a note is kept against its question's place in the list)."""
    problems = []
    for path, text in sorted(texts.items()):
        relative = path.relative_to(docs_dir)
        language, page = relative.parts[0], PurePosixPath(*relative.parts[1:])
        section = source_questions(text)
        if section is None:
            continue
        shown = shown_path(path, root)
        if section.count == 0 or section.other_lines:
            problems.append(Problem(
                shown, section.line, "reflection-questions-list",
                "write the reflection questions as one numbered list straight under this "
                "heading (1. 2. 3.), with nothing else in the section, so each question gets "
                "its own notes box",
            ))
        if language == DEFAULT_LANGUAGE:
            continue
        source_path = docs_dir / DEFAULT_LANGUAGE / page
        source = source_questions(texts.get(source_path, ""))
        if source is None:
            if source_path in texts:
                problems.append(Problem(
                    shown, section.line, "reflection-questions-parity",
                    f"{shown_path(source_path, root)} has no section with id "
                    f"{REFLECTION_SECTION_ID}: give both languages the same reflection questions",
                ))
        elif source.count != section.count:
            problems.append(Problem(
                shown, section.line, "reflection-questions-parity",
                f"{section.count} reflection questions here, {source.count} in "
                f"{shown_path(source_path, root)}: keep the same questions in the same order in "
                "both languages, so a reader's notes stay with their question",
            ))
    return problems
