"""geo.map.served: map geometry published once as a static file named by its
content, or inline when static files are not served or cannot be written."""

from __future__ import annotations

import json
import logging
import os
import re
import time

import pytest

from geo.files import STALE_SECONDS
from geo.map import served
from geo.map.served import Shapes, publish, shapes

TEXT = '{"type": "FeatureCollection", "features": []}'


def test_publish_names_the_file_by_its_content(tmp_path):
    url = publish("islands", TEXT, tmp_path)
    assert re.fullmatch(r"\.\./\.\./app/static/geo/islands\.[0-9a-f]{16}\.geojson", url)
    path = tmp_path / "geo" / url.rsplit("/", 1)[1]
    assert path.read_text(encoding="utf-8") == TEXT
    assert publish("islands", TEXT, tmp_path) == url  # the same text, the same file
    other = publish("islands", TEXT.replace("[]", "[ ]"), tmp_path)
    assert other != url
    assert (tmp_path / "geo" / other.rsplit("/", 1)[1]).is_file()
    assert not list((tmp_path / "geo").glob(".*.tmp"))


def test_a_file_that_changed_on_disk_is_rewritten(tmp_path):
    url = publish("islands", TEXT, tmp_path)
    path = tmp_path / "geo" / url.rsplit("/", 1)[1]
    path.write_text("half a fi", encoding="utf-8")
    assert publish("islands", TEXT, tmp_path) == url
    assert path.read_text(encoding="utf-8") == TEXT


def test_unwritable_static_folder_falls_back_to_inline(tmp_path):
    blocker = tmp_path / "static"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert publish("islands", TEXT, blocker) is None
    assert shapes("islands", TEXT, True, blocker) == Shapes(text=TEXT)


def test_no_static_serving_means_inline(tmp_path):
    assert shapes("islands", TEXT, False, tmp_path) == Shapes(text=TEXT)
    assert not (tmp_path / "geo").exists()
    served = shapes("islands", TEXT, True, tmp_path)
    assert served.url
    assert served.text is None
    assert served.source() == {"url": served.url}
    assert Shapes(text=TEXT).source() == {"data": json.loads(TEXT)}


def test_shapes_needs_exactly_one_source():
    with pytest.raises(ValueError, match="exactly one of url and text"):
        Shapes()
    with pytest.raises(ValueError, match="exactly one of url and text"):
        Shapes(url="a", text=TEXT)


@pytest.fixture
def fresh_log_state(monkeypatch):
    """As in a new process: no folder swept, no fallback logged yet."""
    monkeypatch.setattr(served, "_swept", set())
    monkeypatch.setattr(served, "_warned", False)


@pytest.mark.usefixtures("fresh_log_state")
def test_a_read_only_static_folder_is_logged_once(tmp_path, monkeypatch, caplog):
    def read_only(*_args):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(served, "write_atomic", read_only)
    with caplog.at_level(logging.WARNING, logger="geo.map.served"):
        for name in ("islands", "context", "islands"):
            assert shapes(name, TEXT, True, tmp_path) == Shapes(text=TEXT)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    message = warnings[0].getMessage()
    assert "Read-only file system" in message
    assert str(tmp_path / "geo") in message
    assert "inline" in message


@pytest.mark.usefixtures("fresh_log_state")
def test_temporaries_a_stopped_server_left_are_removed(tmp_path):
    folder = tmp_path / "geo"
    folder.mkdir()
    left = folder / ".islands.abc.geojson.x1.tmp"
    left.write_text("half a fi", encoding="utf-8")
    old = time.time() - STALE_SECONDS - 1
    os.utime(left, (old, old))
    assert publish("islands", TEXT, tmp_path)
    assert not left.exists()
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
