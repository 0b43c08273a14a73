"""A film's video: must be a file beside films.yml; a missing one, a folder, or a link out of
the project is reported by the film check at its line, not found by the build as a crash."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from harness.testing import PROJECT_ROOT

from leadership.reporting import ContentError
from leadership.subtitles.check import check_paths
from leadership.subtitles.films import load_films_file


def transcripts_with_video(tmp_path: Path, src: str) -> tuple[Path, int]:
    """A copy of transcripts/ whose first film has ``video: {src: ...}``; and its line."""
    folder = tmp_path / "project" / "transcripts"
    shutil.copytree(PROJECT_ROOT / "transcripts", folder)
    films = folder / "films.yml"
    text = films.read_text(encoding="utf-8")
    first = re.search(r"^(\s*)video: null\s*$", text, re.MULTILINE)
    indent = first.group(1)
    line = text[: first.start()].count("\n") + 2
    films.write_text(
        text[: first.start()]
        + f"\n{indent}video:\n{indent}  src: {src}\n{indent}  type: video/mp4"
        + text[first.end():],
        encoding="utf-8",
    )
    return folder, line + 1


@pytest.mark.parametrize("kind", ["missing", "folder", "link out"])
def test_a_video_that_is_not_a_file_in_the_folder_is_reported_at_its_line(tmp_path, kind):
    folder, line = transcripts_with_video(tmp_path, "media/film.mp4")
    media = folder / "media"
    media.mkdir()
    if kind == "folder":
        (media / "film.mp4").mkdir()
    elif kind == "link out":
        (tmp_path / "outside.mp4").write_bytes(b"secret")
        (media / "film.mp4").symlink_to(tmp_path / "outside.mp4")
    with pytest.raises(ContentError) as raised:
        load_films_file(folder / "films.yml", "transcripts/films.yml")
    [problem] = raised.value.problems
    assert (problem.path, problem.line) == ("transcripts/films.yml", line)
    assert "'media/film.mp4' is not a file in transcripts/" in problem.message
    result = check_paths([folder])
    assert any("is not a file in transcripts/" in p.message for p in result.problems)


def test_a_video_file_beside_films_yml_is_accepted(tmp_path):
    folder, _ = transcripts_with_video(tmp_path, "media/film.mp4")
    (folder / "media").mkdir()
    (folder / "media/film.mp4").write_bytes(b"\0")
    assert load_films_file(folder / "films.yml", "transcripts/films.yml")
