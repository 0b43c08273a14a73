#!/usr/bin/env python3
"""How fast is the subtitle checker compared with plain ``srt.parse``?

Generates 200 films x 2 languages x 150 cues (clean, realistic SRT) in a temporary
folder, then times, in the same run and on the same files:

- plain: read each file, decode it, ``list(srt.parse(text))``;
- parse: read, decode, ``leadership.subtitles.cues.scan_srt`` (the project's parser alone);
- checker: ``leadership.subtitles.check.check_paths`` on the folder (parsing, every
  timing and readability rule, and the English/Welsh pair comparison).

It prints the figures and the checker/plain ratio (target: under 2x). It asserts nothing.

    python benchmarks/bench_subtitles.py [--films 200] [--cues 150] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import timedelta
from importlib.metadata import version
from pathlib import Path

import srt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from leadership.subtitles.check import check_paths  # noqa: E402
from leadership.subtitles.cues import decode_utf8, scan_srt  # noqa: E402

WORDS = [
    "compassionate", "leadership", "means", "attending", "to", "those", "we", "lead",
    "understanding", "the", "challenges", "they", "face", "empathising", "with", "them", "and",
    "helping", "social", "care", "staff", "across", "Wales", "team",
]
GEIRIAU = [
    "mae", "arweinyddiaeth", "dosturiol", "yn", "golygu", "rhoi", "sylw", "i'r", "rhai",
    "rydyn", "ni'n", "eu", "harwain", "deall", "yr", "heriau", "sy'n", "eu", "hwynebu", "gofal",
    "cymdeithasol", "ledled", "Cymru", "tîm", "staff",
]


def cue_text(rng: random.Random, words: list[str]) -> str:
    lines = []
    for _ in range(rng.choice((1, 2, 2))):
        line = ""
        while True:
            word = rng.choice(words)
            if len(line) + 1 + len(word) > 34:
                break
            line = f"{line} {word}".strip()
        lines.append(line)
    return "\n".join(lines)


def write_corpus(folder: Path, films: int, cues: int, seed: int = 1) -> int:
    """Write the films' en/cy files; return the total number of cues written."""
    rng = random.Random(seed)
    for number in range(films):
        timings, start = [], 700
        for _ in range(cues):
            duration = rng.randint(3600, 6000)
            timings.append((start, start + duration))
            start += duration + 200
        for language, words in (("en", WORDS), ("cy", GEIRIAU)):
            subtitles = [
                srt.Subtitle(
                    index, timedelta(milliseconds=s), timedelta(milliseconds=e),
                    cue_text(rng, words),
                )
                for index, (s, e) in enumerate(timings, start=1)
            ]
            path = folder / f"film-{number:03d}.{language}.srt"
            path.write_text(srt.compose(subtitles, reindex=False), encoding="utf-8")
    return films * 2 * cues


def best_times(repeat: int, runs: dict) -> dict[str, float]:
    """The best time of each run over ``repeat`` rounds, the runs interleaved in each round
    so that a busy machine slows them all alike."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            started = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--films", type=int, default=200)
    parser.add_argument("--cues", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each; the best counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-subtitles-") as temp:
        folder = Path(temp)
        total = write_corpus(folder, args.films, args.cues)
        files = sorted(folder.glob("*.srt"))

        def plain() -> None:
            for path in files:
                list(srt.parse(path.read_bytes().decode("utf-8-sig")))

        def parse_only() -> None:
            for path in files:
                text, _ = decode_utf8(path.read_bytes(), str(path))
                scan_srt(text, str(path))

        result = check_paths([folder])
        errors = sum(p.severity == "error" for p in result.problems)
        best = best_times(
            args.repeat,
            {"plain": plain, "parse": parse_only, "check": lambda: check_paths([folder])},
        )
        plain_time, parse_time, check_time = best["plain"], best["parse"], best["check"]

    print(f"corpus: {args.films} films x 2 languages x {args.cues} cues = {len(files)} files, "
          f"{total} cues (checker found {errors} errors, {len(result.problems) - errors} "
          "warnings)")
    print(f"best of {args.repeat} runs; Python {sys.version.split()[0]}, srt {version('srt')}")
    print(f"  plain srt.parse (read + decode + parse): {plain_time:7.3f} s")
    print(f"  leadership.subtitles.cues.scan_srt (same):         {parse_time:7.3f} s "
          f"({parse_time / plain_time:.2f}x plain)")
    print(f"  check_paths (parse + all rules + pairs): {check_time:7.3f} s "
          f"({check_time / plain_time:.2f}x plain; target < 2x)")


if __name__ == "__main__":
    main()
