"""The page as a reader meets it: the map first at desktop and phone widths, and a
timeline that steps and plays, writing the URL as it goes."""

from __future__ import annotations

import re

from tests.conftest import repo_site
from tests.support.browser import (
    MAP_FRAME,
    map_frame,
    wait_settled,
)

STOPS = repo_site().stop_dates


def map_box(page) -> dict:
    """The map's frame once the page has drawn it and settled (a click before the first
    run has finished may be lost to it)."""
    map_frame(page).locator("path.island-habomai").first.wait_for(state="attached")
    wait_settled(page)
    box = page.locator(MAP_FRAME).last.bounding_box()
    assert box is not None
    return box


def test_the_map_comes_first_on_a_desktop(server, page):
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(server)
    box = map_box(page)
    assert box["y"] <= 400, box
    assert box["height"] >= 480, box


def test_the_map_starts_within_one_and_a_third_screens_on_a_phone(server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server)
    box = map_box(page)
    assert box["y"] <= 1.3 * 844, box
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390  # no sideways scrolling


def test_previous_and_next_move_the_date_and_the_url(server, page):
    index = STOPS.index(STOPS[-10])
    page.goto(f"{server}/?date={STOPS[index].isoformat()}")
    map_box(page)
    page.get_by_role("button", name="Next ▶").click()
    page.wait_for_url(re.compile(rf"[?&]date={STOPS[index + 1].isoformat()}(&|$)"))
    page.get_by_role("button", name="◀ Previous").click()
    page.get_by_role("button", name="◀ Previous").click()
    page.wait_for_url(re.compile(rf"[?&]date={STOPS[index - 1].isoformat()}(&|$)"))


def test_play_steps_the_url_through_the_stops_and_stops_at_the_end(server, page):
    page.goto(f"{server}/?date={STOPS[-3].isoformat()}")
    map_box(page)
    page.get_by_role("button", name="▶ Play").click()
    page.get_by_role("button", name="⏸ Pause").wait_for()
    for date in (STOPS[-2], STOPS[-1]):  # one step every 2.5 s
        page.wait_for_url(re.compile(rf"[?&]date={date.isoformat()}(&|$)"), timeout=15_000)
    page.get_by_role("button", name="▶ Play").wait_for(timeout=15_000)  # stopped at the end
    slider = page.get_by_role("slider").first
    assert repo_site().stop_label(STOPS[-1]) in (slider.get_attribute("aria-valuetext") or "")


def test_after_fast_moves_the_url_ends_on_the_date_shown(server, page):
    """Arrow keys pressed faster than the reruns: once the page settles, the address
    bar's date is the one the map key shows (an earlier run's URL may not win)."""
    from geo.i18n import format_date

    page.goto(f"{server}/?date={STOPS[-8].isoformat()}")
    map_box(page)
    slider = page.get_by_role("slider").first
    slider.focus()
    for key in ["ArrowLeft"] * 5 + ["ArrowRight"] * 3 + ["ArrowLeft", "ArrowRight"] * 4:
        page.keyboard.press(key)
    labels = {d.isoformat(): f"Map key, {format_date(d)}" for d in STOPS}
    page.wait_for_function(
        """labels => {
          const running = document.querySelector('[data-testid="stStatusWidget"]');
          const date = new URLSearchParams(location.search).get('date');
          return !running && date && document.body.innerText.includes(labels[date]);
        }""",
        arg=labels,
    )
