"""The map's Leaflet elements, one MacroElement each, their JavaScript in js/ beside
this module. Every value reaches a script through js_value: JSON that stays inert
inside a <script> and to branca's Jinja rendering."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from html import escape
from pathlib import Path

from branca.element import MacroElement
from jinja2 import Template

from geo.map.palette import HOVER, PENDING
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


class ShapesLayer(MacroElement):
    """A map element drawn from a Shapes source: its script defines the loader
    (`this.load_js`) and calls `kurilLoad(this.source)`."""

    def __init__(self, name: str, source: Shapes) -> None:
        super().__init__()
        self._name = name
        self.source = js_value(source.source())
        self.load_js = read_js("load")


class ContextLand(ShapesLayer):
    """The nearby land (Hokkaido, the other Kurils): drawn, not interactive."""

    _template = script_template("context_land")

    def __init__(self, source: Shapes, style: dict[str, object], attribution: str) -> None:
        super().__init__("ContextLand", source)
        self.style = js_value(style)
        self.attribution = js_value(attribution)


class IslandShapes(ShapesLayer):
    """The four island groups, one path per group with the classes
    'island island-<id>'. `window.kurilIslands.show(view)` colours them and sets
    their tooltips; it may come before or after the shapes have loaded."""

    _template = script_template("island_shapes")

    def __init__(self, source: Shapes) -> None:
        super().__init__("IslandShapes", source)
        self.pending = js_value(PENDING)
        self.hover = js_value(HOVER)


class IslandView(MacroElement):
    """One date's colours and tooltips for the island shapes (a few kilobytes)."""

    _template = script_template("island_view")

    def __init__(self, view: dict[str, object]) -> None:
        super().__init__()
        self._name = "IslandView"
        self.view = js_value(view)


class IslandLabels(MacroElement):
    """Each island's name beside it, in a pane above the shapes; text only."""

    _template = script_template("island_labels")

    def __init__(self, labels: Sequence[tuple[tuple[float, float], str]]) -> None:
        super().__init__()
        self._name = "IslandLabels"
        self.labels = js_value(
            [
                [list(location), f'<div class="island-label">{escape(name)}</div>']
                for location, name in labels
            ]
        )
