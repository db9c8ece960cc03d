"""The islands joined to their status at a date as GeoJSON, with the collection's
`citation`, `licence` and `attribution` as foreign members (RFC 7946, 6.1) before
the features; each feature's properties are the join's, unchanged."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from geo.export.citation import attribution, citation, geometry_licence

if TYPE_CHECKING:
    from geo.site import Site


def with_citation(geojson: str, date: dt.date) -> str:
    """`geojson` (a FeatureCollection) with the citation members of `date` added."""
    doc = json.loads(geojson)
    if doc.get("type") != "FeatureCollection":
        raise ValueError("with_citation needs a FeatureCollection")
    cited = {
        "type": "FeatureCollection",
        "citation": citation(date),
        "licence": geometry_licence(),
        "attribution": attribution(date),
        **{k: v for k, v in doc.items() if k != "type"},
    }
    return json.dumps(cited, ensure_ascii=False)


def islands_download(site: Site, date: dt.date) -> str:
    """The GeoJSON download at `date`."""
    return with_citation(site.status_geojson(date), date)
