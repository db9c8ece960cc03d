"""geo.errors: a DataError says file, record and field in one line."""

from __future__ import annotations

from geo.errors import DataError


def test_message_names_what_is_known():
    assert str(DataError("claims.yaml", "'a'", "said_on", "bad")) == (
        "claims.yaml, record 'a', field 'said_on': bad"
    )
    assert str(DataError("events.yaml", None, None, "not valid YAML")) == (
        "events.yaml: not valid YAML"
    )
    error = DataError("topics.yaml", "#2", None, "a record must be a mapping")
    assert (error.file, error.record, error.field) == ("topics.yaml", "#2", None)
    assert isinstance(error, ValueError)
