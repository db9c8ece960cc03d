"""Map geometry as the browser gets it: written once to static/geo/ (Streamlit
serves ./static at app/static/) and fetched once by the map, rather than sent
again in every rerun. Each file is named by a hash of its content, so a browser
may cache it for good and never shows an old shape. Where static files cannot
be served or written, the geometry goes inline with the map instead."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from geo.files import write_atomic
from geo.map.assets import MAP_STATIC_URL


@dataclass(frozen=True)
class Shapes:
    """GeoJSON for the browser: a URL relative to the map's frame, fetched once
    (`url`), or the GeoJSON text sent with the map (`text`)."""

    url: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        if (self.url is None) == (self.text is None):
            raise ValueError("Shapes needs exactly one of url and text")

    def source(self) -> dict[str, object]:
        """What the map's loader takes: {'url': …} or {'data': <GeoJSON>}."""
        if self.url:
            return {"url": self.url}
        return {"data": json.loads(self.text or "null")}


def publish(name: str, text: str, static_dir: Path) -> str | None:
    """Write `text` to static/geo/<name>.<hash>.geojson unless it is there, and
    return its URL as the map sees it; None if it cannot be written."""
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()[:16]
    folder = static_dir / "geo"
    target = folder / f"{name}.{digest}.geojson"
    try:
        if not (target.is_file() and target.read_bytes() == data):
            write_atomic(target, data)
    except OSError:
        return None
    return f"{MAP_STATIC_URL}/geo/{target.name}"


def shapes(name: str, text: str, static_serving: bool, static_dir: Path) -> Shapes:
    """A static file when the server serves static files and it can be written,
    else the text inline."""
    url = publish(name, text, static_dir) if static_serving else None
    return Shapes(url=url) if url else Shapes(text=text)
