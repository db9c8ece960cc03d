"""The base map, the same at every date: Leaflet from where the assets say, the sea,
optional tiles, the context land and the island shapes (fetched once by the
browser from static files when it can, otherwise sent inline) and the labels."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

import folium
import geopandas as gpd
from branca.element import Figure

from geo.islands import display_name
from geo.map.assets import Assets
from geo.map.elements import ContextLand, IslandLabels, IslandShapes, read_js
from geo.map.palette import CONTEXT_EDGE, CONTEXT_FILL, SEA
from geo.map.served import Shapes
from geo.map.tiles import TILE_ATTRIBUTION, TILE_URL

CENTER = (44.35, 146.9)
ZOOM = 7
# The four island groups with a margin: the view the map opens on.
FIT = ((43.2, 145.3), (45.6, 148.9))
BOUNDS = ((42.3, 142.0), (46.8, 150.5))
COASTLINE_ATTRIBUTION = "Coastline: GSHHG, Wessel &amp; Smith (LGPL-3.0)"

Label = tuple[tuple[float, float], str]


def context_geojson(context: gpd.GeoDataFrame) -> str:
    """The nearby land as GeoJSON text: geometry only."""
    return str(context[["geometry"]].to_json(drop_id=True, separators=(",", ":")))


def islands_geojson(islands: gpd.GeoDataFrame) -> str:
    """The island shapes as GeoJSON text: the id and the geometry, nothing to show."""
    return str(islands[["id", "geometry"]].to_json(drop_id=True, separators=(",", ":")))


def island_labels(islands: gpd.GeoDataFrame) -> tuple[Label, ...]:
    """Each island's label: just east of it, so it never hides the land it names."""
    labels = []
    for row in islands.to_dict("records"):
        _minx, miny, maxx, maxy = row["geometry"].bounds
        labels.append((((miny + maxy) / 2, maxx), display_name(row)))
    return tuple(labels)


def no_map_guard() -> str:
    """A script as a data: URL (it loads with no network), run before Leaflet: if
    Leaflet fails to load, the map's frame says so instead of staying empty."""
    return "data:text/javascript;charset=utf-8," + quote(read_js("no_map"))


def _use_assets(m: folium.Map, assets: Assets) -> None:
    """Load only Leaflet itself, from where `assets` says, after the guard; folium's
    other default links (jQuery, Bootstrap, Font Awesome …) are not needed here."""
    m.default_js = [("no_map_guard", no_map_guard())]
    m.default_js += [(f"leaflet{i}", url) for i, url in enumerate(assets.js)]
    m.default_css = [(f"leaflet_css{i}", url) for i, url in enumerate(assets.css)]


def build_base_map(
    context: Shapes, islands: Shapes, labels: Sequence[Label], assets: Assets, tiles: bool
) -> folium.Map:
    """The part of the map that is the same at every date."""
    m = folium.Map(
        location=CENTER,
        zoom_start=ZOOM,
        min_zoom=5,
        max_zoom=13,
        tiles=None,
        max_bounds=True,
        min_lat=BOUNDS[0][0],
        max_lat=BOUNDS[1][0],
        min_lon=BOUNDS[0][1],
        max_lon=BOUNDS[1][1],
        control_scale=True,
        prefer_canvas=False,
    )
    _use_assets(m, assets)
    m.fit_bounds(FIT)
    root = m.get_root()
    if not isinstance(root, Figure):
        raise TypeError("a folium.Map's root is a branca Figure")
    root.header.add_child(
        folium.Element(
            f"<style>.folium-map, .leaflet-container {{ background: {SEA}; }}"
            ".island-label { font: 600 12px/1.2 sans-serif; color: #222; white-space: nowrap;"
            " text-shadow: 0 0 3px #fff, 0 0 3px #fff; pointer-events: none; }</style>"
        )
    )
    if tiles:
        folium.TileLayer(
            TILE_URL, attr=TILE_ATTRIBUTION, name="Basemap", subdomains="abcd", max_zoom=19
        ).add_to(m)
    ContextLand(
        context,
        {
            "fillColor": CONTEXT_FILL,
            "color": CONTEXT_EDGE,
            "weight": 0.6,
            "fillOpacity": 0.9 if not tiles else 0.5,
        },
        COASTLINE_ATTRIBUTION,
    ).add_to(m)
    IslandShapes(islands).add_to(m)
    folium.map.CustomPane("labels", z_index=650, pointer_events=False).add_to(m)
    IslandLabels(labels).add_to(m)
    return m
