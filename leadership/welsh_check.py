"""Checks of the site's Welsh: the termbase, initial mutations, and links to English-only pages.

Three rules, each reported as ``path:line: rule: message``:

``welsh-term``
    A form the termbase (``spelling/termau.yml``) says to avoid, with the one Welsh term to
    use instead: ``arweinyddiaeth ar y cyd -> arweinyddiaeth a rennir``.
``welsh-mutation``
    A word left in its radical form where the word before it mutates it:
    ``gan Gofal -> gan Ofal (soft mutation after 'gan')``. The rules, what they leave alone
    and why, and the measured precision are in ``docs-dev/welsh-checks.md``; the reviewed
    exceptions are in ``spelling/mutation-exceptions.yml``.
``welsh-english-link``
    A link from a Welsh page to an English-only page (``spelling/english-only-links.yml``, or
    a page under ``docs/en/``) that does not say "(Saesneg)" in its text or right after it.

Only Welsh text is read: the prose of Welsh pages (as the spelling check finds it: no code,
addresses, link targets, tags, front matter keys or identifiers, nor text marked with another
language), the text of Welsh subtitle cues, and every Welsh interface string
(``leadership/interface.py``, read by :mod:`leadership.interface_source`: its placeholders are
not text, and two words with a placeholder between them are not a pair), each reported at the
line of its string. :func:`check_welsh` is the entry point for the build and for
``scripts/check_welsh.py``.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import astuple, dataclass, replace
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

import yaml

from leadership import welsh
from leadership.build_cache import StampedCache, cache_file, stamp
from leadership.interface_source import (
    InterfaceSourceError,
    project_interface_files,
    read_interface_strings,
)
from leadership.languages import inside
from leadership.markdown_source import (
    code_spans,
    line_at,
    mask,
    outside,
    split_source,
    without_code,
)
from leadership.pages.navigation import CONFIG_FILE, config_strings
from leadership.reporting import ContentError, Problem, shown_path
from leadership.rules import unreadable_sources
from leadership.spelling import markdown_regions, subtitle_text

if TYPE_CHECKING:
    from leadership.content import SiteContent

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TERMBASE = PROJECT_ROOT / "spelling" / "termau.yml"
MUTATION_WORDS = PROJECT_ROOT / "spelling" / "mutation-words.yml"
MUTATION_EXCEPTIONS = PROJECT_ROOT / "spelling" / "mutation-exceptions.yml"
ENGLISH_ONLY = PROJECT_ROOT / "spelling" / "english-only-links.yml"
DICTIONARY_ANSWERS = "welsh-check-answers.json"
VERDICTS = "welsh-check-verdicts.json"

TERM_RULE = "welsh-term"
MUTATION_RULE = "welsh-mutation"
ENGLISH_LINK_RULE = "welsh-english-link"
GLOSSARY_RULE = "welsh-glossary-term"
DATA_RULE = "welsh-data"
READ_RULE = "welsh-read"
RULES = (TERM_RULE, MUTATION_RULE, ENGLISH_LINK_RULE, GLOSSARY_RULE, DATA_RULE, READ_RULE)

ENGLISH_MARKER = "(Saesneg)"
WELSH = "cy"


# --- Reading the data files ----------------------------------------------------------------


def _load_yaml(path: Path) -> dict:
    shown = shown_path(path, PROJECT_ROOT)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ContentError([Problem(shown, 1, DATA_RULE, f"cannot read: {error}")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ContentError([Problem(shown, line, DATA_RULE, f"not valid YAML: {error}")]) from None
    if not isinstance(data, dict):
        raise ContentError([Problem(shown, 1, DATA_RULE, "expected a mapping at the top")])
    return data


def _line_of(path: Path, needle: str) -> int:
    """The first line of a data file that holds ``needle`` (1 when none does)."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError:
        return 1
    return next((number for number, line in enumerate(lines, 1) if needle in line), 1)


def _entry_lines(path: Path) -> list[int]:
    """The line where each item of the file's top-level 'terms' list starts."""
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    for key, value in node.value if isinstance(node, yaml.MappingNode) else ():
        if key.value == "terms" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


@dataclass(frozen=True)
class Term:
    english: str
    welsh: str
    avoid: tuple[str, ...]


def load_termbase(path: Path = TERMBASE) -> tuple[Term, ...]:
    """The termbase: one Welsh term per English term, and the forms to avoid for it.

    Raises ContentError (every problem, at its line) when an entry is incomplete, an English
    term or an avoided form comes twice, or an avoided form is some entry's term.
    """
    data = _load_yaml(path)
    shown = shown_path(path, PROJECT_ROOT)
    problems: list[Problem] = []
    entries = data.get("terms")
    if not isinstance(entries, list) or not entries:
        raise ContentError([Problem(shown, 1, DATA_RULE, "expected a list under 'terms'")])
    lines = _entry_lines(path)
    terms: list[tuple[int, Term]] = []
    for number, entry in enumerate(entries, 1):
        where = lines[number - 1] if number <= len(lines) else 1
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(key), str) and entry[key].strip() for key in ("en", "cy")
        ):
            problems.append(Problem(shown, where, DATA_RULE,
                                    f"term {number}: needs 'en' and 'cy', each a term"))
            continue
        english, avoid = entry["en"].strip(), entry.get("avoid")
        if not isinstance(avoid, list) or not all(
            isinstance(item, dict) and isinstance(item.get("form"), str)
            and isinstance(item.get("why"), str) and item["why"].strip()
            for item in avoid
        ):
            problems.append(Problem(shown, where, DATA_RULE,
                                    f"'{english}': 'avoid' must be a list of form and why"))
            continue
        forms = tuple(item["form"].strip() for item in avoid)
        terms.append((where, Term(english, entry["cy"].strip(), forms)))
    seen_english: set[str] = set()
    welsh_terms = {term.welsh.lower() for _where, term in terms}
    avoided: set[str] = set()
    for where, term in terms:
        if term.english.lower() in seen_english:
            problems.append(Problem(shown, where, DATA_RULE,
                                    f"'{term.english}' is in the termbase twice"))
        seen_english.add(term.english.lower())
        for form in term.avoid:
            if form.lower() in welsh_terms:
                problems.append(Problem(shown, where, DATA_RULE,
                                        f"'{form}' is both avoided and a term"))
            if form.lower() in avoided:
                problems.append(Problem(shown, where, DATA_RULE, f"'{form}' is avoided twice"))
            avoided.add(form.lower())
    if problems:
        raise ContentError(problems)
    return tuple(term for _where, term in terms)


@dataclass(frozen=True)
class MutationData:
    feminine_nouns: frozenset[str]
    adjectives: frozenset[str]
    nasal_after_yn: frozenset[str]
    names: frozenset[str]
    words: frozenset[str]
    phrases: frozenset[str]


def _word_list(data: dict, key: str, path: Path, problems: list[Problem]) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problems.append(Problem(shown_path(path, PROJECT_ROOT), _line_of(path, f"{key}:"),
                                DATA_RULE, f"expected a list of words under '{key}'"))
        return frozenset()
    return frozenset(item.strip().lower() for item in value)


def _reviewed(data: dict, key: str, field: str, path: Path, problems: list[Problem]):
    value = data.get(key)
    if not isinstance(value, list) or not all(
        isinstance(item, dict) and isinstance(item.get(field), str)
        and isinstance(item.get("why"), str) and item["why"].strip()
        for item in value
    ):
        problems.append(Problem(shown_path(path, PROJECT_ROOT), _line_of(path, f"{key}:"),
                                DATA_RULE, f"each of '{key}' needs '{field}' and 'why'"))
        return frozenset()
    return frozenset(" ".join(item[field].lower().split()) for item in value)


def load_mutation_data(
    words: Path = MUTATION_WORDS, exceptions: Path = MUTATION_EXCEPTIONS
) -> MutationData:
    problems: list[Problem] = []
    word_data, exception_data = _load_yaml(words), _load_yaml(exceptions)
    data = MutationData(
        feminine_nouns=_word_list(word_data, "feminine_nouns", words, problems),
        adjectives=_word_list(word_data, "adjectives", words, problems),
        nasal_after_yn=_word_list(word_data, "nasal_after_yn", words, problems),
        names=_reviewed(exception_data, "names", "word", exceptions, problems),
        words=_reviewed(exception_data, "words", "word", exceptions, problems),
        phrases=_reviewed(exception_data, "phrases", "phrase", exceptions, problems),
    )
    if problems:
        raise ContentError(problems)
    return data


@dataclass(frozen=True)
class EnglishOnly:
    hosts: tuple[str, ...]
    addresses: tuple[str, ...]

    def covers(self, url: str) -> bool:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return False
        if any(host == known or host.endswith("." + known) for known in self.hosts):
            return True
        return any(url.startswith(address) for address in self.addresses)


def load_english_only(path: Path = ENGLISH_ONLY) -> EnglishOnly:
    data = _load_yaml(path)
    problems: list[Problem] = []
    hosts = _reviewed(data, "hosts", "host", path, problems)
    addresses = data.get("addresses")
    if not isinstance(addresses, list) or not all(isinstance(a, str) for a in addresses):
        problems.append(Problem(shown_path(path, PROJECT_ROOT), _line_of(path, "addresses:"),
                                DATA_RULE, "expected a list of addresses under 'addresses'"))
        addresses = []
    if problems:
        raise ContentError(problems)
    return EnglishOnly(tuple(sorted(hosts)), tuple(addresses))


# --- Welsh text as words -------------------------------------------------------------------


@dataclass(frozen=True)
class WelshText:
    """The Welsh prose of a file: ``text`` with everything else blanked, lines kept, beside
    the file's ``full`` text: what shows in ``full`` but is blank in ``text`` was hidden
    (markup, text in another language), and a word pair with hidden characters between them
    is not a pair."""

    text: str
    full: str

    def hidden_between(self, start: int, end: int) -> bool:
        return any(
            not shown.isspace() and kept.isspace()
            for shown, kept in zip(self.full[start:end], self.text[start:end], strict=True)
        )


def _welsh_text(full: str, visible: str, welsh_spans: Iterable[tuple[int, int]]) -> WelshText:
    return WelshText(mask(visible, outside(welsh_spans, len(visible))), full)


def page_text(text: str) -> WelshText:
    """The Welsh prose of a Welsh Markdown page."""
    visible, regions = markdown_regions(text, "cy")
    full = split_source(text).text
    spans = [(region.start, region.end) for region in regions if region.language == "cy"]
    return _welsh_text(full, visible, spans)


def subtitles_text(text: str) -> WelshText:
    """The text of the cues of a Welsh subtitle file."""
    visible = subtitle_text(text)
    # subtitle_text empties the cue number and timing lines and blanks tags in place.
    lines = text.replace("\r\n", "\n").removeprefix("\ufeff").split("\n")
    full = "\n".join(
        line if len(line) == len(shown) else shown
        for line, shown in zip(lines, visible.split("\n"), strict=True)
    )
    return _welsh_text(full, visible, [(0, len(visible))])


def interface_texts(path: Path) -> list[tuple[int, WelshText]]:
    """(line, Welsh text) of each Welsh interface string of the module at ``path``."""
    return [
        (string.line, _welsh_text(string.text, string.visible, [(0, len(string.text))]))
        for string in read_interface_strings(path)
        if string.language == "cy"
    ]


# A word: letters, with hyphens inside (cyd-destun, Pen-y-bont). The short forms joined to the
# word before with an apostrophe ('r, 'i, 'w, 'n, ...) are tokens of their own; in a
# single-quoted front matter value YAML writes that apostrophe twice (wedi''i).
WORD = re.compile(
    r"[^\W\d_]+(?:[-‐][^\W\d_]+)*"
    r"|(?:(?<=[^\W\d_])|(?<=[^\W\d_]'))['’](?:th|ch|[rniuwms])(?![^\W\d_])"
)
NUMBER = re.compile(r"(?<![\w.,:])\d+(?![\w.,:]*\d)")
ASCII_LETTER_ANY_CASE = re.compile("[a-z]", re.I)
# A run of letters: what a whole-word pattern's first word must be, letter for letter.
LETTERS = re.compile(r"[^\W\d_]+")
# Between two words of one phrase: white space (one line break at most), emphasis, the
# brackets of a link's text.
JOINER = re.compile(r"[ \t*_\[\]]*\n?[ \t*_\[\]]*")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    lower: str  # lower case, apostrophes straight


def _word_spans(text: str) -> list[tuple[int, int]]:
    found = [m.span() for m in WORD.finditer(text)] + [m.span() for m in NUMBER.finditer(text)]
    return sorted(found)


def _lower(word: str) -> str:
    return word.lower().replace("’", "'")


def tokens(welsh_text: WelshText) -> list[Token]:
    text = welsh_text.text
    return [
        Token(text[start:end], start, end, _lower(text[start:end]))
        for start, end in _word_spans(text)
    ]


def pairs(
    welsh_text: WelshText, wanted: Callable[[str, str], bool] | None = None
) -> Iterator[tuple[Token | None, Token, Token]]:
    """(word before, word, next word) for each two words that follow each other in a phrase
    (only those whose lower-case forms are ``wanted``, when given: asked first, as it is the
    cheaper test, and a Welsh text has many words)."""
    text = welsh_text.text
    spans = _word_spans(text)
    words = [text[start:end] for start, end in spans]
    lowers = [_lower(word) for word in words]

    def token(index: int) -> Token:
        return Token(words[index], *spans[index], lowers[index])

    for index in range(len(words) - 1):
        if wanted is not None and not wanted(lowers[index], lowers[index + 1]):
            continue
        first_end, second_start = spans[index][1], spans[index + 1][0]
        gap = text[first_end:second_start]
        if words[index + 1][0] in "'’" and gap == "":
            joined = True
        else:
            joined = bool(JOINER.fullmatch(gap)) and not welsh_text.hidden_between(
                first_end, second_start
            )
        if not joined:
            continue
        before = token(index - 1) if index else None
        if before is not None:
            before_gap = text[before.end : spans[index][0]]
            if not (JOINER.fullmatch(before_gap) or words[index][0] in "'’"):
                before = None
        yield before, token(index), token(index + 1)


# --- The termbase check ------------------------------------------------------------------------


# A whole word or phrase: no letter right before or after it.
WHOLE = r"(?<![^\W\d_])(?:{})(?![^\W\d_])"


def _form_pattern(form: str) -> re.Pattern:
    return re.compile(WHOLE.format(_form_alternatives(form)), re.I)


def _spellings(word: str) -> set[str]:
    """A word as written and in each of its mutations."""
    return {word, *welsh.mutate(word).values()}


def _form_alternatives(form: str) -> str:
    first, *rest = form.split()
    alternatives = "|".join(
        re.escape(spelling) for spelling in sorted(_spellings(first), key=len, reverse=True)
    )
    pattern = f"(?:{alternatives})"
    for word in rest:
        pattern += r"[\s*_]+" + re.escape(word).replace("'", "['’]")
    return pattern


@cache
def _avoided_patterns(terms: tuple[Term, ...]) -> tuple[tuple[re.Pattern, str, str], ...]:
    return tuple(
        (_form_pattern(form), form, term.welsh) for term in terms for form in term.avoid
    )


@cache
def _avoided_by_first_word(
    terms: tuple[Term, ...],
) -> dict[str, tuple[re.Pattern, ...]] | None:
    """Each spelling (lower case) of an avoided form's first word -> the forms' patterns
    (None when a first word is not letters only, and the text must be searched whole)."""
    by_first: dict[str, list[re.Pattern]] = {}
    for pattern, form, _replacement in _avoided_patterns(terms):
        for spelling in _spellings(form.split()[0]):
            if not LETTERS.fullmatch(spelling):
                return None
            by_first.setdefault(spelling.lower(), []).append(pattern)
    return {spelling: tuple(patterns) for spelling, patterns in by_first.items()}


def _has_avoided(text: str, terms: tuple[Term, ...]) -> bool:
    """Whether ``text`` has an avoided form anywhere: each form is tried only where a word
    it could start with is (most texts have none, and are read once)."""
    by_first = _avoided_by_first_word(terms)
    if by_first is None:
        return any(pattern.search(text) for pattern, _, _ in _avoided_patterns(terms))
    for word in LETTERS.finditer(text):
        patterns = by_first.get(word[0].lower())
        if (
            patterns is None
            and not word[0].isascii()
            and any(_matches_an_ascii_letter(char) for char in word[0] if not char.isascii())
            and _first_word_any_case(terms).fullmatch(word[0])
        ):
            # A letter the patterns' case-blind matching takes for another (dotless ı for
            # i, long ſ for s): try them all here, as one search of the text would have.
            patterns = tuple(pattern for pattern, _, _ in _avoided_patterns(terms))
        if any(pattern.match(text, word.start()) for pattern in patterns or ()):
            return True
    return False


@cache
def _matches_an_ascii_letter(char: str) -> bool:
    """Whether a pattern's case-blind matching takes this letter for an ASCII one (ı, ſ, K)."""
    return ASCII_LETTER_ANY_CASE.fullmatch(char) is not None


@cache
def _first_word_any_case(terms: tuple[Term, ...]) -> re.Pattern:
    """Any spelling of an avoided form's first word, matched as the forms' patterns match it."""
    spellings = sorted(_avoided_by_first_word(terms) or (), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, spellings)) or "(?!)", re.I)


def term_problems(path: str, welsh_text: WelshText, terms: tuple[Term, ...]) -> list[Problem]:
    problems = []
    if not _has_avoided(welsh_text.text, terms):
        return problems
    for pattern, form, replacement in _avoided_patterns(terms):
        for match in pattern.finditer(welsh_text.text):
            if welsh_text.hidden_between(match.start(), match.end()):
                continue
            found = " ".join(match.group(0).split())
            shown = form if found.lower() == form.lower() else f"{found} ({form})"
            problems.append(Problem(path, line_at(welsh_text.text, match.start()), TERM_RULE,
                                    f"{shown} -> {replacement}"))
    return problems


# The glossary's entries: "### Heading { #id }", the same id in both languages.
GLOSSARY_ENTRY = re.compile(
    r"^###[ \t]+(?P<heading>.+?)[ \t]*\{[ \t]*#(?P<id>[\w-]+)[^{}]*\}[ \t]*$", re.M
)


def glossary_entries(text: str) -> dict[str, tuple[int, str]]:
    """id -> (line, heading) of each entry of a glossary page."""
    body = without_code(text)
    return {
        match["id"]: (line_at(body, match.start()), match["heading"])
        for match in GLOSSARY_ENTRY.finditer(body)
    }


def glossary_problems(
    welsh_glossary: Path,
    english_glossary: Path,
    terms: tuple[Term, ...],
    root: Path,
    read: Callable[[Path], str] = lambda path: path.read_text(encoding="utf-8"),
) -> list[Problem]:
    """The Welsh glossary heads each entry with the termbase's term for the English heading,
    and every termbase term has its entry."""
    problems = []
    try:
        welsh_entries = glossary_entries(read(welsh_glossary))
        english_entries = glossary_entries(read(english_glossary))
    except (OSError, UnicodeDecodeError) as error:
        return [Problem(shown_path(welsh_glossary, root), 1, READ_RULE,
                        f"cannot read the glossaries: {error}")]
    by_english = {term.english.lower(): term for term in terms}
    welsh_shown = shown_path(welsh_glossary, root)
    english_shown = shown_path(english_glossary, root)
    glossary_english = set()
    for entry_id, (line, english) in english_entries.items():
        glossary_english.add(english.lower())
        term = by_english.get(english.lower())
        if term is None:
            problems.append(Problem(english_shown, line, GLOSSARY_RULE,
                                    f"'{english}' is not in the termbase ({TERMBASE.name})"))
            continue
        if entry_id not in welsh_entries:
            continue  # the page parity and link checks report a missing entry
        welsh_line, heading = welsh_entries[entry_id]
        if heading.lower() != term.welsh.lower():
            problems.append(Problem(welsh_shown, welsh_line, GLOSSARY_RULE,
                                    f"{heading} -> {term.welsh[:1].upper()}{term.welsh[1:]} "
                                    f"(the termbase's term for '{term.english}')"))
    for term in terms:
        if term.english.lower() not in glossary_english:
            problems.append(Problem(english_shown, 1, GLOSSARY_RULE,
                                    f"the termbase's '{term.english}' ({term.welsh}) has no "
                                    f"glossary entry"))
    return problems


# --- The mutation check ------------------------------------------------------------------------

SOFT_AFTER = frozenset(
    {"gan", "i", "o", "am", "ar", "at", "dan", "dros", "drwy", "wrth", "hyd", "heb", "neu",
     "dy", "dau", "ddau", "dwy", "ddwy", "2"}
)  # fmt: skip
ASPIRATE_AFTER = frozenset({"a", "â", "gyda", "tua", "tri", "chwe"})
HIS_OR_HER = frozenset({"ei", "'i"})
ARTICLE = frozenset({"y", "yr", "'r"})
# "o hyd" (still) and "ar hyd" (along): hyd is a noun there, and does not mutate what follows.
HYD_AS_NOUN_AFTER = frozenset({"o", "ar", "ei", "eu", "y", "yr", "'r"})
# Endings of inflected verbs: after the relative particle "a" these take the soft mutation.
VERB_ENDINGS = ("odd", "wyd", "ir", "wn", "ant", "ent", "ai", "och", "ech", "wch", "ais", "aist")
# Words that are never the radical of a mutated noun or verb here: pronouns and particles.
NOT_MUTATED = frozenset(
    {"mi", "ti", "ni", "chi", "nhw", "fi", "hi", "dy", "pan", "mai", "tra", "gan",
     "dros", "drwy", "dan"}
)  # fmt: skip
# Every word _after dispatches on (the adjective rule aside).
# "yn" (in) before a nasal mutation: ym before m and mh, yng before ng and ngh.
NASAL_TRIGGER_FORM = {"ngh": "yng", "ng": "yng", "mh": "ym", "m": "ym"}
# "yng" and "ym" are written only before the nasal mutation they belong to: "yng Caerdydd"
# and "ym Bangor" have it half done, whatever the word.
NASAL_FORM_INITIAL = {"yng": "ng", "ym": "m"}
TRIGGERS = SOFT_AFTER | HIS_OR_HER | ARTICLE | ASPIRATE_AFTER | {"fy", "yn", *NASAL_FORM_INITIAL}


@dataclass(frozen=True)
class Finding:
    """A word that should have been mutated: where, what is written, what should be."""

    line: int
    written: str
    corrected: str
    reason: str

    def problem(self, path: str) -> Problem:
        return Problem(path, self.line, MUTATION_RULE,
                       f"{self.written} -> {self.corrected} ({self.reason})")


def mutated(word: str, kind: str) -> str | None:
    """``word`` with the mutation of ``kind``, capital kept (None: its initial does not mutate)."""
    lower = word.lower()
    for mutation in welsh.MUTATIONS:
        if mutation.kind != kind or not lower.startswith(mutation.radical):
            continue
        rest = word[len(mutation.radical) :]
        if not rest or not re.match(mutation.rest, rest.lower()):
            continue
        if not mutation.mutated and word[:1].isupper():
            rest = rest[:1].upper() + rest[1:]
        form = mutation.mutated + rest
        if word[:1].isupper():
            form = form[:1].upper() + form[1:]
        return form
    return None


def _in_before(nasal: str) -> str:
    """The form of "yn" (in) before a word with the nasal mutation: yng before ng and ngh,
    ym before m and mh, yn before n and nh."""
    initial = next((prefix for prefix in NASAL_TRIGGER_FORM
                    if nasal.lower().startswith(prefix)), None)
    return NASAL_TRIGGER_FORM.get(initial, "yn")


def _cased(word: str, like: str) -> str:
    """``word`` in the case of ``like``: YNG -> YM, Yng -> Ym, yng -> ym."""
    if len(like) > 1 and like.isupper():
        return word.upper()
    return word.capitalize() if like[:1].isupper() else word


class MutationChecker:
    """Finds the words a Welsh text leaves unmutated where the word before mutates them.

    Each rule flags only a word that is certainly in its radical form (see
    :meth:`is_unmutated`) and wrong under every reading of the word before it.
    """

    def __init__(self, dictionary: welsh.RadicalDictionary, data: MutationData):
        self.dictionary = dictionary
        self.data = data
        self._radical: dict[str, bool] = {}
        self._judged: dict[tuple[str | None, str, str], tuple[str, str] | None] = {}

    def is_unmutated(self, word: str) -> bool:
        """Whether ``word`` is certainly a radical: the dictionary has it as one, and it is
        not also the mutated form of another word (*bob* is *pob* mutated, *da* could be *ta*)."""
        key = word.lower()
        if key not in self._radical:
            self._radical[key] = (
                key not in NOT_MUTATED
                and key not in self.data.names
                and key not in self.data.words
                and "-" not in key
                and self.dictionary.is_radical(word)
                and welsh.confirmed_radicals(word, self.dictionary) == [key]
            )
        return self._radical[key]

    def is_feminine(self, word: str) -> bool:
        """Whether ``word`` is a listed feminine singular noun, as written or mutated."""
        lower = word.lower()
        return lower in self.data.feminine_nouns or any(
            radical in self.data.feminine_nouns
            for _kind, radical in welsh.radical_candidates(lower)
        )

    def could_be_wrong(self, trigger: str, word: str) -> bool:
        """Whether a rule could flag ``word`` after ``trigger`` (both lower case): the word
        before is one that mutates the next, or the word is an adjective (after a feminine
        noun)."""
        return trigger in TRIGGERS or word in self.data.adjectives

    def findings(self, welsh_text: WelshText) -> list[Finding]:
        found = []
        for before, trigger, word in pairs(welsh_text, self.could_be_wrong):
            if not word.text[:1].isalpha():
                continue
            if f"{trigger.lower} {word.lower}" in self.data.phrases:
                continue
            if word.lower in self.data.names:
                continue
            finding = self._after(before, trigger, word.text)
            if finding is not None:
                corrected, reason = finding
                # A short form is shown with the word it leans on: i'r cymuned -> i'r gymuned.
                host = before.text if before is not None and trigger.text[0] in "'’" else ""
                if host:
                    corrected = corrected.replace(f"{trigger.text} ", f"{host}{trigger.text} ")
                found.append(Finding(line_at(welsh_text.text, word.start),
                                     f"{host}{trigger.text} {word.text}", corrected, reason))
        return found

    def _after(self, before: Token | None, trigger: Token, word: str) -> tuple[str, str] | None:
        """(corrected, reason) when ``word`` is wrong after ``trigger``: the same two words
        are judged once (a text repeats many), by the word before only after 'hyd'."""
        context = before.lower if before is not None and trigger.lower == "hyd" else None
        question = (context, trigger.text, word)
        if question not in self._judged:
            self._judged[question] = self._judge(before, trigger, word)
        return self._judged[question]

    def _judge(self, before: Token | None, trigger: Token, word: str) -> tuple[str, str] | None:
        key = trigger.lower
        if key in SOFT_AFTER:
            found = self._soft(before, trigger, word)
        elif key in HIS_OR_HER:
            found = self._his_or_her(trigger, word)
        elif key in ARTICLE:
            found = self._feminine_after_article(trigger, word)
        elif key == "fy":
            found = self._nasal(trigger, word, "nasal mutation after 'fy'")
        elif key == "yn":
            found = self._nasal_after_yn(trigger, word)
        elif key in NASAL_FORM_INITIAL:
            found = self._nasal_after_its_form(trigger, word)
        elif key in ASPIRATE_AFTER:
            found = self._aspirate(trigger, word)
        else:
            found = None
        return found or self._adjective_after_feminine(trigger, word)

    def _soft(self, before: Token | None, trigger: Token, word: str):
        key = trigger.lower
        if key == "hyd" and before is not None and before.lower in HYD_AS_NOUN_AFTER:
            return None
        if key == "2" and not self.is_feminine(word):
            return None  # "2" reads dau or dwy: only before a known feminine noun (dwy)
        soft = mutated(word, "soft")
        if soft and self.is_unmutated(word):
            return f"{trigger.text} {soft}", f"soft mutation after '{key}'"
        return None

    def _his_or_her(self, trigger: Token, word: str):
        # ei (his) takes the soft mutation, ei (her) the aspirate: only p, t and c are
        # wrong under both readings (ei tîm: ei dîm or ei thîm; ei bod is right for "her").
        soft, aspirate = mutated(word, "soft"), mutated(word, "aspirate")
        if soft and aspirate and self.is_unmutated(word):
            key = "ei"
            return (f"{trigger.text} {soft} / {trigger.text} {aspirate}",
                    f"soft mutation after '{key}' (his), aspirate after '{key}' (her)")
        return None

    def _feminine_after_article(self, trigger: Token, word: str):
        if word.lower().startswith(("ll", "rh")):
            return None  # ll and rh keep their radical after the article
        soft = mutated(word, "soft")
        if soft and self.is_feminine(word) and self.is_unmutated(word):
            return (f"{trigger.text} {soft}",
                    f"soft mutation of the feminine noun '{word.lower()}' after the article")
        return None

    def _nasal(self, trigger: Token, word: str, reason: str, particle: str | None = None):
        nasal = mutated(word, "nasal")
        if nasal and self.is_unmutated(word):
            return f"{particle or trigger.text} {nasal}", reason
        return None

    def _nasal_after_yn(self, trigger: Token, word: str):
        if word.lower() not in self.data.nasal_after_yn:
            return None
        particle = _cased(_in_before(mutated(word, "nasal") or ""), trigger.text)
        return self._nasal(trigger, word, "nasal mutation after 'yn' (in) before a place",
                           particle)

    def _nasal_after_its_form(self, trigger: Token, word: str):
        initial = NASAL_FORM_INITIAL[trigger.lower]
        if word.lower().startswith(initial):
            return None
        nasal = mutated(word, "nasal")
        if nasal and self.dictionary.knows(word):
            # The form of "yn" follows the mutated initial: "yng Bangor" is "ym Mangor".
            particle = _in_before(nasal)
            reason = (f"nasal mutation after '{trigger.lower}'" if particle == trigger.lower
                      else "nasal mutation after 'yn' (in)")
            return f"{_cased(particle, trigger.text)} {nasal}", reason
        if not word[:1].isupper():
            return None  # "yng" and "ym" named as words ("yng ac ym"), not in use
        # A name from another language (Google, Zoom) keeps its form, and a name whose
        # initial has no nasal mutation (Llanelli) keeps it too: then "in" is plain "yn".
        return (f"{_cased('yn', trigger.text)} {word}",
                f"'{trigger.lower}' comes only before its nasal mutation, which "
                f"'{word}' does not take")

    def _aspirate(self, trigger: Token, word: str):
        key = trigger.lower
        aspirate = mutated(word, "aspirate")
        if not aspirate or not self.is_unmutated(word):
            return None
        if key == "a" and word.lower().endswith(VERB_ENDINGS):
            # An inflected verb after "a" is after the relative particle: soft mutation.
            return (f"{trigger.text} {mutated(word, 'soft')}",
                    "soft mutation of a verb after the relative particle 'a'")
        return f"{trigger.text} {aspirate}", f"aspirate mutation after '{key}'"

    def _adjective_after_feminine(self, noun: Token, word: str):
        if word.lower() not in self.data.adjectives or not self.is_feminine(noun.text):
            return None
        soft = mutated(word, "soft")
        if soft:
            return (f"{noun.text} {soft}", f"soft mutation of an adjective after the "
                    f"feminine noun '{noun.text.lower()}'")
        return None


# --- Links to English-only pages -----------------------------------------------------------------

INLINE_LINK = re.compile(
    r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\((?P<target><[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)"
    r"(?P<attributes>\{[^{}\n]*\})?"
)
REFERENCE_LINK = re.compile(r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\[(?P<label>[^\[\]\n]*)\]"
                            r"(?P<attributes>\{[^{}\n]*\})?")
REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*<?(?P<target>\S+?)>?"
                                  r"(?:[ \t]+.*)?$", re.M)
AUTOLINK = re.compile(r"<(?P<target>https?://[^\s<>]+)>")
HTML_LINK = re.compile(r"<a\b[^<>]*?\bhref\s*=\s*[\"'](?P<target>[^\"']*)[\"'][^<>]*>"
                       r"(?P<text>.*?)</a>", re.I | re.S)
AFTER_LINK = re.compile(r"[ \t]*\n?[ \t]*(?:</span>|\*|_)*[ \t]*\(Saesneg\)")


def _english_target(target: str, english_only: EnglishOnly) -> bool:
    """Whether a link leads to a site listed as English only. (A link into docs/en/ is
    not one to mark: it cannot be built, and the pages check refuses it at its line.)"""
    target = target.strip("<>")
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", target)) and english_only.covers(target)


def english_link_problems(path: str, text: str, english_only: EnglishOnly) -> list[Problem]:
    """Links to English-only pages without "(Saesneg)" in their text or right after them."""
    source = split_source(text)
    body = mask(source.body, code_spans(source.body))
    definitions = {m["label"].lower(): m["target"] for m in REFERENCE_DEFINITION.finditer(body)}
    links = []  # (offset of the link, target, its text, offset where it ends)
    for match in INLINE_LINK.finditer(body):
        if body[match.start() - 1 : match.start()] != "!":  # an image is not a page
            links.append((match.start(), match["target"], match["text"], match.end()))
    for match in REFERENCE_LINK.finditer(body):
        label = (match["label"] or match["text"]).lower()
        if label in definitions:
            links.append((match.start(), definitions[label], match["text"], match.end()))
    for match in AUTOLINK.finditer(body):
        links.append((match.start(), match["target"], "", match.end()))
    for match in HTML_LINK.finditer(body):
        links.append((match.start(), match["target"], match["text"], match.end()))
    problems = []
    for start, target, link_text, end in sorted(links):
        if not _english_target(target, english_only):
            continue
        if ENGLISH_MARKER in link_text or AFTER_LINK.match(body, end):
            continue
        line = line_at(source.text, source.body_offset + start)
        shown_text = " ".join(re.sub(r"<[^<>]*>", "", link_text).split()) or target
        problems.append(Problem(path, line, ENGLISH_LINK_RULE,
                                f"[{shown_text}]({target.strip('<>')}) leads to an English-only "
                                f"page: say so with \"{ENGLISH_MARKER}\" in the link text"))
    return problems


# --- The entry points ------------------------------------------------------------------------


@dataclass(frozen=True)
class WelshData:
    terms: tuple[Term, ...]
    mutations: MutationData
    english_only: EnglishOnly


def load_data() -> WelshData:
    problems: list[Problem] = []
    loaded = []
    for load in (
        lambda: load_termbase(TERMBASE),
        lambda: load_mutation_data(MUTATION_WORDS, MUTATION_EXCEPTIONS),
        lambda: load_english_only(ENGLISH_ONLY),
    ):
        try:
            loaded.append(load())
        except ContentError as error:
            problems += error.problems
    if problems:
        raise ContentError(problems)
    return WelshData(*loaded)


def _default_dictionary(root: Path) -> welsh.RadicalDictionary:
    return welsh.RememberedDictionary(cache_file(root, DICTIONARY_ANSWERS))


def check_welsh(
    paths: Iterable[Path],
    dictionary: welsh.RadicalDictionary | None = None,
    data: WelshData | None = None,
    root: Path = PROJECT_ROOT,
    texts: Mapping[Path, str | bytes] | None = None,
    verdicts: StampedCache | None = None,
    reported: Collection[str] = (),
) -> list[Problem]:
    """Every Welsh problem in ``paths``: each a Welsh page (.md), Welsh subtitles (.srt) or
    an interface strings module (.py, as ``leadership/interface.py``).

    The caller chooses the files (:func:`welsh_files` lists the project's). ``texts``: what
    the caller has already read (a file's text, or its bytes), by path; the build passes what
    its content model read (``leadership.content``), so nothing is read twice. ``verdicts``
    (``verdict_cache``): each file's problems kept by what they depend on, so a file checked
    before, unchanged, is not checked again. A data file that cannot be used is reported as
    problems too, never as a traceback. ``reported``: the files (as problems name them)
    another check has already reported as unreadable, left out here (``unreadable_sources``).
    """
    try:
        data = data or load_data()
    except ContentError as error:
        return error.problems
    known = texts or {}

    def read(path: Path) -> str:
        content = known.get(path)
        if isinstance(content, str):
            return content.removeprefix("\ufeff")
        return (path.read_bytes() if content is None else content).decode("utf-8-sig")

    # A dictionary the caller passes is the caller's to save (the build asks it again for
    # the Welsh search: saving here would drop those answers from it).
    own_dictionary = dictionary is None
    dictionary = dictionary or _default_dictionary(root)
    checker = MutationChecker(dictionary, data.mutations)
    problems: list[Problem] = []
    for path in paths:
        shown = shown_path(path, root)
        if shown in reported:
            continue
        if path.suffix == ".py" or path.name == CONFIG_FILE:
            problems += interface_problems(path, shown, data, checker)
            continue
        try:
            text = read(path)
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(shown, 1, READ_RULE, f"cannot read as UTF-8: {error}"))
            continue
        english = path.parent.parent / "en" / path.name if _is_welsh_glossary(path) else None
        try:
            # The English glossary, when it is this file's counterpart, is part of the question.
            question = stamp(shown, text, read(english) if english else "")
        except (OSError, UnicodeDecodeError):
            question = None  # glossary_problems reports it
        if verdicts is not None and question in verdicts:
            problems += [Problem(*fields) for fields in verdicts.get(question)]
            continue
        found = []
        if path.suffix == ".srt":
            welsh_text = subtitles_text(text)
        else:
            welsh_text = page_text(text)
            found += english_link_problems(shown, text, data.english_only)
            if english is not None:
                found += glossary_problems(path, english, data.terms, root, read)
        found += term_problems(shown, welsh_text, data.terms)
        found += [finding.problem(shown) for finding in checker.findings(welsh_text)]
        if verdicts is not None and question is not None:
            verdicts.put(question, [list(astuple(problem)) for problem in found])
        problems += found
    if own_dictionary and isinstance(dictionary, welsh.RememberedDictionary):
        dictionary.save()
    if verdicts is not None:
        verdicts.save()
    return sorted(problems)


def config_texts(path: Path) -> list[tuple[int, WelshText]]:
    """(line, Welsh text) of each string of mkdocs.yml shown on the Welsh pages: the site's
    Welsh name, description and copyright, and the Welsh navigation's titles."""
    return [
        (string.line, _welsh_text(string.text, string.text, [(0, len(string.text))]))
        for string in config_strings(path)
        if string.language == WELSH
    ]


def interface_problems(
    path: Path, shown: str, data: WelshData, checker: MutationChecker
) -> list[Problem]:
    """The termbase and mutation problems of each Welsh interface string (of
    ``leadership/interface.py``, or of mkdocs.yml), at its line."""
    try:
        texts = config_texts(path) if path.name == CONFIG_FILE else interface_texts(path)
    except InterfaceSourceError as error:
        return [Problem(shown, error.line, READ_RULE, error.message)]
    problems = []
    for line, welsh_text in texts:
        found = term_problems(shown, welsh_text, data.terms)
        found += [finding.problem(shown) for finding in checker.findings(welsh_text)]
        # Each text counts its lines from 1: the string's first line is ``line``.
        problems += [replace(problem, line=line + problem.line - 1) for problem in found]
    return problems


def _is_welsh_glossary(path: Path) -> bool:
    return path.suffix == ".md" and path.name == "glossary.md" and path.parent.name == WELSH


def _verdict_shape(question: str, answer) -> bool:
    return isinstance(answer, list) and all(
        isinstance(fields, list) and len(fields) == 5
        and isinstance(fields[0], str) and isinstance(fields[1], int)
        and all(isinstance(field, str) for field in fields[2:])
        and fields[4] in ("error", "warning")
        for fields in answer
    )


# What a file's Welsh problems depend on, besides its text and place: the code that finds
# them and the data it reads.
VERDICT_CODE = ("welsh_check.py", "welsh.py", "spelling.py", "markdown_source.py",
                "yaml_nodes.py", "reporting.py", "interface_source.py")


def verdict_cache(root: Path) -> StampedCache:
    """Each Welsh file's problems, kept between runs (``leadership.build_cache``), stamped
    with the code and the data that find them and the dictionary they ask."""
    package = Path(__file__).parent
    parts = [(package / name).read_bytes() for name in VERDICT_CODE]
    for data_file in (TERMBASE, MUTATION_WORDS, MUTATION_EXCEPTIONS, ENGLISH_ONLY):
        try:
            parts.append(data_file.read_bytes())
        except OSError:
            parts.append(b"")  # load_data reports it
    for suffix in (".aff", ".dic"):
        with contextlib.suppress(OSError):
            parts.append(welsh.DICTIONARY.with_suffix(suffix).read_bytes())
    parts.append(metadata.version("spylls"))
    return StampedCache(cache_file(root, VERDICTS), stamp(*parts), valid=_verdict_shape)


def welsh_files(root: Path = PROJECT_ROOT) -> list[Path]:
    """The project's Welsh: every page under docs/cy/, every transcripts/*.cy.srt, and the
    interface strings (leadership/interface.py, and mkdocs.yml's)."""
    found = [*(root / "docs" / WELSH).rglob("*.md"), *(root / "transcripts").glob("*.cy.srt")]
    found += [*project_interface_files(root), *_config_file(root)]
    return sorted(path for path in found if inside(path, root))


def _config_file(root: Path) -> list[Path]:
    """mkdocs.yml, whose Welsh strings (the site's name, the navigation) pages show."""
    return [root / CONFIG_FILE] if (root / CONFIG_FILE).is_file() else []


def check_content(
    content: SiteContent, dictionary: welsh.RadicalDictionary, root: Path
) -> list[Problem]:
    """``check_welsh`` on the Welsh pages and subtitles of a build's content model, as read
    by it, and on the interface strings: the build's Welsh check, the same as
    ``check_project``'s."""
    texts: dict[Path, str | bytes] = {
        page.path: page.text for page in content.pages.values() if page.text is not None
    }
    pages = [page.path for page in content.pages.values() if page.language == WELSH]
    subtitles = [
        file.path for (_, language), file in content.films.subtitles.items()
        if language == WELSH
    ]
    texts.update(
        (file.path, file.data) for file in content.films.subtitles.values()
        if file.data is not None
    )
    files = sorted(pages + subtitles) + project_interface_files(root) + _config_file(root)
    return check_welsh(
        files, dictionary, root=root, texts=texts, verdicts=verdict_cache(root),
        reported=unreadable_sources([*content.films.problems, *content.page_problems]),
    )


def check_project(
    root: Path = PROJECT_ROOT, reported: Collection[str] = ()
) -> tuple[list[Problem], int]:
    files = [path for path in welsh_files(root) if shown_path(path, root) not in reported]
    return check_welsh(files, root=root, verdicts=verdict_cache(root)), len(files)


def word_count(paths: Iterable[Path]) -> int:
    """How many Welsh words the checks read in ``paths`` (for the measurement)."""
    total = 0
    for path in paths:
        if path.suffix == ".py":
            texts = [welsh_text for _line, welsh_text in interface_texts(path)]
        elif path.name == CONFIG_FILE:
            texts = [welsh_text for _line, welsh_text in config_texts(path)]
        else:
            text = path.read_text(encoding="utf-8")
            texts = [subtitles_text(text) if path.suffix == ".srt" else page_text(text)]
        total += sum(1 for welsh_text in texts for token in tokens(welsh_text)
                     if token.text[0] not in "'’0123456789")
    return total
