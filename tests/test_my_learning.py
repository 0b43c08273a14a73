"""My learning: reading time, private notes per reflection question, pages marked as done,
progress, the CPD record (print and CSV), the JSON backup, delete-all, storage blocked and
JavaScript off, in both languages. Everything is kept in the browser only."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from harness.accessibility import VIEWPORTS, run_axe
from playwright.sync_api import expect

from leadership.interface import strings_for
from leadership.learning import (
    LEARNING_KINDS,
    film_minutes,
    page_key,
    question_ids,
    reading_minutes,
    reflection_question_problems,
    reflection_questions,
    time_text,
)
from leadership.pages.checks import check_pages
from leadership.subtitles.films import load_films

FIXTURES = Path(__file__).parent / "fixtures" / "learning"
PROJECT = Path(__file__).resolve().parents[1]
FILMS = {film.slug: film for film in load_films(PROJECT / "transcripts")}
STORAGE_KEY = "cl-my-learning"
EN = strings_for("en")
CY = strings_for("cy")
# A page of each kind: a principle (reading time), an activity (its duration), a film (length).
DONE_PAGES = [
    ("principles/attending/", "Attending"),
    ("activities/listening-with-fascination/", "Listening with fascination"),
    ("films/leading-in-a-crisis/", "Compassionate leadership in a crisis"),
]
# localStorage that throws, as in a private window or with site data blocked.
STORAGE_BLOCKED = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); }
});
"""


# --- the domain module ---------------------------------------------------------------


def test_a_page_key_is_the_same_in_both_languages():
    assert page_key("en/principles/attending.md", "en") == "principles/attending/"
    assert page_key("cy/principles/attending.md", "cy") == "principles/attending/"
    assert page_key("cy/principles/index.md", "cy") == "principles/"
    assert page_key("en/index.md", "en") == ""


def test_reading_time_counts_words_and_rounds_up():
    assert reading_minutes("<p>" + "gair " * 200 + "</p>") == 1
    assert reading_minutes("<p>" + "word " * 201 + "</p>") == 2
    assert reading_minutes("") == 1
    # Tags, entities and permalink signs are not words.
    heading = '<h2 id="x">Title<a class="headerlink" href="#x">&para;</a></h2>'
    assert reading_minutes(heading + "<p>" + "word " * 399 + "</p>") == 2


def test_a_film_counts_for_its_length_rounded_up_to_the_minute():
    assert film_minutes("04:56") == 5
    assert film_minutes("03:00") == 3
    assert film_minutes("00:20") == 1


def test_welsh_times_mutate_after_one_and_two():
    assert [time_text(n, "cy") for n in (1, 2, 3, 12)] == [
        "Tua 1 funud", "Tua 2 funud", "Tua 3 munud", "Tua 12 munud"
    ]
    assert [time_text(n, "en") for n in (1, 2, 12)] == [
        "About 1 minute", "About 2 minutes", "About 12 minutes"
    ]


def test_reflection_questions_are_read_from_their_section_only():
    html = (
        '<h2 id="in-practice">In practice</h2><ol><li>Not a question</li></ol>'
        '<h2 id="reflection-questions">Reflection questions</h2>'
        "<ol>\n<li>When did you <em>last</em> listen?</li>\n<li>Who &amp; why?</li>\n</ol>"
        '<h2 id="related">Related</h2><ol><li>Nor this</li></ol>'
    )
    questions, end = reflection_questions(html)
    assert questions == ("When did you last listen?", "Who & why?")
    assert html[:end].endswith("</ol>") and html[end:].startswith('<h2 id="related">')
    assert reflection_questions("<h2 id='other'>x</h2><ol><li>a</li></ol>") == ((), None)
    assert question_ids(3) == ("q1", "q2", "q3")


def _source_problems(fixture: str) -> list[str]:
    root = FIXTURES / fixture
    docs = root / "docs"
    texts = {path: path.read_text("utf-8") for path in sorted(docs.rglob("*.md"))}
    return [str(problem) for problem in reflection_question_problems(texts, docs, root)]


def test_reflection_questions_that_are_not_a_numbered_list_are_reported_at_their_heading():
    assert _source_problems("questions-as-paragraphs") == [
        "docs/cy/principles/kindness.md:9: reflection-questions-parity: 2 reflection questions "
        "here, 0 in docs/en/principles/kindness.md: keep the same questions in the same order "
        "in both languages, so a reader's notes stay with their question",
        "docs/en/principles/kindness.md:9: reflection-questions-list: write the reflection "
        "questions as one numbered list straight under this heading (1. 2. 3.), with nothing "
        "else in the section, so each question gets its own notes box",
    ]


def test_a_different_number_of_questions_in_welsh_is_reported():
    assert _source_problems("questions-differ-between-languages") == [
        "docs/cy/principles/kindness.md:9: reflection-questions-parity: 2 reflection questions "
        "here, 3 in docs/en/principles/kindness.md: keep the same questions in the same order "
        "in both languages, so a reader's notes stay with their question",
    ]


def test_the_site_s_reflection_questions_pass_the_page_checks():
    problems, checked = check_pages(PROJECT)
    assert [p for p in problems if p.rule.startswith("reflection-")] == [] and checked > 50


# --- the built pages ------------------------------------------------------------------


def _learning_sources(language: str) -> dict[str, str]:
    """Each learning page's built path and kind, from its source's front matter."""
    root = PROJECT / "docs" / language
    pages = {}
    for source in sorted(root.rglob("*.md")):
        kind = re.search(r"^kind: (\S+)$", source.read_text("utf-8"), re.M)
        if kind and kind[1] in LEARNING_KINDS:
            pages[source.relative_to(root).with_suffix("").as_posix() + "/"] = kind[1]
    return pages


@pytest.mark.build
def test_every_learning_page_has_its_time_notes_and_done_control_in_both_languages(site_dir):
    pages = _learning_sources("en")
    assert set(pages) == set(_learning_sources("cy")) and len(pages) >= 20
    for path, kind in pages.items():
        boxes = {}
        for language, prefix in (("en", ""), ("cy", "cy/")):
            html = (site_dir / prefix / path / "index.html").read_text("utf-8")
            soup = BeautifulSoup(html, "html.parser")
            time = soup.select_one("[data-learning-minutes]")
            assert time is not None, f"{prefix}{path}: no reading time"
            minutes = int(time["data-learning-minutes"])
            assert time.get_text(" ", strip=True) == time_text(minutes, language)
            # At the top: straight after the title.
            assert time.find_previous_sibling("h1") is not None, f"{prefix}{path}"
            boxes[language] = [b["data-learning-note"] for b in soup.select("[data-learning-note]")]
            for box in soup.select("textarea[data-learning-note]"):
                label = soup.select_one(f"label[for='{box['id']}']")
                assert label and label.get_text(strip=True), f"{prefix}{path}: unlabelled note"
            assert soup.select_one("input[type=checkbox][data-learning-done]") is not None
            assert soup.select_one("noscript .cl-learning__no-script") is not None
        assert boxes["en"] == boxes["cy"], path
        assert boxes["en"], path
        if kind == "activity":
            duration = re.search(
                r"^duration: (\d+)$", (PROJECT / "docs/en" / path.rstrip("/")).with_suffix(".md")
                .read_text("utf-8"), re.M)
            assert minutes == int(duration[1])


@pytest.mark.build
def test_reflection_questions_each_get_a_notes_box_and_other_pages_get_one(site_dir):
    soup = BeautifulSoup(
        (site_dir / "principles/attending/index.html").read_text("utf-8"), "html.parser"
    )
    questions = soup.select("#reflection-questions + ol > li")
    boxes = soup.select("[data-learning-note]")
    assert len(questions) == len(boxes) == 5
    assert [box["data-learning-note"] for box in boxes] == [
        f"principles/attending/#q{n}" for n in range(1, 6)
    ]
    label = soup.select_one("label[for='learning-note-q2']").get_text(" ", strip=True)
    assert label == "Your notes on question 2: " + questions[1].get_text(" ", strip=True)
    film = BeautifulSoup(
        (site_dir / "cy/films/leading-in-a-crisis/index.html").read_text("utf-8"), "html.parser"
    )
    assert [b["data-learning-note"] for b in film.select("[data-learning-note]")] == [
        "films/leading-in-a-crisis/#notes"
    ]
    assert film.select_one("[data-learning-minutes]")["data-learning-minutes"] == str(
        film_minutes(FILMS["leading-in-a-crisis"].duration)
    )


@pytest.mark.build
@pytest.mark.parametrize(("prefix", "title", "about"), [
    ("", "My learning", "Your notes"),
    ("cy/", "Fy nysgu", "Eich nodiadau"),
])
def test_my_learning_is_in_the_navigation_and_the_about_page_explains_privacy(
    site_dir, prefix, title, about
):
    home = BeautifulSoup((site_dir / prefix / "index.html").read_text("utf-8"), "html.parser")
    links = [a.get_text(strip=True) for a in home.select(".md-sidebar--primary a.md-nav__link")]
    assert title in links
    about_page = BeautifulSoup(
        (site_dir / prefix / "about/index.html").read_text("utf-8"), "html.parser"
    )
    section = about_page.select_one("#your-notes")
    assert section is not None and about in section.get_text()
    assert about_page.select_one("#your-notes ~ p a[href*='my-learning']") is not None


# --- in the browser -------------------------------------------------------------------


def _watch_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}') || 'null'") or "null")


def _status(page):
    return page.locator("[data-learning-status]")


def _mark_done(page, url: str) -> None:
    """Tick "mark as done" with the keyboard alone."""
    page.goto(url)
    box = page.locator("[data-learning-done]")
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()


def _write_note(page, question: int, text: str) -> None:
    box = page.locator(f"textarea[data-learning-note$='#q{question}']")
    box.focus()
    page.keyboard.insert_text(text)


@pytest.mark.browser
def test_a_note_written_in_welsh_shows_on_the_english_page(page, site_url):
    errors = _watch_errors(page)
    note = "Dysgais fod gwrando'n cymryd amser — ac mae'n werth chweil."
    page.goto(site_url + "cy/principles/attending/")
    _write_note(page, 2, note)
    page.reload()
    welsh = page.locator("textarea[data-learning-note='principles/attending/#q2']")
    assert welsh.input_value() == note
    page.goto(site_url + "principles/attending/")
    english = page.locator("textarea[data-learning-note='principles/attending/#q2']")
    assert english.input_value() == note
    first = page.locator("textarea[data-learning-note='principles/attending/#q1']")
    assert first.input_value() == ""
    # And back: an English note shows on the Welsh page.
    _write_note(page, 1, "Listening first")
    page.goto(site_url + "cy/principles/attending/")
    assert page.locator("textarea[data-learning-note$='#q1']").input_value() == "Listening first"
    assert _status(page).get_attribute("aria-live") == "polite"
    assert errors == []


@pytest.mark.browser
def test_three_pages_marked_done_show_in_my_learning_with_their_hours(page, site_url):
    errors = _watch_errors(page)
    minutes = []
    for path, _ in DONE_PAGES:
        _mark_done(page, site_url + path)
        expect(_status(page)).to_have_text(EN["learning_status_done"])
        minutes.append(int(page.locator("[data-learning-minutes]").get_attribute(
            "data-learning-minutes")))
        assert page.locator("[data-learning-done-on]").is_visible()
    assert minutes[1] == 30
    assert minutes[2] == film_minutes(FILMS["leading-in-a-crisis"].duration)

    page.goto(site_url + "my-learning/")
    items = page.locator("[data-learning-items] > li")
    assert items.count() == 3
    titles = [items.nth(i).locator("legend").inner_text() for i in range(3)]
    assert sorted(titles) == sorted(title for _, title in DONE_PAGES)
    expected_hours = [round(m / 60, 2) for m in minutes]
    assert page.locator("[data-learning-count]").inner_text() == "3"
    total = float(page.locator("[data-learning-total]").inner_text())
    assert total == pytest.approx(sum(expected_hours))

    # Editing an item's hours changes the total.
    hours = page.locator("[data-learning-hours='activities/listening-with-fascination/']")
    hours.fill("1.5")
    total = float(page.locator("[data-learning-total]").inner_text())
    assert total == pytest.approx(expected_hours[0] + 1.5 + expected_hours[2])

    # Done pages are marked in the navigation with text; the principles overview counts them.
    page.goto(site_url + "principles/")
    marked = page.locator(".md-nav a.md-nav__link:has([data-learning-mark])")
    assert "Attending" in marked.first.inner_text()
    assert "(done)" in marked.first.inner_text()
    # On the done page itself, the table of contents' links are not marked.
    page.goto(site_url + "principles/attending/")
    assert page.locator(".md-nav--primary a.md-nav__link:has([data-learning-mark])").count() == 1
    assert page.locator("a[href^='#']:has([data-learning-mark])").count() == 0
    page.goto(site_url + "principles/")
    assert page.locator("[data-learning-progress-text]").inner_text() == (
        "1 of 9 principles done."
    )
    page.goto(site_url + "cy/principles/")
    assert page.locator("[data-learning-progress-text]").inner_text() == (
        "Wedi gorffen 1 o'r 9 egwyddor."
    )
    assert "(wedi gorffen)" in page.locator(
        "article a:has([data-learning-mark])").first.inner_text()

    # Unticking takes the page off the record.
    page.goto(site_url + "principles/attending/")
    page.locator("[data-learning-done]").uncheck()
    assert "principles/attending/" not in _stored(page)["pages"]
    assert errors == []


@pytest.mark.browser
def test_notes_done_and_my_learning_work_with_the_keyboard_alone(page, site_url):
    page.goto(site_url + "cy/principles/attending/")
    last = page.locator("textarea[data-learning-note$='#q5']")
    last.focus()
    page.keyboard.type("Gyda'r bysellfwrdd")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-learning-done]')")
    page.keyboard.press("Space")
    expect(_status(page)).to_have_text(CY["learning_status_done"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.cl-learning__link') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cy/my-learning/")
    hours = page.locator("[data-learning-hours]")
    hours.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-learning-contribution]')")
    assert page.locator("[data-learning-total]").inner_text() == "2"
    assert page.locator("[data-learning-contribution]").input_value() == "Gyda'r bysellfwrdd"


def _prepare_record(page, site_url) -> None:
    """Two pages done, with notes holding a comma, a quote, a newline and a formula."""
    _mark_done(page, site_url + "principles/attending/")
    _write_note(page, 1, 'I listened, then said "thank you"\nand waited.')
    _write_note(page, 3, "My phone.")
    _mark_done(page, site_url + "cy/principles/helping/")
    page.goto(site_url + "my-learning/")
    contribution = page.locator("[data-learning-contribution='principles/helping/']")
    contribution.fill("=HYPERLINK(\"https://example.invalid\",\"click\")")


@pytest.mark.browser
def test_the_csv_record_has_the_four_fields_and_opens_cleanly_in_a_spreadsheet(page, site_url):
    _prepare_record(page, site_url)
    page.goto(site_url + "my-learning/")
    with page.expect_download() as download_info:
        page.locator("[data-learning-export='csv']").click()
    download = download_info.value
    assert re.fullmatch(r"cpd-record-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.startswith('"date","title","hours","contribution"\r\n')
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["date", "title", "hours", "contribution"]
    records = {row[1]: row for row in rows[1:]}
    assert set(records) == {"Attending", "Helping"}
    for row in rows[1:]:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[0])
        assert float(row[2]) > 0
    # Prefilled from the notes, with the comma, the quote and the newline intact.
    assert records["Attending"][3] == 'I listened, then said "thank you"\nand waited.\n\nMy phone.'
    # A formula is written as text.
    assert records["Helping"][3] == "'=HYPERLINK(\"https://example.invalid\",\"click\")"
    # Every field is quoted.
    for line in re.split(r"\r\n(?=\")", text.strip("\r\n")):
        assert re.fullmatch(r'"(?:[^"]|"")*"(?:,"(?:[^"]|"")*"){3}', line, re.S), line
    expect(_status(page)).to_have_text(EN["my_learning_csv_done"])

    page.goto(site_url + "cy/my-learning/")
    with page.expect_download() as download_info:
        page.locator("[data-learning-export='csv']").click()
    welsh = Path(download_info.value.path()).read_text("utf-8-sig")
    assert download_info.value.suggested_filename.startswith("cofnod-dpp-")
    rows = list(csv.reader(io.StringIO(welsh, newline="")))
    assert rows[0] == ["dyddiad", "teitl", "oriau", "cyfraniad"]
    assert {row[1] for row in rows[1:]} == {"Rhoi sylw", "Helpu"}


@pytest.mark.browser
@pytest.mark.parametrize(("prefix", "strings", "titles"), [
    ("", EN, ("Attending", "Helping")),
    ("cy/", CY, ("Rhoi sylw", "Helpu")),
])
def test_the_printed_record_is_a4_with_the_four_fields(
    page, site_url, artifacts_dir, prefix, strings, titles
):
    _prepare_record(page, site_url)
    page.goto(f"{site_url}{prefix}my-learning/")
    folder = artifacts_dir / "my-learning"
    folder.mkdir(exist_ok=True)
    pdf = folder / f"cpd-record-{prefix.rstrip('/') or 'en'}.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"Page size: .* pts \(A4\)", info.stdout), info.stdout
    text = " ".join(subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split())
    assert strings["my_learning_record_caption"] in text
    # The four fields' headings (pdftotext reads a heading that wraps in a cell in pieces).
    words = set(re.findall(r"[\w']+", text))
    for key in ("record_date", "record_title", "record_hours", "record_contribution"):
        heading = strings[f"my_learning_{key}"]
        assert set(re.findall(r"[\w']+", heading)) <= words, heading
    assert len(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)) == 2
    assert "My phone." in text and "=HYPERLINK" in text
    assert all(title in text for title in titles)
    # The record alone: not the page's text, its buttons or the site's navigation.
    assert strings["my_learning_export_csv"] not in text
    assert strings["my_learning_delete"] not in text


@pytest.mark.browser
def test_a_json_backup_moves_everything_to_a_fresh_browser(browser, page, site_url):
    _prepare_record(page, site_url)
    page.goto(site_url + "cy/my-learning/")
    with page.expect_download() as download_info:
        page.locator("[data-learning-export='json']").click()
    backup = Path(download_info.value.path())
    assert download_info.value.suggested_filename.startswith("copi-wrth-gefn-fy-nysgu-")
    data = json.loads(backup.read_text("utf-8"))
    assert data["format"] == "compassionate-leadership-my-learning" and data["version"] == 1
    before = _stored(page)

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(site_url + "my-learning/")
        assert other.locator("[data-learning-empty]").is_visible()
        # The page's own button (in the page's language) opens the file chooser.
        with other.expect_file_chooser() as chooser:
            other.get_by_role("button", name=EN["my_learning_import"]).click()
        chooser.value.set_files(str(backup))
        expect(other.locator("[data-learning-count]")).to_have_text("2")
        expect(_status(other)).to_have_text("Backup restored. Pages done: 2. Notes: 2.")
        assert _stored(other) == before
        other.goto(site_url + "principles/attending/")
        assert other.locator("textarea[data-learning-note$='#q3']").input_value() == "My phone."
        assert other.locator("[data-learning-done]").is_checked()
    finally:
        fresh.close()


@pytest.mark.browser
@pytest.mark.parametrize(("fixture", "message"), [
    ("backup-cut-short.json", "import_corrupt"),
    ("backup-with-a-bad-date.json", "import_corrupt"),
    ("backup-from-a-future-version.json", "import_future"),
    ("not-a-backup.json", "import_not_backup"),
    ("not-a-backup.csv", "import_not_backup"),
])
@pytest.mark.parametrize(("prefix", "strings"), [("", EN), ("cy/", CY)])
def test_a_file_that_is_not_a_usable_backup_changes_nothing(
    page, site_url, fixture, message, prefix, strings
):
    _mark_done(page, site_url + "principles/attending/")
    _write_note(page, 1, "Keep me")
    page.goto(f"{site_url}{prefix}my-learning/")
    before = _stored(page)
    page.locator("[data-learning-import]").set_input_files(str(FIXTURES / fixture))
    expect(_status(page)).to_have_text(strings[f"my_learning_{message}"])
    assert _stored(page) == before
    assert page.locator("[data-learning-count]").inner_text() == "1"


@pytest.mark.browser
def test_delete_all_asks_first_and_then_deletes_everything(page, site_url):
    _mark_done(page, site_url + "principles/attending/")
    _write_note(page, 1, "Private")
    page.goto(site_url + "cy/my-learning/")
    page.locator("[data-learning-delete]").focus()
    page.keyboard.press("Enter")
    question = page.locator("#learning-delete-question")
    assert question.is_visible() and question.evaluate("el => el === document.activeElement")
    page.locator("[data-learning-delete-no]").click()
    expect(_status(page)).to_have_text(CY["my_learning_not_deleted"])
    assert _stored(page)["notes"] == {"principles/attending/#q1": "Private"}
    page.locator("[data-learning-delete]").click()
    page.locator("[data-learning-delete-yes]").click()
    expect(_status(page)).to_have_text(CY["my_learning_deleted"])
    assert _stored(page) is None
    assert page.locator("[data-learning-empty]").is_visible()
    page.goto(site_url + "principles/attending/")
    assert page.locator("textarea[data-learning-note$='#q1']").input_value() == ""


@pytest.mark.browser
@pytest.mark.parametrize(("prefix", "strings"), [("", EN), ("cy/", CY)])
def test_with_storage_blocked_the_page_says_so_and_nothing_breaks(
    browser, site_url, prefix, strings
):
    context = browser.new_context()
    context.add_init_script(STORAGE_BLOCKED)
    page = context.new_page()
    errors = _watch_errors(page)
    try:
        page.goto(f"{site_url}{prefix}principles/attending/")
        blocked = page.locator(".cl-learning [data-learning-blocked]")
        assert blocked.is_visible()
        assert blocked.inner_text() == strings["learning_storage_blocked"]
        _write_note(page, 1, "Not kept")
        page.locator("[data-learning-done]").check()
        assert page.locator("[data-learning-done-on]").is_visible()
        page.goto(f"{site_url}{prefix}my-learning/")
        assert page.locator(".cl-my-learning [data-learning-blocked]").is_visible()
        assert page.locator("[data-learning-empty]").is_visible()
        assert errors == []
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("prefix", "strings"), [("", EN), ("cy/", CY)])
def test_without_javascript_the_page_reads_and_says_what_needs_javascript(
    no_script_page, site_url, prefix, strings
):
    page = no_script_page
    page.goto(f"{site_url}{prefix}principles/attending/")
    assert page.locator("#reflection-questions + ol > li").count() == 5
    assert page.locator("[data-learning-minutes]").is_visible()
    # (Playwright's text search skips <noscript>: find the message by its class.)
    message = page.locator(".cl-learning__no-script")
    assert message.is_visible()
    assert message.inner_text() == strings["learning_needs_javascript"]
    assert not page.locator(".cl-learning").is_visible()
    page.goto(f"{site_url}{prefix}my-learning/")
    message = page.locator(".cl-learning__no-script")
    assert message.is_visible()
    assert message.inner_text() == strings["my_learning_needs_javascript"]
    assert page.locator("#privacy").is_visible()


@pytest.mark.browser
def test_nothing_is_a_cookie(page, site_url):
    _mark_done(page, site_url + "principles/attending/")
    _write_note(page, 1, "Only here")
    assert page.context.cookies() == []


@pytest.mark.browser
def test_my_learning_with_items_has_no_axe_violations(page, site_url):
    """Each page is loaded at a phone's width and checked, then widened to a desktop's and
    checked again, as the site walk does (tests/harness/walk.py)."""
    _prepare_record(page, site_url)
    violations = []
    for path in ("my-learning/", "cy/my-learning/", "principles/attending/",
                 "cy/principles/", "films/leading-in-a-crisis/"):
        page.set_viewport_size(VIEWPORTS["phone"])
        page.goto(site_url + path)
        if "my-learning" in path:
            page.locator("[data-learning-delete]").click()  # the question shown too
        violations += run_axe(page, path, "phone")
        page.set_viewport_size(VIEWPORTS["desktop"])
        violations += run_axe(page, path, "desktop")
    assert not violations, "\n" + "\n".join(map(str, violations))


@pytest.mark.build
def test_a_learning_page_left_out_of_the_navigation_is_reported_at_its_kind(tmp_path):
    """My learning lists what there is to learn from the navigation: a reading page an
    editor forgot to list stops the build at its own line, with what to do (it once
    stopped it with a KeyError from the learning record)."""
    from harness.testing import copy_project

    from leadership.site_build import build_site

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    listed = "  - Reading:\n      - Relational teams: reading/relational-teams.md\n"
    text = config.read_text(encoding="utf-8")
    assert listed in text
    config.write_text(text.replace(listed, ""), encoding="utf-8")
    problems = build_site(project, tmp_path / "site")
    assert [str(problem) for problem in problems] == [
        "docs/en/reading/relational-teams.md:4: learning-page-not-in-nav: a reading page must "
        "be listed under nav: in mkdocs.yml (in the section it belongs to), so readers find it "
        "and My learning counts it"
    ]


def test_a_page_left_out_of_both_navigations_is_reported_in_both_at_once(tmp_path):
    """A new page needs an entry in each language's navigation: both are asked for in one
    run, with the rest of the content's problems (not one language a run)."""
    from harness.testing import copy_project

    from leadership.site_build import build_site

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for listed in ("  - Reading:\n      - Relational teams: reading/relational-teams.md\n",
                   "            - Darllen:\n                - Timau perthynol: "
                   "reading/relational-teams.md\n"):
        assert listed in text
        text = text.replace(listed, "")
    config.write_text(text, encoding="utf-8")
    (project / "docs/cy/extra.md").write_text("---\ntitle: Ychwanegol\n---\n", "utf-8")
    problems = [f"{problem.path}:{problem.rule}" for problem in build_site(project, tmp_path / "s")]
    assert {
        "docs/cy/extra.md:page-parity",
        "docs/cy/extra.md:frontmatter-missing-key",  # its own problems too, the same run
        "docs/en/reading/relational-teams.md:learning-page-not-in-nav",
        "docs/cy/reading/relational-teams.md:learning-page-not-in-nav",
    } <= set(problems)
