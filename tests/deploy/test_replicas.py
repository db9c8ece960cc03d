"""scripts/replicas.sh for real: two `streamlit run` replicas behind HAProxy on loopback.

Readers are separate browser contexts (separate cookies). Which replica holds a session
is read twice: from the affinity cookie the proxy set, and from each replica's own count
of open sessions (its /_stcore/metrics, asked directly on its port). The tests share one
running set and run in the order written (pytest's): the fourth kills a replica, the
fifth stops the script. The last starts a set of its own and stops it with Ctrl-C."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import signal
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from geo import ISLAND_IDS
from geo.config import REPO_ROOT
from geo.map.palette import PALETTE
from tests.conftest import repo_site
from tests.deploy.cluster import active_sessions, launch, require_haproxy
from tests.support.browser import map_frame

pytestmark = [pytest.mark.deploy, pytest.mark.browser]

COOKIE = "kuril_replica"
VIEWPORT = {"width": 1400, "height": 1000}
# A status colour, not the placeholder fill an island has before its view arrives.
FILLED = re.compile("^(" + "|".join(re.escape(c) for c in PALETTE.values()) + ")$", re.I)
STOPS = repo_site().stop_dates


@dataclass
class Session:
    context: object
    page: object
    replica: str  # the affinity cookie's value: the replica holding this session
    download_url: str


def affinity(context) -> str:
    values = [c["value"] for c in context.cookies() if c["name"] == COOKIE]
    assert len(values) == 1, f"expected one {COOKIE} cookie, got {context.cookies()}"
    return values[0]


def start_session(browser, url: str, errors: list[str]) -> tuple:
    """A reader in a new context opens the page; returns once its websocket is open, so
    that the proxy counts its connection before the next reader arrives."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.on("pageerror", lambda e: errors.append(f"pageerror {e}"))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
    with page.expect_websocket(lambda ws: ws.url.endswith("/_stcore/stream"), timeout=60_000):
        page.goto(url, wait_until="commit")
    return context, page


def check_session(context, page) -> Session:
    """The map's four islands are filled with status colours and the CSV downloads."""
    frame = map_frame(page)
    for island in ISLAND_IDS:
        expect(frame.locator(f"path.island-{island}").first).to_have_attribute(
            "fill", FILLED, timeout=60_000
        )
    url = download_csv(page)
    return Session(context, page, affinity(context), url)


def download_csv(page) -> str:
    """Click the CSV download; check the file; return the URL it came from."""
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=re.compile("CSV")).first.click()
    download = info.value
    assert download.failure() is None
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert len(rows) >= 2, "the CSV has a header and at least one claim"
    assert all(len(row) == len(rows[0]) for row in rows)
    return download.url


def open_sessions(browser, url: str, count: int, errors: list[str]) -> list[Session]:
    """`count` readers arrive one after another and load the page at the same time."""
    started = [start_session(browser, url, errors) for _ in range(count)]
    return [check_session(context, page) for context, page in started]


def get(url: str, cookie: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names; repeated ones joined) and body of one GET."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            status, headers, body = resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        status, headers, body = err.code, err.headers, err.read()
    joined = {k.lower(): ", ".join(headers.get_all(k) or []) for k in headers}
    return status, joined, body


def group_alive(pgid: int) -> bool:
    """Whether any process is left in the process group `pgid`."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_sessions_spread_over_both_replicas_and_each_renders_and_downloads(browser, cluster):
    assert cluster.server_status() == {"r1": "UP", "r2": "UP"}
    errors: list[str] = []
    sessions = open_sessions(browser, cluster.url, 3, errors)
    try:
        on = [s.replica for s in sessions]
        assert set(on) == {"r1", "r2"}, f"all sessions on one replica: {on}"
        # Each replica counts the sessions its cookie says it holds.
        for replica in cluster.replicas:
            assert active_sessions(replica) == on.count(replica.name), replica.name
        # A download lives on the replica that made it. One that no other session made
        # (the claims of the stop before the last): through the proxy it is there with
        # the session's cookie and missing with the other replica's.
        session = sessions[0]
        session.page.get_by_role("slider").first.focus()
        session.page.keyboard.press("ArrowLeft")
        session.page.wait_for_function(
            "d => decodeURIComponent(location.search).includes(d)", arg=f"date={STOPS[-2]}"
        )
        own = download_csv(session.page)
        assert own != session.download_url
        other = next(r.name for r in cluster.replicas if r.name != session.replica)
        assert get(own, f"{COOKIE}={session.replica}")[0] == 200
        assert get(own, f"{COOKIE}={other}")[0] == 404
        assert errors == []
    finally:
        for s in sessions:
            s.context.close()


def test_metrics_are_refused_by_the_proxy(cluster):
    # The replicas do serve them, on their own loopback ports.
    assert get(f"{cluster.replicas[0].url}/_stcore/metrics")[0] == 200
    spellings = [
        "/_stcore/metrics",
        "/_stcore/metrics/",
        "/_stcore/metrics?families=active_sessions",
        "/_stcore/%6detrics",
        "/_stcore/metrics%2F",
        "/prefix/_stcore/metrics",
    ]
    for path in spellings:
        status, _headers, body = get(cluster.url + path)
        assert status in (403, 404), path
        assert b"active_sessions" not in body, path
    assert get(f"{cluster.url}/_stcore/health")[0] == 200


def test_static_files_through_the_proxy_are_cacheable(cluster):
    shapes = sorted((REPO_ROOT / "static" / "geo").glob("islands.*.geojson"))
    assert shapes, "the script's warm-up writes the shapes before the replicas start"
    status, headers, body = get(f"{cluster.url}/app/static/geo/{shapes[-1].name}")
    assert status == 200
    assert body == shapes[-1].read_bytes()
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "set-cookie" not in headers  # no affinity cookie on a file any replica serves

    status, headers, _ = get(f"{cluster.url}/app/static/vendor/leaflet/leaflet.js")
    assert (status, headers["cache-control"]) == (200, "public, max-age=86400")

    status, headers, page = get(cluster.url + "/")
    assert status == 200
    assert "no-cache" in headers["cache-control"]  # the page itself is not kept
    bundle = re.search(rb'src="\./(static/js/[^"]+\.js)"', page)
    assert bundle, "the page names Streamlit's script bundle"
    status, headers, _ = get(f"{cluster.url}/{bundle[1].decode()}")
    assert status == 200
    assert "max-age=31536000" in headers["cache-control"]


def test_a_dead_replica_is_marked_down_and_readers_go_to_the_other(browser, cluster):
    errors: list[str] = []
    (first,) = open_sessions(browser, cluster.url, 1, errors)
    victim = cluster.replica(first.replica)
    survivor = next(r for r in cluster.replicas if r is not victim)
    try:
        os.kill(victim.pid, signal.SIGKILL)
        cluster.wait_status(victim.name, "DOWN", timeout=20)
        assert cluster.server_status()[survivor.name] == "UP"

        # New readers are served, all by the survivor, downloads included.
        fresh = open_sessions(browser, cluster.url, 2, [])
        assert [s.replica for s in fresh] == [survivor.name] * 2
        assert active_sessions(survivor) >= 2
        for s in fresh:
            s.context.close()

        # The reader whose replica died reloads: the proxy sends it to the survivor and
        # gives it that replica's cookie.
        first.page.reload()
        again = check_session(first.context, first.page)
        assert again.replica == survivor.name

        log = (cluster.logs / "haproxy.log").read_text(errors="replace")
        assert f"replicas/{victim.name} is DOWN" in log
    finally:
        first.context.close()


def test_sigterm_stops_every_process_it_started(cluster):
    pids = cluster.pids()
    cluster.proc.send_signal(signal.SIGTERM)
    assert cluster.proc.wait(timeout=30) == 128 + signal.SIGTERM
    # Nothing is left in its process group, nor any process it reported.
    assert not group_alive(cluster.proc.pid)
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 0)
            pytest.fail(f"process {pid} outlived the script")
    for port in [r.port for r in cluster.replicas] + [int(cluster.url.rsplit(":", 1)[1])]:
        with pytest.raises(urllib.error.URLError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)


def test_ctrl_c_stops_every_process_it_started():
    """Ctrl-C in a terminal sends SIGINT to the whole foreground process group."""
    require_haproxy()
    with launch(1) as started:
        started.read_until("ready: ", timeout=120)
        os.killpg(started.proc.pid, signal.SIGINT)
        assert started.proc.wait(timeout=30) == 128 + signal.SIGINT
        assert not group_alive(started.proc.pid)
        assert started.read_until("stopped: ", timeout=10)[-1] == "stopped: r1 proxy"
