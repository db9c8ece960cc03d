"""geo.export.cache: the few last files, made once each, shared across threads."""

from __future__ import annotations

import threading

import pytest

from geo.export.cache import FileCache


def test_made_once_then_kept():
    cache, calls = FileCache(2), []
    assert cache.get("a", lambda: calls.append("a") or b"A") == b"A"
    assert cache.get("a", lambda: calls.append("again") or b"X") == b"A"
    assert calls == ["a"]


def test_least_recently_asked_for_goes_first():
    cache = FileCache(2)
    cache.get("a", lambda: "A")
    cache.get("b", lambda: "B")
    cache.get("a", lambda: "A")  # a is now the most recent
    cache.get("c", lambda: "C")
    assert cache.keys() == ["a", "c"]
    assert len(cache) == 2


def test_a_failed_make_keeps_nothing():
    cache = FileCache(2)

    def broken() -> str:
        raise RuntimeError("render failed")

    with pytest.raises(RuntimeError):
        cache.get("a", broken)
    assert cache.keys() == []
    assert cache.get("a", lambda: "A") == "A"


def test_two_threads_asking_at_once_make_it_once():
    cache, calls = FileCache(4), []
    started = threading.Barrier(8)

    def make() -> bytes:
        calls.append(1)
        return b"PNG"

    def ask() -> None:
        started.wait()
        assert cache.get("png", make) == b"PNG"

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1]


def test_size_at_least_one():
    with pytest.raises(ValueError, match="at least one"):
        FileCache(0)
