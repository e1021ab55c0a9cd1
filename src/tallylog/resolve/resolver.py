"""Which event mentions, across reports, are one incident: scoring, assignment, incremental resolution."""
from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping
from datetime import date as date_type
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tallylog.resolve.blocking import BlockIndex
from tallylog.resolve.compat import (
    WEAK, DateSpan, Features, Place, actor_score, date_score, features, place_score, span_of, sub_types_score,
    type_score, weapons_score,
)
from tallylog.resolve.config import ResolveConfig
from tallylog.resolve.consensus import consensus_place, consensus_span
from tallylog.resolve.records import IncidentState, MentionRecord

NewId = Callable[[MentionRecord], str]


def default_new_id(first: MentionRecord) -> str:
    """``inc_`` + 12 hex digits of a hash of the incident's first mention id (stable across re-runs)."""
    return "inc_" + hashlib.sha1(first.id.encode("utf-8")).hexdigest()[:12]


@dataclass
class Profile:
    """What scoring compares a mention with: the incident's consensus date and place, its sub-types,
    named perpetrators, weapons and reports. Rebuilt when a mention joins."""

    size: int
    feats: list[Features]
    report_ids: frozenset[str]
    span: DateSpan
    place: Place
    subs: list[Features]  # one mention per distinct sub-event type
    named: list[Features]
    weapons: frozenset[str]

    @classmethod
    def build(cls, feats: list[Features], cfg: ResolveConfig) -> "Profile":
        subs: dict[str, Features] = {}
        for f in feats:
            subs.setdefault(f.sub, f)
        weapons: set[str] = set()
        for f in feats:
            weapons |= f.weapons
        return cls(
            size=len(feats), feats=feats, report_ids=frozenset(f.report_id for f in feats),
            span=consensus_span(feats)[0], place=consensus_place(feats, cfg)[0], subs=list(subs.values()),
            named=[f for f in feats if f.actor], weapons=frozenset(weapons),
        )


class Resolver:
    """Groups event mentions from many reports into incidents.

    ``config``: None (the shipped ``resolve.json``), a mapping laid over it, a JSON path, or a
    ``ResolveConfig``.
    """

    def __init__(self, config: ResolveConfig | Mapping[str, Any] | str | Path | None = None) -> None:
        self.cfg = ResolveConfig.load(config)
        w = self.cfg.weights
        self._weights = (w["type"], w["date"], w["place"], w["actor"], w["weapons"])
        self._total_weight = sum(self._weights)
        self._min = self.cfg.scores["min_score"]
        self._strong = self.cfg.scores["strong_score"]
        self._margin = self.cfg.scores.get("ambiguity_margin", 0.0)

    # ---- profiles -----------------------------------------------------------------------------

    def profile(self, inc: IncidentState) -> Profile:
        """The incident's cached profile, rebuilt if its mentions changed."""
        p = inc._profile
        if isinstance(p, Profile) and p.size == len(inc.mentions) and \
                (not p.size or p.feats[-1].id == inc.mentions[-1].id):
            return p
        p = Profile.build([features(m, self.cfg) for m in inc.mentions], self.cfg)
        inc._profile = p
        return p

    def _join(self, inc: IncidentState, m: MentionRecord, f: Features) -> None:
        old = self.profile(inc)
        inc.mentions.append(m)
        inc._profile = Profile.build([*old.feats, f], self.cfg)

    # ---- scoring ------------------------------------------------------------------------------

    def score_features(self, f: Features, p: Profile) -> float | None:
        """Weighted score of mention features against an incident profile; None when incompatible."""
        if f.report_id in p.report_ids:
            return None  # one report's events are distinct incidents by construction
        cfg = self.cfg
        t = 1.0
        for other in p.subs:
            s = type_score(f, other, cfg)
            if s is None:
                return None
            t = min(t, s)
        d = date_score(f.span, p.span, cfg)
        if d is None:
            return None
        pl = place_score(f.place, p.place, cfg) if p.place.known and f.place.known else WEAK
        if pl is None:
            return None
        a = actor_score(f, p.named, cfg)
        if a is None:
            return None
        wp = weapons_score(f.weapons, p.weapons, cfg)
        parts = (t, d, pl, a, wp)
        total = 0.0
        known_w = 0.0
        known = 0.0
        weak = False
        for value, weight in zip(parts, self._weights):
            if value == WEAK:
                weak = True
                continue
            total += value * weight
            known += value * weight
            known_w += weight
        if weak and (not known_w or known / known_w < self._strong):
            return None
        return total / self._total_weight

    def rules_out(self, f: Features, date: date_type | None, precision: str | None, sub: str | None,
                  weapons: Iterable[str] | None = None) -> bool:
        """True when no incident can take mention ``f`` whose merged date is ``date`` at ``precision``, whose
        sub-event type is ``sub`` and whose mentions name ``weapons`` (as ``summarise`` gives them; None where
        not known): ``score_features`` would return None for it whatever else its mentions say. Lets a caller
        set such incidents aside from their row alone, before reading their mentions.

        Ruled out: a date beyond the tolerance; a sub-type incompatible with ``f``'s (the incident's own is one
        its mentions give, and scoring needs all of theirs compatible); and, where the date cannot tell (an
        undated incident or mention), parts that cannot be strong even at their best (type at most its score
        against ``sub``, place 1.0 or unknown, actor 1.0 or, for an unnamed one, the generic score; weapons as
        they are).
        """
        cfg = self.cfg
        t = 1.0
        if sub is not None:
            t = sub_types_score(f.sub, f.etype, sub, cfg.event_type_of.get(sub, ""), cfg)
            if t is None:
                return True
        d = WEAK if date is None else date_score(f.span, span_of(date, precision, cfg), cfg)
        if d is None:
            return True
        if d != WEAK or weapons is None:
            return False
        wt, _, wpl, wa, ww = self._weights
        sc = cfg.scores
        a = sc["actor_generic"] if f.actor is None else max(
            sc["actor_same"], sc["actor_same_side"], sc["actor_generic"], sc["actor_claim_differs"])
        wp = weapons_score(f.weapons, frozenset(weapons) - cfg.weapons_neutral, cfg)
        known, known_w = t * wt + a * wa + wp * ww, wt + wa + ww
        best = known / known_w  # the place unknown
        if f.place.known:
            best = max(best, (known + wpl) / (known_w + wpl))  # the place known, and as close as can be
        return best < self._strong

    def score(self, m: MentionRecord, inc: IncidentState) -> float | None:
        """How well mention ``m`` fits incident ``inc`` (0..1); None when they cannot be one incident."""
        return self.score_features(features(m, self.cfg), self.profile(inc))

    def _best(self, f: Features, candidates: Iterable[IncidentState]) -> IncidentState | None:
        """The best candidate at or above ``min_score``. A mention placed no better than its country
        (or not at all) that fits two candidates almost equally well joins neither: it cannot say which."""
        best, best_score, runner_up = None, self._min, -1.0
        for inc in candidates:
            s = self.score_features(f, self.profile(inc))
            if s is None:
                continue
            if s > best_score or (best is None and s >= best_score):
                if best is not None:
                    runner_up = best_score
                best, best_score = inc, s
            else:
                runner_up = max(runner_up, s)
        if best is not None and not f.place.point and best_score - runner_up < self._margin:
            return None
        return best

    def assign(self, m: MentionRecord, candidates: list[IncidentState]) -> IncidentState | None:
        """The best-scoring candidate at or above ``min_score`` (the first on a tie), else None."""
        return self._best(features(m, self.cfg), candidates)

    # ---- resolution ---------------------------------------------------------------------------

    def resolve(self, mentions: Iterable[MentionRecord], existing: Iterable[IncidentState] = (),
                new_id: NewId = default_new_id, summarise_incidents: bool = True) -> list[IncidentState]:
        """Group ``mentions`` into incidents, joining ``existing`` ones where they fit.

        Mentions are taken in the order given; each joins its best candidate among the incidents in
        its blocks, or starts a new incident named by ``new_id(first_mention)``. Existing incidents
        keep their ids (they are copied, not changed in place); a mention id already in an incident is
        skipped, so re-running over the same reports adds nothing. Returns existing incidents first,
        then new ones in order of creation; those that changed are summarised (derived fields set).
        """
        from tallylog.resolve.merge import summarise

        cfg = self.cfg
        incidents: list[IncidentState] = []
        index = BlockIndex(cfg)
        seen: set[str] = set()
        ids: set[str] = set()
        for inc in existing:
            copy = dataclasses.replace(inc, mentions=list(inc.mentions))
            k = len(incidents)
            incidents.append(copy)
            ids.add(copy.id)
            for f in self.profile(copy).feats:
                index.add(k, f)
                seen.add(f.id)
        touched: set[int] = set()
        for m in mentions:
            if m.id in seen:
                continue
            seen.add(m.id)
            f = features(m, cfg)
            found = index.candidates(f)
            best = self._best(f, (incidents[k] for k in found)) if found else None
            if best is not None:
                k = next(k for k in found if incidents[k] is best)
                self._join(best, m, f)
            else:
                k = len(incidents)
                inc_id = new_id(m)
                n = 1
                while inc_id in ids:
                    n += 1
                    inc_id = f"{new_id(m)}_{n}"
                ids.add(inc_id)
                inc = IncidentState(id=inc_id, mentions=[m])
                inc._profile = Profile.build([f], cfg)
                incidents.append(inc)
            index.add(k, f)
            touched.add(k)
        if summarise_incidents:
            for k in sorted(touched):
                summarise(incidents[k], cfg)
        return incidents
