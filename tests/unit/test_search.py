"""geo.search: folded, every-word search over the claims, and where words were found."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.claims import SEARCH_COLUMN, filter_claims
from geo.search import MAX_QUERY, SEARCHED, Finder, Query, fold, fold_column, haystack
from tests.conftest import repo_site

SITE = repo_site()


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("lavrov", "Sergey LAVROV"),
        ("lavrov", "Lavróv"),  # accents
        ("елкин", "Ёлкин"),  # ё is е with a diaeresis
        ("tass", "ＴＡＳＳ"),  # full width
        ("カナ", "ｶﾅ"),  # half-width katakana
        ("北方領土", "いわゆる北方領土の問題"),
        ("курилы", "Южные Курилы"),
    ],
)
def test_case_accents_and_width_do_not_matter(typed, text):
    assert Query.parse(typed).spans(text)
    assert Query.parse(typed).mask(fold_column(pd.Series([text]))).all()


def test_voiced_kana_stay_distinct():
    assert fold("が") != fold("か")
    assert not Query.parse("か").spans("が")


def test_every_word_is_needed_and_spans_map_back_to_the_text():
    q = Query.parse("peace LAVROV")
    hay = fold_column(pd.Series(["Lavrov on peace", "Lavrov on war"]))
    assert q.mask(hay).tolist() == [True, False]
    text = "Ｌavróv said peace, Lavrov"
    spans = q.spans(text)
    assert [text[a:b] for a, b in spans] == ["Ｌavróv", "peace", "Lavrov"]
    assert Query.parse("ab abc").spans("xabcx") == [(1, 4)]  # overlapping words merge


def test_a_query_is_tidy_and_bounded():
    assert Query.parse("  a\tb\n\x00c ").text == "a b c"
    assert len(Query.parse("y" * 1000).text) == MAX_QUERY
    assert not Query.parse(None)
    assert not Query.parse(["x"])
    assert not Query.parse("   ")


def test_the_search_column_matches_folding_each_claim():
    table = SITE.claims
    assert table[SEARCH_COLUMN].tolist() == [
        fold("".join(f"{table.at[i, c]}\n" for c in SEARCHED)) for i in table.index
    ]
    assert haystack(table.head(0)).empty


def test_a_search_filters_with_the_other_filters():
    everything = filter_claims(SITE.claims)
    lavrov = filter_claims(SITE.claims, query=Query.parse("lavrov"))
    assert 0 < len(lavrov) < len(everything)
    assert lavrov[SEARCH_COLUMN].str.contains("lavrov").all()
    both = filter_claims(SITE.claims, query=Query.parse("lavrov"), topics=["declaration-1956"])
    assert set(both["id"]) <= set(lavrov["id"])
    assert filter_claims(SITE.claims, query=Query.parse("zzzqqq")).empty


@given(
    texts=st.lists(st.text(alphabet="abc ", max_size=12), max_size=30),
    typed=st.text(alphabet="abc ", max_size=8),
)
def test_the_fast_search_agrees_with_pandas_word_by_word(texts, typed):
    hay = pd.Series(texts, dtype=object)
    q = Query.parse(typed)
    expected = pd.Series(True, index=hay.index)
    for word in q.words:
        expected &= hay.str.contains(word, regex=False)
    assert q.mask(hay).tolist() == expected.tolist()
    assert Finder(hay).mask(q).tolist() == expected.tolist()


def test_the_finder_remembers_only_the_last_few_queries():
    finder = Finder(SITE.claims[SEARCH_COLUMN], remember=2)
    lavrov = finder.mask(Query.parse("lavrov"))
    assert lavrov.tolist() == Query.parse("lavrov").mask(SITE.claims[SEARCH_COLUMN]).tolist()
    assert finder.mask(Query.parse("LAVROV")) is lavrov  # the same folded words: kept
    finder.mask(Query.parse("abe"))
    finder.mask(Query.parse("putin"))
    assert finder.mask(Query.parse("lavrov")) is not lavrov  # pushed out by two others
    assert finder.mask(Query.parse("lavrov")).equals(lavrov)


def test_the_site_search_gives_what_a_fresh_search_gives():
    q = Query.parse("peace treaty")
    by_site = filter_claims(SITE.claims, found=SITE.finder.mask(q))
    assert by_site["id"].tolist() == filter_claims(SITE.claims, query=q)["id"].tolist()
    assert len(by_site)
