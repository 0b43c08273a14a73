"""The output contract every check shares.

One line per problem, ``path:line: rule-id: message``, then a summary line.
Exit 0 when there are no errors, 1 when there are, 2 for a usage error.
Warnings are printed but never fail a check.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal, TextIO

Severity = Literal["error", "warning"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
# The test suite sets it: a problem whose rule id is not in leadership/rules.py fails at once.
STRICT_RULES_VARIABLE = "LEADERSHIP_STRICT_RULES"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding of a check, located in a file."""

    path: str
    line: int
    rule: str
    message: str
    severity: Severity = "error"

    def __post_init__(self) -> None:
        if os.environ.get(STRICT_RULES_VARIABLE) == "1":
            from leadership.rules import is_registered

            if not is_registered(self.rule):
                raise ValueError(f"rule id {self.rule!r} is not in leadership/rules.py")

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: {self.rule}: {prefix}{self.message}"


def shown_path(path: Path, root: Path) -> str:
    """A file as problems name it: relative to ``root`` (the project) when inside it."""
    # Resolving costs a system call per folder, and a build names every page: most paths
    # are already absolute and inside the project, so try that first.
    if path.is_absolute() and root.is_absolute() and ".." not in (*path.parts, *root.parts):
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


class ContentError(Exception):
    """A content problem that stops one piece of content from being used.

    Carries where the problem is, so that whoever catches it can report
    ``path:line: rule: message`` instead of a traceback.
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def count(problems: Iterable[Problem]) -> tuple[int, int]:
    """Return (errors, warnings)."""
    errors = warnings = 0
    for problem in problems:
        if problem.severity == "error":
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def summary_line(
    check: str, problems: list[Problem], checked: int, unit: str, note: str = ""
) -> str:
    """``note`` (e.g. how many reviewed warnings were left out) follows in brackets."""
    errors, warnings = count(problems)
    after = f" ({note})" if note else ""
    if errors == 0 and warnings == 0:
        return f"{check}: OK, {checked} {unit} checked, no problems{after}"
    verdict = "FAILED" if errors else "OK"
    return (
        f"{check}: {verdict}, {checked} {unit} checked, "
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}{after}"
    )


def report(
    check: str,
    problems: list[Problem],
    checked: int,
    unit: str,
    output_format: str = "text",
    stream: TextIO | None = None,
    note: str = "",
) -> int:
    """Print every problem and a summary; return the exit code."""
    stream = stream or sys.stdout
    problems = sorted(problems)
    errors, warnings = count(problems)
    if output_format == "json":
        json.dump(
            {
                "check": check,
                "checked": checked,
                "errors": errors,
                "warnings": warnings,
                "problems": [asdict(p) for p in problems],
            },
            stream,
            ensure_ascii=False,
            indent=2,
        )
        stream.write("\n")
    else:
        for problem in problems:
            print(problem, file=stream)
        print(summary_line(check, problems, checked, unit, note), file=stream)
    return EXIT_PROBLEMS if errors else EXIT_OK
