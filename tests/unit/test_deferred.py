"""geo.deferred: on a first visit the rest of the page waits for the map's word, or
for the fallback time."""

from __future__ import annotations

import pytest

from geo import deferred
from geo.config import rest_after_seconds
from geo.deferred import DRAWN_FLAG


@pytest.fixture
def state() -> dict:
    s: dict = {}
    deferred.start(s, now=100.0)
    return s


def test_a_visit_starts_with_the_rest_waiting(state):
    assert state == {"map_drawn": False, "visit_began": 100.0}


def test_a_state_that_says_drawn_keeps_it():
    s = {"map_drawn": True}
    deferred.start(s, now=5.0)
    assert s["map_drawn"] is True


@pytest.mark.parametrize(
    "value",
    [
        None,
        "kuril_map_drawn",
        [DRAWN_FLAG],
        {DRAWN_FLAG: "true"},
        {DRAWN_FLAG: 1},
        {DRAWN_FLAG: False},
        {"last_active_drawing": None},
        {"kuril_map_drawn ": True},
    ],
)
def test_only_the_map_s_flag_counts(state, value):
    assert not deferred.map_says_drawn(value)
    assert deferred.update(state, value, now=100.5) is False
    assert state["map_drawn"] is False


def test_the_map_s_flag_shows_the_rest_once_and_for_the_visit(state):
    value = {DRAWN_FLAG: True, "last_active_drawing": None, "last_object_clicked": None}
    assert deferred.update(state, value, now=100.4) is True
    assert state["map_drawn"] is True
    assert deferred.update(state, value, now=100.5) is False  # already shown
    assert deferred.update(state, {"last_active_drawing": None}, now=101) is False
    assert state["map_drawn"] is True  # a later click's value does not hide it again


def test_without_the_flag_the_rest_comes_after_the_fallback_time(state, monkeypatch):
    monkeypatch.delenv("KURIL_REST_AFTER", raising=False)
    assert deferred.update(state, None, now=102.9) is False
    assert deferred.update(state, None, now=103.0) is True
    assert state["map_drawn"] is True


@pytest.mark.parametrize(
    ("setting", "seconds"),
    [
        (None, 3.0),
        ("", 3.0),
        ("10", 10.0),
        ("0.5", 0.5),
        ("3600", 3600.0),
        ("0.1", 3.0),
        ("-4", 3.0),
        ("1e9", 3.0),
        ("nan", 3.0),
        ("inf", 3.0),
        ("soon", 3.0),
    ],
)
def test_the_fallback_time_is_read_when_used(monkeypatch, setting, seconds):
    if setting is None:
        monkeypatch.delenv("KURIL_REST_AFTER", raising=False)
    else:
        monkeypatch.setenv("KURIL_REST_AFTER", setting)
    assert rest_after_seconds() == seconds
    state: dict = {}
    deferred.start(state, now=0.0)
    assert deferred.update(state, None, now=seconds - 0.01) is False
    assert deferred.update(state, None, now=seconds) is True
