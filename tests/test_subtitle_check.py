"""The subtitle checker: one fixture per failure mode, each with its exact rule id and line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from leadership.reporting import ContentError
from leadership.subtitles.check import (
    check_file,
    check_paths,
    check_text,
    is_proper_name,
    is_untranslated,
    unbalanced_tag,
)
from leadership.subtitles.films import load_films, load_films_file, subtitle_path
from leadership.subtitles.rules import RULES, THRESHOLDS, rules_table_markdown
from leadership.yaml_nodes import compose, describe_error

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "srt"
PAIRS = FIXTURES / "pairs"
SCRIPT = ROOT / "scripts" / "check_subtitles.py"

# fixture -> every (rule id, line) the checker must report for it, and nothing else
SINGLE_FILES: dict[str, set[tuple[str, int]]] = {
    "bom_and_crlf_ok.srt": set(),
    "balanced_tags_ok.srt": set(),
    "not_utf8_latin1.srt": {("not-utf8", 7)},
    "not_utf8_utf16.srt": {("not-utf8", 1)},
    # One stray byte in a UTF-8 file: that line only; the rest is read as the UTF-8 it is.
    "stray_byte_in_utf8.srt": {("not-utf8", 11)},
    "empty_file.srt": {("no-cues", 1)},
    "missing_timing_line.srt": {("missing-timing-line", 5)},
    "malformed_timing_line.srt": {("malformed-timing-line", 6)},
    "timing_with_full_stops.srt": {("malformed-timing-line", 6)},
    "timing_misread_by_srt.srt": {("malformed-timing-line", 2)},
    # Not a time at all: reported once, not judged again as ending before it starts.
    "timing_out_of_range.srt": {("malformed-timing-line", 6)},
    "cue_number_missing.srt": {("cue-number-missing", 5)},
    "cue_numbers_out_of_order.srt": {("cue-number-sequence", 5), ("cue-number-sequence", 9)},
    "cue_number_skipped.srt": {("cue-number-sequence", 9)},
    "missing_blank_line_between_cues.srt": {("missing-blank-line", 4)},
    "extra_blank_lines.srt": {("extra-blank-line", 5)},
    "stray_text_between_cues.srt": {("stray-text", 5)},
    "blank_line_inside_cue.srt": {("stray-text", 5)},
    "trailing_garbage.srt": {("trailing-garbage", 13)},
    "end_before_start.srt": {("end-not-after-start", 6)},
    "overlapping_cues.srt": {("overlap", 2)},
    "gap_under_two_frames.srt": {("gap-too-short", 2)},
    "duration_too_short.srt": {("too-short", 6)},
    "duration_too_long.srt": {("too-long", 6)},
    "reading_speed_over_20_cps.srt": {("cps-too-high", 7)},
    "reading_speed_over_17_cps.srt": {("cps-high", 7)},
    "three_lines.srt": {("too-many-lines", 9)},
    "line_over_42_characters.srt": {("line-too-long", 7)},
    "empty_text.srt": {("empty-text", 6)},
    "same_text_as_previous.srt": {("repeated-text", 7)},
    "unbalanced_italic_tag.srt": {("unbalanced-tags", 7)},
    "cue_with_html_markup.srt": {("unsafe-cue-markup", 8)},
    "closing_tag_without_opening.srt": {("unbalanced-tags", 8)},
}

# pair case folder -> every (file name, rule id, line) reported
PAIR_CASES: dict[str, set[tuple[str, str, int]]] = {
    "clean_pair": set(),
    "missing_welsh": {("sample-film.en.srt", "missing-subtitles", 1)},
    "cue_count_differs": {("sample-film.cy.srt", "cue-count-mismatch", 5)},
    "welsh_timing_drift": {("sample-film.cy.srt", "timing-mismatch", 6)},
    "untranslated_welsh": {("sample-film.cy.srt", "untranslated", 7)},
    "unknown_film": {
        ("other-film.en.srt", "unknown-film", 1),
        ("other-film.cy.srt", "unknown-film", 1),
    },
    "film_without_files": {("films.yml", "missing-subtitles", 11)},
    "bad_file_name": {("sample_film.cy.srt", "file-name", 1)},
    "bad_films_yml": {("films.yml", "film-metadata", 2), ("films.yml", "film-metadata", 5)},
    "broken_films_yml": {("films.yml", "film-metadata", 4)},
    # At the url: key's line (9), not the source: key's (7) nor its first field's (8).
    "source_url_reported_at_its_own_line": {("films.yml", "film-metadata", 9)},
    # films.yml's phrases (words in the other language), each at its own list item's line.
    "phrase_not_in_its_track": {("films.yml", "film-metadata", 11)},
    "phrase_in_the_language_of_its_track": {("films.yml", "film-metadata", 11)},
    # YAML stops at the value with ': ' in it, and says to quote it.
    "films_yml_value_with_an_unquoted_colon": {("films.yml", "film-metadata", 9)},
    # A tab in the indentation: YAML refuses it, and the message says to indent with spaces.
    "films_yml_indented_with_a_tab": {("films.yml", "film-metadata", 4)},
    # A cue number in digits other than 0-9 ("²", "٢٩") is not a cue number, and no traceback.
    "correction_cue_in_other_digits": {("films.yml", "film-metadata", 11)},
    # A correction names a cue the file has (the Welsh file has 5), at the correction's line.
    "correction_past_the_last_cue": {("films.yml", "film-metadata", 15)},
    # A misspelt key is one mistake (not also "film has no 'title'"), and the entry's own
    # phrases and corrections are checked on the same run.
    "every_mistake_in_one_entry_on_the_first_run": {
        ("films.yml", "film-metadata", 3), ("films.yml", "film-metadata", 11),
        ("films.yml", "film-metadata", 13),
    },
    # A film's phrases are checked while another entry of the file is being mended.
    "phrase_not_in_its_track_beside_a_broken_entry": {
        ("films.yml", "film-metadata", 11), ("films.yml", "film-metadata", 19),
    },
}

# rules proven by a test other than the fixture tables
# Proven by their own tests: unreadable-file below; the accepted-warning rules by
# test_accepted_warnings, one fixture folder per behaviour in fixtures/srt/accepted/.
TESTED_ELSEWHERE = {"unreadable-file", "accepted-warning-unused", "accepted-warning-invalid"}


def found(paths: list[Path]) -> set[tuple[str, int]]:
    return {(p.rule, p.line) for p in check_paths(paths).problems}


@pytest.mark.parametrize("name", sorted(SINGLE_FILES))
def test_fixture_reports_exact_rule_and_line(name):
    assert found([FIXTURES / name]) == SINGLE_FILES[name]


@pytest.mark.parametrize("case", sorted(PAIR_CASES))
def test_pair_case_reports_exact_rule_and_line(case):
    problems = check_paths([PAIRS / case]).problems
    assert {(Path(p.path).name, p.rule, p.line) for p in problems} == PAIR_CASES[case]


def test_a_yaml_error_on_a_quoted_value_does_not_ask_for_quotes():
    text = 'a:\n  b: 1\n c: "Ystyr: x"\n'
    with pytest.raises(yaml.YAMLError) as error:
        compose(text)
    line, message = describe_error(error.value, text)
    assert line == 3 and "quotes" not in message


def test_a_films_yml_syntax_error_says_how_to_mend_it():
    (problem,) = check_paths([PAIRS / "films_yml_value_with_an_unquoted_colon"]).problems
    assert problem.message == (
        "invalid YAML: mapping values are not allowed here (a value with ': ' in it must be "
        "in quotes)"
    )


def test_a_tab_in_films_yml_says_to_indent_with_spaces():
    (problem,) = check_paths([PAIRS / "films_yml_indented_with_a_tab"]).problems
    assert problem.message == (
        "invalid YAML: found character '\\t' that cannot start any token (YAML does not allow "
        "tabs: indent with spaces)"
    )


def test_a_key_that_is_a_list_in_films_yml_is_a_problem_not_a_traceback(tmp_path):
    folder = tmp_path / "transcripts"
    shutil.copytree(PAIRS / "clean_pair", folder)
    films = folder / "films.yml"
    films.write_text(
        films.read_text(encoding="utf-8").replace("    speaker:", "    [a, b]: 1\n    speaker:", 1),
        encoding="utf-8",
    )
    assert [(p.rule, p.line, p.message) for p in check_paths([folder]).problems] == [
        ("film-metadata", 4, "a key of a film must be a name, not a list or a mapping"),
    ]


def test_a_source_transcript_outside_the_project_is_never_read(tmp_path):
    transcripts = tmp_path / "transcripts"
    shutil.copytree(PAIRS / "correction_past_the_last_cue", transcripts)
    films = transcripts / "films.yml"
    text = films.read_text(encoding="utf-8").replace(
        "    corrections:", "    source_fixture: /proc/self/mem\n    corrections:"
    ).replace("language: cy", "language: en")
    films.write_text(text, encoding="utf-8")
    # Nothing to count the English corrections against: no problem, and no traceback.
    assert check_paths([transcripts]).problems == []


def test_a_phrase_no_cue_has_is_quoted_as_written():
    (problem,) = check_paths([PAIRS / "phrase_not_in_its_track"]).problems
    assert problem.message.startswith("phrase 'Bore da.' is in no cue of ")
    assert problem.message.endswith(
        "sample-film.en.srt: copy it from the cue as it is written there, or remove it"
    )


def test_every_fixture_file_has_an_expectation():
    on_disk = {path.name for path in FIXTURES.glob("*.srt")}
    assert on_disk == set(SINGLE_FILES)
    assert {path.name for path in PAIRS.iterdir()} == set(PAIR_CASES)


def test_every_rule_is_proven_by_a_fixture_or_test():
    proven = {rule for expected in SINGLE_FILES.values() for rule, _ in expected}
    proven |= {rule for expected in PAIR_CASES.values() for _, rule, _ in expected}
    assert set(RULES) - proven == TESTED_ELSEWHERE


def test_fixture_names_say_the_behaviour_of_their_rule():
    # a fixture that fails is named after what is wrong; one that passes says "ok"
    for name, expected in SINGLE_FILES.items():
        assert bool(expected) != name.endswith("_ok.srt"), name


def test_severities_come_from_the_rule_table():
    for name in SINGLE_FILES:
        for problem in check_paths([FIXTURES / name]).problems:
            assert problem.severity == RULES[problem.rule].severity


def test_not_utf8_names_the_likely_encoding():
    (latin1,) = check_paths([FIXTURES / "not_utf8_latin1.srt"]).problems
    assert "looks like cp1252" in latin1.message
    (utf16,) = check_paths([FIXTURES / "not_utf8_utf16.srt"]).problems
    assert "UTF-16 (little-endian)" in utf16.message


def test_a_stray_byte_in_a_utf8_file_leaves_the_rest_as_written():
    stray = check_file(FIXTURES / "stray_byte_in_utf8.srt")
    (problem,) = stray.problems
    assert problem.message.endswith(
        "(the rest of the file is): retype or remove the character there"
    )
    assert stray.cues[1].text == "Mae’r tîm yn cwrdd yn y dŵr."


def test_not_utf8_file_is_still_checked_after_decoding():
    latin1 = check_file(FIXTURES / "not_utf8_latin1.srt")
    assert latin1.cues[1].text == "Croeso i'r caffé: crème brûlée à la carte."
    utf16 = check_file(FIXTURES / "not_utf8_utf16.srt")
    assert [cue.text for cue in utf16.cues] == [
        "Good morning, everyone.", "Thank you for coming today.", "Let's begin with a question."
    ]


def test_misread_timing_is_recovered_correctly_and_srt_reading_named():
    result = check_file(FIXTURES / "timing_misread_by_srt.srt")
    assert (result.cues[0].start, result.cues[0].end) == (16.5, 18.5)
    assert "00:24:20,000" in result.problems[0].message


def test_missing_timing_line_message_says_srt_merges_it():
    (problem,) = check_paths([FIXTURES / "missing_timing_line.srt"]).problems
    assert "merges" in problem.message


def test_unreadable_file_is_a_problem_not_an_exception(tmp_path):
    folder_named_like_srt = tmp_path / "film.en.srt"
    folder_named_like_srt.mkdir()
    result = check_file(folder_named_like_srt)
    assert [(p.rule, p.line) for p in result.problems] == [("unreadable-file", 1)]


def test_many_faults_in_one_file_are_all_reported():
    text = (
        "1\n00:00:01,000 --> 00:00:00,500\nBackwards.\n\n"
        "3\n00:00:02,000 -> 00:00:04,000\nBad arrow, wrong number.\n\n"
        "00:00:04,500 --> 00:00:06,000\nNo number.\n\n"
        "4\nNo timing line.\n\n"
        "5\n00:00:07,000 --> 00:00:09,000\nOne\ntwo\nthree lines, <i>unclosed.\n\n"
        "stray words\n"
    )
    _, problems = check_text(text, "many.srt")
    assert {(p.rule, p.line) for p in problems} == {
        ("end-not-after-start", 2),
        ("cue-number-sequence", 5),
        ("malformed-timing-line", 6),
        ("cue-number-missing", 9),
        ("missing-timing-line", 12),
        ("too-many-lines", 19),
        ("unbalanced-tags", 19),
        ("trailing-garbage", 21),
    }


# --- rule details --------------------------------------------------------------------------


def test_thresholds_exist_for_every_site_language():
    from leadership.languages import LANGUAGES

    assert set(THRESHOLDS) == set(LANGUAGES)
    english = THRESHOLDS["en"]
    assert (english.min_duration_ms, english.max_duration_ms, english.min_gap_ms) == (833, 7000, 80)
    assert (english.max_cps, english.warn_cps, english.max_lines, english.max_line_length) == (
        20, 17, 2, 42
    )


@pytest.mark.parametrize(
    ("duration_ms", "rule"),
    [(832, "too-short"), (833, None), (7000, None), (7001, "too-long")],
)
def test_duration_limits_are_inclusive(duration_ms, rule):
    end = 1000 + duration_ms
    text = f"1\n00:00:01,000 --> 00:00:{end // 1000:02d},{end % 1000:03d}\nYes.\n"
    _, problems = check_text(text, "t.srt")
    assert [p.rule for p in problems] == ([rule] if rule else [])


@pytest.mark.parametrize(
    ("characters", "rule"), [(34, None), (35, "cps-high"), (40, "cps-high"), (41, "cps-too-high")]
)
def test_reading_speed_limits_over_two_seconds(characters, rule):
    # two lines; the line break is not counted
    text = f"1\n00:00:01,000 --> 00:00:03,000\n{'a' * 20}\n{'b' * (characters - 20)}\n"
    _, problems = check_text(text, "t.srt")
    assert [p.rule for p in problems if p.rule.startswith("cps")] == ([rule] if rule else [])


def test_line_length_counts_welsh_letters_once_and_ignores_tags():
    decomposed = "w\u0302" * 42  # "ŵ" as w + combining circumflex: 42 letters on screen
    text = f"1\n00:00:01,000 --> 00:00:06,000\n<i>{decomposed}</i>\n"
    _, problems = check_text(text, "t.srt", "cy")
    assert [p.rule for p in problems] == []


def test_gap_of_exactly_two_frames_is_fine_and_zero_gap_warns():
    template = (
        "1\n00:00:01,000 --> 00:00:03,000\nOne.\n\n"
        "2\n00:00:03,{:03d} --> 00:00:05,000\nTwo.\n"
    )
    assert check_text(template.format(80), "t.srt")[1] == []
    _, problems = check_text(template.format(0), "t.srt")
    assert [(p.rule, p.severity) for p in problems] == [("gap-too-short", "warning")]


@pytest.mark.parametrize(
    ("text", "offset", "message"),
    [
        ("<i>one</i>\n<b>two</b>", None, None),
        ("<b><i>one</b></i>", 0, "</b> closes <b> while <i> inside it is still open"),
        ("one\ntwo</u>", 1, "</u> has no opening <u>"),
        ('<font color="red">one\ntwo', 0, "<font> is never closed"),
        ("2 < 3 and <s>x</s>", None, None),
    ],
)
def test_unbalanced_tag(text, offset, message):
    fault = unbalanced_tag(text)
    assert fault == (None if offset is None else (offset, message))


@pytest.mark.parametrize(
    ("english", "welsh", "untranslated"),
    [
        ("Thank you for coming.", "Thank you for coming.", True),
        ("Thank you for coming.", "<i>thank you  for coming.</i>", True),
        ("Thank you for coming.", "Diolch am ddod.", False),
        ("Diolch yn fawr.", "Diolch yn fawr.", False),
        ("Michael West", "Michael West", False),
        ("The King's Fund", "The King's Fund", False),
        ("Wales.", "Wales.", True),
        ("2020", "2020", False),
        ("...", "...", False),
    ],
)
def test_untranslated(english, welsh, untranslated):
    assert is_untranslated(english, welsh, "cy") is untranslated


def test_proper_name_needs_two_capitalised_words():
    assert is_proper_name("Lancaster University")
    assert is_proper_name("University of Wales")
    assert not is_proper_name("Hello")
    assert not is_proper_name("Hello there")


def test_single_file_is_compared_with_its_counterpart_beside_it():
    problems = check_paths([PAIRS / "welsh_timing_drift" / "sample-film.en.srt"]).problems
    assert {(Path(p.path).name, p.rule) for p in problems} == {
        ("sample-film.cy.srt", "timing-mismatch")
    }


def test_films_option_applies_another_films_file():
    result = check_paths([PAIRS / "missing_welsh"], films_file=PAIRS / "clean_pair" / "films.yml")
    assert {(Path(p.path).parent.name, Path(p.path).name, p.rule, p.line)
            for p in result.problems} == {("clean_pair", "films.yml", "missing-subtitles", 2)}


def test_a_file_given_twice_is_checked_once():
    fixture = FIXTURES / "overlapping_cues.srt"
    result = check_paths([fixture, FIXTURES / ".." / "srt" / "overlapping_cues.srt"])
    assert result.checked == 1 and len(result.problems) == 1


# --- films.yml ----------------------------------------------------------------------------


def test_load_films_reads_the_schema():
    (film,) = load_films(PAIRS / "clean_pair")
    assert film.slug == "sample-film"
    assert film.title == {"en": "A sample film", "cy": "Ffilm enghreifftiol"}
    assert film.video is None and film.corrections == [] and film.line == 2
    assert subtitle_path(PAIRS / "clean_pair", film.slug, "cy").is_file()


def test_a_video_given_as_a_file_name_says_what_it_needs(tmp_path):
    films = (PAIRS / "clean_pair" / "films.yml").read_text(encoding="utf-8")
    (tmp_path / "films.yml").write_text(
        films.replace("    video: null\n", "    video: film.mp4\n"), encoding="utf-8"
    )
    with pytest.raises(ContentError) as raised:
        load_films_file(tmp_path / "films.yml")
    assert [str(problem) for problem in raised.value.problems] == [
        f"{tmp_path / 'films.yml'}:9: film-metadata: video must be null, or src: (a file beside "
        "films.yml, e.g. media/film.mp4) and type: (e.g. video/mp4) on their own lines"
    ]


def test_load_films_reports_every_mistake_with_its_line(tmp_path):
    films = tmp_path / "films.yml"
    films.write_text(
        "films:\n"
        "  - slug: Not A Slug\n"
        "    title: {en: T}\n"
        "    speaker: S\n"
        "    role: {en: R, cy: R}\n"
        "    duration: '4:56'\n"
        "    source: {title: S, url: 'http://insecure.example'}\n"
        "    description: {en: D, cy: D}\n"
        "    video: {src: film.mp4}\n"
        "    colour: blue\n"
        "    corrections:\n"
        "      - {cue: x, language: fr, change: c, reason: r}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as raised:
        load_films_file(films)
    assert [(p.line, p.rule) for p in raised.value.problems] == [
        (2, "film-metadata"),  # slug
        (3, "film-metadata"),  # title has no cy
        (6, "film-metadata"),  # duration
        (7, "film-metadata"),  # url
        (9, "film-metadata"),  # video has no type
        (10, "film-metadata"),  # unknown key
        (12, "film-metadata"),  # cue
        (12, "film-metadata"),  # language
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [("", 1), ("films: [\n", 2), ("- just a list\n", 1), ("films:\n  - 3\n", 2)],
)
def test_load_films_never_raises_anything_but_content_error(tmp_path, text, line):
    films = tmp_path / "films.yml"
    films.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_films_file(films)
    assert raised.value.problems[0].line == line


# --- the command line ---------------------------------------------------------------------


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True, text=True, cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_cli_reports_path_line_rule_and_summary_and_exits_1():
    result = run("tests/fixtures/srt/overlapping_cues.srt")
    assert result.returncode == 1, result.stderr
    first, summary = result.stdout.splitlines()
    assert first.startswith("tests/fixtures/srt/overlapping_cues.srt:2: overlap: ")
    assert summary == "check_subtitles: FAILED, 1 files checked, 1 error, 0 warnings"
    assert result.stderr == ""


def test_cli_warnings_do_not_fail():
    result = run("tests/fixtures/srt/gap_under_two_frames.srt")
    assert result.returncode == 0
    assert ": gap-too-short: warning: " in result.stdout


def test_cli_json_output():
    result = run("--format", "json", "tests/fixtures/srt/pairs/untranslated_welsh")
    data = json.loads(result.stdout)
    assert result.returncode == 1
    assert (data["checked"], data["errors"], data["warnings"]) == (2, 1, 0)
    assert data["problems"][0]["rule"] == "untranslated"


@pytest.mark.parametrize(
    "args",
    [("no/such/file.srt",), ("--format", "xml"), ("--films", "no/such/films.yml"), ("tests",)],
)
def test_cli_usage_errors_exit_2_without_traceback(args):
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.startswith("usage:")


def test_cli_checks_every_file_in_one_run_and_never_tracebacks():
    result = run(str(FIXTURES), str(PAIRS / "unknown_film"), str(PAIRS / "broken_films_yml"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    reported_files = {line.split(":")[0] for line in result.stdout.splitlines()[:-1]}
    failing = {f"tests/fixtures/srt/{name}" for name, expected in SINGLE_FILES.items() if expected}
    assert failing <= reported_files


def test_cli_default_is_the_transcripts_folder(tmp_path):
    result = run(cwd=tmp_path)  # paths are shown relative to where it runs
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith("check_subtitles: ")
    assert str(len(list((ROOT / "transcripts").glob("*.srt")))) + " files checked" in summary


# --- the rules document -----------------------------------------------------------------------


def test_rules_document_has_the_generated_table():
    document = (ROOT / "docs-dev" / "subtitle-rules.md").read_text(encoding="utf-8")
    assert rules_table_markdown() in document
    for rule in RULES.values():
        assert rule.source and rule.fix and rule.threshold


# --- reviewed warnings about the source (transcripts/accepted-warnings.yml) ------------------

ACCEPTED = FIXTURES / "accepted"


@pytest.mark.parametrize(
    ("case", "expected", "accepted"),
    [
        ("reviewed_warning_left_out", set(), 1),
        ("new_warning_still_shown", {("fast.srt", "cps-high", 12)}, 1),
        ("entry_no_longer_matches", {("accepted-warnings.yml", "accepted-warning-unused", 2)}, 0),
        # The file cannot be read whole: its error, and the entry kept for when it is mended.
        (
            "entry_kept_while_its_file_is_broken",
            {("fast.srt", "missing-timing-line", 5), ("fast.srt", "cps-high", 11)},
            0,
        ),
        (
            "error_never_accepted",
            {
                ("too_fast.srt", "cps-too-high", 7),
                ("accepted-warnings.yml", "accepted-warning-unused", 1),
            },
            0,
        ),
        (
            "entry_without_reason",
            {
                ("fast.srt", "cps-high", 7),
                ("accepted-warnings.yml", "accepted-warning-invalid", 1),
            },
            0,
        ),
    ],
)
def test_accepted_warnings(case, expected, accepted, monkeypatch):
    monkeypatch.chdir(ACCEPTED / case)
    result = check_paths([Path(".")])
    assert {(p.path, p.rule, p.line) for p in result.problems} == expected
    assert result.accepted == accepted


def test_the_sites_subtitles_have_no_warning_that_is_not_reviewed():
    result = check_paths([ROOT / "transcripts"])
    assert result.problems == []
    assert result.accepted > 0
    assert result.note.endswith("transcripts/accepted-warnings.yml")
