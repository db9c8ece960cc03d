"""A first visit through AppTest: the map, the timeline's slider and the top of the
island panel come first; the rest (the controls, positions, share row, claims) once
the map says it is drawn, or at the first run after the fallback time (geo.deferred)."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from geo.deferred import DRAWN_FLAG

SEARCH = "Search the claims (words, speaker, occasion, outlet)"


def rest_shown(at: AppTest) -> dict[str, bool]:
    """Which parts kept back on a first visit are on the page."""
    markdown = "\n".join(m.value for m in at.markdown)
    return {
        "positions": "Positions at this date" in markdown,
        "search": any(t.label == SEARCH for t in at.text_input),
        "claims": any(" said by " in c.value for c in at.caption),
        "share": any(b.key == "cite_view" for b in at.button),
        "controls": any(b.key == "play" for b in at.button),
        "island box": any(b.key == "island" for b in at.selectbox),
        "eras": any(c.key == "era" for c in at.get("button_group")),
    }


def about(at: AppTest) -> bool:
    return any(e.label == "About this map and its sources" for e in at.expander)


@pytest.fixture
def first_visit(run_app, monkeypatch):
    monkeypatch.delenv("KURIL_REST_AFTER", raising=False)
    return run_app(drawn=False)


def test_a_first_visit_sends_the_map_timeline_and_panel_first(first_visit):
    at = first_visit
    assert len(at.get("component_instance")) == 1  # the map
    assert at.select_slider(key="date").value
    assert "Administered by Russia, claimed by Japan" in "\n".join(m.value for m in at.markdown)
    assert not any(rest_shown(at).values()), rest_shown(at)
    assert about(at)  # outside the dated view, and light: not kept back
    assert at.query_params["date"]  # the URL follows the view from the first run


def test_the_map_s_word_brings_the_rest(first_visit):
    at = first_visit
    before = json.loads(at.get("component_instance")[0].proto.json_args)
    at.session_state["map"] = {
        DRAWN_FLAG: True,
        "last_active_drawing": None,
        "last_object_clicked": None,
    }
    at.run()
    assert not at.exception
    assert all(rest_shown(at).values()), rest_shown(at)
    assert about(at)
    after = json.loads(at.get("component_instance")[0].proto.json_args)
    assert after["script"] == before["script"]  # the same map: not remounted
    assert at.selectbox(key="island").value == "all"  # the flag is no click


@pytest.mark.parametrize(
    "value", [{DRAWN_FLAG: "true"}, {DRAWN_FLAG: 1}, [DRAWN_FLAG], "kuril_map_drawn", None]
)
def test_no_other_value_brings_the_rest_early(first_visit, value):
    at = first_visit
    at.session_state["map"] = value
    at.run()
    assert not at.exception
    assert not any(rest_shown(at).values())


def test_without_the_map_s_word_the_rest_comes_after_the_fallback_time(first_visit):
    at = first_visit
    at.session_state["visit_began"] = -1e9  # as if the fallback's time had passed
    at.run()  # any later run, such as a move of the slider
    assert all(rest_shown(at).values()), rest_shown(at)


def test_a_click_after_the_map_s_word_still_selects_an_island(first_visit):
    at = first_visit
    at.session_state["map"] = {DRAWN_FLAG: True, "last_active_drawing": None}
    at.run()
    at.session_state["map"] = {
        "last_active_drawing": {"type": "Feature", "properties": {"id": "shikotan"}},
        "last_object_clicked": {"lat": 43.8, "lng": 146.75},
    }
    at.run()
    assert at.selectbox(key="island").value == "shikotan"
    assert all(rest_shown(at).values())  # shown for the rest of the visit


def test_the_controls_come_with_the_link_s_values(run_app, monkeypatch):
    monkeypatch.delenv("KURIL_REST_AFTER", raising=False)
    at = run_app(drawn=False, island="shikotan", lang="ru", date="1956-10-19")
    assert not any(rest_shown(at).values())
    assert "Шикотан" in "\n".join(m.value for m in at.markdown)  # the panel is there already
    at.session_state["map"] = {DRAWN_FLAG: True}
    at.run()
    assert not at.exception
    assert any(b.key == "cite_view" for b in at.button)  # the rest, in Russian
    assert at.selectbox(key="island").value == "shikotan"
    controls = {c.key: c.value for c in at.get("button_group")}
    assert controls == {"lang": "ru", "era": "1956–91"}
