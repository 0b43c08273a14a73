"""Film pages: transcript, player and subtitle downloads, rendered from transcripts/.

Editors never paste a transcript into Markdown: a page with ``kind: film`` and
``film: <slug>`` in its front matter gets everything below its introduction from
``transcripts/films.yml`` and the film's SRT files. Subtitles with errors fail the build.

The cues go into the page last (on_post_page), after Material's search has read it: the
search gets an entry per cue from leadership/search_index.py instead, so it neither indexes
the transcript twice nor has to find the cues in the built page again. With
LEADERSHIP_SEARCH=material (Material's default search, for comparison) they go in at once.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Template
from mkdocs.exceptions import PluginError
from mkdocs.utils import normalize_url

from leadership.film_pages import film_page_context, publish_subtitles, transcript_errors
from leadership.films import Film, load_films
from leadership.interface import strings_for
from leadership.languages import build_language, nested_language_build
from leadership.project import project_root
from leadership.reporting import ContentError
from leadership.search_index import note_cues, search_mode

TEMPLATE = "partials/film.html"
CUES_TEMPLATE = "partials/transcript-cues.html"
# Where the cues go in the page, until on_post_page puts them there.
CUES_PLACEHOLDER = "<!-- cl-transcript-cues -->"

# The films and the template, read once per build (per language) in on_pre_build: reading
# films.yml and compiling the template for every film page made this hook a third of the
# build on a 50-film site (benchmarks/bench_site.py). Keyed by transcripts folder.
_films: dict[Path, dict[str, Film]] = {}
_templates: dict[Path, tuple[Template, Template]] = {}
# Each film page's rendered cues, by site folder and language, then page, until on_post_page.
_pending_cues: dict[tuple[Path, str], dict[str, str]] = {}


def transcripts_dir(config) -> Path:
    return project_root(config) / "transcripts"


def _language_build(config) -> tuple[Path, str]:
    return Path(config.site_dir), build_language(config)


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
    environment = config.theme.get_env()
    _templates[transcripts_dir(config)] = (
        environment.get_template(TEMPLATE), environment.get_template(CUES_TEMPLATE)
    )
    _pending_cues[_language_build(config)] = {}


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
    if page.present_anchor_ids is not None:
        # MkDocs validates links to cue anchors against the Markdown's ids: tell it the cues'.
        page.present_anchor_ids.update(
            cue.anchor for paragraph in context["paragraphs"] for cue in paragraph
        )
    template, cues_template = _templates[transcripts_dir(config)]
    ui = strings_for(page.file.locale)
    cues = cues_template.render(ui=ui, **context)
    if search_mode() == "project":
        _pending_cues.setdefault(_language_build(config), {})[page.url] = cues
        note_cues(*_language_build(config), page.url, context["transcript_id"],
                  (cue for paragraph in context["paragraphs"] for cue in paragraph))
        cues = CUES_PLACEHOLDER
    return html + template.render(ui=ui, transcript_cues=cues, **context)


def on_post_page(output, page, config):
    cues = _pending_cues.get(_language_build(config), {}).pop(page.url, None)
    if cues is None:
        return output
    return output.replace(CUES_PLACEHOLDER, cues, 1)


def on_post_build(config):
    # Subtitle files are shared by both languages: publish them once per site build.
    if nested_language_build(config):
        return
    folder = transcripts_dir(config)
    publish_subtitles(folder, Path(config.site_dir), list(_films[folder].values()))
