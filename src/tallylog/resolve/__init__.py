"""Cross-report resolution: which event mentions are one incident, and what the incident is.

    from tallylog.resolve import MentionRecord, Resolver, summarise
    incidents = Resolver().resolve(mentions, existing=previous_incidents)
    for inc in incidents:
        s = summarise(inc)          # merged values, every candidate, conflicts, grade

Pure domain logic: plain objects in, plain objects out (no database). Thresholds and compatibility
tables are in ``data/lexicons/resolve.json``; the rules are described in ``docs/resolution.md``.
"""
from __future__ import annotations

from tallylog.resolve.blocking import mention_key
from tallylog.resolve.config import ResolveConfig
from tallylog.resolve.grade import GRADES
from tallylog.resolve.merge import merge_count, summarise
from tallylog.resolve.records import (
    Conflict, IncidentState, IncidentSummary, MentionRecord, MergedCount, ValueCandidate, mentions_from_extraction,
)
from tallylog.resolve.resolver import Resolver, default_new_id
from tallylog.resolve.simhash import fingerprint, hamming, near_duplicate, source_groups

__all__ = [
    "Conflict", "GRADES", "IncidentState", "IncidentSummary", "MentionRecord", "MergedCount", "ResolveConfig",
    "Resolver", "ValueCandidate", "default_new_id", "fingerprint", "hamming", "mention_key", "mentions_from_extraction",
    "merge_count", "near_duplicate", "source_groups", "summarise",
]
