"""The view in the URL: parse query parameters into a ViewState (falling back
to defaults with a notice for anything odd) and write a ViewState back."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geo import ISLAND_IDS
from geo.text import format_date, shorten, slug

if TYPE_CHECKING:
    from geo.load import Dataset

KNOWN_KEYS = ("date", "island", "speaker", "topic", "source")
IGNORED_KEYS = ("embed", "embed_options")  # set by Streamlit itself
MAX_VALUES = 50


@dataclass(frozen=True)
class ViewState:
    date: dt.date
    island: str | None = None
    speakers: tuple[str, ...] = ()  # speaker slugs
    topics: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass
class Choices:
    """What the URL may name: timeline stops, island aliases, filter values."""

    stops: Sequence[dt.date]
    speakers: Sequence[str]  # slugs
    topics: Sequence[str]
    sources: Sequence[str]
    island_aliases: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_data(
        cls, dataset: Dataset, island_rows: Iterable[Mapping], stops: Sequence[dt.date]
    ) -> Choices:
        """What the data offers: the stops, speakers by slug, topic and source ids, and
        each island's names (English, romaji, Russian, Japanese) in lower case."""
        aliases = {
            str(row[key]).strip().lower(): row["id"]
            for row in island_rows
            for key in ("name_en", "name_ja_romaji", "name_ru", "name_ja")
        }
        return cls(
            stops=list(stops),
            speakers=sorted({slug(c.speaker) for c in dataset.claims}),
            topics=list(dataset.topics),
            sources=list(dataset.sources),
            island_aliases=aliases,
        )

    @property
    def default_date(self) -> dt.date:
        return self.stops[-1]


def _values(raw: str | Sequence[str]) -> list[str]:
    return [raw] if isinstance(raw, str) else [v for v in raw if isinstance(v, str)]


def _parse_date(values: list[str], choices: Choices, notices: list[str]) -> dt.date:
    default = choices.default_date
    if len(values) > 1:
        notices.append(f"'date' was given {len(values)} times; using the last.")
    text = values[-1].strip() if values else ""
    try:
        wanted = dt.date.fromisoformat(text)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
            raise ValueError
    except ValueError:
        notices.append(
            f"Date '{shorten(text)}' is not a YYYY-MM-DD date; showing {format_date(default)}."
        )
        return default
    stops = choices.stops
    if wanted < stops[0]:
        notices.append(
            f"{format_date(wanted)} is before the first event; showing {format_date(stops[0])}."
        )
        return stops[0]
    if wanted > dt.date.today():
        notices.append(f"{format_date(wanted)} is in the future; showing {format_date(default)}.")
        return default
    snapped = stops[bisect_right(stops, wanted) - 1]
    if snapped != wanted:
        notices.append(
            f"No event on {format_date(wanted)}; showing the latest event before it, "
            f"{format_date(snapped)}."
        )
    return snapped


def _parse_island(values: list[str], choices: Choices, notices: list[str]) -> str | None:
    if len(values) > 1:
        notices.append(f"'island' was given {len(values)} times; using the last.")
    text = values[-1].strip().lower() if values else ""
    if text in ISLAND_IDS:
        return text
    if text in choices.island_aliases:
        return choices.island_aliases[text]
    if text:
        notices.append(f"Unknown island '{shorten(values[-1])}'; no island selected.")
    return None


def _parse_list(
    key: str, values: list[str], allowed: Sequence[str], notices: list[str]
) -> tuple[str, ...]:
    items: list[str] = []
    for value in values:
        items.extend(part.strip() for part in value.split(","))
    picked: list[str] = []
    for item in (i for i in items if i):
        if item in allowed:
            if item not in picked:
                picked.append(item)
        elif slug(item) in allowed:
            if slug(item) not in picked:
                picked.append(slug(item))
        else:
            notices.append(f"Unknown {key} '{shorten(item)}' ignored.")
        if len(notices) > MAX_VALUES:
            break
    return tuple(picked)


def parse_query(
    params: Mapping[str, str | Sequence[str]], choices: Choices
) -> tuple[ViewState, list[str]]:
    """A ViewState from URL parameters, and a notice for each thing not taken."""
    notices: list[str] = []
    unknown = [k for k in params if k not in KNOWN_KEYS and k not in IGNORED_KEYS]
    for key in unknown[:5]:
        notices.append(f"Unknown parameter '{shorten(key, 30)}' ignored.")
    if len(unknown) > 5:
        notices.append(f"{len(unknown) - 5} more unknown parameters ignored.")
    get = {k: _values(params[k]) for k in KNOWN_KEYS if k in params}
    date = _parse_date(get["date"], choices, notices) if "date" in get else choices.default_date
    island = _parse_island(get["island"], choices, notices) if "island" in get else None
    state = ViewState(
        date=date,
        island=island,
        speakers=_parse_list("speaker", get.get("speaker", []), choices.speakers, notices),
        topics=_parse_list("topic", get.get("topic", []), choices.topics, notices),
        sources=_parse_list("source", get.get("source", []), choices.sources, notices),
    )
    if len(notices) > MAX_VALUES:
        notices = [*notices[:MAX_VALUES], "More problems with the link were not listed."]
    return state, notices


def url_differs(params: Mapping[str, Sequence[str]], query: Mapping[str, str]) -> bool:
    """Whether the address bar's parameters (each key's values) are not `query`."""
    return {k: list(v) for k, v in params.items()} != {k: [v] for k, v in query.items()}


def to_query(state: ViewState) -> dict[str, str]:
    """URL parameters for a ViewState (empty parts left out)."""
    query = {"date": state.date.isoformat()}
    if state.island:
        query["island"] = state.island
    for key, values in (
        ("speaker", state.speakers),
        ("topic", state.topics),
        ("source", state.sources),
    ):
        if values:
            query[key] = ",".join(values)
    return query
