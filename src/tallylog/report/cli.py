"""``tallylog report`` (a self-contained HTML report) and ``tallylog plot`` (a timeline PNG)."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"


def register(app: typer.Typer) -> None:
    """Add ``report`` and ``plot`` to the ``tallylog`` command line."""
    # the command line calls this at the end of its own import: its shared options are defined by then
    from tallylog.cli import (OPT_ACTOR, OPT_COUNTRY, OPT_DB, OPT_GRADE, OPT_SINCE, OPT_TYPE, OPT_UNTIL,
                              OPT_WEAPON)

    @app.command()
    def report(
        out: Path = typer.Option(..., "--out", "-o", help="The HTML file to write."),
        db: Optional[str] = OPT_DB,
        since: Optional[str] = OPT_SINCE,
        until: Optional[str] = OPT_UNTIL,
        country: Optional[str] = OPT_COUNTRY,
        actor: Optional[str] = OPT_ACTOR,
        weapon: Optional[str] = OPT_WEAPON,
        grade: Optional[str] = OPT_GRADE,
        type: Optional[str] = OPT_TYPE,
        limit: Optional[int] = typer.Option(None, help="At most this many incidents."),
        title: Optional[str] = typer.Option(None, help="The report's title."),
    ) -> None:
        """Write one self-contained HTML report (map, timeline, incidents with sources, reconciliation) that
        opens offline."""
        from tallylog.cli import _open_ledger, _parse_date, err
        from tallylog.report import write_report

        ledger = _open_ledger(db)
        try:
            summary = write_report(ledger, out, limit=limit, title=title, since=_parse_date(since, "--since"),
                                   until=_parse_date(until, "--until"), country=country, actor=actor,
                                   weapon=weapon, grade=grade, type=type)
        except (FileNotFoundError, OSError) as exc:
            err.print(f"tallylog: cannot write the report: {exc}", markup=False)
            raise typer.Exit(2)
        finally:
            ledger.close()
        err.print(f"{summary.path}: {summary.incidents} incidents, {summary.series} count series, "
                  f"{summary.reconciled} published counts checked ({summary.bytes:,} bytes)", markup=False)

    @app.command()
    def plot(
        out: Path = typer.Option(..., "--out", "-o", help="The PNG file to write."),
        by: Period = typer.Option(Period.day, "--by", help="day, week or month."),
        series: bool = typer.Option(False, "--series", help="Add the published counts of attacks as points over "
                                                             "the ledger's cumulative count."),
        db: Optional[str] = OPT_DB,
        since: Optional[str] = OPT_SINCE,
        until: Optional[str] = OPT_UNTIL,
        country: Optional[str] = OPT_COUNTRY,
        actor: Optional[str] = OPT_ACTOR,
        weapon: Optional[str] = OPT_WEAPON,
        grade: Optional[str] = OPT_GRADE,
        type: Optional[str] = OPT_TYPE,
        title: Optional[str] = typer.Option(None, help="The plot's title."),
    ) -> None:
        """Plot incidents per day, week or month as a PNG (matplotlib)."""
        from tallylog.cli import _open_ledger, _parse_date, err
        from tallylog.reconcile import build_series
        from tallylog.report.plot import plot_counts

        ledger = _open_ledger(db)
        try:
            s, u = _parse_date(since, "--since"), _parse_date(until, "--until")
            rows = ledger.counts(by.value, since=s, until=u, country=country, actor=actor, weapon=weapon,
                                 grade=grade, type=type)
            claims = None
            if series:
                claims = [sr for sr in build_series(ledger.claims(unit="attacks", since=s, until=u))
                          if not country or not sr.region or country in sr.region]
        finally:
            ledger.close()
        try:
            path = plot_counts(rows, by.value, out, series=claims, title=title)
        except OSError as exc:
            err.print(f"tallylog: cannot write the plot: {exc}", markup=False)
            raise typer.Exit(2)
        total = sum(n for _, n in rows)
        err.print(f"{path}: {total} incidents in {len(rows)} {by.value}s"
                  + (f", {len(claims)} count series" if claims is not None else ""), markup=False)
