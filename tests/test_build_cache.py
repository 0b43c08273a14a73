"""What the build keeps in .cache between runs changes how long it takes, never what it makes."""

from __future__ import annotations

import filecmp
import json
import marshal
import os
import pickle
import subprocess
from pathlib import Path

import jinja2
import jinja2.bccache
import pytest
from harness.testing import build_site, copy_project

from leadership import welsh
from leadership.build_cache import (
    CACHE_DIR,
    TEMPLATE_CACHE,
    StampedCache,
    TemplateCache,
    read_json,
    stamp,
    write_json,
)
from leadership.print_offline import handout


def test_a_missing_or_damaged_cache_reads_as_empty(tmp_path):
    assert read_json(tmp_path / "none.json") == {}
    (tmp_path / "damaged.json").write_text('{"stamp": "a", "answ', encoding="utf-8")
    assert read_json(tmp_path / "damaged.json") == {}
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    assert read_json(tmp_path / "list.json") == {}


def test_a_cache_that_cannot_be_written_is_not_an_error(tmp_path):
    (tmp_path / "file").write_text("", encoding="utf-8")
    write_json(tmp_path / "file" / "cache.json", {"a": 1})  # its folder is a file
    assert not list(tmp_path.glob("**/*.tmp"))


def test_answers_are_kept_for_their_stamp_only(tmp_path):
    path = tmp_path / "answers.json"
    cache = StampedCache(path, stamp("dictionary 1"))
    cache.put("radical:mam", True)
    cache.save()
    assert StampedCache(path, stamp("dictionary 1")).get("radical:mam") is True
    assert "radical:mam" not in StampedCache(path, stamp("dictionary 2"))


def test_saving_keeps_only_the_answers_asked_for(tmp_path):
    path = tmp_path / "answers.json"
    cache = StampedCache(path, "s")
    cache.put("old", 1)
    cache.put("kept", 2)
    cache.save()
    again = StampedCache(path, "s")
    assert again.get("kept") == 2
    again.save()
    assert read_json(path) == {"stamp": "s", "answers": {"kept": 2}}


def test_stamps_tell_their_parts_apart():
    assert stamp("ab", "c") != stamp("a", "bc")
    assert stamp(b"x") == stamp("x")


def test_remembered_dictionary_answers_as_the_dictionary_does(tmp_path):
    words = ["mam", "fam", "dosturi", "tosturi", "nhîm", "phandemig", "cyd", "zzzz"]
    dictionary = welsh.default_dictionary()
    first = welsh.RememberedDictionary(tmp_path / "answers.json")
    assert welsh.search_data(words, first) == welsh.search_data(words, dictionary)
    assert first.loaded
    first.save()
    second = welsh.RememberedDictionary(tmp_path / "answers.json")
    assert welsh.search_data(words, second) == welsh.search_data(words, dictionary)
    assert not second.loaded  # every answer came from the cache


def test_a_changed_dictionary_is_asked_again(tmp_path):
    answers = tmp_path / "answers.json"
    first = welsh.RememberedDictionary(answers)
    first.is_radical("mam")
    first.save()
    changed = tmp_path / "index"
    for suffix in (".aff", ".dic"):
        data = welsh.DICTIONARY.with_suffix(suffix).read_text(encoding="utf-8")
        changed.with_suffix(suffix).write_text(data + ("\n" if suffix == ".aff" else ""), "utf-8")
    second = welsh.RememberedDictionary(answers, changed)
    assert second.is_radical("mam")
    assert second.loaded


def test_qr_codes_come_back_from_the_cache_unchanged(tmp_path, monkeypatch):
    address = "https://example.org/cy/gweithgareddau/x/"
    codes = handout.QrCodes(tmp_path / "qr.json")
    made = codes.svg(address, "Cod QR")
    assert made == handout.qr_svg(address, "Cod QR")
    codes.save()

    def no_segno(*_):
        raise AssertionError("the code should have come from the cache")

    monkeypatch.setattr(handout, "qr_svg", no_segno)
    assert handout.QrCodes(tmp_path / "qr.json").svg(address, "Cod QR") == made
    # The title is part of the question: another title is another code.
    with pytest.raises(AssertionError, match="from the cache"):
        handout.QrCodes(tmp_path / "qr.json").svg(address, "QR code")


@pytest.mark.timeout(300)
def test_a_build_with_the_cache_makes_the_same_site_as_one_without(tmp_path):
    project = copy_project(tmp_path / "project", cache=False)
    assert not (project / CACHE_DIR).exists()
    cold = build_site(tmp_path / "cold", project_dir=project)
    assert cold.returncode == 0, cold.stdout + cold.stderr
    cached = sorted(path.name for path in (project / CACHE_DIR).iterdir())
    assert cached == ["qr-codes.json", "safe-pages-build.json", TEMPLATE_CACHE,
                      "welsh-check-verdicts.json", "welsh-dictionary-answers.json"]
    warm = build_site(tmp_path / "warm", project_dir=project)
    assert warm.returncode == 0, warm.stdout + warm.stderr

    comparison = filecmp.dircmp(tmp_path / "cold", tmp_path / "warm")
    different = []

    def collect(node, prefix=""):
        different.extend(prefix + name for name in node.diff_files + node.left_only
                         + node.right_only)
        for name, child in node.subdirs.items():
            collect(child, f"{prefix}{name}/")

    collect(comparison)
    # sitemap.xml.gz holds the time it was written; everything else is the same.
    assert [name for name in different if not name.endswith(".gz")] == []
    assert json.loads((tmp_path / "warm" / "cy" / "search" / "search_index.json").read_text())


def test_an_answer_of_the_wrong_shape_is_a_miss_not_a_value(tmp_path):
    path = tmp_path / "answers.json"
    write_json(path, {"stamp": "s", "answers": {"good": True, "bad": "<script>x</script>"}})
    cache = StampedCache(path, "s", valid=lambda question, answer: isinstance(answer, bool))
    assert "good" in cache and "bad" not in cache


def test_a_kept_qr_code_with_markup_in_it_is_worked_out_again(tmp_path):
    path = tmp_path / "qr.json"
    codes = handout.QrCodes(path)
    real = codes.svg("https://example.org/a/", "QR code")
    codes.save()
    kept = read_json(path)
    [question] = kept["answers"]
    hostile = real.replace("<path", '<script>alert(1)</script><path')
    write_json(path, {**kept, "answers": {question: hostile}})
    assert handout.QrCodes(path).svg("https://example.org/a/", "QR code") == real
    write_json(path, {**kept, "answers": {question: ["not", "markup"]}})
    assert handout.QrCodes(path).svg("https://example.org/a/", "QR code") == real


def test_a_kept_dictionary_answer_that_is_not_true_or_false_is_asked_again(tmp_path):
    path = tmp_path / "answers.json"
    first = welsh.RememberedDictionary(path)
    expected = first.knows("mam")
    first.save()
    kept = read_json(path)
    write_json(path, {**kept, "answers": {"known:mam": "yes"}})
    assert welsh.RememberedDictionary(path).knows("mam") is expected


@pytest.mark.timeout(300)
def test_a_warm_build_loads_no_dictionary_and_compiles_no_template(tmp_path, monkeypatch):
    """The Welsh check and the Welsh search ask one dictionary, saved once: a rebuild finds
    every answer it needs in .cache, and every template compiled."""
    from leadership.site_build import build_site as build_in_process

    project = copy_project(tmp_path / "project", cache=False)
    assert build_in_process(project, tmp_path / "cold") == []

    def no_dictionary(*_args, **_kwargs):
        raise AssertionError("the warm build loaded the Welsh dictionary")

    monkeypatch.setattr(welsh, "WelshDictionary", no_dictionary)
    monkeypatch.setattr(welsh, "default_dictionary", no_dictionary)
    compiled = []
    compile_template = jinja2.Environment.compile

    def counted(environment, source, name=None, *args, **kwargs):
        if name is not None:  # a template file's (from_string's have no name)
            compiled.append(name)
        return compile_template(environment, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    assert build_in_process(project, tmp_path / "warm") == []
    # But for what Material's search plugin renders in an environment of its own (the name
    # of the language), no template is compiled again.
    assert [name for name in compiled if not name.startswith("partials/language")] == []


KEY = b"k" * 32  # this machine's key, in these tests


def _template_environments(folder: Path, cache: TemplateCache):
    """MkDocs' kind of environment (no escaping) and the project's (escaping), one cache."""
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache)
    return plain, plain.overlay(autoescape=True)


def test_a_template_compiled_to_escape_is_never_run_by_an_environment_that_does_not(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<p>{{ text }}</p>", encoding="utf-8")
    cache = TemplateCache(tmp_path / "compiled", KEY)
    for first_escaping in (True, False):  # the second round reads what the first kept
        plain, escaping = _template_environments(tmp_path / "templates", cache)
        for environment in (escaping, plain) if first_escaping else (plain, escaping):
            rendered = environment.get_template("page.html").render(text="<b>")
            assert rendered == ("<p>&lt;b&gt;</p>" if environment is escaping else "<p><b></p>")
    assert len(list((tmp_path / "compiled").iterdir())) == 2


def _one_compiled(tmp_path: Path, key: bytes = KEY) -> tuple[Path, Path]:
    """The template folder, and the one compiled template its first render kept."""
    (tmp_path / "templates").mkdir(parents=True, exist_ok=True)
    (tmp_path / "templates" / "page.html").write_text("<p>{{ text }}</p>", encoding="utf-8")
    folder = tmp_path / "compiled"
    plain, _ = _template_environments(tmp_path / "templates", TemplateCache(folder, key))
    plain.get_template("page.html")
    [kept] = folder.iterdir()
    return folder, kept


def _escapes(tmp_path: Path, folder: Path, key: bytes | None = KEY) -> bool:
    _, escaping = _template_environments(tmp_path / "templates", TemplateCache(folder, key))
    return escaping.get_template("page.html").render(text="<b>") == "<p>&lt;b&gt;</p>"


def test_a_compiled_template_no_key_here_made_is_never_run(tmp_path):
    """Compiled templates are code: one committed, restored or copied from elsewhere (here,
    code that does not escape, under the escaping template's name) is compiled again."""
    folder, kept = _one_compiled(tmp_path, key=b"elsewhere" * 4)
    _, escaping = _template_environments(tmp_path / "templates", TemplateCache(folder, KEY))
    escaping.get_template("page.html")
    escaped = next(path for path in folder.iterdir() if path != kept)
    escaped.write_bytes(kept.read_bytes())  # another machine's, plain, at the escaping name
    assert _escapes(tmp_path, folder)
    # Nor one of this machine's moved to another template's name: the tag covers the name.
    _, mine = _one_compiled(tmp_path / "mine")
    escaped.write_bytes(mine.read_bytes())
    assert _escapes(tmp_path, folder)
    # Without a key nothing is kept, and nothing is read.
    assert _escapes(tmp_path, tmp_path / "unkept", key=None)
    assert not (tmp_path / "unkept").exists() or not list((tmp_path / "unkept").iterdir())


def test_a_compiled_template_of_this_machine_that_is_not_code_is_compiled_again(tmp_path):
    folder, _ = _one_compiled(tmp_path)
    cache = TemplateCache(folder, KEY)
    _, escaping = _template_environments(tmp_path / "templates", cache)
    source, filename, _ = escaping.loader.get_source(escaping, "page.html")
    bucket = cache.get_bucket(escaping, "page.html", filename, source)
    data = jinja2.bccache.bc_magic + pickle.dumps(bucket.checksum, 2) + marshal.dumps(42)
    Path(cache._get_cache_filename(bucket)).write_bytes(cache._tag(bucket, data) + data)
    assert _escapes(tmp_path, folder)


def test_a_damaged_or_linked_compiled_template_is_compiled_again(tmp_path):
    folder, kept = _one_compiled(tmp_path)
    data = kept.read_bytes()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(data)
    damaged = (
        data[:40],  # cut short
        data[:-1] + b"x",  # its tag no longer matches
        b"\0" * 64,
    )
    for version in (*damaged, None):
        kept.unlink()
        if version is None:
            kept.symlink_to(elsewhere)  # a link: not read
        else:
            kept.write_bytes(version)
        assert _escapes(tmp_path, folder)
    linked = tmp_path / "linked"
    linked.symlink_to(folder, target_is_directory=True)  # a folder reached through a link
    assert _escapes(tmp_path, linked)
    (tmp_path / "file").write_text("", encoding="utf-8")
    unwritable = TemplateCache(tmp_path / "file" / "compiled", KEY)  # its folder is a file
    plain, _ = _template_environments(tmp_path / "templates", unwritable)
    assert plain.get_template("page.html").render(text="x") == "<p>x</p>"


def test_the_cache_is_never_read_or_written_through_a_link(tmp_path):
    """A repository could commit a link in .cache: to a file elsewhere, to a FIFO or
    /dev/zero that would stall the build, or at the name of a file being written."""
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"stamp": "x"}', encoding="utf-8")
    cache = tmp_path / ".cache"
    cache.mkdir()
    (cache / "linked.json").symlink_to(elsewhere)
    assert read_json(cache / "linked.json") == {}
    os.mkfifo(cache / "fifo.json")
    assert read_json(cache / "fifo.json") == {}  # at once: not waiting for a writer
    (cache / f"kept.json.{os.getpid()}.tmp").symlink_to(elsewhere)
    write_json(cache / "kept.json", {"answers": {}})
    assert elsewhere.read_text(encoding="utf-8") == '{"stamp": "x"}'
    assert read_json(cache / "kept.json") == {"answers": {}}


def test_nothing_in_the_cache_folder_is_committed():
    """The cache holds answers the checks trust (the Welsh dictionary's, the QR codes): a
    committed copy could answer for words no dictionary has. It stays on the machine that
    made it (and in CI's own cache), never in the repository."""
    root = Path(__file__).resolve().parents[1]
    assert f"{CACHE_DIR}/" in (root / ".gitignore").read_text(encoding="utf-8").split()
    tracked = subprocess.run(
        ["git", "ls-files", "--", CACHE_DIR], cwd=root, capture_output=True, text=True,
        check=True,
    ).stdout.split()
    assert not tracked, f"committed under {CACHE_DIR}/: git rm --cached {' '.join(tracked)}"
