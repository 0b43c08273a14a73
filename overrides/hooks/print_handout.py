"""Printed pages as handouts: a QR code that opens the page (with its address under it)
and the address of every link, for the print stylesheet to show. Screens never see them.

The QR codes are kept in .cache/ between builds, one set for both languages' builds:
mkdocs-static-i18n builds the Welsh site inside the English build, so the codes are
opened before the English build and saved after the Welsh one.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from leadership.build_cache import cache_file
from leadership.handout import (
    QrCodes,
    page_address,
    print_header,
    release_address_problem,
    with_print_addresses,
)
from leadership.interface import strings_for
from leadership.languages import nested_language_build
from leadership.project import project_root

QR_CODES = "qr-codes.json"

# The codes of each project being built (the English build and the Welsh build inside it).
_qr_codes: dict[Path, QrCodes] = {}
# The MkDocs command running ("build", "serve", "gh-deploy"), from on_startup.
_command: list[str | None] = [None]


def on_startup(command, dirty):
    _command[0] = command


def on_config(config):
    problem = release_address_problem(config.site_url or "", _command[0], os.environ)
    if problem:
        raise PluginError(problem)
    return config


def on_pre_build(config):
    if not nested_language_build(config):
        _qr_codes[project_root(config)] = QrCodes(cache_file(project_root(config), QR_CODES))


# Last, so that links the other hooks add (film moments, subtitle downloads) get their addresses
# too. Transcript cues reach the page later (transcripts.py), but their links are in-page ones,
# which print without an address.
@event_priority(-50)
def on_page_content(html, page, config, files):
    if not config.site_url:
        raise PluginError("site_url must be set in mkdocs.yml: printed pages show it as a QR code")
    ui = strings_for(page.file.locale)
    address = page_address(config.site_url, page.url)
    qr_codes = _qr_codes.get(project_root(config))
    header = print_header(address, ui["print_qr_caption"], ui["print_qr_title"], qr_codes)
    return header + with_print_addresses(html, config.site_url, page.url)


# After mkdocs-static-i18n (priority -100) has built the Welsh pages inside this build.
@event_priority(-200)
def on_post_build(config):
    if not nested_language_build(config):
        qr_codes = _qr_codes.pop(project_root(config), None)
        if qr_codes is not None:
            qr_codes.save()
