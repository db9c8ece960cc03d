"""geo.map.tiles: tiles on, off, or on when the tile server answers."""

from __future__ import annotations

import socket
import threading

import geo.map.tiles as tiles


class FakeProbe:
    """A probe that answers what it is told, only once let go."""

    def __init__(self, *answers: bool | Exception):
        self.answers = list(answers)
        self.calls = 0
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()

    def __call__(self) -> bool:
        self.calls += 1
        self.entered.set()
        self.gate.wait(10)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_on_and_off_never_probe(monkeypatch):
    monkeypatch.setattr(tiles, "_auto", tiles.TileProbe(FakeProbe()))  # no answers: would fail
    assert tiles.tiles_enabled("on") is True
    assert tiles.tiles_enabled("off") is False
    assert tiles._auto._thread is None


def test_auto_answers_at_once_and_probes_in_the_background(monkeypatch):
    fake, clock = FakeProbe(True), Clock()
    probe = tiles.TileProbe(fake, clock, every=300)
    monkeypatch.setattr(tiles, "_auto", probe)
    fake.gate.clear()  # the probe hangs, as on a black-holed network
    assert tiles.tiles_enabled("auto") is False  # no waiting for the probe
    assert fake.entered.wait(10)
    assert [tiles.tiles_enabled("auto") for _ in range(5)] == [False] * 5
    assert fake.calls == 1  # one probe at a time
    fake.gate.set()
    probe.join(10)
    assert tiles.tiles_enabled("auto") is True
    assert fake.calls == 1


def test_a_passing_failure_is_probed_again_after_a_while():
    fake, clock = FakeProbe(True, False, True), Clock()
    probe = tiles.TileProbe(fake, clock, every=300)
    probe.result()
    probe.join(10)
    assert probe.result() is True
    clock.now += 299
    assert probe.result() is True
    assert fake.calls == 1  # not yet due
    clock.now += 1
    fake.gate.clear()
    assert probe.result() is True  # the last answer while the new probe runs
    fake.gate.set()
    probe.join(10)
    assert probe.result() is False  # the outage
    assert fake.calls == 2
    clock.now += 300
    probe.result()
    probe.join(10)
    assert probe.result() is True  # back, without a restart
    assert fake.calls == 3


def test_a_probe_that_raises_is_a_no():
    probe = tiles.TileProbe(FakeProbe(OSError("no route")), Clock())
    probe.result()
    probe.join(10)
    assert probe.result() is False


def test_start_probing_starts_only_for_auto(monkeypatch):
    fake = FakeProbe(True)
    monkeypatch.setattr(tiles, "_auto", tiles.TileProbe(fake, Clock()))
    tiles.start_probing("off")
    assert fake.calls == 0
    tiles.start_probing("auto")
    tiles._auto.join(10)
    assert fake.calls == 1
    assert tiles.tiles_enabled("auto") is True


def test_probe_answers_for_a_listening_port_only():
    """On loopback only: a port that listens, then the same port closed."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        assert tiles.probe_online("127.0.0.1", port, timeout=2)
    assert tiles.probe_online("127.0.0.1", port, timeout=2) is False
