"""Timeline plots as PNG (matplotlib, Agg backend): incidents per day, week or month, and optionally the
published count series as points over the ledger's cumulative count.

    from tallylog.report.plot import plot_counts
    plot_counts(ledger.counts("week"), "week", "timeline.png", series=build_series(ledger.claims()))
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

__all__ = ["PERIODS", "plot_counts", "period_start"]

PERIODS = ("day", "week", "month")
_WIDTH = {"day": 0.8, "week": 5.5, "month": 24.0}  # bar width in days


def period_start(key: Any, by: str) -> date | None:
    """The first day of a count's period from its key (a date or ``YYYY-MM-DD`` for day and week,
    ``YYYY-MM`` for month); None for an undated key."""
    if key is None or key == "":
        return None
    if isinstance(key, date):
        return key
    text = str(key)
    try:
        if by == "month":
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _period_end(start: date, by: str) -> date:
    if by == "day":
        return start
    if by == "week":
        return start + timedelta(days=6)
    nxt = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _series_points(series: Iterable[Any]) -> list[tuple[str, list[tuple[date, int]]]]:
    """(label, [(as_of, value)]) from ``reconcile.Series`` objects or dicts of the same shape."""
    out = []
    for s in series:
        label = getattr(s, "label", None) or (s.get("label") or s.get("series") or s.get("key") if isinstance(s, dict) else None)
        points = getattr(s, "points", None)
        if points is None and isinstance(s, dict):
            points = s.get("points") or []
        pts = []
        for p in points or []:
            as_of = getattr(p, "as_of", None) if not isinstance(p, dict) else p.get("as_of")
            value = getattr(p, "value", None) if not isinstance(p, dict) else p.get("value")
            day = period_start(as_of, "day")
            if day is not None and value is not None:
                pts.append((day, int(value)))
        if pts:
            out.append((str(label or "series"), sorted(pts)))
    return out


def plot_counts(rows: Sequence[tuple[Any, int]], by: str, out_path: str | os.PathLike[str],
                series: Iterable[Any] | None = None, title: str | None = None) -> Path:
    """Draw incidents per ``by`` period (bars) from ``rows`` (``Ledger.counts(by)``: ``[(key, n)]``) into a PNG.

    With ``series`` (``reconcile.Series`` or dicts with ``label`` and ``points`` of ``as_of``/``value``), a
    second panel draws the ledger's cumulative count as a step line and every published count as a point.
    Undated keys are left out. Returns the path written.
    """
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure  # no pyplot: no global backend or figure state, Agg renders the PNG

    dated = sorted((d, int(n)) for d, n in ((period_start(k, by), n) for k, n in rows) if d is not None)
    undated = sum(int(n) for k, n in rows if period_start(k, by) is None)
    points = _series_points(series or [])
    panels = 2 if series is not None else 1
    fig = Figure(figsize=(10, 3.2 * panels + 0.6))
    axes = fig.subplots(panels, 1, sharex=True, squeeze=False, gridspec_kw={"height_ratios": [1, 1.4][:panels]})
    ax = axes[0][0]
    if dated:
        ax.bar([d for d, _ in dated], [n for _, n in dated], width=_WIDTH[by], align="edge" if by != "day" else "center",
               color="#4b6f8f", label=f"incidents per {by}")
    ax.set_ylabel(f"incidents per {by}")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", color="#e6e3da")
    ax.set_axisbelow(True)
    heading = title or f"Incidents per {by}"
    if undated:
        heading += f" ({undated} undated not shown)"
    ax.set_title(heading, loc="left", fontsize=11)
    if panels == 2:
        cax = axes[1][0]
        if dated:
            xs, ys, total = [], [], 0
            for d, n in dated:
                total += n
                xs.append(_period_end(d, by))
                ys.append(total)
            cax.step([dated[0][0]] + xs, [0] + ys, where="post", color="#1d1d1b", linewidth=2, label="ledger, cumulative")
        colours = ["#D55E00", "#0072B2", "#CC79A7", "#009E73", "#E69F00", "#56B4E9", "#444444"]
        for i, (label, pts) in enumerate(points):
            cax.scatter([d for d, _ in pts], [v for _, v in pts], s=28, zorder=3, color=colours[i % len(colours)],
                        edgecolors="white", linewidths=0.8, label=label)
        cax.set_ylabel("cumulative count")
        cax.set_ylim(bottom=0)
        cax.grid(axis="y", color="#e6e3da")
        cax.set_axisbelow(True)
        if dated or points:
            cax.legend(loc="upper left", fontsize=8, frameon=False)
    bottom = axes[-1][0]
    bottom.xaxis.set_major_locator(mdates.AutoDateLocator())
    bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(bottom.xaxis.get_major_locator()))
    if not dated and not points:
        ax.text(0.5, 0.5, "no dated incidents", transform=ax.transAxes, ha="center", va="center", color="#5c5c57")
    fig.tight_layout()
    path = Path(out_path)
    fig.savefig(path, dpi=120, format="png")
    return path
