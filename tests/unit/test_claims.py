"""geo.claims: the claims table and its vectorised filter."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from geo.claims import CLAIM_COLUMNS, SEARCH_COLUMN, filter_claims
from tests.conftest import repo_site

SITE = repo_site()
TABLE = SITE.claims


def test_every_claim_once_newest_first():
    assert list(TABLE.columns) == [*CLAIM_COLUMNS, SEARCH_COLUMN]
    assert sorted(TABLE["id"]) == sorted(c.id for c in SITE.dataset.claims)
    assert TABLE["said_on"].is_monotonic_decreasing


def _by_hand(date=None, island=None, topics=()):
    keep = []
    for c in SITE.dataset.claims:
        if date is not None and c.said_on > date:
            continue
        if island is not None and island not in c.islands and c.scope != "dispute":
            continue
        if topics and not set(topics) & set(c.topics):
            continue
        keep.append(c.id)
    return sorted(keep)


def test_filter_matches_a_plain_loop():
    for date in (None, dt.date(2018, 12, 31), dt.date(2019, 2, 21)):
        for island in (None, "shikotan", "iturup"):
            for topics in ((), (next(iter(SITE.dataset.topics)),)):
                got = filter_claims(TABLE, date=date, island=island, topics=topics)
                assert sorted(got["id"]) == _by_hand(date, island, topics)


def test_list_items_match_whole_items_only():
    table = pd.DataFrame(
        {
            "said_on": pd.to_datetime(["2019-01-01"] * 2),
            "scope": ["islands"] * 2,
            "islands": ["shikotan", "shikotan-x"],
            "topics": ["a;b", "ab"],
            "speaker": ["x", "y"],
            "source": ["s", "s"],
        }
    )
    assert list(filter_claims(table, island="shikotan").index) == [0]
    assert list(filter_claims(table, topics=["b"]).index) == [0]
    assert filter_claims(table, topics=["a;b"]).empty
