"""Printed pages as handouts: a QR code that opens the page (with its address under it)
and the address of every link, for the print stylesheet to show. Screens never see them."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from leadership.handout import page_address, print_header, with_print_addresses
from leadership.interface import strings_for


# Last, so that links the other hooks add (film moments, transcripts) get their addresses too.
@event_priority(-50)
def on_page_content(html, page, config, files):
    if not config.site_url:
        raise PluginError("site_url must be set in mkdocs.yml: printed pages show it as a QR code")
    ui = strings_for(page.file.locale)
    address = page_address(config.site_url, page.url)
    header = print_header(address, ui["print_qr_caption"], ui["print_qr_title"])
    return header + with_print_addresses(html, config.site_url, page.url)
