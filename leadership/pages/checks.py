"""The checks every page's source must pass before the site is built: front matter against
the one schema (leadership.pages.frontmatter), content safety
(leadership.pages.content_safety on the source, and the allowlist of
leadership.pages.allowlist on the HTML the page renders to), links to files that exist
(leadership.pages.source_links), heading ids the same in both languages and once on a
page (leadership.pages.heading_ids) and no placeholder text left from the new-page templates
(leadership.pages.placeholders), on the content model the build uses
(leadership.content).

``page_problems`` is the one list of a site's page problems: ``check_pages`` (``make
check``) and the build (``leadership.plugin``) both report it, so the same content gives the
same problems in the same order in both. The build reads the HTML MkDocs rendered as it
renders each page; the check (and the build, when the content has errors and no page will
be rendered) renders the pages' Markdown with the project's extensions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from leadership.build_cache import cache_file
from leadership.content import Page, SiteContent, read_site
from leadership.markdown_source import split_source
from leadership.pages.allowlist import Finding, unsafe_parts
from leadership.pages.content_safety import locate
from leadership.pages.heading_ids import PageIds, heading_id_problems
from leadership.pages.safe_pages import CHECK_CACHE, SafePages
from leadership.pages.source_links import missing_fragments, raw_html_missing_fragments
from leadership.reporting import ContentError, Problem
from leadership.rules import CONFIG_SYNTAX
from leadership.subtitles.cues import anchors
from leadership.subtitles.film_pages import TRANSCRIPT_ID
from leadership.yaml_nodes import describe_error

# MkDocs' own default, for a project without a mkdocs.yml (a test's).
DEFAULT_EXTENSIONS: list = ["toc", "tables", "fenced_code"]


@dataclass(frozen=True)
class RenderedPage:
    """What the checks need from the HTML a page's Markdown rendered to: what the allowlist
    would remove, and the section heading ids (None for HTML that is not a page of its own,
    such as a guide's presenter view, which shows the guide's Markdown again)."""

    page: Page  # the page whose source the HTML was rendered from
    findings: tuple[Finding, ...]
    ids: PageIds | None

    @classmethod
    def read(
        cls, page: Page, html: str, allowed_hosts: Iterable[str] = (), own_page: bool = True,
        safe_pages: SafePages | None = None,
    ) -> RenderedPage:
        """``safe_pages``: the HTML that passed the allowlist in earlier runs here, which is
        not read again (leadership.pages.safe_pages)."""
        ids = PageIds(html, page.text or "") if own_page else None
        hosts = tuple(allowed_hosts)
        if safe_pages is not None and safe_pages.known(html, hosts):
            return cls(page, (), ids)
        findings = tuple(unsafe_parts(html, hosts))
        if safe_pages is not None and not findings:
            safe_pages.remember(html, hosts)
        return cls(page, findings, ids)


def page_problems(content: SiteContent, rendered: Iterable[RenderedPage]) -> list[Problem]:
    """Every page's problems, in the order they are reported: the source's (front matter,
    safety, links to files, placeholders), what the allowlist would remove from the
    rendered HTML (a finding the source scan already reported at the same line, by the same
    rule, is not repeated) and the heading ids."""
    problems = list(content.page_problems)
    reported = {(p.path, p.line, p.rule) for p in problems}
    rendered = list(rendered)
    ids_of = _ids_by_page(content, rendered).get
    headings = []
    for item in rendered:
        page = item.page
        if item.findings:
            problems += [
                problem
                for problem in locate(item.findings, page.shown, page.text or "")
                if (problem.path, problem.line, problem.rule) not in reported
            ]
        if item.ids is not None:
            headings.append((page.src_uri, page.shown, item.ids))
            problems += missing_fragments(page.text or "", page.src_uri, page.shown, ids_of)
            if content.site is not None:
                problems += raw_html_missing_fragments(
                    page.text or "", page.src_uri, page.shown, content.site, ids_of
                )
    problems += heading_id_problems(headings, problems)
    return sorted(set(problems))


def _ids_by_page(content: SiteContent, rendered: list[RenderedPage]) -> dict[str, set[str]]:
    """Every page's ids, as a link to one of them finds them in the built site: those its
    Markdown renders to, and on a film page its transcript's and its cues' (the plugin's).
    A film page whose subtitles cannot be read is left out: links to it are not checked."""
    ids = {item.page.src_uri: set(item.ids.all_ids) for item in rendered if item.ids is not None}
    for src_uri, page in content.pages.items():
        if src_uri not in ids or page.kind != "film":
            continue
        film = page.front.data.get("film")
        cues = content.films.cues(film, page.language) if isinstance(film, str) else None
        if cues is None:
            # Its subtitles are broken, or its film: key is missing or unknown: reported at
            # their own lines, not again at every link to one of its cues.
            del ids[src_uri]
        else:
            ids[src_uri] |= {TRANSCRIPT_ID, *anchors(cues)}
    return ids


def content_errors(content: SiteContent, rendered: Iterable[RenderedPage]) -> list[Problem]:
    """The errors that stop the build, in the order it reports them: the sources' (a broken
    subtitle file or films.yml at its own lines) first, then the pages' (``page_problems``),
    where a page that depends on a broken file says so in one line."""
    return [
        problem
        for problem in sorted(set(content.films.problems)) + page_problems(content, rendered)
        if problem.severity == "error"
    ]


def render_pages(
    content: SiteContent, render: Callable[[str], str], allowed_hosts: Iterable[str] = (),
    safe_pages: SafePages | None = None,
) -> list[RenderedPage]:
    """Every readable page of the model, its body rendered by ``render``."""
    return [
        RenderedPage.read(
            page, render(split_source(page.text).body), allowed_hosts, safe_pages=safe_pages
        )
        for page in content.pages.values()
        if page.text is not None
    ]


def check_pages(
    root: Path, docs_dir: Path | None = None, allowed_hosts: Iterable[str] = ()
) -> tuple[list[Problem], int]:
    """(problems, pages checked) for every page in every language; only mkdocs.yml's own
    problem when it cannot be read (what the pages are depends on it)."""
    try:
        settings = mkdocs_settings(root / "mkdocs.yml")
    except ContentError as error:
        return error.problems, 0
    content = read_site(
        root, docs_dir, allowed_hosts=allowed_hosts,
        use_directory_urls=settings.get("use_directory_urls", True) is not False,
        theme_dirs=theme_folders(settings, root),
        config_file=root / "mkdocs.yml" if settings else None,
    )
    render = markdown_renderer(*project_extensions(settings))
    safe_pages = SafePages(cache_file(root, CHECK_CACHE), root)
    rendered = render_pages(content, render, allowed_hosts, safe_pages)
    safe_pages.save()
    return page_problems(content, rendered), len(content.pages)


def mkdocs_settings(config_file: Path) -> dict:
    """mkdocs.yml as written there (empty when there is none); raises ``ContentError`` at
    the line where it stops being YAML, as MkDocs would refuse it."""
    import yaml
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    if not config_file.is_file():
        return {}
    text = config_file.read_text(encoding="utf-8", errors="replace")
    try:
        settings = yaml_load(text)
    except (ConfigurationError, yaml.YAMLError) as error:
        line, message = 1, str(error)
        try:
            yaml.compose(text, Loader=yaml.SafeLoader)  # the same mistake, with its position
        except yaml.YAMLError as marked:
            line, message = describe_error(marked, text)
        shown = config_file.name
        raise ContentError(
            [Problem(shown, line, CONFIG_SYNTAX, f"not valid YAML: {message}")]
        ) from None
    return settings if isinstance(settings, dict) else {}


def theme_folders(settings: dict, root: Path) -> list[Path] | None:
    """The theme's folders as MkDocs searches them: the project's ``custom_dir`` first, then
    Material's (None for a theme other than Material, whose files the check does not know)."""
    theme = settings.get("theme") or {}
    theme = {"name": theme} if isinstance(theme, str) else theme
    if theme.get("name") != "material":
        return None
    import material

    folders = [root / theme["custom_dir"]] if theme.get("custom_dir") else []
    return [*folders, Path(material.__file__).parent / "templates"]


def project_extensions(settings: dict) -> tuple[list, dict]:
    """(extensions, their options): MkDocs' defaults and mkdocs.yml's ``markdown_extensions``
    (``settings``: mkdocs.yml as ``mkdocs_settings`` reads it)."""
    extensions, configs = list(DEFAULT_EXTENSIONS), {}
    for entry in settings.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        extensions.append(name)
        configs[name] = options or {}
    return extensions, configs


def markdown_renderer(extensions: list, configs: dict) -> Callable[[str], str]:
    """Markdown -> HTML with these extensions, as the build renders a page's body before the
    allowlist reads it (the build passes its config's ``markdown_extensions`` and
    ``mdx_configs``; the check, mkdocs.yml's: ``project_extensions``)."""
    import markdown

    def render(body: str) -> str:
        return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)

    return render
