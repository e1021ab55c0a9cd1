"""The ledger: an embedded store of reports, their extracted mentions and claims, and resolved incidents.

One code path runs on SQLite (a file: the default) and PostgreSQL (``postgresql://...``, driver psycopg 3).
Opening a ledger runs the packaged Alembic migrations (``upgrade head``). Ingest is idempotent: a report
already present (same id or same URL) is skipped. ``with ledger.batch():`` makes many writes one
transaction, so a crash leaves either all of a batch or none of it.

A ``Ledger`` holds one connection during a batch and is not meant to be shared between threads.
"""
from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import (Date, Engine, and_, bindparam, create_engine, delete, event, func, or_, select, union_all,
                        update)
from sqlalchemy.engine import Connection

from tallylog.model import Extraction
from tallylog.store import queries, rows, schema
from tallylog.store.migrate import upgrade
from tallylog.store.schema import (
    claims, incident_mentions, incident_weapons, incidents, mentions, outlets, places, reports,
)
from tallylog.store.prepared import Prepared, prepared, prepared_select
from tallylog.store.sql import _insert_ignore_stmt, insert_ignore, upsert

__all__ = ["AddedReport", "Ledger", "normalise_url"]

SOURCE_CHUNK = 500  # incidents per query when attaching their sources to a stream
_SPAN_PRECISIONS = ("week", "month", "year", "range")  # an incident date that starts a span of days
SQLITE_MMAP_BYTES = 1 << 30  # how much of a SQLite ledger file is read through a memory map


def normalise_url(url_or_path: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL from what a user types: a file path, ``sqlite:///...`` or ``postgresql://...``.

    ``postgresql://`` and ``postgres://`` get the psycopg 3 driver (``postgresql+psycopg://``).
    """
    text = os.fspath(url_or_path)
    if "://" not in text:
        if text == ":memory:":
            return "sqlite://"
        return "sqlite:///" + str(Path(text).expanduser().resolve())
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix):]
    return text


def _sqlite_setup(engine: Engine) -> None:
    """SQLite as a transactional store: foreign keys on, WAL journal, explicit BEGIN (so DDL and reads join)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # the driver issues no BEGIN of its own; we do, below
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")  # durable against a killed process; WAL stays atomic
            cur.execute("PRAGMA cache_size=-65536")  # 64 MB of pages: index upkeep on a large ledger stays in memory
            # reads through a shared memory map of the file instead of a read() per page into each
            # connection's small page cache: a listing that visits rows scattered over the file costs half
            cur.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")


@dataclass(slots=True)
class AddedReport:
    """What ``add_extraction`` stored: the report id and the new mention and claim ids, in extraction order."""

    report_id: str
    mention_ids: list[int] = field(default_factory=list)
    claim_ids: list[int] = field(default_factory=list)
    #: the mention rows as written (``rows.mention_row`` plus ``id``), so a caller need not read them back
    mention_rows: list[dict[str, Any]] = field(default_factory=list)


#: most reference-row keys a ledger remembers as stored (beyond, it starts afresh)
_STORED_KEYS_MAX = 200_000


def _incident_ids(keys: list[str]) -> Iterator[str]:
    """The ids an incident founded by mentions with these keys may take, in order: windows of the keys' hash,
    then a random one (an id already taken, which is rare, moves the incident to the next)."""
    digest = hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()
    for start in range(0, len(digest) - 12, 4):
        yield "inc_" + digest[start:start + 12]
    while True:
        yield "inc_" + uuid.uuid4().hex[:12]


class Ledger:
    """The ledger store. Open with ``Ledger.open(url_or_path)``; close with ``close()`` or ``with``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conn: Connection | None = None  # the batch's connection while a batch is open
        # keys of reference rows (outlets, places: never deleted) known to be stored, so a report naming them
        # again writes nothing; those written in the open batch count only once it has committed
        self._stored: dict[str, set[str]] = {"outlets": set(), "places": set()}
        self._pending: dict[str, set[str]] | None = None

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def open(cls, url_or_path: str | os.PathLike[str] = "ledger.db", *, migrate: bool = True,
             echo: bool = False) -> "Ledger":
        """Open (creating if needed) a ledger and bring its schema to the newest migration."""
        url = normalise_url(url_or_path)
        engine = create_engine(url, echo=echo, future=True)
        if engine.dialect.name == "sqlite":
            _sqlite_setup(engine)
        ledger = cls(engine)
        if migrate:
            with engine.connect() as conn:
                upgrade(conn)
        return ledger

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator["Ledger"]:
        """One transaction for every write inside: committed at the end, rolled back on an exception.

        Nested batches join the outer one. A process killed mid-batch leaves nothing of it.
        """
        if self._conn is not None:
            yield self
            return
        pending: dict[str, set[str]] = {kind: set() for kind in self._stored}
        with self.engine.begin() as conn:
            self._conn, self._pending = conn, pending
            try:
                yield self
            finally:
                self._conn = self._pending = None
        # reached only once the batch has committed
        for kind, keys in pending.items():
            known = self._stored[kind]
            if len(known) + len(keys) > _STORED_KEYS_MAX:
                known.clear()
            known |= keys

    def _unstored(self, kind: str, keys: Iterable[str]) -> list[str]:
        """Of these reference-row keys, those that may not be stored yet (and are now, once the batch commits).
        Outside a batch every key is written (a write's own transaction could still fail after it)."""
        if self._pending is None:
            return list(keys)
        known, pending = self._stored[kind], self._pending[kind]
        out = [k for k in keys if k not in known and k not in pending]
        pending.update(out)
        return out

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        if self._conn is not None:
            yield self._conn
        else:
            with self.engine.begin() as conn:
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        if self._conn is not None:
            yield self._conn
        else:
            with self.engine.connect() as conn:
                yield conn

    def _stream(self, stmt: Any) -> Iterator[dict[str, Any]]:
        """Rows of a select as dicts, fetched in chunks (a server-side cursor on PostgreSQL)."""
        with self._read() as conn:
            result = conn.execute(stmt, execution_options={"yield_per": 1000})
            for row in result:
                yield rows.row_dict(row)

    @staticmethod
    def timestamp() -> datetime:
        """Now, as the ledger's timestamp columns hold it (naive UTC)."""
        return rows.utcnow()

    # -- reports ---------------------------------------------------------------------------------
    def has_report(self, report_id: str | None = None, url: str | None = None) -> bool:
        """Whether a report with this id, or this URL, is stored."""
        with self._read() as conn:
            return self._find_report(conn, report_id, url) is not None

    @staticmethod
    def _find_report(conn: Connection, report_id: str | None, url: str | None) -> str | None:
        terms = []
        if report_id:
            terms.append(reports.c.id == report_id)
        if url:
            terms.append(reports.c.url == url)
        if not terms:
            return None
        return conn.execute(select(reports.c.id).where(or_(*terms)).limit(1)).scalar()

    def add_extraction(self, extraction: Extraction, *, source_group: str | None = None,
                       fingerprint: int | str | None = None, series_keys: list[str | None] | None = None,
                       check: bool = True) -> AddedReport | None:
        """Store one report's extraction; None (and nothing written) when the report is already there.

        ``series_keys`` (one per claim, in order) are written with the claims; ``check=False`` skips the
        look-up for an existing report, for a caller that has just made it (``known_reports``).
        """
        report = extraction.report
        with self._write() as conn:
            if check and self._find_report(conn, report.id, report.url or None) is not None:
                return None
            if report.outlet and self._unstored("outlets", [report.outlet]):
                insert_ignore(conn, outlets, [{"name": report.outlet, "domain": _domain(report.url),
                                               "first_seen": rows.utcnow()}])
            report_row = rows.report_row(report, source_group=source_group, fingerprint=fingerprint)
            _prepared(conn, _reports_insert, report_row).run(conn, report_row).close()
            mention_rows, claim_rows = rows.extraction_rows(extraction)
            if series_keys is not None:
                for row, key in zip(claim_rows, series_keys):
                    row["series_key"] = key
            added = AddedReport(report.id)
            # one row at a time, each id read back as it is made: the ids (and rows) are those of one
            # multi-row INSERT ... RETURNING, in the same order
            if mention_rows:
                insert = _prepared(conn, _mentions_insert, mention_rows[0])
                added.mention_ids = [_returned(insert.run(conn, row)) for row in mention_rows]
                for row, mid in zip(mention_rows, added.mention_ids):
                    row["id"] = mid
                added.mention_rows = mention_rows
            if claim_rows:
                insert = _prepared(conn, _claims_insert, claim_rows[0])
                added.claim_ids = [_returned(insert.run(conn, row)) for row in claim_rows]
            place_rows = rows.place_rows(extraction.places)
            new = set(self._unstored("places", [r["gazetteer_id"] for r in place_rows]))
            fresh = [r for r in place_rows if r["gazetteer_id"] in new]
            if fresh:
                _prepared(conn, _places_insert, fresh[0]).run_many(conn, fresh)
            return added

    def known_reports(self, report_ids: Iterable[str], urls: Iterable[str]) -> tuple[set[str], set[str]]:
        """Which of these report ids and URLs are stored: (ids found, urls found), from two indexed queries."""
        ids, links = sorted(set(report_ids)), sorted({u for u in urls if u})
        found_ids: set[str] = set()
        found_urls: set[str] = set()
        with self._read() as conn:
            for chunk in _chunks(ids, 500):
                found_ids.update(conn.execute(select(reports.c.id).where(reports.c.id.in_(chunk))).scalars())
            for chunk in _chunks(links, 500):
                found_urls.update(conn.execute(select(reports.c.url).where(reports.c.url.in_(chunk))).scalars())
        return found_ids, found_urls

    def set_source_group(self, report_ids: Iterable[str], group: str | None) -> None:
        """Mark reports as copies/syndications of one story (they then count as one source)."""
        ids = list(report_ids)
        with self._write() as conn:
            conn.execute(update(reports).where(reports.c.id.in_(ids)).values(source_group=group))
            affected = select(incident_mentions.c.incident_id).join(
                mentions, mentions.c.id == incident_mentions.c.mention_id).where(mentions.c.report_id.in_(ids))
            for inc in conn.execute(affected.distinct()).scalars().all():
                self._recount(conn, inc)

    def set_series_key(self, claim_ids: Iterable[int], series_key: str | None) -> None:
        """Tag claims that count the same series (e.g. attacks on US forces since 2023-10-17)."""
        with self._write() as conn:
            conn.execute(update(claims).where(claims.c.id.in_(list(claim_ids))).values(series_key=series_key))

    def reports_fingerprints(self) -> Iterator[tuple[int | None, str]]:
        """(fingerprint as an int, source group or report id) of every stored report, streamed: read it to the
        end before writing through the same ledger."""
        stmt = select(reports.c.fingerprint, func.coalesce(reports.c.source_group, reports.c.id))
        # streamed in chunks (a server-side cursor on PostgreSQL): a caller reads it whole before it writes
        with self._read() as conn:
            for fp, grp in conn.execute(stmt, execution_options={"yield_per": 20000}):
                yield (int(fp, 16) if fp else None), grp

    def report(self, report_id: str) -> dict[str, Any] | None:
        with self._read() as conn:
            row = conn.execute(select(reports).where(reports.c.id == report_id)).first()
            return rows.row_dict(row) if row else None

    # -- incidents: writes -----------------------------------------------------------------------
    def create_incident(self, fields: Mapping[str, Any], mention_ids: Iterable[int]) -> str:
        """A new incident from merged ``fields`` and the mentions it is made of; returns its id.

        The id is ``inc_`` + 12 hex digits derived from the founding mentions' (report, ordinal), so the same
        resolution run gives the same ids. ``n_mentions``/``n_sources`` are kept by the ledger: a source is a
        report's ``source_group``, or the report itself when it has none. A mention linked elsewhere moves here.
        """
        ids = sorted(set(mention_ids))
        if not ids:
            raise ValueError("an incident needs at least one mention")
        values = rows.incident_values(fields, complete=True)
        with self._write() as conn:
            keys = conn.execute(select(mentions.c.report_id, mentions.c.ordinal)
                                .where(mentions.c.id.in_(ids))).all()
            if len(keys) != len(ids):
                raise ValueError("unknown mention id(s)")
            inc_id = self._new_incident_id(conn, sorted(f"{r}:{o}" for r, o in keys))
            now = rows.utcnow()
            conn.execute(incidents.insert(), [{**values, "id": inc_id, "created_at": now, "updated_at": now,
                                               "n_sources": 0, "n_mentions": 0}])
            self._set_weapons(conn, inc_id, values["weapons"])
            self._link(conn, inc_id, ids)
            return inc_id

    @staticmethod
    def _new_incident_id(conn: Connection, keys: list[str]) -> str:
        return next(candidate for candidate in _incident_ids(keys)
                    if conn.execute(select(incidents.c.id).where(incidents.c.id == candidate)).first() is None)

    def update_incident(self, incident_id: str, fields: Mapping[str, Any]) -> None:
        """Overwrite some merged fields of an incident (``updated_at`` is set)."""
        values = rows.incident_values(fields, complete=False)
        with self._write() as conn:
            res = conn.execute(update(incidents).where(incidents.c.id == incident_id)
                               .values(**values, updated_at=rows.utcnow()))
            if res.rowcount == 0:
                raise KeyError(incident_id)
            if "weapons" in values:
                self._set_weapons(conn, incident_id, values["weapons"])

    def link(self, incident_id: str, mention_ids: Iterable[int]) -> None:
        """Attach mentions to an incident. A mention linked to another incident moves; an incident left
        with no mention is deleted (every incident keeps at least one)."""
        ids = sorted(set(mention_ids))
        with self._write() as conn:
            if conn.execute(select(incidents.c.id).where(incidents.c.id == incident_id)).first() is None:
                raise KeyError(incident_id)
            self._link(conn, incident_id, ids)
            conn.execute(update(incidents).where(incidents.c.id == incident_id).values(updated_at=rows.utcnow()))

    def _link(self, conn: Connection, incident_id: str, ids: list[int]) -> None:
        if not ids:
            return
        before = set(conn.execute(select(incident_mentions.c.incident_id)
                                  .where(incident_mentions.c.mention_id.in_(ids))).scalars())
        upsert(conn, incident_mentions, [{"mention_id": m, "incident_id": incident_id} for m in ids],
               key=["mention_id"], update=["incident_id"])
        for other in sorted(before - {incident_id}):
            self._recount(conn, other)
        self._recount(conn, incident_id)

    def _recount(self, conn: Connection, incident_id: str) -> None:
        """Refresh n_mentions/n_sources from the links; delete the incident when none is left."""
        source = func.coalesce(reports.c.source_group, reports.c.id)
        n_mentions, n_sources = conn.execute(
            select(func.count(), func.count(source.distinct()))
            .select_from(incident_mentions.join(mentions, mentions.c.id == incident_mentions.c.mention_id)
                         .join(reports, reports.c.id == mentions.c.report_id))
            .where(incident_mentions.c.incident_id == incident_id)).one()
        if n_mentions == 0:
            conn.execute(delete(incident_weapons).where(incident_weapons.c.incident_id == incident_id))
            conn.execute(delete(incidents).where(incidents.c.id == incident_id))
            return
        conn.execute(update(incidents).where(incidents.c.id == incident_id)
                     .values(n_mentions=n_mentions, n_sources=n_sources))

    @staticmethod
    def _set_weapons(conn: Connection, incident_id: str, weapons: Iterable[str]) -> None:
        conn.execute(delete(incident_weapons).where(incident_weapons.c.incident_id == incident_id))
        names = sorted(set(weapons))
        if names:
            conn.execute(incident_weapons.insert(), [{"incident_id": incident_id, "weapon": w} for w in names])

    def insert_resolved_incident(self, fields: Mapping[str, Any], links: list[tuple[int, str, int]],
                                 n_sources: int, now: datetime | None = None) -> str:
        """A new incident made by resolution from mentions not linked anywhere yet; returns its id.

        ``links``: (mention id, report id, ordinal) of each founding mention; ``n_sources`` is the number of
        distinct sources among them. What ``create_incident`` writes, without reading back what the caller
        already knows (the mentions' keys, the link counts): one id check and three inserts. ``now``: its
        ``created_at`` and ``updated_at`` (default: the current time).
        """
        if not links:
            raise ValueError("an incident needs at least one mention")
        values = rows.incident_values(fields, complete=True)
        ids = sorted({m for m, _, _ in links})
        with self._write() as conn:
            now = now or rows.utcnow()
            row = {**values, "created_at": now, "updated_at": now, "n_sources": n_sources, "n_mentions": len(ids)}
            # the id's check and the insert in one statement: a clash inserts nothing, and the next id is tried
            row["id"] = ""
            insert = _prepared(conn, _incident_insert, row)
            for inc_id in _incident_ids(sorted({f"{r}:{o}" for _, r, o in links})):
                row["id"] = inc_id
                if _returned(insert.run(conn, row)) is not None:
                    break
            names = sorted(set(values["weapons"]))
            if names:
                _prepared(conn, _weapons_insert, _WEAPON_KEYS).run_many(
                    conn, [{"incident_id": inc_id, "weapon": w} for w in names])
            _prepared(conn, _links_insert, _LINK_KEYS).run_many(
                conn, [{"mention_id": m, "incident_id": inc_id} for m in ids])
            return inc_id

    def extend_resolved_incident(self, incident_id: str, fields: Mapping[str, Any], mention_ids: Iterable[int], *,
                                 n_mentions: int, n_sources: int, old_weapons: Iterable[str] | None = None,
                                 now: datetime | None = None) -> None:
        """Link new, unlinked mentions to an incident and overwrite its merged ``fields`` and counts.

        What ``link`` + ``update_incident`` write for mentions that belong to no incident yet, in one insert
        and one update; the weapon rows change only where ``fields["weapons"]`` differs from ``old_weapons``
        (None: rewritten). ``now``: the ``updated_at`` to write (default: the current time).
        """
        values = rows.incident_values(fields, complete=False)
        ids = sorted(set(mention_ids))
        with self._write() as conn:
            if ids:
                _prepared(conn, _links_insert, _LINK_KEYS).run_many(
                    conn, [{"mention_id": m, "incident_id": incident_id} for m in ids])
            row = {**values, "n_mentions": n_mentions, "n_sources": n_sources, "updated_at": now or rows.utcnow(),
                   "b_incident_id": incident_id}
            cur = _prepared(conn, _incident_update, row).run(conn, row)
            changed = cur.rowcount
            cur.close()
            if changed == 0:
                raise KeyError(incident_id)
            if "weapons" not in values:
                return
            new = set(values["weapons"])
            if old_weapons is None:
                self._set_weapons(conn, incident_id, new)
                return
            old = set(old_weapons)
            if old - new:
                conn.execute(delete(incident_weapons).where(incident_weapons.c.incident_id == incident_id,
                                                            incident_weapons.c.weapon.in_(sorted(old - new))))
            if new - old:
                _prepared(conn, _weapons_insert, _WEAPON_KEYS).run_many(
                    conn, [{"incident_id": incident_id, "weapon": w} for w in sorted(new - old)])

    # -- incidents: reads ------------------------------------------------------------------------
    def incident(self, incident_id: str) -> dict[str, Any] | None:
        """One incident with its mentions (each with its report's source, url, outlet, published, evidence)."""
        with self._read() as conn:
            row = conn.execute(select(incidents).where(incidents.c.id == incident_id)).first()
            if row is None:
                return None
            out = rows.row_dict(row)
            out["mentions"] = self._mentions(conn, incidents_ids=[incident_id])
            return out

    def mentions_of(self, incident_id: str) -> list[dict[str, Any]]:
        """The mentions linked to an incident, with their reports' source, url, outlet and published."""
        with self._read() as conn:
            return self._mentions(conn, incidents_ids=[incident_id])

    def mentions_of_many(self, incident_ids: Iterable[str], *, evidence: bool = True) -> dict[str, list[dict[str, Any]]]:
        """``mentions_of`` for many incidents at once (one query per 500): incident id -> its mentions, in
        the order ``mentions_of`` gives them (an incident with none is absent). ``evidence=False`` leaves out
        the evidence spans (what resolution reads: it compares values, not quotes)."""
        ids = list(dict.fromkeys(incident_ids))
        out: dict[str, list[dict[str, Any]]] = {}
        cols = [c for c in mentions.c if evidence or c.name != "evidence"]
        with self._read() as conn:
            for chunk in _chunks(ids, 500):
                stmt = (select(*cols, incident_mentions.c.incident_id, reports.c.source, reports.c.url,
                               reports.c.outlet, reports.c.published, reports.c.title, reports.c.source_group)
                        .join(incident_mentions, incident_mentions.c.mention_id == mentions.c.id)
                        .join(reports, reports.c.id == mentions.c.report_id)
                        .where(incident_mentions.c.incident_id.in_(chunk))
                        .order_by(reports.c.published, mentions.c.id))
                for m in rows.row_dicts(conn.execute(stmt)):
                    out.setdefault(m["incident_id"], []).append(m)
        return out

    @staticmethod
    def _mentions(conn: Connection, *, incidents_ids: list[str]) -> list[dict[str, Any]]:
        stmt = (select(mentions, incident_mentions.c.incident_id, reports.c.source, reports.c.url,
                       reports.c.outlet, reports.c.published, reports.c.title, reports.c.source_group)
                .join(incident_mentions, incident_mentions.c.mention_id == mentions.c.id)
                .join(reports, reports.c.id == mentions.c.report_id)
                .where(incident_mentions.c.incident_id.in_(incidents_ids))
                .order_by(reports.c.published, mentions.c.id))
        return rows.row_dicts(conn.execute(stmt))

    def mention(self, mention_id: int) -> dict[str, Any] | None:
        with self._read() as conn:
            row = conn.execute(select(mentions).where(mentions.c.id == mention_id)).first()
            return rows.row_dict(row) if row else None

    def unresolved_mentions(self, limit: int | None = None, *, page: int = 1000) -> Iterator[dict[str, Any]]:
        """Mentions not yet linked to any incident, in id order, with their report's publication date.

        Read in pages by mention id, so a caller may link mentions while it iterates (inside a batch too).
        """
        after, left = 0, limit
        while left is None or left > 0:
            size = page if left is None else min(page, left)
            stmt = (select(mentions, reports.c.published, reports.c.source_group)
                    .join(reports, reports.c.id == mentions.c.report_id)
                    .outerjoin(incident_mentions, incident_mentions.c.mention_id == mentions.c.id)
                    .where(incident_mentions.c.mention_id.is_(None), mentions.c.id > after)
                    .order_by(mentions.c.id).limit(size))
            with self._read() as conn:
                found = [rows.row_dict(r) for r in conn.execute(stmt)]
            yield from found
            if len(found) < size:
                return
            after = found[-1]["id"]
            if left is not None:
                left -= len(found)

    def candidate_incidents(self, date_from: date | str | None, date_to: date | str | None, *,
                            country: str | None = None, lat: float | None = None, lon: float | None = None,
                            radius_km: float | None = None, limit: int = 200,
                            columns: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Incidents a new mention may belong to: in the date window and near (lat, lon) or in ``country``.

        ``columns``: the incident columns to read (``id``, ``latitude`` and ``longitude`` always); default all.

        A blocking query on indexes (date, country, latitude/longitude), never a full scan; with
        coordinates each result carries ``distance_km`` and those beyond ``radius_km`` are dropped.
        """
        boxed = lat is not None and lon is not None and date_from is not None and date_to is not None
        if boxed:
            south, north, west, east = queries.bounding_box(lat, lon, radius_km if radius_km is not None else 50.0)
            if west >= -180.0 and east <= 180.0:  # the usual box, in a statement made once (bound values only)
                stmt = _boxed_select(None if columns is None else tuple(columns), bool(country))
                params = {"d0": queries._as_date(date_from), "d1": queries._as_date(date_to), "south": south,
                          "north": north, "west": west, "east": east, "cc": country.upper() if country else None}
                with self._read() as conn:
                    found = prepared_select(conn.dialect, stmt).rows(conn, params)
                found = sorted(found, key=lambda r: (r["date"], r["id"]))[:limit]
                return self._within(found, lat, lon, radius_km)
        if lat is None and lon is None and country and date_from is not None and date_to is not None:
            # a country's incidents of a date window (a mention placed no closer): a statement made once
            stmt = _country_select(None if columns is None else tuple(columns), limit)
            params = {"d0": queries._as_date(date_from), "d1": queries._as_date(date_to), "cc": country.upper()}
            with self._read() as conn:
                return prepared_select(conn.dialect, stmt).rows(conn, params)
        stmt = queries.candidates_select(date_from, date_to, country=country, lat=lat, lon=lon,
                                         radius_km=radius_km, limit=limit)
        if columns is not None:  # only these (and what the distance needs): no JSON to parse that nobody reads
            names = list(dict.fromkeys(["id", "date", "latitude", "longitude", *columns]))
            stmt = stmt.with_only_columns(*(incidents.c[n] for n in names))
        if boxed:
            # the same rows, sorted here: with ORDER BY the planners walk the (date, id) index reading every
            # row of the days, and with an indexable box they scan a band of latitude over all time; this way
            # they walk the days of the (date, latitude, longitude) index and test the box there
            stmt = (select(*(stmt.selected_columns))
                    .where(incidents.c.date.between(queries._as_date(date_from), queries._as_date(date_to)),
                           _place_terms(incidents, country=country, lat=lat, lon=lon, radius_km=radius_km,
                                        unindexed=True)))
        with self._read() as conn:
            found = rows.row_dicts(conn.execute(stmt))
        if boxed:
            found = sorted(found, key=lambda r: (r["date"], r["id"]))[:limit]
        return self._within(found, lat, lon, radius_km)

    def candidate_incidents_undated(self, published_from: date, published_to: date, date_from: date,
                                    date_to: date, *, spans: Mapping[str, tuple[date, date]],
                                    country: str | None = None, lat: float | None = None,
                                    lon: float | None = None, radius_km: float | None = None, limit: int = 200,
                                    columns: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Incidents a mention with no date of its own may belong to, near (lat, lon) or in ``country``: those
        dated ``date_from``..``date_to`` (a day) or, by precision (week, month, year, range), within
        ``spans[precision]``, and undated ones with a mention whose report was published
        ``published_from``..``published_to`` (or has no publication date).

        Both halves walk indexes bounded by the time window (incident date; report publication date), never
        every incident of the place. The undated ones come first on SQLite and last on PostgreSQL (where each
        database sorts a NULL date), each half in ``candidate_incidents``'s order, ``limit`` in all.
        """
        where = dict(country=country, lat=lat, lon=lon, radius_km=radius_km)
        box = None if lat is None or lon is None else \
            queries.bounding_box(lat, lon, radius_km if radius_km is not None else 50.0)
        precisions = tuple(p for p in _SPAN_PRECISIONS if p in spans)
        params: dict[str, Any] = {}
        if (box is None and country) or (box is not None and box[2] >= -180.0 and box[3] <= 180.0):
            # the usual shapes, in statements made once (bound values only)
            q = _undated_selects(None if columns is None else tuple(columns), precisions, box is not None,
                                 bool(country), limit)
            params = {"d0": date_from, "d1": date_to, "p0": published_from, "p1": published_to,
                      "cc": country.upper() if country else None}
            if box is not None:
                params.update(zip(("south", "north", "west", "east"), box))
            for p in precisions:
                params[f"{p}_0"], params[f"{p}_1"] = spans[p]
        else:  # a box across the antimeridian: the same statements, made for these values
            cols = _candidate_columns(None if columns is None else tuple(columns))
            days = (select(*cols).where(incidents.c.date.between(date_from, date_to), _place_terms(incidents, **where))
                    .order_by(incidents.c.date, incidents.c.id).limit(limit))
            span_selects = union_all(*(select(*cols).where(incidents.c.date_precision == p,
                                                           incidents.c.date.between(*spans[p]),
                                                           _place_terms(incidents, unindexed=True, **where))
                                       for p in precisions)) if precisions else None
            near = _place_terms(mentions, unindexed=True, **where)
            q = _UndatedSelects(days, span_selects, *(_linked_select(when, near) for when in (
                reports.c.published.between(published_from, published_to), reports.c.published.is_(None))),
                _by_ids_select(None if columns is None else tuple(columns)))
        test = _place_test(**where)
        with self._read() as conn:
            if q.prepared:  # the statements made once for these shapes: run on the driver's cursor
                dialect = conn.dialect
                ids = sorted({i for stmt in (q.linked_published, q.linked_unpublished)
                              for i in prepared_select(dialect, stmt).scalars(conn, params)})
                found_rows = lambda stmt: prepared_select(dialect, stmt).rows(conn, params)
            else:
                ids = sorted({i for stmt in (q.linked_published, q.linked_unpublished)
                              for i in conn.execute(stmt, params).scalars()})
                found_rows = lambda stmt: rows.row_dicts(conn.execute(stmt, params))
            no_date = [r for chunk in _chunks(ids, 500)
                       for r in rows.row_dicts(conn.execute(q.by_ids, {"ids": chunk}))
                       if r["date"] is None and test(r)]
            no_date.sort(key=lambda r: r["id"])
            # two walks of two indexes rather than one OR, which would lead the planners to scan the place
            by_id = {r["id"]: r for stmt in (q.days, q.spans) if stmt is not None for r in found_rows(stmt)}
        dated = sorted(by_id.values(), key=lambda r: (r["date"], r["id"]))
        found = (no_date + dated if self.dialect == "sqlite" else dated + no_date)[:limit]
        return self._within(found, lat, lon, radius_km)

    @staticmethod
    def _within(found: list[dict[str, Any]], lat: float | None, lon: float | None,
                radius_km: float | None) -> list[dict[str, Any]]:
        """Candidates with ``distance_km`` set, those beyond the radius dropped (all kept without a point)."""
        if lat is None or lon is None:
            return found
        radius = radius_km if radius_km is not None else 50.0
        out = []
        for inc in found:
            if inc["latitude"] is None or inc["longitude"] is None:
                inc["distance_km"] = None
                out.append(inc)
                continue
            inc["distance_km"] = queries.haversine_km(lat, lon, inc["latitude"], inc["longitude"])
            if inc["distance_km"] <= radius:
                out.append(inc)
        return out

    def incidents(self, since: date | str | None = None, until: date | str | None = None,
                  country: str | None = None, actor: str | None = None, weapon: str | None = None,
                  grade: str | None = None, type: str | None = None, limit: int | None = None,
                  offset: int = 0, order: str = "date", *, with_sources: bool = False) -> Iterator[dict[str, Any]]:
        """Incidents matching the filters, streamed. ``with_sources`` adds ``sources``: one entry per
        report behind the incident (report_id, outlet, url, published, evidence of its first mention)."""
        stmt = queries.incidents_select(since=since, until=until, country=country, actor=actor, weapon=weapon,
                                        grade=grade, type=type, limit=limit, offset=offset, order=order)
        stream = self._stream(stmt)
        return self._with_sources(stream) if with_sources else stream

    def _with_sources(self, stream: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        chunk: list[dict[str, Any]] = []
        for inc in stream:
            chunk.append(inc)
            if len(chunk) >= SOURCE_CHUNK:
                yield from self._attach_sources(chunk)
                chunk = []
        if chunk:
            yield from self._attach_sources(chunk)

    def _attach_sources(self, chunk: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # a second connection: the stream's cursor stays open on the first (PostgreSQL server-side cursor)
        with self.engine.connect() if self._conn is None else self._read() as conn:
            found = self._mentions(conn, incidents_ids=[i["id"] for i in chunk])
        by_incident: dict[str, dict[str, dict[str, Any]]] = {}
        for m in found:
            sources = by_incident.setdefault(m["incident_id"], {})
            if m["report_id"] not in sources:
                sources[m["report_id"]] = {"report_id": m["report_id"], "outlet": m["outlet"], "url": m["url"],
                                           "published": m["published"], "source": m["source"],
                                           "evidence": m["evidence"]}
        for inc in chunk:
            inc["sources"] = list(by_incident.get(inc["id"], {}).values())
        return chunk

    def incident_page(self, since: date | str | None = None, until: date | str | None = None,
                      country: str | None = None, actor: str | None = None, weapon: str | None = None,
                      grade: str | None = None, type: str | None = None, *, limit: int, offset: int = 0,
                      order: str = "date", columns: Iterable[str] | None = None,
                      with_sources: bool = False, after: str | None = None) -> list[dict[str, Any]]:
        """One page of ``incidents()`` (same filters, order and ``sources``) as JSON-ready dicts, for an API.

        Values come as the JSON encoder should write them: dates and timestamps as ISO 8601 strings (what
        ``isoformat()`` gives), JSON columns parsed. Only the ``columns`` named are read (default: all; ``id``
        always). ``after`` is a keyset cursor (``queries.cursor_of`` the previous page's last row; a bad one
        raises ``queries.BadCursor``): the page starts right after that row, found through the index however
        deep it is, where ``offset`` walks every row it skips; the two do not combine.

        The page is read with SQL run on the driver's own cursor (``queries.page_sql``: nothing is built or
        compiled per call), and its sources with one more query, in one read transaction.
        """
        names = list(dict.fromkeys(["id", *(columns if columns is not None else incidents.c.keys())]))
        unknown = [n for n in names if n not in incidents.c]
        if unknown:
            raise ValueError(f"unknown incident column(s): {', '.join(unknown)}")
        dialect = self.dialect
        page = queries.page_sql(dialect, names, limit=limit, offset=offset, order=order, after=after,
                                since=since, until=until, country=country, actor=actor, weapon=weapon,
                                grade=grade, type=type)
        # SQLite already gives timestamps as isoformat() text (converted in SQL) and dates as ISO text
        convert = [(n, _RAW_CONVERT[n]) for n in names if n in _RAW_CONVERT
                   and not (dialect == "sqlite" and (n in queries.TIMESTAMP_COLUMNS or n == "date"))]
        from sqlalchemy.exc import DBAPIError

        driver_error = self.engine.dialect.loaded_dbapi.Error
        with self._read() as conn:
            dbapi = conn.connection
            own = self._conn is None  # not inside a batch: this read ends its own transaction
            cur = dbapi.cursor()
            sql, args = "BEGIN", []
            try:
                if own and dialect == "sqlite":
                    cur.execute(sql)  # the page and its sources from one snapshot
                found: list[Any] = []
                for sql, args in page.parts:
                    cur.execute(sql, args)
                    found += cur.fetchall()
                    if len(found) >= limit:
                        break
                out = [dict(zip(names, row)) for row in found[:limit]]
                if convert:
                    for item in out:
                        for name, fn in convert:
                            item[name] = fn(item[name])
                if with_sources and out:
                    sql, args = "page sources", []
                    by_incident = self._page_sources(cur, dialect, [i["id"] for i in out])
                    for item in out:
                        item["sources"] = by_incident.get(item["id"], [])
            except driver_error as exc:  # raised as SQLAlchemy's, like every other read's errors
                raise DBAPIError.instance(sql, args, exc, driver_error, dialect=self.engine.dialect) from exc
            finally:
                cur.close()
                if own:
                    try:
                        dbapi.driver_connection.rollback()
                    except driver_error:
                        pass  # a connection that broke mid-read: the pool discards it
        return out

    @staticmethod
    def _page_sources(cur: Any, dialect: str, incident_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """Per incident, one entry per report behind it (as ``incidents(with_sources=True)`` gives), from one
        query over all the incidents on the driver's cursor ``cur``; only the evidence that is kept is parsed."""
        ids: Any = orjson.dumps(incident_ids).decode() if dialect == "sqlite" else list(incident_ids)
        cur.execute(queries.page_sources_sql(dialect), (ids,))
        seen: dict[str, dict[str, dict[str, Any]]] = {}
        for inc_id, report_id, outlet, url, published, source, evidence in cur.fetchall():
            sources = seen.setdefault(inc_id, {})
            if report_id not in sources:
                sources[report_id] = {"report_id": report_id, "outlet": outlet, "url": url,
                                      "published": _iso(published), "source": source,
                                      "evidence": _json(evidence)}
        return {inc_id: list(sources.values()) for inc_id, sources in seen.items()}

    def claims(self, report_id: str | None = None, series_key: str | None = None, unit: str | None = None,
               speaker: str | None = None, since: date | str | None = None, until: date | str | None = None,
               limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:
        """Stored claims, each with its report's source, url, outlet, published and source_group."""
        return self._stream(queries.claims_select(report_id=report_id, series_key=series_key, unit=unit,
                                                  speaker=speaker, since=since, until=until, limit=limit,
                                                  offset=offset))

    def counts(self, by: str, **filters: Any) -> list[tuple[Any, int]]:
        """Incident counts grouped in SQL: by day, week (its Monday), month, country, actor, weapon, type or
        grade; ``filters`` are those of ``incidents()``."""
        with self._read() as conn:
            return [(k, int(n)) for k, n in conn.execute(queries.counts_select(by, **filters))]

    def tally(self, since: date | str | None = None, until: date | str | None = None,
              countries: list[str] | None = None, kind: str | None = None) -> list[dict[str, Any]]:
        """Incidents, killed and injured in a scope, per grade and whether the attack was disrupted (SQL)."""
        with self._read() as conn:
            return [rows.row_dict(r) for r in conn.execute(queries.tally_select(since, until, countries, kind))]

    def stats(self) -> dict[str, int]:
        """Row counts of every table."""
        with self._read() as conn:
            return {name: int(conn.execute(select(func.count()).select_from(schema.metadata.tables[name])).scalar())
                    for name in schema.TABLES}


def _prepared(conn: Connection, build: Any, row: Iterable[str]) -> Prepared:
    """``build``'s statement prepared for the connection's dialect with ``row``'s keys as its bound columns."""
    return prepared(conn.dialect, build, tuple(row))


def _returned(cur: Any) -> Any:
    """The first value of the row a statement's RETURNING gave (None when it gave none); closes the cursor."""
    try:
        found = cur.fetchone()
    finally:
        cur.close()
    return None if found is None else found[0]


_WEAPON_KEYS = ("incident_id", "weapon")
_LINK_KEYS = ("mention_id", "incident_id")


# the frequent writes, as ``prepared`` builds them (one function per statement, so each is prepared once)
def _reports_insert(dialect: str) -> Any:
    return reports.insert()


def _mentions_insert(dialect: str) -> Any:
    return mentions.insert().returning(mentions.c.id)


def _claims_insert(dialect: str) -> Any:
    return claims.insert().returning(claims.c.id)


def _places_insert(dialect: str) -> Any:
    return _insert_ignore_stmt(dialect, places, False)


def _incident_insert(dialect: str) -> Any:
    return _insert_ignore_stmt(dialect, incidents, True)


def _incident_update(dialect: str) -> Any:
    return update(incidents).where(incidents.c.id == bindparam("b_incident_id"))


def _weapons_insert(dialect: str) -> Any:
    return incident_weapons.insert()


def _links_insert(dialect: str) -> Any:
    return incident_mentions.insert()


def _place_terms(table: Any, *, country: str | None, lat: float | None, lon: float | None,
                 radius_km: float | None, unindexed: bool = False) -> Any:
    """The place test of ``queries.candidates_select`` on any table with latitude, longitude and country;
    ``unindexed`` writes the tests so that no index on latitude, longitude or country alone is used."""
    cc = table.c.country.concat("") if unindexed else table.c.country
    la, lo = (table.c.latitude + 0, table.c.longitude + 0) if unindexed else (table.c.latitude, table.c.longitude)
    if lat is not None and lon is not None:
        south, north, west, east = queries.bounding_box(lat, lon, radius_km if radius_km is not None else 50.0)
        lon_terms: list[Any] = [lo.between(max(west, -180.0), min(east, 180.0))]
        if west < -180.0:
            lon_terms.append(lo >= west + 360.0)
        if east > 180.0:
            lon_terms.append(lo <= east - 360.0)
        place = [and_(la.between(south, north), or_(*lon_terms))]
        if country:
            place.append(and_(cc == country.upper(), table.c.latitude.is_(None)))
        return or_(*place)
    if country:
        return cc == country.upper()
    raise ValueError("a place test needs a point or a country")


@lru_cache(maxsize=16)
def _boxed_select(columns: tuple[str, ...] | None, with_country: bool) -> Any:
    """``candidate_incidents``'s query for a date window and a box that does not cross the antimeridian, with
    bound parameters d0, d1, south, north, west, east (and cc): built and compiled once, not per mention."""
    names = list(incidents.c.keys()) if columns is None else \
        list(dict.fromkeys(["id", "date", "latitude", "longitude", *columns]))
    return select(*(incidents.c[n] for n in names)).where(
        incidents.c.date.between(bindparam("d0", type_=Date), bindparam("d1", type_=Date)),
        _place_terms_bound(incidents, True, with_country, unindexed=True))


def _place_terms_bound(table: Any, point: bool, country: bool, unindexed: bool = False) -> Any:
    """``_place_terms`` with bound parameters (south, north, west, east for a box that does not cross the
    antimeridian; cc for the country) in place of values: one statement for every mention."""
    cc = table.c.country.concat("") if unindexed else table.c.country
    la, lo = (table.c.latitude + 0, table.c.longitude + 0) if unindexed else (table.c.latitude, table.c.longitude)
    if point:
        place = and_(la.between(bindparam("south"), bindparam("north")), lo.between(bindparam("west"), bindparam("east")))
        return or_(place, and_(cc == bindparam("cc"), table.c.latitude.is_(None))) if country else place
    return cc == bindparam("cc")


@dataclass(frozen=True)
class _UndatedSelects:
    """The statements ``candidate_incidents_undated`` runs: dated incidents of the days and of the spans, the
    ids of undated ones linked to mentions of reports published in the window or undated, and rows by id."""

    days: Any
    spans: Any
    linked_published: Any
    linked_unpublished: Any
    by_ids: Any
    prepared: bool = False  # made once, with bound parameters (``_undated_selects``), not for one call's values


def _candidate_columns(columns: tuple[str, ...] | None) -> Any:
    """The incident columns the undated candidates are read with (``id``, ``date`` and the place always)."""
    return (incidents.c if columns is None else
            [incidents.c[n] for n in dict.fromkeys(["id", "date", "country", "latitude", "longitude", *columns])])


def _linked_select(when: Any, near: Any) -> Any:
    """The incidents linked to undated mentions near the place, of reports published ``when``.

    An undated incident has only undated mentions, and its place is one of theirs: found from the reports
    published in the window (an index range), never from every undated incident of the place. (The mention
    tests use no index of their own: ``date_end`` is NULL wherever ``date`` is, and ``country || ''`` keeps
    the planners on the publication date, the one bounded range.)"""
    return (select(incident_mentions.c.incident_id)
            .select_from(reports.join(mentions, mentions.c.report_id == reports.c.id)
                         .join(incident_mentions, incident_mentions.c.mention_id == mentions.c.id))
            .where(when, mentions.c.date_end.is_(None), near))


@lru_cache(maxsize=16)
def _by_ids_select(columns: tuple[str, ...] | None) -> Any:
    """Incidents by id, the ids bound as ``ids`` (a list)."""
    return select(*_candidate_columns(columns)).where(incidents.c.id.in_(bindparam("ids", expanding=True)))


@lru_cache(maxsize=16)
def _undated_selects(columns: tuple[str, ...] | None, precisions: tuple[str, ...], point: bool, country: bool,
                     limit: int) -> _UndatedSelects:
    """``candidate_incidents_undated``'s statements, with bound parameters: d0, d1 (the days), p0, p1 (the
    publication window), ``<precision>_0``/``_1`` (each span), and the place's (``_place_terms_bound``)."""
    cols = _candidate_columns(columns)
    day = lambda name: bindparam(name, type_=Date)  # noqa: E731
    days = (select(*cols).where(incidents.c.date.between(day("d0"), day("d1")),
                                _place_terms_bound(incidents, point, country))
            .order_by(incidents.c.date, incidents.c.id).limit(limit))
    # one equality per precision: each an index seek on (date_precision, date), never a walk of the dates
    spans = union_all(*(select(*cols).where(incidents.c.date_precision == p,
                                            incidents.c.date.between(day(f"{p}_0"), day(f"{p}_1")),
                                            _place_terms_bound(incidents, point, country, unindexed=True))
                        for p in precisions)) if precisions else None
    near = _place_terms_bound(mentions, point, country, unindexed=True)
    return _UndatedSelects(days, spans, _linked_select(reports.c.published.between(day("p0"), day("p1")), near),
                           _linked_select(reports.c.published.is_(None), near), _by_ids_select(columns),
                           prepared=True)


@lru_cache(maxsize=16)
def _country_select(columns: tuple[str, ...] | None, limit: int) -> Any:
    """``candidate_incidents``'s query for a date window and a country (no point), with bound parameters d0, d1
    and cc: ``queries.candidates_select`` with those values, made once."""
    names = list(incidents.c.keys()) if columns is None else \
        list(dict.fromkeys(["id", "date", "latitude", "longitude", *columns]))
    return (select(*(incidents.c[n] for n in names))
            .where(incidents.c.date >= bindparam("d0", type_=Date), incidents.c.date <= bindparam("d1", type_=Date),
                   incidents.c.country == bindparam("cc"))
            .order_by(incidents.c.date, incidents.c.id).limit(limit))


def _place_test(*, country: str | None, lat: float | None, lon: float | None,
                radius_km: float | None) -> Any:
    """``_place_terms`` as a test of an incident row in Python."""
    cc = country.upper() if country else None
    if lat is not None and lon is not None:
        south, north, west, east = queries.bounding_box(lat, lon, radius_km if radius_km is not None else 50.0)

        def near(r: Mapping[str, Any]) -> bool:
            y, x = r["latitude"], r["longitude"]
            if y is None:
                return cc is not None and r["country"] == cc
            if x is None or not south <= y <= north:
                return False
            return (max(west, -180.0) <= x <= min(east, 180.0) or (west < -180.0 and x >= west + 360.0)
                    or (east > 180.0 and x <= east - 360.0))
        return near
    return lambda r: r["country"] == cc


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname
    return host[4:] if host and host.startswith("www.") else host


def _iso(value: Any) -> Any:
    """A date as ``YYYY-MM-DD`` (SQLite already stores that text)."""
    return value if value is None or isinstance(value, str) else value.isoformat()


def _iso_timestamp(value: Any) -> Any:
    """A timestamp as ``datetime.isoformat()`` writes it (SQLite stores ``YYYY-MM-DD HH:MM:SS.ffffff``)."""
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) == 26 and value[10] == " " and value[19] == ".":  # SQLAlchemy's SQLite text
            return value[:10] + "T" + (value[11:19] if value.endswith(".000000") else value[11:])
        value = datetime.fromisoformat(value)
    return value.isoformat()


def _json(value: Any) -> Any:
    """A JSON column's value parsed (SQLite gives the text; psycopg has parsed JSONB already)."""
    return orjson.loads(value) if isinstance(value, (str, bytes)) else value


_RAW_CONVERT = {
    "created_at": _iso_timestamp, "updated_at": _iso_timestamp, "date": _iso,
    "weapons": _json, "conflicts": _json, "candidates": _json,
}
