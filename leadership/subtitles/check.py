"""Checks subtitle files: structure, timing, readability, and completeness across languages.

Structure comes from the one parser, ``leadership.subtitles.cues``; every rule id and threshold
comes from ``leadership.subtitles.rules``. Files pair by name: ``<film>.en.srt`` with
``<film>.cy.srt`` in the same folder, and belong to a film in that folder's films.yml.
Every file is checked and every problem collected; nothing stops at the first.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from leadership.languages import DEFAULT_LANGUAGE, ENGLISH_NAMES, LANGUAGES, inside
from leadership.reporting import ContentError, Problem
from leadership.subtitles.accepted_warnings import FILE_NAME as ACCEPTED_WARNINGS_FILE
from leadership.subtitles.accepted_warnings import apply_accepted, read_accepted
from leadership.subtitles.cues import (
    FORMATTING_TAG,
    HTML_TAG,
    Cue,
    count_cues,
    decode_utf8,
    format_timestamp,
    phrase_pattern,
    plain_text,
    scan_srt,
)
from leadership.subtitles.films import FILMS_FILE, Film, read_films_file
from leadership.subtitles.films import RULE as FILM_METADATA
from leadership.subtitles.rules import (
    NAME_LINKING_WORDS,
    PAIR_TOLERANCE_MS,
    UNTRANSLATED_ALLOWED,
    problem,
    thresholds,
)

SUBTITLE_FILE = re.compile(r"(?P<film>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<language>[a-z]{2,3})\.srt")
WORD = re.compile(r"[^\W\d_][\w'’-]*")
EDGE_PUNCTUATION = " .,!?;:…'\"‘’“”-–—()"


@dataclass
class SubtitleFile:
    """One checked SRT file: what it is, its cues, and its own problems."""

    path: Path
    name: str  # the path as shown in problems
    film: str | None
    language: str | None
    cues: list[Cue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    data: bytes | None = None  # as read, for the checks that read the text too (Welsh)


@dataclass
class SubtitleCheck:
    """What checking subtitle files found, and what it read: each file's cues, parsed once,
    and the films of films.yml, so a build uses them rather than read them again."""

    problems: list[Problem]
    checked: int  # files checked
    files: dict[Path, SubtitleFile] = field(default_factory=dict)  # by resolved path
    films: list[Film] | None = None  # films.yml's films, None when it was not read or is broken
    accepted: int = 0  # reviewed warnings left out (transcripts/accepted-warnings.yml)
    accepted_in: list[str] = field(default_factory=list)  # the files that list them

    @property
    def note(self) -> str:
        """What the summary line adds: how many reviewed warnings were left out, and where."""
        if not self.accepted:
            return ""
        return f"{self.accepted} reviewed warnings accepted in {', '.join(self.accepted_in)}"


def film_and_language(path: Path) -> tuple[str | None, str | None]:
    """("slug", "cy") for slug.cy.srt; (None, None) for a name not of that form."""
    match = SUBTITLE_FILE.fullmatch(path.name)
    return (match["film"], match["language"]) if match else (None, None)


# --- one file ----------------------------------------------------------------------------


def check_text(
    text: str, path: str, language: str | None = None
) -> tuple[list[Cue], list[Problem]]:
    """The cues of an SRT text and every structural, timing and readability problem."""
    cues, problems = scan_srt(text, path)
    problems.extend(check_cues(cues, path, language))
    return cues, problems


def check_bytes(
    data: bytes, path: str, language: str | None = None
) -> tuple[list[Cue], list[Problem]]:
    """As check_text, for a file's bytes: not UTF-8 is reported, then checked as decoded."""
    text, problems = decode_utf8(data, path)
    cues, more = check_text(text, path, language)
    return cues, problems + more


def check_file(path: Path, name: str | None = None) -> SubtitleFile:
    """Read and check one SRT file; an unreadable file is a problem, not an exception."""
    name = name or path.as_posix()
    film, language = film_and_language(path)
    result = SubtitleFile(path, name, film, language)
    try:
        data = path.read_bytes()
    except OSError as exc:
        result.problems.append(problem("unreadable-file", name, 1, f"cannot read: {exc.strerror}"))
        return result
    result.data = data
    result.cues, result.problems = check_bytes(data, name, language)
    return result


def check_cues(cues: Sequence[Cue], path: str, language: str | None = None) -> list[Problem]:
    """Timing and readability problems of a file's cues, with the thresholds of its language."""
    limits = thresholds(language)
    min_duration, max_duration = limits.min_duration_ms, limits.max_duration_ms
    min_gap = limits.min_gap_ms
    max_cps, warn_cps = limits.max_cps, limits.warn_cps
    max_lines, max_length = limits.max_lines, limits.max_line_length
    problems: list[Problem] = []
    add = problems.append
    times = [(round(cue.start * 1000), round(cue.end * 1000)) for cue in cues]
    previous_words = None
    previous_line = 0
    last = len(cues) - 1
    for position, cue in enumerate(cues):
        start, end = times[position]
        duration = end - start
        timing_line = cue.timing_line
        if duration <= 0:
            add(problem(
                "end-not-after-start", path, timing_line,
                f"ends at {format_timestamp(end)}, not after it starts ({format_timestamp(start)})",
            ))
        elif duration < min_duration:
            add(problem(
                "too-short", path, timing_line,
                f"on screen for {duration} ms; at least {min_duration} ms (5/6 s)",
            ))
        elif duration > max_duration:
            add(problem(
                "too-long", path, timing_line,
                f"on screen for {duration / 1000:.2f} s; at most {max_duration / 1000:g} s",
            ))
        if position < last:
            next_start = times[position + 1][0]
            gap = next_start - end
            if gap < 0:
                add(problem(
                    "overlap", path, timing_line,
                    f"ends at {format_timestamp(end)}, after the next cue starts "
                    f"({format_timestamp(next_start)}, line {cues[position + 1].timing_line})",
                ))
            elif gap < min_gap:
                add(problem(
                    "gap-too-short", path, timing_line,
                    f"{gap} ms before the next cue; leave at least {min_gap} ms (2 frames)",
                ))

        text = cue.text
        shown = plain_text(text)
        if not shown.isascii():
            shown = unicodedata.normalize("NFC", shown)
        words = " ".join(shown.split())
        if not words:
            add(problem("empty-text", path, timing_line, "the cue has no text"))
            previous_words = None
            continue
        text_line = cue.text_line
        shown_lines = shown.split("\n")
        if len(shown_lines) > max_lines:
            add(problem(
                "too-many-lines", path, text_line + max_lines,
                f"{len(shown_lines)} lines; at most {max_lines}",
            ))
        for offset, shown_line in enumerate(shown_lines):
            if len(shown_line) > max_length:
                add(problem(
                    "line-too-long", path, text_line + offset,
                    f"{len(shown_line)} characters; at most {max_length}",
                ))
        characters = len(shown) - len(shown_lines) + 1
        if duration > 0 and characters * 1000 > warn_cps * duration:
            cps = characters * 1000 / duration
            severe = characters * 1000 > max_cps * duration
            add(problem(
                "cps-too-high" if severe else "cps-high", path, text_line,
                f"{cps:.2f} characters per second ({characters} in {duration / 1000:.2f} s); "
                f"{'at most' if severe else 'aim for at most'} "
                f"{max_cps if severe else warn_cps:g}",
            ))
        if words == previous_words:
            add(problem(
                "repeated-text", path, text_line,
                f"same text as the previous cue (line {previous_line})",
            ))
        previous_words, previous_line = words, text_line
        if "<" in text:
            fault = unbalanced_tag(text)
            if fault:
                add(problem("unbalanced-tags", path, text_line + fault[0], fault[1]))
            for offset, tag in markup_tags(text):
                add(problem(
                    "unsafe-cue-markup", path, text_line + offset,
                    f"{tag!r} is not subtitle formatting: only <i>, <b>, <u> and <font> are",
                ))
    return problems


def markup_tags(text: str) -> list[tuple[int, str]]:
    """Tags in a cue that are not subtitle formatting: (line offset in the cue, tag)."""
    return [
        (text.count("\n", 0, tag.start()), tag.group(0))
        for tag in HTML_TAG.finditer(text)
        if not FORMATTING_TAG.fullmatch(tag.group(0))
    ]


def unbalanced_tag(text: str) -> tuple[int, str] | None:
    """The first unbalanced <i> <b> <u> <font> tag: (line offset in the cue, message)."""
    open_tags: list[tuple[str, int]] = []
    for tag in FORMATTING_TAG.finditer(text):
        closing, name = tag.group(1), tag.group(2).lower()
        offset = text.count("\n", 0, tag.start())
        if not closing:
            open_tags.append((name, offset))
        elif open_tags and open_tags[-1][0] == name:
            open_tags.pop()
        elif any(opened == name for opened, _ in open_tags):
            inner = open_tags[-1][0]
            return offset, f"</{name}> closes <{name}> while <{inner}> inside it is still open"
        else:
            return offset, f"</{name}> has no opening <{name}>"
    if open_tags:
        name, offset = open_tags[0]
        return offset, f"<{name}> is never closed"
    return None


# --- across languages ---------------------------------------------------------------------


def _comparable(text: str) -> str:
    return " ".join(plain_text(text).split()).casefold()


def is_proper_name(text: str) -> bool:
    """Two or more capitalised words and nothing else (small linking words allowed)."""
    words = WORD.findall(plain_text(text))
    capitalised = [word for word in words if word[0].isupper()]
    return len(capitalised) >= 2 and all(
        word[0].isupper() or word.casefold() in NAME_LINKING_WORDS for word in words
    )


def is_untranslated(original: str, translation: str, language: str) -> bool:
    """A translation identical to the original, unless that is right in ``language``."""
    same = _comparable(translation)
    if not same or same != _comparable(original):
        return False
    if not any(character.isalpha() for character in same):
        return False  # numbers and punctuation read the same in every language
    if same.strip(EDGE_PUNCTUATION) in UNTRANSLATED_ALLOWED.get(language, frozenset()):
        return False
    return not is_proper_name(translation)


def check_pair(original: SubtitleFile, translation: SubtitleFile) -> list[Problem]:
    """A translation must have the original's cues, timings within tolerance, and be translated."""
    problems: list[Problem] = []
    source, target = original.cues, translation.cues
    language = translation.language or ""
    other = ENGLISH_NAMES.get(original.language or "", "the original")
    tolerance = PAIR_TOLERANCE_MS

    def differs(a: Cue, b: Cue) -> bool:
        # in whole milliseconds: 0.04 s as a float difference can exceed 0.04
        return (
            abs(round((a.start - b.start) * 1000)) > tolerance
            or abs(round((a.end - b.end) * 1000)) > tolerance
        )

    if len(source) != len(target):
        first = next(
            (i for i, (a, b) in enumerate(zip(source, target, strict=False)) if differs(a, b)),
            min(len(source), len(target)),
        )
        line = target[min(first, len(target) - 1)].line if target else 1
        where = (
            f"; they part at cue {first + 1} ({format_timestamp(source[first].start_ms)} in "
            f"{other})" if first < len(source) else ""
        )
        problems.append(problem(
            "cue-count-mismatch", translation.name, line,
            f"{len(target)} cues, but {original.name} has {len(source)}{where}",
        ))
        pairs = _align(source, target)
    else:
        pairs = list(zip(source, target, strict=True))
        for position, (a, b) in enumerate(pairs, start=1):
            if differs(a, b):
                problems.append(problem(
                    "timing-mismatch", translation.name, b.timing_line,
                    f"{format_timestamp(b.start_ms)} --> {format_timestamp(b.end_ms)} differs "
                    f"from {other} cue {position} ({format_timestamp(a.start_ms)} --> "
                    f"{format_timestamp(a.end_ms)}, line {a.timing_line}) by more than "
                    f"{tolerance} ms",
                ))
    for a, b in pairs:
        if is_untranslated(a.text, b.text, language):
            problems.append(problem(
                "untranslated", translation.name, b.text_line,
                f"same text as the {other} cue (line {a.text_line}): "
                f"{' '.join(b.text.split())!r}",
            ))
    return problems


def _align(source: Sequence[Cue], target: Sequence[Cue]) -> list[tuple[Cue, Cue]]:
    """Pairs of cues that start within the tolerance, when the counts differ."""
    pairs = []
    i = j = 0
    while i < len(source) and j < len(target):
        difference = target[j].start_ms - source[i].start_ms
        if abs(difference) <= PAIR_TOLERANCE_MS:
            pairs.append((source[i], target[j]))
            i += 1
            j += 1
        elif difference < 0:
            j += 1
        else:
            i += 1
    return pairs


# --- files, folders and films ---------------------------------------------------------------


def display_path(path: Path) -> str:
    """A path as shown in problems: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return os.path.normpath(path).replace(os.sep, "/")


@dataclass
class _Folder:
    path: Path
    whole: bool  # the folder itself was given, not only files in it
    files: dict[Path, SubtitleFile] = field(default_factory=dict)


def check_paths(paths: Iterable[Path], films_file: Path | None = None) -> SubtitleCheck:
    """Check SRT files and folders of them (not recursive), in pairs and against films.yml.

    ``films_file`` applies to every folder; without it a folder's own films.yml is used
    when there is one. Paths must exist (the CLI checks); each file is checked once.
    """
    folders: dict[Path, _Folder] = {}
    checked: dict[Path, SubtitleFile] = {}
    for path in paths:
        if path.is_dir():
            folder = folders.setdefault(path.resolve(), _Folder(path, True))
            folder.whole = True
            members = sorted(path.glob("*.srt"))
        else:
            folder = folders.setdefault(path.parent.resolve(), _Folder(path.parent, False))
            members = [path]
        for member in members:
            key = member.resolve()
            if key not in checked:
                checked[key] = check_file(member, display_path(member))
            folder.files[key] = checked[key]

    problems = [p for result in checked.values() for p in result.problems]
    reported: set[Problem] = set(problems)
    films = None
    for folder in folders.values():
        found_problems, films = _check_folder(folder, films_file)
        for found in found_problems:
            if found not in reported:
                reported.add(found)
                problems.append(found)
    result = SubtitleCheck(problems, len(checked), checked, films)
    for folder in folders.values():
        result.problems, taken_out = _without_accepted(folder, result.problems)
        if taken_out:
            result.accepted += taken_out
            result.accepted_in.append(display_path(folder.path / ACCEPTED_WARNINGS_FILE))
    return result


def _without_accepted(folder: _Folder, problems: list[Problem]) -> tuple[list[Problem], int]:
    """Leave out the warnings the folder's accepted-warnings.yml lists (reviewed, with reasons)."""
    baseline = folder.path / ACCEPTED_WARNINGS_FILE
    if not baseline.is_file():
        return problems, 0
    shown = display_path(baseline)
    entries, invalid = read_accepted(baseline, shown)
    cues = {result.name: (result.path.name, result.cues) for result in folder.files.values()}
    kept, accepted = apply_accepted(problems, cues, entries, shown)
    return kept + invalid, accepted


def _check_folder(
    folder: _Folder, films_file: Path | None
) -> tuple[list[Problem], list[Film] | None]:
    problems: list[Problem] = []
    films_path = films_file or folder.path / FILMS_FILE
    films: list[Film] | None = None  # None unless the whole file is right
    readable: list[Film] = []  # the entries that are, whatever the rest of the file
    checkable: list[Film] = []  # and those with problems of their own, as far as they read
    films_name = display_path(films_path)
    if films_file is not None or films_path.is_file():
        try:
            readable, found, partial = read_films_file(films_path, films_name)
            checkable = readable + partial
        except ContentError as error:
            found = error.problems
        problems.extend(found)
        films = None if found else readable
    slugs = {film.slug: film for film in films or []}

    by_film: dict[str, dict[str, SubtitleFile]] = {}
    for result in folder.files.values():
        if result.film is None or result.language not in LANGUAGES:
            if films is not None:
                problems.append(problem(
                    "file-name", result.name, 1,
                    f"name must be <film>.<language>.srt with language {' or '.join(LANGUAGES)}",
                ))
            continue
        if films is not None and result.film not in slugs:
            problems.append(problem(
                "unknown-film", result.name, 1,
                f"film {result.film!r} is not in {films_name}",
            ))
        by_film.setdefault(result.film, {})[result.language] = result

    for film, files in by_film.items():
        for language in LANGUAGES:
            if language in files:
                continue
            sibling = folder.path / f"{film}.{language}.srt"
            if sibling.is_file():  # given a file alone: compare it with its counterpart
                files[language] = check_file(sibling, display_path(sibling))
            elif film in slugs:
                problems.append(_missing(films_name, slugs[film], language, sibling))
            else:
                existing = next(iter(files.values()))
                problems.append(problem(
                    "missing-subtitles", existing.name, 1,
                    f"no {ENGLISH_NAMES[language]} subtitles: create {display_path(sibling)}",
                ))
    if films is not None and folder.whole:
        for film in films:
            for language in LANGUAGES:
                if language not in by_film.get(film.slug, {}):
                    sibling = folder.path / f"{film.slug}.{language}.srt"
                    problems.append(_missing(films_name, film, language, sibling))

    for files in by_film.values():
        original = files.get(DEFAULT_LANGUAGE)
        if original is None:
            continue
        for language, translation in files.items():
            if language != DEFAULT_LANGUAGE:
                problems.extend(check_pair(original, translation))
    for film in checkable:
        problems.extend(_phrases_not_found(film, by_film.get(film.slug, {}), films_name))
        problems.extend(_corrections_past_the_end(
            film, by_film.get(film.slug, {}), films_name, folder.path.parent
        ))
    return problems, films


def _phrases_not_found(
    film: Film, files: dict[str, SubtitleFile], films_name: str
) -> list[Problem]:
    """A phrase films.yml marks as another language must be in a cue of its track, as
    written: otherwise nothing is marked and the list says something the film does not."""
    found = []
    for phrase in film.phrases:
        subtitles = files.get(phrase.track)
        if subtitles is None or any(p.severity == "error" for p in subtitles.problems):
            continue  # reported at the subtitle file itself
        pattern = phrase_pattern(phrase.text)
        if not any(pattern.search(cue.text) for cue in subtitles.cues):
            found.append(problem(
                FILM_METADATA, films_name, phrase.line,
                f"phrase '{phrase.text}' is in no cue of {subtitles.name}: copy it from the "
                "cue as it is written there, or remove it",
            ))
    return found


def _corrections_past_the_end(
    film: Film, files: dict[str, SubtitleFile], films_name: str, root: Path
) -> list[Problem]:
    """A correction names a cue that exists: an English one a cue of the source transcript
    (``source_fixture``, when it is in the project), a Welsh one a cue of the Welsh file."""
    counts: dict[str, tuple[int, str]] = {}
    source = root / film.source_fixture if film.source_fixture else None
    # Nothing outside the project is read (a source_fixture may name any path).
    if source is not None and inside(source, root):
        # A file that cannot be read leaves English corrections unbounded.
        with contextlib.suppress(OSError):
            counts[DEFAULT_LANGUAGE] = (count_cues(source), film.source_fixture)
    for language, subtitles in files.items():
        readable = not any(p.severity == "error" for p in subtitles.problems)
        if language != DEFAULT_LANGUAGE and readable:
            counts[language] = (len(subtitles.cues), subtitles.name)
    found = []
    for correction in film.corrections:
        cue, language = correction.get("cue"), correction.get("language")
        if not isinstance(cue, int) or language not in counts:
            continue
        count, name = counts[language]
        if cue > count:
            found.append(problem(
                FILM_METADATA, films_name, correction["line"],
                f"correction cue {cue} is past the last cue of {name} ({count}): give the "
                "number of the cue that was corrected",
            ))
    return found


def _missing(films_name: str, film: Film, language: str, path: Path) -> Problem:
    return problem(
        "missing-subtitles", films_name, film.line,
        f"film {film.slug!r} has no {ENGLISH_NAMES[language]} subtitles: "
        f"create {display_path(path)}",
    )
