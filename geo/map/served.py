"""Map geometry as the browser gets it: written once to static/geo/ (Streamlit
serves ./static at app/static/) and fetched once by the map, rather than sent
again in every rerun. Each file is named by a hash of its content, so a browser
may cache it for good and never shows an old shape. Where static files cannot
be served or written, the geometry goes inline with the map instead (about ten times
the bytes of every map sent), and the server log says so once per process."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from geo.files import remove_stale_temporaries, write_atomic
from geo.map.assets import MAP_STATIC_URL

log = logging.getLogger(__name__)
_lock = threading.Lock()
_swept: set[Path] = set()  # folders cleared of left-over temporary files
_warned = False  # whether the inline fallback was logged


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
            _sweep(folder)
            write_atomic(target, data)
    except OSError as exc:
        _warn_inline(folder, name, len(data), exc)
        return None
    return f"{MAP_STATIC_URL}/geo/{target.name}"


def _sweep(folder: Path) -> None:
    """Once per process and folder, before writing: remove the temporary files that
    a server stopped mid-write left (they would be served under static/)."""
    with _lock:
        if folder in _swept:
            return
        _swept.add(folder)
    if removed := remove_stale_temporaries(folder):
        log.info("removed %d left-over temporary file(s) from %s", removed, folder)


def _warn_inline(folder: Path, name: str, size: int, exc: OSError) -> None:
    global _warned
    with _lock:
        if _warned:
            return
        _warned = True
    log.warning(
        "map shapes cannot be written to %s (%s): they go inline with every map sent "
        "instead of as static files ('%s' alone is %.0f KB each time)",
        folder,
        exc.strerror or exc,
        name,
        size / 1000,
    )


def shapes(name: str, text: str, static_serving: bool, static_dir: Path) -> Shapes:
    """A static file when the server serves static files and it can be written,
    else the text inline."""
    url = publish(name, text, static_dir) if static_serving else None
    return Shapes(url=url) if url else Shapes(text=text)
