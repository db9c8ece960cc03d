"""geo.export.tables: the claims CSV opens safely in a spreadsheet (BOM, formula
cells neutralised) and reads back to the same text."""

from __future__ import annotations

import csv
import io

import pytest

from geo.export.tables import BOM, COLUMNS, claims_csv, neutralise, restore, safe_csv
from tests.conftest import repo_site

SITE = repo_site()
PAYLOADS = [
    '=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
]
# Text a spreadsheet would not run, kept as it is.
PLAIN = [
    "Kunashir - Iturup",  # a hyphen, not at the start
    "– as the minister put it",  # an en dash
    "'quoted' words",  # a quote not before a formula character
    "2+3",
    "",
]


def read_back(data: bytes) -> list[list[str]]:
    """The CSV as a reader gets it: BOM stripped, each neutralising quote dropped."""
    text = data.decode("utf-8")
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text[len(BOM) :], newline="")))
    return [[restore(cell) for cell in row] for row in rows]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_formula_cell_gets_a_leading_quote(payload):
    assert neutralise(payload) == "'" + payload
    assert restore(neutralise(payload)) == payload


def test_negative_looking_text_is_neutralised_and_reads_back():
    """'-40 degrees' is text, not a number to compute: quoted, and back exactly."""
    text = "-40 degrees on Iturup in January"
    assert neutralise(text) == "'" + text
    assert read_back(safe_csv(["note"], [[text]])) == [["note"], [text]]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_is_left_alone(text):
    assert neutralise(text) == text
    assert restore(text) == text


def test_a_quote_before_a_formula_character_survives_the_round_trip():
    """A cell that really starts with '= is written ''= and restored to '=."""
    assert neutralise("'=1") == "''=1"
    assert restore(neutralise("'=1")) == "'=1"


def test_every_payload_is_text_in_the_file_and_reads_back():
    data = safe_csv(["id", "text"], [[str(n), p] for n, p in enumerate(PAYLOADS + PLAIN)])
    assert data.startswith(BOM.encode("utf-8"))
    raw = list(csv.reader(io.StringIO(data.decode("utf-8")[1:], newline="")))
    for cell in (row[1] for row in raw[1:]):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert [row[1] for row in read_back(data)[1:]] == PAYLOADS + PLAIN


def test_claims_read_back_with_their_quotes_intact():
    """Every claim's text (commas, apostrophes, brackets, dashes) comes back from the
    file exactly, and so does each date."""
    data = claims_csv(SITE.claims)
    assert b"\r\n" in data
    header, *rows = read_back(data)
    assert tuple(header) == COLUMNS
    table = [dict(zip(header, row, strict=True)) for row in rows]
    assert [r["id"] for r in table] == list(SITE.claims["id"])
    assert [r["text"] for r in table] == list(SITE.claims["text"])
    assert [r["said_on"] for r in table] == [d.date().isoformat() for d in SITE.claims["said_on"]]
    assert any("," in r["text"] and "'" in r["text"] for r in table), "what the CSV must quote"


def test_each_row_cites_its_source_and_says_its_licence():
    header, *rows = read_back(claims_csv(SITE.claims))
    for claim, row in zip(SITE.claims.to_dict("records"), rows, strict=True):
        cell = dict(zip(header, row, strict=True))
        for part in (claim["speaker"], claim["date_label"], claim["occasion"], claim["outlet"]):
            assert part in cell["cite_as"]
        if claim["url"]:
            assert cell["cite_as"].endswith(claim["url"])
        if claim["kind"] == "quote":
            assert f"copyright {claim['original_publisher']}" in cell["licence"]
        else:
            assert "our own words" in cell["licence"]
        assert "CC BY 4.0" in cell["licence"]


def test_no_claims_is_a_header_only_file():
    header, *rows = read_back(claims_csv(SITE.claims.head(0)))
    assert tuple(header) == COLUMNS
    assert rows == []


def test_hostile_claim_text_and_speaker_are_neutralised_in_the_claims_file():
    """Payloads in the claims' own fields (text, speaker) are text in the file."""
    hostile = SITE.claims.head(len(PAYLOADS)).copy()
    hostile["text"] = PAYLOADS
    hostile["speaker"] = list(reversed(PAYLOADS))
    data = claims_csv(hostile)
    raw = list(csv.reader(io.StringIO(data.decode("utf-8")[1:], newline="")))
    index = raw[0].index("text"), raw[0].index("speaker")
    for row in raw[1:]:
        assert all(row[i].startswith("'") for i in index), row
    header, *rows = read_back(data)
    assert [r[header.index("text")] for r in rows] == PAYLOADS
    assert [r[header.index("speaker")] for r in rows] == list(reversed(PAYLOADS))
