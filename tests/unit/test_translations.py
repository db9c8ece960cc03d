"""geo.translations: the data's texts in Japanese and Russian, checked against the
English on load (one DataError naming file, record, field and language), the
translated site, and the neutrality rule in each language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from geo.config import REPO_ROOT
from geo.errors import DataError
from geo.i18n import language
from geo.load import load_dataset
from geo.site import Site
from geo.translations import english_texts, load_translations, translated
from tests.conftest import repo_site

DATA = REPO_ROOT / "data"
DATASET = load_dataset(DATA)
TEXTS = load_translations(DATA, DATASET)
SITE = repo_site()


def leaves(value, path=()):
    """(path, text) of every text in a nested mapping."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from leaves(inner, (*path, key))
    else:
        yield path, value


@pytest.mark.parametrize("code", ["ja", "ru"])
def test_every_text_is_translated_and_none_is_the_english(code):
    english = english_texts(DATASET)
    assert set(TEXTS[code]) == set(english)
    for part, records in english.items():
        for path, text in leaves(records):
            got = TEXTS[code][part]
            for key in path:
                got = got[key]
            assert got.strip(), (code, part, path)
            if part != "speakers":  # a name may be written the same (none is, today)
                assert got != text, f"{code}: {part} {path} is the English text"


@pytest.mark.parametrize("code", ["ja", "ru"])
def test_quotes_stay_as_published_and_reported_texts_are_translated(code):
    local = translated(DATASET, TEXTS[code])
    for before, after in zip(DATASET.claims, local.claims, strict=True):
        assert (before.id, before.said_on, before.speaker) == (
            after.id,
            after.said_on,
            after.speaker,
        )
        if before.kind == "quote":
            assert after.text == before.text
        else:
            assert after.text != before.text
    assert [e.id for e in local.events] == [e.id for e in DATASET.events]


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def _edit(folder: Path, name: str, change) -> None:
    path = folder / "i18n" / name
    texts = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(texts)
    path.write_text(yaml.safe_dump(texts, allow_unicode=True, sort_keys=False), encoding="utf-8")


FIRST_EVENT = DATASET.events[0].id
CLAIM = DATASET.claims[0].id
NOTED = next(e for e in DATASET.events if any(f.claim_note for f in e.effects))


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        (
            "ja/events.yaml",
            lambda t: t[FIRST_EVENT].pop("title"),
            rf"i18n/ja/events\.yaml, record '{FIRST_EVENT}', field 'title': missing translation "
            r"\(language 'ja'\)",
        ),
        (
            "ru/claims.yaml",
            lambda t: t[CLAIM].update(summary="  \u200b "),
            rf"i18n/ru/claims\.yaml, record '{CLAIM}', field 'summary': must not be blank "
            r"\(language 'ru'\)",
        ),
        (
            "ru/claims.yaml",
            lambda t: t[CLAIM].update(text="a translated quote"),
            rf"record '{CLAIM}', field 'text': not a field to translate here",
        ),
        (
            "ja/claims.yaml",
            lambda t: t.pop(CLAIM),
            rf"i18n/ja/claims\.yaml, record '{CLAIM}': missing",
        ),
        (
            "ja/topics.yaml",
            lambda t: t.update({"no-such-topic": {"label": "x"}}),
            r"record 'no-such-topic': no record 'no-such-topic' in topics\.yaml",
        ),
        (
            "ru/events.yaml",
            lambda t: t[NOTED.id].update(claim_notes={"an old note": "x"}),
            rf"record '{NOTED.id}', field 'claim_notes\.an old note': not a field",
        ),
        (
            "ja/speakers.yaml",
            lambda t: t.pop(next(iter(t))),
            r"i18n/ja/speakers\.yaml, record '.+': missing",
        ),
        (
            "ru/boundaries.yaml",
            lambda t: t[next(iter(t))].update(name=["not", "text"]),
            r"i18n/ru/boundaries\.yaml, record '.+', field 'name': must be text",
        ),
    ],
)
def test_a_translation_slip_is_one_clear_error(tmp_path, name, change, message):
    folder = _copy(tmp_path)
    _edit(folder, name, change)
    with pytest.raises(DataError, match=message):
        load_translations(folder, load_dataset(folder))


def test_a_missing_or_broken_translation_file_names_itself(tmp_path):
    folder = _copy(tmp_path)
    (folder / "i18n" / "ru" / "topics.yaml").unlink()
    with pytest.raises(DataError, match=r"i18n/ru/topics\.yaml: file not found \(language 'ru'\)"):
        load_translations(folder, load_dataset(folder))
    (folder / "i18n" / "ru" / "topics.yaml").write_text("a: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"i18n/ru/topics\.yaml: not valid YAML at line \d"):
        load_translations(folder, load_dataset(folder))
    (folder / "i18n" / "ru" / "topics.yaml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"must map each record's id to its texts"):
        load_translations(folder, load_dataset(folder))


# The loaded terms of each side (from the glossary, docs/glossary.md): the Japanese
# government's, never in Russia's position nor in the page's own words, and Russia's,
# never in Japan's position nor in the page's own words.
JAPAN_TERMS = {"ja": ("不法占拠", "固有の領土"), "ru": ("незаконн", "исконн")}
RUSSIA_TERMS = {"ja": ("不可分",), "ru": ("неотъемлем",)}


@pytest.mark.parametrize("code", ["ja", "ru"])
def test_each_sides_terms_stay_inside_its_own_position(code):
    for event in TEXTS[code]["events"].values():
        positions = event.get("positions", {})
        for term in JAPAN_TERMS[code]:
            assert term not in positions.get("russia", ""), (code, term)
        for term in RUSSIA_TERMS[code]:
            assert term not in positions.get("japan", ""), (code, term)
    with language(code):
        page_words = [label for _c, label in SITE.local(code).model.legend_at(SITE.stop_dates[-1])]
        page_words += [s.label for s in SITE.local(code).model.all_at(SITE.stop_dates[-1]).values()]
    for text in page_words:
        for term in (*JAPAN_TERMS[code], *RUSSIA_TERMS[code]):
            assert term not in text, (code, term, text)


@pytest.mark.parametrize(
    ("code", "iturup", "shikotan"),
    [
        ("en", "Iturup / Etorofu", "Shikotan"),
        ("ja", "択捉島 / Итуруп", "色丹島 / Шикотан"),
        ("ru", "Итуруп / 択捉島", "Шикотан / 色丹島"),
    ],
)
def test_both_names_of_each_island_in_every_language(code, iturup, shikotan):
    with language(code):
        local = SITE.local(code)
        assert local.names["iturup"] == iturup
        assert local.names["shikotan"] == shikotan
        assert local.language == code


def test_a_local_site_shares_the_geometry_and_keeps_its_own_words():
    ja, ru = SITE.local("ja"), SITE.local("ru")
    assert ja is SITE.local("ja")
    assert ja.local("ru") is ru
    assert ru.local("en") is SITE
    assert ja.islands is SITE.islands
    assert ja.locator is SITE.locator
    assert ja.stop_dates == SITE.stop_dates
    last = SITE.stop_dates[-1]
    with language("ja"):
        assert ja.stop_label(last) != SITE.stop_label(last)
        assert "年" in ja.stop_label(last)
    # the search finds the translated summaries and the speakers' local names
    lavrov_ja = ja.claims[ja.claims["speaker_shown"] == "セルゲイ・ラブロフ"]
    assert len(lavrov_ja) == (SITE.claims["speaker"] == "Sergey Lavrov").sum() > 0
    assert ja.claims["_search"].str.contains("ラブロフ").sum() >= len(lavrov_ja)
    assert ru.claims["_search"].str.contains("лавров").sum() >= len(lavrov_ja)


def test_what_a_site_keeps_is_in_its_own_language_whatever_is_current():
    """Made inside another language's run, the English site's loaded texts, kept views
    and files are still English (they are kept for every visitor)."""
    with language("ja"):
        fresh = Site.load(SITE.settings)
        date = fresh.stop_dates[-1]
        view = fresh.island_view(date)
        geojson = fresh.islands_file(date)
    english = SITE.island_view(date)
    assert view.tooltips == english.tooltips
    assert fresh.claims["date_label"].tolist() == SITE.claims["date_label"].tolist()
    assert [s.label for s in fresh.stops] == [s.label for s in SITE.stops]
    assert geojson == SITE.islands_file(date)
