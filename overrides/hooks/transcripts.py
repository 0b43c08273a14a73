"""Film pages: transcript, player and subtitle downloads, rendered from transcripts/.

Editors never paste a transcript into Markdown: a page with ``kind: film`` and
``film: <slug>`` in its front matter gets everything below its introduction from
``transcripts/films.yml`` and the film's SRT files. Subtitles with errors fail the build.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Template
from mkdocs.exceptions import PluginError
from mkdocs.utils import normalize_url

from leadership.film_pages import film_page_context, publish_subtitles, transcript_errors
from leadership.films import Film, load_films
from leadership.interface import strings_for
from leadership.languages import nested_language_build
from leadership.reporting import ContentError

TEMPLATE = "partials/film.html"

# The films and the template, read once per build (per language) in on_pre_build: reading
# films.yml and compiling the template for every film page made this hook a third of the
# build on a 50-film site (benchmarks/bench_site.py). Keyed by transcripts folder.
_films: dict[Path, dict[str, Film]] = {}
_templates: dict[Path, Template] = {}


def transcripts_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent / "transcripts"


def on_pre_build(config):
    # The subtitles are checked once per site build, not again for the second language.
    errors = [] if nested_language_build(config) else transcript_errors(transcripts_dir(config))
    if errors:
        lines = "\n".join(str(problem) for problem in errors)
        raise PluginError(f"Film pages are not built from subtitles with errors:\n{lines}")
    try:
        films = load_films(transcripts_dir(config))
    except ContentError as error:
        raise PluginError(str(error)) from None
    _films[transcripts_dir(config)] = {film.slug: film for film in films}
    _templates[transcripts_dir(config)] = config.theme.get_env().get_template(TEMPLATE)


def on_page_content(html, page, config, files):
    if page.meta.get("kind") != "film":
        return html
    films = _films[transcripts_dir(config)]
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
    template = _templates[transcripts_dir(config)]
    return html + template.render(ui=strings_for(page.file.locale), **context)


def on_post_build(config):
    # Subtitle files are shared by both languages: publish them once per site build.
    if nested_language_build(config):
        return
    folder = transcripts_dir(config)
    publish_subtitles(folder, Path(config.site_dir), list(_films[folder].values()))
