"""The accessibility audit: axe-core (WCAG 2.x A and AA) over the main views at desktop
and phone widths, the map's frame included, every screen of the page scrolled through.
No serious or critical violation may remain; the figures of each view are printed
(pytest -s) and written to a11y-report.txt in the run's temporary folder."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from geo import ISLAND_IDS
from geo.i18n import _, format_date, language
from geo.text import slug
from tests.conftest import repo_site
from tests.support.axe import audit, pinned_version, require_axe
from tests.support.browser import map_frame, require_chromium, streamlit_server, wait_settled

SITE = repo_site()
SPEAKER = slug("Sergey Lavrov")
OLD_DATE = dt.date(1905, 9, 5)  # the Treaty of Portsmouth: a stop long before the dispute
VIEWS = {
    "today": "/",
    "island": "/?island=shikotan",
    "speaker": f"/?speaker={SPEAKER}",
    "old-date": f"/?date={OLD_DATE.isoformat()}",
    "japanese": "/?lang=ja",
    "russian": "/?lang=ru&island=iturup",
}
VIEW_LANGUAGE = {"japanese": "ja", "russian": "ru"}  # the others: English
# Text each view shows (the claims' caption), so the audit is of the view it names.
SHOWS = {
    "today": f"said by {format_date(SITE.stop_dates[-1])}, newest first",
    "island": "Claims about Shikotan",
    "speaker": "pass the filters",
    "old-date": "No statements in these sources before",
    "search": "match “declaration”",
}
with language("ja"):
    SHOWS["japanese"] = format_date(SITE.stop_dates[-1])
with language("ru"):
    SHOWS["russian"] = SITE.local("ru").names["iturup"]
SCREENS = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}


def test_the_views_are_real():
    """The speaker and the date the audit opens are in the data (no audit of a notice)."""
    assert SPEAKER in SITE.speaker_by_slug
    assert OLD_DATE in SITE.stop_dates


@pytest.fixture(scope="module")
def server():
    require_chromium()
    require_axe()
    with streamlit_server() as (url, _proc):
        yield url


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The figures of every view audited, printed and written out at the end."""
    rows: list[dict] = []
    yield rows
    path = tmp_path_factory.mktemp("a11y") / "a11y-report.txt"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    print(f"\naxe-core figures per view ({path}):")
    for row in rows:
        print(json.dumps(row))


def wait_rendered(page, view: str) -> None:
    """Until the whole view is drawn: the islands in the map with their names, the
    view's claims, the positions and the downloads at the end of the page, and no
    rerun under way."""
    frame = map_frame(page)
    for island in ISLAND_IDS:
        frame.locator(f"path.island-{island}[aria-label]").first.wait_for(state="attached")
    page.get_by_text(SHOWS[view]).first.wait_for()
    with language(VIEW_LANGUAGE.get(view, "en")):
        page.get_by_role("heading", name=_("Positions at this date")).wait_for()
        page.get_by_role("button", name=_("Claims (CSV)")).wait_for()
    wait_settled(page)  # not while faded: the audit would measure the fade


def open_menu(page, name: str, shows: str) -> None:
    """Open the filters or the view's citation and wait until it is drawn."""
    page.get_by_text(re.compile(name)).first.click()
    page.get_by_text(shows).first.wait_for()
    wait_settled(page)  # not while faded: the audit would measure the fade


def check(page, report, name: str, within: str | None = None) -> None:
    found = audit(page, name, within)
    report.append(found.counts())
    print("\n" + json.dumps(found.counts()))
    if found.incomplete:
        print("needs review (axe could not decide):\n" + found.review_summary())
    assert found.version == pinned_version()
    assert found.screens >= 2, "audited on one screen only: nothing scrolled?"
    assert found.contrast_nodes, "axe measured no text at all"
    if found.blocking():
        pytest.fail(found.summary(), pytrace=False)
    assert page.errors == []


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("view", list(VIEWS))
def test_no_serious_or_critical_violation(server, page, report, view, screen):
    page.set_viewport_size(SCREENS[screen])
    page.goto(server + VIEWS[view])
    wait_rendered(page, view)
    check(page, report, f"{view} @ {screen}")


@pytest.mark.parametrize(
    ("menu", "shows"),
    [("Filters", "Speaker"), ("Link or cite", "BibTeX")],
)
def test_no_serious_or_critical_violation_with_a_menu_open_on_a_phone(
    server, page, report, menu, shows
):
    page.set_viewport_size(SCREENS["phone"])
    page.goto(server + VIEWS["speaker"])
    wait_rendered(page, "speaker")
    open_menu(page, menu, shows)
    check(page, report, f"speaker @ phone, {menu} open")


def test_no_serious_or_critical_violation_with_a_search_and_a_citation(server, page, report):
    page.set_viewport_size(SCREENS["desktop"])
    claim = SITE.claims.iloc[-1]["id"]
    page.goto(f"{server}/?q=declaration&claim={claim}")  # words marked, a citation open
    wait_rendered(page, "search")
    page.locator('[data-testid="stCode"]', has_text="?claim=").first.wait_for()
    check(page, report, "search and citation @ desktop")
