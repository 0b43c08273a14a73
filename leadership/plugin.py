"""The site's MkDocs plugin: everything the project adds to a build, in one place.

Registered as ``leadership`` (the ``mkdocs.plugins`` entry point in pyproject.toml) and
listed after ``i18n`` under ``plugins:`` in mkdocs.yml. What it does, in build order:

- before anything is built, once per site build: every page exists in both languages,
  every page's front matter and source is safe and valid, the subtitles and films.yml are
  valid, every activity guide is valid; any problem stops the build, each one reported as
  ``path:line: rule-id: message``;
- each language: the toc extension's permalink title in that language;
- each page's content: the film page (transcript, player, downloads), the activity guide
  or index, the print header (QR code and address) and the printed address of every link;
- each page's template context: what partials/content.html shows around the content (the
  draft notices under the title, the planner's handouts) and My learning's settings;
- after the build: subtitle files published, one 404 page and one search index per
  language, the offline pack's search scripts.

mkdocs-static-i18n builds the Welsh site inside the English build, with the same config and
the same plugin instance: MkDocs runs every event again for it, with i18n's ``building``
flag set. Work done once per site build checks ``nested_build``; work done per language
(templates, the films' pages) is redone for each language in ``on_pre_build``/``on_env``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, Template
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import clean_directory, normalize_url

from leadership.activities.planning import (
    DEFAULT_START,
    PLAN_SLUG,
    PLANNER_KIND,
    embedded_handout,
    plan_dest_uri,
    plan_source_uri,
)
from leadership.activities.presenting import (
    PRESENTER_KIND,
    guide_parts,
    moments_by_step,
    one_folder_deeper,
    present_dest_uri,
    present_source_uri,
)
from leadership.activities.rendering import (
    TocEntry,
    activity_page_context,
    clock_label,
    duration_label,
    index_context,
    minutes_label,
)
from leadership.activities.schema import ACTIVITIES_FOLDER, ACTIVITY_KIND, INDEX_PAGE
from leadership.build_cache import TEMPLATE_CACHE, TemplateCache, cache_file
from leadership.config import LeadershipConfig
from leadership.content import SiteContent, read_site
from leadership.content_security import (
    INLINE_STYLESHEET,
    MATERIAL_INLINE_SCRIPTS,
    inline_scripts,
    policy,
    shim_frame_script,
    source_hash,
)
from leadership.interface import strings_for
from leadership.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    build_language,
    missing_counterparts,
    site_prefix,
)
from leadership.learning import learning_page_context
from leadership.pages.checks import (
    RenderedPage,
    content_errors,
    markdown_renderer,
    render_pages,
)
from leadership.pages.safe_pages import BUILD_CACHE, SafePages, machine_key
from leadership.pages.title import split_after_title
from leadership.pages.translation_status import DRAFT
from leadership.print_offline.handout import (
    QrCodes,
    address_parts,
    page_address,
    release_address_problem,
    with_print_addresses,
)
from leadership.print_offline.offline import (
    SHIM_SOURCE,
    install_shim,
    local_polyfills,
    offline_plugin,
    write_search_scripts,
)
from leadership.reporting import ContentError, Problem, shown_path
from leadership.rules import ACTIVITY_LINK, ACTIVITY_LOCATION
from leadership.search.index import cue_entry, refine_search_indexes, section_entry
from leadership.search.material_assets import MissingAsset, search_worker
from leadership.site_i18n import (
    home_language_links,
    language_links,
    quiet_language_config_echo,
    split_search_entries,
    write_search_indexes,
)
from leadership.subtitles.film_pages import film_page_context, publish_subtitles
from leadership.welsh import RememberedDictionary
from leadership.welsh_check import check_content

FILM_TEMPLATE = "partials/film.html"
TRANSCRIPT_TEMPLATE = "partials/transcript.html"
ACTIVITY_TEMPLATE = "partials/activity.html"
ACTIVITIES_INDEX_TEMPLATE = "partials/activities-index.html"
PRESENTER_SOURCE_TEMPLATE = "partials/presenter-source.md"
PRESENTER_TEMPLATE = "partials/presenter.html"
PLANNER_SOURCE_TEMPLATE = "partials/planner-source.md"
PLANNER_TEMPLATE = "partials/planner.html"
PLAN_HANDOUTS_TEMPLATE = "partials/plan-handouts.html"
PRINT_HEADER_TEMPLATE = "partials/print-header.html"
FIRST_SECTION = "<h2"
NOT_FOUND_PAGE = "404.html"
SEARCH_PLUGIN_NAMES = ("material/search", "search")


class ContentProblems(PluginError):
    """Problems that stop the build, each ``path:line: rule-id: message``, in the order they
    are listed; an in-process build (``leadership.site_build``) takes them as they are."""

    def __init__(self, heading: str, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(str(problem) for problem in problems)
        super().__init__(f"{heading} ({len(problems)}):\n{lines}")


def _anchor(entry, level: int) -> AnchorLink:
    link = AnchorLink(str(escape(entry.title)), entry.id, level)
    link.children = [_anchor(child, level + 1) for child in entry.children]
    return link


def _add_to_contents(page, entries, at_start: bool) -> None:
    """Put a template's headings in the page's table of contents, under its title."""
    items = page.toc.items
    if len(items) == 1 and items[0].level == 1:
        items = items[0].children
    links = [_anchor(entry, 2) for entry in entries]
    if at_start:
        items[0:0] = links
    else:
        items.extend(links)


class LeadershipPlugin(BasePlugin[LeadershipConfig]):
    supports_multiple_instances = False

    def __init__(self):
        super().__init__()
        self.root: Path | None = None
        self.command: str | None = None  # from on_startup: build, serve, gh-deploy
        self.search_worker: str | None = None  # Material's hashed worker file, found once
        self._i18n = None
        # Once per site build (both languages):
        self.content: SiteContent | None = None
        self.qr_codes: QrCodes | None = None
        self.dictionary: RememberedDictionary | None = None
        self.cue_entries: dict[str, dict[str, list[dict]]] = {}  # language -> page -> entries
        self.rendered_pages: list[RenderedPage] = []  # both languages', for the page checks
        self.safe_pages: SafePages | None = None  # HTML the allowlist passed in earlier builds
        self.template_cache: TemplateCache | None = None  # the theme's templates, compiled
        self.default_not_found: bytes | None = None
        # Once per language build:
        self.theme_environment: Environment | None = None
        self.environment: Environment | None = None  # the theme's, escaping
        self.templates: dict[str, Template] = {}
        self.guide_pages: dict[str, object] = {}  # slug -> the guide's Page, for the planner
        self.film_transcripts: dict[str, Markup] = {}  # a film page's source -> its transcript
        self.style_hash: str | None = None
        self.policies: dict[tuple, str] = {}  # by the page's depth (its base_url)
        self.site_dir: Path | None = None

    # --- Where the build is --------------------------------------------------------------

    @property
    def nested_build(self) -> bool:
        """Whether this is a language mkdocs-static-i18n builds inside the default one."""
        return bool(getattr(self._i18n, "building", False))

    @property
    def transcripts_dir(self) -> Path:
        return self.root / self.config.transcripts

    @property
    def project_search(self) -> bool:
        return self.config.search.mode == "project"

    def _allowed_hosts(self, config) -> tuple[str, ...]:
        host = urlsplit(config.site_url or "").hostname
        return (host,) if host else ()

    # --- Configuration: the site-wide checks, once per site build ------------------------

    def on_startup(self, *, command, dirty):
        self.command = command  # build, serve or gh-deploy

    def _check_site(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        self._i18n = config.plugins.get("i18n")
        quiet_language_config_echo()
        if self.nested_build:
            return config
        # Once per site build: the nested language's build uses the same instance's.
        self.template_cache = TemplateCache(
            cache_file(self.root, TEMPLATE_CACHE), machine_key(project_root=self.root)
        )
        self.site_dir = Path(config.site_dir)
        if self.config.print.handout:
            problem = release_address_problem(
                config.site_url or "", self.command, os.environ,
                "make offline" if self.config.offline else "make build",
            )
            if problem:
                raise PluginError(problem)
        try:
            self.search_worker = search_worker()
        except MissingAsset as error:
            raise PluginError(str(error)) from None
        if self.config.offline and offline_plugin(config) is None:
            raise PluginError(
                "leadership: offline is true but Material's offline plugin is not enabled"
            )
        # Reported with the content's problems, not instead of them: an editor mends all at once.
        parity = missing_counterparts(Path(config.docs_dir), relative_to=self.root)
        # The one read of the content for this site build (both languages): films, cues,
        # every page's front matter, the activity guides. Problems in transcripts/ first,
        # each at its own line; a page that depends on a broken file says which one.
        self.content = read_site(
            self.root, Path(config.docs_dir), self.transcripts_dir, self._allowed_hosts(config),
            config.use_directory_urls, [Path(folder) for folder in config.theme.dirs],
            Path(config.config_file_path),
        )
        # The Welsh dictionary's answers: the Welsh check's now, the Welsh search's at the end.
        try:
            self.dictionary = RememberedDictionary(
                cache_file(self.root, self.config.search.dictionary_cache)
            )
        except ContentError as error:  # the dictionary is not installed: say so
            raise PluginError(str(error)) from None
        welsh_problems = self._check_welsh()
        if parity or self.content.errors or welsh_problems:
            # No page will be built: the page checks read the pages' Markdown rendered here,
            # with the build's extensions, so that every problem is reported, as make check
            # reports it.
            render = markdown_renderer(config.markdown_extensions, config.mdx_configs)
            rendered = render_pages(self.content, render, self._allowed_hosts(config))
            self.dictionary.save()
            raise ContentProblems(
                "The content has problems",
                parity + content_errors(self.content, rendered) + welsh_problems,
            )
        self.cue_entries = {}
        self.rendered_pages = []
        self.safe_pages = SafePages(cache_file(self.root, BUILD_CACHE), self.root)
        if self.config.print.handout:
            self.qr_codes = QrCodes(cache_file(self.root, self.config.print.qr_cache))
        return config

    def _check_welsh(self) -> list[Problem]:
        """make check's Welsh check (termbase, mutations, links to English-only pages), on
        the Welsh pages and subtitles the content model has read."""
        found = check_content(self.content, self.dictionary, self.root)
        return [problem for problem in found if problem.severity == "error"]

    # After Material's offline plugin (priority 0) has added its CDN copy of the shim.
    @event_priority(-50)
    def _offline_polyfills(self, config):
        if offline_plugin(config) is not None:
            config.extra["polyfills"] = local_polyfills(config.extra.get("polyfills", []))
        return config

    on_config = CombinedEvent(_check_site, _offline_polyfills)

    def on_pre_build(self, config):
        # Per language build: mkdocs-static-i18n reconfigures the theme before each.
        self.guide_pages = {}
        self.film_transcripts = {}
        self.style_hash = None
        self.policies = {}
        self.templates = {}
        self.theme_environment = None
        self.environment = None
        # The toc extension writes each heading's permalink title in the language built
        # (MkDocs makes each page's Markdown from mdx_configs as it renders it).
        toc = config.mdx_configs.get("toc")
        if toc is not None and toc.get("permalink"):
            toc["permalink_title"] = strings_for(build_language(config))["permalink_title"]

    def on_env(self, env, config, files):
        env.bytecode_cache = self.template_cache
        return env

    def _theme_env(self, config) -> Environment:
        """The theme's environment for what the plugin renders itself, one per language
        build (mkdocs-static-i18n reconfigures the theme for each), with MkDocs' own
        environment's compiled templates."""
        if self.theme_environment is None:
            self.theme_environment = config.theme.get_env()
            self.theme_environment.bytecode_cache = self.template_cache
        return self.theme_environment

    def _template(self, config, name: str) -> Template:
        """The theme's template, compiled once per language build. MkDocs' own environment
        does not escape; the project's templates always do."""
        if self.environment is None:
            self.environment = self._theme_env(config).overlay(autoescape=True)
        if name not in self.templates:
            self.templates[name] = self.environment.get_template(name)
        return self.templates[name]

    # --- Generated pages: each activity's presenter view, the session planner -------------

    # After mkdocs-static-i18n (priority -100) has sorted the language's files: the
    # generated pages are made for the language being built, as i18n makes its own.
    @event_priority(-150)
    def on_files(self, files, config):
        language = build_language(config)
        activities = self.content.activities.get(language, [])
        named_plan = [activity for activity in activities if activity.slug == PLAN_SLUG]
        if named_plan:
            raise ContentProblems("An activity guide has the session planner's name", [
                Problem(activity.path, 1, ACTIVITY_LOCATION,
                        f"activities/{PLAN_SLUG}/ is the session planner: give the guide "
                        "another file name")
                for activity in named_plan
            ])
        generated = [self._presenter_file(activity, config) for activity in activities]
        for presenter in generated:
            files.append(presenter)
            activity = presenter.presenter_of
            self._pair(
                presenter, activity.language, config,
                lambda other, slug=activity.slug: present_source_uri(other, slug),
                lambda other, slug=activity.slug: present_dest_uri(
                    site_prefix(other), slug, config.use_directory_urls
                ),
            )
        if activities:
            planner = self._planner_file(language, config)
            files.append(planner)
            generated.append(planner)
        # i18n's sitemap lists each language's pages from what its on_files kept.
        listed = getattr(self._i18n, "i18n_files_per_language", None)
        if listed is not None and language in listed:
            listed[language] = [*listed[language], *generated]
        return files

    def _presenter_file(self, activity, config) -> File:
        language = activity.language
        source = self.content.pages[activity.source_uri].front.source.body
        parts = guide_parts(source)
        films = self.content.films
        moments = [
            {
                "quote": " ".join(
                    cue.text.replace("\n", " ")
                    for cue in films.cues(moment.film, language) or []
                    if cue.anchor == moment.cue
                ),
                "time_label": moment.time_label,
                "film_title": self.content.references.film_titles[moment.film][language],
                "film_link": f"../../films/{moment.film}.md#{moment.cue}",
                "note": moment.note,
            }
            for moment in activity.film_moments
        ]
        step_moments = moments_by_step(activity, parts.instructions)
        ui = strings_for(language)
        steps = [
            {
                "number": number,
                "count_label": ui["present_step_of"].format(
                    number=number, count=len(activity.steps)
                ),
                "title": step.title,
                "minutes": step.minutes,
                "time": minutes_label(step.minutes, language),
                # The guide's own Markdown: markup for the Markdown page, not text.
                "instructions": Markup(one_folder_deeper(parts.instructions[number - 1])),
                "moments": [moments[index] for index in step_moments[number - 1]],
            }
            for number, step in enumerate(activity.steps, start=1)
        ]
        markdown = self._template(config, PRESENTER_SOURCE_TEMPLATE).render(
            ui=ui, activity=activity, steps=steps,
            page_title=ui["present_title"].format(title=activity.title),
            rest=Markup(one_folder_deeper(parts.rest)),
        )
        # Reached from its guide, never from the navigation: a clean build says nothing of it.
        generated = File.generated(
            config, present_source_uri(language, activity.slug), content=markdown,
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        generated.dest_uri = present_dest_uri(
            site_prefix(language), activity.slug, config.use_directory_urls
        )
        generated.presenter_of = activity
        return generated

    @staticmethod
    def _pair(generated, language: str, config, source_uri, dest_uri) -> None:
        """A generated page's counterparts, for the language switch (as i18n pairs its own
        pages): ``source_uri`` and ``dest_uri`` give the page's paths in another language."""
        generated.locale = generated.localization = generated.locale_alternate_of = language
        generated.norm_src_uri = generated.src_uri.removeprefix(f"{language}/")
        generated.alternates = {language: generated}
        for other in LANGUAGES:
            if other != language:
                counterpart = File.generated(config, source_uri(other), content="")
                counterpart.dest_uri = dest_uri(other)
                generated.alternates[other] = counterpart

    def _planner_file(self, language: str, config) -> File:
        markdown = self._template(config, PLANNER_SOURCE_TEMPLATE).render(
            ui=strings_for(language)
        )
        # Reached from the activities index, the guides and the presenter views.
        generated = File.generated(
            config, plan_source_uri(language), content=markdown,
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        # Beside the guides, as a guide is written.
        generated.dest_uri = plan_dest_uri(site_prefix(language), config.use_directory_urls)
        self._pair(
            generated, language, config, plan_source_uri,
            lambda other: plan_dest_uri(site_prefix(other), config.use_directory_urls),
        )
        return generated

    # --- Pages ------------------------------------------------------------------------------

    def _content_security_policy(self, config, context) -> str:
        """This page's policy: the hashes of the inline scripts its templates write (their
        text depends on the page's depth, base_url) and of the site's inline stylesheet;
        made once for each depth in each language build (the offline pack's shim script
        names the worker relative to the page, which is the same at the same depth)."""
        # A template without a page (the 404 page) writes addresses from base_url alone.
        depth = (context.get("base_url"), (config.extra or {}).get("scope"),
                 context.get("page") is None)
        if depth not in self.policies:
            self.policies[depth] = self._policy_for(config, context)
        return self.policies[depth]

    def _policy_for(self, config, context) -> str:
        environment = self._theme_env(config)
        context = {**context, "features": config.theme.get("features") or []}
        scripts = []
        for name in MATERIAL_INLINE_SCRIPTS:
            scripts += inline_scripts(environment.get_template(name).render(context))
        if self.config.offline:
            worker = environment.from_string("{{ search_worker | url }}").render(context)
            scripts.append(shim_frame_script(self.root / SHIM_SOURCE, worker))
        if self.style_hash is None:
            self.style_hash = source_hash(environment.get_template(INLINE_STYLESHEET).render())
        return policy(map(source_hash, scripts), [self.style_hash])

    def on_page_context(self, context, page, config, nav):
        context["ui"] = strings_for(page.file.locale)
        context["search_worker"] = self.search_worker
        context["content_security_policy"] = self._content_security_policy(config, context)
        # partials/content.html shows the page: its title, the notices under it, the rest.
        context["page_title_html"], body = split_after_title(page.content or "")
        context["page_body"] = body
        context["draft_notices"] = self._draft_notices(page)
        context["film_transcript"] = self.film_transcripts.get(page.file.src_uri)
        if page.meta.get("kind") == PLANNER_KIND:
            context["plan_handouts"] = self._plan_handouts(config, page)
        context["learning"] = learning_page_context(page, nav, self.content.films.films, body)
        # Material writes the language switch and the hreflang links from extra.alternate.
        config.extra.alternate = language_links(page)
        return context

    def on_template_context(self, context, template_name, config):
        # Static templates (the 404 page) have no page: they are in the language being built.
        language = build_language(config)
        context["ui"] = strings_for(language)
        context["search_worker"] = self.search_worker
        context["content_security_policy"] = self._content_security_policy(config, context)
        if template_name == NOT_FOUND_PAGE:
            config.extra.alternate = home_language_links(language)
        return context

    def on_page_content(self, html, page, config, files):
        self._read_for_checks(html, page, config)
        kind = page.meta.get("kind")
        if kind == "film":
            html = self._film_page(html, page, config)
        elif kind == ACTIVITY_KIND:
            html = self._activity_page(html, page, config, files)
        elif kind == PRESENTER_KIND:
            html = self._presenter_page(html, page, config, files)
        elif kind == PLANNER_KIND:
            html = self._planner_page(html, page, config, files)
        elif page.file.src_uri == f"{page.file.locale}/{ACTIVITIES_FOLDER}/{INDEX_PAGE}":
            html = self._activities_index(html, page, config, files)
        if self.config.print.handout and kind != PLANNER_KIND:
            # The planner prints no code of its own: its pack is the guides' handouts, each
            # with its own.
            html = self._print_header(page, config) + with_print_addresses(
                html, config.site_url, page.url
            )
        if kind == ACTIVITY_KIND:
            # Its content, once every page is rendered, is a handout the planner prints.
            self.guide_pages[self.content.activity(page.file.src_uri).slug] = page
        return html

    def _read_for_checks(self, html, page, config) -> None:
        """What Markdown made is read by the page checks, before the project adds its own
        HTML; they report after the whole site is built (``_finish_site``)."""
        presenter_of = getattr(page.file, "presenter_of", None)
        # A generated presenter page has no file of its own: its Markdown is the guide's.
        source = self.content.pages.get(
            presenter_of.source_uri if presenter_of else page.file.src_uri
        )
        if source is not None:  # a page the project generates from its own templates has none
            self.rendered_pages.append(RenderedPage.read(
                source, html, self._allowed_hosts(config), own_page=presenter_of is None,
                safe_pages=self.safe_pages,
            ))

    def _draft_notices(self, page) -> list[dict]:
        """The notices partials/draft-notice.html shows under the title while the page's
        Welsh translation, or its film's Welsh subtitles, is a draft (on both pages of the
        pair, each in its own language)."""
        language = page.file.locale
        ui = strings_for(language)
        notices = []
        if self.content.page_status(page.file.src_uri) == DRAFT:
            notices.append({"language": language, "body": ui["translation_draft_body"]})
        film = self.content.films.films.get(page.meta.get("film"))
        if page.meta.get("kind") == "film" and film and film.translation_status == DRAFT:
            notices.append({"language": language, "body": ui["subtitles_draft_body"]})
        return notices

    def _print_header(self, page, config) -> str:
        """What only print shows, above the page: the QR code that opens it and its
        address (partials/print-header.html). It comes before the title in the page's
        content, where Material's search gives the page an entry of its own before its
        title's section (the search evaluation's rankings are measured with it there)."""
        ui = strings_for(page.file.locale)
        address = page_address(config.site_url, page.url)
        return self._template(config, PRINT_HEADER_TEMPLATE).render(print_header={
            # segno's SVG: the one piece of the header that is markup.
            "qr_code": Markup(self.qr_codes.svg(address, ui["print_qr_title"])),
            "caption": ui["print_qr_caption"],
            "address_parts": address_parts(address),
        })

    def _film_page(self, html, page, config) -> str:
        # The front matter check has made sure the film is in films.yml and its subtitles
        # have no errors.
        films = self.content.films
        language = page.file.locale
        film = films.films[page.meta["film"]]
        context = film_page_context(
            film, films.cues(film.slug, language), language=language,
            url_for=lambda path: normalize_url(path, page),
        )
        if page.present_anchor_ids is not None:
            # MkDocs validates links to anchors against the Markdown's ids: tell it the
            # transcript's and its cues'.
            page.present_anchor_ids.update(
                cue.anchor for paragraph in context["paragraphs"] for cue in paragraph
            )
            page.present_anchor_ids.add(context["transcript_id"])
        ui = strings_for(language)
        # The film's sections, the longest part of the page, in its table of contents.
        _add_to_contents(page, [
            TocEntry("about-this-film", ui["film_about"],
                     [TocEntry("subtitle-downloads", ui["downloads_heading"])]),
            TocEntry(context["transcript_id"], ui["transcript_heading"]),
        ], at_start=False)
        film_html = self._template(config, FILM_TEMPLATE).render(ui=ui, **context)
        # Rendered by the project's own (escaping) templates: markup, not text.
        transcript = Markup(self._template(config, TRANSCRIPT_TEMPLATE).render(ui=ui, **context))
        if not self.project_search:
            # Material's own search (the search evaluation's comparison) indexes the
            # transcript as a section of the page's content, as it would any section.
            return html + film_html + transcript
        # The project's search has an entry for the transcript's section and one per cue
        # (leadership/search/index.py), so the transcript is not in the content Material's
        # search reads: partials/content.html shows it from the template context.
        self.film_transcripts[page.file.src_uri] = transcript
        location = page.url.removeprefix(site_prefix(language))
        help_text = ui["transcript_help" if context["video"] else "transcript_help_no_video"]
        self.cue_entries.setdefault(language, {})[location] = [
            section_entry(location, context["transcript_id"], ui["transcript_heading"],
                          help_text),
            *(cue_entry(location, cue) for paragraph in context["paragraphs"]
              for cue in paragraph),
        ]
        return html + film_html

    def _shown(self, page) -> str:
        """The page's source as problems name it (docs/<lang>/<page>)."""
        return shown_path(Path(page.file.abs_src_path), self.root)

    def _url_for(self, page, files):
        def url_for(source_uri: str) -> str:
            target = files.get_file_from_path(source_uri)
            if target is None:
                raise ContentProblems("An activity guide links to a page that is not there", [
                    Problem(self._shown(page), 1, ACTIVITY_LINK,
                            f"no page {source_uri} to link to"),
                ])
            return target.url_relative_to(page.file)

        return url_for

    def _activity_page(self, html, page, config, files) -> str:
        activity = self.content.activity(page.file.src_uri)
        if activity is None:
            raise ContentProblems("An activity guide is not where guides are", [
                Problem(self._shown(page), 1, ACTIVITY_LOCATION,
                        f"an activity guide must be in docs/<lang>/{ACTIVITIES_FOLDER}/<slug>.md"),
            ])
        context = activity_page_context(
            activity, self.content.references, self._url_for(page, files)
        )
        rendered = self._template(config, ACTIVITY_TEMPLATE).render(**context)
        _add_to_contents(page, context["contents"], at_start=True)
        position = html.find(FIRST_SECTION)
        if position < 0:
            return html + rendered
        return html[:position] + rendered + html[position:]

    def _presenter_page(self, html, page, config, files) -> str:
        activity = page.file.presenter_of
        guide = files.get_file_from_path(activity.source_uri)
        # The page is in no navigation list, so Material writes no table-of-contents toggle
        # for it: a contents list would label a control that is not there. The steps are
        # reached by the keys and buttons instead.
        for item in page.toc.items:
            item.children = []
        if page.toc.items and page.toc.items[0].level != 1:
            page.toc.items.clear()
        return self._template(config, PRESENTER_TEMPLATE).render(
            ui=strings_for(activity.language),
            content=Markup(html),  # the page's own HTML, rendered by MkDocs from the guide
            guide_url=guide.url_relative_to(page.file),
            plan_url=(
                files.get_file_from_path(plan_source_uri(activity.language))
                .url_relative_to(page.file) + f"?a={activity.slug}"
            ),
            total_minutes=activity.duration,
            total_time=minutes_label(activity.duration, activity.language),
            first_step_clock=clock_label(activity.steps[0].minutes * 60),
        )

    def _activities_index(self, html, page, config, files) -> str:
        language = page.file.locale
        context = index_context(
            self.content.activities[language], language, self.content.references,
            self._url_for(page, files),
        )
        _add_to_contents(page, context["contents"], at_start=False)
        return html + self._template(config, ACTIVITIES_INDEX_TEMPLATE).render(**context)

    def _planner_page(self, html, page, config, files) -> str:
        language = page.file.locale
        ui = strings_for(language)
        context = index_context(
            self.content.activities[language], language, self.content.references,
            self._url_for(page, files),
        )
        # Not in the navigation: no table of contents to toggle (as the presenter view).
        page.toc.items.clear()
        settings = {
            "default_start": DEFAULT_START,
            **{key: ui[key] for key in (
                "minutes_one", "minutes_two", "minutes_many", "hours_one", "hours_many",
                "plan_ends", "plan_added", "plan_removed", "plan_moved", "plan_unknown",
                "plan_bad_start",
            )},
        }
        return html + self._template(config, PLANNER_TEMPLATE).render(
            ui=ui, by_principle=context["by_principle"], by_length=context["by_length"],
            default_start=DEFAULT_START, no_time=duration_label(0, language), settings=settings,
        )

    def _plan_handouts(self, config, planner) -> Markup:
        """Every guide of the planner's language as it prints, ids prefixed and links
        rebased. Made with the planner's template context: by then MkDocs has rendered
        every page's content."""
        language = planner.file.locale
        handouts = []
        for activity in self.content.activities[language]:
            guide = self.guide_pages[activity.slug]
            html = embedded_handout(guide.content, activity.slug, guide.url, planner.url)
            title_html, body = split_after_title(html)
            handouts.append({
                "slug": activity.slug,
                "notices": self._draft_notices(guide),
                # The guide's own page as MkDocs and this plugin rendered it: markup.
                "title_html": Markup(title_html),
                "body": Markup(body),
            })
        return Markup(self._template(config, PLAN_HANDOUTS_TEMPLATE).render(
            handouts=handouts, language=language, ui=strings_for(language)
        ))

    # --- After the build ------------------------------------------------------------------

    def _publish(self, config):
        site_dir = Path(config.site_dir)
        built = site_dir / NOT_FOUND_PAGE
        language = build_language(config)
        if language == DEFAULT_LANGUAGE:
            # Kept while the other languages build theirs over it.
            self.default_not_found = built.read_bytes()
        else:
            built.replace(site_dir / site_prefix(language) / NOT_FOUND_PAGE)
            built.write_bytes(self.default_not_found)
        if not self.nested_build:
            # Subtitle files are shared by both languages: published once per site build.
            publish_subtitles(self.content.films, site_dir)

    # After mkdocs-static-i18n (priority -100) has built every language, stacked up every
    # language's search entries, and Material's offline plugin has inlined the joint index.
    @event_priority(-200)
    def _finish_site(self, config):
        if self.nested_build:
            return
        # Every language's pages are built: the page checks on the HTML they rendered
        # (unsafe markup, heading ids), the same list make check reports.
        found, self.rendered_pages = content_errors(self.content, self.rendered_pages), []
        self.safe_pages.save()  # the pages that passed, whatever the others' problems
        if found:
            raise ContentProblems("The pages have problems", found)
        site_dir = Path(config.site_dir)
        if self.qr_codes is not None:
            self.qr_codes.save()
            self.qr_codes = None
        combined = self._search_index(config)
        if combined is None:
            self.dictionary.save()  # the Welsh check's answers
            return  # a site without search (a small test site)
        indexes = split_search_entries(combined)
        if self.project_search:
            refine_search_indexes(site_dir, indexes, self.cue_entries, self.dictionary)
        # Once, with every answer this build asked (the Welsh check's and the search's): a
        # save keeps only what was asked before it.
        self.dictionary.save()
        written = write_search_indexes(site_dir, indexes)
        if self.config.offline:
            try:
                install_shim(self.root, site_dir)
            except FileNotFoundError as error:
                raise PluginError(str(error)) from None
            write_search_scripts(site_dir, written)

    @staticmethod
    def _search_index(config) -> dict | None:
        """Every language's entries, as Material's search plugin holds them in memory."""
        for name in SEARCH_PLUGIN_NAMES:
            plugin = config.plugins.get(name)
            if plugin is not None and getattr(plugin, "search_index", None) is not None:
                index = plugin.search_index
                keys = ("lang", "separator", "pipeline", "fields")
                return {"config": {key: index.config[key] for key in keys}, "docs": index.entries}
        return None

    on_post_build = CombinedEvent(_publish, _finish_site)

    def on_build_error(self, *, error):
        # A failed build leaves no site that could be published, not even part of one (nor
        # the last good build's, which a deploy step could mistake for this one). MkDocs'
        # own cleaning, as it does before every build; for the nested Welsh build too.
        if self.site_dir is not None and self.site_dir.is_dir():
            clean_directory(str(self.site_dir))
