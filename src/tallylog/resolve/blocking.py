"""Blocking: a mention is scored only against incidents sharing a day bucket and a geo cell or country.

Incidents are indexed under every (day, place key) of every mention they hold; a mention looks up the
days of its date span widened by the tolerance, and the grid cells within the greatest matching
distance (or its country). Each lookup touches a handful of keys, so resolution stays near-linear.
"""
from __future__ import annotations

import math
from collections.abc import Hashable, Iterator

from tallylog.resolve.compat import Features, date_span, place_of
from tallylog.resolve.config import ResolveConfig
from tallylog.resolve.records import MentionRecord

GeoKey = tuple[Hashable, ...]
ANY: GeoKey = ("any",)
NOWHERE: GeoKey = ("none",)


def cell_of(lat: float, lon: float, size: float) -> GeoKey:
    return ("cell", math.floor(lon / size), math.floor(lat / size))


def mention_key(m: MentionRecord, config: ResolveConfig | None = None) -> tuple[int | None, GeoKey]:
    """The blocking key of a mention: (day bucket, geo cell / country).

    The day bucket is the first day of its date span as an ordinal (None when the date is unknown or
    spans more than ``max_bucket_days``); the geo key is a grid cell for a place with coordinates at
    geo_precision 1-2, ``("country", CC)`` for a region-level place, ``("none",)`` for no place.
    """
    cfg = ResolveConfig.load(config)
    span = date_span(m, cfg)
    day = span.start if span.bounded and span.end - span.start <= cfg.max_bucket_days else None  # type: ignore[operator]
    p = place_of(m)
    if p.point:
        return day, cell_of(p.lat, p.lon, cfg.cell_degrees)  # type: ignore[arg-type]
    if p.country:
        return day, ("country", p.country)
    return day, NOWHERE


class BlockIndex:
    """Incident numbers by (day, place key), and by place key alone for undated lookups."""

    def __init__(self, cfg: ResolveConfig) -> None:
        self.cfg = cfg
        self.by_day: dict[tuple[int | None, GeoKey], list[int]] = {}
        self.by_place: dict[GeoKey, list[int]] = {}
        self.radius_km = max(cfg.max_km.values()) if cfg.max_km else 50.0

    # ---- keys ---------------------------------------------------------------------------------

    def _days(self, f: Features, widen: int) -> list[int | None] | None:
        s = f.span
        if not s.bounded or s.end - s.start > self.cfg.max_bucket_days:  # type: ignore[operator]
            return None
        return list(range(s.start - widen, s.end + widen + 1))  # type: ignore[operator]

    def _index_keys(self, f: Features) -> list[GeoKey]:
        p = f.place
        if p.point:
            keys = [cell_of(p.lat, p.lon, self.cfg.cell_degrees)]  # type: ignore[arg-type]
            if p.country:
                keys.append(("country", p.country))
        elif p.country:
            keys = [("coarse", p.country), ("country", p.country)]
        else:
            keys = [NOWHERE]
        keys.append(ANY)
        return keys

    def _query_keys(self, f: Features) -> list[GeoKey]:
        p = f.place
        if p.point:
            size = self.cfg.cell_degrees
            _, ix, iy = cell_of(p.lat, p.lon, size)  # type: ignore[arg-type]
            dy = math.ceil(self.radius_km / (111.2 * size))
            lat_max = min(89.0, max(abs(iy - dy), abs(iy + dy + 1)) * size)
            dx = min(math.ceil(self.radius_km / (111.2 * size * math.cos(math.radians(lat_max)))),
                     math.ceil(180 / size))
            keys: list[GeoKey] = [("cell", x, y) for y in range(iy - dy, iy + dy + 1) for x in range(ix - dx, ix + dx + 1)]
            if p.country:
                keys.append(("coarse", p.country))
            keys.append(NOWHERE)
            return keys
        if p.country:
            return [("country", p.country), NOWHERE]
        return [ANY]

    # ---- use ----------------------------------------------------------------------------------

    def add(self, incident: int, f: Features) -> None:
        """Index incident number ``incident`` under the keys of one of its mentions."""
        keys = self._index_keys(f)
        days = self._days(f, 0) or [None]
        for key in keys:
            lst = self.by_place.setdefault(key, [])
            if not lst or lst[-1] != incident:
                lst.append(incident)
            for d in days:
                lst = self.by_day.setdefault((d, key), [])
                if not lst or lst[-1] != incident:
                    lst.append(incident)

    def candidates(self, f: Features) -> list[int]:
        """Incident numbers that share a block with mention ``f``, oldest first."""
        keys = self._query_keys(f)
        days = self._days(f, self.cfg.tolerance_days)
        found: set[int] = set()
        if days is None:
            if keys == [ANY]:
                return []  # no date and no place: nothing to block on
            for key in keys:
                found.update(self.by_place.get(key, ()))
        else:
            days.append(None)
            get = self.by_day.get
            for d in days:
                for key in keys:
                    hit = get((d, key))
                    if hit:
                        found.update(hit)
        return sorted(found)

    def __iter__(self) -> Iterator[tuple[int | None, GeoKey]]:
        return iter(self.by_day)
