"""geo.site: the loaded Site, its lookups, and one load per process per data folder."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

import geo.site
from geo import ISLAND_IDS
from geo.config import REPO_ROOT, Settings
from geo.errors import DataError
from geo.site import Site, current
from tests.conftest import TEST_SETTINGS


def test_lookups_agree_with_the_data(site):
    assert site.stop_dates == sorted({e.date for e in site.dataset.events})
    assert list(site.island_rows) == list(ISLAND_IDS)
    assert site.names["iturup"] == "Iturup / Etorofu"
    assert site.names["shikotan"] == "Shikotan"
    assert site.speaker_names == sorted({c.speaker for c in site.dataset.claims})
    assert site.speaker_by_slug["sergey-lavrov"] == "Sergey Lavrov"
    assert site.choices.stops == site.stop_dates
    assert site.choices.island_aliases["etorofu"] == "iturup"
    assert set(site.choices.topics) == set(site.dataset.topics)


def test_one_load_per_process_for_the_same_settings():
    assert current(TEST_SETTINGS) is current(Settings(tiles="off", assets="local"))


def test_another_data_folder_is_another_site(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", folder)
    other = current(Settings(data_dir=folder, tiles="off", assets="local"))
    assert other is not current(TEST_SETTINGS)
    assert other.stop_dates == current(TEST_SETTINGS).stop_dates


def test_a_failed_load_is_not_kept(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", folder)
    (folder / "topics.yaml").unlink()
    settings = Settings(data_dir=folder, tiles="off", assets="local")
    with pytest.raises(DataError, match=r"topics\.yaml: file not found"):
        current(settings)
    shutil.copy(REPO_ROOT / "data" / "topics.yaml", folder / "topics.yaml")
    assert isinstance(current(settings), Site)


def test_the_island_view_is_made_once_per_date(site, monkeypatch):
    date = dt.date(1900, 1, 1)
    first = site.island_view(date)
    monkeypatch.setattr(geo.site, "island_data", lambda *_: pytest.fail("made again"))
    assert site.island_view(date) is first


def test_the_base_map_is_the_same_at_every_call(site):
    a = site.base_map(serving=False).get_root().render()
    b = site.base_map(serving=False).get_root().render()
    assert len(a) > 10_000
    assert a.count("kurilIslands") == b.count("kurilIslands") >= 1


def test_the_page_s_map_says_once_that_it_is_drawn(site):
    """The base map carries the element that sets geo.deferred's flag in st_folium's
    value, after the islands' first paint, once."""
    html = site.base_map(serving=False).get_root().render()
    assert html.count("setComponentValue(") == 1
    assert '{"kuril_map_drawn":true}' in html
    assert "afterFirstPaint().then" in html
