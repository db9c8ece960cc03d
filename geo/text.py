"""Plain-text formatting shared by the map and the app: dates with precision."""

from __future__ import annotations

import datetime as dt


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
        elif ch.isprintable() or ch == " ":
            out.append(ch)
    return "".join(out)


def shorten(text: str, limit: int = 60) -> str:
    """A value echoed back to the user (e.g. a bad URL parameter), shortened."""
    flat = "".join(ch if ch.isprintable() else "?" for ch in text)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def slug(text: str) -> str:
    """'Sergey Lavrov' -> 'sergey-lavrov' (for URL parameters)."""
    out, dash = [], False
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")
