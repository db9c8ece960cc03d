"""The map tells the history, with the committed data in a real browser: the status
regions' colours and the boundary lines drawn follow the date."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from geo import REGION_IDS
from geo.boundaries import boundaries_at
from geo.map.palette import PALETTE
from tests.conftest import repo_site
from tests.support.browser import map_frame

expect.set_options(timeout=30_000)  # a first load on a busy 2-core machine

SITE = repo_site()
MAIN_REGIONS = tuple(SITE.context["id"])  # the regions the main map's nearby land shows


def snapped(date: dt.date) -> dt.date:
    return max(d for d in SITE.stop_dates if d <= date)


def drawn_lines(frame) -> set[str]:
    classes = frame.locator(".leaflet-boundaries-pane path.boundary").evaluate_all(
        "els => els.map(e => e.getAttribute('class'))"
    )
    return {c.split("boundary-", 1)[1].split()[0] for c in classes}


def wait_for_view(frame, date: dt.date) -> None:
    """Until the view of `date` has reached the map: the locator's regions coloured."""
    for region in REGION_IDS:
        fill = PALETTE[SITE.model.at(region, date).category]
        expect(frame.locator(f".kuril-locator path.region-{region}")).to_have_attribute(
            "fill", fill
        )


@pytest.mark.parametrize("year", [1860, 1900, 2000])
def test_the_regions_and_the_lines_at_the_date(server, page, year):
    date = snapped(dt.date(year, 1, 1))
    page.goto(f"{server}/?date={year}-01-01")
    frame = map_frame(page)
    wait_for_view(frame, date)
    for region in MAIN_REGIONS:
        fill = PALETTE[SITE.model.at(region, date).category]
        # the main map's region paths are interactive (tooltips), the locator's are not
        expect(frame.locator(f"path.region-{region}.leaflet-interactive")).to_have_attribute(
            "fill", fill
        )
    assert drawn_lines(frame) == set(boundaries_at(SITE.dataset, date))


def test_the_colours_tell_the_eras_apart(server, page):
    """1860: Urup Russian, Iturup Japanese; 1900: the whole chain Japanese; 2000: the
    chain north of Iturup Russian, Iturup claimed by Japan: three different pictures."""
    fills = {}
    for year in (1860, 1900, 2000):
        page.goto(f"{server}/?date={year}-01-01")
        frame = map_frame(page)
        wait_for_view(frame, snapped(dt.date(year, 1, 1)))
        fills[year] = (
            frame.locator(".kuril-locator path.region-northern-kurils").get_attribute("fill"),
            frame.locator("path.island-iturup").get_attribute("fill"),
        )
    assert fills[1860] == (PALETTE["unclaimed"], PALETTE["undisputed"])
    assert fills[1900] == (PALETTE["undisputed"], PALETTE["undisputed"])
    assert fills[2000] == (PALETTE["unclaimed"], PALETTE["disputed"])


def test_the_line_set_changes_with_the_slider_without_remounting(server, page):
    page.goto(f"{server}/?date=1860-01-01")
    frame = map_frame(page)
    wait_for_view(frame, snapped(dt.date(1860, 1, 1)))
    assert drawn_lines(frame) == {"shimoda-1855"}
    frame.locator("body").evaluate("() => { window.__mounted_marker = 7; }")
    page.get_by_role("slider").first.focus()
    page.keyboard.press("End")
    last = SITE.stop_dates[-1]
    wait_for_view(frame, last)
    expect(frame.locator(".leaflet-boundaries-pane path.boundary-article-9-1956")).to_have_count(1)
    assert drawn_lines(frame) == set(boundaries_at(SITE.dataset, last))
    assert frame.locator("body").evaluate("() => window.__mounted_marker") == 7
