"""Save docs/screenshot.png: the main view in headless Chromium (for the README).

Run from the repository root: .venv/bin/python scripts/screenshot.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.browser import (  # noqa: E402
    chromium,
    click_island,
    map_frame,
    streamlit_server,
)


def main() -> None:
    with streamlit_server() as (url, _proc), chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1250})
        page.goto(url + "/?date=2019-01-16")
        map_frame(page).locator("path.island-shikotan").first.wait_for(state="attached")
        click_island(page, "shikotan")
        page.get_by_text("Claims about Shikotan").first.wait_for()
        time.sleep(1.0)
        page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))


if __name__ == "__main__":
    main()
