"""geo.downloads: the files offered at a date, in order, made only when asked for;
the costly files kept per date by the Site."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile

from geo import ISLAND_IDS
from geo.claims import filter_claims
from geo.downloads import downloads_at
from geo.export.tables import restore
from tests.conftest import repo_site

SITE = repo_site()
DATE = dt.date(2019, 2, 21)


def test_the_five_files_in_order():
    files = downloads_at(SITE, DATE, SITE.claims)
    assert [f.label for f in files] == [
        "Map (PNG)",
        "Map (HTML, offline)",
        "Claims (CSV)",
        "Islands (GeoJSON)",
        "Data package (ZIP)",
    ]
    assert [(f.file_name, f.mime) for f in files] == [
        ("kuril-map-2019-02-21.png", "image/png"),
        ("kuril-map-2019-02-21.html", "text/html"),
        ("kuril-claims-2019-02-21.csv", "text/csv"),
        ("kuril-islands-2019-02-21.geojson", "application/geo+json"),
        ("kuril-data-2019-02-21.zip", "application/zip"),
    ]


def test_geojson_and_csv_at_the_date():
    shown = filter_claims(SITE.claims, date=DATE, island="shikotan")
    _png, _html, csv_file, geojson, package = downloads_at(SITE, DATE, shown)
    doc = json.loads(geojson.make())
    assert [f["properties"]["id"] for f in doc["features"]] == list(ISLAND_IDS)
    assert {f["properties"]["date"] for f in doc["features"]} == {"2019-02-21"}
    data = csv_file.make()
    assert isinstance(data, bytes)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert sorted(restore(r["id"]) for r in rows) == sorted(shown["id"])
    with zipfile.ZipFile(io.BytesIO(package.make())) as archive:
        names = {n.split("/", 1)[1] for n in archive.namelist()}
        claims = next(n for n in archive.namelist() if n.endswith("claims.csv"))
        assert archive.read(claims) == data
    assert names == {"datapackage.json", "claims.csv", "islands.geojson"}


def test_the_maps_are_a_png_and_a_page():
    png, html, *_rest = downloads_at(SITE, DATE, SITE.claims)
    assert png.make()[:8] == b"\x89PNG\r\n\x1a\n"
    page = html.make()
    assert isinstance(page, str)
    assert page.startswith("<!DOCTYPE html>")


def test_nothing_is_made_until_asked(monkeypatch):
    calls = []
    for name in ("status_geojson", "map_png", "map_html"):
        monkeypatch.setattr(type(SITE), name, lambda *_, n=name: calls.append(n) or "{}")
    files = downloads_at(SITE, DATE, SITE.claims)
    assert calls == []
    files[0].make()
    assert calls == ["map_png"]


def test_the_site_keeps_a_map_once_made(monkeypatch):
    """A second reader asking for the same date's PNG gets the kept bytes."""
    from geo.export import png

    date = SITE.stop_dates[3]
    first = SITE.map_png(date)
    monkeypatch.setattr(png, "map_png", lambda *_: b"drawn again")
    assert SITE.map_png(date) is first
