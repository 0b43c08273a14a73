"""The Content Security Policy every page carries (``overrides/main.html``).

Scripts, styles, images, fonts and media only from the site itself; no plugins, frames,
forms or ``<base>``. The few inline scripts and the one inline stylesheet the site writes are
allowed by their SHA-256 hashes, computed at build time from what the page will hold:

- Material's two inline scripts (``partials/javascripts/base.html`` and ``content.html``),
  rendered with the page's own context (their text depends on the page's depth);
- the site's stylesheet, ``assets/stylesheets/site.css``, which ``main.html`` writes inline;
- in the offline pack, the script the iframe-worker shim writes into its hidden frame (which
  inherits the page's policy), with the page's worker address in it.

The policy is a ``<meta http-equiv>`` so it holds from ``file://`` too; ``README.md`` gives
the same as a header for hosts (``policy_header_example``).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

# What runs in the page itself, each rendered with the page's context.
MATERIAL_INLINE_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/content.html")
INLINE_STYLESHEET = "assets/stylesheets/site.css"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)

# Material's offline plugin runs its search worker through the iframe-worker shim from
# file://: the shim writes this script into a frame, with two of its own functions and the
# worker's address in it.
SHIM_FRAME_SCRIPT = (
    'postMessage={post};importScripts={load};addEventListener("error",({{error}})=>'
    '{{parent.dispatchEvent(new ErrorEvent("error",{{filename:"{worker}",error}}))}})'
)
SHIM_FUNCTION = r"function {name}\("

FIXED_DIRECTIVES = (
    ("default-src", ["'self'"]),
    ("img-src", ["'self'", "data:"]),
    ("media-src", ["'self'"]),
    ("font-src", ["'self'"]),
    ("connect-src", ["'self'"]),
    ("object-src", ["'none'"]),
    ("base-uri", ["'none'"]),
    ("form-action", ["'none'"]),
    ("frame-src", ["'none'"]),
    ("worker-src", ["'self'", "blob:"]),
)


def source_hash(text: str) -> str:
    """A CSP hash source for an inline script's or style's text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline ``<script>`` (without attributes) in rendered HTML."""
    return INLINE_SCRIPT.findall(html)


def policy(script_hashes: Iterable[str], style_hashes: Iterable[str]) -> str:
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", *sorted(set(script_hashes))]),
        ("style-src", ["'self'", *sorted(set(style_hashes))]),
        *FIXED_DIRECTIVES[1:],
    ]
    return "; ".join(" ".join([name, *sources]) for name, sources in directives)


def _function_source(script: str, name: str) -> str:
    """A top-level ``function name(...){...}`` in minified JavaScript, as
    ``Function.prototype.toString`` gives it (braces balanced; the shim has no braces in
    strings or regular expressions inside these functions)."""
    match = re.search(SHIM_FUNCTION.format(name=re.escape(name)), script)
    if match is None:
        raise ValueError(f"the iframe-worker shim has no function {name}")
    depth = 0
    for index in range(script.index("{", match.end()), len(script)):
        depth += {"{": 1, "}": -1}.get(script[index], 0)
        if depth == 0:
            return script[match.start():index + 1]
    raise ValueError(f"the iframe-worker shim's function {name} does not end")


def shim_frame_script(shim: Path, worker_address: str) -> str:
    """The script the iframe-worker shim writes into its frame for this worker address."""
    script = shim.read_text(encoding="utf-8")
    post, load = re.search(r"postMessage=\$\{(\w+)\};importScripts=\$\{(\w+)\}", script).groups()
    return SHIM_FRAME_SCRIPT.format(
        post=_function_source(script, post), load=_function_source(script, load),
        worker=worker_address,
    )


def policy_header_example() -> str:
    """The policy as README.md shows it for hosts (hashes elided)."""
    return policy(["'sha256-…'"], ["'sha256-…'"])
