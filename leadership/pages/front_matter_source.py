"""The one reader of a page's YAML front matter, keeping the file line of every key.

A page is split at its ``---`` fences as MkDocs splits it (``split_source``); the YAML is
composed once, so the node tree gives every key's line and the data is built from it, as
``yaml.safe_load`` would. ``read_front_matter`` is the one reader every check and the
build use (``FrontMatter``: the data and the file line of every key); a build reads each
page once (``leadership.content``). This module imports no check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from leadership.markdown_source import FRONT_MATTER_OPEN, Source, split_source
from leadership.reporting import ContentError, Problem
from leadership.rules import FRONT_MATTER_MISPLACED
from leadership.yaml_nodes import compose_document, describe_error

# Why front matter could not be read (``UnreadableFrontMatter.reason``).
MISSING = "missing"  # the page does not start with a '---' line
UNCLOSED = "unclosed"  # no closing '---' (or '...') line
INVALID_YAML = "invalid-yaml"  # ``yaml_error`` says why
NOT_A_MAPPING = "not-a-mapping"  # the YAML is not a mapping of keys (or is empty)


class UnreadableFrontMatter(Exception):
    """The front matter cannot be read; callers turn this into their own ``Problem``."""

    def __init__(self, reason: str, source: Source, yaml_text: str = "",
                 yaml_error: yaml.YAMLError | None = None):
        super().__init__(reason)
        self.reason = reason
        self.source = source
        self.yaml_text = yaml_text  # the YAML that was parsed
        self.yaml_error = yaml_error
        self.first_line = source.front_matter_line  # file line of the YAML's first line


@dataclass
class ParsedFrontMatter:
    source: Source
    yaml_text: str
    node: yaml.MappingNode
    data: dict[str, Any]
    # Key path (keys, and list indexes) -> file line of that key or list item.
    key_lines: dict[tuple, int] = field(default_factory=dict)
    duplicates: list[tuple[tuple, int]] = field(default_factory=list)

    @property
    def first_line(self) -> int:
        return self.source.front_matter_line

    @property
    def body(self) -> str:
        return self.source.body

    @property
    def body_line(self) -> int:
        return self.source.body_line


def parse(text: str) -> ParsedFrontMatter:
    """Split ``text`` into front matter and body and parse the front matter.

    A key given twice is listed in ``duplicates``; its line in ``key_lines`` is that of its
    first occurrence. Raises ``UnreadableFrontMatter``.
    """
    source = split_source(text)
    if source.front_matter is None:
        raise UnreadableFrontMatter(MISSING, source)
    if not source.closed:
        raise UnreadableFrontMatter(UNCLOSED, source, source.front_matter)
    yaml_text = source.front_matter
    try:
        node, data = compose_document(yaml_text)
    except yaml.YAMLError as error:
        raise UnreadableFrontMatter(INVALID_YAML, source, yaml_text, error) from None
    if not isinstance(data, dict):
        raise UnreadableFrontMatter(NOT_A_MAPPING, source, yaml_text)
    parsed = ParsedFrontMatter(source, yaml_text, node, data)
    _collect(node, (), source.front_matter_line, parsed)
    return parsed


def _collect(node, key_path: tuple, first: int, parsed: ParsedFrontMatter) -> None:
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value
            child = (*key_path, key)
            line = first + key_node.start_mark.line
            if key in seen:
                parsed.duplicates.append((child, line))
            seen.add(key)
            parsed.key_lines.setdefault(child, line)
            _collect(value_node, child, first, parsed)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*key_path, index)
            parsed.key_lines[child] = first + item.start_mark.line
            _collect(item, child, first, parsed)


# --- the one reader ------------------------------------------------------------------


@dataclass
class FrontMatter:
    """A page's front matter: its data, and the file line of every key and of every entry."""

    path: str
    source: Source
    data: dict[str, Any]
    key_lines: dict[tuple, int] = field(default_factory=dict)
    # Top-level key -> (first line, last line) of its whole entry, value included.
    entry_lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    duplicates: list[tuple[tuple, int]] = field(default_factory=list)

    def line(self, *key_path) -> int:
        """The line of a key (of its nearest parent when it is missing)."""
        while key_path and key_path not in self.key_lines:
            key_path = key_path[:-1]
        return self.key_lines.get(key_path, 1)


def read_front_matter(text: str, path: str) -> FrontMatter:
    """Parse a page's front matter; raises ContentError (path:line) when it cannot be read."""
    try:
        parsed = parse(text)
    except UnreadableFrontMatter as unreadable:
        raise ContentError([_unreadable_problem(unreadable, path)]) from None
    source = parsed.source
    first = parsed.first_line
    front = FrontMatter(path, source, parsed.data, parsed.key_lines,
                        duplicates=parsed.duplicates)
    yaml_lines = source.front_matter.split("\n")
    for key_node, _ in parsed.node.value:
        start = key_node.start_mark.line
        last = block_end(yaml_lines, start, key_node.start_mark.column + 1)
        front.entry_lines[str(key_node.value)] = (first + start, first + last)
    return front


def _unreadable_problem(unreadable: UnreadableFrontMatter,
                        path: str) -> Problem:
    reason = unreadable.reason
    if reason == MISSING:
        lines = unreadable.source.text.split("\n")
        opening = next((n for n, line in enumerate(lines) if line.strip()), None)
        if opening and FRONT_MATTER_OPEN.fullmatch(lines[opening]):
            # Not read as front matter at all: the page would show its keys as text, and
            # the checks that read the page's text wait until it is mended.
            return Problem(path, opening + 1, FRONT_MATTER_MISPLACED,
                           "the front matter's '---' must be the file's first line: remove "
                           + ("the blank line" if opening == 1 else f"the {opening} blank lines")
                           + " above it")
        return Problem(path, 1, "frontmatter-missing",
                       "the page must start with front matter: a line '---', then title, "
                       "description and kind, then a line '---'")
    if reason == UNCLOSED:
        return Problem(path, 1, "frontmatter-syntax", "the front matter has no closing '---' line")
    first = unreadable.first_line
    if reason == NOT_A_MAPPING:
        return Problem(path, first, "frontmatter-syntax",
                       "the front matter must be lines of 'key: value'")
    line, message = describe_error(unreadable.yaml_error, unreadable.yaml_text, first)
    return Problem(
        path, line, "frontmatter-syntax", f"the front matter is not valid YAML: {message}"
    )


def block_end(lines: list[str], start: int, min_indent: int) -> int:
    """The index of the last line of the YAML block that starts at ``lines[start]``.

    The block goes on while lines are indented by at least ``min_indent``; blank lines and
    comments at its end belong to what follows.
    """
    last = start
    for index in range(start + 1, len(lines)):
        stripped = lines[index].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(lines[index]) - len(lines[index].lstrip(" ")) < min_indent:
            break
        last = index
    return last
