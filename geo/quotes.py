"""Proof that every quote is verbatim: each `quote` claim's text must appear in its
source capture, folding only typographic quotes, dashes and whitespace."""

from __future__ import annotations

import re
from pathlib import Path

from geo.errors import DataError
from geo.load import FILES, Dataset

_FOLD_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold typographic quotes, dashes and whitespace; nothing else."""
    return _SPACE.sub(" ", text.translate(_FOLD_MAP)).strip()


def verify_quotes(dataset: Dataset, seeds_dir: Path) -> int:
    """Check every quote appears verbatim in its source capture; return the count checked."""
    cache: dict[str, str] = {}
    checked = 0
    for claim in dataset.claims:
        if claim.kind != "quote":
            continue
        capture = dataset.sources[claim.source].capture_file
        if capture is None:  # refused on load; checked again for a Dataset built by hand
            raise DataError(FILES["claims"], f"'{claim.id}'", "source", "quote without a capture")
        if capture not in cache:
            path = Path(seeds_dir) / capture
            try:
                cache[capture] = fold(path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise DataError(
                    FILES["sources"],
                    f"'{claim.source}'",
                    "capture_file",
                    f"capture {capture} not found in {seeds_dir}",
                ) from None
        if fold(claim.text) not in cache[capture]:
            raise DataError(
                FILES["claims"], f"'{claim.id}'", "text", f"quote not found verbatim in {capture}"
            )
        checked += 1
    return checked
