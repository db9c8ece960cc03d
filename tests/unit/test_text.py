"""geo.text: dates with their precision, Markdown escaping, slugs, echoes."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo.i18n import format_date
from geo.text import NODE_BREAK, is_inert, md_escape, md_text, shorten, slug
from tests.support.fuzz import examples
from tests.support.hostile import md_unescape
from tests.support.text import (
    HOSTILE,
    PAYLOADS,
    REWRITTEN,
    UNESCAPED,
    backslashes_only,
    rewrites,
)


def test_format_date_precisions():
    d = dt.date(2019, 1, 7)
    assert format_date(d) == "7 Jan 2019"
    assert format_date(d, "week") == "week of 7 Jan 2019"
    assert format_date(dt.date(1945, 9, 1), "month") == "Sep 1945"
    assert format_date(dt.date(1945, 1, 1), "year") == "1945"


def test_md_escape_neutralises_markup():
    out = md_escape(HOSTILE)
    assert not UNESCAPED.search(out.replace(NODE_BREAK, ""))  # the breaks are md_escape's
    assert md_unescape(out) == HOSTILE


@pytest.mark.parametrize("case", sorted(PAYLOADS))
def test_md_escape_leaves_nothing_streamlit_rewrites(case):
    """Streamlit links, icons and arrows in the parsed text, after the escapes are gone:
    md_escape ends the text node before any of them could form."""
    payload = PAYLOADS[case]
    out = md_escape(payload)
    assert rewrites(out) == []
    assert md_unescape(out) == payload


@pytest.mark.parametrize("case", sorted(REWRITTEN))
def test_the_model_sees_the_rewrites_backslashes_alone_leave(case):
    """Every character escaped but no node breaks (md_escape before): the rewrite is there."""
    assert rewrites(backslashes_only(REWRITTEN[case])) != []


def test_real_text_keeps_its_slashes_and_first_colon():
    assert md_escape("Iturup / Etorofu") == "Iturup / Etorofu"
    assert md_escape("24 Feb 2022 · Russia: 'special'") == "24 Feb 2022 · Russia\\: \\'special\\'"


def test_md_text_leaves_plain_labels_as_they_are():
    """The slider's labels (md_text): its raw text is also the aria-valuetext, so the
    common, plain label goes as it is; the timeline's real labels are nearly all plain."""
    from tests.conftest import repo_site

    site = repo_site()
    labels = [stop.label for stop in site.stops]
    plain = [label for label in labels if is_inert(label)]
    assert len(plain) >= 0.9 * len(labels), sorted(set(labels) - set(plain))
    for label in plain:
        assert md_text(label) == label
        assert rewrites(label) == []
    assert (
        md_text("Iturup (Etorofu) · 択捉島（えとろふ）") == "Iturup (Etorofu) · 択捉島（えとろふ）"
    )
    assert md_text("SCAPIN-677 · Лавров's “peace”") == "SCAPIN-677 · Лавров's “peace”"


@pytest.mark.parametrize(
    "text",
    [
        "1) a list",  # an ordered list's marker
        "1. a list",
        "Www.example.org",
        " indented",
        "two  spaces",
        "a--b",  # a dash
        "-a",
        "a-",
        "a\nb",
        "[x](y)",
        "![x]",
        "a: b",
        "www.x",
        "x@y",
        "$x$",
        "a_b",
        "🗾 x",  # an emoji (a symbol, not a letter)
        "",
    ],
)
def test_md_text_escapes_anything_not_plain(text):
    assert not is_inert(text)
    assert md_text(text) == md_escape(text)


@pytest.mark.parametrize("case", sorted(PAYLOADS))
def test_md_text_escapes_every_payload(case):
    assert md_text(PAYLOADS[case]) == md_escape(PAYLOADS[case])


MARKUP = st.lists(
    st.sampled_from([*"wW.:@/-<>=~ ah_+", "www", "http", "://", "material"]), max_size=30
).map("".join)
SPACES = st.sampled_from(["", " ", "\n", " · ", ", "])


@settings(max_examples=examples(400), deadline=None)
@given(MARKUP, SPACES, MARKUP)
@example(":", "", "material/verified:")
@example("www", "", ".evil.com")
@example("a -", "", "> b")
def test_escaped_text_next_to_escaped_text_is_still_inert(left, between, right):
    """One escaped value, the page's separator, another: nothing forms across them."""
    out = md_escape(left) + md_escape(between) + md_escape(right)
    assert rewrites(out) == []
    assert md_unescape(md_escape(left + right).replace("  \n", "\n")) == left + right


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


@settings(max_examples=examples(400), deadline=None)
@given(st.text(alphabet=st.sampled_from([*"aZ9w -'\"(),.;?!/%·…–—◆（）", "ж", "島"]), max_size=40))
def test_inert_text_has_no_markup_character(text):
    """Whatever is_inert lets through holds none of the characters Markdown or
    Streamlit's rewrites are made of (beyond '-' between letters, quotes, '!', '(', ')')."""
    if is_inert(text):
        assert not set(text) & set("\\`*_{}[]#+|<>~$:&=@\n")
        assert "www" not in text.lower()
        assert "--" not in text
        assert not text.startswith("-")
        assert not text.endswith("-")
        assert rewrites(text) == []
