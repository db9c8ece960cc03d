"""The base map, the same at every date: Leaflet from where the assets say, the sea,
optional tiles, the status regions and the island shapes (fetched once by the
browser from static files when it can, otherwise sent inline), the boundary
lines, the labels, the locator inset and the controls (reset view, ctrl + wheel
zoom)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from urllib.parse import quote

import folium
import geopandas as gpd
from branca.element import Figure

from geo.deferred import DRAWN_FLAG
from geo.i18n import N_, _, current
from geo.islands import display_name
from geo.map.assets import Assets
from geo.map.elements import (
    BoundaryLines,
    ContextLand,
    IslandLabels,
    IslandShapes,
    Locator,
    MapLabel,
    PageLanguage,
    ViewControls,
    WheelZoom,
    lines_json,
    read_js,
)
from geo.map.lines import BoundaryLine
from geo.map.palette import SEA, context_style
from geo.map.served import Shapes
from geo.map.tiles import TILE_ATTRIBUTION, TILE_URL

CENTER = (44.35, 146.9)
ZOOM = 7
# The four island groups with a margin: the view the map opens on.
FIT = ((43.2, 145.3), (45.6, 148.9))
BOUNDS = ((42.3, 142.0), (46.8, 150.5))
COASTLINE_ATTRIBUTION = "Coastline: GSHHG, Wessel &amp; Smith (LGPL-3.0)"

CSS_FILE = Path(__file__).resolve().parent / "map.css"

Label = tuple[tuple[float, float], str]
# Places around the islands, named on the main map (the status regions have no label
# of their own): (lat, lon), text, class, anchor.
CONTEXT_LABELS: tuple[MapLabel, ...] = (
    ((43.62, 144.55), N_("Hokkaido"), "context-label", (0, 0)),
    ((46.3, 142.75), N_("Sakhalin"), "context-label", (0, 0)),
    ((45.82, 149.42), N_("Urup"), "context-label", (0, 0)),
    ((43.385, 145.817), N_("Cape Nosappu / Nemuro"), "context-label point-west", (0, 0)),
)
# The locator's short labels.
LOCATOR_LABELS: tuple[MapLabel, ...] = (
    ((50.6, 142.9), N_("Sakhalin"), "locator-label", (0, 0)),
    ((43.3, 142.9), N_("Hokkaido"), "locator-label", (0, 0)),
    ((56.6, 159.4), N_("Kamchatka"), "locator-label", (0, 0)),
    ((46.3, 153.4), N_("Kuril Islands"), "locator-label", (0, 0)),
)
LOCATOR_TEXT = {
    "map": N_(
        "Locator map: the islands between Hokkaido, Sakhalin and Kamchatka;"
        " the rectangle is the main map's view"
    ),
    "hide": N_("Hide the locator map"),
    "show": N_("Show the locator map"),
    "short": N_("Locator"),
}
WHEEL_HINT = {
    "other": N_("Use ctrl + scroll to zoom the map"),
    "mac": N_("Use \u2318 + scroll to zoom the map"),
}
RESET_LABEL = N_("Reset view")
# The map's own name: Leaflet makes its container a Tab stop (the arrow keys pan it).
MAP_NAME = N_(
    "Map of the disputed islands: arrow keys move it, + and - zoom;"
    " Tab on to each island, Enter selects it"
)


def _local(labels: Sequence[MapLabel]) -> tuple[MapLabel, ...]:
    """Map labels with their text in the current language."""
    return tuple((at, _(text), css, anchor) for at, text, css, anchor in labels)


def context_geojson(context: gpd.GeoDataFrame) -> str:
    """The nearby land as GeoJSON text: each feature's id (its status region) and
    geometry, nothing else."""
    columns = ["id", "geometry"] if "id" in context.columns else ["geometry"]
    return str(context[columns].to_json(drop_id=True, separators=(",", ":")))


def locator_geojson(locator: gpd.GeoDataFrame) -> str:
    """The locator inset's GeoJSON text: id, role, name_en and the geometry."""
    columns = [c for c in ("id", "role", "name_en") if c in locator.columns]
    return str(locator[[*columns, "geometry"]].to_json(drop_id=True, separators=(",", ":")))


def islands_geojson(islands: gpd.GeoDataFrame) -> str:
    """The island shapes as GeoJSON text: the id and the geometry, nothing to show."""
    return str(islands[["id", "geometry"]].to_json(drop_id=True, separators=(",", ":")))


# Where in its bounding box's height an island's label sits (0 south, 1 north), for the
# islands whose label at mid-height would stand in open water or beside another island:
# Iturup's beside its north-eastern half, Kunashir's beside its northern half (at mid-height
# it sits just above Shikotan and reads as that island's).
LABEL_HEIGHT = {"iturup": 0.72, "kunashir": 0.65}


def island_labels(islands: gpd.GeoDataFrame, language: str = "en") -> tuple[Label, ...]:
    """Each island's label: just east of it, so it never hides the land it names."""
    labels = []
    for row in islands.to_dict("records"):
        _minx, miny, maxx, maxy = row["geometry"].bounds
        height = LABEL_HEIGHT.get(str(row["id"]), 0.5)
        labels.append(((miny + height * (maxy - miny), maxx), display_name(row, language)))
    return tuple(labels)


NO_MAP = N_(
    "The map cannot be shown: its map library (Leaflet) did not load. "
    "Everything else on the page works; reload the page to try again."
)


def no_map_guard() -> str:
    """A script as a data: URL (it loads with no network), run before Leaflet: if
    Leaflet fails to load, the map's frame says so (in the current language) instead
    of staying empty, and tells the page it is done (geo.deferred)."""
    script = read_js("no_map").replace("__NO_MAP__", json.dumps(_(NO_MAP)))
    script = script.replace("__DRAWN__", json.dumps({DRAWN_FLAG: True}))
    return "data:text/javascript;charset=utf-8," + quote(script)


def prefetch_script(urls: Sequence[str]) -> str:
    """A script as a data: URL, run before Leaflet: it starts fetching the shapes at
    `urls` at once, so that they arrive while Leaflet loads rather than after it; the
    layers' kurilLoad (js/load.js) then takes each answer from there."""
    script = read_js("load") + read_js("prefetch").replace("__URLS__", json.dumps(list(urls)))
    return "data:text/javascript;charset=utf-8," + quote(script)


def _use_assets(m: folium.Map, assets: Assets, prefetch: Sequence[str] = ()) -> None:
    """Load only Leaflet itself, from where `assets` says, after the guard (and the
    prefetch of the shapes at `prefetch`, if any); folium's other default links
    (jQuery, Bootstrap, Font Awesome …) are not needed here."""
    m.default_js = [("no_map_guard", no_map_guard())]
    if prefetch:
        m.default_js.append(("prefetch", prefetch_script(prefetch)))
    m.default_js += [(f"leaflet{i}", url) for i, url in enumerate(assets.js)]
    m.default_css = [(f"leaflet_css{i}", url) for i, url in enumerate(assets.css)]


@cache
def map_css() -> str:
    """The map frame's styles (map.css), read once per process."""
    return CSS_FILE.read_text(encoding="utf-8")


def build_base_map(
    context: Shapes,
    islands: Shapes,
    labels: Sequence[Label],
    assets: Assets,
    tiles: bool,
    *,
    boundaries: Sequence[BoundaryLine] = (),
    locator: Shapes | None = None,
    lines_source: Shapes | None = None,
    context_labels: Sequence[MapLabel] = CONTEXT_LABELS,
    wheel_zoom: bool = False,
) -> folium.Map:
    """The part of the map that is the same at every date. `boundaries`: every line
    any date shows (each view lists the ones in force), fetched from `lines_source`
    (their `lines_json`, served) or else sent inline; `locator`: the inset's
    GeoJSON (features with id, role and name_en), no inset without it;
    `wheel_zoom`: the wheel zooms the map (a page of its own, with nothing to
    scroll), else it scrolls the page and ctrl + wheel zooms."""
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
        scroll_wheel_zoom=wheel_zoom,
    )
    lines = lines_source or Shapes(text=lines_json(boundaries))
    # the islands first: they are what the page waits for (geo.deferred)
    sources = (islands, context, lines, locator)
    _use_assets(m, assets, list(dict.fromkeys(s.url for s in sources if s and s.url)))
    m.fit_bounds(FIT)
    root = m.get_root()
    if not isinstance(root, Figure):
        raise TypeError("a folium.Map's root is a branca Figure")
    root.header.add_child(
        folium.Element(
            f"<style>.folium-map, .leaflet-container {{ background: {SEA}; }}\n{map_css()}</style>"
        )
    )
    if tiles:
        folium.TileLayer(
            TILE_URL, attr=TILE_ATTRIBUTION, name="Basemap", subdomains="abcd", max_zoom=19
        ).add_to(m)
    # Above the land (overlayPane, 400): the lines, the selection ring, the names.
    folium.map.CustomPane("boundaries", z_index=450, pointer_events=True).add_to(m)
    folium.map.CustomPane("selection", z_index=460, pointer_events=False).add_to(m)
    folium.map.CustomPane("labels", z_index=650, pointer_events=False).add_to(m)
    ContextLand(context, context_style(tiles), COASTLINE_ATTRIBUTION).add_to(m)
    IslandShapes(islands).add_to(m)
    BoundaryLines(lines).add_to(m)
    IslandLabels(labels, placed=_local(context_labels)).add_to(m)
    if locator is not None:
        text = {k: _(v) for k, v in LOCATOR_TEXT.items()}
        Locator(locator, _local(LOCATOR_LABELS), lines, text).add_to(m)
    if not wheel_zoom:
        WheelZoom({k: _(v) for k, v in WHEEL_HINT.items()}).add_to(m)
    ViewControls(FIT, _(RESET_LABEL), _(MAP_NAME)).add_to(m)
    PageLanguage(current()).add_to(m)
    return m
