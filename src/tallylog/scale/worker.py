"""What runs on a Dask worker: the gazetteer made ready once per machine, and a batch of units extracted.

The gazetteer index lives in the cache directory (``$TALLYLOG_CACHE`` or ``~/.cache/tallylog``, see
:func:`tallylog.geo.build.cache_dir`). Workers on one machine share it: the first to need it builds it under
a file lock and the others wait and then open the same file read-only.
"""
from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass
from datetime import date

from tallylog.model import Extraction, IngestError, Report
from tallylog.scale.units import Unit, ingest_unit


@dataclass(slots=True)
class Failed:
    """A report whose extraction raised: the client counts and reports it as a local run would."""

    report: Report
    message: str


@dataclass(slots=True)
class Extracted:
    """A report's extraction, its text fingerprint (for syndication grouping) and its claims' series keys,
    all made on the worker so that the client only stores and resolves."""

    extraction: Extraction
    fingerprint: int
    series_keys: list[str | None] | None = None

    @property
    def report(self) -> Report:
        return self.extraction.report


Outcome = Extracted | Failed | IngestError


def ensure_gazetteer() -> str:
    """Build the gazetteer index in this machine's cache dir unless present (once, under a lock); return its path."""
    from tallylog.geo.build import cache_dir, default_index_path, ensure_index

    path = default_index_path()
    if path.exists():
        return str(path)
    cache_dir().mkdir(parents=True, exist_ok=True)
    with open(cache_dir() / "gazetteer.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return str(ensure_index(path))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def prepare() -> dict[str, str | int]:
    """Make this process ready to extract: index built (once per machine) and the geocoder opened."""
    from tallylog.geo import get_geocoder

    path = ensure_gazetteer()
    get_geocoder()
    return {"index": path, "pid": os.getpid(), "host": os.uname().nodename}


def extract_batch(units: list[Unit], published: date | None, max_bytes: int) -> list[Outcome]:
    """Ingest and extract a batch of units, in order; blank JSONL lines are dropped."""
    from tallylog.pipeline import extract_report
    from tallylog.reconcile import series_key
    from tallylog.resolve import fingerprint

    out: list[Outcome] = []
    for unit in units:
        item = ingest_unit(unit, published=published, max_bytes=max_bytes)
        if item is None:
            continue
        if isinstance(item, IngestError):
            out.append(item)
            continue
        try:
            ex = extract_report(item)
            out.append(Extracted(ex, fingerprint(item.text), [series_key(c.to_dict()) for c in ex.claims]))
        except Exception as exc:  # noqa: BLE001 - one bad document never spoils a batch
            out.append(Failed(item, f"{item.source}: extraction failed ({type(exc).__name__}: {exc})"))
    return out

