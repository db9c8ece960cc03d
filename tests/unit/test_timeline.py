"""geo.timeline: one stop per event date, and what changed at each."""

from __future__ import annotations

import datetime as dt

from tests.conftest import repo_site

SITE = repo_site()


def test_one_stop_per_distinct_event_date_in_order():
    dates = [s.date for s in SITE.stops]
    assert dates == sorted({e.date for e in SITE.dataset.events})
    listed = [eid for s in SITE.stops for eid in s.event_ids]
    assert sorted(listed) == sorted(e.id for e in SITE.dataset.events)
    for stop in SITE.stops:
        first = next(e for e in SITE.dataset.events if e.id == stop.event_ids[0])
        assert first.title in stop.label


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
