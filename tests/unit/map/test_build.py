"""geo.map.build: the base map, the same at every date, with Leaflet only."""

from __future__ import annotations

import json

from geo.map.assets import Assets
from geo.map.build import WHEEL_HINT, build_base_map, island_labels, islands_geojson
from geo.map.served import Shapes
from tests.conftest import repo_site

SITE = repo_site()
LOCAL = Assets(
    js=("../../app/static/vendor/leaflet/leaflet.js",),
    css=("../../app/static/vendor/leaflet/leaflet.css",),
    local=True,
)


def render(tiles: bool) -> str:
    shapes = Shapes(url="../../app/static/geo/islands.0123456789abcdef.geojson")
    return build_base_map(shapes, shapes, SITE.labels, LOCAL, tiles).get_root().render()


def test_only_leaflet_is_loaded_and_no_tiles_offline():
    page = render(tiles=False)
    assert "leaflet.js" in page
    assert "jquery" not in page.lower()
    assert "bootstrap" not in page.lower()
    assert "basemaps.cartocdn.com" not in page


def test_tiles_when_online():
    assert "basemaps.cartocdn.com" in render(tiles=True)


def test_the_wheel_scrolls_the_page_unless_the_map_is_a_page_of_its_own():
    shapes = Shapes(url="../../app/static/geo/islands.0123456789abcdef.geojson")
    app = render(tiles=False)
    alone = build_base_map(shapes, shapes, SITE.labels, LOCAL, False, wheel_zoom=True)
    own = alone.get_root().render()
    assert '"scrollWheelZoom": false' in app
    assert WHEEL_HINT["other"] in app
    assert '"scrollWheelZoom": true' in own
    assert WHEEL_HINT["other"] not in own


def test_labels_sit_east_of_their_island():
    for (lat, lon), name in island_labels(SITE.islands):
        row = next(r for r in SITE.island_rows.values() if name.startswith(str(r["name_en"])))
        _minx, miny, maxx, maxy = row["geometry"].bounds
        assert lon == maxx
        assert miny <= lat <= maxy


def test_island_geojson_has_ids_and_shapes_only():
    text = islands_geojson(SITE.islands)
    assert '"id":"iturup"' in text
    assert "name_en" not in text


def test_the_no_leaflet_guard_tells_the_page_it_is_done():
    """When Leaflet fails no islands will come, so the guard says so at once (geo.deferred);
    a saved map has no Streamlit to tell."""
    from urllib.parse import unquote

    from geo.map.build import no_map_guard

    script = unquote(no_map_guard().split(",", 1)[1])
    assert '{"kuril_map_drawn": true}' in script
    assert "if (!streamlit) return;" in script
    assert script.count("setComponentValue(") == 1


def test_the_shapes_are_fetched_before_leaflet_loads_each_once_islands_first():
    """The served shapes' fetches start in a script run before Leaflet's (st_folium loads
    default_js in order, each after the last), so they do not wait for it."""
    from urllib.parse import unquote

    islands = Shapes(url="../../app/static/geo/islands.0123456789abcdef.geojson")
    context = Shapes(url="../../app/static/geo/context.0123456789abcdef.geojson")
    locator = Shapes(url="../../app/static/geo/locator.0123456789abcdef.geojson")
    lines = Shapes(url="../../app/static/geo/lines.0123456789abcdef.geojson")
    m = build_base_map(
        context, islands, SITE.labels, LOCAL, False, locator=locator, lines_source=lines
    )
    names = [name for name, _url in m.default_js]
    assert names == ["no_map_guard", "prefetch", "leaflet0"]
    script = unquote(dict(m.default_js)["prefetch"].split(",", 1)[1])
    assert "function kurilLoad" in script
    urls = [islands.url, context.url, lines.url, locator.url]
    assert f"{json.dumps(urls)}.forEach" in script  # each once, the islands first

    # inline shapes (a map without static serving) have nothing to fetch
    inline = Shapes(text='{"type": "FeatureCollection", "features": []}')
    names = [
        name for name, _url in build_base_map(inline, inline, SITE.labels, LOCAL, False).default_js
    ]
    assert names == ["no_map_guard", "leaflet0"]
