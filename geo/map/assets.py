"""Leaflet for the browser: the copy that the xstatic-leaflet package (PyPI) ships,
put into static/vendor/leaflet/ for Streamlit's static file serving, so the map
renders with no CDN wherever the app is pip-installed; folium's CDN links when
no local copy can be served."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from xstatic.pkg import leaflet as xstatic_leaflet

from geo.files import write_atomic

LEAFLET_VERSION: str = xstatic_leaflet.VERSION
PACKAGE_DIR = Path(xstatic_leaflet.BASE_DIR)
# What the page needs: the script, the stylesheet and the control images it refers to.
FILES = (
    "leaflet.js",
    "leaflet.css",
    "images/layers.png",
    "images/layers-2x.png",
    "images/marker-icon.png",
    "images/marker-icon-2x.png",
    "images/marker-shadow.png",
)
# Streamlit serves ./static/<path> at <app root>/app/static/<path> (server.enableStaticServing).
# The map runs in the component frame at <app root>/component/<name>/index.html, so this
# relative URL reaches ./static/ from there under any URL prefix (a host's proxy path).
MAP_STATIC_URL = "../../app/static"
CDN_JS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js"
CDN_CSS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css"


@dataclass(frozen=True)
class Assets:
    """Where the map's frame loads Leaflet from."""

    js: tuple[str, ...]
    css: tuple[str, ...]
    local: bool


CDN = Assets(js=(CDN_JS,), css=(CDN_CSS,), local=False)


def vendor_dir(static_dir: Path) -> Path:
    return static_dir / "vendor" / "leaflet"


def install_local(static_dir: Path, source: Path = PACKAGE_DIR) -> bool:
    """Copy Leaflet's files into static/vendor/leaflet/ where they are missing or
    differ; True if they are all there afterwards. Each file is written beside its
    target and renamed, so a browser or another replica never reads half a file."""
    target = vendor_dir(static_dir)
    try:
        for name in FILES:
            wanted, path = source / name, target / name
            if not (path.is_file() and path.stat().st_size == wanted.stat().st_size):
                write_atomic(path, wanted.read_bytes())
    except OSError:
        return False
    return True


def leaflet_assets(mode: str, static_dir: Path, serving: bool) -> Assets:
    """`mode` cdn: the CDN. local: the served copy (an error if it cannot be served).
    auto: the served copy when static files are served and it can be written, else
    the CDN."""
    if mode == "cdn":
        return CDN
    if (serving or mode == "local") and install_local(static_dir):
        url = f"{MAP_STATIC_URL}/vendor/leaflet"
        return Assets(js=(f"{url}/leaflet.js",), css=(f"{url}/leaflet.css",), local=True)
    if mode == "local":
        raise RuntimeError(
            f"KURIL_ASSETS=local but Leaflet cannot be written to {vendor_dir(static_dir)}"
        )
    return CDN
