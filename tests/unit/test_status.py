"""The status model on the committed timeline, with property tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo import ISLAND_IDS
from geo.map.palette import PALETTE
from geo.status import CATEGORIES
from tests.conftest import repo_site
from tests.support.fuzz import examples

DATASET = repo_site().dataset
MODEL = repo_site().model
EVENT_DATES = sorted({e.date for e in DATASET.events})
SIGNED = next(
    e.date
    for e in DATASET.events
    if any(f.declaration == "handover_after_peace_treaty" for f in e.effects)
)
dates = st.dates(min_value=dt.date(1850, 1, 1), max_value=dt.date.today())


def test_declaration_signed_on_19_october_1956():
    assert dt.date(1956, 10, 19) == SIGNED


@pytest.mark.parametrize(
    ("island", "standing"),
    [
        ("shikotan", "handover_after_peace_treaty"),
        ("habomai", "handover_after_peace_treaty"),
        ("iturup", "not_covered"),
        ("kunashir", "not_covered"),
    ],
)
def test_declaration_terms(island, standing):
    assert MODEL.at(island, dt.date(1956, 10, 18)).declaration == "not_signed"
    assert MODEL.at(island, SIGNED).declaration == standing


def test_today_is_administered_by_russia_claimed_by_japan():
    for island in ISLAND_IDS:
        status = MODEL.at(island, dt.date.today())
        assert status.label == "Administered by Russia, claimed by Japan"
    dispute = MODEL.dispute_at(dt.date.today())
    assert dispute.position("russia")
    assert dispute.position("japan")


def test_before_1945_japan_administers():
    for island in ISLAND_IDS:
        assert MODEL.at(island, dt.date(1900, 1, 1)).label.startswith("Administered by Japan")


def test_memorandum_condition_in_force_from_27_january_1960():
    before = MODEL.dispute_at(dt.date(1960, 1, 26)).conditions
    after = MODEL.dispute_at(dt.date(1960, 1, 27)).conditions
    assert len(after) == len(before) + 1
    assert "troops" in after[-1].text.lower()


@settings(max_examples=examples(300), deadline=None)
@given(dates)
def test_every_date_has_a_defined_status(date):
    for island in ISLAND_IDS:
        status = MODEL.at(island, date)
        assert status.label
        assert status.declaration_text
        assert status.category in CATEGORIES


@settings(max_examples=examples(300), deadline=None)
@given(dates)
def test_status_changes_only_at_event_dates(date):
    before = date - dt.timedelta(days=1)
    if date in EVENT_DATES:
        return
    assert MODEL.all_at(before) == MODEL.all_at(date)
    assert MODEL.dispute_at(before) == MODEL.dispute_at(date)


@settings(max_examples=examples(300), deadline=None)
@given(dates)
def test_declaration_terms_never_apply_before_signing(date):
    for island in ISLAND_IDS:
        status = MODEL.at(island, date)
        if date < SIGNED:
            assert status.declaration == "not_signed"
        else:
            assert status.declaration != "not_signed"


@settings(max_examples=examples(200), deadline=None)
@given(dates)
def test_positions_and_conditions_predate_the_date(date):
    status = MODEL.dispute_at(date)
    assert all(c.since <= date for c in status.conditions)
    assert all(p.since <= date for p in status.positions)


def test_the_regions_follow_the_treaties_and_the_war():
    """1855: Urup and north Russian, Sakhalin undivided; 1875: the whole chain
    Japanese, Sakhalin Russian; 1905: south Sakhalin Japanese; 1945: Soviet; 1951:
    renounced by Japan without a named recipient."""

    def at(year: int, month: int = 6) -> dict[str, tuple[str | None, tuple[str, ...]]]:
        regions = MODEL.regions_at(dt.date(year, month, 1))
        return {r: (s.administered_by, s.claimed_by) for r, s in regions.items()}

    assert at(1860) == {
        "northern-kurils": ("Russian Empire", ()),
        "south-sakhalin": (None, ()),
        "north-sakhalin": (None, ()),
        "hokkaido": ("Japan", ()),
        "kamchatka": ("Russian Empire", ()),
    }
    assert at(1900)["northern-kurils"] == ("Japan", ())
    assert at(1900)["south-sakhalin"] == at(1900)["north-sakhalin"] == ("Russian Empire", ())
    assert at(1910)["south-sakhalin"] == ("Japan", ())
    assert at(1930)["north-sakhalin"] == ("Soviet Union", ())
    assert at(1946)["south-sakhalin"] == at(1946)["northern-kurils"] == ("Soviet Union", ())
    after = MODEL.regions_at(dt.date(1952, 1, 1))
    assert "without a named recipient" in after["south-sakhalin"].label
    assert {s.administered_by for r, s in MODEL.regions_at(dt.date(2000, 1, 1)).items()} == {
        "Russia",
        "Japan",
    }


def test_a_region_and_an_island_with_the_same_status_share_a_category():
    date = dt.date(1900, 1, 1)
    islands, regions = MODEL.all_at(date), MODEL.regions_at(date)
    assert islands["iturup"].category == regions["northern-kurils"].category == "undisputed"
    assert regions["kamchatka"].category == "unclaimed"  # Russia, no other claimant
    assert PALETTE["undisputed"] != PALETTE["unclaimed"]
