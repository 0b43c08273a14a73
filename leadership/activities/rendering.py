"""What an activity guide and the activities index show, in the page's language.

The plugin (``leadership.plugin``) passes a ``url_for`` that turns a source
page (``en/principles/attending.md``) into a link relative to the page being built, so
links work with and without directory URLs (the offline pack) and from ``file://``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from leadership.activities.planning import plan_source_uri
from leadership.activities.presenting import present_source_uri
from leadership.activities.schema import (
    PRINCIPLES_FOLDER,
    Activity,
    References,
    by_length,
    by_principle,
)
from leadership.interface import strings_for

FILMS_FOLDER = "films"

# Turns a source path such as "cy/principles/helping.md" into a URL relative to the page.
UrlFor = Callable[[str], str]


def minutes_label(minutes: int, language: str) -> str:
    ui = strings_for(language)
    if minutes in (1, 2):
        return ui["minutes_one" if minutes == 1 else "minutes_two"]
    return ui["minutes_many"].format(count=minutes)


def duration_label(minutes: int, language: str) -> str:
    """A length in hours and minutes: "1 hour 30 minutes", "1 awr 30 munud" (as planner.js
    writes the session's total)."""
    ui = strings_for(language)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return minutes_label(minutes, language)
    text = ui["hours_one"] if hours == 1 else ui["hours_many"].format(count=hours)
    return f"{text} {minutes_label(rest, language)}" if rest else text


def clock_label(seconds: int) -> str:
    """A countdown as a clock shows it: "5:00", "1:05:00" past an hour (as presenter.js does)."""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def people_label(group_min: int, group_max: int, language: str) -> str:
    ui = strings_for(language)
    if group_min != group_max:
        return ui["people_range"].format(min=group_min, max=group_max)
    return ui["people_one"] if group_min == 1 else ui["people_many"].format(count=group_min)


@dataclass(frozen=True)
class TocEntry:
    """A heading the template writes, for the page's table of contents (plain text title)."""

    id: str
    title: str
    children: list[TocEntry] = field(default_factory=list)


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class MomentLink:
    url: str
    label: str  # "Watch from 0:28"
    film_title: str
    note: str


def principle_link(slug: str, language: str, references: References, url_for: UrlFor) -> Link:
    title = references.principle_titles.get(language, {}).get(slug, slug)
    return Link(title, url_for(f"{language}/{PRINCIPLES_FOLDER}/{slug}.md"))


def activity_page_context(
    activity: Activity, references: References, url_for: UrlFor
) -> dict:
    """Everything ``partials/activity.html`` needs for one guide."""
    language = activity.language
    ui = strings_for(language)
    moments = [
        MomentLink(
            url=f"{url_for(f'{language}/{FILMS_FOLDER}/{moment.film}.md')}#{moment.cue}",
            label=f"{ui['watch_from']} {moment.time_label}",
            film_title=references.film_titles[moment.film][language],
            note=moment.note,
        )
        for moment in activity.film_moments
    ]
    contents = [
        TocEntry("at-a-glance", ui["activity_at_a_glance"]),
        TocEntry("learning-outcomes", ui["activity_outcomes"]),
        TocEntry("steps", ui["activity_steps"]),
    ]
    if moments:
        contents.append(TocEntry("film-moments", ui["activity_film_moments"]))
    return {
        "contents": contents,
        "activity": activity,
        "ui": ui,
        "time": minutes_label(activity.duration, language),
        "people": people_label(activity.group_min, activity.group_max, language),
        "principles": [
            principle_link(slug, language, references, url_for) for slug in activity.principles
        ],
        "steps": [
            {"number": number, "title": step.title, "time": minutes_label(step.minutes, language)}
            for number, step in enumerate(activity.steps, start=1)
        ],
        "moments": moments,
        "present_url": url_for(present_source_uri(language, activity.slug)),
        "plan_url": f"{url_for(plan_source_uri(language))}?a={activity.slug}",
    }


@dataclass(frozen=True)
class IndexEntry:
    slug: str
    title: str
    url: str
    description: str
    minutes: int
    time: str
    people: str


@dataclass(frozen=True)
class IndexGroup:
    id: str  # heading id, the same in every language
    heading: Link | str  # a principle heading links to the principle's page
    entries: list[IndexEntry]


def index_context(
    activities: list[Activity], language: str, references: References, url_for: UrlFor
) -> dict:
    """Everything ``partials/activities-index.html`` needs: guides by principle and by length,
    and the link to the session planner. The planner (``partials/planner.html``) offers the
    guides in the same groups."""
    ui = strings_for(language)

    def entry(activity: Activity) -> IndexEntry:
        return IndexEntry(
            slug=activity.slug,
            title=activity.title,
            url=url_for(activity.source_uri),
            description=activity.description,
            minutes=activity.duration,
            time=minutes_label(activity.duration, language),
            people=people_label(activity.group_min, activity.group_max, language),
        )

    principle_groups = [
        IndexGroup(
            id=f"principle-{principle}",
            heading=principle_link(principle, language, references, url_for),
            entries=[entry(activity) for activity in members],
        )
        for principle, members in by_principle(activities)
    ]
    length_groups = [
        IndexGroup(
            id=f"length-{band}",
            heading=ui[f"length_{band}"],
            entries=[entry(activity) for activity in members],
        )
        for band, members in by_length(activities)
    ]
    contents = [
        TocEntry(
            "by-principle", ui["activities_by_principle"],
            [TocEntry(group.id, group.heading.text) for group in principle_groups],
        ),
        TocEntry(
            "by-length", ui["activities_by_length"],
            [TocEntry(group.id, group.heading) for group in length_groups],
        ),
    ]
    return {
        "contents": contents,
        "ui": ui,
        "by_principle": principle_groups,
        "by_length": length_groups,
        "plan_url": url_for(plan_source_uri(language)),
    }
