"""Every link, anchor, image and language counterpart in a built site.

The checks read the built HTML rather than the Markdown, because that is what
readers get: the theme's navigation, the language switch, the ``hreflang``
alternates and the film-cue anchors only exist once the site is built.

One pass reads each HTML file once (lxml) into a :class:`Page`: its ids, the
addresses it uses and its images. Every check then works on that model:

- :func:`check_references`: internal addresses resolve to files, fragments to
  ids, no placeholders, external addresses use https, ``mailto:`` is
  well-formed;
- :func:`check_images`: images have meaningful alt text;
- :func:`check_languages`: every page has its counterpart, and the language
  switch and the ``hreflang`` alternates point at it;
- :func:`check_orphans`: every page is linked from another page.

Rule ids and how to fix each are in ``docs-dev/link-rules.md``.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import NamedTuple, TextIO
from urllib.parse import quote, unquote, urljoin, urlsplit

from lxml import etree

from leadership.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    counterpart_site_path,
    language_of_site_path,
    site_prefix,
)
from leadership.reporting import Problem, report

CHECK_NAME = "check-links"

# Rule ids (leadership/rules.py), each explained in docs-dev/link-rules.md.
from leadership.rules import (  # noqa: E402
    BROKEN_LINK,
    EXTERNAL_LINK,
    HREFLANG_ALTERNATE,
    IMAGE_ALT,
    INSECURE_LINK,
    LANGUAGE_SWITCH,
    LINK_RULES,
    MALFORMED_MAILTO,
    MISSING_COUNTERPART,
    MISSING_FRAGMENT,
    ORPHAN_PAGE,
    PLACEHOLDER_LINK,
    SITEMAP_HREFLANG,
    UNREADABLE_PAGE,
)

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


# --------------------------------------------------------------------------
# Resolving an address
# --------------------------------------------------------------------------


def resolve_references(site: Site) -> None:
    """Resolve every address once; the checks then read ``reference.target``."""
    for page in site.pages.values():
        for reference in page.references:
            if reference.attribute == "usemap" or reference.absent:
                reference.target = Target("ignored", reference.url)
            else:
                reference.target = resolve(site, page, reference.url)


def resolve(site: Site, page: Page, url: str) -> Target:
    """Where ``url``, written on ``page``, leads."""
    scheme_match = URL_SCHEME.match(url)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    if scheme == "mailto":
        return Target("mailto", url)
    if scheme == "tel":
        return Target("tel", url)
    if scheme and scheme not in NETWORK_SCHEMES:
        return Target("ignored", url)
    if scheme or url.startswith("//") or page.base:
        try:
            absolute = urljoin(site.page_url(page), url)
            parts = urlsplit(absolute)
        except ValueError as error:  # such as "http://[not-an-ip/"
            return Target("invalid", url, error=f"is not a valid address ({error})")
        if (scheme or url.startswith("//")) and (
            site.origin == PLACEHOLDER_ORIGIN or parts.netloc.lower() != site.netloc
        ):
            return Target("external", absolute)
        path = parts.path
    else:
        # A relative address on a page without <base>: the common case, resolved
        # without urljoin, which is slow (RFC 3986, section 5.2).
        path = url.partition("#")[0].partition("?")[0]
        if not path:
            path = site.base_path + page.url_path
        elif not path.startswith("/"):
            path = _join_relative(site.base_path + page.url_directory, path)
        elif "/." in path:
            path = remove_dot_segments(path)
    fragment = url.partition("#")[2] if "#" in url else None
    if not path.startswith(site.base_path):
        return Target(
            "internal", url, fragment=fragment,
            error=f"leads outside the site, which is served from {site.base_path}",
        )  # fmt: skip
    wanted = unquote(path[len(site.base_path) :])
    if "//" in wanted:
        wanted = REPEATED_SLASHES.sub("/", wanted)  # as web servers read "a//b"
    return _resolve_file(site, url, wanted, fragment)


def _join_relative(directory: str, relative: str) -> str:
    """A relative path resolved against an absolute ``directory`` that ends in "/"."""
    if relative.startswith("../"):
        ups = 1
        while relative.startswith("../", 3 * ups):
            ups += 1
        relative = relative[3 * ups :]
        segments = directory.split("/")  # "/a/b/" -> ["", "a", "b", ""]
        directory = "/".join(segments[: max(1, len(segments) - 1 - ups)]) + "/"
    while relative.startswith("./"):
        relative = relative[2:]
    if relative.startswith(".") or "/." in relative:
        return remove_dot_segments(directory + relative)
    return directory + relative


def remove_dot_segments(path: str) -> str:
    """An absolute URL path with "." and ".." resolved, as RFC 3986 section 5.2.4."""
    if "./" not in path and not path.endswith((".", "..")):
        return path
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments[1:], start=1):
        last = index == len(segments) - 1
        if segment == "..":
            if len(output) > 0:
                output.pop()
            if last:
                output.append("")
        elif segment == ".":
            if last:
                output.append("")
        else:
            output.append(segment)
    return "/" + "/".join(output)


def _resolve_file(site: Site, url: str, wanted: str, fragment: str | None) -> Target:
    """The file a decoded site path names: a file, or a folder's index.html."""
    if wanted in site.files:
        return Target("internal", url, wanted, fragment)
    folder = wanted.rstrip("/")
    index = site.file_for_directory(folder)
    if (wanted == "" or wanted.endswith("/") or folder in site.directories) and index in site.files:
        return Target("internal", url, index, fragment)
    if folder in site.directories or folder == "":
        error, missing = f"{index} does not exist", index
    else:
        missing = index if wanted.endswith("/") else wanted
        error = f"{wanted} does not exist"
    return Target("internal", url, fragment=fragment, error=error, missing=missing)


def fragment_exists(page: Page, fragment: str) -> bool:
    """Whether a browser would find ``fragment`` on ``page``.

    As the HTML standard's "find a potential indicated element": the fragment
    as written, then percent-decoded as UTF-8; an empty fragment and "top"
    mean the top of the page. Ids are case-sensitive and never normalised.
    """
    if fragment in page.ids:
        return True
    decoded = _unquote_or_none(fragment) if "%" in fragment else fragment
    if decoded is None:
        return False
    if decoded in page.ids:
        return True
    return decoded == "" or decoded.lower() == "top"


def _unquote_or_none(text: str) -> str | None:
    try:
        return unquote(text, errors="strict")
    except UnicodeDecodeError:
        return None


def _fragment_hint(page: Page, fragment: str) -> str:
    """Name an id that differs only in case or Unicode composition, if there is one."""
    wanted = unicodedata.normalize("NFC", _unquote_or_none(fragment) or fragment)
    for candidate in sorted(page.ids):
        composed = unicodedata.normalize("NFC", candidate)
        if composed == wanted:
            return (
                f'; the page has "{candidate}", the same letters typed differently '
                "(a letter plus a separate accent): type ŵ, ŷ, â... as single characters"
            )
        if composed.casefold() == wanted.casefold():
            return f'; did you mean "{candidate}"? Ids are case-sensitive'
    return ""


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------


def check_references(site: Site) -> list[Finding]:
    """Broken links, missing fragments, placeholders, insecure links, bad mailto."""
    findings: list[Finding] = []
    for page in site.pages.values():
        for reference in page.references:
            findings.extend(_check_reference(site, page, reference))
    return findings


def _check_reference(site: Site, page: Page, reference: Reference) -> Iterator[Finding]:
    url = reference.url
    if reference.absent:
        what = f"<{reference.tag}>"
        yield _finding(
            reference, BROKEN_LINK, f"{what} has no {reference.attribute}: add the address"
        )
        return
    if reference.attribute == "usemap":
        yield from _check_usemap(page, reference)
        return
    placeholder = placeholder_reason(reference)
    if placeholder:
        yield _finding(reference, PLACEHOLDER_LINK, f"{reference.label} {placeholder}")
        return
    if url == "":
        return  # an empty form action or cite: allowed
    target = reference.target or resolve(site, page, url)
    if target.kind == "mailto":
        reason = mailto_problem(url)
        if reason:
            yield _finding(reference, MALFORMED_MAILTO, f"{reference.label}: {reason}")
    elif target.kind == "external":
        reserved = reserved_host_reason(target)
        if reserved:
            yield _finding(reference, PLACEHOLDER_LINK, f"{reference.label} {reserved}")
        else:
            yield from _check_external(reference, target)
    elif target.kind == "internal":
        yield from _check_internal(site, page, reference, target)
    elif target.kind == "invalid":
        yield _finding(reference, BROKEN_LINK, f"{reference.label} {target.error}")


def _check_usemap(page: Page, reference: Reference) -> Iterator[Finding]:
    name = reference.url
    if not name.startswith("#") or len(name) < 2:
        yield _finding(
            reference, BROKEN_LINK, f'{reference.label}: a usemap must be "#" and a map name'
        )
    elif name[1:] not in page.map_names | page.ids:
        yield _finding(
            reference,
            MISSING_FRAGMENT,
            f'{reference.label}: no <map name="{name[1:]}"> on this page',
        )


def placeholder_reason(reference: Reference) -> str | None:
    """Why an address is a placeholder rather than a destination, or None."""
    url, attribute = reference.url, reference.attribute
    if attribute not in RESOURCE_ATTRIBUTES:
        return "runs a script: give the real address" if _is_script(url) else None
    if url == "":
        return "is empty: give the real address, or remove the link"
    if url == "#":
        return 'goes nowhere ("#"): give the real address, or remove the link'
    if _is_script(url):
        return "runs a script instead of linking: give the real address"
    scheme_match = URL_SCHEME.match(url)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    if scheme == "tel" and not url[4:].strip():
        return "has no telephone number"
    relative = not scheme and not url.startswith("//")
    if relative and PLACEHOLDER_WORD.search(unquote(url) if "%" in url else url):
        return "is a placeholder (TODO): give the real address"
    return None


def reserved_host_reason(target: Target) -> str | None:
    """Why an external address is a stand-in (example.com, localhost), or None."""
    host = (urlsplit(target.url).hostname or "").lower()
    if _is_reserved_host(host):
        return f'points at "{host}", which is reserved for examples: give the real address'
    return None


def _is_script(url: str) -> bool:
    return url.lower().startswith("javascript:")


def _is_reserved_host(host: str) -> bool:
    return (
        host in RESERVED_HOSTS
        or host.endswith(RESERVED_HOST_SUFFIXES)
        or any(host.endswith("." + reserved) for reserved in RESERVED_HOSTS)
        or bool(LOOPBACK_HOST.match(host))
        or ("." not in host and not host.startswith("["))
    )


def mailto_problem(url: str) -> str | None:
    """Why a mailto: address is malformed (RFC 6068), or None."""
    body = url[len("mailto:") :]
    recipients, _, query = body.partition("?")
    bad_escape = INVALID_PERCENT_ESCAPE.search(body)
    if bad_escape:
        return f'"{body[bad_escape.start() : bad_escape.start() + 3]}" is not a valid %-escape'
    addresses = [recipients] if recipients else []
    for pair in query.split("&") if query else []:
        name, _, value = pair.partition("=")
        if name.lower() in ("to", "cc", "bcc") and value:
            addresses.append(value)
    if not addresses:
        return "has no email address"
    for chunk in addresses:
        decoded = _unquote_or_none(chunk)
        if decoded is None:
            return f'"{chunk}" is not UTF-8 once %-decoded'
        for address in decoded.split(","):
            address = address.strip()
            if not EMAIL_ADDRESS.match(address):
                return f'"{address}" is not an email address'
    return None


def _check_external(reference: Reference, target: Target) -> Iterator[Finding]:
    scheme = urlsplit(target.url).scheme
    if scheme in ("http", "ftp"):
        secure = "https" + target.url[len(scheme) :]
        yield _finding(
            reference,
            INSECURE_LINK,
            f"{reference.label} uses {scheme}: link to {secure} (check it works first)",
        )


def _check_internal(
    site: Site, page: Page, reference: Reference, target: Target
) -> Iterator[Finding]:
    if target.error:
        if _covered_by_missing_counterpart(site, page, reference, target):
            return
        yield _finding(reference, BROKEN_LINK, f"{reference.label}: {target.error}")
        return
    if target.fragment is None or not target.path:
        return
    destination = site.pages.get(target.path)
    if destination is None:
        return  # not HTML (a PDF, an image): fragments there are not ids
    if not fragment_exists(destination, target.fragment):
        where = "this page" if destination is page else destination.path
        hint = _fragment_hint(destination, target.fragment)
        yield _finding(
            reference,
            MISSING_FRAGMENT,
            f'{reference.label}: no id "{target.fragment}" on {where}{hint}',
        )


def _covered_by_missing_counterpart(
    site: Site, page: Page, reference: Reference, target: Target
) -> bool:
    """A language link to a counterpart that does not exist is reported once, as such."""
    if not (reference.is_language_switch or reference.is_alternate):
        return False
    language = _primary_subtag(reference.hreflang or "")
    if language not in LANGUAGES or language == page.language:
        return False
    expected = page.counterparts[language]
    return expected not in site.files and target.missing == expected


def _finding(reference: Reference, rule: str, message: str, severity: str = "error") -> Finding:
    return Finding(reference, reference.page, reference.line, rule, message, severity)


def check_images(site: Site) -> list[Finding]:
    """Images without meaningful alt text."""
    findings = []
    for page in site.pages.values():
        for image in page.images:
            reason = alt_problem(image)
            if reason:
                src = image.src[:MESSAGE_URL_LIMIT] if image.src is not None else None
                label = "<img>" if src is None else f'<img src="{src}">'
                findings.append(
                    Finding(image, page.path, image.line, IMAGE_ALT, f"{label} {reason}")
                )
    return findings


def alt_problem(image: Image) -> str | None:
    """Why an image's alt text does not describe it, or None."""
    if image.alt is None:
        return (
            "has no alt attribute: describe the image in alt, or mark it decorative "
            'with alt="" role="presentation"'
        )
    alt = " ".join(image.alt.split())
    if not alt:
        if image.decorative:
            return None
        return (
            "has empty alt text: describe the image, or, if it is decorative, "
            'add role="presentation"'
        )
    file_name = unquote((image.src or "").partition("?")[0].partition("#")[0]).rpartition("/")[2]
    stem = file_name.rsplit(".", 1)[0]
    # A stem counts only when it reads like a slug ("team-meeting", "IMG_0042"):
    # alt="GPL" for gpl.png names what the image shows.
    slug_stem = alt == stem and bool(SLUG_MARK.search(stem))
    if IMAGE_FILENAME.match(alt) or alt == file_name or slug_stem:
        return f'has a file name as alt text ("{alt}"): describe what the image shows'
    if alt.lower() in GENERIC_ALT:
        return f'has alt text "{alt}", which says nothing about it: describe what it shows'
    return None


def check_languages(site: Site) -> list[Finding]:
    """Counterparts, the language switch and the hreflang alternates."""
    findings: list[Finding] = []
    for page in site.pages.values():
        findings.extend(_check_counterparts(site, page))
        if page.is_redirect:
            continue
        findings.extend(_check_language_links(site, page, switch=True))
        findings.extend(_check_language_links(site, page, switch=False))
    return findings


def _check_counterparts(site: Site, page: Page) -> Iterator[Finding]:
    for language in LANGUAGES:
        if language == page.language:
            continue
        counterpart = page.counterparts[language]
        if counterpart not in site.files:
            yield Finding(
                None,
                page.path,
                1,
                MISSING_COUNTERPART,
                f"no {LANGUAGE_NAMES[language]} counterpart: {counterpart} does not exist "
                f"(add docs/{language}/... with the same path as this page's source)",
            )


def _check_language_links(site: Site, page: Page, *, switch: bool) -> Iterator[Finding]:
    """The switch must offer every other language; the alternates must name every language.

    A switch link to the page's own language is optional (Material lists all
    languages, this site's header only the other one), but must lead to the page.
    """
    if switch:
        rule, what = LANGUAGE_SWITCH, "language switch link"
        links = [r for r in page.references if r.is_language_switch]
        missing_line = page.header_line or 1
        required = [language for language in LANGUAGES if language != page.language]
    else:
        rule, what = HREFLANG_ALTERNATE, '<link rel="alternate">'
        links = [r for r in page.references if r.is_alternate]
        missing_line = page.head_line
        # Alternates in the head are optional when sitemap.xml holds them (check_sitemap);
        # a page that has some must have one for every language.
        required = list(LANGUAGES) if links or SITEMAP_FILE not in site.files else []
    seen: set[str] = set()
    for reference in links:
        hreflang = reference.hreflang or ""
        if hreflang.lower() == "x-default":
            language = DEFAULT_LANGUAGE
        else:
            language = _primary_subtag(hreflang)
        if language not in LANGUAGES:
            yield _finding(
                reference, rule, f"{reference.language_label} ({what}) names a language "
                f"the site does not have; it has {', '.join(LANGUAGES)}",
            )  # fmt: skip
            continue
        if hreflang.lower() != "x-default":
            seen.add(language)
        target = reference.target or resolve(site, page, reference.url)
        if target.kind != "internal" or target.error:
            continue  # reported as a broken link or a missing counterpart
        acceptable = _acceptable_language_targets(page, language)
        if target.path not in acceptable:
            yield _finding(
                reference,
                rule,
                f"{reference.language_label}{' (language switch)' * switch} leads to "
                f"{target.path}, not to this page's {LANGUAGE_NAMES[language]} counterpart "
                f"{acceptable[0]}",
            )
    for language in required:
        if language not in seen:
            yield Finding(
                None,
                page.path,
                missing_line,
                rule,
                f'no {what} with hreflang="{language}": add one that leads to '
                f"{page.counterparts[language]}",
            )


def _acceptable_language_targets(page: Page, language: str) -> list[str]:
    """The counterpart; a 404 page may instead offer the other language's home."""
    counterpart = page.counterparts[language]
    if page.path.rpartition("/")[2] == NOT_FOUND_PAGE and page.is_entry_point:
        return [counterpart, site_prefix(language) + INDEX_FILE]
    return [counterpart]


def _primary_subtag(hreflang: str) -> str:
    return hreflang.strip().split("-")[0].lower()


def check_orphans(site: Site) -> list[Finding]:
    """Pages no other page links to (navigation included), except entry points."""
    linked: set[str] = set()
    for page in site.pages.values():
        for reference in page.references:
            if not _is_followed(reference):
                continue
            target = reference.target or resolve(site, page, reference.url)
            if target.kind == "internal" and target.path and target.path != page.path:
                linked.add(target.path)
    findings = []
    for path, page in site.pages.items():
        if path in linked or page.is_entry_point or page.is_redirect:
            continue
        findings.append(
            Finding(
                None,
                path,
                1,
                ORPHAN_PAGE,
                "no other page links here and it is not in the navigation: "
                "add it to nav in mkdocs.yml or link it from a page",
            )
        )
    return findings


def _is_followed(reference: Reference) -> bool:
    """A link a reader follows: not the language switch, not a <link> or a resource."""
    if reference.tag == "meta":
        return True  # a refresh redirect
    return (
        reference.tag in FOLLOWED_ELEMENTS
        and reference.attribute == "href"
        and not reference.is_language_switch
    )


def check_site(site: Site) -> list[Problem]:
    """Every check, with each problem's line at the start of its element."""
    findings = [
        *check_references(site),
        *check_images(site),
        *check_languages(site),
        *check_orphans(site),
    ]
    return sorted({*site.unreadable, *to_problems(site, findings), *check_sitemap(site)})


def check_sitemap(site: Site) -> list[Problem]:
    """Every page in sitemap.xml, with an hreflang alternate for each language that leads to
    its counterpart (mkdocs-static-i18n writes them; the pages' heads do not repeat them)."""
    if SITEMAP_FILE not in site.files:
        return []
    try:
        tree = etree.parse(str(site.root / SITEMAP_FILE))
    except (OSError, etree.XMLSyntaxError) as error:
        return [Problem(SITEMAP_FILE, 1, SITEMAP_HREFLANG, f"cannot be read: {error}")]
    entries: dict[str, tuple[int, dict[str, str]]] = {}
    for url in tree.iterfind("sm:url", SITEMAP_NAMESPACES):
        location = url.findtext("sm:loc", default="", namespaces=SITEMAP_NAMESPACES).strip()
        alternates = {
            link.get("hreflang", ""): link.get("href", "")
            for link in url.iterfind("xhtml:link[@rel='alternate']", SITEMAP_NAMESPACES)
        }
        entries[location] = (url.sourceline or 1, alternates)
    problems = []
    for path, page in sorted(site.pages.items()):
        if page.is_redirect or path.rsplit("/", 1)[-1] == NOT_FOUND_PAGE:
            continue
        address = _sitemap_address(site, path)
        if address not in entries:
            problems.append(Problem(
                SITEMAP_FILE, 1, SITEMAP_HREFLANG,
                f"{address} ({path}) is not listed: it has no hreflang alternates anywhere",
            ))
            continue
        line, alternates = entries[address]
        for language in LANGUAGES:
            expected = _sitemap_address(site, page.counterparts[language])
            if alternates.get(language) != expected:
                problems.append(Problem(
                    SITEMAP_FILE, line, SITEMAP_HREFLANG,
                    f"{address}: the hreflang=\"{language}\" alternate is "
                    f"{alternates.get(language) or 'missing'}, not {expected}",
                ))
    return problems


def _sitemap_address(site: Site, path: str) -> str:
    """A page's public address as a sitemap writes it: a folder's index as the folder."""
    directory_path = path.removesuffix(INDEX_FILE) if path.endswith(INDEX_FILE) else path
    return f"{site.origin}{site.base_path}{quote(directory_path)}"


# --------------------------------------------------------------------------
# Lines: libxml2 reports where a start tag ends; readers want where it starts
# --------------------------------------------------------------------------


def to_problems(site: Site, findings: Iterable[Finding]) -> list[Problem]:
    """Problems, each at the line where its element's start tag begins.

    libxml2 gives the line of a start tag's closing ">", which differs from the
    line it starts on when its attributes span lines.
    """
    by_page: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_page[finding.page].append(finding)
    problems = []
    for path, page_findings in by_page.items():
        page = site.pages.get(path)
        located = [f for f in page_findings if f.reference is not None]
        starts = _start_lines(page.source, located) if page and located else {}
        problems.extend(f.problem(starts.get(id(f))) for f in page_findings)
    return problems


def _start_lines(source: bytes, findings: list[Finding]) -> dict[int, int]:
    """Where each finding's element starts, for those that do not start on their line."""
    lines = source.split(b"\n")
    elsewhere = [f for f in findings if not _starts_on_its_line(lines, f)]
    if not elsewhere:
        return {}
    text = source.decode("utf-8")
    root = etree.fromstring(source, etree.HTMLParser(encoding="utf-8", remove_comments=True))
    if root is None:
        return {}
    masked = RAW_TEXT.sub(lambda m: NOT_NEWLINE.sub(" ", m.group()), text)
    newlines = [match.start() for match in NEWLINE.finditer(masked)]
    starts: dict[int, int] = {}
    by_tag: dict[str, list[Finding]] = defaultdict(list)
    for finding in elsewhere:
        by_tag[_tag_of(finding)].append(finding)
    for tag, tag_findings in by_tag.items():
        elements = list(root.iter(tag))
        openings = [m.start() for m in re.finditer(rf"<{tag}(?=[\s/>])", masked, re.IGNORECASE)]
        if len(elements) != len(openings):
            continue  # the source and the tree disagree: keep libxml2's lines
        lines_at = [bisect.bisect_right(newlines, offset - 1) + 1 for offset in openings]
        for finding in tag_findings:
            for element, line in zip(elements, lines_at, strict=True):
                if element.sourceline == finding.line and _matches(element, finding.reference):
                    if line <= finding.line:
                        starts[id(finding)] = line
                    break
    return starts


def _tag_of(finding: Finding) -> str:
    return "img" if isinstance(finding.reference, Image) else finding.reference.tag


def _starts_on_its_line(lines: list[bytes], finding: Finding) -> bool:
    """The common case, seen without parsing again: the tag and its address on one line."""
    if not 0 < finding.line <= len(lines):
        return False
    line = lines[finding.line - 1]
    reference = finding.reference
    address = reference.src if isinstance(reference, Image) else reference.url
    opening = re.compile(rb"<" + _tag_of(finding).encode() + rb"[\s/>]", re.IGNORECASE)
    return (address or "").encode("utf-8") in line and opening.search(line) is not None


def _matches(element: etree._Element, reference: Reference | Image | None) -> bool:
    if isinstance(reference, Image):
        return element.get("src") == reference.src
    if reference is None:
        return False
    value = element.get(reference.attribute)
    if reference.absent:
        return value is None
    if reference.attribute == "content":
        return value is not None
    if value is None:
        return False
    if reference.attribute == "srcset":
        return reference.url in parse_srcset(value) or not reference.url
    return _clean_url(value) == reference.url


# --------------------------------------------------------------------------
# External addresses
# --------------------------------------------------------------------------


def external_addresses(site: Site) -> dict[str, list[tuple[str, int]]]:
    """Every external http(s) or ftp address and where it is used, sorted by address."""
    findings = []
    for page in site.pages.values():
        for reference in page.references:
            target = reference.target or resolve(site, page, reference.url)
            if target.kind == "external" and not reserved_host_reason(target):
                findings.append(_finding(reference, EXTERNAL_LINK, target.url))
    uses: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for use in to_problems(site, findings):  # at the line where each element starts
        uses[use.message].add((use.path, use.line))
    return {url: sorted(where) for url, where in sorted(uses.items())}


# --------------------------------------------------------------------------
# Configuration and output
# --------------------------------------------------------------------------


def site_url_from_config(config_path: Path) -> str | None:
    """site_url from an mkdocs.yml, or None when it has none or cannot be read."""
    import yaml  # only the command line needs it

    class TolerantLoader(yaml.SafeLoader):
        """Ignores tags such as !ENV and !!python/name that mkdocs.yml may use."""

    TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        from yaml_env_tag import construct_env_tag  # MkDocs' own !ENV [VARIABLE, default]

        TolerantLoader.add_constructor("!ENV", construct_env_tag)
    except ImportError:
        pass
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=TolerantLoader)
    except (OSError, UnicodeError, yaml.YAMLError):
        return None
    value = config.get("site_url") if isinstance(config, dict) else None
    return value if isinstance(value, str) and value.strip() else None


def render(
    problems: list[Problem],
    pages: int,
    external: dict[str, list[tuple[str, int]]],
    output_format: str = "text",
    stream: TextIO | None = None,
    checked_external: bool = False,
) -> int:
    """Report as every check does, plus the external addresses; return the exit code."""
    buffer = StringIO()
    exit_code = report(CHECK_NAME, problems, pages, "pages", output_format, buffer)
    output = buffer.getvalue()
    if output_format == "json":
        data = json.loads(output)
        data["external"] = [
            {"url": url, "uses": [{"path": p, "line": n} for p, n in uses]}
            for url, uses in external.items()
        ]
        data["external_checked"] = checked_external
        output = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        lines = output.rstrip("\n").split("\n")
        status = "checked" if checked_external else "listed, not checked (use --external)"
        count = len(external)
        lines[-1] += f"; {count} external address{'es' * (count != 1)} {status}"
        output = "\n".join(lines) + "\n"
    (stream or sys.stdout).write(output)
    return exit_code
