"""Whether two descriptions can be one incident, part by part: type, date, place, actor, weapons.

Each part returns a score in 0..1, ``None`` when the two are incompatible, or ``WEAK`` when it cannot
tell (an unknown date or place): the resolver then asks the other parts to be strong.
"""
from __future__ import annotations

import math
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from tallylog.resolve.config import ResolveConfig
from tallylog.resolve.records import MentionRecord

WEAK = -1.0  # the part knows nothing: scores 0, and the others must be strong

DAY, SPAN, WINDOW, UNKNOWN = "day", "span", "window", "unknown"


@dataclass(frozen=True, slots=True)
class DateSpan:
    """The days an event date covers, as ordinals. ``kind``: day, span (week/month/range), window
    (no event date: the days before publication), unknown."""

    start: int | None
    end: int | None
    kind: str

    @property
    def bounded(self) -> bool:
        return self.start is not None


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event is, as far as resolution needs it."""

    lat: float | None
    lon: float | None
    precision: int | None
    country: str | None
    admin1: str | None

    @property
    def point(self) -> bool:
        """Coordinates precise enough to measure distances (geo_precision 1 or 2)."""
        return self.lat is not None and self.lon is not None and (self.precision or 1) <= 2

    @property
    def known(self) -> bool:
        return self.point or self.country is not None


@dataclass(frozen=True, slots=True)
class Features:
    """What the rules compare, computed once per mention."""

    id: str
    report_id: str
    group: str
    span: DateSpan
    place: Place
    sub: str
    etype: str
    actor: str | None  # named perpetrator, or None
    generic_actor: str | None
    side: str | None
    status: str
    weapons: frozenset[str]


def span_of(d: date, precision: str | None, cfg: ResolveConfig) -> DateSpan:
    """The span of days a date at a precision covers: its week, month or year, a range of ``range_days``,
    else the day itself."""
    o = d.toordinal()
    if precision == "week":
        return DateSpan(o, o + 6, SPAN)
    if precision == "month":
        return DateSpan(d.replace(day=1).toordinal(), d.replace(day=monthrange(d.year, d.month)[1]).toordinal(), SPAN)
    if precision == "year":
        return DateSpan(date(d.year, 1, 1).toordinal(), date(d.year, 12, 31).toordinal(), SPAN)
    if precision == "range":
        return DateSpan(o, o + cfg.range_days, SPAN)
    return DateSpan(o, o, DAY)


def date_span(m: MentionRecord, cfg: ResolveConfig) -> DateSpan:
    """The span of days the mention's event date covers (see ``DateSpan``)."""
    ev = m.event
    if ev.date is not None:
        return span_of(ev.date, ev.date_precision, cfg)
    if m.published is not None:
        p = m.published.toordinal()
        return DateSpan(p - cfg.unknown_window_days, p, WINDOW)
    return DateSpan(None, None, UNKNOWN)


def place_of(m: MentionRecord) -> Place:
    loc = m.event.location
    if loc is None:
        return Place(None, None, None, None, None)
    return Place(loc.latitude, loc.longitude, loc.geo_precision, loc.country, loc.admin1)


def features(m: MentionRecord, cfg: ResolveConfig) -> Features:
    ev = m.event
    named = ev.actor1 if cfg.is_named(ev.actor1) else None
    explicit = frozenset(w for w in ev.weapons if w not in cfg.weapons_neutral)
    return Features(
        id=m.id, report_id=m.report_id, group=m.source_group, span=date_span(m, cfg), place=place_of(m),
        sub=ev.sub_event_type, etype=cfg.event_type(ev), actor=named,
        generic_actor=ev.actor1 if ev.actor1 and not named else None,
        side=cfg.side(named), status=ev.status, weapons=explicit,
    )


# ---- parts ----------------------------------------------------------------------------------------

def type_score(a: Features, b: Features, cfg: ResolveConfig) -> float | None:
    """Same sub-type 1.0; sub-types in one compatibility group, or ACLED types listed as a pair, lower."""
    return sub_types_score(a.sub, a.etype, b.sub, b.etype, cfg)


def sub_types_score(sub_a: str, etype_a: str, sub_b: str, etype_b: str, cfg: ResolveConfig) -> float | None:
    """``type_score`` of two (sub-event type, event type) pairs."""
    if sub_a == sub_b:
        return 1.0
    s = cfg.sub_pair_score.get((sub_a, sub_b))
    t = cfg.type_pair_score.get((etype_a, etype_b)) if etype_a != etype_b else None
    if s is None and t is None:
        return None
    return max(s or 0.0, t or 0.0)


def date_score(a: DateSpan, b: DateSpan, cfg: ResolveConfig) -> float | None:
    """Day dates: same day, or within the tolerance; spans and windows: overlap (with the tolerance)."""
    if not a.bounded or not b.bounded:
        return WEAK
    sc = cfg.scores
    tol = cfg.tolerance_days
    if a.kind == DAY and b.kind == DAY:
        diff = abs(a.start - b.start)  # type: ignore[operator]
        if diff == 0:
            return sc["date_same_day"]
        return sc["date_adjacent_day"] if diff <= tol else None
    if a.start - tol > b.end or b.start - tol > a.end:  # type: ignore[operator]
        return None
    if a.kind == WINDOW or b.kind == WINDOW:
        return WEAK
    return sc["date_overlap"]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def place_score(a: Place, b: Place, cfg: ResolveConfig) -> float | None:
    """Distance within the limit of the coarser precision; same country required when both known;
    a region-level place agrees by admin1 or country."""
    if a.country and b.country and a.country != b.country:
        return None
    if a.point and b.point:
        d = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        limit = cfg.max_km.get(max(a.precision or 1, b.precision or 1), max(cfg.max_km.values()))
        if d > limit:
            return None
        full = min(cfg.full_score_km, limit)
        if d <= full:
            return 1.0
        return 1.0 - 0.5 * (d - full) / (limit - full)
    if a.country and b.country:
        if a.admin1 and b.admin1:
            if a.admin1 != b.admin1:
                return None
            return cfg.scores["place_admin1"]
        return cfg.scores["place_country_only"]
    return WEAK


def actor_score(m: Features, others: list[Features], cfg: ResolveConfig) -> float | None:
    """Named perpetrators: same 1.0, same side (an umbrella and its member) lower; differing named
    perpetrators are incompatible unless one of the two is a claim (or denial) of responsibility.
    A generic or missing perpetrator is compatible with anyone."""
    sc = cfg.scores
    named = [o for o in others if o.actor]
    if m.actor is None or not named:
        return sc["actor_generic"]
    if any(o.actor == m.actor for o in named):
        best = sc["actor_same"]
    elif any(o.side == m.side for o in named):
        best = sc["actor_same_side"]
    else:
        best = sc["actor_claim_differs"]
    for o in named:
        if o.actor != m.actor and o.side != m.side and m.status == "reported" and o.status == "reported":
            return None
    return best


def weapons_score(a: frozenset[str], b: frozenset[str], cfg: ResolveConfig) -> float:
    """Overlapping explicit weapons score high; disjoint sets lower the score; unknown is neutral."""
    if not a or not b:
        return cfg.scores["weapons_one_unknown"]
    both = len(a & b)
    if not both:
        return cfg.scores["weapons_disjoint"]
    return 0.5 + 0.5 * both / len(a | b)
