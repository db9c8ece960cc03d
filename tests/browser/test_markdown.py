"""geo.text.md_escape in real Chromium, through Streamlit's own Markdown: every payload
shows as its own text, in a paragraph, a heading, bold, a link's label, a quote and a
select_slider's labels (md_text, which leaves plain text as it is), with no link, icon,
image or other element made of it. The same payloads with backslashes alone (md_escape
before its node breaks) are rendered beside them, and the rewrites they still get show
the check can fail."""

from __future__ import annotations

import json
import random

import pytest

from geo.config import REPO_ROOT
from geo.text import is_inert
from tests.support.browser import streamlit_server
from tests.support.text import PAYLOADS, REWRITTEN

APP = """
import json, os
import streamlit as st
from geo.text import md_escape, md_text
from tests.support.text import backslashes_only


cases = json.loads(open(os.environ["KURIL_MD_CASES"], encoding="utf-8").read())


for i, text in enumerate(cases):
    escaped = md_escape(text)
    for key, markdown in (
        ("p", escaped),
        ("h", "### " + escaped),
        ("b", "**" + escaped + "**"),
        ("l", "[" + escaped + "](https://example.org/)"),
        ("q", "> " + escaped),
        ("old", backslashes_only(text)),
    ):
        with st.container(key=f"{key}-{i}"):
            st.markdown(markdown)
    with st.container(key=f"s-{i}"):
        st.select_slider("stop", [text, "end"], format_func=md_text, key=f"slider-{i}")
"""

# Where each context puts the text: the element whose text must equal the payload.
ROOTS = {
    "p": "p",
    "h": "h3 [data-heading-text]",
    "b": "strong",
    "l": "a[href='https://example.org/']",
    "q": "blockquote p",
    "s": "[data-testid=stSliderThumbValue] p",
}
# Inside that element: nothing but md_escape's empty spans.
EXTRA = """(root) => [...root.querySelectorAll('*')]
  .filter(e => !(e.tagName === 'SPAN' && e.childNodes.length === 0 && !e.attributes.length))
  .map(e => e.outerHTML.slice(0, 160))"""
REWRITE = "a, img, [role=img], del, code, .katex, [class*=Colored], [class*=Badge]"
PIECES = [*"wW.:@/-<>=~ ah_+*[]()$`", "www", "http", "://", "material", "streamlit"]


def random_cases(n: int, seed: int = 20) -> list[str]:
    """Strings of the pieces rewrites are made of, the same each run."""
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randint(3, 14))).strip() or "x" for _ in range(n)]


# Plain text (is_inert) of the characters md_text leaves unescaped, and a few near misses.
PLAIN = [*"aZ9 -'\"(),.;?!/%·…–—◆（）", "ж", "島", "w", "www", "1", "1)", "--"]


def plain_cases(n: int, seed: int = 21) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(PLAIN, k=rng.randint(3, 16))).strip() or "x" for _ in range(n)]


CASES = [*PAYLOADS.values(), *random_cases(40), *plain_cases(60)]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, browser):
    """Open the page once; for each case and context, its text and any extra elements."""
    folder = tmp_path_factory.mktemp("markdown")
    (folder / "app.py").write_text(APP, encoding="utf-8")
    (folder / "cases.json").write_text(json.dumps(CASES), encoding="utf-8")
    env = {"KURIL_MD_CASES": str(folder / "cases.json"), "PYTHONPATH": str(REPO_ROOT)}
    with streamlit_server(folder / "app.py", env=env) as (url, _proc):
        page = browser.new_page(viewport={"width": 1200, "height": 2000})
        page.set_default_timeout(60_000)
        page.goto(url)
        page.locator(f".st-key-s-{len(CASES) - 1} [data-testid=stSliderThumbValue]").wait_for()
        out: dict[tuple[int, str], tuple[str | None, list[str]]] = {}
        for i in range(len(CASES)):
            for key, root in ROOTS.items():
                out[i, key] = page.locator(f".st-key-{key}-{i}").evaluate(
                    f"(box) => {{ const root = box.querySelector({json.dumps(root)});"
                    f" return root ? [root.textContent, ({EXTRA})(root)] : [null, []]; }}"
                )
            slider = page.locator(f".st-key-s-{i} input[type=range]")
            out[i, "aria"] = (slider.get_attribute("aria-valuetext"), [])
            box = page.locator(f".st-key-old-{i} [data-testid=stMarkdownContainer]")
            out[i, "old"] = box.evaluate(
                f"(box) => [box.textContent, [...box.querySelectorAll({json.dumps(REWRITE)})]"
                ".map(e => e.outerHTML.slice(0, 160))]"
            )
        page.close()
    return out


@pytest.mark.parametrize("index", range(len(CASES)), ids=lambda i: CASES[i][:30])
def test_escaped_text_shows_as_itself_and_nothing_else(rendered, index):
    for key in ROOTS:
        text, extra = rendered[index, key]
        assert (text, extra) == (CASES[index], []), key


@pytest.mark.parametrize("case", sorted(REWRITTEN))
def test_backslashes_alone_did_not_stop_the_rewrites(rendered, case):
    text, made = rendered[CASES.index(REWRITTEN[case]), "old"]
    assert made or text != REWRITTEN[case], (text, made)


def test_a_plain_label_is_read_out_as_it_is(rendered):
    """A slider's raw label is its aria-valuetext: plain labels go unescaped, so a
    screen reader reads no backslashes; the others keep md_escape's."""
    plain = [i for i, case in enumerate(CASES) if is_inert(case)]
    assert len(plain) >= 15
    for i in plain:
        assert rendered[i, "aria"][0] == CASES[i]
    escaped = [i for i, case in enumerate(CASES) if not is_inert(case)]
    assert any("\\" in (rendered[i, "aria"][0] or "") for i in escaped)
