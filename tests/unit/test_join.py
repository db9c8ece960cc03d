"""geo.join: islands x status x claims at a date, behind the GeoJSON download."""

from __future__ import annotations

import datetime as dt
import json

from geo import ISLAND_IDS
from geo.join import join_at, to_geojson
from tests.conftest import repo_site

SITE = repo_site()


def test_one_row_per_island_with_its_status_and_claims():
    date = dt.date(2019, 2, 21)
    joined = join_at(SITE.islands, SITE.claims, SITE.model, date)
    assert list(joined["id"]) == list(ISLAND_IDS)
    statuses = SITE.model.all_at(date)
    assert list(joined["status"]) == [statuses[i].label for i in ISLAND_IDS]
    said = [c for c in SITE.dataset.claims if c.said_on <= date]
    for row in joined.to_dict("records"):
        named = sorted(c.id for c in said if row["id"] in c.islands)
        assert row["claims_named"] == len(named)
        assert sorted(filter(None, row["claim_ids"].split(";"))) == named
        assert row["claims_dispute"] == sum(1 for c in said if c.scope == "dispute")
        assert row["date"] == "2019-02-21"


def test_dispute_level_conditions_and_positions_reach_every_row():
    date = dt.date(1960, 1, 27)
    joined = join_at(SITE.islands, SITE.claims, SITE.model, date)
    dispute = SITE.model.dispute_at(date)
    assert set(joined["conditions"]) == {" | ".join(c.text for c in dispute.conditions)}
    assert set(joined["russia_position"]) == {dispute.position("russia").text}


def test_geojson_download_is_valid_and_keeps_names():
    joined = join_at(SITE.islands, SITE.claims, SITE.model, SITE.stop_dates[-1])
    doc = json.loads(to_geojson(joined))
    assert [f["properties"]["id"] for f in doc["features"]] == list(ISLAND_IDS)
    assert doc["features"][0]["properties"]["name_ja"] == "択捉島"
