"""Timeline stops (the distinct event dates) and what changed at each stop."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geo import ISLAND_IDS
from geo.load import Dataset
from geo.models import Event
from geo.status import StatusModel
from geo.text import format_date


@dataclass(frozen=True)
class Stop:
    date: dt.date
    event_ids: tuple[str, ...]
    label: str  # for the slider: date and the first event's title


def build_stops(dataset: Dataset) -> tuple[Stop, ...]:
    """One stop per distinct event date, in date order."""
    by_date: dict[dt.date, list[Event]] = {}
    for event in dataset.events:
        by_date.setdefault(event.date, []).append(event)
    stops = []
    for date in sorted(by_date):
        events = by_date[date]
        first = events[0]
        more = f" (+{len(events) - 1})" if len(events) > 1 else ""
        label = f"{format_date(date, first.precision)} · {first.title}{more}"
        stops.append(Stop(date, tuple(e.id for e in events), label))
    return tuple(stops)


def changes_at(model: StatusModel, names: dict[str, str], date: dt.date) -> list[str]:
    """Plain sentences for what changed on `date` compared with the day before."""
    before = date - dt.timedelta(days=1)
    lines: list[str] = []
    for island in ISLAND_IDS:
        old, new = model.at(island, before), model.at(island, date)
        if old.label != new.label:
            lines.append(f"{names[island]}: {old.label} → {new.label}.")
        if old.declaration != new.declaration:
            lines.append(f"{names[island]}, 1956 Declaration: {new.declaration_text}")
    old_all, new_all = model.dispute_at(before), model.dispute_at(date)
    old_ids = {c.event_id for c in old_all.conditions}
    new_ids = {c.event_id for c in new_all.conditions}
    for c in new_all.conditions:
        if c.event_id not in old_ids:
            lines.append(f"New condition, {c.by}: {c.text}")
    for c in old_all.conditions:
        if c.event_id not in new_ids:
            lines.append(f"No longer stands ({c.by} since {format_date(c.since)}): {c.text}")
    for side, who in (("russia", "Moscow's"), ("japan", "Tokyo's")):
        p_old, p_new = old_all.position(side), new_all.position(side)
        if p_new is not None and (p_old is None or p_old.text != p_new.text):
            lines.append(f"{who} position changes (see positions below).")
    return lines
