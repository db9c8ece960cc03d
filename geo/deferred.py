"""What a first visit waits for: the page sends the map, the timeline's slider and the
top of the island panel first, and the rest (the timeline's buttons and eras, the
island box, the positions, the share row, the claims list) once the map says its
islands are drawn (or that Leaflet did not load); if it never says so, the first run
after geo.config.rest_after_seconds() (KURIL_REST_AFTER, default 3 s) shows it. Sent
with the map, that rest delayed a first visit's islands by about a fifth, and the
controls alone (each a lazily loaded widget type) by about a tenth (docs/performance.md).

The map's word arrives as st_folium's value, so it reruns only the dated view, as a
click on the map does: no full rerun and no timer, which Streamlit could run into a
full run still under way on a busy server.

On the page's state (Streamlit's session state, a dict in the tests) under the keys
'map_drawn' and 'visit_began'."""

from __future__ import annotations

from typing import Any

from geo.config import rest_after_seconds
from geo.player import State

DRAWN_FLAG = "kuril_map_drawn"  # the key the map sets to true in st_folium's value


def start(state: State, now: float) -> None:
    """A new visit: the rest waits (unless the state already says the map is drawn)."""
    if "map_drawn" not in state:
        state["map_drawn"] = False
    state["visit_began"] = now


def map_says_drawn(value: Any) -> bool:
    """Whether st_folium's value carries the map's flag (anything else is ignored)."""
    return isinstance(value, dict) and value.get(DRAWN_FLAG) is True


def update(state: State, map_value: Any, now: float) -> bool:
    """Show the rest from now on if the map said it is drawn or the fallback's time
    has passed; it then stays shown for the visit. True if this call showed it."""
    if state["map_drawn"]:
        return False
    if map_says_drawn(map_value) or now - state["visit_began"] >= rest_after_seconds():
        state["map_drawn"] = True
        return True
    return False
