"""The one reader of a page's YAML front matter, keeping the file line of every key.

A page is split at its ``---`` fences as MkDocs splits it (``split_source``); the YAML is
composed once, so the node tree gives every key's line and the data is built from it, as
``yaml.safe_load`` would. ``leadership.frontmatter`` (every page) and
``leadership.activities`` (activity guides) both read pages with ``parse`` and word the
problems in their own rules. This module imports neither of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from leadership.markdown_source import Source, split_source
from leadership.yaml_nodes import compose_document

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


def parse(
    text: str, *, later_duplicates_win: bool = False, yaml_final_newline: bool = True
) -> ParsedFrontMatter:
    """Split ``text`` into front matter and body and parse the front matter.

    A key given twice is listed in ``duplicates``; its line in ``key_lines`` is that of its
    first occurrence, or of its last with ``later_duplicates_win``. ``yaml_final_newline``
    False parses the YAML without the line break before the closing fence. Raises
    ``UnreadableFrontMatter``.

    The same text is parsed once: a build reads a page for the site check, for its
    translation status and, for an activity, for its guide. Callers must not change
    what they get.
    """
    return _parse(text, later_duplicates_win, yaml_final_newline)


@lru_cache(maxsize=4096)
def _parse(text: str, later_duplicates_win: bool, yaml_final_newline: bool) -> ParsedFrontMatter:
    source = split_source(text)
    if source.front_matter is None:
        raise UnreadableFrontMatter(MISSING, source)
    if not source.closed:
        raise UnreadableFrontMatter(UNCLOSED, source, source.front_matter)
    yaml_text = source.front_matter
    if not yaml_final_newline:
        yaml_text = yaml_text.removesuffix("\n")
    try:
        node, data = compose_document(yaml_text)
    except yaml.YAMLError as error:
        raise UnreadableFrontMatter(INVALID_YAML, source, yaml_text, error) from None
    if not isinstance(data, dict):
        raise UnreadableFrontMatter(NOT_A_MAPPING, source, yaml_text)
    parsed = ParsedFrontMatter(source, yaml_text, node, data)
    _collect(node, (), source.front_matter_line, parsed, later_duplicates_win)
    return parsed


def _collect(node, key_path: tuple, first: int, parsed: ParsedFrontMatter,
             later_wins: bool) -> None:
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value
            child = (*key_path, key)
            line = first + key_node.start_mark.line
            if key in seen:
                parsed.duplicates.append((child, line))
            seen.add(key)
            if later_wins:
                parsed.key_lines[child] = line
            else:
                parsed.key_lines.setdefault(child, line)
            _collect(value_node, child, first, parsed, later_wins)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*key_path, index)
            parsed.key_lines[child] = first + item.start_mark.line
            _collect(item, child, first, parsed, later_wins)
