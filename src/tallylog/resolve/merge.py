"""An incident's merged values: every candidate with its mentions, the chosen value, and conflicts."""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import Any

from tallylog.model import Location
from tallylog.resolve.compat import DAY, Features, features, haversine_km
from tallylog.resolve.config import ResolveConfig
from tallylog.resolve.consensus import consensus_place, consensus_span
from tallylog.resolve.grade import grade, responsibility_disputed
from tallylog.resolve.records import Conflict, IncidentState, IncidentSummary, MentionRecord, MergedCount, ValueCandidate


def _candidates(mentions: Sequence[MentionRecord], value: Callable[[MentionRecord], Any],
                key: Callable[[Any], Hashable] = lambda v: v) -> list[ValueCandidate]:
    """Distinct non-None values in first-given order, each with the mentions and source groups giving it."""
    out: dict[Hashable, ValueCandidate] = {}
    for m in mentions:
        v = value(m)
        if v is None:
            continue
        c = out.get(key(v))
        if c is None:
            c = out[key(v)] = ValueCandidate(v, [], [])
        c.mention_ids.append(m.id)
        if m.source_group not in c.source_groups:
            c.source_groups.append(m.source_group)
    return list(out.values())


def merge_count(mentions: Sequence[MentionRecord], value: Callable[[MentionRecord], int | None],
                cfg: ResolveConfig) -> MergedCount:
    """Every figure sources give, low and high, and ``best`` after ACLED's rule: the most conservative
    (lowest) figure among well-sourced ones.

    A figure is well-sourced when a mention with a status in ``well_sourced.statuses`` (by default
    ``reported``: not a perpetrator's claim, not a denial) gives it, and either that mention names who
    said it (an attribution speaker) or at least ``min_source_groups`` independent sources give it.
    Without a well-sourced figure, ``best`` is the lowest reported figure, else the lowest of all;
    ``best_basis`` says which.
    """
    cands = _candidates(mentions, value)
    if not cands:
        return MergedCount()
    by_id = {m.id: m for m in mentions}
    reported_values = []
    for c in cands:
        ms = [by_id[i] for i in c.mention_ids if by_id[i].event.status in cfg.well_sourced_statuses]
        if ms:
            reported_values.append(c.value)
        named = any(a.speaker for m in ms for a in m.event.attribution)
        groups = {m.source_group for m in ms}
        c.well_sourced = bool(ms) and (named or len(groups) >= cfg.well_sourced_min_groups)
    values = [c.value for c in cands]
    well = [c.value for c in cands if c.well_sourced]
    if well:
        best, basis = min(well), "well_sourced"
    elif reported_values:
        best, basis = min(reported_values), "reported"
    else:
        best, basis = min(values), "any"
    return MergedCount(low=min(values), high=max(values), best=best, best_basis=basis,
                       candidates=sorted(cands, key=lambda c: c.value))


def _date_value(m: MentionRecord) -> dict[str, Any] | None:
    ev = m.event
    if ev.date is None:
        return None
    return {"date": ev.date.isoformat(), "precision": ev.date_precision}


def _place_key(loc: Location) -> Hashable:
    return (loc.gazetteer_id or loc.name or loc.text, loc.latitude, loc.longitude, loc.country, loc.geo_precision)


def _most_given(cands: list[ValueCandidate]) -> Any:
    return max(cands, key=lambda c: len(c.source_groups)).value if cands else None  # max keeps the first on a tie


def conflicts(mentions: Sequence[MentionRecord], feats: Sequence[Features], cfg: ResolveConfig,
              merged: dict[str, MergedCount], dates: list[ValueCandidate], places: list[ValueCandidate],
              actors: list[ValueCandidate]) -> list[Conflict]:
    """Where the incident's sources disagree (see docs/resolution.md, "Conflicts")."""
    out: list[Conflict] = []
    for name, mc in merged.items():
        if len(mc.candidates) > 1:
            out.append(Conflict(name, mc.candidates, f"sources give {len(mc.candidates)} figures"))
    day_dates = [c for c in dates if c.value["precision"] == "day"]
    if len(day_dates) > 1:
        ords = [date.fromisoformat(c.value["date"]).toordinal() for c in day_dates]
        spread = max(ords) - min(ords)
        within = "within" if spread <= cfg.tolerance_days else "beyond"
        out.append(Conflict("date", day_dates, f"dates {spread} day(s) apart ({within} tolerance)"))
    points = [c for c in places if c.value.latitude is not None and (c.value.geo_precision or 1) <= 2]
    far = 0.0
    for i, a in enumerate(points):
        for b in points[i + 1:]:
            far = max(far, haversine_km(a.value.latitude, a.value.longitude, b.value.latitude, b.value.longitude))
    if far > cfg.conflict_km:
        out.append(Conflict("place", points, f"places up to {far:.0f} km apart"))
    dispute = responsibility_disputed(feats)
    named = [c for c in actors if cfg.is_named(c.value)]
    if dispute or len(named) > 1:
        out.append(Conflict("responsibility", named, dispute or "sources name different perpetrators"))
    statuses = _candidates(mentions, lambda m: m.event.status)
    if any(c.value == "denied" for c in statuses) and len(statuses) > 1:
        out.append(Conflict("status", statuses, "one or more sources deny it"))
    outcomes = _candidates(mentions, lambda m: m.event.outcome)
    if len(outcomes) > 1:
        out.append(Conflict("outcome", outcomes, "sources differ on the outcome"))
    types = _candidates(mentions, lambda m: cfg.event_type(m.event))
    if len(types) > 1:
        out.append(Conflict("event_type", types, "sources describe it as different types of event"))
    return out


def summarise(inc: IncidentState, config: ResolveConfig | None = None) -> IncidentSummary:
    """Merge an incident's mentions: every candidate value with its mentions, the values most sources
    agree on, casualty ranges, conflicts and grade. Also sets the incident's derived fields."""
    cfg = ResolveConfig.load(config)
    mentions = inc.mentions
    feats = [features(m, cfg) for m in mentions]
    span, di = consensus_span(feats)
    d = d_end = None
    precision = "unknown"
    if di is not None and span.kind != "window":
        ev = mentions[di].event
        d = ev.date
        precision = "day" if span.kind == DAY else ev.date_precision
        d_end = date.fromordinal(span.end) if span.end is not None else d  # type: ignore[arg-type]
    place, pi = consensus_place(feats, cfg)
    location = mentions[pi].event.location if pi is not None else None
    subs = _candidates(mentions, lambda m: m.event.sub_event_type)
    sub = _most_given(subs)
    named_or_not = [m for m in mentions if m.event.status != "denied"] or list(mentions)
    actors = _candidates(named_or_not, lambda m: m.event.actor1)
    named = [c for c in actors if cfg.is_named(c.value)]
    # the named perpetrator most sources give; ties go to a reported (not claimed) naming
    by_id = {m.id: m for m in mentions}

    def actor_rank(c: ValueCandidate) -> tuple[int, int]:
        return (len(c.source_groups), any(by_id[i].event.status == "reported" for i in c.mention_ids))

    actor1 = max(named, key=actor_rank).value if named else _most_given(actors)
    actor2 = _most_given(_candidates(mentions, lambda m: m.event.actor2))
    weapons = sorted({w for m in mentions for w in m.event.weapons})
    outcome = _most_given(_candidates(mentions, lambda m: m.event.outcome))
    kind = _most_given(_candidates(mentions, lambda m: m.event.kind))
    merged = {
        "fatalities": merge_count(mentions, lambda m: m.event.fatalities, cfg),
        "injured": merge_count(mentions, lambda m: m.event.injured, cfg),
        "quantity": merge_count(mentions, lambda m: m.event.quantity, cfg),
    }
    dates = _candidates(mentions, _date_value, key=lambda v: (v["date"], v["precision"]))
    places = _candidates(mentions, lambda m: m.event.location, key=_place_key)
    g, reason = grade(mentions, feats, cfg)
    summary = IncidentSummary(
        id=inc.id, mention_ids=[m.id for m in mentions], source_groups=sorted({m.source_group for m in mentions}),
        date=d, date_end=d_end, precision=precision, location=location,
        event_type=cfg.event_type_of.get(sub) if sub else None, sub_event_type=sub,
        actor1=actor1, actor2=actor2, weapons=weapons,
        fatalities=merged["fatalities"], injured=merged["injured"], quantity=merged["quantity"],
        outcome=outcome, kind=kind, grade=g, grade_reason=reason,
        conflicts=conflicts(mentions, feats, cfg, merged, dates, places, named),
        dates=dates, places=places, actors=actors,
    )
    inc.date, inc.date_end, inc.precision = d, d_end, precision
    inc.lat, inc.lon, inc.country, inc.admin1 = place.lat, place.lon, place.country, place.admin1
    inc.geo_precision = place.precision if place.known else None
    inc.event_type, inc.sub_event_type, inc.actor1, inc.grade = summary.event_type, sub, actor1, g
    return summary
