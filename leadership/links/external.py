"""External addresses, checked over the network: politely, and with an on-disk cache.

Only ``scripts/check_links.py --external`` uses this; everything else in the link check
(``leadership.links``) reads the built site and never touches the network. Tests inject
``fetch``, ``clock`` and ``sleep``, so they never reach the network either.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from leadership.build_cache import read_json, write_json
from leadership.reporting import Problem
from leadership.rules import EXTERNAL_LINK


@dataclass
class FetchResult:
    status: int | None
    error: str | None = None
    checked_at: float = 0.0


def fetch_status(url: str, timeout: float = 20.0) -> FetchResult:
    """HEAD the address (GET when HEAD is refused); follow redirects."""
    import socket
    import urllib.error
    import urllib.request

    headers = {"User-Agent": "leadership-check-links/1.0 (+link checker for a learning site)"}
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return FetchResult(response.status)
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return FetchResult(error.code, f"HTTP {error.code} {error.reason}")
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, socket.gaierror):
                return FetchResult(None, f"no such host ({reason.strerror})")
            return FetchResult(None, str(reason))
        except (TimeoutError, OSError) as error:
            return FetchResult(None, f"no answer ({error})")
    return FetchResult(None, "no answer")


class ExternalChecker:
    """Checks external addresses over the network, politely and with an on-disk cache.

    At most one request per host every ``min_interval`` seconds, one at a time;
    results younger than ``max_age`` seconds are reused from ``cache_path``.
    ``fetch``, ``clock`` and ``sleep`` are injectable so tests never touch the network.
    """

    DEFINITELY_GONE = frozenset({404, 410})

    def __init__(
        self,
        cache_path: Path,
        *,
        min_interval: float = 1.0,
        max_age: float = 24 * 3600,
        fetch: Callable[[str], FetchResult] = fetch_status,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], float] = time.time,
    ):
        self.cache_path = Path(cache_path)
        self.min_interval = min_interval
        self.max_age = max_age
        self.fetch, self.clock, self.sleep, self.now = fetch, clock, sleep, now
        self.last_request: dict[str, float] = {}
        self.requests = 0

    def _load_cache(self) -> dict[str, dict]:
        return read_json(self.cache_path)

    def _save_cache(self, cache: dict[str, dict]) -> None:
        # A cache that cannot be written only means asking again next time.
        write_json(self.cache_path, cache, indent=1, sort_keys=True)

    def _wait_for(self, host: str) -> None:
        last = self.last_request.get(host)
        if last is not None:
            wait = self.min_interval - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self.last_request[host] = self.clock()

    def result(self, url: str, cache: dict[str, dict]) -> FetchResult:
        address = url.split("#", 1)[0]
        cached = cache.get(address)
        if cached and self.now() - cached.get("checked_at", 0) < self.max_age:
            return FetchResult(cached.get("status"), cached.get("error"), cached["checked_at"])
        self._wait_for((urlsplit(address).hostname or "").lower())
        self.requests += 1
        fresh = self.fetch(address)
        fresh.checked_at = self.now()
        cache[address] = asdict(fresh)
        return fresh

    def check(self, addresses: dict[str, list[tuple[str, int]]]) -> list[Problem]:
        cache = self._load_cache()
        problems = []
        try:
            for url, uses in addresses.items():
                outcome = self.result(url, cache)
                if outcome.status is not None and outcome.status < 400:
                    continue
                gone = outcome.status in self.DEFINITELY_GONE or (outcome.error or "").startswith(
                    "no such host"
                )
                severity = "error" if gone else "warning"
                why = outcome.error or f"HTTP {outcome.status}"
                for page, line in uses:
                    problems.append(Problem(page, line, EXTERNAL_LINK, f"{url}: {why}", severity))
        finally:
            self._save_cache(cache)
        return problems
