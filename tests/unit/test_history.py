"""The history as data: every event referenced and dated within its precision, each
side's position as it stood at the date (no later doctrine projected back), stated
conditions never presented as provisions in force, and both sides visible."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from geo import ISLAND_IDS
from tests.conftest import repo_site

SITE = repo_site()
EVENTS = SITE.dataset.events
MODEL = SITE.model
# Japan's later doctrine: none of these may appear in what the page says Japan held
# before the four-island position of 1955-56.
LATER_DOCTRINE = re.compile(
    r"northern territories|without legal grounds|illegal(ly)? occup|inherent|four islands"
    r"|all four|四島|北方領土|固有",
    re.IGNORECASE,
)
FOUR_ISLAND_POSITION = dt.date(1955, 6, 1)  # the London talks open on 1 (or 3) June 1955


def test_every_event_has_a_public_reference_or_a_source():
    for event in EVENTS:
        assert event.reference is not None or event.source is not None, event.id
        if event.reference is not None:
            assert str(event.reference.url).startswith("https://"), event.id


def test_every_claim_and_source_links():
    for source in SITE.dataset.sources.values():
        assert source.url is not None, source.id
    for claim in SITE.dataset.claims:
        assert SITE.dataset.sources[claim.source].url is not None, claim.id


def _japan_texts_before(date: dt.date) -> list[tuple[str, str]]:
    texts = []
    for d in SITE.stop_dates:
        if d >= date:
            break
        japan = MODEL.dispute_at(d).position("japan")
        if japan:
            texts.append((f"{d} Japan's position", japan.text))
        for island in ISLAND_IDS:
            texts.append((f"{d} {island}", MODEL.at(island, d).label))
    return texts


def test_no_later_doctrine_before_the_four_island_position():
    found = [
        (where, text)
        for where, text in _japan_texts_before(FOUR_ISLAND_POSITION)
        if LATER_DOCTRINE.search(text)
    ]
    assert found == []


def test_the_check_above_can_fail():
    """The pattern catches the doctrine's usual wording (so the test above means something)."""
    for text in (
        "Japan calls them the Northern Territories",
        "occupied without legal grounds",
        "an inherent part of Japan",
        "Japan claims all four islands",
        "北方領土",
    ):
        assert LATER_DOCTRINE.search(text), text


def test_the_1960_memorandum_is_a_stated_condition_never_in_force():
    memo = next(e for e in EVENTS if e.id == "soviet-memorandum-1960")
    assert memo.condition_by == "russia"
    after = MODEL.dispute_at(memo.date)
    condition = next(c for c in after.conditions if c.event_id == memo.id)
    assert condition.heading.startswith("Stated by the Soviet Union since")
    texts = [
        memo.title,
        memo.description,
        memo.condition or "",
        condition.heading,
        *SITE.changes_at(memo.date),
    ]
    assert not [t for t in texts if "in force" in t.lower()], texts


def test_documents_of_1993_and_2001_do_not_invoke_the_memorandum():
    for event_id in ("tokyo-declaration-1993", "irkutsk-statement-2001"):
        event = next(e for e in EVENTS if e.id == event_id)
        assert "does not invoke the 1960 Soviet condition" in event.description, event_id
        assert "soviet-memorandum-1960" not in event.ends_conditions


@pytest.mark.parametrize("year", [1945, 1951, 1956, 1960, 1961, 1991, 1993, 2001, 2019, 2020, 2022])
def test_positions_change_on_the_events_that_changed_them(year):
    assert any(e.positions is not None and e.date.year == year for e in EVENTS), year


def test_no_position_stays_stale_for_decades():
    """Since 1945, at most 25 years pass between two updates of one side's position
    (before 1945 the boundary was settled by treaty and the positions with it)."""
    for side in ("russia", "japan"):
        dates = sorted(
            e.date
            for e in EVENTS
            if e.positions and getattr(e.positions, side) and e.date.year >= 1945
        )
        gaps = [(a, b) for a, b in itertools.pairwise(dates) if (b - a).days > 25 * 366]
        assert gaps == [], (side, gaps)


def test_sovereignty_not_up_for_discussion_belongs_to_january_2019():
    singapore = MODEL.dispute_at(dt.date(2018, 11, 14)).position("russia")
    assert singapore is not None
    assert "not up for discussion" not in singapore.text
    assert "sovereignty" not in singapore.text.lower()
    later = MODEL.dispute_at(dt.date(2019, 1, 14)).position("russia")
    assert later is not None
    assert "sovereignty" in later.text.lower()


def test_japan_is_visible_at_every_stop_after_1855():
    for date in SITE.stop_dates:
        if date >= dt.date(1855, 2, 7):
            assert MODEL.dispute_at(date).position("japan"), date


def test_japan_official_positions_are_reported_not_quoted():
    japanese = [c for c in SITE.dataset.claims if c.country == "JP"]
    reported = [c for c in japanese if c.kind == "reported"]
    assert len(reported) >= 8
    for claim in reported:
        assert SITE.dataset.sources[claim.source].url is not None


def test_iturup_and_kunashir_after_san_francisco_carry_the_nuance():
    status = MODEL.at("iturup", dt.date(1953, 1, 1))
    assert status.claim_note, status
    assert MODEL.at("shikotan", dt.date(1953, 1, 1)).claimed_by == ("Japan",)


def test_the_soviet_union_takes_its_article():
    assert MODEL.at("iturup", dt.date(1970, 1, 1)).label.startswith(
        "Administered by the Soviet Union"
    )
