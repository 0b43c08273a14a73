"""A new page pair, English and Welsh, from the templates in templates/pages/.

``templates/pages/<kind>.<lang>.md`` holds each kind's page with its front matter and
sections; ``{{ title }}``, ``{{ description }}``, ``{{ film }}`` and (Welsh) ``{{ source }}``
are filled in. The Welsh page starts as a draft translation of the new English page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from leadership.languages import DEFAULT_LANGUAGE, LANGUAGES
from leadership.pages.frontmatter import KINDS, kind_location_problem
from leadership.pages.placeholders import KEPT_LINE
from leadership.pages.translation_status import source_hash

TEMPLATES = Path("templates") / "pages"
PLACEHOLDER = re.compile(r"\{\{ (title|description|film|source) \}\}")
# One path segment: lower-case words joined by "-" (the page's address comes from it).
SEGMENT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class NewPageError(Exception):
    """Why the pair cannot be created; nothing has been written."""


@dataclass(frozen=True)
class NewPair:
    page: str  # the path inside each language folder, e.g. principles/kindness.md
    files: dict[str, Path]
    titles: dict[str, str]

    def nav_lines(self) -> dict[str, str]:
        return {
            language: f"- {yaml_scalar(self.titles[language])}: {self.page}"
            for language in self.files
        }


def template_path(root: Path, kind: str, language: str) -> Path:
    return root / TEMPLATES / f"{kind}.{language}.md"


def normalise_page(page: str) -> str:
    """'principles/kindness' or 'docs/en/principles/kindness.md' -> 'principles/kindness.md'."""
    path = PurePosixPath(page.strip().replace("\\", "/"))
    parts = list(path.parts)
    if parts[:1] == ["docs"]:
        parts = parts[1:]
    if parts[:1] and parts[0] in LANGUAGES:
        parts = parts[1:]
    if not parts:
        raise NewPageError(f"{page!r} is not a page path: give one like principles/kindness")
    last = parts[-1].removesuffix(".md")
    for segment in [*parts[:-1], last]:
        if not SEGMENT.fullmatch(segment):
            raise NewPageError(
                f"{segment!r} in {page!r}: use lower-case letters, digits and '-' only "
                "(the page's web address is made from it)"
            )
    return "/".join([*parts[:-1], last + ".md"])


def yaml_scalar(value: str) -> str:
    """``value`` as YAML: plain when it reads back the same, quoted otherwise."""
    if value and value == value.strip():
        try:
            if yaml.safe_load(f"key: {value}") == {"key": value}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def fill(template: str, values: dict[str, str]) -> str:
    """Fill placeholders: YAML-quoted in the front matter, as written in the body; drop the
    marker of lines meant to stay (leadership.pages.placeholders.KEPT_LINE)."""
    end = template.find("\n---", 3)
    front, body = template[: end + 1], template[end + 1 :]

    def quoted(match: re.Match) -> str:
        name = match.group(1)
        return values[name] if name == "source" else yaml_scalar(values[name])

    body = body.replace(" " + KEPT_LINE, "")
    return PLACEHOLDER.sub(quoted, front) + PLACEHOLDER.sub(lambda m: values[m.group(1)], body)


def create_pair(
    root: Path,
    kind: str,
    page: str,
    titles: dict[str, str],
    descriptions: dict[str, str] | None = None,
    film: str | None = None,
) -> NewPair:
    """Write docs/en/<page> and docs/cy/<page> from the kind's templates; never overwrite."""
    if kind not in KINDS:
        raise NewPageError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
    page = normalise_page(page)
    if kind == "section" and PurePosixPath(page).name != "index.md":
        page = page.removesuffix(".md") + "/index.md"  # a section is its folder's index page
    reason = kind_location_problem(kind, page)
    if reason:
        raise NewPageError(f"{page}: {reason}")
    for language in LANGUAGES:
        if not titles.get(language, "").strip():
            raise NewPageError(f"give the page a title in both languages (--title-{language})")
    if kind == "film":
        film = film or PurePosixPath(page).stem
        if PurePosixPath(page).stem != film:
            raise NewPageError(f"a film page's file is named after its film: films/{film}.md")
    files = {language: root / "docs" / language / page for language in LANGUAGES}
    existing = [path for path in files.values() if path.exists()]
    if existing:
        names = " and ".join(path.relative_to(root).as_posix() for path in existing)
        verb = "exists" if len(existing) == 1 else "exist"
        raise NewPageError(f"{names} already {verb}: not overwriting; edit the page instead")
    templates = {language: template_path(root, kind, language) for language in LANGUAGES}
    for path in templates.values():
        if not path.is_file():
            raise NewPageError(f"no template {path.relative_to(root).as_posix()}")
    descriptions = descriptions or {}
    # English first: each Welsh page records the hash of its English page.
    for language in sorted(LANGUAGES, key=lambda code: code != DEFAULT_LANGUAGE):
        values = {
            "title": titles[language].strip(),
            "description": (descriptions.get(language) or "").strip(),
            "film": film or "",
            "source": source_hash(files[DEFAULT_LANGUAGE]) if language != DEFAULT_LANGUAGE else "",
        }
        text = fill(templates[language].read_text(encoding="utf-8"), values)
        files[language].parent.mkdir(parents=True, exist_ok=True)
        files[language].write_text(text, encoding="utf-8")
    return NewPair(page, files, {language: titles[language].strip() for language in LANGUAGES})
