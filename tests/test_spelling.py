"""Spelling: each language against its dictionary, markup skipped, lang-marked text checked
in its own language, the word list, subtitles, the output line, and the command."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from leadership import spelling
from leadership.spelling import (
    Speller,
    check_films_file,
    check_markdown,
    check_subtitles,
    radicals,
    to_problem,
)

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "spelling"


@pytest.fixture(scope="module")
def speller(tmp_path_factory) -> Speller:
    cache = tmp_path_factory.mktemp("spelling") / "suggestions.json"
    return Speller(REPO, wordlist=FIXTURES / "wordlist.txt", cache_file=cache)


def words(fixture: str, language: str, speller: Speller) -> list[tuple[int, str, str]]:
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    check = check_subtitles if fixture.endswith(".srt") else check_markdown
    return [(m.line, m.word, m.language) for m in check(text, fixture, language, speller)]


def test_welsh_pages_are_checked_with_the_welsh_dictionary(speller):
    assert words("welsh_misspelt.md", "cy", speller) == [(9, "arweinyddiath", "cy")]


def test_english_pages_are_checked_with_the_english_dictionary(speller):
    assert words("english_misspelt.md", "en", speller) == [
        (3, "compasionate", "en"),
        (11, "teeam", "en"),
    ]


def test_code_addresses_links_tags_and_attributes_are_not_prose(speller):
    assert words("markup_is_not_prose.md", "en", speller) == []


def test_text_marked_english_in_a_welsh_page_is_checked_in_english(speller):
    assert words("english_marked_in_welsh.md", "cy", speller) == [(11, "leedership", "en")]


def test_text_marked_welsh_in_an_english_page_is_checked_in_welsh(speller):
    assert words("welsh_marked_in_english.md", "en", speller) == [(16, "perthin", "cy")]


def test_mutations_clitics_and_the_word_list(speller):
    # "phandemig" is a mutation of the listed "pandemig"; "aelodau'r" is aelodau + 'r.
    # "GitHub" is listed with its capitals, so "Github" is not right.
    assert words("mutations_and_clitics.md", "cy", speller) == [(11, "Github", "cy")]


def test_welsh_subtitles_are_checked_at_the_line_of_each_word(speller):
    assert words("welsh_misspelt.cy.srt", "cy", speller) == [(13, "tim", "cy")]


def test_welsh_said_in_an_english_film_is_allowed_in_its_subtitles(speller):
    assert words("welsh_in_english.en.srt", "en", speller) == [(7, "Compasionate", "en")]


def test_films_yml_text_is_checked_in_each_language(speller):
    text = (
        "films:\n"
        "  - slug: a-film\n"
        "    title:\n"
        "      en: Compasionate leadership\n"
        "      cy: Arweinyddiath dosturiol\n"
    )
    found = check_films_file(text, "transcripts/films.yml", speller)
    assert [(m.line, m.word, m.language) for m in found] == [
        (4, "Compasionate", "en"),
        (5, "Arweinyddiath", "cy"),
    ]


def test_the_output_line_has_the_word_and_its_suggestions(speller):
    [misspelling] = check_markdown(
        (FIXTURES / "welsh_misspelt.md").read_text(encoding="utf-8"),
        "docs/cy/principles/x.md", "cy", speller,
    )
    problem = to_problem(misspelling, speller)
    assert str(problem).startswith(
        "docs/cy/principles/x.md:9: spelling: arweinyddiath (arweinyddiaeth"
    )


def test_an_english_word_in_a_welsh_page_gets_advice_instead_of_suggestions(speller):
    text = "---\ntitle: Teitl\ndescription: Disgrifiad.\nkind: reading\n---\n\n"
    text += "Mae listening yn bwysig.\n"
    [misspelling] = check_markdown(text, "x.md", "cy", speller)
    assert str(to_problem(misspelling, speller)) == (
        'x.md:7: spelling: listening (an English word: translate it, or mark it lang="en")'
    )


def test_suggestions_are_cached_between_runs(tmp_path):
    cache = tmp_path / "cache.json"
    first = Speller(REPO, wordlist=FIXTURES / "wordlist.txt", cache_file=cache)
    assert "leadership" in first.suggestions("leedership", "en")
    first.save()
    key = next(iter(json.loads(cache.read_text(encoding="utf-8"))))
    assert key.endswith(":leedership")
    second = Speller(REPO, wordlist=FIXTURES / "wordlist.txt", cache_file=cache)
    second.dictionary = None  # a cached suggestion needs no dictionary
    assert "leadership" in second.suggestions("leedership", "en")


def test_the_dictionaries_answers_are_kept_so_a_second_run_loads_no_dictionary(tmp_path):
    cache = tmp_path / "cache.json"
    text = "Mae'r tîm yn gweithio'n dda. Rhoi sylw i staff, gan leedership.\n"
    first = Speller(REPO, wordlist=FIXTURES / "wordlist.txt", cache_file=cache)
    found = check_markdown(text, "x.md", "cy", first)
    first.save()
    second = Speller(REPO, wordlist=FIXTURES / "wordlist.txt", cache_file=cache, suggest=False)
    second.dictionary = None  # every word was asked before: no dictionary is loaded
    again = check_markdown(text, "x.md", "cy", second)
    assert [(m.line, m.word) for m in again] == [(m.line, m.word) for m in found] != []


def test_suggestions_stop_when_the_time_budget_is_spent(tmp_path):
    speller = Speller(REPO, cache_file=tmp_path / "c.json", suggestion_budget=0.0)
    assert speller.suggestions("leedership", "en") is None
    [misspelling] = check_markdown("Some leedership.\n", "x.md", "en", speller)
    assert "suggestions not worked out" in to_problem(misspelling, speller).message


def test_each_dictionary_is_loaded_once(speller):
    speller.correct("gwaith", "cy")
    loaded = spelling.load_dictionary(speller.dictionary_base("cy"))
    assert spelling.load_dictionary(speller.dictionary_base("cy")) is loaded


def test_radicals_undo_welsh_mutations():
    assert "pandemig" in radicals("phandemig")
    assert "pandemig" in radicals("mhandemig")
    assert "Caerdydd" in radicals("Gaerdydd")
    assert "gellir" in radicals("ellir")
    assert "awduron" in radicals("hawduron")
    assert "Ŵyr" in radicals("Hŵyr")  # accented vowels, with the capital kept


def test_radicals_follow_the_one_mutation_table_and_its_guards():
    # One table (leadership.welsh.MUTATIONS) for spelling and search: ll is a letter, not
    # the soft form of lll; ngh is the nasal form of c, never of gh.
    assert "llle" not in radicals("lle")
    assert radicals("Nghymru") == ["Cymru"]
    assert radicals("ddim") == ["dim"]


def test_the_command_refuses_what_it_cannot_check(capsys, monkeypatch):
    script = REPO / "scripts" / "check_spelling.py"
    spec = importlib.util.spec_from_file_location("check_spelling", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.chdir(REPO)
    assert module.main(["no/such/page.md"]) == 2
    assert capsys.readouterr().err == "check_spelling: no such file or folder: no/such/page.md\n"
    assert module.main(["pyproject.toml"]) == 2
    assert "not a page" in capsys.readouterr().err


# --- Interface strings (leadership/interface.py) --------------------------------------------

INTERFACE_FIXTURES = Path(__file__).parent / "fixtures" / "interface"


def interface_problems(module: Path, speller: Speller) -> list[str]:
    return [str(problem) for problem in
            spelling.check_files(REPO, [("interface", module, "")], speller)]


def test_interface_strings_are_checked_each_in_its_language_at_the_line_of_its_string(speller):
    shown = "tests/fixtures/interface/welsh_misspelt.py"
    assert interface_problems(INTERFACE_FIXTURES / "welsh_misspelt.py", speller) == [
        f"{shown}:5: spelling: barrhaol (barhaol, barhao, amharhaol)",
        # a string written over two lines is reported at its first line
        f"{shown}:8: spelling: hanfonn (hanfon, hanfonan, hanfonon, hanfonwn)",
        f"{shown}:11: spelling: linkk (link, links, link k, link-k)",
        # the Welsh page's string that is written in English is checked in English
        f"{shown}:12: spelling: Englsh (English)",
    ]


def test_placeholders_and_file_names_are_not_text_and_the_word_list_names_the_keys(
    speller, tmp_path
):
    module = INTERFACE_FIXTURES / "placeholders_and_names.py"
    shown = "tests/fixtures/interface/placeholders_and_names.py"
    # With only the tests' word list, the names are all that is reported...
    assert interface_problems(module, speller) == [
        f'{shown}:13: spelling: {name} (an English word: translate it, or mark it lang="en")'
        for name in ("End", "Home", "JavaScript")
    ]
    # ...and the project's word list has them.
    project_speller = Speller(REPO, cache_file=tmp_path / "suggestions.json")
    assert interface_problems(module, project_speller) == []


def test_the_site_name_and_navigation_titles_in_mkdocs_yml_are_spelt_in_their_language(
    speller,
):
    # The Welsh navigation's titles are Welsh, the English one's English; a setting read
    # from the environment (!ENV) is not text, nor is the HTML of a copyright's link.
    root = INTERFACE_FIXTURES / "titles_in_mkdocs"
    problems = spelling.check_files(root, [("config", root / "mkdocs.yml", "")], speller)
    assert [str(problem) for problem in problems] == [
        'mkdocs.yml:12: spelling: Kindness (an English word: translate it, or mark it lang="en")',
        'mkdocs.yml:16: spelling: Caredigrwydd (a Welsh word: translate it, or mark it lang="cy")',
        "mkdocs.yml:17: spelling: famillies (families, familiarises)",
    ]


def test_the_real_interface_strings_are_read_and_spelt_right(tmp_path):
    interface = REPO / "leadership" / "interface.py"
    assert ("interface", interface, "") in spelling.project_files(REPO)
    project_speller = Speller(REPO, cache_file=tmp_path / "suggestions.json")
    assert interface_problems(interface, project_speller) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = 1\n", "broken.py:1: spelling: no STRINGS mapping of key -> {language: string}"),
        ('STRINGS = {\n    "a": {"en": "A", "cy": 1},\n}\n',
         "broken.py:2: spelling: 'a': each string must be \"en\" or \"cy\": \"text\""),
        ('STRINGS = {"a": {"en": "A", "cy": "B"}}\nWRITTEN_IN_THE_OTHER_LANGUAGE = {"b"}\n',
         "broken.py:2: spelling: WRITTEN_IN_THE_OTHER_LANGUAGE names keys that are not in "
         "STRINGS: b"),
    ],
)
def test_a_module_that_is_not_interface_strings_is_reported_at_its_line(
    source, expected, speller, tmp_path
):
    module = tmp_path / "broken.py"
    module.write_text(source, encoding="utf-8")
    problems = spelling.check_files(tmp_path, [("interface", module, "")], speller)
    assert [str(problem) for problem in problems] == [expected]


def test_a_module_that_does_not_parse_is_reported_never_as_a_traceback(speller, tmp_path):
    module = tmp_path / "broken.py"
    module.write_text('STRINGS = {\n    "a": {"en": "A",\n', encoding="utf-8")
    problems = spelling.check_files(tmp_path, [("interface", module, "")], speller)
    assert len(problems) == 1
    assert re.fullmatch(r"broken\.py:\d+: spelling: not valid Python: .+", str(problems[0]))
