"""Reading a page's Markdown source as an editor wrote it: front matter, body, code.

Checks that report ``path:line`` (front matter, content safety, spelling) work on the
source text, not on rendered HTML, so every offset here maps back to a line of the file.
Masking replaces a span with spaces but keeps its newlines, so offsets and line numbers
stay those of the original file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# MkDocs's own rule (mkdocs.utils.meta.YAML_RE): front matter is a YAML block that starts on
# the first line with "---" and ends with a line of "---" or "...".
FRONT_MATTER_OPEN = re.compile(r"-{3}[ \t]*")
FRONT_MATTER_CLOSE = re.compile(r"(?:-{3}|\.{3})[ \t]*")

# A fenced code block (pymdownx.superfences allows fences indented inside lists and admonitions).
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")
# Inline code: a run of backticks, the code, and a run of the same length; never across a
# blank line (a paragraph break ends it, as in Markdown).
INLINE_CODE = re.compile(
    r"(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.S
)


@dataclass(frozen=True)
class Source:
    """A Markdown file split into its front matter and its body.

    ``front_matter`` is the YAML between the delimiters (None when the file has none);
    ``front_matter_line`` is the file line of its first YAML line; ``body_line`` is the file
    line where the body starts.
    """

    text: str
    front_matter: str | None
    front_matter_line: int
    body: str
    body_line: int
    closed: bool = True

    @property
    def body_offset(self) -> int:
        """Where the body starts in ``text``."""
        return len(self.text) - len(self.body)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_source(text: str) -> Source:
    """Split a page as MkDocs does. A missing closing delimiter leaves ``closed`` False."""
    text = normalise_newlines(text.removeprefix("\ufeff"))
    lines = text.split("\n")
    if not lines or not FRONT_MATTER_OPEN.fullmatch(lines[0]):
        return Source(text, None, 1, text, 1)
    for number, line in enumerate(lines[1:], start=1):
        if FRONT_MATTER_CLOSE.fullmatch(line):
            front = "\n".join(lines[1:number]) + "\n"
            body = "\n".join(lines[number + 1 :])
            return Source(text, front, 2, body, number + 2)
    return Source(text, "\n".join(lines[1:]), 2, "", len(lines) + 1, closed=False)


def line_at(text: str, offset: int, first_line: int = 1) -> int:
    """The file line of ``offset`` in ``text``, whose first line is file line ``first_line``."""
    return first_line + text.count("\n", 0, offset)


NOT_NEWLINE = re.compile(r"[^\n]")


def _disjoint(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, each cut to start where the one before it ended, empty ones
    dropped."""
    result = []
    cursor = 0
    for start, end in sorted(spans):
        start = max(start, cursor)
        if end > start:
            result.append((start, end))
            cursor = end
    return result


def outside(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The parts of ``range(length)`` that no span covers."""
    gaps = []
    cursor = 0
    for start, end in [*_disjoint(spans), (length, length)]:
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    return gaps


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with every span blanked to spaces, newlines kept."""
    pieces = []
    cursor = 0
    for start, end in _disjoint(spans):
        pieces += [text[cursor:start], NOT_NEWLINE.sub(" ", text[start:end])]
        cursor = end
    if not pieces:
        return text
    pieces.append(text[cursor:])
    return "".join(pieces)


def fenced_code_spans(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code blocks, fences included. An unclosed fence runs to the end."""
    spans = []
    offset = 0
    opened: tuple[int, str, int] | None = None  # (start offset, fence character, fence length)
    for line in text.split("\n"):
        end = offset + len(line)
        if opened is None:
            match = FENCE_OPEN.match(line)
            if match:
                fence = match["fence"]
                opened = (offset, fence[0], len(fence))
        else:
            stripped = line.strip()
            start, char, length = opened
            if stripped and set(stripped) == {char} and len(stripped) >= length:
                spans.append((start, end))
                opened = None
        offset = end + 1
    if opened is not None:
        spans.append((opened[0], len(text)))
    return spans


# Python-Markdown's indentation: a block indented this much more than the content it is in
# is a code block.
TAB_LENGTH = 4
# A block that opens content indented under it, with the project's extensions (a list item,
# an admonition, a collapsible block, a footnote, a definition): its indented blocks belong
# to it.
CONTAINER_START = re.compile(r"(?:[*+-]|\d+[.)]|!!!|\?{3}\+?|\[\^[^\]]+\]:|:)(?:[ \t]|$)")


def indented_code_spans(text: str) -> list[tuple[int, int]]:
    """Spans of indented code blocks: a block (lines between blank lines) indented four
    spaces more than the content it belongs to. Blocks under a list item, an admonition, a
    collapsible block, a footnote or a definition belong to it (Python-Markdown's rule)."""
    spans = []
    containers: list[int] = []  # the content indent of each open container, innermost last
    offset = 0
    for block in re.split(r"(\n[ \t]*\n)", text):
        start, offset = offset, offset + len(block)
        if not block.strip() or block.startswith("\n"):
            continue
        first = block.lstrip("\n").split("\n", 1)[0].expandtabs(TAB_LENGTH)
        indent = len(first) - len(first.lstrip())
        while containers and indent < containers[-1]:
            containers.pop()
        base = containers[-1] if containers else 0
        if indent >= base + TAB_LENGTH:
            spans.append((start, offset))
            continue
        for line in block.lstrip("\n").split("\n"):  # a list's items follow one another
            expanded = line.expandtabs(TAB_LENGTH)
            if CONTAINER_START.match(expanded.lstrip()):
                line_indent = len(expanded) - len(expanded.lstrip())
                while containers and line_indent < containers[-1] - TAB_LENGTH:
                    containers.pop()
                if containers and line_indent == containers[-1] - TAB_LENGTH:
                    containers.pop()  # the next item of the same list
                containers.append(line_indent + TAB_LENGTH)
    return spans


def code_spans(text: str) -> list[tuple[int, int]]:
    """Spans of fenced and indented code blocks and inline code: what Markdown shows as
    literal code."""
    fenced = fenced_code_spans(text)
    masked = mask(text, fenced)
    blocks = sorted(fenced + indented_code_spans(masked))
    masked = mask(text, blocks)
    inline = [match.span() for match in INLINE_CODE.finditer(masked)]
    return sorted(blocks + inline)


# The checks of one page (links, addresses in HTML, placeholders, Welsh) each ask for its
# text without code, one after another: the inline-code search is the costly part.
@lru_cache(maxsize=64)
def without_code(text: str) -> str:
    return mask(text, code_spans(text))
