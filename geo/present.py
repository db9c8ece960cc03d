"""Markdown for the app's panels, built from data with every value escaped:
claim cards, the island panel, events and what changed, positions, the legend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from urllib.parse import quote

from geo.export.citation import LICENCE_NOTE
from geo.i18n import N_, _, current, format_date, format_decimal, ngettext
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
        outlet = _("{publisher} via {outlet}").format(
            publisher=row["original_publisher"], outlet=outlet
        )
    published = row.get("published")
    if not published:
        return outlet
    date = format_date(published, str(row.get("published_precision") or "day"))
    return _("{outlet}, {date}").format(outlet=outlet, date=date)


CONFIDENCE = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}
# Quotes stay as published (every source here is in English); said where the page is not.
QUOTED_AS_PUBLISHED = N_("quoted as published in English")


def claim_markdown(
    row: Mapping,
    island: str | None = None,
    query: Query | None = None,
    linked: bool = False,
    names: Mapping[str, str] | None = None,
) -> str:
    """One claim: who said it and when, the words, the occasion and the source link,
    how the date was established; the search's words highlighted."""
    when = md_escape(_("said {date}").format(date=row["date_label"]))
    if row["date_confidence"] != "high":
        confidence = _(CONFIDENCE[str(row["date_confidence"])])
        when += md_escape(_(" ({confidence} confidence)").format(confidence=confidence))
    speaker = row.get("speaker_shown") or row["speaker"]
    head = f"**{marked(speaker, query)}**, {md_escape(row['role'])} · {when}"
    if linked:
        head = _bold(_("Linked claim")) + " · " + head
    if row["kind"] == "quote":
        quoted = ""
        if current() != "en":
            quoted = f" *({md_escape(_(QUOTED_AS_PUBLISHED))})*"
        body = (
            f"“{marked(row['text'], query)}”{quoted}  \n"
            + _italic(_("In short:"))
            + f" {marked(row['summary'], query)}"
        )
    else:
        reported = md_escape(_("Reported position, not a direct quote:"))
        body = f"*{reported}* " + marked(row["text"], query)
    occasion = marked(row["occasion"], query)
    if row["place"]:
        occasion += md_escape(_(", ")) + md_escape(row["place"])
    label = source_label(row)
    link = md_link(label, row["url"]) if row["url"] else md_escape(label)
    scope = ""
    if row["scope"] == "dispute":
        scope = " · " + _italic(_("about the whole dispute"))
    elif island is None and names:
        about = _(", ").join(names[i] for i in str(row["islands"]).split(";") if i in names)
        scope = " · " + md_escape(_("about {islands}").format(islands=about))
    basis = md_escape(_("How the date was established:"))
    return (
        f"{head}\n\n{body}\n\n{occasion} · {link}{scope}  \n"
        f"*{basis}* {md_escape(row['date_basis'])}"
    )


def _bold(label: str) -> str:
    return f"**{md_escape(label)}**"


def _italic(label: str) -> str:
    return f"*{md_escape(label)}*"


AREA_BASIS = {
    "the main island": N_("the main island"),
    "the group, its islets included": N_("the group, its islets included"),
}


def names_markdown(island: Mapping) -> str:
    return _(" · ").join(
        (
            _bold(_("English:")) + " " + md_escape(island["name_en"]),
            _bold(_("Russian:")) + " " + md_escape(island["name_ru"]),
            _bold(_("Japanese:"))
            + f" {md_escape(island['name_ja'])} ({md_escape(island['name_ja_romaji'])})",
        )
    )


def area_markdown(island: Mapping) -> str:
    basis = str(island["area_gsi_basis"])
    parts = int(island["parts"])
    official = _("{area} km² official (Japan GSI, 1 Jan 2025, {basis})").format(
        area=format_decimal(island["area_gsi_km2"]), basis=_(AREA_BASIS.get(basis, basis))
    )
    polygon = ngettext(
        "{area} km² polygon (GSHHG, {parts} part)",
        "{area} km² polygon (GSHHG, {parts} parts)",
        parts,
    ).format(area=format_decimal(island["area_km2"]), parts=parts)
    return _bold(_("Area:")) + f" {md_escape(official)}; {md_escape(polygon)}"


def status_markdown(status: IslandStatus, dispute: DisputeStatus) -> str:
    label = status.label
    if status.changed_on:
        label = _("{status} (since {date})").format(
            status=label, date=format_date(status.changed_on)
        )
    lines = [_bold(_("Status:")) + " " + md_escape(label)]
    lines.append(_bold(_("1956 Joint Declaration:")) + " " + md_escape(status.declaration_text))
    for c in dispute.conditions:
        lines.append(_bold(c.heading + _(":")) + " " + md_escape(c.text))
    return "  \n".join(lines)


def position_markdown(dispute: DisputeStatus, side: str) -> tuple[str, str]:
    """(heading, body) for one side's position at the dispute status's date."""
    position = dispute.position(side)
    who = _("Japan")
    if side == "russia":
        who = _(moscow_name(position.since) if position else "Russia")
    if position is None:
        return who, _italic(_("No position recorded for this date."))
    since = _("Stated position since {date}.").format(date=format_date(position.since))
    return who, f"{md_escape(position.text)}  \n*{md_escape(since)}*"


def event_markdown(event: Event, sources: dict[str, Source]) -> str:
    title = _("{date} — {title}").format(
        date=format_date(event.date, event.precision), title=event.title
    )
    parts = [_bold(title), md_escape(event.description)]
    # The primary or official reference first, then further ones; the news article
    # that mentions the event (where the claims come from) last. Their titles are the
    # documents' own, in the language they were published in.
    refs = [
        md_link(f"{ref.publisher}: {ref.title}", str(ref.url))
        for ref in (event.reference, *event.more)
        if ref is not None
    ]
    if refs:
        parts.append(md_escape(_("Reference:")) + " " + " · ".join(refs))
    if event.source:
        src = sources[event.source]
        label = f"{src.original_publisher}: {src.headline}"
        article = md_link(label, str(src.url)) if src.url else md_escape(label)
        lead = _("Mentioned in:") if refs else _("Source:")
        parts.append(md_escape(lead) + " " + article)
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
        parts.append(
            _bold(_("What changed:")) + "  \n" + "  \n".join("• " + md_escape(c) for c in changed)
        )
    return "\n\n".join(parts)


def positions_markdown(dispute: DisputeStatus) -> tuple[str, str]:
    """Moscow's and Tokyo's positions at the date, each a heading and its text."""
    blocks = []
    for side in ("russia", "japan"):
        heading, body = position_markdown(dispute, side)
        blocks.append(f"{_bold(heading)}  \n{body}")
    return blocks[0], blocks[1]


LINE_SYMBOL = {"treaty": "━━", "administrative": "▬▬", "claimed": "─·─", "hypothetical": "┄┄"}


def legend_markdown(
    date: dt.date, entries: Iterable[tuple[str, str]], lines: Iterable[tuple[str, str]] = ()
) -> str:
    """The colour key at `date`: a title, then for each category on the map then
    (`StatusModel.legend_at`) a swatch in the theme colour that matches its status
    colour and its wording at that date; then the lines drawn, (kind, name)."""
    rows = [_bold(_("Map key, {date}").format(date=format_date(date)))]
    rows += [f":{THEME_COLOUR[key]}[■■] {md_escape(label)}" for key, label in entries]
    rows += [f"`{LINE_SYMBOL[kind]}` {md_escape(name)}" for kind, name in lines]
    return "  \n".join(rows)


def overview_markdown(names: dict[str, str], statuses: dict[str, IslandStatus]) -> str:
    """One line per island: its name and status label."""
    return "  \n".join(f"{_bold(names[i])} — {md_escape(s.label)}" for i, s in statuses.items())


def claims_count(
    name: str | None, count: int, total: int, date: dt.date, search: str, filtered: bool
) -> tuple[str, str]:
    """The claims list's heading, and how many of the claims said by `date` it shows:
    '36 claims said by 1 Dec 2026' or '4 of 36 claims said by … match “Lavrov”'."""
    heading = _("Claims about {island}").format(island=name) if name else _("Claims")
    when = format_date(date)
    if not (search or filtered):
        text = ngettext(
            "{total} claim said by {date}", "{total} claims said by {date}", total
        ).format(total=total, date=when)
    else:
        if search and filtered:
            template = ngettext(
                "{count} of {total} claim said by {date} match “{query}” and pass the filters",
                "{count} of {total} claims said by {date} match “{query}” and pass the filters",
                total,
            )
        elif search:
            template = ngettext(
                "{count} of {total} claim said by {date} match “{query}”",
                "{count} of {total} claims said by {date} match “{query}”",
                total,
            )
        else:
            template = ngettext(
                "{count} of {total} claim said by {date} pass the filters",
                "{count} of {total} claims said by {date} pass the filters",
                total,
            )
        text = template.format(count=count, total=total, date=when, query=search)
    if count > 1:
        text += _(", newest first.")
    elif not text.endswith(_(".")):  # a Russian date ends in 'г.' already
        text += _(".")
    return f"#### {md_escape(heading)}", md_escape(text)


def about_markdown(sources: dict[str, Source]) -> str:
    """The about box: the wording rule, the languages, the sources, the data credits."""
    return (
        "### "
        + md_escape(_("About"))
        + "\n"
        + md_escape(
            _(
                "Status wording is neutral: each side's position is given in its own terms, "
                "as it stood at the date. Quotes are verbatim from the news articles listed "
                "below; positions marked as reported are in our own words, from the articles "
                "or from the official documents listed. Dates are when the words were said."
            )
        )
        + "\n\n"
        + md_escape(
            _(
                "The page is in English, Japanese and Russian. The translations of the "
                "page and of the data's texts are the project's own; quotes stay as "
                "published, in English."
            )
        )
        + "\n\n### "
        + md_escape(_("Sources"))
        + "\n"
        + sources_markdown(sources)
        + "\n\n### "
        + md_escape(_("Licences"))
        + "\n"
        + md_escape(LICENCE_NOTE)
    )


def sources_markdown(sources: dict[str, Source]) -> str:
    """The list of source articles, each linked where the original was found."""
    lines = []
    for src in sources.values():
        label = f"{src.original_publisher}, {format_date(src.published)}: {src.headline}"
        lines.append("- " + (md_link(label, str(src.url)) if src.url else md_escape(label)))
    return "\n".join(lines)
