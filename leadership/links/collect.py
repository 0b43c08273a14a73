"""Reading a built site: every HTML file read once (lxml) into a ``Page``, with its ids, the
addresses it uses and its images, and the model the other link modules share (``Site``,
``Page``, ``Reference``, ``Image``, ``Target``, ``Finding``).

The link checks read the built HTML rather than the Markdown, because that is what readers
get: the theme's navigation, the language switch, the ``hreflang`` alternates and the
film-cue anchors only exist once the site is built. Rule ids and how to fix each are in
``docs-dev/link-rules.md``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, urljoin, urlsplit

from lxml import etree

from leadership.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    counterpart_site_path,
    language_of_site_path,
    site_prefix,
)
from leadership.reporting import Problem

# Rule ids, each explained in docs-dev/link-rules.md.
from leadership.rules import (
    LINK_RULES,
    UNREADABLE_PAGE,
)

CHECK_NAME = "check-links"


RULES = LINK_RULES

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
INDEX_FILE = "index.html"
NOT_FOUND_PAGE = "404.html"
SITEMAP_FILE = "sitemap.xml"
SITEMAP_NAMESPACES = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
# Stands in for the site's origin when no site_url is known; never contacted.
PLACEHOLDER_ORIGIN = "http://site.invalid"

# Attributes that hold addresses: (element or "*", attribute). The same set
# lychee extracts, so that nothing lychee would check goes unchecked here.
URL_ATTRIBUTES = {
    "*": ("href", "src", "srcset", "cite", "usemap"),
    "video": ("poster",),
    "object": ("data", "codebase", "classid"),
    "form": ("action",),
    "button": ("formaction",),
    "input": ("formaction",),
    "body": ("background",),
    "html": ("manifest",),
    "img": ("longdesc",),
    "iframe": ("longdesc",),
    "frame": ("longdesc",),
}
# Material puts the language switch in the page's top-level <header>.
FIND_HEADER = etree.XPath("/html/body/header")
FIND_HEAD = etree.XPath("/html/head")
FIND_LANGUAGE_SWITCH = etree.XPath("/html/body/header//a[@hreflang]")
COMMON_URL_ATTRIBUTES = frozenset(URL_ATTRIBUTES["*"])
URL_ATTRIBUTES_OF = {
    tag: COMMON_URL_ATTRIBUTES | frozenset(attributes)
    for tag, attributes in URL_ATTRIBUTES.items()
    if tag != "*"
}
# Elements whose rel and hreflang matter to the checks.
LINKING_ELEMENTS = frozenset({"a", "area", "link"})
# Elements that show or load nothing without an address: tag -> (attribute, alternative).
REQUIRED_ADDRESS = {"img": ("src", "srcset"), "link": ("href", None)}
# Elements whose name attribute a fragment or a usemap can point at.
NAMED_TARGETS = frozenset({"a", "map"})
NO_RELS: frozenset[str] = frozenset()

# Where an empty value or a bare "#" is a placeholder. Elsewhere it is not: an
# empty form action means "submit to this page", an empty cite cites nothing.
RESOURCE_ATTRIBUTES = frozenset({"href", "src", "srcset", "poster", "data"})
# rel values whose href names an origin to warm up, not a resource.
ORIGIN_ONLY_RELS = frozenset({"preconnect", "dns-prefetch"})
# Elements a reader follows; only these count towards "linked from a page".
FOLLOWED_ELEMENTS = frozenset({"a", "area"})

URL_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
NETWORK_SCHEMES = frozenset({"http", "https", "ftp"})
# Whitespace the HTML URL parser strips from the ends, and tab/newline it drops inside.
URL_EDGE_WHITESPACE = "\t\n\f\r "
URL_INNER_WHITESPACE = re.compile(r"[\t\n\r]")
PLACEHOLDER_WORD = re.compile(r"(?i)(?<![a-z0-9])(?:todo|tbc|tbd|fixme)(?![a-z0-9])")
# Hosts reserved for examples and tests (RFC 2606, RFC 6761): never a real destination.
RESERVED_HOSTS = frozenset({"example.com", "example.org", "example.net", "localhost"})
RESERVED_HOST_SUFFIXES = (".example", ".invalid", ".test", ".localhost")
LOOPBACK_HOST = re.compile(r"^(?:127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$")
REFRESH_URL = re.compile(r"(?i)^\s*\d*(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?['\"]?([^'\"]*)")
INVALID_PERCENT_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
EMAIL_ADDRESS = re.compile(
    r"^(?![.])(?!.*[.]{2})[\w.!#$%&'*+/=?^`{|}~-]+(?<![.])"
    r"@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,}$"
)
SRCSET_DESCRIPTOR_END = re.compile(r"[^,(]*(?:\([^)]*\)[^,(]*)*")
META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)

# Alt text that names a file or says only "image": it tells a screen-reader
# user nothing. English and Welsh.
IMAGE_FILENAME = re.compile(r"(?i)^[^\s/\\]+\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico|tiff?)$")
GENERIC_ALT = frozenset(
    {
        "image", "img", "picture", "photo", "photograph", "graphic", "icon", "logo",
        "screenshot", "alt", "alt text", "placeholder", "todo", "tbc",
        "delwedd", "llun", "ffotograff", "graffeg", "eicon", "sgrinlun",
    }
)  # fmt: skip
DECORATIVE_ROLES = frozenset({"presentation", "none"})
SLUG_MARK = re.compile(r"[-_\d]")

# Content in which "<tag" is text, not a tag; masked before counting start tags.
RAW_TEXT = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>"
    r"|<(script|style|textarea|title)\b[^>]*>.*?</\1\s*>",
    re.DOTALL | re.IGNORECASE,
)
NOT_NEWLINE = re.compile(r"[^\n]")
NEWLINE = re.compile(r"\n")
REPEATED_SLASHES = re.compile(r"//+")
MESSAGE_URL_LIMIT = 120


class SiteError(Exception):
    """The site folder cannot be checked at all (a usage error, exit 2)."""


# --------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Reference:
    """One address in one attribute of one element."""

    page: str
    line: int
    tag: str
    attribute: str
    url: str
    rel: frozenset[str] = frozenset()
    hreflang: str | None = None
    in_header: bool = False
    absent: bool = False  # the element needs this attribute and has none
    target: Target | None = None  # set by resolve_references once every file is known

    @property
    def label(self) -> str:
        """How the message names it: ``<a href="...">``."""
        url = self.url
        if len(url) > MESSAGE_URL_LIMIT:
            url = url[: MESSAGE_URL_LIMIT - 1] + "…"
        return f'<{self.tag} {self.attribute}="{url}">'

    @property
    def language_label(self) -> str:
        """A language link named with its hreflang: ``<a hreflang="cy" href="...">``."""
        rel = ' rel="alternate"' if self.tag == "link" else ""
        return f'<{self.tag}{rel} hreflang="{self.hreflang}" href="{self.url}">'

    @property
    def is_language_switch(self) -> bool:
        return self.tag == "a" and self.in_header and self.hreflang is not None

    @property
    def is_alternate(self) -> bool:
        return self.tag == "link" and "alternate" in self.rel and self.hreflang is not None


@dataclass(frozen=True)
class Image:
    page: str
    line: int
    src: str | None
    alt: str | None
    decorative: bool


@dataclass
class Page:
    """What the checks need to know about one HTML file."""

    path: str
    ids: frozenset[str] = frozenset()
    map_names: frozenset[str] = frozenset()
    references: list[Reference] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    base: str | None = None
    header_line: int | None = None
    head_line: int = 1
    is_redirect: bool = False
    source: bytes = field(default=b"", repr=False)  # the UTF-8 text parsed, for line numbers
    language: str = field(init=False, default=DEFAULT_LANGUAGE)
    counterparts: dict[str, str] = field(init=False, default_factory=dict)
    url_directory: str = field(init=False, default="")  # %-encoded folder: "principles/x/"
    url_path: str = field(init=False, default="")  # %-encoded path: "principles/x/index.html"

    def __post_init__(self) -> None:
        folder, slash, _ = self.path.rpartition("/")
        self.url_directory = quote(folder + slash)
        self.url_path = quote(self.path)
        self.language = language_of_site_path(self.path)
        self.counterparts = {
            language: counterpart_site_path(self.path, language) for language in LANGUAGES
        }

    @property
    def is_entry_point(self) -> bool:
        """The home and 404 page of each language are reached without a link."""
        prefix = site_prefix(self.language)
        return self.path in (prefix + INDEX_FILE, prefix + NOT_FOUND_PAGE)


@dataclass
class Site:
    """A built site: every file in it, and every HTML page read."""

    root: Path
    files: frozenset[str]
    directories: frozenset[str]
    pages: dict[str, Page]
    origin: str = PLACEHOLDER_ORIGIN
    base_path: str = "/"
    unreadable: list[Problem] = field(default_factory=list)

    @property
    def netloc(self) -> str:
        return urlsplit(self.origin).netloc

    def page_url(self, page: Page) -> str:
        url = f"{self.origin}{self.base_path}{page.url_path}"
        return urljoin(url, page.base) if page.base else url

    def file_for_directory(self, directory: str) -> str:
        return f"{directory}/{INDEX_FILE}" if directory else INDEX_FILE


class Target(NamedTuple):
    """Where an address leads."""

    kind: str  # "internal", "external", "mailto", "tel", "ignored" or "invalid"
    url: str
    path: str | None = None  # internal: the file it resolves to, when it exists
    fragment: str | None = None
    error: str | None = None  # internal: why it does not resolve
    missing: str | None = None  # internal: the file that would have made it resolve


@dataclass
class Finding:
    """A problem before its line is corrected to where the element starts."""

    reference: Reference | Image | None
    page: str
    line: int
    rule: str
    message: str
    severity: str = "error"

    def problem(self, line: int | None = None) -> Problem:
        return Problem(self.page, line or self.line, self.rule, self.message, self.severity)


# --------------------------------------------------------------------------
# Reading the site
# --------------------------------------------------------------------------


def read_site(root: Path | str, site_url: str | None = None) -> Site:
    """Read every HTML file under ``root``; raise SiteError if it is not a folder."""
    root = Path(root)
    if not root.exists():
        raise SiteError(f"site folder {root} does not exist")
    if not root.is_dir():
        raise SiteError(f"{root} is not a folder")
    origin, base_path = split_site_url(site_url)
    files: set[str] = set()
    directories: set[str] = set()
    top = os.fspath(root)
    for folder, _subfolders, names in os.walk(top):
        relative = os.path.relpath(folder, top).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        if prefix:
            directories.add(relative)
        files.update(prefix + name for name in names)
    site = Site(root, frozenset(files), frozenset(directories), {}, origin, base_path)
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    for path in sorted(files):
        if path.lower().endswith(HTML_SUFFIXES):
            page = read_page(root, path, parser, site.unreadable)
            if page is not None:
                site.pages[path] = page
    from leadership.links.resolve import resolve_references  # it needs this module's model

    resolve_references(site)
    return site


def split_site_url(site_url: str | None) -> tuple[str, str]:
    """The origin and the path (always ending in "/") a site is served from."""
    if not site_url:
        return PLACEHOLDER_ORIGIN, "/"
    parts = urlsplit(site_url)
    if not parts.scheme or not parts.netloc:
        return PLACEHOLDER_ORIGIN, _with_slashes(parts.path)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}", _with_slashes(parts.path)


def _with_slashes(path: str) -> str:
    path = "/" + path.strip("/")
    return path if path == "/" else path + "/"


def decode_html(data: bytes) -> tuple[str, str]:
    """The text of an HTML file and its encoding: UTF-8 unless a BOM or <meta charset> says not.

    Raises UnicodeError (or LookupError for an unknown charset) when it is not text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data:
        raise UnicodeError("it contains NUL bytes (a binary file named .html?)")
    declared = META_CHARSET.search(data[:2048])
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if encoding in ("utf8", "utf_8"):
        encoding = "utf-8"
    return data.decode(encoding), encoding


def read_page(
    root: Path, path: str, parser: etree.HTMLParser, problems: list[Problem]
) -> Page | None:
    """Parse one HTML file into a Page; on failure add a problem and return None."""
    try:
        with open(os.path.join(root, path), "rb") as handle:
            data = handle.read()
    except OSError as error:
        problems.append(Problem(path, 1, UNREADABLE_PAGE, f"cannot be read: {error.strerror}"))
        return None
    try:
        text, encoding = decode_html(data)
    except (UnicodeError, LookupError) as error:
        problems.append(Problem(path, _error_line(data, error), UNREADABLE_PAGE, _why(error)))
        return None
    # The parser is told the bytes are UTF-8, which overrides any <meta charset>.
    source = data if encoding == "utf-8" else text.encode("utf-8")
    try:
        root_element = etree.fromstring(source, parser) if source.strip() else None
    except (etree.XMLSyntaxError, etree.ParserError) as error:
        problems.append(Problem(path, 1, UNREADABLE_PAGE, f"cannot be parsed as HTML: {error}"))
        return None
    page = Page(path, source=source)
    if root_element is not None:
        _fill_page(page, root_element)
    return page


def _why(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        byte = error.object[error.start : error.start + 1].hex()
        return (
            f"is not {error.encoding} text (byte 0x{byte} at offset {error.start}): "
            "save it as UTF-8"
        )
    if isinstance(error, LookupError):
        return f"declares a character set Python does not know ({error}): use UTF-8"
    return f"is not HTML text: {error}"


def _error_line(data: bytes, error: Exception) -> int:
    if isinstance(error, UnicodeDecodeError):
        return data.count(b"\n", 0, error.start) + 1
    return 1


def _fill_page(page: Page, root: etree._Element) -> None:
    """Collect ids, addresses and images in one walk over the tree.

    One walk in Python is about three times faster here than one XPath query
    per kind of thing, each of which walks the whole tree again.
    """
    headers = FIND_HEADER(root)
    if headers:
        page.header_line = headers[0].sourceline or 1
    heads = FIND_HEAD(root)
    if heads:
        page.head_line = heads[0].sourceline or 1
    # lxml keeps one proxy per node while it is referenced, so ids identify elements.
    switch = FIND_LANGUAGE_SWITCH(root)
    switch_ids = {id(element) for element in switch}
    ids: list[str] = []
    map_names: list[str] = []
    references = page.references
    for element in root.iter():
        tag = element.tag
        if tag == "img":
            page.images.append(_image(page, element))
        if tag in REQUIRED_ADDRESS:
            _add_if_absent(page, element, tag)
        attributes = element.items()
        if not attributes:
            continue
        wanted = URL_ATTRIBUTES_OF.get(tag, COMMON_URL_ATTRIBUTES)
        found = []
        for attribute, value in attributes:
            if attribute == "id":
                ids.append(value)
            elif attribute in wanted:
                found.append((attribute, value))
            elif attribute == "name" and tag in NAMED_TARGETS:
                (ids if tag == "a" else map_names).append(value)
        if tag == "meta":
            _add_refresh(page, element)
        elif not found or tag == "base":
            if tag == "base" and page.base is None:
                page.base = _clean_url(element.get("href", ""))
        elif tag == "a" and _is_theme_share_button(element):
            continue
        else:
            _add_references(page, references, element, found, id(element) in switch_ids)
    del switch
    page.ids = frozenset(ids)
    page.map_names = frozenset(map_names)


def _add_if_absent(page: Page, element: etree._Element, tag: str) -> None:
    """An image with no source or a <link> with no href: it shows or loads nothing."""
    attribute, alternative = REQUIRED_ADDRESS[tag]
    if element.get(attribute) is None and (alternative is None or element.get(alternative) is None):
        line = element.sourceline or 1
        page.references.append(Reference(page.path, line, tag, attribute, "", absent=True))


def _add_references(
    page: Page,
    references: list[Reference],
    element: etree._Element,
    found: list[tuple[str, str]],
    in_header: bool,
) -> None:
    tag = element.tag
    rel: frozenset[str] = NO_RELS
    hreflang = None
    if tag in LINKING_ELEMENTS:
        rel_value = element.get("rel")
        if rel_value:
            rel = frozenset(rel_value.lower().split())
            if tag == "link" and rel & ORIGIN_ONLY_RELS:
                return
        hreflang = element.get("hreflang")
    line = element.sourceline or 1
    for attribute, value in found:
        srcset = attribute == "srcset"
        urls = (parse_srcset(value) or [""]) if srcset else [_clean_url(value)]
        for url in urls:
            references.append(
                Reference(page.path, line, tag, attribute, url, rel, hreflang, in_header)
            )


def _image(page: Page, image: etree._Element) -> Image:
    role = (image.get("role") or "").strip().lower()
    hidden = (image.get("aria-hidden") or "").strip().lower() == "true"
    return Image(
        page.path,
        image.sourceline or 1,
        image.get("src"),
        image.get("alt"),
        role in DECORATIVE_ROLES or hidden,
    )


def _add_refresh(page: Page, element: etree._Element) -> None:
    """<meta http-equiv="refresh" content="0; url=..."> is a redirect to follow."""
    if (element.get("http-equiv") or "").strip().lower() != "refresh":
        return
    match = REFRESH_URL.match(element.get("content", ""))
    if match and match.group(1).strip():
        page.is_redirect = True
        url = _clean_url(match.group(1))
        page.references.append(
            Reference(page.path, element.sourceline or 1, "meta", "content", url)
        )


def _is_theme_share_button(element: etree._Element) -> bool:
    """Material's search "share" button: its href is filled in by the theme's script.

    With the search.share feature, Material renders
    ``<a href="javascript:void(0)" data-md-component="search-share">`` in the
    header's search form and writes the real address on click. It is the only
    markup of the theme that is a placeholder by design; content never has
    data-md-component.
    """
    return element.get("data-md-component") == "search-share" and _clean_url(
        element.get("href", "")
    ).lower().startswith("javascript:")


def _clean_url(value: str) -> str:
    value = value.strip(URL_EDGE_WHITESPACE)
    if "\n" in value or "\t" in value or "\r" in value:
        value = URL_INNER_WHITESPACE.sub("", value)
    return value


def parse_srcset(value: str) -> list[str]:
    """The URLs in a srcset attribute (WHATWG "parse a srcset attribute", URLs only)."""
    urls = []
    position, end = 0, len(value)
    while position < end:
        while position < end and (value[position] in URL_EDGE_WHITESPACE or value[position] == ","):
            position += 1
        if position >= end:
            break
        start = position
        while position < end and value[position] not in URL_EDGE_WHITESPACE:
            position += 1
        url = value[start:position]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            descriptors = SRCSET_DESCRIPTOR_END.match(value, position)
            position = descriptors.end() if descriptors else end
        if url:
            urls.append(url)
    return urls
