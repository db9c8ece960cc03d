"""The join: island polygons x status at a date x claims said up to that date
(geopandas). Behind the GeoJSON download only; the map's per-date view is built
straight from the status model (geo.map.view)."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd

from geo import ISLAND_IDS
from geo.claims import filter_claims
from geo.status import StatusModel, moscow_name


def status_frame(model: StatusModel, date: dt.date) -> pd.DataFrame:
    """One row per island: its status at `date` in plain words."""
    rows = []
    dispute = model.dispute_at(date)
    russia, japan = dispute.position("russia"), dispute.position("japan")
    conditions = " | ".join(c.text for c in dispute.conditions)
    for island, st in model.all_at(date).items():
        rows.append(
            {
                "id": island,
                "status": st.label,
                "category": st.category,
                "administered_by": st.administered_by or "",
                "claimed_by": ";".join(st.claimed_by),
                "declaration": st.declaration,
                "declaration_text": st.declaration_text,
                "conditions": conditions,
                "moscow_side": moscow_name(date),
                "russia_position": russia.text if russia else "",
                "japan_position": japan.text if japan else "",
                "status_since": st.changed_on.isoformat() if st.changed_on else "",
            }
        )
    return pd.DataFrame(rows)


def join_at(
    islands: gpd.GeoDataFrame, claims: pd.DataFrame, model: StatusModel, date: dt.date
) -> gpd.GeoDataFrame:
    """Islands joined to their status at `date` and the claims said by then."""
    said = filter_claims(claims, date=date)
    named = said.assign(island=said["islands"].str.split(";")).explode("island")
    counts = (
        named[named["island"].isin(ISLAND_IDS)]
        .groupby("island")["id"]
        .agg(claims_named="count", claim_ids=";".join)
        .reindex(list(ISLAND_IDS))
        .rename_axis("id")
        .reset_index()
    )
    counts["claims_named"] = counts["claims_named"].fillna(0).astype(int)
    counts["claim_ids"] = counts["claim_ids"].fillna("")
    counts["claims_dispute"] = int((said["scope"] == "dispute").sum())
    joined = islands.merge(status_frame(model, date), on="id", how="left", validate="1:1")
    joined = joined.merge(counts, on="id", how="left", validate="1:1")
    joined["date"] = date.isoformat()
    return joined


def to_geojson(joined: gpd.GeoDataFrame) -> str:
    """The joined frame as a GeoJSON download."""
    return joined.to_json(drop_id=True, ensure_ascii=False)
