"""What live sources have seen, kept in the ledger's ``source_state`` table.

Feeds keep their ETag and Last-Modified (for conditional GETs); entries keep whether they are done,
failed for good, or pending a retry after a transient failure (a timeout, a 5xx). Because the state
lives in the ledger, a restarted ``tallylog watch`` carries on where it stopped.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable

from sqlalchemy import and_, select

from tallylog.store import Ledger
from tallylog.store.schema import source_state
from tallylog.store.sql import upsert

FEED = "feed"
ENTRY = "entry"
DONE, FAILED, PENDING, POLLED = "done", "failed", "pending", "polled"
#: polls an entry that keeps failing transiently is retried before it is given up
MAX_ATTEMPTS = 5

_ALL = ["source", "status", "attempts", "reason", "etag", "last_modified", "report_id", "meta", "updated_at"]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None


class SourceState:
    """Read and write ``source_state`` rows of one ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def feed(self, url: str) -> FeedState:
        with self.ledger.engine.connect() as conn:
            row = conn.execute(select(source_state.c.etag, source_state.c.last_modified).where(
                and_(source_state.c.kind == FEED, source_state.c.url == url))).first()
        return FeedState(url, row[0], row[1]) if row else FeedState(url)

    def save_feed(self, url: str, etag: str | None, last_modified: str | None) -> None:
        row = {"kind": FEED, "url": url, "source": None, "status": POLLED, "attempts": 0, "reason": None,
               "etag": etag, "last_modified": last_modified, "report_id": None, "meta": {}, "updated_at": _now()}
        with self.ledger.engine.begin() as conn:
            upsert(conn, source_state, [row], ["kind", "url"], _ALL)

    def entries(self, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Known entries among ``urls``: url -> {status, attempts, ...}."""
        urls = list(dict.fromkeys(urls))
        found: dict[str, dict[str, Any]] = {}
        with self.ledger.engine.connect() as conn:
            for i in range(0, len(urls), 500):
                chunk = urls[i:i + 500]
                for r in conn.execute(select(source_state).where(
                        and_(source_state.c.kind == ENTRY, source_state.c.url.in_(chunk)))).mappings():
                    found[r["url"]] = dict(r)
        return found

    def pending(self, source: str | None = None) -> list[dict[str, Any]]:
        """Entries waiting for a retry (of one source, or all)."""
        cond = and_(source_state.c.kind == ENTRY, source_state.c.status == PENDING)
        if source is not None:
            cond = and_(cond, source_state.c.source == source)
        with self.ledger.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(source_state).where(cond)).mappings()]

    def record(self, rows: Iterable[dict[str, Any]]) -> None:
        """Write entry outcomes: dicts with url, source, status and optionally attempts, reason, report_id, meta."""
        out = []
        for r in rows:
            out.append({"kind": ENTRY, "url": r["url"], "source": r.get("source"), "status": r["status"],
                        "attempts": int(r.get("attempts") or 0), "reason": r.get("reason"), "etag": None,
                        "last_modified": None, "report_id": r.get("report_id"), "meta": r.get("meta") or {},
                        "updated_at": _now()})
        if out:
            with self.ledger.engine.begin() as conn:
                upsert(conn, source_state, out, ["kind", "url"], _ALL)

    def counts(self) -> dict[str, int]:
        """Entries per status."""
        from sqlalchemy import func

        with self.ledger.engine.connect() as conn:
            rows = conn.execute(select(source_state.c.status, func.count()).where(source_state.c.kind == ENTRY)
                                .group_by(source_state.c.status)).all()
        return {s: int(n) for s, n in rows}
