"""Links between pages, checked in the Markdown an editor wrote, so each names its line.

MkDocs reports a link to a missing page only as "Doc file 'en/x.md' contains a link ...,
but the target is not found", with no line, and only once the build gets that far. This
check reads the source: every inline link, image and reference definition whose target is
a file in the site (not an address with a scheme, not a fragment of the same page) must
name a file that exists, and a link to a heading or anchor of a page (``page.md#id``,
``#id``) must name one that page has (``missing_fragments``, with the ids the pages check
and the build render). Links in raw HTML (``<a href>``, ``<img src>``) are checked too
(``raw_html_link_problems``), against the addresses the site will have (``SitePaths``):
MkDocs leaves them as written, so they are relative to the page's address, not its file. The
link checker (leadership/links/) then checks the built site.
"""

from __future__ import annotations

import difflib
import html
import os
import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from leadership.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    language_of_site_path,
    site_prefix,
)
from leadership.links.collect import Image
from leadership.links.rules import alt_problem, mailto_problem
from leadership.markdown_source import line_at, mask, split_source, without_code
from leadership.pages.allowlist import ATTRIBUTES
from leadership.reporting import Problem
from leadership.rules import IMAGE_ALT, MALFORMED_MAILTO, MISSING_FRAGMENT, PLACEHOLDER_LINK
from leadership.subtitles.cues import nearest_anchors

RULE = "link-target-missing"
# [text](target "title") and ![alt](target): the target is the first run without spaces.
# Its text may hold brackets ([[1]](x.md), [a [b] c](x.md)) and an image ([![alt](i.png)](x.md)).
INLINE_LINK = re.compile(
    r"!?\[(?P<text>(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\](?:\([^()\s]*\))?)*)\]"
    r"\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<target>[^)\s>]+))[^)]*\)"
)
# [label]: target "title", at the start of a line (up to three spaces in).
REFERENCE_DEFINITION = re.compile(
    r"^[ \t]*\[(?P<label>[^\]^][^\]]*)\]:[ \t]*<?(?P<target>[^\s>]+)>?", re.M
)
# [text][label] and ![alt][label]: a link whose address is a reference definition's.
REFERENCE_LINK = re.compile(
    r"(?<![\]\\\w])\[(?P<text>(?:[^\[\]\\]|\\.)*)\]\[(?P<label>(?:[^\[\]\n^][^\[\]\n]*)?)\]"
)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# An HTML comment as Markdown and browsers both end it (not "<!-->", which ends at once).
HTML_COMMENT = re.compile(r"<!--(?!-?>)[\s\S]*?-->")
# An HTML start tag written in the Markdown, and the attributes in it that name an address.
RAW_HTML_TAG = re.compile(
    r"""<(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?>"""
)
ADDRESS_ATTRIBUTE = re.compile(
    r"""\s(?P<attribute>href|src|poster)\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'=<>`]+))""",
    re.I,
)
# The folder of each language's search index, written by the search plugins (the link check
# of the built site checks links into it).
SEARCH_FOLDER = "search"
# The files MkDocs writes of its own beside the pages: the theme's 404 page in each
# language's folder, the sitemap at the root.
NOT_FOUND_PAGE = "404.html"
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")
# Files of a theme's folder that are templates, settings or sources, not copied to the site.
THEME_SOURCE_SUFFIXES = (".html", ".py", ".pyc", ".yml", ".md")
# Left out of a URL by browsers (the URL standard): a tab or a line break inside an address.
URL_IGNORED = re.compile(r"[\t\n\r]")
QUERY_OR_FRAGMENT = re.compile(r"[?#].*")


def site_file_target(target: str) -> str | None:
    """The file part of a link that points into the site, or None for any other link."""
    if SCHEME.match(target) or target.startswith(("#", "/", "{")):
        return None
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    return path or None


@lru_cache(maxsize=64)
def prose_body(text: str) -> tuple[int, str]:
    """(its first line, the page's body) with code and HTML comments blanked in place,
    as every check of the page's links, images and title reads it: made once a page."""
    source = split_source(text)
    body = without_code(source.body)
    comments = [comment.span() for comment in HTML_COMMENT.finditer(body)]
    return source.body_line, mask(body, comments)


@lru_cache(maxsize=64)
def html_body(text: str) -> tuple[int, str]:
    """``prose_body`` with Markdown links' addresses and titles blanked too: what is left
    between < and > is the HTML written in the page ([x](page.md "a <b>") is not)."""
    first_line, body = prose_body(text)
    return first_line, mask(body, [
        (_target(link)[0], link.end()) for link in INLINE_LINK.finditer(body)
    ])


# Asked by the links check as the content is read and by the headings check once every page
# has rendered: a page's links are read once a run.
@lru_cache(maxsize=4096)
def link_targets(text: str) -> tuple[tuple[str, int], ...]:
    """(target as written, line) of every inline link, image and reference definition in a
    page's source, outside code, in the order they come."""
    first_line, body = prose_body(text)
    matches = [*INLINE_LINK.finditer(body), *REFERENCE_DEFINITION.finditer(body)]
    # An image inside a link's text: [![alt](picture.png)](page.md) links to both.
    matches += [
        inner
        for link in INLINE_LINK.finditer(body) if "](" in (link["text"] or "")
        for inner in INLINE_LINK.finditer(body, link.start("text"), link.end("text"))
    ]
    targets = sorted(_target(match) for match in matches)
    return tuple((target, line_at(body, start, first_line)) for start, target in targets)


# A link or image with nothing between its brackets: ![](x.png), [text](), [text](<>).
EMPTY_ADDRESS = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*(?:<\s*>)?\s*\)")
MARKDOWN_IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<target>[^)\s>]*))"
)
HTML_ATTRIBUTE = re.compile(
    r"""\s(?P<name>[^\s"'<>/=]+)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'=<>`]+)))?"""
)


def address_problems(text: str, shown: str) -> list[Problem]:
    """The link check's rules for addresses that go nowhere, on a page's Markdown and
    HTML at their lines, so that they come on the first run with the rest: an empty
    address or "#" (placeholder-link), a mailto: that is not an email address
    (malformed-mailto), an image with no alternative text (image-alt)."""
    first_line, body = prose_body(text)
    problems = [
        Problem(shown, line_at(body, found.start(), first_line), PLACEHOLDER_LINK,
                "a link with an empty address goes nowhere: give the real address, or remove "
                "the link")
        for found in EMPTY_ADDRESS.finditer(body)
    ]
    problems += [
        Problem(shown, line, IMAGE_ALT, reason) for reason, line in _alt_problems(text)
    ]
    defined = {_label(found["label"]) for found in REFERENCE_DEFINITION.finditer(body)}
    problems += [
        Problem(shown, line_at(body, found.start(), first_line), RULE,
                f"'{found[0]}' names no reference: add a line "
                f"'[{found['label'] or found['text']}]: address' "
                "to the page, or write the address in the link: [text](address)")
        for found in REFERENCE_LINK.finditer(body)
        if _label(found["label"] or found["text"]) not in defined
    ]
    for target, line in [*link_targets(text), *raw_html_targets(text)]:
        if target == "#":
            problems.append(Problem(shown, line, PLACEHOLDER_LINK, 'a link to "#" goes '
                                    "nowhere: give the real address, or remove the link"))
        elif target.lower().startswith("mailto:"):
            reason = mailto_problem(target)
            if reason:
                problems.append(Problem(shown, line, MALFORMED_MAILTO, f"'{target}': {reason}"))
    return problems


def _label(label: str) -> str:
    """A reference's label as Markdown matches it: any case, any run of spaces."""
    return " ".join(label.split()).lower()


def _alt_problems(text: str) -> Iterator[tuple[str, int]]:
    """(why, line) for every image of the page's Markdown and HTML whose alternative text
    does not describe it, by the link check's rule (``leadership.links.alt_problem``)."""
    first_line, body = prose_body(text)
    for image in MARKDOWN_IMAGE.finditer(body):
        line = line_at(body, image.start(), first_line)
        alt = " ".join(image["alt"].split())
        if not alt:
            yield ("an image with no alternative text: describe it between the [ ], in the "
                   "page's language"), line
            continue
        src = image["angled"] if image["angled"] is not None else image["target"]
        reason = alt_problem(Image("", line, src, alt, False))
        if reason:
            yield f"![{alt}]({src}) {reason}", line
    first_line, body = html_body(text)
    for tag in RAW_HTML_TAG.finditer(body):
        if tag["name"].lower() != "img":
            continue
        attributes = {
            found["name"].lower(): html.unescape(next(
                (found[group] for group in ("double", "single", "bare") if found[group]
                 is not None), "",
            ))
            for found in HTML_ATTRIBUTE.finditer(tag[0], len(tag["name"]) + 1)
        }
        if set(attributes) - set(ATTRIBUTES.get("img", ())):
            continue  # an attribute the allowlist refuses: the tag is reported as unsafe
        alt = attributes.get("alt")
        if alt is None or not alt.strip():
            # No image is decorative here: the allowlist keeps no role or aria-hidden.
            reason = ("has no alt text" if alt is None else "has empty alt text") + (
                ': describe the image in alt="...", in the page\'s language'
            )
        else:
            reason = alt_problem(Image("", 0, attributes.get("src"), alt, False))
        if reason:
            line = line_at(body, tag.start(), first_line)
            yield f"<img src=\"{attributes.get('src', '')}\"> {reason}", line


def _target(match: re.Match) -> tuple[int, str]:
    """(offset, target) of a link: as written, or between the <> that allow spaces in it."""
    group = "angled" if match.groupdict().get("angled") is not None else "target"
    return match.start(group), match[group]


def check_source_links(
    text: str, page: Path, docs_dir: Path, shown: str, site: SitePaths
) -> list[Problem]:
    """A problem for every link in ``text`` (the page at ``page``) to a file that is missing
    from ``docs_dir`` (``site.sources``: one walk of it, not a look on disk per link)."""
    problems = []
    folder = os.path.abspath(page.parent)
    docs = os.path.abspath(docs_dir)
    language = os.path.relpath(folder, docs).split(os.sep)[0]
    for target, line in link_targets(text):
        if target.startswith("/") and not target.startswith("//"):
            problems.append(Problem(shown, line, RULE, _from_root(target, page, docs, site)))
            continue
        path = site_file_target(target)
        if path is None:
            continue
        resolved = os.path.normpath(os.path.join(folder, path))
        if resolved not in site.sources:
            problems.append(Problem(shown, line, RULE, _message(target, page, docs_dir, path)))
            continue
        other = os.path.relpath(resolved, docs).split(os.sep)[0]
        if other != language and other in LANGUAGES and language in LANGUAGES:
            problems.append(Problem(
                shown, line, RULE, _other_language(target, page, docs, language, resolved)
            ))
    return problems


def _other_language(target: str, page: Path, docs: str, language: str, resolved: str) -> str:
    """Each language is built on its own, from its own folder: a link into another
    language's folder leads to nothing in the build, and the reader of this page wants the
    page in this page's language (the language switch leads to the other)."""
    other, _, relative = os.path.relpath(resolved, docs).partition(os.sep)
    message = (
        f"'{target}' links into docs/{other}/: each language's pages are built apart, so a "
        f"{LANGUAGE_NAMES[language]} page links to {LANGUAGE_NAMES[language]} pages (the "
        "language switch leads to the other language)"
    )
    own = os.path.join(docs, language, relative)
    if os.path.exists(own):
        return f"{message}: write [text]({_relative_link(own, page, target)})"
    return f"{message}: create docs/{language}/{relative.replace(os.sep, '/')} and link to it"


def _from_root(target: str, page: Path, docs: str, site: SitePaths) -> str:
    """An address written from the server's root, and the link to the file it names."""
    message = (
        f"'{target}' is written from the server's root: it leaves the site when the site is "
        "published under a folder (https://org.github.io/site/) and in the offline pack"
    )
    address = unquote(QUERY_OR_FRAGMENT.sub("", target)).lstrip("/")
    source = address if address.endswith(".md") else site.page_at(address)
    language = os.path.relpath(os.path.abspath(page.parent), docs).split(os.sep)[0]
    if source is not None and source.partition("/")[0] in LANGUAGES:
        # The page in this page's language, where there is one: /principles/x/ is the
        # English address, but a Welsh page means the Welsh page.
        relative = source.partition("/")[2]
        own = os.path.join(docs, language, relative)
        found = own if os.path.exists(own) else os.path.join(docs, source)
        if os.path.exists(found):
            return (
                f"{message}: write a Markdown link to the page's file, relative to this page: "
                f"[text]({_relative_link(found, page, target)})"
            )
    return f"{message}: write a Markdown link to the file, relative to this page"


def _relative_link(file: str, page: Path, target: str) -> str:
    """``file`` written relative to ``page``'s folder, with the query and fragment of
    ``target``."""
    after = QUERY_OR_FRAGMENT.search(target)
    written = os.path.relpath(file, os.path.abspath(page.parent)).replace(os.sep, "/")
    return written + (after[0] if after else "")


def missing_fragments(
    text: str, src_uri: str, shown: str, ids_of: Callable[[str], Collection[str] | None]
) -> list[Problem]:
    """A problem for every link in ``text`` (the page ``src_uri``) to a heading or anchor its
    target page does not have. ``ids_of`` gives a page's ids by its src_uri (None for a page
    whose ids are not known: not checked), as the build has them: the ids its Markdown
    renders to and those the site adds to it (a film's cues)."""
    problems = []
    for target, line in link_targets(text):
        if "#" not in target or SCHEME.match(target) or target.startswith(("/", "{")):
            continue
        path, fragment = target.split("#", 1)
        path = unquote(path.split("?", 1)[0])
        if path and not path.endswith(".md"):
            continue  # a file or a folder: its ids are not a page's
        page = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)) \
            if path else src_uri
        ids = ids_of(page)
        if ids is None or not fragment or unquote(fragment) in ids:
            continue
        problems.append(_missing_fragment(shown, line, target, page, fragment, ids))
    return problems


def _missing_fragment(
    shown: str, line: int, target: str, page: str, fragment: str, ids: Collection[str]
) -> Problem:
    nearest = nearest_anchors(unquote(fragment), ids)
    if nearest:  # a moment of a film: its cues start at other times
        return Problem(
            shown, line, MISSING_FRAGMENT,
            f"'{target}': no cue of {page} starts at #{fragment} (a cue's anchor is the "
            f"minute and second it starts, t-MM-SS): nearest cues: {', '.join(nearest)}",
        )
    return Problem(
        shown, line, MISSING_FRAGMENT,
        f"'{target}': {page} has no heading or anchor '#{fragment}': link to one of its "
        "headings' ids, or give the heading that id ({ #id } after it)",
    )


def raw_html_targets(text: str) -> Iterator[tuple[str, int]]:
    """(address as written, line) of every href, src and poster in HTML written in a page's
    source, outside code and comments, on the elements the allowlist keeps."""
    first_line, body = html_body(text)
    for tag in RAW_HTML_TAG.finditer(body):
        allowed = ATTRIBUTES.get(tag["name"].lower(), ())
        for attribute in ADDRESS_ATTRIBUTE.finditer(tag[0]):
            if attribute["attribute"].lower() not in allowed:
                continue  # an element or attribute the allowlist refuses: reported as unsafe
            name = next(
                group for group in ("double", "single", "bare") if attribute[group] is not None
            )
            offset = tag.start() + attribute.start(name)
            address = URL_IGNORED.sub("", html.unescape(attribute[name])).strip()
            yield address, line_at(body, offset, first_line)


@dataclass(frozen=True)
class SitePaths:
    """Every file the built site will have from the pages' sources (``docs/<lang>/``), the
    theme's folders and the pages the build generates, as paths from the site's root
    (``about/index.html``, ``cy/about/index.html``, ``assets/stylesheets/site.css``)."""

    paths: frozenset[str]
    use_directory_urls: bool = True
    theme_known: bool = True  # whether the theme's files are among the paths
    # Every file and folder under docs/, as absolute paths, for the links to files.
    sources: frozenset[str] = frozenset()
    # The page written to each file (``about/index.html`` -> ``en/about.md``).
    pages: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(
        cls, docs_dir: Path, generated: Iterable[str] = (), use_directory_urls: bool = True,
        theme_dirs: Iterable[Path] | None = None,
    ) -> SitePaths:
        """``theme_dirs``: the theme's folders, the project's first (None: not known, and
        links to the theme's ``assets/`` are left to the link check of the built site)."""
        paths = {*generated, *SITEMAPS}
        paths.update(site_prefix(language) + NOT_FOUND_PAGE for language in LANGUAGES)
        for folder in theme_dirs or ():
            paths.update(
                relative for relative in _files_in(Path(folder))
                if not relative.endswith(THEME_SOURCE_SUFFIXES)
            )
        pages = {}
        for language in LANGUAGES:
            for relative in _files_in(docs_dir / language):
                written = site_prefix(language) + _dest(relative, use_directory_urls)
                paths.add(written)
                if relative.endswith(".md"):
                    pages[written] = f"{language}/{relative}"
        sources = set()
        for parent, folders, files in os.walk(os.path.abspath(docs_dir)):
            sources.add(parent)
            sources.update(os.path.join(parent, name) for name in [*folders, *files])
        return cls(
            frozenset(paths), use_directory_urls, theme_dirs is not None, frozenset(sources),
            pages,
        )

    def address_of(self, src_uri: str) -> str:
        """The folder of a page's address, from the site's root: ``en/about.md`` is at
        ``about/``, ``cy/index.md`` at ``cy/``."""
        language, _, relative = src_uri.partition("/")
        return posixpath.dirname(site_prefix(language) + _dest(relative, self.use_directory_urls))

    def has(self, address: str) -> bool:
        """Whether the site will have ``address`` (from its root): a file, or a folder with
        its index.html (an address ending in / must be a folder)."""
        site_path = address.rstrip("/")
        return (
            site_path in self.paths and not address.endswith("/")
            or posixpath.join(site_path, "index.html") in self.paths
        )

    def page_at(self, address: str) -> str | None:
        """The source (src_uri) of the page at ``address`` (from the site's root), if a
        page of docs/ is there."""
        site_path = address.rstrip("/")
        return self.pages.get(site_path) or self.pages.get(posixpath.join(site_path, "index.html"))

    def made_by_the_site(self, site_path: str) -> bool:
        parts = site_path.split("/")
        if parts[0] in LANGUAGES and parts[0] != DEFAULT_LANGUAGE:
            parts = parts[1:]
        return bool(parts) and (
            parts[0] == SEARCH_FOLDER or not self.theme_known and parts[0] == "assets"
        )


def _files_in(folder: Path) -> Iterator[str]:
    """The files under ``folder`` that MkDocs copies, as paths relative to it: not in hidden
    folders (Material's ``.icons``, thousands of files the site does not have)."""
    for parent, folders, files in os.walk(folder):
        folders[:] = [
            name for name in folders if not name.startswith(".") and name != "__pycache__"
        ]
        prefix = Path(parent).relative_to(folder).as_posix()
        for name in files:
            if not name.startswith("."):
                yield name if prefix == "." else f"{prefix}/{name}"


def _dest(relative: str, use_directory_urls: bool) -> str:
    """Where MkDocs writes a file of a language's folder, relative to that folder."""
    if not relative.endswith(".md"):
        return relative
    folder, _, name = relative.removesuffix(".md").rpartition("/")
    prefix = f"{folder}/" if folder else ""
    if name in ("index", "README"):
        return f"{prefix}index.html"
    return f"{prefix}{name}/index.html" if use_directory_urls else f"{prefix}{name}.html"


def raw_html_link_problems(text: str, src_uri: str, shown: str, site: SitePaths) -> list[Problem]:
    """A problem for every address in the page's HTML (``<a href>``, ``<img src>``) that
    leads to nothing the built site will have."""
    problems = []
    base = site.address_of(src_uri)
    for target, line in raw_html_targets(text):
        if not target:
            problems.append(Problem(
                shown, line, RULE, "an empty address in HTML leads nowhere: give the address, "
                "or remove the link",
            ))
            continue
        if target.startswith("/") and not target.startswith("//"):
            problems.append(Problem(
                shown, line, RULE,
                f"'{target}' is written from the server's root: it leaves the site when the "
                "site is published under a folder (https://org.github.io/site/) and in the "
                "offline pack: write it relative to this page",
            ))
            continue
        path = site_file_target(target)
        if path is None:
            continue
        resolved = posixpath.normpath(posixpath.join(base, path))
        if resolved.startswith("../") or resolved == "..":
            problems.append(Problem(
                shown, line, RULE,
                f"'{target}' leads outside the site: in HTML an address is relative to the "
                f"page's address ({base or '.'}/), not to its file{_as_files(site)}",
            ))
            continue
        if resolved == ".":
            resolved = ""
        folder = path.endswith("/") and resolved != ""
        if site.made_by_the_site(resolved):
            continue
        if not site.has(resolved + "/" * folder):
            problems.append(
                Problem(shown, line, RULE, _raw_html_message(target, path, src_uri, site))
            )
            continue
        page = site.page_at(resolved)
        if page is not None:
            # A page's address is a folder on the web and a file in the offline pack: only
            # a Markdown link to its file becomes the right one in each.
            problems.append(Problem(
                shown, line, RULE,
                f"'{target}' is a page's address written in HTML: it works on the website "
                "or in the offline pack, not both: write a Markdown link to its file, "
                f"{_markdown_link(page, src_uri, target)}",
            ))
    return problems


def _markdown_link(page: str, src_uri: str, target: str) -> str:
    """A Markdown link from the page ``src_uri`` to the page ``page``, with the query and
    fragment of ``target``."""
    after = QUERY_OR_FRAGMENT.search(target)
    written = posixpath.relpath(page, posixpath.dirname(src_uri))
    return f"[text]({written}{after[0] if after else ''})"


def raw_html_missing_fragments(
    text: str, src_uri: str, shown: str, site: SitePaths,
    ids_of: Callable[[str], Collection[str] | None],
) -> list[Problem]:
    """A problem for every address in the page's HTML to a heading or anchor its page does
    not have (``#id``, ``../page/#id``), as ``missing_fragments`` for Markdown links."""
    problems = []
    base = site.address_of(src_uri)
    for target, line in raw_html_targets(text):
        if "#" not in target or SCHEME.match(target) or target.startswith(("/", "{")):
            continue
        address, fragment = target.split("#", 1)
        address = unquote(address.split("?", 1)[0])
        if not fragment:
            continue
        page = src_uri if not address else site.page_at(
            posixpath.normpath(posixpath.join(base, address))
        )
        ids = ids_of(page) if page is not None else None
        if ids is None or unquote(fragment) in ids:
            continue  # not a page of the site's sources (reported above if missing)
        problems.append(_missing_fragment(shown, line, target, page, fragment, ids))
    return problems


def _raw_html_message(target: str, path: str, src_uri: str, site: SitePaths) -> str:
    message = f"'{target}' in HTML leads to nothing the site has"
    base = site.address_of(src_uri)
    if path.endswith(".md"):
        language, _, relative = src_uri.partition("/")
        from_file = posixpath.normpath(posixpath.join(posixpath.dirname(relative), path))
        if site.has(site_prefix(language) + _dest(from_file, site.use_directory_urls)):
            return (
                f"{message}: a link to a page's file is made into its address only in "
                f"Markdown: write [text]({target})"
            )
        return (
            f"{message}: a link to a page's file is made into its address only in Markdown: "
            "write a Markdown link, [text](file.md), with the file's path from this page's file"
        )
    wanted = posixpath.normpath(posixpath.join(base, path))
    # What the editor probably meant: the address relative to the page's file, as in Markdown.
    language, _, relative = src_uri.partition("/")
    file_folder = posixpath.dirname(site_prefix(language) + relative)
    from_file = posixpath.normpath(posixpath.join(file_folder, path))
    meant = site.page_at(from_file) if from_file != wanted else None
    if meant is not None:
        return (
            f"{message}: in HTML an address is relative to the page's address ({base or '.'}/), "
            "not to its file, and differs between the website and the offline pack: write a "
            f"Markdown link to the page's file, {_markdown_link(meant, src_uri, target)}"
        )
    if from_file != wanted and site.has(from_file):
        return (
            f"{message}: in HTML an address is relative to the page's address ({base or '.'}/), "
            f"not to its file: write '{_relative(from_file, base, target, site)}'"
            f"{_as_files(site)}"
        )
    # Nearest addresses in the same language: a misspelt English page is not a Welsh one.
    addresses = sorted({
        found.removesuffix("index.html").rstrip("/") for found in site.paths
        if language_of_site_path(found) == language_of_site_path(wanted)
    })
    best = difflib.get_close_matches(wanted, addresses, n=1, cutoff=0.85)
    if best and _alike(PurePosixPath(wanted).name, PurePosixPath(best[0]).name):
        page = site.page_at(best[0])
        if page is not None:
            return f"{message}: did you mean the page {_markdown_link(page, src_uri, target)}?"
        return f"{message}: did you mean '{_relative(best[0], base, target, site)}'?"
    return (
        f"{message}: correct the address (relative to the page's address, {base or '.'}/), or "
        f"use a Markdown link to the file{_as_files(site)}"
    )


def _as_files(site: SitePaths) -> str:
    """Said when this build writes pages as files (the offline pack), where the addresses
    written for the published site's folders lead elsewhere."""
    if site.use_directory_urls:
        return ""
    return " (this build writes each page as a file, page.html, as the offline pack does)"


def _alike(name: str, other: str) -> bool:
    """Whether two file or folder names are near enough to be a misspelling of one another."""
    return difflib.SequenceMatcher(None, name, other).ratio() >= 0.75


def _relative(site_path: str, base: str, target: str, site: SitePaths) -> str:
    """``site_path`` written relative to the page's address, a page's with its final /."""
    relative = posixpath.relpath(site_path or ".", base or ".")
    if site_path not in site.paths:  # a page: its folder's index.html
        relative = "./" if relative == "." else f"{relative}/"
    # The query and fragment as written: ?a=b#step-2.
    after = QUERY_OR_FRAGMENT.search(target)
    return relative + (after[0] if after else "")


def _message(target: str, page: Path, docs_dir: Path, path: str) -> str:
    message = f"'{target}' links to a file that does not exist"
    suggestion = _closest(page, docs_dir, path)
    if suggestion:
        fragment = "#" + target.split("#", 1)[1] if "#" in target else ""
        return f"{message}: did you mean '{suggestion}{fragment}'?"
    missing = "create the page" if path.endswith(".md") else "add the file"
    return f"{message}: correct the path (relative to this page) or {missing}"


def _closest(page: Path, docs_dir: Path, path: str) -> str | None:
    """The existing file, written relative to ``page``, whose path is nearest to ``path``."""
    language_root = _language_root(page, docs_dir)
    if language_root is None:
        return None
    wanted = (page.parent / path).resolve()
    try:
        wanted_relative = wanted.relative_to(language_root).as_posix()
    except ValueError:
        return None
    candidates = {
        found.relative_to(language_root).as_posix(): found
        for found in language_root.rglob(f"*{PurePosixPath(path).suffix or '.md'}")
        if found != page.resolve()
    }
    best = difflib.get_close_matches(wanted_relative, list(candidates), n=1, cutoff=0.85)
    if not best:
        return None
    return os.path.relpath(candidates[best[0]], page.parent.resolve()).replace(os.sep, "/")


def _language_root(page: Path, docs_dir: Path) -> Path | None:
    try:
        language = page.resolve().relative_to(docs_dir.resolve()).parts[0]
    except (ValueError, IndexError):
        return None
    return docs_dir.resolve() / language
