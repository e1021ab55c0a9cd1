"""Where tallylog keeps what it derives once and reuses: the gazetteer index, pattern gates.

``$TALLYLOG_CACHE`` or ``~/.cache/tallylog``. Everything in it is named by a hash of what it was made from, so
a stale file is never read, and it can be deleted at any time (it is made again when next needed).
"""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$TALLYLOG_CACHE`` or ``~/.cache/tallylog``."""
    return Path(os.environ.get("TALLYLOG_CACHE") or Path.home() / ".cache" / "tallylog")
