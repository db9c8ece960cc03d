"""What each download costs to make at a date: time (median of a few dates, first
make and kept copy) and size, with the GeoJSON download, the cheapest file and the
one the page has offered from the start, as the baseline in the same run.

    .venv/bin/python -m benchmarks.downloads [--dates N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # `python benchmarks/downloads.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.config import Settings
from geo.downloads import downloads_at
from geo.site import Site


def timed(make) -> tuple[float, int]:
    start = time.perf_counter()
    data = make()
    return time.perf_counter() - start, len(data.encode() if isinstance(data, str) else data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", type=int, default=5, help="stop dates to make files for")
    args = parser.parse_args(argv)
    site = Site.load(Settings(tiles="off", assets="local"))
    step = max(1, len(site.stop_dates) // args.dates)
    dates = site.stop_dates[::step][: args.dates]
    site.map_png(dates[0])  # Matplotlib's import and font cache, once per process
    first: dict[str, list[float]] = {}
    kept: dict[str, list[float]] = {}
    size: dict[str, list[int]] = {}
    for date in dates:
        for file in downloads_at(site, date, site.claims):
            seconds, n = timed(file.make)
            again, _n = timed(file.make)
            first.setdefault(file.label, []).append(seconds)
            kept.setdefault(file.label, []).append(again)
            size.setdefault(file.label, []).append(n)
    base = statistics.median(first["Islands (GeoJSON)"])
    print(f"{len(dates)} dates, all {len(site.claims)} claims; baseline: Islands (GeoJSON)")
    print(f"{'file':<22}{'first ms':>10}{'x base':>9}{'kept ms':>10}{'KB':>9}")
    for label, times in first.items():
        ms, again = statistics.median(times) * 1e3, statistics.median(kept[label]) * 1e3
        kb = statistics.median(size[label]) / 1e3
        print(f"{label:<22}{ms:>10.1f}{ms / (base * 1e3):>9.1f}{again:>10.2f}{kb:>9.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
