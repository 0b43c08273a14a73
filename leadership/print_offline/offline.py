"""The offline pack: the whole site as files that work from a folder or USB stick, through
``file://``, with no server and no network.

Material's offline plugin (enabled with ``OFFLINE=true``, see mkdocs.yml) turns off
directory URLs, so every link names an ``.html`` file, and inlines the search index
into ``search/search_index.js``. This module adds what the plugin does not do here:

- the site splits its search index per language, so each language folder gets its own
  ``search/search_index.js`` (Welsh pages search Welsh);
- the plugin loads its ``iframe-worker`` shim (search runs in a worker, which Chromium
  will not start from ``file://``) from a CDN; the pack ships the npm package's copy;
- a check that every link and asset in every page resolves to a file in the pack;
- the zip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

from leadership.languages import LANGUAGES, site_prefix
from leadership.reporting import Problem

OFFLINE_VARIABLE = "OFFLINE"
OFFLINE_PLUGIN_NAMES = ("material/offline", "offline")
SEARCH_SCRIPT = Path("search") / "search_index.js"
# Material reads the inlined index from this global (see its bundle: ``__index``).
SEARCH_SCRIPT_PREFIX = "var __index = "

# The iframe-worker shim, from the npm package (package.json), and where the pack serves it.
SHIM_SOURCE = Path("node_modules") / "iframe-worker" / "shim" / "index.js"
SHIM_LICENSE = Path("node_modules") / "iframe-worker" / "LICENSE"
SHIM_TARGET = "assets/javascripts/iframe-worker/shim.js"
SHIM_MARKER = "iframe-worker"

PACK_NAME = "compassionate-leadership-offline"
# Pages a server shows for a missing address; a pack opened from file:// never shows them,
# and their links go to language folders by design.
NOT_FOUND_PAGE = "404.html"
# Link schemes that are not files in the pack: fine as links, never as page assets.
NOT_FILES = ("mailto:", "tel:", "data:", "javascript:", "blob:")
REMOTE = ("http://", "https://", "//")
# Elements whose URL the page itself loads (a remote one needs the network).
ASSET_ATTRIBUTES = {
    "script": "src",
    "img": "src",
    "source": "src",
    "track": "src",
    "video": "src",
    "audio": "src",
    "iframe": "src",
}
LINK_ATTRIBUTES = {"a": "href", "link": "href"}
ASSET_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest"}


def offline_plugin(config):
    """Material's offline plugin when the build uses it (OFFLINE=true), else None."""
    for name in OFFLINE_PLUGIN_NAMES:
        plugin = config.plugins.get(name)
        if plugin is not None and plugin.config.enabled:
            return plugin
    return None


def local_polyfills(polyfills: list, local_path: str = SHIM_TARGET) -> list:
    """The plugin's polyfills with its CDN copy of the iframe-worker shim made local."""
    result = []
    for script in polyfills:
        path = getattr(script, "path", script)
        if SHIM_MARKER in str(path) and str(path).startswith(REMOTE):
            result.append(local_path)
        else:
            result.append(script)
    if not any(SHIM_MARKER in str(getattr(s, "path", s)) for s in result):
        result.append(local_path)
    return result


def install_shim(project_dir: Path, site_dir: Path) -> Path:
    """Copy the iframe-worker shim (and its licence) into the built site."""
    source = project_dir / SHIM_SOURCE
    if not source.is_file():
        raise FileNotFoundError(
            f"{SHIM_SOURCE.as_posix()} is missing: run `make setup` (npm ci installs iframe-worker)"
        )
    target = site_dir / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    licence = project_dir / SHIM_LICENSE
    if licence.is_file():
        shutil.copyfile(licence, target.with_name("LICENSE"))
    return target


def write_search_scripts(site_dir: Path, indexes: dict[str, str]) -> dict[str, Path]:
    """Inline each language's search index (its JSON, by language) as the script Material
    loads from file://."""
    written = {}
    for language, data in indexes.items():
        script = site_dir / site_prefix(language) / SEARCH_SCRIPT
        script.parent.mkdir(parents=True, exist_ok=True)
        script.write_text(f"{SEARCH_SCRIPT_PREFIX}{data}", encoding="utf-8")
        written[language] = script
    return written


def _target(page: Path, url: str) -> Path | None:
    """The file a relative URL in ``page`` points at (None for an in-page anchor)."""
    parts = urlsplit(url)
    if not parts.path:
        return None
    return (page.parent / unquote(parts.path)).resolve()


def link_problems(site_dir: Path) -> tuple[list[Problem], int]:
    """Every link or asset in the pack's pages that does not open a file in the pack.

    From ``file://`` a link to a folder shows a directory listing, not its index.html,
    so a link must name a file. Assets (scripts, styles, images, subtitles) must also
    be in the pack: the pack works without a network.
    """
    site_dir = site_dir.resolve()
    problems = []
    pages = sorted(site_dir.rglob("*.html"))
    for page in pages:
        if page.name == NOT_FOUND_PAGE:
            continue
        shown = page.relative_to(site_dir).as_posix()
        tree = lxml_html.fromstring(page.read_bytes())
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.lower()
            attribute = ASSET_ATTRIBUTES.get(tag) or LINK_ATTRIBUTES.get(tag)
            url = element.get(attribute) if attribute else None
            if url is None or url.startswith("#") or url.startswith(NOT_FILES):
                continue
            is_asset = tag in ASSET_ATTRIBUTES or (
                tag == "link" and ASSET_LINK_RELS & set((element.get("rel") or "").split())
            )
            line = element.sourceline or 1
            if url.startswith(REMOTE):
                if is_asset:
                    problems.append(Problem(shown, line, "offline-remote-asset",
                                            f"<{tag}> loads {url} from the network"))
                continue
            target = _target(page, url)
            if target is None:
                continue
            if not target.is_relative_to(site_dir):
                problems.append(Problem(shown, line, "offline-outside-pack",
                                        f"{url} points outside the pack"))
            elif target.is_dir() or urlsplit(url).path.endswith("/"):
                problems.append(Problem(shown, line, "offline-folder-link",
                                        f"{url} is a folder: from file:// it opens a directory "
                                        "listing, not the page"))
            elif not target.is_file():
                problems.append(Problem(shown, line, "offline-missing-file",
                                        f"{url} is not in the pack"))
    return problems, len(pages)


def search_problems(site_dir: Path) -> list[Problem]:
    """Each language's inlined search index must exist and hold that language's pages only."""
    problems = []
    others = [site_prefix(language) for language in LANGUAGES if site_prefix(language)]
    for language in LANGUAGES:
        script = site_dir / site_prefix(language) / SEARCH_SCRIPT
        shown = script.relative_to(site_dir).as_posix()
        if not script.is_file():
            problems.append(Problem(shown, 1, "offline-search",
                                    "missing: this language cannot be searched from file://"))
            continue
        text = script.read_text(encoding="utf-8")
        if not text.startswith(SEARCH_SCRIPT_PREFIX):
            problems.append(Problem(shown, 1, "offline-search",
                                    f"does not start with {SEARCH_SCRIPT_PREFIX!r}"))
            continue
        docs = json.loads(text[len(SEARCH_SCRIPT_PREFIX) :])["docs"]
        if not docs:
            problems.append(Problem(shown, 1, "offline-search", "the index has no pages"))
        # Locations are relative to the language's folder: none may lead into another one.
        foreign = [d["location"] for d in docs if d["location"].startswith(tuple(others))]
        if foreign:
            problems.append(Problem(shown, 1, "offline-search",
                                    f"{len(foreign)} entries from another language, "
                                    f"e.g. {foreign[0]}"))
    return problems


def check_pack(site_dir: Path) -> tuple[list[Problem], int]:
    problems, checked = link_problems(site_dir)
    problems += search_problems(site_dir)
    if not (site_dir / SHIM_TARGET).is_file():
        problems.append(Problem(SHIM_TARGET, 1, "offline-search",
                                "the iframe-worker shim is missing: search cannot run"))
    return sorted(problems), checked


# --- building and zipping --------------------------------------------------------------


def build_offline(site_dir: Path, project_dir: Path, strict: bool = True):
    """Build the site for file:// into ``site_dir``; return the finished process."""
    env = {**os.environ, OFFLINE_VARIABLE: "true", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, timeout=900
    )


def zip_pack(site_dir: Path, zip_path: Path, folder: str = PACK_NAME) -> Path:
    """Zip the pack under one top folder, files in a stable order."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder}/{path.relative_to(site_dir).as_posix()}")
    return zip_path
