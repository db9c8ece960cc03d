"""geo.export.html: one HTML file of the map at a date that needs nothing from the
network: Leaflet and the shapes inline, the date's colours, tooltips, legend and
credits in it, every shown value escaped. (It is opened in Chromium from a file in
tests/browser/test_export_html.py.)"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import escape
from html.parser import HTMLParser

import pytest

from geo.config import Settings
from geo.export.citation import COASTLINE_SOURCE, LICENCE_NOTE, PROJECT
from geo.export.html import AfterMap, Inline, leaflet_inline, map_html
from geo.map.assets import PACKAGE_DIR
from geo.map.build import WHEEL_HINT
from geo.map.palette import PALETTE
from geo.site import Site
from tests.conftest import repo_site
from tests.support.hostile import P1, P2, P4, make_hostile_data

SITE = repo_site()
DATE = dt.date(2000, 1, 1)


class Links(HTMLParser):
    """Every URL the page would load: script src, link href, img/iframe src, CSS url()."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in ("script", "img", "iframe", "source") and values.get("src"):
            self.urls.append(values["src"])
        if tag == "link" and values.get("href"):
            self.urls.append(values["href"])
        self._in_style = tag == "style"

    def handle_endtag(self, _tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


@pytest.fixture(scope="module")
def page() -> str:
    return map_html(SITE, DATE)


def view_of(html: str) -> dict:
    """The island view the page shows (the argument of kurilView.show)."""
    found = re.search(r"kurilView\.show\((\{.*?\})\);?\s*$", html, re.MULTILINE)
    assert found, "no island view in the page"
    return json.loads(found.group(1))


def test_no_external_script_or_stylesheet(page):
    links = Links()
    links.feed(page)
    assert links.urls == [], links.urls  # nothing to load at all, not even a data: URL
    css_urls = re.findall(r"url\(([^)]*)\)", " ".join(links.styles))
    assert css_urls
    assert all(u.startswith(("data:", "#")) for u in css_urls), css_urls
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page.split("<script>")[0])


def test_leaflet_and_the_shapes_are_inline(page):
    js, css = leaflet_inline()
    assert js in page
    assert css in page
    assert (PACKAGE_DIR / "leaflet.js").read_text(encoding="utf-8")[:2000] in page
    assert "sourceMappingURL" not in page
    for island in ("iturup", "kunashir", "shikotan", "habomai"):
        assert f'"id":"{island}"' in page
    assert '"data":{"type":"FeatureCollection"' in page


def test_the_islands_and_regions_have_the_date_s_colours_and_tooltips(page):
    view = view_of(page)
    for island, status in SITE.model.all_at(DATE).items():
        assert view["styles"][island]["fillColor"] == PALETTE[status.category]
        tip = view["tooltips"][island]
        assert escape(SITE.names[island]) in tip
        assert escape(status.label) in tip
    for region, status in SITE.model.regions_at(DATE).items():
        assert view["regions"][region]["fillColor"] == PALETTE[status.category]
    assert view["selected"] is None
    assert sorted(view["boundaries"]) == sorted(
        b.id for b in SITE.lines if b.name in dict(map(reversed, SITE.lines_at(DATE)))
    )


def test_legend_title_date_and_credits(page):
    assert "<title>Southern Kuril Islands / Northern Territories: 1 Jan 2000</title>" in page
    for category, wording in SITE.model.legend_at(DATE):
        assert PALETTE[category] in page
        assert f"</span>{escape(wording)}</li>" in page
    for _kind, name in SITE.lines_at(DATE):
        assert escape(name) in page
    assert "Status on 1 Jan 2000" in page
    for credit in (PROJECT, COASTLINE_SOURCE, "LGPL-3.0-or-later", "CC BY 4.0"):
        assert escape(credit) in page
    assert escape(LICENCE_NOTE) in page
    # the credits come after the map's element
    assert page.index('class="folium-map"') < page.index('class="kuril-export-foot"')


def test_a_page_of_its_own_zooms_with_the_wheel(page):
    assert '"scrollWheelZoom": true' in page
    assert WHEEL_HINT["other"] not in page  # no "ctrl + scroll" hint: nothing to scroll


def test_no_leaflet_source_or_text_can_close_its_tag():
    with pytest.raises(ValueError, match="must not close"):
        Inline("script", "a</script><script>alert(1)")
    with pytest.raises(ValueError, match="braces"):
        AfterMap("{{ 7 * 7 }}")


def test_hostile_data_is_shown_as_text(tmp_path):
    """Payloads in the statuses, the event titles and the island names end up escaped
    in the page (or inert in the map's script), never as markup."""
    folder = make_hostile_data(tmp_path / "data")
    site = Site.load(Settings(data_dir=folder, static_dir=tmp_path / "static"))
    date = site.stop_dates[-1]
    html = map_html(site, date)
    script_start = html.index("<script>", html.index("</body>"))
    shown, script = html[:script_start], html[script_start:]
    for payload in (P1, P2, P4):
        assert payload not in html.replace(leaflet_inline()[0], "")
    assert escape(P2) in shown  # the statuses' administering state carries P2
    assert "\\u003cscript\\u003ewindow.__pwned=1" in script  # an island name, inert JSON
    assert "{{" not in shown


def test_a_page_of_its_own_has_no_page_to_tell_it_is_drawn(page):
    """The app's map tells the page once its islands are drawn (geo.deferred); the
    saved map has no page around it."""
    assert "setComponentValue" not in page
    assert "kuril_map_drawn" not in page
