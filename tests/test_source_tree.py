"""Nothing from outside the repository reaches the site, and docs/ holds only pages and the
files they use: each problem at its file, in the page check and in the build, never a
traceback."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from harness.testing import build_site, minimal_mkdocs_yml

from leadership.pages.checks import check_pages

PAGE = """---
title: A page
description: A page.
kind: home
---

# A page
"""
WELSH_PAGE = PAGE.replace(
    "kind: home\n", 'kind: home\ntranslation:\n  source: "0123456789ab"\n  status: draft\n'
)
SECRET = "SECRET-VALUE-FROM-OUTSIDE"


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for language, text in (("en", PAGE), ("cy", WELSH_PAGE)):
        (root / "docs" / language).mkdir(parents=True)
        (root / "docs" / language / "index.md").write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(minimal_mkdocs_yml(), encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "page.md").write_text(PAGE.replace("# A page", SECRET), encoding="utf-8")
    return root


def found(root: Path) -> list[tuple[str, int, str]]:
    problems, _ = check_pages(root)
    return [(p.path, p.line, p.rule) for p in problems]


def test_a_link_out_of_the_project_in_docs_is_refused_and_never_read(tmp_path):
    root = project(tmp_path)
    (root / "docs/en/secret.md").symlink_to(tmp_path / "outside" / "page.md")
    (root / "docs/cy/secret.md").symlink_to(tmp_path / "outside" / "page.md")
    (root / "docs/en/environment.png").symlink_to("/proc/self/environ")
    (root / "docs/cy/folder").symlink_to(tmp_path / "outside", target_is_directory=True)
    problems, _ = check_pages(root)
    assert [(p.path, p.line, p.rule) for p in problems] == [
        ("docs/cy/folder", 1, "symlink-outside-project"),
        ("docs/cy/secret.md", 1, "symlink-outside-project"),
        ("docs/en/environment.png", 1, "symlink-outside-project"),
        ("docs/en/secret.md", 1, "symlink-outside-project"),
    ]
    assert all(SECRET not in str(problem) for problem in problems)


def test_a_link_to_nothing_and_links_round_a_loop_are_called_what_they_are(tmp_path):
    root = project(tmp_path)
    (root / "docs/en/first.png").symlink_to("second.png")
    (root / "docs/en/second.png").symlink_to("first.png")
    (root / "docs/cy/gone.png").symlink_to("no-such-picture.png")
    problems, _ = check_pages(root)
    assert [str(problem) for problem in problems] == [
        "docs/cy/gone.png:1: symlink-outside-project: a link to 'no-such-picture.png', which "
        "does not exist: correct the link, or put the file itself here",
        "docs/en/first.png:1: symlink-outside-project: a link to 'second.png', which leads back "
        "round to itself (links that point at each other): put the file itself here",
        "docs/en/second.png:1: symlink-outside-project: a link to 'first.png', which leads back "
        "round to itself (links that point at each other): put the file itself here",
    ]


def test_a_link_within_the_project_is_allowed(tmp_path):
    root = project(tmp_path)
    (root / "docs/en/picture.png").write_bytes(b"\x89PNG")
    (root / "docs/cy/picture.png").symlink_to(root / "docs/en/picture.png")
    assert found(root) == []


def test_a_link_out_of_the_project_in_transcripts_is_refused(tmp_path):
    root = project(tmp_path)
    (root / "transcripts/media").mkdir(parents=True)
    (root / "transcripts/media/film.mp4").symlink_to(tmp_path / "outside" / "secret.txt")
    assert found(root) == [("transcripts/media/film.mp4", 1, "symlink-outside-project")]


@pytest.mark.parametrize(
    ("name", "rule", "words"),
    [
        ("docs/root.md", "docs-location", "docs/en/ or docs/cy/"),
        ("docs/assets/x.png", "docs-location", "docs/en/ or docs/cy/"),
        ("docs/en/page.html", "docs-file-type", "page.html"),
        ("docs/cy/picture.svg", "docs-file-type", "picture.svg"),
        ("docs/en/script.js", "docs-file-type", "script.js"),
        ("docs/en/notes.markdown", "docs-file-type", "rename notes.markdown to notes.md"),
    ],
)
def test_files_the_site_does_not_use_are_named(tmp_path, name, rule, words):
    root = project(tmp_path)
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text("<script>alert(1)</script>", encoding="utf-8")
    problems, _ = check_pages(root)
    assert [(p.path, p.line, p.rule) for p in problems] == [(name, 1, rule)]
    assert words in problems[0].message


def test_dot_files_are_left_alone_as_mkdocs_leaves_them(tmp_path):
    root = project(tmp_path)
    (root / "docs/en/.DS_Store").write_bytes(b"\0")
    assert found(root) == []


@pytest.mark.build
def test_the_build_refuses_links_out_and_stray_files_before_publishing_anything(tmp_path):
    root = project(tmp_path)
    (root / "docs/en/secret.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (root / "docs/root.md").write_text(PAGE, encoding="utf-8")
    (root / "docs/cy/page.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(site, project_dir=root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "docs/en/secret.txt:1: symlink-outside-project:" in output
    assert "docs/root.md:1: docs-location:" in output
    assert "docs/cy/page.html:1: docs-file-type:" in output
    published = [p for p in site.rglob("*") if p.is_file()] if site.exists() else []
    assert all(SECRET not in p.read_text(errors="replace") for p in published)
    assert not (site / "cy/page.html").exists()


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


@pytest.mark.build
@pytest.mark.parametrize("where", ["the source check", "the rendered page"])
def test_a_failed_build_leaves_no_site_behind(tmp_path, where):
    root = project(tmp_path)
    site = tmp_path / "site"
    assert build_site(site, project_dir=root).returncode == 0
    assert (site / "index.html").is_file()
    unsafe = (
        "<script>alert(1)</script>" if where == "the source check"
        # Found only in the HTML Markdown renders (the allowlist, in on_page_content).
        else "<svg><style><img src=x onerror=alert(1)></style></svg>"
    )
    page = root / "docs/en/index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{unsafe}\n", encoding="utf-8")
    result = build_site(site, project_dir=root)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "docs/en/index.md:9: unsafe-" in result.stdout + result.stderr
    assert list(site.iterdir()) == []


def test_no_check_reads_a_link_out_of_the_project(tmp_path):
    """Refused once as symlink-outside-project; spelling, Welsh and parity never open it
    (the spelling check used to print the linked file's words)."""
    from leadership.languages import source_pages
    from leadership.pages.frontmatter import page_files
    from leadership.spelling import project_files
    from leadership.welsh_check import welsh_files

    outside = tmp_path / "secret.txt"
    outside.write_text("SECRETWORD\n", encoding="utf-8")
    project = tmp_path / "project"
    for language in ("en", "cy"):
        (project / "docs" / language).mkdir(parents=True)
        (project / "docs" / language / "index.md").write_text("# Home\n", encoding="utf-8")
        (project / "docs" / language / "leak.md").symlink_to(outside)
    read = [path for _, path, _ in project_files(project)]
    read += welsh_files(project) + [path for _, path in page_files(project / "docs")]
    assert read and not any(path.name == "leak.md" for path in read)
    assert source_pages(project / "docs", "cy") == {"index.md"}
