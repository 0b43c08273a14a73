"""Reporting the link checks: every finding at the line where its element's start tag
begins, the external addresses and where they are used, and the check's output."""

from __future__ import annotations

import bisect
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from io import StringIO
from pathlib import Path
from typing import TextIO

from lxml import etree

from leadership.links.collect import (
    CHECK_NAME,
    INDEX_FILE,
    NEWLINE,
    NOT_NEWLINE,
    RAW_TEXT,
    Finding,
    Image,
    Reference,
    Site,
    _clean_url,
    parse_srcset,
)
from leadership.links.resolve import (
    resolve,
)
from leadership.links.rules import (
    _finding,
    check_images,
    check_languages,
    check_orphans,
    check_references,
    check_sitemap,
    reserved_host_reason,
)
from leadership.reporting import Problem, report
from leadership.rules import (
    EXTERNAL_LINK,
)

# --------------------------------------------------------------------------
# Lines: libxml2 reports where a start tag ends; readers want where it starts
# --------------------------------------------------------------------------


def to_problems(site: Site, findings: Iterable[Finding]) -> list[Problem]:
    """Problems, each at the line where its element's start tag begins.

    libxml2 gives the line of a start tag's closing ">", which differs from the
    line it starts on when its attributes span lines.
    """
    by_page: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_page[finding.page].append(finding)
    problems = []
    for path, page_findings in by_page.items():
        page = site.pages.get(path)
        located = [f for f in page_findings if f.reference is not None]
        starts = _start_lines(page.source, located) if page and located else {}
        problems.extend(f.problem(starts.get(id(f))) for f in page_findings)
    return problems


def _start_lines(source: bytes, findings: list[Finding]) -> dict[int, int]:
    """Where each finding's element starts, for those that do not start on their line."""
    lines = source.split(b"\n")
    elsewhere = [f for f in findings if not _starts_on_its_line(lines, f)]
    if not elsewhere:
        return {}
    text = source.decode("utf-8")
    root = etree.fromstring(source, etree.HTMLParser(encoding="utf-8", remove_comments=True))
    if root is None:
        return {}
    masked = RAW_TEXT.sub(lambda m: NOT_NEWLINE.sub(" ", m.group()), text)
    newlines = [match.start() for match in NEWLINE.finditer(masked)]
    starts: dict[int, int] = {}
    by_tag: dict[str, list[Finding]] = defaultdict(list)
    for finding in elsewhere:
        by_tag[_tag_of(finding)].append(finding)
    for tag, tag_findings in by_tag.items():
        elements = list(root.iter(tag))
        openings = [m.start() for m in re.finditer(rf"<{tag}(?=[\s/>])", masked, re.IGNORECASE)]
        if len(elements) != len(openings):
            continue  # the source and the tree disagree: keep libxml2's lines
        lines_at = [bisect.bisect_right(newlines, offset - 1) + 1 for offset in openings]
        for finding in tag_findings:
            for element, line in zip(elements, lines_at, strict=True):
                if element.sourceline == finding.line and _matches(element, finding.reference):
                    if line <= finding.line:
                        starts[id(finding)] = line
                    break
    return starts


def _tag_of(finding: Finding) -> str:
    return "img" if isinstance(finding.reference, Image) else finding.reference.tag


def _starts_on_its_line(lines: list[bytes], finding: Finding) -> bool:
    """The common case, seen without parsing again: the tag and its address on one line."""
    if not 0 < finding.line <= len(lines):
        return False
    line = lines[finding.line - 1]
    reference = finding.reference
    address = reference.src if isinstance(reference, Image) else reference.url
    opening = re.compile(rb"<" + _tag_of(finding).encode() + rb"[\s/>]", re.IGNORECASE)
    return (address or "").encode("utf-8") in line and opening.search(line) is not None


def _matches(element: etree._Element, reference: Reference | Image | None) -> bool:
    if isinstance(reference, Image):
        return element.get("src") == reference.src
    if reference is None:
        return False
    value = element.get(reference.attribute)
    if reference.absent:
        return value is None
    if reference.attribute == "content":
        return value is not None
    if value is None:
        return False
    if reference.attribute == "srcset":
        return reference.url in parse_srcset(value) or not reference.url
    return _clean_url(value) == reference.url


# --------------------------------------------------------------------------
# External addresses
# --------------------------------------------------------------------------


def external_addresses(site: Site) -> dict[str, list[tuple[str, int]]]:
    """Every external http(s) or ftp address and where it is used, sorted by address."""
    findings = []
    for page in site.pages.values():
        for reference in page.references:
            target = reference.target or resolve(site, page, reference.url)
            if target.kind == "external" and not reserved_host_reason(target):
                findings.append(_finding(reference, EXTERNAL_LINK, target.url))
    uses: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for use in to_problems(site, findings):  # at the line where each element starts
        uses[use.message].add((use.path, use.line))
    return {url: sorted(where) for url, where in sorted(uses.items())}


def check_site(site: Site) -> list[Problem]:
    """Every check, with each problem's line at the start of its element."""
    findings = [
        *check_references(site),
        *check_images(site),
        *check_languages(site),
        *check_orphans(site),
    ]
    return sorted({*site.unreadable, *to_problems(site, findings), *check_sitemap(site)})


# --------------------------------------------------------------------------
# Configuration and output
# --------------------------------------------------------------------------


def site_url_from_site(root: Path) -> str | None:
    """The address a built site was built for: its home page's canonical link, which MkDocs
    writes from site_url (None when the home page has none or cannot be read). The site
    knows what it was built for; mkdocs.yml's ``!ENV [SITE_URL, ...]`` knows only the
    environment the checker runs in."""
    try:
        tree = etree.parse(str(root / INDEX_FILE), etree.HTMLParser(encoding="utf-8"))
    except (OSError, etree.LxmlError):
        return None
    found = tree.xpath("//head/link[@rel='canonical']/@href") if tree.getroot() is not None else []
    value = str(found[0]).strip() if found else ""
    return value or None


def site_url_from_config(config_path: Path) -> str | None:
    """site_url from an mkdocs.yml, or None when it has none or cannot be read."""
    import yaml  # only the command line needs it

    class TolerantLoader(yaml.SafeLoader):
        """Ignores tags such as !ENV and !!python/name that mkdocs.yml may use."""

    TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        from yaml_env_tag import construct_env_tag  # MkDocs' own !ENV [VARIABLE, default]

        TolerantLoader.add_constructor("!ENV", construct_env_tag)
    except ImportError:
        pass
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=TolerantLoader)
    except (OSError, UnicodeError, yaml.YAMLError):
        return None
    value = config.get("site_url") if isinstance(config, dict) else None
    return value if isinstance(value, str) and value.strip() else None


def render(
    problems: list[Problem],
    pages: int,
    external: dict[str, list[tuple[str, int]]],
    output_format: str = "text",
    stream: TextIO | None = None,
    checked_external: bool = False,
) -> int:
    """Report as every check does, plus the external addresses; return the exit code."""
    buffer = StringIO()
    exit_code = report(CHECK_NAME, problems, pages, "pages", output_format, buffer)
    output = buffer.getvalue()
    if output_format == "json":
        data = json.loads(output)
        data["external"] = [
            {"url": url, "uses": [{"path": p, "line": n} for p, n in uses]}
            for url, uses in external.items()
        ]
        data["external_checked"] = checked_external
        output = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        lines = output.rstrip("\n").split("\n")
        status = "checked" if checked_external else "listed, not checked (use --external)"
        count = len(external)
        lines[-1] += f"; {count} external address{'es' * (count != 1)} {status}"
        output = "\n".join(lines) + "\n"
    (stream or sys.stdout).write(output)
    return exit_code
