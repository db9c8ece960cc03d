"""Bad data files: each raises one DataError naming file, record and field."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.data import load_dataset, verify_quotes
from geo.errors import DataError
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
    assert file in str(err) and (record is None or record in str(err))


def test_missing_field(tmp_path, minimal_data):
    del minimal_data["claims.yaml"][0]["speaker"]
    expect_error(tmp_path, minimal_data, "claims.yaml", "'test-claim'", "speaker", "required")


def test_unknown_island(tmp_path, minimal_data):
    minimal_data["claims.yaml"][0]["islands"] = ["sakhalin"]
    expect_error(tmp_path, minimal_data, "claims.yaml", "'test-claim'", "islands.0", "iturup")


def test_bad_date(tmp_path, minimal_data):
    minimal_data["claims.yaml"][0]["said_on"] = "21/02/2019"
    expect_error(tmp_path, minimal_data, "claims.yaml", "'test-claim'", "said_on", "date")


def test_date_in_future(tmp_path, minimal_data):
    future = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    minimal_data["events.yaml"][0]["date"] = future
    expect_error(tmp_path, minimal_data, "events.yaml", "'first'", "date", "in the future")


def test_duplicate_id(tmp_path, minimal_data):
    minimal_data["events.yaml"][1]["id"] = "first"
    expect_error(tmp_path, minimal_data, "events.yaml", "'first'", "id", "duplicate id")


def test_unknown_source(tmp_path, minimal_data):
    minimal_data["claims.yaml"][0]["source"] = "nowhere"
    expect_error(tmp_path, minimal_data, "claims.yaml", "'test-claim'", "source", "unknown source")


def test_unknown_topic(tmp_path, minimal_data):
    minimal_data["claims.yaml"][0]["topics"] = ["weather"]
    expect_error(tmp_path, minimal_data, "claims.yaml", "'test-claim'", "topics", "unknown topic")


def test_scope_and_islands_disagree(tmp_path, minimal_data):
    minimal_data["claims.yaml"][0]["scope"] = "dispute"
    expect_error(tmp_path, minimal_data, "claims.yaml", "'test-claim'", "(record)", "empty")


def test_week_precision_must_be_monday(tmp_path, minimal_data):
    minimal_data["claims.yaml"][0]["date_precision"] = "week"  # 21 Feb 2019 was a Thursday
    expect_error(tmp_path, minimal_data, "claims.yaml", "'test-claim'", "(record)", "Monday")


def test_extra_field_is_a_typo(tmp_path, minimal_data):
    minimal_data["claims.yaml"][0]["speeker"] = "typo"
    expect_error(tmp_path, minimal_data, "claims.yaml", "'test-claim'", "speeker", "not permitted")


def test_said_after_publication(tmp_path, minimal_data):
    minimal_data["claims.yaml"][0]["said_on"] = "2019-03-01"
    minimal_data["events.yaml"][1]["date"] = "2019-03-01"
    expect_error(tmp_path, minimal_data, "claims.yaml", "'test-claim'", "said_on",
                 "after its source")


def test_event_claim_on_other_date(tmp_path, minimal_data):
    minimal_data["events.yaml"][1]["date"] = "2019-02-20"
    expect_error(tmp_path, minimal_data, "events.yaml", "'statement'", "claims", "not on the event")


def test_event_without_source_or_reference(tmp_path, minimal_data):
    del minimal_data["events.yaml"][0]["reference"]
    expect_error(tmp_path, minimal_data, "events.yaml", "'first'", "(record)", "source")


def test_bad_url(tmp_path, minimal_data):
    minimal_data["sources.yaml"][0]["url"] = "javascript:alert(1)"
    expect_error(tmp_path, minimal_data, "sources.yaml", "'test-source'", "url", "URL")


def test_record_without_id_is_named_by_position(tmp_path, minimal_data):
    del minimal_data["events.yaml"][1]["id"]
    expect_error(tmp_path, minimal_data, "events.yaml", "#2", "id", "required")


def test_not_a_list(tmp_path, minimal_data):
    minimal_data["topics.yaml"] = "id: x\nlabel: y\n"
    expect_error(tmp_path, minimal_data, "topics.yaml", None, None, "list of records")


def test_broken_yaml(tmp_path, minimal_data):
    minimal_data["claims.yaml"] = "- id: a\n  text: [unclosed\n"
    expect_error(tmp_path, minimal_data, "claims.yaml", None, None, "not valid YAML at line")


def test_record_not_a_mapping(tmp_path, minimal_data):
    minimal_data["claims.yaml"] = "- just a string\n"
    expect_error(tmp_path, minimal_data, "claims.yaml", "#1", None, "mapping")


def test_missing_file(tmp_path, minimal_data):
    folder = write_data(tmp_path / "data", minimal_data)
    (folder / "events.yaml").unlink()
    with pytest.raises(DataError, match="events.yaml: file not found"):
        load_dataset(folder)


def test_ending_a_condition_that_does_not_exist(tmp_path, minimal_data):
    minimal_data["events.yaml"][1]["ends_conditions"] = ["first"]
    expect_error(tmp_path, minimal_data, "events.yaml", "'statement'", "ends_conditions",
                 "sets no condition")


def test_quote_not_in_source(tmp_path, minimal_data):
    dataset = load(tmp_path, minimal_data)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "capture.txt").write_text("He said: “The islands are theirs.”", encoding="utf-8")
    with pytest.raises(DataError) as info:
        verify_quotes(dataset, seeds)
    assert (info.value.file, info.value.record, info.value.field) == (
        "claims.yaml", "'test-claim'", "text")


def test_quote_matches_across_typography(tmp_path, minimal_data):
    minimal_data["claims.yaml"][0]["text"] = "It's \"ours\" - all   of it"
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
