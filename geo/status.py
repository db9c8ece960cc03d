"""The status model: who administers and who claims each island (and each status
region around them) at a date and its
standing under the 1956 Joint Declaration (IslandStatus), and what concerns the
whole dispute: the conditions that one side or both have stated, and each side's
position as it stood then (DisputeStatus). Status is a fold of the dated events,
so it changes only on an event's date."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

from geo import ISLAND_IDS, REGION_IDS
from geo.i18n import N_, _, current, format_date
from geo.models import Event

DECLARATION_TEXT = {
    "not_signed": N_(
        "The Soviet–Japanese Joint Declaration has not been signed yet (it was "
        "signed on 19 October 1956)."
    ),
    "handover_after_peace_treaty": N_(
        "Article 9: to be handed over to Japan after a peace treaty is concluded."
    ),
    "not_covered": N_("Not covered: Article 9 names only Shikotan and the Habomai islands."),
}

# Colour categories, in legend order.
CATEGORIES = {
    "no-boundary": N_("No Russia–Japan boundary agreed yet"),
    "undisputed": N_("Administered by Japan, no other claimant"),
    "unclaimed": N_(
        "Administered by the Russian Empire, the Soviet Union or Russia, no other claimant"
    ),
    "disputed-handover": N_(
        "Administered by the Soviet Union / Russia, claimed by Japan; "
        "1956 Declaration: to be handed over after a peace treaty"
    ),
    "disputed": N_(
        "Administered by the Soviet Union / Russia, claimed by Japan; "
        "not covered by the 1956 Declaration"
    ),
}

# The states the data names as administering or claiming, for the catalogues.
STATES = (N_("Japan"), N_("Russia"), N_("Soviet Union"), N_("Soviet Russia"), N_("Russian Empire"))
# Names that take the article in English running text ("administered by the Soviet Union").
_THE = ("Soviet Union", "Russian Empire")


def with_article(name: str) -> str:
    """A state's name in the current language, as running text uses it."""
    if current() == "en" and name in _THE:
        return f"the {name}"
    return _(name)


def _joined(names: list[str]) -> str:
    return _(" and ").join(names)


@dataclass(frozen=True)
class Condition:
    """A condition or step that one side (or both, agreeing) stated at a date and
    that stands until an event ends it: a stated position, not a treaty provision."""

    event_id: str
    since: dt.date
    text: str
    set_by: str  # "russia" | "japan" | "both"

    @property
    def by(self) -> str:
        """'stated by the Soviet Union', 'stated by Japan' or 'agreed by both sides'."""
        if self.set_by == "both":
            return _("agreed by both sides")
        who = with_article(moscow_name(self.since) if self.set_by == "russia" else "Japan")
        return _("stated by {state}").format(state=who)

    @property
    def heading(self) -> str:
        """'Stated by the Soviet Union since 27 Jan 1960'."""
        if self.set_by == "both":
            return _("Agreed by both sides since {date}").format(date=format_date(self.since))
        who = with_article(moscow_name(self.since) if self.set_by == "russia" else "Japan")
        return _("Stated by {state} since {date}").format(state=who, date=format_date(self.since))


@dataclass(frozen=True)
class Position:
    side: str  # "russia" | "japan"
    text: str
    since: dt.date
    event_id: str


@dataclass(frozen=True)
class IslandStatus:
    """The status of one area, an island group or a status region, at a date."""

    island: str  # an ISLAND_IDS or REGION_IDS id
    administered_by: str | None
    claimed_by: tuple[str, ...]
    declaration: str
    changed_on: dt.date | None  # date of the last event that changed this island's state
    changed_by: str | None
    claim_note: str | None = None  # what the claim (or its absence) was at the date

    @property
    def category(self) -> str:
        if self.administered_by is None:
            return "no-boundary"
        if not self.claimed_by:
            return "undisputed" if self.administered_by == "Japan" else "unclaimed"
        if self.declaration == "handover_after_peace_treaty":
            return "disputed-handover"
        return "disputed"

    @property
    def label(self) -> str:
        """Neutral wording, e.g. 'Administered by Russia, claimed by Japan', with the
        claim's note where the data gives one."""
        if self.administered_by is None:
            return _(CATEGORIES["no-boundary"])
        admin = with_article(self.administered_by)
        if self.claimed_by:
            claimants = _joined([with_article(c) for c in self.claimed_by])
            text = _("Administered by {admin}, claimed by {claimants}").format(
                admin=admin, claimants=claimants
            )
        elif not self.claim_note:
            text = _("Administered by {admin}, no other claimant").format(admin=admin)
        else:
            text = _("Administered by {admin}").format(admin=admin)
        if self.claim_note:
            return _("{status} ({note})").format(status=text, note=self.claim_note)
        return text

    @property
    def declaration_text(self) -> str:
        return _(DECLARATION_TEXT[self.declaration])


@dataclass(frozen=True)
class DisputeStatus:
    """What holds for the whole dispute at a date: the conditions in force and
    each side's stated position."""

    conditions: tuple[Condition, ...] = ()
    positions: tuple[Position, ...] = ()

    def position(self, side: str) -> Position | None:
        return next((p for p in self.positions if p.side == side), None)


def moscow_name(date: dt.date) -> str:
    """The name of the Russian state at a date, for labelling its side."""
    if date < dt.date(1917, 11, 7):
        return "Russian Empire"
    if date < dt.date(1922, 12, 30):
        return "Soviet Russia"
    if date < dt.date(1991, 12, 26):
        return "Soviet Union"
    return "Russia"


@dataclass(frozen=True)
class _State:
    administered_by: str | None = None
    claimed_by: tuple[str, ...] = ()
    declaration: str = "not_signed"
    changed_on: dt.date | None = None
    changed_by: str | None = None
    claim_note: str | None = None


AREA_IDS: tuple[str, ...] = (*ISLAND_IDS, *REGION_IDS)


def category_label(category: str, statuses: list[IslandStatus]) -> str:
    """The legend's wording for `category` at one date, true at that date: the
    administering states of the areas in it then (`statuses`), and the 1956
    Declaration only once it is signed."""
    admins = sorted({s.administered_by for s in statuses if s.administered_by})
    by = _joined([with_article(a) for a in admins])
    if category == "no-boundary":
        return _(CATEGORIES[category])
    if category in ("undisputed", "unclaimed"):
        return _("Administered by {admin}, no other claimant").format(admin=by)
    japan = with_article("Japan")
    if category == "disputed-handover":
        return _(
            "Administered by {admin}, claimed by {claimants}; "
            "1956 Declaration: to be handed over after a peace treaty"
        ).format(admin=by, claimants=japan)
    if any(s.declaration == "not_covered" for s in statuses):
        return _(
            "Administered by {admin}, claimed by {claimants}; not covered by the 1956 Declaration"
        ).format(admin=by, claimants=japan)
    return _("Administered by {admin}, claimed by {claimants}").format(admin=by, claimants=japan)


class StatusModel:
    """Status of every island and status region at any date, precomputed at each
    event date."""

    def __init__(self, events: tuple[Event, ...]):
        ordered = sorted(events, key=lambda e: e.date)
        self.dates: list[dt.date] = []
        self._snapshots: list[dict[str, IslandStatus]] = []
        self._disputes: list[DisputeStatus] = []
        states = {i: _State() for i in AREA_IDS}
        conditions: dict[str, Condition] = {}
        positions: dict[str, Position] = {}
        for event in ordered:
            for effect in event.effects:
                for island in effect.areas:
                    old = states[island]
                    claim_changes = effect.claimed_by is not None or effect.claim_note is not None
                    states[island] = _State(
                        administered_by=effect.administered_by or old.administered_by,
                        claimed_by=(
                            effect.claimed_by if effect.claimed_by is not None else old.claimed_by
                        ),
                        declaration=effect.declaration or old.declaration,
                        changed_on=event.date,
                        changed_by=event.id,
                        # a new claim (or none) comes with its own note, or with none
                        claim_note=effect.claim_note if claim_changes else old.claim_note,
                    )
            for ended in event.ends_conditions:
                conditions.pop(ended, None)
            if event.condition and event.condition_by:
                conditions[event.id] = Condition(
                    event.id, event.date, event.condition, event.condition_by
                )
            if event.positions is not None:
                for side in ("russia", "japan"):
                    text = getattr(event.positions, side)
                    if text:
                        positions[side] = Position(side, text, event.date, event.id)
            snapshot = {
                island: IslandStatus(
                    island=island,
                    administered_by=st.administered_by,
                    claimed_by=st.claimed_by,
                    declaration=st.declaration,
                    changed_on=st.changed_on,
                    changed_by=st.changed_by,
                    claim_note=st.claim_note,
                )
                for island, st in states.items()
            }
            dispute = DisputeStatus(
                conditions=tuple(conditions.values()),
                positions=tuple(positions[s] for s in ("russia", "japan") if s in positions),
            )
            if self.dates and self.dates[-1] == event.date:
                self._snapshots[-1] = snapshot
                self._disputes[-1] = dispute
            else:
                self.dates.append(event.date)
                self._snapshots.append(snapshot)
                self._disputes.append(dispute)
        self._initial = {i: IslandStatus(i, None, (), "not_signed", None, None) for i in AREA_IDS}

    def at(self, island: str, date: dt.date) -> IslandStatus:
        """The status of an island or status region at `date`."""
        if island not in self._initial:
            raise KeyError(f"unknown island or region '{island}'")
        index = bisect_right(self.dates, date)
        if index == 0:
            return self._initial[island]
        return self._snapshots[index - 1][island]

    def all_at(self, date: dt.date) -> dict[str, IslandStatus]:
        """The four islands' status at `date`."""
        return {i: self.at(i, date) for i in ISLAND_IDS}

    def regions_at(self, date: dt.date) -> dict[str, IslandStatus]:
        """The status regions' status at `date`."""
        return {r: self.at(r, date) for r in REGION_IDS}

    def legend_at(self, date: dt.date) -> list[tuple[str, str]]:
        """(category, wording) for each category on the map at `date`, in legend
        order, worded as true at that date."""
        present: dict[str, list[IslandStatus]] = {}
        for status in [*self.all_at(date).values(), *self.regions_at(date).values()]:
            present.setdefault(status.category, []).append(status)
        return [(c, category_label(c, present[c])) for c in CATEGORIES if c in present]

    def dispute_at(self, date: dt.date) -> DisputeStatus:
        """The conditions and positions in force at `date`."""
        index = bisect_right(self.dates, date)
        return self._disputes[index - 1] if index else DisputeStatus()
