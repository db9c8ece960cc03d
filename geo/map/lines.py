"""A boundary line as the map draws it: what the base map needs to draw every line
once (the per-date view then says which are shown)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BoundaryLine:
    """One boundary: a path with the classes 'boundary boundary-<id>'."""

    id: str
    name: str  # shown in its tooltip, e.g. "1855 Treaty of Shimoda: between Iturup and Urup"
    kind: str  # "treaty" | "administrative" | "claimed" | "hypothetical"
    latlngs: tuple[tuple[float, float], ...]  # (lat, lon) pairs, in order
    reference_label: str  # e.g. "Treaty of Shimoda (1855), Article 2"
    reference_url: str
