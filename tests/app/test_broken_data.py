"""A broken data folder, run through the app in this process: the app says what is
wrong (file, record and field, the file named relative to the data folder) and
shows nothing else; template text in the data stays text on the map."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from geo.config import REPO_ROOT
from tests.conftest import shown
from tests.support.hostile import md_unescape

DATA = REPO_ROOT / "data"


def _copy_data(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for path in [*DATA.glob("*.yaml"), *DATA.glob("*.geojson")]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.mark.parametrize(
    ("where", "payload"),
    [
        ("name", "{{ 'kuril' ~ 'pwned' }}"),  # evaluated: the map would say 'kurilpwned'
        ("status", "{% if %}"),  # a Jinja syntax error: the whole page fails
    ],
)
def test_template_text_reaching_the_map_stays_text(tmp_path, where, payload, app_runner):
    folder = _copy_data(tmp_path / "data")
    if where == "name":
        path = folder / "islands.geojson"
        doc = json.loads(path.read_text(encoding="utf-8"))
        for feature in doc["features"]:
            if feature["properties"]["id"] == "habomai":
                feature["properties"]["name_ja"] = payload
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    else:
        path = folder / "events.yaml"
        events = yaml.safe_load(path.read_text(encoding="utf-8"))
        for event in events:
            for effect in event.get("effects", []):
                if effect.get("administered_by") == "Russia":
                    effect["administered_by"] = f"Russia {payload}"
        path.write_text(yaml.safe_dump(events, allow_unicode=True), encoding="utf-8")
    page = shown(app_runner(data_dir=folder))
    assert page["exception"] == []
    assert "kurilpwned" not in page["feature_group"][0]  # tooltips
    assert "kurilpwned" not in page["script"][0]  # labels


def _edit_yaml(folder: Path, name: str, change) -> None:
    path = folder / name
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _edit_geojson(folder: Path, name: str, change) -> None:
    path = folder / name
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")


def _set(records, index, field, value):
    records[index][field] = value


def _kunashir_without_russian_name(doc):
    for feature in doc["features"]:
        if feature["properties"]["id"] == "kunashir":
            del feature["properties"]["name_ru"]


def _second_context_feature_is_a_point(doc):
    doc["features"][1]["geometry"] = {"type": "Point", "coordinates": [146.0, 44.0]}


def _replace_with_folder(folder: Path, name: str) -> None:
    (folder / name).unlink()
    (folder / name).mkdir()


CLAIM_3 = yaml.safe_load((DATA / "claims.yaml").read_text(encoding="utf-8"))[2]["id"]
SOURCE_1 = yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))[0]["id"]

BROKEN = {
    "claim-field": (
        lambda f: _edit_yaml(f, "claims.yaml", lambda r: _set(r, 2, "date_confidence", "certain")),
        ("claims.yaml", f"'{CLAIM_3}'", "'date_confidence'"),
    ),
    "source-url": (
        lambda f: _edit_yaml(f, "sources.yaml", lambda r: _set(r, 0, "url", "javascript:alert(1)")),
        ("sources.yaml", f"'{SOURCE_1}'", "'url'"),
    ),
    "claim-unknown-source": (
        lambda f: _edit_yaml(f, "claims.yaml", lambda r: _set(r, 2, "source", "nowhere")),
        ("claims.yaml", f"'{CLAIM_3}'", "'source'"),
    ),
    "events-yaml": (
        lambda f: (f / "events.yaml").write_text("- id: a\n  title: [unclosed\n"),
        ("events.yaml", "not valid YAML at line"),
    ),
    "topics-missing": (lambda f: (f / "topics.yaml").unlink(), ("topics.yaml", "file not found")),
    "island-property": (
        lambda f: _edit_geojson(f, "islands.geojson", _kunashir_without_russian_name),
        ("islands.geojson", "'kunashir'", "'properties.name_ru'"),
    ),
    "context-geometry": (
        lambda f: _edit_geojson(f, "context.geojson", _second_context_feature_is_a_point),
        ("context.geojson", "'south-sakhalin'", "'geometry'", "polygonal"),
    ),
}
BROKEN_BUGS = {
    "claims-is-a-folder": (
        lambda f: _replace_with_folder(f, "claims.yaml"),
        ("claims.yaml",),
        "geo/load.py load_records and geo/islands.py _read_features catch only "
        "FileNotFoundError/UnicodeDecodeError: any other OSError (a folder, no permission) "
        "escapes as a traceback; fix: also catch OSError and raise "
        "DataError(name, None, None, f'cannot be read ({exc.strerror})')",
    ),
    "islands-is-a-folder": (
        lambda f: _replace_with_folder(f, "islands.geojson"),
        ("islands.geojson",),
        "as claims-is-a-folder, in geo/islands.py _read_features",
    ),
    "no-events": (
        lambda f: (f / "events.yaml").write_text("[]\n"),
        ("events.yaml",),
        "an empty events.yaml passes geo.load.load_dataset, then app.py fails with "
        "IndexError (Choices.default_date is stops[-1]); fix in geo/load.py load_dataset: "
        "raise DataError('events.yaml', None, None, 'needs at least one event') when "
        "events is empty",
    ),
}


def _check_clear_error(tmp_path, breaker, expected, app_runner):
    folder = _copy_data(tmp_path / "data")
    breaker(folder)
    page = shown(app_runner(data_dir=folder))
    assert page["exception"] == [], page["exception"]
    assert len(page["error"]) == 1, page
    message = md_unescape(page["error"][0])
    assert "could not be loaded" in message
    for words in expected:
        assert words in message, message
    assert str(tmp_path) not in message  # no server path reaches a visitor
    # no partial load: nothing but the error (and the static header) is shown
    assert page["sliders"] == 0
    assert page["feature_group"] == []
    assert not any("Claims" in m for m in page["markdown"])


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_data_shows_a_clear_error(tmp_path, case, app_runner):
    breaker, expected = BROKEN[case]
    _check_clear_error(tmp_path, breaker, expected, app_runner)


@pytest.mark.parametrize("case", sorted(BROKEN_BUGS))
def test_unreadable_or_empty_data_shows_a_clear_error(tmp_path, case, app_runner):
    breaker, expected, _reason = BROKEN_BUGS[case]
    _check_clear_error(tmp_path, breaker, expected, app_runner)
