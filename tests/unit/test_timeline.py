"""geo.timeline: one stop per event date, and what changed at each."""

from __future__ import annotations

import datetime as dt

from geo.timeline import (
    LABEL_TITLE_LIMIT,
    MAP_MARK,
    era_counts,
    era_of,
    era_start,
    map_state,
    short_title,
    step,
)
from tests.conftest import repo_site

SITE = repo_site()


def test_one_stop_per_distinct_event_date_in_order():
    dates = [s.date for s in SITE.stops]
    assert dates == sorted({e.date for e in SITE.dataset.events})
    listed = [eid for s in SITE.stops for eid in s.event_ids]
    assert sorted(listed) == sorted(e.id for e in SITE.dataset.events)
    for stop in SITE.stops:
        first = next(e for e in SITE.dataset.events if e.id == stop.event_ids[0])
        assert short_title(first.title) in stop.label


def test_labels_are_short_and_plain():
    for stop in SITE.stops:
        title = stop.label.split(" · ", 1)[1]
        assert len(title) <= LABEL_TITLE_LIMIT, stop.label
        assert "(+" not in stop.label
    assert short_title("Treaty of Saint Petersburg exchanges Sakhalin for the Kurils", 44) == (
        "Treaty of Saint Petersburg exchanges…"
    )
    assert short_title("Short title") == "Short title"


def test_the_stops_that_change_the_map_are_marked():
    marked = {s.date for s in SITE.stops if s.changes_map}
    for stop in SITE.stops:
        assert stop.label.startswith(MAP_MARK) == stop.changes_map
    # the treaties that moved a line or a colour, and the occupation of 1945
    for date in ("1855-02-07", "1875-05-07", "1905-09-05", "1945-08-25", "1956-10-19"):
        assert dt.date.fromisoformat(date) in marked
    # statements that change neither a colour nor a line
    for date in ("1943-12-01", "1993-10-13", "2019-01-16"):
        assert dt.date.fromisoformat(date) not in marked
    # a marked stop really changes what map_state gives, an unmarked one does not
    for before, stop in zip(SITE.stops, SITE.stops[1:], strict=False):
        now = map_state(SITE.model, SITE.dataset, stop.date)
        assert (now != map_state(SITE.model, SITE.dataset, before.date)) == stop.changes_map


def test_eras_share_the_slider_by_their_number_of_stops():
    counts = era_counts(SITE.stop_dates)
    assert [e.label for e, _ in counts] == ["to 1945", "1945–56", "1956–91", "1991–"]
    assert sum(n for _, n in counts) == len(SITE.stop_dates)
    assert era_of(dt.date(1956, 10, 19)).label == "1956–91"
    assert era_of(dt.date(1956, 10, 18)).label == "1945–56"
    assert era_start(SITE.stop_dates, "1956–91") == dt.date(1956, 10, 19)
    assert era_start(SITE.stop_dates, "to 1945") == SITE.stop_dates[0]


def test_step_moves_between_stops_and_holds_at_the_ends():
    dates = SITE.stop_dates
    assert step(dates, dates[0], -1) == dates[0]
    assert step(dates, dates[0], 1) == dates[1]
    assert step(dates, dates[-1], 1) == dates[-1]
    assert step(dates, dates[5], -1) == dates[4]


def test_what_changed_when_the_declaration_is_signed():
    from geo.timeline import changes_at

    lines = changes_at(SITE.model, SITE.names, dt.date(1956, 10, 19))
    assert any(line.startswith("Shikotan, 1956 Declaration: Article 9") for line in lines)
    assert any(line.startswith("Iturup / Etorofu, 1956 Declaration: Not covered") for line in lines)


def test_nothing_changed_between_events():
    from geo.timeline import changes_at

    quiet = next(d for d in (dt.date(1930, 6, 1), dt.date(1970, 6, 1)) if d not in SITE.stop_dates)
    assert changes_at(SITE.model, SITE.names, quiet) == []


def test_the_memorandum_is_reported_as_a_new_condition():
    from geo.timeline import changes_at

    lines = changes_at(SITE.model, SITE.names, dt.date(1960, 1, 27))
    assert any(line.startswith("New condition, stated by the Soviet Union:") for line in lines)
    assert not any("in force" in line for line in lines)


def test_what_changed_covers_the_regions_and_the_lines():
    lines = SITE.changes_at(dt.date(1905, 9, 5))
    assert lines == [
        "Sakhalin south of 50°N: Administered by the Russian Empire, no other claimant → "
        "Administered by Japan, no other claimant.",
        "Line drawn: 1905 Treaty of Portsmouth: 50°N on Sakhalin.",
    ]
    assert any(
        line.startswith("Line removed: 1905 Treaty of Portsmouth")
        for line in SITE.changes_at(dt.date(1945, 8, 25))
    )
