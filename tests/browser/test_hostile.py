"""Hostile text in every displayed field of the data, in a real browser: shown as
text, never run (labels, tooltips, the panel, the filters' options)."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geo import ISLAND_IDS
from geo.config import Settings
from geo.site import Site
from tests.conftest import repo_site
from tests.support.browser import (
    click_island,
    island_point,
    map_frame,
    require_chromium,
    streamlit_server,
)
from tests.support.hostile import (
    MARKDOWN,
    P1,
    P2,
    P3,
    P4,
    P5,
    PAYLOADS,
    hostile_display_name,
    make_hostile_data,
)

ISLANDS = repo_site().islands


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    require_chromium()
    folder = make_hostile_data(tmp_path_factory.mktemp("hostile") / "data")
    with streamlit_server(env={"KURIL_DATA_DIR": str(folder)}) as (url, _proc):
        yield url


def open_map(page, url: str):
    page.goto(url)
    frame = map_frame(page)
    for island in ISLAND_IDS:
        frame.locator(f"path.island-{island}").first.wait_for(state="attached")
    return frame


def hover_island(page, island: str) -> str:
    """Move the mouse onto the island; the tooltip's text."""
    x, y = island_point(page, island)
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y, steps=3)
    frame = map_frame(page)
    english = ISLANDS.set_index("id").loc[island, "name_en"]  # in the hostile name too
    tooltip = frame.locator(".leaflet-tooltip").filter(has_text=english).first
    tooltip.wait_for(state="visible")
    return tooltip.inner_text()


# The open list's options, read in the same evaluation that finds them open.
OPTIONS = """(w) => {
  const box = w.querySelector('[role="combobox"]');
  if (!box || box.getAttribute('aria-expanded') !== 'true') return null;
  const texts = [...document.querySelectorAll('[role="option"]')].map(o => o.innerText);
  return texts.length ? texts : null;
}"""


def dropdown_options(page, widget) -> list[str]:
    """Open a select box's or multiselect's list and return its options' texts.

    A click on the widget can leave the list closed (its toggle and the input's focus
    both answer one click), so click again only while it is closed, never on an open
    list, which would close it."""
    box = widget.get_by_role("combobox")
    for _attempt in range(5):
        if box.get_attribute("aria-expanded") != "true":
            box.click()
        try:
            handle = page.wait_for_function(OPTIONS, arg=widget.element_handle(), timeout=3_000)
            return handle.json_value()
        except PlaywrightTimeout:
            continue
    raise AssertionError("the list of options did not open")


# Nothing from the payloads may have become markup: no handler attributes, no javascript:
# links, no <img src=x>, <svg onload>, and no script element holding a payload.
INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const v = attr.value || '';
      if (attr.name.startsWith('on') && v.includes('__pwned')) found.push(el.outerHTML);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name)
          && /^\\s*javascript:/i.test(v)) found.push(el.outerHTML);
    }
  }
  for (const el of document.querySelectorAll('img[src="x"], svg[onload]')) {
    found.push(el.outerHTML);
  }
  for (const el of document.querySelectorAll('script')) {
    if ((el.textContent || '').trim().startsWith('window.__pwned')) found.push(el.outerHTML);
  }
  return found.map(s => s.slice(0, 200));
}"""


def assert_never_ran(page):
    frames = page.frames
    assert any("streamlit_folium" in f.url for f in frames), [f.url for f in frames]
    for frame in frames:  # the page and the map iframe
        assert frame.evaluate("() => typeof window.__pwned") == "undefined", frame.url
        assert frame.evaluate(INJECTED) == [], frame.url


def test_hostile_text_is_shown_as_text_and_never_runs(hostile_server, page):
    frame = open_map(page, hostile_server)

    # island labels on the map
    labels = frame.locator(".island-label").all_inner_texts()
    for island in ISLAND_IDS:
        assert hostile_display_name(island) in labels, labels

    # tooltips: both names, Russian and Japanese names and the status, all literal
    tips = {island: hover_island(page, island) for island in ("iturup", "kunashir")}
    assert f"{P1} Iturup" in tips["iturup"]
    assert f"{P5} Etorofu" in tips["iturup"]
    assert f"{P2} Итуруп" in tips["iturup"]
    assert f"{P4} 択捉島" in tips["iturup"]
    assert f"{P3} Kunashiri" in tips["kunashir"]
    assert f"Administered by {P2} Russia, claimed by {P1} Japan" in tips["kunashir"]
    assert_never_ran(page)

    # the panel after a click on the map
    click_island(page, "iturup")
    page.get_by_text("Claims about", exact=False).first.wait_for()
    page.wait_for_function("() => location.search.includes('island=iturup')")
    text = page.locator("body").inner_text()
    assert f"English: {P1} Iturup" in text
    assert f"Russian: {P2} Итуруп" in text
    assert f"Japanese: {P4} 択捉島 ({P5} Etorofu)" in text
    assert f"Claims about {P1} Iturup / {P5} Etorofu" in text
    for payload in PAYLOADS:  # claims, sources, events, positions, topics
        assert payload in text, payload
    assert not page.locator('[data-testid="stException"]').count()
    # the hostile source URL is a plain https link, percent-encoded
    hrefs = page.locator("a[href*='example.org']").evaluate_all("els => els.map(e => e.href)")
    assert hrefs
    assert all(h.startswith("https://example.org/") for h in hrefs), hrefs

    # the filters' options (speakers, sources, topics) are plain text too
    page.get_by_text("Filters: speaker, topic, source").click()
    multiselect = page.locator('[data-testid="stMultiSelect"]').first
    options = " ".join(dropdown_options(page, multiselect))
    assert any(p in options for p in PAYLOADS), options
    page.keyboard.press("Escape")

    assert_never_ran(page)
    assert page.errors == []


def test_island_heading_shows_the_name_literally(hostile_server, page):
    open_map(page, hostile_server + "/?island=shikotan")
    heading = page.locator('[data-testid="stMain"] [data-testid="stMarkdown"] h3').first
    heading.wait_for()
    assert heading.inner_text().strip() == hostile_display_name("shikotan")


@pytest.fixture(scope="module")
def markdown_server(tmp_path_factory):
    require_chromium()
    folder = make_hostile_data(tmp_path_factory.mktemp("markdown") / "data", markdown=True)
    with streamlit_server(env={"KURIL_DATA_DIR": str(folder)}) as (url, _proc):
        yield url, Site.load(Settings(data_dir=folder, tiles="off", assets="local"))


# Markup made of the MARKDOWN payload anywhere on the page: its links (the page's own
# links go to the sources' https addresses), icons, LaTeX, colour (the legend's swatches
# are the only coloured text) and bold.
MADE = """() => {
  const md = [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')];
  const inside = (sel) => md.flatMap(m => [...m.querySelectorAll(sel)]);
  return [
    ...inside('a:not([href^="#"])')  // a heading's own anchor is '#' and its slug
      .filter(a => /evil|e\\.example|^mailto:/.test(a.getAttribute('href') || '')),
    ...inside('[role="img"], img, .katex'),
    ...inside('.stMarkdownColoredText').filter(e => e.textContent !== '■■'),
    ...inside('strong').filter(e => e.textContent.trim() === 'bold'),
  ].map(e => e.outerHTML.slice(0, 200));
}"""


def test_markdown_in_the_data_shows_literally(markdown_server, page):
    url, site = markdown_server
    open_map(page, url + "/?island=iturup")
    page.get_by_text("Claims about", exact=False).first.wait_for()
    body = page.locator("body").inner_text()
    # quotes, speakers, source links, events, headings, positions and the slider
    assert body.count(MARKDOWN) >= 10, body[:2000]
    heading = page.locator('[data-testid="stMain"] [data-testid="stMarkdown"] h3').first
    assert heading.inner_text().strip() == site.names["iturup"]
    thumb = page.locator('[data-testid="stSliderThumbValue"]').first
    assert thumb.inner_text().strip() == site.stops[-1].label
    assert page.evaluate(MADE) == []

    # the selectbox and the filters show their options as plain text
    options = dropdown_options(page, page.locator('[data-testid="stSelectbox"]').first)
    assert site.names["kunashir"] in options, options
    page.keyboard.press("Escape")
    page.get_by_text("Filters: speaker, topic, source").click()
    options = dropdown_options(page, page.locator('[data-testid="stMultiSelect"]').nth(1))
    topics = {t.label for t in site.dataset.topics.values()}
    listed = [o for o in options if o != "Select all"]  # the list shows the first few
    assert listed, options
    assert set(listed) <= topics, options
    page.keyboard.press("Escape")
    assert page.evaluate(MADE) == []
    assert page.errors == []
