"""An activity guide prints as a clean A4 handout, in headless Chromium.

Each guide printed here is saved as a PDF and as PNG pages in test-artifacts/print/, to
look at. The checks read the PDF's text (pdftotext): the steps, the addresses of links,
the page's own address under the QR code, and none of the site's navigation.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from harness.testing import PROJECT_ROOT

from leadership.activities.schema import check_activities
from leadership.print_offline.handout import page_address, qr_modules, svg_qr_modules

# One worker runs this module when the suite runs in parallel: its module fixtures are made once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("print")]

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
PRINTED = [("en", "listening-with-fascination"), ("cy", "removing-obstacles-and-finding-resources")]
# The site's furniture: header, navigation, search, footer, language switch.
FURNITURE = ".md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .cl-language-switch"
SECTION_HEADINGS = {
    "en": ["How to run it", "Facilitator notes", "Debrief questions"],
    "cy": ["Sut i'w gynnal", "Nodiadau i'r hwylusydd", "Cwestiynau ôl-drafod"],
}
A4_POINTS = (595.0, 842.0)


def pdf_pages(pdf: Path, layout: bool = False) -> list[str]:
    """The text of each page of a PDF, as pdftotext reads it.

    Without ``layout`` each block (such as the QR code's caption) is read on its own; with
    it, lines keep their place on the page, so a step's title and timing share a line.
    """
    command = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def furniture_texts(html: str) -> set[str]:
    """Every piece of text the site's furniture shows that the article does not also show."""
    soup = BeautifulSoup(html, "lxml")
    article = soup.select_one("article").get_text(" ")
    texts = set()
    for element in soup.select(FURNITURE):
        for text in element.stripped_strings:
            if len(text) > 3 and text not in article:
                texts.add(text)
    assert len(texts) > 10, "the page has less furniture than expected: check the selectors"
    return texts


def squash(text: str) -> str:
    """Text without whitespace, so that addresses broken across lines still match."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def activities():
    result = check_activities(PROJECT_ROOT / "docs", PROJECT_ROOT / "transcripts", PROJECT_ROOT)
    return {(a.language, a.slug): a for lang in result.activities.values() for a in lang}


@pytest.fixture(scope="module")
def printed(browser, site_url, artifacts_dir):
    """Print each guide to PDF; keep the PDF, its PNG pages and the page's HTML."""
    folder = artifacts_dir / "print"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    results = {}
    context = browser.new_context()
    page = context.new_page()
    try:
        for language, slug in PRINTED:
            prefix = "" if language == "en" else f"{language}/"
            page.goto(f"{site_url}{prefix}activities/{slug}/")
            pdf = folder / f"{language}-{slug}.pdf"
            page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
            subprocess.run(
                ["pdftoppm", "-r", "80", "-png", str(pdf), str(folder / f"{language}-{slug}")],
                check=True,
            )
            results[(language, slug)] = (pdf, page.content())
    finally:
        context.close()
    return results


@pytest.mark.parametrize(("language", "slug"), PRINTED)
def test_the_handout_is_a4_and_saved_as_pictures(printed, language, slug):
    pdf, _ = printed[(language, slug)]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    width, height = (float(n) for n in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)",
                                                info.stdout).groups())
    assert abs(width - A4_POINTS[0]) < 3 and abs(height - A4_POINTS[1]) < 3, info.stdout
    pages = sorted(pdf.parent.glob(f"{language}-{slug}-*.png"))
    assert 1 <= len(pages) <= 4, "an activity guide should print on a few pages"


@pytest.mark.parametrize(("language", "slug"), PRINTED)
def test_the_handout_has_the_guide_and_none_of_the_site_furniture(
    printed, activities, language, slug
):
    pdf, html = printed[(language, slug)]
    text = "\n".join(pdf_pages(pdf))
    activity = activities[(language, slug)]
    assert activity.title in text
    for step in activity.steps:
        assert step.title in text
    for heading in SECTION_HEADINGS[language]:
        assert heading in text
    for furniture in furniture_texts(html):
        assert furniture not in text, f"{furniture!r} printed on the {language} handout"


@pytest.mark.parametrize(("language", "slug"), PRINTED)
def test_the_handout_prints_its_own_address_and_the_address_of_every_link(
    printed, activities, language, slug
):
    pdf, html = printed[(language, slug)]
    text = squash("\n".join(pdf_pages(pdf)))
    site_url = os.environ.get("SITE_URL", DEFAULT_SITE_URL)
    prefix = "" if language == "en" else f"{language}/"
    address = page_address(site_url, f"{prefix}activities/{slug}/")
    assert squash(address) in text, "the page's address is not printed under the QR code"
    activity = activities[(language, slug)]
    for principle in activity.principles:
        assert squash(f"({site_url}{prefix}principles/{principle}/)") in text
    for moment in activity.film_moments:
        assert squash(f"({site_url}{prefix}films/{moment.film}/#{moment.cue})") in text
    assert squash("(https://socialcare.wales/resources-guidance/") in text
    # In-page links (the table of contents, heading permalinks) print no address.
    assert "#how-to-run-it" not in text and "#steps)" not in text


@pytest.mark.parametrize(("language", "slug"), PRINTED)
def test_the_qr_code_opens_the_page(printed, language, slug):
    _, html = printed[(language, slug)]
    soup = BeautifulSoup(html, "lxml")
    block = soup.select_one(".cl-print-qr")
    address = block.select_one(".cl-print-qr__address").get_text(strip=True)
    site_url = os.environ.get("SITE_URL", DEFAULT_SITE_URL)
    prefix = "" if language == "en" else f"{language}/"
    assert address == f"{site_url}{prefix}activities/{slug}/"
    assert svg_qr_modules(str(block.select_one("svg"))) == qr_modules(address)


@pytest.mark.parametrize(("language", "slug"), PRINTED)
def test_headings_stay_with_their_text_and_steps_stay_whole(printed, activities, language, slug):
    pdf, _ = printed[(language, slug)]
    pages = pdf_pages(pdf, layout=True)
    # A heading is never the last thing on a page.
    for number, page_text in enumerate(pages[:-1], start=1):
        last = [line.strip() for line in page_text.splitlines() if line.strip()][-1]
        assert last not in SECTION_HEADINGS[language], f"page {number} ends with {last!r}"
    # Each step of the summary (title and timing) is on one page.
    for step in activities[(language, slug)].steps:
        holding = [p for p in pages if step.title in p]
        assert holding, step.title
        line = next(ln for ln in holding[0].splitlines() if step.title in ln)
        assert re.search(rf"\b{step.minutes} (minutes?|munud|funud)\b", line), line


def test_the_qr_code_shows_in_print_only(page, site_url):
    page.goto(site_url + "activities/listening-with-fascination/")
    code = page.locator(".cl-print-qr svg")
    assert not code.is_visible()
    page.emulate_media(media="print")
    assert code.is_visible()
    box = code.bounding_box()
    assert box["width"] > 100 and abs(box["width"] - box["height"]) < 1  # about 36 mm square
    for furniture in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert not page.locator(furniture).first.is_visible(), furniture


def test_any_page_prints_with_its_qr_code(page, site_url, tmp_path):
    page.goto(site_url + "principles/attending/")
    pdf = tmp_path / "attending.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    text = squash("\n".join(pdf_pages(pdf)))
    site = os.environ.get("SITE_URL", DEFAULT_SITE_URL)
    assert squash(f"{site}principles/attending/") in text
    assert "Glossary" not in "\n".join(pdf_pages(pdf))
