"""The real films: the source fixtures, the published SRT files and films.yml agree.

The English files are the source transcript with exactly the corrections films.yml
records; the Welsh files have the same cues and timings; the checker finds no errors.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from leadership.subtitles.check import check_paths
from leadership.subtitles.cues import Cue, read_srt, scan_srt
from leadership.subtitles.films import load_films, subtitle_path

ROOT = Path(__file__).resolve().parents[1]
TRANSCRIPTS = ROOT / "transcripts"
FILMS = {film.slug: film for film in load_films(TRANSCRIPTS)}

# slug -> (cues in the source, cues after the corrections, first cue, last cue)
EXPECTED = {
    "what-compassionate-leadership-means": (
        85, 84,
        (0.72, 2.2, "Hello, I'm Michael West"),
        (
            291.72, 296.16,
            "..for the benefit of the people and\ncommunities all across the country.",
        ),
    ),
    "leading-in-a-crisis": (
        76, 76,
        (0.72, 2.32, "Hello, I'm Michael West."),
        (271.52, 272.72, "Diolch yn fawr."),
    ),
}


def source_cues(slug: str) -> list[Cue]:
    path = ROOT / FILMS[slug].source_fixture
    cues, _ = scan_srt(path.read_text(encoding="utf-8"), str(path))
    return cues


def test_the_films_are_the_two_films():
    assert list(FILMS) == list(EXPECTED)


@pytest.mark.parametrize("slug", EXPECTED)
def test_source_fixture_cue_count(slug):
    assert len(source_cues(slug)) == EXPECTED[slug][0]


@pytest.mark.parametrize("slug", EXPECTED)
@pytest.mark.parametrize("language", ["en", "cy"])
def test_published_cue_count_first_and_last(slug, language):
    _, corrected, first, last = EXPECTED[slug]
    cues = read_srt(subtitle_path(TRANSCRIPTS, slug, language))
    assert len(cues) == corrected
    assert [cue.index for cue in cues] == list(range(1, corrected + 1))
    if language == "en":
        assert (cues[0].start, cues[0].end, cues[0].text) == first
        assert (cues[-1].start, cues[-1].end, cues[-1].text) == last
    else:
        assert (cues[0].start, cues[0].end) == first[:2]
        assert (cues[-1].start, cues[-1].end) == last[:2]


@pytest.mark.parametrize("slug", EXPECTED)
def test_welsh_has_the_english_cues_and_timings_exactly(slug):
    english = read_srt(subtitle_path(TRANSCRIPTS, slug, "en"))
    welsh = read_srt(subtitle_path(TRANSCRIPTS, slug, "cy"))
    timings = [(c.index, c.start, c.end) for c in english]
    assert [(c.index, c.start, c.end) for c in welsh] == timings
    assert [c.anchor for c in welsh] == [c.anchor for c in english]


def _same_cue(source: Cue, published: Cue) -> bool:
    """Whether a published cue stands for a source cue: same start, or same words."""
    return source.start == published.start or source.text.split() == published.text.split()


@pytest.mark.parametrize("slug", EXPECTED)
def test_english_is_the_source_with_exactly_the_recorded_corrections(slug):
    source = source_cues(slug)
    published = read_srt(subtitle_path(TRANSCRIPTS, slug, "en"))
    changed = set()
    j = 0
    for number, cue in enumerate(source, start=1):
        if j < len(published) and _same_cue(cue, published[j]):
            mine = published[j]
            if (cue.index, cue.start, cue.end, cue.text) != (number, mine.start, mine.end,
                                                            mine.text):
                changed.add(number)
            j += 1
        else:
            changed.add(number)  # removed
    assert j == len(published), "published cues not in the source"
    recorded = {c["cue"] for c in FILMS[slug].corrections if c["language"] == "en"}
    assert changed == recorded


def test_the_source_defects_the_issue_names_are_caught_by_the_checker():
    """About half a second on screen, a repeat of the previous cue, a cue with no number."""
    found = {
        (Path(p.path).name, p.rule)
        for p in check_paths([ROOT / "tests" / "fixtures" / "srt" / "source"]).problems
    }
    assert {
        ("what-compassionate-leadership-means.source.srt", "repeated-text"),
        ("leading-in-a-crisis.source.srt", "too-short"),
        ("leading-in-a-crisis.source.srt", "cue-number-missing"),
    } <= found


def test_corrections_name_source_cues_and_give_reasons():
    for slug, film in FILMS.items():
        count = EXPECTED[slug][0]
        for correction in film.corrections:
            assert 1 <= correction["cue"] <= count
            assert correction["reason"].strip() and correction["change"].strip()


def test_real_transcripts_pass_the_checker_with_no_errors():
    result = check_paths([TRANSCRIPTS])
    errors = [str(p) for p in result.problems if p.severity == "error"]
    assert errors == []
    assert result.checked == 2 * len(FILMS)


def test_cue_text_has_no_web_page_layout_left():
    # the source page put blank lines inside cues and numbers on their own lines
    for path in TRANSCRIPTS.glob("*.srt"):
        for cue in read_srt(path):
            assert "\n\n" not in cue.text and not re.fullmatch(r"\d+", cue.text.split("\n")[-1])
