"""The test harness's static server: what the benchmarks compare pages on."""

from __future__ import annotations

import gzip
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
