"""The reader's tools in a real browser: the page's height at the busiest date, a
phone's title and width, the search in the URL with its words marked, a claim's
permalink and citation copied in one click, and the compact layout for embedding."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import expect

from tests.conftest import repo_site
from tests.support.browser import (
    MAP_FRAME,
    map_frame,
    wait_settled,
)

SITE = repo_site()
STOPS = SITE.stop_dates
OLDEST = SITE.claims.iloc[-1]  # the first claim said

PAGE_HEIGHT = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return Math.max(main ? main.scrollHeight : 0, document.documentElement.scrollHeight);
}"""


def loaded(page) -> None:
    map_frame(page).locator("path.island-habomai").first.wait_for(state="attached")
    page.get_by_text(" said by ", exact=False).first.wait_for()
    wait_settled(page)


def test_the_whole_page_is_at_most_two_and_a_half_screens_at_the_busiest_date(server, page):
    busiest = max(STOPS, key=lambda d: (SITE.claims["said_on"].dt.date <= d).sum())
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{server}/?date={busiest.isoformat()}")
    loaded(page)
    height = page.evaluate(PAGE_HEIGHT)
    assert height <= 2.5 * 900, height
    # the downloads and the view's link come before the claims, not after every one
    download = page.get_by_role("button", name="Claims (CSV)").bounding_box()
    claims = page.get_by_role("heading", name="Claims").bounding_box()
    assert download["y"] < claims["y"]


def test_a_phone_gets_a_two_line_title_no_sideways_scroll_and_the_filters(server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server)
    loaded(page)
    lines = page.locator("h1 [data-heading-text]").first.evaluate(
        "h => { const r = document.createRange(); r.selectNodeContents(h);"
        " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }"
    )
    assert lines <= 2, lines
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.get_by_text("Filters: speaker, topic, source").click()
    page.get_by_text("Speaker", exact=True).first.wait_for()


def test_a_search_goes_in_the_url_marks_its_words_and_survives_a_reload(server, page):
    page.goto(server)
    loaded(page)
    box = page.get_by_label("Search the claims", exact=False)
    box.fill("LAVROV")
    box.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=LAVROV(&|$)"))
    page.get_by_text(re.compile(r"\d+ of \d+ claims said by .* match “LAVROV”")).wait_for()
    marks = page.locator("span", has_text=re.compile("^Lavrov$"))
    marks.first.wait_for()
    background = marks.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(255, 224, 102)"  # geo.present.HIGHLIGHT
    page.reload()
    loaded(page)
    # the box takes its value from the run that makes it a moment after it appears
    expect(page.get_by_label("Search the claims", exact=False)).to_have_value("LAVROV")


def test_a_claim_permalink_opens_it_first_and_cite_copies_in_one_click(server, browser):
    context = browser.new_context(
        viewport={"width": 1440, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    try:
        page.goto(f"{server}/?claim={quote(OLDEST['id'])}")
        loaded(page)
        stop = SITE.choices.claim_stop(OLDEST["id"])
        page.wait_for_url(re.compile(rf"date={stop.isoformat()}"))
        page.get_by_text("Linked claim", exact=True).first.wait_for()
        # the linked claim opens with its citation shown; its button hides and shows it
        code = page.locator('[data-testid="stCode"]', has_text=f"?claim={OLDEST['id']}").first
        code.wait_for()
        surname = OLDEST["speaker"].split()[-1]
        cite = page.get_by_role("button", name=re.compile(f"Cite or link: {surname}")).first
        cite.click()
        code.wait_for(state="detached")
        cite.click()
        code.wait_for()
        page.wait_for_load_state("networkidle")  # the rerun that drew it has settled
        code.hover()
        code.get_by_role("button", name="Copy to clipboard").click()
        page.wait_for_function(
            "id => navigator.clipboard.readText().then(t => t.includes('?claim=' + id))",
            arg=OLDEST["id"],
        )
        # the whole view's link, from its popover, in one more click
        page.get_by_role("button", name=re.compile("Link or cite this view")).click()
        link = page.locator('[data-testid="stCode"]', has_text=f"date={stop.isoformat()}").first
        link.wait_for()
        link.hover()
        link.get_by_role("button", name="Copy to clipboard").click()
        page.wait_for_function(
            "d => navigator.clipboard.readText().then(t => t.startsWith('http') &&"
            " t.includes('date=' + d) && !t.includes(' '))",
            arg=stop.isoformat(),
        )
    finally:
        context.close()


def test_a_stop_without_claims_says_so_and_goes_to_the_first_with_some(server, page):
    page.goto(f"{server}/?date={STOPS[0].isoformat()}")
    map_frame(page).locator("path.island-habomai").first.wait_for(state="attached")
    page.get_by_text("No statements in these sources before", exact=False).wait_for()
    page.get_by_role("button", name=re.compile("^Go to ")).click()
    stop = SITE.choices.claim_stop(OLDEST["id"])
    page.wait_for_url(re.compile(rf"date={stop.isoformat()}"))


def test_embedding_shows_the_map_timeline_and_panel_only(server, page):
    page.set_viewport_size({"width": 800, "height": 700})
    page.goto(f"{server}/?embed=true&island=shikotan")
    map_frame(page).locator("path.island-habomai").first.wait_for(state="attached")
    page.get_by_role("slider").first.wait_for()
    page.get_by_role("heading", name="Shikotan").wait_for()
    page.get_by_role("link", name=re.compile("Open the full map")).wait_for()
    assert page.get_by_role("heading", name="Claims").count() == 0
    assert page.locator('[data-testid="stSidebar"]').count() == 0
    assert page.locator(MAP_FRAME).count() == 1


def test_the_download_menu_gives_the_csv_for_excel_and_the_png(server, page):
    page.goto(f"{server}/?q=lavrov")
    loaded(page)
    with page.expect_download() as got:
        page.get_by_role("button", name="Claims (CSV)").click()
    data = Path(got.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    rows = list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"))))
    caption = page.get_by_text(re.compile(r"^\d+ of \d+ claims said by")).first.inner_text()
    assert len(rows) == int(caption.split()[0]) > 0  # the claims the search found
    assert all("cite_as" in r and r["licence"] for r in rows)
    with page.expect_download() as got:
        page.get_by_role("button", name="Map (PNG)").click()
    assert Path(got.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
