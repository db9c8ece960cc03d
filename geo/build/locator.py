"""Build ``data/locator.geojson``: the land of a small locator map that shows the
whole Kuril chain in context, from Hokkaido and Sakhalin to southern Kamchatka.

Features, in this order: the five status regions (REGION_IDS), the four disputed
groups (ISLAND_IDS), then grey context land (the Asian mainland, Honshu's tip),
each with ``id``, ``role`` (region, island, context) and three names.

Source: GSHHG f, the resolution of the island build. Reading and clipping
LOCATOR_BOX at f takes well under a second (the Eurasian polygon is clipped
before anything else touches it), so the coarser h brings nothing; and with f
the four groups are made of the very GSHHG polygons of ``islands.geojson``
(:func:`geo.build.islands.assigned_shores`). Land polygons (level 1) only:
at this scale a lake is a pixel or two.

Which land is which: every land polygon not in the four groups is clipped to the
box, and the pieces that contain an anchor (ANCHORS) are main land. A piece of a
polygon that holds an anchor joins the nearest main piece of that same polygon
(the box cuts Honshu's tip into three pieces; the Eurasian polygon holds both the
Tatar Strait coast and Kamchatka, which meet far north of the box); a piece of
any other polygon joins the nearest main piece, as in :mod:`geo.build.assign`.
Sakhalin is then cut at exactly 50°N (SAKHALIN_CUT_LAT). The build checks that
the context groups of the island build fall in the same regions here, and that
only Kamchatka and the context land reach the box's edge.

Simplification: parts under LOCATOR_MIN_PART_KM2 are left out (never a feature's
largest), then Douglas-Peucker at LOCATOR_TOLERANCE (topology preserving, so an
islet stays a triangle at least) and LOCATOR_DECIMALS. That keeps every main
island of the chain and five Habomai islets, in under MAX_LOCATOR_BYTES.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import MultiPolygon, Polygon

from geo import ISLAND_IDS, REGION_IDS
from geo.build.assign import coast_distances
from geo.build.groups import CONTEXT, ISLANDS
from geo.build.gshhg import read_box as read_shores
from geo.build.islands import (
    Assigned,
    assigned_shores,
    dumps,
    feature,
    geodesic_area_km2,
    polygons,
    simplify,
)
from geo.config import REPO_ROOT

LOCATOR_BOX = (139.3, 41.2, 158.5, 54.6)  # west, south, east, north; Okushiri is at 139.4°E
LOCATOR_RESOLUTION = "f"
LOCATOR_TOLERANCE = 0.02  # degrees, <= 2.2 km: under a pixel on a map this size
LOCATOR_DECIMALS = 3  # 2 would move points by up to 0.6 km and make rings invalid
LOCATOR_MIN_PART_KM2 = 1.0  # keeps the Ushishir islets (4.3 and 2.0 km²) and Raikoke
MAX_LOCATOR_BYTES = 60_000
SAKHALIN_CUT_LAT = 50.0  # the 1905-1945 border, between south- and north-sakhalin

Names = dict[str, str]
REGIONS: dict[str, Names] = {
    "northern-kurils": {
        "name_en": "Kuril Islands from Urup to Shumshu",
        "name_ru": "Курильские острова от Урупа до Шумшу",
        "name_ja": "千島列島（得撫島以北）",
    },
    "south-sakhalin": {
        "name_en": "Sakhalin south of 50°N",
        "name_ru": "Сахалин южнее 50° с. ш.",
        "name_ja": "サハリン（北緯50度以南）",
    },
    "north-sakhalin": {
        "name_en": "Sakhalin north of 50°N",
        "name_ru": "Сахалин севернее 50° с. ш.",
        "name_ja": "サハリン（北緯50度以北）",
    },
    "hokkaido": {"name_en": "Hokkaido", "name_ru": "Хоккайдо", "name_ja": "北海道"},
    "kamchatka": {
        "name_en": "Kamchatka Peninsula",
        "name_ru": "Полуостров Камчатка",
        "name_ja": "カムチャツカ半島",
    },
}
CONTEXT_LAND: dict[str, Names] = {
    "mainland": {
        "name_en": "Asian mainland",
        "name_ru": "Материковая Азия",
        "name_ja": "アジア大陸",
    },
    "honshu": {"name_en": "Honshu", "name_ru": "Хонсю", "name_ja": "本州"},
}
ANCHORS: tuple[tuple[str, tuple[float, float]], ...] = (  # id, (lon, lat) on its main land
    ("hokkaido", (143.3, 43.5)),
    ("south-sakhalin", (142.1, 46.2)),  # all of Sakhalin until the cut at 50°N
    ("northern-kurils", (150.0, 45.9)),  # Urup
    ("northern-kurils", (155.6, 50.3)),  # Paramushir
    ("kamchatka", (157.0, 53.0)),
    ("mainland", (140.0, 52.0)),  # the Tatar Strait coast
    ("honshu", (141.2, 41.3)),  # Shimokita peninsula
)
CLIPPED = ("kamchatka", *CONTEXT_LAND)  # the only land that may reach the box's edge
TO_METRES = Transformer.from_crs(
    "EPSG:4326", "+proj=aeqd +lat_0=48 +lon_0=149 +datum=WGS84 +units=m", always_xy=True
)


def _owners(pieces: list[Polygon], source: list[int]) -> list[str]:
    """The id of each piece of land (see the module docstring); ``source`` is the
    index of the GSHHG polygon each piece was clipped from."""
    owner: dict[int, str] = {}
    for ident, (lon, lat) in ANCHORS:
        hits = np.flatnonzero(shapely.contains_xy(np.array(pieces), lon, lat))
        if len(hits) != 1 or int(hits[0]) in owner:
            raise ValueError(f"the anchor of {ident} must lie in one piece of land of its own")
        owner[int(hits[0])] = ident
    mains = sorted(owner)
    anchored = {source[k] for k in mains}
    metric = shapely.transform(
        np.array(pieces), lambda xy: np.column_stack(TO_METRES.transform(*xy.T))
    )
    others = [k for k in range(len(pieces)) if k not in owner]
    table = np.column_stack([coast_distances(metric[m], metric[others]) for m in mains])
    for k, row in zip(others, table, strict=True):
        allowed = [
            j for j, m in enumerate(mains) if source[m] == source[k] or source[k] not in anchored
        ]
        owner[k] = owner[mains[min(allowed, key=lambda j: row[j])]]
    return [owner[k] for k in range(len(pieces))]


def _land(assigned: Assigned) -> dict[str, list[Polygon]]:
    """The unsimplified land of every feature id, Sakhalin not yet cut."""
    _, groups, _ = assigned
    box = shapely.box(*LOCATOR_BOX)
    shores = read_shores(*LOCATOR_BOX, resolution=LOCATOR_RESOLUTION, levels=(1,))
    shores = [s for s in shores if box.intersects(Polygon(s.lonlat))]
    disputed = {s.entry: g.id for g in ISLANDS for s in groups[g.id] if s.level == 1}
    land: dict[str, list[Polygon]] = {i: [] for i in (*REGION_IDS, *ISLAND_IDS, *CONTEXT_LAND)}
    pieces: list[Polygon] = []
    source: list[int] = []
    for n, shore in enumerate(shores):
        if shore.entry in disputed:
            land[disputed.pop(shore.entry)].append(Polygon(shore.lonlat))
            continue
        found = polygons(shapely.clip_by_rect(Polygon(shore.lonlat), *LOCATOR_BOX))
        pieces += found
        source += [n] * len(found)
    if disputed:
        raise ValueError(f"{len(disputed)} polygons of the island groups are not in the box")
    owners = _owners(pieces, source)
    for piece, n, ident in zip(pieces, source, owners, strict=True):
        if ident not in CLIPPED and not box.contains(Polygon(shores[n].lonlat)):
            raise ValueError(f"{ident} reaches outside the locator box {LOCATOR_BOX}")
        land[ident].append(piece)
    by_entry = {shores[n].entry: ident for n, ident in zip(source, owners, strict=True)}
    for group in CONTEXT:  # the main map's context land: the same regions here
        for shore in groups[group.id]:
            if shore.level == 1 and by_entry.get(shore.entry) != group.id:
                raise ValueError(f"polygon {shore.gshhg_id} of {group.id} is not in it here")
    return land


def _cut_sakhalin(land: dict[str, list[Polygon]]) -> None:
    """Sakhalin (all of it is south-sakhalin so far) cut at SAKHALIN_CUT_LAT."""
    sakhalin = shapely.union_all(land["south-sakhalin"])
    west, south, east, north = LOCATOR_BOX
    land["south-sakhalin"] = polygons(
        shapely.clip_by_rect(sakhalin, west, south, east, SAKHALIN_CUT_LAT)
    )
    land["north-sakhalin"] = polygons(
        shapely.clip_by_rect(sakhalin, west, SAKHALIN_CUT_LAT, east, north)
    )


def _simplified(land: list[Polygon]) -> MultiPolygon:
    parts = polygons(shapely.union_all(land))
    if not parts:
        raise ValueError("no land")
    kept = [parts[0]] + [p for p in parts[1:] if geodesic_area_km2(p) >= LOCATOR_MIN_PART_KM2]
    return simplify(MultiPolygon(kept), LOCATOR_TOLERANCE, LOCATOR_DECIMALS)


def _properties() -> dict[str, dict[str, str]]:
    """Every feature's properties, in the file's order."""
    islands = {
        g.id: {k: str(g.properties[k]) for k in ("name_en", "name_ru", "name_ja")} for g in ISLANDS
    }
    return {
        **{i: {"id": i, "role": "region", **REGIONS[i]} for i in REGION_IDS},
        **{i: {"id": i, "role": "island", **islands[i]} for i in ISLAND_IDS},
        **{i: {"id": i, "role": "context", **names} for i, names in CONTEXT_LAND.items()},
    }


def locator_features(assigned: Assigned | None = None) -> tuple[list[dict], dict]:
    """The locator's features in the file's order and a report (parts and points per
    id). ``assigned`` is :func:`geo.build.islands.assigned_shores`, if already read."""
    land = _land(assigned or assigned_shores())
    _cut_sakhalin(land)
    final: dict[str, MultiPolygon] = {}
    for ident in _properties():
        try:
            final[ident] = _simplified(land[ident])
        except ValueError as exc:
            raise ValueError(f"locator {ident}: {exc}") from None
    sakhalin = {"south-sakhalin", "north-sakhalin"}
    for (a, one), (b, other) in itertools.combinations(final.items(), 2):
        if one.intersects(other) and ({a, b} != sakhalin or one.intersection(other).area > 0):
            raise ValueError(f"locator {a} and {b} meet after simplification")
    report = {
        i: {"parts": len(g.geoms), "points": int(shapely.get_num_coordinates(g))}
        for i, g in final.items()
    }
    return [feature(p, final[i]) for i, p in _properties().items()], report


def build(out_dir: Path = REPO_ROOT / "data", assigned: Assigned | None = None) -> dict:
    """Write ``locator.geojson`` into ``out_dir``; return the report."""
    features, report = locator_features(assigned)
    text = dumps(features).encode("utf-8")
    if len(text) > MAX_LOCATOR_BYTES:
        raise ValueError(f"locator.geojson is {len(text)} bytes, over {MAX_LOCATOR_BYTES}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "locator.geojson").write_bytes(text)
    return {"features": report, "locator.geojson_bytes": len(text)}
