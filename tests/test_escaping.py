"""One escaping policy: text from films.yml, front matter and subtitles never becomes markup.

Markup-like text in cues, films.yml and front matter is refused before the build, each at
its own line (a cue's formatting tags are the only markup a subtitle may hold, and those are
written as text too).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from harness.testing import build_site, copy_project
from lxml import html as lxml_html

MARK = "XSSMARK"
SCRIPT = f"<script>{MARK}()</script>"
HANDLER = f'<img src="x" onerror="{MARK}()">'
PAYLOAD = f"{SCRIPT}{HANDLER} onerror={MARK}()"
FILM_TEXT_FIELDS = ("title", "speaker", "role", "description", "source")
CORRECTION_TEXT_FIELDS = ("change", "reason")
PROBLEM = re.compile(r"^(?P<path>docs/\S+?):(?P<line>\d+): (?P<rule>unsafe-[a-z-]+): ", re.M)


def poisoned(value, key: str = ""):
    """Every text in ``value`` with the payload added (addresses stay addresses)."""
    if isinstance(value, dict):
        return {k: poisoned(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poisoned(item, key) for item in value]
    if isinstance(value, str):
        if key == "url":
            return f'{value}?q="><script>{MARK}()</script>'
        return f"{value} {PAYLOAD}"
    return value


def poison_films(transcripts: Path) -> None:
    films_file = transcripts / "films.yml"
    data = yaml.safe_load(films_file.read_text("utf-8"))
    for film in data["films"]:
        for field in FILM_TEXT_FIELDS:
            film[field] = poisoned(film[field], field)
        for correction in film.get("corrections") or []:
            for field in CORRECTION_TEXT_FIELDS:
                correction[field] = poisoned(correction[field], field)
    films_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def seconds(stamp: str) -> float:
    hours, minutes, rest = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest.replace(",", "."))


def poison_cues(transcripts: Path) -> int:
    """Put the payload before the shortest line of the longest cue of every subtitle file,
    so that its few characters of script text keep within the readability limits."""
    changed = 0
    for srt in sorted(transcripts.glob("*.srt")):
        blocks = srt.read_text("utf-8").split("\n\n")
        lengths = []
        for index, block in enumerate(blocks):
            lines = block.strip("\n").split("\n")
            if len(lines) >= 3 and " --> " in lines[1]:
                start, end = lines[1].split(" --> ")
                lengths.append((seconds(end) - seconds(start), index))
        _, longest = max(lengths)
        lines = blocks[longest].split("\n")
        shortest = min(range(2, len(lines)), key=lambda number: len(lines[number]))
        lines[shortest] = f"{SCRIPT}{HANDLER}{lines[shortest]}"
        blocks[longest] = "\n".join(lines)
        srt.write_text("\n\n".join(blocks), "utf-8")
        changed += 1
    return changed


def marked_markup(site: Path) -> list[str]:
    """Every element or attribute in the built pages that the payload made."""
    found = []
    for page in sorted(site.rglob("*.html")):
        tree = lxml_html.fromstring(page.read_bytes())
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            if element.tag == "script" and MARK in (element.text or ""):
                found.append(f"{page.relative_to(site)}: <script>")
            for name, value in element.attrib.items():
                if name.lower().startswith("on") and MARK in value:
                    found.append(f"{page.relative_to(site)}: <{element.tag} {name}>")
            if element.tag == "img" and element.get("src") == "x":
                found.append(f"{page.relative_to(site)}: <img src=x>")
    return found


@pytest.mark.build
def test_markup_in_cues_is_refused_at_its_line_and_never_reaches_a_page(tmp_path):
    project = copy_project(tmp_path / "project")
    assert poison_cues(project / "transcripts") >= 4
    poisoned = {
        (srt.name, number)
        for srt in (project / "transcripts").glob("*.srt")
        for number, line in enumerate(srt.read_text("utf-8").splitlines(), start=1)
        if MARK in line
    }
    site = tmp_path / "site"
    result = build_site(site, project_dir=project, strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    reported = {
        (match["file"], int(match["line"]))
        for match in re.finditer(
            r"^transcripts/(?P<file>[\w.-]+\.srt):(?P<line>\d+): unsafe-cue-markup: ", output, re.M
        )
    }
    assert reported == poisoned
    assert "Traceback" not in output
    assert not site.exists() or marked_markup(site) == []


def test_cue_formatting_is_written_as_text_whatever_it_holds():
    from leadership.subtitles.cues import formatted_text

    assert formatted_text(f"{SCRIPT}{HANDLER}<i>kept</i>") == f"{MARK}()<i>kept</i>"


FILMS_PROBLEM = re.compile(r"^transcripts/films\.yml:(?P<line>\d+): film-metadata: (?P<what>\S+) ",
                           re.M)


@pytest.mark.build
def test_markup_in_films_yml_is_refused_at_each_field(tmp_path):
    project = copy_project(tmp_path / "project")
    poison_films(project / "transcripts")
    # The line each poisoned value starts on (long values run over several lines).
    stack = [yaml.compose((project / "transcripts" / "films.yml").read_text("utf-8"))]
    poisoned_lines = set()
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif MARK in str(node.value):
            poisoned_lines.add(node.start_mark.line + 1)
    site = tmp_path / "site"
    result = build_site(site, project_dir=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    reported = {int(m["line"]) for m in FILMS_PROBLEM.finditer(output)}
    assert poisoned_lines and poisoned_lines <= reported, sorted(poisoned_lines - reported)
    assert not site.exists() or list(site.iterdir()) == []


@pytest.mark.build
def test_markup_in_front_matter_is_refused_at_each_field(tmp_path):
    project = copy_project(tmp_path / "project")
    pages = [
        project / "docs" / language / "activities" / "listening-with-fascination.md"
        for language in ("en", "cy")
    ] + [project / "docs" / language / "principles" / "attending.md" for language in ("en", "cy")]
    expected = set()
    for page in pages:
        source = page.read_text("utf-8")
        _, front, body = source.split("---\n", 2)
        lines = front.split("\n")
        for number, line in enumerate(lines):
            key = line.split(":", 1)[0].strip(" -")
            if key in ("title", "description", "audience", "note") and ": " in line:
                name, value = line.split(": ", 1)
                lines[number] = f"{name}: '{value} {PAYLOAD}'".replace("\"", "")
                expected.add((page.relative_to(project).as_posix(), number + 2))
        page.write_text("---\n" + "\n".join(lines) + "---\n" + body, "utf-8")
    result = build_site(tmp_path / "site", project_dir=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    reported = {(m["path"], int(m["line"])) for m in PROBLEM.finditer(output)}
    assert expected and expected <= reported, sorted(expected - reported)
    assert not (tmp_path / "site" / "index.html").exists() or marked_markup(tmp_path / "site") == []
