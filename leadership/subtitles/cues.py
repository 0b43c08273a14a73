"""Subtitle cues from SubRip (.srt) files: the one parser the site, its checks and tests share.

Cues are found with the ``srt`` package's own block pattern (``srt.SRT_REGEX``, exactly
what ``srt.parse`` uses), so the project reads a file as that library does. On top of it
this module adds what the library lacks:

- the file and line of every cue and of every structural problem;
- detection of input that ``srt`` silently misreads or tolerates: a block with no timing
  line is merged into the previous cue's text, so is any text after a blank line inside a
  cue; timestamps with "." or no milliseconds, and WebVTT's MM:SS.mmm (which ``srt`` reads
  as hours:minutes:seconds); missing or out-of-sequence cue numbers; missing or extra
  blank lines; text before the first cue or after the last.

``scan_srt`` collects every structural problem and keeps going; ``parse_srt`` and
``read_srt`` raise ``SubtitleError`` (a ``ContentError``) listing all of them.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import srt

from leadership.reporting import ContentError, Problem
from leadership.subtitles.rules import problem

UTF8_BOM = "\ufeff"
# Checked longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32 (little-endian)"),
    (codecs.BOM_UTF32_BE, "UTF-32 (big-endian)"),
    (codecs.BOM_UTF16_LE, "UTF-16 (little-endian)"),
    (codecs.BOM_UTF16_BE, "UTF-16 (big-endian)"),
)

# Preferred guesses for text that is not UTF-8, and how close to the best guess they must be.
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
NEAR_TIE = 0.1

# The one timing-line form this project accepts: HH:MM:SS,mmm --> HH:MM:SS,mmm
TIMING_LINE = re.compile(
    r"(\d\d+):([0-5]\d):([0-5]\d),(\d{3}) --> (\d\d+):([0-5]\d):([0-5]\d),(\d{3})[ \t]*"
)
# A cue number line. (srt also takes "-3" and "12.5".)
CUE_NUMBER = re.compile(r"[ \t]*(\d+)[ \t]*")
# A line meant as a timing line, well-formed or not: it starts with H:MM:SS, has "-->"
# (which WebVTT forbids in cue text) or has a time followed by an arrow ("00:05.000 ->").
LOOKS_LIKE_TIMING = re.compile(r"[ \t]*\d+:\d\d[:.,]\d|.*-->|.*\d[:.,]\d+[ \t]*-+[ \t]*>")
# One timestamp as written by mistake: "." or ":" before the milliseconds, no milliseconds,
# or WebVTT's MM:SS.mmm. Used only to recover a time after reporting the malformed line.
LOOSE_TIMESTAMP = re.compile(
    r"(?:(?P<hours>\d+):)?(?P<minutes>\d+):(?P<seconds>\d+)(?:(?P<sep>[,.:])(?P<fraction>\d+))?"
)
OUT_OF_RANGE = "has minutes or seconds over 59"
LOOSE_TIMING_LINE = re.compile(
    r"(?P<lead>[ \t]*)(?P<start>[\d:.,]+?)(?P<arrow>[ \t]*-+[ \t]*>[ \t]*)(?P<end>[\d:.,]+)"
    r"(?P<rest>.*)"
)
# Cue text srt may have misread: a blank line (SRT ends the cue there, srt keeps going)
# or a line that looks like a timing line (a cue srt merged into this one).
SUSPECT_TEXT = re.compile(rf"^(?:[ \t\f\v]*$|{LOOKS_LIKE_TIMING.pattern})", re.MULTILINE)
WEBVTT_HEADER = re.compile(r"\s*WEBVTT\b")
# A cue anchor on a film page: t-MM-SS, with -2, -3 ... when two cues start in one second.
CUE_ANCHOR = re.compile(r"^t-(?P<minutes>\d{2,})-(?P<seconds>[0-5]\d)(?:-(?P<repeat>\d+))?$")
MEANT_AS_CUE_ANCHOR = re.compile(r"^t-(?P<minutes>\d+)-(?P<seconds>\d+)")

FORMATTING_TAG = re.compile(r"<(/?)(i|b|u|font)\b[^>]*>", re.IGNORECASE)
# Any HTML-like tag or ASS override ({\an8}); not "2 < 3".
ANY_TAG = re.compile(r"</?[A-Za-z][^<>]*>|\{\\[^}]*\}")
# An HTML-like tag (ANY_TAG without the {\an8} style overrides).
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
WEBVTT_KEPT_TAGS = frozenset({"i", "b", "u"})
# How each format marks words in another language (films.yml's phrases): WebVTT's language
# span, HTML's lang attribute.
WEBVTT_LANGUAGE_SPAN = ("<lang {language}>", "</lang>")
HTML_LANGUAGE_SPAN = ('<span lang="{language}">', "</span>")


@dataclass(frozen=True, slots=True)
class Cue:
    """One subtitle cue. Times in seconds; ``text`` has its lines joined by "\\n".

    ``line`` is the line of the cue number (of the timing line when the number is
    missing); ``text_line`` is the first text line (the line after the timing line
    when the text is empty). ``index`` is the number as written, 0 when missing.
    """

    index: int
    start: float
    end: float
    text: str
    line: int
    timing_line: int
    text_line: int

    @property
    def anchor(self) -> str:
        return cue_id(self.start)

    @property
    def start_ms(self) -> int:
        return round(self.start * 1000)

    @property
    def end_ms(self) -> int:
        return round(self.end * 1000)


class SubtitleError(ContentError):
    """An SRT file that cannot be used; ``problems`` says where and why."""


def cue_id(start_seconds: float) -> str:
    """The anchor of a cue starting at ``start_seconds``: "t-MM-SS", floored to seconds."""
    whole_seconds = round(start_seconds * 1000) // 1000
    minutes, seconds = divmod(whole_seconds, 60)
    return f"t-{minutes:02d}-{seconds:02d}"


def anchor_seconds(anchor: str) -> int:
    """The second a cue anchor ("t-MM-SS", "t-MM-SS-2") names."""
    match = CUE_ANCHOR.match(anchor)
    return int(match["minutes"]) * 60 + int(match["seconds"])


def nearest_anchors(anchor: str, existing: Iterable[str], count: int = 2) -> list[str]:
    """The ``count`` cue anchors of ``existing`` nearest in time to ``anchor``, in order of
    time (none when ``anchor`` is not a cue anchor)."""
    written = MEANT_AS_CUE_ANCHOR.match(anchor)  # t-99-99 too: a time mistyped
    if written is None:
        return []
    wanted = int(written["minutes"]) * 60 + int(written["seconds"])
    plain = [found for found in existing if CUE_ANCHOR.match(found)]
    nearest = sorted(plain, key=lambda found: (abs(anchor_seconds(found) - wanted), found))
    return sorted(nearest[:count])


def anchors(cues: Iterable[Cue]) -> list[str]:
    """One unique anchor per cue: a repeated "t-MM-SS" becomes "t-MM-SS-2", "-3", …"""
    seen: dict[str, int] = {}
    result = []
    for cue in cues:
        base = cue.anchor
        seen[base] = seen.get(base, 0) + 1
        result.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return result


def format_timestamp(ms: int, separator: str = ",") -> str:
    """HH:MM:SS,mmm (SRT) or, with separator ".", HH:MM:SS.mmm (WebVTT)."""
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


# --- decoding ---------------------------------------------------------------------------


def decode_utf8(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """Decode a subtitle file's (or films.yml's) bytes as UTF-8 (a BOM is fine).

    Anything else is a ``not-utf8`` problem naming the likely encoding; the text is then
    decoded as that encoding so that the rest of the file can still be checked.
    """
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    for bom, name in UNICODE_BOMS:
        if data.startswith(bom):
            message = (
                f"not UTF-8: the file starts with a {name} byte-order mark; re-save it as UTF-8"
            )
            text = data.decode(name.split()[0].replace("-", "").lower(), errors="replace")
            return text, [problem("not-utf8", path, 1, message)]
    line = data.count(b"\n", 0, bad_at) + 1
    as_utf8 = data.decode("utf-8", errors="replace")
    stray = as_utf8.count("\ufffd")
    if sum(1 for char in as_utf8 if ord(char) > 127) - stray > stray:
        # More characters are UTF-8 than are not: a stray byte in a UTF-8 file, whose other
        # lines read as they are (read in another encoding, every letter with an accent
        # would turn into two and be reported again).
        message = (
            f"not UTF-8: byte 0x{data[bad_at]:02x} on this line is not valid UTF-8 (the "
            "rest of the file is): retype or remove the character there"
        )
        return as_utf8, [problem("not-utf8", path, line, message)]
    encoding, text = _guess_encoding(data)
    guess = f"it looks like {encoding}" if encoding else "its encoding could not be recognised"
    message = (
        f"not UTF-8: byte 0x{data[bad_at]:02x} on this line is not valid UTF-8 and {guess}; "
        "re-save the file as UTF-8"
    )
    return text, [problem("not-utf8", path, line, message)]


def _guess_encoding(data: bytes) -> tuple[str | None, str]:
    """The likely encoding (charset-normalizer's guess) and the text decoded with it."""
    from charset_normalizer import from_bytes  # only needed for files that are not UTF-8

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None, data.decode("utf-8", errors="replace")
    # On a short file many single-byte encodings tie; English and Welsh text that is not
    # UTF-8 is nearly always Windows-1252 or Latin-1, so prefer those on a near tie.
    for match in results:
        if (
            match.encoding in WESTERN_ENCODINGS
            and match.chaos <= best.chaos + NEAR_TIE
            and match.coherence >= best.coherence - NEAR_TIE
        ):
            best = match
            break
    return best.encoding, str(best)


# --- scanning ---------------------------------------------------------------------------


class _Block:
    """A cue as found in the file, before it is known to have a usable timing."""

    __slots__ = ("number", "first_line", "timing_line", "start_ms", "end_ms", "text",
                 "last_line")

    def __init__(self, number, first_line, timing_line, start_ms, end_ms, text, last_line):
        self.number = number  # int; None when missing; -1 when not a whole number
        self.first_line = first_line  # the cue number's line, else the timing line's
        self.timing_line = timing_line  # None when the block has no timing line
        self.start_ms = start_ms  # None when the timing line is missing or unreadable
        self.end_ms = end_ms
        self.text = text
        self.last_line = last_line  # the last text line, else the timing line


class _Stray:
    """Text that belongs to no cue, kept until it is known whether a cue follows it."""

    __slots__ = ("line", "text", "merged")

    def __init__(self, line: int, text: str, merged: bool):
        self.line = line
        self.text = text
        self.merged = merged  # srt shows it as part of the cue above


def scan_srt(text: str, path: str) -> tuple[list[Cue], list[Problem]]:
    """Every cue that can be read, and every structural problem, without stopping.

    A block whose timing line is missing or unreadable is reported and left out of the
    cues; a malformed timing line whose times can still be made out gives a cue.
    """
    if text.startswith(UTF8_BOM):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the final newline ends the last line; it does not start another
    problems: list[Problem] = []
    blocks: list[_Block] = []
    strays: list[_Stray] = []
    count = text.count
    number_line_match = CUE_NUMBER.fullmatch
    timing_line_match = TIMING_LINE.fullmatch
    suspect_text = SUSPECT_TEXT.search
    append_block = blocks.append

    line = 1  # the line of text position `position`
    position = 0
    expected = 0  # where the next cue should start: the end of the previous one
    for match in srt.SRT_REGEX.finditer(text):
        number_start, timing_start = match.start(1), match.start(2)
        block_start = number_start if number_start >= 0 else timing_start
        line += count("\n", position, block_start)
        position = block_start
        first_line = line
        if block_start > expected and not text[expected:block_start].isspace():
            gap_first = first_line - count("\n", expected, block_start)
            _recover(_numbered(lines, gap_first, first_line - 1), blocks, problems, strays,
                     path, merged=False)

        if number_start >= 0:
            line += count("\n", position, timing_start)
            position = timing_start
            timing_line = line
        else:
            timing_line = first_line
        if number_start < 0:
            number = None
        elif timing_line != first_line + 1:
            # srt lets blank lines part a number from its timing line; in SRT a blank line
            # ends a block, so that number is not this cue's.
            _orphan_number(lines[first_line - 1], first_line, blocks, problems, path)
            number = None
            first_line = timing_line
        else:
            number_match = number_line_match(lines[first_line - 1])
            if number_match:
                number = int(number_match.group(1))
            else:
                number = -1
                problems.append(problem(
                    "cue-number-sequence", path, first_line,
                    f"cue number line {lines[first_line - 1].strip()!r} is not a whole number",
                ))

        timing = timing_line_match(lines[timing_line - 1])
        if timing:
            h1, m1, s1, ms1, h2, m2, s2, ms2 = map(int, timing.groups())
            start_ms = ((h1 * 60 + m1) * 60 + s1) * 1000 + ms1
            end_ms = ((h2 * 60 + m2) * 60 + s2) * 1000 + ms2
        else:
            start_ms, end_ms = _read_timing(
                lines[timing_line - 1], timing_line, path, problems,
                match.group(2), match.group(3),
            )
        content = match.group(5)
        if content and suspect_text(content) is None:
            append_block(_Block(number, first_line, timing_line, start_ms, end_ms, content,
                                timing_line + count("\n", match.start(5), match.end(5)) + 1))
        else:
            # srt kept everything up to the next cue it recognised as this cue's text; in
            # SRT a cue ends at its first blank line, and a timing line starts another cue.
            content_lines = content.split("\n") if content else []
            kept = 0
            while (
                kept < len(content_lines)
                and content_lines[kept].strip()
                and not LOOKS_LIKE_TIMING.match(content_lines[kept])
            ):
                kept += 1
            if (
                0 < kept < len(content_lines)
                and content_lines[kept].strip()
                and CUE_NUMBER.fullmatch(content_lines[kept - 1])
            ):
                kept -= 1  # that number belongs to the cue whose timing line follows
            append_block(_Block(number, first_line, timing_line, start_ms, end_ms,
                                "\n".join(content_lines[:kept]), timing_line + kept))
            rest_first = timing_line + 1 + kept
            rest_last = timing_line + len(content_lines)
            _recover(_numbered(lines, rest_first, rest_last), blocks, problems, strays, path,
                     merged=True)
        expected = match.end()

    if expected < len(text) and not text[expected:].isspace():
        gap_first = line + count("\n", position, expected)
        _recover(_numbered(lines, gap_first, len(lines)), blocks, problems, strays, path,
                 merged=False)

    _check_strays(strays, blocks, path, problems)
    _check_numbers(blocks, path, problems)
    _check_blank_lines(blocks, lines, path, problems)
    cues = [
        Cue(
            block.number if block.number and block.number > 0 else 0,
            block.start_ms / 1000,
            block.end_ms / 1000,
            block.text,
            block.first_line,
            block.timing_line,
            block.timing_line + 1,
        )
        for block in blocks
        if block.start_ms is not None
    ]
    if not cues:
        problems.append(problem("no-cues", path, 1, "no subtitle cues found"))
    return cues, problems


def _orphan_number(
    number_text: str, line: int, blocks: list[_Block], problems: list[Problem], path: str
) -> None:
    """A number line followed by a blank line: the last text line of the cue above it, or
    a block on its own with no timing line."""
    previous = blocks[-1] if blocks else None
    if previous is not None and previous.last_line == line - 1:
        previous.text = f"{previous.text}\n{number_text}" if previous.text else number_text
        previous.last_line = line
        return
    number_match = CUE_NUMBER.fullmatch(number_text)
    problems.append(problem(
        "missing-timing-line", path, line,
        f"cue {number_text.strip()} has no timing line (a blank line follows the number)",
    ))
    blocks.append(_Block(int(number_match.group(1)) if number_match else -1, line, None, None,
                         None, "", line))


def _numbered(lines: list[str], first: int, last: int) -> list[tuple[int, str]]:
    """Lines first..last (1-based, inclusive) with their line numbers."""
    return [(number, lines[number - 1]) for number in range(first, last + 1)]


def _read_timing(
    line_text: str,
    line: int,
    path: str,
    problems: list[Problem],
    srt_start: str | None = None,
    srt_end: str | None = None,
) -> tuple[int | None, int | None]:
    """The start and end of a timing line in ms, reporting it if it is malformed.

    A malformed line is still read when its times can be made out, so that one typo
    does not hide the rest of the file's problems.
    """
    strict = TIMING_LINE.fullmatch(line_text)
    if strict:
        h1, m1, s1, ms1, h2, m2, s2, ms2 = map(int, strict.groups())
        return (
            ((h1 * 60 + m1) * 60 + s1) * 1000 + ms1,
            ((h2 * 60 + m2) * 60 + s2) * 1000 + ms2,
        )
    start_ms = end_ms = None
    faults: list[str] = []
    loose = LOOSE_TIMING_LINE.fullmatch(line_text)
    if loose:
        start_ms, start_fault = _loose_ms(loose.group("start"))
        end_ms, end_fault = _loose_ms(loose.group("end"))
        faults = [fault for fault in (start_fault, end_fault) if fault]
        if loose.group("lead"):
            faults.append("it starts with spaces")
        if loose.group("arrow") != " --> ":
            faults.append(f"the arrow must be ' --> ', not {loose.group('arrow')!r}")
        if loose.group("rest").strip():
            faults.append(f"unexpected text after the end time ({loose.group('rest').strip()!r})")
        if start_ms is None or end_ms is None:
            start_ms = end_ms = None
    out_of_range = any(fault.endswith(OUT_OF_RANGE) for fault in faults)
    if not faults:
        faults.append("it is not a timing line")
    misread = ""
    if srt_start is not None and srt_end is not None and not out_of_range:
        srt_ms = _srt_ms(srt_start), _srt_ms(srt_end)
        if start_ms is None and None not in srt_ms:
            start_ms, end_ms = srt_ms
        elif start_ms is not None and None not in srt_ms and srt_ms != (start_ms, end_ms):
            misread = (
                f" (the srt library would read {format_timestamp(srt_ms[0])} --> "
                f"{format_timestamp(srt_ms[1])})"
            )
    problems.append(problem(
        "malformed-timing-line", path, line,
        f"malformed timing line {line_text.strip()!r}: {'; '.join(faults)}{misread}; "
        "write HH:MM:SS,mmm --> HH:MM:SS,mmm",
    ))
    return start_ms, end_ms


def _loose_ms(stamp: str) -> tuple[int | None, str | None]:
    """A timestamp written loosely, in ms, and what is wrong with it (None if nothing)."""
    parts = LOOSE_TIMESTAMP.fullmatch(stamp)
    if parts is None:
        return None, f"{stamp!r} is not a time"
    hours, minutes, seconds, separator, fraction = parts.group(
        "hours", "minutes", "seconds", "sep", "fraction"
    )
    fault = None
    if hours is None:
        fault = f"{stamp!r} has no hours (WebVTT's MM:SS.mmm form)"
    elif fraction is None:
        fault = f"{stamp!r} has no milliseconds"
    elif separator != ",":
        fault = f"{stamp!r} has {separator!r} before the milliseconds, not ','"
    elif len(hours) < 2 or len(minutes) != 2 or len(seconds) != 2 or len(fraction) != 3:
        fault = f"{stamp!r} must have two digits for each of HH, MM, SS and three for mmm"
    elif int(minutes) > 59 or int(seconds) > 59:
        # Not a time on any clock: what it would add up to is no better than a guess, and
        # judging the cue's timing by that guess would report the one typo twice.
        return None, f"{stamp!r} {OUT_OF_RANGE}"
    millis = int(fraction.ljust(3, "0")[:3]) if fraction else 0
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis, fault


def _srt_ms(timestamp: str) -> int | None:
    """The time srt.parse reads from a timestamp, in ms (None if it overflows)."""
    try:
        delta = srt.srt_timestamp_to_timedelta(timestamp)
    except (OverflowError, ValueError):
        return None
    return delta.days * 86_400_000 + delta.seconds * 1000 + delta.microseconds // 1000


def _recover(
    numbered: list[tuple[int, str]],
    blocks: list[_Block],
    problems: list[Problem],
    strays: list[_Stray],
    path: str,
    merged: bool,
) -> None:
    """Read lines that srt skipped, or merged into a cue: report them, recover blocks.

    ``merged`` says the lines came after a blank line inside what srt read as one cue.
    """
    group: list[tuple[int, str]] = []
    for entry in [*numbered, (0, "")]:
        if entry[1].strip():
            group.append(entry)
            continue
        while group:
            group = _recover_block(group, blocks, problems, strays, path, merged)


def _recover_block(
    group: list[tuple[int, str]],
    blocks: list[_Block],
    problems: list[Problem],
    strays: list[_Stray],
    path: str,
    merged: bool,
) -> list[tuple[int, str]]:
    """Read one block from a run of non-blank lines; return the lines after it."""
    timing_at = next(
        (i for i, (_, text) in enumerate(group) if LOOKS_LIKE_TIMING.match(text)), None
    )
    if timing_at is None:
        first_line, first_text = group[0]
        number = CUE_NUMBER.fullmatch(first_text)
        if number:
            text_lines = group[1:]
            how = " (the srt library silently merges it into the cue above)" if merged else ""
            problems.append(problem(
                "missing-timing-line", path, first_line,
                f"cue {number.group(1)} has no timing line{how}",
            ))
            blocks.append(_Block(
                int(number.group(1)), first_line, None, None, None,
                "\n".join(text for _, text in text_lines), group[-1][0],
            ))
        else:
            strays.append(_Stray(first_line, first_text, merged))
        return []

    before = group[:timing_at]
    number = None
    if before:
        number_match = CUE_NUMBER.fullmatch(before[-1][1])
        if number_match:
            number = int(number_match.group(1))
            before = before[:-1]
    if before:
        strays.append(_Stray(before[0][0], before[0][1], merged))
    timing_line, timing_text = group[timing_at]
    first_line = timing_line - 1 if number is not None else timing_line
    start_ms, end_ms = _read_timing(timing_text, timing_line, path, problems)
    after = group[timing_at + 1 :]
    text_end = next(
        (i for i, (_, text) in enumerate(after) if LOOKS_LIKE_TIMING.match(text)), len(after)
    )
    if 0 < text_end < len(after) and CUE_NUMBER.fullmatch(after[text_end - 1][1]):
        text_end -= 1  # that number belongs to the next cue
    text_lines = after[:text_end]
    blocks.append(_Block(
        number, first_line, timing_line, start_ms, end_ms,
        "\n".join(text for _, text in text_lines),
        text_lines[-1][0] if text_lines else timing_line,
    ))
    return after[text_end:]


def _check_strays(
    strays: list[_Stray], blocks: list[_Block], path: str, problems: list[Problem]
) -> None:
    last_cue_line = max((b.first_line for b in blocks if b.start_ms is not None), default=0)
    for stray in strays:
        shown = stray.text.strip()
        if stray.line == 1 and WEBVTT_HEADER.match(stray.text):
            rule, message = "stray-text", "'WEBVTT' header: this is a WebVTT file, not SubRip"
        elif last_cue_line and stray.line > last_cue_line:
            rule, message = "trailing-garbage", f"text after the last cue: {shown!r}"
        elif stray.merged:
            rule, message = "stray-text", (
                f"text after a blank line belongs to no cue: {shown!r} (a blank line ends a "
                "cue; the srt library would show it as part of the cue above)"
            )
        else:
            rule, message = "stray-text", f"text that belongs to no cue: {shown!r}"
        problems.append(problem(rule, path, stray.line, message))


def _check_numbers(blocks: list[_Block], path: str, problems: list[Problem]) -> None:
    """Cue numbers must run 1, 2, 3…; one report per fault, not one per following cue."""
    blocks.sort(key=lambda block: block.first_line)
    expected = 1
    for position, block in enumerate(blocks):
        number = block.number
        if number is None:
            problems.append(problem(
                "cue-number-missing", path, block.first_line,
                f"cue {expected} has no number (expected {expected} on the line above)",
            ))
        elif number >= 0 and number != expected:
            problems.append(problem(
                "cue-number-sequence", path, block.first_line,
                f"cue number {number} is out of sequence: expected {expected}",
            ))
            following = blocks[position + 1].number if position + 1 < len(blocks) else None
            if following == number + 1:
                expected = number  # the numbering resumed from here: one report, not many
        expected += 1


def _check_blank_lines(
    blocks: list[_Block], lines: list[str], path: str, problems: list[Problem]
) -> None:
    """Exactly one blank line between cues, and at most one after the last."""
    for previous, block in zip(blocks, blocks[1:], strict=False):
        blank = block.first_line - previous.last_line - 1
        if blank == 0:
            problems.append(problem(
                "missing-blank-line", path, block.first_line,
                f"no blank line between this cue and the one ending on line {previous.last_line}",
            ))
        elif blank > 1 and not any(
            lines[n - 1].strip() for n in range(previous.last_line + 1, block.first_line)
        ):
            problems.append(problem(
                "extra-blank-line", path, previous.last_line + 2,
                f"{blank} blank lines between cues; SRT has one",
            ))
    if blocks:
        last = blocks[-1].last_line
        trailing = len(lines) - last
        if trailing > 1 and not any(line.strip() for line in lines[last:]):
            problems.append(problem(
                "extra-blank-line", path, last + 2,
                f"{trailing} blank lines after the last cue; SRT ends with at most one",
            ))
        leading = blocks[0].first_line - 1
        if leading and not any(line.strip() for line in lines[:leading]):
            problems.append(problem(
                "extra-blank-line", path, 1, "blank line before the first cue",
            ))


# --- public API ---------------------------------------------------------------------------


def count_cues(path: Path) -> int:
    """How many cues an SRT file has, counted by their timing lines without reading the
    cues: for a file the site only refers to (a film's source transcript)."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    return sum(1 for line in text.splitlines() if TIMING_LINE.match(line))


def parse_srt(text: str, path: str) -> list[Cue]:
    """The cues of an SRT text; raises SubtitleError listing every structural error."""
    cues, problems = scan_srt(text, str(path))
    if any(p.severity == "error" for p in problems):
        raise SubtitleError(problems)
    return cues


def read_srt(path: str | Path) -> list[Cue]:
    """The cues of an SRT file (UTF-8, BOM and CRLF fine); raises SubtitleError."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SubtitleError([problem("unreadable-file", name, 1, str(exc))]) from exc
    text, problems = decode_utf8(data, name)
    if problems:
        raise SubtitleError(problems)
    return parse_srt(text, name)


def plain_text(text: str) -> str:
    """Cue text as seen on screen: formatting tags and ASS overrides removed."""
    return ANY_TAG.sub("", text) if ("<" in text or "{" in text) else text


def formatted_text(
    text: str, phrases: Iterable = (), span: tuple[str, str] = HTML_LANGUAGE_SPAN
) -> str:
    """Cue text as markup, for WebVTT and HTML alike: <i> <b> <u> kept, other tags dropped,
    & < > escaped. Subtitle files are not HTML: nothing else in them reaches a page. Words in
    another language (``phrases``: films.yml's, each with ``.language`` and ``.text``) are
    wrapped in ``span``, found in the text as written, before it is escaped."""
    marked = _language_marker(phrases, span)
    out = []
    position = 0
    for tag in ANY_TAG.finditer(text):
        out.append(marked(text[position : tag.start()]))
        kept = FORMATTING_TAG.fullmatch(tag.group(0))
        if kept and kept.group(2).lower() in WEBVTT_KEPT_TAGS:
            out.append(f"<{kept.group(1)}{kept.group(2).lower()}>")
        position = tag.end()
    out.append(marked(text[position:]))
    return "".join(out)


def _words(text: str) -> str:
    """A phrase's words as a pattern: any white space (a line break too) between them."""
    return r"\s+".join(map(re.escape, text.split()))


def phrase_pattern(text: str) -> re.Pattern:
    """Where a phrase is in cue text: its words, as whole words."""
    return re.compile(rf"(?<!\w){_words(text)}(?!\w)")


def _language_marker(phrases: Iterable, span: tuple[str, str]) -> Callable[[str], str]:
    """A function that escapes text, with each phrase in it (the longest first, as whole
    words) in ``span`` with its language."""
    languages = {" ".join(phrase.text.split()): phrase.language for phrase in phrases}
    if not languages:
        return _escape_webvtt
    opening, closing = span
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(_words, sorted(languages, key=len, reverse=True)))
        + r")(?!\w)"
    )

    def marked(text: str) -> str:
        out = []
        position = 0
        for found in pattern.finditer(text):
            language = languages[" ".join(found.group(0).split())]
            out += [
                _escape_webvtt(text[position : found.start()]),
                opening.format(language=language), _escape_webvtt(found.group(0)), closing,
            ]
            position = found.end()
        out.append(_escape_webvtt(text[position:]))
        return "".join(out)

    return marked


def _escape_webvtt(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_webvtt(cues: Sequence[Cue], phrases: Iterable = ()) -> str:
    """A WebVTT file of the cues; each cue's identifier is its page anchor, and words in
    another language (``phrases``, films.yml's) are in a language span."""
    phrases = list(phrases)
    parts = ["WEBVTT\n"]
    for anchor, cue in zip(anchors(cues), cues, strict=True):
        text = formatted_text(cue.text, phrases, WEBVTT_LANGUAGE_SPAN)
        parts.append(
            f"\n{anchor}\n{format_timestamp(cue.start_ms, '.')} --> "
            f"{format_timestamp(cue.end_ms, '.')}\n{text}\n"
        )
    return "".join(parts)
