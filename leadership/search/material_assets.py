"""Files of Material for MkDocs that the site's templates name, found in the installed theme.

Material's bundles have a content hash in their names (``search.a7633da7.min.js``) that
changes with every release; naming one in a template breaks search silently on upgrade.
"""

from __future__ import annotations

from pathlib import Path

import material

# Where Material keeps its built assets, and its search worker among them.
THEME_FOLDER = Path(material.__file__).parent / "templates"
SEARCH_WORKER_PATTERN = "assets/javascripts/workers/search.*.min.js"


class MissingAsset(Exception):
    pass


def search_worker(theme_folder: Path = THEME_FOLDER) -> str:
    """The search worker's path relative to the site root, as Material's build ships it."""
    found = sorted(theme_folder.glob(SEARCH_WORKER_PATTERN))
    if len(found) != 1:
        names = ", ".join(path.name for path in found) or "none"
        raise MissingAsset(
            f"Material's search worker: expected one {SEARCH_WORKER_PATTERN} in "
            f"{theme_folder}, found {names}"
        )
    return found[0].relative_to(theme_folder).as_posix()
