"""geo.export.citation: the citation and licence wording, and a claim's reference."""

from __future__ import annotations

import datetime as dt

from geo.export import citation as cite
from tests.conftest import repo_site

SITE = repo_site()


def test_licence_note_names_every_part():
    note = cite.LICENCE_NOTE
    assert "Code: MIT" in note
    assert "GSHHG" in note
    assert "LGPL-3.0-or-later" in note
    assert "CC BY 4.0" in note
    assert "copyright belongs to the articles' publishers" in note


def test_citation_and_attribution_say_the_date():
    date = dt.date(1956, 10, 19)
    assert "19 Oct 1956" in cite.citation(date)
    assert cite.attribution(date).startswith("Kuril Dispute Map, status at 19 Oct 1956")


def test_a_reprint_cites_its_publisher_and_outlet():
    rows = SITE.claims.to_dict("records")
    reprint = next(r for r in rows if r["outlet"] != r["original_publisher"])
    text = cite.claim_citation(reprint)
    assert text.startswith(f"{reprint['speaker']}, {reprint['date_label']}, {reprint['occasion']}")
    assert f"{reprint['original_publisher']}, via {reprint['outlet']}" in text
    assert text.endswith(reprint["url"])
    direct = next(r for r in rows if r["outlet"] == r["original_publisher"])
    assert f"{direct['outlet']}, via" not in cite.claim_citation(direct)


def test_a_claim_without_a_link_has_no_empty_url():
    row = {**SITE.claims.iloc[0].to_dict(), "url": "", "outlet": "NHK", "original_publisher": "NHK"}
    assert (
        cite.claim_citation(row) == f"{row['speaker']}, {row['date_label']}, {row['occasion']}. NHK"
    )


def test_package_licences_are_spdx_with_links():
    names = [entry["name"] for entry in cite.PACKAGE_LICENSES]
    assert names == ["CC-BY-4.0", "LGPL-3.0-or-later"]
    assert all(entry["path"].startswith("https://") for entry in cite.PACKAGE_LICENSES)
