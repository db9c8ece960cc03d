"""The map's text passes WCAG AA (4.5:1) on every fill it can lie on, without counting
its white halo (axe-core cannot measure text over the map's shapes, so this does):
place names on the sea, the context land and the status regions; the locator's
labels on their pale backing over the locator's solid fills."""

from __future__ import annotations

import pytest

from geo.map.build import CSS_FILE as CSS
from geo.map.palette import CONTEXT_FILL, PALETTE, REGION_OPACITY, SEA, context_style
from tests.support.contrast import AA_TEXT, css_rule, over, ratio, rgb

SEA_RGB = rgb(SEA)
CONTEXT_LAND = over(rgb(CONTEXT_FILL), SEA_RGB, float(context_style(False)["fillOpacity"]))
# Under a place name on the main map: sea, land with no status, a status region.
MAIN_MAP = {
    "sea": SEA_RGB,
    "context land": CONTEXT_LAND,
    **{f"region {c}": over(rgb(fill), SEA_RGB, REGION_OPACITY) for c, fill in PALETTE.items()},
}


def colour_of(selector: str) -> tuple[float, float, float]:
    rule = css_rule(CSS, selector)
    if "color" in rule:
        return rgb(rule["color"])
    return rgb(css_rule(CSS, ".island-label, .context-label, .locator-label")["color"])


@pytest.mark.parametrize("selector", [".island-label", ".context-label"])
@pytest.mark.parametrize("under", list(MAIN_MAP))
def test_place_names_pass_aa_on_the_main_map(selector, under):
    contrast = ratio(colour_of(selector), MAIN_MAP[under])
    assert contrast >= AA_TEXT, f"{selector} on {under}: {contrast:.2f}:1"


@pytest.mark.parametrize("under", ["sea", "context land", *PALETTE])
def test_locator_labels_pass_aa_on_their_backing(under):
    """The locator fills its shapes solid: its labels sit on a pale backing."""
    rule = css_rule(CSS, ".locator-label")
    backing = rule["background"]
    alpha = float(backing.rstrip(")").split(",")[-1])
    fill = {"sea": SEA_RGB, "context land": rgb(CONTEXT_FILL)}.get(under) or rgb(PALETTE[under])
    contrast = ratio(rgb(rule["color"]), over(rgb(backing), fill, alpha))
    assert contrast >= AA_TEXT, f".locator-label on {under}: {contrast:.2f}:1"
