"""YAML node trees for the readers that need every key's line: pages' front matter and films.yml.

libyaml composes the tree (the same nodes, with the same lines and columns) about ten
times faster than PyYAML's pure-Python parser, which took a third of the hooks' build time
on a 1,236-page site (benchmarks/bench_site.py). libyaml words its errors differently, so
when it refuses a text the pure-Python parser reads it again: errors say the same whichever
parser PyYAML was built with, and a text only one of them accepts is read as the
pure-Python parser reads it.

Aliases (``*name``) are refused before anything is composed: content comes by pull request,
and a few lines of nested aliases ("billion laughs") expand to more nodes than memory holds
for anything that walks the tree. No file the project reads needs them.
"""

from __future__ import annotations

from typing import Any

import yaml

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose_document(text: str) -> tuple[yaml.Node | None, Any]:
    """(root node, data) of a single YAML document; raises ``yaml.YAMLError``.

    The data is what ``yaml.safe_load`` gives; the root is None for an empty document.
    """
    return _with_either_parser(text, construct=True)


def compose(text: str) -> yaml.Node | None:
    """The root node of a single YAML document (``yaml.compose``); raises ``yaml.YAMLError``."""
    return _with_either_parser(text, construct=False)[0]


def _with_either_parser(text: str, construct: bool) -> tuple[yaml.Node | None, Any]:
    try:
        return _compose(text, FAST_LOADER, construct)
    except yaml.YAMLError:
        if FAST_LOADER is yaml.SafeLoader:
            raise
    return _compose(text, yaml.SafeLoader, construct)


ALIASES_REFUSED = "aliases (*{name}) are not allowed: write the value out in full"


def refuse_aliases(text: str, loader_class=FAST_LOADER) -> None:
    """Raise ``yaml.composer.ComposerError`` at the first alias in ``text`` (and any error
    the scanner meets before it)."""
    if "*" not in text:  # every alias starts with one
        return
    loader = loader_class(text)
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, yaml.AliasToken):
                raise yaml.composer.ComposerError(
                    None, None, ALIASES_REFUSED.format(name=token.value), token.start_mark
                )
    finally:
        loader.dispose()


def _compose(text: str, loader_class, construct: bool) -> tuple[yaml.Node | None, Any]:
    refuse_aliases(text, loader_class)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if construct and node is not None else None
    finally:
        loader.dispose()
    return node, data


def describe_error(error: yaml.YAMLError, text: str, first_line: int = 1) -> tuple[int, str]:
    """(line, message) for a YAML error in ``text``, whose first line is file line
    ``first_line``: where YAML stopped, what it was reading from where, and the usual mend."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return first_line, str(error)
    mark = error.problem_mark or error.context_mark
    line = first_line + mark.line if mark else first_line
    # YAML notices a mistake where it stops making sense, often a line after it; the context
    # says where the construct it was reading began.
    where = ""
    if error.context and error.context_mark and error.problem_mark:
        where = f" ({error.context} that starts on line {first_line + error.context_mark.line})"
    return line, f"{error.problem or error}{where}{_hint(error, text, mark)}"


def _hint(error: yaml.MarkedYAMLError, text: str, mark) -> str:
    """The usual mend of the mistakes editors make: a tab, an entry indented unlike its
    neighbours, a value with ': ' in it."""
    if mark is None:
        return ""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    # A tab where YAML stopped, or in the indentation before it.
    if "\\t" in (error.problem or "") or "\t" in line[: mark.column + 1]:
        return " (YAML does not allow tabs: indent with spaces)"
    if (error.problem or "").startswith("expected <block end>"):
        return " (this line is not lined up with the lines above it: indent it as they are)"
    value = line.split(":", 1)[-1].strip()
    if ": " in value and not value.startswith(("'", '"')) and not line.strip().startswith(
        ("'", '"')
    ):
        return " (a value with ': ' in it must be in quotes)"
    return ""
