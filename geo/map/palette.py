"""The map's colours: one per status category (Okabe–Ito, distinguishable with the
common colour-vision deficiencies), the page theme's named colour for each, and
the island path styles."""

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
# Before the first island view arrives (a few milliseconds at most).
PENDING = {"fillColor": "#ffffff", "color": "#333333", "weight": 0.8, "fillOpacity": 0.85}
HOVER = {"weight": 3, "color": "#000000"}


def island_style(category: str, chosen: bool) -> dict[str, object]:
    """An island's path style: its status colour; the selected one outlined."""
    return {
        "fillColor": PALETTE[category],
        "color": "#000000" if chosen else "#333333",
        "weight": 2.5 if chosen else 0.8,
        "dashArray": "4 2" if chosen else None,
        "fillOpacity": 0.85,
    }
