"""The island groups the build writes, with their fixed properties: names in
English, Russian, Japanese and romaji, and Japan GSI's official area; and the
nearby land drawn for context, by status region. An anchor is a point on the
group's main island.

The official areas are all from one vintage, GSI_AREAS: GSI's 全国都道府県市区町村別
面積調 of 1 January 2025 (令和7年), as tabulated by MLIT's Hokkaido Bureau. For Iturup,
Kunashir and Shikotan that table gives the main island's area (島面積); for the Habomai
group, the group with its islets. The four rows add up to 4,998.40 km²; the table's
total for the four groups with every surrounding islet is 5,003.05 km²."""

from __future__ import annotations

from dataclasses import dataclass

GSI_AREAS = (
    "GSI, 全国都道府県市区町村別面積調, 1 January 2025 (令和7年), "
    "as tabulated by MLIT Hokkaido Bureau (https://www.mlit.go.jp/hkb/hoppo-data.html)"
)
MAIN_ISLAND = "the main island"


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
            "area_gsi_basis": MAIN_ISLAND,
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
            "area_gsi_basis": MAIN_ISLAND,
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
            "area_gsi_basis": MAIN_ISLAND,
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
            "area_gsi_km2": 94.84,
            "area_gsi_basis": "the group, its islets included",
        },
    ),
)
# The nearby land, each group named by the status region (REGION_IDS) it is part of:
# in the context box, south-sakhalin is Sakhalin's southern tip and northern-kurils
# is Urup alone (with its rocks), so they keep those places' names.
CONTEXT = (
    Group(
        "hokkaido",
        (143.3, 43.5),
        {"name_en": "Hokkaido", "name_ru": "Хоккайдо", "name_ja": "北海道"},
    ),
    Group(
        "south-sakhalin",
        (142.1, 46.2),
        {"name_en": "Sakhalin", "name_ru": "Сахалин", "name_ja": "サハリン"},
    ),
    Group(
        "northern-kurils",
        (150.0, 45.9),
        {"name_en": "Urup", "name_ru": "Уруп", "name_ja": "得撫島"},
    ),
)
