"""What a film page shows, and the subtitle files the site publishes beside it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from leadership.cues import read_srt, to_webvtt
from leadership.films import Film, load_films, subtitle_path
from leadership.interface import strings_for
from leadership.languages import LANGUAGES
from leadership.reporting import Problem
from leadership.subtitle_check import check_paths
from leadership.transcript import paragraphs

# The id of the transcript's heading on a film page (partials/film.html): search files the
# cues under it.
TRANSCRIPT_ID = "transcript"
# Where subtitle files and self-hosted videos are published, relative to the site root.
PUBLISHED_FOLDER = "transcripts"


def published_name(slug: str, language: str, extension: str) -> str:
    return f"{PUBLISHED_FOLDER}/{slug}.{language}.{extension}"


def film_page_context(
    film: Film, transcripts_dir: Path, language: str, url_for: Callable[[str], str]
) -> dict:
    """Everything the film template needs, for one film in one language."""
    cues = read_srt(subtitle_path(transcripts_dir, film.slug, language))
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
        "paragraphs": paragraphs(cues),
        "transcript_id": TRANSCRIPT_ID,
    }


def publish_subtitles(
    transcripts_dir: Path, site_dir: Path, films: list[Film] | None = None
) -> list[Path]:
    """Write each film's SRT and WebVTT in every language (and a self-hosted video) to the site.

    ``films`` saves reading films.yml again when the caller has it already.
    """
    target = site_dir / PUBLISHED_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for film in load_films(transcripts_dir) if films is None else films:
        for language in LANGUAGES:
            source = subtitle_path(transcripts_dir, film.slug, language)
            srt_copy = site_dir / published_name(film.slug, language, "srt")
            shutil.copyfile(source, srt_copy)
            vtt = site_dir / published_name(film.slug, language, "vtt")
            vtt.write_text(to_webvtt(read_srt(source)), encoding="utf-8")
            written += [srt_copy, vtt]
        if film.video:
            video_target = target / film.video["src"]
            video_target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(transcripts_dir / film.video["src"], video_target)
            written.append(video_target)
    return written


def transcript_errors(transcripts_dir: Path) -> list[Problem]:
    """The subtitle checker's errors (not warnings) for the site's transcripts."""
    result = check_paths([transcripts_dir])
    return [problem for problem in result.problems if problem.severity == "error"]
