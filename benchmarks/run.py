"""Benchmark the dashboard against the floor app, side by side in one run.

    .venv/bin/python -m benchmarks.run            # everything, ~6-9 minutes
    .venv/bin/python -m benchmarks.run --quick    # fewer runs, smaller scales
    .venv/bin/python -m benchmarks.run --only rerun,scale --profile
    .venv/bin/python -m benchmarks.run --only cacheclear   # the cache-clear attack, ~1 min

Prints a table (medians, app/floor ratios, targets, pass/miss) and writes
benchmarks/out/results-<time>.json and benchmarks/out/latest.json.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # `python benchmarks/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import APP, FLOOR, OUT, REPO

PHASES = ("rerun", "scale", "repaint", "load", "cold", "memory", "cacheclear")
TARGETS = {
    "rerun": 1.25,
    "repaint": 1.25,
    "load": 1.30,
    "cold": 1.30,
    "map_kb": 100.0,
    "session_mb": 2.0,
    "scale": 2.0,
    "cacheclear": 1.5,
}
KB, MB = 1e3, 1e6
BASE_ENV = {
    "KURIL_TILES": "off",
    "KURIL_ASSETS": "local",
    "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
}


LOADAVG: list[tuple[str, float]] = []


def log(msg: str) -> None:
    load = os.getloadavg()[0]
    LOADAVG.append((msg, load))
    print(f"[{time.strftime('%H:%M:%S')}] {msg} (load avg {load:.1f})", file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def machine_facts() -> dict:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    from importlib.metadata import version

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": mem,
        "python": platform.python_version(),
        **{
            pkg: version(pkg)
            for pkg in (
                "streamlit",
                "streamlit-folium",
                "folium",
                "pandas",
                "geopandas",
                "playwright",
            )
        },
        "loadavg_start": os.getloadavg(),
    }


# --- server-side reruns (AppTest workers) ---------------------------------------------------


class Worker:
    """A benchmarks.rerun_worker subprocess."""

    def __init__(
        self,
        name: str,
        app: Path,
        env: dict | None = None,
        query: tuple[str, ...] = (),
        log_dir: Path | None = None,
    ):
        self.name = name
        cmd = [sys.executable, "-m", "benchmarks.rerun_worker", "--app", str(app)]
        for q in query:
            cmd += ["--query", q]
        self.log = open((log_dir or OUT) / f"worker-{name}.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            cmd,
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            env={**os.environ, **BASE_ENV, "PYTHONPATH": str(REPO), **(env or {})},
        )
        self.started = time.perf_counter()
        self.ready: dict | None = None

    def _read(self, tag: str) -> dict:
        for line in self.proc.stdout:
            if line.startswith("@@error"):
                raise RuntimeError(f"{self.name}: {line}")
            if line.startswith(f"@@{tag} "):
                return json.loads(line.split(" ", 1)[1])
        raise RuntimeError(f"worker {self.name} exited (see {self.log.name})")

    def wait_ready(self) -> dict:
        if self.ready is None:
            self.ready = self._read("ready")
            self.ready["ready_s"] = time.perf_counter() - self.started
        return self.ready

    def ask(self, cmd: str, tag: str) -> dict:
        self.proc.stdin.write(cmd + "\n")
        self.proc.stdin.flush()
        return self._read(tag)

    def step(self) -> dict:
        return self.ask("step", "step")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def interleave(workers: list[Worker], runs: int) -> dict[str, list[dict]]:
    """`runs` timed slider changes per worker, taking turns (order rotates each round)."""
    times: dict[str, list[dict]] = {w.name: [] for w in workers}
    for i in range(runs):
        k = i % len(workers)
        for w in workers[k:] + workers[:k]:
            times[w.name].append(w.step())
    return times


# The page's other languages, each measured like English against the same floor.
LANGUAGES = ("ja", "ru")


def phase_rerun(runs: int, profile: bool) -> dict:
    workers = [Worker("app", APP), Worker("floor", FLOOR)]
    workers += [Worker(f"app-{code}", APP, query=(f"lang={code}",)) for code in LANGUAGES]
    try:
        ready = {w.name: w.wait_ready() for w in workers}
        times = interleave(workers, runs)
        if profile:
            path = OUT / "profile-rerun-app.txt"
            workers[0].ask(f"profile {path}", "profile")
            log(f"profile written to {path} (+ .html)")
    finally:
        for w in workers:
            w.close()
    out = {"runs": times, "ready": ready}
    for code in LANGUAGES:  # the same step of English and of this language, back to back
        name = f"app-{code}"
        out[name] = {
            "script_ms": median([r["script_ms"] for r in times[name]]),
            "vs_floor": median([r["script_ms"] for r in times[name]])
            / median([r["script_ms"] for r in times["floor"]]),
            "paired_ratio": median(
                [
                    a["script_ms"] / f["script_ms"]
                    for a, f in zip(times[name], times["floor"], strict=True)
                ]
            ),
        }
    for name in ("app", "floor"):
        for key in ("script_ms", "script_cpu_ms"):
            out[f"{name}_{key}"] = median([r[key] for r in times[name]])
        out[f"{name}_apptest_ms"] = median([r["ms"] for r in times[name]])
    # Step i of the app and of the floor ran back to back on the same date: their ratio
    # shares the machine's noise at that moment.
    out["paired_ratio"] = median(
        [a["script_ms"] / f["script_ms"] for a, f in zip(times["app"], times["floor"], strict=True)]
    )
    return out


SEARCH = "peace treaty"  # two words, in many claims: the list is long, and every claim is searched


def phase_scale(runs: int, scales: list[int], profile: bool, while_loading=None) -> dict:
    """Workers on 1x..Nx claims. The big folders take a minute or two to load (pure-Python
    YAML); `while_loading()` runs meanwhile (the memory phase: RSS is not a timing)."""
    from benchmarks.synth import claim_count, make_data_dir

    with tempfile.TemporaryDirectory(prefix="kuril-bench-data-") as tmp:
        workers = []
        counts = {}
        try:
            for scale in scales:
                folder = make_data_dir(scale, Path(tmp) / f"x{scale}")
                counts[scale] = claim_count(folder)
                workers.append(
                    Worker(
                        f"x{scale}",
                        APP,
                        env={"KURIL_DATA_DIR": str(folder)},
                        query=("island=shikotan",),
                    )
                )
            # the largest data again, searched: every claim's text is looked through
            workers.append(
                Worker(
                    "search",
                    APP,
                    env={"KURIL_DATA_DIR": str(folder)},
                    query=(f"q={SEARCH}",),
                )
            )
            log(f"scale: loading {', '.join(f'{s}x={counts[s]} claims' for s in scales)}")
            if while_loading is not None:
                while_loading()
            ready = {w.name: w.wait_ready() for w in workers}
            log("scale: timed slider changes, the workers taking turns")
            times = interleave(workers, runs)
            if profile:
                path = OUT / f"profile-rerun-app-x{scales[-1]}.txt"
                workers[-1].ask(f"profile {path}", "profile")
                log(f"profile written to {path} (+ .html)")
        finally:
            for w in workers:
                w.close()
    per_scale = {}
    base = median([r["script_ms"] for r in times[f"x{scales[0]}"]])
    for scale in scales:
        runs_ = times[f"x{scale}"]
        m = median([r["script_ms"] for r in runs_])
        per_scale[str(scale)] = {
            "claims": counts[scale],
            "ms": m,
            "vs_1x": m / base,
            "apptest_ms": median([r["ms"] for r in runs_]),
            "runs": runs_,
            "ready_s": ready[f"x{scale}"]["ready_s"],
            "first_run_ms": ready[f"x{scale}"]["first_run_ms"],
        }
    runs_ = times["search"]
    m = median([r["script_ms"] for r in runs_])
    search = {
        "claims": counts[scales[-1]],
        "query": SEARCH,
        "ms": m,
        "vs_1x": m / base,
        "apptest_ms": median([r["ms"] for r in runs_]),
        "runs": runs_,
    }
    return {"scales": per_scale, "selected_island": "shikotan", "search": search}


# --- browser ---------------------------------------------------------------------------------


def paired_ratios(app: list[float], floor: list[float]) -> dict:
    """Per-round app/floor ratios: median, range and the ratios themselves."""
    ratios = [a / f for a, f in zip(app, floor, strict=True)]
    return {"median": median(ratios), "min": min(ratios), "max": max(ratios), "ratios": ratios}


def phase_browser(
    runs: int, cold_runs: int, sessions: int, phases: set[str], load_runs: int = 15
) -> dict:
    from benchmarks import browser_bench as bb
    from tests.support.browser import chromium

    out: dict = {}
    env = {**BASE_ENV}
    with chromium() as browser:
        if phases & {"repaint", "load"}:
            with (
                bb.server("app", env) as (app_url, _p1, _s1),
                bb.server("floor", env) as (floor_url, _p2, _s2),
            ):
                urls = {"app": app_url, "floor": floor_url}
                if "repaint" in phases:  # the other languages on the same server
                    urls |= {f"app-{c}": f"{app_url}/?lang={c}" for c in LANGUAGES}
                for url in urls.values():  # warm the servers (first session, caches)
                    bb.first_load(browser, url)
                if "repaint" in phases:
                    log("repaint: slider changes, a fresh page per run, taking turns")
                    for name, url in urls.items():  # untimed
                        bb.slider_run(browser, url, app=name != "floor")
                    changes: dict[str, list[dict]] = {name: [] for name in urls}
                    for i in range(runs):
                        for name in bb.turns(i) + [f"app-{c}" for c in LANGUAGES]:
                            changes[name].append(
                                bb.slider_run(browser, urls[name], app=name != "floor")
                            )
                    out["repaint"] = {
                        name: {
                            kind: {
                                field: median([c[kind][field] for c in cs])
                                for field in (
                                    "repaint_ms",
                                    "dom_ms",
                                    "bytes",
                                    "largest_frame",
                                    "frames",
                                )
                            }
                            for kind in ("new", "revisit")
                        }
                        | {
                            "static_geometry_bytes": median(
                                [c["load"]["static_geometry_bytes"] for c in cs]
                            ),
                            "static_refetches": max(c["static_requests_after_load"] for c in cs),
                            "runs": cs,
                        }
                        for name, cs in changes.items()
                    }
                    # Each round runs the floor and every app page back to back: a ratio
                    # within one round sees one machine load (as the load row's does).
                    out["repaint"]["paired"] = {
                        name: paired_ratios(
                            [c["new"]["repaint_ms"] for c in cs],
                            [c["new"]["repaint_ms"] for c in changes["floor"]],
                        )
                        for name, cs in changes.items()
                        if name != "floor"
                    }
                if "load" in phases:
                    urls = {"app": app_url, "floor": floor_url}
                    log("load: first page loads on warm servers, taking turns")
                    loads: dict[str, list[float]] = {"app": [], "floor": []}
                    whole: list[float] = []  # the app's page whole (geo.deferred)
                    for i in range(load_runs):
                        for name in bb.turns(i):
                            if name == "app":
                                polygons, done = bb.first_load_whole(browser, urls[name])
                                loads[name].append(polygons)
                                whole.append(done)
                            else:
                                loads[name].append(bb.first_load(browser, urls[name]))
                    out["load"] = {n: {"ms": median(v), "runs_ms": v} for n, v in loads.items()}
                    out["load"]["app"]["whole_ms"] = median(whole)
                    out["load"]["app"]["whole_runs_ms"] = whole
                    # Each round's app and floor load back to back: their ratio sees the
                    # same machine load, so its spread shows how noisy the row is.
                    out["load"]["paired"] = paired_ratios(loads["app"], loads["floor"])
        if "cold" in phases:
            log("cold: new streamlit process per load, taking turns")
            cold: dict[str, list[dict]] = {"app": [], "floor": []}
            for i in range(cold_runs):
                for name in bb.turns(i):
                    with bb.server(name, env) as (url, _proc, healthy_s):
                        ms = bb.first_load(browser, url)
                    cold[name].append(
                        {"page_ms": ms, "healthy_s": healthy_s, "total_ms": healthy_s * 1000 + ms}
                    )
            out["cold"] = {
                n: {
                    "ms": median([r["page_ms"] for r in v]),
                    "total_ms": median([r["total_ms"] for r in v]),
                    "runs": v,
                }
                for n, v in cold.items()
            }
        if "memory" in phases:
            out["memory"] = {}
            for name in ("app", "floor"):
                log(f"memory: {name}, 1 then {sessions} sessions on a fresh server")
                with bb.server(name, env) as (url, proc, _s):
                    out["memory"][name] = bb.memory_profile(
                        browser, url, proc, sessions, budget_s=240
                    )
    return out


# --- report ----------------------------------------------------------------------------------


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("pass" if ok else "MISS")


def build_rows(res: dict) -> list[list[str]]:
    rows: list[list[str]] = []

    def ratio_row(label, app, floor, target, unit="ms", fmt="{:.0f}"):
        ratio = app / floor if floor else float("nan")
        rows.append(
            [
                label,
                fmt.format(app) + f" {unit}",
                fmt.format(floor) + f" {unit}",
                f"{ratio:.2f}x",
                f"<= {target:.2f}x",
                verdict(ratio <= target),
            ]
        )

    def paired_row(p: dict | None) -> None:
        if p:
            rows.append(
                [
                    "    median of per-round ratios (range)",
                    "",
                    "",
                    f"{p['median']:.2f}x",
                    "info",
                    f"{p['min']:.2f}-{p['max']:.2f}x over {len(p['ratios'])} rounds",
                ]
            )

    if "rerun" in res:
        r = res["rerun"]
        ratio_row(
            "Rerun after slider change (script run, server)",
            r["app_script_ms"],
            r["floor_script_ms"],
            TARGETS["rerun"],
        )
        rows.append(
            [
                "  median of per-step ratios (same date, back to back)",
                "",
                "",
                f"{r['paired_ratio']:.2f}x",
                "info",
                "",
            ]
        )
        for code in LANGUAGES:
            if f"app-{code}" in r:
                lr = r[f"app-{code}"]
                rows.append(
                    [
                        f"  the same in {code} (?lang={code})",
                        f"{lr['script_ms']:.0f} ms",
                        f"{r['floor_script_ms']:.0f} ms",
                        f"{lr['vs_floor']:.2f}x",
                        f"<= {TARGETS['rerun']:.2f}x",
                        verdict(lr["vs_floor"] <= TARGETS["rerun"])
                        + f" (per-step {lr['paired_ratio']:.2f}x)",
                    ]
                )
        a, f = r["app_script_cpu_ms"], r["floor_script_cpu_ms"]
        rows.append(
            ["  script thread CPU time", f"{a:.0f} ms", f"{f:.0f} ms", f"{a / f:.2f}x", "info", ""]
        )
        a, f = r["app_apptest_ms"], r["floor_apptest_ms"]
        rows.append(
            [
                "  AppTest .set_value().run() round trip",
                f"{a:.0f} ms",
                f"{f:.0f} ms",
                f"{a / f:.2f}x",
                "info",
                "",
            ]
        )
    if "repaint" in res:
        r = res["repaint"]
        ratio_row(
            "Slider change -> map repainted (Chromium)",
            r["app"]["new"]["repaint_ms"],
            r["floor"]["new"]["repaint_ms"],
            TARGETS["repaint"],
        )
        paired_row(r.get("paired", {}).get("app"))
        for code in LANGUAGES:
            if f"app-{code}" in r:
                a = r[f"app-{code}"]["new"]["repaint_ms"]
                f = r["floor"]["new"]["repaint_ms"]
                rows.append(
                    [
                        f"  the same in {code} (?lang={code})",
                        f"{a:.0f} ms",
                        f"{f:.0f} ms",
                        f"{a / f:.2f}x",
                        f"<= {TARGETS['repaint']:.2f}x",
                        verdict(a / f <= TARGETS["repaint"]),
                    ]
                )
                paired_row(r.get("paired", {}).get(f"app-{code}"))
        a, f = r["app"]["revisit"]["repaint_ms"], r["floor"]["revisit"]["repaint_ms"]
        rows.append(
            [
                "  back to a date seen in this session",
                f"{a:.0f} ms",
                f"{f:.0f} ms",
                f"{a / f:.2f}x",
                "info",
                "",
            ]
        )
    if "load" in res:
        r = res["load"]
        ratio_row(
            "First load -> polygons, warm server", r["app"]["ms"], r["floor"]["ms"], TARGETS["load"]
        )
        paired_row(r.get("paired"))
        if "whole_ms" in r["app"]:
            w = r["app"]["whole_ms"]
            rows.append(
                [
                    "  app: page whole (claims list; sent once the map is drawn)",
                    f"{w:.0f} ms",
                    "",
                    f"{w / r['floor']['ms']:.2f}x",
                    "info",
                    f"{w - r['app']['ms']:.0f} ms after the polygons",
                ]
            )
    if "cold" in res:
        r = res["cold"]
        ratio_row(
            "First load -> polygons, new process", r["app"]["ms"], r["floor"]["ms"], TARGETS["load"]
        )
        a, f = r["app"]["total_ms"], r["floor"]["total_ms"]
        rows.append(
            [
                "  (spawn -> polygons, incl. server start)",
                f"{a:.0f} ms",
                f"{f:.0f} ms",
                f"{a / f:.2f}x",
                "info",
                "",
            ]
        )
    if "repaint" in res:
        r = res["repaint"]
        a, f = r["app"]["new"]["largest_frame"] / KB, r["floor"]["new"]["largest_frame"] / KB
        rows.append(
            [
                "Map bytes per slider change (ws frame)",
                f"{a:.1f} KB",
                f"{f:.1f} KB",
                f"{a / f:.2f}x",
                f"<= {TARGETS['map_kb']:.0f} KB",
                verdict(a <= TARGETS["map_kb"]),
            ]
        )
        for code in LANGUAGES:
            if f"app-{code}" in r:
                a = r[f"app-{code}"]["new"]["largest_frame"] / KB
                rows.append(
                    [
                        f"  the same in {code}",
                        f"{a:.1f} KB",
                        f"{f:.1f} KB",
                        f"{a / f:.2f}x",
                        f"<= {TARGETS['map_kb']:.0f} KB",
                        verdict(a <= TARGETS["map_kb"]),
                    ]
                )
        a, f = r["app"]["new"]["bytes"] / KB, r["floor"]["new"]["bytes"] / KB
        rows.append(
            [
                "  all ws bytes per slider change",
                f"{a:.1f} KB",
                f"{f:.1f} KB",
                f"{a / f:.2f}x",
                "info",
                "",
            ]
        )
        a, f = r["app"]["revisit"]["bytes"] / KB, r["floor"]["revisit"]["bytes"] / KB
        rows.append(
            [
                "  all ws bytes, back to a seen date",
                f"{a:.1f} KB",
                f"{f:.1f} KB",
                f"{a / f:.2f}x",
                "info",
                "",
            ]
        )
        a, f = r["app"]["static_geometry_bytes"] / KB, r["floor"]["static_geometry_bytes"] / KB
        rows.append(
            [
                "  geometry fetched over HTTP once per page load",
                f"{a:.1f} KB",
                f"{f:.1f} KB",
                "",
                "info",
                f"fetched again on change: {r['app']['static_refetches']}",
            ]
        )
    if "rerun" in res:
        pa = res["rerun"]["ready"]["app"]["payload"]
        pf = res["rerun"]["ready"]["floor"]["payload"]
        rows.append(
            [
                "  of which geometry (coordinates)",
                f"{pa['geometry_bytes'] / KB:.1f} KB",
                f"{pf['geometry_bytes'] / KB:.1f} KB",
                f"{pa['geometry_bytes'] / pf['geometry_bytes']:.2f}x",
                "info",
                "",
            ]
        )
    if "memory" in res:
        m = res["memory"]
        a, f = m["app"], m["floor"]
        rows.append(
            [
                "Server RSS, 1 session",
                f"{a['rss_1'] / MB:.1f} MB",
                f"{f['rss_1'] / MB:.1f} MB",
                f"{a['rss_1'] / f['rss_1']:.2f}x",
                "info",
                "",
            ]
        )
        rows.append(
            [
                f"Server RSS, {a['sessions']} sessions",
                f"{a['rss_n'] / MB:.1f} MB",
                f"{f['rss_n'] / MB:.1f} MB",
                f"{a['rss_n'] / f['rss_n']:.2f}x",
                "info",
                "",
            ]
        )
        rows.append(
            [
                "RSS per added session",
                f"{a['per_session'] / MB:.2f} MB",
                f"{f['per_session'] / MB:.2f} MB",
                "",
                f"<= {TARGETS['session_mb']:.1f} MB",
                verdict(a["per_session"] / MB <= TARGETS["session_mb"]),
            ]
        )
    if "cacheclear" in res:
        c = res["cacheclear"]
        rows.append(
            [
                "Victim rerun, another client clears the cache 5/s (attack | alone)",
                f"{c['attack_ms']:.0f} ms",
                f"{c['alone_ms']:.0f} ms",
                f"{c['ratio']:.2f}x",
                f"<= {TARGETS['cacheclear']:.2f}x",
                verdict(c["ratio"] <= TARGETS["cacheclear"]),
            ]
        )
        rows.append(
            [
                "  clear-cache messages sent during the attack blocks",
                f"{c['clears_sent']}",
                "",
                "",
                "info",
                f"{c['clears_per_second']:.1f}/s",
            ]
        )
    if "scale" in res:
        scales = res["scale"]["scales"]
        last = list(scales)[-1]
        for key, s in scales.items():
            target = f"<= {TARGETS['scale']:.2f}x" if key == last else ""
            ok = verdict(s["vs_1x"] <= TARGETS["scale"]) if key == last else ""
            rows.append(
                [
                    f"Rerun, {key}x claims ({s['claims']}), island selected",
                    f"{s['ms']:.0f} ms",
                    "",
                    f"{s['vs_1x']:.2f}x vs 1x",
                    target,
                    ok,
                ]
            )
        if "search" in res["scale"]:
            s = res["scale"]["search"]
            rows.append(
                [
                    f"Rerun, search “{s['query']}” in {s['claims']} claims",
                    f"{s['ms']:.0f} ms",
                    "",
                    f"{s['vs_1x']:.2f}x vs 1x",
                    f"<= {TARGETS['scale']:.2f}x",
                    verdict(s["vs_1x"] <= TARGETS["scale"]),
                ]
            )
    return rows


def render_table(rows: list[list[str]]) -> str:
    head = ["Measure (median)", "app", "floor", "ratio", "target", "result"]
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    line = "  ".join("-" * w for w in widths)
    fmt = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True))  # noqa: E731
    return "\n".join([fmt(head), line, *(fmt(r) for r in rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7, help="timed repetitions per browser measure")
    parser.add_argument(
        "--steps",
        type=int,
        default=21,
        help="timed slider changes per AppTest worker (rerun, scale)",
    )
    parser.add_argument(
        "--load-runs",
        type=int,
        default=15,
        help="warm first loads per app (the noisiest row, so more runs)",
    )
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--scales", default="1,10,100,1000")
    parser.add_argument(
        "--only", default=",".join(PHASES), help="comma list of " + ", ".join(PHASES)
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="3 runs and 3 warm loads, 7 steps, 2 cold runs, 5 sessions, scales 1,10,100",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also write pyinstrument profiles of an app rerun to out/",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.steps, args.cold_runs, args.sessions, args.scales = 3, 7, 2, 5, "1,10,100"
        args.load_runs = 3
    phases = {p.strip() for p in args.only.split(",") if p.strip()}
    unknown = phases - set(PHASES)
    if unknown:
        parser.error(f"unknown phase(s): {', '.join(sorted(unknown))}")
    scales = [int(s) for s in args.scales.split(",")]

    OUT.mkdir(parents=True, exist_ok=True)
    os.chdir(REPO)
    started = time.perf_counter()
    res: dict = {
        "machine": machine_facts(),
        "settings": {
            "runs": args.runs,
            "load_runs": args.load_runs,
            "steps": args.steps,
            "cold_runs": args.cold_runs,
            "sessions": args.sessions,
            "scales": scales,
            "phases": sorted(phases),
        },
    }
    if "rerun" in phases:
        log(f"rerun: app and floor under AppTest, {args.steps} slider changes each")
        res["rerun"] = phase_rerun(args.steps, args.profile)

    def memory() -> None:
        res.update(phase_browser(args.runs, args.cold_runs, args.sessions, {"memory"}))

    if "scale" in phases:
        res["scale"] = phase_scale(
            args.steps, scales, args.profile, while_loading=memory if "memory" in phases else None
        )
    elif "memory" in phases:
        memory()
    if phases & {"repaint", "load", "cold"}:
        res.update(
            phase_browser(
                args.runs,
                args.cold_runs,
                args.sessions,
                phases & {"repaint", "load", "cold"},
                args.load_runs,
            )
        )
    if "cacheclear" in phases:
        from benchmarks.cache_attack import phase_cache_attack

        log("cacheclear: victim reruns alone and while another client clears the cache 5/s")
        res["cacheclear"] = phase_cache_attack({**BASE_ENV, "PYTHONPATH": str(REPO)})
    res["machine"]["loadavg_end"] = os.getloadavg()
    res["machine"]["loadavg_by_phase"] = LOADAVG
    res["elapsed_s"] = time.perf_counter() - started

    rows = build_rows(res)
    res["table"] = rows
    table = render_table(rows)
    m = res["machine"]
    print(
        f"\nKuril dashboard vs floor app - {dt.datetime.now():%Y-%m-%d %H:%M}, "
        f"{m['nproc']} CPU ({m['cpu']}), {m['memory']}, load avg "
        f"{m['loadavg_start'][0]:.1f} -> {m['loadavg_end'][0]:.1f}, "
        f"{res['elapsed_s']:.0f} s"
    )
    print(
        f"medians: {args.steps} slider changes per AppTest worker, {args.runs} browser runs, "
        f"{args.load_runs} warm first loads, {args.cold_runs} new-process loads; "
        "KB = 1000 B, MB = 10^6 B\n"
    )
    print(table)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = json.dumps(res, indent=2, default=str)
    (OUT / f"results-{stamp}.json").write_text(text)
    (OUT / "latest.json").write_text(text)
    print(f"\nJSON: {OUT / f'results-{stamp}.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
