"""What any client may send to a running `streamlit run` server, over a real websocket
and with the repo's .streamlit/config.toml: a "clear cache" drops nothing the app
loaded, a forged 20 MB map value is refused before the session keeps it (a real-sized
click still selects its island), and an exception shows visitors no traceback."""

from __future__ import annotations

import json
import re

import psutil
import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState

from geo.config import REPO_ROOT
from geo.deferred import DRAWN_FLAG
from tests.support.browser import streamlit_server
from tests.support.stream import StreamClient

# Runs the real app.py, then reports the process's Site, how many times Site.load ran,
# and an st.cache_resource value, which is made anew after a cache clear.
PROBE_APP = """
import os, runpy
import streamlit as st
import geo.site
from geo.config import Settings

if not hasattr(geo.site.Site, "loads"):
    geo.site.Site.loads = 0
    _load = geo.site.Site.load.__func__

    def _counted(cls, settings):
        cls.loads += 1
        return _load(cls, settings)

    geo.site.Site.load = classmethod(_counted)


@st.cache_resource
def canary():
    geo.site.Site.canaries = getattr(geo.site.Site, "canaries", 0) + 1
    return geo.site.Site.canaries


runpy.run_path(os.environ["KURIL_APP"], run_name="__main__")
site = geo.site._sites.get(Settings.from_env())
st.markdown(f"probe site={id(site)} loads={geo.site.Site.loads} canary={canary()}")
"""
PROBE = re.compile(r"probe site=(\d+) loads=(\d+) canary=(\d+)")

CRASH_APP = """
import streamlit as st
st.markdown("before the crash")
raise RuntimeError(f"secret detail from {__file__}")
"""


def _probe(rerun) -> tuple[int, int, int]:
    found = [PROBE.search(t) for t in rerun.texts()]
    (match,) = [m for m in found if m]
    return int(match[1]), int(match[2]), int(match[3])


def test_clear_cache_from_any_client_drops_nothing_the_app_loaded(tmp_path):
    app = tmp_path / "probe_app.py"
    app.write_text(PROBE_APP, encoding="utf-8")
    env = {"KURIL_APP": str(REPO_ROOT / "app.py"), "PYTHONPATH": str(REPO_ROOT)}
    with (
        streamlit_server(app, env=env, cwd=REPO_ROOT) as (url, _proc),
        StreamClient(url) as visitor,
    ):
        site, loads, canary = _probe(visitor.rerun())
        assert loads == 1
        with StreamClient(url) as attacker:
            attacker.rerun()
            for _ in range(5):
                attacker.clear_cache()
            # handled in order, before this rerun; its own session state is gone and starts anew
            again = attacker.rerun()
            assert again.finished == 0
            assert not [m for m in again.messages if m.delta.new_element.HasField("exception")]
        after = _probe(visitor.rerun())
    assert after[2] != canary  # the clear reached the server: cache_resource was dropped
    assert after[:2] == (site, 1)  # the same Site, and the data was not loaded again


def _rss(pid: int) -> int:
    process = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)])


def _click(size_pad: int = 0) -> str:
    """A map click as st_folium sends it: Iturup's whole feature (~45 KB), the point."""
    doc = json.loads((REPO_ROOT / "data" / "islands.geojson").read_text(encoding="utf-8"))
    (feature,) = [f for f in doc["features"] if f["properties"]["id"] == "iturup"]
    return json.dumps(
        {
            "last_active_drawing": {**feature, "pad": "x" * size_pad},
            "last_object_clicked": {"lat": 45.1, "lng": 147.9},
        }
    )


@pytest.fixture(scope="module")
def server():
    with streamlit_server(cwd=REPO_ROOT) as (url, proc):
        with StreamClient(url) as warm:  # the data loaded, the first session done
            warm.rerun()
        yield url, proc


def test_the_map_s_word_then_a_real_sized_click_select_its_island(server):
    """As a browser's map does: first the flag that its islands are drawn, which
    brings the claims list (geo.deferred), then a click on Iturup."""
    url, _proc = server
    with StreamClient(url) as visitor:
        first = visitor.rerun()
        assert not any(" said by " in text for text in first.texts())  # kept back
        (map_id,) = first.component_ids()
        drawn = json.dumps({DRAWN_FLAG: True, "last_active_drawing": None})
        shown = visitor.rerun(widgets=[WidgetState(id=map_id, json_value=drawn)])
        assert any(" said by " in text for text in shown.texts())
        rerun = visitor.rerun(widgets=[WidgetState(id=map_id, json_value=_click())])
    assert any("Claims about Iturup" in text for text in rerun.texts())


def test_a_20_mb_map_value_is_refused_and_not_kept(server):
    url, proc = server
    before = _rss(proc.pid)
    with StreamClient(url) as forger:
        (map_id,) = forger.rerun().component_ids()
        value = WidgetState(id=map_id, json_value=_click(20_000_000))
        # 1009: too big; 1006: closed while the frame was still being sent
        assert forger.close_code_after(forger.rerun_message(widgets=[value])) in (1009, 1006)
    grown = (_rss(proc.pid) - before) / 1e6
    assert grown <= 25, f"{grown:.1f} MB kept"
    with StreamClient(url) as next_visitor:  # the server is fine
        assert next_visitor.rerun().finished == 0


def test_an_exception_shows_visitors_no_traceback_or_path(tmp_path):
    app = tmp_path / "crash_app.py"
    app.write_text(CRASH_APP, encoding="utf-8")
    with streamlit_server(app, cwd=REPO_ROOT) as (url, proc), StreamClient(url) as visitor:
        rerun = visitor.rerun()
    log = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
    shown = [
        m.delta.new_element.exception for m in rerun.messages if m.WhichOneof("type") == "delta"
    ]
    shown = [e for e in shown if e.ByteSize()]
    assert len(shown) == 1
    sent = str(shown[0])  # every field the page could show
    for secret in ("secret detail", str(tmp_path), "Traceback", "crash_app.py", "RuntimeError"):
        assert secret not in sent, sent
    assert "secret detail" in log  # the details are in the server's log
    assert "Traceback" in log
