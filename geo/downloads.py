"""What the page offers for download at a date: each file's label, name, type and
the function that makes it (called only when a reader asks for that file). The
formats are in geo.export; the costly ones are kept per date by the Site."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from geo.export.package import data_package
from geo.export.tables import claims_csv
from geo.i18n import _, current, language

if TYPE_CHECKING:
    from geo.site import Site


@dataclass(frozen=True)
class Download:
    label: str
    make: Callable[[], str | bytes]
    file_name: str
    mime: str


def downloads_at(site: Site, date: dt.date, shown: pd.DataFrame) -> tuple[Download, ...]:
    """The map at `date` (PNG, offline HTML), the claims shown (CSV), the islands with
    their status at `date` (GeoJSON) and all of it as a data package (ZIP), each made
    in the current language (Streamlit may make a file outside the script's run)."""
    day = date.isoformat()
    code = current()

    def made(make: Callable[[], str | bytes]) -> Callable[[], str | bytes]:
        def run() -> str | bytes:
            with language(code):
                return make()

        return run

    return (
        Download(
            _("Map (PNG)"), made(lambda: site.map_png(date)), f"kuril-map-{day}.png", "image/png"
        ),
        Download(
            _("Map (HTML, offline)"),
            made(lambda: site.map_html(date)),
            f"kuril-map-{day}.html",
            "text/html",
        ),
        Download(
            _("Claims (CSV)"),
            made(lambda: claims_csv(shown)),
            f"kuril-claims-{day}.csv",
            "text/csv",
        ),
        Download(
            _("Islands (GeoJSON)"),
            made(lambda: site.islands_file(date)),
            f"kuril-islands-{day}.geojson",
            "application/geo+json",
        ),
        Download(
            _("Data package (ZIP)"),
            made(lambda: data_package(date, shown, claims_csv(shown), site.islands_file(date))),
            f"kuril-data-{day}.zip",
            "application/zip",
        ),
    )
