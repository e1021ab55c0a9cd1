"""What one app shares between requests: the ledger, the operator's token, the ingest lock and limits.

Thread safety: FastAPI runs the sync endpoints in a thread pool. ``Ledger`` keeps a connection in the
instance while a ``batch()`` is open, so a batching ``Ledger`` must never be shared between threads. Here
the app's ``Ledger`` is only read from and never opens a batch: each read checks a connection out of the
engine's pool for its own use and returns it. Ingest builds a short-lived ``Ledger`` on the same engine for
its batch, and ingests one request at a time (``IngestLock``: across threads and across the processes of
``tallylog serve --workers N``), so resolution never races with itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request

from tallylog.serve.locks import IngestLock
from tallylog.store import Ledger


@dataclass
class AppState:
    ledger: Ledger
    token: str | None
    max_body_bytes: int
    ingest_lock: IngestLock = field(init=False)

    def __post_init__(self) -> None:
        self.ingest_lock = IngestLock(self.ledger.engine)

    def writer(self) -> Ledger:
        """A ``Ledger`` on the shared engine for one ingest batch (its batch connection stays its own)."""
        return Ledger(self.ledger.engine)


def state_of(request: Request) -> AppState:
    return request.app.state.tallylog


def ledger_of(request: Request) -> Ledger:
    return request.app.state.tallylog.ledger
