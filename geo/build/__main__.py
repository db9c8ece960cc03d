"""`python -m geo.build`: rebuild the committed island, context and locator GeoJSON
in data/ (or --out-dir) and print the build's report."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from geo.build import islands, locator
from geo.config import REPO_ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m geo.build",
        description="Rebuild data/islands.geojson, context.geojson and locator.geojson from GSHHG.",
    )
    parser.add_argument("--out-dir", type=Path, default=REPO_ROOT / "data")
    args = parser.parse_args(argv)
    assigned = islands.assigned_shores()
    report = islands.build(args.out_dir, assigned)
    report["locator"] = locator.build(args.out_dir, assigned)
    print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
