"""Searching the claims: text folded so that case, accents and width do not matter
(Lavrov = LAVROV, Ёлкин = Елкин, Ｔａｓｓ = TASS, かな stays かな), every word of the
query required, and the places in a text where the words were found."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

MAX_QUERY = 200  # characters kept from a search box or a q= parameter
SEARCHED = (
    "text",
    "summary",
    "speaker",
    "speaker_shown",
    "occasion",
    "outlet",
    "original_publisher",
)

# Combining marks dropped after compatibility decomposition: accents on Latin, Greek
# and Cyrillic letters. The kana voicing marks (U+3099, U+309A) are kept: が is not か.
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)


def fold(text: str) -> str:
    """`text` with case, accents and full / half width folded away (and what is left
    composed again: か and ゙ back into が)."""
    bare = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return unicodedata.normalize("NFC", bare).casefold()


def fold_column(column: pd.Series) -> pd.Series:
    """`fold` on every string of a column, vectorised (the same result per value)."""
    bare = column.str.normalize("NFKD").str.replace(_MARKS, "", regex=True)
    return bare.str.normalize("NFC").str.casefold()


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


@dataclass(frozen=True)
class Query:
    """A search: the words a reader typed, folded; empty matches everything."""

    text: str = ""

    @classmethod
    def parse(cls, raw: object) -> Query:
        """A query from a search box or URL value: a string, trimmed and shortened to
        MAX_QUERY characters, control characters dropped; anything else is empty."""
        if not isinstance(raw, str):
            return cls()
        kept = "".join(ch if ch.isprintable() else " " for ch in raw[:MAX_QUERY])
        return cls(" ".join(kept.split()))

    @property
    def words(self) -> tuple[str, ...]:
        """The folded words, each at most once, longest first (so a longer word is
        marked before a shorter one inside it)."""
        unique = dict.fromkeys(w for w in fold(self.text).split() if w)
        return tuple(sorted(unique, key=len, reverse=True))

    def __bool__(self) -> bool:
        return bool(self.words)

    def mask(self, haystack: pd.Series) -> pd.Series:
        """True where the folded `haystack` holds every word."""
        return pd.Series(holding(haystack.tolist(), self.words), index=haystack.index)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) in `text` of each place a word was found, merged and in order."""
        words = self.words
        if not words or not text:
            return []
        folded, owner = [], []  # the folded text, and the index in `text` of each char
        for i, ch in enumerate(text):
            for out in _fold_char(ch):
                folded.append(out)
                owner.append(i)
        flat = "".join(folded)
        hits: list[tuple[int, int]] = []
        for word in words:
            start = flat.find(word)
            while start != -1:
                end = start + len(word)
                hits.append((owner[start], owner[end - 1] + 1))
                start = flat.find(word, end)
        merged: list[tuple[int, int]] = []
        for start, end in sorted(hits):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


def holding(texts: list[str], words: tuple[str, ...]) -> np.ndarray:
    """A boolean array, True where the text holds every word. The first (longest) word
    is looked for in every text, each further word only in the texts still left: plain
    `in` on Python strings, about twice as fast as pandas' `str.contains`."""
    found = np.ones(len(texts), dtype=bool)
    left: list[int] | range = range(len(texts))
    for word in words:
        kept = [i for i in left if word in texts[i]]
        found[:] = False
        found[kept] = True
        left = kept
    return found


class Finder:
    """The rows of one haystack that hold a query's words, kept for the last `remember`
    queries: a reader who has searched and then moves the date or the page asks the
    same question again. Shared by every visitor, so the memory is locked."""

    def __init__(self, haystack: pd.Series, remember: int = 16) -> None:
        self._texts: list[str] = haystack.tolist()
        self._index = haystack.index
        self._remember = remember
        self._found: OrderedDict[tuple[str, ...], pd.Series] = OrderedDict()
        self._lock = threading.Lock()

    def mask(self, query: Query) -> pd.Series:
        """True for the rows holding every word of `query` (all rows for an empty one)."""
        words = query.words
        with self._lock:
            if words in self._found:
                self._found.move_to_end(words)
                return self._found[words]
        found = pd.Series(holding(self._texts, words), index=self._index)
        with self._lock:
            self._found[words] = found
            while len(self._found) > self._remember:
                self._found.popitem(last=False)
        return found


def haystack(table: pd.DataFrame) -> pd.Series:
    """The folded text a query searches, one string per claim: SEARCHED joined by
    newlines (no word can match across two fields, since a word has no spaces)."""
    joined = pd.Series("", index=table.index, dtype=object)
    for column in SEARCHED:
        joined = joined + table[column].astype(str) + "\n"
    return fold_column(joined) if len(table) else joined
