"""Which GSHHG land polygon belongs to which island group.

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
"""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import Polygon

from geo.build.groups import CONTEXT, ISLANDS
from geo.build.gshhg import ShorePolygon

TO_METRES = Transformer.from_crs(
    "EPSG:4326", "+proj=aeqd +lat_0=44.5 +lon_0=147 +datum=WGS84 +units=m", always_xy=True
)


def coast_distances(main: Polygon, others: np.ndarray) -> np.ndarray:
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
    table = np.column_stack([coast_distances(metric[mains[n]], metric[others]) for n in names])
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
