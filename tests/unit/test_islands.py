"""geo.islands: the committed GeoJSON loads and validates; display names."""

from __future__ import annotations

import json

import pytest

from geo import ISLAND_IDS, REGION_IDS
from geo.config import REPO_ROOT
from geo.errors import DataError
from geo.islands import display_name, load_context, load_islands, load_locator

DATA = REPO_ROOT / "data"


def test_the_four_islands_in_order_in_wgs84():
    islands = load_islands(DATA / "islands.geojson")
    assert list(islands["id"]) == list(ISLAND_IDS)
    assert islands.crs.to_epsg() == 4326


def test_context_land_is_named_by_its_region():
    context = load_context(DATA / "context.geojson")
    assert len(context) >= 1
    assert set(context["id"]) <= set(REGION_IDS)
    assert set(context["role"]) == {"region"}


def test_display_name_gives_both_names_once():
    assert display_name({"name_en": "Iturup", "name_ja_romaji": "Etorofu"}) == "Iturup / Etorofu"
    assert display_name({"name_en": "Shikotan", "name_ja_romaji": "Shikotan"}) == "Shikotan"


@pytest.mark.parametrize(
    ("change", "record", "field"),
    [
        (lambda f: f["properties"].update(name_ru=""), "'iturup'", "properties.name_ru"),
        (lambda f: f["properties"].update(id="sakhalin"), "'sakhalin'", "properties.id"),
        (
            lambda f: f.update(geometry={"type": "Point", "coordinates": [1, 2]}),
            "'iturup'",
            "geometry",
        ),
    ],
)
def test_a_bad_feature_names_file_record_and_field(tmp_path, change, record, field):
    doc = json.loads((DATA / "islands.geojson").read_text(encoding="utf-8"))
    change(doc["features"][0])
    path = tmp_path / "islands.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_islands(path)
    assert (info.value.file, info.value.record, info.value.field) == (
        "islands.geojson",
        record,
        field,
    )
    assert str(tmp_path) not in str(info.value)


@pytest.mark.parametrize(
    ("change", "record", "field"),
    [
        (lambda f: f["properties"].update(id="sakhalin"), "'sakhalin'", "properties.id"),
        (lambda f: f["properties"].update(id="hokkaido"), "'hokkaido'", "properties.id"),
        (lambda f: f["properties"].update(role="context"), "'south-sakhalin'", "properties.role"),
        (lambda f: f["properties"].pop("name_ja"), "'south-sakhalin'", "properties.name_ja"),
        (lambda f: f.pop("properties"), "#2", "properties"),
    ],
)
def test_a_bad_context_feature_names_file_record_and_field(tmp_path, change, record, field):
    doc = json.loads((DATA / "context.geojson").read_text(encoding="utf-8"))
    assert doc["features"][1]["properties"]["id"] == "south-sakhalin"
    change(doc["features"][1])
    path = tmp_path / "context.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_context(path)
    assert (info.value.file, info.value.record, info.value.field) == (
        "context.geojson",
        record,
        field,
    )
    assert str(tmp_path) not in str(info.value)


def test_the_locator_land_in_order_in_wgs84():
    locator = load_locator(DATA / "locator.geojson")
    assert list(locator["id"][:9]) == [*REGION_IDS, *ISLAND_IDS]
    assert set(locator["role"][9:]) == {"context"}
    assert list(locator["role"][:9]) == ["region"] * 5 + ["island"] * 4
    assert locator.crs.to_epsg() == 4326


BOWTIE = {
    "type": "Polygon",
    "coordinates": [[[150, 46], [151, 47], [151, 46], [150, 47], [150, 46]]],
}


def _without(ident):
    return lambda doc: doc["features"].remove(_feature(doc, ident))


def _feature(doc, ident):
    return next(f for f in doc["features"] if f["properties"]["id"] == ident)


def _change(ident, change):
    return lambda doc: change(_feature(doc, ident))


@pytest.mark.parametrize(
    ("change", "record", "field", "message"),
    [
        (_without("kamchatka"), "'kamchatka'", "properties.id", "no feature: kamchatka"),
        (
            _change("iturup", lambda f: f["properties"].update(role="region")),
            "'iturup'",
            "properties.role",
            "must be 'island'",
        ),
        (
            _change("mainland", lambda f: f["properties"].update(role="region")),
            "'mainland'",
            "properties.role",
            "must be 'context'",
        ),
        (
            _change("hokkaido", lambda f: f.update(geometry=BOWTIE)),
            "'hokkaido'",
            "geometry",
            "Self-intersection",
        ),
        (
            _change("honshu", lambda f: f["properties"].update(id="north-sakhalin")),
            "'north-sakhalin'",
            "properties.id",
            "duplicate id",
        ),
        (
            _change("habomai", lambda f: f["properties"].update(name_ru="")),
            "'habomai'",
            "properties.name_ru",
            "missing or wrong type",
        ),
    ],
)
def test_a_bad_locator_feature_names_file_record_and_field(
    tmp_path, change, record, field, message
):
    doc = json.loads((DATA / "locator.geojson").read_text(encoding="utf-8"))
    change(doc)
    path = tmp_path / "locator.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_locator(path)
    assert (info.value.file, info.value.record, info.value.field) == (
        "locator.geojson",
        record,
        field,
    )
    assert message in info.value.message
    assert str(tmp_path) not in str(info.value)


def test_a_missing_file_is_named_without_its_path(tmp_path):
    with pytest.raises(DataError) as info:
        load_islands(tmp_path / "islands.geojson")
    assert str(info.value) == "islands.geojson: file not found"
