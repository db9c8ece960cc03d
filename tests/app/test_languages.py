"""The app in English, Japanese and Russian through AppTest: the language from the
URL, the switch that keeps the view, notices in the page's language, quotes as
published, and an unknown language falling back to English with a notice."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from geo import page
from geo.i18n import _, format_date, language
from geo.search import Query
from tests.conftest import repo_site
from tests.support.hostile import md_unescape

SITE = repo_site()
QUOTE = next(c for c in SITE.dataset.claims if c.kind == "quote")


def page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return "\n".join([*parts, *(t.value for t in at.title)])


def labels(at: AppTest) -> list[str]:
    return [
        at.select_slider(key="date").label,
        at.selectbox(key="island").label,
        at.text_input(key="q").label,
        *(b.label for b in at.button),
        *(m.label for m in at.multiselect),
    ]


@pytest.mark.parametrize("code", ["en", "ja", "ru"])
def test_every_label_and_heading_is_in_the_chosen_language(run_app, code):
    at = run_app(lang=code, date=QUOTE.said_on.isoformat())
    with language(code):
        assert at.title[0].value == _("Kuril Islands / Northern Territories dispute")
        assert at.selectbox(key="island").label == _("Island (or click one on the map)")
        assert at.button(key="prev").label == _("◀ Previous")
        want_speaker = SITE.local(code).speaker_label(QUOTE.speaker)
    assert at.query_params["lang"] == code
    assert at.segmented_control(key="lang").value == code
    text = page_text(at)
    assert QUOTE.text[:60] in text.replace("\\", "")  # the quote as it was published
    assert want_speaker in text
    if code != "en":
        english = labels(run_app(lang="en", date=QUOTE.said_on.isoformat()))
        mine = labels(at)
        same = [a for a, b in zip(mine, english, strict=True) if a == b]
        assert not same, f"{code}: labels still in English: {same}"
        with language(code):
            assert _("quoted as published in English") in text


def test_the_switch_keeps_the_view_and_writes_the_language_into_the_url(run_app):
    date = SITE.stop_dates[-5]
    topic = next(iter(SITE.dataset.topics))
    at = run_app(date=date.isoformat(), island="kunashir", topic=topic, q="peace")
    assert at.query_params["lang"] == "en"
    at.segmented_control(key="lang").set_value("ru").run()
    assert not at.exception
    assert at.select_slider(key="date").value == date
    assert at.selectbox(key="island").value == "kunashir"
    assert at.multiselect(key="f_topic").value == [topic]
    assert at.text_input(key="q").value == "peace"
    assert at.query_params["lang"] == "ru"
    assert at.query_params["island"] == "kunashir"
    with language("ru"):
        assert at.title[0].value == _("Kuril Islands / Northern Territories dispute")
        assert SITE.local("ru").names["kunashir"] in page_text(at)
    # clicking the chosen language again leaves it chosen
    at.segmented_control(key="lang").set_value(None).run()
    assert at.segmented_control(key="lang").value == "ru"
    assert at.query_params["lang"] == "ru"


def test_a_link_in_another_language_opens_in_it_with_its_notices_in_it(run_app):
    at = run_app(lang="ja", island="atlantis")
    with language("ja"):
        expected = _("Unknown island '{value}'; no island selected.").format(value="atlantis")
    assert [md_unescape(w.value) for w in at.warning] == [expected]
    assert at.title[0].value.startswith("北方領土")


def test_an_unknown_language_is_english_with_a_notice(run_app):
    at = run_app(lang="klingon")
    assert at.query_params["lang"] == "en"
    notices = [md_unescape(w.value) for w in at.warning]
    assert "Unknown language 'klingon'; showing English." in notices
    assert at.title[0].value == "Kuril Islands / Northern Territories dispute"


@pytest.mark.parametrize(("code", "word"), [("ja", "ラブロフ"), ("ru", "Лавров")])
def test_the_search_finds_translated_text_and_the_count_reads_in_the_language(run_app, code, word):
    at = run_app(lang=code, q=word)
    with language(code):
        local = SITE.local(code)
        view = page.claims(local, SITE.stop_dates[-1], None, page.Filters(), Query.parse(word))
    assert 0 < len(view.rows) < len(SITE.claims)  # found in the translated summaries
    assert view.count in [c.value for c in at.caption]
    assert word in view.count.replace("\\", "")


def test_the_browser_language_decides_when_the_url_does_not():
    assert page.session_start(SITE, {}, ["ja-JP", "en"])["lang"] == "ja"
    assert page.session_start(SITE, {"lang": ["ru"]}, ["ja-JP"])["lang"] == "ru"
    assert page.session_start(SITE, {}, ["de"])["lang"] == "en"
    state = page.session_start(SITE, {"lang": ["ja"], "date": ["1700-01-01"]}, [])
    with language("ja"):
        first = SITE.local("ja").stop_dates[0]
        assert state["notices"] == [
            _("{date} is before the first event; showing {first}.").format(
                date=format_date(dt.date(1700, 1, 1)), first=format_date(first)
            )
        ]


@pytest.mark.parametrize("code", ["ja", "ru"])
def test_the_widgets_work_in_every_language(run_app, code):
    """The slider, the eras and the island box, used in the language (their option
    labels are made in it, whenever Streamlit asks)."""
    at = run_app(lang=code)
    at.select_slider(key="date").set_value(SITE.stop_dates[3]).run()
    era = at.segmented_control(key="era")
    era.set_value(era.options[-1]).run()
    assert at.select_slider(key="date").value >= dt.date(1991, 12, 26)
    at.selectbox(key="island").set_value("iturup").run()
    assert not at.exception
    assert at.query_params["island"] == "iturup"
    assert at.query_params["lang"] == code
    with language(code):
        assert at.selectbox(key="island").options[0] == _("All four — the whole dispute")
