"""geo.files: a file is replaced whole, and a failed write leaves nothing behind."""

from __future__ import annotations

import pytest

from geo.files import write_atomic


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
