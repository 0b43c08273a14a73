"""Which version of the English each Welsh page and each set of Welsh subtitles translates.

A Welsh page's front matter records the English page it was translated from, as a hash,
and whether the translation has been reviewed::

    translation:
      source: "1a2b3c4d5e6f"    # source_hash() of docs/en/<same path>
      status: reviewed          # or draft

Each film in ``transcripts/films.yml`` records the same for its ``.cy.srt`` against its
``.en.srt``. When the English changes, its hash no longer matches: the check reports the
Welsh as outdated until someone updates it and stamps it again (``stamp``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from leadership.languages import DEFAULT_LANGUAGE, LANGUAGES
from leadership.pages.front_matter_source import block_end, read_front_matter
from leadership.pages.frontmatter import (
    SOURCE_HASH,
    STAMP_COMMAND,
    STATUSES,
    TRANSLATION_KEY,
    TRANSLATION_KEYS,
    read_text,
)
from leadership.reporting import ContentError, Problem, shown_path
from leadership.subtitles.films import read_films_document

HASH_LENGTH = 12
FILMS_FILE = "films.yml"
REVIEWED, DRAFT = STATUSES
TRANSLATED_LANGUAGES = tuple(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)


def source_hash(path: Path) -> str:
    """The first 12 hex digits of the SHA-256 of a file's bytes, line endings made LF."""
    data = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class Translation:
    """One translated file and what its record says."""

    path: str  # the translation, as shown: docs/cy/x.md or transcripts/<slug>.cy.srt
    source_path: str  # what it translates
    record_path: str  # where the record is: the page itself, or transcripts/films.yml
    line: int  # the line of the record's ``translation:`` key
    recorded: str | None  # the hash recorded; None when there is no valid record
    status: str | None
    current: str | None  # the source's hash now; None when the source is missing

    @property
    def outdated(self) -> bool:
        return self.current is not None and self.recorded != self.current

    def describe(self) -> str:
        if self.recorded is None or self.status is None:
            return "no translation record"
        state = "outdated" if self.outdated else "up to date"
        return f"{self.status}, {state}"


# --- pages -------------------------------------------------------------------------------


def english_counterpart(docs_dir: Path, welsh_page: Path) -> Path:
    for language in TRANSLATED_LANGUAGES:
        folder = docs_dir / language
        if welsh_page.is_relative_to(folder):
            return docs_dir / DEFAULT_LANGUAGE / welsh_page.relative_to(folder)
    raise ValueError(f"{welsh_page} is not in a translated language's folder")


def page_translation(root: Path, docs_dir: Path, page: Path) -> Translation | None:
    """A Welsh page's record; None when its front matter cannot be read (reported there)."""
    shown = shown_path(page, root)
    try:
        front = read_front_matter(read_text(page, shown), shown)
    except ContentError:
        return None
    english = english_counterpart(docs_dir, page)
    block = front.data.get(TRANSLATION_KEY)
    recorded, status = _valid_record(block)
    return Translation(
        path=shown,
        source_path=shown_path(english, root),
        record_path=shown,
        line=front.line(TRANSLATION_KEY),
        recorded=recorded,
        status=status,
        current=source_hash(english) if english.is_file() else None,
    )


def _valid_record(block) -> tuple[str | None, str | None]:
    if not isinstance(block, dict):
        return None, None
    source, status = block.get("source"), block.get("status")
    recorded = source if isinstance(source, str) and SOURCE_HASH.fullmatch(source) else None
    return recorded, status if status in STATUSES else None


def welsh_pages(docs_dir: Path) -> list[Path]:
    pages = []
    for language in TRANSLATED_LANGUAGES:
        folder = docs_dir / language
        if folder.is_dir():
            pages += sorted(path for path in folder.rglob("*.md") if path.is_file())
    return pages


def page_translations(root: Path, docs_dir: Path | None = None) -> list[Translation]:
    docs_dir = docs_dir or root / "docs"
    found = (page_translation(root, docs_dir, page) for page in welsh_pages(docs_dir))
    return [translation for translation in found if translation is not None]


# --- subtitles ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FilmRecord:
    """A film's entry in films.yml, as the nodes that stamping edits."""

    slug: str
    entry: yaml.MappingNode
    keys: dict[str, tuple[yaml.Node, yaml.Node]]


def read_film_records(films_file: Path, shown: str) -> tuple[str, list[FilmRecord]]:
    """films.yml's text and its films; raises ContentError when it cannot be read."""
    text, root = read_films_document(films_file, shown)
    records = []
    films = _mapping(root).get("films", (None, None))[1]
    for entry in films.value if isinstance(films, yaml.SequenceNode) else ():
        keys = _mapping(entry)
        slug = keys.get("slug", (None, None))[1]
        if isinstance(entry, yaml.MappingNode) and isinstance(slug, yaml.ScalarNode):
            records.append(FilmRecord(str(slug.value), entry, keys))
    return text, records


def _mapping(node) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): (key, value) for key, value in node.value}


def subtitle_translations(root: Path, transcripts_dir: Path | None = None) -> list[Translation]:
    """Each film's Welsh subtitles and their record in films.yml."""
    transcripts_dir = transcripts_dir or root / "transcripts"
    films_file = transcripts_dir / FILMS_FILE
    _, records = read_film_records(films_file, shown_path(films_file, root))
    translations = []
    for record in records:
        english = transcripts_dir / f"{record.slug}.{DEFAULT_LANGUAGE}.srt"
        block_nodes = record.keys.get(TRANSLATION_KEY)
        block = yaml.safe_load(yaml.serialize(block_nodes[1])) if block_nodes else None
        line = (block_nodes[0] if block_nodes else record.entry).start_mark.line + 1
        recorded, status = _valid_record(block)
        for language in TRANSLATED_LANGUAGES:
            translations.append(
                Translation(
                    path=shown_path(transcripts_dir / f"{record.slug}.{language}.srt", root),
                    source_path=shown_path(english, root),
                    record_path=shown_path(films_file, root),
                    line=line,
                    recorded=recorded,
                    status=status,
                    current=source_hash(english) if english.is_file() else None,
                )
            )
    return translations


def subtitle_record_problems(root: Path, transcripts_dir: Path | None = None) -> list[Problem]:
    """Films with no translation record, or one that is not {source, status}."""
    transcripts_dir = transcripts_dir or root / "transcripts"
    films_file = transcripts_dir / FILMS_FILE
    shown = shown_path(films_file, root)
    _, records = read_film_records(films_file, shown)
    problems = []
    for record in records:
        subtitles = f"transcripts/{record.slug}.cy.srt"
        if TRANSLATION_KEY not in record.keys:
            problems.append(
                Problem(shown, record.entry.start_mark.line + 1, "translation-record",
                        f"film {record.slug!r} has no 'translation:' record for {subtitles}; "
                        f"after checking the Welsh subtitles, run: {STAMP_COMMAND} {subtitles}")
            )
            continue
        key_node, block = record.keys[TRANSLATION_KEY]
        fields = _mapping(block)
        line = key_node.start_mark.line + 1
        unknown = [key for key in fields if key not in TRANSLATION_KEYS]
        source = fields.get("source", (None, None))[1]
        status = fields.get("status", (None, None))[1]
        valid_source = (
            isinstance(source, yaml.ScalarNode)
            and source.tag.endswith(":str")
            and SOURCE_HASH.fullmatch(str(source.value))
        )
        valid_status = isinstance(status, yaml.ScalarNode) and status.value in STATUSES
        if unknown or not valid_source or not valid_status:
            problems.append(
                Problem(shown, line, "translation-record",
                        f"film {record.slug!r}: translation must be {{source: \"<12 hex digits>\", "
                        f"status: reviewed or draft}}; run: {STAMP_COMMAND} {subtitles}")
            )
    return problems


# --- the check ---------------------------------------------------------------------------


def translation_problems(translations: list[Translation]) -> list[Problem]:
    """Outdated translations (errors when reviewed, warnings when draft) and drafts."""
    problems = []
    for item in translations:
        if item.recorded is None or item.status is None or item.current is None:
            continue  # no valid record (front matter check) or no source (page parity)
        stamp = f"{STAMP_COMMAND} {item.path}"
        if item.outdated:
            if item.status == REVIEWED:
                message = (
                    f"{item.source_path} has changed since this translation was reviewed "
                    f"(recorded {item.recorded}, now {item.current}): update the Welsh to match, "
                    f"then run: {stamp}"
                )
                severity = "error"
            else:
                message = (
                    f"draft translation of an older version of {item.source_path} (recorded "
                    f"{item.recorded}, now {item.current}): bring it up to date, then run: {stamp}"
                )
                severity = "warning"
            problems.append(
                Problem(item.record_path, item.line, "translation-outdated", message, severity)
            )
        elif item.status == DRAFT:
            problems.append(
                Problem(item.record_path, item.line, "translation-draft",
                        f"{item.path} is a draft translation and shows a notice saying so; once "
                        f"it has been reviewed, run: {stamp}", "warning")
            )
    return problems


def films_file_accepts_records() -> bool:
    """Whether the film metadata loader (leadership.subtitles.films) allows a film's
    translation record."""
    from leadership.subtitles import films

    return TRANSLATION_KEY in getattr(films, "OPTIONAL_KEYS", ())


NOT_TRACKED = (
    "the Welsh subtitles' translation records are not checked yet: the film metadata loader "
    "(leadership/subtitles/films.py) does not accept a 'translation' key in films.yml"
)


def check_translations(root: Path) -> tuple[list[Problem], int, list[Translation]]:
    """(problems, files checked, every translation) for pages and subtitles."""
    translations = page_translations(root)
    problems: list[Problem] = []
    if films_file_accepts_records():
        try:
            translations += subtitle_translations(root)
            problems += subtitle_record_problems(root)
        except ContentError as error:
            problems += error.problems
    else:
        films_file = shown_path(root / "transcripts" / FILMS_FILE, root)
        problems.append(Problem(films_file, 1, "translation-record", NOT_TRACKED, "warning"))
    problems += translation_problems(translations)
    return sorted(set(problems)), len(translations), translations


# --- stamping ----------------------------------------------------------------------------


def record_lines(source_hash_value: str, status: str, indent: str = "") -> list[str]:
    return [
        f"{indent}{TRANSLATION_KEY}:",
        f'{indent}  source: "{source_hash_value}"',
        f"{indent}  status: {status}",
    ]


def stamp_page(root: Path, docs_dir: Path, page: Path, status: str = REVIEWED) -> str:
    """Record in a Welsh page the hash of its English page now; return a one-line report."""
    shown = shown_path(page, root)
    english = english_counterpart(docs_dir, page)
    if not english.is_file():
        raise ContentError(
            [Problem(shown, 1, "page-parity", f"no English page {shown_path(english, root)}")]
        )
    raw = page.read_bytes().decode("utf-8")
    newline = "\r\n" if "\r\n" in raw else "\n"
    front = read_front_matter(raw, shown)
    lines = front.source.text.split("\n")
    new = record_lines(source_hash(english), status)
    if TRANSLATION_KEY in front.entry_lines:
        first, last = front.entry_lines[TRANSLATION_KEY]
        lines[first - 1 : last] = new
    else:
        closing = front.source.body_line - 2  # index of the closing '---' line
        lines[closing:closing] = new
    page.write_bytes(newline.join(lines).encode("utf-8"))
    return f"{shown}: {status}, translates {shown_path(english, root)} ({source_hash(english)})"


SUBTITLE_NAME = re.compile(r"(?P<slug>[a-z0-9-]+)\.(?P<language>[a-z]{2})\.srt")


def stamp_subtitles(root: Path, subtitles: Path, status: str = REVIEWED) -> str:
    """Record in films.yml the hash of a film's English subtitles now."""
    match = SUBTITLE_NAME.fullmatch(subtitles.name)
    shown = shown_path(subtitles, root)
    if not match or match["language"] not in TRANSLATED_LANGUAGES:
        raise ContentError(
            [Problem(shown, 1, "translation-record",
                     "stamp Welsh subtitles by their file: transcripts/<film>.cy.srt")]
        )
    if not films_file_accepts_records():
        raise ContentError([Problem(shown, 1, "translation-record", NOT_TRACKED)])
    transcripts_dir = subtitles.parent
    films_file = transcripts_dir / FILMS_FILE
    english = transcripts_dir / f"{match['slug']}.{DEFAULT_LANGUAGE}.srt"
    if not english.is_file():
        raise ContentError(
            [Problem(shown, 1, "translation-record", f"no English subtitles {english.name}")]
        )
    text, records = read_film_records(films_file, shown_path(films_file, root))
    record = next((r for r in records if r.slug == match["slug"]), None)
    if record is None:
        raise ContentError(
            [Problem(shown_path(films_file, root), 1, "translation-record",
                     f"no film {match['slug']!r} in films.yml")]
        )
    if record.entry.flow_style:
        raise ContentError(
            [Problem(shown_path(films_file, root), record.entry.start_mark.line + 1,
                     "translation-record", f"write film {record.slug!r} as a block, one key a "
                     "line, so that its translation record can be stamped")]
        )
    lines = text.split("\n")
    indent = record.entry.value[0][0].start_mark.column
    new = record_lines(source_hash(english), status, " " * indent)
    if TRANSLATION_KEY in record.keys:
        first = record.keys[TRANSLATION_KEY][0].start_mark.line
        lines[first : block_end(lines, first, indent + 1) + 1] = new
    else:
        after = block_end(lines, record.entry.start_mark.line, indent) + 1
        lines[after:after] = new
    films_file.write_text("\n".join(lines), encoding="utf-8")
    return f"{shown}: {status}, translates {english.name} ({source_hash(english)})"
