"""Escaping and formatting of everything that reaches the page from data."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

from geo.mapview import (
    PALETTE,
    THEME_COLOUR,
    IslandData,
    click_signature,
    clicked_island,
    legend_markdown,
    tooltip_html,
)
from geo.present import claim_markdown, claims_markdown, md_link, sources_markdown
from geo.status import CATEGORIES
from geo.text import format_date, md_escape, shorten, slug

HOSTILE = (
    "<script>window.pwned=1</script><img src=x onerror=alert(1)> `${alert(2)}` "
    "[x](javascript:alert(3)) $x$"
)


def test_format_date_precisions():
    d = dt.date(2019, 1, 7)
    assert format_date(d) == "7 Jan 2019"
    assert format_date(d, "week") == "week of 7 Jan 2019"
    assert format_date(dt.date(1945, 9, 1), "month") == "Sep 1945"
    assert format_date(dt.date(1945, 1, 1), "year") == "1945"


UNESCAPED = re.compile(r"(?<!\\)[<>`$\[\]()]")


def test_md_escape_neutralises_markup():
    out = md_escape(HOSTILE)
    assert not UNESCAPED.search(out)
    assert re.sub(r"\\(.)", r"\1", out) == HOSTILE


def test_md_link_keeps_url_inside():
    link = md_link("a](b) <c>", "https://example.org/a b(c)")
    assert link == r"[a\]\(b\) \<c\>](https://example.org/a%20b%28c%29)"


def test_tooltip_escapes_html():
    row = {"name_en": HOSTILE, "name_ja_romaji": "x", "name_ru": "y", "name_ja": "z",
           "status": "<b>bold</b>"}
    html = tooltip_html(row)
    assert "<script" not in html and "<img" not in html and "&lt;b&gt;bold" in html


def test_claim_card_escapes_every_field():
    row = {
        "kind": "quote", "text": HOSTILE, "speaker": HOSTILE, "role": HOSTILE,
        "date_label": "7 Dec 2018", "date_confidence": "medium", "occasion": HOSTILE,
        "place": HOSTILE, "outlet": HOSTILE, "original_publisher": "TASS",
        "url": "https://tass.com/x", "scope": "dispute", "islands": "", "date_basis": HOSTILE,
    }
    card = claim_markdown(row)
    assert "javascript" in card and "](javascript" not in card
    assert "(https://tass.com/x)" in card and card.startswith("> ")
    assert "about the whole dispute" in card and "medium confidence" in card
    # the only unescaped markup is the card's own: blockquote, link, confidence note
    for piece in ("[TASS via", "](https://tass.com/x)", "(medium confidence)"):
        card = card.replace(piece, "")
    assert UNESCAPED.findall(card[2:]) == []


def test_shorten_and_slug():
    assert len(shorten("x" * 1000)) == 60
    assert shorten("a\x00b") == "a?b"
    assert slug("Sergey  Lavrov!") == "sergey-lavrov"


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
        dict(recorded, last_object_clicked={"lat": 43.7, "lng": 146.7}))
    assert clicked_island({"last_active_drawing": {"properties": {"id": "hokkaido"}}}) is None
    assert clicked_island({"last_active_drawing": None}) is None
    assert clicked_island(None) is None and click_signature(None) is None


def test_claims_markdown_is_one_escaped_block_per_card():
    from geo.data import load_dataset
    from geo.join import claims_table

    rows = claims_table(load_dataset()).head(3).to_dict("records")
    rows[0] = {**rows[0], "text": HOSTILE, "speaker": HOSTILE}
    out = claims_markdown(rows)
    cards = out.split("\n\n---\n\n")
    assert len(cards) == 3
    assert cards[0] == claim_markdown(rows[0])
    assert "<script>" not in out and r"\<script\>" in out


def test_sources_markdown_links_and_escapes():
    from geo.data import load_dataset

    sources = load_dataset().sources
    out = sources_markdown(sources)
    assert out.count("\n- ") + 1 == len(sources)
    linked = [s for s in sources.values() if s.url]
    assert out.count("](https://") == len(linked)
    first = next(iter(sources.values()))
    hostile = {"x": first.model_copy(update={"headline": HOSTILE, "url": None})}
    assert not UNESCAPED.search(sources_markdown(hostile).replace("- ", "", 1))


def test_map_scripts_keep_data_literal_when_rendered_as_a_page():
    """Rendering the whole map as one page (what folium's `save` does) runs every
    script through Jinja a second time; names and tooltips must come out as text."""
    from geo.assets import Assets
    from geo.mapview import build_base_map, island_layer
    from geo.served import Shapes

    name = "{{ 'kuril' ~ 'pwned' }} {% if %} </script><script>alert(1)</script>"
    shapes = Shapes(text='{"type": "FeatureCollection", "features": []}')
    m = build_base_map(shapes, shapes, (((44.0, 147.0), name),),
                       Assets(js=(), css=(), local=True), tiles=False)
    view = IslandData((("shikotan", "disputed"),), (("shikotan", tooltip_html(
        {"name_en": name, "name_ja_romaji": name, "name_ru": "y", "name_ja": "z",
         "status": name})),))
    island_layer(view, "shikotan").add_to(m)
    page = m.get_root().render()
    assert "kurilpwned" not in page
    assert "<script>alert" not in page and "</script><script>" not in page
    assert page.count("kuril") >= 2  # the label and the tooltip are there, as text


def test_legend_swatches_are_the_map_colours():
    """The legend is Markdown in the theme's named colours; the theme sets each of
    them (text and swatch) to the status colour the map fills the islands with."""
    config = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
    theme = tomllib.loads(config.read_text(encoding="utf-8"))["theme"]
    assert set(THEME_COLOUR) == set(PALETTE) == set(CATEGORIES)
    assert len(set(THEME_COLOUR.values())) == len(THEME_COLOUR)
    for category, name in THEME_COLOUR.items():
        assert theme[f"{name}Color"].upper() == PALETTE[category].upper()
        assert theme[f"{name}TextColor"].upper() == PALETTE[category].upper()
    lines = legend_markdown().split("  \n")
    assert lines == [f":{THEME_COLOUR[c]}[■■] {md_escape(label)}"
                     for c, label in CATEGORIES.items()]
