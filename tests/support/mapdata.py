"""Throwaway map data for the tests of the map's parts that the committed data does
not have yet: a locator GeoJSON of rectangles, a few boundary lines (one of each
kind, one with hostile text) and a view that colours the status regions."""

from __future__ import annotations

import json
from dataclasses import replace

from geo import ISLAND_IDS, REGION_IDS
from geo.map.lines import BoundaryLine
from geo.map.view import IslandData

Box = tuple[float, float, float, float]  # west, south, east, north

# Rough boxes, enough for a locator: the regions, the four islands, the mainland.
REGION_BOXES: dict[str, Box] = {
    "northern-kurils": (149.3, 45.5, 156.7, 50.9),
    "south-sakhalin": (141.7, 45.9, 144.6, 50.0),
    "north-sakhalin": (141.7, 50.0, 144.8, 54.4),
    "hokkaido": (139.8, 41.4, 145.8, 45.5),
    "kamchatka": (155.5, 50.9, 163.5, 60.5),
}
ISLAND_BOXES: dict[str, Box] = {
    "iturup": (146.86, 44.43, 148.89, 45.56),
    "kunashir": (145.4, 43.66, 146.59, 44.52),
    "shikotan": (146.58, 43.7, 146.92, 43.89),
    "habomai": (145.86, 43.36, 146.44, 43.65),
}
MAINLAND: Box = (130.0, 42.0, 141.2, 60.5)


def _feature(fid: str, role: str, name: str, box: Box) -> dict:
    w, s, e, n = box
    ring = [[w, s], [e, s], [e, n], [w, n], [w, s]]
    return {
        "type": "Feature",
        "properties": {"id": fid, "role": role, "name_en": name},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def locator_geojson() -> str:
    """A locator FeatureCollection: every REGION_IDS and ISLAND_IDS, and one context."""
    features = [_feature(r, "region", r.title(), REGION_BOXES[r]) for r in REGION_IDS]
    features += [_feature(i, "island", i.title(), ISLAND_BOXES[i]) for i in ISLAND_IDS]
    features.append(_feature("mainland", "context", "Mainland", MAINLAND))
    return json.dumps({"type": "FeatureCollection", "features": features})


HOSTILE_NAME = "</script><script>window.__pwned=1</script> {{ 'kuril' ~ 'pwned' }} & Co"
BOUNDARIES: tuple[BoundaryLine, ...] = (
    BoundaryLine(
        id="shimoda-1855",
        name="1855 Treaty of Shimoda: between Iturup and Urup",
        kind="treaty",
        latlngs=((44.9, 149.35), (45.55, 149.05), (46.1, 148.6)),
        reference_label="Treaty of Shimoda (1855), Article 2",
        reference_url="https://example.org/shimoda?a=1&b=2",
    ),
    BoundaryLine(
        id="nemuro-strait",
        name="Line of control in the Nemuro Strait",
        kind="administrative",
        latlngs=((43.4, 145.75), (43.75, 145.35), (44.3, 145.3)),
        reference_label="Administrative line",
        reference_url="https://example.org/admin",
    ),
    BoundaryLine(
        id="claim-1951",
        name=HOSTILE_NAME,
        kind="claimed",
        latlngs=((43.2, 146.6), (43.6, 147.3)),
        reference_label="<b>label</b>",
        reference_url="javascript:alert(1)",
    ),
    BoundaryLine(
        id="handover-1956",
        name="Handover line under the 1956 Joint Declaration",
        kind="hypothetical",
        latlngs=((43.3, 146.35), (44.0, 146.4), (44.3, 146.7)),
        reference_label="Joint Declaration (1956), Article 9",
        reference_url="https://example.org/1956",
    ),
)
SHOWN = ("shimoda-1855", "handover-1956")
REGION_CATEGORIES = (
    ("northern-kurils", "undisputed"),
    ("south-sakhalin", "undisputed"),
    ("north-sakhalin", "undisputed"),
    ("hokkaido", "undisputed"),
    ("kamchatka", "undisputed"),
)


def with_regions(data: IslandData) -> IslandData:
    """`data` with every region coloured, a tooltip each, and SHOWN as the lines."""
    return replace(
        data,
        region_categories=REGION_CATEGORIES,
        region_tooltips=tuple((r, f"<b>{r.title()}</b><br>Japan") for r in REGION_IDS),
        boundaries=SHOWN,
    )
