"""Performance benchmark of the dashboard against a bare floor app (see README.md)."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks"
OUT = BENCH / "out"
APP = REPO / "app.py"
FLOOR = BENCH / "floor_app.py"
