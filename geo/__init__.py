"""Kuril Dispute Map library: data loading and validation, the island status
model, the geopandas join and the folium map. No Streamlit in here, and nothing
is read from the environment at import (see geo.config)."""

ISLAND_IDS: tuple[str, ...] = ("iturup", "kunashir", "shikotan", "habomai")
