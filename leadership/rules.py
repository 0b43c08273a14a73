"""Every rule id the build and the checks report, in one registry.

A problem is ``path:line: rule-id: message``; the rule id says which rule was broken, and an
editor looks it up in CONTRIBUTING.md (subtitle rules: docs-dev/subtitle-rules.md; link
rules: docs-dev/link-rules.md). The build (``leadership.plugin``) and every check take
their ids from here, so a rule has one name wherever it is reported. The subtitle rules,
with their thresholds and sources, are defined in ``leadership.subtitles.rules``.

With ``LEADERSHIP_STRICT_RULES=1`` (the test suite sets it) a problem with an id missing
here fails at once (``leadership.reporting.Problem``).
"""

from __future__ import annotations

from functools import cache

# Pages: both languages, front matter (one schema), activity guides, content safety.
PAGE_PARITY = "page-parity"
FRONT_MATTER_MISSING = "frontmatter-missing"
FRONT_MATTER_MISPLACED = "frontmatter-misplaced"
FRONT_MATTER_SYNTAX = "frontmatter-syntax"
FRONT_MATTER_ENCODING = "frontmatter-encoding"
FRONT_MATTER_DUPLICATE_KEY = "frontmatter-duplicate-key"
FRONT_MATTER_UNKNOWN_KEY = "frontmatter-unknown-key"
FRONT_MATTER_MISSING_KEY = "frontmatter-missing-key"
FRONT_MATTER_INVALID_VALUE = "frontmatter-invalid-value"
FRONT_MATTER_KIND_LOCATION = "frontmatter-kind-location"
FRONT_MATTER_PAIR_MISMATCH = "frontmatter-pair-mismatch"
FILM_UNKNOWN = "film-unknown"
TITLE_HEADING = "title-heading"
ACTIVITY_RULES = tuple(
    f"activity-{name}"
    for name in (
        "body", "cue", "duplicate-key", "duration", "film", "group-size", "kind", "link",
        "location", "missing-key", "parity", "principle", "section", "steps-detail", "title",
        "type", "unknown-key",
    )
)
ACTIVITY_LINK = "activity-link"
ACTIVITY_SECTION = "activity-section"
ACTIVITY_LOCATION = "activity-location"
UNSAFE_RULES = (
    "unsafe-script", "unsafe-event-handler", "unsafe-url", "unsafe-iframe", "unsafe-element",
    "unsafe-attribute", "unsafe-style", "unsafe-foreign-source", "unsafe-front-matter",
)
# Nothing from outside the repository, and only the files the site uses.
SYMLINK_OUTSIDE_PROJECT = "symlink-outside-project"
DOCS_FILE_TYPE = "docs-file-type"
DOCS_LOCATION = "docs-location"
SOURCE_TREE_RULES = (SYMLINK_OUTSIDE_PROJECT, DOCS_FILE_TYPE, DOCS_LOCATION)
# Heading ids: the same in both languages, once on a page.
HEADING_ID_PARITY = "heading-id-parity"
HEADING_ID_DUPLICATE = "heading-id-duplicate"
# My learning: each reflection question gets its notes box, the same in both languages;
# every learning page is in the navigation, where My learning finds what there is to learn.
REFLECTION_RULES = ("reflection-questions-list", "reflection-questions-parity")
LEARNING_PAGE_NOT_IN_NAV = "learning-page-not-in-nav"
# mkdocs.yml: YAML that MkDocs can read; every entry of the navigation names a page
# (leadership.pages.navigation).
CONFIG_SYNTAX = "config-syntax"
NAV_PAGE_MISSING = "nav-page-missing"
NAV_PARITY = "nav-parity"

# Translations and spelling.
TRANSLATION_RULES = ("translation-draft", "translation-outdated", "translation-record")
SPELLING = "spelling"
WELSH_DICTIONARY = "welsh-dictionary"

# A source file that cannot be read as text, reported by the check that owns it (subtitles,
# pages); the checks that read it after (spelling, Welsh) leave it to that report.
UNREADABLE_SOURCE_RULES = frozenset(
    {"not-utf8", "unreadable-file", FRONT_MATTER_ENCODING, FRONT_MATTER_MISPLACED}
)


def unreadable_sources(problems) -> frozenset[str]:
    """The files (as problems name them) that ``problems`` say cannot be read."""
    return frozenset(
        problem.path for problem in problems if problem.rule in UNREADABLE_SOURCE_RULES
    )


# Links in the built site (docs-dev/link-rules.md).
BROKEN_LINK = "broken-link"
MISSING_FRAGMENT = "missing-fragment"
PLACEHOLDER_LINK = "placeholder-link"
INSECURE_LINK = "insecure-link"
MALFORMED_MAILTO = "malformed-mailto"
IMAGE_ALT = "image-alt"
MISSING_COUNTERPART = "missing-counterpart"
LANGUAGE_SWITCH = "language-switch"
HREFLANG_ALTERNATE = "hreflang-alternate"
SITEMAP_HREFLANG = "sitemap-hreflang"
ORPHAN_PAGE = "orphan-page"
UNREADABLE_PAGE = "unreadable-page"
EXTERNAL_LINK = "external-link"
LINK_RULES = (
    BROKEN_LINK, MISSING_FRAGMENT, PLACEHOLDER_LINK, INSECURE_LINK, MALFORMED_MAILTO, IMAGE_ALT,
    MISSING_COUNTERPART, LANGUAGE_SWITCH, HREFLANG_ALTERNATE, SITEMAP_HREFLANG, ORPHAN_PAGE,
    UNREADABLE_PAGE, EXTERNAL_LINK,
)

# The offline pack, the build itself, the search evaluation's query file.
OFFLINE_RULES = tuple(
    f"offline-{name}"
    for name in ("folder-link", "missing-file", "outside-pack", "remote-asset", "search")
)
SITE_BUILD = "site-build"
SEARCH_QUERY_RULES = (
    "queries-language", "queries-shape", "queries-unreadable", "queries-yaml", "query-covers",
    "query-cue", "query-form", "query-key", "query-mutation", "query-page-missing",
    "query-pages", "query-text",
)

# Rule id -> the concern that reports it (the subtitle rules are added by ``registry``).
PROJECT_RULES: dict[str, str] = {
    PAGE_PARITY: "pages",
    **{rule: "pages" for rule in (
        FRONT_MATTER_MISSING, FRONT_MATTER_MISPLACED, FRONT_MATTER_SYNTAX, FRONT_MATTER_ENCODING,
        FRONT_MATTER_DUPLICATE_KEY, FRONT_MATTER_UNKNOWN_KEY, FRONT_MATTER_MISSING_KEY,
        FRONT_MATTER_INVALID_VALUE, FRONT_MATTER_KIND_LOCATION, FRONT_MATTER_PAIR_MISMATCH,
        FILM_UNKNOWN, TITLE_HEADING,
    )},
    **{rule: "activities" for rule in ACTIVITY_RULES},
    **{rule: "content safety" for rule in UNSAFE_RULES},
    **{rule: "content safety" for rule in SOURCE_TREE_RULES},
    HEADING_ID_PARITY: "pages",
    HEADING_ID_DUPLICATE: "pages",
    **{rule: "pages" for rule in REFLECTION_RULES},
    LEARNING_PAGE_NOT_IN_NAV: "pages",
    CONFIG_SYNTAX: "pages",
    NAV_PAGE_MISSING: "pages",
    NAV_PARITY: "pages",
    **{rule: "translations" for rule in TRANSLATION_RULES},
    SPELLING: "spelling",
    WELSH_DICTIONARY: "search",
    **{rule: "links" for rule in LINK_RULES},
    **{rule: "offline" for rule in OFFLINE_RULES},
    SITE_BUILD: "build",
    **{rule: "search evaluation" for rule in SEARCH_QUERY_RULES},
}


@cache
def registry() -> dict[str, str]:
    """Every rule id -> the concern that reports it."""
    # Imported here: these modules need leadership.languages, which needs this one. The
    # subtitle rules keep their thresholds and sources, the Welsh checks their own table.
    from leadership import welsh_check
    from leadership.pages import placeholders, source_links
    from leadership.subtitles.rules import RULES as SUBTITLE_RULES

    return {
        **{rule: "subtitles" for rule in SUBTITLE_RULES},
        **{rule: "welsh" for rule in welsh_check.RULES},
        placeholders.RULE: "pages",
        source_links.RULE: "pages",
        **PROJECT_RULES,
    }


def is_registered(rule: str) -> bool:
    return rule in registry()
