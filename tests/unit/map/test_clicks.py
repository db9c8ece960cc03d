"""geo.map.clicks: st_folium's returned value -> the clicked island."""

from __future__ import annotations

import pytest

from geo.map.clicks import click_signature, clicked_island, new_click


def test_click_parsing_from_a_recorded_st_folium_value():
    recorded = {
        "last_active_drawing": {
            "type": "Feature",
            "properties": {"id": "shikotan", "name_en": "Shikotan", "category": "disputed"},
            "geometry": {"type": "MultiPolygon", "coordinates": []},
        },
        "last_object_clicked": {"lat": 43.8, "lng": 146.75},
    }
    assert clicked_island(recorded) == "shikotan"
    assert click_signature(recorded) != click_signature(
        dict(recorded, last_object_clicked={"lat": 43.7, "lng": 146.7})
    )
    assert clicked_island({"last_active_drawing": {"properties": {"id": "hokkaido"}}}) is None
    assert clicked_island({"last_active_drawing": None}) is None
    assert clicked_island(None) is None
    assert click_signature(None) is None


RECORDED = {
    "last_active_drawing": {"type": "Feature", "properties": {"id": "iturup"}},
    "last_object_clicked": {"lat": 45.123456789, "lng": 148.0},
}


@pytest.mark.parametrize(
    ("returned", "signature"),
    [
        (RECORDED, "iturup@45.123457,148.000000"),
        # a 20 MB value beside the click, as a forged message sends: not in the signature
        (
            {
                **RECORDED,
                "last_active_drawing": {"properties": {"id": "iturup"}, "x": "x" * 20_000_000},
            },
            "iturup@45.123457,148.000000",
        ),
        (
            {**RECORDED, "last_object_clicked": {"lat": "9" * 10_000, "lng": [1] * 1000}},
            "iturup@None,None",
        ),
        (
            {**RECORDED, "last_object_clicked": {"lat": float("nan"), "lng": 1e308}},
            "iturup@None,None",
        ),
        ({**RECORDED, "last_object_clicked": {"lat": True, "lng": 148}}, "iturup@None,148.000000"),
        ({**RECORDED, "last_object_clicked": "x" * 1_000_000}, "iturup@None,None"),
    ],
    ids=["click", "huge-drawing", "huge-coordinates", "not-finite", "boolean", "not-a-point"],
)
def test_the_signature_is_the_island_and_the_point_only(returned, signature):
    assert click_signature(returned) == signature
    assert len(signature) < 60


def test_a_click_is_applied_once():
    click = new_click(RECORDED, None)
    assert click == ("iturup", "iturup@45.123457,148.000000")
    assert new_click(RECORDED, click[1]) is None
    moved = {**RECORDED, "last_object_clicked": {"lat": 45.2, "lng": 148.0}}
    assert new_click(moved, click[1]) == ("iturup", "iturup@45.200000,148.000000")
