"""leadership.subtitles.cues: the one SRT parser (lines, misread detection, anchors, WebVTT)."""

from __future__ import annotations

import pytest
import srt

from leadership.reporting import ContentError
from leadership.subtitles.cues import (
    HTML_LANGUAGE_SPAN,
    Cue,
    SubtitleError,
    anchors,
    cue_id,
    decode_utf8,
    format_timestamp,
    formatted_text,
    parse_srt,
    read_srt,
    scan_srt,
    to_webvtt,
)
from leadership.subtitles.films import Phrase

TWO_CUES = (
    "1\n00:01:02,240 --> 00:01:05,920\nAttending means paying attention\nto those we lead.\n\n"
    "2\n00:01:06,120 --> 00:01:10,960\n<i>Being present</i> with them.\n"
)


def test_parse_gives_times_text_and_lines():
    assert parse_srt(TWO_CUES, "film.en.srt") == [
        Cue(1, 62.24, 65.92, "Attending means paying attention\nto those we lead.", 1, 2, 3),
        Cue(2, 66.12, 70.96, "<i>Being present</i> with them.", 6, 7, 8),
    ]


def test_bom_and_crlf_read_the_same():
    crlf = "\ufeff" + TWO_CUES.replace("\n", "\r\n")
    assert parse_srt(crlf, "x.srt") == parse_srt(TWO_CUES, "x.srt")
    text, problems = decode_utf8(crlf.encode("utf-8"), "x.srt")
    assert problems == [] and parse_srt(text, "x.srt") == parse_srt(TWO_CUES, "x.srt")


def test_read_srt(tmp_path):
    path = tmp_path / "film.cy.srt"
    path.write_bytes(b"\xef\xbb\xbf" + TWO_CUES.replace("\n", "\r\n").encode())
    assert [cue.text for cue in read_srt(path)][1] == "<i>Being present</i> with them."


def test_read_srt_rejects_other_encodings_with_the_line(tmp_path):
    path = tmp_path / "film.cy.srt"
    path.write_bytes(TWO_CUES.replace("them", "thém").encode("cp1252"))
    with pytest.raises(SubtitleError) as raised:
        read_srt(path)
    assert [(p.rule, p.line) for p in raised.value.problems] == [("not-utf8", 8)]
    assert isinstance(raised.value, ContentError)
    assert str(raised.value).startswith(f"{path}:8: not-utf8: ")


def test_read_srt_missing_file_is_a_subtitle_error(tmp_path):
    with pytest.raises(SubtitleError) as raised:
        read_srt(tmp_path / "nope.en.srt")
    assert raised.value.problems[0].rule == "unreadable-file"


def test_parse_raises_once_with_every_structural_problem():
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n"
        "2\nTwo, with no timing line.\n\n"
        "3\n00:00:05.000 --> 00:00:06,000\nThree.\n\n"
        "00:00:07,000 --> 00:00:08,000\nFour, no number.\n"
    )
    with pytest.raises(SubtitleError) as raised:
        parse_srt(text, "x.srt")
    assert [(p.rule, p.line) for p in raised.value.problems] == [
        ("missing-timing-line", 5),
        ("malformed-timing-line", 9),
        ("cue-number-missing", 12),
    ]


def test_scan_keeps_going_and_keeps_readable_cues():
    cues, problems = scan_srt("1\n00:00:01.000 --> 00:00:02,000\nOne.\n", "x.srt")
    assert [(c.start, c.end, c.text) for c in cues] == [(1.0, 2.0, "One.")]
    assert [p.rule for p in problems] == ["malformed-timing-line"]


def test_warnings_alone_do_not_stop_parsing():
    text = TWO_CUES.replace("\n\n2", "\n\n\n2")
    cues, problems = scan_srt(text, "x.srt")
    assert [(p.rule, p.severity) for p in problems] == [("extra-blank-line", "warning")]
    assert parse_srt(text, "x.srt") == cues


def test_what_srt_silently_misreads_is_reported():
    merged = (
        "1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\nTwo.\n\n"
        "3\n00:00:04,000 --> 00:00:05,000\nThree.\n"
    )
    # srt.parse merges block 2 into cue 1 without complaint...
    assert [s.content for s in srt.parse(merged)] == ["One.\n\n2\nTwo.", "Three."]
    # ...the project's parser keeps cue 1 as it is and reports block 2 at its number
    cues, problems = scan_srt(merged, "x.srt")
    assert [c.text for c in cues] == ["One.", "Three."]
    assert [(p.rule, p.line) for p in problems] == [("missing-timing-line", 5)]


def test_number_parted_from_its_timing_line_by_a_blank_line():
    # srt takes "7" as cue 2's number; in SRT the blank line ends the block
    text = "1\n00:00:01,000 --> 00:00:02,000\nOne.\n7\n\n00:00:03,000 --> 00:00:04,000\nTwo.\n"
    assert [s.index for s in srt.parse(text)] == [1, 7]
    cues, problems = scan_srt(text, "x.srt")
    assert [c.text for c in cues] == ["One.\n7", "Two."]
    assert [(p.rule, p.line) for p in problems] == [("cue-number-missing", 6)]


def test_arrows_and_times_in_text_are_text():
    text = "1\n00:00:01,000 --> 00:00:05,000\nFrom 10 -> 20,\nby 9.30 or 10:15.\n"
    assert scan_srt(text, "x.srt") == (parse_srt(text, "x.srt"), [])
    assert parse_srt(text, "x.srt")[0].text == "From 10 -> 20,\nby 9.30 or 10:15."


def test_cue_without_number_is_at_its_timing_line():
    cues, _ = scan_srt("00:00:01,000 --> 00:00:02,000\nOne.\n", "x.srt")
    assert (cues[0].index, cues[0].line, cues[0].timing_line, cues[0].text_line) == (0, 1, 1, 2)


@pytest.mark.parametrize(
    ("seconds", "anchor"),
    [(0, "t-00-00"), (62.24, "t-01-02"), (59.999, "t-00-59"), (60.0, "t-01-00"),
     (3600 + 61.5, "t-61-01")],
)
def test_cue_id(seconds, anchor):
    assert cue_id(seconds) == anchor


def test_anchors_are_unique_per_film():
    cues = [Cue(n, start, start + 0.5, "x", n, n, n) for n, start in
            enumerate([1.0, 1.6, 1.9, 2.0, 62.24], start=1)]
    assert anchors(cues) == ["t-00-01", "t-00-01-2", "t-00-01-3", "t-00-02", "t-01-02"]
    assert cues[4].anchor == "t-01-02"


def test_format_timestamp():
    assert format_timestamp(3_723_004) == "01:02:03,004"
    assert format_timestamp(62_240, ".") == "00:01:02.240"


def test_to_webvtt():
    cues = parse_srt(
        "1\n00:00:01,000 --> 00:00:02,500\n<i>Hello</i> & welcome,\n"
        '<font color="red">2 < 3</font>\n\n'
        "2\n00:01:02,240 --> 00:01:05,920\nDiolch.\n",
        "x.srt",
    )
    assert to_webvtt(cues) == (
        "WEBVTT\n\n"
        "t-00-01\n00:00:01.000 --> 00:00:02.500\n<i>Hello</i> &amp; welcome,\n2 &lt; 3\n\n"
        "t-01-02\n00:01:02.240 --> 00:01:05.920\nDiolch.\n"
    )


def test_words_in_the_other_language_are_in_a_language_span_across_line_breaks():
    cues = parse_srt(
        "1\n00:00:01,000 --> 00:00:02,500\nThat is all. Diolch\nyn fawr & hwyl.\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nThank you.\n",
        "x.srt",
    )
    phrases = [Phrase("en", "cy", "Diolch yn fawr & hwyl.", 9)]
    assert to_webvtt(cues, phrases).split("\n")[4:6] == [
        "That is all. <lang cy>Diolch", "yn fawr &amp; hwyl.</lang>"
    ]
    html = formatted_text("Diolch yn fawr & hwyl.", phrases, HTML_LANGUAGE_SPAN)
    assert html == '<span lang="cy">Diolch yn fawr &amp; hwyl.</span>'
    assert formatted_text("Thank you.", phrases, HTML_LANGUAGE_SPAN) == "Thank you."


def test_a_phrase_is_found_as_whole_words_only():
    phrases = [Phrase("en", "cy", "Diolch", 9)]
    assert formatted_text("Diolchgar. Diolch!", phrases) == (
        'Diolchgar. <span lang="cy">Diolch</span>!'
    )


def test_phrases_are_marked_in_the_text_only_once_each_the_longest_first():
    """Found in the text as written, between its tags and before it is escaped: a phrase
    never matches a tag, an entity or a span made for another phrase."""
    phrases = [
        Phrase("cy", "en", "span", 1), Phrase("cy", "en", "lt", 2),
        Phrase("en", "cy", "Diolch", 3), Phrase("en", "cy", "Diolch yn fawr", 4),
    ]
    assert formatted_text("<i>span</i> a < lt; Diolch yn fawr, Diolch", phrases) == (
        '<i><span lang="en">span</span></i> a &lt; <span lang="en">lt</span>; '
        '<span lang="cy">Diolch yn fawr</span>, <span lang="cy">Diolch</span>'
    )


def test_srt_round_trip_through_compose():
    cues = parse_srt(TWO_CUES, "x.srt")
    subtitles = [
        srt.Subtitle(c.index, srt.timedelta(milliseconds=c.start_ms),
                     srt.timedelta(milliseconds=c.end_ms), c.text)
        for c in cues
    ]
    assert srt.compose(subtitles, reindex=False) == TWO_CUES + "\n"
