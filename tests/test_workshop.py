"""Workshop mode: each activity's presenter view (one step at a time, timers from the clock,
keyboard and buttons, the language switch keeping the step), in both languages, in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from harness.accessibility import WORKSHOP_VIEWPORTS, run_axe
from lxml import html as lxml_html
from playwright.sync_api import expect

from leadership.activities.presenting import guide_parts, moments_by_step, one_folder_deeper
from leadership.activities.schema import check_activities
from leadership.interface import strings_for

PROJECT = Path(__file__).resolve().parents[1]
CHECKED = check_activities(PROJECT / "docs", PROJECT / "transcripts", PROJECT)
ACTIVITIES = [
    activity for language in ("en", "cy") for activity in CHECKED.activities[language]
]
PRESENTER = "activities/listening-with-fascination/present/"
# Listening with fascination: 5, 3, 15 and 7 minutes.
STEP_MINUTES = [5, 3, 15, 7]
# Every text the live region is given, in order (it must speak only twice per step).
RECORD_ANNOUNCEMENTS = """
window.clAnnounced = [];
new MutationObserver(() => {
  const text = document.querySelector("[data-present-announce]").textContent;
  if (text) window.clAnnounced.push(text);
}).observe(document.querySelector("[data-present-announce]"),
           {childList: true, characterData: true, subtree: true});
"""


def presenter_url(site_url: str, language: str, path: str = PRESENTER) -> str:
    return site_url + ("" if language == "en" else "cy/") + path


def freeze_clock(page) -> None:
    """Stop the page's clock (installed before it loaded): from now on time moves only
    when the test moves it, whatever the machine's speed."""
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)


def step_timer(page) -> str:
    return page.locator('[data-present-timer="step"]').inner_text()


def visible_step(page) -> str:
    visible = page.locator("[data-present-step]:visible")
    # Every step shows until presenter.js has run (as without JavaScript): wait for one.
    expect(visible).to_have_count(1)
    return visible.get_attribute("data-present-step")


# --- the model --------------------------------------------------------------------------


def test_every_guide_gives_one_set_of_instructions_per_step():
    for activity in ACTIVITIES:
        body = (PROJECT / activity.path).read_text(encoding="utf-8").split("\n---\n", 1)[1]
        parts = guide_parts(body)
        assert len(parts.instructions) == len(activity.steps), activity.path
        assert all(text and not text.startswith("**") for text in parts.instructions)
        assert "{ #facilitator-notes }" in parts.rest


def test_a_film_moment_goes_to_the_step_that_names_its_time():
    activity = next(
        a for a in CHECKED.activities["en"] if a.slug == "listening-with-fascination"
    )
    instructions = ["Play the film from 0:28 to about 0:37.", "Form groups.", "Talk.", "Review."]
    # 0:28 is named in step 1; 0:35 by no step, so it goes to the step that plays the film.
    assert moments_by_step(activity, instructions) == [[0, 1], [], [], []]
    instructions = ["Introduce.", "Form groups.", "Talk.", "Review, from 0:35."]
    # 0:35 is named in step 4; 0:28 by no step, and no step speaks of the film: step 1.
    assert moments_by_step(activity, instructions) == [[0], [], [], [1]]


def test_relative_links_are_seen_from_one_folder_down():
    text = "[a](../reading/x.md) [b](https://example.org/) [c](#here) [d](other.md)"
    assert one_folder_deeper(text) == (
        "[a](../../reading/x.md) [b](https://example.org/) [c](#here) [d](../other.md)"
    )


def test_every_presenter_page_has_one_element_per_step_of_its_guide(site_dir):
    for activity in ACTIVITIES:
        built = site_dir / ("" if activity.language == "en" else "cy") / "activities"
        page = lxml_html.parse(str(built / activity.slug / "present" / "index.html"))
        steps = page.xpath("//*[@data-present-step]")
        assert [step.get("data-present-step") for step in steps] == [
            str(n) for n in range(1, len(activity.steps) + 1)
        ], activity.slug
        for step, element in zip(activity.steps, steps, strict=True):
            assert step.title in " ".join(element.text_content().split()), activity.slug
        assert len(page.xpath("//*[@data-present-timer]")) == 3, activity.slug


# --- the presenter view in Chromium -------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_presenter_view_shows_one_step_at_a_time(page, site_url, language):
    page.goto(presenter_url(site_url, language))
    steps = page.locator("[data-present-step]")
    assert steps.count() > 1
    expect(page.locator("[data-present-step]:visible")).to_have_count(1)


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_guide_links_to_its_presenter_view(page, site_url, language):
    page.goto(presenter_url(site_url, language, "activities/listening-with-fascination/"))
    page.locator("a.cl-present-link").click()
    expect(page).to_have_url(re.compile(r"activities/listening-with-fascination/present/#step-1$"))
    page.get_by_role("link", name=strings_for(language)["present_back"]).click()
    expect(page).to_have_url(re.compile(r"activities/listening-with-fascination/$"))


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_keyboard_walks_through_a_whole_activity(page, site_url, language):
    page.goto(presenter_url(site_url, language))
    assert visible_step(page) == "1"
    for number in range(2, 5):
        page.keyboard.press("ArrowRight")
        assert visible_step(page) == str(number)
        assert page.url.endswith(f"#step-{number}")
        assert step_timer(page) == f"{STEP_MINUTES[number - 1]}:00"
    page.keyboard.press("ArrowRight")  # past the last step: stays there
    assert visible_step(page) == "4"
    page.keyboard.press("ArrowLeft")
    assert visible_step(page) == "3"
    page.keyboard.press("Home")
    assert visible_step(page) == "1"
    page.keyboard.press("End")
    assert visible_step(page) == "4"
    page.keyboard.press("PageUp")
    assert visible_step(page) == "3"
    # With the sound box ticked, a clicker's keys still move between the steps.
    page.locator("[data-present-sound]").check()
    page.keyboard.press("PageDown")
    assert visible_step(page) == "4"
    page.keyboard.press("ArrowLeft")
    assert visible_step(page) == "3"


@pytest.mark.own_context
@pytest.mark.browser
def test_the_buttons_move_between_steps_and_run_the_timer(page, site_url):
    page.clock.install()
    page.goto(presenter_url(site_url, "cy"))
    freeze_clock(page)
    ui = strings_for("cy")
    page.get_by_role("button", name=ui["present_next"]).click()
    assert visible_step(page) == "2"
    page.get_by_role("button", name=ui["present_start"]).click()
    # The display is redrawn four times a second: half a second more is past the next redraw.
    page.clock.run_for(30_500)
    assert step_timer(page) == "2:30"
    assert page.locator('[data-present-timer="elapsed"]').inner_text() == "0:30"
    page.get_by_role("button", name=ui["present_pause"]).click()
    page.clock.run_for(60_000)
    assert step_timer(page) == "2:30"  # paused: the clock runs, the timer does not
    page.get_by_role("button", name=ui["present_previous"]).click()
    assert visible_step(page) == "1" and step_timer(page) == "5:00"
    page.get_by_role("button", name=ui["present_reset"]).click()
    page.get_by_role("button", name=ui["present_next"]).click()
    assert step_timer(page) == "3:00"
    assert page.locator('[data-present-timer="elapsed"]').inner_text() == "0:00"
    assert page.locator('[data-present-timer="planned"]').inner_text() == "30 munud"


@pytest.mark.own_context
@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cy"])
def test_space_starts_and_pauses_and_the_cues_are_announced_once(page, site_url, language):
    ui = strings_for(language)
    page.clock.install()
    page.goto(presenter_url(site_url, language))
    freeze_clock(page)
    page.evaluate(RECORD_ANNOUNCEMENTS)
    root = page.locator("[data-present]")
    page.keyboard.press(" ")
    # The display is redrawn four times a second: half a second more is past the next redraw.
    page.clock.run_for(3 * 60_000 + 59_500)
    assert step_timer(page) == "1:01"
    assert page.evaluate("window.clAnnounced") == []
    page.clock.run_for(2_000)
    assert step_timer(page) == "0:59"
    assert "cl-present--one-minute" in root.get_attribute("class")
    page.clock.run_for(30_000)
    assert page.evaluate("window.clAnnounced") == [
        ui["present_one_minute_left"].format(number=1)
    ]
    page.clock.run_for(40_000)
    assert step_timer(page) == "0:00"
    assert "cl-present--time-up" in root.get_attribute("class")
    assert "cl-present--one-minute" not in root.get_attribute("class")
    page.clock.run_for(120_000)
    assert page.evaluate("window.clAnnounced") == [
        ui["present_one_minute_left"].format(number=1),
        ui["present_time_up"].format(number=1),
    ]
    page.keyboard.press(" ")  # pause
    elapsed = page.locator('[data-present-timer="elapsed"]').inner_text()
    assert elapsed == "7:11"
    page.clock.run_for(60_000)
    assert page.locator('[data-present-timer="elapsed"]').inner_text() == elapsed


@pytest.mark.own_context
@pytest.mark.browser
def test_the_timer_keeps_time_in_a_background_tab(page, site_url):
    other = page
    other.goto(site_url)
    presenter = page.context.new_page()
    presenter.clock.install()
    presenter.goto(presenter_url(site_url, "en"))
    freeze_clock(presenter)
    presenter.keyboard.press("End")  # step 4: 7 minutes
    presenter.keyboard.press(" ")
    other.bring_to_front()
    # The clock jumps on: no interval fires in between, as in a throttled background tab.
    presenter.clock.fast_forward("05:30")
    presenter.bring_to_front()
    presenter.clock.run_for(500)
    assert step_timer(presenter) == "1:30"
    assert presenter.locator('[data-present-timer="elapsed"]').inner_text() == "5:30"


@pytest.mark.browser
def test_the_language_switch_keeps_the_current_step(page, site_url):
    page.goto(presenter_url(site_url, "en") + "#step-3")
    assert visible_step(page) == "3"
    page.keyboard.press("ArrowLeft")
    page.locator("a[data-cl-language-switch][hreflang='cy']").click()
    expect(page).to_have_url(re.compile("/cy/" + PRESENTER + "#step-2$"))
    assert page.locator("html").get_attribute("lang") == "cy"
    assert visible_step(page) == "2"
    assert "Ffurfio grwpiau o dri" in page.locator("[data-present-step]:visible").inner_text()


@pytest.mark.browser
def test_each_step_quotes_its_film_moment_from_the_transcript(page, site_url):
    page.goto(presenter_url(site_url, "cy"))
    step = page.locator("[data-present-step='1']")
    assert "Gwrando arnyn nhw â diddordeb byw." in step.locator("blockquote").nth(1).inner_text()
    link = step.get_by_role("link", name="0:28")
    assert link.get_attribute("href").endswith(
        "films/what-compassionate-leadership-means/#t-00-28"
    )


@pytest.mark.browser
def test_without_javascript_the_presenter_view_is_the_whole_guide(no_script_page, site_url):
    page = no_script_page
    page.goto(presenter_url(site_url, "en"))
    assert page.locator("[data-present-step]:visible").count() == 4
    assert page.locator("[data-present-panel]").is_hidden()
    assert page.locator("#facilitator-notes").is_visible()
    assert page.locator("#debrief-questions").is_visible()


@pytest.mark.own_context
@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_presenter_view_has_no_axe_violations(page, site_url, language):
    """At each width (a phone, two projectors): at rest, with one minute left and at time
    up. The widths share one browser context (the clock is the context's; a context costs
    more than the page), each starting from a fresh load of the page."""
    page.clock.install()
    violations = []
    for width, (columns, rows) in WORKSHOP_VIEWPORTS.items():
        page.set_viewport_size({"width": columns, "height": rows})
        page.goto(presenter_url(site_url, language))
        violations += run_axe(page, PRESENTER, width)  # axe needs the clock running
        page.keyboard.press(" ")
        page.clock.run_for(4 * 60_000 + 30_000)  # the one-minute cue's colours
        violations += run_axe(page, PRESENTER + " (one minute left)", width)
        page.clock.run_for(60_000)  # time up's colours
        violations += run_axe(page, PRESENTER + " (time up)", width)
    assert not violations, "\n" + "\n".join(map(str, violations))


def _luminance(rgb: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.browser
def test_projector_body_text_has_at_least_7_to_1_contrast(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(presenter_url(site_url, "en"))
    colours = page.evaluate("""() => {
      const text = document.querySelector("[data-present-step]:not([hidden]) p:not([class])");
      const style = getComputedStyle(text);
      let back = text, background = "rgba(0, 0, 0, 0)";
      while (back && (background === "rgba(0, 0, 0, 0)" || background === "transparent")) {
        background = getComputedStyle(back).backgroundColor;
        back = back.parentElement;
      }
      return [style.color, background, parseFloat(style.fontSize)];
    }""")
    foreground, background, size = colours
    lighter, darker = sorted([_luminance(foreground), _luminance(background)], reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 7
    assert size >= 20  # large type on a 1280x720 projector


# Where the visible step's title and the panel are, in the window.
TITLE_AND_PANEL = """() => {
  const panel = document.querySelector("[data-present-panel]").getBoundingClientRect();
  const title = document.querySelector(
    "[data-present-step]:not([hidden]) .cl-present-step__title").getBoundingClientRect();
  return {panelBottom: panel.bottom, titleTop: title.top, titleBottom: title.bottom,
          windowHeight: window.innerHeight};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", ["projector", "wide projector"])
def test_the_step_title_is_always_in_view_below_the_panel(page, site_url, artifacts_dir, width):
    columns, rows = WORKSHOP_VIEWPORTS[width]
    page.set_viewport_size({"width": columns, "height": rows})
    page.goto(presenter_url(site_url, "en") + "#step-1")

    def in_view(moment: str) -> None:
        where = page.evaluate(TITLE_AND_PANEL)
        assert where["panelBottom"] - 1 <= where["titleTop"], (moment, where)
        assert where["titleBottom"] <= where["windowHeight"], (moment, where)

    in_view("on load")
    for number in range(2, 5):
        page.keyboard.press("ArrowRight")
        in_view(f"at step {number}")
        page.mouse.wheel(0, 600)
        page.evaluate("() => new Promise(requestAnimationFrame)")
        in_view(f"at step {number}, scrolled")
    page.keyboard.press("Home")
    in_view("back at step 1")
    # The activity's title is in the panel, so in view too.
    title = page.locator("[data-present-panel] h1")
    assert title.is_visible()
    assert title.inner_text().removesuffix("¶").strip() == "Listening with fascination"
    page.screenshot(path=str(artifacts_dir / f"presenter-{columns}x{rows}.png"))
