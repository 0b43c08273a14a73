"""Activity guides: every guide is checked before the build, and each renders through one
template (at a glance, outcomes, steps, film moments) above its Markdown sections.
The activities index lists the guides by principle and by length.

A guide with problems fails the build with every problem as ``path:line: rule: message``.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, Template
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import AnchorLink

from leadership.activities import (
    ACTIVITIES_FOLDER,
    ACTIVITY_KIND,
    INDEX_PAGE,
    CheckResult,
    check_activities,
)
from leadership.activity_pages import activity_page_context, index_context
from leadership.languages import build_language, nested_language_build
from leadership.project import project_root

ACTIVITY_TEMPLATE = "partials/activity.html"
INDEX_TEMPLATE = "partials/activities-index.html"
FIRST_SECTION = "<h2"

# State is kept per config file (and language), never shared between projects or configs:
# - the check, once per site build: mkdocs-static-i18n builds every other language inside
#   the default language's build, with the same config, and MkDocs runs on_config,
#   on_pre_build and on_page_* again for each; a new `mkdocs build` (or a rebuild under
#   `mkdocs serve`) checks again;
# - the compiled templates, once per language build: mkdocs-static-i18n reconfigures the
#   theme (its language, its folders) before each language's build.
_checked: dict[str, CheckResult] = {}
_environments: dict[tuple[str, str], Environment] = {}
_templates: dict[tuple[str, str], dict[str, Template]] = {}


def _key(config) -> str:
    return str(config.config_file_path)


def _theme_key(config) -> tuple[str, str]:
    return _key(config), build_language(config)


def on_config(config):
    if not nested_language_build(config):
        # A new site build (or a rebuild under `mkdocs serve`): check everything again.
        _checked.pop(_key(config), None)
    return config


def on_pre_build(config):
    # This language's theme, as mkdocs-static-i18n has reconfigured it: compile afresh.
    theme_key = _theme_key(config)
    _environments.pop(theme_key, None)
    _templates[theme_key] = {}
    key = _key(config)
    if key in _checked:
        return  # checked in this site build, for every language
    root = project_root(config)
    docs_dir = Path(config.docs_dir)
    result = check_activities(docs_dir, root / "transcripts", root)
    errors = [problem for problem in result.problems if problem.severity == "error"]
    if errors:
        lines = "\n".join(str(problem) for problem in errors)
        raise PluginError(f"Activity guides with problems ({len(errors)}):\n{lines}")
    _checked[key] = result


def _url_for(page, files):
    def url_for(source_uri: str) -> str:
        target = files.get_file_from_path(source_uri)
        if target is None:
            raise PluginError(
                f"docs/{page.file.src_uri}:1: activity-link: no page {source_uri} to link to"
            )
        return target.url_relative_to(page.file)

    return url_for


def _template(config, name: str) -> Template:
    """The theme's template, compiled once per language build."""
    key = _theme_key(config)
    templates = _templates.setdefault(key, {})
    if name not in templates:
        if key not in _environments:
            # MkDocs' Jinja environment does not escape; front matter text may contain & or <.
            _environments[key] = config.theme.get_env().overlay(autoescape=True)
        templates[name] = _environments[key].get_template(name)
    return templates[name]


def _render(config, template: str, context: dict) -> str:
    return _template(config, template).render(**context)


def _anchor(entry, level: int) -> AnchorLink:
    link = AnchorLink(str(escape(entry.title)), entry.id, level)
    link.children = [_anchor(child, level + 1) for child in entry.children]
    return link


def _add_to_contents(page, entries, at_start: bool) -> None:
    """Put the template's headings in the page's table of contents, under its title."""
    items = page.toc.items
    if len(items) == 1 and items[0].level == 1:
        items = items[0].children
    links = [_anchor(entry, 2) for entry in entries]
    if at_start:
        items[0:0] = links
    else:
        items.extend(links)


def on_page_content(html, page, config, files):
    language = page.file.locale
    result = _checked[_key(config)]
    references = result.references
    if page.meta.get("kind") == ACTIVITY_KIND:
        activity = next(
            (a for a in result.activities[language] if a.source_uri == page.file.src_uri), None
        )
        if activity is None:
            raise PluginError(
                f"docs/{page.file.src_uri}:1: activity-location: an activity guide must be "
                f"in docs/<lang>/{ACTIVITIES_FOLDER}/<slug>.md"
            )
        context = activity_page_context(activity, references, _url_for(page, files))
        rendered = _render(config, ACTIVITY_TEMPLATE, context)
        _add_to_contents(page, context["contents"], at_start=True)
        position = html.find(FIRST_SECTION)
        if position < 0:
            return html + rendered
        return html[:position] + rendered + html[position:]
    if page.file.src_uri == f"{language}/{ACTIVITIES_FOLDER}/{INDEX_PAGE}":
        context = index_context(
            result.activities[language], language, references, _url_for(page, files)
        )
        _add_to_contents(page, context["contents"], at_start=False)
        return html + _render(config, INDEX_TEMPLATE, context)
    return html
