"""geo.export.geojson: the islands GeoJSON with its citation, licence and
attribution at the top, each feature's properties as the join makes them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from geo import ISLAND_IDS
from geo.export.citation import COASTLINE_LICENCE, PROJECT
from geo.export.geojson import islands_download, with_citation
from tests.conftest import repo_site

SITE = repo_site()
DATE = dt.date(2019, 2, 21)


def test_collection_carries_citation_licence_and_attribution():
    doc = json.loads(islands_download(SITE, DATE))
    assert list(doc)[:4] == ["type", "citation", "licence", "attribution"]
    assert doc["type"] == "FeatureCollection"
    assert PROJECT in doc["citation"]
    assert "21 Feb 2019" in doc["citation"]
    assert "21 Feb 2019" in doc["attribution"]
    assert "GSHHG" in doc["attribution"]
    assert COASTLINE_LICENCE in doc["licence"]
    assert "CC BY 4.0" in doc["licence"]


def test_features_are_unchanged():
    """The same features, properties (names, keys, order) and geometry as the join's
    own GeoJSON: adding the citation changes nothing a reader's script relies on."""
    plain = json.loads(SITE.status_geojson(DATE))
    cited = json.loads(islands_download(SITE, DATE))
    assert cited["features"] == plain["features"]
    assert [list(f["properties"]) for f in cited["features"]] == [
        list(f["properties"]) for f in plain["features"]
    ]
    assert [f["properties"]["id"] for f in cited["features"]] == list(ISLAND_IDS)


def test_only_a_feature_collection_is_cited():
    with pytest.raises(ValueError, match="FeatureCollection"):
        with_citation('{"type": "Feature", "properties": {}, "geometry": null}', DATE)
