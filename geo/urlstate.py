"""The view in the URL: parse query parameters into a ViewState (falling back
to defaults with a notice for anything odd) and write a ViewState back.
`claim=<id>` opens the view at that claim's date (the first stop on or after the
day it was said, unless the link's own date already shows it)."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geo import ISLAND_IDS
from geo.i18n import DEFAULT, LANGUAGES, N_, _, format_date, ngettext
from geo.search import MAX_QUERY, Query
from geo.text import shorten, slug

if TYPE_CHECKING:
    from geo.load import Dataset

KNOWN_KEYS = ("date", "island", "speaker", "topic", "source", "q", "claim", "lang")
UNKNOWN_VALUE = {
    "speaker": N_("Unknown speaker '{value}' ignored."),
    "topic": N_("Unknown topic '{value}' ignored."),
    "source": N_("Unknown source '{value}' ignored."),
}
IGNORED_KEYS = ("embed", "embed_options")  # set by Streamlit itself
MAX_VALUES = 50


@dataclass(frozen=True)
class ViewState:
    date: dt.date
    island: str | None = None
    speakers: tuple[str, ...] = ()  # speaker slugs
    topics: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    query: str = ""  # the search box's text
    claim: str | None = None  # a claim shown first and marked
    lang: str | None = None  # the page's language (geo.i18n.LANGUAGES); None: not said


@dataclass
class Choices:
    """What the URL may name: timeline stops, island aliases, filter values."""

    stops: Sequence[dt.date]
    speakers: Sequence[str]  # slugs
    topics: Sequence[str]
    sources: Sequence[str]
    island_aliases: Mapping[str, str] = field(default_factory=dict)
    claims: Mapping[str, dt.date] = field(default_factory=dict)  # id -> date said

    @classmethod
    def from_data(
        cls, dataset: Dataset, island_rows: Iterable[Mapping], stops: Sequence[dt.date]
    ) -> Choices:
        """What the data offers: the stops, speakers by slug, topic and source ids, and
        each island's names (English, romaji, Russian, Japanese) in lower case."""
        aliases = {
            str(row[key]).strip().lower(): row["id"]
            for row in island_rows
            for key in ("name_en", "name_ja_romaji", "name_ru", "name_ja")
        }
        return cls(
            stops=list(stops),
            speakers=sorted({slug(c.speaker) for c in dataset.claims}),
            topics=list(dataset.topics),
            sources=list(dataset.sources),
            island_aliases=aliases,
            claims={c.id: c.said_on for c in dataset.claims},
        )

    @property
    def default_date(self) -> dt.date:
        return self.stops[-1]

    def claim_stop(self, claim: str) -> dt.date:
        """The first stop at which `claim` is shown: on or after the day it was said."""
        said = self.claims[claim]
        return next((d for d in self.stops if d >= said), self.stops[-1])


def _values(raw: str | Sequence[str]) -> list[str]:
    return [raw] if isinstance(raw, str) else [v for v in raw if isinstance(v, str)]


def _parse_date(values: list[str], choices: Choices, notices: list[str]) -> dt.date:
    default = choices.default_date
    if len(values) > 1:
        notices.append(_("'date' was given {n} times; using the last.").format(n=len(values)))
    text = values[-1].strip() if values else ""
    try:
        wanted = dt.date.fromisoformat(text)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
            raise ValueError
    except ValueError:
        notices.append(
            _("Date '{value}' is not a YYYY-MM-DD date; showing {date}.").format(
                value=shorten(text), date=format_date(default)
            )
        )
        return default
    stops = choices.stops
    if wanted < stops[0]:
        notices.append(
            _("{date} is before the first event; showing {first}.").format(
                date=format_date(wanted), first=format_date(stops[0])
            )
        )
        return stops[0]
    if wanted > dt.date.today():
        notices.append(
            _("{date} is in the future; showing {latest}.").format(
                date=format_date(wanted), latest=format_date(default)
            )
        )
        return default
    snapped = stops[bisect_right(stops, wanted) - 1]
    if snapped != wanted:
        notices.append(
            _("No event on {date}; showing the latest event before it, {before}.").format(
                date=format_date(wanted), before=format_date(snapped)
            )
        )
    return snapped


def _parse_island(values: list[str], choices: Choices, notices: list[str]) -> str | None:
    if len(values) > 1:
        notices.append(_("'island' was given {n} times; using the last.").format(n=len(values)))
    text = values[-1].strip().lower() if values else ""
    if text in ISLAND_IDS:
        return text
    if text in choices.island_aliases:
        return choices.island_aliases[text]
    if text:
        notices.append(
            _("Unknown island '{value}'; no island selected.").format(value=shorten(values[-1]))
        )
    return None


def _parse_list(
    key: str, values: list[str], allowed: Sequence[str], notices: list[str]
) -> tuple[str, ...]:
    items: list[str] = []
    for value in values:
        items.extend(part.strip() for part in value.split(","))
    picked: list[str] = []
    for item in (i for i in items if i):
        if item in allowed:
            if item not in picked:
                picked.append(item)
        elif slug(item) in allowed:
            if slug(item) not in picked:
                picked.append(slug(item))
        else:
            notices.append(_(UNKNOWN_VALUE[key]).format(value=shorten(item)))
        if len(notices) > MAX_VALUES:
            break
    return tuple(picked)


def _parse_claim(
    values: list[str], choices: Choices, date: dt.date | None, notices: list[str]
) -> tuple[str | None, dt.date | None]:
    """The linked claim, and the date to show it at (None: keep `date`)."""
    text = values[-1].strip() if values else ""
    if not text:
        return None, None
    if text not in choices.claims:
        notices.append(_("Unknown claim '{value}'; no claim marked.").format(value=shorten(text)))
        return None, None
    if date is not None and date >= choices.claims[text]:
        return text, None
    stop = choices.claim_stop(text)
    if date is not None:
        notices.append(
            _("The linked claim was said after {date}; showing {stop}.").format(
                date=format_date(date), stop=format_date(stop)
            )
        )
    return text, stop


def _parse_lang(values: list[str], notices: list[str]) -> str:
    """The language asked for; an unknown one is English, with a notice."""
    text = values[-1].strip().lower() if values else ""
    if text in LANGUAGES:
        return text
    notices.append(
        _("Unknown language '{value}'; showing {language}.").format(
            value=shorten(values[-1] if values else ""), language=LANGUAGES[DEFAULT]
        )
    )
    return DEFAULT


def _parse_search(values: list[str], notices: list[str]) -> str:
    text = values[-1] if values else ""
    if len(text) > MAX_QUERY:
        notices.append(_("The search was cut to its first {n} characters.").format(n=MAX_QUERY))
    return Query.parse(text).text


def asked_language(params: Mapping[str, str | Sequence[str]]) -> str | None:
    """The language a URL asks for (English for an unknown one), None if it says none."""
    return _parse_lang(_values(params["lang"]), []) if "lang" in params else None


def parse_query(
    params: Mapping[str, str | Sequence[str]], choices: Choices
) -> tuple[ViewState, list[str]]:
    """A ViewState from URL parameters, and a notice for each thing not taken."""
    notices: list[str] = []
    unknown = [k for k in params if k not in KNOWN_KEYS and k not in IGNORED_KEYS]
    for key in unknown[:5]:
        notices.append(_("Unknown parameter '{name}' ignored.").format(name=shorten(key, 30)))
    if len(unknown) > 5:
        more = len(unknown) - 5
        notices.append(
            ngettext(
                "{n} more unknown parameter ignored.", "{n} more unknown parameters ignored.", more
            ).format(n=more)
        )
    get = {k: _values(params[k]) for k in KNOWN_KEYS if k in params}
    date = _parse_date(get["date"], choices, notices) if "date" in get else choices.default_date
    island = _parse_island(get["island"], choices, notices) if "island" in get else None
    claim, claim_date = _parse_claim(
        get.get("claim", []), choices, date if "date" in get else None, notices
    )
    state = ViewState(
        date=claim_date or date,
        island=island,
        speakers=_parse_list("speaker", get.get("speaker", []), choices.speakers, notices),
        topics=_parse_list("topic", get.get("topic", []), choices.topics, notices),
        sources=_parse_list("source", get.get("source", []), choices.sources, notices),
        query=_parse_search(get.get("q", []), notices),
        claim=claim,
        lang=_parse_lang(get["lang"], notices) if "lang" in get else None,
    )
    if len(notices) > MAX_VALUES:
        notices = [*notices[:MAX_VALUES], _("More problems with the link were not listed.")]
    return state, notices


def to_query(state: ViewState) -> dict[str, str]:
    """URL parameters for a ViewState (empty parts left out)."""
    query = {"date": state.date.isoformat()}
    if state.island:
        query["island"] = state.island
    for key, values in (
        ("speaker", state.speakers),
        ("topic", state.topics),
        ("source", state.sources),
    ):
        if values:
            query[key] = ",".join(values)
    if state.query:
        query["q"] = state.query
    if state.claim:
        query["claim"] = state.claim
    if state.lang:
        query["lang"] = state.lang
    return query
