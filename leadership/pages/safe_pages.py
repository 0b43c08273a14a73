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
import stat
import sys
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
    """Where this machine's key is kept: the user's cache folder (``$XDG_CACHE_HOME`` when it
    is an absolute path, as the XDG specification asks, otherwise ``~/.cache``)."""
    cache_home = os.environ.get("XDG_CACHE_HOME", "")
    folder = Path(cache_home) if os.path.isabs(cache_home) else Path.home() / ".cache"
    return folder / KEY_FOLDER / KEY_FILE


def machine_key(path: Path | None = None, project_root: Path | None = None) -> bytes | None:
    """This machine's key, made on first use, or None (nothing is then remembered) when it
    can be neither read nor made, or when it could have come from elsewhere: a key inside
    the project (a repository can hold one), a link, or a file that is not the user's own
    and readable by the user only."""
    path = path or key_path()
    if project_root is not None and path.resolve().is_relative_to(project_root.resolve()):
        return None
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return _new_key(path)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        private = status.st_uid == os.getuid() and not status.st_mode & 0o077
        key = stream.read(KEY_BYTES + 1)
    if stat.S_ISREG(status.st_mode) and private and len(key) == KEY_BYTES:
        return key
    return None


def _new_key(path: Path) -> bytes | None:
    key = secrets.token_bytes(KEY_BYTES)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
        with os.fdopen(os.open(temporary, flags, 0o600), "wb") as stream:
            stream.write(key)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return None
    return key


def allowlist_stamp() -> str:
    """What a verdict depends on besides the page: the allowlist's code, nh3's version and
    Python's (the allowlist reads addresses with the standard library)."""
    return stamp(Path(allowlist.__file__).read_bytes(), nh3.__version__, sys.version)


class SafePages:
    """``known(html, hosts)``: whether this HTML passed the allowlist here before;
    ``remember(html, hosts)`` after it passes; ``save()`` once the build has read every page
    (it keeps only the pages of this build, so old versions of pages do not pile up)."""

    def __init__(self, cache: Path, project_root: Path, key: bytes | None = None):
        self.key = key if key is not None else machine_key(project_root=project_root)
        self.cache = StampedCache(
            cache, allowlist_stamp(), valid=lambda digest, answer: answer is VERDICT
        )

    def _digest(self, html: str, hosts: Iterable[str]) -> str | None:
        if self.key is None:
            return None
        digest = hmac.new(self.key, digestmod=hashlib.sha256)
        for part in (*sorted(hosts), "", html):  # each part with its length: no two inputs alike
            data = part.encode("utf-8")
            digest.update(len(data).to_bytes(8, "big") + data)
        return digest.hexdigest()

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
