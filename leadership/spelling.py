"""Spelling: Welsh with the techiaith hunspell cy_GB dictionary, English with en_GB.

Both through spylls (pure-Python hunspell), both with the project word list
(``spelling/wordlist.txt``) for names and terms the dictionaries lack.

What is checked: the prose of every page (its front matter text values too), the text of
every subtitle cue, the per-language text in ``transcripts/films.yml``, and every interface
string (``leadership/interface.py``, each in the language it is written in; its placeholders
such as ``{title}`` are not text, see :mod:`leadership.interface_source`). What is not:
code, addresses, HTML tags and their attributes, link targets, attribute lists
(``{ #id }``), front matter keys and identifiers (kind, film, translation, ...). Text
marked with another language (``<span lang="en">...</span>`` in a Welsh page,
``lang="cy"`` in an English one, or a link with ``{ lang=en }``) is checked against that
language's dictionary; text in a language with no dictionary here is skipped.

Each problem is ``path:line: spelling: word (suggestions)``. Dictionaries load once per
process; lookups are cached per word; suggestions (slow in spylls) are worked out only for
misspelt words, and kept in a cache file between runs.
"""

from __future__ import annotations

import re
import time
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import yaml

from leadership.build_cache import StampedCache, read_json, stamp, write_json
from leadership.build_cache import cache_file as cache_path
from leadership.interface_source import (
    InterfaceSourceError,
    project_interface_files,
    read_interface_strings,
)
from leadership.languages import LANGUAGES, inside
from leadership.markdown_source import (
    FRONT_MATTER_OPEN,
    code_spans,
    line_at,
    mask,
    split_source,
)
from leadership.pages.navigation import CONFIG_FILE, config_strings
from leadership.reporting import Problem, shown_path
from leadership.welsh import radical_spellings
from leadership.yaml_nodes import compose, refuse_aliases

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DICTIONARIES = {
    "en": "node_modules/dictionary-en-gb/index",
    "cy": "node_modules/dictionary-cy/index",
}
WORDLIST = "spelling/wordlist.txt"
CACHE_FILE = "spelling-suggestions.json"
# The dictionaries' answers (is this word in it?), so a run whose words were all asked before
# loads no dictionary (each takes about half a second to load).
LOOKUP_CACHE_FILE = "spelling-lookups.json"
MAX_SUGGESTIONS = 4
# spylls takes about 0.2 s to suggest for one word: past this, words go without suggestions
# (the cache keeps those worked out, so the next run goes further).
SUGGESTION_BUDGET_SECONDS = 6.0
RULE = "spelling"

# A word: letters, with apostrophes or hyphens inside (mae'n, is-deitlau, King's).
WORD = re.compile(r"\w+(?:['’-]\w+)*")
CURLY_APOSTROPHE = "’"

# What Markdown source hides from readers, or shows as something other than prose.
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
HTML_TAG = re.compile(
    r"""</?[A-Za-z][A-Za-z0-9:-]*(?:\s(?:"[^"]*"|'[^']*'|[^<>"'])*)?/?>"""
)
OPEN_TAG = re.compile(
    r"""<(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?P<attributes>(?:\s(?:"[^"]*"|'[^']*'|[^<>"'])*)?)>"""
)
LANG_ATTRIBUTE = re.compile(r"""\blang\s*=\s*["']?(?P<lang>[A-Za-z]+)(?:-[A-Za-z0-9]+)*["']?""")
# A link with a lang attribute list: [text](target){ lang=en }
LANG_LINK = re.compile(
    r"\[(?P<text>[^\[\]]*)\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)"
    r"\{:?[^{}\n]*\blang=[\"']?(?P<lang>[A-Za-z]+)[^{}\n]*\}"
)
LINK_TARGET = re.compile(r"\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)")
REFERENCE_LABEL = re.compile(r"\]\[[^\]\n]*\]")
REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$", re.M)
FOOTNOTE_LABEL = re.compile(r"\[\^[^\]\n]+\]:?")
ABBREVIATION_KEY = re.compile(r"^\*\[[^\]\n]+\]:", re.M)
ATTR_LIST = re.compile(r"\{:?[ \t]*[#.\w][^{}\n]*\}")
AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>")
# Possessive (++, *+) where giving characters back could never let the rest match: a word
# is then tried once, not once for each of its lengths (the checks read every page).
URL = re.compile(r"\b(?:[A-Za-z][A-Za-z0-9+.-]*+://|www\.|mailto:)[^\s<>()\[\]]*", re.I)
EMAIL = re.compile(r"\b[\w.+-]++@[\w-]+(?:\.[\w-]+)+\b")
FILE_PATH = re.compile(r"\b[\w.-]++(?:/[\w.-]+)+\b|\b[\w-]++\.(?:md|srt|vtt|yml|yaml|html|py)\b")
ENTITY = re.compile(r"&(?:#\d+|#x[0-9A-Fa-f]+|\w+);")
ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*", re.M)

# Front matter values that are identifiers, not prose (at any depth).
IDENTIFIER_KEYS = frozenset({"kind", "film", "translation", "principles", "cue", "slug"})

# Subtitles: cue numbers, timing lines and formatting tags are not text.
SRT_NUMBER = re.compile(r"[ \t]*\d+[ \t]*")
SRT_TIMING = re.compile(r".*-->.*")
SRT_TAG = re.compile(r"</?[A-Za-z][^<>]*>|\{\\[^}]*\}")
SUBTITLE_NAME = re.compile(r".+\.(?P<language>[a-z]{2})\.srt")
FILMS_TEXT_KEYS = ("title", "role", "description")
# Markdown for editors outside docs/, checked like pages.
CONTRIBUTOR_GUIDES = (
    ("CONTRIBUTING.md", "en"),
    ("CONTRIBUTING.cy.md", "cy"),
    (".github/pull_request_template.md", "en"),
)


# Welsh words that join the word before with an apostrophe: 'r (yr), 'n (yn, ein), 'i (ei),
# 'u (eu), 'w (i'w), 'm (fy), 'th (dy), 'ch (eich), 's (ei, as in "a's").
WELSH_CLITICS = frozenset({"r", "n", "i", "u", "w", "m", "th", "ch", "s"})


def radicals(word: str) -> list[str]:
    """The words a Welsh word could be a mutation of ("fer" -> "ber", "mer"): the one
    mutation table, :data:`leadership.welsh.MUTATIONS`."""
    return radical_spellings(word)


# --- dictionaries --------------------------------------------------------------------------

_dictionaries: dict[Path, object] = {}


def load_dictionary(base: Path):
    """A hunspell dictionary (``base``.aff and .dic), loaded once per process."""
    if base not in _dictionaries:
        from spylls.hunspell import Dictionary

        _dictionaries[base] = Dictionary.from_files(str(base))
    return _dictionaries[base]


def read_wordlist(path: Path) -> set[str]:
    """Words, one a line; '#' starts a comment."""
    if not path.is_file():
        return set()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word.replace(CURLY_APOSTROPHE, "'"))
    return words


class Speller:
    """Checks words in the site's languages; remembers every answer."""

    def __init__(
        self,
        root: Path = PROJECT_ROOT,
        wordlist: Path | None = None,
        cache_file: Path | None = None,
        suggest: bool = True,
        suggestion_budget: float = SUGGESTION_BUDGET_SECONDS,
    ):
        self.root = root
        self.words = read_wordlist(wordlist or root / WORDLIST)
        self.lower_words = {word for word in self.words if word.islower()}
        self.cache_file = cache_file if cache_file is not None else cache_path(root, CACHE_FILE)
        self.suggest = suggest
        self.suggestion_budget = suggestion_budget
        self.suggestion_seconds = 0.0
        self._known: dict[tuple[str, str], bool] = {}
        self._lookups: StampedCache | None = None
        self._suggestions: dict[str, list[str]] | None = None
        self._suggestions_changed = False

    def dictionary_base(self, language: str) -> Path:
        return self.root / DICTIONARIES[language]

    def dictionary(self, language: str):
        return load_dictionary(self.dictionary_base(language))

    def in_wordlist(self, word: str) -> bool:
        if word in self.words:
            return True
        lower = word.lower()
        # A lower-case entry also allows the word capitalised or in capitals;
        # "GitHub" allows "GITHUB" but not "github".
        if lower in self.lower_words and (word[:1].isupper() or word.isupper()):
            return True
        return word.isupper() and any(entry.upper() == word for entry in self.words)

    def correct(self, word: str, language: str) -> bool:
        word = word.replace(CURLY_APOSTROPHE, "'").strip("'-")
        key = (word, language)
        if key not in self._known:
            self._known[key] = self._check(word, language)
        return self._known[key]

    def _check(self, word: str, language: str) -> bool:
        if len(word) < 2 or any(char.isdigit() or char == "_" for char in word):
            return True
        if self._known_form(word, language):
            return True
        if language == "cy":
            # Welsh: a mutated form of a right word is right, though the dictionary lacks
            # some ("fer", "goetsio"), and so is a right word with a clitic ("aelodau'r").
            if any(self._known_form(radical, language) for radical in radicals(word)):
                return True
            stem, apostrophe, clitic = word.rpartition("'")
            if apostrophe and clitic.lower() in WELSH_CLITICS and self.correct(stem, language):
                return True
        elif word.endswith("'s") and self.in_wordlist(word[:-2]):
            return True  # possessive of a listed name: "Robinson's"
        # A hyphenated word is right when each of its parts is (hunspell's BREAK).
        parts = [part for part in word.split("-") if part]
        return len(parts) > 1 and all(self.correct(part, language) for part in parts)

    def _known_form(self, word: str, language: str) -> bool:
        return self.in_wordlist(word) or self._in_dictionary(word, language)

    def _in_dictionary(self, word: str, language: str) -> bool:
        lookups = self._lookup_cache()
        question = f"{language}:{word}"
        if lookups is None or question not in lookups:
            answer = bool(self.dictionary(language).lookup(word))
            if lookups is None:
                return answer
            lookups.put(question, answer)
        return lookups.get(question)

    def _lookup_cache(self) -> StampedCache | None:
        """The dictionaries' answers kept in .cache, stamped with their files and spylls'
        version (None for a speller without a cache, or whose dictionaries are missing)."""
        if self._lookups is None and self.cache_file:
            try:
                files = [
                    self.dictionary_base(language).with_suffix(suffix).read_bytes()
                    for language in sorted(DICTIONARIES) for suffix in (".aff", ".dic")
                ]
            except OSError:
                return None  # loading the dictionary says what is missing
            self._lookups = StampedCache(
                self.cache_file.with_name(LOOKUP_CACHE_FILE),
                stamp(*files, metadata.version("spylls")),
                valid=lambda question, answer: isinstance(answer, bool),
            )
        return self._lookups

    def suggestions(self, word: str, language: str) -> list[str] | None:
        """Up to MAX_SUGGESTIONS corrections; None when the time budget is spent."""
        if not self.suggest:
            return []
        cache = self._load_cache()
        key = f"{self._dictionary_stamp(language)}:{word}"
        if key not in cache:
            if self.suggestion_seconds >= self.suggestion_budget:
                return None
            started = time.perf_counter()
            found = []
            for suggestion in self.dictionary(language).suggest(word):
                found.append(suggestion)
                if len(found) == MAX_SUGGESTIONS:
                    break
            cache[key] = found
            self._suggestions_changed = True
            self.suggestion_seconds += time.perf_counter() - started
        return cache[key]

    def _dictionary_stamp(self, language: str) -> str:
        base = self.dictionary_base(language)
        sizes = [(base.with_suffix(suffix)).stat().st_size for suffix in (".aff", ".dic")]
        return f"{language}-{sizes[0]}-{sizes[1]}"

    def _load_cache(self) -> dict[str, list[str]]:
        if self._suggestions is None:
            kept = read_json(self.cache_file) if self.cache_file else {}
            # A suggestion list of the wrong shape is a miss, never a value.
            self._suggestions = {
                key: value for key, value in kept.items()
                if isinstance(value, list) and all(isinstance(item, str) for item in value)
            }
        return self._suggestions

    def save(self) -> None:
        """Keep worked-out suggestions and the dictionaries' answers for the next run."""
        if self._lookups is not None:
            self._lookups.save()
        if not (self.cache_file and self._suggestions_changed):
            return
        write_json(self.cache_file, self._suggestions, sort_keys=True)
        self._suggestions_changed = False


# --- finding the prose ----------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    """A stretch of ``text`` in one language (None: a language with no dictionary here)."""

    start: int
    end: int
    language: str | None


def _matching_close(text: str, name: str, start: int) -> int | None:
    """The offset of the ``</name>`` that closes an element opened before ``start``."""
    pattern = re.compile(rf"<(/?){re.escape(name)}\b[^<>]*>", re.I)
    depth = 1
    for match in pattern.finditer(text, start):
        if match.group(0).endswith("/>"):
            continue
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.start()
    return None


def language_regions(text: str) -> list[Region]:
    """Stretches marked with a lang attribute: HTML elements and links with { lang=xx }."""
    regions = []
    for match in OPEN_TAG.finditer(text):
        found = LANG_ATTRIBUTE.search(match["attributes"])
        if not found:
            continue
        close = _matching_close(text, match["name"], match.end())
        end = close if close is not None else len(text)
        regions.append(Region(match.end(), end, _dictionary_language(found["lang"])))
    for match in LANG_LINK.finditer(text):
        regions.append(Region(match.start("text"), match.end("text"), _dictionary_language(
            match["lang"])))
    return regions


def _dictionary_language(code: str) -> str | None:
    code = code.lower()
    return code if code in DICTIONARIES else None


def markup_spans(text: str) -> list[tuple[int, int]]:
    """Everything in a Markdown body that is not prose for a reader."""
    spans = list(code_spans(text))
    for pattern in (
        HTML_COMMENT, HTML_TAG, AUTOLINK, LINK_TARGET, REFERENCE_LABEL, REFERENCE_DEFINITION,
        FOOTNOTE_LABEL, ABBREVIATION_KEY, ATTR_LIST, URL, EMAIL, FILE_PATH, ENTITY, ADMONITION,
    ):
        spans += [match.span() for match in pattern.finditer(mask(text, spans))]
    return spans


def front_matter_text_spans(text: str) -> list[tuple[int, int]]:
    """Spans (in the whole file) of the front matter's prose values."""
    source = split_source(text)
    if source.front_matter is None:
        return []
    first_line = source.text.split("\n", 1)[0]
    if not FRONT_MATTER_OPEN.fullmatch(first_line):
        return []
    offset = len(first_line) + 1
    try:
        refuse_aliases(source.front_matter)
        node = compose(source.front_matter)
    except yaml.YAMLError:
        return []  # the front matter check reports it
    return [(offset + start, offset + end) for start, end in _prose_values(node)]


def _prose_values(node, skip: bool = False) -> Iterator[tuple[int, int]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _prose_values(value, skip or str(key.value) in IDENTIFIER_KEYS)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _prose_values(item, skip)
    elif isinstance(node, yaml.ScalarNode) and not skip and node.tag.endswith(":str"):
        yield node.start_mark.index, node.end_mark.index


# --- checking ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Misspelling:
    path: str
    line: int
    word: str
    language: str


def misspellings(
    text: str, path: str, regions: Iterable[Region], speller: Speller, first_line: int = 1
) -> list[Misspelling]:
    """Misspelt words in ``text``: each region's words against its language, once a line."""
    found = []
    seen = set()
    for region in regions:
        if region.language is None:
            continue
        for match in WORD.finditer(text, region.start, region.end):
            word = match.group(0).strip("'’-")
            if not word or speller.correct(word, region.language):
                continue
            line = line_at(text, match.start(), first_line)
            if (line, word) in seen:
                continue
            seen.add((line, word))
            found.append(Misspelling(path, line, word, region.language))
    return found


def _split(span: tuple[int, int], inner: list[Region], language: str | None) -> list[Region]:
    """A span in ``language``, less the stretches marked with another language."""
    start, end = span
    pieces = []
    cursor = start
    for region in sorted(inner, key=lambda r: r.start):
        if region.end <= cursor or region.start >= end:
            continue
        if region.start > cursor:
            pieces.append(Region(cursor, region.start, language))
        pieces.append(Region(max(region.start, cursor), min(region.end, end), region.language))
        cursor = min(region.end, end)
    if cursor < end:
        pieces.append(Region(cursor, end, language))
    return pieces


def markdown_regions(text: str, language: str) -> tuple[str, list[Region]]:
    """The file text with all non-prose blanked, and its regions by language."""
    source = split_source(text)
    full = source.text
    body_start = source.body_offset
    body_spans = [(body_start + s, body_start + e) for s, e in markup_spans(source.body)]
    visible = mask(full, body_spans)
    # In the front matter only prose values are checked.
    front_spans = front_matter_text_spans(full)
    if source.front_matter is not None:
        keep = sorted(front_spans)
        hidden = []
        cursor = 0
        for start, end in keep:
            hidden.append((cursor, start))
            cursor = end
        hidden.append((cursor, body_start))
        visible = mask(visible, hidden)
    marked = language_regions(mask(full, code_spans(full)))
    # Nested lang regions: the innermost wins, so apply outer ones first.
    marked.sort(key=lambda region: (region.start, -region.end))
    regions = [Region(0, len(full), language)]
    for region in marked:
        regions = [
            piece
            for existing in regions
            for piece in _split((existing.start, existing.end), [region], existing.language)
        ]
    return visible, regions


def check_markdown(text: str, path: str, language: str, speller: Speller) -> list[Misspelling]:
    visible, regions = markdown_regions(text, language)
    return misspellings(visible, path, regions, speller)


def subtitle_text(text: str) -> str:
    """Subtitle file text with cue numbers, timings and tags blanked, lines kept."""
    lines = []
    for line in text.replace("\r\n", "\n").removeprefix("\ufeff").split("\n"):
        if SRT_NUMBER.fullmatch(line) or SRT_TIMING.fullmatch(line):
            lines.append("")
        else:
            lines.append(SRT_TAG.sub(lambda match: " " * len(match.group(0)), line))
    return "\n".join(lines)


def check_subtitles(text: str, path: str, language: str, speller: Speller) -> list[Misspelling]:
    """Subtitle cues; Welsh said in an English film ("Diolch yn fawr") is allowed there."""
    visible = subtitle_text(text)
    found = misspellings(visible, path, [Region(0, len(visible), language)], speller)
    if language != "en":
        return found
    return [item for item in found if not speller.correct(item.word, "cy")]


def check_films_file(text: str, path: str, speller: Speller) -> list[Misspelling]:
    """The per-language title, role and description of each film in films.yml."""
    try:
        refuse_aliases(text)
        root = compose(text)
    except yaml.YAMLError:
        return []  # the subtitle check reports it
    regions = []
    films = _child(root, "films")
    for film in films.value if isinstance(films, yaml.SequenceNode) else ():
        for key in FILMS_TEXT_KEYS:
            values = _child(film, key)
            for language in LANGUAGES:
                value = _child(values, language)
                if isinstance(value, yaml.ScalarNode):
                    regions.append(
                        Region(value.start_mark.index, value.end_mark.index, language)
                    )
    return misspellings(text, path, regions, speller)


def check_interface_file(path: Path, shown: str, speller: Speller) -> list[Misspelling]:
    """Every interface string of the module at ``path``, each against the dictionary of the
    language it is written in, at the line of its string."""
    found = []
    for string in read_interface_strings(path):
        visible = string.visible
        found += misspellings(visible, shown, [Region(0, len(visible), string.language)],
                              speller, first_line=string.line)
    return found


def check_config_string(string, shown: str, speller: Speller) -> list[Misspelling]:
    """A string of mkdocs.yml (``leadership.pages.navigation.ConfigString``) against its
    language's dictionary: its HTML (a copyright's link) is not text, and a stretch marked
    lang="xx" is in that language."""
    text = string.text
    visible = mask(text, markup_spans(text))
    regions = _split((0, len(text)), language_regions(text), string.language)
    return misspellings(visible, shown, regions, speller, first_line=string.line)


def _child(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return value
    return None


# --- the whole project --------------------------------------------------------------------------


def project_files(root: Path) -> list[tuple[str, Path, str]]:
    """(what, file, language) for every file the spelling check reads."""
    files = []
    for language in LANGUAGES:
        folder = root / "docs" / language
        if folder.is_dir():
            files += [
                ("page", page, language) for page in sorted(folder.rglob("*.md"))
                if inside(page, root)
            ]
    for name, language in CONTRIBUTOR_GUIDES:
        if (root / name).is_file():
            files.append(("page", root / name, language))
    transcripts = root / "transcripts"
    if transcripts.is_dir():
        for subtitles in sorted(transcripts.glob("*.srt")):
            if not inside(subtitles, root):
                continue
            match = SUBTITLE_NAME.fullmatch(subtitles.name)
            if match and match["language"] in DICTIONARIES:
                files.append(("subtitles", subtitles, match["language"]))
        films = transcripts / "films.yml"
        if films.is_file():
            files.append(("films", films, ""))
    files += [("interface", interface, "") for interface in project_interface_files(root)]
    if (root / CONFIG_FILE).is_file():
        files.append(("config", root / CONFIG_FILE, ""))
    return files


LANGUAGE_WORDS = {"en": "an English", "cy": "a Welsh"}


def to_problem(misspelling: Misspelling, speller: Speller) -> Problem:
    word, language = misspelling.word, misspelling.language
    other = next((code for code in DICTIONARIES if code != language), None)
    if other and len(word) >= 2 and speller.correct(word, other):
        shown = f"{LANGUAGE_WORDS[other]} word: translate it, or mark it lang=\"{other}\""
    else:
        suggestions = speller.suggestions(word, language)
        if suggestions is None:
            shown = "suggestions not worked out: too many misspellings in one run"
        else:
            shown = ", ".join(suggestions) if suggestions else "no suggestions"
    return Problem(misspelling.path, misspelling.line, RULE, f"{word} ({shown})")


def check_files(
    root: Path, files: list[tuple[str, Path, str]], speller: Speller,
    reported: Collection[str] = (),
) -> list[Problem]:
    """The spelling problems of ``files``; those in ``reported`` (as problems name them),
    which another check has reported as unreadable, are left out."""
    problems = []
    checkers = {"page": check_markdown, "subtitles": check_subtitles}
    for what, path, language in files:
        shown = shown_path(path, root)
        if shown in reported:
            continue
        if what == "config":
            problems += [
                to_problem(item, speller)
                for string in config_strings(path)
                for item in check_config_string(string, shown, speller)
            ]
            continue
        if what == "interface":
            try:
                found = check_interface_file(path, shown, speller)
            except InterfaceSourceError as error:
                problems.append(Problem(shown, error.line, RULE, error.message))
                continue
            problems += [to_problem(item, speller) for item in found]
            continue
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(shown, 1, RULE, f"cannot read as UTF-8: {error}"))
            continue
        if what == "films":
            found = check_films_file(text, shown, speller)
        else:
            found = checkers[what](text, shown, language, speller)
        problems += [to_problem(item, speller) for item in found]
    speller.save()
    return sorted(problems)


def check_project(
    root: Path, speller: Speller | None = None, reported: Collection[str] = ()
) -> tuple[list[Problem], int]:
    speller = speller or Speller(root)
    files = [
        entry for entry in project_files(root) if shown_path(entry[1], root) not in reported
    ]
    return check_files(root, files, speller), len(files)



def files_for(root: Path, paths: Iterable[Path]) -> tuple[list[tuple[str, Path, str]], list[str]]:
    """The checkable files among ``paths`` (files or folders); and those that are not."""
    everything = {path.resolve(): (what, path, language)
                  for what, path, language in project_files(root)}
    chosen, unknown = [], []
    for path in paths:
        target = path.resolve()
        matched = [
            entry for resolved, entry in everything.items()
            if resolved == target or (path.is_dir() and resolved.is_relative_to(target))
        ]
        if matched:
            chosen += [entry for entry in matched if entry not in chosen]
        else:
            unknown.append(path.as_posix())
    return chosen, unknown
