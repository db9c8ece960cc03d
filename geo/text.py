"""Plain-text helpers: dates with their precision, Markdown escaping, slugs and
shortened echoes of user input."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata


def format_date(date: dt.date, precision: str = "day") -> str:
    """'21 Feb 2019', 'week of 7 Jan 2019', 'Sep 1945' or '1945'."""
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return date.strftime("%b %Y")
    day = f"{date.day} {date.strftime('%b %Y')}"
    if precision == "week":
        return f"week of {day}"
    return day


_MD_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:&\"'=")


def md_escape(text: str) -> str:
    """Escape text for Streamlit markdown so it shows literally: no links,
    images, emphasis, LaTeX or HTML can come from data."""
    out = []
    for ch in text:
        if ch in _MD_SPECIAL:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("  \n")
        elif ch.isprintable():
            out.append(ch)
        elif is_space(ch):  # U+3000, no-break and thin spaces are not "printable"
            out.append(" ")
    return "".join(out)


def is_space(ch: str) -> bool:
    """A space separator (Zs: U+0020, U+00A0, U+2009, U+3000 …) or a tab."""
    return ch == "\t" or unicodedata.category(ch) == "Zs"


def shorten(text: str, limit: int = 60) -> str:
    """A value echoed back to the user (e.g. a bad URL parameter), shortened. Each
    character maps to one, so only the part that is kept is looked at."""
    if len(text) > limit:
        return _flat(text[: limit - 1]) + "…"
    return _flat(text)


def _flat(text: str) -> str:
    return "".join(ch if ch.isprintable() else " " if is_space(ch) else "?" for ch in text)


_ALNUM_RUN = re.compile(r"[^\W_]+")  # \w less '_' is exactly str.isalnum()


def slug(text: str) -> str:
    """'Sergey Lavrov' -> 'sergey-lavrov' (for URL parameters): the runs of letters
    and digits, lower-cased, joined by single dashes."""
    return "-".join(_ALNUM_RUN.findall(text.lower()))
