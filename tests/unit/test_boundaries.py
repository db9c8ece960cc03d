"""geo.boundaries: which lines are drawn at a date, and the lines themselves."""

from __future__ import annotations

import datetime as dt

import shapely
from shapely.geometry import LineString

from geo.boundaries import boundaries_at, boundary_lines
from tests.conftest import repo_site

SITE = repo_site()
DATA = SITE.dataset


def drawn(date: str) -> set[str]:
    return set(boundaries_at(DATA, dt.date.fromisoformat(date)))


def test_the_lines_follow_the_eras():
    assert drawn("1800-01-01") == set()
    assert drawn("1860-01-01") == {"shimoda-1855"}
    assert drawn("1900-01-01") == {"kamchatka-1875"}
    assert drawn("1910-01-01") == {"kamchatka-1875", "sakhalin-1905"}
    assert drawn("1945-12-01") == {"administration-1945"}  # Japan states no claim then
    assert drawn("1953-01-01") == {"administration-1945", "japan-claim-1951"}
    assert drawn("2000-01-01") == {"administration-1945", "japan-claim-1955", "article-9-1956"}


def test_a_line_starts_on_its_event_date_and_ends_on_the_next():
    assert "shimoda-1855" in drawn("1855-02-07")
    assert "shimoda-1855" not in drawn("1855-02-06")
    assert "shimoda-1855" not in drawn("1875-05-07")
    assert "article-9-1956" in drawn("1956-10-19")
    assert "article-9-1956" not in drawn("1956-10-18")


def test_no_line_crosses_land_except_the_one_on_sakhalin():
    """Drawn by hand through the straits: none touches the islands, the nearby land
    or the locator's coarse land; the 50th parallel is a land boundary and crosses
    Sakhalin only."""
    locator = SITE.locator.set_index("id").geometry
    land = shapely.union_all([*SITE.islands.geometry, *SITE.context.geometry, *locator])
    sakhalin = shapely.union_all([locator["south-sakhalin"], locator["north-sakhalin"]])
    for line in boundary_lines(DATA):
        path = LineString([(lon, lat) for lat, lon in line.latlngs])
        if line.id == "sakhalin-1905":
            assert path.intersection(sakhalin).length > 0.5  # degrees across the island
            assert not path.intersects(land.difference(sakhalin))
        else:
            assert not path.intersects(land), line.id


def test_the_lines_for_the_map_keep_id_kind_and_reference():
    lines = {line.id: line for line in boundary_lines(DATA)}
    assert set(lines) == {b.id for b in DATA.boundaries}
    article9 = lines["article-9-1956"]
    assert article9.kind == "hypothetical"
    assert article9.reference_url.startswith("https://www.mofa.go.jp/")
    lat, lon = article9.latlngs[0]
    assert 43 < lat < 45 < 145 < lon < 148
