"""Where the browser time goes after a slider change, app against floor.

    .venv/bin/python -m benchmarks.browser_profile [--runs 5]

This uses the same fresh-page `Home` change as the repaint row of benchmarks.run.
For each page it records, in page time from the keydown:
  first_msg  the first websocket message of the rerun
  map_msg    arrival of the largest message (the st_folium element)
  dom        Shikotan's new fill in the map iframe
  paint      the next animation frame
  longtasks  main-thread tasks >= 50 ms between keydown and paint (summed)
It also takes a Chromium CPU profile (CDP Profiler) over the change and sums the
samples by script (the renderer's native "(program)" time is style, layout and
paint). The map iframe is same-origin, so it shares the page's main thread.
"""

from __future__ import annotations

import argparse
import collections
import statistics

from benchmarks import browser_bench as bb
from tests.support.browser import SETTLED_JS, chromium

TIMELINE = """
(() => {
  if (window.top !== window) return;
  window.__ws = []; window.__lt = [];
  const Orig = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new Orig(...args);
    ws.addEventListener('message', ev => window.__ws.push(
      [performance.now(), ev.data.byteLength || ev.data.size || ev.data.length || 0]));
    return ws;
  };
  window.WebSocket.prototype = Orig.prototype;
  Object.assign(window.WebSocket, Orig);
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) window.__lt.push([e.startTime, e.duration]);
  }).observe({type: 'longtask', buffered: true});
})();
"""


def one_change(browser, url: str, by_script: collections.Counter, app: bool) -> dict:
    context = browser.new_context(viewport=bb.VIEWPORT)
    try:
        page = context.new_page()
        page.set_default_timeout(bb.TIMEOUT_MS)
        page.add_init_script(TIMELINE)
        page.add_init_script(bb.LOAD_PROBE)
        page.goto(url, wait_until="commit")
        page.wait_for_function("() => window.__loaded", polling=50)
        page.wait_for_function(SETTLED_JS, arg=app, polling=50)  # the rest followed the map
        page.wait_for_timeout(800)
        cdp = context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 500})
        cdp.send("Profiler.start")
        page.get_by_role("slider").first.focus()
        page.evaluate(bb.ARM_REPAINT, [bb.MAP_FRAME, bb.PROBE_ISLAND])
        n0 = page.evaluate("() => window.__ws.length")
        page.keyboard.press("Home")
        page.wait_for_function("() => window.__probe.paint !== null", polling=10)
        profile = cdp.send("Profiler.stop")["profile"]
        page.wait_for_timeout(600)
        probe = page.evaluate("() => window.__probe")
        ws = page.evaluate("() => window.__ws")[n0:]
        longtasks = page.evaluate("() => window.__lt")
    finally:
        context.close()
    t0 = probe["t0"]
    biggest = max(ws, key=lambda m: m[1])
    nodes = {n["id"]: n for n in profile["nodes"]}
    for node_id, dt in zip(profile["samples"], profile["timeDeltas"], strict=True):
        frame = nodes[node_id]["callFrame"]
        name = frame["url"].rsplit("/", 1)[-1].split("?")[0] or frame["functionName"]
        by_script[name or "(native)"] += dt / 1000
    return {
        "first_msg": ws[0][0] - t0,
        "map_msg": biggest[0] - t0,
        "dom": probe["dom"] - t0,
        "paint": probe["paint"] - t0,
        "messages": len(ws),
        "longtasks": sum(d for s, d in longtasks if t0 <= s < probe["paint"]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {"KURIL_TILES": "off", "KURIL_ASSETS": "local"}
    results: dict[str, list[dict]] = {"app": [], "floor": []}
    scripts: dict[str, collections.Counter] = {n: collections.Counter() for n in results}
    with (
        chromium() as browser,
        bb.server("app", env) as (app_url, _a, _s1),
        bb.server("floor", env) as (floor_url, _f, _s2),
    ):
        urls = {"app": app_url, "floor": floor_url}
        for url in urls.values():
            bb.first_load(browser, url)
        for i in range(args.runs):
            for name in bb.turns(i):
                results[name].append(
                    one_change(browser, urls[name], scripts[name], app=name == "app")
                )
    keys = ["first_msg", "map_msg", "dom", "paint", "longtasks", "messages"]
    print(f"medians of {args.runs} fresh-page slider changes, ms from keydown")
    print(f"{'':6}" + "".join(f"{k:>11}" for k in keys))
    for name, runs in results.items():
        print(
            f"{name:6}" + "".join(f"{statistics.median(r[k] for r in runs):>11.0f}" for k in keys)
        )
    for name, counter in scripts.items():
        print(f"\n{name}: CPU profile samples per change, ms, by script")
        for script, ms in counter.most_common(8):
            print(f"  {ms / args.runs:7.1f}  {script}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
