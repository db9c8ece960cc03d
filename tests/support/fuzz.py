"""How many examples the fuzz tests draw: all of them in the full suite (what CI
runs), a third in the quick loop `pytest -m "not browser"`, which is meant to
finish within a minute. tests/conftest.py sets the mode before collection."""

from __future__ import annotations

QUICK_SHARE = 3
_quick = False


def configure(markexpr: str) -> None:
    global _quick
    _quick = "not browser" in " ".join(markexpr.split())


def examples(full: int) -> int:
    """`full` examples in the full suite, a third of them in the quick loop."""
    return max(20, full // QUICK_SHARE) if _quick else full
