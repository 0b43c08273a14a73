"""Page templates and the command that makes a page pair from them."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from leadership.activities.schema import References
from leadership.pages.content_safety import scan_markdown
from leadership.pages.frontmatter import KINDS, SiteContext, check_page, read_front_matter
from leadership.pages.new_page import NewPageError, create_pair, fill, normalise_page, yaml_scalar
from leadership.pages.translation_status import source_hash
from leadership.spelling import Speller, check_markdown

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "templates" / "pages"
FILM = "what-compassionate-leadership-means"
# Where each kind's example page lives, so that the kind's location rule holds.
EXAMPLE_PAGES = {
    "home": "index.md",
    "section": "principles/index.md",
    "principle": "principles/kindness.md",
    "reading": "reading/kindness.md",
    "glossary": "glossary.md",
    "about": "about.md",
    "film": f"films/{FILM}.md",
    "activity": "activities/kindness.md",
}
CONTEXT = SiteContext(
    film_slugs={FILM},
    activity_references=References(
        principle_pages={"en": {"attending"}, "cy": {"attending"}},
        film_titles={FILM: {"en": "A film", "cy": "Ffilm"}},
        film_anchors={(FILM, "en"): {"t-00-28"}, (FILM, "cy"): {"t-00-28"}},
    ),
)
TITLES = {"en": "Kindness", "cy": "Caredigrwydd"}
DESCRIPTIONS = {"en": "Why kindness matters at work.", "cy": "Pam mae caredigrwydd yn bwysig."}


@pytest.fixture
def root(tmp_path) -> Path:
    shutil.copytree(TEMPLATES, tmp_path / "templates" / "pages")
    return tmp_path


@pytest.fixture(scope="module")
def speller(tmp_path_factory) -> Speller:
    return Speller(REPO, cache_file=tmp_path_factory.mktemp("spelling") / "cache.json")


def test_every_kind_has_an_english_and_a_welsh_template():
    names = {path.name for path in TEMPLATES.glob("*.md")}
    assert names == {f"{kind}.{language}.md" for kind in KINDS for language in ("en", "cy")}


@pytest.mark.parametrize("kind", KINDS)
def test_each_template_makes_a_valid_safe_well_spelt_page(kind, speller):
    for language in ("en", "cy"):
        text = fill(
            (TEMPLATES / f"{kind}.{language}.md").read_text(encoding="utf-8"),
            {"title": TITLES[language], "description": DESCRIPTIONS[language], "film": FILM,
             "source": "0123456789ab"},
        )
        shown = f"docs/{language}/{EXAMPLE_PAGES[kind]}"
        assert check_page(shown, text, CONTEXT) == [], (kind, language)
        assert scan_markdown(text, shown) == []
        assert check_markdown(text, shown, language, speller) == [], (kind, language)


def test_a_new_pair_is_written_with_the_welsh_as_a_draft_of_the_english(root):
    pair = create_pair(root, "principle", "principles/kindness", TITLES, DESCRIPTIONS)
    english = root / "docs/en/principles/kindness.md"
    welsh = root / "docs/cy/principles/kindness.md"
    assert pair.files == {"en": english, "cy": welsh}
    front = read_front_matter(welsh.read_text(encoding="utf-8"), "x")
    assert front.data["title"] == "Caredigrwydd"
    assert front.data["translation"] == {"source": source_hash(english), "status": "draft"}
    assert "# Kindness\n" in english.read_text(encoding="utf-8")
    assert pair.nav_lines() == {
        "en": "- Kindness: principles/kindness.md",
        "cy": "- Caredigrwydd: principles/kindness.md",
    }


def test_without_descriptions_the_check_asks_for_them(root):
    create_pair(root, "reading", "reading/kindness", TITLES)
    text = (root / "docs/en/reading/kindness.md").read_text(encoding="utf-8")
    problems = check_page("docs/en/reading/kindness.md", text, CONTEXT)
    assert [(p.rule, p.line, p.message) for p in problems] == [
        ("frontmatter-invalid-value", 3, "description is empty")
    ]


def test_an_existing_page_is_never_overwritten(root):
    existing = root / "docs/cy/principles/kindness.md"
    existing.parent.mkdir(parents=True)
    existing.write_text("mine", encoding="utf-8")
    with pytest.raises(NewPageError, match="docs/cy/principles/kindness.md already exists"):
        create_pair(root, "principle", "principles/kindness", TITLES)
    assert existing.read_text(encoding="utf-8") == "mine"
    assert not (root / "docs/en/principles/kindness.md").exists()


@pytest.mark.parametrize(
    ("given", "page"),
    [
        ("principles/kindness", "principles/kindness.md"),
        ("principles/kindness.md", "principles/kindness.md"),
        ("docs/en/principles/kindness.md", "principles/kindness.md"),
        ("docs/cy/principles/kindness", "principles/kindness.md"),
    ],
)
def test_page_paths_are_read_however_they_are_given(given, page):
    assert normalise_page(given) == page


@pytest.mark.parametrize("given", ["principles/Kindness", "principles/kind ness", "../x", ""])
def test_page_paths_that_would_make_bad_addresses_are_refused(given):
    with pytest.raises(NewPageError):
        normalise_page(given)


def test_a_section_is_made_as_its_folders_index(root):
    pair = create_pair(root, "section", "kindness", TITLES)
    assert pair.page == "kindness/index.md"


def test_kinds_that_live_in_one_place_are_refused_elsewhere(root):
    with pytest.raises(NewPageError, match="film pages are docs/<lang>/films/"):
        create_pair(root, "film", "principles/a-film", TITLES)
    with pytest.raises(NewPageError, match="activity guides are docs/<lang>/activities/"):
        create_pair(root, "activity", "principles/an-activity", TITLES)
    with pytest.raises(NewPageError, match="unknown kind"):
        create_pair(root, "blog", "blog/post", TITLES)


def test_titles_that_need_quotes_in_yaml_get_them():
    assert yaml_scalar("Kindness") == "Kindness"
    assert yaml_scalar("Kindness: at work") == '"Kindness: at work"'
    assert yaml_scalar("2025") == '"2025"'
    assert yaml_scalar("") == '""'


def load_command():
    spec = importlib.util.spec_from_file_location("new_page", REPO / "scripts" / "new_page.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_creates_the_pair_and_prints_the_nav_lines(root, capsys):
    command = load_command()
    arguments = ["film", f"films/{FILM}", "--title-en", "A film", "--title-cy", "Ffilm"]
    assert command.main(arguments, root=root) == 0
    output = capsys.readouterr().out
    assert f"created docs/en/films/{FILM}.md" in output
    assert f"- Ffilm: films/{FILM}.md" in output
    assert f"python3 scripts/translations.py --stamp docs/cy/films/{FILM}.md" in output
    front = read_front_matter((root / f"docs/en/films/{FILM}.md").read_text("utf-8"), "x")
    assert front.data["film"] == FILM
    assert command.main(arguments, root=root) == 2
    assert "already exist" in capsys.readouterr().err
