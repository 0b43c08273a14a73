"""Parsing stays bounded: YAML aliases ("billion laughs") are refused at their line in
front matter and films.yml, in well under a second."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from harness.testing import PROJECT_ROOT

from leadership.pages.checks import check_pages
from leadership.pages.front_matter_source import read_front_matter
from leadership.reporting import ContentError
from leadership.subtitles.films import load_films_file

FIXTURES = Path(__file__).parent / "fixtures" / "bounded"
BILLION_LAUGHS = (FIXTURES / "billion_laughs.md").read_text(encoding="utf-8")


def test_aliases_in_front_matter_are_refused_at_their_line_at_once(tmp_path):
    for language in ("en", "cy"):
        page = tmp_path / "docs" / language / "index.md"
        page.parent.mkdir(parents=True)
        page.write_text(BILLION_LAUGHS.replace("kind: reading", "kind: home"), encoding="utf-8")
    # The reading itself, timed alone (the check around it renders pages too): expanded,
    # the aliases took over a minute and gigabytes before failing.
    started = time.perf_counter()
    with pytest.raises(ContentError):
        read_front_matter(BILLION_LAUGHS, "docs/en/index.md")
    assert time.perf_counter() - started < 1
    problems, _ = check_pages(tmp_path)
    syntax = [p for p in problems if p.rule == "frontmatter-syntax"]
    assert [(p.path, p.line) for p in syntax] == [("docs/cy/index.md", 6), ("docs/en/index.md", 6)]
    assert "aliases (*a) are not allowed" in syntax[0].message


def test_aliases_in_films_yml_are_refused_at_their_line_at_once(tmp_path):
    folder = tmp_path / "transcripts"
    shutil.copytree(PROJECT_ROOT / "transcripts", folder)
    films = folder / "films.yml"
    text = films.read_text(encoding="utf-8")
    laughs = "\n".join(BILLION_LAUGHS.split("\n")[4:14])
    films.write_text(laughs + "\n" + text, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(ContentError) as raised:
        load_films_file(films, "transcripts/films.yml")
    assert time.perf_counter() - started < 1
    [problem] = raised.value.problems
    assert problem.line == 2
    assert re.search(r"aliases \(\*a\) are not allowed", problem.message)
