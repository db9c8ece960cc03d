"""Kuril Dispute Map library: data loading and validation, the island status
model, the geopandas join and the folium map. No Streamlit in here, and nothing
is read from the environment at import (see geo.config)."""

ISLAND_IDS: tuple[str, ...] = ("iturup", "kunashir", "shikotan", "habomai")
# The status regions around them: the rest of the chain, Sakhalin either side of 50°N,
# Hokkaido and Kamchatka, coloured by the same status model as the islands.
REGION_IDS: tuple[str, ...] = (
    "northern-kurils",
    "south-sakhalin",
    "north-sakhalin",
    "hokkaido",
    "kamchatka",
)
