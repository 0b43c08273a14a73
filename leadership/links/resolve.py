"""Resolving an address used by a page: to a file of the site (and an id in it), an
external address, or a mistake; each address is resolved once (``resolve_references``)."""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote, urljoin, urlsplit

from leadership.links.collect import (
    NETWORK_SCHEMES,
    PLACEHOLDER_ORIGIN,
    REPEATED_SLASHES,
    URL_SCHEME,
    Page,
    Site,
    Target,
)

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
