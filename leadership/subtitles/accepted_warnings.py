"""Warnings about the source material that a person has reviewed and accepted.

The English subtitles keep the source's own text and timings, so a few of their cues are a
little fast or close together, and the checker rightly says so. Said on every run, those
lines hide a new warning. ``transcripts/accepted-warnings.yml`` records each reviewed one once,
by file, cue number and rule, with the reason; the checker then leaves it out and counts it
in its summary. A new warning still shows; an entry that no longer matches a warning is an
error, so the file never accepts more than it says.

Only warnings can be accepted: an error is never silenced this way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from leadership.reporting import Problem
from leadership.subtitles.cues import Cue
from leadership.subtitles.rules import problem
from leadership.yaml_nodes import compose_document

FILE_NAME = "accepted-warnings.yml"
FIELDS = ("file", "cue", "rule", "reason")


@dataclass(frozen=True)
class AcceptedWarning:
    file: str  # the subtitle file's name, e.g. leading-in-a-crisis.en.srt
    cue: int  # the cue's number as written in the file
    rule: str
    reason: str
    line: int  # where the entry starts in accepted-warnings.yml

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.file, self.cue, self.rule)


def read_accepted(path: Path, shown: str) -> tuple[list[AcceptedWarning], list[Problem]]:
    """The entries of an accepted-warnings file, and any problem with the file itself."""

    def invalid(line: int, message: str) -> Problem:
        return problem("accepted-warning-invalid", shown, line, message)

    try:
        root, data = compose_document(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return [], [invalid(1, f"cannot read: {error}")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return [], [invalid(line, f"not valid YAML: {getattr(error, 'problem', error)}")]
    if root is None:
        return [], []
    if not isinstance(data, list):
        return [], [invalid(root.start_mark.line + 1, "must be a list of entries")]
    entries: list[AcceptedWarning] = []
    found: list[Problem] = []
    for node, item in zip(root.value, data, strict=True):
        line = node.start_mark.line + 1
        if not isinstance(item, dict) or set(item) != set(FIELDS):
            found.append(invalid(line, f"each entry has exactly {', '.join(FIELDS)}"))
            continue
        if not isinstance(item["cue"], int) or not all(
            isinstance(item[key], str) and item[key].strip() for key in ("file", "rule", "reason")
        ):
            found.append(invalid(line, "file, rule and reason are text; cue is a number"))
            continue
        entries.append(
            AcceptedWarning(item["file"], item["cue"], item["rule"], item["reason"].strip(), line)
        )
    return entries, found


def cue_at(cues: Sequence[Cue], line: int) -> Cue | None:
    """The cue whose lines hold ``line``: the last cue starting at or before it."""
    found = None
    for cue in cues:
        if cue.line > line:
            break
        found = cue
    return found


def apply_accepted(
    problems: Iterable[Problem],
    cues_by_shown_path: dict[str, tuple[str, Sequence[Cue]]],
    entries: list[AcceptedWarning],
    shown: str,
) -> tuple[list[Problem], int]:
    """The problems left once accepted warnings are taken out, and how many were.

    ``cues_by_shown_path`` maps a problem's path to (file name, cues). Entries that accepted
    nothing become ``accepted-warning-unused`` errors at their line, unless their file has
    errors: a file that cannot be read whole may have lost the warning with the cue, and
    the entry's reviewed reason is needed again once the file is mended.
    """
    wanted = {entry.key: entry for entry in entries}
    used: set[tuple[str, int, str]] = set()
    errors: set[tuple[str, int, str]] = set()
    broken: set[str] = set()
    kept: list[Problem] = []
    for found in problems:
        key = None
        if found.path in cues_by_shown_path:
            name, cues = cues_by_shown_path[found.path]
            if found.severity == "error":
                broken.add(name)
            cue = cue_at(cues, found.line)
            if cue is not None:
                key = (name, cue.index, found.rule)
        if key in wanted and found.severity == "warning":
            used.add(key)
            continue
        if key is not None and found.severity == "error":
            errors.add(key)
        kept.append(found)
    checked_names = {name for name, _ in cues_by_shown_path.values()}
    for key, entry in wanted.items():
        if key in used or entry.file not in checked_names:
            continue
        if key in errors:
            message = (
                f"{entry.file} cue {entry.cue}: {entry.rule} is an error, which cannot be "
                "accepted: mend the cue and delete this entry"
            )
        elif entry.file in broken:
            continue  # the file's own errors come first
        else:
            message = (
                f"{entry.file} cue {entry.cue} no longer has a {entry.rule} warning: "
                "delete this entry"
            )
        kept.append(problem("accepted-warning-unused", shown, entry.line, message))
    return kept, len(used)
