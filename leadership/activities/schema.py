"""Activity guides for trainers: one front matter schema, its validator, and the index groups.

An activity guide is ``docs/<lang>/activities/<slug>.md`` with ``kind: activity``. Its
front matter must have exactly the keys in ``SCHEMA``; the body has an introduction and
the sections in ``SECTIONS``. Every problem is reported as ``path:line: rule: message``
with the line of the offending key, and checking goes on after the first problem.

The index groups guides by the principles they practise and by length (``LENGTH_BANDS``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from leadership.languages import DEFAULT_LANGUAGE, LANGUAGES
from leadership.pages.front_matter_source import FrontMatter, read_front_matter
from leadership.pages.title import same_title
from leadership.reporting import ContentError, Problem
from leadership.subtitles.cues import CUE_ANCHOR, anchor_seconds, anchors, nearest_anchors
from leadership.subtitles.transcript import time_label

ACTIVITY_KIND = "activity"
ACTIVITIES_FOLDER = "activities"
INDEX_PAGE = "index.md"
PRINCIPLES_FOLDER = "principles"

# The principles an activity can practise, in the order the index lists them.
PRINCIPLES = (
    "attending",
    "understanding",
    "empathising",
    "helping",
    "effective",
    "inclusive",
    "collective",
    "across-boundaries",
    "crisis",
)

# Length bands for the index: (id, shortest, longest); None means no upper limit.
LENGTH_BANDS = (("short", 1, 20), ("medium", 21, 45), ("long", 46, None))

# The body's sections, by heading id, in the order they must appear.
SECTIONS = ("how-to-run-it", "facilitator-notes", "debrief-questions")
STEPS_SECTION = "how-to-run-it"
TRANSLATION_KEY = "translation"

HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]*\{[^}]*\})?[ \t]*$")
HEADING_ID = re.compile(r"\{[^}]*#(?P<id>[A-Za-z0-9_-]+)[^}]*\}[ \t]*$")
NUMBERED_ITEM = re.compile(r"^(?P<number>\d+)\.[ \t]+\S")
# A step's lead in "How to run it": its title and minutes in bold, as steps: has them.
STEP_LEAD = re.compile(
    r"^\d+\.[ \t]+\*\*(?P<title>.+?) \((?P<minutes>\d+) (?:minutes?|mins?|munud)\)\.?\*\*"
)
FENCED_CODE = re.compile(r"^[ \t]*(?:```|~~~)")


# --- the schema ------------------------------------------------------------------------


@dataclass(frozen=True)
class FilmMoment:
    film: str
    cue: str
    note: str

    @property
    def time_label(self) -> str:
        """The cue's start as people say it, "1:02" ("1:02:03" past an hour), from its
        anchor ``t-01-02`` (``t-62-03``), as the film page labels the cue."""
        return time_label(anchor_seconds(self.cue))


@dataclass(frozen=True)
class Step:
    minutes: int
    title: str


@dataclass(frozen=True)
class Activity:
    path: str  # as reported, e.g. docs/en/activities/listening-with-fascination.md
    language: str
    slug: str
    title: str
    description: str
    duration: int
    group_min: int
    group_max: int
    audience: str
    materials: tuple[str, ...]
    principles: tuple[str, ...]
    film_moments: tuple[FilmMoment, ...]
    outcomes: tuple[str, ...]
    steps: tuple[Step, ...]

    @property
    def length_band(self) -> str:
        return length_band(self.duration)

    @property
    def source_uri(self) -> str:
        """The page's path as MkDocs (with mkdocs-static-i18n) names it: ``en/activities/x.md``."""
        return f"{self.language}/{ACTIVITIES_FOLDER}/{self.slug}.md"


@dataclass(frozen=True)
class SessionPlan:
    """What a guide and its translation must agree on (``PARITY_FIELDS``), each key as a
    message shows it, as far as the guide's front matter reads: a key that does not read is
    left out, its own problem says why."""

    path: str
    slug: str
    shown: dict[str, str]
    lines: dict[str, int]  # each key's line, for its report
    unsettled: frozenset[str]  # keys with problems of their own


class GuideCheck(NamedTuple):
    activity: Activity | None  # None when the guide has problems
    problems: list[Problem]
    plan: SessionPlan


def length_band(minutes: int) -> str:
    for band, shortest, longest in LENGTH_BANDS:
        if minutes >= shortest and (longest is None or minutes <= longest):
            return band
    raise ValueError(f"no length band for {minutes} minutes")


# Readers for one value: each returns the value, or None after adding a problem.
Reader = Callable[["_Checker", tuple, object], object]


def _text(checker: _Checker, key_path: tuple, value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    checker.add(key_path, "activity-type", f"{_name(key_path)} must be non-empty text")
    return None


def _positive_int(checker: _Checker, key_path: tuple, value: object) -> int | None:
    # YAML reads "yes" as a bool, which Python counts as an int.
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    checker.add(
        key_path, "activity-type", f"{_name(key_path)} must be a whole number of minutes above 0"
    )
    return None


def _kind(checker: _Checker, key_path: tuple, value: object) -> str | None:
    if value == ACTIVITY_KIND:
        return value
    checker.add(key_path, "activity-kind", f"kind must be {ACTIVITY_KIND!r}, not {value!r}")
    return None


def _group_size(checker: _Checker, key_path: tuple, value: object) -> tuple[int, int] | None:
    fields = checker.mapping(key_path, value, {"min": None, "max": None})
    if fields is None:
        return None
    sizes = {}
    for key in ("min", "max"):
        number = fields.get(key)
        if isinstance(number, int) and not isinstance(number, bool) and number >= 1:
            sizes[key] = number
        elif key in fields:
            checker.add(
                (*key_path, key), "activity-type", f"group_size.{key} must be a whole number of "
                "people, 1 or more"
            )
    if len(sizes) < 2:
        return None
    if sizes["min"] > sizes["max"]:
        checker.add(
            (*key_path, "min"), "activity-group-size",
            f"group_size.min ({sizes['min']}) is larger than group_size.max ({sizes['max']})",
        )
        return None
    return sizes["min"], sizes["max"]


def _text_list(checker: _Checker, key_path: tuple, value: object, *, allow_empty: bool):
    if not isinstance(value, list) or (not value and not allow_empty):
        need = "a list" if allow_empty else "a list with at least one item"
        checker.add(key_path, "activity-type", f"{_name(key_path)} must be {need} of text")
        return None
    items = [_text(checker, (*key_path, index), item) for index, item in enumerate(value)]
    return None if None in items else tuple(items)


def _materials(checker, key_path, value):
    return _text_list(checker, key_path, value, allow_empty=True)


def _outcomes(checker, key_path, value):
    return _text_list(checker, key_path, value, allow_empty=False)


def _principles(checker: _Checker, key_path: tuple, value: object):
    slugs = _text_list(checker, key_path, value, allow_empty=False)
    if slugs is None:
        return None
    ok = True
    for index, slug in enumerate(slugs):
        item = (*key_path, index)
        if slug not in PRINCIPLES:
            checker.add(
                item, "activity-principle",
                f"unknown principle {slug!r}; use one of: {', '.join(PRINCIPLES)}",
            )
            ok = False
        elif slug not in checker.context.principle_pages.get(checker.language, ()):
            page = f"docs/{checker.language}/{PRINCIPLES_FOLDER}/{slug}.md"
            checker.add(item, "activity-principle", f"principle {slug!r} has no page: {page}")
            ok = False
        elif slugs.index(slug) != index:
            checker.add(item, "activity-principle", f"principle {slug!r} is listed twice")
            ok = False
    return slugs if ok else None


def _steps(checker: _Checker, key_path: tuple, value: object):
    if not isinstance(value, list) or not value:
        checker.add(
            key_path, "activity-type", "steps must be a list of {minutes, title}, one item a step"
        )
        return None
    steps = []
    for index, item in enumerate(value):
        item_path = (*key_path, index)
        fields = checker.mapping(item_path, item, {"minutes": _positive_int, "title": _text})
        if fields is None or None in fields.values() or len(fields) < 2:
            steps.append(None)
        else:
            steps.append(Step(**fields))
    return None if None in steps else tuple(steps)


def _film_moments(checker: _Checker, key_path: tuple, value: object):
    if not isinstance(value, list):
        checker.add(
            key_path, "activity-type", "film_moments must be a list of {film, cue, note} "
            "(an empty list, [], when the activity uses no film)"
        )
        return None
    moments = []
    for index, item in enumerate(value):
        item_path = (*key_path, index)
        fields = checker.mapping(item_path, item, {"film": _text, "cue": _text, "note": _text})
        if fields is None or None in fields.values() or len(fields) < 3:
            moments.append(None)
            continue
        moment = FilmMoment(**fields)
        moments.append(moment if checker.film_moment_exists(item_path, moment) else None)
    return None if None in moments else tuple(moments)


# Every front matter key, in the order editors are asked to write them, with its reader.
SCHEMA: dict[str, Reader] = {
    "title": _text,
    "description": _text,
    "kind": _kind,
    "duration": _positive_int,
    "group_size": _group_size,
    "audience": _text,
    "materials": _materials,
    "principles": _principles,
    "film_moments": _film_moments,
    "outcomes": _outcomes,
    "steps": _steps,
}


# --- what an activity may refer to -----------------------------------------------------


@dataclass
class References:
    """What activity pages may point at: principle pages and film cues, per language."""

    principle_pages: dict[str, set[str]] = field(default_factory=dict)
    principle_titles: dict[str, dict[str, str]] = field(default_factory=dict)
    film_titles: dict[str, dict[str, str]] = field(default_factory=dict)  # slug -> lang -> title
    # (film slug, language) -> the cue anchors its film page has; missing when unreadable.
    film_anchors: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # why some could not be read

    # (film slug, language) -> the subtitles (as problems name them) that have errors: an
    # activity citing a moment in them is told once to mend that file, which is reported by
    # its own lines.
    broken_subtitles: dict[tuple[str, str], str] = field(default_factory=dict)
    # films.yml as problems name it, when it cannot be read (reported by its own lines).
    broken_films_file: str | None = None

    @classmethod
    def from_content(cls, principle_titles: dict[str, dict[str, str]], films, docs_dir: Path,
                     root: Path) -> References:
        """From what the content model read: the principle pages' titles and the film
        library (``leadership.content.FilmLibrary``)."""
        references = cls()
        if not films.readable:
            references.broken_films_file = films.films_file
        for language in LANGUAGES:
            titles = principle_titles.get(language, {})
            references.principle_pages[language] = set(titles)
            references.principle_titles[language] = dict(titles)
        for film in films.films.values():
            references.film_titles[film.slug] = dict(film.title)
            for language in LANGUAGES:
                broken = films.broken_file(film.slug, language)
                if broken:
                    references.broken_subtitles[(film.slug, language)] = broken
                    continue
                cues = films.cues(film.slug, language)
                if cues is not None:
                    references.film_anchors[(film.slug, language)] = set(anchors(cues))
        return references

    @classmethod
    def from_project(cls, docs_dir: Path, transcripts_dir: Path, root: Path) -> References:
        from leadership.content import read_site

        return read_site(root, docs_dir, transcripts_dir).references


def _name(key_path: tuple) -> str:
    name = ""
    for part in key_path:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or "front matter"


# --- checking one page -----------------------------------------------------------------


class _Checker:
    def __init__(self, path: str, language: str, front: FrontMatter, references: References):
        self.path = path
        self.language = language
        self.front = front
        self.context = references
        self.problems: list[Problem] = []
        self.reported_broken: set[str] = set()
        # The top-level keys with a problem of their own: a translation is not compared
        # with what they say until it is mended.
        self.unsettled: set[str] = set()

    def line(self, key_path: tuple) -> int:
        return self.front.line(*key_path)

    def add(self, key_path: tuple, rule: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.line(key_path), rule, message))
        self.unsettled.update(key_path[:1])

    def mapping(
        self, key_path: tuple, value: object, readers: dict, optional: tuple = ()
    ) -> dict | None:
        """Read a mapping's keys with their readers: unknown and missing keys are problems.

        ``optional`` keys are allowed and left to whoever checks them.
        """
        if not isinstance(value, dict):
            keys = ", ".join(readers)
            self.add(key_path, "activity-type", f"{_name(key_path)} must be a mapping with {keys}")
            return None
        result = {}
        for key, item in value.items():
            if key in optional:
                continue
            if key not in readers:
                self.add(
                    (*key_path, key), "activity-unknown-key",
                    f"unknown key {_name((*key_path, key))!r}; allowed: {', '.join(readers)}",
                )
                continue
            reader = readers[key]
            result[key] = item if reader is None else reader(self, (*key_path, key), item)
        for key in readers:
            if key not in value:
                missing = _name((*key_path, key))
                self.add(key_path, "activity-missing-key", f"missing key {missing!r}")
        return result

    def _blame(self, key_path: tuple, broken: str) -> None:
        """One line per page for a file it depends on that has errors of its own."""
        if broken not in self.reported_broken:
            self.reported_broken.add(broken)
            self.add(
                key_path, "activity-cue" if key_path[-1] == "cue" else "activity-film",
                f"film moments cannot be checked until {broken} is mended "
                "(its own problems are listed first)",
            )

    def film_moment_exists(self, key_path: tuple, moment: FilmMoment) -> bool:
        if self.context.broken_films_file is not None:
            self._blame((*key_path, "film"), self.context.broken_films_file)
            return False
        if moment.film not in self.context.film_titles:
            known = ", ".join(sorted(self.context.film_titles)) or "none could be read"
            self.add(
                (*key_path, "film"), "activity-film",
                f"unknown film {moment.film!r}; films in transcripts/films.yml: {known}",
            )
            return False
        if not CUE_ANCHOR.match(moment.cue):
            self.add(
                (*key_path, "cue"), "activity-cue",
                f"cue {moment.cue!r} is not a cue anchor: write t-MM-SS, e.g. t-01-02",
            )
            return False
        anchors = self.context.film_anchors.get((moment.film, self.language))
        broken = self.context.broken_subtitles.get((moment.film, self.language))
        if broken is not None:
            self._blame((*key_path, "cue"), broken)
            return False
        if anchors is None:
            self.add(
                (*key_path, "cue"), "activity-cue",
                f"cannot check cue {moment.cue}: the {self.language} subtitles of "
                f"{moment.film!r} could not be read",
            )
            return False
        if moment.cue not in anchors:
            self.add(
                (*key_path, "cue"), "activity-cue",
                f"no cue starts at {moment.cue} in transcripts/{moment.film}.{self.language}.srt"
                f"{_nearest(moment.cue, anchors)}",
            )
            return False
        return True


def _nearest(cue: str, anchors: set[str]) -> str:
    nearest = nearest_anchors(cue, anchors)
    return f"; nearest cues: {', '.join(nearest)}" if nearest else ""


def check_activity(
    path: str, text: str, language: str, references: References
) -> tuple[Activity | None, list[Problem]]:
    """Read and check one activity page (``check_guide`` when it is read already)."""
    try:
        front = read_front_matter(text, path)
    except ContentError as error:
        return None, list(error.problems)
    activity, problems, _plan = check_guide(front, language, references)
    return activity, problems


def check_guide(front: FrontMatter, language: str, references: References) -> GuideCheck:
    """Check one activity page's front matter and body against the activities schema: the
    activity (None when it has errors), the problems, and the session it plans as far as it
    reads (compared with its translation's by ``parity_problems``)."""
    path = front.path
    checker = _Checker(path, language, front, references)
    for key_path, line in front.duplicates:
        checker.problems.append(
            Problem(path, line, "activity-duplicate-key", f"key {_name(key_path)!r} is given twice")
        )
    # Welsh pages also say which English version they translate: leadership.pages.frontmatter
    # checks that key, so the schema lets it through.
    optional = (TRANSLATION_KEY,) if language != DEFAULT_LANGUAGE else ()
    fields = checker.mapping((), front.data, SCHEMA, optional)
    if fields is not None and isinstance(fields.get("steps"), tuple) and isinstance(
        fields.get("duration"), int
    ):
        total = sum(step.minutes for step in fields["steps"])
        if total != fields["duration"]:
            checker.add(
                ("duration",), "activity-duration",
                f"duration is {fields['duration']} minutes but the steps add up to {total}",
            )
            checker.unsettled.add("steps")  # either may be the one that is wrong
    _check_body(checker, fields or {})
    slug = Path(path).stem
    plan = SessionPlan(
        path, slug,
        {name: show(fields) for name, show in PARITY_FIELDS.items()
         if fields is not None and fields.get(name) is not None},
        {name: front.line(name) for name in PARITY_FIELDS},
        frozenset(checker.unsettled),
    )
    if checker.problems or fields is None or None in fields.values():
        return GuideCheck(None, checker.problems, plan)
    group_min, group_max = fields.pop("group_size")
    fields.pop("kind")
    activity = Activity(
        path=path, language=language, slug=slug, group_min=group_min, group_max=group_max,
        **fields,
    )
    return GuideCheck(activity, [], plan)


def _check_body(checker: _Checker, fields: dict) -> None:
    body_lines = checker.front.source.body.split("\n")
    first = checker.front.source.body_line
    headings = []  # (file line, level, text, id)
    in_code = False
    for offset, line in enumerate(body_lines):
        if FENCED_CODE.match(line):
            in_code = not in_code
        match = None if in_code else HEADING.match(line)
        if match:
            id_match = HEADING_ID.search(line)
            headings.append(
                (first + offset, len(match["hashes"]), match["text"], id_match and id_match["id"])
            )

    def problem(line: int, rule: str, message: str) -> None:
        checker.problems.append(Problem(checker.path, line, rule, message))

    titles = [h for h in headings if h[1] == 1]
    if not titles:
        problem(first, "activity-body", "the page has no '# ' title heading")
    elif isinstance(fields.get("title"), str) and not same_title(titles[0][2], fields["title"]):
        problem(
            titles[0][0], "activity-title",
            f"the heading {titles[0][2].strip()!r} differs from the front matter title "
            f"{fields['title']!r}",
        )
    sections = [h for h in headings if h[1] == 2]
    intro_end = sections[0][0] if sections else first + len(body_lines)
    intro_start = titles[0][0] + 1 if titles else first
    intro = [
        line for line in body_lines[intro_start - first : intro_end - first]
        if line.strip() and not HEADING.match(line)
    ]
    if not intro:
        problem(intro_start, "activity-body", "write an introduction before the first section")
    ids = [h[3] for h in sections]
    for wanted in SECTIONS:
        if wanted not in ids:
            # A mistyped id is at its heading's line, with the id meant.
            unknown = [h for h in sections if h[3] and h[3] not in SECTIONS]
            meant = difflib.get_close_matches(wanted, [h[3] for h in unknown], n=1, cutoff=0.8)
            if meant:
                line = next(h[0] for h in unknown if h[3] == meant[0])
                problem(line, "activity-section",
                        f"section id '{meant[0]}' is not one a guide has: write "
                        f"{{ #{wanted} }} (sections, in order: {', '.join(SECTIONS)})")
                continue
            problem(
                first, "activity-section",
                f"missing section '## ... {{ #{wanted} }}' (sections, in order: "
                f"{', '.join(SECTIONS)})",
            )
    present = [section_id for section_id in ids if section_id in SECTIONS]
    if present != [s for s in SECTIONS if s in present]:
        line = next(h[0] for h in sections if h[3] in SECTIONS)
        order = ", ".join(SECTIONS)
        problem(line, "activity-section", f"sections must come in this order: {order}")
    for line, _level, text, section_id in sections:
        if section_id is None:
            problem(line, "activity-section", f"section {text!r} needs a stable id: {{ #some-id }}")
    if STEPS_SECTION in ids and isinstance(fields.get("steps"), tuple):
        _check_step_details(checker, sections, body_lines, first, fields["steps"], problem)


def _check_step_details(checker, sections, body_lines, first, steps, problem) -> None:
    step_count = len(steps)
    index = next(i for i, h in enumerate(sections) if h[3] == STEPS_SECTION)
    start = sections[index][0]
    end = sections[index + 1][0] if index + 1 < len(sections) else first + len(body_lines)
    numbers = []
    for line_number in range(start + 1, end):
        match = NUMBERED_ITEM.match(body_lines[line_number - first])
        if match:
            numbers.append((line_number, int(match["number"])))
    if [number for _line, number in numbers] != list(range(1, step_count + 1)):
        checker.unsettled.add("steps")
        problem(
            start, "activity-steps-detail",
            f"'How to run it' must describe each of the {step_count} steps as a numbered list "
            f"1. to {step_count}., in order; found {len(numbers)} numbered items",
        )
        return
    # "1. **Watch and introduce (5 minutes).**": what the guide says of a step is what the
    # presenter view and the planner show from steps:.
    for (line_number, number), step in zip(numbers, steps, strict=True):
        lead = STEP_LEAD.match(body_lines[line_number - first])
        if lead is None:
            continue
        if not same_title(lead["title"], step.title) or int(lead["minutes"]) != step.minutes:
            checker.unsettled.add("steps")
            problem(line_number, "activity-steps-detail",
                    f"step {number} is '{lead['title']}', {lead['minutes']} minutes, here but "
                    f"'{step.title}', {step.minutes} minutes, in steps: (what the presenter view "
                    "and the planner show): make them the same")


# --- the whole site --------------------------------------------------------------------


@dataclass
class CheckResult:
    activities: dict[str, list[Activity]]  # language -> valid activities, by slug
    problems: list[Problem]
    checked: int
    references: References


def check_activities(docs_dir: Path, transcripts_dir: Path, root: Path) -> CheckResult:
    """Every activity guide in every language, and whether the languages agree, as the
    content model (``leadership.content``) reads and checks them."""
    from leadership.content import read_site

    content = read_site(root, docs_dir, transcripts_dir)
    guides = {page.shown for page in content.pages.values() if page.kind == ACTIVITY_KIND}
    problems = [p for p in content.front_matter_problems if p.path in guides]
    return CheckResult(content.activities, problems, len(guides), content.references)


# What a translation must keep the same, and how a message shows it.
PARITY_FIELDS: dict[str, Callable[[dict], str]] = {
    "duration": lambda fields: f"{fields['duration']} minutes",
    "group_size": lambda fields: "{} to {} people".format(*fields["group_size"]),
    "principles": lambda fields: ", ".join(fields["principles"]),
    "film_moments": lambda fields: ", ".join(
        f"{moment.film}#{moment.cue}" for moment in fields["film_moments"]
    ) or "none",
    "steps": lambda fields: "minutes " + ", ".join(str(step.minutes) for step in fields["steps"]),
}


def parity_problems(plans: dict[str, list[SessionPlan]]) -> list[Problem]:
    """A guide's translation must plan the same session: same timings, people, links. Each
    key is compared as soon as it reads on both sides, however many other problems either
    guide has; but not with an English key that has a problem of its own (a duration its
    steps do not add up to, say) until it is mended: the translation is not told to copy a
    mistake."""
    default = {plan.slug: plan for plan in plans.get(DEFAULT_LANGUAGE, [])}
    problems = []
    for language, translated in plans.items():
        if language == DEFAULT_LANGUAGE:
            continue
        for plan in translated:
            original = default.get(plan.slug)
            if original is None:
                continue  # the page parity check names a missing page
            for name, own in plan.shown.items():
                theirs = original.shown.get(name)
                if theirs is not None and name not in original.unsettled and own != theirs:
                    problems.append(
                        Problem(
                            plan.path, plan.lines.get(name, 1), "activity-parity",
                            f"{name} differs from {original.path}: {own} here, {theirs} "
                            "there: a guide and its translation plan the same session",
                        )
                    )
    return problems


# --- grouping for the index ------------------------------------------------------------


def by_principle(activities: Iterable[Activity]) -> list[tuple[str, list[Activity]]]:
    """(principle, activities practising it), principles in ``PRINCIPLES`` order, none empty."""
    activities = sorted(activities, key=lambda a: (a.duration, a.title.casefold()))
    groups = [(p, [a for a in activities if p in a.principles]) for p in PRINCIPLES]
    return [(principle, members) for principle, members in groups if members]


def by_length(activities: Iterable[Activity]) -> list[tuple[str, list[Activity]]]:
    """(length band, activities in it, shortest first), bands in ``LENGTH_BANDS`` order."""
    activities = sorted(activities, key=lambda a: (a.duration, a.title.casefold()))
    groups = [(band, [a for a in activities if a.length_band == band]) for band, *_ in LENGTH_BANDS]
    return [(band, members) for band, members in groups if members]
