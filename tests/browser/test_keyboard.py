"""The page with the keyboard alone, from page load: Tab to the timeline and move it
with the arrow keys, Tab into the map to an island and select it with Enter, Tab to
the island list and pick another, to the view's link and citation, to two of the
downloads, to the search, the filters, a claim's source link and its Cite button.
Each step is a `Step` in `STEPS`: where the focus must arrive
(checked on the focused element itself) and what its keys must do there; a control
added to the page gets a step of its own in the list, in page order."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from geo import ISLAND_IDS
from tests.conftest import repo_site
from tests.support.browser import (
    MAP_FRAME,
    map_frame,
    wait_settled,
)

SITE = repo_site()
STOPS = SITE.stop_dates
CLAIM_URLS = {
    str(SITE.dataset.sources[c.source].url)
    for c in SITE.dataset.claims
    if SITE.dataset.sources[c.source].url
}
CLAIMS_MARK = "How the date was established"  # in every claim card, nowhere else
NATIVE_ROLES = ("a", "button", "input", "select", "textarea")
MAX_PRESSES = 150  # Tab presses allowed to reach one stop

# The focused element, looked for inside the map's frame when the frame has the focus.
FOCUS_JS = """([frameSelector, claimsMark]) => {
  let e = document.activeElement, frame = 'page';
  if (e && e.matches(frameSelector) && e.contentDocument) {
    frame = 'map';
    e = e.contentDocument.activeElement;
  }
  if (!e) return null;
  const view = e.ownerDocument.defaultView, r = e.getBoundingClientRect();
  const block = e.closest('[data-testid="stMarkdownContainer"]');
  const within = [];
  for (let a = e; a; a = a.parentElement) {
    if (a.dataset && a.dataset.testid) within.push(a.dataset.testid);
  }
  return {
    frame, tag: e.tagName.toLowerCase(), role: e.getAttribute('role') || '',
    label: e.getAttribute('aria-label') || '', text: (e.textContent || '').trim().slice(0, 120),
    classes: e.getAttribute('class') || '', href: e.getAttribute('href') || '',
    type: e.getAttribute('type') || '', within,
    in_claims: !!(block && block.textContent.includes(claimsMark)),
    on_screen: r.bottom > 0 && r.top < view.innerHeight && r.width > 0,
  };
}"""


@dataclass(frozen=True)
class Focus:
    """Where the keyboard's focus is: in the page or the map's frame, and the element."""

    frame: str
    tag: str
    role: str
    label: str
    text: str
    classes: str
    href: str
    type: str
    within: list[str]
    in_claims: bool
    on_screen: bool

    @property
    def name(self) -> str:
        return self.label or self.text

    def __str__(self) -> str:
        tag = f"<{self.tag} role={self.role!r} class={self.classes[:40]!r}>"
        return f"{self.frame}: {tag} {self.name[:60]!r}"


@dataclass(frozen=True)
class Step:
    """One stop on the keyboard path: `where` tells the element that must get the
    focus, reached by pressing `key` (Tab, or Shift+Tab to go back); `then` presses
    that element's keys and checks what they did."""

    name: str
    where: Callable[[Focus], bool]
    then: Callable[[object, Focus], None]
    key: str = "Tab"


def focused(page) -> Focus | None:
    found = page.evaluate(FOCUS_JS, [MAP_FRAME, CLAIMS_MARK])
    return Focus(**found) if found else None


def url_has(page, key: str, value: str) -> None:
    page.wait_for_url(re.compile(rf"[?&]{key}={re.escape(value)}(&|$)"))


def press(page, key: str, where: Callable[[Focus], bool], trail: list[Focus]) -> Focus:
    """Press `key` until the focus is where `where` says; every stop on the way goes
    into `trail`."""
    seen: list[Focus] = []
    for _ in range(MAX_PRESSES):
        page.keyboard.press(key)
        now = focused(page)
        if now is None:
            continue
        seen.append(now)
        trail.append(now)
        if where(now):
            return now
    listed = "\n".join(str(f) for f in seen[-40:])
    pytest.fail(f"{MAX_PRESSES} x {key} did not reach it; the last stops:\n{listed}")


# --- the steps ------------------------------------------------------------------------------
def is_slider(f: Focus) -> bool:
    return f.frame == "page" and f.type == "range" and f.label.startswith("Timeline")


def move_the_slider(page, _f: Focus) -> None:
    """The arrow keys step the timeline, and the URL follows."""
    page.keyboard.press("ArrowLeft")
    url_has(page, "date", STOPS[-2].isoformat())
    page.keyboard.press("ArrowLeft")
    url_has(page, "date", STOPS[-3].isoformat())
    page.keyboard.press("ArrowRight")
    url_has(page, "date", STOPS[-2].isoformat())
    wait_settled(page)
    slider = page.get_by_role("slider").first
    expect(slider).to_be_focused()  # the rerun kept the focus on it
    assert SITE.stop_label(STOPS[-2]) in (slider.get_attribute("aria-valuetext") or "")


def is_shikotan(f: Focus) -> bool:
    return f.frame == "map" and "island-shikotan" in f.classes.split()


def select_shikotan(page, f: Focus) -> None:
    """Enter on the focused island selects it: its panel, the URL, the map's ring."""
    assert f.role == "button"
    assert f.label.startswith("Shikotan (Шикотан, 色丹島)")
    page.keyboard.press("Enter")
    url_has(page, "island", "shikotan")
    page.get_by_role("heading", name="Shikotan").first.wait_for()
    page.get_by_text("Claims about Shikotan").first.wait_for()
    expect(map_frame(page).locator("path.island-shikotan")).to_have_class(
        re.compile(r"\bselected\b")
    )
    assert f"date={STOPS[-2].isoformat()}" in page.url  # the date stays
    wait_settled(page)


def is_island_list(f: Focus) -> bool:
    return f.frame == "page" and f.role == "combobox" and f.label.startswith("Island")


def pick_habomai(page, _f: Focus) -> None:
    """The list shows the selected island; Down opens it, Down moves on, Enter picks."""
    expect(page.get_by_role("combobox", name=re.compile("^Island"))).to_have_value("Shikotan")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("listbox")).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    url_has(page, "island", "habomai")
    page.get_by_text("Claims about Habomai").first.wait_for()
    wait_settled(page)


def is_claim_link(f: Focus) -> bool:
    return f.frame == "page" and f.tag == "a" and f.in_claims and f.href in CLAIM_URLS


def open_the_source(page, f: Focus) -> None:
    """A claim's source link is on screen when focused; Enter opens it in a new tab."""
    assert f.on_screen
    with page.expect_popup() as opened:
        page.keyboard.press("Enter")
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url == f.href
    tab.close()


def is_button(label: str) -> Callable[[Focus], bool]:
    def where(f: Focus) -> bool:
        return f.frame == "page" and f.tag == "button" and label in f.text

    return where


def open_the_view_citation(page, _f: Focus) -> None:
    """Enter shows the view's link and citation; the button then hides them."""
    page.keyboard.press("Enter")
    expect(page.locator('[data-testid="stCode"]', has_text="island=habomai").first).to_be_visible()
    wait_settled(page)
    expect(
        page.get_by_role("button", name=re.compile("Hide the link and citation"))
    ).to_be_focused()


def is_download(label: str) -> Callable[[Focus], bool]:
    def where(f: Focus) -> bool:
        return f.frame == "page" and "stDownloadButton" in f.within and label in f.text

    return where


def download_with(key: str, file_name: str) -> Callable[[object, Focus], None]:
    def then(page, f: Focus) -> None:
        assert f.on_screen
        with page.expect_download() as got:
            page.keyboard.press(key)
        assert got.value.suggested_filename == file_name

    return then


def open_the_filters(page, _f: Focus) -> None:
    """Enter opens the filters; Tab then reaches the speaker list."""
    page.keyboard.press("Enter")
    expect(page.get_by_text("Speaker", exact=True).first).to_be_visible()


def is_search(f: Focus) -> bool:
    return f.frame == "page" and f.tag == "input" and f.label.startswith("Search the claims")


def search_for_lavrov(page, _f: Focus) -> None:
    page.keyboard.type("Lavrov")
    page.keyboard.press("Enter")
    url_has(page, "q", "Lavrov")
    page.get_by_text(re.compile(r"\d+ of \d+ claims said by .* match “Lavrov”")).wait_for()
    wait_settled(page)


def cite_the_claim(page, f: Focus) -> None:
    """Enter on a claim's Cite button shows its citation with the permalink."""
    assert f.on_screen
    page.keyboard.press("Enter")
    page.locator('[data-testid="stCode"]', has_text="?claim=").first.wait_for()
    wait_settled(page)


CLAIMS_FILE = f"kuril-claims-{STOPS[-2].isoformat()}.csv"
ISLANDS_FILE = f"kuril-islands-{STOPS[-2].isoformat()}.geojson"


def is_summary(label: str) -> Callable[[Focus], bool]:
    def where(f: Focus) -> bool:
        return f.frame == "page" and f.tag == "summary" and label in f.text

    return where


def is_filter(label: str) -> Callable[[Focus], bool]:
    def where(f: Focus) -> bool:
        return f.frame == "page" and f.tag == "input" and label in f.label

    return where


STEPS = (
    Step("timeline slider", is_slider, move_the_slider),
    Step("Shikotan on the map", is_shikotan, select_shikotan),
    Step("island list", is_island_list, pick_habomai),
    Step(
        "the view's link and citation", is_button("Link or cite this view"), open_the_view_citation
    ),
    Step("islands download", is_download("Islands (GeoJSON)"), download_with(" ", ISLANDS_FILE)),
    Step("claims download", is_download("Claims (CSV)"), download_with("Enter", CLAIMS_FILE)),
    Step("the claims search", is_search, search_for_lavrov),
    Step("the filters", is_summary("Filters"), open_the_filters),
    Step("the speaker filter", is_filter("Speaker"), lambda _p, _f: None),
    Step("a claim's source link", is_claim_link, open_the_source),
    Step("a claim's Cite button", is_button("Cite or link: Lavrov"), cite_the_claim),
    Step("back to the source link", is_claim_link, lambda _p, _f: None, key="Shift+Tab"),
)


def test_the_page_works_with_the_keyboard_alone(server, page):
    # Links to other sites open in new tabs: answer them here (no network in tests).
    page.context.route(
        lambda url: not url.startswith(server),
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>source</p>"),
    )
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(server)
    frame = map_frame(page)
    for island in ISLAND_IDS:
        frame.locator(f"path.island-{island}[aria-label]").first.wait_for(state="attached")
    url_has(page, "date", STOPS[-1].isoformat())
    wait_settled(page)
    expect(page.get_by_role("slider").first).to_have_attribute(
        "aria-valuetext", re.compile(re.escape(SITE.stop_label(STOPS[-1])))
    )

    trail: list[Focus] = []
    for step in STEPS:
        at = press(page, step.key, step.where, trail)
        step.then(page, at)

    # Every stop the keyboard made in the map has a name, and a role unless its tag
    # has one (a link, a button).
    unnamed = [
        str(f)
        for f in trail
        if f.frame == "map" and not (f.name and (f.role or f.tag in NATIVE_ROLES))
    ]
    assert unnamed == [], "nameless stops in the map:\n" + "\n".join(unnamed)
    assert page.errors == []


def test_a_line_opens_its_popup_from_the_keyboard_and_regions_are_named(server, page):
    """A boundary line is a named button: Enter opens the popup a click opens. A region
    does nothing on a click: it is a named image, out of the Tab order."""
    page.goto(server)
    frame = map_frame(page)
    line = frame.locator("path.boundary-japan-claim-1955")
    line.wait_for(state="attached")
    name = line.get_attribute("aria-label") or ""
    assert line.get_attribute("role") == "button"
    assert name.startswith("Boundary Japan has claimed since August 1955")
    line.focus()
    page.keyboard.press("Enter")
    popup = frame.locator(".kuril-boundary-popup")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("Boundary Japan has claimed since August 1955")
    region = frame.locator("path.region-hokkaido.leaflet-interactive")  # not the locator's
    expect(region).to_have_attribute("role", "img")
    expect(region).to_have_attribute("tabindex", "-1")
    expect(region).to_have_attribute("aria-label", re.compile(r"^Hokkaido: Administered by"))
