"""The session planner (activities/plan/): choose and order activities, an agenda with start
times from a chosen start, the choice in the address, one printed A4 pack of the agenda and
the chosen guides' handouts, in both languages; without JavaScript, a list of the activities.

Expected times and totals are worked out here from the guides' front matter.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from harness.accessibility import WORKSHOP_VIEWPORTS, run_axe
from mkdocs.structure.files import Files
from playwright.sync_api import expect
from test_print import A4_POINTS, DEFAULT_SITE_URL, SECTION_HEADINGS, pdf_pages, squash

from leadership.activities.planning import (
    DEFAULT_START,
    embedded_handout,
    plan_dest_uri,
    plan_source_uri,
    rebased,
)
from leadership.activities.rendering import duration_label, minutes_label
from leadership.activities.schema import check_activities
from leadership.interface import strings_for
from leadership.plugin import ContentProblems, LeadershipPlugin

PROJECT = Path(__file__).resolve().parents[1]
CHECKED = check_activities(PROJECT / "docs", PROJECT / "transcripts", PROJECT)
ACTIVITIES = {
    language: {activity.slug: activity for activity in CHECKED.activities[language]}
    for language in ("en", "cy")
}
# A morning of three activities, in this order.
MORNING = [
    "listening-with-fascination",
    "removing-obstacles-and-finding-resources",
    "one-obstacle-at-a-time",
]
PLANNER = "activities/plan/"


def planner_url(site_url: str, language: str, query: str = "") -> str:
    return site_url + ("" if language == "en" else "cy/") + PLANNER + query


def site_address() -> str:
    return os.environ.get("SITE_URL", DEFAULT_SITE_URL)


def clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def expected_agenda(language: str, slugs: list[str], start: str) -> list[str]:
    """Each agenda line as the page must show it: start-end, title, length."""
    hours, minutes = (int(part) for part in start.split(":"))
    at = hours * 60 + minutes
    lines = []
    for slug in slugs:
        activity = ACTIVITIES[language][slug]
        lines.append(
            f"{clock(at)}–{clock(at + activity.duration)} {activity.title} "
            f"({minutes_label(activity.duration, language)})"
        )
        at += activity.duration
    return lines


def agenda_lines(page) -> list[str]:
    items = page.locator("[data-plan-item]")
    return [
        " ".join(
            items.nth(index).locator(part).inner_text().strip()
            for part in ("[data-plan-item-time]", "[data-plan-item-title]",
                         "[data-plan-item-length]")
        )
        for index in range(items.count())
    ]


def total_of(language: str, slugs: list[str]) -> int:
    return sum(ACTIVITIES[language][slug].duration for slug in slugs)


# --- the model --------------------------------------------------------------------------


def test_the_planner_is_written_beside_the_guides_so_their_links_hold_from_it():
    assert plan_source_uri("cy") == "cy/activities/plan.md"
    assert plan_dest_uri("cy/", use_directory_urls=True) == "cy/activities/plan/index.html"
    assert plan_dest_uri("", use_directory_urls=False) == "activities/plan.html"


def test_an_embedded_handout_has_ids_and_in_page_links_of_its_own():
    html = (
        '<h1 id="top">Title<a class="headerlink" href="#top" title="x">¶</a></h1>'
        '<section aria-labelledby="a b" class="s"><label for="box">Box</label>'
        '<input id="box"></section><a href="../../films/x/#t-00-28">moment</a>'
        '<a href="https://example.org/#id" data-print-href="https://example.org/#id">away</a>'
        '<p>id="top" href="#top" in text</p>'
    )
    assert embedded_handout(html, "one", "cy/activities/one/", "cy/activities/plan/") == (
        '<h1 id="one--top">Title<a class="headerlink" href="#one--top" title="x">¶</a></h1>'
        '<section aria-labelledby="one--a one--b" class="s"><label for="one--box">Box</label>'
        '<input id="one--box"></section><a href="../../films/x/#t-00-28">moment</a>'
        '<a href="https://example.org/#id" data-print-href="https://example.org/#id">away</a>'
        '<p>id="top" href="#top" in text</p>'
    )


@pytest.mark.parametrize(("address", "guide", "planner", "expected"), [
    # Directory URLs: the guide's own folder is not the planner's.
    ("present/", "activities/one/", "activities/plan/", "../one/present/"),
    ("../plan/?a=one", "activities/one/", "activities/plan/", "./?a=one"),
    ("../../principles/x/#y", "cy/activities/one/", "cy/activities/plan/",
     "../../principles/x/#y"),
    ("../../", "activities/one/", "activities/plan/", "../../"),
    # The offline pack's files: one folder for both.
    ("one/present.html", "activities/one.html", "activities/plan.html", "one/present.html"),
    ("../films/x.html#t-00-28", "activities/one.html", "activities/plan.html",
     "../films/x.html#t-00-28"),
    # Not relative: unchanged.
    ("https://example.org/a/", "activities/one/", "activities/plan/", "https://example.org/a/"),
    ("mailto:a@example.org", "activities/one/", "activities/plan/", "mailto:a@example.org"),
    ("/root/", "activities/one/", "activities/plan/", "/root/"),
])
def test_an_embedded_handouts_links_lead_where_they_lead_from_its_guide(
    address, guide, planner, expected
):
    assert rebased(address, guide, planner) == expected
    assert f'href="{expected}"' in embedded_handout(f'<a href="{address}">x</a>', "one", guide,
                                                    planner)


@pytest.mark.build
def test_every_relative_link_of_the_built_planners_leads_to_a_file(site_dir):
    from bs4 import BeautifulSoup

    for language in ("en", "cy"):
        planner = site_dir / plan_dest_uri("" if language == "en" else "cy/", True)
        soup = BeautifulSoup(planner.read_text(encoding="utf-8"), "lxml")
        handouts = soup.select("[data-plan-handout]")
        assert [h["data-plan-handout"] for h in handouts] == list(ACTIVITIES[language])
        ids = [element["id"] for element in soup.select("[id]")]
        assert len(ids) == len(set(ids))
        relative = [
            link["href"] for link in soup.select("[data-plan-handout] a[href]")
            if not re.match(r"[a-z]+:|#|/", link["href"])
        ]
        assert len(relative) > 3 * len(handouts)
        for href in relative:
            target = (planner.parent / href.split("?")[0].split("#")[0]).resolve()
            assert (target / "index.html" if target.is_dir() else target).is_file(), href


def test_a_length_is_written_in_hours_and_minutes_in_both_languages():
    assert duration_label(45, "en") == "45 minutes"
    assert duration_label(60, "en") == "1 hour"
    assert duration_label(150, "en") == "2 hours 30 minutes"
    assert duration_label(62, "cy") == "1 awr 2 funud"
    assert duration_label(120, "cy") == "2 awr"


def test_a_guide_cannot_take_the_planners_name():
    plugin = LeadershipPlugin()
    guide = SimpleNamespace(slug="plan", path="docs/en/activities/plan.md")
    plugin.content = SimpleNamespace(activities={"en": [guide]})
    with pytest.raises(ContentProblems) as raised:
        plugin.on_files(Files([]), SimpleNamespace(theme={"language": "en"}))
    assert "docs/en/activities/plan.md:1: activity-location: activities/plan/ is the session " \
        "planner" in str(raised.value)


# --- the planner in Chromium --------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cy"])
def test_three_activities_give_the_total_and_start_times_and_the_address_keeps_them(
    page, site_url, language
):
    ui = strings_for(language)
    page.goto(site_url + ("" if language == "en" else "cy/") + "activities/")
    page.get_by_role("link", name=ui["plan_link"]).click()
    # planner.js has read the (empty) address and written the start time into it.
    expect(page).to_have_url(re.compile(re.escape(PLANNER + f"?a=&start={DEFAULT_START}") + "$"))
    assert page.locator("[data-plan-total]").get_attribute("data-plan-total") == "0"
    assert page.locator("[data-plan-empty]").is_visible()
    for slug in MORNING:
        page.locator(f"[data-plan-choose][value='{slug}']:visible").first.check()
    total = total_of(language, MORNING)
    assert page.locator("[data-plan-total]").get_attribute("data-plan-total") == str(total)
    assert page.locator("[data-plan-total]").inner_text() == duration_label(total, language)
    assert agenda_lines(page) == expected_agenda(language, MORNING, DEFAULT_START)
    hours, minutes = divmod(9 * 60 + 30 + total, 60)
    assert page.locator("[data-plan-ends]").inner_text() == ui["plan_ends"].format(
        time=f"{hours:02d}:{minutes:02d}"
    )
    assert page.url.endswith(f"?a={','.join(MORNING)}&start={DEFAULT_START}")
    # Every box for an activity (it is in several groups) shows it is chosen.
    boxes = page.locator(f"[data-plan-choose][value='{MORNING[0]}']")
    assert boxes.count() > 1
    assert all(boxes.nth(i).is_checked() for i in range(boxes.count()))

    # A new start time moves every start.
    page.locator("[data-plan-start]").fill("13:05")
    assert agenda_lines(page) == expected_agenda(language, MORNING, "13:05")
    assert page.url.endswith("&start=13:05")

    # By keyboard: the last activity moves up, and the button keeps the focus.
    up = page.locator("[data-plan-item]").nth(2).locator("[data-plan-move='up']")
    up.focus()
    page.keyboard.press("Enter")
    reordered = [MORNING[0], MORNING[2], MORNING[1]]
    assert agenda_lines(page) == expected_agenda(language, reordered, "13:05")
    focused = page.evaluate(
        "() => [document.activeElement.dataset.planMove,"
        " document.activeElement.closest('[data-plan-item]').dataset.planItem]"
    )
    assert focused == ["up", MORNING[2]]
    assert page.locator("[data-plan-announce]").inner_text() == ui["plan_moved"].format(
        title=ACTIVITIES[language][MORNING[2]].title, position=2, count=3
    )
    query = f"?a={','.join(reordered)}&start=13:05"
    assert page.url.endswith(query)
    assert page.locator("[data-plan-address]").get_attribute("href") == query
    other = "cy" if language == "en" else "en"
    switch = page.locator(f"a[data-cl-language-switch][hreflang='{other}']")
    assert switch.get_attribute("href").endswith(query)

    # Removed by its button; unchosen by its box.
    page.locator("[data-plan-item]").nth(0).locator("[data-plan-move='remove']").click()
    page.locator(f"[data-plan-choose][value='{MORNING[1]}']:visible").first.uncheck()
    assert agenda_lines(page) == expected_agenda(language, [MORNING[2]], "13:05")
    assert page.url.endswith(f"?a={MORNING[2]}&start=13:05")

    # The address read back: the bookmarked plan in the other language.
    page.goto(planner_url(site_url, other, query))
    assert agenda_lines(page) == expected_agenda(other, reordered, "13:05")
    assert page.locator("[data-plan-start]").input_value() == "13:05"
    assert page.locator("[data-plan-note]").is_hidden()


@pytest.mark.browser
def test_unknown_activities_and_a_wrong_start_in_the_address_are_left_out_and_said(
    page, site_url
):
    ui = strings_for("cy")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Names every JavaScript object answers to are no activity either.
    page.goto(planner_url(site_url, "cy", f"?a=no-such-thing,{MORNING[0]},,{MORNING[0]},x,"
                                          "constructor,__proto__,toString&start=25:61"))
    note = page.locator("[data-plan-note]")
    expect(note).to_be_visible()
    assert note.inner_text() == " ".join([
        ui["plan_unknown"].format(names="no-such-thing, x, constructor, __proto__, toString"),
        ui["plan_bad_start"].format(time=DEFAULT_START),
    ])
    assert agenda_lines(page) == expected_agenda("cy", [MORNING[0]], DEFAULT_START)
    assert page.url.endswith(f"?a={MORNING[0]}&start={DEFAULT_START}")
    assert errors == []


@pytest.mark.browser
def test_a_guide_and_its_presenter_view_open_the_planner_with_the_activity_chosen(
    page, site_url
):
    slug = MORNING[1]
    ui = strings_for("cy")
    page.goto(site_url + f"cy/activities/{slug}/present/")
    written = re.compile(re.escape(f"cy/{PLANNER}?a={slug}&start={DEFAULT_START}") + "$")
    page.get_by_role("link", name=ui["present_plan_link"]).click()
    expect(page).to_have_url(written)
    assert agenda_lines(page) == expected_agenda("cy", [slug], DEFAULT_START)
    page.goto(site_url + f"activities/{slug}/")
    page.get_by_role("link", name=strings_for("en")["present_plan_link"]).click()
    expect(page).to_have_url(re.compile(re.escape(f"/{PLANNER}?a={slug}&start=") + r"\d"))
    assert agenda_lines(page) == expected_agenda("en", [slug], DEFAULT_START)


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_printed_pack_is_the_agenda_then_each_chosen_handout_in_order(
    page, site_url, artifacts_dir, language
):
    chosen = [MORNING[2], MORNING[0]]
    page.goto(planner_url(site_url, language, f"?a={','.join(chosen)}&start=10:00"))
    # Not print/: test_print.py empties that folder for its own.
    folder = artifacts_dir / "session-pack"
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / f"{language}-session-pack.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info.stdout).groups()
    assert abs(float(size[0]) - A4_POINTS[0]) < 3 and abs(float(size[1]) - A4_POINTS[1]) < 3
    pages = pdf_pages(pdf)
    text = "\n".join(pages)
    flat = re.sub(r"\s+", " ", text)
    ui = strings_for(language)
    # The first page: the agenda, nothing of the chooser.
    assert ui["plan_agenda"] in pages[0]
    for line in expected_agenda(language, chosen, "10:00"):
        assert line.split(" (")[0].split(" ", 1)[1] in pages[0]
        assert line.split(" ", 1)[0] in pages[0]
    assert ui["plan_choose"] not in text and ui["plan_print"] not in text
    total = duration_label(total_of(language, chosen), language)
    assert f"{ui['plan_total']}: {total}" in flat
    # Then each chosen handout, from a new page, in the chosen order, with its QR code and
    # the guide's address under it; no other guide's handout.
    prefix = "" if language == "en" else f"{language}/"
    starts = []
    for slug in chosen:
        activity = ACTIVITIES[language][slug]
        starts.append(
            next(n for n, on_page in enumerate(pages) if n and activity.title in on_page)
        )
        for step in activity.steps:
            assert step.title in text
        for heading in SECTION_HEADINGS[language]:
            assert heading in text
    assert starts == sorted(set(starts)), "the handouts are not in the chosen order"
    # Each handout with its QR code and the guide's address under it: the chosen guides, in
    # order, and no other.
    # (A link's address is printed in brackets after it; the code's address stands alone.)
    assert squash(text).count(squash(ui["print_qr_caption"])) == len(chosen)
    guide_address = re.escape(squash(site_address() + prefix)) + r"activities/([a-z0-9-]+)/"
    under_codes = re.findall(r"(?<!\()" + guide_address + r"(?!present/)", squash(text))
    assert under_codes == chosen


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cy"])
def test_without_javascript_the_planner_lists_every_activity_with_its_length(
    no_script_page, site_url, language
):
    page = no_script_page
    page.goto(planner_url(site_url, language, f"?a={MORNING[0]}"))
    ui = strings_for(language)
    # (Playwright's text search skips <noscript>: find the message by its class.)
    message = page.locator(".cl-plan__no-script")
    assert message.is_visible() and message.inner_text() == ui["plan_needs_javascript"]
    assert page.locator("[data-plan-choose]:visible").count() == 0
    assert page.locator(".cl-plan__agenda").is_hidden()
    listed = page.locator(".cl-plan-choice:visible")
    shown = {}
    for index in range(listed.count()):
        item = listed.nth(index)
        shown[item.locator("label").inner_text()] = (
            item.locator(".cl-plan-choice__time").inner_text(),
            item.locator("a").get_attribute("href"),
        )
    assert len(shown) == len(ACTIVITIES[language])
    for slug, activity in ACTIVITIES[language].items():
        time, href = shown[activity.title]
        assert time == f"({minutes_label(activity.duration, language)})"
        assert href == f"../{slug}/"


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_planner_has_no_axe_violations(page, site_url, language):
    """At each width (a phone, then two projectors, as a trainer widens the window or
    plugs one in), in both of the list's views. The page is loaded once: a load costs more
    than the checks at each width."""
    violations = []
    # A plan, and a note about a name the site does not know: every part is on show.
    plan = planner_url(site_url, language, f"?a={','.join(MORNING)},nothing&start=09:00")
    for number, (width, (columns, rows)) in enumerate(WORKSHOP_VIEWPORTS.items()):
        page.set_viewport_size({"width": columns, "height": rows})
        if number == 0:
            page.goto(plan)
        page.locator("#plan-view-principle").check()
        violations += run_axe(page, PLANNER, width)
        page.locator("#plan-view-length").check()
        violations += run_axe(page, PLANNER + " (by length)", width)
    assert not violations, "\n" + "\n".join(map(str, violations))
