"""The site's two languages, and how a page in one pairs with its page in the other.

Sources live in ``docs/<lang>/``; English is served at the site root and Welsh
under ``/cy/``. A page's counterpart has the same path in the other language.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path, PurePosixPath

from leadership.reporting import Problem
from leadership.rules import PAGE_PARITY

DEFAULT_LANGUAGE = "en"
LANGUAGES = ("en", "cy")
# Each language's name in itself (the language switch, page-parity messages) and in English
# (the checks' messages, which are in English).
LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}
ENGLISH_NAMES = {"en": "English", "cy": "Welsh"}
SOURCE_SUFFIXES = (".md",)
# A translation's record says whether it has been reviewed or is still a draft.
TRANSLATION_STATUSES = ("reviewed", "draft")


def site_prefix(language: str) -> str:
    """The folder a language is served from, relative to the site root ('' or 'cy/')."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def language_of_site_path(site_path: str) -> str:
    """Which language a built file belongs to, from its path relative to the site root."""
    first = PurePosixPath(site_path).parts[:1]
    for language in LANGUAGES:
        if language != DEFAULT_LANGUAGE and first == (language,):
            return language
    return DEFAULT_LANGUAGE


def counterpart_site_path(site_path: str, language: str) -> str:
    """The path of the same built page in ``language``."""
    own = language_of_site_path(site_path)
    bare = site_path[len(site_prefix(own)) :]
    return site_prefix(language) + bare


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is a file that resolves inside ``folder``: a link out of the project
    (refused as symlink-outside-project) is never read by any check."""
    try:
        return path.is_file() and path.resolve(strict=True).is_relative_to(_resolved(folder))
    except (OSError, RuntimeError):
        return False


@lru_cache(maxsize=64)
def _resolved(folder: Path) -> Path:
    """The folder's real path: asked for every file in it, the same answer each time."""
    return folder.resolve()


def source_pages(docs_dir: Path, language: str) -> set[str]:
    """Paths of a language's Markdown pages, relative to ``docs/<language>/``."""
    root = docs_dir / language
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.suffix in SOURCE_SUFFIXES and inside(path, docs_dir.parent)
    }


def missing_counterparts(docs_dir: Path, relative_to: Path | None = None) -> list[Problem]:
    """Every page that exists in one language but not in the other.

    Paths in the problems are shown relative to ``relative_to`` (the project folder) when given.
    """
    shown = docs_dir.relative_to(relative_to) if relative_to else docs_dir
    pages = {language: source_pages(docs_dir, language) for language in LANGUAGES}
    problems = []
    for language in LANGUAGES:
        for other in LANGUAGES:
            if other == language:
                continue
            for page in sorted(pages[language] - pages[other]):
                missing = shown / other / page
                problems.append(
                    Problem(
                        path=(shown / language / page).as_posix(),
                        line=1,
                        rule=PAGE_PARITY,
                        message=(
                            f"no {LANGUAGE_NAMES[other]} counterpart: create {missing.as_posix()}"
                        ),
                    )
                )
    return problems


def build_language(config) -> str:
    """The language MkDocs is building now (mkdocs-static-i18n sets it on the theme)."""
    return config.theme["language"] or DEFAULT_LANGUAGE
