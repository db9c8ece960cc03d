"""geo.page: the Markdown of each place on the page for a view."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from geo import page
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


def test_the_claims_heading_names_the_island():
    heading, caption = page.claims_heading(SITE, "iturup", 3, SIGNED, filtered=True)
    assert heading == "#### Claims about Iturup / Etorofu"
    assert caption.startswith("3 claim(s) said by 19 Oct 1956 (filtered)")


def test_a_session_starts_from_the_url_with_its_notices():
    state = page.session_start(
        SITE, {"date": ["1956-10-19"], "island": ["Etorofu"], "lang": ["xx"]}, page_size=20
    )
    assert (state["date"], state["island"]) == (SIGNED, "iturup")
    assert state["playing"] is False
    assert state["limit"] == 20
    assert any("lang" in n for n in state["notices"])


def test_the_claims_at_a_view_are_filtered_and_counted():
    shown = page.claims(SITE, SIGNED, "shikotan", [], [], [])
    assert (shown.rows["said_on"] <= pd.Timestamp(SIGNED)).all()
    assert shown.caption.startswith(f"{len(shown.rows)} claim(s) said by 19 Oct 1956")
    later = page.claims(SITE, SITE.stop_dates[-1], None, [], [], [])
    assert len(later.rows) > len(shown.rows)
