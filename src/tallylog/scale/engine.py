"""The Dask engine: ingest and extraction as Dask tasks, resolution into the ledger on the client.

    client: walk inputs -> chunks of raw units --submit--> workers: ingest + extract_report
    client: <--as_completed-- Extraction objects, resolved into the ledger in input order

At most ``in_flight`` chunks are outstanding (submitted, running, or finished and waiting for their
turn), so neither the client nor the cluster ever holds the whole corpus. Chunk k+1.. are computed
while chunk k is being resolved. Resolution is sequential and in the input order, so the ledger is
the one a local run (:class:`tallylog.run.LedgerRun`) writes over the same input.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from itertools import islice
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from tallylog.model import IngestError, Report
from tallylog.run import LedgerRun, RunSummary
from tallylog.scale.units import Unit
from tallylog.scale.worker import Extracted, Failed, Outcome, ensure_gazetteer, extract_batch, prepare

CHUNK = 16  # units per task: large enough to amortise scheduling, small enough to spread


class GazetteerPlugin(WorkerPlugin):
    """Worker plugin: every worker, including one that joins later, has the gazetteer ready before its first task."""

    name = "tallylog-gazetteer"

    def setup(self, worker: Any) -> None:
        prepare()


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None, *,
                processes: bool = True) -> Iterator[Any]:
    """A ``distributed.Client``: to ``scheduler`` (``tcp://host:port``) or to a new LocalCluster of ``workers``.

    Local workers are single-threaded processes (extraction is pure Python, so threads would share one
    core). Every worker gets the gazetteer ready before work starts.
    """
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        ensure_gazetteer()  # built once here; local workers find it in the same cache dir
        cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=processes,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        client.register_plugin(GazetteerPlugin())
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class DaskLedgerRun(LedgerRun):
    """A ``LedgerRun`` fed with extractions made elsewhere: the client-side half of the Dask engine."""

    def add_outcome(self, outcome: Outcome, *, on_error: Callable[[IngestError], None] | None = None) -> None:
        """Resolve one worker outcome into the ledger exactly as ``LedgerRun`` would have."""
        s = self.summary
        if isinstance(outcome, IngestError):
            s.skip(outcome.reason.split(";")[0].split(" (")[0][:60])
            if on_error is not None:
                on_error(outcome)
            return
        report: Report = outcome.report
        s.read += 1
        if self._is_stored(report):
            s.duplicates += 1
            return
        if isinstance(outcome, Failed):
            s.skip("extraction failed")
            s.errors.append(outcome.message)
            return
        self._store(outcome)

    def _store(self, outcome: Extracted) -> None:
        """Store a worker's outcome as a local run would (fingerprint and series keys were made on the worker)."""
        self.store_extraction(outcome.extraction, outcome.fingerprint, outcome.series_keys)

    def run_dask(self, client: Any, units: Iterable[Unit], *, published: date | None = None,
                 max_bytes: int = 10_000_000, batch_size: int = 25, chunk: int = CHUNK,
                 in_flight: int | None = None,
                 on_item: Callable[[Report | IngestError], None] | None = None,
                 on_error: Callable[[IngestError], None] | None = None) -> RunSummary:
        """Stream ``units`` through the cluster and resolve the outcomes in input order.

        ``in_flight``: chunks outstanding at once (default: twice the workers, plus one).
        ``batch_size``: reports per ledger transaction, as in a local run.
        """
        from distributed import as_completed

        if in_flight is None:
            in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {}))) + 1
        it = iter(units)
        index: dict[str, int] = {}
        ready: dict[int, list[Outcome]] = {}
        submitted = resolved = 0
        exhausted = False
        pending: list[Outcome] = []

        def submit_more(ac: Any | None) -> list[Any]:
            nonlocal submitted, exhausted
            new = []
            while not exhausted and submitted - resolved < in_flight:
                part = list(islice(it, chunk))
                if not part:
                    exhausted = True
                    break
                fut = client.submit(extract_batch, part, published, max_bytes, pure=False, retries=1)
                index[fut.key] = submitted
                submitted += 1
                if ac is not None:
                    ac.add(fut)
                new.append(fut)
            return new

        def flush() -> None:
            if pending:
                with self.batch([o.report for o in pending if not isinstance(o, IngestError)]):
                    for outcome in pending:
                        self.add_outcome(outcome, on_error=on_error)
                pending.clear()

        ac = as_completed(submit_more(None))
        for fut in ac:
            ready[index.pop(fut.key)] = fut.result()
            fut.release()
            while resolved in ready:
                for outcome in ready.pop(resolved):
                    if on_item is not None:
                        on_item(outcome if isinstance(outcome, IngestError) else outcome.report)
                    if isinstance(outcome, IngestError):  # touches no table: counted at once
                        self.add_outcome(outcome, on_error=on_error)
                        continue
                    pending.append(outcome)
                    if len(pending) >= batch_size:
                        flush()
                resolved += 1
            submit_more(ac)
        flush()
        return self.summary
