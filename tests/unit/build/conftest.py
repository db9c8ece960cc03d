"""The build's inputs and outputs, made once per test session: the assigned GSHHG
polygons of the context box, and a fresh build of every committed GeoJSON file."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.build import islands, locator


@pytest.fixture(scope="session")
def assigned():
    return islands.assigned_shores()


@pytest.fixture(scope="session")
def rebuilt(tmp_path_factory, assigned) -> Path:
    """A folder with islands.geojson, context.geojson and locator.geojson, as
    `python -m geo.build` writes them."""
    out = tmp_path_factory.mktemp("rebuilt")
    islands.build(out, assigned)
    locator.build(out, assigned)
    return out
