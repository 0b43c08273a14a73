"""The test harness's static server: what the benchmarks compare pages on."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

from harness.testing import serve


def _get(url: str, encoding: str = ""):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request) as answer:
        return answer.headers.get("Content-Encoding"), answer.read()


def test_a_compressing_server_sends_text_gzipped_to_a_browser_that_accepts_it(tmp_path):
    page = "<!doctype html><title>t</title>" + "<p>words</p>" * 500
    (tmp_path / "films").mkdir()
    (tmp_path / "films" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "clip.mp4").write_bytes(b"\0" * 100)
    with serve(tmp_path, compress=True) as url:
        encoding, body = _get(url + "films/", "gzip, deflate")
        assert encoding == "gzip" and gzip.decompress(body).decode() == page
        assert len(body) < len(page) / 10
        assert _get(url + "films/") == (None, page.encode())  # no gzip unless accepted
        assert _get(url + "clip.mp4", "gzip") == (None, b"\0" * 100)  # media as it is
    with serve(tmp_path) as url:  # the tests' server sends files as they are
        assert _get(url + "films/", "gzip") == (None, page.encode())


def test_only_a_server_asked_to_sends_github_pages_cache_headers_and_never_with_an_error(
    tmp_path,
):
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")

    def cache_control(url: str) -> str | None:
        try:
            with urllib.request.urlopen(url) as answer:
                return answer.headers.get("Cache-Control")
        except urllib.error.HTTPError as error:
            return error.headers.get("Cache-Control")

    with serve(tmp_path, cache=True) as url:
        assert cache_control(url) == "max-age=600"
        assert cache_control(url + "missing.png") is None  # a missing file is asked again
    with serve(tmp_path) as url:  # a short-lived server: a later one may get its port
        assert cache_control(url) is None
