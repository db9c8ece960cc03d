"""Hardening: hostile text in the data, fuzzed URL parameters, broken data folders
and a start-up with no network at all."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from streamlit.testing.v1 import AppTest

from geo import ISLAND_IDS, REPO_ROOT
from geo.data import load_dataset
from geo.islands import load_islands
from geo.text import slug
from geo.urlstate import IGNORED_KEYS, KNOWN_KEYS, Choices, parse_query
from tests.browser import (
    click_island,
    island_point,
    map_frame,
    require_chromium,
    streamlit_server,
)
from tests.hostile import (
    P1,
    P2,
    P3,
    P4,
    P5,
    PAYLOADS,
    hostile_display_name,
    make_hostile_data,
    md_unescape,
    netns_prefix,
    run_app_on,
)

DATA = REPO_ROOT / "data"
DATASET = load_dataset(DATA)
ISLANDS = load_islands(DATA / "islands.geojson")
STOPS = sorted({e.date for e in DATASET.events})


CHOICES = Choices.from_data(DATASET, ISLANDS.to_dict("records"), STOPS)  # as app.py builds it


# --- 1. hostile text: shown as text, never run ------------------------------------------------

@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    require_chromium()
    folder = make_hostile_data(tmp_path_factory.mktemp("hostile") / "data")
    with streamlit_server(env={"KURIL_DATA_DIR": str(folder)}) as (url, _proc):
        yield url


def open_map(page, url: str):
    page.goto(url)
    frame = map_frame(page)
    for island in ISLAND_IDS:
        frame.locator(f"path.island-{island}").first.wait_for(state="attached")
    return frame


def hover_island(page, island: str) -> str:
    """Move the mouse onto the island; the tooltip's text."""
    x, y = island_point(page, island)
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y, steps=3)
    frame = map_frame(page)
    english = ISLANDS.set_index("id").loc[island, "name_en"]  # in the hostile name too
    tooltip = frame.locator(".leaflet-tooltip").filter(has_text=english).first
    tooltip.wait_for(state="visible")
    return tooltip.inner_text()


def open_dropdown(page, widget) -> None:
    """Open a multiselect's list of options (a rerun may close it: try again)."""
    for _attempt in range(5):
        widget.get_by_role("button", name="Open").click()
        try:
            page.get_by_role("option").first.wait_for(timeout=3_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    page.get_by_role("option").first.wait_for()


# Nothing from the payloads may have become markup: no handler attributes, no javascript:
# links, no <img src=x>, <svg onload>, and no script element holding a payload.
INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const v = attr.value || '';
      if (attr.name.startsWith('on') && v.includes('__pwned')) found.push(el.outerHTML);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name)
          && /^\\s*javascript:/i.test(v)) found.push(el.outerHTML);
    }
  }
  for (const el of document.querySelectorAll('img[src="x"], svg[onload]')) {
    found.push(el.outerHTML);
  }
  for (const el of document.querySelectorAll('script')) {
    if ((el.textContent || '').trim().startsWith('window.__pwned')) found.push(el.outerHTML);
  }
  return found.map(s => s.slice(0, 200));
}"""


def assert_never_ran(page):
    frames = page.frames
    assert any("streamlit_folium" in f.url for f in frames), [f.url for f in frames]
    for frame in frames:  # the page and the map iframe
        assert frame.evaluate("() => typeof window.__pwned") == "undefined", frame.url
        assert frame.evaluate(INJECTED) == [], frame.url


@pytest.mark.browser
def test_hostile_text_is_shown_as_text_and_never_runs(hostile_server, page):
    frame = open_map(page, hostile_server)

    # island labels on the map
    labels = frame.locator(".island-label").all_inner_texts()
    for island in ISLAND_IDS:
        assert hostile_display_name(island) in labels, labels

    # tooltips: both names, Russian and Japanese names and the status, all literal
    tips = {island: hover_island(page, island) for island in ("iturup", "kunashir")}
    assert f"{P1} Iturup" in tips["iturup"] and f"{P5} Etorofu" in tips["iturup"]
    assert f"{P2} Итуруп" in tips["iturup"] and f"{P4} 択捉島" in tips["iturup"]
    assert f"{P3} Kunashiri" in tips["kunashir"]
    assert f"Administered by {P2} Russia, claimed by {P1} Japan" in tips["kunashir"]
    assert_never_ran(page)

    # the panel after a click on the map
    click_island(page, "iturup")
    page.get_by_text("Claims about", exact=False).first.wait_for()
    page.wait_for_function("() => location.search.includes('island=iturup')")
    text = page.locator("body").inner_text()
    assert f"English: {P1} Iturup" in text
    assert f"Russian: {P2} Итуруп" in text
    assert f"Japanese: {P4} 択捉島 ({P5} Etorofu)" in text
    assert f"Claims about {P1} Iturup / {P5} Etorofu" in text
    for payload in PAYLOADS:  # claims, sources, events, positions, topics
        assert payload in text, payload
    assert not page.locator('[data-testid="stException"]').count()
    # the hostile source URL is a plain https link, percent-encoded
    hrefs = page.locator("a[href*='example.org']").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all(h.startswith("https://example.org/") for h in hrefs), hrefs

    # the filters' options (speakers, sources, topics) are plain text too
    open_dropdown(page, page.locator('[data-testid="stMultiSelect"]').first)
    options = " ".join(page.get_by_role("option").all_inner_texts())
    assert any(p in options for p in PAYLOADS), options
    page.keyboard.press("Escape")

    assert_never_ran(page)
    assert page.errors == []


@pytest.mark.browser
def test_island_heading_shows_the_name_literally(hostile_server, page):
    open_map(page, hostile_server + "/?island=shikotan")
    heading = page.locator('[data-testid="stHeading"] h3').first
    heading.wait_for()
    assert heading.inner_text().strip() == hostile_display_name("shikotan")


def _copy_data(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for path in [*DATA.glob("*.yaml"), *DATA.glob("*.geojson")]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.mark.parametrize(("where", "payload"), [
    ("name", "{{ 'kuril' ~ 'pwned' }}"),  # evaluated: the map would say 'kurilpwned'
    ("status", "{% if %}"),  # a Jinja syntax error: the whole page fails
])
def test_template_text_reaching_the_map_stays_text(tmp_path, where, payload):
    folder = _copy_data(tmp_path / "data")
    if where == "name":
        path = folder / "islands.geojson"
        doc = json.loads(path.read_text(encoding="utf-8"))
        for feature in doc["features"]:
            if feature["properties"]["id"] == "habomai":
                feature["properties"]["name_ja"] = payload
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    else:
        path = folder / "events.yaml"
        events = yaml.safe_load(path.read_text(encoding="utf-8"))
        for event in events:
            for effect in event.get("effects", []):
                if effect.get("administered_by") == "Russia":
                    effect["administered_by"] = f"Russia {payload}"
        path.write_text(yaml.safe_dump(events, allow_unicode=True), encoding="utf-8")
    shown = run_app_on(folder)
    assert shown["exception"] == []
    assert "kurilpwned" not in shown["feature_group"][0]  # tooltips
    assert "kurilpwned" not in shown["script"][0]  # labels


# --- 2. URL parameters: anything falls back to a valid view, with a notice ---------------------

SPACE = st.sampled_from(["", "", " ", "\t", "  "])
JUNK = st.text(max_size=40)  # any code point but surrogates: controls, bidi marks, NUL ...
HUGE = st.text(min_size=1, max_size=6).map(lambda s: s * (10_000 // len(s) + 1))
QUERY_LIMIT = 500_000


def _padded(values):
    return st.tuples(SPACE, values, SPACE).map("".join)


def _iso_like(text: str) -> bool:
    """fromisoformat also takes week dates ('2019-W08-4'); those are covered separately."""
    try:
        dt.date.fromisoformat(text.strip())
        return True
    except ValueError:
        return False


GOOD_DATE = _padded(st.sampled_from([d.isoformat() for d in STOPS]))
BAD_DATE = st.one_of(
    JUNK.filter(lambda s: not _iso_like(s)),
    HUGE,
    st.dates().filter(lambda d: d not in STOPS).map(dt.date.isoformat),
    st.sampled_from(["", "1956-13-45", "1956-02-30", "19-10-1956", "1956/10/19",
                     "1956-10-19T00:00", "+1956-10-19", "1956-10-19\x00", "１９５６-10-19",
                     "0000-00-00", "9999-12-31", "1956-10-1", "1956-1-19", "1956-10-19 x",
                     "1956-10-19,2019-02-21", "%00", "NaN", "-1", "1e9"]),
)
ISLAND_WORDS = [*ISLAND_IDS, *CHOICES.island_aliases]
GOOD_ISLAND = st.one_of(
    _padded(st.sampled_from(ISLAND_WORDS)),
    st.sampled_from(ISLAND_WORDS).map(str.upper),
    st.sampled_from(["", " "]),  # an empty island is no selection: nothing to report
)
BAD_ISLAND = st.one_of(
    JUNK.filter(lambda s: s.strip() and s.strip().lower() not in ISLAND_WORDS),
    HUGE,
    st.sampled_from(["sakhalin", "<script>alert(1)</script>", "iturup,kunashir", "habomai\x00",
                     "ITURUP!", "null", "None", "[object Object]", "../../etc/passwd"]),
)
SPEAKERS = sorted({c.speaker for c in DATASET.claims})
LISTS = {"speaker": list(CHOICES.speakers) + SPEAKERS,
         "topic": list(CHOICES.topics), "source": list(CHOICES.sources)}


def _bad_item(allowed, text: str) -> bool:
    parts = [p.strip() for p in text.split(",")]
    return any(p and p not in allowed and slug(p) not in allowed for p in parts)


def _list_value(key):
    allowed = set(LISTS[key]) | {slug(v) for v in LISTS[key]}
    good = st.sampled_from(LISTS[key]).map(lambda v: (v, True))
    bad = st.one_of(JUNK, HUGE, st.just("x" * 5000)).filter(
        lambda s: _bad_item(allowed, s)).map(lambda v: (v, False))
    item = st.one_of(good, good, bad)
    return st.lists(item, max_size=4).map(
        lambda items: (",".join(v for v, _ in items), all(ok for _, ok in items)))


VALUES = {
    "date": st.one_of(GOOD_DATE.map(lambda v: (v, True)), BAD_DATE.map(lambda v: (v, False))),
    "island": st.one_of(GOOD_ISLAND.map(lambda v: (v, True)),
                        BAD_ISLAND.map(lambda v: (v, False))),
    **{key: _list_value(key) for key in LISTS},
}
UNKNOWN_KEY = st.one_of(
    st.text(max_size=20), HUGE,
    st.sampled_from(["zoom", "Date", "date ", " island", "", "island[]", "utm_source", "\x00",
                     "speakers", "topic\u200b"]),
).filter(lambda k: k not in KNOWN_KEYS and k not in IGNORED_KEYS)


@st.composite
def url_params(draw) -> tuple[dict, bool]:
    """(query parameters, whether any of them is invalid)."""
    params: dict = {}
    invalid = False
    for key in KNOWN_KEYS:
        if not draw(st.booleans()):
            continue
        count = draw(st.sampled_from([1, 1, 1, 2, 3]))
        drawn = [draw(VALUES[key]) for _ in range(count)]
        values = [v for v, _ in drawn]
        params[key] = values[0] if count == 1 and draw(st.booleans()) else values
        # only the last date/island counts; being given twice is itself reported
        if key in ("date", "island"):
            invalid |= count > 1 or not drawn[-1][1]
        else:
            invalid |= not all(ok for _, ok in drawn)
    for key in draw(st.lists(UNKNOWN_KEY, max_size=8, unique=True)):
        params[key] = draw(st.one_of(JUNK, HUGE, st.lists(JUNK, min_size=1, max_size=3)))
        invalid = True
    if draw(st.booleans()):
        params[draw(st.sampled_from(IGNORED_KEYS))] = draw(JUNK)  # Streamlit's own: no notice
    # Streamlit drops a whole query string over 512 Ki characters (or 1,000 fields) before
    # the app sees it: test_oversized_query_string_is_ignored_quietly covers that.
    assume(len(urlencode(params, doseq=True)) < QUERY_LIMIT)
    return params, invalid


@settings(max_examples=1200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(url_params())
def test_parse_query_falls_back_with_a_notice(case):
    params, invalid = case
    state, notices = parse_query(params, CHOICES)
    assert state.date in STOPS
    assert state.island in (None, *ISLAND_IDS)
    assert set(state.speakers) <= set(CHOICES.speakers)
    assert set(state.topics) <= set(CHOICES.topics)
    assert set(state.sources) <= set(CHOICES.sources)
    assert bool(notices) == invalid, notices
    assert len(notices) <= 51 and all(len(n) < 300 for n in notices)


@pytest.fixture(scope="module")
def offline_env():
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KURIL_TILES", "off")
        mp.setenv("KURIL_ASSETS", "local")
        yield


def _as_lists(query: dict) -> dict[str, list[str]]:
    return {k: v if isinstance(v, list) else [v] for k, v in query.items()}


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(case=url_params())
def test_app_survives_any_url(offline_env, case):
    params, invalid = case
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.select_slider(key="date").value in STOPS
    assert at.selectbox(key="island").value in (None, *ISLAND_IDS)
    speakers = {c.speaker for c in DATASET.claims}
    assert set(at.multiselect(key="f_speaker").value) <= speakers
    assert set(at.multiselect(key="f_topic").value) <= set(DATASET.topics)
    assert set(at.multiselect(key="f_source").value) <= set(DATASET.sources)
    assert bool(at.warning) == invalid, [w.value for w in at.warning]
    # the address bar is rewritten to a clean link for the view shown
    _state, notices = parse_query(_as_lists(at.query_params), CHOICES)
    assert notices == [], at.query_params


def test_oversized_query_string_is_ignored_quietly(offline_env):
    """Over Streamlit's limit the app gets no parameters at all: the default view."""
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=60)
    at.query_params["date"] = "1956-10-19"
    at.query_params["island"] = "x" * 600_000
    at.run()
    assert not at.exception
    assert at.select_slider(key="date").value == STOPS[-1]
    assert at.selectbox(key="island").value is None


@pytest.mark.parametrize("value", ["Dmitry Peskov,Dmitry Peskov", "dmitry-peskov,Dmitry Peskov"])
def test_a_speaker_named_twice_is_not_unknown(value):
    state, notices = parse_query({"speaker": value}, CHOICES)
    assert state.speakers == ("dmitry-peskov",)
    assert notices == []


def test_week_date_is_not_a_yyyy_mm_dd_date():
    _state, notices = parse_query({"date": "2019-W08-4"}, CHOICES)
    assert notices and "not a YYYY-MM-DD date" in notices[0]


# --- 3. a broken data folder: the app says what is wrong and shows nothing else ----------------

def _edit_yaml(folder: Path, name: str, change) -> None:
    path = folder / name
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def _edit_geojson(folder: Path, name: str, change) -> None:
    path = folder / name
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")


def _set(records, index, field, value):
    records[index][field] = value


def _kunashir_without_russian_name(doc):
    for feature in doc["features"]:
        if feature["properties"]["id"] == "kunashir":
            del feature["properties"]["name_ru"]


def _second_context_feature_is_a_point(doc):
    doc["features"][1]["geometry"] = {"type": "Point", "coordinates": [146.0, 44.0]}


def _replace_with_folder(folder: Path, name: str) -> None:
    (folder / name).unlink()
    (folder / name).mkdir()


CLAIM_3 = yaml.safe_load((DATA / "claims.yaml").read_text(encoding="utf-8"))[2]["id"]
SOURCE_1 = yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))[0]["id"]

BROKEN = {
    "claim-field": (lambda f: _edit_yaml(f, "claims.yaml",
                                         lambda r: _set(r, 2, "date_confidence", "certain")),
                    ("claims.yaml", f"'{CLAIM_3}'", "'date_confidence'")),
    "source-url": (lambda f: _edit_yaml(f, "sources.yaml",
                                        lambda r: _set(r, 0, "url", "javascript:alert(1)")),
                   ("sources.yaml", f"'{SOURCE_1}'", "'url'")),
    "claim-unknown-source": (lambda f: _edit_yaml(f, "claims.yaml",
                                                  lambda r: _set(r, 2, "source", "nowhere")),
                             ("claims.yaml", f"'{CLAIM_3}'", "'source'")),
    "events-yaml": (lambda f: (f / "events.yaml").write_text("- id: a\n  title: [unclosed\n"),
                    ("events.yaml", "not valid YAML at line")),
    "topics-missing": (lambda f: (f / "topics.yaml").unlink(),
                       ("topics.yaml", "file not found")),
    "island-property": (lambda f: _edit_geojson(f, "islands.geojson",
                                                _kunashir_without_russian_name),
                        ("islands.geojson", "'kunashir'", "'properties.name_ru'")),
    "context-geometry": (lambda f: _edit_geojson(f, "context.geojson",
                                                 _second_context_feature_is_a_point),
                         ("context.geojson", "#2", "'geometry'", "polygonal")),
}
BROKEN_BUGS = {
    "claims-is-a-folder": (
        lambda f: _replace_with_folder(f, "claims.yaml"), ("claims.yaml",),
        "geo/data.py load_records and geo/islands.py _read_features catch only "
        "FileNotFoundError/UnicodeDecodeError: any other OSError (a folder, no permission) "
        "escapes as a traceback; fix: also catch OSError and raise "
        "DataError(name, None, None, f'cannot be read ({exc.strerror})')"),
    "islands-is-a-folder": (
        lambda f: _replace_with_folder(f, "islands.geojson"), ("islands.geojson",),
        "as claims-is-a-folder, in geo/islands.py _read_features"),
    "no-events": (
        lambda f: (f / "events.yaml").write_text("[]\n"), ("events.yaml",),
        "an empty events.yaml passes geo.data.load_dataset, then app.py fails with "
        "IndexError (Choices.default_date is stops[-1]); fix in geo/data.py load_dataset: "
        "raise DataError('events.yaml', None, None, 'needs at least one event') when "
        "events is empty"),
}


def _check_clear_error(tmp_path, breaker, expected):
    folder = _copy_data(tmp_path / "data")
    breaker(folder)
    shown = run_app_on(folder)
    assert shown["exception"] == [], shown["exception"]
    assert len(shown["error"]) == 1, shown
    message = md_unescape(shown["error"][0])
    assert "could not be loaded" in message
    for words in expected:
        assert words in message, message
    # no partial load: nothing but the error (and the static header) is shown
    assert shown["sliders"] == 0 and shown["feature_group"] == []
    assert not any("Claims" in m for m in shown["markdown"])


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_data_shows_a_clear_error(tmp_path, case):
    breaker, expected = BROKEN[case]
    _check_clear_error(tmp_path, breaker, expected)


@pytest.mark.parametrize("case", [
    name for name in sorted(BROKEN_BUGS)
])
def test_unreadable_or_empty_data_shows_a_clear_error(tmp_path, case):
    breaker, expected, _reason = BROKEN_BUGS[case]
    _check_clear_error(tmp_path, breaker, expected)


# --- 5. no network at all: start-up does not hang and the map renders -------------------------

TILE_HOST = "a.basemaps.cartocdn.com"


@pytest.mark.browser
@pytest.mark.parametrize("network", ["none", "black-hole"])
def test_offline_start_up_renders_without_leaving_loopback(tmp_path, network):
    """'none': no route off loopback (a network namespace with only loopback up, or, where
    namespaces are not allowed, every non-loopback socket refused at once). 'black-hole':
    every lookup or connection off loopback stalls for a minute, as behind a dead gateway."""
    require_chromium()
    prefix = netns_prefix() if network == "none" else None
    guard = "hang" if network == "black-hole" else "record" if prefix else "block"
    started = time.monotonic()
    proc = subprocess.run(  # noqa: S603
        [*(prefix or []), sys.executable, "-m", "tests.hostile", "offline", str(tmp_path), guard],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=150,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    elapsed = time.monotonic() - started
    print(f"offline ({guard}): healthy in {result['health_s']} s, map in "
          f"{result['render_s']} s, server lookups {result['server_net']}")
    assert result["health_s"] < 20
    assert result["render_s"] < 20  # the tile probe gives up after 1.5 s
    assert elapsed < 120
    assert all(n >= 1 for n in result["paths"].values()), result["paths"]
    assert result["tiles"] == 0  # the probe failed, so no tile layer
    assert result["exceptions"] == 0
    assert result["browser_outside"] == []  # the page never asked for anything off loopback
    assert result["page_errors"] == [] and result["failed"] == []
    # the server's only attempt off loopback is the tile probe
    assert result["server_net"], "the tile probe did not run"
    assert {entry["host"] for entry in result["server_net"]} <= {TILE_HOST}, result
