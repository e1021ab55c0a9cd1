"""The ledger's read queries as SQLAlchemy selects: filters, ordering, GROUP BY counts, blocking; and the
incident list's pages as driver-level SQL with keyset cursors (``page_sql``).

Every filter maps onto an indexed column, so list queries stay range scans at millions of incidents.
"""
from __future__ import annotations

import base64
import binascii
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import orjson
from sqlalchemy import Select, and_, func, or_, select

from tallylog.store.schema import claims, incident_weapons, incidents, reports
from tallylog.store.sql import PERIODS, period_key

ORDERS = {
    "date": (incidents.c.date, incidents.c.id),
    "-date": (incidents.c.date.desc(), incidents.c.id.desc()),
    "updated": (incidents.c.updated_at, incidents.c.id),
    "-updated": (incidents.c.updated_at.desc(), incidents.c.id.desc()),
    "id": (incidents.c.id,),
}
COUNT_BY = ("day", "week", "month", "country", "actor", "weapon", "type", "grade")
KM_PER_DEGREE = 111.32
_PLAIN_NAME = re.compile(r"[a-z0-9_]+")  # written as is inside JSON strings


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def incident_filters(*, since: date | str | None = None, until: date | str | None = None,
                     country: str | None = None, actor: str | None = None, weapon: str | None = None,
                     grade: str | None = None, type: str | None = None, weapon_in_row: bool = False) -> list[Any]:
    """WHERE terms for the incident list filters.

    ``since``/``until`` bound the incident date (inclusive); ``country`` is ISO alpha-2; ``actor`` matches
    actor1 or actor2 exactly, or as a LIKE pattern when it holds ``%``; ``type`` matches the ACLED
    event type, sub-event type or our ``kind``; ``weapon`` is one of ``model.WEAPONS``.

    ``weapon_in_row`` (SQLite) tests the weapon in the row's own ``weapons`` JSON text rather than probing
    ``incident_weapons`` (the ledger keeps both the same): a listing that walks the date index and reads
    each row anyway then does no second lookup per row, about three times faster.
    """
    terms: list[Any] = []
    if since is not None:
        terms.append(incidents.c.date >= _as_date(since))
    if until is not None:
        terms.append(incidents.c.date <= _as_date(until))
    if country:
        terms.append(incidents.c.country == country.upper())
    if actor:
        if "%" in actor:
            terms.append(or_(incidents.c.actor1.like(actor), incidents.c.actor2.like(actor)))
        else:
            terms.append(or_(incidents.c.actor1 == actor, incidents.c.actor2 == actor))
    if weapon and weapon_in_row and _PLAIN_NAME.fullmatch(weapon):
        terms.append(func.instr(incidents.c.weapons, f'"{weapon}"') > 0)
    elif weapon:
        # EXISTS probes the (incident_id, weapon) key per row, so a date-ordered walk stops at LIMIT
        terms.append(select(incident_weapons.c.incident_id).where(
            incident_weapons.c.incident_id == incidents.c.id, incident_weapons.c.weapon == weapon).exists())
    if grade:
        terms.append(incidents.c.grade == grade)
    if type:
        terms.append(or_(incidents.c.event_type == type, incidents.c.sub_event_type == type,
                         incidents.c.kind == type))
    return terms


def incidents_select(*, limit: int | None = None, offset: int = 0, order: str = "date",
                     columns: Sequence[Any] | None = None, **filters: Any) -> Select[Any]:
    """The filtered, ordered incidents: every column, or only ``columns`` (column expressions); ``filters``
    are ``incident_filters``'s."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {sorted(ORDERS)}, not {order!r}")
    stmt = (select(*columns).select_from(incidents) if columns is not None else select(incidents))
    stmt = stmt.where(*incident_filters(**filters)).order_by(*ORDERS[order])
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return stmt


def counts_select(by: str, **filters: Any) -> Select[Any]:
    """``SELECT key, count(*) ... GROUP BY key`` over the filtered incidents."""
    where = incident_filters(**filters)
    n = func.count().label("n")
    if by in PERIODS:
        key = period_key(incidents.c.date, by).label("key")
        return (select(key, n).where(incidents.c.date.is_not(None), *where)
                .group_by(key).order_by(key))
    if by == "weapon":
        # the filtered incidents first (materialised), then their weapons: the planner cannot start from a
        # scan of every weapon row
        chosen = select(incidents.c.id).where(*where).cte("chosen").prefix_with("MATERIALIZED")
        key = incident_weapons.c.weapon.label("key")
        return (select(key, n).select_from(chosen.join(incident_weapons, incident_weapons.c.incident_id == chosen.c.id))
                .group_by(key).order_by(n.desc(), key))
    columns = {"country": incidents.c.country, "actor": incidents.c.actor1, "type": incidents.c.event_type,
               "grade": incidents.c.grade}
    if by not in columns:
        raise ValueError(f"count by one of {COUNT_BY}, not {by!r}")
    key = columns[by].label("key")
    return select(key, n).where(*where).group_by(key).order_by(n.desc(), key)


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """(south, north, west, east) of a box holding every point within ``radius_km`` of (lat, lon)."""
    dlat = radius_km / KM_PER_DEGREE
    coslat = math.cos(math.radians(lat))
    dlon = 180.0 if coslat < 1e-6 else min(180.0, radius_km / (KM_PER_DEGREE * coslat))
    return max(-90.0, lat - dlat), min(90.0, lat + dlat), lon - dlon, lon + dlon


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def candidates_select(date_from: date | str | None, date_to: date | str | None, *, country: str | None = None,
                      lat: float | None = None, lon: float | None = None, radius_km: float | None = None,
                      limit: int = 200) -> Select[Any]:
    """Blocking query: incidents in a date window and near a point (bounding box) or in a country.

    With coordinates, incidents inside the box match, and so do incidents of ``country`` that have no
    coordinates. Raises ``ValueError`` for a query that would need a full scan (no date window and no place).
    """
    d0, d1 = _as_date(date_from), _as_date(date_to)
    terms: list[Any] = []
    if d0 is not None:
        terms.append(incidents.c.date >= d0)
    if d1 is not None:
        terms.append(incidents.c.date <= d1)
    place: list[Any] = []
    if lat is not None and lon is not None:
        south, north, west, east = bounding_box(lat, lon, radius_km if radius_km is not None else 50.0)
        lon_terms: list[Any] = [incidents.c.longitude.between(max(west, -180.0), min(east, 180.0))]
        if west < -180.0:  # the box crosses the antimeridian
            lon_terms.append(incidents.c.longitude >= west + 360.0)
        if east > 180.0:
            lon_terms.append(incidents.c.longitude <= east - 360.0)
        place.append(and_(incidents.c.latitude.between(south, north), or_(*lon_terms)))
        if country:
            place.append(and_(incidents.c.country == country.upper(), incidents.c.latitude.is_(None)))
    elif country:
        place.append(incidents.c.country == country.upper())
    if place:
        terms.append(or_(*place))
    if d0 is None and d1 is None and not place:
        raise ValueError("a candidate query needs a date window or a place")
    return select(incidents).where(*terms).order_by(incidents.c.date, incidents.c.id).limit(limit)


def claims_select(*, report_id: str | None = None, series_key: str | None = None, unit: str | None = None,
                  speaker: str | None = None, since: date | str | None = None, until: date | str | None = None,
                  limit: int | None = None, offset: int = 0) -> Select[Any]:
    """Claims with their report's source, url, outlet and publication date; ``since``/``until`` bound ``as_of``."""
    stmt = (select(claims, reports.c.source, reports.c.url, reports.c.outlet, reports.c.published,
                   reports.c.source_group)
            .join(reports, reports.c.id == claims.c.report_id))
    if report_id:
        stmt = stmt.where(claims.c.report_id == report_id)
    if series_key:
        stmt = stmt.where(claims.c.series_key == series_key)
    if unit:
        stmt = stmt.where(claims.c.unit == unit)
    if speaker:
        stmt = stmt.where(claims.c.speaker == speaker)
    if since is not None:
        stmt = stmt.where(claims.c.as_of >= _as_date(since))
    if until is not None:
        stmt = stmt.where(claims.c.as_of <= _as_date(until))
    stmt = stmt.order_by(claims.c.as_of, claims.c.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return stmt


def tally_select(since: Any = None, until: Any = None, countries: list[str] | None = None,
                 kind: str | None = None) -> Select[Any]:
    """Per (grade, disrupted) in a scope: incidents, summed best fatalities and injured, in one GROUP BY.

    What ``tallylog reconcile`` compares a published count with, without reading incidents one by one."""
    disrupted = (incidents.c.sub_event_type == "Disrupted weapons use").label("disrupted")
    where = [incidents.c.date.is_not(None)]
    if since is not None:
        where.append(incidents.c.date >= since)
    if until is not None:
        where.append(incidents.c.date <= until)
    if countries:
        where.append(incidents.c.country.in_(countries))
    if kind is not None:
        where.append(incidents.c.kind == kind)
    return (select(incidents.c.grade, disrupted, func.count().label("n"),
                   func.coalesce(func.sum(incidents.c.fatalities_best), 0).label("killed"),
                   func.coalesce(func.sum(incidents.c.injured_best), 0).label("injured"))
            .where(*where).group_by(incidents.c.grade, disrupted))


# -- the incident list's pages: keyset cursors and driver-level SQL --------------------------------------------
#
# An API page is read with SQL written here and run on the driver's cursor: no statement is built, compiled or
# cache-keyed per request, and rows come back as the driver gives them. The filters mean exactly what
# ``incident_filters`` says (tests compare the two on both databases).

#: order name -> (key column or None for "id", descending)
ORDER_KEYS: dict[str, tuple[str | None, bool]] = {
    "date": ("date", False), "-date": ("date", True), "updated": ("updated_at", False),
    "-updated": ("updated_at", True), "id": (None, False),
}
NULLABLE_KEYS = frozenset({"date"})
_SQLITE_TIMESTAMP = ("replace(substr({c}, 1, 19), ' ', 'T') || "
                     "CASE WHEN substr({c}, 20) IN ('', '.000000') THEN '' ELSE substr({c}, 20) END")
TIMESTAMP_COLUMNS = frozenset({"created_at", "updated_at"})


class BadCursor(ValueError):
    """An ``after`` cursor that this order did not make (or that is not a cursor at all)."""


def encode_cursor(order: str, key: str | None, incident_id: str) -> str:
    """An opaque keyset cursor: the order's key (ISO text or None) and the id of the last row of a page."""
    raw = orjson.dumps([order, key, incident_id])
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def cursor_of(order: str, item: dict[str, Any]) -> str:
    """The cursor that continues after ``item`` (a row of ``Ledger.incident_page``) in ``order``."""
    key_column, _ = ORDER_KEYS[order]
    return encode_cursor(order, item[key_column] if key_column else None, item["id"])


def decode_cursor(order: str, cursor: str) -> tuple[Any, str]:
    """(key, id) of a cursor made by ``encode_cursor`` for ``order``: the key as a date or timestamp (None for
    a NULL date, and for the ``id`` order). Raises ``BadCursor``."""
    if order not in ORDER_KEYS:
        raise ValueError(f"order must be one of {sorted(ORDER_KEYS)}, not {order!r}")
    try:
        data = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError):
        raise BadCursor("not a cursor from this API (take it from a page's \"cursor\" or \"next\")") from None
    if not (isinstance(data, list) and len(data) == 3 and isinstance(data[2], str) and 0 < len(data[2]) <= 64):
        raise BadCursor("not a cursor from this API (take it from a page's \"cursor\" or \"next\")")
    made_for, key, incident_id = data
    if made_for != order:
        raise BadCursor(f"the cursor was made for sort={str(made_for)[:20]!r}, not sort={order!r}")
    key_column, _ = ORDER_KEYS[order]
    if key_column is None or key is None:
        if key is not None or (key_column is not None and key_column not in NULLABLE_KEYS):
            raise BadCursor("the cursor's key does not fit its order")
        return None, incident_id
    try:
        value = date.fromisoformat(key) if key_column == "date" else datetime.fromisoformat(key)
    except (TypeError, ValueError):
        raise BadCursor(f"the cursor's {key_column} is not an ISO 8601 value") from None
    if isinstance(value, datetime) and value.tzinfo is not None:
        raise BadCursor("the cursor's timestamp has a time zone; the ledger's are naive UTC")
    return value, incident_id


@dataclass(frozen=True)
class PageSQL:
    """The queries of one incident-list page, run in turn until ``limit`` rows are read: one, or with a cursor
    one per part of the order after it (rows with no date sort apart from the rest). Each is (sql, args)."""

    parts: list[tuple[str, list[Any]]]


def _db_date(value: Any, dialect: str) -> Any:
    """A date or timestamp as the driver should get it: SQLite compares the text SQLAlchemy stores."""
    if dialect != "sqlite":
        return value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return value.isoformat()


def page_sql(dialect: str, columns: Sequence[str], *, limit: int, offset: int = 0, order: str = "date",
             after: str | None = None, since: date | str | None = None, until: date | str | None = None,
             country: str | None = None, actor: str | None = None, weapon: str | None = None,
             grade: str | None = None, type: str | None = None) -> PageSQL:
    """The SQL of one page of the filtered, ordered incidents (``incident_filters``'s meaning), for the driver.

    SQLite gives timestamps as ``isoformat()`` text from SQL; other columns come as the driver reads them.
    ``after`` is a cursor (``encode_cursor``): the page starts after that row, found through the index in
    one step however deep the page is (``offset`` walks every skipped row).
    """
    if order not in ORDER_KEYS:
        raise ValueError(f"order must be one of {sorted(ORDER_KEYS)}, not {order!r}")
    if after is not None and offset:
        raise ValueError("a page starts after a cursor or at an offset, not both")
    mark = "?" if dialect == "sqlite" else "%s"
    select_list = ", ".join(
        (_SQLITE_TIMESTAMP.format(c=f'"{c}"') + f' AS "{c}"') if dialect == "sqlite" and c in TIMESTAMP_COLUMNS
        else f'"{c}"' for c in columns)
    where: list[str] = []
    args: list[Any] = []
    if since is not None:
        where.append(f'"date" >= {mark}')
        args.append(_db_date(_as_date(since), dialect))
    if until is not None:
        where.append(f'"date" <= {mark}')
        args.append(_db_date(_as_date(until), dialect))
    if country:
        where.append(f'"country" = {mark}')
        args.append(country.upper())
    if actor:
        op = "LIKE" if "%" in actor else "="
        where.append(f'("actor1" {op} {mark} OR "actor2" {op} {mark})')
        args += [actor, actor]
    if weapon and dialect == "sqlite" and _PLAIN_NAME.fullmatch(weapon):
        where.append(f'instr("weapons", {mark}) > 0')  # from the (date, id, weapons) index, before the row
        args.append(f'"{weapon}"')
    elif weapon:
        where.append(f'EXISTS (SELECT 1 FROM incident_weapons w WHERE w.incident_id = incidents.id '
                     f'AND w.weapon = {mark})')
        args.append(weapon)
    if grade:
        where.append(f'"grade" = {mark}')
        args.append(grade)
    if type:
        where.append(f'("event_type" = {mark} OR "sub_event_type" = {mark} OR "kind" = {mark})')
        args += [type, type, type]
    key, desc = ORDER_KEYS[order]
    direction = " DESC" if desc else ""
    # table-qualified: a bare name would be the select list's converted timestamp, which no index holds
    order_by = (f'incidents."{key}"{direction}, incidents."id"{direction}' if key else 'incidents."id"')
    head = f"SELECT {select_list} FROM incidents"

    def query(extra: list[str], extra_args: list[Any], n: int, skip: int) -> tuple[str, list[Any]]:
        terms = where + extra
        sql = head + (" WHERE " + " AND ".join(terms) if terms else "") + f" ORDER BY {order_by} LIMIT {mark}"
        tail = [n]
        if skip:
            sql += f" OFFSET {mark}"
            tail.append(skip)
        return sql, args + extra_args + tail

    if after is None:
        return PageSQL([query([], [], limit, offset)])
    ck, cid = decode_cursor(order, after)
    op = "<" if desc else ">"
    if key is None:
        return PageSQL([query([f'incidents."id" {op} {mark}'], [cid], limit, offset)])
    nulls_smallest = dialect == "sqlite"  # PostgreSQL sorts NULL above every value
    nulls_first = nulls_smallest != desc
    if ck is None:  # the cursor is in the rows with no date
        parts = [([f'incidents."{key}" IS NULL', f'incidents."id" {op} {mark}'], [cid])]
        if nulls_first:
            parts.append(([f'incidents."{key}" IS NOT NULL'], []))
    else:
        parts = [([f'(incidents."{key}", incidents."id") {op} ({mark}, {mark})'], [_db_date(ck, dialect), cid])]
        if not nulls_first and key in NULLABLE_KEYS and since is None and until is None:  # else none match
            parts.append(([f'incidents."{key}" IS NULL'], []))
    return PageSQL([query(extra, extra_args, limit, offset) for extra, extra_args in parts])


def page_sources_sql(dialect: str) -> str:
    """Every (incident, report) source of a page's incidents in one query; its one argument is the ids, as a
    JSON array on SQLite (``json_each``) and a list on PostgreSQL (``= ANY``): one statement whatever the
    page's length, no parameter per id."""
    ids = "IN (SELECT value FROM json_each(?))" if dialect == "sqlite" else "= ANY(%s)"
    return ("SELECT im.incident_id, m.report_id, r.outlet, r.url, r.published, r.source, m.evidence "
            "FROM incident_mentions im JOIN mentions m ON m.id = im.mention_id "
            "JOIN reports r ON r.id = m.report_id "
            f"WHERE im.incident_id {ids} ORDER BY r.published, m.id")
