"""The folium map: a base map that never changes (context land, optional
tiles) and an island layer rebuilt for each date, which streamlit-folium adds
without remounting the map. Every data text placed in HTML is escaped here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

import folium
import geopandas as gpd

from geo import ISLAND_IDS
from geo.assets import Assets
from geo.status import CATEGORIES

CENTER = (44.35, 146.9)
ZOOM = 7
# The four island groups with a margin: the view the map opens on.
FIT = ((43.2, 145.3), (45.6, 148.9))
BOUNDS = ((42.3, 142.0), (46.8, 150.5))

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = {
    "no-boundary": "#BBBBBB",
    "undisputed": "#0072B2",
    "disputed-handover": "#009E73",
    "disputed": "#D55E00",
}
CONTEXT_FILL = "#d9d4c7"
CONTEXT_EDGE = "#9b9483"
SEA = "#dbe9f4"

TILE_URL = "https://{s}.basemaps.cartocdn.com/light_nolabels/{z}/{x}/{y}{r}.png"
TILE_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
    'contributors &copy; <a href="https://carto.com/attributions">CARTO</a>'
)
COASTLINE_ATTRIBUTION = "Coastline: GSHHG, Wessel &amp; Smith (LGPL-3.0)"


def _use_assets(m: folium.Map, assets: Assets) -> None:
    """Load only Leaflet itself, from where `assets` says; folium's other
    default links (jQuery, Bootstrap, Font Awesome …) are not needed here."""
    m.default_js = [(f"leaflet{i}", url) for i, url in enumerate(assets.js)]
    m.default_css = [(f"leaflet_css{i}", url) for i, url in enumerate(assets.css)]


def context_geojson(context: gpd.GeoDataFrame) -> str:
    """The nearby land as GeoJSON text: the same at every date, so build it once."""
    return context[["geometry"]].to_json(drop_id=True)


def build_base_map(context: gpd.GeoDataFrame | str, assets: Assets, tiles: bool) -> folium.Map:
    """The part of the map that is the same at every date. `context` is the nearby
    land, or its `context_geojson` text made once."""
    context_json = context if isinstance(context, str) else context_geojson(context)
    m = folium.Map(
        location=CENTER, zoom_start=ZOOM, min_zoom=5, max_zoom=13, tiles=None,
        max_bounds=True, min_lat=BOUNDS[0][0], max_lat=BOUNDS[1][0],
        min_lon=BOUNDS[0][1], max_lon=BOUNDS[1][1], control_scale=True,
        prefer_canvas=False,
    )
    _use_assets(m, assets)
    m.fit_bounds(FIT)
    m.get_root().header.add_child(folium.Element(
        f"<style>.folium-map, .leaflet-container {{ background: {SEA}; }}"
        ".island-label { font: 600 12px/1.2 sans-serif; color: #222; white-space: nowrap;"
        " text-shadow: 0 0 3px #fff, 0 0 3px #fff; pointer-events: none; }</style>"
    ))
    if tiles:
        folium.TileLayer(TILE_URL, attr=TILE_ATTRIBUTION, name="Basemap",
                         subdomains="abcd", max_zoom=19).add_to(m)
    folium.GeoJson(
        json.loads(context_json),
        name="Nearby land",
        style_function=lambda _f: {
            "fillColor": CONTEXT_FILL, "color": CONTEXT_EDGE, "weight": 0.6,
            "fillOpacity": 0.9 if not tiles else 0.5, "interactive": False,
        },
        interactive=False,
        control=False,
        attribution=COASTLINE_ATTRIBUTION,
    ).add_to(m)
    folium.map.CustomPane("labels", z_index=650, pointer_events=False).add_to(m)
    return m


def display_name(row: dict) -> str:
    """'Iturup / Etorofu'; one name where English and Japanese romaji agree."""
    if row["name_en"] == row["name_ja_romaji"]:
        return row["name_en"]
    return f"{row['name_en']} / {row['name_ja_romaji']}"


def inert(html: str) -> str:
    """Escaped HTML that branca will not read as a Jinja template: folium re-renders
    every script it generates as a template, so '{{ … }}' from data would run."""
    return html.replace("{", "&#123;").replace("}", "&#125;")


def tooltip_html(row: dict) -> str:
    """Hover text for an island: both names and its status, escaped."""
    names = f"{display_name(row)} ({row['name_ru']}, {row['name_ja']})"
    return inert(f"<b>{escape(names)}</b><br>{escape(row['status'])}")


@dataclass(frozen=True)
class IslandData:
    """What the island layer draws at one date, ready to draw: the GeoJSON text
    (ids, names, category, tooltip, geometry) and each label's place and text.
    Depends on the date only, so it can be made once per date and reused."""

    geojson: str
    labels: tuple[tuple[tuple[float, float], str], ...]


def island_data(joined: gpd.GeoDataFrame) -> IslandData:
    """The island layer's data from the islands joined at one date."""
    slim = joined[["id", "category", "geometry"]].copy()
    slim["tooltip"] = [tooltip_html(r) for r in joined.to_dict("records")]
    labels = []
    for row in joined.itertuples():
        # Label just east of the island, so it never hides the land it names.
        minx, miny, maxx, maxy = row.geometry.bounds
        labels.append((((miny + maxy) / 2, maxx), display_name(row._asdict())))
    return IslandData(slim.to_json(drop_id=True), tuple(labels))


def island_layer(
    joined: gpd.GeoDataFrame | IslandData, selected: str | None
) -> folium.FeatureGroup:
    """The island polygons coloured by status, for one date (`joined` at that date,
    or its `island_data`)."""
    data = joined if isinstance(joined, IslandData) else island_data(joined)
    group = folium.FeatureGroup(name="Islands", control=False)

    def style(feature: dict) -> dict:
        props = feature["properties"]
        chosen = props["id"] == selected
        return {
            "fillColor": PALETTE[props["category"]],
            "color": "#000000" if chosen else "#333333",
            "weight": 2.5 if chosen else 0.8,
            "dashArray": "4 2" if chosen else None,
            "fillOpacity": 0.85,
            "className": f"island island-{props['id']}",
        }

    folium.GeoJson(
        json.loads(data.geojson),
        name="Island status",
        style_function=style,
        highlight_function=lambda _f: {"weight": 3, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False, sticky=True),
        control=False,
    ).add_to(group)
    for location, name in data.labels:
        folium.Marker(
            location=location,
            icon=folium.DivIcon(
                html=inert(f'<div class="island-label">{escape(name)}</div>'),
                icon_size=(0, 0), icon_anchor=(-6, 8), class_name="island-label-icon",
            ),
            interactive=False,
            pane="labels",
        ).add_to(group)
    return group


def legend_items() -> list[tuple[str, str, str]]:
    """(category, colour, plain-words label) in legend order."""
    return [(key, PALETTE[key], label) for key, label in CATEGORIES.items()]


def clicked_island(returned: dict | None) -> str | None:
    """The island id in st_folium's `last_active_drawing`, if it is one of ours."""
    if not isinstance(returned, dict):
        return None
    drawing = returned.get("last_active_drawing")
    if not isinstance(drawing, dict):
        return None
    props = drawing.get("properties")
    island = props.get("id") if isinstance(props, dict) else None
    return island if island in ISLAND_IDS else None


def click_signature(returned: dict | None) -> str | None:
    """Identifies one click, so the same click is not applied twice."""
    if not isinstance(returned, dict) or clicked_island(returned) is None:
        return None
    return json.dumps([clicked_island(returned), returned.get("last_object_clicked")],
                      sort_keys=True, default=str)
