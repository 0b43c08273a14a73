"""Turn a film's cues into readable transcript paragraphs, one element per cue.

Subtitles split sentences across cues and mark the split with dots: a cue whose
sentence runs on ends with "..." and the next begins with "..". On a page those
dots are noise, so cues that continue a sentence are joined, the dots at each join
are dropped, and sentences are grouped into paragraphs at the speaker's pauses.
The subtitle files themselves keep their dots.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from leadership.subtitles.cues import (
    HTML_LANGUAGE_SPAN,
    Cue,
    anchors,
    formatted_text,
    plain_text,
)

RUNS_ON = re.compile(r"\s*\.{2,}\s*$")
CONTINUES = re.compile(r"^\s*\.{1,}\s*")
# A pause this long after a finished sentence starts a new paragraph.
PARAGRAPH_PAUSE_SECONDS = 0.5
MAX_SENTENCES_PER_PARAGRAPH = 4


@dataclass(frozen=True)
class TranscriptCue:
    anchor: str
    start: float
    end: float
    text: str  # what the page shows: lines joined, continuation dots removed at joins
    time_label: str  # "1:02"
    phrases: tuple = ()  # words in another language that may be in it (films.yml's)

    @property
    def markup(self) -> str:
        """The text as HTML: formatting tags kept, anything else escaped or dropped, words in
        another language in a span with their lang. The one place cue text is marked safe
        for the (autoescaping) templates."""
        return Markup(formatted_text(self.text, self.phrases, HTML_LANGUAGE_SPAN))

    @property
    def plain(self) -> str:
        """The text as read, without formatting tags (for search)."""
        return " ".join(plain_text(self.text).split())


def time_label(seconds: float) -> str:
    """A timestamp as people say it: m:ss, or h:mm:ss past an hour."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def runs_on(text: str) -> bool:
    return bool(RUNS_ON.search(text))


def continues(text: str) -> bool:
    return bool(CONTINUES.match(text))


def display_text(text: str, joined_to_previous: bool, joined_to_next: bool) -> str:
    shown = " ".join(line.strip() for line in text.splitlines() if line.strip())
    if joined_to_previous:
        shown = CONTINUES.sub("", shown)
    if joined_to_next:
        shown = RUNS_ON.sub("", shown)
    return shown


def paragraphs(cues: list[Cue], phrases: Sequence = ()) -> list[list[TranscriptCue]]:
    """Group cues into paragraphs of whole sentences; every cue keeps its own entry.
    ``phrases`` are the words in another language the cues may hold (films.yml's)."""
    phrases = tuple(phrases)
    ids = anchors(cues)
    result: list[list[TranscriptCue]] = []
    current: list[TranscriptCue] = []
    sentences = 0
    for position, cue in enumerate(cues):
        previous = cues[position - 1] if position else None
        following = cues[position + 1] if position + 1 < len(cues) else None
        joined_to_previous = previous is not None and (
            runs_on(previous.text) or continues(cue.text)
        )
        joined_to_next = following is not None and (runs_on(cue.text) or continues(following.text))
        text = display_text(cue.text, joined_to_previous, joined_to_next)
        if current and not joined_to_previous:
            sentences += 1
            pause = cue.start - previous.end
            if pause >= PARAGRAPH_PAUSE_SECONDS or sentences >= MAX_SENTENCES_PER_PARAGRAPH:
                result.append(current)
                current, sentences = [], 0
        current.append(
            TranscriptCue(
                ids[position], cue.start, cue.end, text, time_label(cue.start), phrases
            )
        )
    if current:
        result.append(current)
    return result
