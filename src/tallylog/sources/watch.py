"""Polling: ``tallylog watch FEEDS... --every 15m`` ingests only what is new.

One poll, for each source (an RSS/Atom feed URL, a page URL or a ``gdelt:`` input):

1. the feed is fetched conditionally (its stored ETag/Last-Modified; 304 means nothing new);
2. entries whose URL the ledger has seen (done, or failed for good) are dropped; entries pending a
   retry (a timeout or 5xx last time) are added back;
3. the new entries are fetched and extracted, the reports ingested (``LedgerRun``: committed per batch);
4. only then are the entries' outcomes recorded, and last the feed's ETag/Last-Modified.

A poll killed at any point therefore loses nothing (the feed state is saved last) and duplicates
nothing (a report already in the ledger, by URL or text, is skipped). Network errors are logged and
the poll goes on with the next source.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from tallylog.ingest.errors import Rejected
from tallylog.model import IngestError, Report
from tallylog.run import LedgerRun
from tallylog.sources import state as st
from tallylog.sources.fetch import FetchError, Fetcher
from tallylog.sources.gdelt import PREFIX as GDELT_PREFIX, GdeltError, gdelt_entries, parse_spec
from tallylog.sources.web import Entry, feed_entries, is_feed, report_from_result
from tallylog.store import Ledger

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.IGNORECASE)
_UNIT = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``15m`` -> 900.0; ``30s``, ``2h``, ``1d`` or plain seconds. Raises ValueError with advice."""
    m = _INTERVAL.match(text or "")
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"{text!r} is not an interval; write e.g. 30s, 15m, 2h or 1d")
    return float(m.group(1)) * _UNIT[(m.group(2) or "").lower() or None]


@dataclass
class PollSummary:
    """What one poll did."""

    sources: int = 0
    not_modified: int = 0
    new_entries: int = 0
    ingested: int = 0  # reports newly stored in the ledger
    duplicates: int = 0
    failed: int = 0
    pending: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.sources} sources polled ({self.not_modified} unchanged): {self.new_entries} new entries, "
                f"{self.ingested} reports ingested, {self.duplicates} already in the ledger, {self.failed} failed, "
                f"{self.pending} to retry")


def _entry_meta(entry: Entry) -> dict[str, Any]:
    hints = {"title": entry.title, "published": entry.published.isoformat() if entry.published else None}
    return {**entry.meta, "entry": hints}


def _entry_from_row(row: dict[str, Any]) -> Entry:
    meta = dict(row.get("meta") or {})
    hints = meta.pop("entry", {}) or {}
    published = None
    if hints.get("published"):
        try:
            published = date.fromisoformat(hints["published"])
        except ValueError:
            published = None
    return Entry(url=row["url"], title=hints.get("title"), published=published, source=row.get("source"),
                 meta=meta)


class Watcher:
    """Polls sources into a ledger, keeping what it has seen in the ledger (``source_state``)."""

    def __init__(self, ledger: Ledger, sources: list[str], fetcher: Fetcher | None = None, *,
                 log: Callable[[str], None] | None = None, batch_size: int = 25) -> None:
        self.ledger = ledger
        self.sources = list(sources)
        self.fetcher = fetcher or Fetcher()
        self.state = st.SourceState(ledger)
        self.log = log or (lambda _msg: None)
        self.batch_size = batch_size

    # -- one poll ----------------------------------------------------------------------------------
    def poll(self) -> PollSummary:
        summary = PollSummary()
        for source in self.sources:
            summary.sources += 1
            try:
                self._poll_source(source, summary)
            except Exception as exc:  # noqa: BLE001 - one source never stops the others
                msg = f"{source}: poll failed ({type(exc).__name__}: {exc}); will try again next poll"
                summary.errors.append(msg)
                self.log(msg)
        return summary

    def _listing(self, source: str, summary: PollSummary) -> tuple[list[Entry], Any, list[Report]]:
        """The source's current entries, the feed response to save afterwards (or None), and direct reports."""
        if source.startswith(GDELT_PREFIX):
            try:
                spec = parse_spec(source)
            except GdeltError as exc:
                summary.errors.append(f"{source}: {exc}")
                self.log(f"{source}: {exc}")
                return [], None, []
            entries = []
            for item in gdelt_entries(spec, self.fetcher):
                if isinstance(item, IngestError):
                    self.log(str(item))
                    summary.errors.append(str(item))
                else:
                    entries.append(item)
            return entries, None, []
        saved = self.state.feed(source)
        try:
            result = self.fetcher.fetch(source, etag=saved.etag, last_modified=saved.last_modified)
        except FetchError as exc:
            summary.errors.append(f"{source}: {exc.reason}")
            self.log(f"{source}: {exc.reason}")
            return [], None, []
        if result.not_modified:
            summary.not_modified += 1
            return [], None, []
        if is_feed(result):
            entries, errors = feed_entries(result)
            for e in errors:
                self.log(str(e))
            return entries, result, []
        # a page watched on its own: it is its own single entry
        return [Entry(url=source, source=source)], result, []

    def _poll_source(self, source: str, summary: PollSummary) -> None:
        entries, feed_result, _ = self._listing(source, summary)
        known = self.state.entries(e.url for e in entries)
        todo: dict[str, tuple[Entry, int]] = {}
        for e in entries:
            row = known.get(e.url)
            if row is None or row["status"] not in (st.DONE, st.FAILED):
                todo.setdefault(e.url, (e, int(row["attempts"]) if row else 0))
        for row in self.state.pending(source):
            todo.setdefault(row["url"], (_entry_from_row(row), int(row["attempts"])))
        summary.new_entries += len(todo)
        if todo:
            self.log(f"{source}: {len(todo)} new entr{'y' if len(todo) == 1 else 'ies'}")
        outcomes: list[dict[str, Any]] = []
        reports: list[Report] = []
        page_result = feed_result if feed_result is not None and not is_feed(feed_result) else None
        for url, (entry, attempts) in todo.items():
            outcome: dict[str, Any] = {"url": url, "source": source, "attempts": attempts + 1,
                                       "meta": _entry_meta(entry)}
            try:
                if page_result is not None and url == source:
                    report = report_from_result(page_result, entry)
                else:
                    report = report_from_result(self.fetcher.fetch(url, kinds=("html", "text")), entry)
                reports.append(report)
                outcome.update(status=st.DONE, report_id=report.id, reason=None)
            except FetchError as exc:
                retry = exc.transient and attempts + 1 < st.MAX_ATTEMPTS
                outcome.update(status=st.PENDING if retry else st.FAILED, reason=exc.reason)
                self.log(f"{url}: {exc.reason}" + (" (will retry next poll)" if retry else ""))
            except Rejected as exc:
                outcome.update(status=st.FAILED, reason=exc.reason)
                self.log(f"{url}: {exc.reason}")
            except Exception as exc:  # noqa: BLE001
                outcome.update(status=st.FAILED, reason=f"could not be read ({type(exc).__name__}: {exc})")
                self.log(f"{url}: {outcome['reason']}")
            outcomes.append(outcome)
        if reports:
            job = LedgerRun(self.ledger)
            done = job.run(reports, batch_size=self.batch_size)
            summary.ingested += done.read - done.duplicates - sum(done.skipped.values())
            summary.duplicates += done.duplicates
            for e in done.errors:
                self.log(e)
        self.state.record(outcomes)  # after the reports are committed: a crash before this re-fetches, never loses
        summary.failed += sum(1 for o in outcomes if o["status"] == st.FAILED)
        summary.pending += sum(1 for o in outcomes if o["status"] == st.PENDING)
        if feed_result is not None:
            self.state.save_feed(source, feed_result.etag, feed_result.last_modified)

    # -- the loop ----------------------------------------------------------------------------------
    def run(self, every: float, *, once: bool = False, polls: int | None = None,
            sleep: Callable[[float], None] = time.sleep) -> list[PollSummary]:
        """Poll now, then every ``every`` seconds (``once``: a single poll; ``polls``: at most that many)."""
        done: list[PollSummary] = []
        while True:
            started = time.monotonic()
            summary = self.poll()
            self.log(summary.line())
            done.append(summary)
            if once or (polls is not None and len(done) >= polls):
                return done
            sleep(max(0.0, every - (time.monotonic() - started)))
