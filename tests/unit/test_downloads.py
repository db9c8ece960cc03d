"""geo.downloads: the files offered at a date, made only when asked for."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd

from geo import ISLAND_IDS
from geo.claims import filter_claims
from geo.downloads import downloads_at
from tests.conftest import repo_site

SITE = repo_site()
DATE = dt.date(2019, 2, 21)


def test_geojson_and_csv_at_the_date():
    shown = filter_claims(SITE.claims, date=DATE, island="shikotan")
    geojson, csv = downloads_at(SITE, DATE, shown)
    assert geojson.file_name == "kuril-islands-2019-02-21.geojson"
    assert geojson.mime == "application/geo+json"
    doc = json.loads(geojson.make())
    assert [f["properties"]["id"] for f in doc["features"]] == list(ISLAND_IDS)
    assert {f["properties"]["date"] for f in doc["features"]} == {"2019-02-21"}
    assert (csv.file_name, csv.mime) == ("kuril-claims-2019-02-21.csv", "text/csv")
    table = pd.read_csv(io.StringIO(csv.make()))
    assert sorted(table["id"]) == sorted(shown["id"])


def test_nothing_is_made_until_asked(monkeypatch):
    calls = []
    monkeypatch.setattr(type(SITE), "status_geojson", lambda *_: calls.append(1) or "{}")
    downloads_at(SITE, DATE, SITE.claims)
    assert calls == []
