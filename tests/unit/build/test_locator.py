"""geo.build.locator: the committed locator map land (data/locator.geojson) and its
reproducible build from GSHHG."""

from __future__ import annotations

import itertools
import json
import re

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import Point

from geo import ISLAND_IDS, REGION_IDS
from geo.build.locator import LOCATOR_BOX, MAX_LOCATOR_BYTES
from geo.config import REPO_ROOT as ROOT

LOCATOR_FILE = ROOT / "data" / "locator.geojson"
ORDER = [*REGION_IDS, *ISLAND_IDS, "mainland", "honshu"]
ROLES = {**dict.fromkeys(REGION_IDS, "region"), **dict.fromkeys(ISLAND_IDS, "island")}
# lon, lat of a point on each main island of the chain north of the Vries strait
CHAIN = {
    "Urup": (150.0, 46.0),
    "Simushir": (152.0, 46.95),
    "Ketoy": (152.47, 47.34),
    "Ushishir": (152.82, 47.51),
    "Rasshua": (153.01, 47.75),
    "Matua": (153.22, 48.08),
    "Raikoke": (153.26, 48.29),
    "Shiashkotan": (154.11, 48.82),
    "Ekarma": (153.96, 48.95),
    "Kharimkotan": (154.52, 49.12),
    "Onekotan": (154.76, 49.43),
    "Makanrushi": (154.44, 49.78),
    "Paramushir": (155.72, 50.37),
    "Atlasov": (155.57, 50.86),
    "Shumshu": (156.3, 50.7),
}


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads(LOCATOR_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def land() -> gpd.GeoSeries:
    return gpd.read_file(LOCATOR_FILE).set_index("id").geometry


def _parts_near(geometry, lon: float, lat: float, within: float = 0.05) -> list[int]:
    return [n for n, p in enumerate(geometry.geoms) if p.distance(Point(lon, lat)) < within]


def test_ids_roles_names_in_a_fixed_order(raw):
    assert [f["properties"]["id"] for f in raw["features"]] == ORDER
    islands = {
        f["properties"]["id"]: f["properties"]
        for f in json.loads((ROOT / "data" / "islands.geojson").read_text())["features"]
    }
    for feature in raw["features"]:
        props = feature["properties"]
        assert set(props) == {"id", "role", "name_en", "name_ja", "name_ru"}
        assert props["role"] == ROLES.get(props["id"], "context")
        assert all(isinstance(v, str) and v.strip() for v in props.values()), props
        if props["role"] == "island":
            assert {k: props[k] for k in ("name_en", "name_ja", "name_ru")} == {
                k: islands[props["id"]][k] for k in ("name_en", "name_ja", "name_ru")
            }
    names = {f["properties"]["id"]: f["properties"]["name_en"] for f in raw["features"]}
    assert names["south-sakhalin"] == "Sakhalin south of 50°N"


def test_size_and_form():
    text = LOCATOR_FILE.read_bytes()
    assert len(text) <= MAX_LOCATOR_BYTES == 60_000
    assert text.endswith(b"]}\n")
    assert text.count(b"\n") == len(ORDER) + 2  # one feature a line
    decimals = re.findall(rb"\d\.(\d+)", text)
    assert decimals
    assert max(len(d) for d in decimals) <= 3


def test_valid_counter_clockwise_multipolygons_in_the_box(land):
    assert land.crs.to_epsg() == 4326
    assert (land.geom_type == "MultiPolygon").all()
    assert land.is_valid.all(), land.index[~land.is_valid].tolist()
    for ident, geometry in land.items():
        assert all(p.exterior.is_ccw for p in geometry.geoms), ident
        assert shapely.box(*LOCATOR_BOX).covers(geometry), ident
    west, south, east, north = land.total_bounds
    assert (west, south) == pytest.approx(LOCATOR_BOX[:2], abs=0.1)
    assert (east, north) == pytest.approx(LOCATOR_BOX[2:], abs=1e-9)  # Kamchatka, clipped


def test_nothing_overlaps(land):
    for (a, one), (b, other) in itertools.combinations(land.items(), 2):
        if {a, b} == {"south-sakhalin", "north-sakhalin"}:
            assert one.intersection(other).area == 0  # they only meet along 50°N
        else:
            assert not one.intersects(other), (a, b)


def test_sakhalin_is_cut_at_50_north(land):
    south, north = land["south-sakhalin"], land["north-sakhalin"]
    assert south.bounds[3] <= 50.0 + 1e-9
    assert north.bounds[1] >= 50.0 - 1e-9
    assert south.bounds[3] == pytest.approx(50.0, abs=1e-9)  # cut there, not short of it
    assert north.bounds[1] == pytest.approx(50.0, abs=1e-9)
    assert north.bounds[3] > 54.3  # Cape Elizabeth, 54.4°N
    assert _parts_near(south, 141.23, 46.25)  # Moneron
    assert south.bounds[1] < 46.0  # Cape Crillon, 45.9°N


def test_northern_kurils_run_from_urup_to_shumshu(land):
    kurils, iturup, kamchatka = land["northern-kurils"], land["iturup"], land["kamchatka"]
    assert iturup.bounds[2] < kurils.bounds[0]  # all east of Iturup (Vries strait)
    assert iturup.bounds[1] < kurils.bounds[1]
    assert kurils.bounds[3] < kamchatka.bounds[3]
    assert kurils.bounds[2] < kamchatka.bounds[2]
    assert not kurils.intersects(iturup.union(kamchatka))
    assert _parts_near(kurils, 150.0, 46.0)  # Urup
    assert _parts_near(kurils, 156.3, 50.7)  # Shumshu
    parts = {name: _parts_near(kurils, *at) for name, at in CHAIN.items()}
    assert all(len(found) >= 1 for found in parts.values()), parts
    firsts = [found[0] for found in parts.values()]
    assert len(set(firsts)) == len(CHAIN)  # each main island a part of its own


def test_hokkaido_has_its_islands_and_none_of_the_four_groups(land):
    hokkaido = land["hokkaido"]
    for lon, lat in [(141.23, 45.18), (141.03, 45.38), (139.47, 42.16), (141.32, 44.43)]:
        assert _parts_near(hokkaido, lon, lat), (lon, lat)  # Rishiri, Rebun, Okushiri, Teuri
    assert hokkaido.bounds[2] < 145.83  # ends at Cape Nosappu
    for ident in ISLAND_IDS:
        assert land[ident].distance(hokkaido) > 0.01, ident


def test_the_four_groups_are_those_of_the_main_map(land):
    islands = gpd.read_file(ROOT / "data" / "islands.geojson").set_index("id").geometry
    for ident in ISLAND_IDS:
        coarse, fine = land[ident], islands[ident]
        assert coarse.within(fine.buffer(0.03)), ident
        assert fine.geoms[0].within(coarse.buffer(0.03)), ident  # the main island or islet
    assert len(land["habomai"].geoms) >= 3


def test_context_land_is_the_mainland_coast_and_honshu(land):
    assert land["mainland"].bounds[2] < land["north-sakhalin"].bounds[0]  # west of Sakhalin
    assert land["mainland"].bounds[1] > land["hokkaido"].bounds[3]
    assert land["honshu"].bounds[3] < land["hokkaido"].bounds[1] + 0.3


def test_rebuild_is_byte_identical(rebuilt):
    assert (rebuilt / "locator.geojson").read_bytes() == LOCATOR_FILE.read_bytes(), (
        f"data/locator.geojson is stale (or GEOS {shapely.geos_version_string} simplifies "
        "differently): run python -m geo.build"
    )
