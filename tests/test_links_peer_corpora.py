"""The link checker against other link checkers' test fixtures and their expected outcomes.

The fixtures stay in ../shared/peer-corpora/links/ (see its INDEX.md): htmltest, lychee,
hyperlink and linkchecker. Where this checker deliberately differs from a peer, the
difference is pinned here, with the reason, and listed in docs-dev/link-rules.md.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest
from peer_corpora import corpus_folder

from leadership import links

CORPUS = corpus_folder("links")
HTMLTEST = CORPUS / "htmltest"

# What each peer folder is used for, or why it is not: nothing in the corpus is skipped silently.
NOT_COMPARED = {
    "lychee/fixtures/offline": "its outcome is lychee refusing root-relative links without "
    "--root-dir; this checker always knows the site root",
    "lychee/fixtures/fallback-extensions": "needs --fallback-extensions (extensionless URLs)",
    "lychee/fixtures/fragments-fallback-extensions": "needs --fallback-extensions",
    "lychee/fixtures/filechecker": "Markdown input only",
    "linkchecker/tests/checker/data/html5.html": "its link targets were not copied into the corpus",
    "linkchecker/tests/checker/data/misc.html": "its link targets were not copied into the corpus",
}


@pytest.fixture(scope="module")
def corpus() -> Path:
    return CORPUS


def problems_for(root: Path, page: str | None = None) -> list:
    """The generic checks (no bilingual ones: peers' fixtures are one-language pages)."""
    site = links.read_site(root)
    findings = links.check_references(site) + links.check_images(site)
    problems = links.to_problems(site, findings) + site.unreadable
    return sorted(p for p in problems if page is None or p.path == page)


def rules(problems) -> Counter:
    return Counter(p.rule for p in problems)


# ---- htmltest: per-file expected issue counts ------------------------------------------

# htmltest's issue messages, as the rule that catches the same thing here.
HTMLTEST_MESSAGE_RULES = {
    "target does not exist": "broken-link",
    "target is a directory, no index": "broken-link",
    "bad reference": "broken-link",
    "src attribute missing": "broken-link",
    "<link> missing href": "broken-link",
    "hash does not exist": "missing-fragment",
    "alt attribute missing": "image-alt",
    "alt text empty": "image-alt",
    "alt text contains only whitespace": "image-alt",
    "src attribute empty": "placeholder-link",
    "<a> empty hash": "placeholder-link",
    "<a> href blank": "placeholder-link",
    "<link> href blank": "placeholder-link",
    "tel is empty": "placeholder-link",
    "mailto is empty": "malformed-mailto",
    "invalid email address": "malformed-mailto",
    "cannot decode email": "malformed-mailto",
    "usemap empty": "broken-link",
    "only fragment starting with # allowed": "broken-link",
}

# fixture -> (what this checker reports instead of htmltest's count, why)
HTMLTEST_DEVIATIONS: dict[str, tuple[Counter, str]] = {
    "images/ignorableImages.html": (
        Counter({"insecure-link": 1}),
        "no ignore markers (data-proofer-ignore): the built site must be clean",
    ),
    "images/ignorableImagesChildren.html": (
        Counter({"insecure-link": 2}),
        "no ignore markers (data-proofer-ignore)",
    ),
    "links/ignorableLinks.html": (
        Counter({"broken-link": 2, "missing-fragment": 1, "insecure-link": 1}),
        "no ignore markers (data-proofer-ignore)",
    ),
    "links/ignorableLinksChildren.html": (
        Counter({"broken-link": 2, "missing-fragment": 1, "insecure-link": 1}),
        "no ignore markers (data-proofer-ignore)",
    ),
    "images/srcSetCheck.html": (
        Counter({"broken-link": 2}),
        "<source srcset> is checked (htmltest skips it; lychee, hyperlink and linkinator "
        "also report these two missing files)",
    ),
    "images/srcSetMissingImage.html": (
        Counter({"broken-link": 3}),
        "<source srcset> is checked, and an <img> with only a srcset has an address "
        "(notreal.png, which does not exist)",
    ),
    "images/srcSetMissingAlt.html": (
        Counter({"broken-link": 2, "image-alt": 1}),
        "<source srcset> is checked",
    ),
    "images/badImagesInPre.html": (
        Counter({"image-alt": 10, "broken-link": 6, "placeholder-link": 2}),
        "an image with no src and an empty alt has two problems (htmltest counts one)",
    ),
    "images/usemapMapDoesNotExist.html": (
        Counter({"missing-fragment": 1, "image-alt": 1}),
        'alt="alt text" is placeholder alt text',
    ),
    "images/usemapEmpty.html": (
        Counter({"broken-link": 1, "image-alt": 1}),
        'alt="alt text" is placeholder alt text',
    ),
    "images/usemapInLink.html": (
        Counter(),
        "usemap inside <a> is an HTML conformance rule, not a link problem",
    ),
    "images/usemapInButton.html": (
        Counter(),
        "usemap inside <button> is an HTML conformance rule, not a link problem",
    ),
    "links/link_directory_without_slash.html": (
        Counter(),
        "a folder without its trailing slash is redirected by the server (as lychee)",
    ),
    "links/javascript_link.html": (
        Counter({"placeholder-link": 1}),
        "javascript: links are placeholders on this site",
    ),
    "links/other_protocols.html": (
        Counter({"placeholder-link": 1}),
        "ftp.example.com is a reserved example domain",
    ),
}


def htmltest_rows() -> list[dict]:
    """The offline, default-option, not-skipped rows whose fixture was copied."""
    rows = {}
    with (CORPUS / "htmltest_expected.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            usable = (
                row["needs_network_or_vcr"] == "no"
                and row["skipped"] == "no"
                and not row["options"]
                and row["expected_issue_count"] != ""
                and (HTMLTEST / row["fixture"]).exists()
            )
            if usable:
                rows.setdefault(row["fixture"], row)
    return list(rows.values())


def expected_rules(messages: str) -> set[str]:
    found = set()
    for message in filter(None, (m.strip() for m in messages.split(";"))):
        text = re.sub(r" x\d+$", "", message).strip('\\"')
        rule = next((r for key, r in HTMLTEST_MESSAGE_RULES.items() if text.startswith(key)), None)
        assert rule, f"no rule for htmltest message {message!r}"
        found.add(rule)
    return found


def test_htmltest_rows_compared(corpus):
    # Guards the selection: if the corpus or the filter changes, this says so.
    assert len(htmltest_rows()) == 69
    fixtures = {row["fixture"].removeprefix("htmltest/fixtures/") for row in htmltest_rows()}
    assert set(HTMLTEST_DEVIATIONS) <= fixtures


@pytest.mark.parametrize("row", htmltest_rows(), ids=lambda row: row["fixture"])
def test_htmltest_fixture(corpus, row):
    path = HTMLTEST / row["fixture"]
    fixture = row["fixture"].removeprefix("htmltest/fixtures/")
    found = problems_for(path) if path.is_dir() else problems_for(path.parent, path.name)
    if fixture in HTMLTEST_DEVIATIONS:
        ours, why = HTMLTEST_DEVIATIONS[fixture]
        assert why
        assert rules(found) == ours
        return
    assert len(found) == int(row["expected_issue_count"]), found
    assert expected_rules(row["expected_messages"]) <= set(rules(found))


# ---- lychee: fragments, root-relative links, directories -------------------------------


def test_lychee_fragments_in_html(corpus):
    found = problems_for(corpus / "lychee/fixtures/fragments", "file.html")
    urls = {(p.rule, re.search(r'href="([^"]*)"', p.message).group(1)) for p in found}
    assert urls == {
        ("missing-fragment", "#in-the-end"),
        ("missing-fragment", "#in-THE-begiNNing"),  # ids are case-sensitive
        # Deviation: lychee accepts "#" as "top of the page"; here it is a placeholder.
        ("placeholder-link", "#"),
    }
    # Successes lychee expects: an id containing a literal "%3A", an umlaut id raw and
    # percent-encoded, "#top", and a fragment into a Markdown file (not HTML: not checked).


# Links written in lychee's fixtures/fragments/file1.md, resolved as if on a page in that
# folder. Markdown targets and Markdown heading slugs are out of scope (the built site has
# no Markdown), so only links to folders, HTML and other files are compared.
LYCHEE_MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
LYCHEE_ERRORS = {
    "sub_dir_non_existing_1/",
    "sub_dir_non_existing_2",
    "sub_dir/#non-existing-fragment-1",
    "sub_dir#non-existing-fragment-2",
    "empty_dir/#non-existing-fragment-3",
    "empty_dir#non-existing-fragment-4",
}
LYCHEE_DEVIATIONS = {
    # lychee's test expects an error; its own fixture calls the link "Good". The server
    # redirects sub_dir to sub_dir/ and keeps the fragment, which is on sub_dir/index.html.
    "sub_dir#a-link-inside-index-html-inside-sub-dir": "ok",
    # lychee without --index-files accepts any folder; with --index-files index.html (the
    # reference command for this site) it does not: a folder with no index.html is a 404.
    "empty_dir/": "error",
    "empty_dir": "error",
}


def outcome(site, page, url) -> str:
    target = links.resolve(site, page, url)
    if target.error:
        return "error"
    destination = site.pages.get(target.path)
    if target.fragment is not None and destination is not None:
        return "ok" if links.fragment_exists(destination, target.fragment) else "error"
    return "ok"


def test_lychee_fragment_links_from_markdown(corpus):
    folder = corpus / "lychee/fixtures/fragments"
    site = links.read_site(folder)
    page = links.Page("file1.md")
    written = LYCHEE_MARKDOWN_LINK.findall((folder / "file1.md").read_text(encoding="utf-8"))
    compared = [url for url in written if not url.startswith(("#", "http")) and ".md" not in url]
    assert len(compared) == 17
    for url in compared:
        expected = LYCHEE_DEVIATIONS.get(url, "error" if url in LYCHEE_ERRORS else "ok")
        assert outcome(site, page, url) == expected, url


def test_lychee_resolve_paths_from_root_dir(corpus):
    found = problems_for(corpus / "lychee/fixtures/resolve_paths_from_root_dir")
    # lychee: 7 links, 5 OK, 2 errors (nested/about/index.html#missing, nested/index.html#bad)
    assert [(p.path, p.rule) for p in found] == [
        ("nested/index.html", "missing-fragment"),
        ("nested/index.html", "missing-fragment"),
    ]
    assert "#missing" in found[0].message and "#bad" in found[1].message


def test_lychee_resolve_paths(corpus):
    # lychee: index.html has 3 links, all OK (root, a folder, a folder with a space).
    assert problems_for(corpus / "lychee/fixtures/resolve_paths", "index.html") == []


def test_lychee_invalid_utf8_text_file_is_not_read_as_a_page(corpus):
    found = problems_for(corpus / "lychee/fixtures/invalid_utf8")
    # lychee: the one link is OK. Deviation: https://example.com is a reserved example domain.
    assert [(p.path, p.rule) for p in found] == [("index.html", "placeholder-link")]


def test_every_corpus_file_reads_without_an_exception(corpus):
    for folder in ("lychee/fixtures", "htmltest", "hyperlink/testdata", "linkchecker"):
        site = links.read_site(corpus / folder)
        links.check_site(site)
        assert site.pages


# ---- hyperlink -------------------------------------------------------------------------


def test_hyperlink_internal_fragments(corpus):
    found = problems_for(corpus / "hyperlink/testdata/internalfragment")
    assert [(p.path, p.rule) for p in found] == [
        ("multi-page2.html", "missing-fragment"),
        ("singlepage.html", "missing-fragment"),
    ]


def test_hyperlink_fragment_identifier(corpus):
    found = problems_for(corpus / "hyperlink/testdata/fragmentIdentifier")
    assert [(p.path, p.rule) for p in found] == [("index.html", "missing-fragment")]
    assert "#definitely-broken" in found[0].message  # and /subdir/#fine is fine


def test_hyperlink_name_identifier_deviation(corpus):
    # hyperlink accepts <div name="fine"> as a target. Browsers do not: only an id, or the
    # name of an <a>, is a fragment target (HTML, "find a potential indicated element").
    found = problems_for(corpus / "hyperlink/testdata/nameIdentifier")
    assert rules(found) == Counter({"missing-fragment": 2})


def test_hyperlink_recursive(corpus):
    found = problems_for(corpus / "hyperlink/testdata/recursive")
    assert [(p.path, p.rule) for p in found if p.rule != "image-alt"] == [
        ("page.html", "missing-fragment")
    ]
    # Deviation: hyperlink does not check alt text; one image has alt="", one has none.
    assert rules(found)["image-alt"] == 2


def test_hyperlink_missing_link(corpus):
    found = problems_for(corpus / "hyperlink/testdata", "missing-link.html")
    assert [p.rule for p in found] == ["broken-link"]


def test_hyperlink_pretty_url_deviation(corpus):
    # hyperlink resolves "extensionless" to extensionless.html, as some hosts do. MkDocs
    # never writes such links and a plain static server does not serve them: broken here.
    found = problems_for(corpus / "hyperlink/testdata/pretty-url")
    assert [(p.rule, p.line) for p in found] == [("broken-link", 12), ("broken-link", 13)]


# ---- linkchecker -----------------------------------------------------------------------


def test_linkchecker_name_anchors_are_all_valid(corpus):
    data = corpus / "linkchecker/tests/checker/data"
    for page in ("anchor.html", "anchor1.html", "anchor2.html", "anchor3.html"):
        assert problems_for(data, page) == []


def test_linkchecker_url_encoded_anchors(corpus):
    found = problems_for(corpus / "linkchecker/tests/checker/data", "urlencoding_anchor.html")
    missing = {
        unquote(re.search(r'no id "([^"]*)"', p.message).group(1))
        for p in found
        if p.rule == "missing-fragment"
    }
    # linkchecker warns about these two anchors (it reports two spellings of one once).
    assert missing == {"bad", "bad_|_(and—em-dashes)"}
    assert len(found) == 3


@pytest.mark.parametrize("page", ["utf8.html", "cp1250.html", "iso8859-2.html"])
def test_linkchecker_charsets(corpus, page):
    folder = corpus / "linkchecker/tests/checker/data/charsets"
    found = problems_for(folder, page)
    # linkchecker: file.html and img.png are errors (not in the folder); nothing else.
    assert [(p.rule, p.line) for p in found] == [("broken-link", 2), ("broken-link", 3)]
    (image,) = links.read_site(folder).pages[page].images
    assert image.alt.startswith("Žluťoučký kúň")  # decoded by the declared charset


def test_linkchecker_deviations(corpus):
    data = corpus / "linkchecker/tests/checker/data"
    # linkchecker ignores javascript: URLs; here they are placeholders.
    assert rules(problems_for(data, "file.html")) == Counter({"placeholder-link": 1})
    # localhost is a stand-in, not a destination; %E4 is not UTF-8, which RFC 6068 requires
    # (linkchecker decodes it with the page's Latin-1 charset). The raw "ö" address is fine.
    assert rules(problems_for(data, "file_url_quote.html")) == Counter(
        {"placeholder-link": 3, "malformed-mailto": 1}
    )


def test_not_compared_folders_exist(corpus):
    for folder, why in NOT_COMPARED.items():
        assert (corpus / folder).exists(), folder
        assert why
