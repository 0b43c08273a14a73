"""What the build and the checks keep between runs, in the project's ``.cache`` folder.

Each cache is one JSON object in its own file. It holds answers that depend only on their
question and on what its stamp names (a dictionary's files, a library's version, the code
that works the answers out): answers kept under another stamp are dropped when the file is
read. A cache that is missing, damaged or cannot be written only means working the answers
out again; it is never an error, and deleting ``.cache`` is always safe (``make clean``).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import stat
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache

CACHE_DIR = Path(".cache")
# The theme's templates, compiled (TemplateCache).
TEMPLATE_CACHE = "templates"
TAG_BYTES = 32  # a compiled template's HMAC-SHA256
MAX_COMPILED_TEMPLATE = 16 * 1024 * 1024
# The settings of an environment that change what a template compiles to.
COMPILE_SETTINGS = (
    "autoescape", "block_start_string", "block_end_string", "variable_start_string",
    "variable_end_string", "comment_start_string", "comment_end_string",
    "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
    "newline_sequence", "keep_trailing_newline", "optimized", "finalize", "is_async",
    "newstyle_gettext",
)


def cache_file(project_root: Path, name: str) -> Path:
    return project_root / CACHE_DIR / name


def read_json(path: Path) -> dict:
    """The object kept in ``path``; empty when there is none or it cannot be read. Only a
    regular file is read, never through a link (a repository could commit one, to
    /dev/zero or to a file elsewhere)."""
    stream = _open_regular_file(path)
    if stream is None:
        return {}
    try:
        with stream:
            data = json.loads(stream.read().decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _open_regular_file(path: Path):
    """``path`` opened for reading if it is a regular file reached without a link; else None."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    stream = os.fdopen(descriptor, "rb")
    if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
        stream.close()
        return None
    return stream


def write_json(path: Path, data: dict, **dumps_options: Any) -> None:
    """Replace ``path`` with ``data`` in one step (``write_bytes``)."""
    text = json.dumps(data, ensure_ascii=False, **dumps_options)
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step, so a reader never sees half a file. The
    new file is made afresh, never written through a link left at its name. A file that
    cannot be written is not an error: the answers are worked out again next time."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()  # left by a run that stopped, or put there
        with os.fdopen(os.open(temporary, flags, 0o644), "wb") as stream:
            stream.write(data)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def stamp(*parts: bytes | str) -> str:
    """A short fingerprint of everything the answers depend on."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()[:32]


class StampedCache:
    """Answers by question (strings), valid for one stamp; ``valid(question, answer)`` says
    whether a kept answer has the shape an answer has (others are dropped when read).

    ``save`` keeps only the answers asked for since the cache was opened, so answers to
    questions the site no longer asks (a page's old address) do not pile up.
    """

    def __init__(
        self, path: Path, stamp_value: str, valid: Callable[[str, Any], bool] = lambda q, a: True
    ):
        self.path = path
        self.stamp = stamp_value
        kept = read_json(path)
        answers = kept.get("answers") if kept.get("stamp") == stamp_value else None
        # An answer of the wrong shape (a damaged or tampered file) is a miss, never a value.
        self.answers: dict[str, Any] = {
            question: answer
            for question, answer in (answers.items() if isinstance(answers, dict) else ())
            if isinstance(question, str) and valid(question, answer)
        }
        self.asked: set[str] = set()
        self.changed = False

    def __contains__(self, question: str) -> bool:
        return question in self.answers

    def get(self, question: str) -> Any:
        self.asked.add(question)
        return self.answers[question]

    def put(self, question: str, answer: Any) -> None:
        self.asked.add(question)
        self.answers[question] = answer
        self.changed = True

    def save(self) -> None:
        if self.changed or len(self.asked) < len(self.answers):
            self.answers = {question: self.answers[question] for question in self.asked}
            write_json(self.path, {"stamp": self.stamp, "answers": self.answers},
                       separators=(",", ":"), sort_keys=True)
            self.changed = False


def _identity(value: Any) -> str:
    """A setting or filter as it bears on compiled code: a function by its name, whose
    ``repr`` would hold its address and differ in every process."""
    if callable(value):
        kind = value if isinstance(value, type) else type(value)
        name = getattr(value, "__qualname__", kind.__qualname__)
        return f"{getattr(value, '__module__', kind.__module__)}.{name}"
    return repr(value)


class TemplateCache(FileSystemBytecodeCache):
    """The theme's Jinja templates, compiled, kept between builds (Jinja's bytecode cache).

    Compiling Material's templates took a quarter of a build's time, twice (once per
    language). Jinja keys each compiled template by its name and file and keeps the
    checksum of its source: a changed template is compiled again. The key here also holds
    what else changes the compiled code (Jinja's version, the environment's compile
    settings, extensions, policies, filters and tests), so that a template compiled to
    escape (the project's own environment) is never the one an environment that does not
    escape (MkDocs') runs, or the other way round.

    A compiled template is code the build runs, and Jinja reads it with pickle and marshal:
    so, like the allowlist's remembered passes (leadership.pages.safe_pages), each file
    carries an HMAC of its key and contents under this machine's key, kept outside the
    project. A file no key here made (committed in a pull request, restored by CI, copied
    from elsewhere, moved to another template's name) is never read: the template is
    compiled again. Without a key nothing is kept. A file is read only if it is a regular
    file in a folder reached without a link; one that cannot be written is not an error.
    """

    def __init__(self, directory: Path, key: bytes | None):
        super().__init__(str(directory))
        self.folder = directory
        self.key = key

    def get_bucket(self, environment: Environment, name: str, filename, source: str) -> Bucket:
        settings = [_identity(getattr(environment, setting, None)) for setting in COMPILE_SETTINGS]
        compiled_as = stamp(
            jinja2.__version__, *settings, *sorted(environment.extensions),
            repr(sorted(map(str, environment.policies.items()))),
            *(f"{name}={_identity(function)}" for name, function in
              sorted({**environment.filters, **environment.tests}.items())),
        )
        return super().get_bucket(environment, f"{name}\0{compiled_as}", filename, source)

    def _tag(self, bucket: Bucket, data: bytes) -> bytes:
        return hmac.new(self.key, bucket.key.encode("utf-8") + b"\0" + data, "sha256").digest()

    def _usable_folder(self) -> bool:
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
        try:
            return stat.S_ISDIR(os.lstat(self.folder).st_mode)  # not a link to a folder
        except OSError:
            return False

    def load_bytecode(self, bucket: Bucket) -> None:
        if self.key is None or not self._usable_folder():
            return
        stream = _open_regular_file(Path(self._get_cache_filename(bucket)))
        if stream is None:
            return
        with stream:
            try:
                kept = stream.read(MAX_COMPILED_TEMPLATE + 1)
            except OSError:
                return
        if len(kept) > MAX_COMPILED_TEMPLATE:
            return
        tag, data = kept[:TAG_BYTES], kept[TAG_BYTES:]
        if not hmac.compare_digest(tag, self._tag(bucket, data)):
            return
        bucket.bytecode_from_string(data)
        if not isinstance(bucket.code, types.CodeType):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        if self.key is None or not self._usable_folder():
            return
        data = bucket.bytecode_to_string()
        write_bytes(Path(self._get_cache_filename(bucket)), self._tag(bucket, data) + data)
