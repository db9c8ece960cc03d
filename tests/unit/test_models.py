"""geo.models: the record models' own rules (precision, scope, effects)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from geo.models import Effect, Reference, Topic


def test_an_effect_must_change_something():
    with pytest.raises(ValidationError, match="must set administered_by"):
        Effect()
    assert Effect(administered_by="Japan").claimed_by is None


def test_text_is_stripped_and_slugs_are_checked():
    assert Topic(id="wwii-outcome", label="  Outcome  ").label == "Outcome"
    with pytest.raises(ValidationError):
        Topic(id="Not A Slug", label="x")


def test_records_are_frozen_and_strict():
    ref = Reference(title="T", publisher="P", url="https://example.org/")
    with pytest.raises(ValidationError):
        ref.title = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="Extra inputs"):
        Reference(title="T", publisher="P", url="https://example.org/", extra=1)


def test_dates_in_the_future_are_refused():
    from geo.models import Event

    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError, match="in the future"):
        Event(
            id="e",
            date=tomorrow,
            precision="day",
            title="t",
            description="d",
            category="treaty",
            scope="dispute",
            islands=(),
            reference={"title": "T", "publisher": "P", "url": "https://example.org/"},
        )
