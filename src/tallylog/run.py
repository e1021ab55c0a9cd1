"""The main job: reports in, a resolved incident ledger out.

    ingest -> extract -> store (report, mentions, claims) -> resolve each new mention against the ledger's
    candidate incidents -> incident created or updated with merged values, conflicts and grade

Writes are transactional per batch of reports: a run killed part-way leaves whole batches only, and the
next run skips the reports already stored (same text or same URL) and completes the rest.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable, Iterable, Iterator

from tallylog.model import Attribution, Event, Extraction, IngestError, Location, Report, Span
from tallylog.pipeline import extract_report
from tallylog.reconcile import series_key
from tallylog.resolve import IncidentState, MentionRecord, Resolver, fingerprint, summarise
from tallylog.resolve.simhash import FingerprintIndex
from tallylog.store import Ledger

#: how far (days) and how wide (km) to look for incidents a new mention may belong to
WINDOW_DAYS = 3
RADIUS_KM = {1: 60.0, 2: 100.0, 3: None, None: None}


@dataclass
class RunSummary:
    read: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count
    duplicates: int = 0
    events: int = 0
    claims: int = 0
    incidents_new: int = 0
    incidents_updated: int = 0
    errors: list[str] = field(default_factory=list)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


def event_from_row(row: dict[str, Any]) -> Event:
    """A stored mention as the ``Event`` resolution compares."""
    loc = None
    if row.get("place_name") or row.get("place_text") or row.get("country"):
        loc = Location(name=row.get("place_name"), text=row.get("place_text"), country=row.get("country"),
                       admin1=row.get("admin1"), latitude=row.get("latitude"), longitude=row.get("longitude"),
                       geo_precision=row.get("geo_precision"), gazetteer_id=row.get("gazetteer_id"),
                       feature=row.get("place_feature"))
    return Event(
        id=row.get("event_key") or str(row["id"]), event_type=row["event_type"], sub_event_type=row["sub_event_type"],
        date=row.get("date"), date_precision=row.get("date_precision") or "unknown", date_text=row.get("date_text"),
        location=loc, actor1=row.get("actor1"), actor2=row.get("actor2"), weapons=list(row.get("weapons") or []),
        quantity=row.get("quantity"), outcome=row.get("outcome"), fatalities=row.get("fatalities"),
        injured=row.get("injured"), status=row.get("status") or "reported",
        attribution=[Attribution(**a) for a in (row.get("attribution") or [])],
        evidence=[Span(**s) for s in (row.get("evidence") or [])], kind=row.get("kind") or "other_attack",
    )


def _record(row: dict[str, Any]) -> MentionRecord:
    return MentionRecord(id=str(row["id"]), report_id=row["report_id"],
                         source_group=row.get("source_group") or row["report_id"], outlet=row.get("outlet"),
                         published=row.get("published"), event=event_from_row(row))


def incident_fields(inc: IncidentState) -> dict[str, Any]:
    """The ledger's columns for an incident, from resolution's summary of its mentions."""
    s = summarise(inc)
    loc = s.location
    d = s.to_dict()
    return {
        "event_type": s.event_type, "sub_event_type": s.sub_event_type, "kind": s.kind,
        "date": s.date, "date_precision": s.precision,
        "country": loc.country if loc else None, "admin1": loc.admin1 if loc else None,
        "place_name": (loc.name or loc.text) if loc else None,
        "latitude": loc.latitude if loc else None, "longitude": loc.longitude if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "actor1": s.actor1, "actor2": s.actor2, "weapons": list(s.weapons),
        "fatalities_best": s.fatalities.best, "fatalities_low": s.fatalities.low, "fatalities_high": s.fatalities.high,
        "injured_best": s.injured.best, "injured_low": s.injured.low, "injured_high": s.injured.high,
        "grade": s.grade, "conflicts": d["conflicts"],
        "candidates": {"fatalities": d["fatalities"], "injured": d["injured"], "quantity": d["quantity"],
                       "dates": d["dates"], "places": d["places"], "actors": d["actors"],
                       "grade_reason": s.grade_reason, "outcome": s.outcome},
    }


class LedgerRun:
    """Feeds reports into a ledger, resolving as it goes. Use ``run(items)`` for a whole job."""

    def __init__(self, ledger: Ledger, resolver: Resolver | None = None):
        self.ledger = ledger
        self.resolver = resolver or Resolver()
        self.summary = RunSummary()
        self._fingerprints: FingerprintIndex | None = None

    # -- syndication -------------------------------------------------------------------------------
    def _source_group(self, report: Report, fp: int | None = None) -> tuple[str, int]:
        """The source group of a report: that of a stored near-duplicate (a repost, the same wire story),
        else its own id; with its fingerprint (computed here unless given)."""
        if fp is None:
            fp = fingerprint(report.text)
        if self._fingerprints is None:
            self._fingerprints = FingerprintIndex()
            for f, g in self.ledger.reports_fingerprints():
                if f is not None:
                    self._fingerprints.add(int(f), g)
        group = self._fingerprints.find(fp)
        return (group if group is not None else report.id), fp

    # -- resolution --------------------------------------------------------------------------------
    def _candidates(self, ev: Event) -> list[IncidentState]:
        if ev.date is None:
            lo = hi = None
        else:
            lo, hi = ev.date - timedelta(days=WINDOW_DAYS), ev.date + timedelta(days=WINDOW_DAYS)
        loc = ev.location
        if loc is not None and loc.latitude is not None and RADIUS_KM.get(loc.geo_precision) is not None:
            found = self.ledger.candidate_incidents(lo, hi, lat=loc.latitude, lon=loc.longitude,
                                                    radius_km=RADIUS_KM[loc.geo_precision])
        elif loc is not None and loc.country:
            found = self.ledger.candidate_incidents(lo, hi, country=loc.country)
        elif lo is not None:
            found = self.ledger.candidate_incidents(lo, hi)
        else:
            return []
        states = []
        for inc in found:
            states.append(IncidentState(id=inc["id"], mentions=[_record(r) for r in self.ledger.mentions_of(inc["id"])]))
        return states

    def _resolve(self, mention_rows: list[dict[str, Any]]) -> None:
        for row in mention_rows:
            rec = _record(row)
            cands = self._candidates(rec.event)
            best = self.resolver.assign(rec, cands)
            if best is None:
                state = IncidentState(id="new", mentions=[rec])
                self.ledger.create_incident(incident_fields(state), [int(rec.id)])
                self.summary.incidents_new += 1
            else:
                best.mentions.append(rec)
                self.ledger.link(best.id, [int(rec.id)])
                self.ledger.update_incident(best.id, incident_fields(best))
                self.summary.incidents_updated += 1

    # -- reports -----------------------------------------------------------------------------------
    def add(self, report: Report) -> None:
        s = self.summary
        s.read += 1
        if self.ledger.has_report(report.id, report.url or None):
            s.duplicates += 1
            return
        try:
            extraction = extract_report(report)
        except Exception as exc:  # one bad document never spoils a batch
            s.skip("extraction failed")
            s.errors.append(f"{report.source}: extraction failed ({type(exc).__name__}: {exc})")
            return
        self.store_extraction(extraction)

    def store_extraction(self, extraction: Extraction, fp: int | None = None) -> None:
        """Store one report's extraction and resolve its events into the ledger's incidents."""
        s, report = self.summary, extraction.report
        group, fp = self._source_group(report, fp)
        added = self.ledger.add_extraction(extraction, source_group=group, fingerprint=fp)
        if added is None:
            s.duplicates += 1
            return
        if self._fingerprints is not None:
            self._fingerprints.add(fp, group)
        s.events += len(added.mention_ids)
        s.claims += len(added.claim_ids)
        for cid, claim in zip(added.claim_ids, extraction.claims):
            self.ledger.set_series_key([cid], series_key(claim.to_dict()))
        self._resolve([self.ledger.mention(mid) | {"source_group": group, "outlet": report.outlet,
                                                   "published": report.published}
                       for mid in added.mention_ids])

    def run(self, items: Iterable[Report | IngestError], *, batch_size: int = 25,
            on_item: Callable[[Report | IngestError], None] | None = None,
            on_error: Callable[[IngestError], None] | None = None) -> RunSummary:
        batch: list[Report] = []
        for item in items:
            if on_item is not None:
                on_item(item)
            if isinstance(item, IngestError):
                self.summary.skip(item.reason.split(";")[0].split(" (")[0][:60])
                if on_error is not None:
                    on_error(item)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                self._commit(batch)
                batch = []
        if batch:
            self._commit(batch)
        return self.summary

    def _commit(self, batch: list[Report]) -> None:
        with self.ledger.batch():
            for report in batch:
                self.add(report)


def iter_items(paths: list[str], *, published: date | None = None, max_bytes: int = 10_000_000,
               stdin=None) -> Iterator[Report | IngestError]:
    from tallylog.ingest import iter_reports

    yield from iter_reports(paths, published=published, max_bytes=max_bytes, stdin=stdin)
