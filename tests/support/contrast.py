"""WCAG 2.x contrast for the unit tests: relative luminance, the contrast ratio of two
colours, a colour drawn at an opacity over another, and the declarations of a CSS rule."""

from __future__ import annotations

import re
from pathlib import Path

RGB = tuple[float, float, float]
AA_TEXT = 4.5  # WCAG 1.4.3, normal-size text
AA_NON_TEXT = 3.0  # WCAG 1.4.11, controls and graphics


def rgb(colour: str) -> RGB:
    """'#rgb', '#rrggbb' or 'rgba(r, g, b, a)' (its alpha dropped) as (r, g, b)."""
    colour = colour.strip()
    if colour.startswith("rgb"):
        r, g, b = (float(v) for v in re.findall(r"[\d.]+", colour)[:3])
        return r, g, b
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return tuple(float(int(digits[i : i + 2], 16)) for i in (0, 2, 4))  # type: ignore[return-value]


def over(colour: RGB, background: RGB, opacity: float) -> RGB:
    """What `colour` at `opacity` looks like drawn over `background`."""
    r, g, b = (opacity * c + (1 - opacity) * d for c, d in zip(colour, background, strict=True))
    return r, g, b


def luminance(colour: RGB) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: RGB, b: RGB) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def css_rule(path: Path, selector: str) -> dict[str, str]:
    """The declarations of the rules whose selector is exactly `selector`, in order
    (a later one overriding an earlier), shorthand `font` left as it is."""
    found: dict[str, str] = {}
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    for head, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        if selector in (s.strip() for s in head.split(",")):
            for declaration in body.split(";"):
                if ":" in declaration:
                    name, value = declaration.split(":", 1)
                    found[name.strip()] = value.strip()
    if not found:
        raise AssertionError(f"no rule for {selector} in {path.name}")
    return found
