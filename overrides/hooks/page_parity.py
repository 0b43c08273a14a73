"""Fail the build, by file name, when a page exists in one language but not the other."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from leadership.languages import missing_counterparts
from leadership.project import project_root
from leadership.site_i18n import quiet_language_config_echo


def on_config(config):
    quiet_language_config_echo()
    project = project_root(config)
    problems = missing_counterparts(Path(config.docs_dir), relative_to=project)
    if problems:
        lines = "\n".join(str(problem) for problem in problems)
        raise PluginError(f"Every page must exist in English and Welsh:\n{lines}")
    return config
