"""The claims against the source captures in ../shared/seeds: every quote is
verbatim, and every quoted passage in the captures is a claim."""

from __future__ import annotations

import re

from geo.quotes import fold, verify_quotes
from tests.conftest import repo_site

DATASET = repo_site().dataset
# The news captures; official documents the project only reports from have none.
CAPTURED = [s for s in DATASET.sources.values() if s.capture_file is not None]

# Quoted passages in the captures that are not officials' statements, and why.
NOT_CLAIMS = {
    "Territory of Meanings": "the name of a forum",
    "accept the result": "headline fragment of a longer quote that is a claim",
    "peace": "a sub-heading of the DW article",
}


def test_every_quote_is_verbatim_in_its_source(seeds_dir):
    checked = verify_quotes(DATASET, seeds_dir)
    assert checked == sum(1 for c in DATASET.claims if c.kind == "quote") > 20


def test_every_quoted_passage_is_a_claim(seeds_dir):
    quotes = [fold(c.text) for c in DATASET.claims if c.kind == "quote"]
    missing = []
    for source in CAPTURED:
        text = fold((seeds_dir / source.capture_file).read_text(encoding="utf-8"))
        for passage in re.findall(r'"([^"]{2,})"', text):
            passage = passage.strip(" ,.")
            if passage in NOT_CLAIMS or any(
                passage.strip(" ,.") in q or q in passage for q in quotes
            ):
                continue
            missing.append((source.capture_file, passage[:80]))
        for passage in re.findall(r"(?:^|(?<=[\s(]))'([^']{4,}?)'(?=[\s,.:;]|$)", text):
            if passage in NOT_CLAIMS or any(passage in q for q in quotes):
                continue
            if passage.strip(" ,.") not in NOT_CLAIMS:
                missing.append((source.capture_file, passage[:80]))
    assert missing == []


def test_each_capture_is_a_source(seeds_dir):
    captures = {p.name for p in seeds_dir.glob("*.txt")}
    assert captures == {s.capture_file for s in CAPTURED}


def test_sources_are_dated_and_linked():
    for source in DATASET.sources.values():
        assert source.published_basis
        assert source.url_basis
    assert sum(1 for s in DATASET.sources.values() if s.url) >= 4


def test_each_statement_event_lists_its_claims():
    said = {cid for e in DATASET.events for cid in e.claims}
    quotes = {c.id for c in DATASET.claims if c.kind == "quote"}
    assert quotes <= said


def test_the_five_captures_and_only_quotes_need_them():
    assert len(CAPTURED) == 5
    for claim in DATASET.claims:
        if DATASET.sources[claim.source].capture_file is None:
            assert claim.kind == "reported", claim.id
