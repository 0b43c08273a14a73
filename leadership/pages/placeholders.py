"""Placeholder text left from the new-page templates (templates/pages/) must not be published.

``leadership/pages/new_page.py`` starts every page from a template whose prose only says what to
write ("An example from care at home."). A page that still holds such a phrase passed every
other check. The phrases are read from the templates themselves, so a new template is
covered with no list to keep: each run of four or more words in a template's body (outside
headings, bold labels and link targets) and in its front-matter texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from leadership.markdown_source import line_at, split_source, without_code
from leadership.reporting import Problem

RULE = "page-placeholder"
TEMPLATES = Path("templates") / "pages"
MIN_WORDS = 4
# Template fields with a real, reusable value, not an instruction: kept as they are.
KEPT_FIELDS = frozenset({"audience"})
FILL_IN = re.compile(r"\{\{.*?\}\}")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
# Bold labels ("**Watch and introduce (5 minutes).**") repeat the front matter's step titles,
# which a real page keeps: they are not placeholders.
BOLD = re.compile(r"\*\*[^*]+\*\*")
# What separates phrases within a line: italic markers, link syntax and targets.
MARKUP = re.compile(r"\]\([^)]*\)|[\[\]*_`]")
# A template line meant to stay as it is on a real page (the source it is based on) ends
# with this marker; leadership/pages/new_page.py removes it when it fills the template.
KEPT_LINE = "<!-- kept -->"


@dataclass(frozen=True)
class Phrase:
    text: str
    template: str  # e.g. templates/pages/principle.en.md


def phrases_of(line: str) -> list[str]:
    """The runs of prose in one line of a template that are long enough to be recognised."""
    if line.rstrip().endswith(KEPT_LINE):
        return []
    line = BOLD.sub("\n", FILL_IN.sub("\n", LIST_MARKER.sub("", line)))
    runs = (" ".join(run.split()) for run in MARKUP.sub("\n", line).split("\n"))
    return [run for run in runs if len(run.split()) >= MIN_WORDS]


@cache
def template_phrases(templates_dir: Path) -> tuple[Phrase, ...]:
    found: dict[str, Phrase] = {}
    for template in sorted(templates_dir.glob("*.md")):
        name = f"{TEMPLATES.as_posix()}/{template.name}"
        source = split_source(template.read_text(encoding="utf-8"))
        for line in source.body.split("\n"):
            if line.lstrip().startswith("#"):
                continue
            for text in phrases_of(line):
                found.setdefault(text, Phrase(text, name))
        for text in _front_matter_texts(source.front_matter or ""):
            for phrase in phrases_of(text):
                found.setdefault(phrase, Phrase(phrase, name))
    return tuple(found.values())


def _front_matter_texts(front_matter: str) -> list[str]:
    try:
        data = yaml.safe_load(FILL_IN.sub("x", front_matter))
    except yaml.YAMLError:
        return []
    texts: list[str] = []

    def walk(value, key=None):
        if key in KEPT_FIELDS:
            return
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for inner_key, inner in value.items():
                walk(inner, inner_key)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, key)

    walk(data)
    return texts


def check_placeholders(text: str, shown: str, phrases: tuple[Phrase, ...]) -> list[Problem]:
    """A problem for each line of a page that still holds a template's placeholder phrase."""
    source = split_source(text)
    problems = []
    searched = [(source.front_matter or "", source.front_matter_line)]
    searched.append((without_code(source.body), source.body_line))
    for part, first_line in searched:
        for phrase in phrases:
            start = part.find(phrase.text)
            while start >= 0:
                problems.append(Problem(
                    shown, line_at(part, start, first_line), RULE,
                    f"'{phrase.text}' is placeholder text from {phrase.template}: "
                    "replace it with this page's own content",
                ))
                start = part.find(phrase.text, start + len(phrase.text))
    return problems
