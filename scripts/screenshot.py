"""Save docs/screenshot.png: the main view in headless Chromium (for the README).

Run from the repository root: .venv/bin/python scripts/screenshot.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    click_island,
    map_frame,
    streamlit_server,
)


def main() -> None:
    with streamlit_server() as (url, _proc), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1250})
        page.goto(url + "/?date=2019-01-16")
        map_frame(page).locator("path.island-shikotan").first.wait_for(state="attached")
        click_island(page, "shikotan")
        page.get_by_text("Claims about Shikotan").first.wait_for()
        time.sleep(1.0)
        page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
        browser.close()


if __name__ == "__main__":
    main()
