"""Leaflet's JS and CSS: from the npm registry into static/vendor/ (served by
Streamlit's static file serving) so the map renders with no CDN, or folium's
CDN links when no local copy was installed.

Run `python -m geo.assets` to fetch them (needs `npm`); nothing third-party
is committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from geo import REPO_ROOT

LEAFLET_VERSION = "1.9.4"
VENDOR_DIR = REPO_ROOT / "static" / "vendor"
# Streamlit serves ./static/<path> at <app root>/app/static/<path> (server.enableStaticServing).
# The map runs in the component frame at <app root>/component/<name>/index.html, so this
# relative URL reaches ./static/ from there under any URL prefix (a host's proxy path).
MAP_STATIC_URL = "../../app/static"
STATIC_URL = f"{MAP_STATIC_URL}/vendor"
CDN_JS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js"
CDN_CSS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css"


@dataclass(frozen=True)
class Assets:
    js: tuple[str, ...]
    css: tuple[str, ...]
    local: bool


def local_available(vendor_dir: Path = VENDOR_DIR) -> bool:
    return (vendor_dir / "leaflet" / "leaflet.js").is_file() and (
        vendor_dir / "leaflet" / "leaflet.css"
    ).is_file()


def leaflet_assets(vendor_dir: Path = VENDOR_DIR) -> Assets:
    """Local copies when installed, else the CDN."""
    if local_available(vendor_dir):
        return Assets(
            js=(f"{STATIC_URL}/leaflet/leaflet.js",),
            css=(f"{STATIC_URL}/leaflet/leaflet.css",),
            local=True,
        )
    return Assets(js=(CDN_JS,), css=(CDN_CSS,), local=False)


def fetch(vendor_dir: Path = VENDOR_DIR, version: str = LEAFLET_VERSION) -> Path:
    """`npm pack leaflet@version` and unpack its dist/ into vendor_dir/leaflet."""
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not installed; the map will load Leaflet from its CDN")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(  # noqa: S603 - fixed argument list, no shell
            [npm, "pack", f"leaflet@{version}", "--pack-destination", tmp, "--silent"],
            check=True, cwd=tmp, stdout=subprocess.DEVNULL,
        )
        tgz = next(Path(tmp).glob("leaflet-*.tgz"))
        target = vendor_dir / "leaflet"
        staging = Path(tmp) / "unpacked"
        with tarfile.open(tgz) as archive:
            archive.extractall(staging, filter="data")
        dist = staging / "package" / "dist"
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(dist, target)
        shutil.copy(staging / "package" / "LICENSE", target / "LICENSE")
    return target


def main() -> int:
    if local_available():
        print(f"Leaflet already in {VENDOR_DIR / 'leaflet'}")
        return 0
    try:
        path = fetch()
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"warning: could not fetch Leaflet ({exc}); using the CDN", file=sys.stderr)
        return 0 if "--optional" in sys.argv else 1
    print(f"Leaflet {LEAFLET_VERSION} installed in {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
