"""Conversions between the shared model (``Extraction``) and ledger rows, and from rows to plain dicts."""
from __future__ import annotations

import calendar
import hashlib
from datetime import date, datetime, timedelta, timezone
from typing import Any, Mapping

from tallylog.model import Claim, Event, Extraction, PlaceMention, Report

from tallylog.store import schema


def utcnow() -> datetime:
    """Now, as the naive UTC timestamp every ledger timestamp column holds."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def date_end(start: date | None, precision: str) -> date | None:
    """The last day a dated value may refer to, from its first day and precision (None when open)."""
    if start is None:
        return None
    if precision == "day":
        return start
    if precision == "week":
        return start + timedelta(days=6)
    if precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if precision == "year":
        return start.replace(month=12, day=31)
    return None


def fingerprint_text(value: int | str | None) -> str | None:
    """A near-duplicate fingerprint as 16 hex digits (ints are taken as unsigned 64-bit)."""
    if value is None:
        return None
    if isinstance(value, int):
        return f"{value & 0xFFFFFFFFFFFFFFFF:016x}"
    return str(value)


def report_row(report: Report, *, source_group: str | None, fingerprint: int | str | None) -> dict[str, Any]:
    return {
        "id": report.id,
        "source": report.source,
        "url": report.url or None,
        "title": report.title,
        "published": report.published,
        "outlet": report.outlet,
        "language": report.language,
        "text_sha256": hashlib.sha256(report.text.encode("utf-8")).hexdigest(),
        "fingerprint": fingerprint_text(fingerprint),
        "source_group": source_group,
        "ingested_at": utcnow(),
    }


def mention_row(report_id: str, ordinal: int, ev: Event) -> dict[str, Any]:
    loc = ev.location
    return {
        "report_id": report_id,
        "ordinal": ordinal,
        "event_key": ev.id,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "kind": ev.kind,
        "date": ev.date,
        "date_end": date_end(ev.date, ev.date_precision),
        "date_precision": ev.date_precision,
        "date_text": ev.date_text,
        "place_name": loc.name if loc else None,
        "place_text": loc.text if loc else None,
        "place_feature": loc.feature if loc else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "gazetteer_id": loc.gazetteer_id if loc else None,
        "actor1": ev.actor1,
        "actor2": ev.actor2,
        "weapons": list(ev.weapons),
        "quantity": ev.quantity,
        "outcome": ev.outcome,
        "fatalities": ev.fatalities,
        "injured": ev.injured,
        "status": ev.status,
        "attribution": [a.to_dict() for a in ev.attribution],
        "evidence": [s.to_dict() for s in ev.evidence],
    }


def claim_row(report_id: str, ordinal: int, c: Claim) -> dict[str, Any]:
    d = c.to_dict()
    return {
        "report_id": report_id,
        "ordinal": ordinal,
        "value": c.value,
        "qualifier": c.qualifier,
        "unit": c.unit,
        "noun": c.noun,
        "since": c.since,
        "since_text": c.since_text,
        "since_partial": c.since_partial,
        "as_of": c.as_of,
        "region": d["region"],
        "target": c.target,
        "actor": c.actor,
        "speaker": c.speaker,
        "via": c.via,
        "locations": d["locations"],
        "weapons": d["weapons"],
        "evidence": d["evidence"],
        "is_ordinal": bool(c.ordinal),
        "part_of": c.part_of,
        "notes": d["notes"],
        "series_key": None,
    }


def place_rows(places: list[PlaceMention]) -> list[dict[str, Any]]:
    """One row per distinct resolved gazetteer entry named in the report."""
    seen: dict[str, dict[str, Any]] = {}
    for p in places:
        if p.gazetteer_id and p.gazetteer_id not in seen:
            seen[p.gazetteer_id] = {
                "gazetteer_id": p.gazetteer_id, "name": p.name, "country": p.country, "admin1": p.admin1,
                "feature": p.feature, "latitude": p.latitude, "longitude": p.longitude,
            }
    return list(seen.values())


def extraction_rows(ex: Extraction) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The mention rows and claim rows of one extraction, in extraction order."""
    rid = ex.report.id
    return ([mention_row(rid, i, ev) for i, ev in enumerate(ex.events)],
            [claim_row(rid, i, c) for i, c in enumerate(ex.claims)])


#: Incident columns a caller may set through ``create_incident``/``update_incident``.
INCIDENT_FIELDS = frozenset(
    c.name for c in schema.incidents.columns
    if c.name not in {"id", "created_at", "updated_at", "n_sources", "n_mentions"}
)
_INCIDENT_JSON_DEFAULTS: dict[str, Any] = {"weapons": list, "conflicts": list, "candidates": dict}


def incident_values(fields: Mapping[str, Any], *, complete: bool) -> dict[str, Any]:
    """Validated column values from caller-supplied incident fields.

    ``complete`` fills the JSON columns' empty defaults (for a new incident). Unknown keys raise
    ``ValueError`` so a misspelt field never vanishes silently.
    """
    unknown = set(fields) - INCIDENT_FIELDS
    if unknown:
        raise ValueError(f"unknown incident field(s): {', '.join(sorted(unknown))}")
    values = dict(fields)
    for key, make in _INCIDENT_JSON_DEFAULTS.items():
        if values.get(key) is None and (complete or key in values):
            values[key] = make()
    if "weapons" in values:
        values["weapons"] = sorted(set(values["weapons"]))
    if isinstance(values.get("date"), str):
        values["date"] = date.fromisoformat(values["date"])
    return clean_json_fields(values)


_PLAIN = frozenset({str, int, float, bool, type(None)})  # JSON's own scalars: kept as they are


def _json_safe(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN:  # most values of an incident's candidates: answered before any isinstance test
        return value
    if kind is dict:
        return {str(k): _json_safe(v) for k, v in value.items()}
    if kind is list:
        return [_json_safe(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    return value


def clean_json_fields(values: dict[str, Any]) -> dict[str, Any]:
    """JSON column values with dates turned into ISO strings (the JSON encoder takes no dates)."""
    for key in ("weapons", "conflicts", "candidates"):
        if key in values:
            values[key] = _json_safe(values[key])
    return values


def row_dict(row: Any) -> dict[str, Any]:
    """A result row as a plain dict (dates stay ``date``, timestamps naive UTC ``datetime``)."""
    return dict(row._mapping)


def row_dicts(result: Any) -> list[dict[str, Any]]:
    """Every row of a result as ``row_dict`` gives it, fetched at once: the column names are read once,
    not per row (what matters where resolution reads thousands of candidate rows)."""
    keys = list(result.keys())
    return [dict(zip(keys, r)) for r in result.fetchall()]
