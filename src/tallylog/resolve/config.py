"""Resolution settings: thresholds and compatibility tables read from ``data/lexicons/resolve.json``.

The numbers live in the data file so they can be tuned without touching the code that applies them;
``ResolveConfig`` is the parsed, ready-to-use form (regexes compiled, tables indexed).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

from tallylog.model import Event


def _load_json(name: str) -> dict[str, Any]:
    return json.loads(resources.files("tallylog").joinpath(f"data/lexicons/{name}").read_text("utf-8"))


@lru_cache(maxsize=1)
def default_data() -> dict[str, Any]:
    """The shipped ``resolve.json``."""
    return _load_json("resolve.json")


@lru_cache(maxsize=1)
def actor_tables() -> tuple[dict[str, str], tuple[re.Pattern[str], ...]]:
    """Named actor -> side, and the generic-actor patterns, from ``actors.json``."""
    data = _load_json("actors.json")
    sides = {a["name"]: a.get("side") or a["name"] for a in data.get("named", [])}
    generic = tuple(re.compile(rf"(?:{p})", re.I) for p in data.get("generic", []))
    return sides, generic


@dataclass
class ResolveConfig:
    """Everything the resolver and the merge rules read, from one ``resolve.json``-shaped mapping."""

    raw: dict[str, Any]
    sub_pair_score: dict[tuple[str, str], float] = field(default_factory=dict)
    type_pair_score: dict[tuple[str, str], float] = field(default_factory=dict)
    event_type_of: dict[str, str] = field(default_factory=dict)
    tolerance_days: int = 1
    range_days: int = 14
    unknown_window_days: int = 7
    max_bucket_days: int = 45
    max_km: dict[int, float] = field(default_factory=dict)
    full_score_km: float = 10.0
    cell_degrees: float = 0.5
    conflict_km: float = 5.0
    weights: dict[str, float] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    weapons_neutral: frozenset[str] = frozenset()
    well_sourced_statuses: frozenset[str] = frozenset({"reported"})
    well_sourced_min_groups: int = 2
    party_speakers: dict[str, re.Pattern[str]] = field(default_factory=dict)
    target_sides: dict[str, str] = field(default_factory=dict)
    perpetrator_sides: dict[str, str] = field(default_factory=dict)
    actor_sides: dict[str, str] = field(default_factory=dict)
    generic_actors: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> "ResolveConfig":
        raw = dict(raw)
        events = _load_json("events.json")
        cfg = cls(raw=raw)
        cfg.event_type_of = dict(events.get("event_types", {}))
        types = raw.get("type_compatibility", {})
        for group in types.get("groups", []):
            subs = group["sub_types"]
            for a in subs:
                for b in subs:
                    if a != b:
                        key = (a, b)
                        cfg.sub_pair_score[key] = max(cfg.sub_pair_score.get(key, 0.0), float(group["score"]))
        for pair in types.get("event_type_pairs", []):
            a, b = pair["types"]
            cfg.type_pair_score[(a, b)] = cfg.type_pair_score[(b, a)] = float(pair["score"])
        dates = raw.get("dates", {})
        cfg.tolerance_days = int(dates.get("tolerance_days", 1))
        cfg.range_days = int(dates.get("range_days", 14))
        cfg.unknown_window_days = int(dates.get("unknown_window_days", 7))
        cfg.max_bucket_days = int(dates.get("max_bucket_days", 45))
        places = raw.get("places", {})
        cfg.max_km = {int(k): float(v) for k, v in places.get("max_km", {"1": 25, "2": 50}).items()}
        cfg.full_score_km = float(places.get("full_score_km", 10))
        cfg.cell_degrees = float(places.get("cell_degrees", 0.5))
        cfg.conflict_km = float(places.get("conflict_km", 5))
        cfg.weights = {k: float(v) for k, v in raw.get("weights", {}).items() if not k.startswith("_")}
        cfg.scores = {k: float(v) for k, v in raw.get("scores", {}).items() if not k.startswith("_")}
        cfg.weapons_neutral = frozenset(raw.get("weapons_neutral", []))
        ws = raw.get("well_sourced", {})
        cfg.well_sourced_statuses = frozenset(ws.get("statuses", ["reported"]))
        cfg.well_sourced_min_groups = int(ws.get("min_source_groups", 2))
        cfg.party_speakers = {
            side: re.compile(r"\b(?:" + "|".join(pats) + r")\b", re.I)
            for side, pats in raw.get("party_speakers", {}).items() if not side.startswith("_") and pats
        }
        cfg.target_sides = {k: v for k, v in raw.get("target_sides", {}).items() if not k.startswith("_")}
        cfg.perpetrator_sides = {k: v for k, v in raw.get("perpetrator_sides", {}).items() if not k.startswith("_")}
        cfg.actor_sides, cfg.generic_actors = actor_tables()
        return cfg

    @classmethod
    def load(cls, source: "ResolveConfig | Mapping[str, Any] | str | Path | None" = None) -> "ResolveConfig":
        """A config from nothing (the shipped file), a mapping, a JSON path, or a ready config.

        A mapping is laid over the shipped file section by section, so ``{"scores": {"min_score": 0.6}}``
        changes one threshold and keeps the rest.
        """
        if isinstance(source, ResolveConfig):
            return source
        if source is None:
            return _default_config()
        if isinstance(source, (str, Path)):
            source = json.loads(Path(source).read_text("utf-8"))
        merged = json.loads(json.dumps(default_data()))
        for key, value in source.items():
            if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
        return cls.from_mapping(merged)

    # ---- small lookups used by the rules ------------------------------------------------------

    def event_type(self, ev: Event) -> str:
        return ev.event_type or self.event_type_of.get(ev.sub_event_type, "")

    def is_named(self, actor: str | None) -> bool:
        """A named armed actor (from actors.json, or any name that is not a generic description)."""
        if not actor:
            return False
        if actor in self.actor_sides:
            return True
        return not any(p.fullmatch(actor.strip()) for p in self.generic_actors)

    def side(self, actor: str | None) -> str | None:
        if not actor:
            return None
        return self.actor_sides.get(actor, actor if self.is_named(actor) else None)


@lru_cache(maxsize=1)
def _default_config() -> ResolveConfig:
    return ResolveConfig.from_mapping(default_data())
