"""geo.page: the Markdown of each place on the page for a view."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from geo import page
from geo.i18n import format_date
from geo.search import Query
from geo.text import md_escape
from tests.conftest import repo_site

SITE = repo_site()
SIGNED = dt.date(1956, 10, 19)


def test_the_panel_is_the_overview_or_one_island():
    overview = page.panel(SITE, None, SIGNED)
    assert all(name in overview for name in SITE.names.values())
    one = page.panel(SITE, "shikotan", SIGNED)
    assert one.startswith("### Shikotan\n\n")
    assert "to be handed over to Japan after a peace treaty" in one


def test_the_legend_and_the_stop_box_follow_the_date():
    assert "Map key, 7 Feb 1855" in page.legend(SITE, dt.date(1855, 2, 7))
    assert "1956 Declaration" not in page.legend(SITE, dt.date(1855, 2, 7))
    assert "Treaty of Shimoda" in page.legend(SITE, dt.date(1855, 2, 7))  # its line
    assert "Joint Declaration" in page.stop(SITE, SIGNED)


NONE = page.Filters()
EVERY = Query()


def test_a_session_starts_from_the_url_with_its_notices():
    state = page.session_start(
        SITE, {"date": ["1956-10-19"], "island": ["Etorofu"], "lang": ["xx"]}
    )
    assert (state["date"], state["island"]) == (SIGNED, "iturup")
    assert state["playing"] is False
    assert state["page"] == 0
    assert any("lang" in n for n in state["notices"])
    assert page.session_start(SITE, {})["island"] == page.ALL


def test_the_claims_at_a_view_are_filtered_counted_and_paged():
    shown = page.claims(SITE, SIGNED, "shikotan", NONE, EVERY)
    assert (shown.rows["said_on"] <= pd.Timestamp(SIGNED)).all()
    assert shown.heading == "#### Claims about Shikotan"
    last = SITE.stop_dates[-1]
    later = page.claims(SITE, last, None, NONE, EVERY)
    total = len(SITE.claims[SITE.claims["said_on"] <= pd.Timestamp(last)])
    assert len(later.rows) == total > page.PAGE_SIZE
    assert later.count == md_escape(f"{total} claims said by {format_date(last)}, newest first.")
    assert len(later.cards) == page.PAGE_SIZE
    assert later.pages == -(-total // page.PAGE_SIZE)
    second = page.claims(SITE, last, None, NONE, EVERY, page=1)
    assert set(second.ids).isdisjoint(later.ids)
    assert page.claims(SITE, last, None, NONE, EVERY, page=99).page == later.pages - 1


def test_a_search_narrows_the_claims_and_is_counted():
    last = SITE.stop_dates[-1]
    found = page.claims(SITE, last, None, NONE, Query.parse("LAVROV"))
    assert 0 < len(found.rows) < len(SITE.claims)
    assert (
        found.rows["speaker"].str.contains("Lavrov").all()
        or found.rows["text"].str.contains("Lavrov", case=False).any()
    )
    assert found.count.startswith(f"{len(found.rows)} of ")
    assert "match “LAVROV”" in found.count
    assert all(":color[" in c.markdown for c in found.cards)


def test_a_linked_claim_comes_first_and_marked_whatever_the_filters():
    last = SITE.stop_dates[-1]
    oldest = SITE.claims.iloc[-1]["id"]
    shown = page.claims(SITE, last, None, page.Filters(sources=("no-such",)), EVERY, oldest)
    assert shown.cards[0].id == oldest
    assert shown.cards[0].linked
    assert shown.count.startswith(r"The linked claim first\. 0 of ")
    before = page.claims(SITE, SITE.stop_dates[0], None, NONE, EVERY, oldest)  # said later
    assert oldest not in before.ids


def test_a_stop_with_no_claims_says_what_is_true_and_where_the_next_are():
    first_said = SITE.claims["said_on"].min().date()
    early = [d for d in SITE.stop_dates if d < first_said][-1]
    shown = page.claims(SITE, early, None, NONE, EVERY)
    assert shown.cards == ()
    assert shown.empty == f"No statements in these sources before {format_date(first_said)}."
    assert shown.next_stop == min(d for d in SITE.stop_dates if d >= first_said)
    nothing = page.claims(SITE, early, None, NONE, Query.parse("zzzqqq"))
    assert nothing.empty == "No claim matches this search and these filters at any date."
    assert nothing.next_stop is None


def test_the_view_url_and_citation_carry_the_whole_view():
    view = page.view_of(
        SIGNED,
        "shikotan",
        page.Filters(topics=("declaration-1956",)),
        Query.parse("peace  treaty"),
        None,
    )
    url = page.view_url("https://example.org/", view)
    assert url == (
        "https://example.org/?date=1956-10-19&island=shikotan&topic=declaration-1956&q=peace+treaty"
    )
    cite = page.view_cite(SITE, view, "https://example.org/", dt.date(2026, 12, 1))
    assert "19 Oct 1956; Shikotan; topic: " in cite.plain
    assert url in cite.plain
    assert "(accessed 1 Dec 2026)" in cite.plain
    assert "url = {https://example.org/?date=1956-10-19" in cite.bibtex


def test_a_claim_citation_has_its_permalink():
    claim = SITE.claims.iloc[0]
    cite = page.claim_cite(SITE, claim["id"], "https://example.org/", dt.date(2026, 12, 1))
    assert f"https://example.org/?claim={claim['id']}" in cite.plain
    assert claim["speaker"] in cite.plain
    assert claim["url"] in cite.plain
    assert cite.bibtex.startswith(f"@misc{{{claim['id']},")
    assert f"author = {{{{{claim['speaker']}}}}}" in cite.bibtex
