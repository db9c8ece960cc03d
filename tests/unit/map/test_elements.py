"""geo.map.elements: values reach the map's scripts as inert JavaScript literals."""

from __future__ import annotations

import json

import pytest

from geo.map.assets import Assets
from geo.map.build import build_base_map
from geo.map.elements import js_value
from geo.map.served import Shapes
from geo.map.view import IslandData, island_layer, tooltip_html


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "{{ x }}",
        "{% if %}",
        "{# c #}",
        "a\u2028b&c",
        {"k": ["<b>", "}}"]},
    ],
)
def test_js_value_is_inert_json(value):
    text = js_value(value)
    for bad in ("<", ">", "&", "{{", "{%", "{#", "\u2028"):
        assert bad not in text
    assert json.loads(text) == value


def test_map_scripts_keep_data_literal_when_rendered_as_a_page():
    """Rendering the whole map as one page (what folium's `save` does) runs every
    script through Jinja a second time; names and tooltips must come out as text."""
    name = "{{ 'kuril' ~ 'pwned' }} {% if %} </script><script>alert(1)</script>"
    shapes = Shapes(text='{"type": "FeatureCollection", "features": []}')
    m = build_base_map(
        shapes, shapes, (((44.0, 147.0), name),), Assets(js=(), css=(), local=True), tiles=False
    )
    view = IslandData(
        (("shikotan", "disputed"),),
        (
            (
                "shikotan",
                tooltip_html(
                    {"name_en": name, "name_ja_romaji": name, "name_ru": "y", "name_ja": "z"}, name
                ),
            ),
        ),
    )
    island_layer(view, "shikotan").add_to(m)
    page = m.get_root().render()
    assert "kurilpwned" not in page
    assert "<script>alert" not in page
    assert "</script><script>" not in page
    assert page.count("kuril") >= 2  # the label and the tooltip are there, as text
