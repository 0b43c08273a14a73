"""The content model: what a build reads from the project's sources, read and checked once.

Sources -> model: ``transcripts/`` becomes a ``FilmLibrary`` (films.yml's films, every SRT
parsed once by the subtitle check, its cues kept); ``docs/`` becomes ``Page``s (each file
read and its front matter parsed once), checked against the one front matter schema (an
activity guide is one kind of page, checked by the activities schema) and for content
safety, with the valid ``Activity`` guides kept. The build renders from this model
(``leadership.plugin``) and ``scripts/check_pages.py`` reports its problems.

Problems are reported at their source: a broken SRT by its own lines; a page that depends on
it gets at most one line naming the file to mend (``activity-cue``). ``errors`` lists the
sources' problems before the pages'.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from leadership.activities import schema as activity_schema
from leadership.activities.planning import plan_dest_uri
from leadership.activities.presenting import present_dest_uri
from leadership.languages import LANGUAGES, TRANSLATION_STATUSES, site_prefix
from leadership.learning import reflection_question_problems
from leadership.pages.content_safety import front_matter_problems, scan_markdown
from leadership.pages.front_matter_source import FrontMatter, read_front_matter
from leadership.pages.frontmatter import (
    KINDS,
    SiteContext,
    check_front_matter,
    page_files,
    pair_problems,
    read_text,
)
from leadership.pages.navigation import Navigation, navigation_problems
from leadership.pages.placeholders import TEMPLATES, check_placeholders, template_phrases
from leadership.pages.source_links import (
    SitePaths,
    address_problems,
    check_source_links,
    raw_html_link_problems,
)
from leadership.pages.source_tree import docs_problems, symlink_problems, within_project
from leadership.pages.title import title_problems
from leadership.reporting import ContentError, Problem, shown_path
from leadership.subtitles.check import SubtitleFile, check_paths, display_path
from leadership.subtitles.cues import Cue
from leadership.subtitles.films import FILMS_FILE, Film

TRANSLATION_KEY = "translation"


@dataclass
class FilmLibrary:
    """transcripts/: the films of films.yml and their subtitles, each file parsed once."""

    folder: Path
    films: dict[str, Film] = field(default_factory=dict)  # by slug; empty when unreadable
    subtitles: dict[tuple[str, str], SubtitleFile] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # the subtitle check's, films.yml's too
    readable: bool = True  # False when films.yml cannot be read

    @classmethod
    def read(cls, folder: Path) -> FilmLibrary:
        """The library of ``folder``; a project without the folder has no films."""
        if not folder.is_dir():
            return cls(folder)
        check = check_paths([folder])
        subtitles = {
            (file.film, file.language): file
            for file in check.files.values()
            if file.film is not None and file.language is not None
        }
        films = {film.slug: film for film in check.films or []}
        return cls(folder, films, subtitles, check.problems, check.films is not None)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def films_file(self) -> str:
        """films.yml as problems name it."""
        return display_path(self.folder / FILMS_FILE)

    def broken_file(self, slug: str, language: str) -> str | None:
        """The name (as problems show it) of the film's subtitles in ``language`` when they
        have errors of their own, else None."""
        file = self.subtitles.get((slug, language))
        if file is None:
            return None
        if any(p.path == file.name and p.severity == "error" for p in self.problems):
            return file.name
        return None

    def cues(self, slug: str, language: str) -> list[Cue] | None:
        """The film's cues in ``language``; None when the file is missing or has errors."""
        file = self.subtitles.get((slug, language))
        if file is None or self.broken_file(slug, language):
            return None
        return file.cues


@dataclass
class Page:
    """One Markdown page, read once: its text and its front matter."""

    path: Path
    shown: str  # as problems name it: docs/<lang>/<page>
    language: str
    src_uri: str  # <lang>/<page>, as MkDocs names the file
    text: str | None  # None when it is not UTF-8
    front: FrontMatter | None  # None when it cannot be read

    @property
    def kind(self) -> str | None:
        kind = self.front.data.get("kind") if self.front else None
        return kind if isinstance(kind, str) and kind in KINDS else None

    @property
    def translation_status(self) -> str | None:
        record = self.front.data.get(TRANSLATION_KEY) if self.front else None
        status = record.get("status") if isinstance(record, dict) else None
        return status if status in TRANSLATION_STATUSES else None


@dataclass
class SiteContent:
    """Everything the build and the page checks know about the project's content."""

    films: FilmLibrary
    pages: dict[str, Page]  # by src_uri
    references: activity_schema.References
    activities: dict[str, list[activity_schema.Activity]]  # language -> valid guides
    front_matter_problems: list[Problem]  # front matter and activity guides, pairs included
    # Every page's source (safety, links to files, placeholders) and the navigation's.
    source_problems: list[Problem]
    site: SitePaths | None = None  # the files the built site will have, for links in HTML

    @property
    def page_problems(self) -> list[Problem]:
        return sorted(set(self.front_matter_problems + self.source_problems))

    @property
    def problems(self) -> list[Problem]:
        """Every problem, the sources' (transcripts/) before the pages'."""
        return sorted(set(self.films.problems)) + self.page_problems

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    def page_status(self, src_uri: str) -> str | None:
        """The status of the Welsh translation of the page pair ``src_uri`` belongs to."""
        _, page = src_uri.split("/", 1)
        statuses = [
            self.pages[f"{language}/{page}"].translation_status
            for language in LANGUAGES
            if f"{language}/{page}" in self.pages
        ]
        recorded = [status for status in statuses if status is not None]
        draft = TRANSLATION_STATUSES[1]
        return draft if draft in recorded else (recorded[0] if recorded else None)

    def activity(self, src_uri: str) -> activity_schema.Activity | None:
        language = src_uri.split("/", 1)[0]
        return next(
            (a for a in self.activities.get(language, []) if a.source_uri == src_uri), None
        )


def read_pages(root: Path, docs_dir: Path) -> tuple[dict[str, Page], list[Problem]]:
    """Every page of every language, each read once; problems of files that cannot be read."""
    pages: dict[str, Page] = {}
    problems: list[Problem] = []
    for language, path in page_files(docs_dir):
        if not within_project(path, root):
            continue  # docs_problems reports it
        shown = shown_path(path, root)
        src_uri = path.relative_to(docs_dir).as_posix()
        text = front = None
        try:
            text = read_text(path, shown)
            front = read_front_matter(text, shown)
        except ContentError as error:
            problems += error.problems
        pages[src_uri] = Page(path, shown, language, src_uri, text, front)
    return pages, problems


def read_site(
    root: Path,
    docs_dir: Path | None = None,
    transcripts_dir: Path | None = None,
    allowed_hosts: Iterable[str] = (),
    use_directory_urls: bool = True,
    theme_dirs: Iterable[Path] | None = None,
    config_file: Path | None = None,
) -> SiteContent:
    """Read and check the project's content: films, subtitles, every page, every guide.
    ``use_directory_urls`` and ``theme_dirs`` (the theme's folders) are the build's settings,
    for the addresses written in the pages' HTML; ``config_file`` (mkdocs.yml) writes the
    navigation every page must be reachable from."""
    docs_dir = docs_dir or root / "docs"
    transcripts_dir = transcripts_dir or root / "transcripts"
    # Nothing from outside the project is read: a link out is reported, never followed.
    tree_problems = docs_problems(docs_dir, root) + symlink_problems(transcripts_dir, root)
    films = FilmLibrary.read(transcripts_dir)
    pages, problems = read_pages(root, docs_dir)
    problems += tree_problems
    references = activity_schema.References.from_content(
        principle_titles(pages), films, docs_dir, root
    )
    context = SiteContext(
        film_slugs=set(films.films) if films.readable else None,
        activity_references=references,
    )
    guides: dict[str, list[activity_schema.Activity]] = {language: [] for language in LANGUAGES}
    plans: dict[str, list[activity_schema.SessionPlan]] = {language: [] for language in LANGUAGES}
    fronts: dict[str, dict[str, FrontMatter]] = {language: {} for language in LANGUAGES}
    for page in pages.values():
        if page.front is None:
            continue
        found, guide = check_front_matter(page.front, context)
        problems += found
        if guide is not None:
            plans[page.language].append(guide.plan)
            if guide.activity is not None:
                guides[page.language].append(guide.activity)
        fronts[page.language][page.src_uri.split("/", 1)[1]] = page.front
    problems += pair_problems(fronts, problems)
    problems += activity_schema.parity_problems(plans)
    # The page's source as a whole: safe, its links to files that exist, no placeholder
    # text left from the new-page templates.
    phrases = template_phrases(root / TEMPLATES)
    made = generated_pages(pages, use_directory_urls)
    made += [name for film in films.films.values() for name in film.published_files]
    site = SitePaths.read(docs_dir, made, use_directory_urls, theme_dirs)
    safety = []
    for page in pages.values():
        if page.text is None:
            continue
        found = scan_markdown(page.text, page.shown, allowed_hosts)
        if page.front is not None:
            # A line the source scan already reported needs no second problem.
            lines = {problem.line for problem in found}
            found += [
                problem
                for problem in front_matter_problems(page.front, page.shown)
                if problem.line not in lines
            ]
        safety += found
        safety += check_source_links(page.text, page.path, docs_dir, page.shown, site)
        safety += raw_html_link_problems(page.text, page.src_uri, page.shown, site)
        safety += address_problems(page.text, page.shown)
        safety += check_placeholders(page.text, page.shown, phrases)
        # A guide's heading is compared by its schema; an unsafe title is said to be unsafe.
        if page.front is not None and page.kind != "activity" and all(
            problem.line != page.front.line("title") for problem in found
        ):
            safety += title_problems(page.text, page.front.data.get("title"), page.shown)
    # Reflection questions written so that each gets its notes box, the same in both languages.
    safety += reflection_question_problems(
        {page.path: page.text for page in pages.values() if page.text is not None}, docs_dir, root
    )
    # Every entry of the navigation names a page, and every page can be reached.
    safety += navigation_problems(Navigation.read(config_file, root), pages.values())
    return SiteContent(
        films, pages, references, guides, sorted(set(problems)), sorted(set(safety)), site
    )


def generated_pages(pages: dict[str, Page], use_directory_urls: bool) -> list[str]:
    """Where the pages the build makes (each guide's presenter view, the session planner)
    are written, from the site's root: for every activity page, whether or not its guide
    reads (a broken guide is reported at its own lines, not at the links to its view)."""
    written = []
    for language in LANGUAGES:
        prefix = site_prefix(language)
        slugs = [
            PurePosixPath(page.src_uri).stem
            for page in pages.values()
            if page.language == language and page.kind == "activity"
        ]
        written += [present_dest_uri(prefix, slug, use_directory_urls) for slug in slugs]
        if slugs:
            written.append(plan_dest_uri(prefix, use_directory_urls))
    return written


def principle_titles(pages: dict[str, Page]) -> dict[str, dict[str, str]]:
    """language -> principle slug -> the page's title, from the principle pages read."""
    titles: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
    for page in pages.values():
        parts = page.src_uri.split("/")
        if len(parts) != 3 or parts[1] != activity_schema.PRINCIPLES_FOLDER:
            continue
        slug = parts[2].removesuffix(".md")
        if slug not in activity_schema.PRINCIPLES:
            continue
        title = page.front.data.get("title") if page.front else None
        titles[page.language][slug] = title.strip() if isinstance(title, str) else slug
    return titles
