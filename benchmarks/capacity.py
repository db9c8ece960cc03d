"""Capacity: how many concurrent sessions per replica before the slider → map repaint
p95 passes 1 s, for one `streamlit run` process and for two replicas behind HAProxy
(scripts/replicas.sh), on this machine. Also the RSS of one replica after start and
with 20 sessions open.

    .venv/bin/python -m benchmarks.capacity                  # about 8-10 minutes
    .venv/bin/python -m benchmarks.capacity --levels 1,2,4 --window 10   # quicker

Load: N readers, each a headless Chromium page in its own browser context (its own
session and cookie). Every reader moves the timeline slider with the keyboard (Home,
then End, alternately) once every `--cadence` seconds, or at once when its previous
change took longer; readers start their cadence staggered. A change's time is taken
inside the page as in benchmarks/browser_bench.py: keydown → Shikotan's new fill in the
map frame → the next animation frame. A change with no repaint in 20 s counts as
infinitely slow. N steps up per replica (1, 2, 4, 8, 12, 16 by default: twice as many
readers in all for two replicas) until a level's p95 passes 1 s or the time budget is
spent. The browser runs on the same two cores as the servers, so the table also gives
the CPU the servers, Chromium and the rest of the machine took in each window
(CPU-seconds per second: 2.00 is both cores busy).

Prints a table and writes benchmarks/out/capacity-<time>.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import math
import os
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # `python benchmarks/capacity.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil

from benchmarks import OUT
from benchmarks.browser_bench import ARM_REPAINT, LOAD_PROBE, PROBE_ISLAND
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, MAP_FRAME, streamlit_server

THRESHOLD_MS = 1000.0
CHANGE_TIMEOUT_MS = 20_000
LOAD_TIMEOUT_MS = 120_000
VIEWPORT = {"width": 1200, "height": 900}
OFFLINE = {"KURIL_TILES": "off", "KURIL_ASSETS": "local"}
KEYS = ("Home", "End")
# Above this much CPU (cores) taken by programs other than the servers and Chromium, a
# window measures the machine's other load as much as the app.
BUSY_OTHER = 0.3


def log(msg: str) -> None:
    print(
        f"[{time.strftime('%H:%M:%S')}] {msg} (load avg {os.getloadavg()[0]:.1f})",
        file=sys.stderr,
        flush=True,
    )


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile (a timed-out change is +inf)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


@dataclass
class Reader:
    context: object
    page: object
    changes: int = 0  # how many it has made: the next key is KEYS[changes % 2]


@dataclass
class Level:
    mode: str
    per_replica: int
    readers: int
    changes: int
    timeouts: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    server_cpu: float  # CPU-seconds of the servers (and proxy) in the window / wall time
    browser_cpu: float  # the same for Chromium
    other_cpu: float  # the rest of the machine's busy CPU: other programs on it
    load_avg: float
    samples: list[float] = field(default_factory=list, repr=False)


def cpu_seconds() -> dict[str, float]:
    """CPU time so far of this process's descendants: servers (Python, HAProxy) and the
    browser (Chromium, Playwright's driver), by pid."""
    found: dict[str, float] = {}
    for proc in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            t = proc.cpu_times()
            name = proc.name().lower()
            group = "browser" if ("chrom" in name or name == "node") else "server"
            found[f"{group}:{proc.pid}"] = t.user + t.system
    found["busy"] = busy_seconds()
    return found


def busy_seconds() -> float:
    """CPU time the whole machine has spent busy (not idle, not waiting on disk)."""
    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


def cpu_share(before: dict[str, float], after: dict[str, float], wall: float) -> dict[str, float]:
    share = {"server": 0.0, "browser": 0.0}
    for key, value in after.items():
        if key == "busy":
            continue
        group = key.split(":", 1)[0]
        share[group] += value - before.get(key, 0.0)
    share["other"] = after["busy"] - before["busy"] - share["server"] - share["browser"]
    return {k: max(0.0, v) / wall for k, v in share.items()}


async def open_reader(browser, url: str) -> Reader:
    context = await browser.new_context(viewport=VIEWPORT)
    page = await context.new_page()
    page.set_default_timeout(LOAD_TIMEOUT_MS)
    await page.add_init_script(LOAD_PROBE)
    await page.goto(url, wait_until="commit")
    await page.wait_for_function("() => window.__loaded", polling=100, timeout=LOAD_TIMEOUT_MS)
    return Reader(context, page)


async def change(reader: Reader) -> float:
    """One slider change; ms from keydown to the repaint, +inf if none in 20 s."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    page = reader.page
    key = KEYS[reader.changes % 2]
    reader.changes += 1
    await page.get_by_role("slider").first.focus()
    await page.evaluate(ARM_REPAINT, [MAP_FRAME, PROBE_ISLAND])
    await page.keyboard.press(key)
    try:
        await page.wait_for_function(
            "() => window.__probe.paint !== null", polling=50, timeout=CHANGE_TIMEOUT_MS
        )
    except PlaywrightTimeout:
        return float("inf")
    probe = await page.evaluate("() => window.__probe")
    return probe["paint"] - probe["t0"]


async def drive(reader: Reader, offset: float, end: float, cadence: float, out: list) -> None:
    await asyncio.sleep(offset)
    while time.monotonic() < end:
        began = time.monotonic()
        out.append(await change(reader))
        await asyncio.sleep(max(0.0, cadence - (time.monotonic() - began)))


async def run_mode(browser, mode: str, url: str, replicas: int, args, deadline: float) -> list:
    """Step the readers up on one server setup; stop once p95 passes the threshold."""
    readers: list[Reader] = []
    levels: list[Level] = []
    try:
        # Warm every replica (its first session loads the data) with pages not measured.
        warm = [await open_reader(browser, url) for _ in range(replicas)]
        for reader in warm:
            await change(reader)
            await change(reader)
            await reader.context.close()
        for per_replica in args.levels:
            total = per_replica * replicas
            if time.monotonic() > deadline:
                log(f"{mode}: time budget spent before {per_replica} per replica")
                break
            while len(readers) < total:
                readers.append(await open_reader(browser, url))
            log(f"{mode}: {total} readers open, measuring {args.window:.0f} s")
            samples: list[float] = []
            start = time.monotonic()
            end = start + args.window
            cpu_before = cpu_seconds()
            await asyncio.gather(
                *(
                    drive(r, i * args.cadence / total, end, args.cadence, samples)
                    for i, r in enumerate(readers)
                )
            )
            wall = time.monotonic() - start
            share = cpu_share(cpu_before, cpu_seconds(), wall)
            finite = [s for s in samples if math.isfinite(s)]
            level = Level(
                mode=mode,
                per_replica=per_replica,
                readers=total,
                changes=len(samples),
                timeouts=len(samples) - len(finite),
                p50_ms=statistics.median(samples) if samples else float("nan"),
                p95_ms=p95(samples),
                max_ms=max(samples, default=float("nan")),
                server_cpu=share["server"],
                browser_cpu=share["browser"],
                other_cpu=share["other"],
                load_avg=os.getloadavg()[0],
                samples=samples,
            )
            levels.append(level)
            log(f"{mode}: {total} readers p95 {level.p95_ms:.0f} ms over {level.changes}")
            if level.p95_ms > THRESHOLD_MS:
                break
    finally:
        for reader in readers:
            with contextlib.suppress(Exception):
                await reader.context.close()
    return levels


def rss(pid: int) -> int:
    return psutil.Process(pid).memory_info().rss


async def memory(browser, sessions: int, budget_s: float) -> dict:
    """RSS of one replica (a `streamlit run` process) after start, with 1 and with
    `sessions` sessions open (each opened once the previous one has drawn its map)."""
    with streamlit_server(env=OFFLINE, timeout=120) as (url, proc):
        await asyncio.sleep(3)  # let start-up settle: RSS is not a timing
        after_start = rss(proc.pid)
        readers = [await open_reader(browser, url)]
        await asyncio.sleep(3)
        one = rss(proc.pid)
        end = time.monotonic() + budget_s
        while len(readers) < sessions and time.monotonic() < end:
            readers.append(await open_reader(browser, url))
        await asyncio.sleep(3)
        many = rss(proc.pid)
        opened = len(readers)
        for reader in readers:
            await reader.context.close()
    return {
        "after_start": after_start,
        "one_session": one,
        "sessions": opened,
        "with_sessions": many,
        "per_added_session": (many - one) / (opened - 1) if opened > 1 else float("nan"),
    }


def summary(levels: list[Level], mode: str) -> str:
    mine = [lv for lv in levels if lv.mode == mode]
    over = next((lv for lv in mine if lv.p95_ms > THRESHOLD_MS), None)
    under = [lv for lv in mine if lv.p95_ms <= THRESHOLD_MS]
    last_ok = "none"
    if under:
        last_ok = f"{under[-1].per_replica} per replica ({under[-1].readers} in all)"
    if over is None:
        return f"{mode}: p95 stayed under 1 s up to {last_ok}"
    return (
        f"{mode}: p95 passes 1 s at {over.per_replica} sessions per replica "
        f"({over.readers} in all); last under 1 s: {last_ok}"
    )


def table(levels: list[Level]) -> str:
    head = (
        "| setup | sessions/replica | sessions | changes | timeouts | p50 ms | p95 ms "
        "| max ms | server CPU | Chromium CPU | other CPU | load avg |"
    )
    lines = [head, "|" + "---|" * 12]
    for lv in levels:
        lines.append(
            f"| {lv.mode} | {lv.per_replica} | {lv.readers} | {lv.changes} | {lv.timeouts} "
            f"| {lv.p50_ms:.0f} | {lv.p95_ms:.0f} | {lv.max_ms:.0f} "
            f"| {lv.server_cpu:.2f} | {lv.browser_cpu:.2f} | {lv.other_cpu:.2f} "
            f"| {lv.load_avg:.1f} |"
        )
    return "\n".join(lines)


async def main_async(args) -> dict:
    from playwright.async_api import async_playwright

    from tests.deploy.cluster import replicas as replica_set

    began = time.monotonic()
    results: dict = {
        "args": {k: sorted(v) if isinstance(v, set) else v for k, v in vars(args).items()},
        "nproc": os.cpu_count(),
        "loadavg_start": os.getloadavg(),
    }
    levels: list[Level] = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            if "capacity" in args.only:
                share = args.budget / 2
                log("one process: starting")
                with streamlit_server(env=OFFLINE, timeout=120) as (url, _proc):
                    levels += await run_mode(
                        browser, "one process", url, 1, args, time.monotonic() + share
                    )
                log("two replicas behind HAProxy: starting")
                with replica_set(2) as cluster:
                    rest = args.budget - (time.monotonic() - began)
                    levels += await run_mode(
                        browser, "two replicas", cluster.url, 2, args, time.monotonic() + rest
                    )
            if "memory" in args.only:
                log(f"memory: one replica, {args.sessions} sessions")
                results["memory"] = await memory(browser, args.sessions, 240)
        finally:
            await browser.close()
    results["levels"] = [asdict(lv) for lv in levels]
    results["loadavg_end"] = os.getloadavg()
    results["elapsed_s"] = time.monotonic() - began
    return {"results": results, "levels": levels}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="1,2,4,8,12,16", help="sessions per replica, in steps")
    parser.add_argument("--window", type=float, default=20.0, help="seconds measured per level")
    parser.add_argument("--cadence", type=float, default=2.0, help="seconds between changes")
    parser.add_argument("--budget", type=float, default=420.0, help="seconds for both setups")
    parser.add_argument("--sessions", type=int, default=20, help="sessions for the RSS row")
    parser.add_argument("--only", default="capacity,memory", help="capacity, memory or both")
    args = parser.parse_args()
    args.levels = [int(x) for x in args.levels.split(",")]
    args.only = set(args.only.split(","))

    done = asyncio.run(main_async(args))
    results, levels = done["results"], done["levels"]
    print(
        f"\nCapacity - {dt.datetime.now():%Y-%m-%d %H:%M}, {results['nproc']} CPU, load avg "
        f"{results['loadavg_start'][0]:.1f} -> {results['loadavg_end'][0]:.1f}, "
        f"{results['elapsed_s']:.0f} s; a change every {args.cadence:g} s per reader, "
        f"{args.window:g} s per level; CPU = CPU-seconds per second of the window\n"
    )
    if levels:
        print(table(levels) + "\n")
        for mode in dict.fromkeys(lv.mode for lv in levels):
            print(summary(levels, mode))
        busy = [lv for lv in levels if lv.other_cpu > BUSY_OTHER]
        if busy:
            print(
                f"WARNING: other programs used more than {BUSY_OTHER:.2f} CPU in "
                f"{len(busy)} of {len(levels)} windows: those times are the machine's, "
                "not the app's; run again when it is quiet"
            )
    if "memory" in results:
        m = results["memory"]
        print(
            f"\nRSS of one replica: {m['after_start'] / 1e6:.1f} MB after start, "
            f"{m['one_session'] / 1e6:.1f} MB with 1 session, "
            f"{m['with_sessions'] / 1e6:.1f} MB with {m['sessions']} sessions "
            f"({m['per_added_session'] / 1e6:.2f} MB per added session)"
        )
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (OUT / f"capacity-{stamp}.json").write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
