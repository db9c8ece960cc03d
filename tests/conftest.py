"""Shared fixtures: the committed data as one Site, a small valid data folder that
tests can break one field at a time, the offline environment, an AppTest runner,
and headless Chromium with a page that records every error. Tests under
tests/browser/ are marked `browser` (deselect them with -m "not browser")."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from geo.config import REPO_ROOT, Settings
from geo.site import Site, current
from tests.support import fuzz

REPO = REPO_ROOT
APP = REPO / "app.py"
SEEDS = REPO.parent / "shared" / "seeds"
BROWSER_DIR = Path(__file__).resolve().parent / "browser"
# What the tests run with: the committed data, no tiles, Leaflet served locally.
OFFLINE = {"KURIL_TILES": "off", "KURIL_ASSETS": "local"}
TEST_SETTINGS = Settings(tiles="off", assets="local")


def pytest_configure(config: pytest.Config) -> None:
    fuzz.configure(config.getoption("markexpr") or "")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def repo_site() -> Site:
    """The committed data, loaded once per process (the app's own Site under AppTest)."""
    return current(TEST_SETTINGS)


MINIMAL = {
    "topics.yaml": [{"id": "wwii-outcome", "label": "Outcome of World War II"}],
    "sources.yaml": [
        {
            "id": "test-source",
            "capture_file": "capture.txt",
            "outlet": "Test Outlet",
            "original_publisher": "Test Agency",
            "headline": "A headline",
            "url": "https://example.org/article",
            "url_basis": "made up for the test",
            "published": "2019-02-22",
            "published_precision": "day",
            "published_basis": "made up for the test",
        }
    ],
    "claims.yaml": [
        {
            "id": "test-claim",
            "kind": "quote",
            "text": "The islands are ours",
            "speaker": "A Speaker",
            "role": "Minister",
            "country": "RU",
            "said_on": "2019-02-21",
            "date_precision": "day",
            "date_basis": "article says 'on Thursday'",
            "date_confidence": "high",
            "occasion": "press conference",
            "place": "Moscow",
            "source": "test-source",
            "scope": "islands",
            "islands": ["shikotan"],
            "topics": ["wwii-outcome"],
            "summary": "A test claim.",
        }
    ],
    "events.yaml": [
        {
            "id": "first",
            "date": "1855-02-07",
            "precision": "day",
            "title": "First event",
            "description": "Sets the first status.",
            "category": "treaty",
            "scope": "dispute",
            "islands": [],
            "reference": {"title": "T", "publisher": "P", "url": "https://example.org/t"},
            "effects": [
                {"administered_by": "Japan", "claimed_by": [], "declaration": "not_signed"}
            ],
        },
        {
            "id": "statement",
            "date": "2019-02-21",
            "precision": "day",
            "title": "A statement",
            "description": "Someone spoke.",
            "category": "statement",
            "scope": "islands",
            "islands": ["shikotan"],
            "source": "test-source",
            "claims": ["test-claim"],
        },
    ],
    "boundaries.yaml": [
        {
            "id": "first-line",
            "name": "A line",
            "kind": "treaty",
            "since": "first",
            "until": "statement",
            "line": [[149.0, 46.0], [149.3, 45.0]],
            "note": "A test line.",
            "reference": {"title": "T", "publisher": "P", "url": "https://example.org/t"},
        }
    ],
}


@pytest.fixture(scope="session")
def site() -> Site:
    return repo_site()


@pytest.fixture
def offline_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in OFFLINE.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("KURIL_DATA_DIR", raising=False)


def app_test(params: dict | None = None, drawn: bool = True) -> AppTest:
    """app.py in AppTest with these URL parameters, not run yet. AppTest has no
    browser, so no map can say it is drawn: `drawn` starts the visit as if it had
    (the whole page at once); drawn=False is a first visit as a browser sees it
    before then (geo.deferred)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if drawn:
        at.session_state["map_drawn"] = True
    return at


@pytest.fixture
def app_runner(monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """Run app.py once through AppTest (in this process) in the offline environment, on
    the committed data or on `data_dir`, with the given URL parameters; the AppTest
    after the first run (see app_test for `drawn`)."""
    for key, value in OFFLINE.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("KURIL_DATA_DIR", raising=False)

    def run(
        params: dict | None = None, data_dir: Path | None = None, drawn: bool = True
    ) -> AppTest:
        if data_dir is not None:
            monkeypatch.setenv("KURIL_DATA_DIR", str(data_dir))
        return app_test(params, drawn).run()

    return run


def shown(at: AppTest) -> dict:
    """What one AppTest run put on the page, as plain values."""
    components = at.get("component_instance")
    args = [json.loads(c.proto.json_args) for c in components]
    return {
        "exception": [e.message for e in at.exception],
        "error": [e.value for e in at.error],
        "warning": [w.value for w in at.warning],
        "markdown": [m.value for m in at.markdown],
        "subheader": [h.value for h in at.subheader],
        "sliders": len(at.select_slider),
        "feature_group": [a.get("feature_group", "") for a in args],
        "script": [a.get("script", "") for a in args],
    }


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the browser tests (fails in CI if it is missing)."""
    from tests.support.browser import chromium, require_chromium

    require_chromium()
    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser):
    """A page in its own context. `page.errors` collects script errors, failed requests,
    HTTP errors and dialogs (a dialog is what a hostile `alert` would open)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(f"pageerror {e}"))
    page.on("requestfailed", lambda r: page.errors.append(f"failed {r.url}"))
    page.on("response", lambda r: r.status >= 400 and page.errors.append(f"{r.status} {r.url}"))
    page.on("dialog", lambda d: (page.errors.append(f"dialog {d.message}"), d.dismiss()))
    yield page
    context.close()


@pytest.fixture
def minimal_data():
    return copy.deepcopy(MINIMAL)


def write_data(folder: Path, data: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, records in data.items():
        text = records if isinstance(records, str) else yaml.safe_dump(records, sort_keys=False)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def seeds_dir() -> Path:
    """The source captures; CI must have them (a clone with shared/ beside it)."""
    if not SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI run without the source captures at {SEEDS}")
        pytest.skip(f"source captures not found at {SEEDS} (they sit beside the repo in CI)")
    return SEEDS
