"""geo.notices: at most a few of the link's notices, then a count of the rest."""

from __future__ import annotations

import pytest

from geo.notices import NOTICE_LIMIT, shown_notices
from geo.urlstate import parse_query
from tests.support.urls import CHOICES


@pytest.mark.parametrize(
    ("count", "shown", "tail"),
    [
        (0, 0, None),
        (1, 1, None),
        (NOTICE_LIMIT, NOTICE_LIMIT, None),
        (NOTICE_LIMIT + 1, NOTICE_LIMIT + 1, "… and 1 more problem with the link."),
        (200, NOTICE_LIMIT + 1, f"… and {200 - NOTICE_LIMIT} more problems with the link."),
    ],
)
def test_a_few_notices_then_how_many_more(count, shown, tail):
    notices = [f"notice {n}" for n in range(count)]
    out = shown_notices(notices)
    assert len(out) == shown
    assert out[: min(count, NOTICE_LIMIT)] == notices[:NOTICE_LIMIT]
    assert (out[-1] if tail else None) == tail


def test_a_link_full_of_bad_values_gives_a_short_list():
    params = {key: [f"bad-{n}" for n in range(50)] for key in ("speaker", "topic", "source")}
    _view, notices = parse_query({**params, "date": ["nope"], "island": ["atlantis"]}, CHOICES)
    assert len(notices) > NOTICE_LIMIT  # what the page showed before
    out = shown_notices(notices, limit=3)
    assert out[:3] == notices[:3]
    assert out[3] == f"… and {len(notices) - 3} more problems with the link."


def test_negative_limit_is_refused():
    with pytest.raises(ValueError, match="limit"):
        shown_notices(["x"], limit=-1)
