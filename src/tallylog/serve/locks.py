"""The ingest lock: one ingest at a time per ledger, across the threads of a process and across processes.

``tallylog serve --workers N`` runs N processes over one ledger, each with its own threads. Resolution reads
the incidents a new mention may join and then writes, so two ingests at once could each miss what the other is
adding (or, on SQLite, fail on a stale snapshot). Every ingest therefore holds:

- a thread lock (the threads of one process), then
- a lock the ledger's processes share: on a SQLite file an exclusive ``flock`` on ``<ledger>.ingest.lock``
  beside it (released by the kernel if the process dies), on PostgreSQL a session advisory lock
  (``pg_advisory_lock``) held on its own pooled connection (released if that connection drops), which also
  covers servers on other machines.

Reads take no lock.
"""
from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from sqlalchemy import Engine, text

try:  # POSIX; elsewhere only the thread lock applies (run one process there)
    import fcntl
except ImportError:  # pragma: no cover - not on Linux or macOS
    fcntl = None  # type: ignore[assignment]

#: pg_advisory_lock key of ledger ingest: the first 8 bytes of sha256(b"tallylog ingest"), as a signed int64
PG_LOCK_KEY = int.from_bytes(hashlib.sha256(b"tallylog ingest").digest()[:8], "big", signed=True)


def lock_path(engine: Engine) -> Path | None:
    """Where the cross-process lock file of a SQLite ledger lives (None: not a SQLite file)."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return None
    return Path(engine.url.database).with_name(Path(engine.url.database).name + ".ingest.lock")


class IngestLock:
    """A context manager: ``with lock:`` holds the ingest lock of the ledger behind ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._thread_lock = threading.Lock()
        self._file: IO[Any] | None = None
        self._pg_conn: Any = None

    def __enter__(self) -> "IngestLock":
        self._thread_lock.acquire()
        try:
            self._acquire_shared()
        except BaseException:
            self._thread_lock.release()
            raise
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self._release_shared()
        finally:
            self._thread_lock.release()

    def _acquire_shared(self) -> None:
        if self.engine.dialect.name == "postgresql":
            conn = self.engine.connect()
            try:
                conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": PG_LOCK_KEY})
                conn.commit()  # the lock belongs to the session, not to this transaction
            except BaseException:
                conn.close()
                raise
            self._pg_conn = conn
            return
        path = lock_path(self.engine)
        if path is None or fcntl is None:
            return
        handle = open(path, "a+b")  # noqa: SIM115 - held until release
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        except BaseException:
            handle.close()
            raise
        self._file = handle

    def _release_shared(self) -> None:
        if self._pg_conn is not None:
            conn, self._pg_conn = self._pg_conn, None
            try:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PG_LOCK_KEY})
                conn.commit()
            finally:
                conn.close()
        if self._file is not None:
            handle, self._file = self._file, None
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            finally:
                handle.close()
