"""Any URL: the app falls back to a valid view with a notice for each thing it could
not use, never raises, and rewrites the address bar to a clean link."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from geo import ISLAND_IDS, page
from geo.urlstate import parse_query
from tests.conftest import OFFLINE, app_test
from tests.support.fuzz import examples
from tests.support.urls import CHOICES, DATASET, STOPS, url_params


@pytest.fixture(scope="module")
def offline_module():
    """conftest's offline_env for the whole module (hypothesis reruns one test call)."""
    with pytest.MonkeyPatch.context() as mp:
        for key, value in OFFLINE.items():
            mp.setenv(key, value)
        mp.delenv("KURIL_DATA_DIR", raising=False)
        yield


def _as_lists(query: dict) -> dict[str, list[str]]:
    return {k: v if isinstance(v, list) else [v] for k, v in query.items()}


@settings(
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(case=url_params())
@pytest.mark.usefixtures("offline_module")
def test_app_survives_any_url(case):
    params, invalid = case
    at = app_test(params).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.select_slider(key="date").value in STOPS
    assert at.selectbox(key="island").value in (page.ALL, *ISLAND_IDS)
    speakers = {c.speaker for c in DATASET.claims}
    assert set(at.multiselect(key="f_speaker").value) <= speakers
    assert set(at.multiselect(key="f_topic").value) <= set(DATASET.topics)
    assert set(at.multiselect(key="f_source").value) <= set(DATASET.sources)
    assert bool(at.warning) == invalid, [w.value for w in at.warning]
    # the address bar is rewritten to a clean link for the view shown
    _state, notices = parse_query(_as_lists(at.query_params), CHOICES)
    assert notices == [], at.query_params


@pytest.mark.usefixtures("offline_module")
def test_oversized_query_string_is_ignored_quietly():
    """Over Streamlit's limit the app gets no parameters at all: the default view."""
    at = app_test({"date": "1956-10-19", "island": "x" * 600_000}).run()
    assert not at.exception
    assert at.select_slider(key="date").value == STOPS[-1]
    assert at.selectbox(key="island").value == page.ALL
