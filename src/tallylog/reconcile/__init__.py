"""Counts and reconciliation: published tallies against what the ledger holds.

A *series* is one official running count seen at several dates ("at least 66 attacks on US forces in Iraq and
Syria since October 17" on Nov. 21, "at least 151" on Jan. 16). ``build_series`` groups stored claims by
their scope (unit, region, target, actor, start of period); ``reconcile`` compares every point with the
ledger's count over the same scope and period and explains the difference.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Iterable, Iterator, Protocol

US_TARGETS = ("US forces", "US troops", "US bases")


class IncidentSource(Protocol):
    def incidents(self, since=None, until=None, country=None, **filters) -> Iterator[dict[str, Any]]: ...


def _d(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def series_key(claim: dict[str, Any]) -> str:
    """The scope of a count: what is counted, where, against whom, by whom, from when."""
    region = ",".join(sorted(claim.get("region") or [])) or "-"
    target = claim.get("target") or "-"
    if target in US_TARGETS:
        target = "US forces"
    since = claim.get("since") or claim.get("since_partial") or "-"
    actor = claim.get("actor") or "-"
    if target == "US forces":
        actor = "-"  # tallies of attacks on US forces count every perpetrator
    return f"{claim['unit']}|{region}|{target}|{actor}|since={since}"


@dataclass
class Point:
    as_of: date | None
    value: int
    qualifier: str
    speaker: str | None
    via: str | None
    source: str | None
    claim_id: Any = None


@dataclass
class Series:
    key: str
    unit: str
    region: list[str]
    target: str | None
    actor: str | None
    since: date | None
    points: list[Point] = field(default_factory=list)

    @property
    def label(self) -> str:
        where = "+".join(self.region) or "anywhere"
        who = f" on {self.target}" if self.target else ""
        since = f" since {self.since.isoformat()}" if self.since else ""
        return f"{self.unit}{who} in {where}{since}"


def build_series(claims: Iterable[dict[str, Any]]) -> list[Series]:
    """Group claims into series by scope; points sorted by date (undated last)."""
    out: dict[str, Series] = {}
    for c in claims:
        key = series_key(c)
        s = out.get(key)
        if s is None:
            target = c.get("target")
            s = out[key] = Series(key=key, unit=c["unit"], region=sorted(c.get("region") or []),
                                  target="US forces" if target in US_TARGETS else target,
                                  actor=c.get("actor"), since=_d(c.get("since")))
        s.points.append(Point(as_of=_d(c.get("as_of")), value=int(c["value"]), qualifier=c.get("qualifier") or "exact",
                              speaker=c.get("speaker"), via=c.get("via"), source=c.get("source") or c.get("report_source"),
                              claim_id=c.get("id")))
    for s in out.values():
        s.points.sort(key=lambda p: (p.as_of is None, p.as_of or date.min, p.value))
    return sorted(out.values(), key=lambda s: (-len(s.points), s.key))


@dataclass
class Reconciliation:
    series: str
    as_of: date | None
    claimed: int
    qualifier: str
    speaker: str | None
    ledger_total: int
    counted: int  # reported as fact: confirmed, corroborated, single_source
    claimed_only: int  # only the perpetrator says so: a tally by the target may leave them out
    disputed: int  # contested or denied
    intercepted: int  # intercepted or no damage: some tallies leave these out
    gap: int  # claimed minus ledger_total: what the ledger cannot account for (negative: the ledger has more)
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["as_of"] = self.as_of.isoformat() if self.as_of else None
        return d


def _in_scope(inc: dict[str, Any], s: Series) -> bool:
    if s.region and inc.get("country") not in s.region:
        return False
    if s.target == "US forces" and inc.get("kind") != "attack_on_us_forces":
        return False
    if s.actor and s.target != "US forces" and inc.get("actor1") and inc.get("actor1") != s.actor:
        return False
    return True


def _value(inc: dict[str, Any], unit: str) -> int:
    if unit == "attacks":
        return 1
    if unit == "killed":
        return int(inc.get("fatalities_best") or 0)
    if unit == "injured":
        return int(inc.get("injured_best") or 0)
    return 0


def reconcile_point(s: Series, p: Point, incidents: Iterable[dict[str, Any]]) -> Reconciliation:
    counted = claimed_only = disputed = intercepted = 0
    for inc in incidents:
        if not _in_scope(inc, s):
            continue
        d = _d(inc.get("date"))
        if d is None or (s.since and d < s.since) or (p.as_of and d > p.as_of):
            continue
        v = _value(inc, s.unit)
        grade = inc.get("grade")
        if grade == "claimed_only":
            claimed_only += v
        elif grade in ("contested", "denied"):
            disputed += v
        elif inc.get("outcome") in ("intercepted", "no_damage") or inc.get("sub_event_type") == "Disrupted weapons use":
            intercepted += v
        else:
            counted += v
    return _explain(s, p, counted, claimed_only, disputed, intercepted)


def _explain(s: Series, p: Point, counted: int, claimed_only: int, disputed: int, intercepted: int) -> Reconciliation:
    total = counted + claimed_only + disputed + intercepted
    gap = p.value - total
    parts = [f"the ledger holds {total} ({counted} reported as fact"]
    if claimed_only:
        parts.append(f"{claimed_only} claimed only by the perpetrator")
    if disputed:
        parts.append(f"{disputed} contested or denied")
    if intercepted:
        parts.append(f"{intercepted} intercepted or without damage")
    text = ", ".join(parts) + ")"
    if gap > 0:
        text += f"; {gap} not in the ledger"
    elif gap < 0:
        strict = counted
        text += f"; the ledger has {-gap} more (counting only those reported as fact: {strict})"
    else:
        text += "; the ledger accounts for the whole count"
    return Reconciliation(series=s.label, as_of=p.as_of, claimed=p.value, qualifier=p.qualifier, speaker=p.speaker,
                          ledger_total=total, counted=counted, claimed_only=claimed_only, disputed=disputed,
                          intercepted=intercepted, gap=gap, explanation=text)


def reconcile_tally(s: Series, p: Point, groups: list[dict[str, Any]]) -> Reconciliation:
    """The same as ``reconcile_point`` from the ledger's SQL tally (``Ledger.tally``) of the scope."""
    rows = []
    for g in groups:
        # one synthetic incident per group, weighted: reconcile_point counts them through _value
        rows.append({"grade": g["grade"], "sub_event_type": "Disrupted weapons use" if g["disrupted"] else None,
                     "n": g["n"], "killed": g["killed"], "injured": g["injured"]})
    counted = claimed_only = disputed = intercepted = 0
    for r in rows:
        v = r["n"] if s.unit == "attacks" else int(r["killed"] if s.unit == "killed" else r["injured"] if s.unit == "injured" else 0)
        if r["grade"] == "claimed_only":
            claimed_only += v
        elif r["grade"] in ("contested", "denied"):
            disputed += v
        elif r["sub_event_type"] == "Disrupted weapons use":
            intercepted += v
        else:
            counted += v
    return _explain(s, p, counted, claimed_only, disputed, intercepted)


def reconcile(series: Iterable[Series], source: IncidentSource) -> list[Reconciliation]:
    """Every point of every series against the ledger: one aggregate SQL query per point where the ledger
    can tally (``Ledger.tally``), else by reading the scope's incidents."""
    out: list[Reconciliation] = []
    for s in series:
        tally = getattr(source, "tally", None)
        if tally is not None and not (s.actor and s.target != "US forces"):
            kind = "attack_on_us_forces" if s.target == "US forces" else None
            for p in s.points:
                out.append(reconcile_tally(s, p, tally(since=s.since, until=p.as_of, countries=s.region or None, kind=kind)))
            continue
        until = max((p.as_of for p in s.points if p.as_of), default=None)
        rows = list(source.incidents(since=s.since, until=until))
        for p in s.points:
            out.append(reconcile_point(s, p, rows))
    return out


def to_json(rows: list[Reconciliation]) -> str:
    return json.dumps([r.to_dict() for r in rows], indent=2, ensure_ascii=False)


def to_csv(rows: list[Reconciliation]) -> str:
    buf = io.StringIO()
    cols = list(Reconciliation.__dataclass_fields__)
    w = csv.DictWriter(buf, fieldnames=cols)
    w.writeheader()
    for r in rows:
        w.writerow(r.to_dict())
    return buf.getvalue()
