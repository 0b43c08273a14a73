"""One schema for the front matter of every page, checked with the line of every mistake.

Every page starts with YAML front matter::

    ---
    title: Attending                      # text, one line
    description: One sentence ...         # text, one line
    kind: principle                       # one of KINDS
    film: what-compassionate-leadership-means   # film pages only: the film's slug
    translation:                          # Welsh pages only
      source: "1a2b3c4d5e6f"              # the English page it translates (see translation_status)
      status: reviewed                    # or draft
    ---

Each kind may add its own keys (``KIND_KEYS``). Activity guides have a richer schema of
their own, defined and checked in ``leadership.activities.schema``; this module delegates
to it.
Unknown keys are errors. Every problem is a ``Problem`` at the line of the offending key.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from leadership.activities import schema as activities
from leadership.languages import (
    DEFAULT_LANGUAGE,
    ENGLISH_NAMES,
    LANGUAGES,
    TRANSLATION_STATUSES,
    inside,
)
from leadership.pages.front_matter_source import FrontMatter, read_front_matter
from leadership.reporting import ContentError, Problem
from leadership.rules import FILM_UNKNOWN

KINDS = ("home", "section", "principle", "reading", "glossary", "about", "film", "activity")
COMMON_KEYS = ("title", "description", "kind")
# The keys each kind adds to COMMON_KEYS (activity guides: see ``activity_keys``).
KIND_KEYS: dict[str, tuple[str, ...]] = {"film": ("film",)}
TRANSLATION_KEY = "translation"
TRANSLATION_KEYS = ("source", "status")
STATUSES = TRANSLATION_STATUSES

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SOURCE_HASH = re.compile(r"[0-9a-f]{12}")
HOME_PAGE = "index.md"
SECTION_PAGE = "index.md"
FILMS_FOLDER = "films"

STAMP_COMMAND = "python3 scripts/translations.py --stamp"


def activity_keys() -> tuple[str, ...]:
    """The keys of an activity guide, from the activities schema (title and kind included)."""
    return tuple(activities.SCHEMA)


# --- the checks ---------------------------------------------------------------------------


@dataclass
class SiteContext:
    """What page checks need from the rest of the project, read once per run."""

    film_slugs: set[str] | None = None  # None when films.yml cannot be read (reported there)
    activity_references: activities.References | None = None



def page_language(page_path: str) -> tuple[str, str]:
    """('cy', 'principles/attending.md') from 'docs/cy/principles/attending.md'."""
    parts = Path(page_path).parts
    for index, part in enumerate(parts):
        if part in LANGUAGES and index + 1 < len(parts):
            return part, "/".join(parts[index + 1 :])
    return DEFAULT_LANGUAGE, Path(page_path).name


def allowed_keys(kind: str | None, language: str) -> tuple[str, ...]:
    keys = activity_keys() if kind == "activity" else COMMON_KEYS + KIND_KEYS.get(kind, ())
    if language != DEFAULT_LANGUAGE:
        keys += (TRANSLATION_KEY,)
    return keys


def check_page(path: str, text: str, context: SiteContext | None = None) -> list[Problem]:
    """Every front matter problem of one page (``path`` as reported: docs/<lang>/...)."""
    return _check_page(path, text, context)[0]


def _check_page(
    path: str, text: str, context: SiteContext | None = None
) -> tuple[list[Problem], FrontMatter | None]:
    """(problems, front matter) of one page; the front matter is None when it cannot be read."""
    try:
        front = read_front_matter(text, path)
    except ContentError as error:
        return list(error.problems), None
    return check_front_matter(front, context)[0], front


def check_front_matter(
    front: FrontMatter, context: SiteContext | None = None
) -> tuple[list[Problem], activities.GuideCheck | None]:
    """Every problem of one page's front matter (an activity guide's body included), and,
    for an activity guide, its check (the guide when it is a valid one, and its session)."""
    context = context or SiteContext()
    path = front.path
    language, page = page_language(path)
    problems = [
        Problem(path, line, "frontmatter-duplicate-key",
                f"{_name(key_path)!r} is given twice: keep one")
        for key_path, line in front.duplicates
    ]
    data = front.data
    kind = data.get("kind")
    kind = kind if isinstance(kind, str) and kind in KINDS else None
    guide = None
    if kind == "activity":
        guide = _delegate_activity(front, language, context)
        problems += guide.problems
    else:
        problems += _check_keys(front, kind, language)
        problems += _check_common(front, page)
        if kind == "film":
            problems += _check_film(front, page, context)
    if language != DEFAULT_LANGUAGE:
        problems += _check_translation(front, language)
    return sorted(problems), guide


def _check_keys(front: FrontMatter, kind: str | None, language: str) -> list[Problem]:
    allowed = allowed_keys(kind, language)
    # With a mistyped kind, the kind's own keys are not reported as unknown as well.
    tolerated = () if kind or "kind" not in front.data else _all_kind_keys()
    problems = []
    for key in front.data:
        if key in allowed or key in tolerated:
            continue
        line = front.line(key)
        if key == TRANSLATION_KEY:
            message = (
                f"'translation' belongs on Welsh pages only: an {ENGLISH_NAMES[language]} page "
                "is the original"
            )
        else:
            hint = difflib.get_close_matches(str(key), allowed, n=1)
            suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
            what = f"a {kind} page" if kind else "this page"
            message = f"unknown key {key!r}{suggestion} (keys for {what}: {', '.join(allowed)})"
        problems.append(Problem(front.path, line, "frontmatter-unknown-key", message))
    for key in allowed:
        if key != TRANSLATION_KEY and key not in front.data:
            problems.append(Problem(front.path, 1, "frontmatter-missing-key", _missing(key)))
    return problems


def _all_kind_keys() -> tuple[str, ...]:
    return tuple(key for keys in KIND_KEYS.values() for key in keys) + activity_keys()


def _missing(key: str) -> str:
    hints = {
        "title": "the page's title, as in its '# ' heading",
        "description": "one sentence saying what the page is for (search engines show it)",
        "kind": f"what sort of page this is: one of {', '.join(KINDS)}",
        "film": "the film's slug, as in transcripts/films.yml",
    }
    return f"missing key {key!r}: {hints.get(key, 'required')}"


def _check_common(front: FrontMatter, page: str) -> list[Problem]:
    problems = []
    for key in ("title", "description"):
        if key in front.data:
            problems += _check_text(front, key)
    if "kind" in front.data:
        kind = front.data["kind"]
        if not isinstance(kind, str) or kind not in KINDS:
            hint = difflib.get_close_matches(str(kind), KINDS, n=1)
            suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
            problems.append(
                Problem(front.path, front.line("kind"), "frontmatter-invalid-value",
                        f"kind {kind!r} is not a page kind{suggestion} "
                        f"(kinds: {', '.join(KINDS)})")
            )
        else:
            problems += _check_kind_location(front, kind, page)
    return problems


def _check_text(front: FrontMatter, key: str) -> list[Problem]:
    value = front.data[key]
    line = front.line(key)
    if not isinstance(value, str):
        shown = "nothing" if value is None else f"{type(value).__name__} {value!r}"
        return [Problem(front.path, line, "frontmatter-invalid-value",
                        f"{key} must be text, not {shown} (put it in quotes)")]
    if not value.strip():
        return [Problem(front.path, line, "frontmatter-invalid-value", f"{key} is empty")]
    if "\n" in value.strip():
        return [Problem(front.path, line, "frontmatter-invalid-value",
                        f"{key} must be one line of text")]
    return []


def kind_location_problem(kind: str, page: str) -> str | None:
    """Why a page of ``kind`` cannot be at ``page`` (a path in a language folder), or None."""
    if kind == "home" and page != HOME_PAGE:
        return "kind 'home' is for the home page, docs/<lang>/index.md, only"
    if kind == "section" and (page == HOME_PAGE or not page.endswith("/" + SECTION_PAGE)):
        return (
            "kind 'section' is for a folder's index.md page, such as "
            "docs/<lang>/principles/index.md"
        )
    if kind == "film" and Path(page).parent.as_posix() != FILMS_FOLDER:
        return "film pages are docs/<lang>/films/<film slug>.md"
    if kind == "activity" and Path(page).parent.as_posix() != activities.ACTIVITIES_FOLDER:
        return "activity guides are docs/<lang>/activities/<slug>.md"
    return None


def _check_kind_location(front: FrontMatter, kind: str, page: str) -> list[Problem]:
    reason = kind_location_problem(kind, page)
    if reason is None:
        return []
    return [Problem(front.path, front.line("kind"), "frontmatter-kind-location", reason)]


def _check_film(front: FrontMatter, page: str, context: SiteContext) -> list[Problem]:
    if "film" not in front.data:
        return []
    slug = front.data["film"]
    line = front.line("film")
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        return [Problem(front.path, line, "frontmatter-invalid-value",
                        f"film {slug!r} must be a film slug: lower-case words joined by '-'")]
    if context.film_slugs is not None and slug not in context.film_slugs:
        known = ", ".join(sorted(context.film_slugs)) or "none"
        return [Problem(front.path, line, FILM_UNKNOWN,
                        f"film {slug!r} is not in transcripts/films.yml (films: {known})")]
    if Path(page).stem != slug:
        return [Problem(front.path, line, "frontmatter-invalid-value",
                        f"film {slug!r} does not match the file name: a film page is "
                        f"films/{slug}.md")]
    return []


def _check_translation(front: FrontMatter, language: str) -> list[Problem]:
    path = front.path
    _, page = page_language(path)
    english = f"docs/{DEFAULT_LANGUAGE}/{page}"
    if TRANSLATION_KEY not in front.data:
        return [Problem(path, 1, "frontmatter-missing-key",
                        f"missing key 'translation': {ENGLISH_NAMES[language]} pages record which "
                        f"version of {english} they translate; after checking the translation, "
                        f"run: {STAMP_COMMAND} {path}")]
    block = front.data[TRANSLATION_KEY]
    line = front.line(TRANSLATION_KEY)
    if not isinstance(block, dict):
        return [Problem(path, line, "frontmatter-invalid-value",
                        "translation must be two lines: 'source: \"<hash>\"' and "
                        f"'status: reviewed' (or draft); run: {STAMP_COMMAND} {path}")]
    problems = []
    for key in block:
        if key not in TRANSLATION_KEYS:
            problems.append(
                Problem(path, front.line(TRANSLATION_KEY, key), "frontmatter-unknown-key",
                        f"unknown key 'translation.{key}' (keys: {', '.join(TRANSLATION_KEYS)})")
            )
    for key in TRANSLATION_KEYS:
        if key not in block:
            problems.append(Problem(path, line, "frontmatter-missing-key",
                                    f"missing key 'translation.{key}'"))
    source = block.get("source")
    if "source" in block and not (isinstance(source, str) and SOURCE_HASH.fullmatch(source)):
        problems.append(
            Problem(path, front.line(TRANSLATION_KEY, "source"), "frontmatter-invalid-value",
                    f"translation.source {source!r} must be 12 hex digits in quotes, written by: "
                    f"{STAMP_COMMAND} {path}")
        )
    status = block.get("status")
    if "status" in block and status not in STATUSES:
        problems.append(
            Problem(path, front.line(TRANSLATION_KEY, "status"), "frontmatter-invalid-value",
                    f"translation.status {status!r} must be one of: {', '.join(STATUSES)}")
        )
    return problems


def _delegate_activity(
    front: FrontMatter, language: str, context: SiteContext
) -> activities.GuideCheck:
    """An activity guide is checked by the activities schema, its own keys and body included.

    That schema lets a Welsh page's translation record through; this module checks it.
    """
    references = context.activity_references or activities.References()
    return activities.check_guide(front, language, references)


def _name(key_path: Iterable) -> str:
    return ".".join(str(part) for part in key_path)


# --- pairs and the whole site ----------------------------------------------------------

# What must agree between a page and its counterpart in the other language, and why.
PAIR_REASONS = {
    "kind": "a page and its translation are the same kind of page",
    "film": "a film page and its translation show the same film",
}


def pair_problems(
    fronts: dict[str, dict[str, FrontMatter]], reported: Iterable[Problem] = ()
) -> list[Problem]:
    """fronts: language -> page path in the language folder -> front matter. A key either
    page has a problem of its own at (``reported``: a film that is not in films.yml) is
    compared once that is mended: the translation is not told to copy the mistake, nor is
    the mistake said twice."""
    faulty = {(p.path, p.line) for p in reported if p.rule == FILM_UNKNOWN}
    problems = []
    originals = fronts.get(DEFAULT_LANGUAGE, {})
    for language, pages in fronts.items():
        if language == DEFAULT_LANGUAGE:
            continue
        for page, front in pages.items():
            original = originals.get(page)
            if original is None:
                continue  # the page parity check names the missing page
            for key, reason in PAIR_REASONS.items():
                if {(original.path, original.line(key)), (front.path, front.line(key))} & faulty:
                    continue
                mine, theirs = front.data.get(key), original.data.get(key)
                # A missing key or an unknown kind is reported by its own rule, once.
                unknown = key == "kind" and not (mine in KINDS and theirs in KINDS)
                if mine != theirs and None not in (mine, theirs) and not unknown:
                    problems.append(
                        Problem(front.path, front.line(key), "frontmatter-pair-mismatch",
                                f"{key} is {mine!r} here but {theirs!r} in {original.path}: "
                                + reason)
                    )
    return problems


def page_files(docs_dir: Path) -> list[tuple[str, Path]]:
    """(language, file) for every Markdown page, in a stable order."""
    files = []
    for language in LANGUAGES:
        root = docs_dir / language
        if root.is_dir():
            files += [
                (language, path) for path in sorted(root.rglob("*.md"))
                if inside(path, docs_dir.parent)
            ]
    return files


def read_text(path: Path, shown: str) -> str:
    """A page's text; raises ContentError when it is not UTF-8."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            [Problem(shown, 1, "frontmatter-encoding",
                     f"the file is not UTF-8 ({error.reason} at byte {error.start}): save it as "
                     "UTF-8")]
        ) from None


def check_site(root: Path, docs_dir: Path | None = None) -> tuple[list[Problem], int]:
    """Front matter problems of every page (activity guides included); returns (problems,
    pages checked). The content model (``leadership.content``) reads and checks the pages."""
    from leadership.content import read_site

    content = read_site(root, docs_dir)
    return content.front_matter_problems, len(content.pages)
