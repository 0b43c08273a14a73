"""Every link, anchor, image and language counterpart in a built site, in four steps:

- ``collect``: each built HTML file read once into the site model;
- ``resolve``: each address resolved once, to a file and an id in it, or an outside address;
- ``rules``: the link rules, each a check over the model (docs-dev/link-rules.md);
- ``report``: each problem at the line its element starts on, and the check's output.

``external`` checks outside addresses over the network (``--external``, never in tests).
The names below are what scripts/check_links.py, scripts/check_all.py and the tests use.
"""

from leadership.links.collect import (
    CHECK_NAME,
    PLACEHOLDER_ORIGIN,
    RULES,
    Image,
    Page,
    Reference,
    Site,
    SiteError,
    Target,
    parse_srcset,
    read_site,
    split_site_url,
)
from leadership.links.report import (
    check_site,
    external_addresses,
    render,
    site_url_from_config,
    site_url_from_site,
    to_problems,
)
from leadership.links.resolve import fragment_exists, remove_dot_segments, resolve
from leadership.links.rules import (
    alt_problem,
    check_images,
    check_languages,
    check_orphans,
    check_references,
    check_sitemap,
    mailto_problem,
    placeholder_reason,
    reserved_host_reason,
)
from leadership.rules import EXTERNAL_LINK

__all__ = [
    "CHECK_NAME", "EXTERNAL_LINK", "PLACEHOLDER_ORIGIN", "RULES", "Image", "Page", "Reference",
    "Site", "SiteError", "Target", "alt_problem", "check_images", "check_languages",
    "check_orphans", "check_references", "check_site", "check_sitemap", "external_addresses",
    "fragment_exists", "mailto_problem", "parse_srcset", "placeholder_reason", "read_site",
    "remove_dot_segments", "render", "reserved_host_reason", "resolve", "site_url_from_config",
    "site_url_from_site",
    "split_site_url", "to_problems",
]
