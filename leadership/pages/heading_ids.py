"""Heading ids: unique within a page, and the same in both languages.

A link to a section (``page.md#why-it-matters``, a search result, a shared address) names
the heading's id. Welsh headings get their English page's ids (``{ #why-it-matters }``), so
a link works in either language and the language switch keeps the reader's place; an id
used twice on a page takes a link to the first only. Checked on the HTML each page renders
to (the pages check renders every page), each problem at the heading's source line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from leadership.languages import LANGUAGES
from leadership.markdown_source import code_spans, line_at, mask, split_source
from leadership.reporting import Problem
from leadership.rules import ACTIVITY_SECTION, HEADING_ID_DUPLICATE, HEADING_ID_PARITY

# Section headings (the page's one h1 is its title, which is in its own language).
SECTION_HEADING = re.compile(r"<h([2-6])\b[^>]*?\sid=\"([^\"]*)\"")
ANY_ID = re.compile(r"<[A-Za-z][^>]*?\sid=\"([^\"]*)\"")
SOURCE_HEADING = re.compile(r"^ {0,3}#{2,6}[ \t]", re.M)
# The rules whose problem is a heading's id itself (a guide's section ids are fixed).
ID_RULES = frozenset({ACTIVITY_SECTION})


def _source_heading_lines(text: str) -> list[int]:
    source = split_source(text)
    body = mask(source.body, code_spans(source.body))
    return [line_at(body, m.start(), source.body_line) for m in SOURCE_HEADING.finditer(body)]


def _line_of_id(text: str, element_id: str, fallback: int) -> int:
    """The first source line naming the id (``#id`` or ``id="id"``), else ``fallback``."""
    pattern = re.compile(rf"(?:#|id=[\"']?){re.escape(element_id)}(?![\w-])")
    for number, line in enumerate(text.split("\n"), 1):
        if pattern.search(line):
            return number
    return fallback


class PageIds:
    """A page's section heading ids, in order, and each one's source line."""

    def __init__(self, rendered: str, text: str):
        self.text = text
        self.headings = [m[2] for m in SECTION_HEADING.finditer(rendered)]
        self.all_ids = ANY_ID.findall(rendered)

    @cached_property
    def heading_lines(self) -> list[int]:
        """Each section heading's source line: read only for a page with a problem."""
        lines = _source_heading_lines(self.text)
        # ATX headings in the source line up with the rendered ones when the counts agree.
        return lines if len(lines) == len(self.headings) else [1] * len(self.headings)

    def line(self, index: int) -> int:
        return _line_of_id(self.text, self.headings[index], self.heading_lines[index])


def duplicate_problems(page: PageIds, path: str) -> list[Problem]:
    problems, seen = [], set()
    for element_id in page.all_ids:
        if element_id in seen:
            lines = [n for n, line in enumerate(page.text.split("\n"), 1)
                     if re.search(rf"(?:#|id=[\"']?){re.escape(element_id)}(?![\w-])", line)]
            line = lines[1] if len(lines) > 1 else (lines[0] if lines else 1)
            problems.append(Problem(
                path, line, HEADING_ID_DUPLICATE,
                f"id {element_id!r} is used more than once on this page: a link to "
                f"#{element_id} reaches only the first; give each its own id",
            ))
        seen.add(element_id)
    return problems


def parity_problems(
    pages: dict[str, tuple[str, PageIds]], reported: Iterable[Problem] = ()
) -> list[Problem]:
    """``pages``: '<lang>/<page>' -> (shown path, ids). Each Welsh (not default) page whose
    section ids differ from its English page's, at the first heading that differs. A heading
    whose id already has a problem of its own (``reported``: an English guide's mistyped
    section id, ``activity-section``) is compared once that is mended: the translation is
    not told to copy the mistake, nor is the mistake said twice."""
    faulty = {(p.path, p.line) for p in reported if p.rule in ID_RULES}
    problems = []
    english, *others = LANGUAGES
    for key, (shown, ids) in sorted(pages.items()):
        language, rest = key.split("/", 1)
        if language == english or f"{english}/{rest}" not in pages:
            continue
        english_shown, english_ids = pages[f"{english}/{rest}"]
        if ids.headings == english_ids.headings:
            continue
        for index, (own, theirs) in enumerate(
            zip(ids.headings, english_ids.headings, strict=False)
        ):
            if own != theirs:
                if {(english_shown, english_ids.line(index)), (shown, ids.line(index))} & faulty:
                    continue
                problems.append(Problem(
                    shown, ids.line(index), HEADING_ID_PARITY,
                    f"section {index + 1} has id {own!r} here but {theirs!r} in "
                    f"{english_shown}: write {{ #{theirs} }} after the heading, so a link to "
                    "the section works in both languages",
                ))
                break
        else:
            if len(ids.headings) == len(english_ids.headings):
                continue  # every difference is at an id reported on its own
            problems.append(Problem(
                shown, ids.line(len(english_ids.headings)) if len(ids.headings) > len(
                    english_ids.headings) else 1,
                HEADING_ID_PARITY,
                f"{len(ids.headings)} section headings here, {len(english_ids.headings)} in "
                f"{english_shown}: the two pages must have the same sections, with the same ids",
            ))
    return problems


def heading_id_problems(
    pages_ids: Iterable[tuple[str, str, PageIds]], reported: Iterable[Problem] = ()
) -> list[Problem]:
    """(key '<lang>/<page>', shown path, the ids of its rendered HTML) for each page;
    ``reported``: the pages' problems found before (``parity_problems``)."""
    pages, problems = {}, []
    for key, shown, ids in pages_ids:
        problems += duplicate_problems(ids, shown)
        pages[key] = (shown, ids)
    return problems + parity_problems(pages, reported)
