"""What a film page shows, and the subtitle files the site publishes beside it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from leadership.content import FilmLibrary
from leadership.interface import strings_for
from leadership.languages import LANGUAGES
from leadership.subtitles.cues import Cue, to_webvtt
from leadership.subtitles.films import PUBLISHED_FOLDER, Film, published_name, subtitle_path
from leadership.subtitles.transcript import paragraphs

# The id of the transcript's heading on a film page (partials/film.html): search files the
# cues under it.
TRANSCRIPT_ID = "transcript"
def film_page_context(
    film: Film, cues: list[Cue], language: str, url_for: Callable[[str], str]
) -> dict:
    """Everything the film template needs, for one film in one language (its cues)."""
    ui = strings_for(language)
    tracks = [
        {
            "lang": code,
            "name": ui[f"language_name_{code}"],
            "label": strings_for(code)[f"language_name_{code}"],
            "srt": url_for(published_name(film.slug, code, "srt")),
            "vtt": url_for(published_name(film.slug, code, "vtt")),
        }
        for code in LANGUAGES
    ]
    video = None
    if film.video:
        video = {**film.video, "src": url_for(f"{PUBLISHED_FOLDER}/{film.video['src']}")}
    return {
        "film": film,
        "language": language,
        "tracks": tracks,
        "video": video,
        "paragraphs": paragraphs(cues, film.phrases_in(language)),
        "transcript_id": TRANSCRIPT_ID,
    }


def publish_subtitles(films: FilmLibrary, site_dir: Path) -> list[Path]:
    """Write each film's SRT and WebVTT in every language (and a self-hosted video) to the
    site, from the library's cues (each file parsed once, by the subtitle check)."""
    target = site_dir / PUBLISHED_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for film in films.films.values():
        for language in LANGUAGES:
            source = subtitle_path(films.folder, film.slug, language)
            srt_copy = site_dir / published_name(film.slug, language, "srt")
            shutil.copyfile(source, srt_copy)
            vtt = site_dir / published_name(film.slug, language, "vtt")
            vtt.write_text(
                to_webvtt(films.cues(film.slug, language), film.phrases_in(language)),
                encoding="utf-8",
            )
            written += [srt_copy, vtt]
        if film.video:
            video_target = target / film.video["src"]
            video_target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(films.folder / film.video["src"], video_target)
            written.append(video_target)
    return written
