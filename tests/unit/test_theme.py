"""The page theme (.streamlit/config.toml) passes WCAG AA: body text, the text
Streamlit fades (captions and Markdown block quotes, the claims' quotes, at 60%
opacity), inline code, and the slider's accent against the page."""

from __future__ import annotations

import tomllib

import pytest

from geo.config import REPO_ROOT
from tests.support.contrast import AA_NON_TEXT, AA_TEXT, over, ratio, rgb

THEME = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))[
    "theme"
]
# Streamlit's `opacities.secondary`: StreamlitMarkdown draws block quotes and st.caption
# at it (its frontend: `blockquote: {..., opacity: e.opacities.secondary}`).
FADED = 0.6
BACKGROUNDS = ("backgroundColor", "secondaryBackgroundColor")


@pytest.mark.parametrize("background", BACKGROUNDS)
@pytest.mark.parametrize("opacity", [1.0, FADED])
def test_text_passes_aa_full_and_faded(background, opacity):
    ground = rgb(THEME[background])
    text = over(rgb(THEME["textColor"]), ground, opacity)
    assert ratio(text, ground) >= AA_TEXT, f"text at {opacity:.0%} on {background}"


def test_inline_code_passes_aa():
    """Inline code (the legend's line symbols) is not drawn in a status colour."""
    code, ground = rgb(THEME["codeTextColor"]), rgb(THEME["codeBackgroundColor"])
    assert ratio(code, ground) >= AA_TEXT


@pytest.mark.parametrize("background", BACKGROUNDS)
def test_the_accent_stands_out_as_a_control(background):
    assert ratio(rgb(THEME["primaryColor"]), rgb(THEME[background])) >= AA_NON_TEXT
