"""Fixtures of the AppTest tests."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


@pytest.fixture
def run_app(app_runner):
    """The app after one run with these URL parameters; it must not have raised
    (`drawn`: see tests.conftest.app_test)."""

    def run(drawn: bool = True, **params) -> AppTest:
        at = app_runner(params, drawn=drawn)
        assert not at.exception, at.exception
        return at

    return run
