"""What the page offers for download at a date: each file's label, name, type and
the function that makes it (called only when a reader asks for that file)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from geo.site import Site


@dataclass(frozen=True)
class Download:
    label: str
    make: Callable[[], str]
    file_name: str
    mime: str


def downloads_at(site: Site, date: dt.date, shown: pd.DataFrame) -> tuple[Download, ...]:
    """The islands with their status at `date` (GeoJSON) and the claims shown (CSV)."""
    return (
        Download(
            "Download: islands with status at this date (GeoJSON)",
            lambda: site.status_geojson(date),
            f"kuril-islands-{date.isoformat()}.geojson",
            "application/geo+json",
        ),
        Download(
            "Download: claims shown (CSV)",
            lambda: shown.to_csv(index=False),
            f"kuril-claims-{date.isoformat()}.csv",
            "text/csv",
        ),
    )
