"""Every page's front matter against the one schema, and content safety, at build time.

Before anything is built, every page's front matter is checked (leadership.frontmatter)
and its source scanned for scripts, event handlers, javascript: addresses and frames from
other hosts (leadership.content_safety); any problem fails the build, all of them listed
as ``path:line: rule: message``. The HTML rendered from each page is scanned again, in
case Markdown made something unsafe that the source did not show.

Pages whose Welsh translation (or whose film's Welsh subtitles) is a draft show a notice,
in the page's own language, on both pages of the pair.

The site-wide check runs once per site build: mkdocs-static-i18n builds the Welsh site
inside the English build (its on_post_build calls ``build`` again, which calls on_config
again), and that nested build skips it. films.yml is read once per language build, not
once per film page.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from leadership.content_safety import might_be_unsafe, scan_html
from leadership.draft_notice import notice_html, with_notice
from leadership.languages import nested_language_build
from leadership.page_checks import check_pages
from leadership.project import project_root
from leadership.reporting import Problem, shown_path
from leadership.translation_status import DRAFT, film_statuses, page_status

# Problems the rendered HTML showed, per site folder, reported when the language is built.
_rendered_problems: dict[Path, list[Problem]] = {}
# Each film's Welsh subtitle status (films.yml), per site folder, read in on_pre_build.
_film_statuses: dict[Path, dict[str, str | None]] = {}


def _allowed_hosts(config) -> tuple[str, ...]:
    host = urlsplit(config.site_url or "").hostname
    return (host,) if host else ()


def _fail(heading: str, problems: list[Problem]) -> None:
    lines = "\n".join(str(problem) for problem in sorted(set(problems)))
    raise PluginError(f"{heading} ({len(problems)}):\n{lines}")


def on_config(config):
    if nested_language_build(config):
        return config  # the whole site, every language, was checked by the outer build
    problems, _ = check_pages(project_root(config), Path(config.docs_dir), _allowed_hosts(config))
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        _fail("Pages with front matter or content safety problems", errors)
    return config


def on_pre_build(config):
    _film_statuses[Path(config.site_dir)] = film_statuses(project_root(config) / "transcripts")


# Before other hooks add their own HTML to the page: only what Markdown made is scanned.
@event_priority(100)
def on_page_content(html, page, config, files):
    root = project_root(config)
    if might_be_unsafe(html):  # the source is read, and its lines searched, only then
        source = Path(page.file.abs_src_path)
        found = scan_html(
            html, shown_path(source, root), source.read_text(encoding="utf-8"),
            _allowed_hosts(config),
        )
        _rendered_problems.setdefault(Path(config.site_dir), []).extend(found)
    language = page.file.locale
    page_path = Path(page.file.src_uri).relative_to(language).as_posix()
    if page_status(Path(config.docs_dir), page_path) == DRAFT:
        html = with_notice(html, notice_html(language, "translation_draft_body"))
    film = page.meta.get("film") if page.meta.get("kind") == "film" else None
    if film and _film_status(config, root, film) == DRAFT:
        html = with_notice(html, notice_html(language, "subtitles_draft_body"))
    return html


def _film_status(config, root: Path, film: str) -> str | None:
    statuses = _film_statuses.get(Path(config.site_dir))
    if statuses is None:  # on_pre_build did not run (a page rendered on its own)
        statuses = _film_statuses[Path(config.site_dir)] = film_statuses(root / "transcripts")
    return statuses.get(film)


@event_priority(100)
def on_post_build(config):
    _film_statuses.pop(Path(config.site_dir), None)
    found = _rendered_problems.pop(Path(config.site_dir), [])
    if found:
        _fail("Pages whose HTML is unsafe", found)
