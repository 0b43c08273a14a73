"""The project's package: the MkDocs plugin that builds the site and the domain logic that
the build, the check scripts and the tests share, grouped by concern.

- the build: ``plugin`` (registered as ``leadership``), its settings ``config``, the content
  model ``content`` (everything read once), ``site_build`` (an in-process build for checks);
- ``subtitles``: films.yml, SRT files, the subtitle rules, film pages;
- ``pages``: front matter (one reader, one schema), page source checks, translations;
- ``activities``: the activity guides' schema and rendering;
- ``search``: the project's search entries and Material's worker;
- ``links``: the built site's links (collect, resolve, rules, report, external);
- ``print_offline``: printed handouts and the offline pack;
- the Welsh language: ``welsh``, ``spelling``, ``welsh_check``;
- shared: ``rules`` (every rule id), ``reporting`` (the problem format), ``languages``,
  ``interface`` (interface strings), ``site_i18n``, ``build_cache``, ``markdown_source``,
  ``yaml_nodes``.

docs-dev/architecture.md draws the data's path through them.
"""

import importlib
import importlib.abc
import importlib.util
import sys

# Where each module of the former flat layout lives now. Code written against the old names
# (branches in flight when the package was regrouped) keeps working: ``leadership.cues`` is
# ``leadership.subtitles.cues``, the same module object.
MOVED = {
    "cues": "leadership.subtitles.cues",
    "subtitle_check": "leadership.subtitles.check",
    "subtitle_rules": "leadership.subtitles.rules",
    "transcript": "leadership.subtitles.transcript",
    "films": "leadership.subtitles.films",
    "accepted_warnings": "leadership.subtitles.accepted_warnings",
    "film_pages": "leadership.subtitles.film_pages",
    "frontmatter": "leadership.pages.frontmatter",
    "front_matter_source": "leadership.pages.front_matter_source",
    "content_safety": "leadership.pages.content_safety",
    "page_checks": "leadership.pages.checks",
    "source_links": "leadership.pages.source_links",
    "placeholders": "leadership.pages.placeholders",
    "new_page": "leadership.pages.new_page",
    "translation_status": "leadership.pages.translation_status",
    "activity_pages": "leadership.activities.rendering",
    "search_index": "leadership.search.index",
    "material_assets": "leadership.search.material_assets",
    "handout": "leadership.print_offline.handout",
    "offline": "leadership.print_offline.offline",
    "external_links": "leadership.links.external",
}


class _MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path, target=None):
        if fullname.startswith(f"{__name__}.") and fullname[len(__name__) + 1 :] in MOVED:
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        return importlib.import_module(MOVED[spec.name[len(__name__) + 1 :]])

    def exec_module(self, module):
        pass  # the module at its new name is already imported


sys.meta_path.append(_MovedModules())
