"""The shared document model: Report -> PlaceMention/DateMention -> Event/Claim -> Extraction.

Every stage reads and writes these types and nothing else, so a stage never needs another
stage's internals. Offsets (``start``/``end``) are character offsets into ``Report.text``.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

SCHEMA_ID = "tallylog/extract/v1"

WEAPONS = ("drone", "rocket", "missile", "mortar", "artillery", "airstrike", "ied", "small_arms", "other")
QUALIFIERS = ("exact", "at_least", "more_than", "about", "nearly", "up_to")
STATUSES = ("reported", "claimed", "denied")
DATE_PRECISIONS = ("day", "week", "month", "year", "range", "unknown")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the report text, kept as evidence."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Report:
    """One news report after ingest: clean text plus metadata.

    ``text`` is the clean text extraction runs on (boilerplate removed). When the report has a
    headline it is the first line of ``text`` as well as ``title``.
    """

    text: str
    source: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = "en"
    id: str = ""
    removed: list[str] = field(default_factory=list)  # boilerplate paragraphs dropped by ingest
    meta: dict[str, Any] = field(default_factory=dict)  # the source's own fields (e.g. GDELT's), kept as given

    def __post_init__(self) -> None:
        if not self.id:
            self.id = report_id(self.text)


@lru_cache(maxsize=8)
def normalise_text(text: str) -> str:
    """Text as compared for identity: NFKC, case-folded, whitespace collapsed. (Remembered for the last few
    texts: a report's id and its syndication fingerprint both start from it.)"""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())  # split(): any run of whitespace


def report_id(text: str) -> str:
    """Stable id of a report from its normalised text (same words -> same id)."""
    return "r_" + hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class IngestError:
    """A source that could not become a report: said once on stderr, never fatal to a batch."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(slots=True)
class PlaceMention:
    """A place named in the text and what the gazetteer made of it.

    Unresolved places keep their text with ``latitude``/``longitude`` None.
    ``geo_precision`` follows ACLED: 1 the place itself, 2 near it / part of a region,
    3 a larger region (province, country).
    """

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None  # ISO 3166 alpha-2
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    gazetteer_id: str | None = None  # e.g. "geonames:95446", "ourairports:ORER", "facility:ain-al-asad"
    feature: str | None = None  # city, country, admin1, airport, military_base, oil_field, ...
    geo_precision: int | None = None
    score: float = 0.0

    @property
    def resolved(self) -> bool:
        return self.latitude is not None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("score", None)
        return d


@dataclass(slots=True)
class DateMention:
    """A date expression found in the text, resolved against the publication date.

    ``date`` is None when it cannot be resolved (e.g. "October 17" with no publication date);
    ``partial`` then keeps what is known in ISO 8601 reduced form ("--10-17", "2023-10").
    ``end_date`` is set for ranges and weeks/months (the last day covered).
    """

    start: int
    end: int
    text: str
    date: date | None
    precision: str = "day"  # one of DATE_PRECISIONS
    end_date: date | None = None
    partial: str | None = None
    relative: bool = False  # resolved from a relative expression ("on Thursday", "last night")


@dataclass(slots=True)
class Attribution:
    speaker: str | None = None
    via: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "via": self.via}


@dataclass(slots=True)
class Location:
    name: str | None = None
    text: str | None = None
    country: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    gazetteer_id: str | None = None
    feature: str | None = None

    @classmethod
    def from_place(cls, p: PlaceMention, precision: int | None = None) -> "Location":
        return cls(
            name=p.name, text=p.text, country=p.country, admin1=p.admin1,
            latitude=p.latitude, longitude=p.longitude,
            geo_precision=precision if precision is not None else p.geo_precision,
            gazetteer_id=p.gazetteer_id, feature=p.feature,
        )

    def to_dict(self) -> dict[str, Any]:
        # every field is a plain value: no deep copy needed (``asdict`` would make one per field)
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(slots=True)
class Event:
    """One incident as one report describes it (its mentions in the report merged)."""

    id: str
    event_type: str
    sub_event_type: str
    date: date | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    location: Location | None = None
    actor1: str | None = None
    actor2: str | None = None
    weapons: list[str] = field(default_factory=list)
    quantity: int | None = None
    outcome: str | None = None  # hit, intercepted, no_damage
    fatalities: int | None = None
    injured: int | None = None
    status: str = "reported"
    attribution: list[Attribution] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    kind: str = "other_attack"  # attack_on_us_forces, us_strike, other_attack

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "kind": self.kind,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "weapons": list(self.weapons),
            "quantity": self.quantity,
            "outcome": self.outcome,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "status": self.status,
            "attribution": [a.to_dict() for a in self.attribution],
            "evidence": [s.to_dict() for s in self.evidence],
        }


#: what a count claim counts: attacks; people killed, injured (``casualties``: both in one figure) or abducted;
#: schools and settlements attacked; abductions, kidnappings and massacres told by an ordinal ("the 14th mass
#: abduction in Tsafe since January")
CLAIM_UNITS = ("attacks", "killed", "injured", "casualties", "abducted", "schools", "settlements", "abductions",
               "kidnappings", "massacres")


@dataclass(slots=True)
class Claim:
    """An aggregate count that totals many incidents ("at least 118 attacks since October 17")."""

    value: int
    qualifier: str
    unit: str
    since: date | None = None
    since_text: str | None = None
    since_partial: str | None = None
    as_of: date | None = None
    region: list[str] = field(default_factory=list)
    target: str | None = None
    actor: str | None = None
    speaker: str | None = None
    via: str | None = None
    locations: list[Location] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    ordinal: bool = False
    part_of: int | None = None  # index of the total this breakdown belongs to
    notes: list[str] = field(default_factory=list)
    noun: str | None = None  # what is counted, as the report words it ("drone strikes"); ``unit`` is its class

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "noun": self.noun,
            "since": self.since.isoformat() if self.since else None,
            "since_text": self.since_text,
            "since_partial": self.since_partial,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "region": list(self.region),
            "target": self.target,
            "actor": self.actor,
            "speaker": self.speaker,
            "via": self.via,
            "locations": [loc.to_dict() for loc in self.locations],
            "weapons": list(self.weapons),
            "evidence": [s.to_dict() for s in self.evidence],
            "ordinal": self.ordinal,
            "part_of": self.part_of,
            "notes": list(self.notes),
        }


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one report."""

    report: Report
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        r = self.report
        return {
            "schema": SCHEMA_ID,
            "document": {
                "id": r.id,
                "source": r.source,
                "url": r.url,
                "title": r.title,
                "published": r.published.isoformat() if r.published else None,
                "outlet": r.outlet,
                "language": r.language,
            },
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
            "notes": list(self.notes),
        }
