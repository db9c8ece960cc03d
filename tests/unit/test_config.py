"""geo.config: settings come from the environment when asked for, not at import."""

from __future__ import annotations

import importlib
from pathlib import Path

import geo.config
from geo.config import REPO_ROOT, Settings


def test_defaults_are_the_repository_folders():
    settings = Settings.from_env({})
    assert settings == Settings()
    assert settings.data_dir == REPO_ROOT / "data"
    assert settings.static_dir == REPO_ROOT / "static"
    assert (settings.tiles, settings.assets) == ("auto", "auto")


def test_values_are_read_from_the_given_environment(tmp_path):
    env = {"KURIL_DATA_DIR": str(tmp_path), "KURIL_TILES": " OFF ", "KURIL_ASSETS": "cdn"}
    assert Settings.from_env(env) == Settings(data_dir=tmp_path, tiles="off", assets="cdn")


def test_unknown_values_fall_back_to_auto():
    settings = Settings.from_env({"KURIL_TILES": "sometimes", "KURIL_ASSETS": "", "X": "y"})
    assert (settings.tiles, settings.assets) == ("auto", "auto")


def test_the_environment_is_read_when_asked_not_at_import(monkeypatch, tmp_path):
    monkeypatch.setenv("KURIL_DATA_DIR", str(tmp_path / "first"))
    importlib.reload(geo.config)
    monkeypatch.setenv("KURIL_DATA_DIR", str(tmp_path / "second"))
    assert geo.config.Settings.from_env().data_dir == Path(tmp_path / "second")
