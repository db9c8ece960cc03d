"""Fixtures of the AppTest tests."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


@pytest.fixture
def run_app(app_runner):
    """The app after one run with these URL parameters; it must not have raised."""

    def run(**params) -> AppTest:
        at = app_runner(params)
        assert not at.exception, at.exception
        return at

    return run
