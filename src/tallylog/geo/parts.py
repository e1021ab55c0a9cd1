"""Directional parts of seas and regions: "the southern Red Sea", "northern Gaza Strip".

A direction adjective before a curated sea or region names a part of it. ``region_parts.csv`` gives a point
for the parts news names most; a part the table lacks keeps the whole feature's point. Either way the
mention stays at geo_precision 3 (a part of a large area, not a site).
"""
from __future__ import annotations

import csv
import json
import re
from functools import lru_cache

from tallylog.geo.normalise import data_file


@lru_cache(maxsize=1)
def direction_words() -> dict[str, str]:
    """Direction adjective (lower case) -> part key (north, south, northeast, central, ...)."""
    d = json.loads(data_file("geoparse.json").read_text(encoding="utf-8"))
    return {k: v for k, v in d.get("direction_words", {}).items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _direction_re() -> re.Pattern:
    words = sorted(direction_words(), key=len, reverse=True)
    return re.compile(r"(?:^|\s)(" + "|".join(re.escape(w) for w in words) + r")\s*$")


@lru_cache(maxsize=1)
def region_parts() -> dict[tuple[str, str], tuple[float, float]]:
    """(region id, part) -> (latitude, longitude), from ``region_parts.csv``."""
    out: dict[tuple[str, str], tuple[float, float]] = {}
    with data_file("region_parts.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[(row["region_id"], row["part"])] = (float(row["latitude"]), float(row["longitude"]))
    return out


def direction_before(words_before: str) -> str | None:
    """The part key named by a direction adjective ending ``words_before`` (lower case), if any."""
    m = _direction_re().search(words_before)
    return direction_words()[m.group(1)] if m else None


def part_point(region_id: str, part: str) -> tuple[float, float] | None:
    """The point of a part of a region; a compound part ("northwest") falls back to its first half."""
    table = region_parts()
    if (region_id, part) in table:
        return table[(region_id, part)]
    for half in ("north", "south"):
        if part.startswith(half) and part != half and (region_id, half) in table:
            return table[(region_id, half)]
    return None
