"""Film pages: transcript, player and subtitle downloads, rendered from transcripts/.

Editors never paste a transcript into Markdown: a page with ``kind: film`` and
``film: <slug>`` in its front matter gets everything below its introduction from
``transcripts/films.yml`` and the film's SRT files. Subtitles with errors fail the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import normalize_url

from leadership.film_pages import film_page_context, publish_subtitles, transcript_errors
from leadership.films import load_films
from leadership.interface import strings_for
from leadership.reporting import ContentError

TEMPLATE = "partials/film.html"


def transcripts_dir(config) -> Path:
    return Path(config.config_file_path).parent / "transcripts"


def on_pre_build(config):
    errors = transcript_errors(transcripts_dir(config))
    if errors:
        lines = "\n".join(str(problem) for problem in errors)
        raise PluginError(f"Film pages are not built from subtitles with errors:\n{lines}")


def on_page_content(html, page, config, files):
    if page.meta.get("kind") != "film":
        return html
    try:
        films = {film.slug: film for film in load_films(transcripts_dir(config))}
    except ContentError as error:
        raise PluginError(str(error)) from None
    slug = page.meta.get("film")
    if slug not in films:
        raise PluginError(
            f"{page.file.src_uri}:1: film-unknown: front matter names film {slug!r}, "
            f"which is not in transcripts/films.yml"
        )
    context = film_page_context(
        films[slug],
        transcripts_dir(config),
        language=page.file.locale,
        url_for=lambda path: normalize_url(path, page),
    )
    template = config.theme.get_env().get_template(TEMPLATE)
    return html + template.render(ui=strings_for(page.file.locale), **context)


def on_post_build(config):
    publish_subtitles(transcripts_dir(config), Path(config.site_dir))
