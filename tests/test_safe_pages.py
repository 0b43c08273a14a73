"""The allowlist's passes, remembered between builds (leadership/pages/safe_pages.py): a
rebuild reads only the pages that changed, and nothing but this machine's own earlier
verdicts can vouch for a page."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from leadership.pages import allowlist, safe_pages
from leadership.pages.checks import RenderedPage
from leadership.pages.safe_pages import SafePages, machine_key

SAFE = '<h2 id="a">Title</h2><p>Words and <a href="../b/">a link</a>.</p>'
UNSAFE = '<p>Words</p><img src="x" onerror="alert(1)">'


class Page:
    """The parts of leadership.content.Page a RenderedPage reads."""

    text = "# Title\n\nWords\n"
    shown = "docs/en/page.md"
    src_uri = "en/page.md"


@pytest.fixture
def counted(monkeypatch):
    """How many times the allowlist read a page."""
    reads = []
    real = allowlist.unsafe_parts

    def unsafe_parts(html, hosts=()):
        reads.append(html)
        return real(html, hosts)

    monkeypatch.setattr("leadership.pages.checks.unsafe_parts", unsafe_parts)
    return reads


def test_a_page_that_passed_is_not_read_again_by_the_next_build(tmp_path, counted):
    key = os.urandom(32)
    first = SafePages(tmp_path / "safe.json", tmp_path, key)
    assert RenderedPage.read(Page(), SAFE, safe_pages=first).findings == ()
    first.save()
    assert len(counted) == 1
    second = SafePages(tmp_path / "safe.json", tmp_path, key)
    assert RenderedPage.read(Page(), SAFE, safe_pages=second).findings == ()
    assert len(counted) == 1  # remembered
    # A changed page, or the same page with other allowed hosts, is read again.
    RenderedPage.read(Page(), SAFE + "<p>More</p>", safe_pages=second)
    RenderedPage.read(Page(), SAFE, ("example.org",), safe_pages=second)
    assert len(counted) == 3


def test_a_page_with_findings_is_read_and_reported_every_time(tmp_path, counted):
    key = os.urandom(32)
    for _ in range(2):
        remembered = SafePages(tmp_path / "safe.json", tmp_path, key)
        found = RenderedPage.read(Page(), UNSAFE, safe_pages=remembered)
        assert [finding.rule for finding in found.findings] == ["unsafe-event-handler"]
        remembered.save()
    assert len(counted) == 2


def test_verdicts_made_under_another_key_vouch_for_nothing(tmp_path, counted):
    """A .cache committed in a pull request, restored by CI or copied from another machine:
    its digests were not made with this machine's key, so every page is read again and the
    hostile page is reported."""
    attacker = SafePages(tmp_path / "safe.json", tmp_path, os.urandom(32))
    attacker.remember(UNSAFE)
    attacker.save()
    here = SafePages(tmp_path / "safe.json", tmp_path, os.urandom(32))
    assert not here.known(UNSAFE)
    found = RenderedPage.read(Page(), UNSAFE, safe_pages=here)
    assert found.findings
    assert len(counted) == 1


def test_a_tampered_or_damaged_file_is_a_miss(tmp_path):
    key = os.urandom(32)
    kept = SafePages(tmp_path / "safe.json", tmp_path, key)
    kept.remember(SAFE)
    kept.save()
    data = json.loads((tmp_path / "safe.json").read_text())
    digest = next(iter(data["answers"]))
    data["answers"][digest] = "yes"  # not the one answer a verdict has
    (tmp_path / "safe.json").write_text(json.dumps(data))
    assert not SafePages(tmp_path / "safe.json", tmp_path, key).known(SAFE)
    (tmp_path / "safe.json").write_text("{not json")
    assert not SafePages(tmp_path / "safe.json", tmp_path, key).known(SAFE)


def test_a_change_to_the_allowlist_forgets_every_verdict(tmp_path, monkeypatch):
    key = os.urandom(32)
    kept = SafePages(tmp_path / "safe.json", tmp_path, key)
    kept.remember(SAFE)
    kept.save()
    assert SafePages(tmp_path / "safe.json", tmp_path, key).known(SAFE)
    monkeypatch.setattr(safe_pages, "allowlist_stamp", lambda: "another allowlist")
    assert not SafePages(tmp_path / "safe.json", tmp_path, key).known(SAFE)


def test_the_key_is_made_once_outside_the_project_and_readable_by_its_owner_only(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    key = machine_key()
    path = tmp_path / "home-cache" / "compassionate-leadership" / "safe-pages.key"
    assert key is not None and len(key) == 32 and path.read_bytes() == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert machine_key() == key


def test_without_a_key_nothing_is_remembered_and_every_page_is_read(tmp_path, monkeypatch,
                                                                     counted):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    tmp_path = tmp_path / "project"
    tmp_path.mkdir()
    remembered = SafePages(tmp_path / "safe.json", tmp_path)
    assert remembered.key is None
    for _ in range(2):
        RenderedPage.read(Page(), SAFE, safe_pages=remembered)
    remembered.save()
    assert len(counted) == 2
    assert not (tmp_path / "safe.json").exists()


def committed_key_and_verdict(project: Path) -> None:
    """What a hostile pull request could commit: a key of its own inside the project, and
    its HMAC of a page with an event handler, as a remembered pass."""
    key = b"A" * 32
    folder = project / ".cache" / "compassionate-leadership"
    folder.mkdir(parents=True)
    (folder / "safe-pages.key").write_bytes(key)
    (folder / "safe-pages.key").chmod(0o600)
    forged = SafePages(project / ".cache" / "safe-pages-build.json", project, key)
    forged.remember(UNSAFE)
    forged.save()


@pytest.mark.parametrize("cache_home", [".cache", "{project}/.cache"])
def test_a_key_inside_the_project_vouches_for_nothing(tmp_path, monkeypatch, counted,
                                                      cache_home):
    """XDG_CACHE_HOME relative (the XDG specification says to ignore it) or pointing into
    the project (as a CI job keeping its caches might set it): the committed key is not
    used, and the page is read and reported."""
    project = tmp_path / "project"
    committed_key_and_verdict(project)
    monkeypatch.chdir(project)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", cache_home.format(project=project))
    here = SafePages(project / ".cache" / "safe-pages-build.json", project)
    assert here.key is None or here.key != b"A" * 32
    found = RenderedPage.read(Page(), UNSAFE, safe_pages=here)
    assert [finding.rule for finding in found.findings] == ["unsafe-event-handler"]
    assert len(counted) == 1


def test_a_key_others_can_read_or_a_link_is_not_used(tmp_path):
    path = tmp_path / "home-cache" / "safe-pages.key"
    path.parent.mkdir()
    path.write_bytes(b"B" * 32)
    path.chmod(0o644)
    assert machine_key(path) is None
    path.chmod(0o600)
    assert machine_key(path) == b"B" * 32
    link = tmp_path / "home-cache" / "link.key"
    link.symlink_to(path)
    assert machine_key(link) is None


def test_the_digest_keeps_hosts_and_page_apart(tmp_path):
    remembered = SafePages(tmp_path / "safe.json", tmp_path, os.urandom(32))
    remembered.remember("b<p>x</p>", ["a"])
    assert not remembered.known("<p>x</p>", ["ab"])
    assert not remembered.known("\0b<p>x</p>", ["a"])
    assert remembered.known("b<p>x</p>", ["a"])
