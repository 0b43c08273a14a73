"""The checker over other projects' SRT/VTT test files, read where they are: ../shared.

`../shared/peer-corpora/srt/INDEX.md` says what is special about each file (the files come
from pysrt, webvtt-py, srtcheck and srt). For every file the checker must not crash, and
its structural findings must be exactly the ones listed here, each tied to what INDEX.md
says. The corpus is never copied into the project: without it these tests are skipped with
the reason (tests/peer_corpora.py says how to name the folder).
"""

from __future__ import annotations

import re

import pytest
import srt
from peer_corpora import corpus_folder

from leadership.subtitles.check import SubtitleFile, check_file
from leadership.subtitles.rules import RULES

CORPUS = corpus_folder("srt")
STRUCTURE = {rule_id for rule_id, rule in RULES.items() if rule.category == "structure"}


def timing_lines(name: str) -> list[int]:
    """Lines of a file that hold an arrow: its timing lines, as INDEX.md counts them."""
    text = (CORPUS / name).read_bytes().decode("utf-8-sig")
    return [n for n, line in enumerate(text.splitlines(), start=1) if "-->" in line]


def webvtt(name: str, *, numbered: tuple[int, ...] = (), extra=frozenset()) -> set:
    """A WebVTT file read as SRT: the header is stray text, every timing line is malformed
    (milliseconds after "."), and every cue lacks its number unless ``numbered``."""
    found = {("stray-text", 1)} | set(extra)
    for line in timing_lines(name):
        found.add(("malformed-timing-line", line))
        if line not in numbered:
            found.add(("cue-number-missing", line))
    return found


# file -> (structural findings as (rule, line), number of cues read)
EXPECTED: dict[str, tuple[set[tuple[str, int]], int]] = {
    # INDEX: indices 2, 4, 6
    "cdown-srt/ascii.srt": (
        {("cue-number-sequence", 1), ("cue-number-sequence", 5), ("cue-number-sequence", 9)}, 3
    ),
    # INDEX: GB2312 bytes (first at byte 32, line 3); indices 2, 4, 6
    "cdown-srt/gb2312.srt": (
        {("not-utf8", 3), ("cue-number-sequence", 1), ("cue-number-sequence", 5),
         ("cue-number-sequence", 9)}, 3,
    ),
    # INDEX: UTF-16/UTF-32 with a BOM; still read as 7 cues once decoded
    "pysrt/bom-utf-16-be.srt": ({("not-utf8", 1)}, 7),
    "pysrt/bom-utf-16-le.srt": ({("not-utf8", 1)}, 7),
    "pysrt/bom-utf-32-be.srt": ({("not-utf8", 1)}, 7),
    "pysrt/bom-utf-32-le.srt": ({("not-utf8", 1)}, 7),
    # INDEX: a UTF-8 BOM, which is fine
    "pysrt/bom-utf-8.srt": (set(), 7),
    # INDEX: player capability test; SRT coordinates after the timing line of cue 10
    "pysrt/capability_tester.srt": ({("malformed-timing-line", 64)}, 37),
    # INDEX says cues 3-7 are empty; the file has text in cues 5-7, so only cues 3 and 4
    # are empty (each followed by an extra blank line)
    "pysrt/empty.srt": ({("extra-blank-line", 15), ("extra-blank-line", 19)}, 7),
    # INDEX: timestamps without milliseconds
    "pysrt/invalid.srt": ({("malformed-timing-line", 2)}, 1),
    # INDEX: no index lines at all
    "pysrt/no-indexes.srt": (
        {("cue-number-missing", line) for line in (1, 5, 10, 17, 20, 23, 26)}, 7
    ),
    # INDEX calls it clean; its numbering starts at 0, not 1
    "pysrt/utf-8.srt": ({("cue-number-sequence", 1)}, 1332),
    # INDEX: Windows-1252 (first non-UTF-8 byte on line 7); numbering starts at 0
    "pysrt/windows-1252.srt": ({("not-utf8", 7), ("cue-number-sequence", 1)}, 1332),
    # INDEX: index jumps 13->164->15 at line 734 (srtcheck: pass with a warning; here a
    # wrong cue number is an error)
    "srtcheck/test1.shouldpass.withwarning.online.734.srt": ({("cue-number-sequence", 734)}, 452),
    # INDEX: timing line truncated and merged with text at line 406 (fail); the file also
    # has test1's wrong number, one line earlier
    "srtcheck/test2.shouldfail.online.406.srt": (
        {("malformed-timing-line", 406), ("cue-number-sequence", 733)}, 451
    ),
    # INDEX: index line "21" deleted at line 92 (fail)
    "srtcheck/test3.shouldfail.online.92.srt": ({("cue-number-missing", 92)}, 452),
    # INDEX: clean CRLF reference
    "srtcheck/test4.shouldpass.srt": (set(), 595),
    # INDEX: cp1252/GBK bytes (line 2811)
    "srtcheck/test5.shouldpass.srt": ({("not-utf8", 2811)}, 596),
    # INDEX: an extra "\r\r\n" blank line before EOF: srtcheck's line 2815 (fail)
    "srtcheck/test6.shouldfail.online.2815.srt": (
        {("not-utf8", 2811), ("extra-blank-line", 2815)}, 596
    ),
    # INDEX: as test6 without the extra blank line; the trailing lone CR ends the last line
    "srtcheck/test7.shouldpass.srt": ({("not-utf8", 2811)}, 596),
    "webvtt-py/captions_with_bom.vtt": (webvtt("webvtt-py/captions_with_bom.vtt"), 4),
    # NOTE blocks: stray text at 3, and after a blank line inside cue 2 at 17
    "webvtt-py/comments.vtt": (
        webvtt("webvtt-py/comments.vtt", numbered=(8, 13, 20),
               extra={("stray-text", 3), ("stray-text", 17)}), 3,
    ),
    # INDEX: MM:SS.mmm timing that srt reads as 0:24:20 (see the test below)
    "webvtt-py/cue_tags.vtt": (webvtt("webvtt-py/cue_tags.vtt"), 3),
    "webvtt-py/empty.vtt": ({("no-cues", 1)}, 0),
    # INDEX: cue 2 has no text (so one blank line too many follows it)
    "webvtt-py/empty_caption_text.srt": ({("extra-blank-line", 8)}, 5),
    # INDEX: WebVTT without its header, which srt parses as SRT without complaint
    "webvtt-py/invalid.vtt": (
        webvtt("webvtt-py/invalid.vtt") - {("stray-text", 1)}, 7
    ),
    # INDEX: just "1"
    "webvtt-py/invalid_format1.srt": ({("missing-timing-line", 1), ("no-cues", 1)}, 0),
    # INDEX: just "some text"
    "webvtt-py/invalid_format2.srt": ({("stray-text", 1), ("no-cues", 1)}, 0),
    # INDEX: index and text, no timing
    "webvtt-py/invalid_format3.srt": ({("missing-timing-line", 1), ("no-cues", 1)}, 0),
    # INDEX: text then timing, no index, no cue text
    "webvtt-py/invalid_format4.srt": ({("stray-text", 1), ("cue-number-missing", 2)}, 1),
    # INDEX: cue 2's end time uses "."
    "webvtt-py/invalid_timeframe.srt": ({("malformed-timing-line", 6)}, 5),
    "webvtt-py/invalid_timeframe.vtt": (webvtt("webvtt-py/invalid_timeframe.vtt"), 7),
    # a timing line inside cue 1's text: another cue, with no blank line before it
    "webvtt-py/invalid_timeframe_in_cue_text.vtt": (
        webvtt("webvtt-py/invalid_timeframe_in_cue_text.vtt",
               extra={("missing-blank-line", 7)}), 4,
    ),
    "webvtt-py/metadata_headers.vtt": (webvtt("webvtt-py/metadata_headers.vtt"), 2),
    "webvtt-py/metadata_headers_multiline.vtt": (
        webvtt("webvtt-py/metadata_headers_multiline.vtt"), 2
    ),
    # INDEX: cue 2 has no text
    "webvtt-py/missing_caption_text.srt": ({("extra-blank-line", 8)}, 5),
    "webvtt-py/missing_caption_text.vtt": (webvtt("webvtt-py/missing_caption_text.vtt"), 5),
    # INDEX: cue 2 has index and text but no timing line; srt silently merges it into cue 1
    "webvtt-py/missing_timeframe.srt": ({("missing-timing-line", 5)}, 4),
    # a caption with no timing line after cue 1: its text is stray
    "webvtt-py/missing_timeframe.vtt": (
        webvtt("webvtt-py/missing_timeframe.vtt", extra={("stray-text", 6)}), 6
    ),
    "webvtt-py/netflix_chicas_del_cable.vtt": (
        webvtt("webvtt-py/netflix_chicas_del_cable.vtt",
               numbered=tuple(timing_lines("webvtt-py/netflix_chicas_del_cable.vtt")),
               extra={("stray-text", 3), ("stray-text", 7)}), 865,
    ),
    "webvtt-py/no_captions.vtt": ({("stray-text", 1), ("no-cues", 1)}, 0),
    "webvtt-py/one_caption.srt": (set(), 1),
    "webvtt-py/one_caption.vtt": (webvtt("webvtt-py/one_caption.vtt"), 1),
    "webvtt-py/sample.srt": (set(), 5),
    "webvtt-py/sample.vtt": (webvtt("webvtt-py/sample.vtt"), 16),
    # two STYLE blocks before the cue
    "webvtt-py/styles.vtt": (
        webvtt("webvtt-py/styles.vtt", extra={("stray-text", 3), ("stray-text", 9)}), 1
    ),
    # INDEX: <font color> and <i> tags, a literal "<", accented French
    "webvtt-py/styles2.srt": (set(), 6),
    # an identifier line ("second caption") is stray text in SRT; cue 4 is numbered
    "webvtt-py/using_identifiers.vtt": (
        webvtt("webvtt-py/using_identifiers.vtt", numbered=(14,), extra={("stray-text", 6)}),
        6,
    ),
    # cue settings after the times; a blank line inside cue 1; no blank line before cue 3
    "webvtt-py/youtube_dl.vtt": (
        webvtt("webvtt-py/youtube_dl.vtt",
               extra={("extra-blank-line", 15), ("missing-blank-line", 19)}), 4,
    ),
}


def checked(name: str) -> SubtitleFile:
    return check_file(CORPUS / name, name)


def findings(result: SubtitleFile, rules=None) -> set[tuple[str, int]]:
    return {(p.rule, p.line) for p in result.problems if rules is None or p.rule in rules}


def test_every_corpus_file_is_listed_in_index_and_here():
    on_disk = {
        path.relative_to(CORPUS).as_posix()
        for path in CORPUS.rglob("*")
        if path.suffix in (".srt", ".vtt")
    }
    index = (CORPUS / "INDEX.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| ([\w.-]+/[\w.-]+) \|", index, flags=re.MULTILINE))
    assert on_disk == listed == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_structural_findings_and_cue_count(name):
    structure, cue_count = EXPECTED[name]
    result = checked(name)
    assert findings(result, STRUCTURE) == structure
    assert len(result.cues) == cue_count
    for problem in result.problems:
        assert problem.path == name and problem.line >= 1


# files in which the checker finds no structural error (at most warnings)
STRUCTURALLY_SOUND = sorted(
    name for name, (structure, _) in EXPECTED.items()
    if all(RULES[rule].severity == "warning" for rule, _ in structure)
)


@pytest.mark.parametrize("name", STRUCTURALLY_SOUND)
def test_where_structure_is_sound_srt_reads_the_same_cues(name):
    """No silent misreads: where we report no structural error, srt.parse agrees with us
    (a lone CR read as a line break on both sides, as WebVTT and players read it)."""
    text = (CORPUS / name).read_bytes().decode("utf-8-sig")
    theirs = list(srt.parse(text.replace("\r\n", "\n").replace("\r", "\n")))
    assert [(s.start.total_seconds(), s.end.total_seconds(), s.content) for s in theirs] == [
        (c.start, c.end, c.text) for c in checked(name).cues
    ]


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("cdown-srt/gb2312.srt", "gb18030"),  # the superset of GB2312
        ("pysrt/windows-1252.srt", "cp1252"),
        ("pysrt/bom-utf-16-be.srt", "UTF-16 (big-endian)"),
        ("pysrt/bom-utf-16-le.srt", "UTF-16 (little-endian)"),
        ("pysrt/bom-utf-32-be.srt", "UTF-32 (big-endian)"),
        ("pysrt/bom-utf-32-le.srt", "UTF-32 (little-endian)"),
        ("srtcheck/test5.shouldpass.srt", "cp1252"),
    ],
)
def test_not_utf8_names_encoding(name, encoding):
    result = checked(name)
    (problem,) = [p for p in result.problems if p.rule == "not-utf8"]
    assert encoding in problem.message


def test_utf16_and_utf32_files_read_the_same_cues_as_the_utf8_one():
    utf8 = checked("pysrt/bom-utf-8.srt").cues
    for name in ("bom-utf-16-be", "bom-utf-16-le", "bom-utf-32-be", "bom-utf-32-le"):
        assert checked(f"pysrt/{name}.srt").cues == utf8


def test_webvtt_short_timestamp_is_read_right_where_srt_misreads_it():
    result = checked("webvtt-py/cue_tags.vtt")
    assert (result.cues[0].start, result.cues[0].end) == (16.5, 18.5)
    (problem,) = [p for p in result.problems if (p.rule, p.line) == ("malformed-timing-line", 3)]
    assert "00:24:20,000" in problem.message  # what srt.parse(ignore_errors=True) reads


def test_block_srt_merges_is_split_out_and_numbering_stays_right():
    result = checked("webvtt-py/missing_timeframe.srt")
    assert [cue.text for cue in result.cues] == [
        "Caption text #1", "Caption text #3", "Caption text #4", "Caption text #5"
    ]
    merged = list(srt.parse((CORPUS / "webvtt-py/missing_timeframe.srt").read_text()))
    assert merged[0].content == "Caption text #1\n\n2\nCaption text #2"  # srt's silent merge


def test_capability_tester_timing_and_tags():
    result = checked("pysrt/capability_tester.srt")
    found = findings(result)
    # the zero-length cues 1 and 3
    assert {("end-not-after-start", 2), ("end-not-after-start", 15)} <= found
    # only cue 37's stray </b> is unbalanced; <s>, unknown tags and "2<3,5>1" are not
    assert {(rule, line) for rule, line in found if rule == "unbalanced-tags"} == {
        ("unbalanced-tags", 211)
    }
    # ASS overrides like {\an8} are not counted as characters
    assert ("line-too-long", 70) not in found


def test_empty_cues_are_reported_where_they_are():
    # at the timing line of the cue with no text (cues 3 and 4; see EXPECTED)
    assert {("empty-text", 13), ("empty-text", 17)} <= findings(checked("pysrt/empty.srt"))
    for name in ("webvtt-py/empty_caption_text.srt", "webvtt-py/missing_caption_text.srt"):
        assert ("empty-text", 6) in findings(checked(name))


def test_overlong_and_overlapping_cues_in_the_real_world_files():
    # INDEX says test5's cue 1 spans 0:00-3:40; in this copy it is 00:10:17,100 -->
    # 00:10:18,400 and nothing overlaps it. The file's one overlap is at line 988.
    test5 = findings(checked("srtcheck/test5.shouldpass.srt"))
    assert {(rule, line) for rule, line in test5 if rule == "overlap"} == {("overlap", 988)}
    assert not any(rule == "too-long" for rule, _ in test5)
    # styles2: cues 2 and 4 last 19.8 s and 1 min 50 s
    assert {("too-long", 6), ("too-long", 14)} <= findings(checked("webvtt-py/styles2.srt"))
