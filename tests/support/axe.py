"""axe-core in the browser tests: the pinned axe.min.js (scripts/install.sh --test puts
it in .tools/axe/) injected into the page and the map's frame, an audit of the page
screen by screen against the WCAG 2.x A and AA rules, and what it found, as figures
and as a readable list."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field

import pytest

from geo.config import REPO_ROOT
from tests.support.browser import MAP_FRAME

AXE_JS = REPO_ROOT / ".tools" / "axe" / "axe.min.js"
INSTALL = REPO_ROOT / "scripts" / "install.sh"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
BLOCKING = ("critical", "serious")
IMPACTS = ("critical", "serious", "moderate", "minor")

# The elements that scroll a Streamlit page (the window does not scroll), those on
# screen: the main block and the sidebar unless it is closed (off screen), each within
# `within` (a selector) if it is given.
SCROLLERS_JS = """within => {
  const all = [...document.querySelectorAll(
    '[data-testid="stMain"], [data-testid="stSidebarContent"]')];
  const scope = within ? document.querySelector(within) : document.body;
  window.__auditScrollers = all.filter(e => {
    const r = e.getBoundingClientRect();
    return scope.contains(e) && e.clientHeight > 0 && r.right > 0 && r.left < innerWidth
      && r.bottom > 0 && r.top < innerHeight;
  });
  window.__auditScrollers.forEach(e => { e.scrollTop = 0; });
  return window.__auditScrollers.length;
}"""
# Scroll scroller `i` on by a screen less the header's height (so that nothing is missed
# under it); false if it was already at its end.
SCROLL_ON_JS = """i => {
  const e = window.__auditScrollers[i];
  if (e.scrollTop + e.clientHeight >= e.scrollHeight - 1) return false;
  e.scrollTop += Math.max(100, e.clientHeight - 120);
  return true;
}"""
RUN_JS = "([context, options]) => axe.run(context, options)"
# What axe checks only for what is on screen (the rest of the rules check the whole
# document at once, hidden parts included): the audit runs these again on each screen.
ON_SCREEN_RULES = ("color-contrast", "link-in-text-block", "target-size")


def pinned_version() -> str:
    """The axe-core version scripts/install.sh fetches."""
    found = re.search(r'^AXE_VERSION="([^"]+)"', INSTALL.read_text(encoding="utf-8"), re.M)
    assert found, f"no AXE_VERSION in {INSTALL.relative_to(REPO_ROOT)}"
    return found.group(1)


def require_axe() -> None:
    """The audit runs in CI and fails there without axe-core; elsewhere it skips."""
    if not AXE_JS.is_file():
        message = f"{AXE_JS.relative_to(REPO_ROOT)} missing: run bash scripts/install.sh --test"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def inject(page) -> str:
    """Load axe into the top page and into the map's frame (axe's `iframes` option
    then audits the frame from the top); the version loaded."""
    frame = page.locator(MAP_FRAME).last.element_handle().content_frame()
    assert frame is not None, "the map's frame has no document"
    for target in (page.main_frame, frame):
        target.add_script_tag(path=str(AXE_JS))
    version = page.evaluate("() => axe.version")
    assert frame.evaluate("() => axe.version") == version
    return version


@dataclass(frozen=True)
class Finding:
    """One node one rule flagged: where (a CSS selector per frame), what and why."""

    rule: str
    impact: str
    help: str
    target: tuple[str, ...]
    html: str
    why: str

    def line(self) -> str:
        where = " >>> ".join(self.target)
        return (
            f"{self.rule} [{self.impact}] {self.help}\n    at {where}\n"
            f"    {self.html[:160]}\n    {self.why}"
        )


@dataclass
class Audit:
    """What axe found on one view, over every screen of it."""

    view: str
    version: str = ""
    screens: int = 0
    violations: dict[tuple[str, tuple[str, ...]], Finding] = field(default_factory=dict)
    incomplete: dict[tuple[str, tuple[str, ...]], Finding] = field(default_factory=dict)
    passed: set[str] = field(default_factory=set)  # rules with a node that passed
    contrast_nodes: set[tuple[str, ...]] = field(default_factory=set)  # text it measured

    def add(self, result: dict) -> None:
        """Fold one axe.run result in."""
        self.screens += 1
        for kind, found in (("violations", self.violations), ("incomplete", self.incomplete)):
            for rule in result[kind]:
                for node in rule["nodes"]:
                    finding = _finding(rule, node)
                    found.setdefault((finding.rule, finding.target), finding)
        for rule in result["passes"]:
            self.passed.add(rule["id"])
            if rule["id"] == "color-contrast":
                self.contrast_nodes.update(_target(n) for n in rule["nodes"])
        for rule in result["violations"]:
            if rule["id"] == "color-contrast":
                self.contrast_nodes.update(_target(n) for n in rule["nodes"])

    def blocking(self) -> list[Finding]:
        return [f for f in self.violations.values() if f.impact in BLOCKING]

    def counts(self) -> dict[str, object]:
        """The figures: violations and needs-review nodes by impact, rules passed."""
        failed_rules = {rule for rule, _target in self.violations}
        by_impact = Counter(f.impact for f in self.violations.values())
        review = Counter(f.impact for f in self.incomplete.values())
        return {
            "view": self.view,
            "axe": self.version,
            "screens": self.screens,
            "violations": {i: by_impact.get(i, 0) for i in IMPACTS},
            "needs_review": {i: review.get(i, 0) for i in IMPACTS},
            "rules_passed": len(self.passed - failed_rules),
            "text_nodes_contrast_checked": len(self.contrast_nodes),
        }

    def summary(self) -> str:
        """Every serious or critical violation, one paragraph each."""
        lines = [f"{self.view}: {len(self.blocking())} serious/critical violation(s)"]
        lines += [f.line() for f in sorted(self.blocking(), key=lambda f: (f.rule, f.target))]
        return "\n".join(lines)

    def review_summary(self) -> str:
        """What axe could not decide, by rule and reason, with the nodes (for a person
        to check)."""
        groups: dict[tuple[str, str, str], list[Finding]] = {}
        for f in self.incomplete.values():
            groups.setdefault((f.rule, f.impact, f.why), []).append(f)
        return "\n".join(
            f"  {len(found)} x {rule} [{impact}]: {why}\n"
            + "".join(f"      {f.html[:100]}\n" for f in found[:6])
            for (rule, impact, why), found in groups.items()
        )


def _target(node: dict) -> tuple[str, ...]:
    # A selector per frame from the top (a string, or a list inside a shadow root).
    return tuple(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])


def _finding(rule: dict, node: dict) -> Finding:
    why = (node.get("failureSummary") or "").replace("Fix any of the following:", "").strip()
    why = " ".join(why.split()) if why else rule["help"]
    return Finding(
        rule["id"],
        rule.get("impact") or node.get("impact") or "",
        rule["help"],
        _target(node),
        node["html"],
        why,
    )


def audit(page, view: str, within: str | None = None) -> Audit:
    """Inject axe and run its WCAG 2.x A/AA rules (the map's frame included) on the page
    or the part of it `within` (a selector) on the first screen; then scroll the main
    block and the sidebar a screen at a time to their ends, running the rules that
    look only at what is on screen again at each (in the page: the map's frame has a
    screen of its own); what it found on any screen."""
    result = Audit(view, version=inject(page))
    context = {"include": [[within]]} if within else {"exclude": []}
    every = {"iframes": True, "runOnly": {"type": "tag", "values": list(WCAG_TAGS)}}
    # The map's frame scrolls with the page as a whole: what is on its screen stays.
    on_screen = {"iframes": False, "runOnly": {"type": "rule", "values": list(ON_SCREEN_RULES)}}
    scrollers = page.evaluate(SCROLLERS_JS, within)
    result.add(page.evaluate(RUN_JS, [context, every]))
    for index in range(scrollers):
        while page.evaluate(SCROLL_ON_JS, index):
            result.add(page.evaluate(RUN_JS, [context, on_screen]))
    page.evaluate("() => window.__auditScrollers.forEach(e => { e.scrollTop = 0; })")
    return result
