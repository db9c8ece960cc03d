"""Playing the timeline: Play / Pause, Previous / Next and the timer's step, on the
page's state (Streamlit's session state in the app, a dict in the tests) under the
keys 'date', 'playing' and 'played_at'."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from geo.timeline import step

PLAY_SECONDS = 2.5  # one step this often while playing


class State(Protocol):
    """What the player needs of the page's state (Streamlit's session state has it)."""

    def __getitem__(self, key: str) -> Any: ...
    def __setitem__(self, key: str, value: Any) -> None: ...
    def __contains__(self, key: object) -> bool: ...


def start(state: State) -> None:
    """Not playing, as a session starts."""
    state["playing"] = False
    state["played_at"] = 0.0


def toggle(state: State, dates: list[dt.date], now: float) -> bool:
    """Play from the date (from the first stop if at the last), or pause. True if
    the date changed."""
    moved = not state["playing"] and state["date"] == dates[-1]
    if moved:
        state["date"] = dates[0]
    state["playing"] = not state["playing"]
    state["played_at"] = now
    return moved


def move(state: State, dates: list[dt.date], offset: int) -> None:
    """Previous (-1) or Next (+1): a step by hand, which stops playing."""
    state["date"] = step(dates, state["date"], offset)
    state["playing"] = False


def jump(state: State, date: dt.date) -> None:
    """To a date chosen by hand (an era's first stop), which stops playing."""
    state["date"] = date
    state["playing"] = False


def tick(state: State, dates: list[dt.date], now: float) -> bool:
    """A timer run while playing: one step on once most of an interval has passed
    since the last (other reruns in between do not step), stopping at the last
    stop. True if the date changed."""
    if not state["playing"] or now - state["played_at"] < 0.8 * PLAY_SECONDS:
        return False
    state["date"] = step(dates, state["date"], 1)
    state["played_at"] = now
    state["playing"] = state["date"] != dates[-1]
    return True
