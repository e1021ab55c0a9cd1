"""The ledger's read queries as SQLAlchemy selects: filters, ordering, GROUP BY counts, blocking.

Every filter maps onto an indexed column, so list queries stay range scans at millions of incidents.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

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
