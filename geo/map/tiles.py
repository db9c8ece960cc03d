"""The basemap tiles: shown when the tile server can be reached (KURIL_TILES=auto
probes it once per process), never needed for the map to render."""

from __future__ import annotations

import socket
import threading
from functools import cache

TILE_HOST = "a.basemaps.cartocdn.com"
TILE_URL = "https://{s}.basemaps.cartocdn.com/light_nolabels/{z}/{x}/{y}{r}.png"
TILE_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
    'contributors &copy; <a href="https://carto.com/attributions">CARTO</a>'
)
PROBE_TIMEOUT = 1.5


def probe_online(host: str = TILE_HOST, port: int = 443, timeout: float = PROBE_TIMEOUT) -> bool:
    """True if a TCP connection to host:port opens within `timeout` seconds,
    DNS included; never blocks longer than that."""
    result = [False]

    def attempt() -> None:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                result[0] = True
        except OSError:
            pass

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout)
    return result[0]


@cache
def _probed() -> bool:
    return probe_online()


def tiles_enabled(mode: str) -> bool:
    """on / off as given; auto: whether the tile server answered (probed once)."""
    if mode in ("on", "off"):
        return mode == "on"
    return _probed()
