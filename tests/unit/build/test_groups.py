"""geo.build.groups: the four disputed groups and the context land, with their names."""

from __future__ import annotations

from geo import ISLAND_IDS, REGION_IDS
from geo.build.groups import CONTEXT, ISLANDS


def test_the_island_groups_are_the_app_islands_in_order():
    assert tuple(g.id for g in ISLANDS) == ISLAND_IDS
    assert {g.id for g in CONTEXT} <= set(REGION_IDS)  # context land is named by its region


def test_every_group_has_its_names_and_islands_their_official_area():
    for group in ISLANDS + CONTEXT:
        assert {"name_en", "name_ru", "name_ja"} <= set(group.properties), group.id
    for group in ISLANDS:
        assert group.properties["name_ja_romaji"]
        assert group.area_gsi_km2 > 0
    assert [g.id for g in ISLANDS if g.anchor is None] == ["habomai"]  # many islets, no main one
