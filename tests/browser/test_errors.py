"""An uncaught exception in real Chromium, with the repo's .streamlit/config.toml: the
page says something went wrong, and shows no traceback, message or server path."""

from __future__ import annotations

from geo.config import REPO_ROOT
from tests.app.test_server import CRASH_APP
from tests.support.browser import streamlit_server


def test_a_crash_shows_a_short_message_only(tmp_path, page):
    app = tmp_path / "crash_app.py"
    app.write_text(CRASH_APP, encoding="utf-8")
    with streamlit_server(app, cwd=REPO_ROOT) as (url, _proc):
        page.goto(url)
        box = page.locator('[data-testid="stException"]')
        box.wait_for()
        page.get_by_text("before the crash").wait_for()
        shown = page.locator("body").inner_text()
    assert box.count() == 1
    for secret in ("Traceback", "secret detail", str(tmp_path), "crash_app.py", "RuntimeError"):
        assert secret not in shown, shown
