"""The link rules, each a check over the site model (``leadership.links.collect``):

- :func:`check_references`: internal addresses resolve to files, fragments to ids, no
  placeholders, external addresses use https, ``mailto:`` is well-formed;
- :func:`check_images`: images have meaningful alt text;
- :func:`check_languages`: every page has its counterpart, and the language switch points
  at it; :func:`check_sitemap`: the ``hreflang`` alternates in sitemap.xml do;
- :func:`check_orphans`: every page is linked from another page.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote, unquote, urlsplit

from lxml import etree

from leadership.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    site_prefix,
)
from leadership.links.collect import (
    EMAIL_ADDRESS,
    FOLLOWED_ELEMENTS,
    GENERIC_ALT,
    IMAGE_FILENAME,
    INDEX_FILE,
    INVALID_PERCENT_ESCAPE,
    LOOPBACK_HOST,
    MESSAGE_URL_LIMIT,
    NOT_FOUND_PAGE,
    PLACEHOLDER_WORD,
    RESERVED_HOST_SUFFIXES,
    RESERVED_HOSTS,
    RESOURCE_ATTRIBUTES,
    SITEMAP_FILE,
    SITEMAP_NAMESPACES,
    SLUG_MARK,
    URL_SCHEME,
    Finding,
    Image,
    Page,
    Reference,
    Site,
    Target,
)
from leadership.links.resolve import (
    _fragment_hint,
    _unquote_or_none,
    fragment_exists,
    resolve,
)
from leadership.reporting import Problem
from leadership.rules import (
    BROKEN_LINK,
    HREFLANG_ALTERNATE,
    IMAGE_ALT,
    INSECURE_LINK,
    LANGUAGE_SWITCH,
    MALFORMED_MAILTO,
    MISSING_COUNTERPART,
    MISSING_FRAGMENT,
    ORPHAN_PAGE,
    PLACEHOLDER_LINK,
    SITEMAP_HREFLANG,
)

# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------


def check_references(site: Site) -> list[Finding]:
    """Broken links, missing fragments, placeholders, insecure links, bad mailto."""
    findings: list[Finding] = []
    for page in site.pages.values():
        for reference in page.references:
            findings.extend(_check_reference(site, page, reference))
    return findings


def _check_reference(site: Site, page: Page, reference: Reference) -> Iterator[Finding]:
    url = reference.url
    if reference.absent:
        what = f"<{reference.tag}>"
        yield _finding(
            reference, BROKEN_LINK, f"{what} has no {reference.attribute}: add the address"
        )
        return
    if reference.attribute == "usemap":
        yield from _check_usemap(page, reference)
        return
    placeholder = placeholder_reason(reference)
    if placeholder:
        yield _finding(reference, PLACEHOLDER_LINK, f"{reference.label} {placeholder}")
        return
    if url == "":
        return  # an empty form action or cite: allowed
    target = reference.target or resolve(site, page, url)
    if target.kind == "mailto":
        reason = mailto_problem(url)
        if reason:
            yield _finding(reference, MALFORMED_MAILTO, f"{reference.label}: {reason}")
    elif target.kind == "external":
        reserved = reserved_host_reason(target)
        if reserved:
            yield _finding(reference, PLACEHOLDER_LINK, f"{reference.label} {reserved}")
        else:
            yield from _check_external(reference, target)
    elif target.kind == "internal":
        yield from _check_internal(site, page, reference, target)
    elif target.kind == "invalid":
        yield _finding(reference, BROKEN_LINK, f"{reference.label} {target.error}")


def _check_usemap(page: Page, reference: Reference) -> Iterator[Finding]:
    name = reference.url
    if not name.startswith("#") or len(name) < 2:
        yield _finding(
            reference, BROKEN_LINK, f'{reference.label}: a usemap must be "#" and a map name'
        )
    elif name[1:] not in page.map_names | page.ids:
        yield _finding(
            reference,
            MISSING_FRAGMENT,
            f'{reference.label}: no <map name="{name[1:]}"> on this page',
        )


def placeholder_reason(reference: Reference) -> str | None:
    """Why an address is a placeholder rather than a destination, or None."""
    url, attribute = reference.url, reference.attribute
    if attribute not in RESOURCE_ATTRIBUTES:
        return "runs a script: give the real address" if _is_script(url) else None
    if url == "":
        return "is empty: give the real address, or remove the link"
    if url == "#":
        return 'goes nowhere ("#"): give the real address, or remove the link'
    if _is_script(url):
        return "runs a script instead of linking: give the real address"
    scheme_match = URL_SCHEME.match(url)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    if scheme == "tel" and not url[4:].strip():
        return "has no telephone number"
    relative = not scheme and not url.startswith("//")
    if relative and PLACEHOLDER_WORD.search(unquote(url) if "%" in url else url):
        return "is a placeholder (TODO): give the real address"
    return None


def reserved_host_reason(target: Target) -> str | None:
    """Why an external address is a stand-in (example.com, localhost), or None."""
    host = (urlsplit(target.url).hostname or "").lower()
    if _is_reserved_host(host):
        return f'points at "{host}", which is reserved for examples: give the real address'
    return None


def _is_script(url: str) -> bool:
    return url.lower().startswith("javascript:")


def _is_reserved_host(host: str) -> bool:
    return (
        host in RESERVED_HOSTS
        or host.endswith(RESERVED_HOST_SUFFIXES)
        or any(host.endswith("." + reserved) for reserved in RESERVED_HOSTS)
        or bool(LOOPBACK_HOST.match(host))
        or ("." not in host and not host.startswith("["))
    )


def mailto_problem(url: str) -> str | None:
    """Why a mailto: address is malformed (RFC 6068), or None."""
    body = url[len("mailto:") :]
    recipients, _, query = body.partition("?")
    bad_escape = INVALID_PERCENT_ESCAPE.search(body)
    if bad_escape:
        return f'"{body[bad_escape.start() : bad_escape.start() + 3]}" is not a valid %-escape'
    addresses = [recipients] if recipients else []
    for pair in query.split("&") if query else []:
        name, _, value = pair.partition("=")
        if name.lower() in ("to", "cc", "bcc") and value:
            addresses.append(value)
    if not addresses:
        return "has no email address"
    for chunk in addresses:
        decoded = _unquote_or_none(chunk)
        if decoded is None:
            return f'"{chunk}" is not UTF-8 once %-decoded'
        for address in decoded.split(","):
            address = address.strip()
            if not EMAIL_ADDRESS.match(address):
                return f'"{address}" is not an email address'
    return None


def _check_external(reference: Reference, target: Target) -> Iterator[Finding]:
    scheme = urlsplit(target.url).scheme
    if scheme in ("http", "ftp"):
        secure = "https" + target.url[len(scheme) :]
        yield _finding(
            reference,
            INSECURE_LINK,
            f"{reference.label} uses {scheme}: link to {secure} (check it works first)",
        )


def _check_internal(
    site: Site, page: Page, reference: Reference, target: Target
) -> Iterator[Finding]:
    if target.error:
        if _covered_by_missing_counterpart(site, page, reference, target):
            return
        yield _finding(reference, BROKEN_LINK, f"{reference.label}: {target.error}")
        return
    if target.fragment is None or not target.path:
        return
    destination = site.pages.get(target.path)
    if destination is None:
        return  # not HTML (a PDF, an image): fragments there are not ids
    if not fragment_exists(destination, target.fragment):
        where = "this page" if destination is page else destination.path
        hint = _fragment_hint(destination, target.fragment)
        yield _finding(
            reference,
            MISSING_FRAGMENT,
            f'{reference.label}: no id "{target.fragment}" on {where}{hint}',
        )


def _covered_by_missing_counterpart(
    site: Site, page: Page, reference: Reference, target: Target
) -> bool:
    """A language link to a counterpart that does not exist is reported once, as such."""
    if not (reference.is_language_switch or reference.is_alternate):
        return False
    language = _primary_subtag(reference.hreflang or "")
    if language not in LANGUAGES or language == page.language:
        return False
    expected = page.counterparts[language]
    return expected not in site.files and target.missing == expected


def _finding(reference: Reference, rule: str, message: str, severity: str = "error") -> Finding:
    return Finding(reference, reference.page, reference.line, rule, message, severity)


def check_images(site: Site) -> list[Finding]:
    """Images without meaningful alt text."""
    findings = []
    for page in site.pages.values():
        for image in page.images:
            reason = alt_problem(image)
            if reason:
                src = image.src[:MESSAGE_URL_LIMIT] if image.src is not None else None
                label = "<img>" if src is None else f'<img src="{src}">'
                findings.append(
                    Finding(image, page.path, image.line, IMAGE_ALT, f"{label} {reason}")
                )
    return findings


def alt_problem(image: Image) -> str | None:
    """Why an image's alt text does not describe it, or None."""
    if image.alt is None:
        return (
            "has no alt attribute: describe the image in alt, or mark it decorative "
            'with alt="" role="presentation"'
        )
    alt = " ".join(image.alt.split())
    if not alt:
        if image.decorative:
            return None
        return (
            "has empty alt text: describe the image, or, if it is decorative, "
            'add role="presentation"'
        )
    file_name = unquote((image.src or "").partition("?")[0].partition("#")[0]).rpartition("/")[2]
    stem = file_name.rsplit(".", 1)[0]
    # A stem counts only when it reads like a slug ("team-meeting", "IMG_0042"):
    # alt="GPL" for gpl.png names what the image shows.
    slug_stem = alt == stem and bool(SLUG_MARK.search(stem))
    if IMAGE_FILENAME.match(alt) or alt == file_name or slug_stem:
        return f'has a file name as alt text ("{alt}"): describe what the image shows'
    if alt.lower() in GENERIC_ALT:
        return f'has alt text "{alt}", which says nothing about it: describe what it shows'
    return None


def check_languages(site: Site) -> list[Finding]:
    """Counterparts, the language switch and the hreflang alternates."""
    findings: list[Finding] = []
    for page in site.pages.values():
        findings.extend(_check_counterparts(site, page))
        if page.is_redirect:
            continue
        findings.extend(_check_language_links(site, page, switch=True))
        findings.extend(_check_language_links(site, page, switch=False))
    return findings


def _check_counterparts(site: Site, page: Page) -> Iterator[Finding]:
    for language in LANGUAGES:
        if language == page.language:
            continue
        counterpart = page.counterparts[language]
        if counterpart not in site.files:
            yield Finding(
                None,
                page.path,
                1,
                MISSING_COUNTERPART,
                f"no {LANGUAGE_NAMES[language]} counterpart: {counterpart} does not exist "
                f"(add docs/{language}/... with the same path as this page's source)",
            )


def _check_language_links(site: Site, page: Page, *, switch: bool) -> Iterator[Finding]:
    """The switch must offer every other language; the alternates must name every language.

    A switch link to the page's own language is optional (Material lists all
    languages, this site's header only the other one), but must lead to the page.
    """
    if switch:
        rule, what = LANGUAGE_SWITCH, "language switch link"
        links = [r for r in page.references if r.is_language_switch]
        missing_line = page.header_line or 1
        required = [language for language in LANGUAGES if language != page.language]
    else:
        rule, what = HREFLANG_ALTERNATE, '<link rel="alternate">'
        links = [r for r in page.references if r.is_alternate]
        missing_line = page.head_line
        # Alternates in the head are optional when sitemap.xml holds them (check_sitemap);
        # a page that has some must have one for every language.
        required = list(LANGUAGES) if links or SITEMAP_FILE not in site.files else []
    seen: set[str] = set()
    for reference in links:
        hreflang = reference.hreflang or ""
        if hreflang.lower() == "x-default":
            language = DEFAULT_LANGUAGE
        else:
            language = _primary_subtag(hreflang)
        if language not in LANGUAGES:
            yield _finding(
                reference, rule, f"{reference.language_label} ({what}) names a language "
                f"the site does not have; it has {', '.join(LANGUAGES)}",
            )  # fmt: skip
            continue
        if hreflang.lower() != "x-default":
            seen.add(language)
        target = reference.target or resolve(site, page, reference.url)
        if target.kind != "internal" or target.error:
            continue  # reported as a broken link or a missing counterpart
        acceptable = _acceptable_language_targets(page, language)
        if target.path not in acceptable:
            yield _finding(
                reference,
                rule,
                f"{reference.language_label}{' (language switch)' * switch} leads to "
                f"{target.path}, not to this page's {LANGUAGE_NAMES[language]} counterpart "
                f"{acceptable[0]}",
            )
    for language in required:
        if language not in seen:
            yield Finding(
                None,
                page.path,
                missing_line,
                rule,
                f'no {what} with hreflang="{language}": add one that leads to '
                f"{page.counterparts[language]}",
            )


def _acceptable_language_targets(page: Page, language: str) -> list[str]:
    """The counterpart; a 404 page may instead offer the other language's home."""
    counterpart = page.counterparts[language]
    if page.path.rpartition("/")[2] == NOT_FOUND_PAGE and page.is_entry_point:
        return [counterpart, site_prefix(language) + INDEX_FILE]
    return [counterpart]


def _primary_subtag(hreflang: str) -> str:
    return hreflang.strip().split("-")[0].lower()


# Said of an orphan found in the built site and of one found in the sources
# (leadership.pages.navigation).
ORPHAN_MESSAGE = (
    "no other page links here and it is not in the navigation: add it to nav in mkdocs.yml "
    "or link it from a page"
)


def check_orphans(site: Site) -> list[Finding]:
    """Pages no other page links to (navigation included), except entry points."""
    linked: set[str] = set()
    for page in site.pages.values():
        for reference in page.references:
            if not _is_followed(reference):
                continue
            target = reference.target or resolve(site, page, reference.url)
            if target.kind == "internal" and target.path and target.path != page.path:
                linked.add(target.path)
    findings = []
    for path, page in site.pages.items():
        if path in linked or page.is_entry_point or page.is_redirect:
            continue
        findings.append(
            Finding(
                None,
                path,
                1,
                ORPHAN_PAGE,
                ORPHAN_MESSAGE,
            )
        )
    return findings


def _is_followed(reference: Reference) -> bool:
    """A link a reader follows: not the language switch, not a <link> or a resource."""
    if reference.tag == "meta":
        return True  # a refresh redirect
    return (
        reference.tag in FOLLOWED_ELEMENTS
        and reference.attribute == "href"
        and not reference.is_language_switch
    )


def check_sitemap(site: Site) -> list[Problem]:
    """Every page in sitemap.xml, with an hreflang alternate for each language that leads to
    its counterpart (mkdocs-static-i18n writes them; the pages' heads do not repeat them)."""
    if SITEMAP_FILE not in site.files:
        return []
    try:
        tree = etree.parse(str(site.root / SITEMAP_FILE))
    except (OSError, etree.XMLSyntaxError) as error:
        return [Problem(SITEMAP_FILE, 1, SITEMAP_HREFLANG, f"cannot be read: {error}")]
    entries: dict[str, tuple[int, dict[str, str]]] = {}
    for url in tree.iterfind("sm:url", SITEMAP_NAMESPACES):
        location = url.findtext("sm:loc", default="", namespaces=SITEMAP_NAMESPACES).strip()
        alternates = {
            link.get("hreflang", ""): link.get("href", "")
            for link in url.iterfind("xhtml:link[@rel='alternate']", SITEMAP_NAMESPACES)
        }
        entries[location] = (url.sourceline or 1, alternates)
    problems = []
    for path, page in sorted(site.pages.items()):
        if page.is_redirect or path.rsplit("/", 1)[-1] == NOT_FOUND_PAGE:
            continue
        address = _sitemap_address(site, path)
        if address not in entries:
            problems.append(Problem(
                SITEMAP_FILE, 1, SITEMAP_HREFLANG,
                f"{address} ({path}) is not listed: it has no hreflang alternates anywhere",
            ))
            continue
        line, alternates = entries[address]
        for language in LANGUAGES:
            expected = _sitemap_address(site, page.counterparts[language])
            if alternates.get(language) != expected:
                problems.append(Problem(
                    SITEMAP_FILE, line, SITEMAP_HREFLANG,
                    f"{address}: the hreflang=\"{language}\" alternate is "
                    f"{alternates.get(language) or 'missing'}, not {expected}",
                ))
    return problems


def _sitemap_address(site: Site, path: str) -> str:
    """A page's public address as a sitemap writes it: a folder's index as the folder."""
    directory_path = path.removesuffix(INDEX_FILE) if path.endswith(INDEX_FILE) else path
    return f"{site.origin}{site.base_path}{quote(directory_path)}"
