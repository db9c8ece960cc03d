"""Fixtures of the browser tests."""

from __future__ import annotations

import pytest

from tests.support.browser import require_chromium, streamlit_server


@pytest.fixture(scope="module")
def server():
    """The app on a free port for one test module, its URL (fails in CI without Chromium)."""
    require_chromium()
    with streamlit_server() as (url, _proc):
        yield url
