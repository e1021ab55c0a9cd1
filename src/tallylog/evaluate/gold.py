"""Gold annotation files: the dataclasses they load into and the checks each line must pass.

The format is described in ``docs/evaluation.md`` (tallylog's extension of the shared
``ANNOTATION.md``): one JSON object per line, one line per document, listing the document's
incidents and aggregate count claims. ``load_gold`` refuses a file with any malformed line and
names the file, the line and the field at fault.
"""
from __future__ import annotations

import calendar
import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tallylog.model import DATE_PRECISIONS, QUALIFIERS, STATUSES, WEAPONS

KINDS = ("attack_on_us_forces", "us_strike", "other_attack")

#: ACLED codebook: event type -> its sub-event types (6 types, 25 sub-types).
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}

_DOC_KEYS = {"id", "source", "published", "relevant", "incidents", "claims", "notes"}
_DOC_REQUIRED = ("id", "source", "published", "relevant", "incidents", "claims")
_INCIDENT_KEYS = {
    "date", "date_end", "date_precision", "place", "place_text", "country", "admin1", "lat", "lon",
    "geo_precision", "coord_source", "kind", "event_type", "sub_event_type", "weapons", "perpetrator",
    "target", "killed", "injured", "status", "evidence", "notes", "cluster",
}
_INCIDENT_REQUIRED = (
    "date", "place", "lat", "lon", "kind", "event_type", "sub_event_type", "weapons", "killed",
    "injured", "status", "evidence",
)
_CLAIM_KEYS = {"value", "qualifier", "unit", "since", "as_of", "region", "speaker", "evidence", "notes"}
_CLAIM_REQUIRED = ("value", "qualifier", "unit", "evidence")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


class GoldError(ValueError):
    """A gold file that cannot be used: the message names the file, line and field."""


@dataclass(slots=True)
class GoldIncident:
    """One incident a gold document reports. ``date_end`` is set only for date ranges."""

    date: date | None
    place: str | None
    lat: float | None
    lon: float | None
    kind: str
    event_type: str | None
    sub_event_type: str | None
    weapons: list[str]
    killed: int | None
    injured: int | None
    status: str
    evidence: str
    date_end: date | None = None
    date_precision: str = "day"
    place_text: str | None = None
    country: str | None = None
    geo_precision: int | None = None
    coord_source: str | None = None
    cluster: str | None = None  # the same slug across documents that report one real-world incident
    perpetrator: str | None = None
    target: str | None = None
    notes: str | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def period_end(self) -> date | None:
        """Last day of the period the gold date stands for, or None for a single day.

        An explicit ``date_end``; else the month or year of a ``month``/``year`` date (written as its
        first day), or the seven days of a ``week``. A ``range`` with no end is dated by its start
        and compared as a day.
        """
        if self.date_end is not None or self.date is None:
            return self.date_end
        if self.date_precision == "month":
            return date(self.date.year, self.date.month, calendar.monthrange(self.date.year, self.date.month)[1])
        if self.date_precision == "year":
            return date(self.date.year, 12, 31)
        if self.date_precision == "week":
            return self.date + timedelta(days=6)
        return None

    @property
    def period_start(self) -> date | None:
        """First day of the gold date's period (the year's 1 January for ``year`` precision)."""
        if self.date is not None and self.date_end is None and self.date_precision == "year":
            return date(self.date.year, 1, 1)
        if self.date is not None and self.date_end is None and self.date_precision == "month":
            return date(self.date.year, self.date.month, 1)
        return self.date


@dataclass(slots=True)
class GoldClaim:
    """One aggregate count claim a gold document reports."""

    value: int
    qualifier: str
    unit: str
    evidence: str
    since: date | None = None
    as_of: date | None = None
    region: list[str] = field(default_factory=list)
    speaker: str | None = None
    notes: str | None = None


@dataclass(slots=True)
class GoldDoc:
    """One annotated document (one line of a gold file)."""

    id: str
    source: str
    published: date | None
    relevant: bool
    incidents: list[GoldIncident] = field(default_factory=list)
    claims: list[GoldClaim] = field(default_factory=list)
    notes: str | None = None
    line: int = 0  # line number in the gold file, for messages


class _Checker:
    """Reads typed values out of one JSON line, raising ``GoldError`` with the line's position."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, what: str, message: str) -> GoldError:
        return GoldError(f"{self.where}: {what}: {message}")

    def keys(self, obj: Any, what: str, allowed: set[str], required: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(obj, dict):
            raise self.fail(what, f"expected a JSON object, got {type(obj).__name__}")
        unknown = sorted(set(obj) - allowed)
        if unknown:
            raise self.fail(what, f"unknown field(s) {', '.join(unknown)} (allowed: {', '.join(sorted(allowed))})")
        missing = [k for k in required if k not in obj]
        if missing:
            raise self.fail(what, f"missing required field(s) {', '.join(missing)}")
        return obj

    def text(self, obj: dict[str, Any], key: str, what: str, *, nullable: bool = True) -> str | None:
        value = obj.get(key)
        if value is None:
            if nullable:
                return None
            raise self.fail(f"{what}.{key}", "must be a non-empty string, got null")
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{what}.{key}", f"must be a non-empty string, got {value!r}")
        return value

    def day(self, obj: dict[str, Any], key: str, what: str) -> date | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise self.fail(f"{what}.{key}", f"must be a date YYYY-MM-DD or null, got {value!r}")
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise self.fail(f"{what}.{key}", f"not a real date: {value!r} ({exc})") from None

    def count(self, obj: dict[str, Any], key: str, what: str, *, nullable: bool = True) -> int | None:
        value = obj.get(key)
        if value is None and nullable:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            kind = "a whole number >= 0" + (" or null" if nullable else "")
            raise self.fail(f"{what}.{key}", f"must be {kind}, got {value!r}")
        return value

    def coordinate(self, obj: dict[str, Any], key: str, what: str, limit: float) -> float | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or abs(value) > limit:
            raise self.fail(f"{what}.{key}", f"must be a number within +-{limit:g} or null, got {value!r}")
        return float(value)

    def choice(self, obj: dict[str, Any], key: str, what: str, allowed: tuple[str, ...], default: str | None = None,
               *, nullable: bool = False) -> str | None:
        value = obj.get(key, default)
        if value is None and nullable:
            return None
        if value not in allowed:
            raise self.fail(f"{what}.{key}", f"must be one of {', '.join(allowed)}; got {value!r}")
        return value


def _split_date(c: _Checker, raw: dict[str, Any], what: str) -> tuple[date | None, date | None]:
    """The incident's date and, for ranges, its last day ("date_end" or an ISO interval "A/B")."""
    value = raw.get("date")
    if isinstance(value, str) and "/" in value:
        first, _, last = value.partition("/")
        start = c.day({"date": first.strip()}, "date", what)
        end = c.day({"date": last.strip()}, "date", what)
        if "date_end" in raw and raw["date_end"] is not None:
            raise c.fail(f"{what}.date", "give a range either as 'A/B' or with date_end, not both")
    else:
        start = c.day(raw, "date", what)
        end = c.day(raw, "date_end", what)
    if end is not None:
        if start is None:
            raise c.fail(f"{what}.date_end", "a range needs a start date")
        if end < start:
            raise c.fail(f"{what}.date_end", f"range ends ({end}) before it starts ({start})")
    return start, end


def _incident(c: _Checker, raw: Any, what: str) -> GoldIncident:
    obj = c.keys(raw, what, _INCIDENT_KEYS, _INCIDENT_REQUIRED)
    start, end = _split_date(c, obj, what)
    default_precision = "range" if end is not None else ("day" if start is not None else "unknown")
    precision = c.choice(obj, "date_precision", what, DATE_PRECISIONS, default_precision)
    if start is None and precision not in ("unknown",):
        raise c.fail(f"{what}.date_precision", f"is {precision!r} but date is null (use 'unknown')")
    lat = c.coordinate(obj, "lat", what, 90.0)
    lon = c.coordinate(obj, "lon", what, 180.0)
    if (lat is None) != (lon is None):
        raise c.fail(what, "give both lat and lon, or neither")
    place = c.text(obj, "place", what)
    place_text = c.text(obj, "place_text", what)
    if lat is not None and place is None and place_text is None:
        raise c.fail(what, "coordinates given but place and place_text are both null")
    event_type = c.choice(obj, "event_type", what, tuple(ACLED_TYPES), nullable=True)
    sub_event_type = c.text(obj, "sub_event_type", what)
    if sub_event_type is not None:
        allowed = ACLED_TYPES.get(event_type or "", ())
        if sub_event_type not in allowed:
            raise c.fail(f"{what}.sub_event_type",
                         f"{sub_event_type!r} is not a sub-event type of {event_type!r} "
                         f"(allowed: {', '.join(allowed) or 'none without an event_type'})")
    weapons = obj["weapons"]
    if not isinstance(weapons, list) or any(w not in WEAPONS for w in weapons):
        raise c.fail(f"{what}.weapons", f"must be a list drawn from {', '.join(WEAPONS)}; got {weapons!r}")
    geo_precision = obj.get("geo_precision")
    if geo_precision not in (None, 1, 2, 3) or isinstance(geo_precision, bool):
        raise c.fail(f"{what}.geo_precision", f"must be 1, 2, 3 or null; got {geo_precision!r}")
    country = c.text(obj, "country", what)
    if country is not None and not _COUNTRY.match(country):
        raise c.fail(f"{what}.country", f"must be an ISO 3166 alpha-2 code such as 'IQ'; got {country!r}")
    return GoldIncident(
        date=start, date_end=end, date_precision=precision or "unknown",
        place=place, place_text=place_text, lat=lat, lon=lon,
        kind=c.choice(obj, "kind", what, KINDS) or "other_attack",
        event_type=event_type, sub_event_type=sub_event_type,
        weapons=list(weapons),
        killed=c.count(obj, "killed", what), injured=c.count(obj, "injured", what),
        status=c.choice(obj, "status", what, STATUSES) or "reported",
        evidence=c.text(obj, "evidence", what, nullable=False) or "",
        country=country, geo_precision=geo_precision,
        coord_source=c.text(obj, "coord_source", what),
        cluster=c.text(obj, "cluster", what),
        perpetrator=c.text(obj, "perpetrator", what), target=c.text(obj, "target", what),
        notes=obj.get("notes"),
    )


def _claim(c: _Checker, raw: Any, what: str, published: date | None) -> GoldClaim:
    obj = c.keys(raw, what, _CLAIM_KEYS, _CLAIM_REQUIRED)
    region = obj.get("region") or []
    if not isinstance(region, list) or any(not isinstance(r, str) or not _COUNTRY.match(r) for r in region):
        raise c.fail(f"{what}.region", f"must be a list of ISO 3166 alpha-2 codes such as ['IQ', 'SY']; got {region!r}")
    as_of = c.day(obj, "as_of", what)
    return GoldClaim(
        value=c.count(obj, "value", what, nullable=False) or 0,
        qualifier=c.choice(obj, "qualifier", what, QUALIFIERS) or "exact",
        unit=c.text(obj, "unit", what, nullable=False) or "",
        evidence=c.text(obj, "evidence", what, nullable=False) or "",
        since=c.day(obj, "since", what),
        as_of=as_of if as_of is not None else published,  # the counted period ends at publication by default
        region=list(region),
        speaker=c.text(obj, "speaker", what),
        notes=obj.get("notes"),
    )


def parse_gold_line(line: str, where: str) -> GoldDoc:
    """One gold line -> ``GoldDoc``; ``where`` ("file:line") prefixes every error message."""
    c = _Checker(where)
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{where}: not valid JSON: {exc.msg} (column {exc.colno})") from None
    obj = c.keys(raw, "document", _DOC_KEYS, _DOC_REQUIRED)
    doc_id = c.text(obj, "id", "document", nullable=False) or ""
    c.where = f"{where} (id {doc_id})"
    source = c.text(obj, "source", "document", nullable=False) or ""
    published = c.day(obj, "published", "document")
    if not isinstance(obj["relevant"], bool):
        raise c.fail("document.relevant", f"must be true or false, got {obj['relevant']!r}")
    for key in ("incidents", "claims"):
        if not isinstance(obj[key], list):
            raise c.fail(f"document.{key}", f"must be a list, got {type(obj[key]).__name__}")
    incidents = [_incident(c, item, f"incidents[{i}]") for i, item in enumerate(obj["incidents"])]
    claims = [_claim(c, item, f"claims[{i}]", published) for i, item in enumerate(obj["claims"])]
    return GoldDoc(id=doc_id, source=source, published=published, relevant=obj["relevant"],
                   incidents=incidents, claims=claims, notes=obj.get("notes"))


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Read and check a gold JSONL file; blank lines are skipped, document ids must be unique."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise GoldError(f"{path}: gold file not found") from None
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    docs: list[GoldDoc] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        doc = parse_gold_line(line, where)
        doc.line = number
        if doc.id in seen:
            raise GoldError(f"{where}: duplicate document id {doc.id!r} (first on line {seen[doc.id]})")
        seen[doc.id] = number
        docs.append(doc)
    return docs
