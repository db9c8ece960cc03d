"""Writing files that a browser (or another server process) may read at any moment."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

STALE_SECONDS = 600.0  # a temporary file this old is left over: no write takes that long


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` beside `path` and rename it into place, so no reader ever sees half
    a file; the temporary file is removed, and its descriptor closed, whatever fails.
    Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        try:
            out = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            raise
        with out:
            out.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temporaries(folder: Path, older_than: float = STALE_SECONDS) -> int:
    """Remove write_atomic's temporary files in `folder` that a process stopped mid-write
    left behind (older than `older_than` seconds, so no write under way is touched);
    how many. Never raises: what cannot be removed stays."""
    removed = 0
    cutoff = time.time() - older_than
    try:
        candidates = list(folder.glob(".*.tmp"))
    except OSError:
        return 0
    for path in candidates:
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed
