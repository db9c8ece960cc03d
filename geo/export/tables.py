"""The claims as a CSV that spreadsheets open safely: UTF-8 with a byte-order mark
(so Excel reads the three scripts right), CRLF rows, and every cell that a
spreadsheet would take for a formula neutralised, as OWASP recommends: a cell that
starts with = + - @, a tab or a carriage return gets a leading single quote. Each
row carries its citation (`cite_as`) and what it may be reused under (`licence`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

import pandas as pd

from geo.claims import CLAIM_COLUMNS
from geo.export.citation import claim_citation, claim_licence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
BOM = "\ufeff"
COLUMNS: tuple[str, ...] = (*CLAIM_COLUMNS, "cite_as", "licence")


def neutralise(cell: str) -> str:
    """`cell` as a spreadsheet shows it as text: a leading ' where it would start a
    formula, and where it starts with ' before such a character (so `restore` is
    exact: it drops the one quote that this added)."""
    if cell.startswith(FORMULA_STARTS) or (cell[:1] == QUOTE and cell[1:2] in FORMULA_STARTS):
        return QUOTE + cell
    return cell


def restore(cell: str) -> str:
    """The text `neutralise` was given."""
    if cell[:1] == QUOTE and cell[1:2] in (*FORMULA_STARTS, QUOTE):
        return cell[1:]
    return cell


def safe_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file: BOM, header, rows, every cell as text and neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise("" if v is None else str(v)) for v in row])
    return (BOM + out.getvalue()).encode("utf-8")


def claim_rows(shown: pd.DataFrame) -> list[list[str]]:
    """The claims in `COLUMNS` order as text: dates ISO, with the citation and licence."""
    rows = []
    for claim in shown.to_dict("records"):
        said = claim["said_on"]
        values = {**claim, "said_on": said.date().isoformat() if hasattr(said, "date") else said}
        values["cite_as"], values["licence"] = claim_citation(claim), claim_licence(claim)
        rows.append([str(values[c]) for c in COLUMNS])
    return rows


def claims_csv(shown: pd.DataFrame) -> bytes:
    """The CSV download of the claims shown (a claims_table selection)."""
    return safe_csv(COLUMNS, claim_rows(shown))
