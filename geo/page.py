"""The page's content for one view (a date, an island, filters, a search), composed
from the Site's data by the functions in geo.present: what app.py puts in each place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd

from geo import player, present
from geo.cite import Citation, claim_citation, view_citation
from geo.claims import filter_claims
from geo.i18n import _, format_date, from_browser, language
from geo.search import Query
from geo.site import Site
from geo.text import md_escape, slug
from geo.urlstate import ViewState, asked_language, parse_query, to_query

CSS = Path(__file__).with_name("page.css")  # the page's few styles (a phone's title)
ALL = "all"  # the island box's first option: the whole dispute
PAGE_SIZE = 10  # claims per page


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


def positions(site: Site, date: dt.date) -> tuple[str, str]:
    """Moscow's and Tokyo's positions at `date`."""
    return present.positions_markdown(site.model.dispute_at(date))


@dataclass(frozen=True)
class Filters:
    """The claims filters: speaker names, topic ids, source ids."""

    speakers: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.speakers or self.topics or self.sources)


@dataclass(frozen=True)
class Card:
    """One claim on the page: its Markdown, id, and the label of its Cite button."""

    id: str
    markdown: str
    cite_label: str
    linked: bool = False


@dataclass(frozen=True)
class ClaimsView:
    """The claims at a view: every match (newest first, for the CSV), the page of
    cards shown (a linked claim first), and the words around them."""

    rows: pd.DataFrame
    cards: tuple[Card, ...]
    heading: str
    count: str
    page: int
    pages: int
    empty: str | None = None  # what is true when no claim is shown
    next_stop: dt.date | None = None  # the next stop with a matching claim

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the claims shown, in order."""
        return tuple(c.id for c in self.cards)


def _card(
    row: dict, island: str | None, query: Query, names: dict[str, str], linked: bool = False
) -> Card:
    words = str(row.get("speaker_shown") or row["speaker"]).split()
    surname = words[-1] if words else _("claim")
    return Card(
        id=str(row["id"]),
        markdown=present.claim_markdown(row, island, query, linked, names),
        cite_label=_("Cite or link: {speaker}, {date}").format(
            speaker=surname, date=row["date_label"]
        ),
        linked=linked,
    )


def claims(
    site: Site,
    date: dt.date,
    island: str | None,
    filters: Filters,
    query: Query,
    linked: str | None = None,
    page: int = 0,
) -> ClaimsView:
    """The claims said by `date` about `island` (or the dispute) that pass the filters
    and hold the search's words; `linked` (a claim id said by `date`) comes first."""
    table = site.claims
    by_date = filter_claims(table, date=date, island=island)
    rows = filter_claims(  # the date's and island's claims, narrowed further
        by_date,
        speakers=filters.speakers,
        topics=filters.topics,
        sources=filters.sources,
        found=site.finder.mask(query) if query else None,
    )
    pinned = table.iloc[:0]
    if linked is not None:
        pinned = table[(table["id"] == linked) & (table["said_on"] <= pd.Timestamp(date))]
    rest = rows[rows["id"] != linked] if len(pinned) else rows
    pages = max(1, -(-len(rest) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    shown = rest.iloc[page * PAGE_SIZE : (page + 1) * PAGE_SIZE].to_dict("records")
    cards = [_card(r, island, query, site.names) for r in shown]
    if len(pinned) and page == 0:
        cards.insert(0, _card(pinned.iloc[0].to_dict(), island, query, site.names, linked=True))
    name = site.names[island] if island else None
    heading, count = present.claims_count(
        name, len(rows), len(by_date), date, query.text, bool(filters)
    )
    if len(pinned):
        count = md_escape(_("The linked claim first.")) + " " + count
    empty, next_stop = None, None
    if not len(rows):
        empty, next_stop = _nothing_shown(site, island, filters, query)
    return ClaimsView(
        rows=rows,
        cards=tuple(cards),
        heading=heading,
        count=count,
        page=page,
        pages=pages,
        empty=empty,
        next_stop=next_stop,
    )


def _nothing_shown(
    site: Site, island: str | None, filters: Filters, query: Query
) -> tuple[str, dt.date | None]:
    """What is true when no claim is shown at a date (none was said by then), and
    the first stop with one."""
    later = filter_claims(
        site.claims,
        island=island,
        speakers=filters.speakers,
        topics=filters.topics,
        sources=filters.sources,
        found=site.finder.mask(query) if query else None,
    )
    narrowed = bool(filters or query)
    name = site.names[island] if island else None
    if not len(later):
        if narrowed:
            text = (
                _("No claim about {island} matches this search and these filters at any date.")
                if name
                else _("No claim matches this search and these filters at any date.")
            )
        else:
            text = (
                _("No claims about {island} at any date.") if name else _("No claims at any date.")
            )
        return text.format(island=name), None
    earliest = later.iloc[-1]  # newest first: the last is the first said
    first = format_date(earliest["said_on"].date(), str(earliest["date_precision"]))
    if narrowed:
        text = (
            _("No matching statements about {island} in these sources before {date}.")
            if name
            else _("No matching statements in these sources before {date}.")
        )
    else:
        text = (
            _("No statements about {island} in these sources before {date}.")
            if name
            else _("No statements in these sources before {date}.")
        )
    return text.format(island=name, date=first), site.choices.claim_stop(str(earliest["id"]))


def view_url(base: str, view: ViewState) -> str:
    """The address of `view`: `base` (the app's URL) with the view's parameters."""
    return f"{base}?{urlencode(to_query(view))}"


def claim_cite(site: Site, claim: str, base: str, today: dt.date) -> Citation:
    """The citation of a claim, with its permalink (`?claim=<id>`)."""
    row = site.claims[site.claims["id"] == claim].iloc[0].to_dict()
    permalink = f"{base}?{urlencode({'claim': claim})}"
    return claim_citation(row, permalink, today)


def view_cite(site: Site, view: ViewState, base: str, today: dt.date) -> Citation:
    """The citation of the whole view: date, island, filters, search."""
    parts = [format_date(view.date)]
    if view.island:
        parts.append(site.names[view.island])
    names = [site.speaker_label(site.speaker_by_slug.get(s, s)) for s in view.speakers]
    for label, values in (
        (_("speaker: {values}"), names),
        (_("topic: {values}"), [site.topic_label(t) for t in view.topics]),
        (_("source: {values}"), [site.source_label(s) for s in view.sources]),
    ):
        if values:
            parts.append(label.format(values=_(", ").join(values)))
    if view.query:
        parts.append(_("search: {query}").format(query=view.query))
    return view_citation(parts, view_url(base, view), view.date, today)


def view_of(
    date: dt.date,
    island: str | None,
    filters: Filters,
    query: Query,
    claim: str | None,
    lang: str | None = None,
) -> ViewState:
    """The ViewState of the page's widgets."""
    return ViewState(
        date,
        island,
        tuple(map(slug, filters.speakers)),
        filters.topics,
        filters.sources,
        query.text,
        claim,
        lang,
    )


def session_start(
    site: Site, params: dict[str, list[str]], browser: Iterable[str | None] = ()
) -> dict[str, object]:
    """A new session's state from the URL: the view it names (widget keys: date,
    island, f_speaker, f_topic, f_source, q, lang), the linked claim, the notices about
    what the link could not use (in the page's language), the first page of claims,
    and not playing. The language is the URL's, else the first of the `browser`'s
    languages the page has, else English."""
    lang = asked_language(params) or from_browser(browser)
    with language(lang):
        view, notices = parse_query(params, site.choices)
    state: dict[str, object] = {
        "lang": lang,
        "date": view.date,
        "island": view.island or ALL,
        "f_speaker": [site.speaker_by_slug[s] for s in view.speakers],
        "f_topic": list(view.topics),
        "f_source": list(view.sources),
        "q": view.query,
        "claim": view.claim,
        "cited": view.claim,
        "view_cited": False,
        "notices": notices,
        "page": 0,
        "url_synced": True,
    }
    player.start(state)
    return state
