"""Real browser tests: headless Debian Chromium against `streamlit run` on loopback."""

from __future__ import annotations

import re

from geo.map.palette import PALETTE
from tests.conftest import repo_site
from tests.support.browser import (
    MAP_FRAME,
    click_island,
    map_frame,
    streamlit_server,
)


def wait_for_islands(page):
    frame = map_frame(page)
    for island in ("iturup", "kunashir", "shikotan", "habomai"):
        frame.locator(f"path.island-{island}").first.wait_for(state="attached")
    return frame


def fill_of(frame, island: str) -> str:
    return frame.locator(f"path.island-{island}").first.get_attribute("fill")


def test_map_renders_with_no_failed_request(server, page):
    page.goto(server)
    frame = wait_for_islands(page)
    assert frame.locator("path.island-habomai").count() >= 1
    page.wait_for_load_state("networkidle")
    assert page.errors == []


def test_the_shapes_are_fetched_once_each_while_leaflet_loads(server, page):
    """The map's shapes are asked for before Leaflet (geo.map.build.prefetch_script),
    each once, though the boundary lines serve both the map and the locator."""
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(server)
    wait_for_islands(page)
    page.wait_for_load_state("networkidle")
    shapes = [u for u in asked if "/static/geo/" in u]
    names = sorted(u.rsplit("/", 1)[1].split(".", 1)[0] for u in shapes)
    assert names == ["context", "islands", "lines", "locator"], shapes
    leaflet = next(n for n, u in enumerate(asked) if u.endswith("/leaflet.js"))
    assert all(asked.index(u) < leaflet for u in shapes), asked
    assert page.errors == []


def test_map_renders_under_a_url_prefix(page):
    """Hosts put apps behind a proxy path (Streamlit Community Cloud does). Leaflet
    and the shapes are fetched relative to the map's frame, so they still load."""
    with streamlit_server(base_path="kuril/app") as (url, _proc):
        page.goto(url + "/")
        frame = wait_for_islands(page)
        assert frame.locator("path.island-iturup").count() >= 1
        page.wait_for_load_state("networkidle")
    assert page.errors == []


def test_clicking_shikotan_opens_its_panel(server, page):
    page.goto(server)
    wait_for_islands(page)
    click_island(page, "shikotan")
    page.get_by_text("Шикотан", exact=False).first.wait_for()
    page.get_by_text("Claims about Shikotan", exact=False).first.wait_for()
    # The app writes the URL after it has drawn the panel: wait for it, do not read it now.
    page.wait_for_url(re.compile(r"[?&]island=shikotan(&|$)"))
    assert re.search(r"island=shikotan", page.url)


def test_slider_recolours_without_remounting(server, page):
    page.goto(server + "/?date=2022-03-21")
    frame = wait_for_islands(page)
    before = fill_of(frame, "shikotan")
    frame.locator(".leaflet-control-zoom-in").click()
    frame.locator("body").evaluate("() => { window.__mounted_marker = 42; }")
    zoom = frame.locator("body").evaluate("() => window.map.getZoom()")
    slider = page.get_by_role("slider").first
    slider.focus()
    page.keyboard.press("Home")  # the first stop, before 1855: no boundary agreed yet
    page.get_by_text("No statements in these sources before", exact=False).wait_for()
    page.wait_for_function(
        "([sel, old]) => { const f = [...document.querySelectorAll(sel)].pop();"
        " const p = f && f.contentDocument.querySelector('path.island-shikotan');"
        " return p && p.getAttribute('fill') !== old; }",
        arg=['iframe[title="streamlit_folium.st_folium"]', before],
    )
    frame = map_frame(page)
    assert fill_of(frame, "shikotan") != before
    assert frame.locator("body").evaluate("() => window.__mounted_marker") == 42
    assert frame.locator("body").evaluate("() => window.map.getZoom()") == zoom
    first = repo_site().stop_dates[0].isoformat()
    page.wait_for_url(re.compile(rf"[?&]date={first}(&|$)"))
    assert f"date={first}" in page.url


def test_deep_link_restores_the_view(server, page):
    page.goto(server + "/?date=1956-10-19&island=shikotan")
    wait_for_islands(page)
    page.get_by_text("Article 9", exact=False).first.wait_for()
    page.get_by_text("Claims about Shikotan", exact=False).first.wait_for()
    assert page.get_by_role("slider").first.get_attribute("aria-valuetext") is not None
    assert "19 Oct 1956" in page.locator('[data-testid="stSlider"]').first.inner_text()


def test_legend_swatches_show_the_map_colours(server, page):
    """The theme colours reach the page: each legend swatch has its status colour."""
    page.goto(server)
    wait_for_islands(page)
    swatches = page.get_by_text("■■", exact=True)
    swatches.first.wait_for()
    shown = swatches.evaluate_all("els => els.map(e => getComputedStyle(e).color)")
    expected = [PALETTE[c] for c, _label in repo_site().model.legend_at(repo_site().stop_dates[-1])]
    assert shown == [
        f"rgb({int(h[1:3], 16)}, {int(h[3:5], 16)}, {int(h[5:7], 16)})" for h in expected
    ]


def test_a_map_library_that_cannot_load_is_reported_in_the_frame(server, page):
    """Leaflet blocked (a CDN or static file that fails): the frame says so, and tells
    the page, so the rest of the page comes without waiting for islands (geo.deferred)."""
    page.route("**/leaflet.js", lambda route: route.abort())
    page.goto(server)
    alert = map_frame(page).get_by_role("alert")
    alert.wait_for()
    assert "map library (Leaflet) did not load" in alert.inner_text()
    page.wait_for_function(
        "sel => { const f = [...document.querySelectorAll(sel)].pop();"
        " return f && f.getBoundingClientRect().height >= 40; }",
        arg=MAP_FRAME,
    )
    page.get_by_text("Positions at this date").first.wait_for()
    page.get_by_label("Search the claims (words, speaker, occasion, outlet)").wait_for()
