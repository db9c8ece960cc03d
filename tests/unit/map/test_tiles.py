"""geo.map.tiles: tiles on, off, or on when the tile server answers."""

from __future__ import annotations

import socket

import geo.map.tiles as tiles


def test_on_and_off_never_probe(monkeypatch):
    monkeypatch.setattr(
        tiles, "probe_online", lambda *_a, **_k: (_ for _ in ()).throw(AssertionError("probed"))
    )
    tiles._probed.cache_clear()
    assert tiles.tiles_enabled("on") is True
    assert tiles.tiles_enabled("off") is False


def test_auto_probes_once(monkeypatch):
    calls = []
    monkeypatch.setattr(tiles, "probe_online", lambda *_a, **_k: calls.append(1) or True)
    tiles._probed.cache_clear()
    assert tiles.tiles_enabled("auto")
    assert tiles.tiles_enabled("auto")
    assert calls == [1]
    tiles._probed.cache_clear()


def test_probe_answers_for_a_listening_port_only():
    """On loopback only: a port that listens, then the same port closed."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        assert tiles.probe_online("127.0.0.1", port, timeout=2)
    assert tiles.probe_online("127.0.0.1", port, timeout=2) is False
