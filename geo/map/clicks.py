"""What st_folium returns after a click: which of our islands was clicked, and a
signature of the click so the same click is not applied twice."""

from __future__ import annotations

import math
from typing import Any

from geo import ISLAND_IDS


def clicked_island(returned: Any) -> str | None:
    """The island id in st_folium's `last_active_drawing`, if it is one of ours."""
    if not isinstance(returned, dict):
        return None
    drawing = returned.get("last_active_drawing")
    if not isinstance(drawing, dict):
        return None
    props = drawing.get("properties")
    island = props.get("id") if isinstance(props, dict) else None
    return island if island in ISLAND_IDS else None


def click_signature(returned: Any) -> str | None:
    """Identifies one click, so the same click is not applied twice: the island and
    where it was clicked, rounded to 6 decimals (about 10 cm). Made of those alone,
    never of the returned object, so it stays short whatever a client sends."""
    island = clicked_island(returned)
    if island is None:
        return None
    point = returned.get("last_object_clicked")
    lat = _coordinate(point.get("lat")) if isinstance(point, dict) else None
    lng = _coordinate(point.get("lng")) if isinstance(point, dict) else None
    return f"{island}@{lat},{lng}"


def _coordinate(value: Any) -> str | None:
    """A latitude or longitude as 6 decimals; None unless a finite number in range."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or abs(value) > 360:
        return None
    return f"{value:.6f}"


def new_click(returned: Any, last: str | None) -> tuple[str, str] | None:
    """(island, signature) of a click on an island not applied yet (`last` is the
    signature of the one applied before), else None."""
    signature = click_signature(returned)
    island = clicked_island(returned)
    if signature is None or island is None or signature == last:
        return None
    return island, signature
