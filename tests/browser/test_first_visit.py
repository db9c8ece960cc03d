"""A first visit in Chromium: the claims list and the rest follow once the map has
drawn its islands, on the map's own word (the fallback time is set beyond the test's
waits here, so only the map's word can bring them)."""

from __future__ import annotations

import json

import pytest

from geo.map.palette import PALETTE
from tests.support.browser import MAP_FRAME, map_eval, require_chromium, streamlit_server

SEARCH = "Search the claims (words, speaker, occasion, outlet)"

# From document start: when the search box first appears, note whether every island
# in the map's frame had its status colour by then.
ORDER_PROBE = """
(() => {
  if (window.top !== window) return;
  const colours = __COLOURS__;
  const drawn = () => {
    const f = [...document.querySelectorAll(__FRAME__)].pop();
    const d = f && f.contentDocument;
    return !!d && ['iturup', 'kunashir', 'shikotan', 'habomai'].every(i => {
      const p = d.querySelector('path.island-' + i);
      return p && colours.includes((p.getAttribute('fill') || '').toLowerCase());
    });
  };
  new MutationObserver((_m, obs) => {
    if (document.querySelector('[data-testid="stTextInput"]')) {
      window.__rest = {mapDrawnFirst: drawn()};
      obs.disconnect();
    }
  }).observe(document, {subtree: true, childList: true});
})();
""".replace("__COLOURS__", json.dumps([c.lower() for c in PALETTE.values()])).replace(
    "__FRAME__", json.dumps(MAP_FRAME)
)


@pytest.fixture(scope="module")
def server():
    require_chromium()
    with streamlit_server(env={"KURIL_REST_AFTER": "3600"}) as (url, _proc):
        yield url


def test_the_claims_follow_on_the_map_s_word_after_the_islands(server, page):
    page.add_init_script(ORDER_PROBE)
    page.goto(server)
    page.get_by_label(SEARCH).wait_for()  # 30 s at most, far below the fallback's hour
    assert page.evaluate("() => window.__rest") == {"mapDrawnFirst": True}
    assert map_eval(page, "() => window.kurilDrawnSent") is True
    page.get_by_text("Positions at this date").wait_for()
    assert page.errors == []


def test_after_a_reload_the_rest_follows_again(server, page):
    page.goto(server)
    page.get_by_label(SEARCH).wait_for()
    page.reload()
    page.get_by_label(SEARCH).wait_for()  # a new session: the map says it again
    assert map_eval(page, "() => window.kurilDrawnSent") is True


# From document start: every new top of the map's frame, and when the held places of
# the controls (app.py, hold) were last seen.
MOVES_PROBE = """
(() => {
  if (window.top !== window) return;
  window.__tops = []; window.__heldUntil = null;
  const loop = () => {
    const f = [...document.querySelectorAll(__FRAME__)].pop();
    if (f) {
      const top = Math.round(f.getBoundingClientRect().top + window.scrollY);
      if (window.__tops.at(-1)?.[1] !== top) window.__tops.push([performance.now(), top]);
    }
    if (document.querySelector('.st-key-hold-controls, .st-key-hold-island'))
      window.__heldUntil = performance.now();
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
})();
""".replace("__FRAME__", json.dumps(MAP_FRAME))


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_map_does_not_move_when_the_controls_come(server, browser, width, height, lang):
    """The timeline's buttons and eras and the island box come with the rest; their
    places are held (app.py, hold), so the drawn map stays where it is."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.add_init_script(MOVES_PROBE)
        page.goto(f"{server}?lang={lang}")
        page.locator(".st-key-controls button").first.wait_for()
        page.locator(".st-key-island [data-testid=stSelectbox]").wait_for()
        page.locator("[data-testid=stTextInput]").wait_for()
        page.wait_for_function("() => !document.querySelector('[data-testid=stSkeleton]')")
        tops = page.evaluate("() => window.__tops")
        held_until = page.evaluate("() => window.__heldUntil")
    finally:
        context.close()
    assert held_until is not None  # the places were held on the first paint
    before = [top for t, top in tops if t <= held_until]
    after = [top for t, top in tops if t > held_until]
    assert before, tops
    assert after == [], tops  # no new top once the controls came
