"""Floor app for the benchmark: the least a page can do and still show the same
map. The same polygons (data/islands.geojson + data/context.geojson) drawn
with st_folium, a select_slider over the app's timeline stops that recolours
them through `feature_group_to_add`, Leaflet from the same local assets, and
nothing else: no status model, no claims, no panel, no URL state.

Island paths get the app's CSS classes (`island island-<id>`) so the same
browser probe reads both pages. Colours cycle through the app's palette by
stop index, so every slider step changes every island's fill.
"""

from __future__ import annotations

import json

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.config import Settings
from geo.load import load_dataset
from geo.map.assets import leaflet_assets
from geo.map.palette import PALETTE
from geo.timeline import build_stops

COLOURS = list(PALETTE.values())

st.set_page_config(page_title="Floor", layout="wide")


@st.cache_resource(show_spinner=False)
def load():
    """The two GeoJSON files as text (parsed per run: folium may annotate the dict)."""
    settings = Settings.from_env()
    islands = (settings.data_dir / "islands.geojson").read_text(encoding="utf-8")
    context = (settings.data_dir / "context.geojson").read_text(encoding="utf-8")
    order = {f["properties"]["id"]: n for n, f in enumerate(json.loads(islands)["features"])}
    stops = [s.date for s in build_stops(load_dataset(settings.data_dir))]
    serving = bool(st.get_option("server.enableStaticServing"))
    return (
        islands,
        context,
        order,
        stops,
        leaflet_assets(settings.assets, settings.static_dir, serving),
    )


islands_text, context_text, order, stops, site_assets = load()
date = st.select_slider("Date", options=stops, value=stops[-1], key="date")
index = stops.index(date)

m = folium.Map(location=(44.35, 146.9), zoom_start=7, tiles=None)
m.default_js = [(f"leaflet{i}", url) for i, url in enumerate(site_assets.js)]
m.default_css = [(f"leaflet_css{i}", url) for i, url in enumerate(site_assets.css)]
m.fit_bounds(((43.2, 145.3), (45.6, 148.9)))
folium.GeoJson(
    json.loads(context_text),
    interactive=False,
    style_function=lambda _f: {
        "fillColor": "#d9d4c7",
        "color": "#9b9483",
        "weight": 0.6,
        "fillOpacity": 0.9,
    },
).add_to(m)

group = folium.FeatureGroup(name="Islands")
folium.GeoJson(
    json.loads(islands_text),
    style_function=lambda f: {
        "fillColor": COLOURS[(index + order[f["properties"]["id"]]) % len(COLOURS)],
        "color": "#333333",
        "weight": 0.8,
        "fillOpacity": 0.85,
        "className": f"island island-{f['properties']['id']}",
    },
).add_to(group)

left, _right = st.columns([3, 2])
with left:
    st_folium(
        m,
        key="map",
        feature_group_to_add=group,
        returned_objects=["last_active_drawing", "last_object_clicked"],
        height=520,
        use_container_width=True,
    )
