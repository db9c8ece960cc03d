"""Ready citations, as plain text and BibTeX: of one claim (speaker, date said,
occasion, outlet, original URL and the claim's permalink) and of a whole view of
the map (date, island, filters, search and its address)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from geo.export.citation import PROJECT
from geo.i18n import _, format_date


@dataclass(frozen=True)
class Citation:
    """The same reference twice: a sentence to paste, and a BibTeX entry."""

    plain: str
    bibtex: str


_BIB_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
_BIB_WORD = {"\\": r"\textbackslash{}", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}


def bib_escape(text: str) -> str:
    """`text` safe inside a BibTeX field in braces: LaTeX's specials escaped, line
    breaks and control characters as spaces."""
    flat = "".join(ch if ch.isprintable() else " " for ch in text)
    return _BIB_SPECIAL.sub(lambda m: _BIB_WORD.get(m.group(1), "\\" + m.group(1)), flat)


def bib_key(text: str) -> str:
    """A citation key: letters, digits and '-' ':' only."""
    return re.sub(r"[^A-Za-z0-9:-]+", "-", text).strip("-") or "kuril"


def bibtex(kind: str, key: str, fields: Sequence[tuple[str, str]]) -> str:
    """A BibTeX entry; the author in double braces, kept whole as one person's name."""
    lines = []
    for name, value in fields:
        if value:
            text = bib_escape(value)
            braced = f"{{{text}}}" if name == "author" else text
            lines.append(f"  {name} = {{{braced}}}")
    body = ",\n".join(lines)
    return f"@{kind}{{{bib_key(key)},\n{body}\n}}"


def claim_citation(row: Mapping, permalink: str, accessed: dt.date) -> Citation:
    """A claim (a row of the claims table) cited with its permalink."""
    said: dt.date = row["said_on"].date() if hasattr(row["said_on"], "date") else row["said_on"]
    when = format_date(said, str(row["date_precision"]))
    outlet = str(row["outlet"])
    if row["original_publisher"] and row["original_publisher"] != outlet:
        outlet = _("{publisher} (via {outlet})").format(
            publisher=row["original_publisher"], outlet=outlet
        )
    quoted = row["kind"] == "quote"
    kind = _("Quoted") if quoted else _("Reported (not a direct quote)")
    occasion = str(row["occasion"]) + (_(", ") + str(row["place"]) if row["place"] else "")
    url = str(row["url"] or "")
    source = f"“{row['headline']}”" + (f", {url}" if url else "")
    plain = _(
        "{speaker} ({role}), {occasion}, {when}. {kind} in: {outlet}, {source}. "
        "{project}, claim {id}: {permalink} (accessed {accessed})."
    ).format(
        speaker=row.get("speaker_shown") or row["speaker"],
        role=row["role"],
        occasion=occasion,
        when=when,
        kind=kind,
        outlet=outlet,
        source=source,
        project=PROJECT,
        id=row["id"],
        permalink=permalink,
        accessed=format_date(accessed),
    )
    fields = [
        ("author", str(row.get("speaker_shown") or row["speaker"])),
        ("title", f"{occasion}, {when}"),
        (
            "howpublished",
            _("{kind} in {outlet}: {headline}").format(
                kind=kind, outlet=outlet, headline=row["headline"]
            ),
        ),
        ("date", said.isoformat() if row["date_precision"] == "day" else str(said.year)),
        ("url", url),
        ("note", f"{row['role']}. {PROJECT}, claim {row['id']}: {permalink}"),
        ("urldate", accessed.isoformat()),
    ]
    return Citation(plain, bibtex("misc", str(row["id"]), fields))


def view_citation(parts: Sequence[str], url: str, date: dt.date, accessed: dt.date) -> Citation:
    """A view of the map: what it shows (date first), its address."""
    what = _("; ").join(parts)
    title = _("{project}: view of {what}").format(project=PROJECT, what=what)
    plain = _("{title}. {url} (accessed {accessed}).").format(
        title=title, url=url, accessed=format_date(accessed)
    )
    fields = [
        ("title", title),
        ("url", url),
        ("urldate", accessed.isoformat()),
        (
            "note",
            _("Interactive map; status and positions as at {date}").format(date=date.isoformat()),
        ),
    ]
    return Citation(plain, bibtex("misc", f"kuril-map-{date.isoformat()}", fields))
