"""geo.map.assets: Leaflet from the xstatic-leaflet package, served locally."""

from __future__ import annotations

import pytest

from geo.map.assets import CDN, FILES, LEAFLET_VERSION, PACKAGE_DIR, install_local, leaflet_assets


def test_the_package_ships_the_leaflet_that_folium_loads():
    import folium

    assert LEAFLET_VERSION == "1.9.3"
    assert any("leaflet@1.9.3" in url for _, url in folium.Map.default_js)
    assert f"Leaflet {LEAFLET_VERSION}" in (PACKAGE_DIR / "leaflet.js").read_text()[:200]


def test_install_copies_the_files_once(tmp_path):
    assert install_local(tmp_path)
    target = tmp_path / "vendor" / "leaflet"
    for name in FILES:
        assert (target / name).read_bytes() == (PACKAGE_DIR / name).read_bytes()
    stamp = (target / "leaflet.js").stat().st_mtime_ns
    assert install_local(tmp_path)
    assert (target / "leaflet.js").stat().st_mtime_ns == stamp
    assert not list(target.rglob("*.tmp"))


def test_modes(tmp_path):
    assert leaflet_assets("cdn", tmp_path, True) == CDN
    local = leaflet_assets("auto", tmp_path, True)
    assert local.local
    assert local.js == ("../../app/static/vendor/leaflet/leaflet.js",)
    assert leaflet_assets("auto", tmp_path / "other", False) == CDN  # nothing is served


def test_local_that_cannot_be_written_is_an_error(tmp_path):
    blocker = tmp_path / "static"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert leaflet_assets("auto", blocker, True) == CDN
    with pytest.raises(RuntimeError, match="KURIL_ASSETS=local"):
        leaflet_assets("local", blocker, True)
