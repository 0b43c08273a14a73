"""Activity guides: the front matter schema and its path:line errors, the index groups,
what every guide renders, and a build that fails on a bad guide."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from harness.testing import PROJECT_ROOT, build_site, copy_project

from leadership.activities.schema import (
    LENGTH_BANDS,
    PRINCIPLES,
    SCHEMA,
    Activity,
    FilmMoment,
    References,
    by_length,
    by_principle,
    check_activities,
    check_activity,
    length_band,
)
from leadership.languages import LANGUAGES, site_prefix
from leadership.subtitles.cues import anchors, read_srt
from leadership.subtitles.films import load_films, subtitle_path

FIXTURES = Path(__file__).parent / "fixtures" / "activities"
FILM = "what-compassionate-leadership-means"
WATCH_FROM = {"en": "Watch from", "cy": "Gwylio o"}


def references(language: str = "en") -> References:
    """Principle pages and one film with two cues, as the unit tests' world."""
    return References(
        principle_pages={language: set(PRINCIPLES)},
        principle_titles={language: {slug: slug.title() for slug in PRINCIPLES}},
        film_titles={FILM: {"en": "The film", "cy": "Y ffilm"}},
        film_anchors={(FILM, language): {"t-00-28", "t-00-35"}},
    )


def check_fixture(name: str, language: str = "en"):
    path = FIXTURES / name
    return check_activity(f"fixtures/{name}", path.read_text(encoding="utf-8"), language,
                          references(language))


def line_of(name: str, needle: str) -> int:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    matches = [number for number, line in enumerate(lines, 1) if needle in line]
    assert len(matches) == 1, f"{needle!r} is not on exactly one line of {name}"
    return matches[0]


# --- the schema, one fixture per mistake -----------------------------------------------

# (fixture, rule, text on the offending line, or None for the front matter's first line)
MISTAKES = [
    ("unknown_key.md", "activity-unknown-key", "level: beginner"),
    ("duration_not_sum_of_steps.md", "activity-duration", "duration: 20"),
    ("unknown_principle.md", "activity-principle", "- kindness"),
    ("cue_not_in_film.md", "activity-cue", "cue: t-00-29"),
    ("cue_not_an_anchor.md", "activity-cue", "cue: '0:28'"),
    ("unknown_film.md", "activity-film", "film: a-film-that-does-not-exist"),
    ("group_min_above_max.md", "activity-group-size", "group_size:"),
    ("step_without_minutes.md", "activity-missing-key", "{title: Finish}"),
    ("wrong_kind.md", "activity-kind", "kind: principle"),
    ("duplicate_key.md", "activity-duplicate-key", "audience: Everyone"),
    ("section_without_id.md", "activity-section", "## Debrief questions"),
    ("steps_detail_mismatch.md", "activity-steps-detail", "## How to run it"),
    ("heading_differs_from_title.md", "activity-title", "# Another title"),
]


def test_the_valid_fixture_passes_and_is_read_in_full():
    activity, problems = check_fixture("valid_activity.md")
    assert problems == []
    assert activity == Activity(
        path="fixtures/valid_activity.md", language="en", slug="valid_activity",
        title="A valid activity", description="The smallest activity guide that passes every "
        "check.", duration=15, group_min=2, group_max=8, audience="Anyone",
        materials=("Pens",), principles=("attending", "helping"),
        film_moments=activity.film_moments, outcomes=("Listen well.",),
        steps=activity.steps,
    )
    assert [(s.minutes, s.title) for s in activity.steps] == [(5, "Start"), (10, "Finish")]
    (moment,) = activity.film_moments
    assert (moment.film, moment.cue, moment.time_label) == (FILM, "t-00-28", "0:28")


@pytest.mark.parametrize(("fixture", "rule", "needle"), MISTAKES)
def test_each_mistake_is_reported_at_the_line_of_the_offending_key(fixture, rule, needle):
    activity, problems = check_fixture(fixture)
    assert activity is None
    expected_line = line_of(fixture, needle)
    found = [(p.line, p.rule) for p in problems]
    assert (expected_line, rule) in found, problems
    assert all(str(p).startswith(f"fixtures/{fixture}:{p.line}: {p.rule}: ") for p in problems)


def test_a_film_moment_is_labelled_as_the_film_page_labels_its_cue():
    from leadership.subtitles.transcript import time_label

    assert FilmMoment(FILM, "t-01-02", "").time_label == time_label(62) == "1:02"
    assert FilmMoment(FILM, "t-62-03", "").time_label == time_label(3723) == "1:02:03"


def test_invalid_yaml_is_reported_where_yaml_stops_and_where_the_mistake_starts():
    # Every page's front matter is read by one reader, with one rule for what it cannot read.
    _, problems = check_fixture("invalid_yaml.md")
    (problem,) = problems
    assert (problem.line, problem.rule) == (line_of("invalid_yaml.md", "materials:"),
                                            "frontmatter-syntax")
    assert f"starts on line {line_of('invalid_yaml.md', 'audience: [Anyone')}" in problem.message


def test_missing_keys_are_each_reported():
    _, problems = check_fixture("missing_keys.md")
    messages = {p.message for p in problems if p.rule == "activity-missing-key"}
    assert messages == {"missing key 'audience'", "missing key 'outcomes'"}
    assert {p.line for p in problems if p.rule == "activity-missing-key"} == {1}


def test_a_missing_section_is_named():
    _, problems = check_fixture("missing_sections.md")
    assert [p.rule for p in problems] == ["activity-section"]
    assert "#facilitator-notes" in problems[0].message


def test_every_problem_in_a_page_is_reported_not_just_the_first():
    _, problems = check_fixture("many_problems.md")
    rules = {(p.rule, p.line) for p in problems}
    assert ("activity-unknown-key", line_of("many_problems.md", "level: beginner")) in rules
    assert ("activity-principle", line_of("many_problems.md", "- kindness")) in rules
    assert ("activity-cue", line_of("many_problems.md", "cue: t-09-09")) in rules
    # The duration is checked against the steps even when other keys are wrong.
    assert ("activity-duration", line_of("many_problems.md", "duration: 99")) in rules


def test_a_cue_that_is_not_in_the_film_names_the_nearest_cues():
    _, problems = check_fixture("cue_not_in_film.md")
    (problem,) = [p for p in problems if p.rule == "activity-cue"]
    assert "t-00-28" in problem.message and f"transcripts/{FILM}.en.srt" in problem.message


def test_cues_are_checked_against_the_subtitles_of_the_page_language():
    text = (FIXTURES / "valid_activity.md").read_text(encoding="utf-8")
    refs = references("en")
    refs.principle_pages["cy"] = set(PRINCIPLES)
    _, problems = check_activity("docs/cy/activities/x.md", text, "cy", refs)
    assert [p.rule for p in problems] == ["activity-cue"]
    assert "cy subtitles" in problems[0].message


def test_a_welsh_page_may_carry_its_translation_stamp_but_an_english_one_may_not():
    text = (FIXTURES / "valid_activity.md").read_text(encoding="utf-8").replace(
        "kind: activity\n", "kind: activity\ntranslation: {source: '0123456789ab', status: draft}\n"
    )
    refs = references("en")
    refs.principle_pages["cy"] = set(PRINCIPLES)
    refs.film_anchors[(FILM, "cy")] = {"t-00-28"}
    _, welsh = check_activity("docs/cy/activities/x.md", text, "cy", refs)
    _, english = check_activity("docs/en/activities/x.md", text, "en", refs)
    assert welsh == []
    assert [p.rule for p in english] == ["activity-unknown-key"]


def test_the_schema_is_the_documented_one():
    assert list(SCHEMA) == [
        "title", "description", "kind", "duration", "group_size", "audience", "materials",
        "principles", "film_moments", "outcomes", "steps",
    ]


# --- grouping for the index ------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "band"),
    [(1, "short"), (20, "short"), (21, "medium"), (45, "medium"), (46, "long"), (240, "long")],
)
def test_length_bands_have_the_documented_edges(minutes, band):
    assert length_band(minutes) == band


def _activity(slug, duration, principles):
    return Activity(
        path=f"{slug}.md", language="en", slug=slug, title=slug.title(), description="",
        duration=duration, group_min=2, group_max=4, audience="", materials=(),
        principles=tuple(principles), film_moments=(), outcomes=("x",), steps=(),
    )


def test_grouping_lists_each_guide_under_every_principle_it_practises_and_one_length():
    guides = [
        _activity("b", 30, ["helping", "attending"]),
        _activity("a", 15, ["attending"]),
        _activity("c", 90, ["crisis"]),
    ]
    assert [(p, [a.slug for a in g]) for p, g in by_principle(guides)] == [
        ("attending", ["a", "b"]), ("helping", ["b"]), ("crisis", ["c"]),
    ]
    assert [(band, [a.slug for a in g]) for band, g in by_length(guides)] == [
        ("short", ["a"]), ("medium", ["b"]), ("long", ["c"]),
    ]


# --- the real guides -------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    return check_activities(PROJECT_ROOT / "docs", PROJECT_ROOT / "transcripts", PROJECT_ROOT)


def test_every_real_guide_passes_in_both_languages(real):
    assert real.problems == [], "\n".join(str(p) for p in real.problems)
    slugs = {language: {a.slug for a in real.activities[language]} for language in LANGUAGES}
    assert len(slugs["en"]) >= 10
    assert slugs["en"] == slugs["cy"]


def test_the_real_guides_cover_every_principle_and_every_length(real):
    english = real.activities["en"]
    assert {p for p, _ in by_principle(english)} == set(PRINCIPLES)
    assert {band for band, _ in by_length(english)} == {band for band, *_ in LENGTH_BANDS}


def test_real_film_moments_exist_in_both_languages_subtitles(real):
    films = {film.slug for film in load_films(PROJECT_ROOT / "transcripts")}
    for language in LANGUAGES:
        for activity in real.activities[language]:
            for moment in activity.film_moments:
                assert moment.film in films
                cues = read_srt(subtitle_path(PROJECT_ROOT / "transcripts", moment.film, language))
                assert moment.cue in anchors(cues), (activity.path, moment)


def checked_with_one_edit(tmp_path: Path, old: str, new: str):
    """The real site's activities, the English listening guide's ``old`` written ``new``;
    (the check's result, the line of the edit)."""
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT_ROOT / "docs", docs)
    guide = docs / "en" / "activities" / "listening-with-fascination.md"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace(old, new), "utf-8")
    line = next(n for n, written in enumerate(text.split("\n"), 1) if old in written)
    return check_activities(docs, PROJECT_ROOT / "transcripts", tmp_path), line


def test_a_mistyped_section_id_is_reported_at_its_heading_with_the_id_meant(tmp_path):
    result, line = checked_with_one_edit(
        tmp_path, "{ #facilitator-notes }", "{ #facilitator-note }"
    )
    assert [(p.line, p.message) for p in result.problems if p.rule == "activity-section"] == [
        (line, "section id 'facilitator-note' is not one a guide has: write "
               "{ #facilitator-notes } (sections, in order: how-to-run-it, facilitator-notes, "
               "debrief-questions)"),
    ]


def test_a_step_the_guide_describes_unlike_its_steps_entry_is_reported_at_its_line(tmp_path):
    # The presenter view and the planner show steps:; the text must not say otherwise.
    result, line = checked_with_one_edit(
        tmp_path, "2. **Form groups of three (3 minutes).**", "2. **Form pairs (10 minutes).**"
    )
    assert [(p.line, p.message) for p in result.problems] == [
        (line, "step 2 is 'Form pairs', 10 minutes, here but 'Form groups of three', 3 minutes, "
               "in steps: (what the presenter view and the planner show): make them the same"),
    ]


def test_a_translation_that_plans_a_different_session_is_reported(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT_ROOT / "docs", docs)
    welsh = docs / "cy" / "activities" / "listening-with-fascination.md"
    text = welsh.read_text(encoding="utf-8")
    welsh.write_text(
        text.replace("duration: 30", "duration: 31").replace(
            "{minutes: 7, title: Adolygu", "{minutes: 8, title: Adolygu"
        ).replace("Adolygu gyda'n gilydd (7 munud)", "Adolygu gyda'n gilydd (8 munud)"),
        encoding="utf-8",
    )
    result = check_activities(docs, PROJECT_ROOT / "transcripts", tmp_path)
    parity = [p for p in result.problems if p.rule == "activity-parity"]
    assert {p.path for p in parity} == {"docs/cy/activities/listening-with-fascination.md"}
    # At the key's line, in words, not as Python values.
    english = "docs/en/activities/listening-with-fascination.md"
    same = "a guide and its translation plan the same session"
    lines = text.split("\n")
    duration = next(n for n, line in enumerate(lines, 1) if line.startswith("duration:"))
    steps = next(n for n, line in enumerate(lines, 1) if line.startswith("steps:"))
    assert [(p.line, p.message) for p in sorted(parity)] == [
        (duration, f"duration differs from {english}: 31 minutes here, 30 minutes there: {same}"),
        (steps, f"steps differs from {english}: minutes 5, 3, 15, 8 here, minutes 5, 3, 15, 7 "
                f"there: {same}"),
    ]


GUIDE = "activities/listening-with-fascination.md"


def guides_checked_with(tmp_path: Path, language: str, old: str, new: str) -> tuple[list, str]:
    """(the guides' problems, the guide's text before) with ``old`` replaced by ``new`` in
    the real guide of ``language``, in a copy of the site's pages."""
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT_ROOT / "docs", docs)
    guide = docs / language / GUIDE
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace(old, new), encoding="utf-8")
    return check_activities(docs, PROJECT_ROOT / "transcripts", tmp_path).problems, text


def test_a_translation_s_session_is_compared_on_the_first_run_with_its_other_problems(tmp_path):
    """The Welsh guide's own sum is wrong as well as its plan: both are said at once, not
    the plan only after the sum is mended."""
    problems, text = guides_checked_with(tmp_path, "cy", "duration: 30", "duration: 31")
    duration = text.split("\n").index("duration: 30") + 1
    assert [(p.path, p.line, p.rule) for p in problems] == [
        (f"docs/cy/{GUIDE}", duration, "activity-duration"),
        (f"docs/cy/{GUIDE}", duration, "activity-parity"),
    ]


def test_a_translation_is_not_told_to_copy_a_mistake_in_the_english_guide(tmp_path):
    problems, _ = guides_checked_with(tmp_path, "en", "duration: 30", "duration: 31")
    assert [(p.path, p.rule) for p in problems] == [(f"docs/en/{GUIDE}", "activity-duration")]


def test_a_translation_is_compared_with_an_english_guide_that_has_other_problems(tmp_path):
    """A mistake elsewhere in the English guide (a mistyped section id) does not hold back
    what the Welsh plans differently (its group size): both on the first run."""
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT_ROOT / "docs", docs)
    english, welsh = docs / "en" / GUIDE, docs / "cy" / GUIDE
    english.write_text(english.read_text(encoding="utf-8").replace(
        "{ #debrief-questions }", "{ #debrief-questionz }"), encoding="utf-8")
    text = welsh.read_text(encoding="utf-8")
    size = next(line for line in text.split("\n") if line.startswith("group_size:"))
    welsh.write_text(text.replace(size, "group_size: {min: 2, max: 42}"), encoding="utf-8")
    problems = check_activities(docs, PROJECT_ROOT / "transcripts", tmp_path).problems
    assert [(p.path, p.rule) for p in problems] == [
        (f"docs/cy/{GUIDE}", "activity-parity"), (f"docs/en/{GUIDE}", "activity-section"),
    ]
    assert problems[0].line == text.split("\n").index(size) + 1
    assert "group_size differs" in problems[0].message


# --- what the build renders ------------------------------------------------------------


def built(site_dir: Path, language: str, page: str) -> BeautifulSoup:
    path = site_dir / site_prefix(language) / page / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def resolve(site_dir: Path, language: str, page: str, href: str) -> Path:
    base = (site_dir / site_prefix(language) / page).resolve()
    target = (base / href.split("#")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_guide_renders_at_a_glance_steps_and_film_moments(site_dir, real, language):
    for activity in real.activities[language]:
        page = f"activities/{activity.slug}"
        soup = built(site_dir, language, page)
        glance = soup.select_one("aside.cl-activity-glance")
        assert glance is not None, page
        facts = [dd.get_text(" ", strip=True) for dd in glance.select("dl > dd")]
        assert facts[0].startswith(str(activity.duration)), (page, facts)
        assert str(activity.group_min) in facts[1] and str(activity.group_max) in facts[1]
        for material in activity.materials:
            assert material in facts[3]
        principle_links = glance.select("dd a")
        assert len(principle_links) == len(activity.principles)
        for link, slug in zip(principle_links, activity.principles, strict=True):
            assert resolve(site_dir, language, page, link["href"]) == (
                site_dir / site_prefix(language) / "principles" / slug / "index.html"
            ).resolve()
        steps = soup.select("ol.cl-steps > li")
        assert len(steps) == len(activity.steps)
        for item, step in zip(steps, activity.steps, strict=True):
            assert step.title in item.get_text()
            assert re.search(rf"\b{step.minutes} (minute|munud|funud)", item.get_text())
        moments = soup.select("a.cl-moment__link")
        assert len(moments) == len(activity.film_moments)
        for link, moment in zip(moments, activity.film_moments, strict=True):
            assert link.get_text(strip=True) == f"{WATCH_FROM[language]} {moment.time_label}"
            film_page = resolve(site_dir, language, page, link["href"])
            assert film_page.parent.name == moment.film
            film = BeautifulSoup(film_page.read_text(encoding="utf-8"), "lxml")
            assert film.find(id=moment.cue) is not None, (page, moment.cue)
        # The body's sections follow the rendered summary, under the same ids in every language.
        # (My learning's notes section, partials/learning-notes.html, follows them.)
        headings = soup.select("article h2[id]")
        ids = [h["id"] for h in headings if not h.find_parent(class_="cl-learning")]
        assert ids[:3] == ["at-a-glance", "learning-outcomes", "steps"]
        assert ids[-3:] == ["how-to-run-it", "facilitator-notes", "debrief-questions"]


@pytest.mark.build
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_index_groups_every_guide_by_principle_and_by_length(site_dir, real, language):
    soup = built(site_dir, language, "activities")
    guides = real.activities[language]
    for principle in PRINCIPLES:
        heading = soup.find(id=f"principle-{principle}")
        listed = {a["href"] for a in heading.find_next_sibling("ul").select("a")}
        expected = {a for a in guides if principle in a.principles}
        assert {f"{a.slug}/" for a in expected} == listed, principle
    seen = []
    for band, *_ in LENGTH_BANDS:
        heading = soup.find(id=f"length-{band}")
        links = [a["href"] for a in heading.find_next_sibling("ul").select("a")]
        assert links, band
        seen += links
    assert sorted(seen) == sorted(f"{a.slug}/" for a in guides)
    toc = [a["href"] for a in soup.select(".md-sidebar--secondary a.md-nav__link")]
    assert "#by-principle" in toc and "#by-length" in toc


@pytest.mark.browser
def test_the_index_works_without_javascript(no_script_page, site_url, real):
    page = no_script_page
    page.goto(site_url + "cy/activities/")
    for activity in real.activities["cy"]:
        links = page.locator("section.cl-activity-index a", has_text=activity.title)
        assert links.count() >= 2  # under a principle and under a length
        assert links.first.is_visible()
    page.locator("section.cl-activity-index a", has_text=real.activities["cy"][0].title)\
        .first.click()
    assert page.locator("aside.cl-activity-glance").is_visible()


@pytest.mark.build
def test_a_bad_guide_fails_the_build_with_every_problem_at_its_line(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    bad = (FIXTURES / "many_problems.md").read_text(encoding="utf-8")
    for language in LANGUAGES:
        (project / "docs" / language / "activities" / "broken.md").write_text(bad, "utf-8")
    result = build_site(tmp_path / "site", project_dir=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for language in LANGUAGES:
        path = f"docs/{language}/activities/broken.md"
        for rule, needle in [
            ("activity-unknown-key", "level: beginner"),
            ("activity-principle", "- kindness"),
            ("activity-cue", "cue: t-09-09"),
            ("activity-duration", "duration: 99"),
        ]:
            assert f"{path}:{line_of('many_problems.md', needle)}: {rule}: " in output, output
    assert "Traceback" not in output


def test_minutes_in_welsh_mutate_after_two():
    from leadership.activities.rendering import minutes_label

    assert [minutes_label(n, "cy") for n in (1, 2, 3, 20)] == [
        "1 funud", "2 funud", "3 munud", "20 munud"
    ]
    assert [minutes_label(n, "en") for n in (1, 2, 3)] == ["1 minute", "2 minutes", "3 minutes"]
