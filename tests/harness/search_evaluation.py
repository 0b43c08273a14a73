"""The search evaluation: real queries, typed into the real site's search in a real browser.

``tests/search_queries.yml`` lists queries a reader would type, each with the page or
pages it must find (and, for a moment in a film, the cue a hit must open at). This
module loads and checks that file, runs every query in Chromium through Material's own
search box, and scores the first five pages each search returns: recall@5 (the share
of the pages a query must find that are in its top five) and the wrong pages in the
top five (pages the query was not meant to find).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml

from harness.testing import PROJECT_ROOT, mkdocs_env
from leadership import welsh
from leadership.languages import LANGUAGES, site_prefix
from leadership.reporting import ContentError, Problem
from leadership.search.index import SEARCH_MODE_VARIABLE

QUERIES = PROJECT_ROOT / "tests" / "search_queries.yml"
DOCS = PROJECT_ROOT / "docs"
TOP = 5
# Targets from the issue: every page found in the top five, and never more than two wrong.
TARGET_RECALL = 1.0
MAX_WRONG = 2
FORMS = ("radical", "mutated")
FEATURES = ("stop-words", "apostrophe", "hyphen", "accents", "exact", "cue")
KNOWN_KEYS = {"query", "pages", "mutation", "form", "covers", "cue", "note"}
# How long the result list must stay unchanged, once every query has its answer.
QUIET_MS = 100
SEARCH_TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class Query:
    text: str
    language: str
    pages: tuple[str, ...]  # site paths, e.g. "cy/principles/attending/"
    line: int
    mutation: str | None = None
    form: str | None = None
    covers: tuple[str, ...] = ()
    cue: str | None = None  # site path with the cue's anchor, e.g. "cy/films/x/#t-01-02"


@dataclass
class Outcome:
    query: Query
    top: list[str]  # the first TOP pages, as site paths
    links: dict[str, list[str]] = field(default_factory=dict)  # page -> its result links

    @property
    def found(self) -> list[str]:
        return [page for page in self.query.pages if page in self.top]

    @property
    def wrong(self) -> list[str]:
        return [page for page in self.top if page not in self.query.pages]

    @property
    def recall(self) -> float:
        return len(self.found) / len(self.query.pages)

    @property
    def cue_opened(self) -> bool | None:
        if self.query.cue is None:
            return None
        page = self.query.cue.split("#")[0]
        return self.query.cue in self.links.get(page, [])


@dataclass(frozen=True)
class Summary:
    queries: int
    pages: int
    found: int
    complete: int  # queries with every page in the top five
    wrong: int
    max_wrong: int
    over_wrong: int  # queries with more than MAX_WRONG wrong pages
    cues: int
    cues_opened: int

    @property
    def recall(self) -> float:
        return self.found / self.pages if self.pages else 1.0

    @property
    def mean_wrong(self) -> float:
        return self.wrong / self.queries if self.queries else 0.0

    @property
    def meets_targets(self) -> bool:
        return (
            self.recall >= TARGET_RECALL and self.over_wrong == 0 and self.cues_opened == self.cues
        )


def summarise(outcomes: Iterable[Outcome]) -> Summary:
    outcomes = list(outcomes)
    cues = [outcome for outcome in outcomes if outcome.query.cue]
    return Summary(
        queries=len(outcomes),
        pages=sum(len(outcome.query.pages) for outcome in outcomes),
        found=sum(len(outcome.found) for outcome in outcomes),
        complete=sum(1 for outcome in outcomes if outcome.recall == 1.0),
        wrong=sum(len(outcome.wrong) for outcome in outcomes),
        max_wrong=max((len(outcome.wrong) for outcome in outcomes), default=0),
        over_wrong=sum(1 for outcome in outcomes if len(outcome.wrong) > MAX_WRONG),
        cues=len(cues),
        cues_opened=sum(1 for outcome in cues if outcome.cue_opened),
    )


# --- The query file ------------------------------------------------------------------------


def site_path(language: str, source: str) -> str:
    """The built page for a source path under docs/<language>/: principles/x.md -> principles/x/."""
    path = PurePosixPath(source)
    if path.name == "index.md":
        bare = "" if path.parent == PurePosixPath(".") else f"{path.parent.as_posix()}/"
    else:
        bare = f"{path.with_suffix('').as_posix()}/"
    return site_prefix(language) + bare


def load_queries(path: Path = QUERIES, docs_dir: Path = DOCS) -> list[Query]:
    """Every query in the file; raises ContentError listing every problem, with its line."""
    display = path.as_posix()
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError([Problem(display, 1, "queries-unreadable", str(error))]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ContentError([Problem(display, line, "queries-yaml", str(error))]) from None
    problems: list[Problem] = []
    queries: list[Query] = []
    if not isinstance(root, yaml.MappingNode):
        raise ContentError(
            [Problem(display, 1, "queries-shape", "expected a mapping of language -> queries")]
        )
    for key_node, value_node in root.value:
        language = key_node.value
        if language not in LANGUAGES:
            problems.append(
                Problem(
                    display,
                    key_node.start_mark.line + 1,
                    "queries-language",
                    f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}",
                )
            )
            continue
        if not isinstance(value_node, yaml.SequenceNode):
            problems.append(
                Problem(
                    display,
                    value_node.start_mark.line + 1,
                    "queries-shape",
                    f"{language}: expected a list of queries",
                )
            )
            continue
        for node in value_node.value:
            query = _query(node, language, display, docs_dir, problems)
            if query:
                queries.append(query)
    if problems:
        raise ContentError(problems)
    return queries


def _query(node, language: str, display: str, docs_dir: Path, problems: list[Problem]):
    line = node.start_mark.line + 1

    def problem(rule: str, message: str) -> None:
        problems.append(Problem(display, line, rule, message))

    if not isinstance(node, yaml.MappingNode):
        problem("queries-shape", "expected a query: a mapping with query and pages")
        return None
    entry = yaml.safe_load(yaml.serialize(node))
    unknown = set(entry) - KNOWN_KEYS
    if unknown:
        problem("query-key", f"unknown key(s) {', '.join(sorted(unknown))}")
    text = entry.get("query")
    if not isinstance(text, str) or not text.strip():
        problem("query-text", "every query needs a non-empty `query`")
        return None
    sources = entry.get("pages")
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) for s in sources):
        problem("query-pages", f"{text!r}: `pages` must list the source pages it must find")
        return None
    if len(sources) > TOP:
        problem("query-pages", f"{text!r}: at most {TOP} pages, or recall@{TOP} cannot reach 100%")
    for source in sources:
        if not (docs_dir / language / source).is_file():
            problem("query-page-missing", f"{text!r}: no page docs/{language}/{source}")
    mutation, form = entry.get("mutation"), entry.get("form")
    if mutation is not None and mutation not in welsh.KINDS:
        problem("query-mutation", f"{text!r}: mutation must be one of {', '.join(welsh.KINDS)}")
    if (mutation is None) != (form is None) or (form is not None and form not in FORMS):
        problem(
            "query-form",
            f"{text!r}: a mutation query names its `form`: "
            f"{' or '.join(FORMS)} (the form the query is typed in)",
        )
    covers = entry.get("covers") or []
    if not isinstance(covers, list) or any(feature not in FEATURES for feature in covers):
        problem("query-covers", f"{text!r}: covers must be a list of {', '.join(FEATURES)}")
        covers = []
    cue = entry.get("cue")
    cue_path = None
    if cue is not None:
        source, _, anchor = str(cue).partition("#")
        if not anchor or source not in sources:
            problem(
                "query-cue",
                f"{text!r}: cue must be <film page>#t-MM-SS, with the film page among the pages",
            )
        else:
            cue_path = f"{site_path(language, source)}#{anchor}"
    return Query(
        text=text,
        language=language,
        pages=tuple(site_path(language, source) for source in sources),
        line=line,
        mutation=mutation,
        form=form,
        covers=tuple(covers),
        cue=cue_path,
    )


# --- Building and running ------------------------------------------------------------------


def build_site(site_dir: Path, mode: str, project_dir: Path = PROJECT_ROOT):
    """Build the site with the project's search (``project``) or Material's (``material``)."""
    env = {**mkdocs_env(), SEARCH_MODE_VARIABLE: mode}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)]
    return subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, timeout=600
    )


# Counts the queries Material sends its search worker and the results it gets back, so a
# search is read only once the worker has answered the last key press. Observes; changes nothing.
COUNT_WORKER_MESSAGES = """
(() => {
  const Native = window.Worker;
  const counts = window.__searchMessages = { queries: 0, results: 0 };
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 3) counts.results += 1;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) counts.queries += 1;
      return super.postMessage(message, ...rest);
    }
  };
})();
"""

ANSWERED = """
() => {
  const counts = window.__searchMessages;
  return counts.queries > 0 && counts.results === counts.queries;
}
"""

WAIT_UNTIL_QUIET = """
([quiet]) => new Promise(resolve => {
  const targets = [".md-search-result__meta", ".md-search-result__list"]
    .map(selector => document.querySelector(selector));
  let timer;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(done, quiet);
  });
  function done() { observer.disconnect(); resolve(); }
  for (const target of targets)
    observer.observe(target, { childList: true, subtree: true, characterData: true });
  timer = setTimeout(done, quiet);
})
"""

READY = """
() => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const meta = document.querySelector(".md-search-result__meta");
  return meta && meta.textContent.trim() === config.translations["search.result.placeholder"];
}
"""

RESULTS = """
([top]) => [...document.querySelectorAll("li.md-search-result__item")].slice(0, top)
  .map(item => [...item.querySelectorAll("a")].map(link => link.href))
"""


def search(page, base_url: str, query: Query) -> Outcome:
    """Type a query into Material's search box on the language's home page; read the top five.

    The home page is opened once per language: later queries clear the box and type again,
    as a reader searching twice would (the index is not loaded again for each query).
    """
    home = base_url + site_prefix(query.language)
    box = page.locator("input.md-search__input")
    if page.url != home:
        page.goto(home)
        page.keyboard.press("/")  # Material's shortcut to the search box
        box.wait_for(state="visible")
        page.wait_for_function(READY, timeout=SEARCH_TIMEOUT_MS)
    else:
        box.press("Control+a")
        box.press("Backspace")
        page.wait_for_function(READY, timeout=SEARCH_TIMEOUT_MS)
    # Material searches on a key press: fill() would not start a search. Each key typed
    # before the last only starts a search whose answer the last key's replaces, so the
    # query but its last character goes in at once and the last key is pressed: the same
    # results for every query of both engines as typing key by key (compared on the whole
    # query set), for half the CPU time. The results are read once the worker has answered.
    if len(query.text) > 1:
        box.page.keyboard.insert_text(query.text[:-1])
    box.press(query.text[-1])
    page.wait_for_function(ANSWERED, timeout=SEARCH_TIMEOUT_MS)
    page.evaluate(WAIT_UNTIL_QUIET, [QUIET_MS])
    top: list[str] = []
    links: dict[str, list[str]] = {}
    for hrefs in page.evaluate(RESULTS, [TOP]):
        located = [relative(href, base_url) for href in hrefs]
        if not located:
            continue
        page_path = located[0].split("#")[0]
        top.append(page_path)
        links[page_path] = located
    return Outcome(query=query, top=top, links=links)


def relative(href: str, base_url: str) -> str:
    """A result link as a site path with its anchor, without the highlight query string."""
    parts = urlsplit(href)
    base = urlsplit(base_url).path
    path = parts.path[len(base) :] if parts.path.startswith(base) else parts.path.lstrip("/")
    return f"{path}#{parts.fragment}" if parts.fragment else path


def evaluate(browser, base_url: str, queries: Iterable[Query]) -> list[Outcome]:
    context = browser.new_context()
    context.add_init_script(COUNT_WORKER_MESSAGES)
    try:
        page = context.new_page()
        return [search(page, base_url, query) for query in queries]
    finally:
        context.close()


@contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    from harness.testing import launch_chromium

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


# --- Reporting -------------------------------------------------------------------------------


def cell(outcome: Outcome) -> str:
    text = f"{len(outcome.found)}/{len(outcome.query.pages)} {len(outcome.wrong)}w"
    if outcome.query.cue:
        text += " cue" if outcome.cue_opened else " NOCUE"
    return text


def summary_groups(queries: list[Query]) -> list[tuple[str, list[int]]]:
    """(label, positions of its queries): each language, then each mutation and form."""
    groups = [
        (label, [i for i, query in enumerate(queries) if query.language == language])
        for language, label in (("cy", "Welsh"), ("en", "English"))
    ]
    groups.append(("all", list(range(len(queries)))))
    for kind in welsh.KINDS:
        for form in FORMS:
            positions = [
                i
                for i, query in enumerate(queries)
                if query.mutation == kind and query.form == form
            ]
            if positions:
                groups.append((f"{kind}, typed {form}", positions))
    return [(label, positions) for label, positions in groups if positions]


SUMMARY_HEADER = f"{'recall':>6} {'found':^7} {'mean':>4} {'max':>3} {'>2':>2}  cues"


def summary_cell(summary: Summary) -> str:
    text = (
        f"{summary.recall:6.1%} {summary.found:>3}/{summary.pages:<3} "
        f"{summary.mean_wrong:4.2f} {summary.max_wrong:>3} {summary.over_wrong:>2}"
    )
    return text + (f"  {summary.cues_opened}/{summary.cues}" if summary.cues else "      ")


def report(results: dict[str, list[Outcome]], queries: list[Query]) -> str:
    """A side-by-side table of every query, then a summary per language and per mutation."""
    names = list(results)
    width = max(len(query.text) for query in queries) + 2
    lines = [
        f"{'lang':<5}{'query':<{width}}" + "".join(f"{name:>22}" for name in names),
        f"{'':<5}{'':<{width}}" + "".join(f"{'found/pages wrong':>22}" for _ in names),
    ]
    for position, query in enumerate(queries):
        cells = "".join(f"{cell(results[name][position]):>22}" for name in names)
        lines.append(f"{query.language:<5}{query.text:<{width}}{cells}")
    column = 38
    lines += [
        "",
        f"recall@{TOP}, pages found, and wrong pages in the top {TOP} (mean per query, "
        f"worst query, queries with more than {MAX_WRONG}), cue hits that open at the cue",
        f"{'':<26}{'queries':>8}  " + "".join(f"{name:<{column}}" for name in names),
        f"{'':<26}{'':>8}  " + "".join(f"{SUMMARY_HEADER:<{column}}" for _ in names),
    ]
    for label, positions in summary_groups(queries):
        cells = "".join(
            f"{summary_cell(summarise(results[name][i] for i in positions)):<{column}}"
            for name in names
        )
        lines.append(f"{label:<26}{len(positions):>8}  {cells}".rstrip())
    return "\n".join(line.rstrip() for line in lines)


def failures(outcomes: Iterable[Outcome]) -> list[str]:
    """Why each query misses the targets, one line per query, pointing at its line."""
    messages = []
    for outcome in outcomes:
        query = outcome.query
        where = f"{QUERIES.relative_to(PROJECT_ROOT).as_posix()}:{query.line}"
        if outcome.recall < TARGET_RECALL:
            missing = [page for page in query.pages if page not in outcome.found]
            messages.append(f"{where}: {query.text!r} misses {missing}; top {TOP}: {outcome.top}")
        if len(outcome.wrong) > MAX_WRONG:
            messages.append(
                f"{where}: {query.text!r} has {len(outcome.wrong)} wrong pages in "
                f"the top {TOP}: {outcome.wrong}"
            )
        if outcome.cue_opened is False:
            messages.append(
                f"{where}: {query.text!r} has no hit at {query.cue}; links: "
                f"{outcome.links.get(query.cue.split('#')[0])}"
            )
    return messages
