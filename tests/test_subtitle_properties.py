"""Properties of the parser and checker over random cue lists (hypothesis).

Valid cue lists, composed to SRT, pass with no errors and read back exactly. Each kind of
corruption is reported with its rule at its line; random damage never crashes the checker,
and whenever the checker reports nothing, srt.parse reads exactly the same cues.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta

import srt
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from leadership.subtitles.check import check_bytes, check_text
from leadership.subtitles.cues import format_timestamp, parse_srt

# SUBTITLE_EXAMPLES=2000 for a deeper search than the suite's quick one.
SETTINGS = settings(
    max_examples=int(os.environ.get("SUBTITLE_EXAMPLES", "75")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Words of letters (Welsh ones included) with optional punctuation, and numbers: nothing
# that makes a line look like a cue number followed by a timestamp, or a tag.
LETTERS = "abcdefghijklmnopqrstuvwyzABCDEFGHIJKLMNOPRSTUWYâêîôûŵŷäëïöüáéíóúàèìòù'"


@dataclass
class Spec:
    start: int
    end: int
    text: str


letter_words = st.tuples(
    st.text(LETTERS, min_size=1, max_size=10), st.sampled_from(["", ".", ",", "?", "!"])
).map("".join)
words = st.one_of(letter_words, st.integers(0, 9999).map(str))
# At most 42 characters, by construction: a filter would throw most long lines away, and
# drawing them was most of the suite's time in these tests.
lines = st.lists(words, min_size=1, max_size=6).map(lambda words: " ".join(words)[:42].rstrip())
texts = st.lists(lines, min_size=1, max_size=2).map("\n".join)


@st.composite
def cue_lists(draw, min_size=1):
    """Cues that satisfy every rule: durations, gaps, reading speed, lines, no repeats."""
    specs = []
    clock = draw(st.integers(0, 5_000))
    for _ in range(draw(st.integers(min_size, 12))):
        text = draw(texts)
        characters = len(text.replace("\n", ""))
        shortest = max(833, -(-characters * 1000 // 17))  # fast enough not even to warn
        duration = draw(st.integers(shortest, 7_000))
        specs.append(Spec(clock, clock + duration, text))
        clock += duration + draw(st.integers(80, 3_000))
    # repeated-text compares words, not line breaks
    assume(all(a.text.split() != b.text.split() for a, b in zip(specs, specs[1:], strict=False)))
    return specs


def compose(specs: list[Spec]) -> list[str]:
    """The SRT lines of the cues, each cue followed by one blank line."""
    out = []
    for number, spec in enumerate(specs, start=1):
        out += [
            str(number),
            f"{format_timestamp(spec.start)} --> {format_timestamp(spec.end)}",
            *spec.text.split("\n"),
            "",
        ]
    return out


def cue_lines(specs: list[Spec], position: int) -> int:
    """The line (1-based) of cue ``position``'s number in compose(specs)."""
    return 1 + sum(3 + spec.text.count("\n") + 1 for spec in specs[:position])


def found(lines_: list[str]) -> set[tuple[str, int]]:
    _, problems = check_text("\n".join(lines_), "p.srt")
    return {(p.rule, p.line) for p in problems}


# --- valid input ------------------------------------------------------------------------------


@SETTINGS
@given(cue_lists(), st.sampled_from(["\n", "\r\n"]), st.booleans(), st.booleans(),
       st.sampled_from(["en", "cy"]))
def test_valid_cue_lists_pass_and_read_back_exactly(specs, eol, bom, final_newline, language):
    subtitles = [
        srt.Subtitle(n, timedelta(milliseconds=s.start), timedelta(milliseconds=s.end), s.text)
        for n, s in enumerate(specs, start=1)
    ]
    text = srt.compose(subtitles, reindex=False, eol=eol)
    assert text.replace(eol, "\n") == "\n".join(compose(specs)) + "\n"
    if not final_newline:
        text = text.rstrip()
    data = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    cues, problems = check_bytes(data, "valid.srt", language)
    assert problems == []
    assert [(c.index, c.start_ms, c.end_ms, c.text) for c in cues] == [
        (n, s.start, s.end, s.text) for n, s in enumerate(specs, start=1)
    ]
    assert parse_srt(text, "valid.srt") == cues
    assert [cue.line for cue in cues] == [cue_lines(specs, i) for i in range(len(specs))]


# --- each corruption is reported, with its rule, at its line --------------------------------


@SETTINGS
@given(cue_lists(min_size=2), st.data())
def test_deleted_timing_line_is_reported_at_the_cue_number(specs, data):
    k = data.draw(st.integers(0, len(specs) - 1))
    lines_ = compose(specs)
    number_line = cue_lines(specs, k)
    del lines_[number_line]  # the timing line, just below the number
    assert ("missing-timing-line", number_line) in found(lines_)


@SETTINGS
@given(cue_lists(min_size=2), st.data())
def test_deleted_cue_number_is_reported_at_the_timing_line(specs, data):
    k = data.draw(st.integers(0, len(specs) - 1))
    lines_ = compose(specs)
    number_line = cue_lines(specs, k)
    del lines_[number_line - 1]
    assert ("cue-number-missing", number_line) in found(lines_)


@SETTINGS
@given(cue_lists(min_size=2), st.data())
def test_wrong_cue_number_is_reported_once(specs, data):
    k = data.draw(st.integers(0, len(specs) - 1))
    lines_ = compose(specs)
    number_line = cue_lines(specs, k)
    lines_[number_line - 1] = str(k + 1 + data.draw(st.integers(1, 50)))
    problems = found(lines_)
    assert ("cue-number-sequence", number_line) in problems
    assert sum(rule == "cue-number-sequence" for rule, _ in problems) <= 2


@SETTINGS
@given(cue_lists(min_size=2), st.data())
def test_removed_blank_line_between_cues_is_reported(specs, data):
    k = data.draw(st.integers(1, len(specs) - 1))
    lines_ = compose(specs)
    next_number = cue_lines(specs, k)
    del lines_[next_number - 2]  # the blank line above cue k
    assert ("missing-blank-line", next_number - 1) in found(lines_)


@SETTINGS
@given(cue_lists(), st.data(), st.sampled_from([" -> ", " --> ", "-->"]), st.booleans())
def test_malformed_timing_line_is_reported(specs, data, arrow, full_stops):
    assume(arrow != " --> " or full_stops)
    k = data.draw(st.integers(0, len(specs) - 1))
    lines_ = compose(specs)
    timing_line = cue_lines(specs, k) + 1
    line = lines_[timing_line - 1].replace(" --> ", arrow)
    lines_[timing_line - 1] = line.replace(",", ".") if full_stops else line
    assert ("malformed-timing-line", timing_line) in found(lines_)


@SETTINGS
@given(cue_lists(), st.data(), letter_words)  # a number alone would be a cue number
def test_stray_text_after_a_cue_is_reported(specs, data, stray):
    k = data.draw(st.integers(0, len(specs) - 1))
    lines_ = compose(specs)
    after_blank = cue_lines(specs, k + 1) if k + 1 < len(specs) else len(lines_) + 1
    lines_[after_blank - 1 : after_blank - 1] = [stray, ""]
    rule = "stray-text" if k + 1 < len(specs) else "trailing-garbage"
    assert (rule, after_blank) in found(lines_)


@SETTINGS
@given(cue_lists(), st.data())
def test_blank_line_after_timing_line_is_reported(specs, data):
    k = data.draw(st.integers(0, len(specs) - 1))
    lines_ = compose(specs)
    timing_line = cue_lines(specs, k) + 1
    lines_.insert(timing_line, "")
    problems = found(lines_)
    assert ("empty-text", timing_line) in problems
    if specs[k].text.split("\n")[0].isdigit():
        rule = "missing-timing-line"  # the cut-off text reads as a cue number
    else:
        rule = "stray-text" if k + 1 < len(specs) else "trailing-garbage"
    assert (rule, timing_line + 2) in problems


@SETTINGS
@given(cue_lists(), st.data())
def test_end_before_start_is_reported(specs, data):
    k = data.draw(st.integers(0, len(specs) - 1))
    lines_ = compose(specs)
    timing_line = cue_lines(specs, k) + 1
    start, end = lines_[timing_line - 1].split(" --> ")
    lines_[timing_line - 1] = f"{end} --> {start}"
    assert ("end-not-after-start", timing_line) in found(lines_)


@SETTINGS
@given(cue_lists(min_size=2), st.data())
def test_repeated_text_is_reported(specs, data):
    k = data.draw(st.integers(1, len(specs) - 1))
    specs[k] = Spec(specs[k].start, specs[k].end, specs[k - 1].text)
    assert ("repeated-text", cue_lines(specs, k) + 2) in found(compose(specs))


@SETTINGS
@given(cue_lists(), st.data())
def test_latin1_bytes_are_reported_at_their_line(specs, data):
    k = data.draw(st.integers(0, len(specs) - 1))
    lines_ = compose(specs)
    text_line = cue_lines(specs, k) + 2
    before, after = lines_[: text_line - 1], lines_[text_line:]
    data = (
        "\n".join([*before, ""]).encode("utf-8")
        + "Caffi'r café".encode("latin-1")
        + "\n".join(["", *after]).encode("utf-8")
    )
    _, problems = check_bytes(data, "p.srt")
    assert ("not-utf8", text_line) in {(p.rule, p.line) for p in problems}


# --- random damage -----------------------------------------------------------------------------


@st.composite
def damaged(draw):
    text = "\n".join(compose(draw(cue_lists())))
    data = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "delete", "insert", "duplicate"]))
        at = draw(st.integers(0, len(data)))
        if kind == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "insert":
            junk = draw(st.sampled_from([b"\n", b"\n\n", b"\r", b" --> ", b"12\n", b"\xff",
                                         b"00:00:01,000 --> 00:00:02,000\n", b"<i>", b"\t"]))
            data[at:at] = junk
        else:
            data[at:at] = data[max(0, at - 60) : at]
    return bytes(data)


@SETTINGS
@given(damaged())
def test_random_damage_never_crashes_and_nothing_is_silently_misread(data):
    cues, problems = check_bytes(data, "damaged.srt")
    for problem in problems:
        assert problem.line >= 1 and problem.rule and problem.message
    if not any(p.severity == "error" for p in problems):
        # Reported free of errors: srt.parse must read exactly the cues we read. (Both
        # sides with a lone CR read as a line break, as WebVTT and players do, and
        # invisible whitespace at line ends ignored.)
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        theirs = list(srt.parse(text))
        assert [(s.index, s.start, s.end, visible(s.content)) for s in theirs] == [
            (c.index, timedelta(milliseconds=c.start_ms), timedelta(milliseconds=c.end_ms),
             visible(c.text))
            for c in cues
        ]


def visible(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip("\n")


@SETTINGS
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_arbitrary_bytes_never_crash(data):
    _, problems = check_bytes(data, "noise.srt")
    assert all(problem.line >= 1 for problem in problems)
