"""The app's logic through Streamlit's AppTest: slider, selection, URL state, notices,
and the map payload (no external URL offline)."""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import unquote

import pytest
from streamlit.testing.v1 import AppTest

from geo import ISLAND_IDS, page
from geo.config import REPO_ROOT
from geo.map.build import no_map_guard
from tests.conftest import repo_site

SITE = repo_site()
DATASET = SITE.dataset
STOPS = SITE.stop_dates
SIGNED = dt.date(1956, 10, 19)


def text_of(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


def map_args(at: AppTest) -> dict:
    components = at.get("component_instance")
    assert len(components) == 1
    return json.loads(components[0].proto.json_args)


def test_default_view_is_latest_event_without_notice(run_app):
    at = run_app()
    assert at.select_slider(key="date").value == STOPS[-1]
    assert at.selectbox(key="island").value == page.ALL
    assert at.selectbox(key="island").format_func(page.ALL) == "All four — the whole dispute"
    assert not at.warning
    assert "Administered by Russia, claimed by Japan" in text_of(at)
    assert at.query_params["date"] == STOPS[-1].isoformat()


def test_slider_changes_status_and_claims(run_app):
    at = run_app()
    at.select_slider(key="date").set_value(
        dt.date(1900, 1, 1) if dt.date(1900, 1, 1) in STOPS else STOPS[1]
    ).run()
    text = text_of(at)
    assert "Administered by Japan" in text
    assert "No statements in these sources before" in "\n".join(i.value for i in at.info)
    assert at.query_params["date"] == STOPS[1].isoformat()
    late = run_app(date="2019-02-21")
    count = claim_count(late)
    assert count == sum(1 for c in DATASET.claims if c.said_on <= dt.date(2019, 2, 21))


def test_query_params_restore_the_view(run_app):
    at = run_app(date=SIGNED.isoformat(), island="shikotan", topic="declaration-1956")
    assert at.select_slider(key="date").value == SIGNED
    assert at.selectbox(key="island").value == "shikotan"
    assert at.multiselect(key="f_topic").value == ["declaration-1956"]
    text = text_of(at)
    assert "Article 9" in text
    assert "Шикотан" in text
    assert "色丹島" in text
    assert not at.warning


@pytest.mark.parametrize(
    "params",
    [
        {"date": "not-a-date"},
        {"date": "2999-01-01"},
        {"island": "sakhalin"},
        {"date": "1956-13-45", "island": "<script>alert(1)</script>"},
        {"topic": "x" * 5000},
        {"zoom": "12"},
    ],
)
def test_bad_params_fall_back_with_a_notice(params, run_app):
    at = run_app(**params)
    assert at.warning, "expected a visible notice"
    assert at.select_slider(key="date").value in STOPS
    assert at.selectbox(key="island").value in (page.ALL, "shikotan")


def test_selection_survives_a_date_change(run_app):
    at = run_app(island="kunashir")
    at.select_slider(key="date").set_value(SIGNED).run()
    assert at.selectbox(key="island").value == "kunashir"
    assert "Not covered" in text_of(at)
    assert at.query_params["island"] == "kunashir"


def test_map_click_selects_the_island(run_app):
    at = run_app()
    at.session_state["map"] = {
        "last_active_drawing": {
            "type": "Feature",
            "properties": {"id": "shikotan"},
            "geometry": None,
        },
        "last_object_clicked": {"lat": 43.8, "lng": 146.75},
    }
    at.run()
    assert at.selectbox(key="island").value == "shikotan"
    # choosing another island in the selectbox is not undone by the old click
    at.selectbox(key="island").set_value("iturup").run()
    assert at.selectbox(key="island").value == "iturup"


def test_map_payload_has_no_external_url_offline(run_app):
    at = run_app(island="habomai")
    args = map_args(at)
    payload = " ".join(
        str(args.get(k, ""))
        for k in ("script", "header", "html", "feature_group", "js_links", "css_links")
    )
    assert "http://" not in payload
    assert "https://" not in payload  # the lines' references travel in their served file
    assert "//cdn" not in payload
    # Leaflet from this server, after the guard that reports it if it fails to load and
    # the prefetch of the shapes (both data: URLs, with no network)
    guard, prefetch, leaflet = args["js_links"]
    assert guard == no_map_guard()
    assert leaflet == "../../app/static/vendor/leaflet/leaflet.js"
    assert guard.startswith("data:text/javascript")
    assert prefetch.startswith("data:text/javascript")
    assert "static/geo/islands." in unquote(prefetch)
    # the geometry is a file the map fetches once from this server, not part of the payload
    for name in ("islands", "context", "locator", "lines"):
        served = rf'"url":"\.\./\.\./app/static/geo/{name}\.[0-9a-f]{{16}}\.geojson"'
        assert re.search(served, args["script"]), name
    assert '"coordinates"' not in payload
    assert '"latlngs"' not in payload  # nor the boundary lines'
    # each date sends the colours and tooltips only; the selected island is outlined
    view = json.loads(re.search(r"show\((\{.*\})\);", args["feature_group"]).group(1))
    assert set(view["styles"]) == set(view["tooltips"]) == set(ISLAND_IDS)
    assert view["styles"]["habomai"]["weight"] > view["styles"]["iturup"]["weight"]


def test_a_served_shape_file_that_went_missing_is_written_again(run_app):
    at = run_app()
    url = re.search(r'"url":"([^"]*islands\.[0-9a-f]+\.geojson)"', map_args(at)["script"])[1]
    path = REPO_ROOT / "static" / "geo" / url.rsplit("/", 1)[1]
    assert path.is_file()
    path.unlink()
    at.select_slider(key="date").set_value(SIGNED).run()
    assert path.is_file()


def test_date_change_keeps_the_map_mounted(run_app):
    """The base map (and so the component's key) is the same at every date; only
    the feature group changes."""
    at = run_app()
    first = map_args(at)
    at.select_slider(key="date").set_value(SIGNED).run()
    second = map_args(at)
    assert first["script"] == second["script"]
    assert first["feature_group"] != second["feature_group"]


def claim_cards(at: AppTest) -> list[str]:
    """The claim cards shown, in order (each is its own markdown block)."""
    return [m.value for m in at.markdown if "*How the date was established" in m.value]


def claim_count(at: AppTest) -> int:
    """The N of 'N claims said by …' or 'N of M claims said by …'."""
    caption = next(c.value for c in at.caption if " said by " in c.value)
    return int(re.search(r"(\d+) (of \d+ )?claims? said by", caption)[1])


def test_pages_step_through_the_list_and_restart_with_a_new_filter(run_app):
    at = run_app()
    total = claim_count(at)
    assert total > page.PAGE_SIZE, "the data has more claims than one page"
    first = claim_cards(at)
    assert len(first) == page.PAGE_SIZE
    at.button(key="page_next").click().run()
    second = claim_cards(at)
    assert len(second) == min(total - page.PAGE_SIZE, page.PAGE_SIZE)
    assert not set(first) & set(second)
    assert at.button(key="page_prev").disabled is False
    topic = next(iter(DATASET.topics))
    at.multiselect(key="f_topic").set_value([topic]).run()
    at.multiselect(key="f_topic").set_value([]).run()
    assert claim_cards(at) == first


def test_the_search_box_narrows_the_list_and_goes_in_the_url(run_app):
    at = run_app()
    total = claim_count(at)
    at.text_input(key="q").input("LAVROV").run()
    found = claim_count(at)
    assert 0 < found < total
    assert at.query_params["q"] == "LAVROV"
    assert all('{background="#FFE066"}' in card for card in claim_cards(at))
    caption = next(c.value for c in at.caption if " said by " in c.value)
    assert caption.startswith(f"{found} of {total} claims said by")
    assert "LAVROV" in caption
    again = run_app(q="lavrov")  # the link restores the search, case folded
    assert again.text_input(key="q").value == "lavrov"
    assert claim_count(again) == found


def test_a_claim_link_opens_at_its_date_first_and_marked(run_app):
    oldest = SITE.claims.iloc[-1]
    at = run_app(claim=oldest["id"])
    stop = SITE.choices.claim_stop(oldest["id"])
    assert at.select_slider(key="date").value == stop
    assert claim_cards(at)[0].startswith("**Linked claim** · ")
    assert at.query_params["claim"] == oldest["id"]
    assert not at.warning
    at.button(key="next").click().run()  # another date: the link's claim is let go
    assert "claim" not in at.query_params
    assert not claim_cards(at)[0].startswith("**Linked claim**")


def test_cite_shows_the_claims_citation_with_its_permalink(run_app):
    at = run_app()
    claim = SITE.claims.iloc[0]["id"]
    assert not [c for c in at.code if claim in c.value]
    at.button(key=f"cite-{claim}").click().run()
    plain, bib = [c.value for c in at.code if claim in c.value]
    assert f"?claim={claim}" in plain
    assert "(accessed " in plain
    assert bib.startswith(f"@misc{{{claim},")
    at.button(key=f"cite-{claim}").click().run()
    assert not [c for c in at.code if claim in c.value]


def test_a_stop_without_claims_offers_the_next_stop_with_some(run_app):
    at = run_app(date=STOPS[0].isoformat())
    assert "No statements in these sources before" in at.info[0].value
    at.button(key="to_claims").click().run()
    date = at.select_slider(key="date").value
    assert date == SITE.choices.claim_stop(SITE.claims.iloc[-1]["id"])
    assert claim_count(at) >= 1


def test_previous_and_next_step_through_the_stops_and_the_url(run_app):
    at = run_app(date=SIGNED.isoformat())
    index = STOPS.index(SIGNED)
    at.button(key="next").click().run()
    assert at.select_slider(key="date").value == STOPS[index + 1]
    assert at.query_params["date"] == STOPS[index + 1].isoformat()
    at.button(key="prev").click().run()
    at.button(key="prev").click().run()
    assert at.select_slider(key="date").value == STOPS[index - 1]
    assert at.query_params["date"] == STOPS[index - 1].isoformat()


def test_play_steps_on_each_tick_and_stops_at_the_end(run_app):
    at = run_app(date=STOPS[-3].isoformat())
    at.button(key="play").click().run()
    assert at.session_state["playing"]
    assert at.button(key="play").label == "⏸ Pause"
    assert at.select_slider(key="date").value == STOPS[-3]  # the first step waits a tick
    for expected in (STOPS[-2], STOPS[-1]):
        at.session_state["played_at"] = 0.0  # as if a tick's interval had passed
        at.run()
        assert at.select_slider(key="date").value == expected
        assert at.query_params["date"] == expected.isoformat()
    assert not at.session_state["playing"]  # stopped at the end
    at.session_state["played_at"] = 0.0
    at.run()
    assert at.select_slider(key="date").value == STOPS[-1]
    assert at.button(key="play").label == "▶ Play"


def test_play_at_the_end_starts_again_and_pause_or_a_slider_move_stops_it(run_app):
    at = run_app()
    at.button(key="play").click().run()
    assert at.select_slider(key="date").value == STOPS[0]
    at.button(key="play").click().run()
    assert not at.session_state["playing"]
    at.button(key="play").click().run()
    at.select_slider(key="date").set_value(SIGNED).run()
    assert not at.session_state["playing"]
    at.session_state["played_at"] = 0.0
    at.run()
    assert at.select_slider(key="date").value == SIGNED


def test_the_era_control_follows_the_date_and_goes_to_an_era(run_app):
    at = run_app(date=SIGNED.isoformat())
    era = at.segmented_control(key="era")
    assert era.value == "1956–91"
    assert list(era.options) == ["to 1945", "1945–56", "1956–91", "1991–"]
    assert "Map key, 19 Oct 1956" in text_of(at)
    era.set_value("1945–56").run()
    first = next(d for d in STOPS if d >= dt.date(1945, 8, 9))
    assert at.select_slider(key="date").value == first
    assert at.query_params["date"] == first.isoformat()
    assert at.segmented_control(key="era").value == "1945–56"
    at.select_slider(key="date").set_value(STOPS[-1]).run()
    assert at.segmented_control(key="era").value == "1991–"
