"""A broken data folder, run through the app in this process: the app says what is
wrong (file, record and field, the file named relative to the data folder) and
shows nothing else; template text in the data stays text on the map."""

from __future__ import annotations

import json
import re
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
    shutil.copytree(DATA / "i18n", folder / "i18n")
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


# --- data slips a red-team pass found: each a crash, or data that loaded wrongly ------------


def _edit_record_text(folder: Path, name: str, index: int, change) -> None:
    """Change the YAML text of one record (for what a mapping cannot hold: a key given
    twice, a date that is no date)."""
    path = folder / name
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    parts = [yaml.safe_dump([r], allow_unicode=True, sort_keys=False) for r in records]
    parts[index] = change(parts[index])
    path.write_text("".join(parts), encoding="utf-8")


def _field_text(field: str, value: str):
    return lambda text: re.sub(rf"(?m)^  {field}: .*$", f"  {field}: {value}", text, count=1)


def _feature(name: str, index: int, change):
    def edit(doc):
        change(doc["features"][index])

    return lambda folder: _edit_geojson(folder, name, edit)


def _set_property(key: str, value):
    return lambda feature: feature["properties"].__setitem__(key, value)


def _raw_property(folder: Path, name: str, index: int, key: str, raw: str) -> None:
    """Set a property to JSON text that Python could not have written (a 5,000-digit
    integer)."""
    _feature(name, index, _set_property(key, "@@"))(folder)
    path = folder / name
    path.write_text(path.read_text(encoding="utf-8").replace('"@@"', raw), encoding="utf-8")


def _deep_json(folder: Path) -> None:
    path = folder / "context.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps({**doc, "features": [*doc["features"], "@@"]})
    path.write_text(text.replace('"@@"', "[" * 100_000 + "]" * 100_000), encoding="utf-8")


def _two_speakers_one_link(records):
    records[0]["speaker"] = "Sergey V. Lavrov"
    records[1]["speaker"] = "Sergey V Lavrov"


CLAIM_1 = yaml.safe_load((DATA / "claims.yaml").read_text(encoding="utf-8"))[0]["id"]
CLAIM_2 = yaml.safe_load((DATA / "claims.yaml").read_text(encoding="utf-8"))[1]["id"]
EVENT_2 = yaml.safe_load((DATA / "events.yaml").read_text(encoding="utf-8"))[1]["id"]
TOPIC_2 = yaml.safe_load((DATA / "topics.yaml").read_text(encoding="utf-8"))[1]["id"]
SOURCE_2 = yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8"))[1]["id"]
BOUNDARY_1 = yaml.safe_load((DATA / "boundaries.yaml").read_text(encoding="utf-8"))[0]["id"]

SLIPS = {
    # crashes (a traceback with server paths)
    "date-not-in-the-calendar": (
        lambda f: _edit_record_text(f, "claims.yaml", 0, _field_text("said_on", "2018-02-30")),
        ("claims.yaml", f"'{CLAIM_1}'", "'said_on'", "date"),
    ),
    "5000-digit-number": (
        lambda f: _edit_record_text(f, "claims.yaml", 0, _field_text("said_on", "9" * 5000)),
        ("claims.yaml", f"'{CLAIM_1}'", "'said_on'", "cannot be read"),
    ),
    "5000-digit-number-in-geojson": (
        lambda f: _raw_property(f, "islands.geojson", 0, "parts", "9" * 5000),
        ("islands.geojson", "'properties.parts'", "wrong type"),
    ),
    "deep-brackets-in-yaml": (
        lambda f: _edit_record_text(
            f, "topics.yaml", 1, _field_text("label", "[" * 5000 + "]" * 5000)
        ),
        ("topics.yaml", "record #2", "'label'", "nested"),
    ),
    "deep-brackets-in-json": (_deep_json, ("context.geojson", "record #4", "nested")),
    "feature-not-an-object": (
        lambda f: _edit_geojson(f, "context.geojson", lambda d: d["features"].append(7)),
        ("context.geojson", "record #4", "JSON object"),
    ),
    "feature-of-another-type": (
        _feature("context.geojson", 0, lambda feat: feat.__setitem__("type", "Topology")),
        ("context.geojson", "'type'", "Feature"),
    ),
    # loaded wrongly, or not as meant
    "key-given-twice": (
        lambda f: _edit_record_text(
            f,
            "claims.yaml",
            0,
            lambda t: t.replace("  kind: quote\n", "  kind: quote\n  kind: reported\n"),
        ),
        ("claims.yaml", f"'{CLAIM_1}'", "'kind'", "given twice"),
    ),
    "key-given-twice-in-an-effect": (
        lambda f: _edit_record_text(
            f,
            "events.yaml",
            1,
            lambda t: t.replace(
                "  - administered_by: Japan\n",
                "  - administered_by: Japan\n    administered_by: Russia\n",
                1,
            ),
        ),
        ("events.yaml", f"'{EVENT_2}'", "'effects.0.administered_by'", "given twice"),
    ),
    "boolean-as-a-count": (
        _feature("islands.geojson", 0, _set_property("parts", True)),
        ("islands.geojson", "'properties.parts'", "wrong type"),
    ),
    "boolean-as-a-coordinate": (
        lambda f: _edit_yaml(f, "boundaries.yaml", lambda r: r[0]["line"][0].__setitem__(0, True)),
        ("boundaries.yaml", f"'{BOUNDARY_1}'", "'line.0.0'"),
    ),
    "negative-count": (
        _feature("islands.geojson", 1, _set_property("parts", -2)),
        ("islands.geojson", "'properties.parts'", "more than zero"),
    ),
    "negative-area": (
        _feature("islands.geojson", 1, _set_property("area_gsi_km2", -1.5)),
        ("islands.geojson", "'properties.area_gsi_km2'", "more than zero"),
    ),
    "blank-island-name": (
        _feature("islands.geojson", 2, _set_property("name_en", " \u3000 ")),
        ("islands.geojson", "'properties.name_en'"),
    ),
    "invisible-speaker": (
        lambda f: _edit_yaml(f, "claims.yaml", lambda r: _set(r, 1, "speaker", "\u200b\u200b")),
        ("claims.yaml", f"'{CLAIM_2}'", "'speaker'", "blank"),
    ),
    "speaker-without-a-link": (
        lambda f: _edit_yaml(f, "claims.yaml", lambda r: _set(r, 1, "speaker", "— ? —")),
        ("claims.yaml", f"'{CLAIM_2}'", "'speaker'", "letter or digit"),
    ),
    "two-speakers-one-link": (
        lambda f: _edit_yaml(f, "claims.yaml", _two_speakers_one_link),
        ("claims.yaml", f"'{CLAIM_2}'", "'speaker'", "same link"),
    ),
    "no-islands-meaning-all-four": (
        lambda f: _edit_yaml(
            f, "events.yaml", lambda r: r[1]["effects"][0].__setitem__("islands", [])
        ),
        ("events.yaml", f"'{EVENT_2}'", "'effects.0'", "all four"),
    ),
    "user-info-in-a-source-url": (
        lambda f: _edit_yaml(
            f, "sources.yaml", lambda r: _set(r, 1, "url", "https://tass.com@evil.example/")
        ),
        ("sources.yaml", f"'{SOURCE_2}'", "'url'", "user"),
    ),
    "user-info-in-a-reference-url": (
        lambda f: _edit_yaml(
            f,
            "events.yaml",
            lambda r: r[1]["reference"].__setitem__("url", "https://mofa.go.jp:x@evil.example/"),
        ),
        ("events.yaml", f"'{EVENT_2}'", "'reference.url'", "user"),
    ),
    "two-topics-one-label": (
        lambda f: _edit_yaml(
            f, "topics.yaml", lambda r: _set(r, 1, "label", r[0]["label"].upper())
        ),
        ("topics.yaml", f"'{TOPIC_2}'", "'label'", "also the label"),
    ),
    "two-sources-one-label": (
        lambda f: _edit_yaml(
            f,
            "sources.yaml",
            lambda r: r[1].update(
                original_publisher=r[0]["original_publisher"],
                published=r[0]["published"],
                published_precision=r[0]["published_precision"],
            ),
        ),
        ("sources.yaml", f"'{SOURCE_2}'", "also the label"),
    ),
}


@pytest.mark.parametrize("case", sorted(SLIPS))
def test_a_data_slip_gives_one_clear_error(tmp_path, case, app_runner):
    breaker, expected = SLIPS[case]
    _check_clear_error(tmp_path, breaker, expected, app_runner)
