"""The folium map. The base map is the same at every date: the context land and
the island shapes (fetched once by the browser from static files when it can,
otherwise sent inline) and the labels. For each date only a small island view
goes with it: each island's colour and tooltip, which streamlit-folium applies
to the shapes already drawn, without remounting the map or resending geometry.
Every data text placed in HTML is escaped here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

import folium
import geopandas as gpd
from branca.element import MacroElement
from jinja2 import Template

from geo import ISLAND_IDS
from geo.assets import Assets
from geo.served import Shapes
from geo.status import CATEGORIES
from geo.text import md_escape

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
# The page theme's named colour set to each (.streamlit/config.toml), so the legend
# below the map is plain Markdown (`:blue[■]`) and the page renders no HTML of ours.
THEME_COLOUR = {
    "no-boundary": "gray",
    "undisputed": "blue",
    "disputed-handover": "green",
    "disputed": "orange",
}
CONTEXT_FILL = "#d9d4c7"
CONTEXT_EDGE = "#9b9483"
SEA = "#dbe9f4"
# Before the first island view arrives (a few milliseconds at most).
PENDING = {"fillColor": "#ffffff", "color": "#333333", "weight": 0.8, "fillOpacity": 0.85}
HOVER = {"weight": 3, "color": "#000000"}

TILE_URL = "https://{s}.basemaps.cartocdn.com/light_nolabels/{z}/{x}/{y}{r}.png"
TILE_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
    'contributors &copy; <a href="https://carto.com/attributions">CARTO</a>'
)
COASTLINE_ATTRIBUTION = "Coastline: GSHHG, Wessel &amp; Smith (LGPL-3.0)"


def js_value(value: object) -> str:
    """`value` as a JavaScript literal that is inert inside a <script> and to
    branca's Jinja rendering. JSON's own braces never start '{{', '{%' or '{#'
    (a key or '}' follows '{'), so these only occur inside strings."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, safe in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                      ("\u2028", "\\u2028"), ("\u2029", "\\u2029"),
                      ("{{", "{\\u007b"), ("{%", "{\\u0025"), ("{#", "{\\u0023")):
        text = text.replace(raw, safe)
    return text


# Loads a Shapes source: a fetch (the URL is relative to the map's frame), or the
# inline data.
_LOAD_JS = """
function kurilLoad(source) {
  if (!source.url) return Promise.resolve(source.data);
  return fetch(source.url).then(function (response) {
    if (!response.ok) throw new Error(source.url + ': HTTP ' + response.status);
    return response.json();
  });
}
"""


class ShapesLayer(MacroElement):
    """A map element drawn from a Shapes source: its template defines the loader
    (`this.load_js`) and calls `kurilLoad(this.source)`."""

    def __init__(self, name: str, source: Shapes) -> None:
        super().__init__()
        self._name = name
        self.source = js_value(source.source())
        self.load_js = _LOAD_JS


class ContextLand(ShapesLayer):
    """The nearby land (Hokkaido, the other Kurils): drawn, not interactive."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var layer = L.geoJSON(null, {interactive: false, style: {{ this.style }},
                               attribution: {{ this.attribution }}}).addTo(map);
  {{ this.load_js }}
  kurilLoad({{ this.source }}).then(function (data) { layer.addData(data); })
    .catch(function (error) { console.error('context land:', error); });
})();
{% endmacro %}
""")

    def __init__(self, source: Shapes, style: dict, attribution: str) -> None:
        super().__init__("ContextLand", source)
        self.style = js_value(style)
        self.attribution = js_value(attribution)


class IslandShapes(ShapesLayer):
    """The four island groups, one path per group with the classes
    'island island-<id>'. `window.kurilIslands.show(view)` colours them and sets
    their tooltips; it may come before or after the shapes have loaded."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var view = null;
  function restyle(path) {
    var style = view && view.styles[path.feature.properties.id];
    if (style) path.setStyle(style);
  }
  function apply() {
    if (!view) return;
    layer.eachLayer(function (path) {
      restyle(path);
      var tip = view.tooltips[path.feature.properties.id];
      if (tip === undefined) return;
      if (path.getTooltip()) path.setTooltipContent(tip);
      else path.bindTooltip(tip, {sticky: true});
    });
  }
  var layer = L.geoJSON(null, {
    style: function (feature) {
      return Object.assign({className: 'island island-' + feature.properties.id},
                           {{ this.pending }});
    },
    onEachFeature: function (feature, path) {
      path.on('mouseover', function () { path.setStyle({{ this.hover }}); });
      path.on('mouseout', function () { restyle(path); });
    }
  }).addTo(map);
  window.kurilIslands = {layer: layer, show: function (next) { view = next; apply(); }};
  {{ this.load_js }}
  kurilLoad({{ this.source }}).then(function (data) { layer.addData(data); apply(); })
    .catch(function (error) { console.error('island shapes:', error); });
})();
{% endmacro %}
""")

    def __init__(self, source: Shapes) -> None:
        super().__init__("IslandShapes", source)
        self.pending = js_value(PENDING)
        self.hover = js_value(HOVER)


class IslandView(MacroElement):
    """One date's colours and tooltips for the island shapes (a few kilobytes)."""

    _template = Template("""
{% macro script(this, kwargs) %}
if (window.kurilIslands) window.kurilIslands.show({{ this.view }});
{% endmacro %}
""")

    def __init__(self, view: dict) -> None:
        super().__init__()
        self._name = "IslandView"
        self.view = js_value(view)


class IslandLabels(MacroElement):
    """Each island's name beside it, in a pane above the shapes; text only."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  {{ this.labels }}.forEach(function (label) {
    L.marker(label[0], {
      icon: L.divIcon({html: label[1], className: 'island-label-icon',
                       iconSize: [0, 0], iconAnchor: [-6, 8]}),
      interactive: false, keyboard: false, pane: 'labels'
    }).addTo(map);
  });
})();
{% endmacro %}
""")

    def __init__(self, labels: tuple) -> None:
        super().__init__()
        self._name = "IslandLabels"
        self.labels = js_value([[list(location), f'<div class="island-label">{escape(name)}</div>']
                                for location, name in labels])


def _use_assets(m: folium.Map, assets: Assets) -> None:
    """Load only Leaflet itself, from where `assets` says; folium's other
    default links (jQuery, Bootstrap, Font Awesome …) are not needed here."""
    m.default_js = [(f"leaflet{i}", url) for i, url in enumerate(assets.js)]
    m.default_css = [(f"leaflet_css{i}", url) for i, url in enumerate(assets.css)]


def context_geojson(context: gpd.GeoDataFrame) -> str:
    """The nearby land as GeoJSON text: geometry only."""
    return context[["geometry"]].to_json(drop_id=True, separators=(",", ":"))


def islands_geojson(islands: gpd.GeoDataFrame) -> str:
    """The island shapes as GeoJSON text: the id and the geometry, nothing to show."""
    return islands[["id", "geometry"]].to_json(drop_id=True, separators=(",", ":"))


def display_name(row: dict) -> str:
    """'Iturup / Etorofu'; one name where English and Japanese romaji agree."""
    if row["name_en"] == row["name_ja_romaji"]:
        return row["name_en"]
    return f"{row['name_en']} / {row['name_ja_romaji']}"


def island_labels(islands: gpd.GeoDataFrame) -> tuple[tuple[tuple[float, float], str], ...]:
    """Each island's label: just east of it, so it never hides the land it names."""
    labels = []
    for row in islands.to_dict("records"):
        minx, miny, maxx, maxy = row["geometry"].bounds
        labels.append((((miny + maxy) / 2, maxx), display_name(row)))
    return tuple(labels)


def build_base_map(
    context: Shapes, islands: Shapes, labels: tuple, assets: Assets, tiles: bool
) -> folium.Map:
    """The part of the map that is the same at every date."""
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
    ContextLand(context, {
        "fillColor": CONTEXT_FILL, "color": CONTEXT_EDGE, "weight": 0.6,
        "fillOpacity": 0.9 if not tiles else 0.5,
    }, COASTLINE_ATTRIBUTION).add_to(m)
    IslandShapes(islands).add_to(m)
    folium.map.CustomPane("labels", z_index=650, pointer_events=False).add_to(m)
    IslandLabels(labels).add_to(m)
    return m


def tooltip_html(row: dict) -> str:
    """Hover text for an island: both names and its status, escaped (it reaches the
    map's script through js_value, which keeps it out of branca's Jinja too)."""
    names = f"{display_name(row)} ({row['name_ru']}, {row['name_ja']})"
    return f"<b>{escape(names)}</b><br>{escape(row['status'])}"


def island_style(category: str, chosen: bool) -> dict:
    """An island's path style: its status colour; the selected one outlined."""
    return {
        "fillColor": PALETTE[category],
        "color": "#000000" if chosen else "#333333",
        "weight": 2.5 if chosen else 0.8,
        "dashArray": "4 2" if chosen else None,
        "fillOpacity": 0.85,
    }


@dataclass(frozen=True)
class IslandData:
    """What the island view shows at one date: each island's status category and
    tooltip. Depends on the date only, so it can be made once per date."""

    categories: tuple[tuple[str, str], ...]
    tooltips: tuple[tuple[str, str], ...]


def island_data(joined: gpd.GeoDataFrame) -> IslandData:
    """The island view's data from the islands joined at one date."""
    rows = joined.to_dict("records")
    return IslandData(tuple((r["id"], r["category"]) for r in rows),
                      tuple((r["id"], tooltip_html(r)) for r in rows))


def island_layer(data: IslandData, selected: str | None) -> folium.FeatureGroup:
    """The islands coloured by status at one date (`island_data` of that date),
    `selected` outlined: the feature group streamlit-folium swaps."""
    group = folium.FeatureGroup(name="Islands", control=False)
    IslandView({
        "styles": {i: island_style(c, i == selected) for i, c in data.categories},
        "tooltips": dict(data.tooltips),
    }).add_to(group)
    return group


def legend_markdown() -> str:
    """The colour key: a swatch in the theme colour that matches each status colour,
    and the status in words."""
    return "  \n".join(f":{THEME_COLOUR[key]}[■■] {md_escape(label)}"
                        for key, label in CATEGORIES.items())


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
