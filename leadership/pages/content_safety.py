"""Content safety: what Markdown from a pull request may not add to the site.

Python-Markdown passes raw HTML through, and attr_list lets any element take any
attribute, so a page could run scripts in a reader's browser. These are rejected:

- ``unsafe-script``: a ``<script>`` element;
- ``unsafe-event-handler``: an inline event handler (``onclick=``, ``onerror=``, ...), in an
  HTML tag or in an attr_list ``{ ... }``;
- ``unsafe-url``: a ``javascript:`` (or ``vbscript:``, or ``data:text/html``) address, in a
  link, an image, a reference definition or an HTML attribute, however it is disguised
  (entities, upper case, spaces);
- ``unsafe-iframe``: an ``<iframe>`` (or ``<frame>``, ``<object>``, ``<embed>``) that loads
  from another host, or carries its own HTML in ``srcdoc``.

``scan_markdown`` reads the source, so every problem has its line; code (fenced blocks and
inline code) is skipped, as Markdown shows it as text. ``scan_html`` checks the HTML that
Markdown rendered from the page, as a second line of defence against anything the source
reading misses, and finds the line in the source where it can.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

from leadership.markdown_source import code_spans, line_at, mask, split_source
from leadership.pages.allowlist import Finding, unsafe_parts
from leadership.reporting import Problem

# An HTML start tag, which may run over several lines.
HTML_TAG = re.compile(
    r"""<(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?P<attributes>(?:\s(?:"[^"]*"|'[^']*'|[^<>"'])*)?)/?>"""
)
# One attribute: name, then an optional value in double quotes, single quotes or none.
ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s"'<>/=`]+)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'"""
    r"""|(?P<bare>[^\s"'=<>`]+)))?"""
)
# attr_list: "{ #id .class key=value }" or "{: ... }" after a heading, paragraph or link.
ATTR_LIST = re.compile(r"\{:?(?P<attributes>[^{}\n]*)\}")
# Markdown link or image target: "](target)" or "](<target>)", an optional title after it.
LINK_TARGET = re.compile(r"\]\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<plain>(?:[^\s()]|\([^\s()]*\))+))")
# A reference definition: "[label]: target".
REFERENCE_DEFINITION = re.compile(
    r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(?:<(?P<angled>[^>\n]*)>|(?P<plain>\S+))", re.M
)
# An autolink or angle-bracketed address: "<scheme:...>".
AUTOLINK = re.compile(r"<(?P<target>[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")

SCRIPT_ELEMENTS = frozenset({"script"})
FRAME_ELEMENTS = {"iframe": "src", "frame": "src", "object": "data", "embed": "src"}
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
        "cite", "codebase", "srcset", "ping", "manifest", "lowsrc", "dynsrc", "longdesc",
    }
)
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
# Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
IGNORED_CHARACTERS = "".join(map(chr, range(0x21))) + "\x7f"
IGNORED_IN_SCHEME = re.compile(f"[{re.escape(IGNORED_CHARACTERS)}]+")
EVENT_HANDLER = re.compile(r"on[a-z]+", re.I)

# What a page's source must contain for scan_markdown to find anything: one necessary
# condition per rule. Nearly every page has none of them, and is spared the full scan (on a
# 1,236-page site, a tenth of the hooks' build time).
MAYBE_UNSAFE_ELEMENT = re.compile(
    "<(?:" + "|".join(sorted(SCRIPT_ELEMENTS | FRAME_ELEMENTS.keys())) + ")", re.I
)
# "on...=" as an attribute name and its "=": an event handler's name (EVENT_HANDLER) is one
# of these. Found by its "on" first, which is many times faster than a look-behind.
MAYBE_EVENT_HANDLER = re.compile(r"[oO][nN]\w+\s*=")
# What browsers ignore inside a scheme, as bytes, and the schemes: a whole page is searched
# for a scheme as UTF-8 bytes, which Python deletes and lower-cases many times faster than
# text (none of these bytes is part of a longer character's encoding).
IGNORED_BYTES = IGNORED_CHARACTERS.encode("ascii")
UNSAFE_SCHEME_BYTES = tuple(scheme.encode("ascii") for scheme in UNSAFE_SCHEMES)

# A character reference as html.unescape finds one (named ones may lack the ";").
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
# A character an unsafe scheme is spelled with, or one browsers ignore inside it.
SCHEME_CHARACTER = re.compile(
    "[" + re.escape("".join(sorted(set("".join(UNSAFE_SCHEMES) + IGNORED_CHARACTERS)))) + "]", re.I
)


def unsafe_url(value: str) -> bool:
    """True for an address that runs script when followed, however it is spelled."""
    cleaned = IGNORED_IN_SCHEME.sub("", html.unescape(value)).lower()
    return cleaned.startswith(UNSAFE_SCHEMES)


def foreign_frame_source(value: str, allowed_hosts: Iterable[str] = ()) -> bool:
    """True when a frame's address is on another host (a relative address is this site)."""
    cleaned = IGNORED_IN_SCHEME.sub("", html.unescape(value))
    parts = urlsplit(cleaned)
    if not parts.scheme and not cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
        return False
    return (parts.hostname or "") not in set(allowed_hosts)


def _attributes(text: str) -> list[tuple[str, str | None, int]]:
    """(lower-case name, value or None, offset of the name) for each attribute."""
    found = []
    for match in ATTRIBUTE.finditer(text):
        value = match["double"] if match["double"] is not None else match["single"]
        value = value if value is not None else match["bare"]
        found.append((match["name"].lower(), value, match.start()))
    return found


def _tag_problems(
    name: str, attributes: list[tuple[str, str | None, int]], allowed_hosts: Iterable[str]
) -> list[tuple[str, str, int | None]]:
    """(rule, message, offset of the attribute or None for the tag) for one element."""
    found: list[tuple[str, str, int | None]] = []
    name = name.lower()
    if name in SCRIPT_ELEMENTS:
        found.append(("unsafe-script", "a <script> element: pages may not run scripts", None))
    for attribute, value, offset in attributes:
        if EVENT_HANDLER.fullmatch(attribute) and value is not None:
            found.append(
                ("unsafe-event-handler",
                 f"inline event handler {attribute}= on <{name}>: pages may not run scripts",
                 offset)
            )
        elif attribute in URL_ATTRIBUTES and value is not None and unsafe_url(value):
            found.append(
                ("unsafe-url", f"{attribute}={value!r} on <{name}> runs a script: link to a page "
                 "or an https:// address instead", offset)
            )
    if name in FRAME_ELEMENTS:
        for attribute, value, offset in attributes:
            if attribute == "srcdoc":
                found.append(
                    ("unsafe-iframe", f"<{name} srcdoc> embeds its own HTML: not allowed", offset)
                )
            elif (
                attribute == FRAME_ELEMENTS[name]
                and value is not None
                and not unsafe_url(value)
                and foreign_frame_source(value, allowed_hosts)
            ):
                found.append(
                    ("unsafe-iframe", f"<{name}> loads {value!r} from another host: embed only "
                     "this site's own files, or link to the other site instead", offset)
                )
    return found


def scan_markdown(text: str, path: str, allowed_hosts: Iterable[str] = ()) -> list[Problem]:
    """Every unsafe construct in a page's source (front matter and body), with its line."""
    if not source_might_be_unsafe(text):
        return []
    return _scan_markdown_fully(text, path, allowed_hosts)


def source_might_be_unsafe(text: str) -> bool:
    """False only when ``scan_markdown`` would find nothing in this page source.

    Any ``on...=`` counts: in attr_list it may follow ``{``.
    """
    if MAYBE_UNSAFE_ELEMENT.search(text) or MAYBE_EVENT_HANDLER.search(text):
        return True
    return has_unsafe_scheme_unescaped(text)


def has_unsafe_scheme_unescaped(text: str) -> bool:
    """Whether ``html.unescape(text)`` holds an unsafe scheme (``has_unsafe_scheme``).

    Unescaping the whole of a page is needed only when one of its character references
    stands for a character a scheme is spelled with: pages have a few (``&para;``,
    ``&amp;``), each looked at once.
    """
    if has_unsafe_scheme(text):
        return True
    if any(_spells_a_scheme(reference) for reference in set(CHARACTER_REFERENCE.findall(text))):
        return has_unsafe_scheme(html.unescape(text))
    return False


def has_unsafe_scheme(text: str) -> bool:
    """Whether an unsafe scheme is in the text, as ``unsafe_url`` reads one: in any case, with
    what browsers ignore between its letters."""
    squeezed = text.encode("utf-8", "surrogatepass").translate(None, IGNORED_BYTES).lower()
    return any(scheme in squeezed for scheme in UNSAFE_SCHEME_BYTES)


@lru_cache(maxsize=1024)
def _spells_a_scheme(reference: str) -> bool:
    return SCHEME_CHARACTER.search(html.unescape(reference)) is not None


def _scan_markdown_fully(text: str, path: str, allowed_hosts: Iterable[str]) -> list[Problem]:
    source = split_source(text)
    full = source.text
    body_start = source.body_offset
    spans = [(body_start + start, body_start + end) for start, end in code_spans(source.body)]
    visible = mask(full, spans)
    problems: list[Problem] = []

    def add(offset: int, rule: str, message: str) -> None:
        problems.append(Problem(path, line_at(visible, offset), rule, message))

    for match in HTML_TAG.finditer(visible):
        start = match.start("attributes")
        for rule, message, offset in _tag_problems(
            match["name"], _attributes(match["attributes"]), allowed_hosts
        ):
            add(match.start() if offset is None else start + offset, rule, message)
    # attr_list works in the body only; front matter has YAML's own {key: value} mappings.
    for match in ATTR_LIST.finditer(visible, body_start):
        start = match.start("attributes")
        for name, value, offset in _attributes(match["attributes"]):
            if EVENT_HANDLER.fullmatch(name) and value is not None:
                add(start + offset, "unsafe-event-handler",
                    f"inline event handler {name}= in {{ }}: pages may not run scripts")
            elif name in URL_ATTRIBUTES and value is not None and unsafe_url(value):
                add(start + offset, "unsafe-url", f"{name}={value!r} in {{ }} runs a script")
    for pattern in (LINK_TARGET, REFERENCE_DEFINITION):
        for match in pattern.finditer(visible):
            target = match["angled"] if match["angled"] is not None else match["plain"]
            if unsafe_url(target):
                add(match.start(), "unsafe-url",
                    f"link to {target!r} runs a script: link to a page or an https:// address")
    for match in AUTOLINK.finditer(visible):
        if unsafe_url(match["target"]):
            add(match.start(), "unsafe-url", f"link to {match['target']!r} runs a script")
    return sorted(set(problems))


def scan_html(
    rendered: str, path: str, source_text: str = "", allowed_hosts: Iterable[str] = ()
) -> list[Problem]:
    """What the allowlist (``leadership.pages.allowlist``) would remove from the HTML
    rendered from a page, each at the first source line showing the offending tag or
    attribute (line 1 when none does, for example when entities disguised it)."""
    return locate(unsafe_parts(rendered, allowed_hosts), path, source_text)


def locate(findings: Iterable[Finding], path: str, source_text: str) -> list[Problem]:
    """Each finding as a problem at the first source line that shows its clues."""
    lines = html.unescape(source_text).lower().split("\n")
    problems = []
    for finding in findings:
        line = next(
            (
                number
                for clue in finding.clues
                for number, text in enumerate(lines, 1)
                if all(part.lower() in text for part in clue)
            ),
            1,
        )
        problems.append(Problem(path, line, finding.rule, finding.message))
    return sorted(set(problems))


# Front matter is text (titles, descriptions, labels): markup in a value, however the YAML
# spells it ("\u003c" is "<"), is refused, as is an address that runs a script.
MARKUP = re.compile(r"<[A-Za-z!/?]")


def front_matter_problems(front, path: str) -> list[Problem]:
    """Every front matter value (as YAML reads it, escapes decoded) that holds markup or a
    script address, at its line (``front``: the page's ``FrontMatter``)."""
    problems = []
    stack: list[tuple[tuple, object]] = [((), front.data)]
    while stack:
        key_path, value = stack.pop()
        if isinstance(value, dict):
            stack += [((*key_path, key), item) for key, item in value.items()]
        elif isinstance(value, list):
            stack += [((*key_path, index), item) for index, item in enumerate(value)]
        elif isinstance(value, str) and (MARKUP.search(value) or unsafe_url(value)):
            problems.append(Problem(
                path, front.line(*key_path), "unsafe-front-matter",
                f"{value[:60]!r}: front matter is text, shown as it is written: write it "
                "without markup or script addresses",
            ))
    return problems
