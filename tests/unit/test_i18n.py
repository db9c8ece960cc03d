"""geo.i18n and the catalogues in geo/locale: every message of the page translated
into Japanese and Russian, placeholders kept, the compiled files fresh; dates and
numbers the CLDR way; the language from the URL, else the browser."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from babel.messages.pofile import read_po

from geo import i18n
from geo.config import REPO_ROOT
from geo.i18n import LANGUAGES, format_date, format_decimal, from_browser, language

OTHERS = [code for code in LANGUAGES if code != i18n.DEFAULT]
PLACEHOLDER = re.compile(r"\{(\w*)\}")
SAME_NOTE = "same as English"  # a translator's comment: identical on purpose


def catalogue(code: str):
    with (i18n.LOCALE_DIR / code / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh)


def template():
    with (i18n.LOCALE_DIR / "messages.pot").open("rb") as fh:
        return read_po(fh)


def forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def english(message) -> str:
    """The msgid a translation is compared with: the plural's for a plural entry."""
    return message.id[1] if isinstance(message.id, tuple) else message.id


@pytest.mark.parametrize("code", OTHERS)
def test_every_message_is_translated_with_its_placeholders(code):
    wanted = {m.id for m in template() if m.id}
    po = catalogue(code)
    got = {m.id: m for m in po if m.id}
    assert set(got) == wanted, "run bash scripts/i18n.sh: the catalogue is not up to date"
    assert po.num_plurals == {"ja": 1, "ru": 3}[code]
    for msgid, message in got.items():
        if message.pluralizable:
            assert len(forms(message)) == po.num_plurals, f"{code}: plural forms of {msgid!r}"
        assert not message.fuzzy, f"{code}: fuzzy: {msgid!r}"
        for text in forms(message):
            assert text.strip() or msgid.strip() == "", f"{code}: untranslated: {msgid!r}"
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(english(message))), (
                f"{code}: placeholders differ in {msgid!r}"
            )
            # filled with anything, every translation formats
            text.format(**dict.fromkeys(PLACEHOLDER.findall(text), "x"))


@pytest.mark.parametrize("code", OTHERS)
def test_a_translation_equal_to_the_english_is_marked_as_meant(code):
    for message in catalogue(code):
        if message.id and english(message) in forms(message):
            assert any(SAME_NOTE in c for c in message.user_comments), (
                f"{code}: {message.id!r} is the English; mark it '# {SAME_NOTE}' if meant"
            )


def test_the_template_and_the_compiled_catalogues_are_fresh():
    """scripts/i18n.sh --check: the template holds exactly the code's messages and
    each .mo is its .po compiled."""
    done = subprocess.run(
        ["bash", "scripts/i18n.sh", "--check"], cwd=REPO_ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_page_uses_the_catalogue_of_the_current_language():
    with language("ja"):
        assert i18n._("Speaker") == "発言者"
    with language("ru"):
        assert i18n._("Speaker") != "Speaker"
        assert i18n.ngettext("{total} claim said by {date}", "{total} claims said by {date}", 5)
    assert i18n._("Speaker") == "Speaker"


@pytest.mark.parametrize(
    ("code", "precision", "expected"),
    [
        ("en", "day", "19 Oct 1956"),
        ("ja", "day", "1956年10月19日"),
        ("ru", "day", "19 октября 1956\u202fг."),  # a narrow no-break space
        ("en", "month", "Oct 1956"),
        ("ja", "month", "1956年10月"),
        ("ru", "month", "октябрь 1956\u202fг."),
        ("ja", "year", "1956年"),
        ("en", "year", "1956"),
    ],
)
def test_dates_are_written_the_languages_way(code, precision, expected):
    with language(code):
        assert format_date(dt.date(1956, 10, 19), precision) == expected


def test_numbers_are_written_the_languages_way():
    with language("ru"):
        assert format_decimal(3168.2) == "3\xa0168,20"
    with language("ja"):
        assert format_decimal(3168.2) == "3,168.20"


def test_the_browser_language_is_the_default_and_english_the_fallback():
    assert from_browser(["ja-JP"]) == "ja"
    assert from_browser(["ru_RU", "en"]) == "ru"
    assert from_browser(["de-DE", "ru"]) == "ru"
    assert from_browser([None, "fr"]) == "en"
    assert from_browser([]) == "en"


def test_the_language_is_restored_after_a_block():
    i18n.use("ru")
    try:
        with language("ja"):
            assert i18n.current() == "ja"
        assert i18n.current() == "ru"
        assert i18n.use("xx") == "en"  # unknown: English
    finally:
        i18n.use("en")
