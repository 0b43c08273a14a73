"""The allowlist every page's HTML must pass: what nh3 would remove is a problem.

A denylist read with a regex or Python's ``html.parser`` misses what a browser parses
differently (markup inside ``<svg>`` and ``<style>``, odd comments, ``<img/src=...>``), so
the HTML Markdown rendered from a page is read by nh3 (the Python binding of Rust's ammonia,
which parses with html5ever, as browsers do) twice:

- *as it is*: every element and attribute the page could hold is allowed, so the result is
  the page as a browser's parser reads it, written out again in a canonical form;
- *by the allowlist*: only the elements, attributes and addresses below survive.

When the two differ, the allowlist removed something, and each removed element or attribute
(read from the canonical form, which ``html.parser`` reads faithfully) becomes a finding.
nh3 is the judge: a difference the walk cannot name is still reported.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

# Ammonia's default elements without image maps, with tables' footers, this site's media and
# the sections of the presenter view (leadership/activities/presenting.py).
ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS - {"area", "map"} | {"tfoot", "video", "audio",
                                                                "source", "track", "section"})
GENERIC_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "style", "role"})
GENERIC_ATTRIBUTE_PREFIXES = frozenset({"aria-"})
TAG_ATTRIBUTES = {
    "a": {"href", "hreflang"},
    # The presenter view's steps: inert data the presenter script reads.
    "section": {"data-present-step", "data-minutes", "data-present-rest"},
    "abbr": set(),
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "time": {"datetime"},
    "img": {"src", "alt", "width", "height", "loading"},
    "video": {"src", "poster", "controls", "preload", "width", "height", "muted", "playsinline"},
    "audio": {"src", "controls", "preload"},
    "source": {"src", "type"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "th": {"colspan", "rowspan", "headers", "scope", "align"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "col": {"span"},
    "colgroup": {"span"},
    "bdo": {"dir"},
    "data": {"value"},
}
ATTRIBUTES = {
    tag: set(TAG_ATTRIBUTES.get(tag, ())) | GENERIC_ATTRIBUTES for tag in ALLOWED_TAGS
}
# Links may go to another site; nothing else may load from one.
URL_SCHEMES = frozenset({"https", "mailto"})
LINK_ATTRIBUTES = frozenset({"href", "cite"})
SOURCE_ATTRIBUTES = frozenset({"src", "poster"})

# Why a refused element is refused: (rule, reason). Any other element outside the allowlist
# is ``unsafe-element``.
SCRIPT = ("unsafe-script", "runs a script: pages may not run scripts")
FRAME = ("unsafe-iframe", "embeds another document: link to it instead")
REFUSED_ELEMENTS = {
    "script": SCRIPT,
    "iframe": FRAME, "frame": FRAME, "frameset": FRAME, "object": FRAME, "embed": FRAME,
    "portal": FRAME, "applet": FRAME,
    "svg": ("unsafe-element", "inline SVG is not allowed: add the picture as an image file"),
    "math": ("unsafe-element", "inline MathML is not allowed"),
    "style": ("unsafe-element", "a <style> element is not allowed: the site's stylesheet "
              "styles every page"),
    "link": ("unsafe-element", "loads a file into the page: not allowed"),
    "base": ("unsafe-element", "changes where every address on the page points: not allowed"),
    "meta": ("unsafe-element", "may redirect or reconfigure the page: not allowed"),
    "form": ("unsafe-element", "sends what a reader types somewhere: not allowed"),
}
# A style attribute may set how an element looks, never load anything or hide what it does.
UNSAFE_STYLE = re.compile(r"url\s*\(|@import|image-set|image\s*\(|expression|\\|src\s*\(", re.I)
# Material finds its own configuration and components by these ids.
RESERVED_ID = re.compile(r"__|md-", re.I)

# html5's tokenizer: a tag name follows "<" (or "</") and runs to a space, "/" or ">";
# an attribute name runs to a space, "/", ">" or "=" (and may start with "=").
TAG_NAME = re.compile(r"</?([A-Za-z][^\t\n\f\r />]*)")
ATTRIBUTE_RUN = re.compile(r"[^\t\n\f\r />]+")
QUOTE_OR_EQUALS = re.compile("[\"'=]")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*(?=:)")
IGNORED_IN_URL = re.compile("[\t\n\r]")
C0_AND_SPACE = "".join(map(chr, range(0x21)))
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
IGNORED_ANYWHERE = str.maketrans("", "", C0_AND_SPACE + "\x7f")
# Appended to the page: missing from what nh3 read, the page ends inside a tag or a comment,
# which would swallow the markup around the page's content.
END_MARK = "<wbr>"


@dataclass(frozen=True)
class Finding:
    """Something the allowlist removes: rule, message, and the source text it shows as
    (clues, most telling first: every part of a clue is on the line)."""

    rule: str
    message: str
    clues: tuple[tuple[str, ...], ...]


def url_scheme(value: str) -> str | None:
    """The scheme of an address (lower case), None when relative: read with every space
    and control character removed, stricter than a browser, which ignores only some."""
    cleaned = value.translate(IGNORED_ANYWHERE)
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", cleaned)
    return match[1].lower() if match else None


def foreign(value: str, allowed_hosts: Iterable[str]) -> bool:
    """Whether an address loads from another host (a relative one is this site)."""
    cleaned = IGNORED_IN_URL.sub("", value.strip(C0_AND_SPACE)).replace("\\", "/")
    if url_scheme(cleaned) is None and not cleaned.startswith("//"):
        return False
    parts = urlsplit(cleaned)
    return parts.scheme not in ("https", "") or (parts.hostname or "") not in set(allowed_hosts)


def attribute_problem(
    element: str, attribute: str, value: str, allowed_hosts: Iterable[str] = ()
) -> tuple[str, str] | None:
    """(rule, message) when the allowlist refuses this attribute on this element."""
    if attribute not in ATTRIBUTES.get(element, ()) and not attribute.startswith(
        tuple(GENERIC_ATTRIBUTE_PREFIXES)
    ):
        if re.fullmatch(r"on.+", attribute):
            return ("unsafe-event-handler",
                    f"inline event handler {attribute}= on <{element}>: pages may not run scripts")
        return ("unsafe-attribute", f"attribute {attribute}= is not allowed on <{element}>")
    if attribute in LINK_ATTRIBUTES:
        scheme = url_scheme(value)
        if scheme is not None and scheme not in URL_SCHEMES:
            return ("unsafe-url", f"{attribute}={value!r} on <{element}>: link to a page, an "
                    "https:// address or a mailto: address instead")
    if attribute in SOURCE_ATTRIBUTES and foreign(value, allowed_hosts):
        return ("unsafe-foreign-source", f"<{element} {attribute}={value!r}> loads from another "
                "host: put the file in docs/ and use its relative address")
    if attribute == "style" and UNSAFE_STYLE.search(value):
        return ("unsafe-style", f"style={value!r} on <{element}> may load from another host or "
                "hide what it does: no url(), @import or escapes")
    if attribute == "id" and RESERVED_ID.match(value):
        return ("unsafe-attribute", f"id={value!r} on <{element}> is reserved for the theme")
    return None


def element_problem(element: str) -> tuple[str, str] | None:
    if element in ALLOWED_TAGS:
        return None
    rule, reason = REFUSED_ELEMENTS.get(element, ("unsafe-element", "is not allowed on a page"))
    return rule, f"<{element}> {reason}"


def _ascii_lower(text: str) -> str:
    """Lower case as html5's tokenizer makes it: ASCII letters only."""
    return text.translate(ASCII_LOWER)


def _candidate_tags(text: str) -> set[str]:
    return {_ascii_lower(name) for name in set(TAG_NAME.findall(text))}


def _candidate_attributes(text: str) -> set[str]:
    """Every name html5's tokenizer could read as an attribute's (and more)."""
    names = set()
    # A page repeats most runs (class, href, its words): each distinct one is read once.
    for run in set(ATTRIBUTE_RUN.findall(_ascii_lower(text.replace("\0", "\ufffd")))):
        starts = [0] + [match.end() for match in QUOTE_OR_EQUALS.finditer(run)]
        for start in starts:
            for piece in run[start:].split("="):
                if piece:
                    names.add(piece)
                    names.add("=" + piece)
                break
    return names


def _candidate_schemes(text: str) -> set[str]:
    return {s.lower() for s in SCHEME.findall(IGNORED_IN_URL.sub("", html.unescape(text)))}


def _keeping_everything_in(text: str) -> dict:
    """nh3's options that keep every element, attribute and scheme ``text`` could hold
    (and the same for any part of it)."""
    return {
        "tags": set(ALLOWED_TAGS) | _candidate_tags(text),
        "clean_content_tags": set(),
        "attributes": {"*": _candidate_attributes(text)},
        "url_schemes": set(URL_SCHEMES) | _candidate_schemes(text),
        "link_rel": None,
        "strip_comments": True,
    }


def as_parsed(rendered: str, keeping: dict | None = None) -> str:
    """The HTML as a browser's parser reads it, every element and attribute kept."""
    return nh3.clean(rendered, **(keeping or _keeping_everything_in(rendered)))


def allowed(rendered: str, allowed_hosts: Iterable[str] = ()) -> str:
    """The HTML with everything outside the allowlist removed."""
    hosts = tuple(allowed_hosts)

    def keep(element: str, attribute: str, value: str) -> str | None:
        return None if attribute_problem(element, attribute, value, hosts) else value

    return nh3.clean(
        rendered,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        generic_attribute_prefixes=set(GENERIC_ATTRIBUTE_PREFIXES),
        attribute_filter=keep,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


class _Walk(HTMLParser):
    """Reads nh3's canonical output: each element and attribute the allowlist refuses."""

    def __init__(self, allowed_hosts: tuple[str, ...]):
        super().__init__(convert_charrefs=True)
        self.allowed_hosts = allowed_hosts
        self.found: list[Finding] = []

    def handle_starttag(self, tag, attrs):
        problem = element_problem(tag)
        if problem:
            self.found.append(Finding(*problem, ((f"<{tag}",),)))
        if tag not in ALLOWED_TAGS:
            return  # the element goes, and its attributes with it
        for name, value in attrs:
            problem = attribute_problem(tag, name, value or "", self.allowed_hosts)
            if problem:
                value = value or name
                clues = ((name, value), (value,), (f"<{tag}", name), (name,))
                self.found.append(Finding(*problem, clues))

    handle_startendtag = handle_starttag


def unsafe_parts(rendered: str, allowed_hosts: Iterable[str] = ()) -> list[Finding]:
    """What the allowlist would remove from this HTML (nothing for a safe page)."""
    hosts = tuple(allowed_hosts)
    marked = rendered + END_MARK
    # What the page with the mark could hold covers what the page alone could: read once.
    keeping = _keeping_everything_in(marked)
    parsed = as_parsed(rendered, keeping)
    if parsed != allowed(rendered, hosts):
        walk = _Walk(hosts)
        walk.feed(parsed)
        walk.close()
        return walk.found or [
            Finding("unsafe-element", "the allowlist removes markup from this page", ())
        ]
    if as_parsed(marked, keeping).count(END_MARK) <= parsed.count(END_MARK):
        return [Finding("unsafe-element", "the HTML ends inside a tag or a comment, which "
                        "would swallow the markup after it: close it", ())]
    return []
