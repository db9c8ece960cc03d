"""Map geometry as the browser gets it: published once as a static file, or inline
when static files are not served; and the island view drawn from either."""

from __future__ import annotations

import json
import re

import pytest

from geo import ISLAND_IDS
from geo.assets import VENDOR_DIR, Assets
from geo.data import load_dataset
from geo.islands import load_islands
from geo.join import claims_table, join_at
from geo.mapview import (
    PALETTE,
    build_base_map,
    island_data,
    island_labels,
    island_layer,
    islands_geojson,
)
from geo.served import Shapes, publish, shapes
from geo.status import StatusModel

TEXT = '{"type": "FeatureCollection", "features": []}'


def test_publish_names_the_file_by_its_content(tmp_path):
    url = publish("islands", TEXT, tmp_path)
    assert re.fullmatch(r"\.\./\.\./app/static/geo/islands\.[0-9a-f]{16}\.geojson", url)
    path = tmp_path / "geo" / url.rsplit("/", 1)[1]
    assert path.read_text(encoding="utf-8") == TEXT
    assert publish("islands", TEXT, tmp_path) == url  # the same text, the same file
    other = publish("islands", TEXT.replace("[]", "[ ]"), tmp_path)
    assert other != url and (tmp_path / "geo" / other.rsplit("/", 1)[1]).is_file()
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
    assert served.url and served.text is None
    assert served.source() == {"url": served.url}
    assert Shapes(text=TEXT).source() == {"data": json.loads(TEXT)}


def test_shapes_needs_exactly_one_source():
    with pytest.raises(ValueError):
        Shapes()
    with pytest.raises(ValueError):
        Shapes(url="a", text=TEXT)


@pytest.mark.browser
def test_inline_shapes_draw_and_recolour_in_a_saved_page(tmp_path, page):
    """The inline path, with no server at all: folium's own page for the base map
    plus one date's island view, opened from a file with the local Leaflet."""
    leaflet = VENDOR_DIR / "leaflet"
    assert (leaflet / "leaflet.js").is_file(), "python -m geo.assets installs Leaflet"
    islands = load_islands()
    dataset = load_dataset()
    joined = join_at(islands, claims_table(dataset), StatusModel(dataset.events),
                     max(e.date for e in dataset.events))
    m = build_base_map(Shapes(text=TEXT), Shapes(text=islands_geojson(islands)),
                       island_labels(islands),
                       Assets(js=((leaflet / "leaflet.js").as_uri(),),
                              css=((leaflet / "leaflet.css").as_uri(),), local=True),
                       tiles=False)
    island_layer(island_data(joined), "shikotan").add_to(m)
    html = tmp_path / "map.html"
    m.save(str(html))
    page.goto(html.as_uri())
    for island in ISLAND_IDS:
        page.locator(f"path.island-{island}").first.wait_for(state="attached")
    fills = {i: page.locator(f"path.island-{i}").first.get_attribute("fill")
             for i in ISLAND_IDS}
    expected = dict(zip(joined["id"], joined["category"], strict=True))
    assert fills == {i: PALETTE[expected[i]] for i in ISLAND_IDS}
    assert page.locator("path.island-shikotan").first.get_attribute("stroke-width") == "2.5"
    labels = page.locator(".island-label").all_inner_texts()
    assert any("Shikotan" in text for text in labels) and len(labels) == len(ISLAND_IDS)
    assert page.errors == []
