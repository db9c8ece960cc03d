"""geo.map.view: one date's island view, built straight from the status model."""

from __future__ import annotations

import json
import re

import folium

from geo import ISLAND_IDS
from geo.boundaries import boundaries_at
from geo.join import join_at
from geo.map.palette import PALETTE
from geo.map.view import island_data, island_layer, tooltip_html
from tests.conftest import repo_site
from tests.support.text import HOSTILE

SITE = repo_site()


def test_tooltip_escapes_html():
    row = {"name_en": HOSTILE, "name_ja_romaji": "x", "name_ru": "y", "name_ja": "z"}
    html = tooltip_html(row, "<b>bold</b>")
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;b&gt;bold" in html


def test_the_view_from_the_model_is_the_view_from_the_join():
    """The slider's path skips the geopandas join; at every stop its colours and
    tooltips are exactly what the joined frame gives."""
    for date in SITE.stop_dates:
        joined = join_at(SITE.islands, SITE.claims, SITE.model, date).to_dict("records")
        expected = (
            tuple((r["id"], r["category"]) for r in joined),
            tuple((r["id"], tooltip_html(r, r["status"])) for r in joined),
        )
        view = island_data(
            SITE.model.all_at(date),
            SITE.island_rows,
            SITE.model.regions_at(date),
            SITE.region_names,
            boundaries_at(SITE.dataset, date),
        )
        assert (view.categories, view.tooltips) == expected, date
        assert SITE.island_view(date) == view


def test_the_layer_carries_colours_and_tooltips_only():
    date = SITE.stop_dates[-1]
    layer = island_layer(SITE.island_view(date), "habomai")
    m = folium.Map(tiles=None)
    layer.add_to(m)
    script = m.get_root().render()
    view = json.loads(re.search(r"show\((\{.*\})\);", script).group(1))
    assert set(view["styles"]) == set(view["tooltips"]) == set(ISLAND_IDS)
    assert view["styles"]["habomai"]["weight"] > view["styles"]["iturup"]["weight"]
    categories = dict(SITE.island_view(date).categories)
    assert {i: s["fillColor"] for i, s in view["styles"].items()} == {
        i: PALETTE[c] for i, c in categories.items()
    }
    assert '"coordinates"' not in script.split("show(", 1)[1]
