"""``tallylog report`` (a self-contained HTML report) and ``tallylog plot`` (a timeline PNG)."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

DB_HELP = "Ledger: a SQLite file path or sqlite:///..., or postgresql://user:pass@host/db (default: $TALLYLOG_DB or tallylog.db)."


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"


def register(app: typer.Typer) -> None:
    """Add ``report`` and ``plot`` to the ``tallylog`` command line."""

    @app.command()
    def report(
        out: Path = typer.Option(..., "--out", "-o", help="The HTML file to write."),
        db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
        since: Optional[str] = typer.Option(None, help="From this date (YYYY-MM-DD)."),
        until: Optional[str] = typer.Option(None, help="Up to this date (YYYY-MM-DD)."),
        country: Optional[str] = typer.Option(None, help="ISO 3166 alpha-2 code, e.g. IQ."),
        actor: Optional[str] = typer.Option(None, help="Perpetrator as the ledger names it (% for a pattern)."),
        weapon: Optional[str] = typer.Option(None, help="drone, rocket, missile, mortar, artillery, airstrike, ied, small_arms, other."),
        grade: Optional[str] = typer.Option(None, help="confirmed, corroborated, single_source, claimed_only, contested, denied."),
        type: Optional[str] = typer.Option(None, "--type", help="ACLED event type or sub-event type."),
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
        db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
        since: Optional[str] = typer.Option(None, help="From this date (YYYY-MM-DD)."),
        until: Optional[str] = typer.Option(None, help="Up to this date (YYYY-MM-DD)."),
        country: Optional[str] = typer.Option(None, help="ISO 3166 alpha-2 code, e.g. IQ."),
        actor: Optional[str] = typer.Option(None, help="Perpetrator as the ledger names it (% for a pattern)."),
        weapon: Optional[str] = typer.Option(None, help="drone, rocket, missile, mortar, artillery, airstrike, ied, small_arms, other."),
        grade: Optional[str] = typer.Option(None, help="confirmed, corroborated, single_source, claimed_only, contested, denied."),
        type: Optional[str] = typer.Option(None, "--type", help="ACLED event type or sub-event type."),
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
