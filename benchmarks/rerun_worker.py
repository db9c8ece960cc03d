"""One Streamlit script under AppTest, driven over stdin so that several of
them (app and floor, or the app at several data sizes) take turns and share
the machine's noise.

    python -m benchmarks.rerun_worker --app app.py [--query island=shikotan]

Protocol (stdout lines starting with @@, JSON after the tag):
  start-up      -> @@ready {"load_s": ..., "first_run_ms": ..., "warm_ms": [...], ...}
  "step"        -> @@step {"ms": ..., "script_ms": ..., "script_cpu_ms": ...}
                   one slider change, timed

"ms" is the AppTest round trip (`.set_value(d).run()`, harness included);
"script_ms" is the script execution alone as the server's ScriptRunner runs it
(timed around streamlit's exec_func_with_error_handling), i.e. the server-side
rerun without AppTest's own parsing of every element it receives; "script_cpu_ms"
is the script thread's CPU time over the same span (less sensitive to a busy machine).
  "profile P"   -> @@profile {"path": P}  one slider change under pyinstrument
  "quit"        -> exits

Environment (KURIL_DATA_DIR etc.) is set by the caller: geo reads it when the app runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

# Script runs log "missing ScriptRunContext" through logging; keep stdout for the protocol.
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")

WRAPPER = """
import pathlib, time
import streamlit as st
from pyinstrument import Profiler
APP = {app!r}
code = compile(pathlib.Path(APP).read_text(encoding="utf-8"), APP, "exec")
out = st.session_state.get("_bench_profile_out")
profiler = Profiler(interval=0.0005) if out else None
if profiler:
    profiler.start()
try:
    exec(code, {{"__name__": "__main__", "__file__": APP}})
finally:
    if profiler:
        profiler.stop()
        pathlib.Path(out).write_text(profiler.output_text(unicode=True, show_all=False),
                                     encoding="utf-8")
        pathlib.Path(out).with_suffix(".html").write_text(profiler.output_html(),
                                                          encoding="utf-8")
"""


def say(tag: str, payload: dict) -> None:
    sys.stdout.write(f"@@{tag} {json.dumps(payload)}\n")
    sys.stdout.flush()


def date_cycle(stops: list) -> list:
    """Slider targets spread over the timeline; consecutive ones always differ."""
    n = len(stops)
    picks = [0, n - 1, n // 2, n // 4, (3 * n) // 4, 1]
    seq: list = []
    for i in picks:
        if stops[i] not in seq:
            seq.append(stops[i])
    return seq


def map_payload(at) -> dict:
    """Sizes of the st_folium element's arguments: what a rerun sends for the map."""
    comps = at.get("component_instance")
    if not comps:
        return {}
    raw = comps[-1].proto.json_args
    args = json.loads(raw)
    coords = re.compile(r'"coordinates": ?(\[[\[\]0-9.,eE +-]*\])')
    geometry = sum(
        len(m) for key in ("script", "feature_group") for m in coords.findall(args.get(key) or "")
    )
    return {
        "json_args_bytes": len(raw.encode()),
        "script_bytes": len((args.get("script") or "").encode()),
        "feature_group_bytes": len((args.get("feature_group") or "").encode()),
        "geometry_bytes": geometry,
    }


SCRIPT_MS: list[float] = []
SCRIPT_CPU_MS: list[float] = []


def time_script_runs() -> None:
    """Record the wall and CPU time (script thread) of every script execution."""
    from streamlit.runtime.scriptrunner import script_runner

    original = script_runner.exec_func_with_error_handling

    def timed(func, ctx):
        t, c = time.perf_counter(), time.thread_time()
        try:
            return original(func, ctx)
        finally:
            SCRIPT_CPU_MS.append((time.thread_time() - c) * 1000)
            SCRIPT_MS.append((time.perf_counter() - t) * 1000)

    script_runner.exec_func_with_error_handling = timed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--query", action="append", default=[], help="key=value URL param")
    parser.add_argument("--warmup", type=int, default=2, help="passes over the date cycle")
    args = parser.parse_args()

    from streamlit.testing.v1 import AppTest

    time_script_runs()

    from benchmarks import REPO
    from geo.load import load_dataset
    from geo.timeline import build_stops

    # Stop dates from the committed data: the synthetic folders keep the same events.
    stops = [s.date for s in build_stops(load_dataset(REPO / "data"))]
    cycle = date_cycle(stops)

    def new_test(path: str) -> AppTest:
        at = AppTest.from_file(path, default_timeout=900)
        for item in args.query:
            key, _, value = item.partition("=")
            at.query_params[key] = value
        return at

    at = new_test(args.app)
    t = time.perf_counter()
    at.run()
    first = time.perf_counter() - t
    if at.exception:
        say("error", {"message": str(at.exception)})
        return 1
    warm = []
    for _ in range(args.warmup):
        for d in cycle:
            t = time.perf_counter()
            at.select_slider(key="date").set_value(d).run()
            warm.append((time.perf_counter() - t) * 1000)
    say(
        "ready",
        {
            "first_run_ms": first * 1000,
            "warm_ms": warm,
            "payload": map_payload(at),
            "cycle": [d.isoformat() for d in cycle],
        },
    )

    step = 0
    for line in sys.stdin:
        cmd, _, rest = line.strip().partition(" ")
        if cmd == "step":
            d = cycle[step % len(cycle)]
            step += 1
            runs = len(SCRIPT_MS)
            t = time.perf_counter()
            at.select_slider(key="date").set_value(d).run()
            ms = (time.perf_counter() - t) * 1000
            if at.exception:
                say("error", {"message": str(at.exception)})
                return 1
            say(
                "step",
                {
                    "ms": ms,
                    "script_ms": sum(SCRIPT_MS[runs:]),
                    "script_cpu_ms": sum(SCRIPT_CPU_MS[runs:]),
                    "script_runs": len(SCRIPT_MS) - runs,
                    "date": d.isoformat(),
                },
            )
        elif cmd == "profile":
            with tempfile.TemporaryDirectory() as tmp:
                wrapper = Path(tmp) / "profiled_app.py"
                wrapper.write_text(WRAPPER.format(app=str(Path(args.app).resolve())))
                prof = new_test(str(wrapper))
                prof.run()
                for d in cycle:  # same warm state as the timed runs
                    prof.select_slider(key="date").set_value(d).run()
                prof.session_state["_bench_profile_out"] = rest
                prof.select_slider(key="date").set_value(cycle[0]).run()
            say("profile", {"path": rest})
        elif cmd == "quit":
            break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
