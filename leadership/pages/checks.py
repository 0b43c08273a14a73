"""The checks every page's source must pass before the site is built: front matter against
the one schema (leadership.pages.frontmatter), content safety
(leadership.pages.content_safety on the source, and the allowlist of
leadership.pages.allowlist on the HTML the page renders to), links to files that exist
(leadership.pages.source_links), heading ids the same in both languages and once on a
page (leadership.pages.heading_ids) and no placeholder text left from the new-page templates
(leadership.pages.placeholders), on the content model the build uses
(leadership.content)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from leadership.content import read_site
from leadership.markdown_source import split_source
from leadership.pages.content_safety import scan_html
from leadership.pages.heading_ids import heading_id_problems
from leadership.reporting import Problem

# MkDocs' own default, for a project without a mkdocs.yml (a test's).
DEFAULT_EXTENSIONS: list = ["toc", "tables", "fenced_code"]


def check_pages(
    root: Path, docs_dir: Path | None = None, allowed_hosts: Iterable[str] = ()
) -> tuple[list[Problem], int]:
    """(problems, pages checked) for every page in every language."""
    content = read_site(root, docs_dir, allowed_hosts=allowed_hosts)
    problems = list(content.page_problems)
    # The source scan's problem stands for the allowlist's at the same line, by the same rule.
    reported = {(p.path, p.line, p.rule) for p in problems}
    render = markdown_renderer(root / "mkdocs.yml")
    rendered_pages = []
    for page in content.pages.values():
        if page.text is None:
            continue
        rendered = render(split_source(page.text).body)
        problems += [
            problem
            for problem in scan_html(rendered, page.shown, page.text, allowed_hosts)
            if (problem.path, problem.line, problem.rule) not in reported
        ]
        rendered_pages.append((page.src_uri, page.shown, rendered, page.text))
    problems += heading_id_problems(rendered_pages)
    return sorted(set(problems)), len(content.pages)


def listed_extensions(config_file: Path) -> list:
    """mkdocs.yml's ``markdown_extensions``, as written there."""
    from mkdocs.utils.yaml import yaml_load

    with config_file.open(encoding="utf-8") as stream:
        return (yaml_load(stream) or {}).get("markdown_extensions") or []


def markdown_renderer(config_file: Path):
    """Markdown -> HTML with the project's Markdown extensions (mkdocs.yml), as the build
    renders a page's body before the plugin's allowlist reads it."""
    import markdown

    extensions, configs = list(DEFAULT_EXTENSIONS), {}
    if config_file.is_file():
        for entry in listed_extensions(config_file):
            name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
            extensions.append(name)
            configs[name] = options or {}

    def render(body: str) -> str:
        return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)

    return render
