"""geo.export.png: the map at a date as a 1600 x 1200 PNG, the islands in their
status colours where they are, the legend of the date, the same bytes for the same
date, drawn without pyplot."""

from __future__ import annotations

import datetime as dt
import importlib.abc
import io
import sys
import warnings
from collections import Counter

import matplotlib
import pytest
import shapely
from matplotlib.text import Text
from PIL import Image

from geo.export.png import FRAME, HEIGHT, WIDTH, draw, map_png, text_width, wrap
from geo.i18n import _, format_date, language
from geo.map.palette import PALETTE, REGION_OPACITY, SEA
from tests.conftest import repo_site

SITE = repo_site()
DATES = (dt.date(1900, 1, 1), dt.date(2000, 1, 1))


@pytest.fixture(scope="module")
def renders() -> dict[dt.date, bytes]:
    return {date: map_png(SITE, date) for date in DATES}


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


MAP_BOX = shapely.box(FRAME.west, FRAME.south, FRAME.east, FRAME.north)


def inside(geometry: shapely.Geometry) -> tuple[int, int]:
    """A pixel well inside (two pixels or more) the largest part of `geometry` on the map."""
    on_map = geometry.intersection(MAP_BOX)
    parts = getattr(on_map, "geoms", [on_map])
    largest = max(parts, key=lambda p: p.area)
    point = largest.buffer(-0.01).representative_point()
    x, y = FRAME.pixel(point.x, point.y)
    return round(x), round(y)


def test_about_1600_by_1200_and_not_blank(renders):
    for data in renders.values():
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        picture = image(data)
        assert picture.size == (WIDTH, HEIGHT) == (1600, 1200)
        counts = Counter(picture.get_flattened_data())
        assert len(counts) > 100, "a map, not a flat colour"
        assert counts.most_common(1)[0][1] < 0.6 * WIDTH * HEIGHT


@pytest.mark.parametrize("date", DATES)
def test_each_island_is_in_its_status_colour(renders, date):
    """The pixel inside each island group is the palette colour of its status then."""
    picture = image(renders[date])
    statuses = SITE.model.all_at(date)
    for row in SITE.islands.to_dict("records"):
        want = rgb(PALETTE[statuses[row["id"]].category])
        assert picture.getpixel(inside(row["geometry"])) == want, row["id"]


@pytest.mark.parametrize("date", DATES)
def test_the_land_around_is_its_status_colour_over_the_sea(renders, date):
    picture = image(renders[date])
    regions = SITE.model.regions_at(date)
    on_map = [r for r in SITE.context.to_dict("records") if r["geometry"].intersects(MAP_BOX)]
    assert {r["id"] for r in on_map} == {"hokkaido", "northern-kurils"}  # Sakhalin is off it
    for row in on_map:
        fill, sea = rgb(PALETTE[regions[row["id"]].category]), rgb(SEA)
        a = REGION_OPACITY
        want = [a * f + (1 - a) * s for f, s in zip(fill, sea, strict=True)]
        got = picture.getpixel(inside(row["geometry"]))
        assert all(abs(g - w) <= 2 for g, w in zip(got, want, strict=True)), row["id"]


def test_the_four_status_colours_of_2000_are_all_in_it(renders):
    """In 2000 the map shows four categories (the islands two, the land around them
    two more): each colour fills at least a legend swatch's worth of pixels."""
    date = dt.date(2000, 1, 1)
    categories = [c for c, _text in SITE.model.legend_at(date)]
    assert len(categories) == 4
    counts = Counter(image(renders[date]).get_flattened_data())
    for category in categories:
        assert counts[rgb(PALETTE[category])] >= 36 * 20, category


def test_1900_and_2000_differ(renders):
    old, new = (image(renders[d]) for d in DATES)
    assert renders[DATES[0]] != renders[DATES[1]]
    iturup = inside(SITE.islands.geometry[0])
    assert old.getpixel(iturup) != new.getpixel(iturup)


def test_the_same_date_gives_the_same_bytes(renders):
    assert map_png(SITE, DATES[1]) == renders[DATES[1]]
    assert "Software" not in Image.open(io.BytesIO(renders[DATES[1]])).info


def test_it_names_both_names_the_date_the_legend_and_the_credits():
    date = dt.date(2000, 1, 1)
    texts = " ".join(t.get_text() for t in draw(SITE, date).figure.findobj(Text))
    for name in SITE.names.values():
        assert name in texts
    assert "Iturup / Etorofu" in texts
    assert "Kunashir / Kunashiri" in texts
    assert "1 Jan 2000" in texts
    flat = " ".join(texts.split())
    for _category, wording in SITE.model.legend_at(date):
        assert wording in flat
    for _kind, name in SITE.lines_at(date):
        assert name in flat
    for credit in ("Kuril Dispute Map", "GSHHG", "LGPL-3.0-or-later", "CC BY 4.0"):
        assert credit in flat


def test_the_legend_fits_in_the_image_at_every_stop():
    """Drawn once for each distinct legend column the stops give (its text is all that
    sets its height)."""
    columns = {}
    for date in SITE.stop_dates:
        labels = tuple(s.label for s in SITE.model.all_at(date).values())
        columns.setdefault(
            (tuple(SITE.model.legend_at(date)), tuple(SITE.lines_at(date)), labels), date
        )
    assert len(columns) > 5
    for date in columns.values():
        assert draw(SITE, date).legend_bottom <= HEIGHT - 12, date


def test_wrapped_lines_fit_their_width():
    text = "Administered by the Soviet Union, claimed by Japan; not covered by the 1956 Declaration"
    lines = wrap(text, 200, 12.5)
    assert len(lines) > 1
    assert " ".join(lines) == text
    assert all(text_width(line, 12.5) <= 200 for line in lines)


def test_drawn_without_pyplot(monkeypatch):
    """Matplotlib's pyplot (global figure state, not for a server's threads) is never
    imported: hidden and made unimportable while a map is drawn."""

    class NoPyplot(importlib.abc.MetaPathFinder):
        def find_spec(self, name, *_args):
            if name == "matplotlib.pyplot":
                raise ImportError("pyplot imported while drawing the map")
            return

    monkeypatch.delitem(sys.modules, "matplotlib.pyplot", raising=False)
    monkeypatch.delattr(matplotlib, "pyplot", raising=False)
    monkeypatch.setattr(sys, "meta_path", [NoPyplot(), *sys.meta_path])
    data = map_png(SITE, dt.date(1956, 10, 19))
    assert data.startswith(b"\x89PNG")
    assert "matplotlib.pyplot" not in sys.modules


@pytest.mark.parametrize("code", ["ja", "ru"])
def test_in_japanese_and_russian_every_glyph_is_drawn(code):
    """The PNG in the page's language: its words, both names, and no missing glyph
    (tofu): Japanese needs Noto Sans CJK JP (fonts-noto-cjk), found by Matplotlib."""
    from matplotlib import font_manager

    font_manager.findfont("Noto Sans CJK JP", fallback_to_default=False)  # installed
    date = dt.date(2000, 1, 1)
    with language(code):
        local = SITE.local(code)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            figure = draw(local, date).figure
            data = io.BytesIO()
            figure.savefig(data, format="png")
        # compared without white space: lines of Japanese break between characters
        texts = "".join(" ".join(t.get_text() for t in figure.findobj(Text)).split())
        assert "".join(_("Status at this date").split()) in texts
        assert "".join(format_date(date).split()) in texts
        legend = ["".join(w.split()) for _category, w in local.model.legend_at(date)]
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not missing, missing[:3]
    for name in local.names.values():
        assert "".join(name.split()) in texts
    for wording in legend:
        assert wording in texts
