"""The map's Leaflet elements, one MacroElement each, their JavaScript in js/ beside
this module. Every value reaches a script through js_value: JSON that stays inert
inside a <script> and to branca's Jinja rendering."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from html import escape, unescape
from pathlib import Path

from branca.element import MacroElement
from jinja2 import Template

from geo.i18n import _
from geo.map.lines import BoundaryLine
from geo.map.palette import (
    CONTEXT_LOCATOR,
    HOVER,
    ISLAND_EDGE,
    LOCATOR_FRAME,
    PENDING,
    SELECTION_RING,
    boundary_style,
)
from geo.map.served import Shapes

JS_DIR = Path(__file__).resolve().parent / "js"


def js_value(value: object) -> str:
    """`value` as a JavaScript literal that is inert inside a <script> and to
    branca's Jinja rendering. JSON's own braces never start '{{', '{%' or '{#'
    (a key or '}' follows '{'), so these only occur inside strings."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, safe in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
        ("{{", "{\\u007b"),
        ("{%", "{\\u0025"),
        ("{#", "{\\u0023"),
    ):
        text = text.replace(raw, safe)
    return text


@cache
def read_js(name: str) -> str:
    """js/<name>.js, read once per process."""
    return (JS_DIR / f"{name}.js").read_text(encoding="utf-8")


def script_template(name: str) -> Template:
    """js/<name>.js as an element's `script` macro."""
    return Template("{% macro script(this, kwargs) %}\n" + read_js(name) + "{% endmacro %}\n")


def plain_text(html: str) -> str:
    """Our tooltip HTML as plain text (an accessible name): a line break becomes ': ',
    tags go and entities are read. The HTML is ours (every value in it escaped), so
    no tag can hide inside the text."""
    text = re.sub(r"<br\s*/?>", ": ", html)
    return " ".join(unescape(re.sub(r"<[^>]*>", "", text)).split())


def safe_url(url: str) -> str | None:
    """`url` if it is an http(s) address, else None (no javascript: or data: link)."""
    return url if re.match(r"https?://[^\s\"'<>]+$", url or "") else None


def boundary_html(line: BoundaryLine) -> str:
    """A boundary line's tooltip and popup: its name and its reference, the reference
    a link that opens in a new tab; every value escaped."""
    label = escape(line.reference_label)
    url = safe_url(line.reference_url)
    reference = (
        f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{label}</a>'
        if url
        else label
    )
    lead = escape(_("Reference:"))
    return f'<b>{escape(line.name)}</b><br><span class="ref">{lead} {reference}</span>'


class Script(MacroElement):
    """An element whose script is js/<name>.js; `hub_js` and `tooltip_js` are the
    shared snippets (the per-date view's listeners, the tooltip kept in the frame)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self.hub_js = read_js("hub")
        self.tooltip_js = read_js("tooltip")


class ShapesLayer(Script):
    """A map element drawn from a Shapes source: its script defines the loader
    (`this.load_js`) and calls `kurilLoad(this.source)`."""

    def __init__(self, name: str, source: Shapes) -> None:
        super().__init__(name)
        self.source = js_value(source.source())
        self.load_js = read_js("load")


class ContextLand(ShapesLayer):
    """The land around the islands, one path per status region with the classes
    'region region-<id>': grey (`style`) until a view colours the regions and sets
    their tooltips."""

    _template = script_template("context_land")

    def __init__(self, source: Shapes, style: dict[str, object], attribution: str) -> None:
        super().__init__("ContextLand", source)
        self.style = js_value(style)
        self.attribution = js_value(attribution)


class IslandShapes(ShapesLayer):
    """The four island groups, one path per group with the classes
    'island island-<id>', each focusable (role button, named by the view's label;
    Enter or Space selects it as a click does). `window.kurilView.show(view)`
    colours them, sets their tooltips and names, marks the selected one (class
    'selected' and a dashed ring around it); it may come before or after the
    shapes have loaded."""

    _template = script_template("island_shapes")

    def __init__(self, source: Shapes) -> None:
        super().__init__("IslandShapes", source)
        self.pending = js_value(PENDING)
        self.hover = js_value(HOVER)
        self.ring = js_value(SELECTION_RING)


class MapDrawn(Script):
    """Tells the page once, through st_folium's value (`flag` set to true), that the
    islands are drawn or could not be; see geo.deferred."""

    _template = script_template("map_drawn")

    def __init__(self, flag: str) -> None:
        super().__init__("MapDrawn")
        self.flag = js_value({flag: True})


class IslandView(MacroElement):
    """One date's view for the islands, the regions and the boundary lines (a few
    kilobytes, no geometry)."""

    _template = script_template("island_view")

    def __init__(self, view: dict[str, object]) -> None:
        super().__init__()
        self._name = "IslandView"
        self.view = js_value(view)


MapLabel = tuple[tuple[float, float], str, str, tuple[int, int]]


def label_values(labels: Sequence[MapLabel]) -> list[object]:
    """[[lat, lon], html, [anchor x, anchor y]] for each (location, text, class, anchor)."""
    return [
        [list(location), f'<div class="{css}">{escape(text)}</div>', list(anchor)]
        for location, text, css, anchor in labels
    ]


class IslandLabels(MacroElement):
    """Names on the map in a pane above the shapes, text only: each island's name
    beside it (class 'island-label'), or other places (`css` 'context-label')."""

    _template = script_template("island_labels")

    def __init__(
        self,
        labels: Sequence[tuple[tuple[float, float], str]],
        css: str = "island-label",
        anchor: tuple[int, int] = (-6, 8),
        placed: Sequence[MapLabel] = (),
    ) -> None:
        super().__init__()
        self._name = "IslandLabels"
        self.labels = js_value(
            label_values([(loc, text, css, anchor) for loc, text in labels] + list(placed))
        )


def line_values(lines: Sequence[BoundaryLine]) -> list[dict[str, object]]:
    """The lines as the scripts take them: id, [lat, lon] pairs, style, HTML and the
    HTML as plain text (the line's accessible name); the locator draws the same lines
    thinner, in its script."""
    return [
        {
            "id": line.id,
            "latlngs": [list(p) for p in line.latlngs],
            "style": boundary_style(line.kind),
            "html": boundary_html(line),
            "label": plain_text(boundary_html(line)),
        }
        for line in lines
    ]


def lines_json(lines: Sequence[BoundaryLine]) -> str:
    """The lines as one JSON document (`line_values`): a Shapes source, so they are
    fetched once like the land and not sent again with every date."""
    return json.dumps(line_values(lines), ensure_ascii=False, separators=(",", ":"))


class BoundaryLines(ShapesLayer):
    """Every boundary line, drawn once as a path with the classes
    'boundary boundary-<id>', styled by its kind, in a pane above the land; a view
    shows the lines it lists and hides the others. Hover names a line and its
    reference; a click opens the same with the reference's link. `source` holds
    `lines_json`."""

    _template = script_template("boundaries")

    def __init__(self, source: Shapes) -> None:
        super().__init__("BoundaryLines", source)


class Locator(ShapesLayer):
    """The locator inset: a Leaflet control (class 'kuril-locator') holding a small
    map with no interaction, drawn from a GeoJSON source whose features have id,
    role (region, island or context) and name_en; regions get 'region region-<id>',
    islands 'locator-island locator-island-<id>'. The same views colour it; the main
    map's view is a rectangle on it; a button folds it away."""

    _template = script_template("locator")

    def __init__(
        self,
        source: Shapes,
        labels: Sequence[MapLabel],
        lines: Shapes,
        text: dict[str, str],
    ) -> None:
        super().__init__("Locator", source)
        self.labels = js_value(label_values(labels))
        self.lines = js_value(lines.source())  # lines_json; drawn thinner here
        self.text = js_value(text)
        self.pending = js_value(CONTEXT_LOCATOR)
        self.island_edge = js_value(ISLAND_EDGE)
        self.frame = js_value(LOCATOR_FRAME)


class WheelZoom(MacroElement):
    """The wheel scrolls the page; ctrl (cmd) + wheel zooms around the pointer; a
    plain wheel over the map shows `text` briefly inside it."""

    _template = script_template("wheel_zoom")

    def __init__(self, text: dict[str, str]) -> None:
        super().__init__()
        self._name = "WheelZoom"
        self.text = js_value(text)


class PageLanguage(MacroElement):
    """Sets `<html lang>` of the map's document and of the page around it to `lang`."""

    _template = script_template("page_language")

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._name = "PageLanguage"
        self.lang = js_value(lang)


class ViewControls(MacroElement):
    """Opens on `fit`, with a 'Reset view' button (`label`) back to it; the zoom-out
    limit (one level out from there); Leaflet's credit link without its flag; the
    map's container (a Tab stop of Leaflet's) a region named `name`."""

    _template = script_template("view_controls")

    def __init__(
        self, fit: tuple[tuple[float, float], tuple[float, float]], label: str, name: str
    ) -> None:
        super().__init__()
        self._name = "ViewControls"
        self.fit = js_value([list(corner) for corner in fit])
        self.label = js_value(label)
        self.name = js_value(name)
