"""The basemap tiles: shown when the tile server can be reached, never needed for the
map to render. KURIL_TILES=auto asks a TileProbe, which answers at once with what it
last found and probes again in the background every few minutes, so a passing outage
does not turn tiles off until the next restart, and no visitor waits for a probe."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable

TILE_HOST = "a.basemaps.cartocdn.com"
TILE_URL = "https://{s}.basemaps.cartocdn.com/light_nolabels/{z}/{x}/{y}{r}.png"
TILE_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
    'contributors &copy; <a href="https://carto.com/attributions">CARTO</a>'
)
PROBE_TIMEOUT = 1.5
REPROBE_SECONDS = 300.0


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


class TileProbe:
    """Whether the tile server answered when last asked. `result()` never waits: it
    starts a probe in a daemon thread when the last one began `every` seconds ago or
    more (or none has), at most one at a time, and returns the last answer (False
    until the first comes)."""

    def __init__(
        self,
        probe: Callable[[], bool] | None = None,
        clock: Callable[[], float] = time.monotonic,
        every: float = REPROBE_SECONDS,
    ):
        self._probe = probe or (lambda: probe_online())
        self._clock = clock
        self._every = every
        self._lock = threading.Lock()
        self._answer = False
        self._started: float | None = None
        self._thread: threading.Thread | None = None

    def result(self) -> bool:
        with self._lock:
            idle = self._thread is None or not self._thread.is_alive()
            now = self._clock()
            if idle and (self._started is None or now - self._started >= self._every):
                self._started = now
                self._thread = threading.Thread(target=self._run, name="tile-probe", daemon=True)
                self._thread.start()
            return self._answer

    def _run(self) -> None:
        try:
            answer = bool(self._probe())
        except Exception:  # a failed probe is a "no", never a crash in a thread
            answer = False
        with self._lock:
            self._answer = answer

    def join(self, timeout: float | None = None) -> None:
        """Wait for the probe running now, if any (for tests and start-up)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)


_auto = TileProbe()


def tiles_enabled(mode: str) -> bool:
    """on / off as given; auto: whether the tile server answered when last probed."""
    if mode in ("on", "off"):
        return mode == "on"
    return _auto.result()


def start_probing(mode: str) -> None:
    """With auto, start the first probe now (while the data loads), so the first
    visitor already gets its answer."""
    if mode == "auto":
        _auto.result()
