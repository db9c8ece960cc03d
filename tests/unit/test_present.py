"""geo.present: every panel's Markdown escapes what comes from data."""

from __future__ import annotations

import datetime as dt

from geo.map.palette import THEME_COLOUR
from geo.present import (
    claim_markdown,
    claims_count,
    legend_markdown,
    marked,
    md_link,
    source_label,
    sources_markdown,
)
from geo.search import Query
from geo.status import CATEGORIES
from geo.text import NODE_BREAK, md_escape
from tests.conftest import repo_site
from tests.support.text import HOSTILE, UNESCAPED

SITE = repo_site()


def test_md_link_keeps_url_inside():
    link = md_link("a](b) <c>", "https://example.org/a b(c)")
    assert link == r"[a\]\(b\) \<c\>](https://example.org/a%20b%28c%29)"


HOSTILE_ROW = {
    "kind": "quote",
    "text": HOSTILE,
    "summary": HOSTILE,
    "speaker": HOSTILE,
    "role": HOSTILE,
    "date_label": "7 Dec 2018",
    "date_confidence": "medium",
    "occasion": HOSTILE,
    "place": HOSTILE,
    "outlet": HOSTILE,
    "original_publisher": "TASS",
    "published": dt.date(2018, 12, 7),
    "published_precision": "day",
    "url": "https://tass.com/x",
    "scope": "dispute",
    "islands": "",
    "date_basis": HOSTILE,
}


def test_claim_card_escapes_every_field():
    card = claim_markdown(HOSTILE_ROW, query=Query.parse("script alert"))
    assert "javascript" in card
    assert "](javascript" not in card
    assert "(https://tass.com/x)" in card
    assert "about the whole dispute" in card
    assert "medium confidence" in card
    # the only unescaped markup is the card's own: the link, the confidence note, the
    # highlights of the search's words and md_escape's node breaks
    for piece in ("[TASS via", "](https://tass.com/x)", "(medium confidence)", NODE_BREAK):
        card = card.replace(piece, "")
    card = card.replace(":color[", "").replace(']{background="#FFE066"}', "")
    assert UNESCAPED.findall(card) == []


def test_the_source_link_text_names_the_outlet_and_the_date():
    assert source_label(HOSTILE_ROW).startswith("TASS via ")
    assert source_label(HOSTILE_ROW).endswith(", 7 Dec 2018")
    week = {**HOSTILE_ROW, "published_precision": "week"}
    assert source_label(week).endswith("week of 7 Dec 2018")


def test_found_words_are_highlighted_and_escaped():
    out = marked("Lavrov said [x](y) and LAVROV again", Query.parse("lavrov"))
    assert out.count(':color[Lavrov]{background="#FFE066"}') == 1
    assert out.count(':color[LAVROV]{background="#FFE066"}') == 1
    assert r"\[x\]\(y\)" in out
    assert marked("Ёлкин", Query.parse("елкин")) == ':color[Ёлкин]{background="#FFE066"}'
    assert marked("a * b", None) == r"a \* b"


def test_a_linked_claim_is_marked_as_such():
    row = repo_site().claims.iloc[0].to_dict()
    assert claim_markdown(row, linked=True).startswith("**Linked claim** · ")
    assert "Linked claim" not in claim_markdown(row)


def test_the_claims_count_says_what_it_counts():
    date = dt.date(2019, 1, 16)
    assert claims_count(None, 5, 5, date, "", False) == (
        "#### Claims",
        r"5 claims said by 16 Jan 2019, newest first\.",
    )
    heading, text = claims_count("Shikotan", 1, 5, date, "a*b", True)
    assert heading == "#### Claims about Shikotan"
    assert text == r"1 of 5 claims said by 16 Jan 2019 match “a\*b” and pass the filters\."


def test_sources_markdown_links_and_escapes():
    sources = repo_site().dataset.sources
    out = sources_markdown(sources)
    assert out.count("\n- ") + 1 == len(sources)
    linked = [s for s in sources.values() if s.url]
    assert out.count("](https://") == len(linked)
    first = next(iter(sources.values()))
    hostile = {"x": first.model_copy(update={"headline": HOSTILE, "url": None})}
    assert not UNESCAPED.search(sources_markdown(hostile).replace("- ", "", 1))


def test_legend_lists_the_statuses_on_the_map_at_the_date_in_their_colours():
    date = dt.date(1956, 10, 19)
    entries = SITE.model.legend_at(date)
    lines = legend_markdown(date, entries, SITE.lines_at(date)).split("  \n")
    assert lines[0] == "**Map key, 19 Oct 1956**"
    swatches = [f":{THEME_COLOUR[c]}[■■] {md_escape(label)}" for c, label in entries]
    assert lines[1 : 1 + len(entries)] == swatches
    assert [c for c, _ in entries] == [
        "undisputed",
        "unclaimed",
        "disputed-handover",
        "disputed",
    ]
    drawn = lines[1 + len(entries) :]
    assert len(drawn) == 3
    assert any("Article 9" in line and "┄┄" in line for line in drawn)


def test_the_legend_words_each_category_as_true_at_the_date():
    """No 1956 Declaration before it is signed, the administering state of the day,
    and only the categories on the map then."""
    before = dict(SITE.model.legend_at(dt.date(1956, 2, 11)))
    assert before["disputed"] == "Administered by the Soviet Union, claimed by Japan"
    assert "disputed-handover" not in before
    assert dict(SITE.model.legend_at(dt.date(1860, 1, 1))) == {
        "no-boundary": CATEGORIES["no-boundary"],
        "undisputed": "Administered by Japan, no other claimant",
        "unclaimed": "Administered by the Russian Empire, no other claimant",
    }
    today = dict(SITE.model.legend_at(SITE.stop_dates[-1]))
    assert today["unclaimed"] == "Administered by Russia, no other claimant"
    assert today["disputed"].endswith("not covered by the 1956 Declaration")
