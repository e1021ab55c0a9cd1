"""The incident's grade, after Airwars' scale, from who reports, claims, acknowledges or denies it.

    confirmed      acknowledged by the party hit, or by a state party that carried it out
    denied         a denial, and not corroborated by two or more independent sources
    contested      sources disagree on whether it happened (a denial against corroboration) or who
                   did it (two groups claim it; named perpetrators of different sides)
    claimed_only   every mention is the perpetrator's claim of responsibility
    corroborated   two or more independent sources (distinct source groups)
    single_source  one source (one source group, however many copies)

The first rule that holds gives the grade. See docs/resolution.md.
"""
from __future__ import annotations

from collections.abc import Sequence

from tallylog.resolve.compat import Features
from tallylog.resolve.config import ResolveConfig
from tallylog.resolve.records import MentionRecord

GRADES = ("confirmed", "corroborated", "single_source", "claimed_only", "contested", "denied")


def parties(mentions: Sequence[MentionRecord], feats: Sequence[Features], cfg: ResolveConfig) -> tuple[set[str], set[str]]:
    """(sides that carried it out, sides that were hit), from named actors and the events' kinds."""
    perp: set[str] = set()
    target: set[str] = set()
    for m, f in zip(mentions, feats):
        if f.actor and f.status != "denied" and f.side:
            perp.add(f.side)
        ev = m.event
        if ev.kind in cfg.perpetrator_sides:
            perp.add(cfg.perpetrator_sides[ev.kind])
        if ev.kind in cfg.target_sides:
            target.add(cfg.target_sides[ev.kind])
        if ev.actor2 and ev.actor2 in cfg.actor_sides:
            target.add(cfg.actor_sides[ev.actor2])
    return perp, target


def acknowledgements(mentions: Sequence[MentionRecord], sides: set[str], cfg: ResolveConfig) -> list[tuple[MentionRecord, str]]:
    """Mentions whose speaker speaks for one of ``sides`` and that do not deny: (mention, speaker)."""
    found = []
    patterns = [cfg.party_speakers[s] for s in sides if s in cfg.party_speakers]
    if not patterns:
        return found
    for m in mentions:
        if m.event.status == "denied":
            continue
        for a in m.event.attribution:
            if a.speaker and any(p.search(a.speaker) for p in patterns):
                found.append((m, a.speaker))
                break
    return found


def responsibility_disputed(feats: Sequence[Features]) -> str | None:
    """Why responsibility is disputed, or None: two groups claim it, or reported perpetrators differ in side."""
    claimants = sorted({f.actor for f in feats if f.actor and f.status == "claimed"})
    if len(claimants) >= 2:
        return "claimed by " + " and ".join(claimants)
    reported = {(f.actor, f.side) for f in feats if f.actor and f.status == "reported"}
    claimed = {(f.actor, f.side) for f in feats if f.actor and f.status == "claimed"}
    named = reported | claimed
    if len({side for _, side in named}) >= 2:
        return "named perpetrators differ: " + ", ".join(sorted(a for a, _ in named))
    return None


def grade(mentions: Sequence[MentionRecord], feats: Sequence[Features], cfg: ResolveConfig) -> tuple[str, str]:
    """(grade, reason) of an incident from its mentions (see the module docstring for the rules)."""
    perp, target = parties(mentions, feats, cfg)
    acks = acknowledgements(mentions, perp | target, cfg)
    if acks:
        m, speaker = acks[0]
        who = "the party hit" if any(s in target and cfg.party_speakers[s].search(speaker) for s in target
                                     if s in cfg.party_speakers) else "the party that carried it out"
        return "confirmed", f"acknowledged by {who} ({speaker}, {m.outlet or m.report_id})"
    groups = {f.group for f in feats}
    denying = {f.group for f in feats if f.status == "denied"}
    affirming = {f.group for f in feats if f.status != "denied"}
    if denying:
        if len(affirming) >= 2:
            return "contested", f"denied by {len(denying)} source(s), reported by {len(affirming)} independent sources"
        return "denied", f"denied by {len(denying)} source(s), not corroborated"
    dispute = responsibility_disputed(feats)
    if dispute:
        return "contested", dispute
    if all(f.status == "claimed" for f in feats):
        return "claimed_only", f"only the perpetrator's claim ({len(groups)} source group(s))"
    if len(groups) >= 2:
        return "corroborated", f"{len(groups)} independent sources"
    return "single_source", "one source" + (f" ({len(mentions)} copies)" if len(mentions) > 1 else "")
