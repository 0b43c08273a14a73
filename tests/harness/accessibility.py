"""Running axe-core in a page and reporting its findings by page, rule and element."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from harness.testing import PROJECT_ROOT

AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA: the UK public sector standard.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
# The workshop pages (presenter view, session planner): a phone and two projectors.
WORKSHOP_VIEWPORTS = {"phone": (375, 812), "projector": (1280, 720), "wide projector": (1920, 1080)}


@dataclass(frozen=True)
class Violation:
    page: str
    viewport: str
    rule: str
    impact: str
    help: str
    target: str
    html: str

    def __str__(self) -> str:
        return (
            f"{self.page} [{self.viewport}]: {self.rule} ({self.impact}): {self.help}\n"
            f"    at {self.target}: {self.html}"
        )


STILL = "() => document.getAnimations().every(animation => animation.playState !== 'running')"
AXE_WHILE_STILL = "async tags => { const still = " + STILL + """;
  let moved = false;
  const mark = () => { moved = true; };
  const events = ["transitionrun", "animationstart"];
  for (const name of events) document.addEventListener(name, mark, true);
  try {
    const results = await axe.run(document,
      {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
    // Only what a report needs comes back: the whole result (every rule's description and
    // an example node of each pass) took a third of each run's CPU time to hand over.
    const violations = results.violations.map(violation => ({
      id: violation.id, impact: violation.impact, help: violation.help,
      nodes: violation.nodes.map(node => ({target: node.target, html: node.html})),
    }));
    return {violations, moved: moved || !still()};
  } finally {
    for (const name of events) document.removeEventListener(name, mark, true);
  }
}"""
AXE_ATTEMPTS = 3


def run_axe(page, label: str, viewport: str) -> list[Violation]:
    """Inject axe-core into a loaded Playwright page and return its WCAG A/AA violations."""
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `make setup` (npm ci installs axe-core)")
    # Evaluated through the DevTools protocol: a <script> tag would be refused by the page's
    # Content Security Policy, rightly, as axe is not one of the site's scripts.
    # Colours are measured as a reader sees them once the page is still: not half way
    # through a transition (Material fades the header's title in when a page scrolls).
    # Once a page: the walk checks a page again after resizing it.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    # A transition that starts while axe runs (a scroll just before) spoils the colours it
    # measures: then the page is let settle and axe runs again.
    for _ in range(AXE_ATTEMPTS):
        page.wait_for_function(STILL)
        run = page.evaluate(AXE_WHILE_STILL, WCAG_TAGS)
        if not run["moved"]:
            break
    return [
        Violation(
            page=label,
            viewport=viewport,
            rule=violation["id"],
            impact=violation.get("impact") or "",
            help=violation["help"],
            target=" ".join(map(str, node["target"])),
            html=node["html"][:200],
        )
        for violation in run["violations"]
        for node in violation["nodes"]
    ]


def site_pages(site_dir: Path) -> list[str]:
    """Every page of a built site, 404 pages included, as paths relative to its root."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative.startswith("assets/"):
            continue
        pages.append(relative.removesuffix("index.html"))
    return pages
