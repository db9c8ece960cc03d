"""geo.text: dates with their precision, Markdown escaping, slugs, echoes."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.text import format_date, md_escape, shorten, slug
from tests.support.fuzz import examples
from tests.support.text import HOSTILE, UNESCAPED


def test_format_date_precisions():
    d = dt.date(2019, 1, 7)
    assert format_date(d) == "7 Jan 2019"
    assert format_date(d, "week") == "week of 7 Jan 2019"
    assert format_date(dt.date(1945, 9, 1), "month") == "Sep 1945"
    assert format_date(dt.date(1945, 1, 1), "year") == "1945"


def test_md_escape_neutralises_markup():
    out = md_escape(HOSTILE)
    assert not UNESCAPED.search(out)
    assert re.sub(r"\\(.)", r"\1", out) == HOSTILE


def test_shorten_and_slug():
    assert len(shorten("x" * 1000)) == 60
    assert shorten("a\x00b") == "a?b"
    assert slug("Sergey  Lavrov!") == "sergey-lavrov"


@pytest.mark.parametrize("space", ["\u3000", "\u00a0", "\u2009", "\u202f", "\t"])
def test_wide_and_typeset_spaces_stay_spaces(space):
    """U+3000 (ideographic), no-break and thin spaces are not str.isprintable(): they
    must not vanish and merge the words around them."""
    assert md_escape(f"北方{space}領土") == "北方 領土"
    assert shorten(f"a{space}b") == "a b"


def test_controls_are_still_dropped():
    assert md_escape("a\x00b\u200bc") == "abc"


def _slug_by_hand(text: str) -> str:
    """The original character loop, kept as the reference for the regex version."""
    out, dash = [], False
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


@settings(max_examples=examples(500), deadline=None)
@given(st.text())
def test_slug_is_the_character_loop(text):
    assert slug(text) == _slug_by_hand(text)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=200), st.integers(min_value=2, max_value=80))
def test_shorten_looks_only_at_what_it_keeps(text, limit):
    """The same as mapping the whole text, then cutting it (as shorten once did)."""

    def shown(ch: str) -> str:
        if ch.isprintable():
            return ch
        return " " if ch == "\t" or unicodedata.category(ch) == "Zs" else "?"

    flat = "".join(map(shown, text))
    assert shorten(text, limit) == (flat if len(flat) <= limit else flat[: limit - 1] + "…")
