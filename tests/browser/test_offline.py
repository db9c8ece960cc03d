"""No network at all: start-up does not hang, the map renders, and nothing but the
tile probe tries to leave loopback."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from geo.config import REPO_ROOT
from tests.support.browser import require_chromium
from tests.support.hostile import netns_prefix

TILE_HOST = "a.basemaps.cartocdn.com"


@pytest.mark.parametrize("network", ["none", "black-hole"])
def test_offline_start_up_renders_without_leaving_loopback(tmp_path, network):
    """'none': no route off loopback (a network namespace with only loopback up, or, where
    namespaces are not allowed, every non-loopback socket refused at once). 'black-hole':
    every lookup or connection off loopback stalls for a minute, as behind a dead gateway."""
    require_chromium()
    prefix = netns_prefix() if network == "none" else None
    guard = "hang" if network == "black-hole" else "record" if prefix else "block"
    started = time.monotonic()
    proc = subprocess.run(
        [
            *(prefix or []),
            sys.executable,
            "-m",
            "tests.support.hostile",
            "offline",
            str(tmp_path),
            guard,
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    elapsed = time.monotonic() - started
    print(
        f"offline ({guard}): healthy in {result['health_s']} s, map in "
        f"{result['render_s']} s, server lookups {result['server_net']}"
    )
    assert result["health_s"] < 20
    assert result["render_s"] < 20  # the tile probe gives up after 1.5 s
    assert elapsed < 120
    assert all(n >= 1 for n in result["paths"].values()), result["paths"]
    assert result["tiles"] == 0  # the probe failed, so no tile layer
    assert result["exceptions"] == 0
    assert result["browser_outside"] == []  # the page never asked for anything off loopback
    assert result["page_errors"] == []
    assert result["failed"] == []
    # the server's only attempt off loopback is the tile probe
    assert result["server_net"], "the tile probe did not run"
    assert {entry["host"] for entry in result["server_net"]} <= {TILE_HOST}, result
