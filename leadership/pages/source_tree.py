"""Nothing from outside the repository, and only the files the site uses.

MkDocs copies every file in ``docs/`` into the site as it is and follows symbolic links, so
a link to a system file (or to ``/proc/self/environ``, the build's secrets) would be
published, and an ``.html`` or ``.svg`` file would reach readers with whatever script it
holds. So, before anything is read:

- ``symlink-outside-project``: a symbolic link in ``docs/`` or ``transcripts/`` that
  resolves outside the project, to nothing, or round a loop of links (each said so);
- ``docs-location``: a file in ``docs/`` outside ``docs/en/`` and ``docs/cy/``;
- ``docs-file-type``: a file that is neither a Markdown page (``.md``) nor one of the listed
  asset types (``.markdown`` pages included: the checks read ``.md`` only).

Dot-files are left alone, as MkDocs leaves them out of the site.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

from leadership.languages import LANGUAGES
from leadership.reporting import Problem, shown_path
from leadership.rules import DOCS_FILE_TYPE, DOCS_LOCATION, SYMLINK_OUTSIDE_PROJECT

PAGE_SUFFIX = ".md"
# What a page may use besides pages: pictures, media, subtitles, documents to download.
ASSET_SUFFIXES = (
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".mp4", ".webm", ".mp3", ".ogg",
    ".vtt", ".srt", ".pdf",
)
OTHER_MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn")


def _entries(folder: Path) -> Iterator[Path]:
    """Every file, folder and link under ``folder``, never following a link, dot-files
    left out."""
    for current, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in folders + sorted(files):
            if not name.startswith("."):
                yield Path(current) / name


def outside(path: Path, root: Path) -> bool:
    """Whether ``path`` resolves outside ``root`` (or to nothing)."""
    return _where_it_leads(path, root) is not None


def _where_it_leads(path: Path, root: Path) -> str | None:
    """Why ``path`` may not be read for the site (None when it resolves inside ``root``):
    it leads outside the project, to nothing, or round a loop of links."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return "nowhere"
    except RuntimeError:  # Python's "Symlink loop"
        return "loop"
    except OSError as error:
        return "loop" if error.errno == errno.ELOOP else "nowhere"
    return None if target.is_relative_to(root.resolve()) else "outside"


SYMLINK_MESSAGES = {
    "outside": "a link to {target!r}, outside the project: copy the file into the project "
               "instead (nothing from outside the repository is published)",
    "nowhere": "a link to {target!r}, which does not exist: correct the link, or put the file "
               "itself here",
    "loop": "a link to {target!r}, which leads back round to itself (links that point at each "
            "other): put the file itself here",
}


def symlink_problems(folder: Path, root: Path) -> list[Problem]:
    problems = []
    for entry in _entries(folder) if folder.is_dir() else ():
        reason = _where_it_leads(entry, root) if entry.is_symlink() else None
        if reason is not None:
            problems.append(Problem(
                shown_path(entry, root), 1, SYMLINK_OUTSIDE_PROJECT,
                SYMLINK_MESSAGES[reason].format(target=os.readlink(entry)),
            ))
    return problems


def docs_problems(docs_dir: Path, root: Path) -> list[Problem]:
    """Every file in ``docs/`` that is in the wrong place or of a type the site does not use."""
    problems = symlink_problems(docs_dir, root)
    linked_out = {problem.path for problem in problems}
    allowed = ", ".join((PAGE_SUFFIX, *ASSET_SUFFIXES))
    for entry in _entries(docs_dir) if docs_dir.is_dir() else ():
        shown = shown_path(entry, root)
        if shown in linked_out or entry.is_dir():
            continue
        relative = entry.relative_to(docs_dir)
        suffix = entry.suffix.lower()
        if len(relative.parts) < 2 or relative.parts[0] not in LANGUAGES:
            problems.append(Problem(
                shown, 1, DOCS_LOCATION,
                f"every page and file belongs in docs/en/ or docs/cy/: move {relative.as_posix()}"
                " into both",
            ))
        elif suffix in OTHER_MARKDOWN_SUFFIXES:
            problems.append(Problem(
                shown, 1, DOCS_FILE_TYPE,
                f"pages are .md files: rename {entry.name} to {entry.stem}{PAGE_SUFFIX} (a "
                f"{entry.suffix} page would skip every check)",
            ))
        elif entry.suffix != PAGE_SUFFIX and suffix not in ASSET_SUFFIXES:
            problems.append(Problem(
                shown, 1, DOCS_FILE_TYPE,
                f"{entry.name}: docs/ holds pages and the files they use ({allowed}) only; "
                "a file of another type would be published as it is",
            ))
    return problems


def within_project(path: Path, root: Path) -> bool:
    """Whether a file may be read for the site: it resolves inside the project."""
    return not outside(path, root)
