"""Bad data files: each raises one DataError naming file, record and field."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.errors import DataError
from geo.load import load_dataset
from geo.quotes import verify_quotes
from tests.conftest import write_data


def load(tmp_path, data):
    return load_dataset(write_data(tmp_path / "data", data))


def test_minimal_data_loads(tmp_path, minimal_data):
    dataset = load(tmp_path, minimal_data)
    assert [c.id for c in dataset.claims] == ["test-claim"]
    assert [e.id for e in dataset.events] == ["first", "statement"]


def expect_error(tmp_path, data, file, record, field, words):
    with pytest.raises(DataError) as info:
        load(tmp_path, data)
    err = info.value
    assert (err.file, err.record, err.field) == (file, record, field), str(err)
    assert words in str(err)
    assert file in str(err)
    assert record is None or record in str(err)


def _set(file: str, index: int, field: str, value: object):
    def change(data: dict) -> None:
        data[file][index][field] = value

    return change


def _delete(file: str, index: int, field: str):
    def change(data: dict) -> None:
        del data[file][index][field]

    return change


def _replace(file: str, text: str):
    def change(data: dict) -> None:
        data[file] = text

    return change


def _each(*changes):
    def change(data: dict) -> None:
        for one in changes:
            one(data)

    return change


FUTURE = (dt.date.today() + dt.timedelta(days=1)).isoformat()
C, E, S, B = "claims.yaml", "events.yaml", "sources.yaml", "boundaries.yaml"
# case: (how to break the minimal data, file, record, field, words in the message)
BROKEN = {
    "missing field": (_delete(C, 0, "speaker"), C, "'test-claim'", "speaker", "required"),
    "unknown island": (
        _set(C, 0, "islands", ["sakhalin"]),
        C,
        "'test-claim'",
        "islands.0",
        "iturup",
    ),
    "bad date": (_set(C, 0, "said_on", "21/02/2019"), C, "'test-claim'", "said_on", "date"),
    "date in the future": (_set(E, 0, "date", FUTURE), E, "'first'", "date", "in the future"),
    "duplicate id": (_set(E, 1, "id", "first"), E, "'first'", "id", "duplicate id"),
    "unknown source": (
        _set(C, 0, "source", "nowhere"),
        C,
        "'test-claim'",
        "source",
        "unknown source",
    ),
    "unknown topic": (
        _set(C, 0, "topics", ["weather"]),
        C,
        "'test-claim'",
        "topics",
        "unknown topic",
    ),
    "scope and islands disagree": (
        _set(C, 0, "scope", "dispute"),
        C,
        "'test-claim'",
        "(record)",
        "empty",
    ),
    # 21 Feb 2019 was a Thursday
    "week precision not a Monday": (
        _set(C, 0, "date_precision", "week"),
        C,
        "'test-claim'",
        "(record)",
        "Monday",
    ),
    "extra field is a typo": (
        _set(C, 0, "speeker", "typo"),
        C,
        "'test-claim'",
        "speeker",
        "not permitted",
    ),
    "said after publication": (
        _each(_set(C, 0, "said_on", "2019-03-01"), _set(E, 1, "date", "2019-03-01")),
        C,
        "'test-claim'",
        "said_on",
        "after its source",
    ),
    "event claim on another date": (
        _set(E, 1, "date", "2019-02-20"),
        E,
        "'statement'",
        "claims",
        "not on the event",
    ),
    "event without source or reference": (
        _delete(E, 0, "reference"),
        E,
        "'first'",
        "(record)",
        "source",
    ),
    "bad url": (_set(S, 0, "url", "javascript:alert(1)"), S, "'test-source'", "url", "URL"),
    "record without id named by position": (_delete(E, 1, "id"), E, "#2", "id", "required"),
    "not a list": (
        _replace("topics.yaml", "id: x\nlabel: y\n"),
        "topics.yaml",
        None,
        None,
        "list of records",
    ),
    "broken yaml": (
        _replace(C, "- id: a\n  text: [unclosed\n"),
        C,
        None,
        None,
        "not valid YAML at line",
    ),
    "record not a mapping": (_replace(C, "- just a string\n"), C, "#1", None, "mapping"),
    "boundary from an unknown event": (
        _set(B, 0, "since", "nowhere"),
        B,
        "'first-line'",
        "since",
        "unknown event",
    ),
    "boundary ending before it starts": (
        _each(_set(B, 0, "since", "statement"), _set(B, 0, "until", "first")),
        B,
        "'first-line'",
        "until",
        "not after",
    ),
    "boundary point off the map": (
        _set(B, 0, "line", [[149.0, 46.0], [249.3, 45.0]]),
        B,
        "'first-line'",
        "line.1.0",
        "less than or equal",
    ),
    "boundary of one point": (
        _set(B, 0, "line", [[149.0, 46.0]]),
        B,
        "'first-line'",
        "line",
        "at least 2",
    ),
    "effect with an unknown region": (
        _set(E, 0, "effects", [{"regions": ["atlantis"], "administered_by": "Japan"}]),
        E,
        "'first'",
        "effects.0.regions.0",
        "kamchatka",
    ),
    "effect with an empty region list": (
        _set(E, 0, "effects", [{"regions": [], "administered_by": "Japan"}]),
        E,
        "'first'",
        "effects.0",
        "at least one region",
    ),
    "ending a condition that does not exist": (
        _set(E, 1, "ends_conditions", ["first"]),
        E,
        "'statement'",
        "ends_conditions",
        "sets no condition",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_data_names_file_record_and_field(tmp_path, minimal_data, case):
    breaker, file, record, field, words = BROKEN[case]
    breaker(minimal_data)
    expect_error(tmp_path, minimal_data, file, record, field, words)


def test_missing_file(tmp_path, minimal_data):
    folder = write_data(tmp_path / "data", minimal_data)
    (folder / "events.yaml").unlink()
    with pytest.raises(DataError, match=r"events\.yaml: file not found"):
        load_dataset(folder)


def test_quote_not_in_source(tmp_path, minimal_data):
    dataset = load(tmp_path, minimal_data)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "capture.txt").write_text("He said: “The islands are theirs.”", encoding="utf-8")
    with pytest.raises(DataError) as info:
        verify_quotes(dataset, seeds)
    assert (info.value.file, info.value.record, info.value.field) == (
        "claims.yaml",
        "'test-claim'",
        "text",
    )


def test_quote_matches_across_typography(tmp_path, minimal_data):
    minimal_data["claims.yaml"][0]["text"] = 'It\'s "ours" - all   of it'
    dataset = load(tmp_path, minimal_data)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "capture.txt").write_text("He said: It’s “ours” — all\nof it.", encoding="utf-8")
    assert verify_quotes(dataset, seeds) == 1


def test_no_partial_load(tmp_path, minimal_data):
    """A bad last record loses the whole load, not just that record."""
    good = dict(minimal_data["claims.yaml"][0])
    bad = dict(good, id="second", country="XX")
    minimal_data["claims.yaml"] = [good, bad]
    with pytest.raises(DataError, match="second"):
        load(tmp_path, minimal_data)


def test_a_quote_needs_a_source_with_a_capture(tmp_path, minimal_data):
    del minimal_data["sources.yaml"][0]["capture_file"]
    expect_error(
        tmp_path,
        minimal_data,
        "claims.yaml",
        "'test-claim'",
        "source",
        "needs a source with a capture",
    )
    minimal_data["claims.yaml"][0]["kind"] = "reported"
    assert load(tmp_path, minimal_data).claims[0].kind == "reported"


def test_a_condition_names_who_stated_it(tmp_path, minimal_data):
    minimal_data["events.yaml"][0]["condition"] = "A stated condition."
    expect_error(tmp_path, minimal_data, "events.yaml", "'first'", "(record)", "condition_by")
    minimal_data["events.yaml"][0]["condition_by"] = "russia"
    assert load(tmp_path, minimal_data).events[0].condition_by == "russia"
