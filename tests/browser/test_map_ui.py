"""The map's own behaviours in real Chromium: the wheel, the reset view, the keyboard,
tooltips kept in the frame, the credit line; then the status regions, the boundary
lines and the locator in a saved page with throwaway data (the committed data has
no locator or lines yet)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from geo import ISLAND_IDS
from geo.map.assets import PACKAGE_DIR, Assets
from geo.map.build import build_base_map, context_geojson, island_labels, islands_geojson
from geo.map.elements import plain_text
from geo.map.palette import PALETTE
from geo.map.served import Shapes
from geo.map.view import island_layer
from tests.conftest import repo_site
from tests.support import mapdata
from tests.support.browser import (
    PAGE_SCROLL_JS,
    click_island,
    frame_point,
    land_point,
    map_eval,
    map_frame,
    page_scroll,
    wait_in_map,
)

SITE = repo_site()
ZOOM = "() => window.map.getZoom()"


def open_map(page, url: str):
    page.goto(url)
    frame = map_frame(page)
    for island in ISLAND_IDS:
        frame.locator(f"path.island-{island}[aria-label]").first.wait_for(state="attached")
    return frame


def sea_point(page) -> tuple[float, float]:
    """Page coordinates of open sea in the map (south-east of Iturup, clear of the
    locator and the controls)."""
    x, y = map_eval(
        page,
        "() => { const p = window.map.latLngToContainerPoint([44.0, 148.3]); return [p.x, p.y]; }",
    )
    return frame_point(page, x, y)


def test_wheel_scrolls_the_page_and_ctrl_wheel_zooms(server, page):
    frame = open_map(page, server)
    zoom = map_eval(page, ZOOM)
    top = page_scroll(page)
    page.mouse.move(*sea_point(page))
    page.mouse.wheel(0, 240)
    page.wait_for_function(f"top => ({PAGE_SCROLL_JS})() > top", arg=top)
    assert map_eval(page, ZOOM) == zoom
    expect(frame.locator(".kuril-wheel-hint")).to_have_class(re.compile(r"\bvisible\b"))
    assert "scroll to zoom the map" in frame.locator(".kuril-wheel-hint").inner_text()

    scrolled = page_scroll(page)
    page.mouse.move(*sea_point(page))
    page.keyboard.down("Control")
    page.mouse.wheel(0, -120)
    page.keyboard.up("Control")
    wait_in_map(page, "z => window.map.getZoom() > z", zoom)
    assert page_scroll(page) == scrolled


def test_reset_view_returns_to_the_opening_view(server, page):
    frame = open_map(page, server)
    zoom = map_eval(page, ZOOM)
    centre = map_eval(page, "() => window.map.getCenter()")
    assert map_eval(page, "() => window.map.getMinZoom()") >= zoom - 1
    frame.locator(".leaflet-control-zoom-in").click()
    wait_zoom(page, zoom + 1)
    map_eval(page, "z => window.map.setView([45.3, 148.2], z, {animate: false})", zoom + 2)
    reset = frame.get_by_role("button", name="Reset view")
    reset.focus()
    page.keyboard.press("Enter")  # keyboard-operable
    wait_zoom(page, zoom)
    after = map_eval(page, "() => window.map.getCenter()")
    assert abs(after["lat"] - centre["lat"]) < 0.01
    assert abs(after["lng"] - centre["lng"]) < 0.01
    # no zoom out beyond the region: one level out from the opening view at most
    frame.locator(".leaflet-control-zoom-out").click()
    wait_zoom(page, zoom - 1)
    expect(frame.locator(".leaflet-control-zoom-out")).to_have_class(
        re.compile(r"leaflet-disabled")
    )
    assert map_eval(page, ZOOM) >= zoom - 1
    reset.click()
    wait_zoom(page, zoom)


def wait_zoom(page, zoom: float) -> None:
    """Until the map is at `zoom` with its zoom animation over (Leaflet ignores a zoom
    asked for during one, and sets the new zoom as the animation starts)."""
    wait_in_map(page, "z => window.map.getZoom() === z && !window.map._animatingZoom", zoom)


def test_enter_on_a_focused_island_selects_it(server, page):
    frame = open_map(page, server)
    shikotan = frame.locator("path.island-shikotan")
    assert shikotan.get_attribute("role") == "button"
    assert shikotan.get_attribute("tabindex") == "0"
    shikotan.focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Shikotan").first.wait_for()
    page.get_by_text("Claims about Shikotan", exact=False).first.wait_for()
    page.wait_for_url(re.compile(r"[?&]island=shikotan(&|$)"))
    expect(frame.locator("path.island-shikotan")).to_have_class(re.compile(r"\bselected\b"))
    expect(frame.locator(".selection-ring")).to_have_count(1)
    # Space on another island does the same
    frame.locator("path.island-kunashir").focus()
    page.keyboard.press(" ")
    page.wait_for_url(re.compile(r"[?&]island=kunashir(&|$)"))
    page.get_by_text("Claims about Kunashir", exact=False).first.wait_for()
    expect(frame.locator("path.island-kunashir")).to_have_class(re.compile(r"\bselected\b"))
    expect(frame.locator("path.island-shikotan")).not_to_have_class(re.compile(r"\bselected\b"))


def test_the_selected_island_keeps_its_colour_and_a_click_shows_no_focus_box(server, page):
    frame = open_map(page, server + "/?date=2019-01-16")
    click_island(page, "shikotan")
    page.wait_for_url(re.compile(r"[?&]island=shikotan(&|$)"))
    shikotan = frame.locator("path.island-shikotan.selected")
    shikotan.wait_for(state="attached")
    fill = shikotan.get_attribute("fill")
    assert shikotan.get_attribute("stroke") == fill  # no black outline over the island
    ring = frame.locator(".selection-ring")
    assert ring.get_attribute("stroke-dasharray")
    assert ring.get_attribute("fill") == "none"
    style = shikotan.evaluate(
        "p => { const s = getComputedStyle(p); return [s.outlineStyle, s.strokeWidth]; }"
    )
    assert style[0] == "none"
    # the keyboard's focus is drawn on the shape itself
    frame.locator("path.island-habomai").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    width = frame.locator("path.island-habomai").evaluate(
        "p => p.matches(':focus-visible') ? getComputedStyle(p).strokeWidth : null"
    )
    assert width == "3.5px"


def test_island_names_follow_the_date(server, page):
    frame = open_map(page, server + "/?date=2022-03-21")
    view = dict(SITE.island_view(_date("2022-03-21")).tooltips)
    for island in ISLAND_IDS:
        label = frame.locator(f"path.island-{island}").get_attribute("aria-label")
        assert label == plain_text(view[island])
        assert SITE.names[island].split(" / ")[0] in label
    first = dict(SITE.island_view(SITE.stop_dates[0]).tooltips)
    assert first["shikotan"] != view["shikotan"]
    slider = page.get_by_role("slider").first
    slider.focus()
    page.keyboard.press("Home")
    expect(frame.locator("path.island-shikotan")).to_have_attribute(
        "aria-label", plain_text(first["shikotan"])
    )


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# Where on the map the hovered land is brought: near each edge, clear of the controls
# (the credit line takes the bottom 20 px, the zoom buttons the top-left corner).
EDGES = {"right": (-16, 0.5), "bottom": (0.5, -26), "top": (0.5, 12), "left": (12, 0.5)}


@pytest.mark.parametrize("edge", list(EDGES))
def test_tooltips_stay_inside_the_map(server, page, edge):
    """Iturup's land brought next to an edge of the frame, then hovered: the sticky
    tooltip, which follows the pointer, stays inside the map."""
    open_map(page, server)
    lat, lon = land_point("iturup")
    x, y = map_eval(
        page,
        "([lat, lon, at]) => { const m = window.map; m.setView([lat, lon], 10,"
        " {animate: false}); const s = m.getSize();"
        " const to = at.map((v, i) => { const n = i ? s.y : s.x;"
        " return v < 0 ? n + v : v < 1 ? v * n : v; });"
        " const p = m.latLngToContainerPoint([lat, lon]);"
        " m.panBy([p.x - to[0], p.y - to[1]], {animate: false});"
        " const q = m.latLngToContainerPoint([lat, lon]); return [q.x, q.y]; }",
        [lat, lon, list(EDGES[edge])],
    )
    page.mouse.move(*frame_point(page, x, y))
    tip = map_frame(page).locator(".leaflet-tooltip.kuril-tip")
    tip.wait_for()
    inside = tip.evaluate(
        "t => { const r = t.getBoundingClientRect();"
        " const c = window.map.getContainer().getBoundingClientRect();"
        " return [r.left >= c.left, r.top >= c.top, r.right <= c.right,"
        " r.bottom <= c.bottom, r.width, r.height]; }"
    )
    assert inside[:4] == [True, True, True, True], inside
    assert "Iturup" in tip.inner_text()


def test_attribution_keeps_the_leaflet_link_without_the_flag(server, page):
    frame = open_map(page, server)
    credit = frame.locator(".leaflet-control-attribution")
    link = credit.locator('a[href="https://leafletjs.com"]')
    expect(link).to_have_count(1)
    assert link.inner_text().strip() == "Leaflet"
    expect(credit.locator("svg")).to_have_count(0)
    assert "GSHHG" in credit.inner_text()


def test_context_land_is_region_paths(server, page):
    """The committed context land as region paths (grey until a view colours them)."""
    frame = open_map(page, server)
    main = frame.locator(".leaflet-map-pane:not(.kuril-locator *) path.region")
    expect(main.and_(frame.locator("path.region-hokkaido"))).to_have_count(1)
    assert main.count() >= 3
    expect(frame.locator("path.island.region")).to_have_count(0)


# --- regions, boundary lines and the locator, with throwaway data in a saved page --------------
def saved_page(tmp_path, page):
    islands = SITE.islands
    leaflet = PACKAGE_DIR
    m = build_base_map(
        Shapes(text=context_geojson(SITE.context)),
        Shapes(text=islands_geojson(islands)),
        island_labels(islands),
        Assets(
            js=((leaflet / "leaflet.js").as_uri(),),
            css=((leaflet / "leaflet.css").as_uri(),),
            local=True,
        ),
        tiles=False,
        boundaries=mapdata.BOUNDARIES,
        locator=Shapes(text=mapdata.locator_geojson()),
    )
    view = mapdata.with_regions(SITE.island_view(SITE.stop_dates[-1]))
    island_layer(view, "shikotan").add_to(m)
    html = tmp_path / "map.html"
    m.save(str(html))
    page.goto(html.as_uri())
    page.locator(".kuril-locator path.locator-island-shikotan").wait_for(state="attached")
    page.locator("path.island-shikotan.selected").wait_for(state="attached")
    return view


def test_regions_lines_and_locator_follow_the_view(tmp_path, page):
    view = saved_page(tmp_path, page)
    undisputed = PALETTE["undisputed"]
    # the locator: regions and islands coloured as on the main map, its own classes
    locator = page.locator(".kuril-locator")
    assert locator.locator("path.region-kamchatka").get_attribute("fill") == undisputed
    for island in ISLAND_IDS:
        main = page.locator(f"path.island-{island}").get_attribute("fill")
        assert locator.locator(f"path.locator-island-{island}").get_attribute("fill") == main
    expect(locator.locator("path.island")).to_have_count(0)
    expect(page.locator("path.island-shikotan")).to_have_count(1)
    assert locator.locator("path.locator-frame").count() == 1
    assert "Kamchatka" in locator.inner_text()
    # the main map's regions: hokkaido is a region id in the committed context land too
    assert page.locator("path.region-hokkaido").first.get_attribute("fill") == undisputed
    # only the lines the view lists
    shown = {
        line.id: page.locator(f".leaflet-boundaries-pane path.boundary-{line.id}").count()
        for line in mapdata.BOUNDARIES
    }
    assert shown == {line.id: int(line.id in view.boundaries) for line in mapdata.BOUNDARIES}
    treaty = page.locator("path.boundary-shimoda-1855")
    assert treaty.get_attribute("fill") == "none"
    assert treaty.get_attribute("stroke-dasharray") is None
    assert page.locator("path.boundary-handover-1956").get_attribute("stroke-dasharray")
    # the popup: the reference as a link to a new tab
    page.evaluate("() => window.kurilBoundaries.lines['shimoda-1855'].openPopup()")
    link = page.locator(".leaflet-popup-content a")
    expect(link).to_have_attribute("href", "https://example.org/shimoda?a=1&b=2")
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert page.errors == []


def test_hostile_line_names_stay_text(tmp_path, page):
    saved_page(tmp_path, page)
    page.evaluate(
        "() => { const l = window.kurilBoundaries.lines['claim-1951'];"
        " window.kurilBoundaries.group.addLayer(l); l.openPopup(); }"
    )
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("</script><script>window.__pwned=1</script>")
    expect(popup.locator("a")).to_have_count(0)  # a javascript: URL is no link
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.errors == []


def test_the_locator_folds_away(tmp_path, page):
    saved_page(tmp_path, page)
    hide = page.get_by_role("button", name="Hide the locator map")
    expect(hide).to_have_attribute("aria-expanded", "true")
    hide.click()
    show = page.get_by_role("button", name="Show the locator map")
    expect(show).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".kuril-locator-map")).to_be_hidden()
    show.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".kuril-locator-map")).to_be_visible()
    box = page.locator(".kuril-locator").bounding_box()
    assert 150 <= box["width"] <= 190
    assert 190 <= box["height"] <= 230
