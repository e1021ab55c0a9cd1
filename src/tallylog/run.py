"""The main job: reports in, a resolved incident ledger out.

    ingest -> extract -> store (report, mentions, claims) -> resolve each new mention against the ledger's
    candidate incidents -> incident created or updated with merged values, conflicts and grade

Writes are transactional per batch of reports: a run killed part-way leaves whole batches only, and the
next run skips the reports already stored (same text or same URL) and completes the rest.
"""
from __future__ import annotations

from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable, Iterable, Iterator

from tallylog.model import Attribution, Event, Extraction, IngestError, Location, Report, Span
from tallylog.pipeline import extract_report
from tallylog.reconcile import series_key
from tallylog.resolve import IncidentState, MentionRecord, Resolver, fingerprint, summarise
from tallylog.resolve.compat import features
from tallylog.resolve.simhash import FingerprintIndex
from tallylog.store import Ledger

#: how far (days) and how wide (km) to look for incidents a new mention may belong to
WINDOW_DAYS = 3
RADIUS_KM = {1: 60.0, 2: 100.0, 3: None, None: None}
#: what resolution reads of a candidate incident's row (its mentions come apart, once a batch): its merged date
#: and sub-event type, which can rule it out before its mentions are read; the mention count and last update
#: are the incident's version, which says whether the run's copy is still good
_CANDIDATE_COLUMNS = ("date_precision", "sub_event_type", "weapons", "n_mentions", "updated_at")
#: incidents a run keeps between batches with their mentions (the most recently used), so that an incident
#: many reports are compared with is read once, not once a batch
KEEP_INCIDENTS = 5000


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
    """Feeds reports into a ledger, resolving as it goes. Use ``run(items)`` for a whole job.

    Inside a batch (``run`` makes one per ``batch_size`` reports) the run keeps the batch's state: which
    reports are already stored (one query for the batch), and every incident it has read or written with its
    mentions, so an incident is read from the ledger at most once a batch and nothing just written is read
    back. The state is dropped at the end of the batch, so the ledger stays the only truth between batches.
    """

    def __init__(self, ledger: Ledger, resolver: Resolver | None = None):
        self.ledger = ledger
        self.resolver = resolver or Resolver()
        self.summary = RunSummary()
        self._fingerprints: FingerprintIndex | None = None
        self._state: _BatchState | None = None
        self._nulls_first = ledger.dialect == "sqlite"  # where ORDER BY puts a NULL publication date
        # incident id -> (version, state) of incidents read or written by earlier batches of this run
        self._kept: OrderedDict[str, tuple[tuple[Any, ...], IncidentState]] = OrderedDict()

    # -- syndication -------------------------------------------------------------------------------
    def _source_group(self, report: Report, fp: int | None = None) -> tuple[str, int]:
        """The source group of a report: that of a stored near-duplicate (a repost, the same wire story),
        else its own id; with its fingerprint (computed here unless given)."""
        if fp is None:
            fp = fingerprint(report.text)
        if self._fingerprints is None:
            self._fingerprints = FingerprintIndex()
            self._fingerprints.add_many((int(f), g) for f, g in self.ledger.reports_fingerprints() if f is not None)
        group = self._fingerprints.find(fp)
        return (group if group is not None else report.id), fp

    # -- batch state -------------------------------------------------------------------------------
    @contextmanager
    def batch(self, reports: Iterable[Report] = ()) -> Iterator[None]:
        """One ledger transaction with the run's per-batch state; ``reports`` are checked as stored in one go."""
        with self.ledger.batch():
            if self._state is not None:  # nested: joins the outer batch
                self._state.prefetch(self.ledger, reports)
                yield
                return
            self._state = st = _BatchState()
            try:
                st.prefetch(self.ledger, reports)
                yield
            except BaseException:
                self._kept.clear()  # what the batch changed is rolled back: no copy may outlive it
                raise
            finally:
                self._state = None
        self._keep(st)

    def _keep(self, st: "_BatchState") -> None:
        """After a batch commits, keep its incidents (as the ledger now holds them) for the next batches."""
        kept = self._kept
        for inc_id, state in st.incidents.items():
            version = st.versions.get(inc_id)
            if version is None:
                continue
            kept[inc_id] = (version, state)
            kept.move_to_end(inc_id)
        while len(kept) > KEEP_INCIDENTS:
            kept.popitem(last=False)

    def _is_stored(self, report: Report) -> bool:
        st = self._state
        if st is not None and st.covers(report):
            return st.stored(report)
        return self.ledger.has_report(report.id, report.url or None)

    # -- resolution --------------------------------------------------------------------------------
    def _candidates(self, rec: MentionRecord) -> list[IncidentState]:
        """The ledger's incidents ``rec`` may belong to (blocking), with their mentions, oldest first."""
        ev = rec.event
        loc = ev.location
        point = loc is not None and loc.latitude is not None and RADIUS_KM.get(loc.geo_precision) is not None
        if point:
            place: dict[str, Any] = {"lat": loc.latitude, "lon": loc.longitude,  # type: ignore[union-attr]
                                     "radius_km": RADIUS_KM[loc.geo_precision]}  # type: ignore[union-attr]
        elif loc is not None and loc.country:
            place = {"country": loc.country}
        else:
            place = {}
        f = features(rec, self.resolver.cfg)
        rules_out = self.resolver.rules_out
        if ev.date is not None:
            lo, hi = ev.date - timedelta(days=WINDOW_DAYS), ev.date + timedelta(days=WINDOW_DAYS)
            found = self.ledger.candidate_incidents(lo, hi, columns=_CANDIDATE_COLUMNS, **place)
        elif not place or rules_out(f, None, None, f.sub, f.weapons):
            # no place to block on; or undated and too weak to join even an incident of its own sub-type and
            # weapons (an unnamed perpetrator and no weapon named): no incident can take it, none is read
            return []
        elif rec.published is not None:
            found = self.ledger.candidate_incidents_undated(**self._undated_windows(rec.published),
                                                            columns=_CANDIDATE_COLUMNS, **place)
        else:
            found = self.ledger.candidate_incidents(None, None, columns=_CANDIDATE_COLUMNS, **place)
        # incidents whose row alone shows they cannot take it (see ``Resolver.rules_out``) are set aside unread:
        # the resolver would score every one of them None
        found = [inc for inc in found
                 if not rules_out(f, inc["date"], inc["date_precision"], inc["sub_event_type"], inc["weapons"] or ())]
        st = self._state
        cache = st.incidents if st is not None else {}
        missing = []
        for inc in found:
            inc_id = inc["id"]
            if inc_id in cache:
                continue
            version = (inc["n_mentions"], inc["updated_at"])
            kept = self._kept.pop(inc_id, None)
            if kept is not None and kept[0] == version and st is not None:
                cache[inc_id] = kept[1]  # unchanged since an earlier batch of this run read or wrote it
            else:
                missing.append(inc_id)
            if st is not None:
                st.versions[inc_id] = version
        if missing:
            loaded = self.ledger.mentions_of_many(missing, evidence=False)
            for i in missing:
                cache[i] = IncidentState(id=i, mentions=[_record(r) for r in loaded.get(i, [])])
        if st is not None:
            for inc in found:  # the weapon rows the ledger holds for it, as its row lists them
                st.weapons[inc["id"]] = set(inc["weapons"] or ())
        return [cache[inc["id"]] for inc in found]

    def _undated_windows(self, published: date) -> dict[str, date]:
        """Where the incidents an undated mention can match lie in time. Resolution gives such a mention the
        window of days before its report's publication (``unknown_window_days``) and rejects every incident
        whose dates do not meet that window within ``tolerance_days``; these bounds keep all it may accept:
        day-dated incidents in the window, incidents whose span (at most a year) may reach it, and undated
        incidents whose own reports' windows meet it."""
        cfg = self.resolver.cfg
        lo = published - timedelta(days=cfg.unknown_window_days + cfg.tolerance_days)
        hi = published + timedelta(days=cfg.tolerance_days)
        days = timedelta  # a span starts on its date (a week, a range) or in the month or year of it
        spans = {"week": (lo - days(6), hi), "range": (lo - days(cfg.range_days), hi),
                 "month": (lo - days(31), hi + days(31)), "year": (lo - days(366), hi + days(366))}
        return {"published_from": lo, "published_to": published + (published - lo),
                "date_from": lo, "date_to": hi, "spans": spans}

    def _ledger_order(self, mentions: list[MentionRecord]) -> list[MentionRecord]:
        """Mentions in the order the ledger lists an incident's mentions: by publication date, then id."""
        first = self._nulls_first
        return sorted(mentions, key=lambda m: ((m.published is not None) if first else (m.published is None),
                                               m.published or date.min, int(m.id)))

    def _resolve(self, mention_rows: list[dict[str, Any]]) -> None:
        st = self._state
        for row in mention_rows:
            rec = _record(row)
            cands = self._candidates(rec)
            best = self.resolver.assign(rec, cands)
            now = self.ledger.timestamp()
            if best is None:
                state = IncidentState(id="new", mentions=[rec])
                inc_id = self.ledger.insert_resolved_incident(
                    incident_fields(state), [(int(rec.id), rec.report_id, row["ordinal"])], n_sources=1, now=now)
                if st is not None:
                    state.id = inc_id
                    st.incidents[inc_id] = state
                    st.weapons[inc_id] = set(rec.event.weapons)
                    st.versions[inc_id] = (1, now)
                self.summary.incidents_new += 1
            else:
                best.mentions.append(rec)
                fields = incident_fields(best)
                old = st.weapons.get(best.id) if st is not None else None
                self.ledger.extend_resolved_incident(
                    best.id, fields, [int(rec.id)], n_mentions=len(best.mentions),
                    n_sources=len(best.source_groups), old_weapons=old, now=now)
                if st is not None:
                    st.weapons[best.id] = set(fields["weapons"])
                    st.versions[best.id] = (len(best.mentions), now)
                ordered = self._ledger_order(best.mentions)
                if [m.id for m in ordered] != [m.id for m in best.mentions]:
                    best.mentions[:] = ordered  # as the ledger would give them when read afresh
                    best._profile = None
                self.summary.incidents_updated += 1

    # -- reports -----------------------------------------------------------------------------------
    def add(self, report: Report) -> None:
        s = self.summary
        s.read += 1
        if self._is_stored(report):
            s.duplicates += 1
            return
        try:
            extraction = extract_report(report)
        except Exception as exc:  # one bad document never spoils a batch
            s.skip("extraction failed")
            s.errors.append(f"{report.source}: extraction failed ({type(exc).__name__}: {exc})")
            return
        self.store_extraction(extraction)

    def store_extraction(self, extraction: Extraction, fp: int | None = None,
                         series_keys: list[str | None] | None = None) -> None:
        """Store one report's extraction and resolve its events into the ledger's incidents; the text's
        fingerprint and the claims' series keys are computed here unless given."""
        s, report, st = self.summary, extraction.report, self._state
        group, fp = self._source_group(report, fp)
        checked = st is not None and st.covers(report)
        if checked and st.stored(report):  # type: ignore[union-attr]
            s.duplicates += 1
            return
        added = self.ledger.add_extraction(extraction, source_group=group, fingerprint=fp,
                                           series_keys=series_keys if series_keys is not None else
                                           [series_key(c.to_dict()) for c in extraction.claims],
                                           check=not checked)
        if added is None:
            s.duplicates += 1
            return
        if st is not None:
            st.mark_stored(report)
        if self._fingerprints is not None:
            self._fingerprints.add(fp, group)
        s.events += len(added.mention_ids)
        s.claims += len(added.claim_ids)
        extra = {"source_group": group, "outlet": report.outlet, "published": report.published}
        self._resolve([row | extra for row in added.mention_rows])

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
        with self.batch(batch):
            for report in batch:
                self.add(report)


@dataclass
class _BatchState:
    """What a run knows within one batch: stored report ids/URLs among those it was told of, and the
    incidents read or written (with their mentions, in ledger order, and their weapon rows)."""

    ids: set[str] = field(default_factory=set)  # report ids asked about
    urls: set[str] = field(default_factory=set)  # report URLs asked about
    stored_ids: set[str] = field(default_factory=set)
    stored_urls: set[str] = field(default_factory=set)
    incidents: dict[str, IncidentState] = field(default_factory=dict)
    weapons: dict[str, set[str]] = field(default_factory=dict)
    versions: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # (n_mentions, updated_at) as stored

    def prefetch(self, ledger: Ledger, reports: Iterable[Report]) -> None:
        new = [r for r in reports if not self.covers(r)]
        if not new:
            return
        ids, urls = [r.id for r in new], [r.url for r in new if r.url]
        found_ids, found_urls = ledger.known_reports(ids, urls)
        self.ids.update(ids)
        self.urls.update(urls)
        self.stored_ids |= found_ids
        self.stored_urls |= found_urls

    def covers(self, report: Report) -> bool:
        return report.id in self.ids and (not report.url or report.url in self.urls)

    def stored(self, report: Report) -> bool:
        return report.id in self.stored_ids or bool(report.url) and report.url in self.stored_urls

    def mark_stored(self, report: Report) -> None:
        self.ids.add(report.id)
        self.stored_ids.add(report.id)
        if report.url:
            self.urls.add(report.url)
            self.stored_urls.add(report.url)


def iter_items(paths: list[str], *, published: date | None = None, max_bytes: int = 10_000_000,
               stdin=None) -> Iterator[Report | IngestError]:
    from tallylog.ingest import iter_reports

    yield from iter_reports(paths, published=published, max_bytes=max_bytes, stdin=stdin)
