"""Welsh on Welsh pages: project strings, heading permalink titles, counterpart links,
and a 404 page per language (the Welsh build would otherwise overwrite the English one)."""

from __future__ import annotations

from pathlib import Path

from leadership.interface import strings_for
from leadership.languages import DEFAULT_LANGUAGE, build_language, site_prefix
from leadership.learning import learning_page_context
from leadership.site_i18n import home_language_links, language_links, localise_permalinks

NOT_FOUND_PAGE = "404.html"

# The English 404 page, kept while the other languages build over it. Keyed by site folder.
_default_not_found: dict[Path, bytes] = {}


def on_page_context(context, page, config, nav):
    context["ui"] = strings_for(page.file.locale)
    context["learning"] = learning_page_context(page, config, nav)
    # Material writes the language switch and the hreflang links from extra.alternate.
    config.extra.alternate = language_links(page)
    return context


def on_template_context(context, template_name, config):
    # Static templates (the 404 page) have no page: they are in the language being built.
    language = build_language(config)
    context["ui"] = strings_for(language)
    if template_name == NOT_FOUND_PAGE:
        config.extra.alternate = home_language_links(language)
    return context


def on_page_content(html, page, config, files):
    if page.file.locale == DEFAULT_LANGUAGE:
        return html
    return localise_permalinks(html, strings_for(page.file.locale)["permalink_title"])


def on_post_build(config):
    language = build_language(config)
    site_dir = Path(config.site_dir)
    built = site_dir / NOT_FOUND_PAGE
    if language == DEFAULT_LANGUAGE:
        _default_not_found[site_dir] = built.read_bytes()
        return
    built.replace(site_dir / site_prefix(language) / NOT_FOUND_PAGE)
    built.write_bytes(_default_not_found[site_dir])
