"""The page in Japanese and Russian in Chromium: every character drawn (no tofu) in
the title, the legend, the island panel and the map's labels; no sideways scroll on a
phone; the browser's language as the default; the switch keeping the view and going
into the URL; the map's island names in the page's language."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from geo.i18n import _, language
from tests.conftest import repo_site
from tests.support.browser import map_frame, wait_settled

SITE = repo_site()
DATE = "1956-10-19"

# Characters the page's fonts cannot draw come out as the same empty box (tofu) that an
# unassigned code point gets: draw each character of an element on a canvas in the
# element's own font and compare it with U+0378's box.
TOFU_JS = """(el) => {
  const style = getComputedStyle(el);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 64;
  const g = canvas.getContext('2d');
  const draw = (ch) => {
    g.clearRect(0, 0, 64, 64);
    g.font = `${style.fontWeight} 32px ${style.fontFamily}`;
    g.fillText(ch, 8, 44);
    return g.getImageData(0, 0, 64, 64).data.join(',');
  };
  const box = draw('\\u0378');
  const chars = [...new Set([...el.innerText].filter((ch) => ch.trim()))];
  return {chars: chars.length, tofu: chars.filter((ch) => draw(ch) === box)};
}"""


def settled(page, code: str) -> None:
    frame = map_frame(page)
    frame.locator("path.island-habomai[aria-label]").first.wait_for(state="attached")
    with language(code):
        page.get_by_role("heading", name=_("Positions at this date")).wait_for()
    wait_settled(page)


def no_tofu(target, selector: str) -> int:
    """How many distinct characters the elements at `selector` show, all drawn."""
    drawn = 0
    for element in target.locator(selector).all():
        found = element.evaluate(TOFU_JS)
        assert not found["tofu"], f"{selector}: not drawn: {found['tofu']}"
        drawn += found["chars"]
    return drawn


@pytest.mark.parametrize("code", ["ja", "ru"])
@pytest.mark.parametrize("width", [1440, 390])
def test_every_character_is_drawn_and_a_phone_never_scrolls_sideways(server, page, code, width):
    page.set_viewport_size({"width": width, "height": 900 if width > 400 else 844})
    page.goto(f"{server}/?date={DATE}&island=shikotan&lang={code}")
    settled(page, code)
    with language(code):
        title = _("Kuril Islands / Northern Territories dispute")
    assert page.locator("h1").first.inner_text() == title
    assert page.evaluate("() => document.documentElement.lang") == code  # for screen readers
    drawn = no_tofu(page, "h1")
    drawn += no_tofu(page, '[data-testid="stCaptionContainer"]')
    drawn += no_tofu(page, '[data-testid="stMarkdownContainer"] h3')  # the island's names
    drawn += no_tofu(page, '[data-testid="stMarkdownContainer"] p')
    drawn += no_tofu(map_frame(page), ".island-label, .context-label")
    assert drawn > 100
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    assert page.errors == []


@pytest.mark.parametrize("code", ["ja", "ru"])
def test_the_map_names_the_islands_in_the_pages_language(server, page, code):
    page.goto(f"{server}/?date={DATE}&lang={code}")
    settled(page, code)
    local = SITE.local(code)
    shape = map_frame(page).locator("path.island-iturup[aria-label]").first
    with language(code):
        status = local.model.at("iturup", dt.date.fromisoformat(DATE)).label
    label = shape.get_attribute("aria-label")
    assert local.names["iturup"] in label
    assert status in label
    labels = map_frame(page).locator(".island-label").all_inner_texts()
    assert local.names["kunashir"] in labels


def test_the_browsers_language_is_the_default(server, browser):
    context = browser.new_context(locale="ru-RU", viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        page.goto(server)
        page.wait_for_url(re.compile(r"[?&]lang=ru(&|$)"))
        settled(page, "ru")
        with language("ru"):
            assert page.locator("h1").first.inner_text() == _(
                "Kuril Islands / Northern Territories dispute"
            )
    finally:
        context.close()


def test_the_switch_keeps_the_view_and_a_reload_keeps_the_language(server, page):
    page.goto(f"{server}/?date={DATE}&island=kunashir")
    settled(page, "en")
    page.get_by_role("radio", name="日本語").or_(page.get_by_role("button", name="日本語")).click()
    page.wait_for_url(re.compile(r"[?&]lang=ja(&|$)"))
    assert f"date={DATE}" in page.url
    assert "island=kunashir" in page.url
    settled(page, "ja")
    assert page.locator("h1").first.inner_text().startswith("北方領土")
    page.reload()
    settled(page, "ja")
    assert SITE.local("ja").names["kunashir"] in page.locator("h3").all_inner_texts()
