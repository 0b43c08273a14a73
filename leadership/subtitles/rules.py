"""Every subtitle rule in one place: its id, severity, threshold, source and fix.

The numbers follow the Netflix Timed Text Style Guide (General Requirements and the
English guides) and the BBC Subtitle Guidelines. Where neither gives a figure (file
structure, the pairing of Welsh with English) the rule is the project's own and says so.
``docs-dev/subtitle-rules.md`` is generated from ``RULES`` by ``rules_table_markdown``
(a test keeps the two equal), so change a rule here, never only in the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from leadership.languages import DEFAULT_LANGUAGE
from leadership.reporting import Problem, Severity

NETFLIX_GENERAL = "Netflix Timed Text Style Guide: General Requirements"
NETFLIX_ENGLISH = "Netflix Timed Text Style Guide: English (USA)"
NETFLIX_TEMPLATE = "Netflix English Template Timed Text Style Guide"
BBC = "BBC Subtitle Guidelines"
PROJECT = "Project rule"


@dataclass(frozen=True)
class Thresholds:
    """The numbers the timing and readability rules use for one language."""

    min_duration_ms: int = 833  # 5/6 s
    max_duration_ms: int = 7000
    min_gap_ms: int = 80  # two frames at 25 fps, the UK frame rate
    max_cps: float = 20.0  # error above this
    warn_cps: float = 17.0  # warning above this
    max_lines: int = 2
    max_line_length: int = 42


# Neither guide gives Welsh-specific figures; Welsh uses the same numbers as English.
# Keep one entry per site language so a Welsh-specific figure has somewhere to go.
THRESHOLDS: dict[str, Thresholds] = {
    "en": Thresholds(),
    "cy": Thresholds(),
}

# A Welsh cue must start and end within this many milliseconds of its English cue:
# one frame at 25 fps. The Welsh subtitles share the English timings.
PAIR_TOLERANCE_MS = 40

# Welsh cue texts that may be identical to the English cue (compared without case,
# tags and surrounding punctuation): Welsh said in the English film, and words that
# are spelled the same in both languages.
UNTRANSLATED_ALLOWED: dict[str, frozenset[str]] = {
    "cy": frozenset({"diolch yn fawr", "diolch", "bore da", "croeso", "ok"}),
}

# Small linking words a proper name may contain in lower case ("University of Wales").
NAME_LINKING_WORDS = frozenset({"of", "the", "and", "for", "in", "y", "yr", "a", "ac", "ap", "ab"})


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: Severity
    threshold: str
    source: str
    fix: str


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        # structure
        Rule(
            "unreadable-file", "structure", "error", "-", PROJECT,
            "Check the path and the file's permissions.",
        ),
        Rule(
            "not-utf8", "structure", "error", "UTF-8 (a BOM and CRLF are fine)",
            f"{PROJECT}; WebVTT, which the site serves, must be UTF-8",
            "Re-save the file as UTF-8; the message names the encoding it seems to be in.",
        ),
        Rule(
            "no-cues", "structure", "error", "at least 1 cue", PROJECT,
            "Add the cues, or remove the file.",
        ),
        Rule(
            "missing-timing-line", "structure", "error", "number, timing line, text", PROJECT,
            "Add the timing line under the cue number. (The srt library silently merges "
            "such a block into the previous cue's text.)",
        ),
        Rule(
            "malformed-timing-line", "structure", "error", "`HH:MM:SS,mmm --> HH:MM:SS,mmm`",
            PROJECT,
            "Write the timing line exactly in that form: two digits each, a comma before "
            "the milliseconds, ` --> ` between, nothing after.",
        ),
        Rule(
            "cue-number-missing", "structure", "error", "one number line per cue", PROJECT,
            "Add the cue's number on the line above its timing line.",
        ),
        Rule(
            "cue-number-sequence", "structure", "error", "1, 2, 3, …", PROJECT,
            "Renumber the cues from 1 in steps of 1.",
        ),
        Rule(
            "missing-blank-line", "structure", "error", "1 blank line between cues", PROJECT,
            "Add a blank line after the cue's last text line.",
        ),
        Rule(
            "extra-blank-line", "structure", "warning", "1 blank line between cues",
            PROJECT, "Delete the extra blank line.",
        ),
        Rule(
            "stray-text", "structure", "error", "-", PROJECT,
            "A blank line ends a cue: remove the blank line if the text belongs to the cue "
            "above, give it a number and timing line if it is a cue, else delete it.",
        ),
        Rule(
            "trailing-garbage", "structure", "error", "-", PROJECT,
            "Delete the text after the last cue, or make it a cue.",
        ),
        # timing
        Rule(
            "end-not-after-start", "timing", "error", "end > start", PROJECT,
            "Correct the times: the end time must be later than the start time.",
        ),
        Rule(
            "overlap", "timing", "error", "end <= next start", PROJECT,
            "End the cue before the next one starts (with the minimum gap).",
        ),
        Rule(
            "gap-too-short", "timing", "warning", ">= 80 ms (2 frames at 25 fps)",
            f"{NETFLIX_GENERAL}: frame gap, 2 frames minimum",
            "Bring the cue's end time forward to leave a gap of 2 frames.",
        ),
        Rule(
            "too-short", "timing", "error", ">= 833 ms (5/6 s)",
            f"{NETFLIX_GENERAL}: minimum duration 5/6 second",
            "Lengthen the cue, or merge it with its neighbour.",
        ),
        Rule(
            "too-long", "timing", "error", "<= 7 s",
            f"{NETFLIX_GENERAL}: maximum duration 7 seconds",
            "Split the cue in two at a natural break.",
        ),
        # readability
        Rule(
            "cps-too-high", "readability", "error", "<= 20 characters per second",
            f"{NETFLIX_ENGLISH}: adult reading speed up to 20 cps; {BBC}: 160-180 words a "
            "minute",
            "Condense the text or give the cue more time. Counts every character shown, "
            "spaces and punctuation included, tags and line breaks excluded.",
        ),
        Rule(
            "cps-high", "readability", "warning", "<= 17 characters per second",
            f"{NETFLIX_TEMPLATE}: 17 cps; {NETFLIX_ENGLISH}: 17 cps for children",
            "Consider condensing: the cue is readable but fast.",
        ),
        Rule(
            "too-many-lines", "readability", "error", "<= 2 lines",
            f"{NETFLIX_GENERAL}: 2 lines maximum; {BBC}: avoid 3 lines or more",
            "Condense the text or split the cue.",
        ),
        Rule(
            "line-too-long", "readability", "error", "<= 42 characters a line",
            f"{NETFLIX_ENGLISH}: 42 characters per line; {BBC}: line length",
            "Break the line at a natural point, or condense it.",
        ),
        Rule(
            "empty-text", "readability", "error", "some text", PROJECT,
            "Give the cue its text, or delete the cue and renumber.",
        ),
        Rule(
            "repeated-text", "readability", "error", "differs from the previous cue",
            PROJECT, "Delete the duplicate cue and extend the previous cue's end time.",
        ),
        Rule(
            "unbalanced-tags", "readability", "error",
            "`<i>` `<b>` `<u>` `<font>` closed, nested",
            PROJECT, "Close each formatting tag, innermost first.",
        ),
        Rule(
            "unsafe-cue-markup", "readability", "error",
            "only `<i>` `<b>` `<u>` `<font>` tags", PROJECT,
            "Delete the tag: a subtitle may hold only formatting tags, never HTML such as "
            "`<script>`, `<img>` or `<a>` (the site shows cues as text).",
        ),
        # completeness across languages and films
        Rule(
            "missing-subtitles", "completeness", "error", "en and cy for every film",
            f"{PROJECT} (Welsh never less favourable than English)",
            "Create the missing `<film>.<lang>.srt` beside the other.",
        ),
        Rule(
            "cue-count-mismatch", "completeness", "error", "same number of cues", PROJECT,
            "Give the Welsh file one cue for every English cue.",
        ),
        Rule(
            "timing-mismatch", "completeness", "error", "within 40 ms (1 frame at 25 fps)",
            PROJECT, "Copy the English cue's timing line into the Welsh cue.",
        ),
        Rule(
            "untranslated", "completeness", "error",
            "differs from English unless a proper name or allow-listed", PROJECT,
            "Translate the cue; if it really is the same in Welsh, add it to "
            "`UNTRANSLATED_ALLOWED` in `leadership/subtitles/rules.py`.",
        ),
        Rule(
            "file-name", "completeness", "error", "`<film>.en.srt`, `<film>.cy.srt`", PROJECT,
            "Rename the file to `<film slug>.en.srt` or `<film slug>.cy.srt`.",
        ),
        Rule(
            "unknown-film", "completeness", "error", "film listed in films.yml", PROJECT,
            "Add the film to `transcripts/films.yml`, or fix the file name's slug.",
        ),
        Rule(
            "film-metadata", "completeness", "error",
            "schema in `leadership/subtitles/films.py`", PROJECT,
            "Fix `transcripts/films.yml` at the line given.",
        ),
        # the reviewed list of accepted warnings
        Rule(
            "accepted-warning-unused", "review", "error",
            "each entry matches a warning", PROJECT,
            "Delete the entry from `transcripts/accepted-warnings.yml`: the warning it accepted "
            "is gone (or it names an error, which must be mended). Not reported while the "
            "file has errors of its own: mend those first.",
        ),
        Rule(
            "accepted-warning-invalid", "review", "error", "file, cue, rule, reason", PROJECT,
            "Give each entry in `transcripts/accepted-warnings.yml` exactly `file`, `cue` "
            "(its number), `rule` and a `reason`.",
        ),
    )
}


def thresholds(language: str | None) -> Thresholds:
    return THRESHOLDS.get(language or DEFAULT_LANGUAGE, THRESHOLDS[DEFAULT_LANGUAGE])


def problem(rule_id: str, path: str, line: int, message: str) -> Problem:
    """A Problem for one of ``RULES``, with the rule's severity."""
    return Problem(path, line, rule_id, message, RULES[rule_id].severity)


def rules_table_markdown() -> str:
    """The rules as the one Markdown table in docs-dev/subtitle-rules.md."""
    rows = [
        "| rule id | category | severity | threshold | source | what to do |",
        "|---|---|---|---|---|---|",
    ]
    for rule in RULES.values():
        cells = (rule.id, rule.category, rule.severity, rule.threshold, rule.source, rule.fix)
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows) + "\n"
