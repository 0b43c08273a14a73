"""Build the site in this process, as ``mkdocs build`` does, and hand back what stopped it.

The checks (``scripts/check_all.py``, ``scripts/check_links.py``) build the site this way:
the problems the project's plugin stops on come back as ``Problem``s, as the plugin made
them (``leadership.plugin.ContentProblems``), never parsed back from printed text; MkDocs'
own warnings and errors become ``site-build`` problems on mkdocs.yml.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from leadership.plugin import ContentProblems
from leadership.print_offline.handout import LOCAL_PREVIEW
from leadership.reporting import Problem
from leadership.rules import SITE_BUILD

CONFIG_FILE = "mkdocs.yml"


class _Collect(logging.Handler):
    """MkDocs' warnings and errors, as they are logged."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _in_folder(folder: Path):
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


@contextmanager
def _quiet_mkdocs(collector: _Collect):
    """MkDocs' log to the collector only: a check prints its own lines."""
    logger = logging.getLogger("mkdocs")
    handlers, level, propagate = logger.handlers[:], logger.level, logger.propagate
    logger.handlers = [collector]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        logger.handlers, logger.propagate = handlers, propagate
        logger.setLevel(level)


def _content_problems(error: BaseException | None) -> list[Problem] | None:
    """The plugin's problems, from the error MkDocs raised or the one it was handling."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, ContentProblems):
            return error.problems
        error = error.__cause__ or error.__context__
    return None


@contextmanager
def _local_preview(on: bool):
    """A check's build goes to a temporary folder and is never published
    (leadership.print_offline.handout.LOCAL_PREVIEW)."""
    previous = os.environ.get(LOCAL_PREVIEW)
    if on:
        os.environ[LOCAL_PREVIEW] = "1"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(LOCAL_PREVIEW, None)
        else:
            os.environ[LOCAL_PREVIEW] = previous


def build_site(
    project_dir: Path, site_dir: Path, strict: bool = True, local_preview: bool = True
) -> list[Problem]:
    """Build ``project_dir`` into ``site_dir``; the problems that stopped it (none: built)."""
    collector = _Collect()
    with _in_folder(project_dir), _quiet_mkdocs(collector), _local_preview(local_preview):
        try:
            config = load_config(CONFIG_FILE, site_dir=str(site_dir), strict=strict)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, SystemExit) as error:
            found = _content_problems(error)
            if found is not None:
                return found
            messages = [m for m in collector.messages if m.strip()] or [str(error)]
            return [
                Problem(CONFIG_FILE, 1, SITE_BUILD, f"mkdocs build failed: {message}")
                for message in messages
            ]
    return []
