"""geo.files: a file is replaced whole, a failed write leaves nothing behind, and what
a stopped process left is removed once stale."""

from __future__ import annotations

import os
import time

import pytest

from geo.files import STALE_SECONDS, remove_stale_temporaries, write_atomic


def test_write_replaces_the_file_whole(tmp_path):
    path = tmp_path / "sub" / "a.txt"
    write_atomic(path, b"first")
    write_atomic(path, b"second")
    assert path.read_bytes() == b"second"
    assert oct(path.stat().st_mode & 0o777) == "0o644"
    assert [p.name for p in path.parent.iterdir()] == ["a.txt"]


def test_a_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("geo.files.os.replace", refuse)
    with pytest.raises(OSError, match="No space"):
        write_atomic(tmp_path / "a.txt", b"data")
    assert list(tmp_path.iterdir()) == []


class _FailingFile:
    """What os.fdopen gives when the disk fills up during the write."""

    def __init__(self, fd: int):
        self.fd = fd

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        os.close(self.fd)

    def write(self, _data):
        raise OSError(28, "No space left on device")


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.parametrize(
    ("target", "replacement"),
    [
        ("geo.files.os.fdopen", lambda _fd, _mode: (_ for _ in ()).throw(OSError(24, "fdopen"))),
        ("geo.files.os.fdopen", lambda fd, _mode: _FailingFile(fd)),
        ("geo.files.os.chmod", lambda *_a: (_ for _ in ()).throw(OSError(1, "chmod"))),
        ("geo.files.os.replace", lambda *_a: (_ for _ in ()).throw(KeyboardInterrupt())),
    ],
    ids=["open", "write", "chmod", "interrupted"],
)
def test_whatever_fails_no_temporary_file_or_descriptor_is_left(
    tmp_path, monkeypatch, target, replacement
):
    before = _open_fds()
    monkeypatch.setattr(target, replacement)
    with pytest.raises((OSError, KeyboardInterrupt)):
        write_atomic(tmp_path / "a.txt", b"data")
    assert list(tmp_path.iterdir()) == []
    assert _open_fds() == before


def test_left_over_temporaries_are_removed_once_stale(tmp_path):
    stale, fresh = tmp_path / ".a.txt.x1.tmp", tmp_path / ".a.txt.x2.tmp"
    keep = tmp_path / "a.txt"
    for path in (stale, fresh, keep):
        path.write_bytes(b"x")
    old = time.time() - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(keep, (old, old))
    assert remove_stale_temporaries(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".a.txt.x2.tmp", "a.txt"]
    assert remove_stale_temporaries(tmp_path / "missing") == 0
