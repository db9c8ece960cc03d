"""The map's colours: one per status category (Okabe–Ito, distinguishable with the
common colour-vision deficiencies), the page theme's named colour for each, and
the path styles of the islands, the status regions, the boundary lines and the
ring around the selected island."""

from __future__ import annotations

# Status category -> fill colour.
PALETTE = {
    "no-boundary": "#BBBBBB",
    "undisputed": "#0072B2",
    "unclaimed": "#CC79A7",
    "disputed-handover": "#009E73",
    "disputed": "#D55E00",
}
# The page theme's named colour set to each (.streamlit/config.toml), so the legend
# is plain Markdown (`:blue[■]`) and the page renders no HTML of ours.
THEME_COLOUR = {
    "no-boundary": "gray",
    "undisputed": "blue",
    "unclaimed": "violet",
    "disputed-handover": "green",
    "disputed": "orange",
}
CONTEXT_FILL = "#d9d4c7"
CONTEXT_EDGE = "#9b9483"
SEA = "#dbe9f4"
ISLAND_EDGE = "#333333"
# Before the first island view arrives (a few milliseconds at most).
PENDING = {"fillColor": "#ffffff", "color": ISLAND_EDGE, "weight": 0.8, "fillOpacity": 0.85}
HOVER = {"weight": 3, "color": "#000000"}
# A status region is lighter than an island of the same status: the same fill colour,
# less opaque, so the four disputed groups stay the strongest shapes on the map.
REGION_OPACITY = 0.55
REGION_EDGE = "#6f6a5e"
# The ring drawn around the selected island's bounds: dark, dashed, never clickable.
SELECTION_RING = {
    "color": "#1a1a1a",
    "weight": 2,
    "opacity": 0.9,
    "dashArray": "6 4",
    "fill": False,
    "lineJoin": "round",
    "interactive": False,
}
# Boundary lines by kind: told apart by the dash pattern as well as by colour.
BOUNDARY_STYLES: dict[str, dict[str, object]] = {
    "treaty": {"color": "#1f1f1f", "weight": 2.2, "opacity": 0.95, "dashArray": None},
    "administrative": {"color": "#8c3b1c", "weight": 2.2, "opacity": 0.95, "dashArray": None},
    "claimed": {"color": "#3b3b3b", "weight": 2.2, "opacity": 0.95, "dashArray": "10 4 2 4"},
    "hypothetical": {"color": "#7a7a7a", "weight": 1.6, "opacity": 0.85, "dashArray": "3 6"},
}


def island_style(category: str, chosen: bool) -> dict[str, object]:
    """An island's path style: its status colour. The selected one keeps that colour
    all over: its wider stroke is in the fill colour (a black one would turn the
    small islands black), and a dark dashed ring around it marks the selection."""
    return {
        "fillColor": PALETTE[category],
        "color": PALETTE[category] if chosen else ISLAND_EDGE,
        "weight": 2.5 if chosen else 0.8,
        "opacity": 1,
        "dashArray": None,
        "fillOpacity": 0.85,
    }


def region_style(category: str) -> dict[str, object]:
    """A status region's path style: the fill of an island with the same category."""
    return {
        "fillColor": PALETTE[category],
        "fillOpacity": REGION_OPACITY,
        "color": REGION_EDGE,
        "weight": 0.6,
    }


def context_style(tiles: bool) -> dict[str, object]:
    """Land with no status (yet): the plain grey of the context land."""
    return {
        "fillColor": CONTEXT_FILL,
        "color": CONTEXT_EDGE,
        "weight": 0.6,
        "fillOpacity": 0.9 if not tiles else 0.5,
    }


def boundary_style(kind: str) -> dict[str, object]:
    """A boundary line's style by its kind; never filled."""
    if kind not in BOUNDARY_STYLES:
        raise ValueError(f"unknown boundary kind {kind!r}")
    return {**BOUNDARY_STYLES[kind], "fill": False, "lineCap": "round"}


# The locator inset: land with no status yet, and the rectangle of the main map's view.
CONTEXT_LOCATOR = {
    "fillColor": CONTEXT_FILL,
    "color": CONTEXT_EDGE,
    "weight": 0.4,
    "fillOpacity": 1,
}
LOCATOR_FRAME = {
    "color": "#c0392b",
    "weight": 1.5,
    "opacity": 1,
    "fillColor": "#c0392b",
    "fillOpacity": 0.08,
}
