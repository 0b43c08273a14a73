"""Pages the allowlist has passed on this machine, remembered between builds.

The allowlist (leadership.pages.allowlist) reads every page's HTML with nh3 twice, about
2 ms a page: most of what a rebuild spends checking pages that have not changed. A page
whose HTML is exactly what passed before passes again, so a rebuild (``mkdocs serve``,
``make build`` after an edit) reads only the pages that changed.

What is remembered may vouch for a page's safety, so nothing from the repository or from
another machine can do it: each verdict is an HMAC of the page's HTML, the allowed hosts and
the allowlist's own code, under a key kept outside the project, in the user's cache folder
(``$XDG_CACHE_HOME`` or ``~/.cache``). A ``.cache`` folder committed in a pull request,
restored by CI or copied from elsewhere holds digests no key here made, and every page is
read again. Only passes are remembered: a page with a finding is read every time, so its
findings are always reported. Without a key (a home folder that cannot be written) nothing
is remembered and every page is read.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

import nh3

from leadership.build_cache import StampedCache, stamp
from leadership.pages import allowlist

KEY_FOLDER = "compassionate-leadership"
KEY_FILE = "safe-pages.key"
KEY_BYTES = 32
# In the project's .cache: the build's pages and make check's (rendered without MkDocs, so
# their HTML differs), apart, so that neither run forgets the other's.
BUILD_CACHE = "safe-pages-build.json"
CHECK_CACHE = "safe-pages-check.json"
VERDICT = True  # the one answer kept: the allowlist removes nothing from this HTML


def key_path() -> Path:
    cache_home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache_home) / KEY_FOLDER / KEY_FILE


def machine_key(path: Path | None = None) -> bytes | None:
    """This machine's key (made on first use, readable by its owner only), or None when it
    can be neither read nor made."""
    path = path or key_path()
    with contextlib.suppress(OSError):
        key = path.read_bytes()
        if len(key) == KEY_BYTES:
            return key
    key = secrets.token_bytes(KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(key)
        temporary.replace(path)
    except OSError:
        return None
    return key


def allowlist_stamp() -> str:
    """What a verdict depends on besides the page: the allowlist's code and nh3's version."""
    return stamp(Path(allowlist.__file__).read_bytes(), nh3.__version__)


class SafePages:
    """``known(html, hosts)``: whether this HTML passed the allowlist here before;
    ``remember(html, hosts)`` after it passes; ``save()`` once the build has read every page
    (it keeps only the pages of this build, so old versions of pages do not pile up)."""

    def __init__(self, cache: Path, key: bytes | None = None):
        self.key = key if key is not None else machine_key()
        self.cache = StampedCache(
            cache, allowlist_stamp(), valid=lambda digest, answer: answer is VERDICT
        )

    def _digest(self, html: str, hosts: Iterable[str]) -> str | None:
        if self.key is None:
            return None
        message = "\0".join(sorted(hosts)).encode() + b"\0\0" + html.encode("utf-8")
        return hmac.new(self.key, message, hashlib.sha256).hexdigest()

    def known(self, html: str, hosts: Iterable[str] = ()) -> bool:
        digest = self._digest(html, hosts)
        if digest is None or digest not in self.cache:
            return False
        return self.cache.get(digest) is VERDICT

    def remember(self, html: str, hosts: Iterable[str] = ()) -> None:
        digest = self._digest(html, hosts)
        if digest is not None:
            self.cache.put(digest, VERDICT)

    def save(self) -> None:
        if self.key is not None:
            self.cache.save()
