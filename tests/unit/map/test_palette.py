"""geo.map.palette: one colour per status, the theme's named colours the same."""

from __future__ import annotations

import tomllib

from geo.config import REPO_ROOT
from geo.map.palette import PALETTE, THEME_COLOUR, island_style
from geo.status import CATEGORIES


def test_legend_swatches_are_the_map_colours():
    """The legend is Markdown in the theme's named colours; the theme sets each of
    them (text and swatch) to the status colour the map fills the islands with."""
    config = REPO_ROOT / ".streamlit" / "config.toml"
    theme = tomllib.loads(config.read_text(encoding="utf-8"))["theme"]
    assert set(THEME_COLOUR) == set(PALETTE) == set(CATEGORIES)
    assert len(set(THEME_COLOUR.values())) == len(THEME_COLOUR)
    for category, name in THEME_COLOUR.items():
        assert theme[f"{name}Color"].upper() == PALETTE[category].upper()
        assert theme[f"{name}TextColor"].upper() == PALETTE[category].upper()


def test_the_selected_island_is_outlined_in_its_status_colour_fill():
    plain, chosen = island_style("disputed", False), island_style("disputed", True)
    assert plain["fillColor"] == chosen["fillColor"] == PALETTE["disputed"]
    assert chosen["weight"] > plain["weight"]


def test_the_accent_colour_is_neutral():
    """The slider's accent is no alarm red and none of the status colours."""
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text())
    accent = config["theme"]["primaryColor"].upper()
    assert accent not in {c.upper() for c in PALETTE.values()}
    red, green, blue = (int(accent[i : i + 2], 16) for i in (1, 3, 5))
    assert max(red, green, blue) - min(red, green, blue) < 60  # a grey, not a hue
