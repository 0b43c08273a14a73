"""Printed-page helpers: public addresses, link addresses for print, and the QR code.

The QR code is checked by reading the modules back out of the inline SVG the site
publishes and comparing them with segno's own encoding of the address: the printed
code is exactly the QR code of that address.
"""

from __future__ import annotations

import re

import pytest
import segno
from harness.testing import PROJECT_ROOT, partials_environment
from markupsafe import Markup

from leadership.print_offline.handout import (
    QR_ERROR,
    QR_MASK,
    address_parts,
    directory_style,
    page_address,
    public_url,
    qr_modules,
    qr_svg,
    svg_qr_modules,
    with_print_addresses,
)

SITE = "https://example.org/leadership/"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("activities/x.html", "activities/x/"),
        ("activities/index.html", "activities/"),
        ("index.html", ""),
        ("cy/index.html", "cy/"),
        ("activities/x/", "activities/x/"),
    ],
)
def test_directory_style_turns_built_file_names_into_public_paths(path, expected):
    assert directory_style(path) == expected


def test_public_url_changes_only_this_sites_html_addresses():
    assert public_url(SITE + "films/a.html#t-00-28", SITE) == SITE + "films/a/#t-00-28"
    assert public_url(SITE + "transcripts/a.en.srt", SITE) == SITE + "transcripts/a.en.srt"
    assert public_url("https://other.example/a.html", SITE) == "https://other.example/a.html"


@pytest.mark.parametrize(
    ("site_url", "page_url", "expected"),
    [
        (SITE, "activities/x/", SITE + "activities/x/"),
        (SITE, "cy/activities/x.html", SITE + "cy/activities/x/"),  # the offline pack
        ("https://example.org/leadership", "", SITE),
        (SITE, "index.html", SITE),
    ],
)
def test_page_address_is_the_public_address_also_in_the_offline_pack(site_url, page_url, expected):
    assert page_address(site_url, page_url) == expected


def test_links_get_their_absolute_public_address_for_print_but_in_page_links_do_not():
    html = (
        '<p><a href="#steps">steps</a> <a class="headerlink" href="#x">¶</a>'
        ' <a href="../principles/attending.html">Attending</a>'
        ' <a href="../films/a.html#t-00-28">Watch from 0:28</a>'
        ' <a href="https://socialcare.wales/x">Social Care Wales</a>'
        ' <a href="mailto:someone@example.org">mail</a></p>'
    )
    out = with_print_addresses(html, SITE, "activities/x.html")
    addresses = re.findall(r'href="([^"]*)" data-print-href="([^"]*)"', out)
    assert addresses == [
        ("../principles/attending.html", SITE + "principles/attending/"),
        ("../films/a.html#t-00-28", SITE + "films/a/#t-00-28"),
        ("https://socialcare.wales/x", "https://socialcare.wales/x"),
        ("mailto:someone@example.org", "someone@example.org"),
    ]
    assert out.count("data-print-href") == 4
    # Running twice adds nothing.
    assert with_print_addresses(out, SITE, "activities/x.html") == out


@pytest.mark.parametrize(
    "address",
    [
        SITE + "activities/listening-with-fascination/",
        SITE + "cy/activities/removing-obstacles-and-finding-resources/",
        "http://127.0.0.1:8000/",
    ],
)
def test_the_svg_qr_code_holds_exactly_the_qr_code_of_the_address(address):
    svg = qr_svg(address, "QR code")
    assert svg_qr_modules(svg) == qr_modules(address)
    assert svg_qr_modules(svg) != qr_modules(address + "x")  # the comparison can fail
    assert svg.startswith('<svg role="img"') and "<title>QR code</title>" in svg
    assert "width=" not in svg.split(">")[0]  # sized by the print stylesheet


def test_the_qr_code_is_segnos_own_code_with_the_sites_fixed_mask():
    address = SITE + "films/what-compassionate-leadership-means/"
    fixed = segno.make(address, error=QR_ERROR, mask=QR_MASK)
    chosen = segno.make(address, error=QR_ERROR)  # segno choosing the mask itself
    assert (fixed.mask, fixed.version, fixed.error) == (QR_MASK, chosen.version, chosen.error)
    assert qr_modules(address) == [[bool(cell) for cell in row] for row in fixed.matrix]
    assert "<title>Other</title>" in qr_svg(address, "Other")


def test_the_print_header_shows_the_address_and_is_kept_out_of_search():
    header = partials_environment().get_template("partials/print-header.html").render(
        print_header={
            "qr_code": Markup(qr_svg(SITE + "a/?b=1&c=2", "QR code")),
            "caption": "Scan the code:", "address_parts": address_parts(SITE + "a/?b=1&c=2"),
        },
    )
    assert header.startswith('<div class="cl-print-qr" data-search-exclude><svg role="img"')
    assert "data-search-exclude" in header
    address = re.search(r'<p class="cl-print-qr__address">(.*?)</p>', header)[1]
    assert re.sub(r"</?span>|<wbr>", "", address) == f"{SITE}a/?b=1&amp;c=2"


def mkdocs_environment():
    """The project's templates as MkDocs renders them: no autoescape."""
    from jinja2 import Environment, FileSystemLoader

    return Environment(loader=FileSystemLoader(PROJECT_ROOT / "overrides"), autoescape=False)


def test_a_printed_address_breaks_only_before_a_slash_dot_or_hyphen():
    address = "http://127.0.0.1:8000/cy/activities/removing-obstacles-and-finding-resources/"
    parts = address_parts(address)
    assert "".join(parts) == address
    assert parts[:2] == ["http://", "127"]
    assert "/activities" in parts and "-obstacles" in parts
    assert not any(part.endswith("-") for part in parts)
    # Escaped in MkDocs' own environment too, which does not escape: content.html includes
    # the header there.
    for environment in (partials_environment(), mkdocs_environment()):
        header = environment.get_template("partials/print-header.html").render(
            print_header={"qr_code": "", "caption": "<b>",
                          "address_parts": address_parts("https://a.b/<x>")},
        )
        assert (
            "<span>https://</span><wbr><span>a</span><wbr><span>.b</span><wbr>"
            "<span>/&lt;x&gt;</span>"
        ) in header
        assert "&lt;b&gt;" in header
