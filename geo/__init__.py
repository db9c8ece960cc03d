"""Kuril Dispute Map library: data loading and validation, the island status
model, the geopandas join and the folium map. No Streamlit in here."""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# KURIL_DATA_DIR points the app at another reviewed data folder (tests use it).
DATA_DIR = Path(os.environ.get("KURIL_DATA_DIR", REPO_ROOT / "data"))
ISLAND_IDS: tuple[str, ...] = ("iturup", "kunashir", "shikotan", "habomai")
