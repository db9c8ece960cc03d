"""The page's languages: which one a view is in, the page's own words in it (gettext
catalogues in geo/locale, made with Babel: see scripts/i18n.sh) and dates in its CLDR
format ("19 Oct 1956", "1956年10月19日", "19 октября 1956 г.").

The language is a context variable, set once per script run (and per fragment run) by
`use`; everything that writes words reads it, so a module need not pass it along."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import gettext as _gettext
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton
from babel.numbers import format_decimal as _babel_number

T = TypeVar("T")
LANGUAGES: dict[str, str] = {"en": "English", "ja": "日本語", "ru": "Русский"}
DEFAULT = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"

_current: contextvars.ContextVar[str] = contextvars.ContextVar("language", default=DEFAULT)


def use(language: str) -> str:
    """Make `language` the current one (an unknown code means English); returns it."""
    language = language if language in LANGUAGES else DEFAULT
    _current.set(language)
    return language


def current() -> str:
    return _current.get()


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(language: str) -> _gettext.NullTranslations:
    """The compiled catalogue of `language` (English is the msgids themselves)."""
    if language == DEFAULT:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])


def _(message: str) -> str:
    """`message` in the current language."""
    return catalogue(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message for `n` in the current language (Russian has
    three, Japanese one)."""
    return catalogue(_current.get()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 (the name gettext tools look for)
    """Marks a message for extraction where it is defined; `_` translates it when used."""
    return message


def from_browser(locales: Iterable[str | None]) -> str:
    """The first of the browser's languages ('ja-JP', 'ru') the page speaks, else English."""
    for locale in locales:
        code = (locale or "").replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT


def format_date(date: dt.date, precision: str = "day") -> str:
    """A date at its precision in the current language: '21 Feb 2019', 'week of 7 Jan
    2019', 'Sep 1945', '1945'; 2019年2月21日, 1945年9月; 21 февраля 2019 г."""
    language = _current.get()
    if language == DEFAULT:
        if precision == "year":
            return str(date.year)
        if precision == "month":
            return date.strftime("%b %Y")
        day = f"{date.day} {date.strftime('%b %Y')}"
    else:
        if precision == "year":
            return format_skeleton("y", date, locale=language)
        if precision == "month":
            return format_skeleton("yMMMM", date, locale=language)
        day = _babel_date(date, "long", locale=language)
    if precision == "week":
        return _("week of {date}").format(date=day)
    return day


def format_decimal(number: float, digits: int = 2) -> str:
    """A number with `digits` decimals the current language's way: 3,168.20 in English
    and Japanese, 3 168,20 in Russian."""
    return _babel_number(number, format="#,##0." + "0" * digits, locale=_current.get())


@contextlib.contextmanager
def language(code: str) -> Iterator[str]:
    """`code` current inside the block, the language before it after."""
    token = _current.set(code if code in LANGUAGES else DEFAULT)
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def bound(func: Callable[[T], str]) -> Callable[[T], str]:
    """`func` always run in the language current now: a widget's format_func, which
    Streamlit (or AppTest) may call outside the script run that made it."""
    code = _current.get()

    def run(value: T) -> str:
        with language(code):
            return func(value)

    return run
