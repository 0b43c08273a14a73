"""What a printed page needs that the screen does not: its public address as a QR code,
and the address of every link, so a handout on paper still leads back to the site.

The QR code is made at build time with segno and inlined as SVG, so printing needs no
network and no JavaScript. Addresses are always the public, directory-style ones
(``.../activities/x/``), also in the offline pack, whose files are ``x.html``.
"""

from __future__ import annotations

import html as html_lib
import ipaddress
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import segno

from leadership.build_cache import StampedCache, stamp

# Medium error correction: still reads when a printout is creased or slightly smudged.
QR_ERROR = "m"
# A fixed mask pattern (0-7). Left to itself segno tries all eight and keeps the one the
# QR standard's penalty rules score best: 2.6 ms a code against 0.5 ms, for every page of
# every build. Any mask gives a valid code that readers decode; 4 is the one segno picks
# most often for the site's addresses.
QR_MASK = 4
# segno's quiet zone (in modules) around the code; 4 is what the QR standard asks for.
QR_BORDER = 4

# An <a> start tag, and its href, in rendered HTML (the attribute order varies).
LINK_TAG = re.compile(r"<a\b[^>]*>")
HREF = re.compile(r'\shref="(?P<href>[^"]*)"')
PRINT_HREF = "data-print-href="
SVG_OPEN = re.compile(r"<svg\b")
# Reading a code back: segno's SVG is one path of moves (M, m) and horizontal runs (h).
SVG_VIEWBOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"', re.IGNORECASE)
SVG_PATH_DATA = re.compile(r'<path[^>]*\sd="([^"]+)"')
SVG_PATH_COMMAND = re.compile(r"([Mmh])\s*([-\d.]+)(?:\s+([-\d.]+))?")
# A built file name that stands for a directory URL on the public site.
INDEX_FILE = re.compile(r"(^|/)index\.html$")
HTML_FILE = re.compile(r"\.html$")
# Links that lead nowhere on paper.
NOT_PRINTED = ("#", "javascript:")


def directory_style(path: str) -> str:
    """``activities/x.html`` -> ``activities/x/``; ``activities/index.html`` -> ``activities/``."""
    if INDEX_FILE.search(path):
        return INDEX_FILE.sub(r"\1", path)
    return HTML_FILE.sub("/", path)


def public_url(url: str, site_url: str) -> str:
    """An absolute URL on the site in its public, directory-style form (fragment kept)."""
    parts = urlsplit(url)
    if not url.startswith(site_url) or not parts.path.endswith(".html"):
        return url
    return urlunsplit(parts._replace(path=directory_style(parts.path)))


# Characters a printed address may break before (besides a single "/").
BREAK_BEFORE = frozenset(".-_~?#&=")


# Set to 1 for a build that is only looked at on this machine (tests, checks, a preview).
LOCAL_PREVIEW = "LOCAL_PREVIEW"


def is_loopback(url: str) -> bool:
    """Whether ``url`` names this machine (localhost, 127.0.0.0/8, ::1, or the unspecified
    0.0.0.0 and ::, which a server listens on but no one else can open): an address that
    goes nowhere on paper."""
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def release_address_problem(
    site_url: str, command: str | None, environ, task: str = "make build"
) -> str | None:
    """Why a build must not go on with ``site_url``, or None.

    Every printed page shows the site's address under its QR code and after every link: a
    release built with the default, loopback address would hand trainers addresses that go
    nowhere. ``mkdocs serve`` and builds marked ``LOCAL_PREVIEW=1`` are for this machine.
    ``task`` is the command the message tells the editor to run again (``make offline`` for
    the offline pack).
    """
    if not site_url.strip():
        return (
            "site_url is empty (is SITE_URL set to nothing?), and every printed page shows the "
            "site's address under its QR code. Set SITE_URL to the site's public address "
            f"(SITE_URL=https://example.org/ {task}), or leave SITE_URL out and set "
            f"LOCAL_PREVIEW=1 for a build that is only looked at here (LOCAL_PREVIEW=1 {task})."
        )
    if command == "serve" or environ.get(LOCAL_PREVIEW) == "1" or not is_loopback(site_url):
        return None
    return (
        f"site_url is {site_url}, an address on this machine only, and every printed page "
        "would show it under its QR code. Set SITE_URL to the site's public address "
        f"(SITE_URL=https://example.org/ {task}), or set LOCAL_PREVIEW=1 for a build "
        f"that is only looked at here (LOCAL_PREVIEW=1 {task})."
    )


def page_address(site_url: str, page_url: str) -> str:
    """The public address of a built page, from ``site_url`` and the page's URL."""
    return public_url(urljoin(_with_slash(site_url), page_url), _with_slash(site_url))


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def qr_svg(address: str, title: str) -> str:
    """An inline SVG QR code that opens ``address``, sized by CSS (no width or height).

    Builds keep the codes between runs through ``QrCodes``.
    """
    code = segno.make(address, error=QR_ERROR, mask=QR_MASK)
    svg = code.svg_inline(
        scale=1, border=QR_BORDER, omitsize=True, title=title, svgclass="cl-print-qr__code"
    )
    return SVG_OPEN.sub('<svg role="img"', svg, count=1)


# What qr_svg writes, and nothing else: the code is put into pages as markup.
QR_SVG_SHAPE = (
    r'<svg role="img" viewBox="0 0 \d+ \d+" class="cl-print-qr__code"><title>{title}</title>'
    r'<path class="qrline" stroke="#000" d="[MmHhVv0-9 .\-]+"/></svg>'
)


def is_qr_svg(question: str, answer: object) -> bool:
    """Whether a kept answer is a code as ``qr_svg`` writes one for this question's title."""
    title = question.split("\n", 1)[0]
    shape = QR_SVG_SHAPE.format(title=re.escape(html_lib.escape(title, quote=False)))
    return isinstance(answer, str) and re.fullmatch(shape, answer) is not None


class QrCodes:
    """``qr_svg`` codes kept between builds (``leadership.build_cache``): a code costs about
    a millisecond, for every page of every build, and changes only with the page's address,
    with segno or with this module, which stamp the cache. ``save`` keeps the codes."""

    def __init__(self, cache_path: Path):
        code_version = stamp(segno.__version__, Path(__file__).read_bytes())
        self._codes = StampedCache(cache_path, code_version, valid=is_qr_svg)

    def svg(self, address: str, title: str) -> str:
        question = f"{title}\n{address}"
        if question not in self._codes:
            self._codes.put(question, qr_svg(address, title))
        return self._codes.get(question)

    def save(self) -> None:
        self._codes.save()


def with_print_addresses(html: str, site_url: str, page_url: str) -> str:
    """Give every link but in-page ones a ``data-print-href``: its absolute public address.

    The print stylesheet writes that address after the link text.
    """
    site_url = _with_slash(site_url)
    base = urljoin(site_url, page_url)

    def add(match: re.Match) -> str:
        tag = match[0]
        found = HREF.search(tag)
        if found is None or PRINT_HREF in tag:
            return tag
        href = html_lib.unescape(found["href"])
        if not href or href.startswith(NOT_PRINTED):
            return tag
        address = public_url(urljoin(base, href), site_url)
        if address.startswith("mailto:"):
            address = address[len("mailto:") :]
        return f'{tag[:-1]} {PRINT_HREF}"{html_lib.escape(address, quote=True)}">'

    return LINK_TAG.sub(add, html)


def address_parts(address: str) -> list[str]:
    """An address cut where a printed line may break, as the Chicago Manual of Style breaks
    URLs: after "//" and ":", before a single "/", ".", "-" and the query's punctuation.

    A line never ends in the middle of a word or on a hyphen, so what is printed reads as
    the address and text tools (pdftotext) do not mistake a line-end hyphen for a
    hyphenated word and drop it.
    """
    parts = []
    start = 0
    for index in range(1, len(address)):
        char, before = address[index], address[index - 1]
        single_slash = char == "/" and before != "/" and address[index + 1 : index + 2] != "/"
        after_scheme = before == "/" and address[index - 2 : index] == "//"
        if single_slash or after_scheme or char in BREAK_BEFORE:
            parts.append(address[start:index])
            start = index
    parts.append(address[start:])
    return parts


def svg_qr_modules(svg: str) -> list[list[bool]]:
    """The dark modules drawn by a ``qr_svg`` code, quiet zone removed.

    The tests compare them with segno's encoding of the address, to prove that the code
    a page prints is the QR code of that page's address.
    """
    width, height = (int(n) for n in SVG_VIEWBOX.search(svg).groups())
    grid = [[False] * width for _ in range(height)]
    x = y = 0.0
    for command, first, second in SVG_PATH_COMMAND.findall(SVG_PATH_DATA.search(svg).group(1)):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:  # a run of dark modules along row y (the line's centre is half a module down)
            for column in range(int(x), int(x + float(first))):
                grid[int(y)][column] = True
            x += float(first)
    size = width - 2 * QR_BORDER
    return [row[QR_BORDER : QR_BORDER + size] for row in grid[QR_BORDER : QR_BORDER + size]]


def qr_modules(address: str) -> list[list[bool]]:
    """segno's own modules for ``address``, at the error level and mask the site prints."""
    code = segno.make(address, error=QR_ERROR, mask=QR_MASK)
    return [[bool(cell) for cell in row] for row in code.matrix]
