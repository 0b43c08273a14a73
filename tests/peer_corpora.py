"""Where other projects' test files are, when they are here at all.

The corpora are never copied into the project. Tests that read them run when the folder is
present and are skipped, with the reason, when it is not:

- ``PEER_CORPORA=/path/to/peer-corpora`` names the folder (it holds ``srt/`` and ``links/``);
  a folder named this way must exist, or the tests fail rather than skip;
- without it, ``../shared/peer-corpora`` beside the clone is used when it is there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ENVIRONMENT_VARIABLE = "PEER_CORPORA"
BESIDE_THE_CLONE = Path(__file__).resolve().parents[1].parent / "shared" / "peer-corpora"


def corpus_folder(kind: str) -> Path:
    """The folder of one corpus (``srt`` or ``links``), or skip the calling module."""
    named = os.environ.get(ENVIRONMENT_VARIABLE)
    if named:
        folder = Path(named).expanduser().resolve() / kind
        if not (folder / "INDEX.md").is_file():
            raise pytest.UsageError(
                f"{ENVIRONMENT_VARIABLE}={named}: no {kind}/INDEX.md there; "
                "name the folder that holds srt/ and links/"
            )
        return folder
    folder = BESIDE_THE_CLONE / kind
    if not (folder / "INDEX.md").is_file():
        pytest.skip(
            f"peer corpus '{kind}' not present: set {ENVIRONMENT_VARIABLE} to the folder "
            f"that holds srt/ and links/ (looked for {folder})",
            allow_module_level=True,
        )
    return folder
