"""How to cite the project's data and under which licences its parts are: the one
place these words live, for the downloads and for the page's About text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from geo.i18n import N_, _, format_date

PROJECT = "Kuril Dispute Map"
MAP_TITLE = N_("Southern Kuril Islands / Northern Territories")
CODE_LICENCE = "MIT"
COMPILATION_LICENCE = "CC-BY-4.0"  # SPDX id
COMPILATION_LICENCE_TITLE = "Creative Commons Attribution 4.0 International"
COMPILATION_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
COASTLINE_LICENCE = "LGPL-3.0-or-later"  # SPDX id
COASTLINE_LICENCE_TITLE = "GNU Lesser General Public License v3.0 or later"
COASTLINE_LICENCE_URL = "https://www.gnu.org/licenses/lgpl-3.0.html"
COASTLINE_SOURCE = "GSHHG, Wessel & Smith (1996)"
COASTLINE_URL = "https://www.soest.hawaii.edu/pwessel/gshhg/"
AREA_SOURCE = "Geospatial Information Authority of Japan (GSI)"

COASTLINE = f"Coastlines: {COASTLINE_SOURCE}, {COASTLINE_LICENCE}"
QUOTES = (
    "Quotes are short attributed excerpts from the linked articles; their copyright "
    "belongs to the articles' publishers."
)
COMPILATION = (
    f"The project's own descriptions, summaries, paraphrased positions and the data "
    f"compilation: CC BY 4.0 ({PROJECT})."
)
# Everything in one paragraph, e.g. for an About text.
LICENCE_NOTE = (
    f"Code: {CODE_LICENCE}. {COMPILATION} {COASTLINE} (the island and land shapes are "
    f"derived from it and keep its licence). {QUOTES} Official areas: {AREA_SOURCE}."
)


def attribution(date: dt.date) -> str:
    """The credit line of a map or file at `date`."""
    return _("{project}, status at {date} (data CC BY 4.0) · {coastline}").format(
        project=PROJECT, date=format_date(date), coastline=COASTLINE
    )


def citation(date: dt.date) -> str:
    """How to cite the data at `date`."""
    return (
        f"{PROJECT}: the southern Kuril Islands / Northern Territories, status at "
        f"{format_date(date)}. "
        f"Data compilation CC BY 4.0; coastlines {COASTLINE_SOURCE}, {COASTLINE_LICENCE}."
    )


def geometry_licence() -> str:
    """The licence of a file holding the island shapes and our properties for them."""
    return (
        f"Properties (names, status, areas, claim counts): CC BY 4.0 ({PROJECT}). "
        f"Geometry: derived from GSHHG, {COASTLINE_LICENCE} ({COASTLINE_LICENCE_URL})."
    )


def claim_citation(claim: Mapping[str, object]) -> str:
    """A claim's reference: speaker, date said, occasion, outlet (and the original
    publisher where the outlet reprinted it), the original URL."""
    outlet, publisher = str(claim["outlet"]), str(claim["original_publisher"])
    where = outlet if outlet == publisher else f"{publisher}, via {outlet}"
    parts = [f"{claim['speaker']}, {claim['date_label']}, {claim['occasion']}", where]
    if claim.get("url"):
        parts.append(str(claim["url"]))
    return ". ".join(parts)


def claim_licence(claim: Mapping[str, object]) -> str:
    """What a claim row may be reused under: a quote is the publisher's; a reported
    position, like every other field, is in our own words."""
    ours = f"CC BY 4.0 ({PROJECT})"
    if claim["kind"] == "quote":
        return (
            f"text: a short attributed excerpt, copyright {claim['original_publisher']}; "
            f"other fields: {ours}"
        )
    return f"text and other fields: our own words, {ours}"


# The Frictionless Data Package `licenses` list: the compilation, and the geometry's.
PACKAGE_LICENSES: tuple[dict[str, str], ...] = (
    {
        "name": COMPILATION_LICENCE,
        "path": COMPILATION_LICENCE_URL,
        "title": COMPILATION_LICENCE_TITLE,
    },
    {"name": COASTLINE_LICENCE, "path": COASTLINE_LICENCE_URL, "title": COASTLINE_LICENCE_TITLE},
)
