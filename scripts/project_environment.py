"""Run a script of this folder with the project's own Python environment, found by itself.

`make setup` installs everything into `.venv/`. An editor who types
`python3 scripts/check_links.py` with the system's Python, nothing activated, gets the same
run as `.venv/bin/python3 scripts/check_links.py`: the script starts again under the project's
Python (same arguments, same folder). Imported first by every script here, before anything
that needs the project's packages.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
VENV = PROJECT / ".venv"


def _in_project_environment() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def use_project_environment() -> None:
    """Start this script again under .venv's Python unless it already runs there.

    Without a .venv (a machine where the packages are installed some other way) the script
    goes on as it is, and the project's package is importable from the project folder.
    """
    python = VENV / "bin" / "python"
    if not _in_project_environment() and python.is_file():
        os.execv(python, [str(python), *sys.argv])
    if str(PROJECT) not in sys.path:
        sys.path.insert(0, str(PROJECT))


use_project_environment()
