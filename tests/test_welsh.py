"""Welsh for search (leadership/welsh.py): stop words, tokens, the mutation table, and the
radicals the cy_GB dictionary confirms."""

from __future__ import annotations

import json
import re

import pytest

from leadership import welsh

# The whole mutation table, one radical per initial: radical -> {kind: mutated form}.
MUTATION_TABLE = {
    "pen": {"soft": "ben", "nasal": "mhen", "aspirate": "phen"},
    "tad": {"soft": "dad", "nasal": "nhad", "aspirate": "thad"},
    "cath": {"soft": "gath", "nasal": "nghath", "aspirate": "chath"},
    "bara": {"soft": "fara", "nasal": "mara"},
    "drws": {"soft": "ddrws", "nasal": "nrws"},
    "gardd": {"soft": "ardd", "nasal": "ngardd"},
    "gwaith": {"soft": "waith", "nasal": "ngwaith"},
    "glan": {"soft": "lan", "nasal": "nglan"},
    "grym": {"soft": "rym", "nasal": "ngrym"},
    "mam": {"soft": "fam"},
    "llaw": {"soft": "law"},
    "rhan": {"soft": "ran"},
    "enw": {"h-prothesis": "henw"},
    "empathi": {"h-prothesis": "hempathi"},
    "arloesedd": {"h-prothesis": "harloesedd"},
    "wythnos": {"h-prothesis": "hwythnos"},
    "ŵyr": {"h-prothesis": "hŵyr"},
    "tosturi": {"soft": "dosturi", "nasal": "nhosturi", "aspirate": "thosturi"},
    "cymuned": {"soft": "gymuned", "nasal": "nghymuned", "aspirate": "chymuned"},
}

# Initials that never mutate: the letters th, ch, ph, dd, ff, f, l, r, n, s, h, and others.
NEVER_MUTATE = [
    "theatr",
    "chwaith",
    "phwy",
    "ffordd",
    "fel",
    "lili",
    "rownd",
    "nos",
    "swydd",
    "hefyd",
    "jam",
]


@pytest.mark.parametrize(("radical", "forms"), MUTATION_TABLE.items())
def test_radical_to_mutated_for_the_whole_table(radical, forms):
    assert welsh.mutate(radical) == forms


@pytest.mark.parametrize("word", NEVER_MUTATE)
def test_letters_that_do_not_mutate(word):
    assert welsh.mutate(word) == {}


@pytest.mark.parametrize(
    ("radical", "kind", "mutated"),
    [
        (radical, kind, mutated)
        for radical, forms in MUTATION_TABLE.items()
        for kind, mutated in forms.items()
    ],
)
def test_mutated_to_radical_for_the_whole_table(radical, kind, mutated):
    assert (kind, radical) in welsh.radical_candidates(mutated)


def test_every_row_of_the_table_is_exercised():
    exercised = {
        (kind, mutation.radical, mutation.mutated)
        for mutation in welsh.MUTATIONS
        for radical, forms in MUTATION_TABLE.items()
        for kind in forms
        if kind == mutation.kind
        and radical.startswith(mutation.radical)
        and forms[kind].startswith(mutation.mutated)
    }
    rows = {(mutation.kind, mutation.radical, mutation.mutated) for mutation in welsh.MUTATIONS}
    assert rows <= exercised
    assert {mutation.kind for mutation in welsh.MUTATIONS} == set(welsh.KINDS)


@pytest.mark.parametrize(
    ("mutated", "candidates"),
    [
        ("fam", {"bam", "mam"}),  # f from b or m
        ("lawn", {"llawn", "glawn"}),  # l from ll or gl
        ("ran", {"rhan", "gran"}),  # r from rh or gr
        ("ofal", {"gofal"}),  # a vowel from a lost g
        ("ddim", {"dim"}),
        ("nghymru", {"cymru"}),
        ("mhrifysgol", {"prifysgol"}),
    ],
)
def test_ambiguous_reversals_give_every_candidate(mutated, candidates):
    assert {radical for _kind, radical in welsh.radical_candidates(mutated)} >= candidates


def test_radical_spellings_keep_the_capital():
    assert welsh.radical_spellings("Gaerdydd") == ["Caerdydd"]
    assert "Gellir" in welsh.radical_spellings("Ellir")
    assert "Empathi" in welsh.radical_spellings("Hempathi")
    assert {radical for _kind, radical in welsh.radical_candidates("fam")} == {
        spelling.lower() for spelling in welsh.radical_spellings("Fam")
    }


def test_a_digraph_is_not_read_as_a_mutated_letter():
    # ll is a radical, not the soft form of lll; rh is not r + h; dd is not the soft form of t.
    assert all(radical != "lllaw" for _kind, radical in welsh.radical_candidates("llaw"))
    assert ("soft", "rhhan") not in welsh.radical_candidates("rhan")
    assert ("soft", "tdim") not in welsh.radical_candidates("ddim")


def test_table_patterns_mean_the_same_in_javascript_syntax():
    # The browser compiles each `rest` as new RegExp("^(?:" + rest + ")"): keep to that syntax.
    for mutation in welsh.MUTATIONS:
        assert re.fullmatch(r"[\w\[\]()?!^âêîôûŵŷäëïöüẅÿáéíóúẃýàèìòùẁỳ]*", mutation.rest), mutation
        re.compile(f"^(?:{mutation.rest})")


# --- Tokens, stop words, accents -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Mae'r tîm", ["mae", "r", "tîm"]),
        ("i'w ddweud", ["i", "w", "ddweud"]),
        ("a'i hethnigrwydd", ["a", "i", "hethnigrwydd"]),
        ("ni'n gwrando", ["ni", "n", "gwrando"]),
        ("gyda’r staff", ["gyda", "r", "staff"]),  # curly apostrophe
        ("cyd-weithio ac is-deitlau", ["cyd", "weithio", "ac", "is", "deitlau"]),
        ("Gofal, (cymorth); “empathi”.", ["gofal", "cymorth", "empathi"]),
        ("Covid-19 yn 2020", ["covid", "19", "yn", "2020"]),
    ],
)
def test_tokens_split_the_welsh_way(text, words):
    assert welsh.tokens(text) == words


def test_index_text_tokens_ignore_markup():
    assert welsh.index_text_tokens("<p>Rhoi <code>sylw</code></p><ul><li>i'r tîm</li></ul>") == [
        "rhoi",
        "sylw",
        "i",
        "r",
        "tîm",
    ]


def test_the_vocabulary_of_many_fields_is_the_words_of_each():
    fields = ["<p>Rhoi <code>sylw</code></p>", "a < b", "c > d", "Mae'r tîm, i'w weld.", "", "—"]
    expected = {word for field in fields for word in welsh.index_text_tokens(field)}
    assert welsh.index_vocabulary(fields) == expected
    assert {"b", "c"} <= expected  # a stray "<" does not swallow the next field


def test_fold_removes_accents_only():
    assert welsh.fold("Tŷ, dŵr, ôl, caniatáu, ïe") == "ty, dwr, ol, caniatau, ie"


def test_stop_words_are_a_short_list_of_function_words():
    assert 30 <= len(welsh.STOP_WORDS) <= 80
    # The short forms after an apostrophe are stop words...
    assert {"r", "n", "w", "i", "u"} <= welsh.STOP_WORDS
    assert all(welsh.is_stop_word(word) for word in ("yr", "a", "am", "at", "yng", "â", "A"))
    # ...and no content word, Welsh or English, is, not even one that differs by an accent.
    for word in (
        "gofal",
        "tîm",
        "arweinyddiaeth",
        "tosturi",
        "her",
        "do",
        "is",
        "gwaith",
        "bod",
        "dŷ",
        "hŷn",
    ):
        assert not welsh.is_stop_word(word), word
    assert not {"the", "and", "of", "to"} & welsh.STOP_WORDS


def test_separator_is_the_same_in_python_and_in_material_config():
    # Material compiles the separator with new RegExp(separator), no flags.
    assert "\\p" not in welsh.SEPARATOR
    assert re.split(welsh.SEPARATOR, "mae'r-tîm") == ["mae", "r", "tîm"]
    for syntax in "*+~^":  # lunr query syntax is never a separator
        assert not re.match(welsh.SEPARATOR, syntax)


# --- The dictionary confirms radicals ---------------------------------------------------------


@pytest.fixture(scope="module")
def dictionary():
    return welsh.default_dictionary()


@pytest.mark.parametrize(
    ("word", "radicals"),
    [
        ("dosturiol", ["tosturiol"]),
        ("nhosturi", ["tosturi"]),
        ("thosturi", ["tosturi"]),
        ("hempathi", ["empathi"]),
        ("Nghymru", ["cymru"]),  # the dictionary has it capitalised
        ("fam", ["mam"]),  # bam is not a word
        ("lawn", ["llawn"]),  # glawn is not a word
        ("ofal", ["gofal"]),
        ("waith", ["gwaith"]),
        ("ddim", ["ddim", "dim"]),  # a word in its own right too
        ("modd", ["modd", "bodd"]),  # 'means', and the nasal form of bodd as in wrth fy modd
        ("chwaith", ["chwaith"]),  # cwaith is not a word
        ("gwaith", ["gwaith"]),
        ("arweinyddiaeth", ["arweinyddiaeth"]),  # garweinyddiaeth is not a word
        ("lancaster", ["lancaster"]),  # unknown words are their own radical
    ],
)
def test_confirmed_radicals(dictionary, word, radicals):
    assert welsh.confirmed_radicals(word, dictionary) == radicals


def test_the_site_attests_radicals_the_dictionary_does_not_know(dictionary):
    assert welsh.confirmed_radicals("phandemig", dictionary) == ["phandemig"]
    assert welsh.confirmed_radicals("phandemig", dictionary, {"pandemig"}) == ["pandemig"]
    # A word the dictionary knows is never reinterpreted from the site's own words.
    assert welsh.confirmed_radicals("chwaith", dictionary, {"cwaith"}) == ["chwaith"]


def test_the_lexicon_lists_only_words_with_other_radicals(dictionary):
    lexicon = welsh.lexicon(
        ["dosturiol", "Nghymru", "tŷ", "dŷ", "gofal", "r", "fam", "phandemig", "pandemig"],
        dictionary,
    )
    assert lexicon == {
        "dosturiol": ["tosturiol"],
        "dy": ["ty"],  # dŷ, folded; dy "your" is a stop word and not indexed
        "fam": ["mam"],
        "nghymru": ["cymru"],
        "phandemig": ["pandemig"],
    }


def test_search_data_is_what_the_browser_needs(dictionary):
    data = welsh.search_data(welsh.tokens("dosturiol, mae'r"), dictionary)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert set(data) == {
        "stopWords",
        "mutations",
        "lexicon",
        "alternativeBoost",
        "minPrefix",
        "minRadicalPrefix",
    }
    assert data["lexicon"] == {"dosturiol": ["tosturiol"]}
    assert len(data["mutations"]) == len(welsh.MUTATIONS)
    assert {"kind", "radical", "mutated", "rest"} == set(data["mutations"][0])
    assert data["stopWords"] == sorted(welsh.STOP_WORDS)
    assert 0 < data["alternativeBoost"] < 1


def test_a_missing_dictionary_is_reported_with_its_path(tmp_path):
    with pytest.raises(welsh.ContentError) as error:
        welsh.WelshDictionary(tmp_path / "index")
    assert f"{tmp_path}/index.dic:1: welsh-dictionary:" in str(error.value)
