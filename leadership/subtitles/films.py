"""Film metadata from transcripts/films.yml, checked with the line of every mistake.

Schema (one entry per film under ``films:``)::

    - slug: what-compassionate-leadership-means     # lower-case words joined by "-"
      title: {en: ..., cy: ...}
      speaker: Professor Michael West
      role: {en: ..., cy: ...}
      duration: "04:56"                             # MM:SS
      source: {title: ..., url: https://...}
      description: {en: ..., cy: ...}
      video: null                                   # or {src: ..., type: video/mp4}
      source_fixture: tests/fixtures/srt/source/<slug>.source.srt   # optional
      corrections:                                  # optional, may be empty
        - {cue: 30, language: en, change: ..., reason: ...}
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from leadership.languages import LANGUAGES, TRANSLATION_STATUSES
from leadership.pages.content_safety import MARKUP, unsafe_url
from leadership.reporting import ContentError, Problem
from leadership.subtitles.cues import decode_utf8
from leadership.subtitles.rules import problem
from leadership.yaml_nodes import compose, describe_error

# Where subtitle files and self-hosted videos are published, relative to the site root.
PUBLISHED_FOLDER = "transcripts"
SUBTITLE_FORMATS = ("srt", "vtt")  # the extensions of the subtitle files published
FILMS_FILE = "films.yml"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DURATION = re.compile(r"[0-9]{2}:[0-5][0-9]")
CUE_NUMBER = re.compile(r"[0-9]+")  # ASCII digits only: "²" and "٢٩" are not cue numbers
RULE = "film-metadata"

REQUIRED_KEYS = ("slug", "title", "speaker", "role", "duration", "source", "description", "video")
# translation: the Welsh subtitles' record, checked by leadership.pages.translation_status
# phrases: words in one track that are in the other language (Phrase)
OPTIONAL_KEYS = ("source_fixture", "corrections", "translation", "phrases")
CORRECTION_KEYS = ("cue", "language", "change", "reason")
PHRASE_KEYS = ("track", "language", "text")


@dataclass(frozen=True)
class Phrase:
    """Words in one language's subtitles that are in another language (a Welsh thank-you in
    the English track). The transcript and the WebVTT file mark them with their language, so
    that a screen reader says them in that language (WCAG 3.1.2, language of parts)."""

    track: str  # the subtitles they are in
    language: str  # the language they are in
    text: str  # as a cue has them (lines joined by a space)
    line: int  # in films.yml


@dataclass
class Film:
    slug: str
    title: dict[str, str]
    speaker: str
    role: dict[str, str]
    duration: str
    source: dict[str, str]
    description: dict[str, str]
    video: dict[str, str] | None
    # Each with its cue, language, change and reason, and its line in films.yml.
    corrections: list[dict[str, Any]] = field(default_factory=list)
    source_fixture: str | None = None
    line: int = 0  # the line of the film's entry in films.yml
    # The status of the Welsh subtitles' translation record (reviewed, draft), when it has one
    # (leadership.pages.translation_status checks the record itself).
    translation_status: str | None = None
    phrases: list[Phrase] = field(default_factory=list)

    def phrases_in(self, track: str) -> list[Phrase]:
        return [phrase for phrase in self.phrases if phrase.track == track]

    @property
    def published_files(self) -> list[str]:
        """What the build publishes of the film (``film_pages.publish_subtitles``), from the
        site's root: its subtitles in each language as SRT and WebVTT, and its video."""
        files = [
            published_name(self.slug, language, extension)
            for language in LANGUAGES for extension in SUBTITLE_FORMATS
        ]
        if self.video:
            files.append(f"{PUBLISHED_FOLDER}/{self.video['src']}")
        return files


def published_name(slug: str, language: str, extension: str) -> str:
    return f"{PUBLISHED_FOLDER}/{slug}.{language}.{extension}"


def subtitle_path(transcripts_dir: str | Path, slug: str, language: str) -> Path:
    """Where a film's subtitles in one language live: <dir>/<slug>.<language>.srt."""
    return Path(transcripts_dir) / f"{slug}.{language}.srt"


def load_films(transcripts_dir: str | Path) -> list[Film]:
    """The films in <transcripts_dir>/films.yml; raises ContentError with path:line."""
    return load_films_file(Path(transcripts_dir) / FILMS_FILE)


def load_films_file(path: str | Path, name: str | None = None) -> list[Film]:
    """The films in one films.yml file; raises ContentError with path:line (``name`` is the
    path as problems show it)."""
    films, problems, _ = read_films_file(path, name)
    if problems:
        raise ContentError(problems)
    return films


def read_films_file(
    path: str | Path, name: str | None = None
) -> tuple[list[Film], list[Problem], list[Film]]:
    """(the films of one films.yml that read without a problem, every problem in the file,
    the entries with problems of their own as far as they read), so that what can be
    checked of every entry (its phrases, its corrections) is checked while it is mended.
    Raises ContentError with path:line when the file cannot be read as YAML."""
    name = name or str(path)
    _, root = read_films_document(path, name)
    reader = _Reader(name, Path(path).parent)
    films = reader.films(root)
    return films, reader.problems, reader.partial


def read_films_document(path: str | Path, name: str | None = None) -> tuple[str, yaml.Node | None]:
    """films.yml's text and its YAML node tree (every node knows its line): the one reading
    of the file, for ``load_films_file`` and for the translation records, which edit it.
    Raises ContentError with path:line when it cannot be read."""
    name = name or str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        message = f"cannot read the film metadata: {exc.strerror or exc}"
        raise ContentError([problem(RULE, name, 1, message)]) from None
    text, problems = decode_utf8(data, name)
    if problems:  # not-utf8, at the line of the first byte that is not, as for subtitles
        raise ContentError(problems)
    try:
        root = compose(text)
    except yaml.YAMLError as error:
        line, message = describe_error(error, text)
        raise ContentError([problem(RULE, name, line, f"invalid YAML: {message}")]) from None
    return text, root


class _Reader:
    """Turns the YAML node tree into Films, noting each mistake at its node's line."""

    def __init__(self, path: str, folder: Path):
        self.path = path
        self.folder = folder
        self.problems: list[Problem] = []
        self.partial: list[Film] = []  # entries with problems of their own, read as they are

    def fail(self, node: yaml.Node | None, message: str, line: int | None = None) -> None:
        if line is None:
            line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(problem(RULE, self.path, line, message))

    def films(self, root: yaml.Node | None) -> list[Film]:
        if root is None:
            self.fail(None, "the file is empty: it needs a 'films:' list")
            return []
        top = self.mapping(root, "the file")
        if top is None:
            return []
        entries = top.get("films")
        if entries is None:
            self.fail(root, "no 'films:' key")
            return []
        if not isinstance(entries[1], yaml.SequenceNode):
            self.fail(entries[1], "'films' must be a list of films")
            return []
        films = []
        seen: dict[str, int] = {}
        for node in entries[1].value:
            film = self.film(node)
            if film is None:
                continue
            if film.slug in seen:
                self.fail(node, f"film {film.slug!r} is listed twice (also line {seen[film.slug]})")
                continue
            seen[film.slug] = film.line
            films.append(film)
        return films

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping of keys to values")
            return None
        keys = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                self.fail(key, f"a key of {what} must be a name, not a list or a mapping")
                continue
            keys[str(key.value)] = (key, value)
        return keys

    def film(self, node: yaml.Node) -> Film | None:
        keys = self.mapping(node, "a film")
        if keys is None:
            return None
        before = len(self.problems)
        missing = [key for key in REQUIRED_KEYS if key not in keys]
        for key, (key_node, _) in keys.items():
            if key in REQUIRED_KEYS or key in OPTIONAL_KEYS:
                continue
            # A misspelt key is one mistake: said once, with the key it stands for.
            meant = difflib.get_close_matches(str(key), missing, n=1, cutoff=0.75)
            if meant:
                missing.remove(meant[0])
                self.fail(key_node, f"unknown key {key!r}: did you mean {meant[0]!r}?")
            else:
                self.fail(key_node, f"unknown key {key!r} (expected one of "
                                    f"{', '.join(REQUIRED_KEYS + OPTIONAL_KEYS)})")
        for key in missing:
            self.fail(node, f"film has no {key!r}")

        def value(key: str, read, *args):
            return read(keys[key][1], key, *args) if key in keys else None

        slug = value("slug", self.text)
        if slug and not SLUG.fullmatch(slug):
            self.fail(keys["slug"][1], f"slug {slug!r} must be lower-case words joined by '-'")
        duration = value("duration", self.text)
        if duration and not DURATION.fullmatch(duration):
            self.fail(keys["duration"][1], f"duration {duration!r} must be MM:SS, quoted")
        source = value("source", self.fields, ("title", "url"))
        if source and "url" in source and not source["url"].startswith("https://"):
            # At the url: key's own line, where the editor mends it.
            self.fail(self.mapping(keys["source"][1], "source")["url"][0],
                      "source url must start with https://")
        video = None
        video_node = keys["video"][1] if "video" in keys else None
        if isinstance(video_node, yaml.ScalarNode) and not _is_null(video_node):
            self.fail(video_node, "video must be null, or src: (a file beside films.yml, e.g. "
                                  "media/film.mp4) and type: (e.g. video/mp4) on their own lines")
        elif video_node is not None and not _is_null(video_node):
            reported = len(self.problems)
            video = self.fields(video_node, "video", ("src", "type"))
            if video and not _is_local_media(video.get("src", "")):
                self.fail(
                    video_node,
                    "video src must be a file beside films.yml (e.g. media/film.mp4): the site "
                    "serves its own media and makes no third-party requests",
                )
            elif video and len(self.problems) == reported and not self.media_file(video["src"]):
                self.fail(
                    video_node,
                    f"video src {video['src']!r} is not a file in {self.folder.name}/ (a "
                    "folder, a missing file, or a link out of the project): add the file, "
                    "or set video: null",
                )
        film = Film(
            slug=slug or "",
            title=value("title", self.per_language) or {},
            speaker=value("speaker", self.text) or "",
            role=value("role", self.per_language) or {},
            duration=duration or "",
            source=source or {},
            description=value("description", self.per_language) or {},
            video=video,
            corrections=self.corrections(keys.get("corrections")),
            phrases=self.phrases(keys.get("phrases")),
            source_fixture=value("source_fixture", self.text),
            line=node.start_mark.line + 1,
            translation_status=_translation_status(keys.get("translation")),
        )
        if len(self.problems) == before:
            return film
        if film.slug:
            # Not a film the site can show, but its phrases and corrections can still be
            # checked against its subtitles, so that they come on the same run.
            self.partial.append(film)
        return None

    def media_file(self, src: str) -> bool:
        """Whether ``src`` is a file inside the folder films.yml is in (links resolved)."""
        path = self.folder / src
        try:
            resolved = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return False
        return resolved.is_file() and resolved.is_relative_to(self.folder.resolve())

    def text(self, node: yaml.Node, what: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or _is_null(node):
            self.fail(node, f"{what} must be text")
            return None
        if not str(node.value).strip():
            self.fail(node, f"{what} is empty")
            return None
        if MARKUP.search(str(node.value)) or unsafe_url(str(node.value)):
            # Shown on both film pages and in search: text only, however YAML spells it.
            self.fail(node, f"{what} {str(node.value)[:60]!r} holds markup or a script "
                      "address: films.yml is text")
            return None
        return str(node.value)

    def fields(self, node: yaml.Node, what: str, names: tuple[str, ...]) -> dict[str, str] | None:
        keys = self.mapping(node, what)
        if keys is None:
            return None
        values = {}
        for name in names:
            if name not in keys:
                self.fail(node, f"{what} has no {name!r}")
                continue
            value = self.text(keys[name][1], f"{what}.{name}")
            if value is not None:
                values[name] = value
        for key, (key_node, _) in keys.items():
            if key not in names:
                self.fail(key_node, f"unknown key {key!r} in {what} (expected {', '.join(names)})")
        return values

    def per_language(self, node: yaml.Node, what: str) -> dict[str, str]:
        return self.fields(node, what, LANGUAGES) or {}

    def corrections(self, entry: tuple[yaml.Node, yaml.Node] | None) -> list[dict[str, Any]]:
        if entry is None:
            return []
        node = entry[1]
        if _is_null(node):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, "corrections must be a list")
            return []
        result = []
        for item in node.value:
            values: dict[str, Any] = dict(self.fields(item, "correction", CORRECTION_KEYS) or {})
            values["line"] = item.start_mark.line + 1
            if "cue" in values:
                if CUE_NUMBER.fullmatch(values["cue"]) and int(values["cue"]) > 0:
                    values["cue"] = int(values["cue"])
                else:
                    self.fail(item, f"correction cue {values['cue']!r} must be a cue number")
            if "language" in values and values["language"] not in LANGUAGES:
                self.fail(item, f"correction language {values['language']!r} must be one of "
                                f"{', '.join(LANGUAGES)}")
            result.append(values)
        return result

    def phrases(self, entry: tuple[yaml.Node, yaml.Node] | None) -> list[Phrase]:
        if entry is None or _is_null(entry[1]):
            return []
        node = entry[1]
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, "phrases must be a list")
            return []
        result = []
        for item in node.value:
            values = self.fields(item, "phrase", PHRASE_KEYS)
            if not values or len(values) < len(PHRASE_KEYS):
                continue
            track, language = values["track"], values["language"]
            if track not in LANGUAGES or language not in LANGUAGES:
                self.fail(item, f"phrase track and language must each be one of "
                                f"{', '.join(LANGUAGES)}")
            elif track == language:
                self.fail(item, f"phrase '{values['text']}' is in the language of its track "
                                f"({track}): list only words in the other language")
            else:
                result.append(Phrase(track, language, " ".join(values["text"].split()),
                                     item.start_mark.line + 1))
        return result


def _translation_status(entry: tuple[yaml.Node, yaml.Node] | None) -> str | None:
    """The record's status when it is one of TRANSLATION_STATUSES (else None: the
    translation check reports a record that is not valid)."""
    if entry is None or not isinstance(entry[1], yaml.MappingNode):
        return None
    for key, value in entry[1].value:
        if key.value == "status" and isinstance(value, yaml.ScalarNode):
            return value.value if value.value in TRANSLATION_STATUSES else None
    return None


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _is_local_media(src: str) -> bool:
    """A relative path inside the transcripts folder: no scheme, no host, no way out."""
    parts = Path(src).parts
    return bool(src) and ":" not in src and not src.startswith("/") and ".." not in parts
