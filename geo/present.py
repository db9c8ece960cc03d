"""Markdown for the app's panels, built from data with every value escaped:
claim cards, the island panel, events and what changed, positions, the legend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from urllib.parse import quote

from geo.export.citation import LICENCE_NOTE
from geo.i18n import format_date
from geo.map.palette import THEME_COLOUR
from geo.models import Event, Source
from geo.search import Query
from geo.status import DisputeStatus, IslandStatus, moscow_name
from geo.text import md_escape


def md_link(label: str, url: str) -> str:
    """A markdown link whose label and URL cannot break out of the link."""
    safe_url = quote(url, safe=":/?#[]@!$&'*+,;=%~-._")
    safe_url = safe_url.replace("(", "%28").replace(")", "%29")
    return f"[{md_escape(label)}]({safe_url})"


HIGHLIGHT = "#FFE066"  # a found word's background: dark text stays above 4.5:1 on it


def marked(text: str, query: Query | None = None) -> str:
    """`text` escaped, with the places the query's words were found highlighted."""
    spans = query.spans(text) if query else []
    out, at = [], 0
    for start, end in spans:
        out.append(md_escape(text[at:start]))
        out.append(f':color[{md_escape(text[start:end])}]{{background="{HIGHLIGHT}"}}')
        at = end
    out.append(md_escape(text[at:]))
    return "".join(out)


def source_label(row: Mapping) -> str:
    """A claim's source as its link text: outlet (and original publisher) and the
    article's date, e.g. 'TASS via Inforos, 15 Aug 2019'."""
    outlet = str(row["outlet"])
    if row["original_publisher"] and row["original_publisher"] != outlet:
        outlet = f"{row['original_publisher']} via {outlet}"
    published = row.get("published")
    if not published:
        return outlet
    return f"{outlet}, {format_date(published, str(row.get('published_precision') or 'day'))}"


def claim_markdown(
    row: Mapping, island: str | None = None, query: Query | None = None, linked: bool = False
) -> str:
    """One claim: who said it and when, the words, the occasion and the source link,
    how the date was established; the search's words highlighted."""
    when = f"said {md_escape(row['date_label'])}"
    if row["date_confidence"] != "high":
        when += f" ({md_escape(row['date_confidence'])} confidence)"
    head = f"**{marked(row['speaker'], query)}**, {md_escape(row['role'])} · {when}"
    if linked:
        head = "**Linked claim** · " + head
    if row["kind"] == "quote":
        body = f"“{marked(row['text'], query)}”  \n*In short:* {marked(row['summary'], query)}"
    else:
        body = "*Reported position, not a direct quote:* " + marked(row["text"], query)
    occasion = marked(row["occasion"], query)
    if row["place"]:
        occasion += ", " + md_escape(row["place"])
    label = source_label(row)
    link = md_link(label, row["url"]) if row["url"] else md_escape(label)
    scope = ""
    if row["scope"] == "dispute":
        scope = " · *about the whole dispute*"
    elif island is None:
        scope = " · about " + md_escape(", ".join(row["islands"].split(";")).title())
    return (
        f"{head}\n\n{body}\n\n{occasion} · {link}{scope}  \n"
        f"*How the date was established:* {md_escape(row['date_basis'])}"
    )


def names_markdown(island: Mapping) -> str:
    return (
        f"**English:** {md_escape(island['name_en'])} · "
        f"**Russian:** {md_escape(island['name_ru'])} · "
        f"**Japanese:** {md_escape(island['name_ja'])} ({md_escape(island['name_ja_romaji'])})"
    )


def area_markdown(island: Mapping) -> str:
    return (
        f"**Area:** {island['area_gsi_km2']:,.2f} km² official "
        f"(Japan GSI, 1 Jan 2025, {md_escape(str(island['area_gsi_basis']))}); "
        f"{island['area_km2']:,.2f} km² polygon (GSHHG, {int(island['parts'])} "
        f"part{'s' if int(island['parts']) != 1 else ''})"
    )


def status_markdown(status: IslandStatus, dispute: DisputeStatus) -> str:
    lines = [f"**Status:** {md_escape(status.label)}"]
    if status.changed_on:
        lines[0] += f" (since {md_escape(format_date(status.changed_on))})"
    lines.append(f"**1956 Joint Declaration:** {md_escape(status.declaration_text)}")
    for c in dispute.conditions:
        lines.append(f"**{md_escape(c.heading)}:** {md_escape(c.text)}")
    return "  \n".join(lines)


def position_markdown(dispute: DisputeStatus, side: str) -> tuple[str, str]:
    """(heading, body) for one side's position at the dispute status's date."""
    position = dispute.position(side)
    who = "Japan"
    if side == "russia":
        who = moscow_name(position.since) if position else "Russia"
    if position is None:
        return who, "*No position recorded for this date.*"
    return who, (
        f"{md_escape(position.text)}  \n*Stated position since "
        f"{md_escape(format_date(position.since))}.*"
    )


def event_markdown(event: Event, sources: dict[str, Source]) -> str:
    parts = [
        f"**{md_escape(format_date(event.date, event.precision))} — {md_escape(event.title)}**",
        md_escape(event.description),
    ]
    # The primary or official reference first, then further ones; the news article
    # that mentions the event (where the claims come from) last.
    refs = [
        md_link(f"{ref.publisher}: {ref.title}", str(ref.url))
        for ref in (event.reference, *event.more)
        if ref is not None
    ]
    if refs:
        parts.append("Reference: " + " · ".join(refs))
    if event.source:
        src = sources[event.source]
        label = f"{src.original_publisher}: {src.headline}"
        article = md_link(label, str(src.url)) if src.url else md_escape(label)
        parts.append(("Mentioned in: " if refs else "Source: ") + article)
    return "  \n".join(parts)


def island_markdown(island: Mapping, status: IslandStatus, dispute: DisputeStatus) -> str:
    """An island's panel below its heading: names, areas and status, one block."""
    return "\n\n".join(
        (names_markdown(island), area_markdown(island), status_markdown(status, dispute))
    )


def stop_markdown(events: Iterable[Event], sources: dict[str, Source], changed: list[str]) -> str:
    """The box for a timeline stop: its events, then what changed at that date."""
    parts = [event_markdown(e, sources) for e in events]
    if changed:
        parts.append("**What changed:**  \n" + "  \n".join("• " + md_escape(c) for c in changed))
    return "\n\n".join(parts)


def positions_markdown(dispute: DisputeStatus) -> tuple[str, str]:
    """Moscow's and Tokyo's positions at the date, each a heading and its text."""
    blocks = []
    for side in ("russia", "japan"):
        heading, body = position_markdown(dispute, side)
        blocks.append(f"**{md_escape(heading)}**  \n{body}")
    return blocks[0], blocks[1]


LINE_SYMBOL = {"treaty": "━━", "administrative": "▬▬", "claimed": "─·─", "hypothetical": "┄┄"}


def legend_markdown(
    date: dt.date, entries: Iterable[tuple[str, str]], lines: Iterable[tuple[str, str]] = ()
) -> str:
    """The colour key at `date`: a title, then for each category on the map then
    (`StatusModel.legend_at`) a swatch in the theme colour that matches its status
    colour and its wording at that date; then the lines drawn, (kind, name)."""
    rows = [f"**Map key, {md_escape(format_date(date))}**"]
    rows += [f":{THEME_COLOUR[key]}[■■] {md_escape(label)}" for key, label in entries]
    rows += [f"`{LINE_SYMBOL[kind]}` {md_escape(name)}" for kind, name in lines]
    return "  \n".join(rows)


def overview_markdown(names: dict[str, str], statuses: dict[str, IslandStatus]) -> str:
    """One line per island: its name and status label."""
    return "  \n".join(
        f"**{md_escape(names[i])}** — {md_escape(s.label)}" for i, s in statuses.items()
    )


def claims_count(
    name: str | None, count: int, total: int, date: dt.date, search: str, filtered: bool
) -> tuple[str, str]:
    """The claims list's heading, and how many of the claims said by `date` it shows:
    '36 claims said by 1 Dec 2026' or '4 of 36 claims said by … match “Lavrov”'."""
    about = f" about {md_escape(name)}" if name else ""
    said = f"said by {md_escape(format_date(date))}"
    if not (search or filtered):
        text = f"{total} claim{'s' if total != 1 else ''} {said}"
    else:
        why = [f"match “{md_escape(search)}”"] if search else []
        why += ["pass the filters"] if filtered else []
        text = f"{count} of {total} claims {said} " + " and ".join(why)
    return f"#### Claims{about}", text + (", newest first." if count > 1 else ".")


def about_markdown(sources: dict[str, Source]) -> str:
    """The sidebar's about text: the wording rule, the sources, the data credits."""
    return (
        "### About\n"
        "Status wording is neutral: each side's position is given in its own terms, as it "
        "stood at the date. Quotes are verbatim from the news articles listed below; "
        "positions marked as reported are in our own words, from the articles or from the "
        "official documents listed. Dates are when the words were said.\n\n"
        "### Sources\n" + sources_markdown(sources) + "\n\n"
        "### Licences\n" + md_escape(LICENCE_NOTE)
    )


def sources_markdown(sources: dict[str, Source]) -> str:
    """The list of source articles, each linked where the original was found."""
    lines = []
    for src in sources.values():
        label = f"{src.original_publisher}, {format_date(src.published)}: {src.headline}"
        lines.append("- " + (md_link(label, str(src.url)) if src.url else md_escape(label)))
    return "\n".join(lines)
