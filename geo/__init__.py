"""Kuril Dispute Map library: data loading and validation, the island status
model, the geopandas join and the folium map. No Streamlit in here."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
ISLAND_IDS: tuple[str, ...] = ("iturup", "kunashir", "shikotan", "habomai")
