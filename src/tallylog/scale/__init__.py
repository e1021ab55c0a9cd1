"""Scale-out: the ingest and extraction stages on a Dask cluster, the ledger written by one client.

    from tallylog.scale import dask_client, run_dask
    with dask_client(workers=4) as client:            # or dask_client(scheduler="tcp://host:8786")
        summary = run_dask(ledger, ["feed.jsonl"], client=client)

The ledger equals a local run's over the same input. See ``docs/scale.md`` for a multi-machine set-up.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from tallylog.model import IngestError, Report
from tallylog.run import RunSummary
from tallylog.scale.engine import CHUNK, DaskLedgerRun, dask_client
from tallylog.scale.units import Unit, iter_units
from tallylog.store import Ledger

__all__ = ["CHUNK", "DaskLedgerRun", "Unit", "dask_client", "iter_units", "run_dask"]


def run_dask(ledger: Ledger, inputs: list[str], *, client: Any, published: date | None = None,
             max_bytes: int = 10_000_000, batch_size: int = 25, stdin: Any = None, chunk: int = CHUNK,
             in_flight: int | None = None,
             on_item: Callable[[Report | IngestError], None] | None = None,
             on_error: Callable[[IngestError], None] | None = None) -> RunSummary:
    """Ingest, extract (on the cluster) and resolve (here) ``inputs`` into ``ledger``; return the run's summary."""
    job = DaskLedgerRun(ledger)
    units = iter_units(inputs, published=published, max_bytes=max_bytes, stdin=stdin)
    return job.run_dask(client, units, published=published, max_bytes=max_bytes, batch_size=batch_size,
                        chunk=chunk, in_flight=in_flight, on_item=on_item, on_error=on_error)
