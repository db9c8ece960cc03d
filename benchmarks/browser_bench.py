"""Browser-side measurements in headless Chromium (Playwright) against real
`streamlit run` servers on loopback: slider → map repainted, bytes per rerun,
first load (warm and cold server) and server memory per session.

Times are taken inside the page with performance.now(), so Playwright's own
polling does not add to them: a keydown listener stamps the slider change, a
MutationObserver on the map iframe plus a requestAnimationFrame loop notice
the island path's new fill, and the next animation frame after that is the
repaint.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
import time
from pathlib import Path

import psutil

from benchmarks import APP, FLOOR, REPO
from geo.map.palette import PALETTE
from tests.support.browser import MAP_FRAME, SETTLED_JS, streamlit_server

ISLANDS = ("iturup", "kunashir", "shikotan", "habomai")
PROBE_ISLAND = "shikotan"
TIMEOUT_MS = 60_000
VIEWPORT = {"width": 1400, "height": 1000}

# Installed before the slider key press. Resolves window.__probe.{t0, dom, paint}.
ARM_REPAINT = """
([sel, island]) => {
  const path = () => {
    const f = [...document.querySelectorAll(sel)].pop();
    const d = f && f.contentDocument;
    return d && d.querySelector('path.island-' + island);
  };
  const first = path();
  const probe = window.__probe = {old: first ? first.getAttribute('fill') : null,
                                  t0: null, dom: null, paint: null};
  window.addEventListener('keydown', () => {
    if (probe.t0 === null) probe.t0 = performance.now();
  }, {capture: true, once: true});
  const seen = () => {
    if (probe.dom !== null) return true;
    const p = path();
    const fill = p && p.getAttribute('fill');
    if (fill && fill !== probe.old && probe.t0 !== null) {
      probe.dom = performance.now();
      requestAnimationFrame(() => { probe.paint = performance.now(); });
      return true;
    }
    return false;
  };
  const f = [...document.querySelectorAll(sel)].pop();
  if (f && f.contentDocument) {
    const obs = new MutationObserver(() => { if (seen()) obs.disconnect(); });
    obs.observe(f.contentDocument, {subtree: true, childList: true, attributes: true,
                                    attributeFilter: ['fill']});
  }
  const loop = () => { if (!seen()) requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  return probe.old;
}
"""

# Init script for first-load timing: from document start, poll (5 ms) for all
# four island paths in the last map iframe, each filled with a status colour (not
# a placeholder); stamp the next animation frame. Also stamp when the page is whole
# (the app's claims list has come after the map: geo.deferred); the floor never is.
LOAD_PROBE = (
    """
(() => {
  if (window.top !== window) return;
  const sel = __SEL__, islands = __ISLANDS__, colours = __COLOURS__;
  const whole = () => {
    if (document.querySelector('[data-testid="stTextInput"]')) window.__whole = performance.now();
    else setTimeout(whole, 5);
  };
  whole();
  const tick = () => {
    const f = [...document.querySelectorAll(sel)].pop();
    let d = null;
    try { d = f && f.contentDocument; } catch (e) { d = null; }
    if (d && islands.every(i => {
          const p = d.querySelector('path.island-' + i);
          return p && colours.includes((p.getAttribute('fill') || '').toLowerCase());
        })) {
      const found = performance.now();
      requestAnimationFrame(() => { window.__loaded = {found, paint: performance.now()}; });
      return;
    }
    setTimeout(tick, 5);
  };
  tick();
})();
""".replace("__SEL__", json.dumps(MAP_FRAME))
    .replace("__ISLANDS__", json.dumps(ISLANDS))
    .replace("__COLOURS__", json.dumps([c.lower() for c in PALETTE.values()]))
)


@contextlib.contextmanager
def floor_site():
    """The floor app in a temp folder beside links to static/ and .streamlit/.

    Streamlit serves <script folder>/static and tests.support.browser starts the server
    in the script's folder, so a copy there finds the same Leaflet and config."""
    with tempfile.TemporaryDirectory(prefix="kuril-floor-") as tmp:
        folder = Path(tmp)
        shutil.copy(FLOOR, folder / "floor_app.py")
        (folder / "static").symlink_to(REPO / "static", target_is_directory=True)
        (folder / ".streamlit").symlink_to(REPO / ".streamlit", target_is_directory=True)
        yield folder / "floor_app.py"


def server_env() -> dict[str, str]:
    return {"PYTHONPATH": str(REPO)}


@contextlib.contextmanager
def server(which: str, env: dict[str, str] | None = None):
    """Yield (url, proc, seconds to healthy) for 'app' or 'floor'."""
    full_env = {**server_env(), **(env or {})}
    with contextlib.ExitStack() as stack:
        script = APP if which == "app" else stack.enter_context(floor_site())
        t = time.perf_counter()
        url, proc = stack.enter_context(streamlit_server(script, env=full_env, timeout=120))
        yield url, proc, time.perf_counter() - t


def turns(i: int) -> list[str]:
    """Who goes first in run i: app and floor alternate, so neither always runs first."""
    return ["app", "floor"] if i % 2 == 0 else ["floor", "app"]


def open_page(browser, url: str, context=None):
    """A page on `url` with all four islands drawn; returns (context, page, load times)."""
    own = context is None
    context = context or browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.add_init_script(LOAD_PROBE)
    page.goto(url, wait_until="commit")
    page.wait_for_function("() => window.__loaded", polling=50, timeout=TIMEOUT_MS)
    loaded = page.evaluate("() => window.__loaded")
    return (context if own else None), page, loaded


def first_load(browser, url: str) -> float:
    """Navigation start → four island polygons painted, ms, in a fresh browser context."""
    context, _page, loaded = open_page(browser, url)
    context.close()
    return loaded["paint"]


def first_load_whole(browser, url: str) -> tuple[float, float]:
    """(polygons painted, page whole) after navigation start, ms, in a fresh context:
    the app's first visit sends the claims and the rest once the map is drawn."""
    context, page, loaded = open_page(browser, url)
    try:
        page.wait_for_function("() => window.__whole", polling=50, timeout=TIMEOUT_MS)
        return loaded["paint"], page.evaluate("() => window.__whole")
    finally:
        context.close()


def slider_run(browser, url: str, app: bool = True) -> dict:
    """A fresh page (new session) at the last stop, whole and settled (for the app:
    the rest has followed the map, geo.deferred); Home moves the slider to the
    first stop, a date this session has not seen, so the server sends the whole
    map; End then goes back to a date it has seen, and Streamlit's client-side
    message cache lets the server send a reference instead of the map. Both
    recolour Shikotan. Returns repaint time and websocket bytes for each, and the
    geometry fetched over HTTP on load (and any fetched again by the changes)."""
    frames: list[int] = []
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.on(
            "websocket",
            lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))),
        )
        static = []  # geometry the map fetches over HTTP, once per page (geo.map.served)
        page.on("response", lambda r: static.append(r) if "/app/static/geo/" in r.url else None)
        page.add_init_script(LOAD_PROBE)
        page.goto(url, wait_until="commit")
        page.wait_for_function("() => window.__loaded", polling=50, timeout=TIMEOUT_MS)
        # the app's first visit sends the rest once the map is drawn: let it finish
        page.wait_for_function(SETTLED_JS, arg=app, polling=50, timeout=TIMEOUT_MS)
        page.wait_for_timeout(500)
        loaded = {
            "static_geometry_bytes": sum(len(r.body()) for r in static),
            "static_requests": len(static),
        }
        new = _change(page, "Home", frames)
        revisit = _change(page, "End", frames)
        return {
            "new": new,
            "revisit": revisit,
            "load": loaded,
            "static_requests_after_load": len(static) - loaded["static_requests"],
        }
    finally:
        context.close()


def _change(page, key: str, frames: list[int]) -> dict:
    page.get_by_role("slider").first.focus()
    page.evaluate(ARM_REPAINT, [MAP_FRAME, PROBE_ISLAND])
    start = len(frames)
    page.keyboard.press(key)
    page.wait_for_function("() => window.__probe.paint !== null", polling=10, timeout=TIMEOUT_MS)
    probe = page.evaluate("() => window.__probe")
    # Let the rest of the rerun's messages (script finished, URL state) arrive.
    page.wait_for_timeout(600)
    sizes = frames[start:]
    return {
        "repaint_ms": probe["paint"] - probe["t0"],
        "dom_ms": probe["dom"] - probe["t0"],
        "bytes": sum(sizes),
        "frames": len(sizes),
        "largest_frame": max(sizes, default=0),
    }


def rss_bytes(proc) -> int:
    """RSS of the streamlit process and all its children."""
    p = psutil.Process(proc.pid)
    total = p.memory_info().rss
    for child in p.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            total += child.memory_info().rss
    return total


def memory_profile(
    browser, url: str, proc, sessions: int, budget_s: float, settle_s: float = 3.0
) -> dict:
    """RSS with 1 session and with `sessions` sessions open (added one by one, each
    waiting for its polygons; 5 pages per browser context)."""
    t_end = time.monotonic() + budget_s
    contexts = []
    pages = []
    idle = rss_bytes(proc)

    def add_page() -> None:
        if len(pages) % 5 == 0:
            contexts.append(browser.new_context(viewport=VIEWPORT))
        _c, page, _loaded = open_page(browser, url, context=contexts[-1])
        pages.append(page)

    try:
        add_page()
        time.sleep(settle_s)
        one = rss_bytes(proc)
        while len(pages) < sessions and time.monotonic() < t_end:
            add_page()
        time.sleep(settle_s)
        many = rss_bytes(proc)
        reached = len(pages)
    finally:
        for c in contexts:
            with contextlib.suppress(Exception):
                c.close()
    per = (many - one) / (reached - 1) if reached > 1 else float("nan")
    return {"idle_rss": idle, "rss_1": one, "rss_n": many, "sessions": reached, "per_session": per}
