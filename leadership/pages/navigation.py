"""Each language's navigation as mkdocs.yml writes it, with every entry's line, and the
problems an editor makes in it or by leaving a page out of it.

- an entry that names no page (``nav-page-missing``), at its line in mkdocs.yml, with the
  nearest page's path: MkDocs' own warning names neither the line nor the fix;
- a learning page left out (``learning-page-not-in-nav``): My learning counts what the
  navigation lists;
- a page nothing leads to (``orphan-page``): not in the navigation, and no other page's
  Markdown links to it.

All three are found in the sources, on the first run with the content's other problems;
the link check of the built site (leadership.links) would find an orphan only once
everything else builds, at the built page's line.

With mkdocs-static-i18n a language has its own ``nav:`` (under the plugin's ``languages:``)
or uses the site's; an entry is a path in the language's folder. A language with neither
lists every page (MkDocs' default), so nothing is missing from it.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from leadership import yaml_nodes
from leadership.languages import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES
from leadership.learning import LEARNING_KINDS
from leadership.links.rules import ORPHAN_MESSAGE
from leadership.pages.source_links import link_targets, site_file_target
from leadership.reporting import Problem, shown_path
from leadership.rules import LEARNING_PAGE_NOT_IN_NAV, NAV_PAGE_MISSING, NAV_PARITY, ORPHAN_PAGE

CONFIG_FILE = "mkdocs.yml"
I18N_PLUGIN = "i18n"
HOME_PAGE = "index.md"


@dataclass(frozen=True)
class NavEntry:
    """A page a ``nav:`` lists: its path in the language's folder, as written and
    normalised, and its line in mkdocs.yml."""

    written: str
    path: str
    line: int
    # The sections it is in: each one's place among its neighbours, and its title.
    section: tuple[int, ...] = ()
    section_titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Navigation:
    """Each language's navigation (None where MkDocs lists every page) and the file it is
    written in, as problems name it."""

    config_file: str
    entries: dict[str, tuple[NavEntry, ...] | None]

    @classmethod
    def read(cls, config_file: Path | None, root: Path) -> Navigation:
        """The navigation mkdocs.yml writes; every language lists every page when there is
        no mkdocs.yml or it cannot be read (MkDocs reports that itself)."""
        unlisted = dict.fromkeys(LANGUAGES)
        if config_file is None:
            return cls("mkdocs.yml", unlisted)
        shown = shown_path(config_file, root)
        node = _config_root(config_file)
        if node is None:
            return cls(shown, unlisted)
        site_nav = _value(node, "nav")
        navs = dict.fromkeys(LANGUAGES, site_nav)
        for language in _i18n_languages(node):
            locale, own = _value(language, "locale"), _value(language, "nav")
            if isinstance(locale, yaml.ScalarNode) and locale.value in navs and own is not None:
                navs[locale.value] = own
        return cls(shown, {
            language: None if nav is None else tuple(_entries(nav))
            for language, nav in navs.items()
        })

    def listed(self, language: str) -> set[str] | None:
        """The pages ``language``'s navigation lists (paths in its folder), None for all."""
        entries = self.entries.get(language)
        return None if entries is None else {entry.path for entry in entries}


@dataclass(frozen=True)
class ConfigString:
    """Words of mkdocs.yml a reader sees: ``text``, shown on ``language``'s pages, at
    ``line``."""

    text: str
    language: str
    line: int


# mkdocs.yml's settings a reader sees, besides the navigation's titles.
SITE_STRINGS = ("site_name", "site_description", "copyright")
PLAIN_STRING = "tag:yaml.org,2002:str"


def config_strings(config_file: Path) -> list[ConfigString]:
    """Every string of mkdocs.yml that pages show, in the language of the pages it is shown
    on: the site's name, description and copyright and its navigation's titles (the default
    language's), and each language's own (mkdocs-static-i18n's ``languages:``). None when
    it cannot be read: the pages check reports that (``config-syntax``)."""
    root = _config_root(config_file)
    if root is None:
        return []
    found = list(_shown_strings(root, DEFAULT_LANGUAGE))
    for language in _i18n_languages(root):
        locale = _value(language, "locale")
        if isinstance(locale, yaml.ScalarNode) and locale.value in LANGUAGES:
            found += _shown_strings(language, locale.value)
    return found


def _shown_strings(settings: yaml.Node, language: str) -> Iterator[ConfigString]:
    for key in SITE_STRINGS:
        value = _value(settings, key)
        if isinstance(value, yaml.ScalarNode) and value.tag == PLAIN_STRING:  # not !ENV
            yield ConfigString(value.value, language, value.start_mark.line + 1)
    yield from _titles(_value(settings, "nav"), language)


def _titles(nav: yaml.Node | None, language: str) -> Iterator[ConfigString]:
    if isinstance(nav, yaml.SequenceNode):
        for item in nav.value:
            yield from _titles(item, language)
    elif isinstance(nav, yaml.MappingNode):
        for title, value in nav.value:
            yield ConfigString(str(title.value), language, title.start_mark.line + 1)
            yield from _titles(value, language)


def navigation_problems(navigation: Navigation, pages) -> list[Problem]:
    """Every problem of the navigation and of the pages it leaves out, both languages at
    once (``pages``: the content model's, leadership.content.Page). A page an entry with a
    typo meant is not reported again as left out: the entry's line says what to mend."""
    pages = list(pages)
    missing, meant_pages = missing_entries(navigation, pages)
    meant = {page.shown for page in pages if (page.language, _in_folder(page)) in meant_pages}
    left_out = [
        problem
        for problem in [
            *learning_pages_missing(navigation, pages), *orphan_pages(navigation, pages)
        ]
        if problem.path not in meant
    ]
    # A page one language's navigation leaves out is said once: as left out, if it is.
    said = {problem.path for problem in left_out}
    said = {(page.language, _in_folder(page)) for page in pages if page.shown in said}
    existing = {(page.language, _in_folder(page)) for page in pages}
    return left_out + missing + parity_problems(navigation, existing - said - meant_pages)


def missing_entries(
    navigation: Navigation, pages
) -> tuple[list[Problem], set[tuple[str, str]]]:
    """(problems, pages meant): an entry naming a page that is in no language (a page
    missing from some languages only is the page-parity check's), once, at its
    line, with the page it most likely meant; the (language, path) of each page meant."""
    existing = {language: set() for language in LANGUAGES}
    for page in pages:
        existing.setdefault(page.language, set()).add(_in_folder(page))
    served: dict[tuple[int, str], list[str]] = {}
    for language, entries in navigation.entries.items():
        for entry in entries or ():
            served.setdefault((entry.line, entry.written), []).append(language)
    problems, meant = [], set()
    for (line, written), languages in sorted(served.items()):
        path = posixpath.normpath(written)
        if any(path in pages_of for pages_of in existing.values()):
            continue  # a page missing from a language: the page-parity check's
        folders = " or ".join(f"docs/{language}/" for language in languages)
        message = f"'{written}' is not a page in {folders}"
        candidates = sorted(set().union(*(existing[language] for language in languages)))
        closest = [
            page for page in (f"{path}.md", f"{path}/index.md") if page in candidates
        ] or difflib.get_close_matches(path, candidates, n=1, cutoff=0.8)
        if closest:
            message += f": did you mean '{closest[0]}'?"
            meant |= {(language, closest[0]) for language in languages}
        else:
            message += ": correct the path (relative to the language's folder) or create the page"
        problems.append(Problem(navigation.config_file, line, NAV_PAGE_MISSING, message))
    return problems, meant


def parity_problems(navigation: Navigation, pages: set[tuple[str, str]]) -> list[Problem]:
    """Where the languages' navigations differ: a page one lists and another does not (at
    the line of the entry there is), or a page in a different section (at the line of the
    other language's entry). The reader of either language finds the same pages in the same
    places. ``pages``: (language, path) of the pages to compare, every page there is but
    those already reported (an entry naming no page, a page left out of a navigation)."""
    listed = {
        language: {entry.path: entry for entry in entries}
        for language, entries in navigation.entries.items()
        if entries is not None
    }
    if len(listed) < 2 or DEFAULT_LANGUAGE not in listed:
        return []
    original = listed[DEFAULT_LANGUAGE]
    problems = []
    for language, entries in listed.items():
        if language == DEFAULT_LANGUAGE:
            continue
        for path, entry in original.items():
            if path not in entries and {(language, path), (DEFAULT_LANGUAGE, path)} <= pages:
                problems.append(Problem(
                    navigation.config_file, entry.line, NAV_PARITY,
                    f"'{entry.written}' is in the {LANGUAGE_NAMES[DEFAULT_LANGUAGE]} "
                    f"navigation but not in the {LANGUAGE_NAMES[language]} one: add it to "
                    f"{_nav_of(language)}, in the same section",
                ))
        for path, entry in entries.items():
            theirs = original.get(path)
            if theirs is None and {(language, path), (DEFAULT_LANGUAGE, path)} <= pages:
                problems.append(Problem(
                    navigation.config_file, entry.line, NAV_PARITY,
                    f"'{entry.written}' is in the {LANGUAGE_NAMES[language]} navigation but "
                    f"not in the {LANGUAGE_NAMES[DEFAULT_LANGUAGE]} one: add it to nav:, in "
                    "the same section",
                ))
            elif theirs is not None and _placed_apart(path, entries, original):
                problems.append(Problem(
                    navigation.config_file, entry.line, NAV_PARITY,
                    f"'{entry.written}' is {_section_name(entry)} here but "
                    f"{_section_name(theirs)} in the {LANGUAGE_NAMES[DEFAULT_LANGUAGE]} "
                    f"navigation (line {theirs.line}): put it in the same section in both",
                ))
    return problems


def _placed_apart(path: str, entries: dict[str, NavEntry], original: dict[str, NavEntry]) -> bool:
    """Whether the page at ``path`` is among other pages in one navigation than in the
    other: its neighbours in its section (the pages both list) are none of the same. A page
    missing from one, or an address added to one, moves no other page."""
    mine = _neighbours(path, entries) & set(original)
    theirs = _neighbours(path, original) & set(entries)
    return bool(mine or theirs) and mine.isdisjoint(theirs)


def _neighbours(path: str, entries: dict[str, NavEntry]) -> set[str]:
    section = entries[path].section
    return {other for other, entry in entries.items() if entry.section == section} - {path}


def _section_name(entry: NavEntry) -> str:
    if not entry.section:
        return "at the top level"
    return "in section " + " > ".join(f"'{title}'" for title in entry.section_titles)


def learning_pages_missing(navigation: Navigation, pages) -> list[Problem]:
    """Every learning page its language's navigation leaves out: My learning lists what
    there is to learn from the navigation, and a page left out could not be marked done or
    counted."""
    return [
        Problem(page.shown, page.front.line("kind"), LEARNING_PAGE_NOT_IN_NAV,
                f"a {page.kind} page must be listed under {_nav_of(page.language)} in "
                "mkdocs.yml (in the section it belongs to), so readers find it and My "
                "learning counts it")
        for page in pages
        if page.kind in LEARNING_KINDS and not _is_listed(navigation, page)
    ]


def _nav_of(language: str) -> str:
    """Where ``language``'s navigation is written in mkdocs.yml, as a message names it."""
    return "nav:" if language == DEFAULT_LANGUAGE else f"the {language} language's nav:"


def orphan_pages(navigation: Navigation, pages) -> list[Problem]:
    """Every page (other than a learning page, which must be listed, and a language's home
    page) that is not in its navigation and that no other page links to, as the link check
    of the built site counts links: the language switch is not a link."""
    linked = set()
    for page in pages:
        if page.text is None:
            continue
        folder = posixpath.dirname(page.src_uri)
        for target, _line in link_targets(page.text):
            path = site_file_target(target)
            if path is not None:
                linked |= {posixpath.normpath(posixpath.join(folder, path))} - {page.src_uri}
    return [
        Problem(page.shown, 1, ORPHAN_PAGE, ORPHAN_MESSAGE)
        for page in pages
        if page.text is not None and page.kind not in LEARNING_KINDS
        and _in_folder(page) != HOME_PAGE
        and not _is_listed(navigation, page) and page.src_uri not in linked
    ]


def _is_listed(navigation: Navigation, page) -> bool:
    listed = navigation.listed(page.language)
    return listed is None or _in_folder(page) in listed


def _in_folder(page) -> str:
    """The page's path in its language's folder, as a nav: entry names it."""
    return page.src_uri.removeprefix(f"{page.language}/")


def _config_root(config_file: Path) -> yaml.Node | None:
    """mkdocs.yml's node tree (None when it cannot be read), composed once for its text: the
    navigation and the strings pages show are read from the same tree."""
    try:
        return _compose(config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, yaml.YAMLError):
        return None


@lru_cache(maxsize=4)
def _compose(text: str) -> yaml.Node | None:
    return yaml_nodes.compose(text)


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if name.value == key), None)


def _i18n_languages(root: yaml.Node | None) -> Iterator[yaml.Node]:
    """The ``languages:`` entries of mkdocs-static-i18n's settings under ``plugins:``."""
    plugins = _value(root, "plugins")
    items = plugins.value if isinstance(plugins, yaml.SequenceNode) else ()
    for item in items:
        languages = _value(_value(item, I18N_PLUGIN), "languages")
        if isinstance(languages, yaml.SequenceNode):
            yield from languages.value


def _entries(
    nav: yaml.Node, section: tuple[int, ...] = (), titles: tuple[str, ...] = ()
) -> Iterable[NavEntry]:
    """The pages a ``nav:`` node lists, at their lines, with the sections they are in: a
    path, alone or as a title's value, at any depth; an address (a link, not a page) is
    left out."""
    if isinstance(nav, yaml.ScalarNode):
        written = str(nav.value).strip()
        # As MkDocs reads an entry: an address with a scheme, or from the server's root, is
        # a link; anything else names a file of the language's folder.
        if written and site_file_target(written) == written:
            yield NavEntry(
                written, posixpath.normpath(written), nav.start_mark.line + 1, section, titles
            )
    elif isinstance(nav, yaml.SequenceNode):
        for place, item in enumerate(nav.value):
            if isinstance(item, yaml.MappingNode):
                for title, value in item.value:
                    if isinstance(value, yaml.SequenceNode):  # a section
                        yield from _entries(value, (*section, place), (*titles, title.value))
                    else:
                        yield from _entries(value, section, titles)
            else:
                yield from _entries(item, section, titles)
