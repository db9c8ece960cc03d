"""The page's download buttons in a real browser: one per file, in order, and a
click gives the file, made then (the PNG, the offline HTML map and the CSV here).
Where the page gathers them in a "Download" menu, the menu is opened first."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.conftest import repo_site
from tests.support.browser import map_frame

DATE = repo_site().stop_dates[-1]
LABELS = [
    "Map (PNG)",
    "Map (HTML, offline)",
    "Claims (CSV)",
    "Islands (GeoJSON)",
    "Data package (ZIP)",
]


def download(page, label: str) -> tuple[str, bytes]:
    button = page.get_by_role("button", name=label)
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=60_000) as info:
        button.click()
    file = info.value
    with open(file.path(), "rb") as handle:
        return file.suggested_filename, handle.read()


def test_each_file_has_its_button_and_a_click_downloads_it(server, page):
    page.goto(f"{server}/?date={DATE.isoformat()}")
    map_frame(page).locator("path.island-habomai").first.wait_for(state="attached")
    shown = page.locator('[data-testid="stDownloadButton"], [data-testid="stPopover"]')
    shown.first.wait_for()
    menu = page.locator('[data-testid="stPopover"]').filter(has_text=re.compile("Download"))
    if menu.count():
        menu.first.get_by_role("button").first.click()
    buttons = page.locator('[data-testid="stDownloadButton"] button')
    expect(buttons).to_have_count(len(LABELS))
    # each button: its icon (a Material Symbols ligature, "download") and its label
    assert [b.inner_text().split("\n")[-1].strip() for b in buttons.all()] == LABELS
    name, data = download(page, "Map (PNG)")
    assert name == f"kuril-map-{DATE.isoformat()}.png"
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    name, data = download(page, "Map (HTML, offline)")
    assert name == f"kuril-map-{DATE.isoformat()}.html"
    assert data.startswith(b"<!DOCTYPE html>")
    name, data = download(page, "Claims (CSV)")
    assert data.startswith("\ufeffid,kind,text".encode())
    assert page.errors == []
