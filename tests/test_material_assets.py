"""Material's search worker is found in the installed theme, not named by its hash."""

from __future__ import annotations

import json
import re

import pytest

from leadership.search.material_assets import THEME_FOLDER, MissingAsset, search_worker

CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def test_the_worker_is_the_one_file_material_ships():
    worker = search_worker()
    assert re.fullmatch(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js", worker)
    assert (THEME_FOLDER / worker).is_file()


def test_a_theme_without_one_worker_is_reported_by_its_folder(tmp_path):
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    with pytest.raises(MissingAsset, match="found none"):
        search_worker(tmp_path)
    (workers / "search.11111111.min.js").write_text("", "utf-8")
    assert search_worker(tmp_path) == "assets/javascripts/workers/search.11111111.min.js"
    (workers / "search.22222222.min.js").write_text("", "utf-8")
    with pytest.raises(MissingAsset, match="search.11111111.min.js, search.22222222.min.js"):
        search_worker(tmp_path)


@pytest.mark.build
@pytest.mark.parametrize("page", ["index.html", "cy/index.html", "404.html", "cy/404.html"])
def test_every_page_loads_the_worker_the_build_shipped(site_dir, page):
    html = (site_dir / page).read_text(encoding="utf-8")
    config = json.loads(CONFIG.search(html)[1])
    worker = search_worker()
    assert config["search"].endswith(worker)
    assert (site_dir / worker).is_file()
