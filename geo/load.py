"""Load and validate the reviewed YAML files into one immutable Dataset.

Every rule broken raises a single DataError naming the file, the record and
the field; a load either returns everything or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from geo.errors import DataError
from geo.models import Boundary, Claim, Event, Source, Topic
from geo.text import slug
from geo.yaml_reader import UnreadableYamlError, parse, problems

M = TypeVar("M", bound=BaseModel)

FILES = {
    "sources": "sources.yaml",
    "claims": "claims.yaml",
    "events": "events.yaml",
    "topics": "topics.yaml",
    "boundaries": "boundaries.yaml",
}


@dataclass(frozen=True)
class Dataset:
    sources: dict[str, Source]
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]  # sorted by date, then file order
    topics: dict[str, Topic]
    boundaries: tuple[Boundary, ...] = ()


def _record_label(raw: object, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
        return f"'{raw['id'].strip()}'"
    return f"#{index + 1}"


def _field_path(loc: Iterable[object]) -> str:
    return ".".join(str(part) for part in loc) or "(record)"


def read_yaml(path: Path, fail: Callable[[str], DataError]) -> Any:
    """The parsed YAML of a data file; `fail(message)` is the error of a file that cannot
    be read or is not YAML. A value the reader refuses (duplicate keys, too deep, …)
    raises UnreadableYamlError, for the caller to place in its records."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise fail("file not found") from None
    except UnicodeDecodeError as exc:
        raise fail(f"not valid UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise fail(f"cannot be read ({exc.strerror or exc})") from None
    try:
        return parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise fail(f"not valid YAML{where}") from None


def load_records(path: Path, model: type[M]) -> list[M]:
    """Parse one YAML file that holds a list of records of `model`."""
    name = path.name
    try:
        raw = read_yaml(path, lambda message: DataError(name, None, None, message))
    except UnreadableYamlError as exc:
        place = exc.problem.path
        label = f"#{int(place[0]) + 1}" if place and isinstance(place[0], int) else None
        field = _field_path(place[1:2]) if len(place) > 1 else None  # the record's field
        raise DataError(name, label, field, exc.problem.message) from None
    if not isinstance(raw, list):
        raise DataError(name, None, None, "the file must hold a list of records")
    records: list[M] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        label = _record_label(item, index)
        if not isinstance(item, dict):
            raise DataError(name, label, None, "a record must be a mapping of fields")
        for problem in problems(item):
            raise DataError(name, label, _field_path(problem.path), problem.message)
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            err = exc.errors()[0]
            raise DataError(name, label, _field_path(err["loc"]), err["msg"]) from None
        record_id = record.id  # type: ignore[attr-defined]
        if record_id in seen:
            raise DataError(name, label, "id", f"duplicate id '{record_id}'")
        seen.add(record_id)
        records.append(record)
    return records


def _check_refs(
    file: str, record: str, field: str, wanted: Iterable[str], known: Iterable[str], what: str
) -> None:
    known = set(known)
    for ref in wanted:
        if ref not in known:
            raise DataError(file, f"'{record}'", field, f"unknown {what} '{ref}'")


def load_dataset(data_dir: Path) -> Dataset:
    """Load, validate and cross-check sources, claims, events and topics."""
    data_dir = Path(data_dir)
    topics = {t.id: t for t in load_records(data_dir / FILES["topics"], Topic)}
    sources = {s.id: s for s in load_records(data_dir / FILES["sources"], Source)}
    claims = load_records(data_dir / FILES["claims"], Claim)
    events = load_records(data_dir / FILES["events"], Event)
    if not events:
        raise DataError(FILES["events"], None, None, "needs at least one event")

    _check_unique_labels(FILES["topics"], {t.id: t.label for t in topics.values()}, "label")
    source_labels = {s.id: s.label for s in sources.values()}
    _check_unique_labels(FILES["sources"], source_labels, "original_publisher, published")
    _check_speaker_links(claims)

    cf, ef = FILES["claims"], FILES["events"]
    for c in claims:
        _check_refs(cf, c.id, "source", [c.source], sources, "source")
        _check_refs(cf, c.id, "topics", c.topics, topics, "topic")
        if c.kind == "quote" and sources[c.source].capture_file is None:
            raise DataError(
                cf,
                f"'{c.id}'",
                "source",
                f"a quote needs a source with a capture; '{c.source}' has none",
            )
        if c.said_on > sources[c.source].published:
            raise DataError(
                cf, f"'{c.id}'", "said_on", f"said on {c.said_on}, after its source was published"
            )
    claim_ids = {c.id: c for c in claims}
    event_ids = {e.id: e for e in events}
    for e in events:
        if e.source is not None:
            _check_refs(ef, e.id, "source", [e.source], sources, "source")
        _check_refs(ef, e.id, "claims", e.claims, claim_ids, "claim")
        _check_refs(ef, e.id, "ends_conditions", e.ends_conditions, event_ids, "event")
        for cid in e.claims:
            if claim_ids[cid].said_on != e.date:
                raise DataError(
                    ef,
                    f"'{e.id}'",
                    "claims",
                    f"claim '{cid}' was said on {claim_ids[cid].said_on}, not on the event's date",
                )
        for ended in e.ends_conditions:
            target = event_ids[ended]
            if target.condition is None:
                raise DataError(
                    ef, f"'{e.id}'", "ends_conditions", f"event '{ended}' sets no condition to end"
                )
            if target.date > e.date:
                raise DataError(
                    ef, f"'{e.id}'", "ends_conditions", f"event '{ended}' comes after this event"
                )
    boundaries = load_records(data_dir / FILES["boundaries"], Boundary)
    _check_boundaries(boundaries, event_ids)
    ordered = tuple(sorted(events, key=lambda ev: ev.date))
    return Dataset(
        sources=sources,
        claims=tuple(claims),
        events=ordered,
        topics=topics,
        boundaries=tuple(boundaries),
    )


def _check_unique_labels(file: str, labels: dict[str, str], field: str) -> None:
    """Each record's label its own (ignoring case): a filter lists them by label."""
    seen: dict[str, str] = {}
    for ident, label in labels.items():
        other = seen.setdefault(label.casefold(), ident)
        if other != ident:
            message = f"'{label}' is also the label of '{other}'"
            if field != "label":  # a label made from several fields
                message += f" (made from {field})"
            raise DataError(file, f"'{ident}'", field, message)


def _check_speaker_links(claims: list[Claim]) -> None:
    """Two spellings of a speaker must not make the same link (?speaker=slug)."""
    names: dict[str, str] = {}
    for c in claims:
        other = names.setdefault(slug(c.speaker), c.speaker)
        if other != c.speaker:
            message = f"'{c.speaker}' and '{other}' make the same link ('{slug(c.speaker)}')"
            raise DataError(FILES["claims"], f"'{c.id}'", "speaker", message)


def _check_boundaries(boundaries: list[Boundary], events: dict[str, Event]) -> None:
    """Each line's `since` and `until` are known events, `until` after `since`."""
    bf = FILES["boundaries"]
    for b in boundaries:
        _check_refs(bf, b.id, "since", [b.since], events, "event")
        if b.until is not None:
            _check_refs(bf, b.id, "until", [b.until], events, "event")
            if events[b.until].date <= events[b.since].date:
                raise DataError(
                    bf, f"'{b.id}'", "until", f"event '{b.until}' is not after '{b.since}'"
                )
