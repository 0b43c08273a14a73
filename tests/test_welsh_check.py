"""The Welsh checks (leadership/welsh_check.py): the termbase and the glossary, mutations, and
links to English-only pages. One fixture per behaviour in tests/fixtures/welsh/; the real
content is measured in docs-dev/welsh-checks.md and tested in tests/test_welsh_site.py."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from leadership import welsh, welsh_check
from leadership.interface import strings_for
from leadership.interface_source import INTERFACE_SOURCE, read_interface_strings
from leadership.reporting import ContentError

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "welsh"


@pytest.fixture(scope="module")
def dictionary():
    return welsh.default_dictionary()


def found(fixture: str, dictionary, data=None) -> list[str]:
    """``line: rule: message`` of each problem in a fixture."""
    path = FIXTURES / fixture
    problems = welsh_check.check_welsh([path], dictionary=dictionary, data=data, root=REPO)
    prefix = f"tests/fixtures/welsh/{fixture}:"
    assert all(str(problem).startswith(prefix) for problem in problems), problems
    return [str(problem).removeprefix(prefix) for problem in problems]


def mutation(line: int, written: str, corrected: str, reason: str) -> str:
    return f"{line}: welsh-mutation: {written} -> {corrected} ({reason})"


def plain_yn(line: int, trigger: str, word: str) -> str:
    """Before a word that does not take the nasal mutation, "yng" and "ym" become "yn"."""
    return mutation(line, f"{trigger} {word}", f"{trigger[0]}n {word}",
                    f"'{trigger.lower()}' comes only before its nasal mutation, which "
                    f"'{word}' does not take")


# --- Mutations: one fixture of real errors per rule ------------------------------------------

ERRORS = {
    "soft_after_gan.md": [
        # front matter prose, body, and a pair split across lines and emphasis
        mutation(3, "gan Gofal", "gan Ofal", "soft mutation after 'gan'"),
        mutation(9, "gan Gofal", "gan Ofal", "soft mutation after 'gan'"),
        mutation(12, "gan Gofal", "gan Ofal", "soft mutation after 'gan'"),
        mutation(12, "gan Gofal", "gan Ofal", "soft mutation after 'gan'"),
    ],
    "soft_after_prepositions.md": [
        mutation(3, "i pobl", "i bobl", "soft mutation after 'i'"),
        mutation(4, "o tîm", "o dîm", "soft mutation after 'o'"),
        mutation(5, "am cefnogaeth", "am gefnogaeth", "soft mutation after 'am'"),
        mutation(6, "ar perfformiad", "ar berfformiad", "soft mutation after 'ar'"),
        mutation(7, "at darparwr", "at ddarparwr", "soft mutation after 'at'"),
        mutation(8, "dan pwysau", "dan bwysau", "soft mutation after 'dan'"),
        mutation(9, "dros terfyn", "dros derfyn", "soft mutation after 'dros'"),
        mutation(10, "drwy deialog", "drwy ddeialog", "soft mutation after 'drwy'"),
        mutation(11, "wrth cerdded", "wrth gerdded", "soft mutation after 'wrth'"),
        mutation(12, "hyd diwedd", "hyd ddiwedd", "soft mutation after 'hyd'"),
        mutation(13, "heb cymorth", "heb gymorth", "soft mutation after 'heb'"),
    ],
    "soft_after_neu.md": [
        mutation(3, "neu darllenwch", "neu ddarllenwch", "soft mutation after 'neu'"),
        mutation(4, "neu cynhaliwch", "neu gynhaliwch", "soft mutation after 'neu'"),
    ],
    "soft_after_dy.md": [
        mutation(3, "dy barn", "dy farn", "soft mutation after 'dy'"),
        mutation(3, "dy tîm", "dy dîm", "soft mutation after 'dy'"),
    ],
    "ei_his_or_her.md": [
        mutation(3, "ei tîm", "ei dîm / ei thîm",
                 "soft mutation after 'ei' (his), aspirate after 'ei' (her)"),
        mutation(4, "a'i pryderon", "a'i bryderon / a'i phryderon",
                 "soft mutation after 'ei' (his), aspirate after 'ei' (her)"),
        mutation(4, "ei cefnogaeth", "ei gefnogaeth / ei chefnogaeth",
                 "soft mutation after 'ei' (his), aspirate after 'ei' (her)"),
    ],
    "feminine_noun_after_article.md": [
        mutation(3, "y munud", "y funud",
                 "soft mutation of the feminine noun 'munud' after the article"),
        mutation(3, "y tudalen", "y dudalen",
                 "soft mutation of the feminine noun 'tudalen' after the article"),
        mutation(4, "i'r cymuned", "i'r gymuned",
                 "soft mutation of the feminine noun 'cymuned' after the article"),
        mutation(4, "i'r gwefan", "i'r wefan",
                 "soft mutation of the feminine noun 'gwefan' after the article"),
    ],
    "adjective_after_feminine_noun.md": [
        mutation(3, "ffordd tosturiol", "ffordd dosturiol",
                 "soft mutation of an adjective after the feminine noun 'ffordd'"),
        mutation(4, "arweinyddiaeth cynhwysol", "arweinyddiaeth gynhwysol",
                 "soft mutation of an adjective after the feminine noun 'arweinyddiaeth'"),
        mutation(4, "gwers pwysig", "gwers bwysig",
                 "soft mutation of an adjective after the feminine noun 'gwers'"),
    ],
    "soft_after_numbers.md": [
        mutation(3, "dau tîm", "dau dîm", "soft mutation after 'dau'"),
        mutation(3, "dwy cymuned", "dwy gymuned", "soft mutation after 'dwy'"),
        mutation(4, "2 munud", "2 funud", "soft mutation after '2'"),
        mutation(4, "ddau peth", "ddau beth", "soft mutation after 'ddau'"),
    ],
    "nasal_after_fy.md": [
        mutation(3, "fy pryderon", "fy mhryderon", "nasal mutation after 'fy'"),
        mutation(3, "fy tîm", "fy nhîm", "nasal mutation after 'fy'"),
    ],
    "nasal_after_yn_before_a_place.md": [
        mutation(3, "yn Cymru", "yng Nghymru", "nasal mutation after 'yn' (in) before a place"),
        mutation(4, "yn Bangor", "ym Mangor", "nasal mutation after 'yn' (in) before a place"),
        mutation(4, "yn Prifysgol", "ym Mhrifysgol",
                 "nasal mutation after 'yn' (in) before a place"),
    ],
    # "yng" and "ym" come only before the nasal mutation: half a mutation is wrong anywhere.
    "nasal_form_before_an_unmutated_word.md": [
        mutation(3, "ym Bangor", "ym Mangor", "nasal mutation after 'ym'"),
        mutation(3, "yng Caerdydd", "yng Nghaerdydd", "nasal mutation after 'yng'"),
    ],
    # A name from another language is not mutated, nor an initial with no nasal mutation:
    # the advice is "yn", not a mutated Google.
    # "yng" where the mutated initial takes "ym" or "yn": the advice has the right form.
    "nasal_form_of_the_wrong_initial.md": [
        mutation(3, "ym Caerdydd", "yng Nghaerdydd", "nasal mutation after 'yn' (in)"),
        mutation(3, "yng Bangor", "ym Mangor", "nasal mutation after 'yn' (in)"),
        mutation(3, "yng Tywyn", "yn Nhywyn", "nasal mutation after 'yn' (in)"),
        mutation(4, "YNG Dolgellau", "YN Nolgellau", "nasal mutation after 'yn' (in)"),
        mutation(4, "ym Pwllheli", "ym Mhwllheli", "nasal mutation after 'ym'"),
    ],
    "nasal_form_before_a_word_that_does_not_take_it.md": [
        plain_yn(3, "ym", "Zoom"), plain_yn(3, "yng", "Google"),
        plain_yn(4, "Yng", "Teams"), plain_yn(4, "yng", "Llanelli"),
    ],
    "aspirate_after_a_and_others.md": [
        mutation(3, "a cymorth", "a chymorth", "aspirate mutation after 'a'"),
        mutation(3, "a teuluoedd", "a theuluoedd", "aspirate mutation after 'a'"),
        mutation(4, "gyda timau", "gyda thimau", "aspirate mutation after 'gyda'"),
        mutation(4, "â pobl", "â phobl", "aspirate mutation after 'â'"),
        mutation(5, "chwe cwestiwn", "chwe chwestiwn", "aspirate mutation after 'chwe'"),
        mutation(5, "gyda tri", "gyda thri", "aspirate mutation after 'gyda'"),
        mutation(5, "tri peth", "tri pheth", "aspirate mutation after 'tri'"),
        mutation(5, "tua pum", "tua phum", "aspirate mutation after 'tua'"),
        mutation(6, "a cafodd", "a gafodd",
                 "soft mutation of a verb after the relative particle 'a'"),
    ],
    "subtitles_mutation.cy.srt": [
        # a pair across the two lines of a cue; not across cues (the cue number between)
        mutation(4, "gan Gofal", "gan Ofal", "soft mutation after 'gan'"),
        mutation(12, "gyda timau", "gyda thimau", "aspirate mutation after 'gyda'"),
    ],
}


@pytest.mark.parametrize("fixture", ERRORS)
def test_each_rule_reports_the_real_errors_of_its_fixture(fixture, dictionary):
    assert found(fixture, dictionary) == ERRORS[fixture]


def test_every_trigger_of_every_rule_has_a_fixture():
    reasons = "\n".join(line for lines in ERRORS.values() for line in lines)
    triggers = (welsh_check.SOFT_AFTER - {"ddau", "ddwy"}) | welsh_check.ASPIRATE_AFTER | {"fy"}
    for trigger in triggers:
        assert f"after '{trigger}'" in reasons, trigger
    for reason in ("after 'ei' (his)", "after the article", "after the feminine noun",
                   "after 'yn' (in)", "relative particle"):
        assert reason in reasons, reason


@pytest.mark.parametrize(
    "fixture", ["correct_welsh.md", "markup_is_not_welsh_prose.md", "yaml_doubled_apostrophe.md"]
)
def test_correct_welsh_and_what_is_not_prose_give_no_flags(fixture, dictionary):
    # correct_welsh.md: every rule's correct forms, the idioms and names of the reviewed
    # exceptions, and the readings the check must leave alone (ei bod, yn cefnogi, o hyd,
    # ar hyd, y tîm, y llaw, gwaith tîm da). markup: code, addresses, link targets,
    # attributes, front matter keys, text marked lang="en". yaml_doubled_apostrophe.md:
    # 'wedi''i' in a single-quoted front matter value is wedi'i (YAML doubles the quote).
    assert found(fixture, dictionary) == []


def test_the_reviewed_exceptions_are_what_keeps_the_idioms_unflagged(dictionary):
    data = welsh_check.load_data()
    bare = welsh_check.WelshData(
        data.terms,
        welsh_check.MutationData(
            data.mutations.feminine_nouns, data.mutations.adjectives,
            data.mutations.nasal_after_yn, frozenset(), frozenset(), frozenset(),
        ),
        data.english_only,
    )
    flagged = "\n".join(found("correct_welsh.md", dictionary, bare))
    for phrase in ("gan Michael", "at tua", "am tua", "neu mewn", "i mewn"):
        assert phrase in flagged, phrase


def test_every_exception_has_its_reason():
    text = welsh_check.MUTATION_EXCEPTIONS.read_text(encoding="utf-8")
    data = welsh_check.load_mutation_data()
    assert data.names and data.words and data.phrases
    assert text.count("why:") == len(data.names) + len(data.words) + len(data.phrases)


def test_mutated_keeps_the_capital_and_uses_the_one_table():
    assert welsh_check.mutated("Gofal", "soft") == "Ofal"
    assert welsh_check.mutated("Cymru", "nasal") == "Nghymru"
    assert welsh_check.mutated("tîm", "aspirate") == "thîm"
    assert welsh_check.mutated("llaw", "nasal") is None
    assert welsh_check.mutated("theatr", "soft") is None


# --- The termbase and the glossary --------------------------------------------------------------

TERMS = {
    "avoided_terms.md": [
        "2: welsh-term: arweinyddiaeth ar y cyd -> arweinyddiaeth a rennir",
        "9: welsh-term: arweinyddiaeth ar y cyd -> arweinyddiaeth a rennir",
        "10: welsh-term: harweinyddiaeth ar y cyd (arweinyddiaeth ar y cyd) -> "
        "arweinyddiaeth a rennir",
        "11: welsh-term: arweinyddiaeth effeithlon -> arweinyddiaeth effeithiol",
        "12: welsh-term: diogelwch meddyliol -> diogelwch seicolegol",
    ],
    "avoided_terms.cy.srt": [
        "4: welsh-term: arweinyddiaeth ar y cyd -> arweinyddiaeth a rennir",
    ],
    "preferred_terms.md": [],
    # Letters the patterns' case-blind matching takes for others (dotless ı, long ſ): found.
    "avoided_terms_in_look_alike_letters.md": [
        "9: welsh-term: arweınyddiaeth drugarog (arweinyddiaeth drugarog) -> "
        "arweinyddiaeth dosturiol",
        "11: welsh-term: ſet dysgu drwy weithredu (set dysgu drwy weithredu) -> "
        "set dysgu gweithredol",
    ],
}


@pytest.mark.parametrize("fixture", TERMS)
def test_avoided_forms_are_reported_with_the_term_to_use(fixture, dictionary):
    assert found(fixture, dictionary) == TERMS[fixture]


def test_the_termbase_has_one_welsh_term_for_each_key_concept():
    terms = welsh_check.load_termbase()
    assert len({term.english for term in terms}) == len(terms) >= 20
    shared = next(term for term in terms if term.english == "shared leadership")
    assert shared.welsh == "arweinyddiaeth a rennir"
    assert "arweinyddiaeth ar y cyd" in shared.avoid
    compassionate = next(term for term in terms if term.english == "compassionate leadership")
    assert compassionate.welsh == "arweinyddiaeth dosturiol"


def test_the_real_glossary_uses_the_termbase_term_for_every_entry():
    problems = welsh_check.glossary_problems(
        REPO / "docs/cy/glossary.md", REPO / "docs/en/glossary.md",
        welsh_check.load_termbase(), REPO,
    )
    assert problems == []
    welsh_entries = welsh_check.glossary_entries(
        (REPO / "docs/cy/glossary.md").read_text(encoding="utf-8")
    )
    terms = welsh_check.load_termbase()
    assert {heading.lower() for _line, heading in welsh_entries.values()} == {
        term.welsh for term in terms
    }


def test_a_glossary_heading_that_is_not_the_termbase_term_is_reported():
    folder = FIXTURES / "glossary_heading_not_the_termbase_term"
    terms = welsh_check.load_termbase(folder / "termau.yml")
    problems = welsh_check.glossary_problems(
        folder / "docs/cy/glossary.md", folder / "docs/en/glossary.md", terms, folder
    )
    assert [str(problem) for problem in problems] == [
        "docs/cy/glossary.md:3: welsh-glossary-term: Arweinyddiaeth ar y cyd -> "
        "Arweinyddiaeth a rennir (the termbase's term for 'shared leadership')",
        "docs/en/glossary.md:7: welsh-glossary-term: 'Supervision' is not in the termbase "
        "(termau.yml)",
        "docs/en/glossary.md:1: welsh-glossary-term: the termbase's 'autonomy' (ymreolaeth) "
        "has no glossary entry",
    ]


def test_a_broken_termbase_is_reported_at_its_lines_never_as_a_traceback():
    with pytest.raises(ContentError) as error:
        welsh_check.load_termbase(FIXTURES / "termbase_errors" / "termau.yml")
    shown = "tests/fixtures/welsh/termbase_errors/termau.yml"
    assert [str(problem) for problem in error.value.problems] == [
        f"{shown}:2: welsh-data: 'arweinyddiaeth gyfunol' is both avoided and a term",
        f"{shown}:10: welsh-data: 'shared leadership' is in the termbase twice",
        f"{shown}:13: welsh-data: term 4: needs 'en' and 'cy', each a term",
        f"{shown}:15: welsh-data: 'belonging': 'avoid' must be a list of form and why",
    ]
    with pytest.raises(ContentError) as error:
        welsh_check.load_termbase(FIXTURES / "termbase_errors" / "not_yaml.yml")
    [problem] = error.value.problems
    assert str(problem).startswith(
        "tests/fixtures/welsh/termbase_errors/not_yaml.yml:6: welsh-data: not valid YAML"
    )


def test_check_welsh_reports_unusable_data_as_problems(tmp_path, monkeypatch):
    broken = tmp_path / "termau.yml"
    shutil.copy(FIXTURES / "termbase_errors" / "not_yaml.yml", broken)
    monkeypatch.setattr(welsh_check, "TERMBASE", broken)
    problems = welsh_check.check_welsh([FIXTURES / "soft_after_gan.md"], root=tmp_path)
    assert [problem.rule for problem in problems] == ["welsh-data"]


# --- Links to English-only pages --------------------------------------------------------------


def test_unmarked_links_to_english_only_pages_are_reported(dictionary):
    message = 'leads to an English-only page: say so with "(Saesneg)" in the link text'
    assert found("english_links_unmarked.md", dictionary) == [
        "3: welsh-english-link: [Arweinyddiaeth dosturiol i reolwyr]"
        f"(https://socialcare.wales/resources-guidance/compassionate-leadership) {message}",
        # hreflang="en" alone is not a marker a reader sees
        f"4: welsh-english-link: [y dudalen](https://www.socialcare.wales/about) {message}",
        "5: welsh-english-link: [https://socialcare.wales/research]"
        f"(https://socialcare.wales/research) {message}",
        f"6: welsh-english-link: [The King's Fund](https://www.kingsfund.org.uk/) {message}",
        "6: welsh-english-link: [adroddiad y gronfa]"
        f"(https://www.kingsfund.org.uk/insight-and-analysis) {message}",
    ]


def test_links_marked_saesneg_in_or_after_their_text_pass(dictionary):
    assert found("english_links_marked.md", dictionary) == []


def test_a_link_into_docs_en_is_left_to_the_pages_check(dictionary):
    # It cannot be built (each language is built from its own folder): the pages check
    # refuses it at its line, with the Welsh page to link instead; "(Saesneg)" would not
    # mend it, so the Welsh check does not ask for it.
    page = FIXTURES / "link_into_docs_en" / "docs" / "cy" / "page.md"
    problems = welsh_check.check_welsh([page], dictionary=dictionary, root=page.parents[2])
    assert problems == []


def test_the_english_only_hosts_are_data():
    english_only = welsh_check.load_english_only()
    assert "socialcare.wales" in english_only.hosts
    assert english_only.covers("https://socialcare.wales/resources-guidance/x")
    assert english_only.covers("https://www.kingsfund.org.uk/")
    assert not english_only.covers("https://gofalcymdeithasol.cymru/")
    assert not english_only.covers("https://notsocialcare.wales/")


# --- Interface strings (leadership/interface.py) ----------------------------------------------

INTERFACE_FIXTURES = Path(__file__).parent / "fixtures" / "interface"


def test_welsh_interface_strings_are_checked_at_the_line_of_each_string(dictionary):
    problems = welsh_check.check_welsh(
        [INTERFACE_FIXTURES / "missing_mutation.py"], dictionary=dictionary, root=REPO
    )
    shown = "tests/fixtures/interface/missing_mutation.py"
    assert [str(problem) for problem in problems] == [
        f"{shown}:5: welsh-mutation: gan Gofal -> gan Ofal (soft mutation after 'gan')",
        # a string written over two lines is reported at its first line
        f"{shown}:8: welsh-mutation: neu dewiswch -> neu ddewiswch (soft mutation after 'neu')",
        f"{shown}:11: welsh-term: arweinyddiaeth ar y cyd -> arweinyddiaeth a rennir",
    ]


def test_the_welsh_titles_in_mkdocs_yml_are_checked_at_their_lines(dictionary):
    root = INTERFACE_FIXTURES / "titles_in_mkdocs"
    problems = welsh_check.check_welsh([root / "mkdocs.yml"], dictionary=dictionary, root=root)
    assert [str(problem) for problem in problems] == [
        "mkdocs.yml:13: welsh-mutation: gyda teuluoedd -> gyda theuluoedd (aspirate mutation "
        "after 'gyda')",
    ]


def test_placeholders_are_not_welsh_and_part_the_words_around_them(dictionary):
    # "Hyd at {count} munud": the number follows "at", so "munud" keeps its m.
    module = INTERFACE_FIXTURES / "placeholders_and_names.py"
    assert welsh_check.check_welsh([module], dictionary=dictionary, root=REPO) == []
    texts = dict(welsh_check.interface_texts(module))
    assert texts[5].text == "Cam          o        "


def test_the_welsh_interface_strings_read_are_the_ones_the_pages_show():
    read = read_interface_strings()
    shown_in_welsh = {string.key: string.text for string in read if string.shown_in == "cy"}
    assert shown_in_welsh == strings_for("cy")
    written_in_welsh = {(string.key, string.shown_in) for string in read
                        if string.language == "cy"}
    assert ("language_switch_label", "en") in written_in_welsh
    assert ("language_switch_label", "cy") not in written_in_welsh


def test_the_real_welsh_interface_strings_pass(dictionary):
    assert INTERFACE_SOURCE in welsh_check.welsh_files()
    assert welsh_check.check_welsh([INTERFACE_SOURCE], dictionary=dictionary, root=REPO) == []


def test_a_module_that_is_not_interface_strings_is_a_problem_never_a_traceback(
    dictionary, tmp_path
):
    module = tmp_path / "interface.py"
    module.write_text("STRINGS = []\n", encoding="utf-8")
    problems = welsh_check.check_welsh([module], dictionary=dictionary, root=tmp_path)
    assert [str(problem) for problem in problems] == [
        "interface.py:1: welsh-read: no STRINGS mapping of key -> {language: string}"
    ]


# --- The command ------------------------------------------------------------------------------


def load_script():
    spec = importlib.util.spec_from_file_location(
        "check_welsh", REPO / "scripts" / "check_welsh.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_prints_each_problem_and_fails(capsys):
    script = load_script()
    assert script.main([str(FIXTURES / "soft_after_neu.md")]) == 1
    output = capsys.readouterr().out.splitlines()
    assert output == [
        "tests/fixtures/welsh/soft_after_neu.md:3: welsh-mutation: neu darllenwch -> "
        "neu ddarllenwch (soft mutation after 'neu')",
        "tests/fixtures/welsh/soft_after_neu.md:4: welsh-mutation: neu cynhaliwch -> "
        "neu gynhaliwch (soft mutation after 'neu')",
        "check_welsh: FAILED, 1 files checked, 2 errors, 0 warnings",
    ]


def test_the_command_is_quiet_on_success_and_speaks_json(capsys):
    script = load_script()
    assert script.main([str(FIXTURES / "correct_welsh.md")]) == 0
    assert capsys.readouterr().out == "check_welsh: OK, 1 files checked, no problems\n"
    assert script.main([str(FIXTURES / "soft_after_dy.md"), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 2 and report["problems"][0]["rule"] == "welsh-mutation"


def test_the_command_checks_an_interface_strings_module(capsys):
    script = load_script()
    assert script.main([str(INTERFACE_FIXTURES / "missing_mutation.py")]) == 1
    output = capsys.readouterr().out.splitlines()
    assert output[0] == ("tests/fixtures/interface/missing_mutation.py:5: welsh-mutation: "
                         "gan Gofal -> gan Ofal (soft mutation after 'gan')")
    assert output[-1] == "check_welsh: FAILED, 1 files checked, 3 errors, 0 warnings"


def test_the_command_refuses_what_it_cannot_check(capsys):
    script = load_script()
    assert script.main(["no/such/page.md"]) == 2
    assert capsys.readouterr().err == "check_welsh: no such file or folder: no/such/page.md\n"
    assert script.main(["pyproject.toml"]) == 2
    assert "not a Welsh page" in capsys.readouterr().err


# --- In the build: the same lines as make check, for editors using mkdocs serve --------------


@pytest.mark.build
def test_the_build_reports_the_welsh_checks_problems_at_their_lines(tmp_path):
    from harness.testing import build_site, copy_project

    project = copy_project(tmp_path / "project")
    fixture = FIXTURES / "the_build_reports_mutations"
    for language, title in (("en", "Sources"), ("cy", "Ffynonellau")):
        shutil.copy(fixture / f"{language}.md", project / "docs" / language / "sources.md")
        with (project / "docs" / language / "about.md").open("a", encoding="utf-8") as about:
            about.write(f"\n[{title}](sources.md)\n")  # not an orphan: a page links to it
    welsh_page = project / "docs" / "cy" / "sources.md"
    expected = [str(problem) for problem in welsh_check.check_welsh([welsh_page], root=project)]
    assert [line.split(": ")[1] for line in expected] == ["welsh-mutation", "welsh-mutation"]

    result = build_site(tmp_path / "site", project_dir=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    reported = [line for line in output.splitlines() if line.startswith("docs/cy/sources.md:")]
    assert reported == expected


def test_a_file_checked_before_and_unchanged_is_not_checked_again(tmp_path, monkeypatch):
    page = tmp_path / "docs" / "cy" / "page.md"
    page.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "soft_after_gan.md", page)
    first = welsh_check.check_welsh(
        [page], root=tmp_path, verdicts=welsh_check.verdict_cache(tmp_path)
    )
    assert [p.rule for p in first] and {p.rule for p in first} == {"welsh-mutation"}

    def not_again(self, welsh_text):
        raise AssertionError("an unchanged file was checked again")

    monkeypatch.setattr(welsh_check.MutationChecker, "findings", not_again)
    again = welsh_check.check_welsh(
        [page], root=tmp_path, verdicts=welsh_check.verdict_cache(tmp_path)
    )
    assert again == first
    # Changed, it is checked again.
    page.write_text(page.read_text("utf-8") + "\nTestun newydd.\n", "utf-8")
    with pytest.raises(AssertionError, match="checked again"):
        welsh_check.check_welsh(
            [page], root=tmp_path, verdicts=welsh_check.verdict_cache(tmp_path)
        )
