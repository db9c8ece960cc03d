"""The map at a date as a PNG, drawn on the server: the islands and the land around
them in their status colours (geo.map.palette, as on the page), the boundary lines
of the date, both names of each island, and beside the map the title, the date,
the legend of the date and the credits. 1600 x 1200 px.

Matplotlib's Agg canvas on a `Figure` of its own per render, never pyplot (whose
global state is not for a server's threads), and not geopandas' `plot`, which
imports pyplot: shapes become Matplotlib paths here. The map is plate carrée
scaled by cos(latitude) at its centre (`Frame`), close to the page's Web
Mercator over three degrees of latitude. Islands are drawn opaque (no tiles under
them), the regions around them translucent over the sea as on the page. The file
carries no software name or time, so a date always gives the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import shapely
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.ft2font import LoadFlags
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.path import Path
from matplotlib.patheffects import withStroke

from geo.boundaries import boundaries_at
from geo.export.citation import MAP_TITLE, attribution
from geo.i18n import _, format_date
from geo.map.build import CONTEXT_LABELS
from geo.map.palette import (
    BOUNDARY_STYLES,
    CONTEXT_FILL,
    ISLAND_EDGE,
    PALETTE,
    REGION_EDGE,
    REGION_OPACITY,
    SEA,
)
from geo.status import IslandStatus

if TYPE_CHECKING:
    from geo.site import Site

WIDTH, HEIGHT, DPI = 1600, 1200, 100
PX = 72 / DPI  # points per pixel: Leaflet's widths are in pixels, Matplotlib's in points
INK, MUTED = "#1a1a1a", "#555555"
# DejaVu Sans ships with Matplotlib: the same Latin and Cyrillic glyphs on every server;
# Japanese falls back to Noto Sans CJK JP (the Debian package fonts-noto-cjk).
FONT = ["DejaVu Sans", "Noto Sans CJK JP"]


@dataclass(frozen=True)
class Frame:
    """Where the map sits in the image: its extent in degrees and its box in pixels
    (left and top from the image's top-left corner, width); the height follows from
    the extent at cos(centre latitude) so the shapes keep their proportions."""

    west: float
    south: float
    east: float
    north: float
    left: int
    top: int
    width: int

    @property
    def scale(self) -> float:
        """Pixels per degree of longitude."""
        return self.width / (self.east - self.west)

    @property
    def height(self) -> int:
        centre = math.radians((self.south + self.north) / 2)
        return round(self.scale * (self.north - self.south) / math.cos(centre))

    def pixel(self, lon: float, lat: float) -> tuple[float, float]:
        """The image pixel (x right, y down from the top-left) of a point."""
        x = self.left + (lon - self.west) * self.scale
        y = self.top + (self.north - lat) / (self.north - self.south) * self.height
        return x, y

    def axes_box(self) -> tuple[float, float, float, float]:
        """Matplotlib's [left, bottom, width, height] in figure fractions."""
        bottom = HEIGHT - self.top - self.height
        return (self.left / WIDTH, bottom / HEIGHT, self.width / WIDTH, self.height / HEIGHT)


# The four groups with eastern Hokkaido, the Nemuro strait and the south of Urup, and
# room east of Iturup for its name.
FRAME = Frame(west=144.2, south=42.75, east=150.1, north=46.45, left=36, top=118, width=1100)
PANEL_LEFT = FRAME.left + FRAME.width + 30  # the legend's column, to the right edge
PANEL_WIDTH = WIDTH - PANEL_LEFT - 24
KEY_INDENT = 52  # the legend's text, right of its swatch or line
LINE_SPACING = 1.3


def _ring_path(coords: Iterable[tuple[float, ...]]) -> tuple[list[tuple[float, float]], list[int]]:
    points = [(float(c[0]), float(c[1])) for c in coords]
    codes = [int(Path.MOVETO)] + [int(Path.LINETO)] * (len(points) - 2) + [int(Path.CLOSEPOLY)]
    return points, codes


def polygon_path(geometry: shapely.Geometry) -> Path:
    """A (multi)polygon as one Matplotlib path: rings oriented so that holes (the
    lakes) stay open under the non-zero fill rule."""
    vertices: list[tuple[float, float]] = []
    codes: list[int] = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        oriented = shapely.geometry.polygon.orient(polygon, 1.0)
        for ring in (oriented.exterior, *oriented.interiors):
            points, ring_codes = _ring_path(ring.coords)
            vertices += points
            codes += ring_codes
    return Path(vertices, codes)


def _dashes(dash_array: object, weight: float) -> tuple[float, tuple[float, ...]] | None:
    """Leaflet's dashArray ('10 4 2 4', pixels) as a Matplotlib dash pattern (in
    multiples of the line width)."""
    if not dash_array:
        return None
    return (0.0, tuple(float(n) / weight for n in str(dash_array).split()))


def boundary_line(xs: list[float], ys: list[float], kind: str, **place: object) -> Line2D:
    """A boundary line of `kind` styled as on the page (geo.map.palette), a little
    heavier for print."""
    style = BOUNDARY_STYLES[kind]
    weight = float(str(style["weight"]))
    line = Line2D(
        xs,
        ys,
        color=str(style["color"]),
        linewidth=weight * PX * 1.25,
        alpha=float(str(style["opacity"])),
        solid_capstyle="round",
    )
    dashes = _dashes(style["dashArray"], weight)
    if dashes:
        line.set_linestyle(dashes)
    line.set(**place)
    return line


def _halo(width: float = 3.0) -> list[withStroke]:
    return [withStroke(linewidth=width, foreground="white")]


def _fill(status: IslandStatus | None) -> str:
    return PALETTE[status.category] if status else CONTEXT_FILL


def _draw_map(ax: Axes, site: Site, date: dt.date) -> None:
    ax.set_facecolor(SEA)
    ax.set_xlim(FRAME.west, FRAME.east)
    ax.set_ylim(FRAME.south, FRAME.north)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_edgecolor("#8a8a8a")
    # One collection a layer: Axes.add_patch would walk every curve for the data limits.
    regions = site.model.regions_at(date)
    context = site.context.to_dict("records")
    ax.add_collection(
        PathCollection(
            [polygon_path(row["geometry"]) for row in context],
            facecolors=[to_rgba(_fill(regions.get(str(r["id"]))), REGION_OPACITY) for r in context],
            edgecolors=REGION_EDGE,
            linewidths=0.6 * PX,
            zorder=2,
        ),
        autolim=False,
    )
    statuses = site.model.all_at(date)
    islands = site.islands.to_dict("records")
    ax.add_collection(
        PathCollection(
            [polygon_path(row["geometry"]) for row in islands],
            facecolors=[_fill(statuses[str(r["id"])]) for r in islands],
            edgecolors=ISLAND_EDGE,
            linewidths=0.8 * PX,
            zorder=3,
        ),
        autolim=False,
    )
    shown = set(boundaries_at(site.dataset, date))
    for line in site.lines:
        if line.id in shown:
            lons = [lon for _lat, lon in line.latlngs]
            lats = [lat for lat, _lon in line.latlngs]
            ax.add_line(boundary_line(lons, lats, line.kind, zorder=4))
    for (lat, lon), label, css, _anchor in CONTEXT_LABELS:
        text = _(label)
        point = "point-west" in css.split()  # a dot, the name to its west
        if point:
            ax.plot([lon], [lat], "o", color=MUTED, markersize=5, markeredgecolor="white", zorder=5)
        ax.annotate(
            text,
            (lon, lat),
            xytext=(-8 if point else 0, 0),
            textcoords="offset pixels",
            fontsize=12,
            color=MUTED,
            style="italic",
            ha="right" if point else "center",
            va="center",
            zorder=5,
            path_effects=_halo(),
            family=FONT,
        )
    for (lat, lon), text in site.labels:  # both names, just east of each island
        ax.annotate(
            text,
            (lon, lat),
            xytext=(6, 0),
            textcoords="offset pixels",
            fontsize=14,
            fontweight="bold",
            color=INK,
            ha="left",
            va="center",
            zorder=6,
            path_effects=_halo(3.5),
            family=FONT,
        )


@lru_cache(maxsize=4096)
def _advance(char: str, size: float, bold: bool) -> float:
    """The advance of `char` in pixels at `size` points (FreeType's unhinted width;
    Matplotlib's own string measure lays out with HarfBuzz, a few ms a call), in the
    first of FONT's families that has the glyph, as Matplotlib's fallback draws it."""
    weight = "bold" if bold else "normal"
    fonts = [get_font(findfont(FontProperties(family=f, size=size, weight=weight))) for f in FONT]
    font = next((f for f in fonts if f.get_char_index(ord(char))), fonts[0])
    font.set_size(size, DPI)
    return font.load_char(ord(char), flags=LoadFlags.NO_HINTING).linearHoriAdvance / 65536


def text_width(text: str, size: float, bold: bool = False) -> float:
    """`text`'s width in pixels at `size` points, without kerning (a pixel or two wide)."""
    return sum(_advance(c, size, bold) for c in text)


# Japanese text has no spaces: a line may break after any of its characters, except
# before closing punctuation, which stays with the character before it.
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_NO_BREAK_BEFORE = frozenset("、。，．・：；！？）」』】〕〉》ー々")


def _pieces(text: str) -> list[tuple[str, bool]]:
    """(piece, whether a space comes before it): the units a line is filled with."""
    pieces: list[tuple[str, bool]] = []
    for word in text.split():
        spaced = True
        for ch in word:
            if (
                pieces
                and not spaced
                and (
                    ch in _NO_BREAK_BEFORE or not (_CJK.match(ch) or _CJK.match(pieces[-1][0][-1]))
                )
            ):
                pieces[-1] = (pieces[-1][0] + ch, pieces[-1][1])
            else:
                pieces.append((ch, spaced))
            spaced = False
    return pieces


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """`text` broken at spaces (and between Japanese characters) into lines no wider
    than `width` pixels at `size` points (greedy; a longer word keeps a line of its own)."""
    lines: list[str] = []
    for piece, spaced in _pieces(text):
        if lines:
            line = lines[-1] + (" " if spaced else "") + piece
            if text_width(line, size, bold) <= width:
                lines[-1] = line
                continue
        lines.append(piece)
    return lines or [""]


class _Column:
    """Text laid out down the legend's column, `y` in pixels from the image's top."""

    def __init__(self, fig: Figure, top: int) -> None:
        self.fig, self.y = fig, top

    def text(
        self,
        text: str,
        *,
        size: float = 12.5,
        indent: int = 0,
        gap: int = 6,
        bold: bool = False,
        colour: str = INK,
    ) -> None:
        lines = wrap(text, PANEL_WIDTH - indent, size, bold)
        self.fig.text(
            (PANEL_LEFT + indent) / WIDTH,
            1 - self.y / HEIGHT,
            "\n".join(lines),
            fontsize=size,
            fontweight="bold" if bold else "normal",
            va="top",
            ha="left",
            linespacing=LINE_SPACING,
            family=FONT,
            color=colour,
        )
        self.y += round(len(lines) * size / PX * LINE_SPACING) + gap

    def heading(self, text: str) -> None:
        self.text(text, size=15, bold=True, gap=12)

    def swatch(self, colour: str, text: str) -> None:
        self.fig.add_artist(
            Rectangle(
                (PANEL_LEFT / WIDTH, 1 - (self.y + 26) / HEIGHT),
                40 / WIDTH,
                24 / HEIGHT,
                transform=self.fig.transFigure,
                facecolor=colour,
                edgecolor=ISLAND_EDGE,
                linewidth=0.8 * PX,
            )
        )
        self.text(text, indent=KEY_INDENT, gap=12)

    def line(self, kind: str, text: str) -> None:
        y = 1 - (self.y + 11) / HEIGHT
        x0, x1 = PANEL_LEFT / WIDTH, (PANEL_LEFT + 40) / WIDTH
        self.fig.add_artist(boundary_line([x0, x1], [y, y], kind, transform=self.fig.transFigure))
        self.text(text, indent=KEY_INDENT, gap=12)


def _heading(site: Site, date: dt.date) -> str:
    """'Status on 19 Oct 1956: Soviet–Japanese Joint Declaration signed' (the first
    event of the date, if the date is a stop)."""
    heading = _("Status on {date}").format(date=format_date(date))
    events = site.events_at(date) if date in site.stop_by_date else []
    if events:
        return _("{heading}: {title}").format(heading=heading, title=events[0].title)
    return heading


def _draw_text(fig: Figure, site: Site, date: dt.date) -> int:
    left = FRAME.left / WIDTH
    fig.text(
        left,
        1 - 28 / HEIGHT,
        _(MAP_TITLE),
        fontsize=24,
        fontweight="bold",
        va="top",
        color=INK,
        family=FONT,
    )
    heading = wrap(_heading(site, date), WIDTH - 2 * FRAME.left, 16)
    fig.text(
        left,
        1 - 72 / HEIGHT,
        heading[0] + (" …" if len(heading) > 1 else ""),
        fontsize=16,
        va="top",
        color=INK,
        family=FONT,
    )
    column = _Column(fig, FRAME.top)
    column.heading(_("Status at this date"))
    for category, wording in site.model.legend_at(date):
        column.swatch(PALETTE[category], wording)
    column.text(
        _("The land around the islands is drawn lighter in the same colours."),
        size=11,
        colour=MUTED,
        gap=18,
    )
    lines = site.lines_at(date)
    if lines:
        column.heading(_("Boundary lines"))
        for kind, name in lines:
            column.line(kind, name)
        column.y += 6
    column.heading(_("Islands"))
    for island, status in site.model.all_at(date).items():
        column.text(site.names[island], bold=True, gap=2)
        column.text(status.label, size=11.5, gap=10)
    credits = _(
        "{attribution}. Names: English / Japanese (romaji). Colours: Okabe–Ito. "
        "Wording: administered by …, claimed by …, as at the date."
    ).format(attribution=attribution(date))
    fig.text(
        left,
        1 - (FRAME.top + FRAME.height + 14) / HEIGHT,
        "\n".join(wrap(credits, FRAME.width, 11)),
        fontsize=11,
        va="top",
        color=MUTED,
        linespacing=LINE_SPACING,
        family=FONT,
    )
    return column.y


@dataclass(frozen=True)
class Drawing:
    """The figure of one date, not yet rendered, and how far down its legend column
    reaches (pixels from the top)."""

    figure: Figure
    legend_bottom: int


def draw(site: Site, date: dt.date) -> Drawing:
    """The map at `date` as a Matplotlib figure on an Agg canvas of its own."""
    fig = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)  # Agg, explicitly: no backend is looked up, pyplot never loads
    _draw_map(fig.add_axes(FRAME.axes_box()), site, date)
    return Drawing(fig, _draw_text(fig, site, date))


def map_png(site: Site, date: dt.date) -> bytes:
    """The map at `date` as PNG bytes, 1600 x 1200 px; the same bytes for the same date."""
    out = io.BytesIO()
    draw(site, date).figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()
