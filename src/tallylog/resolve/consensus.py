"""The date and place most sources agree on, shared by scoring (incident profiles) and summaries."""
from __future__ import annotations

from collections.abc import Sequence

from tallylog.resolve.compat import DAY, SPAN, UNKNOWN, WEAK, WINDOW, DateSpan, Features, Place, place_score
from tallylog.resolve.config import ResolveConfig


def consensus_span(feats: Sequence[Features]) -> tuple[DateSpan, int | None]:
    """The most precise date agreed by most sources, and the index of a mention that gives it.

    Day dates first: the day given by most source groups (ties: the earliest, as ACLED codes the
    first day when reports differ). Else the narrowest week/month/range, else a publication window.
    """
    days: dict[int, set[str]] = {}
    first: dict[int, int] = {}
    for i, f in enumerate(feats):
        if f.span.kind == DAY:
            days.setdefault(f.span.start, set()).add(f.group)  # type: ignore[arg-type]
            first.setdefault(f.span.start, i)  # type: ignore[arg-type]
    if days:
        best = min(days, key=lambda d: (-len(days[d]), d))
        return DateSpan(best, best, DAY), first[best]
    for kind in (SPAN, WINDOW):
        spans = [(f.span.end - f.span.start, f.span.start, i) for i, f in enumerate(feats)  # type: ignore[operator]
                 if f.span.kind == kind]
        if spans:
            _, _, i = min(spans)
            return feats[i].span, i
    return DateSpan(None, None, UNKNOWN), None


def consensus_place(feats: Sequence[Features], cfg: ResolveConfig) -> tuple[Place, int | None]:
    """The most precise place agreed by most sources, and the index of a mention that gives it.

    A point place is supported by every source group whose place is compatible with it (a base and
    "near the base", or the country it lies in); the most supported wins, then the more precise, then
    the first given. Without points: the admin1/country most groups give.
    """
    points = [(i, f) for i, f in enumerate(feats) if f.place.point]
    if points:
        seen: dict[tuple[float, float, int], int] = {}
        for i, f in points:
            seen.setdefault((round(f.place.lat, 4), round(f.place.lon, 4), f.place.precision or 1), i)  # type: ignore[arg-type]
        best_key = None
        best_i = None
        for key, i in seen.items():
            p = feats[i].place
            groups = {g.group for g in feats if g.place.known and (s := place_score(p, g.place, cfg)) is not None
                      and s != WEAK}
            rank = (-len(groups), p.precision or 1, i)
            if best_key is None or rank < best_key:
                best_key, best_i = rank, i
        return feats[best_i].place, best_i  # type: ignore[index]
    regions: dict[tuple[str, str | None], set[str]] = {}
    first: dict[tuple[str, str | None], int] = {}
    for i, f in enumerate(feats):
        if f.place.country:
            key = (f.place.country, f.place.admin1)
            regions.setdefault(key, set()).add(f.group)
            first.setdefault(key, i)
    if regions:
        key = min(regions, key=lambda k: (-len(regions[k]), k[1] is None, first[k]))
        i = first[key]
        return feats[i].place, i
    return Place(None, None, None, None, None), None
