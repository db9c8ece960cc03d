"""The inline-shapes path in a real browser with no server at all: folium's own
page for the base map plus one date's island view, opened from a file."""

from __future__ import annotations

from geo import ISLAND_IDS
from geo.join import join_at
from geo.map.assets import PACKAGE_DIR, Assets
from geo.map.build import build_base_map, island_labels, islands_geojson
from geo.map.palette import PALETTE
from geo.map.served import Shapes
from geo.map.view import island_layer
from tests.conftest import repo_site

SITE = repo_site()
TEXT = '{"type": "FeatureCollection", "features": []}'


def test_inline_shapes_draw_and_recolour_in_a_saved_page(tmp_path, page):
    """The inline path, with no server at all: folium's own page for the base map
    plus one date's island view, opened from a file with the local Leaflet."""
    leaflet = PACKAGE_DIR  # the xstatic-leaflet package's own files
    islands = SITE.islands
    date = SITE.stop_dates[-1]
    joined = join_at(islands, SITE.claims, SITE.model, date)
    m = build_base_map(
        Shapes(text=TEXT),
        Shapes(text=islands_geojson(islands)),
        island_labels(islands),
        Assets(
            js=((leaflet / "leaflet.js").as_uri(),),
            css=((leaflet / "leaflet.css").as_uri(),),
            local=True,
        ),
        tiles=False,
    )
    island_layer(SITE.island_view(date), "shikotan").add_to(m)
    html = tmp_path / "map.html"
    m.save(str(html))
    page.goto(html.as_uri())
    for island in ISLAND_IDS:
        page.locator(f"path.island-{island}").first.wait_for(state="attached")
    fills = {i: page.locator(f"path.island-{i}").first.get_attribute("fill") for i in ISLAND_IDS}
    expected = dict(zip(joined["id"], joined["category"], strict=True))
    assert fills == {i: PALETTE[expected[i]] for i in ISLAND_IDS}
    assert page.locator("path.island-shikotan").first.get_attribute("stroke-width") == "2.5"
    labels = page.locator(".island-label").all_inner_texts()
    assert any("Shikotan" in text for text in labels)
    assert len(labels) == len(ISLAND_IDS)
    assert page.errors == []
