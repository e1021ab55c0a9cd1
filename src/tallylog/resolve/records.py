"""Plain objects resolution reads and writes: mentions in, incidents and their summaries out."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from tallylog.model import Event, Extraction, Location


@dataclass
class MentionRecord:
    """One event from one report, with what resolution needs to know about its source.

    ``source_group`` is shared by reports that are copies of one another (a wire story in ten
    outlets, a repost), so they count as one source.
    """

    id: str
    report_id: str
    source_group: str
    outlet: str | None
    published: date | None
    event: Event


@dataclass
class IncidentState:
    """One real-world incident: its mentions, plus the values derived from them by ``summarise``."""

    id: str
    mentions: list[MentionRecord] = field(default_factory=list)
    date: date | None = None
    date_end: date | None = None
    precision: str = "unknown"
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    geo_precision: int | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    grade: str | None = None
    _profile: Any = field(default=None, repr=False, compare=False)

    @property
    def mention_ids(self) -> list[str]:
        return [m.id for m in self.mentions]

    @property
    def source_groups(self) -> set[str]:
        return {m.source_group for m in self.mentions}


@dataclass
class ValueCandidate:
    """One value sources give for a field, with who gives it."""

    value: Any
    mention_ids: list[str]
    source_groups: list[str]
    well_sourced: bool = False

    def to_dict(self) -> dict[str, Any]:
        v = self.value
        if isinstance(v, date):
            v = v.isoformat()
        elif isinstance(v, Location):
            v = v.to_dict()
        return {"value": v, "mention_ids": list(self.mention_ids), "source_groups": list(self.source_groups),
                "well_sourced": self.well_sourced}


@dataclass
class MergedCount:
    """A count (killed, injured, weapons launched) across sources: every candidate, and low/high/best."""

    low: int | None = None
    high: int | None = None
    best: int | None = None
    best_basis: str | None = None  # well_sourced | reported | any
    candidates: list[ValueCandidate] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "best": self.best, "best_basis": self.best_basis,
                "candidates": [c.to_dict() for c in self.candidates]}


@dataclass
class Conflict:
    """Sources disagree on ``field``: each differing value with the mentions that give it."""

    field: str
    candidates: list[ValueCandidate]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "note": self.note, "candidates": [c.to_dict() for c in self.candidates]}


_NESTED = frozenset({"fatalities", "injured", "quantity", "conflicts", "dates", "places", "actors", "location"})


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


@dataclass
class IncidentSummary:
    """What the incident is, merged across its mentions, with every candidate value kept."""

    id: str
    mention_ids: list[str]
    source_groups: list[str]
    date: date | None
    date_end: date | None
    precision: str
    location: Location | None
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    weapons: list[str]
    fatalities: MergedCount
    injured: MergedCount
    quantity: MergedCount
    outcome: str | None
    kind: str | None
    grade: str
    grade_reason: str
    conflicts: list[Conflict] = field(default_factory=list)
    dates: list[ValueCandidate] = field(default_factory=list)
    places: list[ValueCandidate] = field(default_factory=list)
    actors: list[ValueCandidate] = field(default_factory=list)

    @property
    def conflict_fields(self) -> set[str]:
        return {c.field for c in self.conflicts}

    def to_dict(self) -> dict[str, Any]:
        # flat fields read directly: ``asdict`` would deep-copy the nested candidates only to drop them
        d = {f.name: _plain(getattr(self, f.name)) for f in fields(self) if f.name not in _NESTED}
        d["date"] = self.date.isoformat() if self.date else None
        d["date_end"] = self.date_end.isoformat() if self.date_end else None
        d["location"] = self.location.to_dict() if self.location else None
        for name in ("fatalities", "injured", "quantity"):
            d[name] = getattr(self, name).to_dict()
        for name in ("dates", "places", "actors"):
            d[name] = [c.to_dict() for c in getattr(self, name)]
        d["conflicts"] = [c.to_dict() for c in self.conflicts]
        return d


def mentions_from_extraction(extraction: Extraction, source_group: str | None = None) -> list[MentionRecord]:
    """One ``MentionRecord`` per event of a report; ``source_group`` defaults to the report id."""
    r = extraction.report
    group = source_group or r.id
    return [MentionRecord(id=f"{r.id}#{i}:{ev.id}", report_id=r.id, source_group=group, outlet=r.outlet,
                          published=r.published, event=ev)
            for i, ev in enumerate(extraction.events)]
