"""The map at a date as one HTML file that opens offline: the app's own base map
and island view (geo.map.build, geo.map.view) with the geometry inline, Leaflet's
script and stylesheet inlined from the xstatic-leaflet package (its images as
data: URLs), no tiles, and around the map the title, the date, the legend and the
credits. Nothing in the page is fetched: it works from a file, a USB stick or an
e-mail attachment. Every value shown is escaped."""

from __future__ import annotations

import base64
import datetime as dt
import re
from functools import cache
from html import escape
from typing import TYPE_CHECKING

from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from geo.export.citation import LICENCE_NOTE, MAP_TITLE, attribution, citation
from geo.i18n import _, format_date
from geo.map.assets import PACKAGE_DIR, Assets
from geo.map.build import build_base_map
from geo.map.palette import BOUNDARY_STYLES, ISLAND_EDGE, PALETTE
from geo.map.served import Shapes
from geo.map.view import island_layer

if TYPE_CHECKING:
    from geo.site import Site

# Nothing to load: Leaflet goes inline (`leaflet_inline`), so the map asks for no URL.
INLINE = Assets(js=(), css=(), local=True)
PAGE_CSS = """
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font: 15px/1.45 system-ui, sans-serif;
       color: #1a1a1a; background: #fff; }
.kuril-export-head { flex: 0 0 auto; padding: 10px 16px 6px; }
.kuril-export-head h1 { font-size: 1.3rem; margin: 0 0 2px; }
.kuril-export-head p { margin: 0 0 6px; }
.kuril-legend { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; padding: 0;
                list-style: none; font-size: 0.86rem; }
.kuril-legend li { display: flex; align-items: center; gap: 6px; max-width: 36rem; }
.kuril-swatch { flex: none; width: 22px; height: 14px; border: 1px solid #333; }
.kuril-export-foot { flex: 0 0 auto; padding: 4px 16px 8px; font-size: 0.78rem;
                     color: #555; }
.kuril-export-foot p { margin: 2px 0; }
.folium-map { flex: 1 1 auto; min-height: 320px; height: auto !important; }
"""


class Inline(Element):
    """Text put into the page as it is, never read as a Jinja template (Leaflet's
    source could hold '{{'): `<tag>` + text + `</tag>`."""

    _template = Template("<{{ this.tag }}>{{ this.text }}</{{ this.tag }}>")

    def __init__(self, tag: str, text: str) -> None:
        super().__init__()
        if re.search(rf"</{tag}", text, re.IGNORECASE):
            raise ValueError(f"text for <{tag}> must not close it")
        self.tag, self.text = tag, text


class Raw(Element):
    """Our HTML, put into the page as it is."""

    _template = Template("{{ this.text }}")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class AfterMap(MacroElement):
    """HTML right after the map's element in the page. A macro's output is read again
    as a template (branca), so the text has no brace at all (`text`)."""

    _template = Template("{% macro html(this, kwargs) %}{{ this.text }}{% endmacro %}")

    def __init__(self, text: str) -> None:
        super().__init__()
        if "{" in text or "}" in text:
            raise ValueError("AfterMap text must not hold braces")
        self._name = "AfterMap"
        self.text = text


def text(value: str) -> str:
    """`value` as HTML text: escaped, and its braces as character references, so no
    template engine on the way reads it."""
    return escape(value).replace("{", "&#123;").replace("}", "&#125;")


def _data_url(match: re.Match[str]) -> str:
    image = PACKAGE_DIR / match.group(1)
    return f"url(data:image/png;base64,{base64.b64encode(image.read_bytes()).decode('ascii')})"


@cache
def leaflet_inline() -> tuple[str, str]:
    """Leaflet's script (without its source-map comment) and stylesheet (its control
    and marker images as data: URLs), read once per process."""
    js = (PACKAGE_DIR / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", js)
    css = (PACKAGE_DIR / "leaflet.css").read_text(encoding="utf-8")
    return js, re.sub(r"url\((images/[\w.-]+\.png)\)", _data_url, css)


def _line_key(kind: str) -> str:
    """A short sample of a boundary line's stroke, as an inline SVG."""
    style = BOUNDARY_STYLES[kind]
    dash = f' stroke-dasharray="{escape(str(style["dashArray"]))}"' if style["dashArray"] else ""
    return (
        '<svg width="34" height="10" aria-hidden="true" focusable="false">'
        f'<line x1="2" y1="5" x2="32" y2="5" stroke="{escape(str(style["color"]))}" '
        f'stroke-width="{escape(str(style["weight"]))}"{dash}/></svg>'
    )


def legend_html(site: Site, date: dt.date) -> str:
    """The date's categories (their colour and wording) and its boundary lines."""
    items = [
        f'<li><span class="kuril-swatch" style="background:{escape(PALETTE[c])};'
        f'border-color:{ISLAND_EDGE}"></span>{text(wording)}</li>'
        for c, wording in site.model.legend_at(date)
    ]
    items += [f"<li>{_line_key(kind)}{text(name)}</li>" for kind, name in site.lines_at(date)]
    name = escape(_("Legend"))
    return f'<ul class="kuril-legend" aria-label="{name}">{"".join(items)}</ul>'


def _heading(site: Site, date: dt.date) -> str:
    events = site.events_at(date) if date in site.stop_by_date else []
    heading = _("Status on {date}").format(date=format_date(date))
    if events:
        return _("{heading}: {title}").format(heading=heading, title=events[0].title)
    return heading


def page_parts(site: Site, date: dt.date) -> tuple[str, str]:
    """The HTML above the map (title, date, legend) and below it (credits)."""
    head = (
        '<header class="kuril-export-head">'
        f"<h1>{text(_(MAP_TITLE))}</h1><p>{text(_heading(site, date))}. "
        + text(
            _(
                "The land around the islands is drawn lighter in the same colours; hover "
                "over an island for its names and status."
            )
        )
        + "</p>"
        f"{legend_html(site, date)}</header>"
    )
    foot = (
        '<footer class="kuril-export-foot">'
        f"<p>{text(attribution(date))}. " + text(_("Cite as:")) + f" {text(citation(date))}</p>"
        f"<p>{text(LICENCE_NOTE)}</p></footer>"
    )
    return head, foot


def map_html(site: Site, date: dt.date) -> str:
    """The offline HTML page of the map at `date`."""
    m = build_base_map(
        Shapes(text=site.context_geojson),
        Shapes(text=site.islands_geojson),
        site.labels,
        INLINE,
        tiles=False,
        boundaries=site.lines,
        locator=Shapes(text=site.locator_geojson),
        wheel_zoom=True,
    )
    m.default_js = []  # the no-Leaflet guard watches for a script URL; there is none
    island_layer(site.island_view(date), None).add_to(m)
    root = m.get_root()
    if not isinstance(root, Figure):
        raise TypeError("a folium.Map's root is a branca Figure")
    root.title = escape(f"{_(MAP_TITLE)}: {format_date(date)}")
    js, css = leaflet_inline()
    # Leaflet first (the map's own styles override its stylesheet), but after the
    # charset, which browsers look for in the first 1024 bytes.
    first = list(root.header._children).index("meta_http") + 1
    root.header.add_child(Inline("style", css), name="leaflet_css", index=first)
    root.header.add_child(Inline("script", js), name="leaflet_js", index=first + 1)
    root.header.add_child(Inline("style", PAGE_CSS), name="kuril_page_css")
    head, foot = page_parts(site, date)
    root.html.add_child(Raw(head), name="kuril_head")  # before the map's element
    AfterMap(foot).add_to(m)
    return root.render()
