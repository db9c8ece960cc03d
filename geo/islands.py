"""The committed island, context and locator GeoJSON, validated into GeoDataFrames,
and the islands' display names. A bad file raises DataError naming the file, the record (its
id, else its position) and the field."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import shapely

from geo import ISLAND_IDS, REGION_IDS
from geo.errors import DataError

Schema = dict[str, type | tuple[type, ...]]
ISLAND_PROPERTIES: Schema = {
    "id": str,
    "name_en": str,
    "name_ru": str,
    "name_ja": str,
    "name_ja_romaji": str,
    "parts": int,
    "area_km2": (int, float),
    "area_gsi_km2": (int, float),
    "area_gsi_basis": str,
    "area_gsi_source": str,
}
LAND_PROPERTIES: Schema = {  # context land, and the locator map's land
    "id": str,
    "role": str,
    "name_en": str,
    "name_ru": str,
    "name_ja": str,
}


MAX_DEPTH = 40  # GeoJSON polygons nest four levels; far deeper would exhaust the stack
POSITIVE = ("parts", "area_km2", "area_gsi_km2")  # counts and areas: more than zero


def _read_features(path: Path) -> list[dict]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path.name, None, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise DataError(path.name, None, None, f"not valid GeoJSON ({exc})") from None
    except OSError as exc:
        raise DataError(path.name, None, None, f"cannot be read ({exc.strerror or exc})") from None
    try:
        doc = json.loads(text, parse_int=_number)
    except json.JSONDecodeError as exc:
        raise DataError(path.name, None, None, f"not valid GeoJSON ({exc})") from None
    except RecursionError:
        doc = _TOO_DEEP  # reported below, out of the handler (the stack unwound)
    if doc is _TOO_DEEP:
        feature, line = _too_deep(text) or (None, 0)
        label = None if feature is None else f"#{feature + 1}"
        raise DataError(path.name, label, None, f"nested too deeply (line {line})")
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise DataError(path.name, None, "type", "must be a GeoJSON FeatureCollection")
    features = doc.get("features")
    if not isinstance(features, list):
        raise DataError(path.name, None, "features", "must be a list")
    return features


_TOO_DEEP = object()


def _number(digits: str) -> int | float:
    """A JSON integer; one too long for int() is a float (inf): a wrong type or not
    finite, reported with its feature and property, rather than a ValueError."""
    try:
        return int(digits)
    except ValueError:
        return float(digits)


def _too_deep(text: str) -> tuple[int | None, int] | None:
    """(position in `features`, or None outside it; line) where the brackets first
    nest deeper than MAX_DEPTH, scanning the text without recursion."""
    depth, item, line, in_string, escaped = 0, 0, 1, False, False
    for ch in text:
        if ch == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return (item if depth > 2 else None), line
        elif ch in "]}":
            depth -= 1
        elif ch == "," and depth == 2:  # between two features (or two top-level values)
            item += 1
    return None


def _check_geometry(name: str, label: str, geometry: object) -> None:
    try:
        shape = shapely.geometry.shape(geometry)
    except Exception as exc:  # shapely raises several types for bad input
        raise DataError(name, label, "geometry", f"not a valid geometry ({exc})") from None
    if shape.geom_type not in ("Polygon", "MultiPolygon"):
        raise DataError(name, label, "geometry", f"must be polygonal, got {shape.geom_type}")
    if not shape.is_valid:
        raise DataError(name, label, "geometry", shapely.is_valid_reason(shape))
    minx, miny, maxx, maxy = shape.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise DataError(name, label, "geometry", "coordinates are not lon/lat degrees")


def _properties(name: str, index: int, feature: object, schema: Schema) -> tuple[str, dict]:
    """The record's label (its id, else its position) and its properties, every key of
    ``schema`` present, of its type (a boolean is not a number) and not blank, the
    POSITIVE ones above zero."""
    label = f"#{index + 1}"
    if not isinstance(feature, dict):
        raise DataError(name, label, None, "a feature must be a JSON object")
    props = feature.get("properties")
    if not isinstance(props, dict):
        raise DataError(name, label, "properties", "missing")
    if isinstance(props.get("id"), str):
        label = f"'{props['id']}'"
    if feature.get("type") != "Feature":
        raise DataError(name, label, "type", "must be 'Feature'")
    for key, kind in schema.items():
        value = props.get(key)
        if value is None or not isinstance(value, kind) or isinstance(value, bool):
            raise DataError(name, label, f"properties.{key}", "missing or wrong type")
        if isinstance(value, str) and not value.strip():
            raise DataError(name, label, f"properties.{key}", "missing or wrong type (blank)")
        if isinstance(value, float) and not math.isfinite(value):
            raise DataError(name, label, f"properties.{key}", "not a finite number")
        if key in POSITIVE and isinstance(value, int | float) and value <= 0:
            raise DataError(name, label, f"properties.{key}", "must be more than zero")
    return label, props


def _check_new_id(name: str, label: str, ident: str, seen: list[str]) -> None:
    if ident in seen:
        raise DataError(name, label, "properties.id", "duplicate id")
    seen.append(ident)


def load_islands(path: Path) -> gpd.GeoDataFrame:
    """The four island groups, one row each, in ISLAND_IDS order, EPSG:4326."""
    path = Path(path)
    features = _read_features(path)
    seen: list[str] = []
    for index, feature in enumerate(features):
        label, props = _properties(path.name, index, feature, ISLAND_PROPERTIES)
        if props["id"] not in ISLAND_IDS:
            raise DataError(path.name, label, "properties.id", f"unknown island '{props['id']}'")
        _check_new_id(path.name, label, props["id"], seen)
        _check_geometry(path.name, label, feature.get("geometry"))
    missing = [i for i in ISLAND_IDS if i not in seen]
    if missing:
        raise DataError(path.name, None, "features", f"missing islands: {', '.join(missing)}")
    gdf = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
    order = {island: n for n, island in enumerate(ISLAND_IDS)}
    return gdf.sort_values("id", key=lambda s: s.map(order)).reset_index(drop=True)


def load_context(path: Path) -> gpd.GeoDataFrame:
    """Nearby land drawn under the islands so the map reads without tiles: each
    feature the part of one status region (REGION_IDS) near the islands, role
    'region', each region at most once."""
    path = Path(path)
    seen: list[str] = []
    for index, feature in enumerate(_read_features(path)):
        label, props = _properties(path.name, index, feature, LAND_PROPERTIES)
        if props["id"] not in REGION_IDS:
            raise DataError(path.name, label, "properties.id", f"unknown region '{props['id']}'")
        _check_new_id(path.name, label, props["id"], seen)
        if props["role"] != "region":
            raise DataError(path.name, label, "properties.role", "must be 'region'")
        _check_geometry(path.name, label, feature.get("geometry"))
    return gpd.read_file(path)


def load_locator(path: Path) -> gpd.GeoDataFrame:
    """The locator map's land, EPSG:4326: every status region (REGION_IDS, role
    'region') and island group (ISLAND_IDS, role 'island') exactly once, then any
    other land with role 'context'. Rows in that order: regions and islands in
    their ids' order, context land as in the file."""
    path = Path(path)
    features = _read_features(path)
    roles = {**dict.fromkeys(REGION_IDS, "region"), **dict.fromkeys(ISLAND_IDS, "island")}
    seen: list[str] = []
    for index, feature in enumerate(features):
        label, props = _properties(path.name, index, feature, LAND_PROPERTIES)
        _check_new_id(path.name, label, props["id"], seen)
        role = roles.get(props["id"], "context")
        if props["role"] != role:
            raise DataError(path.name, label, "properties.role", f"must be '{role}'")
        _check_geometry(path.name, label, feature.get("geometry"))
    missing = [i for i in roles if i not in seen]
    if missing:
        raise DataError(
            path.name, f"'{missing[0]}'", "properties.id", f"no feature: {', '.join(missing)}"
        )
    gdf = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
    order = {ident: n for n, ident in enumerate(roles)}
    rank = gdf["id"].map(lambda i: order.get(i, len(order)))
    return gdf.iloc[rank.argsort(kind="stable")].reset_index(drop=True)


def display_name(row: Mapping[str, object], language: str = "en") -> str:
    """Both names of an island in `language`: 'Iturup / Etorofu' (one name where English
    and Japanese romaji agree), '択捉島 / Итуруп', 'Итуруп / 択捉島'."""
    if language == "ja":
        return f"{row['name_ja']} / {row['name_ru']}"
    if language == "ru":
        return f"{row['name_ru']} / {row['name_ja']}"
    if row["name_en"] == row["name_ja_romaji"]:
        return str(row["name_en"])
    return f"{row['name_en']} / {row['name_ja_romaji']}"
