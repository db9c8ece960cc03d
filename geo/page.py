"""The page's Markdown for one view (a date and an island), composed from the Site's
data by the functions in geo.present: what app.py puts in each place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from geo import player, present
from geo.claims import filter_claims
from geo.site import Site
from geo.text import md_escape
from geo.urlstate import parse_query


def legend(site: Site, date: dt.date) -> str:
    """The map key at `date`: the categories on the map and the lines drawn."""
    return present.legend_markdown(date, site.model.legend_at(date), site.lines_at(date))


def stop(site: Site, date: dt.date) -> str:
    """The box for the stop at `date`: its events and what changed."""
    return present.stop_markdown(site.events_at(date), site.dataset.sources, site.changes_at(date))


def panel(site: Site, island: str | None, date: dt.date) -> str:
    """The island panel: the four islands' status, or one island's heading, names,
    area and status."""
    statuses = site.model.all_at(date)
    if island is None:
        return present.overview_markdown(site.names, statuses)
    row, dispute = site.island_rows[island], site.model.dispute_at(date)
    heading = f"### {md_escape(site.names[island])}\n\n"
    return heading + present.island_markdown(row, statuses[island], dispute)


def claims_heading(
    site: Site, island: str | None, count: int, date: dt.date, filtered: bool
) -> tuple[str, str]:
    """The claims list's heading and caption."""
    name = site.names[island] if island else None
    return present.claims_heading(name, count, date, filtered)


@dataclass(frozen=True)
class Claims:
    """The claims shown at a view: the rows (newest first), heading and caption."""

    rows: pd.DataFrame
    heading: str
    caption: str


def claims(
    site: Site,
    date: dt.date,
    island: str | None,
    speakers: list[str],
    topics: list[str],
    sources: list[str],
) -> Claims:
    """The claims said by `date` about `island` (or the dispute), filtered."""
    rows = filter_claims(
        site.claims, date=date, island=island, speakers=speakers, topics=topics, sources=sources
    )
    filtered = bool(speakers or topics or sources)
    return Claims(rows, *claims_heading(site, island, len(rows), date, filtered))


def positions(site: Site, date: dt.date) -> tuple[str, str]:
    """Moscow's and Tokyo's positions at `date`."""
    return present.positions_markdown(site.model.dispute_at(date))


def session_start(site: Site, params: dict[str, list[str]], page_size: int) -> dict[str, object]:
    """A new session's state from the URL: the view it names (widget keys: date,
    island, f_speaker, f_topic, f_source), the notices about what it could not use,
    one page of claims, and not playing."""
    view, notices = parse_query(params, site.choices)
    state: dict[str, object] = {
        "date": view.date,
        "island": view.island,
        "f_speaker": [site.speaker_by_slug[s] for s in view.speakers],
        "f_topic": list(view.topics),
        "f_source": list(view.sources),
        "notices": notices,
        "limit": page_size,
        "url_synced": True,
    }
    player.start(state)
    return state
