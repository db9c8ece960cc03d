"""The claims table: every claim with its source's details, newest first, and the
vectorised filter (date, island, filters, search) behind the claims list and the
CSV download."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping

import pandas as pd

from geo.i18n import format_date
from geo.load import Dataset
from geo.search import Query, haystack

CLAIM_COLUMNS = [
    "id",
    "kind",
    "text",
    "speaker",
    "speaker_shown",  # the name in the page's language
    "role",
    "country",
    "said_on",
    "date_precision",
    "date_label",
    "date_basis",
    "date_confidence",
    "occasion",
    "place",
    "scope",
    "islands",
    "topics",
    "summary",
    "source",
    "outlet",
    "original_publisher",
    "headline",
    "published",
    "published_precision",
    "url",
]


def claims_table(dataset: Dataset, speakers: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Every claim with its source details, newest first. Build once and filter.
    `speaker` is the English name (the filters' and links' id); `speaker_shown` the
    name in the page's language, from `speakers` (English name -> name)."""
    speakers = speakers or {}
    rows = []
    for c in dataset.claims:
        src = dataset.sources[c.source]
        rows.append(
            {
                "id": c.id,
                "kind": c.kind,
                "text": c.text,
                "speaker": c.speaker,
                "speaker_shown": speakers.get(c.speaker, c.speaker),
                "role": c.role,
                "country": c.country,
                "said_on": c.said_on,
                "date_precision": c.date_precision,
                "date_label": format_date(c.said_on, c.date_precision),
                "date_basis": c.date_basis,
                "date_confidence": c.date_confidence,
                "occasion": c.occasion,
                "place": c.place or "",
                "scope": c.scope,
                "islands": ";".join(c.islands),
                "topics": ";".join(c.topics),
                "summary": c.summary,
                "source": src.id,
                "outlet": src.outlet,
                "original_publisher": src.original_publisher,
                "headline": src.headline,
                "published": src.published,
                "published_precision": src.published_precision,
                "url": str(src.url) if src.url else "",
            }
        )
    table = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    table["said_on"] = pd.to_datetime(table["said_on"])
    table = table.sort_values(["said_on", "id"], ascending=[False, True]).reset_index(drop=True)
    table[SEARCH_COLUMN] = haystack(table)
    return table


SEARCH_COLUMN = "_search"  # the folded text a search looks in; not downloaded


def filter_claims(
    table: pd.DataFrame,
    date: dt.date | None = None,
    island: str | None = None,
    speakers: Collection[str] = (),
    topics: Collection[str] = (),
    sources: Collection[str] = (),
    query: Query | None = None,
    found: pd.Series | None = None,
) -> pd.DataFrame:
    """Claims said on or before `date` about `island` (named, or the whole dispute),
    by the speakers, on the topics, from the sources given, holding the query's words
    (or True in `found`, a search already made over the whole table: `Finder.mask`)."""
    mask = pd.Series(True, index=table.index)
    if date is not None:
        mask &= table["said_on"] <= pd.Timestamp(date)
    if island is not None:
        mask &= _lists(table["islands"], [island]) | (table["scope"] == "dispute")
    if speakers:
        mask &= table["speaker"].isin(list(speakers))
    if topics:
        mask &= _lists(table["topics"], topics)
    if sources:
        mask &= table["source"].isin(list(sources))
    if query:
        mask &= query.mask(table[SEARCH_COLUMN])
    if found is not None:
        mask &= found.loc[table.index]
    return table[mask]


def _lists(column: pd.Series, wanted: Collection[str]) -> pd.Series:
    """True where the ';'-joined list in `column` holds any of `wanted` (whole items;
    vectorised: the same as splitting each row on ';' and testing membership)."""
    wrapped = ";" + column + ";"
    found = pd.Series(False, index=column.index)
    for item in dict.fromkeys(wanted):
        if ";" not in item:  # an item with ';' in it can never be a whole item
            found |= wrapped.str.contains(f";{item};", regex=False)
    return found
