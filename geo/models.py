"""Pydantic models of the reviewed data files (see data/README.md)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    field_validator,
    model_validator,
)

from geo import ISLAND_IDS
from geo.i18n import format_date
from geo.text import slug

IslandId = Literal["iturup", "kunashir", "shikotan", "habomai"]
RegionId = Literal["northern-kurils", "south-sakhalin", "north-sakhalin", "hokkaido", "kamchatka"]
Precision = Literal["day", "week", "month", "year"]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]


def _visible(value: str) -> str:
    """Text a reader can see: not only spaces, zero-width or control characters."""
    if not any(ch.isprintable() and not ch.isspace() for ch in value):
        raise ValueError("must not be blank")
    return value


def _no_user_info(url: HttpUrl) -> HttpUrl:
    """No 'name@' before the host: https://tass.com@evil.example/ goes to evil.example."""
    if url.username is not None or url.password is not None:
        raise ValueError("must not have a user name or password before the host (user@host)")
    return url


Text = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(_visible)]
ShortText = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_visible)]
WebUrl = Annotated[HttpUrl, AfterValidator(_no_user_info)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _not_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError(f"date {value.isoformat()} is in the future")
    return value


def _check_precision(value: dt.date, precision: str) -> None:
    if precision == "week" and value.weekday() != 0:
        raise ValueError("a date with precision 'week' must be the Monday of that week")
    if precision == "month" and value.day != 1:
        raise ValueError("a date with precision 'month' must be the first of the month")
    if precision == "year" and (value.month, value.day) != (1, 1):
        raise ValueError("a date with precision 'year' must be 1 January")


def _check_scope(scope: str, islands: tuple[str, ...]) -> None:
    if scope == "islands" and not islands:
        raise ValueError("scope 'islands' needs at least one island in 'islands'")
    if scope == "dispute" and islands:
        raise ValueError("scope 'dispute' must have an empty 'islands' list")
    if len(set(islands)) != len(islands):
        raise ValueError("'islands' lists an island twice")


class Topic(_Record):
    id: Slug
    label: ShortText


class Source(_Record):
    id: Slug
    # The capture in shared/seeds that quotes are proved against; none for an official
    # page that the project only reports from (its claims are 'reported', never quotes).
    capture_file: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+\.txt$")] | None = None
    outlet: ShortText
    original_publisher: ShortText
    headline: ShortText
    url: WebUrl | None
    url_basis: ShortText
    published: dt.date
    published_precision: Precision
    published_basis: Text
    notes: Text | None = None

    _published_not_future = field_validator("published")(_not_future)

    @model_validator(mode="after")
    def _precision(self) -> Source:
        _check_precision(self.published, self.published_precision)
        return self

    @property
    def label(self) -> str:
        """How the source filter names it: publisher and date (unique in the data)."""
        return f"{self.original_publisher} {format_date(self.published)}"


class Claim(_Record):
    id: Slug
    kind: Literal["quote", "reported"]
    text: Text
    speaker: ShortText
    role: ShortText
    country: Literal["RU", "JP"]
    said_on: dt.date
    date_precision: Precision
    date_basis: Text
    date_confidence: Literal["high", "medium", "low"]
    occasion: ShortText
    place: ShortText | None
    source: Slug
    scope: Literal["islands", "dispute"]
    islands: tuple[IslandId, ...]
    topics: Annotated[tuple[Slug, ...], Field(min_length=1)]
    summary: Text

    _said_not_future = field_validator("said_on")(_not_future)

    @field_validator("speaker")
    @classmethod
    def _linkable(cls, value: str) -> str:
        if not slug(value):
            raise ValueError("needs a letter or digit (the link names a speaker by them)")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Claim:
        _check_precision(self.said_on, self.date_precision)
        _check_scope(self.scope, self.islands)
        return self


class Reference(_Record):
    title: ShortText
    publisher: ShortText
    url: WebUrl


class Effect(_Record):
    # Which areas it changes: the islands listed; with neither list, all four islands;
    # with only `regions`, those regions and no island.
    islands: tuple[IslandId, ...] | None = None
    regions: tuple[RegionId, ...] | None = None
    administered_by: ShortText | None = None
    claimed_by: tuple[ShortText, ...] | None = None
    # What the claim (or its absence) was then, e.g. "as part of Hokkaido"; it goes with
    # the claim: an effect that sets claimed_by without a note clears the old note.
    claim_note: ShortText | None = None
    declaration: Literal["not_signed", "handover_after_peace_treaty", "not_covered"] | None = None

    @model_validator(mode="after")
    def _does_something(self) -> Effect:
        if (self.administered_by, self.claimed_by, self.declaration, self.claim_note) == (
            None,
            None,
            None,
            None,
        ):
            raise ValueError(
                "an effect must set administered_by, claimed_by, claim_note or declaration"
            )
        if self.islands is not None and not self.islands:
            raise ValueError(
                "'islands', when given, must name at least one island (leave it out for all four)"
            )
        if self.islands and len(set(self.islands)) != len(self.islands):
            raise ValueError("'islands' lists an island twice")
        if self.regions is not None and not self.regions:
            raise ValueError("'regions', when given, must name at least one region")
        if self.regions and self.declaration is not None:
            raise ValueError("the 1956 Declaration concerns only the four islands, not 'regions'")
        return self

    @property
    def areas(self) -> tuple[str, ...]:
        """The island and region ids this effect changes."""
        if self.islands is None and self.regions is None:
            return ISLAND_IDS
        return (*(self.islands or ()), *(self.regions or ()))


class Positions(_Record):
    russia: Text | None = None
    japan: Text | None = None


class Event(_Record):
    id: Slug
    date: dt.date
    precision: Precision
    title: ShortText
    description: Text
    category: Literal["treaty", "military", "diplomacy", "statement", "state"]
    scope: Literal["islands", "dispute"]
    islands: tuple[IslandId, ...]
    source: Slug | None = None
    reference: Reference | None = None  # the primary or official reference, first
    more: tuple[Reference, ...] = ()  # further references (secondary, Wikipedia last)
    claims: tuple[Slug, ...] = ()
    effects: tuple[Effect, ...] = ()
    condition: Text | None = None
    # Who stated the condition: one side, or both sides agreeing (a stated position
    # that stands until an event ends it, never a treaty provision "in force").
    condition_by: Literal["russia", "japan", "both"] | None = None
    ends_conditions: tuple[Slug, ...] = ()
    positions: Positions | None = None

    _date_not_future = field_validator("date")(_not_future)

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        _check_precision(self.date, self.precision)
        _check_scope(self.scope, self.islands)
        if self.source is None and self.reference is None:
            raise ValueError("an event needs a 'source' or a 'reference'")
        if (self.condition is None) != (self.condition_by is None):
            raise ValueError("'condition' and 'condition_by' go together")
        return self


# strict: a number, never true/false or a string of digits
Longitude = Annotated[float, Field(ge=120, le=170, allow_inf_nan=False, strict=True)]
Latitude = Annotated[float, Field(ge=35, le=60, allow_inf_nan=False, strict=True)]


class Boundary(_Record):
    """A line drawn on the map while it is in force (or, for 'claimed' and
    'hypothetical', while it is claimed or would apply), from the event `since` up
    to the event `until`."""

    id: Slug
    name: ShortText  # e.g. "1855 Treaty of Shimoda: between Iturup and Urup"
    kind: Literal["treaty", "administrative", "claimed", "hypothetical"]
    since: Slug  # events.yaml id: drawn from this event's date
    until: Slug | None = None  # events.yaml id: no longer drawn from this event's date
    line: Annotated[tuple[tuple[Longitude, Latitude], ...], Field(min_length=2, max_length=40)]
    note: Text  # what the line is, in our own words
    reference: Reference
