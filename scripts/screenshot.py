"""Screenshots of the app in headless Chromium, as a reader sees it.

    .venv/bin/python scripts/screenshot.py                       docs/screenshot.png (README)
    .venv/bin/python scripts/screenshot.py --date 1956-10-19 --width 390 --height 844 \
        --out /tmp/phone-1956.png                                any date, any viewport

Run from the repository root. Install fonts-noto-cjk first for the Japanese names.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.browser import (  # noqa: E402
    MAP_FRAME,
    chromium,
    click_island,
    map_frame,
    streamlit_server,
    wait_settled,
)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--date", default="2019-01-16")
    parser.add_argument("--island", default="shikotan", help="clicked on the map; '' for none")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1250)
    parser.add_argument("--full-page", action="store_true")
    parser.add_argument("--lang", default="en", help="the page's language: en, ja or ru")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    args = parser.parse_args(argv)
    with streamlit_server() as (url, _proc), chromium() as browser:
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(f"{url}/?date={args.date}&lang={args.lang}")
        map_frame(page).locator("path.island-shikotan").first.wait_for(state="attached")
        wait_settled(page)  # whole: the claims have followed the map (geo.deferred)
        if args.island:  # as a reader would: a click on the island (scrolled into view)
            page.locator(MAP_FRAME).last.scroll_into_view_if_needed()
            click_island(page, args.island)
            page.wait_for_url(re.compile(f"island={re.escape(args.island)}"))
            wait_settled(page)
            page.evaluate("() => window.scrollTo(0, 0)")
        # Settled: the page has made no request for a while (a condition, not a fixed sleep).
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(args.out), full_page=args.full_page)
        print(args.out)


if __name__ == "__main__":
    main()
