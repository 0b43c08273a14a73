"""Film pages rendered from the SRT files: one element per cue, stable time-based ids,
downloads, WebVTT the browser accepts, and the player driven from the transcript."""

from __future__ import annotations

import re
import shutil
import subprocess

import jinja2
import pytest
from harness.testing import PROJECT_ROOT, build_site, copy_project, serve
from lxml import html as lxml_html

from leadership.interface import strings_for
from leadership.languages import LANGUAGES, site_prefix
from leadership.subtitles.cues import anchors, parse_srt, read_srt
from leadership.subtitles.films import load_films, subtitle_path
from leadership.subtitles.transcript import paragraphs, time_label

# One worker runs this module when the suite runs in parallel: its module fixtures are made once.
pytestmark = pytest.mark.xdist_group("film-pages")

TRANSCRIPTS = PROJECT_ROOT / "transcripts"
FILMS = load_films(TRANSCRIPTS)
VIDEO_FILM = "what-compassionate-leadership-means"


def film_page(site_dir, slug, language):
    path = site_dir / site_prefix(language) / "films" / slug / "index.html"
    return lxml_html.fromstring(path.read_bytes())


@pytest.mark.parametrize("film", FILMS, ids=lambda film: film.slug)
def test_one_element_per_cue_with_the_same_ids_in_both_languages(site_dir, film):
    ids = {}
    for language in LANGUAGES:
        cues = read_srt(subtitle_path(TRANSCRIPTS, film.slug, language))
        tree = film_page(site_dir, film.slug, language)
        elements = tree.xpath('//*[contains(@class, "cl-cue ")] | //*[@class="cl-cue"]')
        assert len(elements) == len(cues)
        for element, cue, anchor in zip(elements, cues, anchors(cues), strict=True):
            assert element.get("id") == anchor
            assert float(element.get("data-start")) == pytest.approx(cue.start, abs=0.001)
            assert float(element.get("data-end")) == pytest.approx(cue.end, abs=0.001)
            link = element.xpath('.//a[@class="cl-cue__time"]')[0]
            assert link.get("href") == f"#{anchor}"
            assert link.text_content().strip().endswith(time_label(cue.start))
        ids[language] = [element.get("id") for element in elements]
        # The cues are in the transcript section, last in the article after the film's
        # facts, which Material's search never reads (the search has an entry for the
        # section and one per cue: tests/test_welsh_search.py).
        (transcript,) = tree.xpath('//article//section[@data-cl-transcript]')
        assert transcript.xpath('preceding::section[@class="cl-film"]')
        (cue_list,) = transcript.xpath('.//*[@class="cl-transcript__cues"]')
        assert len(cue_list.xpath('.//*[@class="cl-cue"]')) == len(cues)
    assert ids["en"] == ids["cy"]
    assert len(set(ids["en"])) == len(ids["en"])


def test_no_page_is_left_with_a_placeholder(site_dir):
    for page in site_dir.rglob("*.html"):
        assert "cl-transcript-cues" not in page.read_text(encoding="utf-8"), page


def test_cue_ids_are_time_based():
    assert [anchor for anchor in anchors(read_srt(subtitle_path(TRANSCRIPTS, VIDEO_FILM, "en")))][
        :3
    ] == ["t-00-00", "t-00-02", "t-00-05"]
    assert all(
        re.fullmatch(r"t-\d{2,}-\d{2}(-\d+)?", a)
        for f in FILMS
        for a in anchors(read_srt(subtitle_path(TRANSCRIPTS, f.slug, "cy")))
    )


def test_transcript_reads_as_paragraphs_not_fragments():
    cues = read_srt(subtitle_path(TRANSCRIPTS, VIDEO_FILM, "en"))
    grouped = paragraphs(cues)
    assert sum(len(p) for p in grouped) == len(cues)
    assert 8 <= len(grouped) <= len(cues) // 3
    text = " ".join(cue.text for cue in grouped[0])
    assert "Lancaster University." in text
    assert ".." not in " ".join(cue.text for p in grouped for cue in p)


def test_subtitle_text_cannot_put_html_on_the_page():
    text = "1\n00:00:01,000 --> 00:00:03,000\nTom & <i>Jerry</i> <img src=x onerror=alert(1)>\n"
    [[cue]] = paragraphs(parse_srt(text, "x.srt"))
    assert cue.markup == "Tom &amp; <i>Jerry</i> "
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PROJECT_ROOT / "overrides")
    )
    rendered = environment.get_template("partials/transcript-cues.html").render(
        paragraphs=[[cue]], ui=strings_for("en"), video=None
    )
    page = lxml_html.fromstring(f"<div>{rendered}</div>")
    assert page.xpath("//img") == [] and page.xpath("//*[@onerror]") == []
    assert page.xpath('//span[@class="cl-cue__text"]')[0].text_content() == "Tom & Jerry "


def test_film_page_without_video_says_so_and_offers_downloads(site_dir):
    for language in LANGUAGES:
        tree = film_page(site_dir, "leading-in-a-crisis", language)
        assert not tree.xpath("//video")
        notice = tree.xpath('//*[@class="cl-film__no-video"]')[0].text_content()
        assert "socialcare.wales" in lxml_html.tostring(tree, encoding="unicode")
        assert ("not hosted on this site" if language == "en" else "Nid yw'r ffilm") in notice
        downloads = tree.xpath('//ul[@class="cl-film__downloads"]//a/@href')
        assert len(downloads) == 4
        page_dir = site_dir / site_prefix(language) / "films" / "leading-in-a-crisis"
        for href in downloads:
            assert (page_dir / href).resolve().is_file(), href


def test_the_site_publishes_what_each_film_says_it_publishes(site_dir):
    # Film.published_files is what the checks of addresses in a page's HTML count on.
    published = {
        path.relative_to(site_dir).as_posix() for path in (site_dir / "transcripts").iterdir()
    }
    assert published == {name for film in FILMS for name in film.published_files}


def test_published_webvtt_matches_the_srt(site_dir):
    for film in FILMS:
        for language in LANGUAGES:
            vtt = (site_dir / "transcripts" / f"{film.slug}.{language}.vtt").read_text("utf-8")
            assert vtt.startswith("WEBVTT")
            cues = read_srt(subtitle_path(TRANSCRIPTS, film.slug, language))
            assert vtt.count(" --> ") == len(cues)


def test_the_welsh_words_of_the_english_subtitles_are_marked_welsh(site_dir):
    """films.yml lists "Diolch yn fawr." as Welsh in the English track of the crisis film:
    the English page's transcript and the English WebVTT file say so (WCAG 3.1.2)."""
    page = lxml_html.parse(str(site_dir / "films" / "leading-in-a-crisis" / "index.html"))
    marked = page.xpath('//span[@class="cl-cue__text"]//*[@lang="cy"]')
    assert [element.text_content() for element in marked] == ["Diolch yn fawr."]
    assert page.getroot().get("lang") == "en"
    vtt = (site_dir / "transcripts" / "leading-in-a-crisis.en.vtt").read_text("utf-8")
    assert "\n<lang cy>Diolch yn fawr.</lang>\n" in vtt
    welsh_vtt = (site_dir / "transcripts" / "leading-in-a-crisis.cy.vtt").read_text("utf-8")
    assert "<lang" not in welsh_vtt  # the same words are the Welsh track's own language


# --- with a video: a short test film generated by ffmpeg ----------------------------------


@pytest.fixture(scope="module")
def video_site(tmp_path_factory):
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is not installed: run `make setup`")
    root = tmp_path_factory.mktemp("video-project")
    project = copy_project(root / "project")
    media = project / "transcripts" / "media"
    media.mkdir()
    cues = read_srt(subtitle_path(TRANSCRIPTS, VIDEO_FILM, "en"))
    seconds = int(cues[-1].end) + 2
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"color=c=gray:s=160x90:d={seconds}:r=5",
            "-c:v",
            "libvpx",
            "-deadline",
            "realtime",
            "-cpu-used",
            "8",
            "-b:v",
            "20k",
            str(media / "test-film.webm"),
        ],
        check=True,
        timeout=120,
    )
    films_yml = project / "transcripts" / "films.yml"
    text = films_yml.read_text("utf-8")
    first_video = re.search(r"^(\s*)video: null\s*$", text, re.MULTILINE)
    indent = first_video.group(1)
    text = (
        text[: first_video.start()]
        + f"{indent}video:\n{indent}  src: media/test-film.webm\n{indent}  type: video/webm"
        + text[first_video.end() :]
    )
    films_yml.write_text(text, "utf-8")
    site = root / "site"
    result = build_site(site, project_dir=project)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield url


def open_film(page, url) -> None:
    page.goto(url)
    page.wait_for_function("document.querySelector('video').readyState >= 1", timeout=15_000)


@pytest.mark.browser
@pytest.mark.parametrize(("language", "default_track"), [("en", "en"), ("cy", "cy")])
def test_both_subtitle_tracks_load_with_the_page_language_on(
    page, video_site, language, default_track
):
    open_film(page, f"{video_site}{site_prefix(language)}films/{VIDEO_FILM}/")
    counts = page.evaluate(
        """async () => {
          const tracks = [...document.querySelectorAll('video track')];
          for (const t of tracks) { if (t.track.mode === 'disabled') t.track.mode = 'hidden'; }
          await new Promise(r => setTimeout(r, 500));
          await Promise.all(tracks.map(t => t.readyState === 2 ? null :
            new Promise(r => t.addEventListener('load', r, {once: true}))));
          return tracks.map(t => ({lang: t.srclang, cues: t.track.cues.length,
                                   default: t.default}));
        }"""
    )
    expected = {
        lang: len(read_srt(subtitle_path(TRANSCRIPTS, VIDEO_FILM, lang))) for lang in LANGUAGES
    }
    assert {c["lang"]: c["cues"] for c in counts} == expected
    assert [c["lang"] for c in counts if c["default"]] == [default_track]


@pytest.mark.browser
def test_timestamp_click_seeks_and_highlight_follows_playback(page, video_site):
    open_film(page, f"{video_site}films/{VIDEO_FILM}/")
    page.locator('a.cl-cue__time[href="#t-01-02"]').click()
    page.wait_for_function("document.querySelector('video').currentTime >= 62")
    assert page.evaluate("location.hash") == "#t-01-02"
    page.evaluate("document.querySelector('video').pause()")
    page.evaluate("document.querySelector('video').currentTime = 130.5")
    page.wait_for_selector("#t-02-09.cl-cue--active")
    assert page.locator(".cl-cue--active").count() == 1
    # The highlight is a class only: nothing in the transcript is a live region.
    assert page.locator(".cl-transcript [aria-live]").count() == 0


@pytest.mark.browser
def test_timestamp_by_keyboard_seeks_the_player(page, video_site):
    open_film(page, f"{video_site}cy/films/{VIDEO_FILM}/")
    page.locator('a.cl-cue__time[href="#t-00-28"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('video').currentTime >= 28")


@pytest.mark.browser
def test_deep_link_on_load_scrolls_highlights_and_seeks(page, video_site):
    page.goto(f"{video_site}films/{VIDEO_FILM}/#t-03-16")
    page.wait_for_selector("#t-03-16.cl-cue--active")
    page.wait_for_function("Math.abs(document.querySelector('video').currentTime - 196.36) < 0.5")
    in_view = page.evaluate(
        "(() => { const r = document.getElementById('t-03-16').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; })()"
    )
    assert in_view


@pytest.mark.browser
def test_copy_link_copies_the_address_of_the_moment(page, site_url):
    clipboard = ["clipboard-read", "clipboard-write"]
    page.context.grant_permissions(clipboard, origin=site_url.rstrip("/"))
    page.goto(f"{site_url}cy/films/leading-in-a-crisis/#t-02-13")
    page.locator("[data-cl-copy-link]").click()
    page.wait_for_selector("[data-cl-status]:has-text('Wedi copïo')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{site_url}cy/films/leading-in-a-crisis/#t-02-13"


@pytest.mark.browser
def test_transcript_is_complete_without_javascript(no_script_page, site_url):
    page = no_script_page
    page.goto(f"{site_url}films/leading-in-a-crisis/")
    cues = read_srt(subtitle_path(TRANSCRIPTS, "leading-in-a-crisis", "en"))
    assert page.locator(".cl-cue").count() == len(cues)
    assert page.locator(".cl-cue__text").last.inner_text() == "Diolch yn fawr."


def test_the_english_only_source_is_marked_on_welsh_film_pages(site_dir):
    for film in ("what-compassionate-leadership-means", "leading-in-a-crisis"):
        welsh = (site_dir / "cy" / "films" / film / "index.html").read_text(encoding="utf-8")
        english = (site_dir / "films" / film / "index.html").read_text(encoding="utf-8")
        # The film's facts and the no-video notice each link the Social Care Wales page.
        assert welsh.count("</a> (Saesneg)") == 2
        assert "(Saesneg)" not in english


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_table_of_contents_lists_the_films_sections_before_the_notes(site_dir, language):
    """The film's facts and its transcript, the longest part of the page, are in the page's
    table of contents, in page order, in the page's language, before the notes box."""
    ui = strings_for(language)
    for film in FILMS:
        tree = film_page(site_dir, film.slug, language)
        # Material writes the contents twice (in the drawer for phones, and beside the page).
        links = tree.xpath('(//nav[contains(@class, "md-nav--secondary")])[last()]//a[@href]')
        anchors_listed = [link.get("href") for link in links]
        expected = ["#about-this-film", "#subtitle-downloads", "#transcript", "#your-notes"]
        assert [a for a in anchors_listed if a in expected] == expected, anchors_listed
        titles = {link.get("href"): " ".join(link.text_content().split()) for link in links}
        assert titles["#about-this-film"] == ui["film_about"]
        assert titles["#transcript"] == ui["transcript_heading"]
