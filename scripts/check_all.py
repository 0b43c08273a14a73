#!/usr/bin/env python3
"""Run every content check, in the order an editor needs them (`make check`).

    python3 scripts/check_all.py [--no-build]

1. subtitles and films.yml   (scripts/check_subtitles.py)
2. pages: front matter and content safety   (scripts/check_pages.py)
3. page parity: every page in both languages
4. translations: Welsh up to date with the English   (scripts/translations.py)
5. spelling   (scripts/check_spelling.py)
6. welsh: avoided terms, mutations, unmarked English links   (scripts/check_welsh.py)
7. build: a strict build into a temporary folder
8. links in the built site   (scripts/check_links.py)

Every check runs in this process, on the package's functions (the scripts named above are
the same checks on their own): each prints its problems (warnings included) as ``path:line:
rule-id: message`` and its status line (``check_pages: OK, ...``). When every check passes,
that is all it prints, with a last line of its own; when one fails or is skipped, a table
of every check's status and time comes before that line. The build's problems are the ones
the project's plugin stopped on, as it made them (leadership.site_build). The sources the
pages depend on come first: a page that depends on a broken subtitle file or films.yml says
so in one line, after the file's own problems. The build (and the link check after it) is
skipped when checks 1, 2 or 3 failed, as the build stops on the same problems. Exit 0 when
every check passes, 1 when any fails.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
import project_environment  # noqa: E402,F401  (the project's .venv, found by itself)

from leadership.languages import LANGUAGES, missing_counterparts, source_pages  # noqa: E402
from leadership.pages.checks import check_pages  # noqa: E402
from leadership.pages.translation_status import check_translations  # noqa: E402
from leadership.reporting import EXIT_OK, Problem, report  # noqa: E402
from leadership.rules import unreadable_sources  # noqa: E402
from leadership.spelling import check_project  # noqa: E402
from leadership.subtitles.check import check_paths  # noqa: E402
from leadership.welsh_check import check_project as check_welsh_project  # noqa: E402

PASSED, FAILED, SKIPPED = "ok", "FAILED", "skipped"


@dataclass
class Outcome:
    name: str
    status: str
    seconds: float
    note: str = ""


class Runner:
    def __init__(self, root: Path):
        self.root = root
        self.outcomes: list[Outcome] = []
        self.site_dir: Path | None = None
        # Files the subtitle and page checks reported as unreadable: the spelling and Welsh
        # checks, which read them too, leave them to that one report.
        self.unreadable: set[str] = set()
        self.reported: set[Problem] = set()  # each problem is printed by one check only

    def report(self, check: str, problems: list[Problem], checked: int, unit: str,
               note: str = "") -> str:
        """Print a check's problems, but those an earlier check printed already (the same
        file, line, rule and message: one file read by two checks); its status, from the
        problems it printed."""
        new = [problem for problem in problems if problem not in self.reported]
        repeated = len(problems) - len(new)
        self.reported.update(new)
        if repeated:
            also = f"{repeated} problem{'s' * (repeated != 1)} listed above by an earlier check"
            note = f"{note}; {also}" if note else also
        # A repeated problem is the earlier check's failure, not this one's.
        return PASSED if report(check, new, checked, unit, note=note) == EXIT_OK else FAILED

    def run(self, name: str, step: Callable[[], tuple[str, str]]) -> str:
        started = time.perf_counter()
        status, note = step()
        sys.stdout.flush()
        seconds = time.perf_counter() - started
        if status == SKIPPED:
            print(f"{name}: skipped: {note}")
        self.outcomes.append(Outcome(name, status, seconds, note))
        return status

    def failed(self, *names: str) -> bool:
        return any(o.status == FAILED for o in self.outcomes if o.name in names)


def in_process(check: str, unit: str, work: Callable[[], tuple[list, int]], runner: Runner):
    def step() -> tuple[str, str]:
        problems, checked = work()
        runner.unreadable |= unreadable_sources(problems)
        return runner.report(check, problems, checked, unit), ""

    return step


def subtitles_step(root: Path, runner: Runner):
    def step() -> tuple[str, str]:
        result = check_paths([root / "transcripts"])
        runner.unreadable |= unreadable_sources(result.problems)
        status = runner.report(
            "check_subtitles", result.problems, result.checked, "files", note=result.note
        )
        return status, ""

    return step


def build_step(runner: Runner, site_dir: Path):
    def step() -> tuple[str, str]:
        if runner.failed("subtitles", "pages", "page parity"):
            return SKIPPED, "fix the problems above first: the build stops on them"
        from leadership.site_build import build_site  # brings in MkDocs: only when building

        started = time.perf_counter()
        problems = build_site(runner.root, site_dir)
        seconds = time.perf_counter() - started
        # The build stops on the checks above too: what they printed is not printed again.
        new = [problem for problem in problems if problem not in runner.reported]
        for problem in new:
            print(problem)
        if len(new) < len(problems):
            repeated = len(problems) - len(new)
            print(f"({repeated} problem{'s' * (repeated != 1)} the build stopped on "
                  "listed above by the checks)")
        if not problems:
            runner.site_dir = site_dir
            print(f"build: OK, strict build in {seconds:.1f} s")
            return PASSED, ""
        print(f"build: FAILED, {len(problems)} problem{'s' * (len(problems) != 1)}")
        return FAILED, ""

    return step


def links_step(runner: Runner):
    def step() -> tuple[str, str]:
        if runner.site_dir is None:
            return SKIPPED, "the links are checked in the built site, and the build did not pass"
        from leadership import links

        site = links.read_site(
            runner.site_dir, links.site_url_from_config(runner.root / "mkdocs.yml")
        )
        code = links.render(links.check_site(site), len(site.pages), links.external_addresses(site))
        return (PASSED if code == EXIT_OK else FAILED), ""

    return step


def parity(root: Path) -> tuple[list[Problem], int]:
    docs_dir = root / "docs"
    pages = sum(len(source_pages(docs_dir, language)) for language in LANGUAGES)
    return missing_counterparts(docs_dir, relative_to=root), pages


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(prog="check_all.py", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--no-build", action="store_true", help="skip the build and the link check (faster)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    runner = Runner(root)
    with tempfile.TemporaryDirectory(prefix="check-all-site-") as temporary:
        steps = [
            ("subtitles", subtitles_step(root, runner)),
            ("pages", in_process("check_pages", "pages", lambda: check_pages(root), runner)),
            ("page parity", in_process("page_parity", "pages", lambda: parity(root), runner)),
            ("translations", in_process(
                "translations", "translations", lambda: check_translations(root)[:2], runner
            )),
            ("spelling", in_process(
                "check_spelling", "files", lambda: check_project(root, None, runner.unreadable),
                runner,
            )),
            ("welsh", in_process(
                "check_welsh", "files", lambda: check_welsh_project(root, runner.unreadable),
                runner,
            )),
        ]
        if not args.no_build:
            steps += [
                ("build", build_step(runner, Path(temporary) / "site")),
                ("links", links_step(runner)),
            ]
        for name, step in steps:
            runner.run(name, step)
    total = time.perf_counter() - started
    failed = [o.name for o in runner.outcomes if o.status == FAILED]
    skipped = [o.name for o in runner.outcomes if o.status == SKIPPED]
    if failed or skipped:
        # Quiet when all is well: each check's status line has said it.
        print(f"\nSummary ({total:.1f} s):")
        for outcome in runner.outcomes:
            note = f"  ({outcome.note})" if outcome.note else ""
            print(f"  {outcome.status:<8} {outcome.name:<13} {outcome.seconds:5.1f} s{note}")
    verdict = "FAILED" if failed else "OK"
    details = f"{len(failed)} failed" + (f" ({', '.join(failed)})" if failed else "")
    if skipped:
        details += f", {len(skipped)} skipped ({', '.join(skipped)})"
    print(f"check_all: {verdict}, {len(runner.outcomes)} checks, {details}, in {total:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
