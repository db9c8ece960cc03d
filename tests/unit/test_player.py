"""geo.player: Play / Pause, Previous / Next and the timer's step."""

from __future__ import annotations

import datetime as dt

from geo import player

DATES = [dt.date(1855, 2, 7), dt.date(1875, 5, 7), dt.date(1905, 9, 5)]


def fresh(date: dt.date) -> dict:
    state = {"date": date}
    player.start(state)
    return state


def test_a_tick_steps_once_an_interval_has_passed_and_stops_at_the_end():
    state = fresh(DATES[0])
    assert not player.tick(state, DATES, 100.0)  # not playing
    player.toggle(state, DATES, now=100.0)
    assert state["playing"]
    assert not player.tick(state, DATES, 100.5)  # another rerun, too soon
    assert player.tick(state, DATES, 100.0 + player.PLAY_SECONDS)
    assert state["date"] == DATES[1]
    assert state["playing"]
    assert player.tick(state, DATES, 100.0 + 2 * player.PLAY_SECONDS)
    assert state["date"] == DATES[2]
    assert not state["playing"]  # the last stop
    assert not player.tick(state, DATES, 100.0 + 3 * player.PLAY_SECONDS)


def test_play_at_the_end_starts_from_the_first_stop_and_pause_keeps_the_date():
    state = fresh(DATES[-1])
    assert player.toggle(state, DATES, 0.0)
    assert (state["date"], state["playing"]) == (DATES[0], True)
    assert not player.toggle(state, DATES, 1.0)
    assert (state["date"], state["playing"]) == (DATES[0], False)


def test_previous_and_next_stop_playing_and_hold_at_the_ends():
    state = fresh(DATES[1])
    player.toggle(state, DATES, 0.0)
    player.move(state, DATES, 1)
    assert (state["date"], state["playing"]) == (DATES[2], False)
    player.move(state, DATES, 1)
    assert state["date"] == DATES[2]
    player.move(state, DATES, -5)
    assert state["date"] == DATES[0]


def test_a_jump_goes_to_the_date_and_stops_playing():
    state = fresh(DATES[0])
    player.toggle(state, DATES, 0.0)
    player.jump(state, DATES[2])
    assert (state["date"], state["playing"]) == (DATES[2], False)
