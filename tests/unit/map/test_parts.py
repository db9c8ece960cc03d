"""geo.map: the per-date payload carries the regions' styles and the lines shown; the
boundary lines, the locator, the labels and the controls render with escaped text."""

from __future__ import annotations

import json
import re

from geo import ISLAND_IDS, REGION_IDS
from geo.map.assets import Assets
from geo.map.build import (
    CONTEXT_LABELS,
    FIT,
    LOCATOR_LABELS,
    build_base_map,
    context_geojson,
    locator_geojson,
)
from geo.map.clicks import click_signature, clicked_island
from geo.map.elements import boundary_html, line_values, plain_text, safe_url
from geo.map.palette import BOUNDARY_STYLES, PALETTE, boundary_style, region_style
from geo.map.served import Shapes
from geo.map.view import island_layer, view_payload
from tests.conftest import repo_site
from tests.support import mapdata

SITE = repo_site()
EMPTY = Shapes(text='{"type": "FeatureCollection", "features": []}')
NO_ASSETS = Assets(js=(), css=(), local=True)


def payload(script: str) -> dict:
    return json.loads(re.search(r"show\((\{.*\})\);", script).group(1))


def render_view(data, selected):
    import folium

    m = folium.Map(tiles=None)
    island_layer(data, selected).add_to(m)
    return m.get_root().render()


def test_the_payload_carries_region_styles_and_the_lines_shown():
    data = mapdata.with_regions(SITE.island_view(SITE.stop_dates[-1]))
    view = payload(render_view(data, "shikotan"))
    assert set(view["regions"]) == set(REGION_IDS)
    for region, category in data.region_categories:
        assert view["regions"][region]["fillColor"] == PALETTE[category]
        assert view["regions"][region] == region_style(category)
    islands = dict(data.categories)
    # a region and an island of the same category have the same fill colour
    assert view["regions"]["hokkaido"]["fillColor"] == PALETTE["undisputed"]
    assert {view["styles"][i]["fillColor"] for i in ISLAND_IDS} == {
        PALETTE[islands[i]] for i in ISLAND_IDS
    }
    assert view["regionTooltips"] == dict(data.region_tooltips)
    # each region named (as an image) by its tooltip's text
    assert view["regionLabels"] == {r: plain_text(t) for r, t in data.region_tooltips}
    assert view["regionLabels"]["hokkaido"].startswith("Hokkaido: ")
    assert view["boundaries"] == list(mapdata.SHOWN)
    assert view["selected"] == "shikotan"
    assert set(view["labels"]) == set(ISLAND_IDS)
    assert len(json.dumps(view)) < 6000  # a few kilobytes, no geometry
    assert '"coordinates"' not in json.dumps(view)


def test_the_site_payload_colours_every_region_and_lists_the_lines_in_force():
    first = view_payload(SITE.island_view(SITE.stop_dates[0]), None)
    assert set(first["regions"]) == set(first["regionTooltips"]) == set(REGION_IDS)
    assert first["regions"]["kamchatka"]["fillColor"] == PALETTE["unclaimed"]
    assert first["regions"]["hokkaido"]["fillColor"] == PALETTE["undisputed"]
    assert first["boundaries"] == []  # no boundary agreed before 1855
    assert first["selected"] is None
    today = view_payload(SITE.island_view(SITE.stop_dates[-1]), None)
    assert today["boundaries"] == ["administration-1945", "japan-claim-1955", "article-9-1956"]


def test_the_selected_island_keeps_its_fill_colour_in_its_stroke():
    data = SITE.island_view(SITE.stop_dates[-1])
    view = view_payload(data, "habomai")
    style = view["styles"]["habomai"]
    assert style["color"] == style["fillColor"]  # no black stroke over a small island
    assert view["styles"]["iturup"]["color"] != "#000000"


def test_an_island_name_is_its_tooltip_as_plain_text():
    tip = SITE.island_view(SITE.stop_dates[-1]).tooltips[2][1]
    text = plain_text(tip)
    assert "<" not in text
    assert text.startswith("Shikotan (Шикотан, 色丹島): ")
    assert plain_text("<b>A &amp; B &lt;x&gt;</b><br>c") == "A & B <x>: c"


def test_boundary_html_escapes_and_links_safely():
    line = mapdata.BOUNDARIES[0]
    html = boundary_html(line)
    assert '<a href="https://example.org/shimoda?a=1&amp;b=2" target="_blank"' in html
    assert 'rel="noopener noreferrer"' in html
    assert "Treaty of Shimoda (1855), Article 2</a>" in html
    hostile = boundary_html(mapdata.BOUNDARIES[2])
    assert "<script" not in hostile
    assert "&lt;/script&gt;" in hostile
    assert "<a" not in hostile  # javascript: is no link
    assert "&lt;b&gt;label&lt;/b&gt;" in hostile
    assert safe_url("https://example.org/x") == "https://example.org/x"
    for bad in ("javascript:alert(1)", "data:text/html,x", "", 'https://x" onmouseover="y'):
        assert safe_url(bad) is None


def test_each_line_is_named_by_its_text_plain():
    """A line's accessible name: its name and reference as text, the hostile one
    read as the characters it holds (an attribute, never parsed as HTML)."""
    first, _admin, hostile, _last = line_values(mapdata.BOUNDARIES)
    assert first["label"] == (
        "1855 Treaty of Shimoda: between Iturup and Urup: "
        "Reference: Treaty of Shimoda (1855), Article 2"
    )
    assert hostile["label"].startswith(mapdata.HOSTILE_NAME + ": Reference: <b>label</b>")


def test_each_kind_of_line_has_its_own_look():
    styles = [boundary_style(kind) for kind in BOUNDARY_STYLES]
    looks = {(s["color"], s["dashArray"]) for s in styles}
    assert len(looks) == len(BOUNDARY_STYLES)
    assert all(s["fill"] is False for s in styles)
    assert boundary_style("claimed")["dashArray"]  # dash-dot
    assert boundary_style("hypothetical")["dashArray"]
    assert boundary_style("treaty")["dashArray"] is None


def render_base(**kwargs) -> str:
    return build_base_map(EMPTY, EMPTY, (), NO_ASSETS, False, **kwargs).get_root().render()


def test_boundaries_and_locator_render_with_escaped_text():
    page = render_base(
        boundaries=mapdata.BOUNDARIES, locator=Shapes(text=mapdata.locator_geojson())
    )
    assert "kurilpwned" not in page
    assert "<script>window.__pwned" not in page
    assert "\\u0026lt;/script\\u0026gt;" in page  # the hostile name: escaped HTML in JS
    for line in mapdata.BOUNDARIES:
        assert f'"id":"{line.id}"' in page
    assert "'boundary boundary-' + line.id" in page
    assert "kuril-locator" in page
    assert "'locator-island locator-island-' + p.id" in page
    for _location, text, _css, _anchor in LOCATOR_LABELS:
        assert text in page
    assert "Kamchatka" in page


def test_no_locator_without_its_shapes():
    page = render_base()
    assert "new Locator()" not in page
    assert "kurilBoundaries" in page  # the lines' layer is there, with no line


def test_the_map_wheel_scrolls_and_has_a_reset_view():
    page = render_base()
    assert '"scrollWheelZoom": false' in page
    assert "Use ctrl + scroll to zoom the map" in page
    assert "Use \u2318 + scroll to zoom the map" in page
    assert '"Reset view"' in page
    assert json.dumps([list(c) for c in FIT], separators=(",", ":")) in page
    assert "setPrefix" in page


def test_context_labels_and_their_places():
    names = [text for _location, text, _css, _anchor in CONTEXT_LABELS]
    assert names == ["Hokkaido", "Sakhalin", "Urup", "Cape Nosappu / Nemuro"]
    cape = CONTEXT_LABELS[-1][0]
    assert abs(cape[0] - 43.385) < 0.01
    assert abs(cape[1] - 145.817) < 0.01
    page = render_base()
    assert "context-label point-west" in page
    for name in names:
        assert name in page


def test_context_geojson_keeps_the_region_id_only():
    text = context_geojson(SITE.context)
    features = json.loads(text)["features"]
    assert [f["properties"] for f in features] == [{"id": i} for i in SITE.context["id"]]
    assert "name_en" not in text


def test_locator_geojson_keeps_id_role_and_name():
    import geopandas as gpd

    frame = gpd.read_file(mapdata.locator_geojson())
    features = json.loads(locator_geojson(frame))["features"]
    assert {f["properties"]["role"] for f in features} == {"region", "island", "context"}
    assert set(features[0]["properties"]) == {"id", "role", "name_en"}
    ids = {f["properties"]["id"] for f in features if f["properties"]["role"] != "context"}
    assert ids == set(REGION_IDS) | set(ISLAND_IDS)


def test_a_click_on_a_line_or_a_region_selects_no_island():
    """streamlit-folium returns whatever layer was clicked: a boundary line (a
    polyline's GeoJSON has no properties) or a region is no island."""
    line = {
        "last_active_drawing": {
            "type": "Feature",
            "properties": {},
            "geometry": {"type": "LineString", "coordinates": [[149.35, 44.9], [149.05, 45.55]]},
        },
        "last_object_clicked": {"lat": 45.2, "lng": 149.2},
    }
    region = {
        "last_active_drawing": {"type": "Feature", "properties": {"id": "south-sakhalin"}},
        "last_object_clicked": {"lat": 47.0, "lng": 142.5},
    }
    for returned in (line, region):
        assert clicked_island(returned) is None
        assert click_signature(returned) is None
