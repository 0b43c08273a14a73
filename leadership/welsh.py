"""Welsh for search: stop words, tokens, initial mutations and dictionary-confirmed radicals.

All the Welsh the site's search knows lives here. The browser side
(``overrides/assets/javascripts/lunr/min/lunr.cy.min.js``) holds no Welsh of its
own: it gets the stop words, the mutation table and the lexicon from
:func:`search_data`, which the build writes beside the Welsh search index.

Welsh changes the first sound of a word after certain words (initial mutation):
*tosturi* 'compassion' is *dosturi* (soft), *nhosturi* (nasal) or *thosturi*
(aspirate); *empathi* becomes *hempathi* (h-prothesis). A search for one form
should find the others. Going from the radical (dictionary) form to a mutated
form is a function; going back is not: *f* comes from *b* or *m*, *l* from *ll*
or *gl*, *r* from *rh* or *gr*, and a word that starts with a vowel may have lost
a *g*. The Bangor University (techiaith) hunspell dictionary ``cy_GB`` decides,
at build time, which of those candidate radicals are real words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Protocol

from leadership.build_cache import StampedCache, stamp
from leadership.reporting import ContentError, Problem

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# The techiaith cy_GB hunspell dictionary, as published on npm (package dictionary-cy).
DICTIONARY = PROJECT_ROOT / "node_modules" / "dictionary-cy" / "index"

# Welsh vowels, with the accents Welsh writes on them (to bach, diaeresis, acute, grave).
VOWELS = "aeiouwyâêîôûŵŷäëïöüẅÿáéíóúẃýàèìòùẁỳ"

# Function words only: words that carry grammar rather than meaning, so a search
# for them would match nearly every page. Content words never belong here.
STOP_WORDS = frozenset(
    {
        # the article, and its form after a vowel ('r as in mae'r, i'r, o'r)
        "y", "yr", "r",
        # conjunctions: and, or, but, nor
        "a", "ac", "neu", "ond", "na", "nac",
        # simple prepositions (yn 'in' also before m- and ng-: ym, yng)
        "â", "ag", "am", "ar", "at", "i", "o", "yn", "ym", "yng", "gan", "gyda",
        "wrth", "heb", "mewn", "dros", "drwy", "rhwng",
        # verbal and predicative particles ('n as in ni'n, mae'n)
        "fe", "mi", "n", "wedi", "nid", "ddim",
        # possessive and object pronouns, with their short forms after a vowel
        # ('i, 'w, 'u, 'm, 'th, 'ch as in a'i, i'w, a'u, a'm, a'th, a'ch)
        "fy", "dy", "ei", "ein", "eich", "eu", "w", "u", "m", "th", "ch",
        # personal pronouns
        "fi", "ti", "e", "hi", "ni", "chi", "nhw",
        # forms of bod 'to be' used as auxiliaries and copulas
        "mae", "yw", "ydy", "sy", "sydd", "oedd",
        # demonstratives
        "hyn", "hynny", "hwn", "hon",
    }
)  # fmt: skip

# Where words split: white space, hyphens and dashes (cyd-weithio -> cyd, weithio),
# apostrophes, straight and curly (mae'r -> mae, r; i'w -> i, w; ni'n -> ni, n), and
# punctuation. Written to mean the same in Python's re and in JavaScript, where Material
# compiles it with new RegExp(separator) and no flags; query syntax (* + ~ ^) is left alone.
SEPARATOR = r"""[\s\-‐‑‒–—―'’‘ʼ`´.,;:!?¡¿"“”„«»()\[\]{}/\\|…·•]+"""
SPLIT = re.compile(SEPARATOR)
EDGE_NON_WORD = re.compile(r"^[\W_]+|[\W_]+$")
TAG = re.compile(r"<[^>]*>")
# The combining accents Unicode splits off a letter (NFD): the same range in the browser.
COMBINING_ACCENTS = re.compile("[\u0300-\u036f]")

NOT_H = "(?!h)"
# After g: the letters a g can stand before and leave behind when it drops (soft mutation).
AFTER_G = f"[{VOWELS}lr]"
STARTS_WITH_VOWEL = f"[{VOWELS}]"


@dataclass(frozen=True)
class Mutation:
    """One row of the mutation table: a radical initial and what it becomes.

    ``rest`` is a regular expression (valid in Python and JavaScript) that the rest of
    the word, after the initial, must match at its start: ``t`` mutates but ``th`` is a
    letter of its own and does not.
    """

    kind: str  # soft, nasal, aspirate, h-prothesis
    radical: str  # the radical's initial ('' for a word that starts with a vowel)
    mutated: str  # what the initial becomes ('' when it disappears)
    rest: str = ""


MUTATIONS = (
    Mutation("soft", "p", "b", NOT_H),
    Mutation("soft", "t", "d", "(?![hd])"),
    Mutation("soft", "c", "g", NOT_H),
    Mutation("soft", "b", "f", "(?![fh])"),
    Mutation("soft", "d", "dd", "(?!d)"),
    Mutation("soft", "g", "", AFTER_G),
    Mutation("soft", "m", "f", "(?![fh])"),
    Mutation("soft", "ll", "l", "(?!l)"),
    Mutation("soft", "rh", "r", NOT_H),
    Mutation("nasal", "p", "mh", NOT_H),
    Mutation("nasal", "t", "nh", "(?![hd])"),
    Mutation("nasal", "c", "ngh", NOT_H),
    Mutation("nasal", "b", "m", "(?![fh])"),
    Mutation("nasal", "d", "n", "(?![dgh])"),
    Mutation("nasal", "g", "ng", AFTER_G),
    Mutation("aspirate", "p", "ph", NOT_H),
    Mutation("aspirate", "t", "th", "(?![hd])"),
    Mutation("aspirate", "c", "ch", NOT_H),
    Mutation("h-prothesis", "", "h", STARTS_WITH_VOWEL),
)
KINDS = ("soft", "nasal", "aspirate", "h-prothesis")
_REST = {mutation: re.compile(mutation.rest) for mutation in MUTATIONS}


# --- Words ---------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case without accents, so *ol* finds *ôl* and *ty* finds *tŷ*."""
    bare = COMBINING_ACCENTS.sub("", unicodedata.normalize("NFD", text.lower()))
    return unicodedata.normalize("NFC", bare)


def tokens(text: str) -> list[str]:
    """The words of a text as search sees them: lower case, split the Welsh way.

    >>> tokens("Mae'r tîm i'w weld yn cyd-weithio")
    ['mae', 'r', 'tîm', 'i', 'w', 'weld', 'yn', 'cyd', 'weithio']
    """
    words = []
    for piece in SPLIT.split(text.lower()):
        word = EDGE_NON_WORD.sub("", piece)
        if word:
            words.append(word)
    return words


def index_text_tokens(html: str) -> list[str]:
    """The words of a search index field, which holds a little HTML."""
    return tokens(TAG.sub(" ", html))


def index_vocabulary(fields: Iterable[str]) -> set[str]:
    """The distinct words of many search index fields: ``index_text_tokens`` of each, joined.

    Markup goes field by field (a stray ``<`` must not reach into the next field); then
    the text is split once and each distinct piece trimmed once, which on an index of
    11,520 entries is several times faster than tokenising field by field.
    """
    text = " ".join(TAG.sub(" ", field) for field in fields).lower()
    words = {EDGE_NON_WORD.sub("", piece) for piece in set(SPLIT.split(text))}
    words.discard("")
    return words


def is_stop_word(word: str) -> bool:
    """Compared with its accents: *dŷ* 'house' (mutated) is not *dy* 'your', nor *hŷn* *hyn*."""
    return word.lower() in STOP_WORDS


# --- Mutations -------------------------------------------------------------------------------


def mutate(word: str) -> dict[str, str]:
    """The mutated forms of a radical, by kind: ``{"soft": ..., "nasal": ...}``.

    Kinds that do not apply to the word's initial are left out.
    """
    word = word.lower()
    forms: dict[str, str] = {}
    for mutation in MUTATIONS:
        if mutation.kind in forms or not word.startswith(mutation.radical):
            continue
        rest = word[len(mutation.radical) :]
        if rest and _REST[mutation].match(rest):
            forms[mutation.kind] = mutation.mutated + rest
    return forms


def radical_spellings(word: str) -> list[str]:
    """Every radical a word could be a mutation of, keeping its capital: *Gaerdydd* ->
    *Caerdydd*, *Ellir* -> *Gellir*. Unconfirmed, as :func:`radical_candidates`."""
    capital = word[:1].isupper()
    found = []
    for mutation in MUTATIONS:
        if not word.lower().startswith(mutation.mutated):
            continue
        rest = word[len(mutation.mutated) :]
        if not rest or not _REST[mutation].match(rest.lower()):
            continue
        if capital and not mutation.mutated:
            rest = rest[:1].lower() + rest[1:]
        spelling = mutation.radical + rest
        if capital:
            spelling = spelling[:1].upper() + spelling[1:]
        if spelling not in found:
            found.append(spelling)
    return found


def radical_candidates(word: str) -> list[tuple[str, str]]:
    """Every radical a word could be a mutation of, as (kind, radical), unconfirmed.

    The word itself is not included. Ambiguous initials give several candidates:
    *fam* -> soft of *bam* or of *mam*.
    """
    word = word.lower()
    candidates = []
    for mutation in MUTATIONS:
        if not word.startswith(mutation.mutated):
            continue
        rest = word[len(mutation.mutated) :]
        if rest and _REST[mutation].match(rest):
            candidate = (mutation.kind, mutation.radical + rest)
            if candidate not in candidates:
                candidates.append(candidate)
    return candidates


# --- The dictionary ------------------------------------------------------------------------


class RadicalDictionary(Protocol):
    """What the mutation search asks a dictionary."""

    def is_radical(self, word: str) -> bool: ...

    def knows(self, word: str) -> bool: ...


def _require_dictionary(path: Path) -> None:
    if not path.with_suffix(".dic").exists():
        raise ContentError(
            [
                Problem(
                    path=path.with_suffix(".dic").as_posix(),
                    line=1,
                    rule="welsh-dictionary",
                    message="the Welsh hunspell dictionary is missing: run `make setup` "
                    "(it installs the npm package dictionary-cy)",
                )
            ]
        )


class WelshDictionary:
    """The cy_GB hunspell dictionary, asked one question: is this a radical form?

    The dictionary accepts mutated forms too (its prefix rules M, T, L and H are the
    soft, nasal and aspirate mutations and h-prothesis), so a word counts as a radical
    only when it is accepted without one of those prefixes.
    """

    def __init__(self, path: Path = DICTIONARY):
        _require_dictionary(path)
        from spylls.hunspell import Dictionary

        self._hunspell = Dictionary.from_files(str(path))
        self._radical = cache(self._is_radical)
        self._known = cache(self._knows)

    def is_radical(self, word: str) -> bool:
        """Whether the dictionary has the word as a radical form (not only as a mutation)."""
        return self._radical(word)

    def knows(self, word: str) -> bool:
        """Whether the dictionary accepts the word in any form."""
        return self._known(word)

    def _is_radical(self, word: str) -> bool:
        for spelling in dict.fromkeys((word, word.capitalize())):
            for form in self._hunspell.lookuper.good_forms(spelling):
                if getattr(form, "prefix", None) is None:
                    return True
        return False

    def _knows(self, word: str) -> bool:
        return any(self._hunspell.lookup(spelling) for spelling in (word, word.capitalize()))


@cache
def default_dictionary() -> WelshDictionary:
    return WelshDictionary()


class RememberedDictionary:
    """The dictionary's answers, kept between builds (``leadership.build_cache``).

    Loading the dictionary takes a third of a second and each new word a fraction of a
    millisecond, on every build; the answers change only with the dictionary, with spylls
    or with this module, which together stamp the cache. The dictionary is loaded only
    when a word has not been asked about before. ``save`` keeps the new answers.
    """

    def __init__(self, cache_path: Path, path: Path = DICTIONARY):
        _require_dictionary(path)
        self._path = path
        self._answers = StampedCache(
            cache_path,
            stamp(
                path.with_suffix(".aff").read_bytes(),
                path.with_suffix(".dic").read_bytes(),
                Path(__file__).read_bytes(),
                metadata.version("spylls"),
            ),
            valid=lambda question, answer: isinstance(answer, bool),
        )
        self._dictionary: WelshDictionary | None = None

    def is_radical(self, word: str) -> bool:
        return self._answer("radical", word)

    def knows(self, word: str) -> bool:
        return self._answer("known", word)

    @property
    def loaded(self) -> bool:
        """Whether the dictionary itself had to be loaded."""
        return self._dictionary is not None

    def save(self) -> None:
        self._answers.save()

    def _answer(self, question: str, word: str) -> bool:
        key = f"{question}:{word}"
        if key not in self._answers:
            if self._dictionary is None:
                # Loaded once per process, whichever check or build asks first.
                self._dictionary = (
                    default_dictionary() if self._path == DICTIONARY
                    else WelshDictionary(self._path)
                )
            ask = self._dictionary.is_radical if question == "radical" else self._dictionary.knows
            self._answers.put(key, ask(word))
        return self._answers.get(key)


def confirmed_radicals(
    word: str, dictionary: RadicalDictionary, attested: Iterable[str] = ()
) -> list[str]:
    """The radicals a word is a form of, confirmed by the dictionary, most likely first.

    A candidate radical is confirmed when the dictionary has it as a radical form. For a
    word the dictionary does not know at all (a new word such as *phandemig*, a name),
    a candidate is also confirmed when it is ``attested``: used as a word on the site.
    The word itself comes first when it is a radical in its own right, or when no other
    candidate is confirmed (names, English words).
    """
    word = word.lower()
    attested = attested if isinstance(attested, (set, frozenset)) else set(attested)
    # The dictionary is asked only what the answer depends on: each question costs a
    # fraction of a millisecond, for every word of the Welsh pages.
    unknown: bool | None = None
    confirmed = []
    for _kind, radical in radical_candidates(word):
        if radical in confirmed:
            continue
        if dictionary.is_radical(radical):
            confirmed.append(radical)
        elif radical in attested:
            if unknown is None:
                unknown = not dictionary.knows(word)
            if unknown:
                confirmed.append(radical)
    if not confirmed or dictionary.is_radical(word):
        return [word, *confirmed]
    return confirmed


def lexicon(words: Iterable[str], dictionary: RadicalDictionary) -> dict[str, list[str]]:
    """Folded word -> folded radicals, for the words whose radicals are not just themselves.

    ``words`` are the words of the site's Welsh pages; they also attest radicals the
    dictionary does not know. Words left out are their own only radical. Stop words are
    left out: they are not indexed.
    """
    vocabulary = {word.lower() for word in words}
    merged: dict[str, set[str]] = {}
    for word in sorted(vocabulary):
        if is_stop_word(word):
            continue
        merged.setdefault(fold(word), set()).update(
            fold(radical) for radical in confirmed_radicals(word, dictionary, vocabulary)
        )
    return {
        word: sorted(radicals, key=lambda radical: (radical != word, radical))
        for word, radicals in sorted(merged.items())
        if radicals != {word}
    }


# --- What the browser gets -------------------------------------------------------------------

# Matches through a mutation score this much of an exact match, so exact matches rank first.
ALTERNATIVE_BOOST = 0.25
# Material matches every query word as a prefix (it appends *), and so do mutations: *tosturi*
# finds *dosturiol*. A query word shorter than MIN_PREFIX finds other forms only as a whole word.
MIN_PREFIX = 3
# Going back from a mutated query to a radical is ambiguous (*fod* is *bod* or *mod*), so a
# candidate radical shorter than this must match a whole word (*mod*), not a prefix (*model*).
MIN_RADICAL_PREFIX = 5


def search_data(words: Iterable[str], dictionary: RadicalDictionary) -> dict:
    """Everything the Welsh search plugin in the browser needs, as plain data."""
    return {
        "stopWords": sorted(STOP_WORDS),
        "mutations": [asdict(mutation) for mutation in MUTATIONS],
        "lexicon": lexicon(words, dictionary),
        "alternativeBoost": ALTERNATIVE_BOOST,
        "minPrefix": MIN_PREFIX,
        "minRadicalPrefix": MIN_RADICAL_PREFIX,
    }
