"""The site's MkDocs plugin: found by its entry point, configured in mkdocs.yml, every source
file parsed once per build, and problems reported at their source."""

from __future__ import annotations

import re
from collections import Counter
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import yaml
from harness.testing import PROJECT_ROOT, build_site, copy_project
from mkdocs.commands.build import build
from mkdocs.config import load_config

from leadership.config import LeadershipConfig
from leadership.pages import front_matter_source
from leadership.plugin import LeadershipPlugin
from leadership.subtitles import check as subtitle_check
from leadership.subtitles import cues, films

BROKEN_FILM = "what-compassionate-leadership-means"
PROBLEM_LINE = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+): (?P<rule>[a-z0-9-]+): ", re.M)


def test_the_plugin_is_found_by_its_entry_point():
    (found,) = [point for point in entry_points(group="mkdocs.plugins")
                if point.name == "leadership"]
    assert found.load() is LeadershipPlugin
    assert issubclass(LeadershipPlugin, object)
    assert LeadershipPlugin.config_class is LeadershipConfig


def test_mkdocs_yml_lists_the_plugin_after_i18n_and_has_no_hooks():
    # mkdocs.yml's !ENV tags are only read here, not resolved.
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    assert "hooks" not in config
    names = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert names.index("leadership") > names.index("i18n")
    assert not (PROJECT_ROOT / "overrides" / "hooks").exists()


def test_an_unknown_option_is_a_configuration_error(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("      transcripts: transcripts\n",
                                          "      transcript: transcripts\n"),
        "utf-8",
    )
    result = build_site(tmp_path / "site", project_dir=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "transcript" in output


@pytest.mark.build
def test_each_source_file_is_parsed_once_per_build(tmp_path, monkeypatch):
    """Front matter, SRT files and films.yml: one parse each for the whole (two-language)
    build, however many pages, checks and templates use them."""
    front_matter = Counter()
    subtitles = Counter()
    film_files = Counter()

    def counting(counter, function, key):
        def wrapper(*args, **kwargs):
            counter[key(*args, **kwargs)] += 1
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(front_matter_source, "parse",
                        counting(front_matter, front_matter_source.parse, lambda text: text))
    scan = counting(subtitles, cues.scan_srt, lambda text, path: Path(path).name)
    monkeypatch.setattr(cues, "scan_srt", scan)
    monkeypatch.setattr(subtitle_check, "scan_srt", scan)
    monkeypatch.setattr(films, "compose",
                        counting(film_files, films.compose, lambda text: "films.yml"))
    monkeypatch.chdir(PROJECT_ROOT)
    config = load_config(str(PROJECT_ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()

    pages = sorted((PROJECT_ROOT / "docs").rglob("*.md"))
    parsed = {
        page.relative_to(PROJECT_ROOT).as_posix(): front_matter[page.read_text("utf-8")]
        for page in pages
    }
    assert parsed == {name: 1 for name in parsed}
    srt_files = sorted(path.name for path in (PROJECT_ROOT / "transcripts").glob("*.srt"))
    assert dict(subtitles) == {name: 1 for name in srt_files}
    assert dict(film_files) == {"films.yml": 1}
    assert (tmp_path / "site" / "cy" / "films" / BROKEN_FILM / "index.html").is_file()


@pytest.mark.build
def test_a_broken_srt_is_reported_at_its_own_lines_first(tmp_path):
    project = copy_project(tmp_path / "project")
    srt = project / "transcripts" / f"{BROKEN_FILM}.en.srt"
    text = srt.read_text("utf-8")
    broken = text.replace("00:00:02,400 --> 00:00:05,520", "00:00:02,400 -> 00:00:05,520", 1)
    assert broken != text
    srt.write_text(broken, "utf-8")

    result = build_site(tmp_path / "site", project_dir=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    problems = [(m["path"], int(m["line"]), m["rule"]) for m in PROBLEM_LINE.finditer(output)]
    shown = f"transcripts/{BROKEN_FILM}.en.srt"
    assert problems, output
    # The file's own problems come first, at its own lines.
    assert problems[0][0] == shown
    assert problems[0][1] == text.splitlines().index("00:00:02,400 --> 00:00:05,520") + 1
    first_page = next(i for i, p in enumerate(problems) if p[0].startswith("docs/"))
    assert all(p[0].startswith("transcripts/") for p in problems[:first_page])
    # Each page that depends on it: at most one line, naming the file to mend.
    page_lines = [line for line in output.splitlines() if line.startswith("docs/")]
    pages = Counter(line.split(":", 1)[0] for line in page_lines)
    assert pages and max(pages.values()) == 1, page_lines
    assert all(shown in line for line in page_lines), page_lines


def test_a_rule_id_outside_the_registry_is_refused_under_the_tests(monkeypatch):
    from leadership.reporting import STRICT_RULES_VARIABLE, Problem
    from leadership.rules import registry

    assert "activity-link" in registry() and "malformed-timing-line" in registry()
    with pytest.raises(ValueError, match="not in leadership/rules.py"):
        Problem("docs/en/x.md", 1, "film-unknwon", "a rule id nobody registered")
    monkeypatch.delenv(STRICT_RULES_VARIABLE)
    assert Problem("docs/en/x.md", 1, "film-unknwon", "allowed outside the tests").line == 1


@pytest.mark.build
def test_a_broken_films_yml_costs_each_guide_one_line(tmp_path):
    project = copy_project(tmp_path / "project")
    films_file = project / "transcripts" / "films.yml"
    films_file.write_text(
        films_file.read_text("utf-8").replace("    speaker: ", "    speakr: ", 1), "utf-8"
    )
    result = build_site(tmp_path / "site", project_dir=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    problems = [(m["path"], m["rule"]) for m in PROBLEM_LINE.finditer(output)]
    assert problems[0] == ("transcripts/films.yml", "film-metadata")
    page_lines = [line for line in output.splitlines() if line.startswith("docs/")]
    pages = Counter(line.split(":", 1)[0] for line in page_lines)
    assert pages and max(pages.values()) == 1, page_lines
    assert all("transcripts/films.yml is mended" in line for line in page_lines), page_lines
