"""One date's island view: each island's status colour and tooltip, built straight
from the status model (no join on the slider's path), the status regions' colours
and tooltips and the boundary lines in force, and the feature group that
streamlit-folium swaps in without remounting the map or resending geometry.

The view as the map's script gets it (`window.kurilView.show(view)`), JSON:

    {"styles":   {island id: Leaflet path style},      the islands' colours
     "tooltips": {island id: tooltip HTML},
     "labels":   {island id: the tooltip as plain text},  each island's accessible name
     "selected": island id or null,                    ringed, class 'selected'
     "regions":  {region id: Leaflet path style},      fill = the same PALETTE colour
     "regionTooltips": {region id: tooltip HTML},
     "regionLabels": {region id: the tooltip as plain text},  each region's name
     "boundaries": [boundary id, ...]}                 the lines shown; others hidden
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

import folium

from geo.i18n import current
from geo.islands import display_name
from geo.map.elements import IslandView, plain_text
from geo.map.palette import island_style, region_style
from geo.status import IslandStatus


@dataclass(frozen=True)
class IslandData:
    """What the island view shows at one date: each island's status category and
    tooltip. Depends on the date only, so it can be made once per date."""

    categories: tuple[tuple[str, str], ...]
    tooltips: tuple[tuple[str, str], ...]
    # The status regions (geo.REGION_IDS) the same way: (id, category) and (id, tooltip).
    region_categories: tuple[tuple[str, str], ...] = ()
    region_tooltips: tuple[tuple[str, str], ...] = ()
    # The ids of the boundary lines in force at the date (geo.map.lines.BoundaryLine.id).
    boundaries: tuple[str, ...] = ()


def tooltip_html(row: Mapping[str, object], status_label: str) -> str:
    """Hover text for an island: both names and its status, escaped (it reaches the
    map's script through js_value, which keeps it out of branca's Jinja too)."""
    language = current()
    names = display_name(row, language)
    if language == "en":  # the English names, then each side's own
        names += f" ({row['name_ru']}, {row['name_ja']})"
    return f"<b>{escape(names)}</b><br>{escape(status_label)}"


def island_data(
    statuses: Mapping[str, IslandStatus],
    island_rows: Mapping[str, Mapping[str, object]],
    regions: Mapping[str, IslandStatus] | None = None,
    region_names: Mapping[str, str] | None = None,
    boundaries: tuple[str, ...] = (),
) -> IslandData:
    """The island view's data at one date, from the status of each island and
    region then, and the ids of the lines drawn then."""
    regions, names = regions or {}, region_names or {}
    return IslandData(
        tuple((i, s.category) for i, s in statuses.items()),
        tuple((i, tooltip_html(island_rows[i], s.label)) for i, s in statuses.items()),
        tuple((r, s.category) for r, s in regions.items()),
        tuple(
            (r, f"<b>{escape(names.get(r, r))}</b><br>{escape(s.label)}")
            for r, s in regions.items()
        ),
        boundaries,
    )


def view_payload(data: IslandData, selected: str | None) -> dict[str, object]:
    """The view at one date as the map's script takes it (the module's docstring)."""
    return {
        "styles": {i: island_style(c, i == selected) for i, c in data.categories},
        "tooltips": dict(data.tooltips),
        "labels": {i: plain_text(tip) for i, tip in data.tooltips},
        "selected": selected,
        "regions": {r: region_style(c) for r, c in data.region_categories},
        "regionTooltips": dict(data.region_tooltips),
        "regionLabels": {r: plain_text(tip) for r, tip in data.region_tooltips},
        "boundaries": list(data.boundaries),
    }


def island_layer(data: IslandData, selected: str | None) -> folium.FeatureGroup:
    """The islands coloured by status at one date (`island_data` of that date),
    `selected` ringed, the regions coloured and the date's lines shown: the feature
    group streamlit-folium swaps."""
    group = folium.FeatureGroup(name="Islands", control=False)
    IslandView(view_payload(data, selected)).add_to(group)
    return group
