"""geo.export.package: the data package ZIP is a valid Frictionless Data Package
whose files are the CSV and GeoJSON downloads, the same bytes for the same data."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest
from frictionless import validate

from geo.claims import filter_claims
from geo.export.geojson import islands_download
from geo.export.package import CLAIMS_FILE, DESCRIPTOR, ISLANDS_FILE, data_package, descriptor
from geo.export.tables import COLUMNS, claims_csv
from tests.conftest import repo_site

SITE = repo_site()
DATE = dt.date(2019, 2, 21)
SHOWN = filter_claims(SITE.claims, date=DATE)
FOLDER = f"kuril-dispute-map-{DATE.isoformat()}"


@pytest.fixture(scope="module")
def package() -> bytes:
    return data_package(DATE, SHOWN, claims_csv(SHOWN), islands_download(SITE, DATE))


def unpack(data: bytes, into) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(into)
        return {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}


def test_holds_the_two_downloads_and_the_descriptor(package, tmp_path):
    files = unpack(package, tmp_path)
    assert set(files) == {DESCRIPTOR, CLAIMS_FILE, ISLANDS_FILE}
    assert files[CLAIMS_FILE] == claims_csv(SHOWN)
    assert files[ISLANDS_FILE].decode("utf-8") == islands_download(SITE, DATE)


def test_is_a_valid_data_package(package, tmp_path):
    """Frictionless checks the descriptor against the Data Package profile and every
    CSV row against its Table Schema (header, types, the primary key)."""
    unpack(package, tmp_path)
    report = validate(str(tmp_path / FOLDER / DESCRIPTOR))
    assert report.valid, report.flatten(["type", "message"])
    claims = next(t for t in report.tasks if t.name == "claims")
    assert claims.stats["rows"] == len(SHOWN)


def test_a_broken_schema_is_caught(package, tmp_path):
    """The check above can fail: a descriptor whose fields do not match the CSV."""
    unpack(package, tmp_path)
    path = tmp_path / FOLDER / DESCRIPTOR
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["resources"][0]["schema"]["fields"][1]["name"] = "not-a-column"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert not validate(str(path)).valid


def test_descriptor_names_licences_sources_and_fields():
    doc = descriptor(DATE, SHOWN)
    assert doc["name"] == "kuril-dispute-map-2019-02-21"
    assert "21 Feb 2019" in doc["title"]
    assert [lic["name"] for lic in doc["licenses"]] == ["CC-BY-4.0", "LGPL-3.0-or-later"]
    paths = [s.get("path") for s in doc["sources"]]
    assert "GSHHG" in doc["sources"][0]["title"]
    assert set(SHOWN["url"]) - {""} <= set(paths)
    claims, islands = doc["resources"]
    assert (claims["path"], islands["path"]) == (CLAIMS_FILE, ISLANDS_FILE)
    assert [f["name"] for f in claims["schema"]["fields"]] == list(COLUMNS)
    assert {f["name"]: f["type"] for f in claims["schema"]["fields"]}["said_on"] == "date"
    assert "single quote" in claims["description"]
    assert islands["mediatype"] == "application/geo+json"


def test_same_data_same_bytes(package):
    again = data_package(DATE, SHOWN, claims_csv(SHOWN), islands_download(SITE, DATE))
    assert again == package
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
