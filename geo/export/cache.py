"""Files that cost a render (the PNG and the offline HTML map), kept for the few
dates asked for last: one cache per Site, so shared by every visitor of a process,
with a bounded number of files. A render runs under the cache's lock, so two
visitors asking for the same file at once make it once, and Matplotlib never draws
two figures at the same time."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T", str, bytes)


class FileCache:
    """At most `size` files, the least recently asked for dropped first."""

    def __init__(self, size: int = 8) -> None:
        if size < 1:
            raise ValueError("a FileCache holds at least one file")
        self.size = size
        self._files: OrderedDict[Hashable, str | bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The file under `key`, made by `make()` if it is not kept."""
        with self._lock:
            if key in self._files:
                self._files.move_to_end(key)
                return self._files[key]  # type: ignore[return-value]
            made = make()
            self._files[key] = made
            while len(self._files) > self.size:
                self._files.popitem(last=False)
            return made

    def __len__(self) -> int:
        return len(self._files)

    def keys(self) -> list[Hashable]:
        """The kept keys, least recently asked for first."""
        with self._lock:
            return list(self._files)
