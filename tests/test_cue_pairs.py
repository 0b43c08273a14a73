"""Each Welsh cue says what its English cue says: a length check that sends short cues to review.

Welsh usually runs longer than English, so a Welsh cue under ``RATIO`` of its English cue's
length (characters shown, counted as the subtitle checker counts them) has probably lost
words. Each such cue must be listed, with its Welsh text and the reason it was accepted, in
``transcripts/cue-length-review.yml``. A new short cue fails the test until someone reads it
against the English and either mends it or lists it; a listed cue whose Welsh has changed, or
that is no longer short, fails too, so the list never outlives the review.

Problems are reported as ``path:line: cue-length-review: message``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from leadership.subtitles.cues import plain_text, read_srt

ROOT = Path(__file__).resolve().parents[1]
TRANSCRIPTS = ROOT / "transcripts"
REVIEW_FILE = TRANSCRIPTS / "cue-length-review.yml"
FIXTURES = Path(__file__).parent / "fixtures" / "cue_pairs"
RATIO = 0.8
SHOWN_FIXTURES = FIXTURES.relative_to(ROOT)
RULE = "cue-length-review"


def shown_length(text: str) -> int:
    """Characters shown, as scripts/check_subtitles.py counts them: no tags, no line breaks."""
    shown = unicodedata.normalize("NFC", plain_text(text))
    return len(shown.replace("\n", ""))


def one_line(text: str) -> str:
    """A cue's text as the review file writes it: lines joined by " / "."""
    return " / ".join(line.strip() for line in plain_text(text).split("\n"))


@dataclass(frozen=True)
class ShortCue:
    film: str
    cue: int
    line: int
    english: str
    welsh: str

    @property
    def ratio(self) -> float:
        return shown_length(self.welsh) / shown_length(self.english)


def short_cues(folder: Path) -> tuple[list[ShortCue], dict[tuple[str, int], str]]:
    """Welsh cues under RATIO of their English cue, and every Welsh cue's text by (film, cue)."""
    short, welsh_texts = [], {}
    for english_path in sorted(folder.glob("*.en.srt")):
        film = english_path.name.removesuffix(".en.srt")
        welsh_path = english_path.with_name(f"{film}.cy.srt")
        for english, welsh in zip(read_srt(english_path), read_srt(welsh_path), strict=True):
            welsh_texts[(film, welsh.index)] = welsh.text
            if shown_length(welsh.text) < RATIO * shown_length(english.text):
                short.append(ShortCue(film, welsh.index, welsh.text_line, english.text, welsh.text))
    return short, welsh_texts


def review_entries(review_file: Path) -> list[tuple[int, dict]]:
    """The review file's entries, each with the line it starts on (none when there is no file)."""
    if not review_file.is_file():
        return []
    document = yaml.compose(review_file.read_text(encoding="utf-8"))
    entries = []
    for key, value in document.value:
        if key.value == "reviewed":
            for item in value.value:
                entries.append((item.start_mark.line + 1, yaml.safe_load(yaml.serialize(item))))
    return entries


def shown(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def cue_length_problems(folder: Path, review_file: Path) -> list[str]:
    short, welsh_texts = short_cues(folder)
    shown_review = shown(review_file)
    entries = review_entries(review_file)
    reviewed: dict[tuple[str, int], str] = {}
    problems = []
    for line, entry in entries:
        key = (entry.get("film"), entry.get("cue"))
        where = f"{shown_review}:{line}: {RULE}"
        if key not in welsh_texts:
            problems.append(f"{where}: {key[0]} has no Welsh cue {key[1]}")
            continue
        if not str(entry.get("reason") or "").strip():
            problems.append(f"{where}: {key[0]} cue {key[1]} has no reason")
        if entry.get("welsh") != one_line(welsh_texts[key]):
            problems.append(
                f"{where}: {key[0]} cue {key[1]} now reads {one_line(welsh_texts[key])!r}, "
                f"not the reviewed {entry.get('welsh')!r}: review it again"
            )
        reviewed[key] = entry.get("welsh")
    short_keys = {(cue.film, cue.cue) for cue in short}
    for line, entry in entries:
        key = (entry.get("film"), entry.get("cue"))
        if key in welsh_texts and key not in short_keys:
            problems.append(
                f"{shown_review}:{line}: {RULE}: {key[0]} cue {key[1]} is no longer short: "
                f"remove it from the list"
            )
    for cue in short:
        if (cue.film, cue.cue) not in reviewed:
            where = f"{shown(folder / f'{cue.film}.cy.srt')}:{cue.line}: {RULE}"
            problems.append(
                f"{where}: {shown_length(cue.welsh)} characters against "
                f"the English {shown_length(cue.english)} ({cue.ratio:.2f}, under {RATIO}): "
                f"check that it says everything {one_line(cue.english)!r} says, then mend it "
                f"or list it in {shown_review}"
            )
    return problems


def test_every_short_welsh_cue_in_the_films_is_reviewed():
    assert cue_length_problems(TRANSCRIPTS, REVIEW_FILE) == []


def test_the_review_list_is_short_and_gives_reasons():
    entries = review_entries(REVIEW_FILE)
    assert entries, "the review list is empty: remove the file rather than keep it empty"
    assert all(len(str(entry["reason"]).split()) >= 5 for _, entry in entries)


def test_a_new_short_cue_fails():
    problems = cue_length_problems(FIXTURES, FIXTURES / "no_such_review.yml")
    assert len(problems) == 1
    assert problems[0].startswith(f"{SHOWN_FIXTURES / 'talk.cy.srt'}:7: {RULE}: ")
    assert "There's an understandable tendency / to revert to command and control." in problems[0]


def test_a_reviewed_short_cue_passes():
    assert cue_length_problems(FIXTURES, FIXTURES / "reviewed.yml") == []


def test_a_changed_or_no_longer_short_cue_sends_the_entry_back_to_review():
    problems = cue_length_problems(FIXTURES, FIXTURES / "stale.yml")
    stale = SHOWN_FIXTURES / "stale.yml"
    assert problems == [
        f"{stale}:3: {RULE}: talk cue 2 now reads \"Mae tuedd i droi'n ôl / at orchymyn a "
        f"rheoli.\", not the reviewed 'Mae tuedd ddealladwy / at orchymyn a rheoli.': review it "
        f"again",
        f"{stale}:7: {RULE}: talk cue 3 is no longer short: remove it from the list",
    ]


def test_an_entry_without_a_reason_or_for_a_missing_cue_is_reported():
    problems = cue_length_problems(FIXTURES, FIXTURES / "no_reason.yml")
    listed = SHOWN_FIXTURES / "no_reason.yml"
    assert problems == [
        f"{listed}:3: {RULE}: talk cue 2 has no reason",
        f"{listed}:7: {RULE}: talk has no Welsh cue 9",
    ]


@pytest.mark.parametrize(("text", "length"), [
    ("<i>Helo</i>,\nMichael", 12),
    ("w\u0302", 1),
    ("Rydw i'n\nUwch Gymrawd", 20),
])
def test_length_is_counted_as_the_subtitle_checker_counts_it(text, length):
    assert shown_length(text) == length
