"""The data's texts in the other languages: data/i18n/<language>/<file>.yaml, each a
mapping from a record's id to its translated fields, reviewed like the English files.

Loading checks them against the English dataset: every record and every field that
the English has, translated and not blank, and nothing else (a stale id or a field
the English lacks is an error too). One DataError names the file (relative to the
data folder), the record, the field and the language. Quotes are not translated:
they stay verbatim in the language they were published in."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from geo.errors import DataError
from geo.i18n import DEFAULT, LANGUAGES
from geo.load import Dataset, read_yaml
from geo.models import Boundary, Claim, Event, Topic, _visible
from geo.yaml_reader import UnreadableYamlError, problems

FOLDER = "i18n"
SOURCE = {"speakers": "claims.yaml (speaker)"}  # where a part's English comes from
MAX_TEXT = 4000


def _event_fields(e: Event) -> dict[str, Any]:
    fields: dict[str, Any] = {"title": e.title, "description": e.description}
    if e.condition:
        fields["condition"] = e.condition
    if e.positions is not None:
        sides = {s: getattr(e.positions, s) for s in ("russia", "japan")}
        fields["positions"] = {s: t for s, t in sides.items() if t}
    notes = {f.claim_note: f.claim_note for f in e.effects if f.claim_note}
    if notes:
        fields["claim_notes"] = notes
    return fields


def _claim_fields(c: Claim) -> dict[str, Any]:
    fields: dict[str, Any] = {"role": c.role, "occasion": c.occasion}
    if c.place:
        fields["place"] = c.place
    fields["summary"] = c.summary
    fields["date_basis"] = c.date_basis
    if c.kind == "reported":  # in our own words; a quote stays as it was published
        fields["text"] = c.text
    return fields


def _boundary_fields(b: Boundary) -> dict[str, Any]:
    return {"name": b.name, "note": b.note}


def _topic_fields(t: Topic) -> dict[str, Any]:
    return {"label": t.label}


def english_texts(dataset: Dataset) -> dict[str, dict[str, dict[str, Any]]]:
    """What each translation file must translate: by file, by record id, the fields
    (a nested mapping for positions, and claim notes keyed by their English)."""
    return {
        "events": {e.id: _event_fields(e) for e in dataset.events},
        "claims": {c.id: _claim_fields(c) for c in dataset.claims},
        "boundaries": {b.id: _boundary_fields(b) for b in dataset.boundaries},
        "topics": {t.id: _topic_fields(t) for t in dataset.topics.values()},
        # keyed by the English name, which stays the speaker's id (filters, links)
        "speakers": {name: {"name": name} for name in sorted({c.speaker for c in dataset.claims})},
    }


def load_translations(data_dir: Path, dataset: Dataset) -> dict[str, dict[str, Any]]:
    """Every language's translated texts, checked against the English: by language,
    then as `english_texts`."""
    wanted = english_texts(dataset)
    return {
        language: {
            part: _load_part(Path(data_dir), language, part, texts)
            for part, texts in wanted.items()
        }
        for language in LANGUAGES
        if language != DEFAULT
    }


def _load_part(
    data_dir: Path, language: str, part: str, english: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    name = f"{FOLDER}/{language}/{part}.yaml"

    def fail(record: str | None, field: str | None, message: str) -> DataError:
        return DataError(name, record, field, f"{message} (language '{language}')")

    try:
        raw = read_yaml(data_dir / name, lambda message: fail(None, None, message))
    except UnreadableYamlError as exc:
        path = exc.problem.path
        record = f"'{path[0]}'" if path else None
        raise fail(record, ".".join(map(str, path[1:])) or None, exc.problem.message) from None
    if not isinstance(raw, dict):
        raise fail(None, None, "the file must map each record's id to its texts")
    for problem in problems(raw):
        path = problem.path
        raise fail(
            f"'{path[0]}'" if path else None, ".".join(map(str, path[1:])) or None, problem.message
        )
    for ident in raw:
        if ident not in english:
            raise fail(
                f"'{ident}'", None, f"no record '{ident}' in {SOURCE.get(part, part + '.yaml')}"
            )
    for ident, fields in english.items():
        if ident not in raw:
            raise fail(f"'{ident}'", None, "missing: every record needs its translation")
        _check_fields(raw[ident], fields, lambda field, msg, i=ident: fail(f"'{i}'", field, msg))
    return raw


def _check_fields(got: object, want: Mapping[str, Any], fail, prefix: str = "") -> None:
    """`got` has exactly `want`'s fields, each a visible text (or, where `want` nests,
    the same nesting)."""
    if not isinstance(got, dict):
        raise fail(prefix.rstrip(".") or None, "must be a mapping of fields")
    for field in got:
        if field not in want:
            raise fail(f"{prefix}{field}", "not a field to translate here")
    for field, english in want.items():
        path = f"{prefix}{field}"
        if field not in got:
            raise fail(path, "missing translation")
        if isinstance(english, Mapping):
            _check_fields(got[field], english, fail, f"{path}.")
            continue
        value = got[field]
        if not isinstance(value, str):
            raise fail(path, "must be text")
        try:
            _visible(value)
        except ValueError:
            raise fail(path, "must not be blank") from None
        if len(value) > MAX_TEXT:
            raise fail(path, f"longer than {MAX_TEXT} characters")


def translated(dataset: Dataset, texts: Mapping[str, Mapping[str, Any]]) -> Dataset:
    """`dataset` with its texts in one language (`load_translations(...)[language]`):
    the same records, ids, dates and geometry references, other words."""

    def event(e: Event) -> Event:
        t = texts["events"][e.id]
        notes = t.get("claim_notes", {})
        update: dict[str, Any] = {"title": t["title"], "description": t["description"]}
        if e.condition:
            update["condition"] = t["condition"]
        if e.positions is not None:
            update["positions"] = e.positions.model_copy(update=t["positions"])
        update["effects"] = tuple(
            f.model_copy(update={"claim_note": notes[f.claim_note]}) if f.claim_note else f
            for f in e.effects
        )
        return e.model_copy(update=update)

    def claim(c: Claim) -> Claim:
        return c.model_copy(update=dict(texts["claims"][c.id]))

    return Dataset(
        sources=dataset.sources,
        claims=tuple(claim(c) for c in dataset.claims),
        events=tuple(event(e) for e in dataset.events),
        topics={
            i: t.model_copy(update=dict(texts["topics"][i])) for i, t in dataset.topics.items()
        },
        boundaries=tuple(
            b.model_copy(update=dict(texts["boundaries"][b.id])) for b in dataset.boundaries
        ),
    )
