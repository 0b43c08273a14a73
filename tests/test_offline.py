"""The offline pack works from file:// with no server and no network: navigation, the
language switch, search in both languages, film pages at a cue, and subtitle downloads.

The pack is built as `make offline` builds it, zipped, and unzipped again, and the
browser opens the unzipped copy, so what is tested is what a trainer copies to a USB stick.
"""

from __future__ import annotations

import urllib.parse
import zipfile
from pathlib import Path

import pytest
from harness.testing import (
    PROJECT_ROOT,
    csp_violations,
    settled_results,
    violations_while_searching,
    watch_policy,
)
from playwright.sync_api import expect

from leadership.activities.schema import check_activities
from leadership.interface import strings_for
from leadership.print_offline.offline import (
    PACK_NAME,
    SEARCH_SCRIPT,
    SHIM_TARGET,
    build_offline,
    check_pack,
    zip_pack,
)

# One worker runs this module when the suite runs in parallel: its module fixtures are made once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("offline")]

SEARCHES = [
    # (page to search from, query, a page that must be found, folder all results are in)
    ("index.html", "obstacles", "activities/removing-obstacles-and-finding-resources.html", ""),
    ("cy/index.html", "goruchwyliaeth", "cy/activities/relational-supervision.html", "cy/"),
    (
        "cy/activities/index.html",
        "rhwystrau",
        "cy/activities/removing-obstacles-and-finding-resources.html",
        "cy/",
    ),
    # Welsh-aware search works offline too: "wrychyn" is on no page, "gwrychyn" is on one.
    ("cy/index.html", "wrychyn", "cy/activities/making-room-for-the-ideas-person.html", "cy/"),
]


@pytest.fixture(scope="module")
def pack_zip(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("offline")
    site = work / PACK_NAME
    result = build_offline(site, PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    problems, checked = check_pack(site)
    assert problems == [], "\n".join(str(p) for p in problems)
    assert checked > 50
    return zip_pack(site, work / f"{PACK_NAME}.zip")


@pytest.fixture(scope="module")
def pack(pack_zip, tmp_path_factory) -> Path:
    """The pack as a trainer has it: unzipped into a folder of their own."""
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(pack_zip) as archive:
        archive.extractall(target)
    return target / PACK_NAME


def heading(page) -> str:
    """The page's h1 without its permalink sign."""
    return page.locator("h1").inner_text().removesuffix("¶").strip()


@pytest.fixture
def offline_page(page):
    """The reader's tab, failing the test on any request that is not for a file in the pack
    (heard on the context, from every tab the test opens)."""
    requests = []

    def record(request):
        requests.append(request.url)

    page.context.on("request", record)
    yield page
    page.context.remove_listener("request", record)
    remote = [url for url in requests if not url.startswith(("file:", "data:", "about:"))]
    assert remote == [], f"the offline pack asked the network for {remote}"


def test_the_zip_holds_the_whole_site_in_one_folder(pack_zip):
    with zipfile.ZipFile(pack_zip) as archive:
        names = set(archive.namelist())
    for path in [
        "index.html",
        "cy/index.html",
        "activities/index.html",
        "cy/activities/listening-with-fascination.html",
        SEARCH_SCRIPT.as_posix(),
        f"cy/{SEARCH_SCRIPT.as_posix()}",
        SHIM_TARGET,
        "transcripts/leading-in-a-crisis.cy.srt",
    ]:
        assert f"{PACK_NAME}/{path}" in names, path
    assert all(name.startswith(f"{PACK_NAME}/") for name in names)


def test_a_broken_link_in_the_pack_is_reported_with_its_line(pack, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><body>\n<a href="activities/">folder</a>\n<a href="missing.html">x</a>\n'
        '<script src="https://cdn.example/x.js"></script>\n</body></html>',
        encoding="utf-8",
    )
    from leadership.print_offline.offline import link_problems

    problems, _ = link_problems(tmp_path)
    assert [(p.line, p.rule) for p in problems] == [
        (2, "offline-folder-link"),
        (3, "offline-missing-file"),
        (4, "offline-remote-asset"),
    ]


def test_navigation_opens_pages_not_folders(offline_page, pack):
    page = offline_page
    page.goto((pack / "index.html").as_uri())
    page.locator("article a[href$='activities/index.html']").first.click()
    assert page.url.endswith("/activities/index.html")
    page.locator("section.cl-activity-index a", has_text="Listening with fascination").first.click()
    assert page.url.endswith("/activities/listening-with-fascination.html")
    assert heading(page) == "Listening with fascination"
    page.locator("aside.cl-activity-glance a", has_text="Attending").click()
    assert page.url.endswith("/principles/attending.html")
    assert heading(page) == "Attending"
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="Glossary").first.click()
    assert page.url.endswith("/glossary.html")
    page.locator("a.md-header__button.md-logo").click()
    assert page.url.endswith(f"/{PACK_NAME}/index.html")


def test_the_language_switch_opens_the_welsh_page(offline_page, pack):
    page = offline_page
    page.goto((pack / "activities" / "listening-with-fascination.html").as_uri())
    page.locator("a.cl-language-switch__link[hreflang='cy']").click()
    assert page.url.endswith("/cy/activities/listening-with-fascination.html")
    assert page.locator("html").get_attribute("lang") == "cy"
    assert heading(page) == "Gwrando â diddordeb byw"
    page.locator("a.cl-language-switch__link[hreflang='en']").click()
    assert page.url.endswith("/activities/listening-with-fascination.html")
    assert "/cy/" not in page.url


@pytest.mark.parametrize(("start", "query", "expected", "folder"), SEARCHES)
def test_search_works_from_file_in_each_language(
    offline_page, pack, start, query, expected, folder
):
    page = offline_page
    page.goto((pack / start).as_uri())
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    box.press_sequentially(query, delay=20)
    hrefs = settled_results(page)
    paths = [href.split("?")[0].split("#")[0].removeprefix(pack.as_uri() + "/") for href in hrefs]
    assert expected in paths, paths
    for path in paths:
        assert path.startswith(folder) and (folder or not path.startswith("cy/")), path
        assert (pack / path).is_file(), path
    page.locator("li.md-search-result__item a").first.click()
    page.wait_for_load_state()
    assert page.url.split("?")[0].split("#")[0].endswith(paths[0])


@pytest.mark.parametrize(
    ("start", "query", "cue"),
    [
        ("index.html", "fascination", "films/what-compassionate-leadership-means.html#t-00-35"),
        ("cy/index.html", "ymreolaeth", "cy/films/leading-in-a-crisis.html#t-02-13"),
    ],
)
def test_search_finds_a_moment_in_a_film_and_opens_it_at_the_cue(
    offline_page, pack, start, query, cue
):
    page = offline_page
    page.goto((pack / start).as_uri())
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    hrefs = settled_results(page)
    moments = [
        h
        for h in hrefs
        if h.removeprefix(pack.as_uri() + "/").split("?")[0] == cue.split("#")[0]
        and h.endswith("#" + cue.split("#")[1])
    ]
    assert moments, hrefs
    # Follow the result's link (a film's further matches sit folded under its first one).
    page.goto(moments[0])
    assert page.url.endswith("#" + cue.split("#")[1])
    assert page.locator("#" + cue.split("#")[1]).is_visible()


def test_a_film_moment_opens_the_film_page_at_its_cue(offline_page, pack):
    page = offline_page
    page.goto((pack / "cy" / "activities" / "listening-with-fascination.html").as_uri())
    page.locator("a.cl-moment__link", has_text="Gwylio o 0:35").click()
    page.wait_for_url("**/cy/films/what-compassionate-leadership-means.html#t-00-35")
    cue = page.locator("#t-00-35")
    assert "cl-cue" in cue.get_attribute("class")
    expect(cue).to_be_visible()
    # The page may still be loading when the address changes: wait for it to target the cue.
    page.wait_for_function("() => document.querySelector('#t-00-35').matches(':target')")


def test_subtitles_download_from_the_film_page(offline_page, pack):
    page = offline_page
    page.goto((pack / "films" / "leading-in-a-crisis.html").as_uri())
    with page.expect_download() as download_info:
        page.locator("a[download][href$='leading-in-a-crisis.cy.srt']").click()
    download = download_info.value
    assert download.suggested_filename == "leading-in-a-crisis.cy.srt"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text == (pack / "transcripts" / "leading-in-a-crisis.cy.srt").read_text("utf-8")
    assert text.lstrip("\ufeff").startswith("1\n00:00:00,720 --> ")


def test_every_page_of_the_pack_opens_from_file_without_a_missing_file_or_error(page, pack):
    """Every page, from file://: no request that fails (a file the pack lacks, or one the
    browser blocks from file://, as Material's sitemap fetch was) and no script error."""
    problems = []
    opened = ["?"]

    def failed(request):
        # A request the next navigation cut short (the favicon, say) is not a missing file.
        cut_short = request.failure == "net::ERR_ABORTED" and request.url.startswith("file:")
        if not (cut_short and Path(urllib.parse.urlsplit(request.url).path).is_file()):
            problems.append(f"{opened[0]}: {request.failure} {request.url}")

    page.on("requestfailed", failed)
    page.on("pageerror", lambda error: problems.append(f"{opened[0]}: script error: {error}"))
    page.on(
        "console", lambda m: m.type == "error" and problems.append(f"{opened[0]}: {m.text}")
    )
    # 404.html is for a web server to send: it links the site's root, which file:// has not.
    pages = sorted(
        path for path in pack.rglob("*.html")
        if "assets" not in path.parts and path.name != "404.html"
    )
    assert len(pages) > 50
    for path in pages:
        opened[0] = path.relative_to(pack).as_posix()
        page.goto(path.as_uri(), wait_until="load")
    assert problems == []


def test_notes_and_progress_are_kept_across_reloads_from_file(offline_page, pack):
    """From file:// the browser keeps one store for the pack's files: a note written on a
    Welsh page is there after a reload, on the English page, and in My learning."""
    page = offline_page
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((pack / "cy" / "principles" / "attending.html").as_uri())
    note = page.locator("textarea[data-learning-note='principles/attending/#q1']")
    note.fill("Nodyn a gadwyd oddi ar-lein")
    page.locator("[data-learning-done]").check()
    page.reload()
    # The script fills the box once the page has loaded: wait for it, as a reader would.
    expect(note).to_have_value("Nodyn a gadwyd oddi ar-lein")
    expect(page.locator("[data-learning-done]")).to_be_checked()
    page.locator("a.cl-language-switch__link[hreflang='en']").click()
    page.wait_for_url("**/principles/attending.html")
    expect(note).to_have_value("Nodyn a gadwyd oddi ar-lein")
    # The navigation marks the page done, with text.
    done = page.locator(".md-nav a.md-nav__link:has([data-learning-mark])")
    assert "Attending" in done.first.inner_text() and "(done)" in done.first.inner_text()
    page.locator(".cl-learning__link a").click()
    page.wait_for_url("**/my-learning.html")
    page.reload()
    expect(page.locator("[data-learning-count]")).to_have_text("1")
    assert page.locator("[data-learning-items] legend").inner_text() == "Attending"
    assert "Nodyn a gadwyd oddi ar-lein" in page.locator("[data-learning-items]").inner_text()
    assert errors == []


OFFLINE_SAMPLE = [
    "index.html", "cy/index.html", "activities/listening-with-fascination.html",
    "cy/activities/listening-with-fascination.html", "films/leading-in-a-crisis.html",
    "cy/films/what-compassionate-leadership-means.html", "cy/glossary.html", "404.html",
    "cy/activities/plan.html",
]


def test_pages_from_file_keep_the_content_security_policy_and_search_within_it(page, pack):
    reports = watch_policy(page)
    violations = []
    for relative in OFFLINE_SAMPLE:
        page.goto((pack / relative).as_uri(), wait_until="load")
        violations += csp_violations(page, reports)
        reports.clear()
    # Search from file:// runs in the iframe-worker shim's frame, which the policy governs.
    violations += violations_while_searching(page, reports, [
        ((pack / "index.html").as_uri(), "obstacles"),
        ((pack / "cy" / "index.html").as_uri(), "rhwystrau"),
    ])
    assert violations == []


def test_an_activity_is_presented_from_file(offline_page, pack):
    """The presenter view works from file://: from the guide's link, step by step, and the
    language switch keeps the step."""
    page = offline_page
    page.goto((pack / "activities" / "listening-with-fascination.html").as_uri())
    page.locator("a.cl-present-link").click()
    page.wait_for_url("**/activities/listening-with-fascination/present.html#step-1")
    shown = page.locator("[data-present-step]:visible")
    expect(shown).to_have_count(1)  # once presenter.js has run
    expect(shown).to_have_attribute("data-present-step", "1")
    page.keyboard.press("ArrowRight")
    page.locator("a[data-cl-language-switch][hreflang='cy']").click()
    page.wait_for_url("**/cy/activities/listening-with-fascination/present.html#step-2")
    shown = page.locator("[data-present-step]:visible")
    expect(shown).to_have_count(1)  # once presenter.js has run
    expect(shown).to_have_attribute("data-present-step", "2")


def test_a_session_is_planned_and_printed_from_file(offline_page, pack, tmp_path):
    """The planner works from file://: reached from the activities index, the choice in the
    address, kept by the language switch, and the printed pack holds the chosen handouts,
    whose links lead to files in the pack."""
    from test_print import pdf_pages

    activities = check_activities(
        PROJECT_ROOT / "docs", PROJECT_ROOT / "transcripts", PROJECT_ROOT
    ).activities
    chosen = ["one-obstacle-at-a-time", "listening-with-fascination", "feeling-the-pressure"]
    query = f"?a={','.join(chosen)}&start=09:30"
    page = offline_page
    page.goto((pack / "cy" / "activities" / "index.html").as_uri())
    page.get_by_role("link", name=strings_for("cy")["plan_link"]).click()
    page.wait_for_url("**/cy/activities/plan.html?a=&start=09:30")
    for slug in chosen:
        page.locator(f"[data-plan-choose][value='{slug}']:visible").first.check()
    welsh = {a.slug: a for a in activities["cy"]}
    total = sum(welsh[slug].duration for slug in chosen)
    assert page.locator("[data-plan-total]").get_attribute("data-plan-total") == str(total)
    page.wait_for_url("**/cy/activities/plan.html" + query)
    page.locator("a[data-cl-language-switch][hreflang='en']").click()
    page.wait_for_url("**/activities/plan.html" + query)
    assert "/cy/" not in page.url
    english = {a.slug: a for a in activities["en"]}
    titles = page.locator("[data-plan-item-title]").all_inner_texts()
    assert titles == [english[slug].title for slug in chosen]
    # An embedded handout's relative links lead to files in the pack, as from its guide.
    link = page.locator(
        f"[data-plan-handout='{chosen[0]}'] .cl-activity-glance__facts a"
    ).first.get_attribute("href")
    target = urllib.parse.urlsplit(urllib.parse.urljoin(page.url, link)).path
    assert Path(urllib.parse.unquote(target)).is_file(), link
    pdf = tmp_path / "pack.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    text = "\n".join(pdf_pages(pdf))
    for slug in chosen:
        assert english[slug].title in text
        for step in english[slug].steps:
            assert step.title in text
