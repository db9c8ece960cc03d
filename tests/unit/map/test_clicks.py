"""geo.map.clicks: st_folium's returned value -> the clicked island."""

from __future__ import annotations

from geo.map.clicks import click_signature, clicked_island


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
