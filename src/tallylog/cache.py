"""Where tallylog keeps what it derives once and reuses: the gazetteer index, pattern gates, compiled patterns.

``$TALLYLOG_CACHE`` or ``~/.cache/tallylog``. Everything in it is named by a hash of what it was made from, so
a stale file is never read, and it can be deleted at any time (it is made again when next needed).
"""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$TALLYLOG_CACHE`` or ``~/.cache/tallylog``."""
    return Path(os.environ.get("TALLYLOG_CACHE") or Path.home() / ".cache" / "tallylog")


def replace_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a file of this process's own, moved into place in one step (a reader sees
    the old file or the new one, never half of one). False where it cannot be written: a cache is then not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        return False
    return True

