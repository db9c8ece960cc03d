"""The data at a date as a Frictionless Data Package in one ZIP: `claims.csv` (the
claims shown, exactly the CSV download), `islands.geojson` (exactly the GeoJSON
download) and `datapackage.json` describing them: name, title, licences, sources
(the coastlines and each article or document the claims cite) and each resource
with its path and, for the CSV, its Table Schema. The ZIP's entries carry a fixed
time, so the same data gives the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pandas as pd

from geo.export.citation import (
    COASTLINE_SOURCE,
    COASTLINE_URL,
    MAP_TITLE,
    PACKAGE_LICENSES,
    PROJECT,
    citation,
    geometry_licence,
)
from geo.export.tables import COLUMNS, FORMULA_STARTS
from geo.i18n import format_date

CLAIMS_FILE, ISLANDS_FILE, DESCRIPTOR = "claims.csv", "islands.geojson", "datapackage.json"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a ZIP can say: no clock in the file

# Table Schema of claims.csv: every field is text except the date said.
FIELD_TYPES = {"said_on": "date"}
FIELD_NOTES = {
    "id": "the claim's id, unique",
    "kind": "quote (verbatim) or reported (a position in our own words)",
    "text": "the quote as published, or our paraphrase of the reported position",
    "said_on": "the date the words were said (see date_precision)",
    "islands": "the island ids the claim names, ';'-separated",
    "topics": "topic ids, ';'-separated",
    "url": "the original article or document",
    "cite_as": "speaker, date said, occasion, outlet, original URL",
    "licence": "what the row may be reused under",
}
NEUTRALISED = (
    "A cell that begins with " + " ".join(repr(c)[1:-1] for c in FORMULA_STARTS) + " has a "
    "single quote (') put before it so that spreadsheets show it as text, not as a formula "
    "(OWASP's advice on CSV injection); drop that one quote to get the text back."
)


def claims_schema() -> dict[str, object]:
    return {
        "fields": [
            {
                "name": name,
                "type": FIELD_TYPES.get(name, "string"),
                **({"description": FIELD_NOTES[name]} if name in FIELD_NOTES else {}),
            }
            for name in COLUMNS
        ],
        "primaryKey": ["id"],
    }


def sources(shown: pd.DataFrame) -> list[dict[str, str]]:
    """The coastlines, then each source the claims cite (once, in order of first use)."""
    found = [{"title": COASTLINE_SOURCE, "path": COASTLINE_URL}]
    seen: set[str] = set()
    for row in shown.to_dict("records"):
        if row["source"] in seen:
            continue
        seen.add(str(row["source"]))
        entry = {"title": f"{row['original_publisher']}: {row['headline']}"}
        if row["url"]:
            entry["path"] = str(row["url"])
        found.append(entry)
    return found


def descriptor(date: dt.date, shown: pd.DataFrame) -> dict[str, object]:
    """datapackage.json for the data at `date` and the claims `shown`."""
    return {
        "name": f"kuril-dispute-map-{date.isoformat()}",
        "title": f"{PROJECT}: {MAP_TITLE}, status at {format_date(date)}",
        "description": citation(date),
        "licenses": [dict(entry) for entry in PACKAGE_LICENSES],
        "sources": sources(shown),
        "resources": [
            {
                "name": "claims",
                "path": CLAIMS_FILE,
                "title": "Claims shown on the page at the date",
                "description": f"One row a claim, with its citation and licence. {NEUTRALISED} "
                "The file starts with a UTF-8 byte-order mark for spreadsheets.",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                "schema": claims_schema(),
            },
            {
                "name": "islands",
                "path": ISLANDS_FILE,
                "title": "The four island groups and their status at the date",
                "description": geometry_licence(),
                "format": "geojson",
                "mediatype": "application/geo+json",
                "encoding": "utf-8",
                "licenses": [dict(PACKAGE_LICENSES[1])],
            },
        ],
    }


def data_package(date: dt.date, shown: pd.DataFrame, claims_csv: bytes, islands: str) -> bytes:
    """The ZIP: the two files and their descriptor."""
    files = {
        DESCRIPTOR: json.dumps(descriptor(date, shown), ensure_ascii=False, indent=2).encode(),
        CLAIMS_FILE: claims_csv,
        ISLANDS_FILE: islands.encode("utf-8"),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            entry = zipfile.ZipInfo(f"kuril-dispute-map-{date.isoformat()}/{name}", ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)
    return out.getvalue()
