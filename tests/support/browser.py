"""Helpers for the real-browser tests: a `streamlit run` server on a free
loopback port and headless Debian Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from geo.config import REPO_ROOT as REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--lang=en-US",  # a page opened without ?lang= is English, whatever the machine's language
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(
    app: Path = REPO / "app.py",
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
    base_path: str = "",
    cwd: Path | None = None,
):
    """Start `streamlit run` and yield its base URL; stop it afterwards. `base_path`
    serves the app under a URL prefix, as hosting behind a proxy does. It runs in
    `cwd` (default: the app's folder), whose .streamlit/config.toml it reads."""
    port = free_port()
    full_env = {
        **os.environ,
        "KURIL_TILES": "off",
        "KURIL_ASSETS": "local",
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        **(env or {}),
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(app),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--server.enableStaticServing",
            "true",
            "--global.developmentMode",
            "false",
            *(["--server.baseUrlPath", base_path] if base_path else []),
        ],
        cwd=cwd or app.parent,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}" + (f"/{base_path.strip('/')}" if base_path else "")
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                raise RuntimeError(f"streamlit did not start on {url}:\n{out[-3000:]}")
            time.sleep(0.2)
        yield url, proc
    finally:
        stop(proc)


def stop(proc: subprocess.Popen, timeout: float = 10) -> None:
    """Terminate `proc`, and kill it if it has not exited after `timeout` seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()


def require_chromium() -> None:
    """Browser tests run in CI and fail there without Chromium; elsewhere they skip."""
    if shutil.which(CHROMIUM) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} missing in CI (scripts/install.sh --test installs it)")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")


@contextlib.contextmanager
def chromium():
    """Headless Debian Chromium driven by Playwright; closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# Streamlit marks the app's state on its root, and each element stale while it reruns.
# A first visit is whole once the rest has followed the map (geo.deferred): the share
# row is there (a page without a map, or embedded, has none). With the argument false,
# only the run's state counts (for a page that is not the app).
SETTLED_JS = """(app) => {
  const root = document.querySelector('[data-testid="stApp"]');
  const whole = app === false || document.querySelector('.st-key-share')
    || !document.querySelector('iframe[title="streamlit_folium.st_folium"]')
    || /[?&]embed=true(&|$)/.test(location.search);
  return root && root.dataset.testScriptState === 'notRunning'
    && root.dataset.testConnectionState === 'CONNECTED'
    && !document.querySelector('[data-stale="true"]') && !!whole;
}"""


def wait_settled(page) -> None:
    """Until no run is under way, nothing on the page is stale and a first visit's page
    is whole: a click now is read by a finished page, not raced against the run that
    is still drawing it."""
    page.wait_for_function(SETTLED_JS)


def map_frame(page):
    """The live map iframe (while a map rebuilds, the stale one may linger: take the last)."""
    return page.frame_locator(MAP_FRAME).last


def land_point(island: str) -> tuple[float, float]:
    """(lat, lon) of a point surely on the island's largest polygon."""
    import geopandas as gpd

    gdf = gpd.read_file(REPO / "data" / "islands.geojson")
    geom = gdf.loc[gdf["id"] == island, "geometry"].iloc[0]
    largest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
    point = largest.representative_point()
    return point.y, point.x


def island_point(page, island: str) -> tuple[float, float]:
    """Page coordinates (x, y) of land of `island` in the live map."""
    lat, lon = land_point(island)
    x, y = (
        map_frame(page)
        .locator("body")
        .evaluate(
            "(_el, [lat, lon]) => { const p = window.map.latLngToContainerPoint([lat, lon]);"
            " const r = window.map.getContainer().getBoundingClientRect();"
            " return [p.x + r.left, p.y + r.top]; }",
            [lat, lon],
        )
    )
    box = page.locator(MAP_FRAME).last.bounding_box()
    return box["x"] + x, box["y"] + y


def click_island(page, island: str) -> None:
    """Click on land of `island` in the live map, as a user would with the mouse."""
    page.mouse.click(*island_point(page, island))


# Streamlit scrolls its main block, not the window: either may be the page's scroll.
PAGE_SCROLL_JS = (
    "() => Math.max(window.scrollY,"
    " ...[...document.querySelectorAll('[data-testid=\"stMain\"], .stMain')].map(e => e.scrollTop))"
)


def page_scroll(page) -> float:
    """How far the page has scrolled down, whichever element scrolls it."""
    return page.evaluate(PAGE_SCROLL_JS)


def map_eval(page, script: str, arg=None):
    """Evaluate `script` (a function of one argument) in the live map's frame."""
    return map_frame(page).locator("body").evaluate(f"(_el, arg) => ({script})(arg)", arg)


def map_box(page) -> dict:
    """The live map frame's box on the page."""
    return page.locator(MAP_FRAME).last.bounding_box()


def frame_point(page, x: float, y: float) -> tuple[float, float]:
    """Page coordinates of the point (x, y) of the map's container."""
    box = map_box(page)
    left, top = map_eval(
        page,
        "() => { const r = window.map.getContainer().getBoundingClientRect();"
        " return [r.left, r.top]; }",
    )
    return box["x"] + left + x, box["y"] + top + y


def wait_in_map(page, condition: str, arg=None) -> None:
    """Wait until `condition` (a function of `arg`) holds in the live map's frame."""
    frame = page.locator(MAP_FRAME).last.element_handle().content_frame()
    frame.wait_for_function(condition, arg=arg)
