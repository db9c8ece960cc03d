"""The page's Markdown for one view (a date and an island), composed from the Site's
data by the functions in geo.present: what app.py puts in each place."""

from __future__ import annotations

import datetime as dt

from geo import present
from geo.site import Site
from geo.text import md_escape


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
