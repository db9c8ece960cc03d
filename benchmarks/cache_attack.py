"""Victim rerun under a cache-clear attack: one websocket client sends Streamlit's
"clear cache" message 5 times a second while another session's reruns are timed,
in blocks that take turns with blocks of the victim alone on the same server, so both
see the same machine noise. What counts is the ratio attack/alone."""

from __future__ import annotations

import statistics
import threading
import time

from benchmarks import APP
from tests.support.browser import streamlit_server
from tests.support.stream import StreamClient

CLEARS_PER_SECOND = 5.0


class Attacker:
    """A second session that sends clear-cache at a steady rate until stopped."""

    def __init__(self, url: str, rate: float = CLEARS_PER_SECOND):
        self.client = StreamClient(url)
        self.client.rerun()  # a session like any visitor's
        self.rate = rate
        self.sent = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _run(self) -> None:
        interval = 1.0 / self.rate
        next_at = time.monotonic()
        while not self._stop.is_set():
            self.client.clear_cache()
            self.sent += 1
            next_at += interval
            self._stop.wait(max(0.0, next_at - time.monotonic()))

    def __enter__(self) -> Attacker:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="clear-cache", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)

    def close(self) -> None:
        self.client.close()


def victim_reruns(victim: StreamClient, n: int) -> list[float]:
    """`n` full reruns of the victim's page, ms each (send -> script finished)."""
    return [victim.rerun().seconds * 1000 for _ in range(n)]


def phase_cache_attack(env: dict[str, str], blocks: int = 6, per_block: int = 5) -> dict:
    """Alternate blocks of victim reruns alone and under attack; medians and ratio."""
    alone: list[float] = []
    attacked: list[float] = []
    with streamlit_server(APP, env=env, timeout=120) as (url, _proc), StreamClient(url) as victim:
        victim.rerun()  # the data loaded, the first run done
        victim_reruns(victim, 3)  # warm
        attacker = Attacker(url)
        try:
            for block in range(blocks):
                for kind in ("alone", "attack") if block % 2 == 0 else ("attack", "alone"):
                    if kind == "alone":
                        alone += victim_reruns(victim, per_block)
                    else:
                        with attacker:
                            attacked += victim_reruns(victim, per_block)
        finally:
            attacker.close()
        seconds = sum(attacked) / 1000
    alone_ms, attack_ms = statistics.median(alone), statistics.median(attacked)
    return {
        "alone_ms": alone_ms,
        "attack_ms": attack_ms,
        "ratio": attack_ms / alone_ms,
        "clears_sent": attacker.sent,
        "clears_per_second": attacker.sent / seconds if seconds else float("nan"),
        "runs_alone_ms": alone,
        "runs_attack_ms": attacked,
    }
