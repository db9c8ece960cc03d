"""Timeline stops (the distinct event dates), which of them change the map, the
eras the slider is divided into, stepping through the stops, and what changed at
each stop."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geo.boundaries import boundaries_at
from geo.i18n import N_, _, format_date
from geo.load import Dataset
from geo.models import Event
from geo.status import AREA_IDS, StatusModel

MAP_MARK = "◆"  # starts the label of a stop at which the map changes
LABEL_TITLE_LIMIT = 44


@dataclass(frozen=True)
class Stop:
    date: dt.date
    event_ids: tuple[str, ...]
    label: str  # for the slider: date and the first event's title, short and plain
    changes_map: bool = False  # a colour or a boundary line on the map changes here


@dataclass(frozen=True)
class Era:
    label: str  # "1956–91"
    start: dt.date  # first day of the era; it lasts until the next era's start


# The labels are the eras' ids too; `era_name` gives them in the current language.
ERAS = (
    Era(N_("to 1945"), dt.date.min),
    Era(N_("1945–56"), dt.date(1945, 8, 9)),  # the Soviet Union enters the war with Japan
    Era(N_("1956–91"), dt.date(1956, 10, 19)),  # the Joint Declaration
    Era(N_("1991–"), dt.date(1991, 12, 26)),  # the Soviet Union dissolved
)


def era_name(label: str) -> str:
    """An era's label in the current language."""
    return _(label)


def map_state(model: StatusModel, dataset: Dataset, date: dt.date) -> tuple[object, ...]:
    """What the map shows at `date`: every area's colour and the lines drawn."""
    return (
        tuple(model.at(a, date).category for a in AREA_IDS),
        boundaries_at(dataset, date),
    )


def build_stops(dataset: Dataset, model: StatusModel | None = None) -> tuple[Stop, ...]:
    """One stop per distinct event date, in date order; with `model`, the stops at
    which the map changes are marked."""
    by_date: dict[dt.date, list[Event]] = {}
    for event in dataset.events:
        by_date.setdefault(event.date, []).append(event)
    stops = []
    shown: tuple[object, ...] | None = None
    for date in sorted(by_date):
        first = by_date[date][0]
        changes = False
        if model is not None:
            now = map_state(model, dataset, date)
            changes, shown = shown is not None and now != shown, now
        mark = f"{MAP_MARK} " if changes else ""
        title = short_title(first.title)
        label = f"{mark}{format_date(date, first.precision)} · {title}"  # in the language now
        stops.append(Stop(date, tuple(e.id for e in by_date[date]), label, changes))
    return tuple(stops)


def short_title(title: str, limit: int = LABEL_TITLE_LIMIT) -> str:
    """`title` cut at a word boundary to at most `limit` characters, '…' marking a cut."""
    if len(title) <= limit:
        return title
    cut = title[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-(")
    return f"{cut}…"


def era_of(date: dt.date) -> Era:
    return [e for e in ERAS if e.start <= date][-1]


def era_counts(dates: list[dt.date]) -> list[tuple[Era, int]]:
    """Each era with its number of stops (eras with none left out): the widths of
    the era strip under the slider, whose stops are evenly spaced."""
    counts = [(era, sum(era_of(d) == era for d in dates)) for era in ERAS]
    return [(era, n) for era, n in counts if n]


def era_start(dates: list[dt.date], label: str) -> dt.date:
    """The first stop of the era called `label`."""
    return next(d for d in dates if era_of(d).label == label)


def step(dates: list[dt.date], date: dt.date, offset: int) -> dt.date:
    """The stop `offset` stops from `date`, held at the first and the last."""
    index = dates.index(date) + offset
    return dates[min(max(index, 0), len(dates) - 1)]


def changes_at(model: StatusModel, names: dict[str, str], date: dt.date) -> list[str]:
    """Plain sentences for what changed on `date` compared with the day before, for
    each island or region named in `names`."""
    before = date - dt.timedelta(days=1)
    lines: list[str] = []
    for island in [a for a in AREA_IDS if a in names]:
        old, new = model.at(island, before), model.at(island, date)
        if old.label != new.label:
            lines.append(
                _("{area}: {before} → {after}.").format(
                    area=names[island], before=old.label, after=new.label
                )
            )
        if old.declaration != new.declaration:
            lines.append(
                _("{area}, 1956 Declaration: {text}").format(
                    area=names[island], text=new.declaration_text
                )
            )
    old_all, new_all = model.dispute_at(before), model.dispute_at(date)
    old_ids = {c.event_id for c in old_all.conditions}
    new_ids = {c.event_id for c in new_all.conditions}
    for c in new_all.conditions:
        if c.event_id not in old_ids:
            lines.append(_("New condition, {by}: {text}").format(by=c.by, text=c.text))
    for c in old_all.conditions:
        if c.event_id not in new_ids:
            lines.append(
                _("No longer stands ({by} since {date}): {text}").format(
                    by=c.by, date=format_date(c.since), text=c.text
                )
            )
    for side, changed in (
        ("russia", N_("Moscow's position changes (see positions below).")),
        ("japan", N_("Tokyo's position changes (see positions below).")),
    ):
        p_old, p_new = old_all.position(side), new_all.position(side)
        if p_new is not None and (p_old is None or p_old.text != p_new.text):
            lines.append(_(changed))
    return lines
