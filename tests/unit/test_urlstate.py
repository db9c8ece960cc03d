"""URL parameters → view state: good links restore the view, odd ones fall back with a notice."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.urlstate import Choices, ViewState, parse_query, to_query
from tests.support import urls
from tests.support.fuzz import examples

STOPS = [dt.date(1855, 2, 7), dt.date(1945, 9, 1), dt.date(1956, 10, 19), dt.date(2019, 2, 21)]
CHOICES = Choices(
    stops=STOPS,
    speakers=["sergey-lavrov", "yoshihide-suga"],
    topics=["wwii-outcome", "sanctions"],
    sources=["tass-a", "dw-b"],
    island_aliases={"etorofu": "iturup", "итуруп": "iturup"},
    claims={"lavrov-2019": dt.date(2019, 2, 21), "yoshida-1951": dt.date(1951, 9, 7)},
)


def test_round_trip():
    state = ViewState(
        dt.date(1956, 10, 19), "shikotan", ("sergey-lavrov",), ("sanctions",), ("dw-b",)
    )
    query = to_query(state)
    assert query == {
        "date": "1956-10-19",
        "island": "shikotan",
        "speaker": "sergey-lavrov",
        "topic": "sanctions",
        "source": "dw-b",
    }
    assert parse_query(query, CHOICES) == (state, [])


def test_empty_is_default_without_notice():
    assert parse_query({}, CHOICES) == (ViewState(STOPS[-1]), [])


def test_bad_date_falls_back_with_notice():
    state, notices = parse_query({"date": "yesterday"}, CHOICES)
    assert state.date == STOPS[-1]
    assert notices
    assert "not a YYYY-MM-DD date" in notices[0]


def test_date_between_stops_snaps_back():
    state, notices = parse_query({"date": "1960-01-01"}, CHOICES)
    assert state.date == dt.date(1956, 10, 19)
    assert "latest event before it" in notices[0]


def test_date_before_first_and_in_future():
    assert parse_query({"date": "1700-01-01"}, CHOICES)[0].date == STOPS[0]
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    state, notices = parse_query({"date": future}, CHOICES)
    assert state.date == STOPS[-1]
    assert "future" in notices[0]


def test_island_names_and_unknown():
    assert parse_query({"island": "Etorofu"}, CHOICES)[0].island == "iturup"
    assert parse_query({"island": "Итуруп"}, CHOICES)[0].island == "iturup"
    state, notices = parse_query({"island": "<script>"}, CHOICES)
    assert state.island is None
    assert "Unknown island" in notices[0]


def test_repeated_keys_and_lists():
    state, notices = parse_query(
        {
            "date": ["1855-02-07", "1945-09-01"],
            "topic": ["sanctions", "wwii-outcome,nope"],
            "speaker": "Sergey Lavrov",
        },
        CHOICES,
    )
    assert state.date == dt.date(1945, 9, 1)
    assert state.topics == ("sanctions", "wwii-outcome")
    assert state.speakers == ("sergey-lavrov",)
    assert any("given 2 times" in n for n in notices)
    assert any("Unknown topic 'nope'" in n for n in notices)


def test_unknown_keys_and_streamlit_keys():
    state, notices = parse_query({"embed": "true", "zoom": "9"}, CHOICES)
    assert state == ViewState(STOPS[-1])
    assert notices == ["Unknown parameter 'zoom' ignored."]


def test_huge_values_are_shortened_in_notices():
    state, notices = parse_query(
        {"island": "x" * 100_000, "topic": ",".join(["y"] * 5000)}, CHOICES
    )
    assert state.island is None
    assert state.topics == ()
    assert all(len(n) < 200 for n in notices)
    assert len(notices) <= 52


keys = st.sampled_from(["date", "island", "speaker", "topic", "source", "x", "", "date "])
values = st.one_of(
    st.text(max_size=50),
    st.dates().map(str),
    st.sampled_from(["shikotan", "1956-10-19", "2019-02-21", "sanctions", "%00", "\x00"]),
)


@settings(max_examples=examples(300), deadline=None)
@given(st.dictionaries(keys, st.one_of(values, st.lists(values, max_size=4)), max_size=6))
def test_any_params_give_a_valid_state(params):
    state, notices = parse_query(params, CHOICES)
    assert state.date in STOPS
    assert state.island in (None, "iturup", "kunashir", "shikotan", "habomai")
    assert set(state.topics) <= set(CHOICES.topics)
    assert all(isinstance(n, str) for n in notices)
    assert parse_query(to_query(state), CHOICES) == (state, [])


# --- fuzzed parameters against the committed data -------------------------------------------


@settings(max_examples=examples(1200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(urls.url_params())
def test_parse_query_falls_back_with_a_notice(case):
    params, invalid = case
    state, notices = parse_query(params, urls.CHOICES)
    assert state.date in urls.STOPS
    assert state.island in (None, *(*urls.ISLAND_IDS,))
    assert set(state.speakers) <= set(urls.CHOICES.speakers)
    assert set(state.topics) <= set(urls.CHOICES.topics)
    assert set(state.sources) <= set(urls.CHOICES.sources)
    assert bool(notices) == invalid, notices
    assert len(notices) <= 51
    assert all(len(n) < 300 for n in notices)


@pytest.mark.parametrize("value", ["Dmitry Peskov,Dmitry Peskov", "dmitry-peskov,Dmitry Peskov"])
def test_a_speaker_named_twice_is_not_unknown(value):
    state, notices = parse_query({"speaker": value}, urls.CHOICES)
    assert state.speakers == ("dmitry-peskov",)
    assert notices == []


def test_week_date_is_not_a_yyyy_mm_dd_date():
    _state, notices = parse_query({"date": "2019-W08-4"}, urls.CHOICES)
    assert notices
    assert "not a YYYY-MM-DD date" in notices[0]


def test_a_claim_link_opens_at_its_date_and_keeps_a_later_one():
    view, notices = parse_query({"claim": "yoshida-1951"}, CHOICES)
    assert (view.claim, view.date, notices) == ("yoshida-1951", dt.date(1956, 10, 19), [])
    view, notices = parse_query({"claim": "yoshida-1951", "date": "2019-02-21"}, CHOICES)
    assert (view.claim, view.date, notices) == ("yoshida-1951", dt.date(2019, 2, 21), [])
    view, notices = parse_query({"claim": "lavrov-2019", "date": "1956-10-19"}, CHOICES)
    assert (view.claim, view.date) == ("lavrov-2019", dt.date(2019, 2, 21))
    assert notices == ["The linked claim was said after 19 Oct 1956; showing 21 Feb 2019."]
    view, notices = parse_query({"claim": "<b>nope</b>"}, CHOICES)
    assert view.claim is None
    assert notices == ["Unknown claim '<b>nope</b>'; no claim marked."]
    assert to_query(ViewState(dt.date(2019, 2, 21), claim="lavrov-2019", query="a b")) == {
        "date": "2019-02-21",
        "q": "a b",
        "claim": "lavrov-2019",
    }


def test_a_search_in_the_link_is_tidied_and_cut():
    view, notices = parse_query({"q": "  peace\ttreaty \x00 "}, CHOICES)
    assert (view.query, notices) == ("peace treaty", [])
    view, notices = parse_query({"q": "x" * 500}, CHOICES)
    assert len(view.query) == 200
    assert notices == ["The search was cut to its first 200 characters."]
