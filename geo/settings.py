"""Run-time switches read from the environment: tiles and where Leaflet comes from.

KURIL_TILES   on | off | auto (default): auto shows tiles only if the tile
              server answers within a second and a half.
KURIL_ASSETS  local | cdn | auto (default): auto uses static/vendor when present.
"""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

from geo.assets import CDN_CSS, CDN_JS, VENDOR_DIR, Assets, leaflet_assets

TILE_HOST = "a.basemaps.cartocdn.com"
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


def tiles_enabled(env: dict[str, str] | None = None) -> bool:
    mode = (env if env is not None else os.environ).get("KURIL_TILES", "auto").lower()
    if mode == "on":
        return True
    if mode == "off":
        return False
    return probe_online()


def assets(env: dict[str, str] | None = None, vendor_dir: Path = VENDOR_DIR) -> Assets:
    mode = (env if env is not None else os.environ).get("KURIL_ASSETS", "auto").lower()
    if mode == "cdn":
        return Assets(js=(CDN_JS,), css=(CDN_CSS,), local=False)
    found = leaflet_assets(vendor_dir)
    if mode == "local" and not found.local:
        raise RuntimeError(f"KURIL_ASSETS=local but Leaflet is not in {vendor_dir}; "
                           "run `python -m geo.assets`")
    return found
