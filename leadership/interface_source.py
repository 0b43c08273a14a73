"""The interface strings as text to check: each string of ``STRINGS`` in an interface module
(``leadership/interface.py``), with the language it is written in and its line in the source.

The spelling check and the Welsh check read the strings through :func:`read_interface_strings`,
which parses the module's source with :mod:`ast` (never imports it), so a problem is reported at
the line of the string, ``leadership/interface.py:<line>: <rule>: message``. The line is where
the string's constant starts (for a string written over several lines, its first line).

Not text, and blanked: placeholders (``{title}``, ``{count}``), which the page fills in, and the
names of the files My learning downloads (``cofnod-dpp-{date}.csv``), as the spelling check
leaves file names in pages alone. A string listed in the module's
``WRITTEN_IN_THE_OTHER_LANGUAGE`` invites the reader to the other language in that language
(the language switch, "Read this page in English" on a Welsh page): it is checked as the
language it is written in.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from leadership.languages import LANGUAGES

PROJECT_ROOT = Path(__file__).resolve().parents[1]
INTERFACE_SOURCE = PROJECT_ROOT / "leadership" / "interface.py"
STRINGS_NAME = "STRINGS"
OTHER_LANGUAGE_NAME = "WRITTEN_IN_THE_OTHER_LANGUAGE"

# A placeholder filled in by the template or script: {title}, {count}.
PLACEHOLDER = re.compile(r"\{\w*\}")
# The name of a file My learning downloads: cofnod-dpp-{date}.csv.
FILE_NAME = re.compile(r"[\w{}-]+\.(?:csv|json)\b")


class InterfaceSourceError(Exception):
    """The module cannot be read as interface strings: ``line`` and ``message`` say why."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class InterfaceString:
    """One interface string: ``key`` in the ``shown_in`` language's pages, written in
    ``language``, at ``line`` of the module."""

    key: str
    shown_in: str
    language: str
    text: str
    line: int

    @property
    def visible(self) -> str:
        """The text with what is not text (placeholders, file names) blanked in place."""
        blank = lambda match: " " * len(match.group(0))  # noqa: E731
        return PLACEHOLDER.sub(blank, FILE_NAME.sub(blank, self.text))


def _module_assignment(tree: ast.Module, name: str) -> ast.expr | None:
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets = [statement.target]
        else:
            continue
        if any(isinstance(target, ast.Name) and target.id == name for target in targets):
            return statement.value
    return None


def _other_language_keys(tree: ast.Module) -> tuple[frozenset[str], int]:
    node = _module_assignment(tree, OTHER_LANGUAGE_NAME)
    if node is None:
        return frozenset(), 1
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "frozenset" and len(node.args) == 1 and not node.keywords):
        node = node.args[0]
    try:
        keys = ast.literal_eval(node)
    except ValueError:
        keys = None
    if not isinstance(keys, set | frozenset | tuple | list) or not all(
        isinstance(key, str) for key in keys
    ):
        raise InterfaceSourceError(node.lineno, f"{OTHER_LANGUAGE_NAME} must be a set of keys")
    return frozenset(keys), node.lineno


def project_interface_files(root: Path) -> list[Path]:
    """The interface strings module of the project at ``root`` (a copy's, in a test), when it
    has one: what the spelling and Welsh checks read besides pages and subtitles."""
    path = root / INTERFACE_SOURCE.relative_to(PROJECT_ROOT)
    return [path] if path.is_file() else []


def read_interface_strings(path: Path = INTERFACE_SOURCE) -> list[InterfaceString]:
    """Every string of the module's ``STRINGS``, in source order.

    Raises InterfaceSourceError when the module does not parse, has no ``STRINGS`` mapping of
    key -> {language: string}, or lists an unknown key as written in the other language.
    """
    try:
        source = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InterfaceSourceError(1, f"cannot read as UTF-8: {error}") from None
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as error:
        raise InterfaceSourceError(error.lineno or 1, f"not valid Python: {error.msg}") from None
    mapping = _module_assignment(tree, STRINGS_NAME)
    if not isinstance(mapping, ast.Dict):
        raise InterfaceSourceError(1, f"no {STRINGS_NAME} mapping of key -> "
                                      f"{{language: string}}")
    other_language, other_line = _other_language_keys(tree)
    found = []
    keys = set()
    for key_node, values in zip(mapping.keys, mapping.values, strict=True):
        if not (isinstance(key_node, ast.Constant) and isinstance(key_node.value, str)
                and isinstance(values, ast.Dict)):
            line = key_node.lineno if key_node is not None else values.lineno
            raise InterfaceSourceError(line, f"each entry of {STRINGS_NAME} must be "
                                             f"\"key\": {{language: string}}")
        key = key_node.value
        keys.add(key)
        for language_node, text_node in zip(values.keys, values.values, strict=True):
            if not (isinstance(language_node, ast.Constant) and language_node.value in LANGUAGES
                    and isinstance(text_node, ast.Constant) and isinstance(text_node.value, str)):
                raise InterfaceSourceError(text_node.lineno, f"'{key}': each string must be "
                                                             f"\"en\" or \"cy\": \"text\"")
            shown_in = language_node.value
            written_in = shown_in
            if key in other_language:
                written_in = next(code for code in LANGUAGES if code != shown_in)
            found.append(
                InterfaceString(key, shown_in, written_in, text_node.value, text_node.lineno)
            )
    unknown = sorted(other_language - keys)
    if unknown:
        raise InterfaceSourceError(other_line, f"{OTHER_LANGUAGE_NAME} names keys that are not "
                                               f"in {STRINGS_NAME}: {', '.join(unknown)}")
    return found
