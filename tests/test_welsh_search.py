"""Welsh-aware search as built into the site and run by Material's own search worker.

The first tests check the built indexes. The rest drive Material's worker in Chromium
with a small Welsh index written for the test, so each behaviour is checked on text
chosen to show it: mutations both ways, exact forms first, no flood from ambiguous
reversals, stop words, apostrophes, accents, and Material's own result handling.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from harness.search_evaluation import build_site as build_with_search
from harness.testing import PROJECT_ROOT, build_site, copy_project, serve
from lxml import html as lxml_html

from leadership import welsh
from leadership.search import index as search_index
from leadership.site_i18n import SEARCH_INDEX

# One worker runs this module when the suite runs in parallel: its module fixtures are made once.
pytestmark = pytest.mark.xdist_group("welsh-search")

WORKER_MESSAGE = {"setup": 0, "ready": 1, "query": 2, "result": 3}


def read_index(site_dir: Path, prefix: str = "") -> dict:
    return json.loads((site_dir / prefix / SEARCH_INDEX).read_text(encoding="utf-8"))


# --- The built site ---------------------------------------------------------------------------


def test_the_welsh_index_is_welsh_and_the_english_index_is_as_material_makes_it(site_dir):
    english, welsh_index = read_index(site_dir), read_index(site_dir, "cy")
    assert english["config"]["lang"] == ["en"]
    assert english["config"]["separator"] == "[\\s\\-]+"
    assert english["config"]["pipeline"] == ["stopWordFilter"]
    assert welsh_index["config"]["lang"] == ["cy"]
    assert welsh_index["config"]["separator"] == welsh.SEPARATOR
    assert welsh_index["config"]["pipeline"] == ["trimmer", "stopWordFilter"]
    assert "stemmer" not in welsh_index["config"]["pipeline"]
    assert welsh_index["config"]["fields"] == english["config"]["fields"]


def test_material_finds_the_welsh_plugin_where_it_looks_for_lunr_languages(site_dir):
    # Material's worker imports ../lunr/min/lunr.<lang>.min.js, relative to itself.
    workers = list((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert len(workers) == 1
    plugin = (workers[0].parent / ".." / "lunr" / "min" / "lunr.cy.min.js").resolve()
    assert plugin == (site_dir / search_index.WELSH_PLUGIN).resolve()
    assert plugin.is_file()


def test_the_welsh_data_travels_in_front_of_the_plugin(site_dir):
    plugin = site_dir / search_index.WELSH_PLUGIN
    data = search_index.plugin_data(plugin)
    assert data["stopWords"] == sorted(welsh.STOP_WORDS)
    assert data["lexicon"]["dosturiol"] == ["tosturiol"]
    assert data["lexicon"]["nghymru"] == ["cymru"]
    # Written once, in front of the plugin's own code, which follows unchanged.
    source = (PROJECT_ROOT / "overrides" / search_index.WELSH_PLUGIN).read_text(encoding="utf-8")
    assert plugin.read_text(encoding="utf-8").endswith(source)
    assert search_index.plugin_data(PROJECT_ROOT / "overrides" / search_index.WELSH_PLUGIN) is None


def test_writing_the_data_again_replaces_it(tmp_path):
    plugin = tmp_path / "lunr.cy.min.js"
    plugin.write_text("/* code */\n", encoding="utf-8")
    search_index.write_plugin_data(plugin, {"lexicon": {"a": ["b"]}})
    search_index.write_plugin_data(plugin, {"lexicon": {"fam": ["mam"]}})
    assert search_index.plugin_data(plugin) == {"lexicon": {"fam": ["mam"]}}
    assert plugin.read_text(encoding="utf-8").count("welshSearchData") == 1
    assert plugin.read_text(encoding="utf-8").endswith("/* code */\n")


# Every transcript cue on a built page: a span with an id and the class cl-cue.
CUE_IDS = '//span[contains(concat(" ", normalize-space(@class), " "), " cl-cue ")]/@id'


@pytest.mark.parametrize("prefix", ["", "cy/"])
def test_every_film_cue_has_an_entry_that_opens_the_film_at_the_cue(site_dir, prefix):
    index = read_index(site_dir, prefix)
    film_pages = {
        entry["location"].split("#")[0]
        for entry in index["docs"]
        if entry["location"].startswith("films/") and entry["location"].count("/") > 1
    }
    assert film_pages, "no film pages in the index"
    for page in film_pages:
        tree = lxml_html.fromstring((site_dir / prefix / page / "index.html").read_bytes())
        cue_ids = tree.xpath(CUE_IDS)
        assert cue_ids, page
        entries = {
            entry["location"].split("#")[1]: entry
            for entry in index["docs"]
            if entry["location"].startswith(page + "#t-")
        }
        assert sorted(entries) == sorted(cue_ids), page
        for cue_id, entry in entries.items():
            cue = tree.xpath(f'//*[@id="{cue_id}"]//*[contains(@class, "cl-cue__text")]')[0]
            assert entry["text"] == " ".join(cue.text_content().split()).replace("&", "&amp;")
            assert entry["title"].count(":") == 1  # the time, as the page shows it
        # The transcript section keeps its heading but not the cues' text.
        transcript = [e for e in index["docs"] if e["location"] == f"{page}#transcript"]
        assert len(transcript) == 1
        first_cue = next(iter(entries.values()))["text"]
        assert first_cue not in transcript[0]["text"]
        # No cue's text is in the index twice: none in the page's other entries.
        others = [e["text"] for e in index["docs"]
                  if e["location"].split("#")[0] == page and e["location"].split("#")[-1]
                  not in entries]
        assert others, page
        # (A cue the page also quotes outside its transcript is fairly in that section too.)
        for section in tree.xpath("//section[@data-cl-transcript]"):
            section.getparent().remove(section)
        outside = " ".join(tree.text_content().split())
        long_cues = [e["text"] for e in entries.values()
                     if len(e["text"]) >= 30 and e["text"] not in outside]
        assert long_cues, page
        assert not [cue for cue in long_cues if any(cue in text for text in others)], page
        # The cues follow it, in the order of the film.
        locations = [entry["location"] for entry in index["docs"]]
        start = locations.index(f"{page}#transcript") + 1
        assert locations[start : start + len(cue_ids)] == [f"{page}#{i}" for i in cue_ids]


def test_material_default_search_can_be_built_for_comparison(tmp_path):
    project = copy_project(tmp_path / "project")
    result = build_with_search(tmp_path / "site", "material", project_dir=project)
    assert result.returncode == 0, result.stdout + result.stderr
    index = read_index(tmp_path / "site", "cy")
    assert index["config"]["lang"] == ["en"]
    assert not any("#t-" in entry["location"] for entry in index["docs"])
    assert search_index.plugin_data(tmp_path / "site" / search_index.WELSH_PLUGIN) is None


def test_an_unknown_search_mode_fails_the_build_with_a_message(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv(search_index.SEARCH_MODE_VARIABLE, "lunr")
    result = build_site(tmp_path / "site", project_dir=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "Plugin 'leadership' option 'search': Sub-option 'mode': "
        "Expected one of: ('project', 'material') but received: 'lunr'"
    ) in output
    assert "Traceback" not in output


# --- Material's worker with the Welsh plugin, on a Welsh index made for the test -----------

DOCS = {
    "exact/": "Rhaid meithrin tosturi cyn bod ei angen.",
    "soft/": "Arweinyddiaeth dosturiol: dosturiol, dosturiol, dosturiol.",
    "inclusive/": "Arweinyddiaeth gynhwysol.",
    "aspirate/": "Dangosodd ei thosturi hi at y staff.",
    "nasal/": "Gwaith da yng Nghymru a'r gymuned.",
    "radical/": "Cymorth i Cymru gyfan.",
    "mother/": "Mae'r fam yn gofalu am ei phlant.",
    "model/": "Model newydd o oruchwylio.",
    "either/": "Nid oedd hi'n gwybod chwaith.",
    "challenge/": "Mae'r her yn fawr.",
    "apostrophe/": "Maen nhw'n gweithio i wireddu'r nod.",
    "house/": "Daeth y tîm i'r tŷ.",
    "clitics/": "Mae'r staff a'u teuluoedd yn ddiolchgar i'w gilydd.",
}


@pytest.fixture(scope="module")
def welsh_worker(site_dir, tmp_path_factory, browser):
    """A page running Material's search worker on DOCS, with the data the build would write."""
    root = tmp_path_factory.mktemp("welsh-worker")
    shutil.copytree(site_dir / "assets", root / "assets")
    docs = [{"location": "", "title": "Hafan", "text": ""}] + [
        {"location": location, "title": location.strip("/"), "text": f"<p>{text}</p>"}
        for location, text in DOCS.items()
    ]
    data = welsh.search_data(search_index.index_vocabulary(docs), welsh.default_dictionary())
    search_index.write_plugin_data(root / search_index.WELSH_PLUGIN, data)
    (root / "index.html").write_text("<!doctype html><html lang=cy><title>t</title>", "utf-8")
    config = search_index.welsh_index_config(read_index(site_dir)["config"])
    worker = next((root / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    with serve(root) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        page.evaluate(
            """async ([url, index, setup]) => {
                window.searchWorker = new Worker(url);
                await new Promise(resolve => {
                    window.searchWorker.onmessage = resolve;
                    window.searchWorker.postMessage({type: setup, data: index});
                });
            }""",
            [
                url + worker.relative_to(root).as_posix(),
                {"config": config, "docs": docs, "options": {"suggest": False}},
                WORKER_MESSAGE["setup"],
            ],
        )
        yield page
        context.close()


def search(page, query: str) -> list[dict]:
    """Send a query as Material sends what is typed; the matching items, best first."""
    groups = page.evaluate(
        """([query, type]) => new Promise(resolve => {
            window.searchWorker.onmessage = event => resolve(event.data.data.items);
            window.searchWorker.postMessage({type: type, data: query});
        })""",
        [query, WORKER_MESSAGE["query"]],
    )
    return sorted(
        (item for group in groups for item in group if item["score"] > 0),
        key=lambda item: -item["score"],
    )


def locations(results: list[dict]) -> list[str]:
    return [item["location"] for item in results]


@pytest.mark.browser
def test_a_radical_query_finds_every_mutation_and_ranks_the_exact_form_first(welsh_worker):
    results = search(welsh_worker, "tosturi")
    assert set(locations(results)) == {"exact/", "soft/", "aspirate/"}
    # The soft page says dosturiol three times more, but the exact form still ranks first.
    assert locations(results)[0] == "exact/"


@pytest.mark.browser
@pytest.mark.parametrize("query", ["nhosturi", "dosturi", "thosturi"])
def test_a_mutated_query_finds_the_radical_and_the_other_mutations(welsh_worker, query):
    assert {"exact/", "soft/", "aspirate/"} <= set(locations(search(welsh_worker, query)))


@pytest.mark.browser
def test_cymru_finds_yng_nghymru_and_nghymuned_finds_gymuned(welsh_worker):
    assert set(locations(search(welsh_worker, "Cymru"))) == {"nasal/", "radical/"}
    assert locations(search(welsh_worker, "yng Nghymru"))[0] == "nasal/"
    assert locations(search(welsh_worker, "nghymuned")) == ["nasal/"]


@pytest.mark.browser
def test_ambiguous_reversals_do_not_flood(welsh_worker):
    # fam is the soft form of mam (bam is no word); mam finds it...
    assert locations(search(welsh_worker, "mam")) == ["mother/"]
    # ...but fod (from bod or mod) does not find model, a word of its own,
    assert "model/" not in locations(search(welsh_worker, "fod"))
    # and gwaith does not find chwaith through a radical cwaith the dictionary rejects.
    assert locations(search(welsh_worker, "gwaith")) == ["nasal/"]


@pytest.mark.browser
def test_no_english_stop_words_on_welsh_text(welsh_worker):
    # "her" (challenge) is an English stop word, and a Welsh content word.
    assert locations(search(welsh_worker, "her")) == ["challenge/"]


@pytest.mark.browser
def test_welsh_stop_words_and_apostrophes(welsh_worker):
    # mae'r splits into two stop words; the query keeps its one content word.
    assert locations(search(welsh_worker, "mae'r her")) == ["challenge/"]
    # wireddu'r: the article leans on a mutated word that is still found from its radical.
    assert locations(search(welsh_worker, "gwireddu")) == ["apostrophe/"]
    # A query of stop words alone is still searched, as typed.
    assert search(welsh_worker, "yr") == []


@pytest.mark.browser
@pytest.mark.parametrize("query", ["ty", "tŷ", "TŶ"])
def test_accents_are_optional(welsh_worker, query):
    assert "house/" in locations(search(welsh_worker, query))


@pytest.mark.browser
def test_mutation_matches_are_highlighted_and_not_reported_missing(welsh_worker):
    soft = next(item for item in search(welsh_worker, "tosturi") if item["location"] == "soft/")
    assert soft["terms"] == {"tosturi": True}
    assert "<mark>dosturiol</mark>" in soft["text"]
    assert soft["text"].count("<mark>") == 4


@pytest.mark.browser
def test_required_and_prohibited_words_hold_for_every_form(welsh_worker):
    # Material turns a quoted phrase into required words.
    assert set(locations(search(welsh_worker, '"tosturi staff"'))) == {"aspirate/"}
    assert locations(search(welsh_worker, "arweinyddiaeth -tosturiol")) == ["inclusive/"]


# --- On the real site -----------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "query", "film", "said"),
    [
        ("cy/", "dihangfa", "cy/films/what-compassionate-leadership-means/", "ddihangfa"),
        ("cy/", "nghynhyrchiant", "cy/films/leading-in-a-crisis/", "chynhyrchiant"),
        ("", "candles", "films/what-compassionate-leadership-means/", "candles"),
    ],
)
def test_a_cue_hit_opens_the_film_page_at_the_cue(page, site_url, start, query, film, said):
    page.goto(site_url + start)
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    box.press_sequentially(query, delay=20)
    cue_link = page.locator(f'li.md-search-result__item a[href*="/{film}"][href*="#t-"]').first
    cue_link.wait_for(state="attached", timeout=10_000)
    anchor = cue_link.get_attribute("href").split("#")[1]
    cue_link.evaluate("link => link.click()")  # it may sit in a collapsed "more" list
    page.wait_for_url(f"**/{film}**#{anchor}")
    target = page.locator(f'[id="{anchor}"]')
    assert "cl-cue" in target.get_attribute("class")
    assert said in target.inner_text()


def test_a_film_pages_entries_go_once_after_its_last_entry():
    docs = [{"location": "a/"}, {"location": "a/#x"}, {"location": "ab/"},
            {"location": "z/"}, {"location": "a/#late"}]
    noted = {"a/": [{"location": "a/#transcript"}, {"location": "a/#t-00-01"}],
             "z/": [{"location": "z/#transcript"}]}
    result, added = search_index.with_cue_entries(docs, noted)
    assert [entry["location"] for entry in result] == [
        "a/", "a/#x", "ab/", "z/", "z/#transcript", "a/#late", "a/#transcript", "a/#t-00-01"
    ]
    assert added == 3
