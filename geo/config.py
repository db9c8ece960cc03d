"""Run-time settings, read from the environment when asked for (never at import).

KURIL_DATA_DIR  the reviewed data folder (default: data/ beside app.py)
KURIL_TILES     on | off | auto (default): auto shows tiles only if the tile
                server answered within a second and a half when last asked
                (in the background, every five minutes)
KURIL_ASSETS    local | cdn | auto (default): where the browser gets Leaflet;
                local and auto serve the copy from the xstatic-leaflet package
KURIL_REST_AFTER  seconds (0.5 to 3600, default 3) after which a first visit shows
                the rest of the page even if the map never says it is drawn
                (geo.deferred)
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

REPO_ROOT = Path(__file__).resolve().parent.parent

TileMode = Literal["on", "off", "auto"]
AssetMode = Literal["local", "cdn", "auto"]


def _choice(value: str | None, allowed: tuple[str, ...], default: str) -> str:
    text = (value or "").strip().lower()
    return text if text in allowed else default


@dataclass(frozen=True)
class Settings:
    """Where the data and the served files are, and how the map gets tiles and Leaflet."""

    data_dir: Path = REPO_ROOT / "data"
    static_dir: Path = REPO_ROOT / "static"
    tiles: TileMode = "auto"
    assets: AssetMode = "auto"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """The settings the environment gives now (`env` defaults to os.environ)."""
        env = os.environ if env is None else env
        data_dir = env.get("KURIL_DATA_DIR", "").strip()
        return cls(
            data_dir=Path(data_dir) if data_dir else REPO_ROOT / "data",
            tiles=_choice(env.get("KURIL_TILES"), ("on", "off", "auto"), "auto"),  # type: ignore[arg-type]
            assets=_choice(env.get("KURIL_ASSETS"), ("local", "cdn", "auto"), "auto"),  # type: ignore[arg-type]
        )


REST_AFTER_SECONDS = 3.0


def rest_after_seconds(env: Mapping[str, str] | None = None) -> float:
    """KURIL_REST_AFTER if it is a number of seconds from 0.5 to 3600, else 3."""
    env = os.environ if env is None else env
    try:
        seconds = float(env.get("KURIL_REST_AFTER", ""))
    except ValueError:
        return REST_AFTER_SECONDS
    return seconds if math.isfinite(seconds) and 0.5 <= seconds <= 3600 else REST_AFTER_SECONDS
