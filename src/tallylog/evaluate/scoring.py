"""Scoring one extraction against one gold document, and adding documents up (micro-average).

Incidents pair when their dates agree within a day (or lie in a gold range, or are both
unknown) and their places lie within 50 km (or, without gold coordinates, have the same
normalised name, or both have no place). Claims pair on value and unit. Pairing is one-to-one.
Every figure keeps its counts so a reader can check it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tallylog.evaluate.bcubed import BCubed
from tallylog.evaluate.gold import GoldClaim, GoldDoc, GoldIncident
from tallylog.evaluate.matching import (
    MAX_DISTANCE_KM, assign, dates_agree, haversine_km, normalise_place, token_f1,
)
from tallylog.model import Claim, Event, Extraction, Report

INCIDENT_ATTRIBUTES = ("weapons", "killed", "injured", "event_type", "sub_event_type", "status", "date")
CLAIM_ATTRIBUTES = ("qualifier", "since", "as_of", "region", "speaker")
SPEAKER_MIN_OVERLAP = 0.5

Extractor = Callable[[Report], Extraction]


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with the figures they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2tp / (2tp + fp + fn): the harmonic mean of P and R, and 0.0 when nothing was found."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(slots=True)
class Accuracy:
    """Right answers among matched pairs for one attribute."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, other: "Accuracy") -> None:
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass(slots=True)
class Problem:
    """One reason a document did not score perfectly, with the evidence a developer needs.

    ``kind`` is ``missed`` (gold item not found), ``spurious`` (prediction with no gold item),
    ``attribute`` (matched, but one attribute differs) or ``gold`` (an issue in the gold file).
    """

    kind: str
    item: str  # incident, claim or document
    message: str
    evidence: str | None = None
    predicted_evidence: str | None = None
    details: list[str] = field(default_factory=list)  # one line per differing attribute

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "item": self.item, "message": self.message, "details": list(self.details),
                "evidence": self.evidence, "predicted_evidence": self.predicted_evidence}


@dataclass(slots=True)
class DocResult:
    """The score of one gold document."""

    id: str
    source: str
    relevant_gold: bool
    relevant_pred: bool
    incidents: Counts = field(default_factory=Counts)
    claims: Counts = field(default_factory=Counts)
    incident_attributes: dict[str, Accuracy] = field(default_factory=dict)
    claim_attributes: dict[str, Accuracy] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "source": self.source,
            "relevant": {"gold": self.relevant_gold, "predicted": self.relevant_pred},
            "incidents": self.incidents.to_dict(), "claims": self.claims.to_dict(),
            "incident_attributes": {k: v.to_dict() for k, v in self.incident_attributes.items()},
            "claim_attributes": {k: v.to_dict() for k, v in self.claim_attributes.items()},
            "problems": [p.to_dict() for p in self.problems],
        }


@dataclass(slots=True)
class EvalResult:
    """Micro-averaged scores over all documents of a gold file, and the per-document results."""

    gold_path: str
    shared_root: str
    documents: list[DocResult] = field(default_factory=list)
    incidents: Counts = field(default_factory=Counts)
    claims: Counts = field(default_factory=Counts)
    relevance: Counts = field(default_factory=Counts)
    incident_attributes: dict[str, Accuracy] = field(
        default_factory=lambda: {a: Accuracy() for a in INCIDENT_ATTRIBUTES})
    claim_attributes: dict[str, Accuracy] = field(
        default_factory=lambda: {a: Accuracy() for a in CLAIM_ATTRIBUTES})
    bcubed: BCubed | None = None  # cross-document resolution, once it is scored
    merged: dict[str, Accuracy] = field(default_factory=dict)  # merged values of resolved incidents

    def add(self, doc: DocResult) -> None:
        self.documents.append(doc)
        self.incidents.add(doc.incidents)
        self.claims.add(doc.claims)
        self.relevance.add(Counts(
            tp=int(doc.relevant_gold and doc.relevant_pred),
            fp=int(doc.relevant_pred and not doc.relevant_gold),
            fn=int(doc.relevant_gold and not doc.relevant_pred),
        ))
        for name, acc in doc.incident_attributes.items():
            self.incident_attributes[name].add(acc)
        for name, acc in doc.claim_attributes.items():
            self.claim_attributes[name].add(acc)


# ---- incidents -------------------------------------------------------------------------------

def _iso(d: date | None) -> str:
    return d.isoformat() if d else "unknown date"


def _pred_evidence(spans: list[Any]) -> str | None:
    texts = [s.text for s in spans if getattr(s, "text", None)]
    return " | ".join(texts) if texts else None


def _gold_names(g: GoldIncident) -> set[str]:
    return {n for n in (normalise_place(g.place), normalise_place(g.place_text)) if n}


def _pred_names(e: Event) -> set[str]:
    loc = e.location
    if loc is None:
        return set()
    return {n for n in (normalise_place(loc.name), normalise_place(loc.text)) if n}


def incident_cost(g: GoldIncident, e: Event) -> float | None:
    """Kilometres between a gold incident and a predicted event, or None if they cannot match."""
    if not dates_agree(g.period_start, e.date, g.period_end):
        return None
    if g.has_coordinates:
        loc = e.location
        if loc is None or loc.latitude is None or loc.longitude is None:
            return None
        km = haversine_km(g.lat, g.lon, loc.latitude, loc.longitude)  # type: ignore[arg-type]
        return km if km <= MAX_DISTANCE_KM else None
    gold_names, pred_names = _gold_names(g), _pred_names(e)
    if not gold_names and not pred_names:
        return 0.0
    return 0.0 if gold_names & pred_names else None


def _gold_when(g: GoldIncident) -> str:
    end = g.period_end
    return f"{_iso(g.period_start)}..{_iso(end)}" if end else _iso(g.date)


def _describe_gold_incident(g: GoldIncident) -> str:
    when = _gold_when(g)
    where = g.place or g.place_text or "no place"
    coords = f" ({g.lat:.3f}, {g.lon:.3f})" if g.has_coordinates else ""
    return (f"{when}, {where}{coords}, {g.event_type}/{g.sub_event_type}, "
            f"killed {g.killed}, injured {g.injured}")


def _describe_event(e: Event) -> str:
    loc = e.location
    where = (loc.name or loc.text) if loc else None
    coords = ""
    if loc and loc.latitude is not None and loc.longitude is not None:
        coords = f" ({loc.latitude:.3f}, {loc.longitude:.3f})"
    return (f"{_iso(e.date)}, {where or 'no place'}{coords}, {e.event_type}/{e.sub_event_type}, "
            f"killed {e.fatalities}, injured {e.injured}")


def _incident_values(g: GoldIncident, e: Event) -> dict[str, tuple[Any, Any, bool]]:
    """(gold, predicted, right?) for each incident attribute."""
    end = g.period_end
    date_right = dates_agree(g.period_start, e.date, end) if end else g.date == e.date
    return {
        "weapons": (sorted(g.weapons), sorted(set(e.weapons)), set(g.weapons) == set(e.weapons)),
        "killed": (g.killed, e.fatalities, g.killed == e.fatalities),
        "injured": (g.injured, e.injured, g.injured == e.injured),
        "event_type": (g.event_type, e.event_type, g.event_type == e.event_type),
        "sub_event_type": (g.sub_event_type, e.sub_event_type, g.sub_event_type == e.sub_event_type),
        "status": (g.status, e.status, g.status == e.status),
        "date": (_gold_when(g), _iso(e.date), date_right),
    }


def _tally(values: dict[str, tuple[Any, Any, bool]], accuracies: dict[str, Accuracy]) -> list[str]:
    """Count each attribute of one matched pair; a line for each one that is wrong."""
    wrong = []
    for name, (gv, pv, right) in values.items():
        acc = accuracies[name]
        acc.total += 1
        acc.correct += int(right)
        if not right:
            wrong.append(f"{name}: gold {gv!r}, predicted {pv!r}")
    return wrong


def score_incidents(gold: list[GoldIncident], events: list[Event], doc: DocResult) -> None:
    pairs = assign(gold, events, incident_cost)
    doc.incidents = Counts(tp=len(pairs), fp=len(events) - len(pairs), fn=len(gold) - len(pairs))
    doc.incident_attributes = {a: Accuracy() for a in INCIDENT_ATTRIBUTES}
    matched_gold = {gi for gi, _, _ in pairs}
    matched_pred = {pi for _, pi, _ in pairs}
    for gi, pi, km in pairs:
        g, e = gold[gi], events[pi]
        wrong = _tally(_incident_values(g, e), doc.incident_attributes)
        if wrong:
            doc.problems.append(Problem(
                "attribute", "incident", f"{_describe_gold_incident(g)} (matched at {km:.1f} km)",
                evidence=g.evidence, predicted_evidence=_pred_evidence(e.evidence), details=wrong))
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            doc.problems.append(Problem("missed", "incident", _describe_gold_incident(g), evidence=g.evidence))
    for pi, e in enumerate(events):
        if pi not in matched_pred:
            doc.problems.append(Problem("spurious", "incident", _describe_event(e),
                                        predicted_evidence=_pred_evidence(e.evidence)))


# ---- claims ----------------------------------------------------------------------------------

def normalise_unit(unit: str | None) -> str:
    """A claim unit as compared: case-folded, "_"/"-" as spaces, a plural "s" (or "es" after a sibilant:
    "clashes", "ambushes") dropped."""
    text = re.sub(r"[\s_\-]+", " ", (unit or "").casefold()).strip()
    if re.search(r"(?:sh|ch|x|ss)es$", text):
        return text[:-2]
    if text.endswith("s") and not text.endswith("ss"):
        text = text[:-1]
    return text


def speaker_right(gold: str | None, predicted: str | None) -> bool:
    """Speaker agreement: token-overlap F1 of content words >= 0.5 (both absent also agrees)."""
    return token_f1(gold, predicted) >= SPEAKER_MIN_OVERLAP


def _claim_values(g: GoldClaim, c: Claim) -> dict[str, tuple[Any, Any, bool]]:
    return {
        "qualifier": (g.qualifier, c.qualifier, g.qualifier == c.qualifier),
        "since": (_iso(g.since), _iso(c.since), g.since == c.since),
        "as_of": (_iso(g.as_of), _iso(c.as_of), g.as_of == c.as_of),
        "region": (sorted(g.region), sorted(set(c.region)), set(g.region) == set(c.region)),
        "speaker": (g.speaker, c.speaker, speaker_right(g.speaker, c.speaker)),
    }


def unit_agrees(gold: str, c: Claim) -> bool:
    """A gold unit agrees with a claim's controlled ``unit`` ("attacks"), or with the noun the report
    counts (``noun``: "drone strikes" agrees with "drone strikes" and "strikes", "kidnapped" with
    "kidnapped"): annotators write the unit as the text words it or by its class, and either is right."""
    want = normalise_unit(gold)
    if want == normalise_unit(c.unit):
        return True
    noun = normalise_unit(c.noun)
    return bool(noun) and (noun == want or noun.endswith(" " + want))


def claim_cost(g: GoldClaim, c: Claim) -> float | None:
    """None unless value and unit agree; else the number of differing attributes (so the closest
    of several same-valued claims is paired)."""
    if g.value != c.value or not unit_agrees(g.unit, c):
        return None
    return float(sum(not right for _, _, right in _claim_values(g, c).values()))


def _describe_claim(value: int, qualifier: str, unit: str, since: date | None, region: list[str],
                    speaker: str | None) -> str:
    return (f"{qualifier} {value} {unit} since {_iso(since)} in {','.join(region) or 'no region'}"
            f" (speaker: {speaker or 'none'})")


def score_claims(gold: list[GoldClaim], claims: list[Claim], doc: DocResult) -> None:
    pairs = assign(gold, claims, claim_cost)
    doc.claims = Counts(tp=len(pairs), fp=len(claims) - len(pairs), fn=len(gold) - len(pairs))
    doc.claim_attributes = {a: Accuracy() for a in CLAIM_ATTRIBUTES}
    matched_gold = {gi for gi, _, _ in pairs}
    matched_pred = {pi for _, pi, _ in pairs}
    for gi, pi, _ in pairs:
        g, c = gold[gi], claims[pi]
        wrong = _tally(_claim_values(g, c), doc.claim_attributes)
        if wrong:
            doc.problems.append(Problem(
                "attribute", "claim", _describe_claim(g.value, g.qualifier, g.unit, g.since, g.region, g.speaker),
                evidence=g.evidence, predicted_evidence=_pred_evidence(c.evidence), details=wrong))
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            doc.problems.append(Problem("missed", "claim", _describe_claim(
                g.value, g.qualifier, g.unit, g.since, g.region, g.speaker), evidence=g.evidence))
    for pi, c in enumerate(claims):
        if pi not in matched_pred:
            doc.problems.append(Problem("spurious", "claim", _describe_claim(
                c.value, c.qualifier, c.unit, c.since, c.region, c.speaker),
                predicted_evidence=_pred_evidence(c.evidence)))


# ---- one document ----------------------------------------------------------------------------

def check_evidence(gold: GoldDoc, text: str) -> list[Problem]:
    """Gold evidence strings that are not exact substrings of the document text."""
    problems = []
    items: list[tuple[str, str]] = [("incident", i.evidence) for i in gold.incidents]
    items += [("claim", c.evidence) for c in gold.claims]
    for item, evidence in items:
        if evidence not in text:
            problems.append(Problem("gold", item, "evidence is not an exact substring of the document text",
                                    evidence=evidence))
    return problems


def score_document(gold: GoldDoc, extraction: Extraction, text: str | None = None) -> DocResult:
    """Score one extraction against its gold document (``text``, if given, checks gold evidence)."""
    doc = DocResult(id=gold.id, source=gold.source, relevant_gold=gold.relevant,
                    relevant_pred=bool(extraction.events or extraction.claims))
    if text is not None:
        doc.problems.extend(check_evidence(gold, text))
    score_incidents(gold.incidents, list(extraction.events), doc)
    score_claims(gold.claims, list(extraction.claims), doc)
    return doc
