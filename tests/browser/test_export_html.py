"""The offline HTML map download in headless Chromium, opened from a file:// URL
with every request off the file refused: the four islands and the regions drawn in
the date's colours, a tooltip with both names and the status, the legend; and with
hostile data, nothing runs."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from geo import ISLAND_IDS
from geo.config import Settings
from geo.export.html import map_html
from geo.map.palette import PALETTE
from geo.site import Site
from tests.conftest import repo_site
from tests.support.browser import land_point
from tests.support.hostile import P2, make_hostile_data

SITE = repo_site()
DATE = dt.date(2000, 1, 1)
MAP_JS = "Object.values(window).find(v => window.L && v instanceof L.Map)"


def open_file(page, html: str, path) -> list[str]:
    """Open `html` saved at `path`; the URLs of every request other than the file."""
    path.write_text(html, encoding="utf-8")
    outside: list[str] = []

    def refuse(route):
        outside.append(route.request.url)
        route.abort()

    page.route(lambda url: not url.startswith(path.as_uri()), refuse)
    page.goto(path.as_uri())
    return outside


def hover_island(page, island: str) -> None:
    lat, lon = land_point(island)
    x, y = page.evaluate(
        f"([lat, lon]) => {{ const m = {MAP_JS}; const p = m.latLngToContainerPoint([lat, lon]);"
        " const r = m.getContainer().getBoundingClientRect();"
        " return [p.x + r.left, p.y + r.top]; }",
        [lat, lon],
    )
    page.mouse.move(x, y)


def test_the_offline_page_draws_the_date_from_a_file(page, tmp_path):
    outside = open_file(page, map_html(SITE, DATE), tmp_path / "kuril-map.html")
    statuses = SITE.model.all_at(DATE)
    for island in ISLAND_IDS:
        path = page.locator(f"path.island-{island}").first
        expect(path).to_have_attribute("fill", PALETTE[statuses[island].category])
    regions = SITE.model.regions_at(DATE)
    for region in SITE.context["id"]:  # the land around the islands on the main map
        path = page.locator(f".leaflet-overlay-pane path.region-{region}").first
        expect(path).to_have_attribute("fill", PALETTE[regions[region].category])
    for _category, wording in SITE.model.legend_at(DATE):
        expect(page.locator(".kuril-legend")).to_contain_text(wording)
    expect(page.locator(".kuril-export-foot")).to_contain_text("GSHHG")
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("GSHHG")

    hover_island(page, "iturup")
    tip = page.locator(".kuril-tip")
    expect(tip).to_contain_text(SITE.names["iturup"])
    expect(tip).to_contain_text(statuses["iturup"].label)
    assert outside == []
    assert page.errors == []


def test_hostile_data_shows_as_text_and_runs_nothing(page, tmp_path):
    folder = make_hostile_data(tmp_path / "data")
    site = Site.load(Settings(data_dir=folder, static_dir=tmp_path / "static"))
    date = site.stop_dates[-1]
    outside = open_file(page, map_html(site, date), tmp_path / "hostile.html")
    expect(page.locator("path.island-iturup").first).to_have_attribute(
        "fill", PALETTE[site.model.at("iturup", date).category]
    )
    expect(page.locator(".kuril-legend")).to_contain_text(P2)  # the payload, as text
    hover_island(page, "kunashir")
    expect(page.locator(".kuril-tip")).to_contain_text("window.__pwned")
    assert page.evaluate("window.__pwned") is None
    assert outside == []
    assert page.errors == []
