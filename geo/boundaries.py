"""The boundary lines of each era: which are drawn at a date (from the dates of the
events that start and end them), and each line as the map draws it."""

from __future__ import annotations

import datetime as dt

from geo.load import Dataset
from geo.map.lines import BoundaryLine


def boundaries_at(dataset: Dataset, date: dt.date) -> tuple[str, ...]:
    """The ids of the lines drawn at `date`, in file order."""
    when = {e.id: e.date for e in dataset.events}
    return tuple(
        b.id
        for b in dataset.boundaries
        if when[b.since] <= date and (b.until is None or date < when[b.until])
    )


def boundary_lines(dataset: Dataset) -> tuple[BoundaryLine, ...]:
    """Every line, for the base map (the per-date view then says which are shown)."""
    return tuple(
        BoundaryLine(
            id=b.id,
            name=b.name,
            kind=b.kind,
            latlngs=tuple((lat, lon) for lon, lat in b.line),
            reference_label=b.reference.title,
            reference_url=str(b.reference.url),
        )
        for b in dataset.boundaries
    )
