"""The offline pack (OFFLINE=true; scripts/build_offline.py): search from file:// in every
language, with the iframe-worker shim served from the pack instead of a CDN."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from leadership.languages import nested_language_build
from leadership.offline import install_shim, local_polyfills, offline_plugin, write_search_scripts
from leadership.project import project_root


# After Material's offline plugin (priority 0) has added its CDN copy of the shim.
@event_priority(-50)
def on_config(config):
    if offline_plugin(config) is not None:
        config.extra["polyfills"] = local_polyfills(config.extra.get("polyfills", []))
    return config


# After overrides/hooks/search_per_language.py (priority -200) has written every language's
# final index: the plugin only inlines the joint index, which mixes the languages.
@event_priority(-300)
def on_post_build(config):
    if offline_plugin(config) is None:
        return
    if nested_language_build(config):
        return
    site_dir = Path(config.site_dir)
    try:
        install_shim(project_root(config), site_dir)
    except FileNotFoundError as error:
        raise PluginError(str(error)) from None
    write_search_scripts(site_dir)
