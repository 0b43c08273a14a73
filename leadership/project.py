"""Where the project is, for the hooks: the folder that holds mkdocs.yml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


def project_root(config) -> Path:
    """The project folder of a MkDocs config (hooks ask for it on every page)."""
    return _folder_of(str(config.config_file_path))


@lru_cache(maxsize=16)
def _folder_of(config_file: str) -> Path:
    return Path(config_file).resolve().parent
