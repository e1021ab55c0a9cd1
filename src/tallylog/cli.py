"""The ``tallylog`` command line.

    tallylog extract PATH... [--published YYYY-MM-DD] [--format json|table]
    tallylog places PATH... [--format json|table]
    tallylog eval GOLD.jsonl [--shared DIR] [--verbose]
    tallylog run SOURCES... [--db URL]; tallylog incidents|show|claims|counts|reconcile [--db URL]
"""
from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.console import Console

from tallylog.model import IngestError, Report
from tallylog.output.table import QUALIFIER_SYMBOL

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="tallylog: news about armed violence in; sourced events and count claims out.")
err = Console(stderr=True, highlight=False)


class Format(str, Enum):
    json = "json"
    table = "table"


def _default_format(fmt: Optional[Format]) -> Format:
    if fmt is not None:
        return fmt
    return Format.table if sys.stdout.isatty() else Format.json


def _parse_date(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        err.print(f"tallylog: {option} {value!r} is not a date; write it as YYYY-MM-DD (e.g. 2024-01-04)", markup=False)
        raise typer.Exit(2)


def sample_corpus() -> Path:
    """The small corpus bundled with the package (see its README)."""
    return Path(str(resources.files("tallylog").joinpath("data", "sample")))


def _reports(paths: List[str], published: Optional[date], max_bytes: int,
             counts: dict[str, int]) -> Iterator[Report]:
    from tallylog.ingest import iter_reports

    for item in iter_reports(paths, published=published, max_bytes=max_bytes, stdin=sys.stdin):
        if isinstance(item, IngestError):
            counts["failed"] += 1
            err.print(f"tallylog: {item.source}: {item.reason}", markup=False)
            continue
        yield item


def _inputs(paths: Optional[List[str]], sample: bool) -> List[str]:
    items = list(paths or [])
    if sample:
        items.append(str(sample_corpus()))
    if not items:
        err.print("tallylog: no input; name files or folders, '-' for stdin, or --sample for the bundled corpus",
                  markup=False)
        raise typer.Exit(2)
    return items


@app.command()
def extract(
    paths: Optional[List[str]] = typer.Argument(None, help="Files or folders (.txt, .html, .jsonl), or - for stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for every report; overrides metadata."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="json (JSON Lines, schema tallylog/extract/v1) or table. Default: table on a terminal, else json."),
    sample: bool = typer.Option(False, "--sample", help="Add the bundled sample corpus to the inputs."),
    max_bytes: int = typer.Option(10_000_000, help="Skip files larger than this many bytes."),
) -> None:
    """Extract events and count claims from news reports."""
    from tallylog.output import extraction_json, render_extraction
    from tallylog.pipeline import extract_report

    pub = _parse_date(published, "--published")
    fmt = _default_format(fmt)
    out = Console(highlight=False, soft_wrap=False)
    counts = {"ok": 0, "failed": 0, "events": 0, "claims": 0}
    for report in _reports(_inputs(paths, sample), pub, max_bytes, counts):
        try:
            result = extract_report(report)
        except Exception as exc:  # one bad document never spoils a batch
            counts["failed"] += 1
            err.print(f"tallylog: {report.source}: extraction failed ({type(exc).__name__}: {exc}); "
                      "please report this with the file", markup=False)
            continue
        counts["ok"] += 1
        counts["events"] += len(result.events)
        counts["claims"] += len(result.claims)
        if fmt is Format.json:
            sys.stdout.write(extraction_json(result) + "\n")
        else:
            render_extraction(result, out)
    if fmt is Format.table or sys.stderr.isatty():
        err.print(f"{counts['ok']} reports read, {counts['failed']} skipped; "
                  f"{counts['events']} events, {counts['claims']} count claims", markup=False)
    if counts["ok"] == 0:
        raise typer.Exit(2)


@app.command()
def places(
    paths: List[str] = typer.Argument(..., help="Files or folders (.txt, .html, .jsonl), or - for stdin."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="json (one object per report) or table."),
    max_bytes: int = typer.Option(10_000_000, help="Skip files larger than this many bytes."),
) -> None:
    """List every place mention with its gazetteer resolution (a geoparser on its own)."""
    import json

    from tallylog.geo import get_geocoder, places_to_json
    from tallylog.output import render_places

    fmt = _default_format(fmt)
    out = Console(highlight=False)
    counts = {"ok": 0, "failed": 0}
    geocoder = get_geocoder()
    for report in _reports(paths, None, max_bytes, counts):
        counts["ok"] += 1
        found = geocoder.geoparse(report.text)
        if fmt is Format.json:
            sys.stdout.write(json.dumps({"document": {"id": report.id, "source": report.source},
                                         "places": places_to_json(found)}, ensure_ascii=False) + "\n")
        else:
            render_places(report.source or report.id, found, out)
    if counts["ok"] == 0:
        raise typer.Exit(2)


class EvalFormat(str, Enum):
    text = "text"
    json = "json"


@app.command(name="eval")
def eval_(
    gold: List[Path] = typer.Argument(..., help="Gold annotations (JSONL, format in docs/evaluation.md); several files are scored together."),
    shared: Optional[Path] = typer.Option(None, help="Folder the gold `source` paths are relative to (default ../shared)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss and spurious item per document."),
    fmt: EvalFormat = typer.Option(EvalFormat.text, "--format", "-f"),
) -> None:
    """Score extraction against annotated documents: precision, recall, F1 and attribute accuracy."""
    import json

    from tallylog.evaluate import GoldError, SourceError, evaluate, format_result, result_to_json

    try:
        result = evaluate(list(gold), shared_root=shared)
    except (GoldError, SourceError) as exc:
        err.print(f"tallylog eval: {exc}", markup=False)
        raise typer.Exit(2)
    if fmt is EvalFormat.json:
        sys.stdout.write(json.dumps(result_to_json(result), indent=2) + "\n")
    else:
        sys.stdout.write(format_result(result, verbose=verbose) + "\n")


DB_HELP = "Ledger: a SQLite file path or sqlite:///..., or postgresql://user:pass@host/db (default: $TALLYLOG_DB or tallylog.db)."

# The incident filters, one definition for every command that takes them (incidents, report, plot)
OPT_DB = typer.Option(None, "--db", help=DB_HELP)
OPT_SINCE = typer.Option(None, help="From this date (YYYY-MM-DD).")
OPT_UNTIL = typer.Option(None, help="Up to this date (YYYY-MM-DD).")
OPT_COUNTRY = typer.Option(None, help="ISO 3166 alpha-2 code, e.g. IQ.")
OPT_ACTOR = typer.Option(None, help="Perpetrator as the ledger names it (% for a pattern).")
OPT_WEAPON = typer.Option(None, help="drone, rocket, missile, mortar, artillery, airstrike, ied, small_arms, other.")
OPT_GRADE = typer.Option(None, help="confirmed, corroborated, single_source, claimed_only, contested, denied.")
OPT_TYPE = typer.Option(None, "--type", help="ACLED event type or sub-event type.")


def _db(db: Optional[str]) -> str:
    import os

    return db or os.environ.get("TALLYLOG_DB") or "tallylog.db"


def _open_ledger(db: Optional[str]):
    from tallylog.store import Ledger

    url = _db(db)
    try:
        return Ledger.open(url)
    except Exception as exc:
        err.print(f"tallylog: cannot open the ledger {url!r}: {type(exc).__name__}: {exc}. "
                  "Give a writable file path or a reachable postgresql:// URL with --db.", markup=False)
        raise typer.Exit(2)


@app.command()
def run(
    paths: Optional[List[str]] = typer.Argument(None, help="Files or folders (.txt, .html, .jsonl), or - for stdin."),
    db: Optional[str] = OPT_DB,
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for every report."),
    sample: bool = typer.Option(False, "--sample", help="Add the bundled sample corpus to the inputs."),
    batch_size: int = typer.Option(25, help="Reports per transaction."),
    max_bytes: int = typer.Option(10_000_000, help="Skip files larger than this many bytes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    engine: str = typer.Option("local", "--engine", help="local (this process) or dask (ingest and extraction on a Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: a running scheduler, tcp://host:port."),
    workers: int = typer.Option(2, "--workers", min=1, help="With --engine dask and no --scheduler: local worker processes."),
) -> None:
    """Ingest, extract and resolve reports into the incident ledger, then print a summary."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from tallylog.run import LedgerRun

    pub = _parse_date(published, "--published")
    inputs = _inputs(paths, sample)
    ledger = _open_ledger(db)
    job = LedgerRun(ledger)
    errors: list[str] = []
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} reports"),
                  TimeElapsedColumn(), console=err, disable=quiet or not err.is_terminal, transient=True) as bar:
        task = bar.add_task("reading", total=None)

        def on_item(item) -> None:
            bar.advance(task)

        def on_error(e: IngestError) -> None:
            errors.append(str(e))
            err.print(f"tallylog: {e.source}: {e.reason}", markup=False)

        if engine == "dask":
            from tallylog.scale import dask_client, run_dask

            with dask_client(scheduler, workers) as client:
                summary = run_dask(ledger, inputs, client=client, published=pub, max_bytes=max_bytes,
                                   batch_size=batch_size, stdin=sys.stdin, on_item=on_item, on_error=on_error)
        elif engine == "local":
            summary = job.run(_run_items(inputs, pub, max_bytes, ledger),
                              batch_size=batch_size, on_item=on_item, on_error=on_error)
        else:
            err.print(f"tallylog: --engine must be local or dask, not {engine!r}", markup=False)
            raise typer.Exit(2)
    for e in summary.errors:
        err.print(f"tallylog: {e}", markup=False)
    stats = ledger.stats()
    skipped = sum(summary.skipped.values())
    reasons = "; ".join(f"{n} {r}" for r, n in sorted(summary.skipped.items())) or "none"
    out = Console(highlight=False)
    out.print(f"ledger {_db(db)}: {summary.read} reports read, {summary.duplicates} already in the ledger, "
              f"{skipped} skipped ({reasons})", markup=False)
    out.print(f"{summary.events} events, {summary.claims} count claims; incidents: {summary.incidents_new} new, "
              f"{summary.incidents_updated} updated; ledger now holds {stats['incidents']} incidents from "
              f"{stats['reports']} reports", markup=False)
    if summary.read == 0 and skipped:
        raise typer.Exit(2)


def _run_items(inputs: List[str], pub: Optional[date], max_bytes: int, ledger):
    """Reports for ``run``: files, folders and stdin via ingest; URLs and gdelt: inputs via tallylog.sources."""
    from tallylog.run import iter_items

    if not any(i.startswith(("http://", "https://", "gdelt:")) for i in inputs):
        return iter_items(inputs, published=pub, max_bytes=max_bytes, stdin=sys.stdin)
    from tallylog.sources import iter_inputs
    from tallylog.sources.state import SourceState

    return iter_inputs(inputs, published=pub, max_bytes=max_bytes, stdin=sys.stdin, state=SourceState(ledger))


@app.command()
def watch(
    feeds: List[str] = typer.Argument(..., help="RSS/Atom feed URLs, page URLs or gdelt:PATH_OR_URL inputs."),
    every: str = typer.Option("15m", "--every", help="Time between polls: 30s, 15m, 2h, 1d."),
    db: Optional[str] = OPT_DB,
    once: bool = typer.Option(False, "--once", help="Poll once and exit."),
    max_bytes: int = typer.Option(10_000_000, help="Reject responses larger than this many bytes."),
    min_interval: float = typer.Option(1.0, help="Seconds between two requests to one host."),
) -> None:
    """Poll feeds and ingest only what is new (state kept in the ledger; see docs/sources.md)."""
    from tallylog.sources import Fetcher
    from tallylog.sources.watch import Watcher, parse_interval

    try:
        seconds = parse_interval(every)
    except ValueError as exc:
        err.print(f"tallylog: --every {exc}", markup=False)
        raise typer.Exit(2)
    ledger = _open_ledger(db)
    with Fetcher(max_bytes=max_bytes, min_interval=min_interval) as fetcher:
        watcher = Watcher(ledger, feeds, fetcher, log=lambda msg: err.print(f"tallylog: {msg}", markup=False))
        try:
            watcher.run(seconds, once=once)
        except KeyboardInterrupt:
            err.print("tallylog: stopped; the next watch carries on from the ledger", markup=False)


class ListFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    geojson = "geojson"
    acled = "acled"


@app.command()
def incidents(
    db: Optional[str] = OPT_DB,
    since: Optional[str] = OPT_SINCE,
    until: Optional[str] = OPT_UNTIL,
    country: Optional[str] = OPT_COUNTRY,
    actor: Optional[str] = OPT_ACTOR,
    weapon: Optional[str] = OPT_WEAPON,
    grade: Optional[str] = OPT_GRADE,
    type: Optional[str] = OPT_TYPE,
    limit: Optional[int] = typer.Option(None, help="At most this many incidents."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, csv, json, geojson or acled (ACLED's columns)."),
) -> None:
    """List incidents, filtered, as a table or an export."""
    from rich.table import Table
    from rich.text import Text

    from tallylog.store import export

    ledger = _open_ledger(db)
    rows = ledger.incidents(since=_parse_date(since, "--since"), until=_parse_date(until, "--until"), country=country,
                            actor=actor, weapon=weapon, grade=grade, type=type, limit=limit,
                            with_sources=fmt is not ListFormat.table)
    if fmt is ListFormat.csv:
        export.to_csv(rows, sys.stdout)
    elif fmt is ListFormat.json:
        export.to_json(rows, sys.stdout)
    elif fmt is ListFormat.geojson:
        export.to_geojson(rows, sys.stdout)
    elif fmt is ListFormat.acled:
        export.to_acled_csv(rows, sys.stdout)
    else:
        t = Table(title="Incidents")
        for col in ("id", "date", "place", "type", "actor1", "weapons", "killed", "injured", "grade", "sources"):
            t.add_column(col, overflow="fold")

        def rng(best, low, high) -> str:
            if best is None:
                return "-"
            return str(best) if low == high else f"{best} ({low}-{high})"

        n = 0
        for inc in rows:
            n += 1
            place = f"{inc.get('place_name') or '-'} ({inc.get('country') or '?'})"
            t.add_row(*(Text(str(x)) for x in (
                inc["id"], inc.get("date") or "?", place, inc.get("sub_event_type") or "-", inc.get("actor1") or "-",
                ", ".join(inc.get("weapons") or []) or "-",
                rng(inc.get("fatalities_best"), inc.get("fatalities_low"), inc.get("fatalities_high")),
                rng(inc.get("injured_best"), inc.get("injured_low"), inc.get("injured_high")),
                inc.get("grade") or "-", inc.get("n_sources"))))
        Console(highlight=False).print(t)
        err.print(f"{n} incidents", markup=False)


@app.command()
def show(
    incident_id: str = typer.Argument(..., help="An incident id (inc_...)."),
    db: Optional[str] = OPT_DB,
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="json or table."),
) -> None:
    """One incident with each source's sentence and values, and where sources disagree."""
    import json

    from rich.text import Text

    ledger = _open_ledger(db)
    inc = ledger.incident(incident_id)
    if inc is None:
        err.print(f"tallylog: no incident {incident_id!r} in {_db(db)}; `tallylog incidents` lists them", markup=False)
        raise typer.Exit(2)
    if _default_format(fmt) is Format.json:
        sys.stdout.write(json.dumps(inc, default=str, ensure_ascii=False, indent=2) + "\n")
        return
    out = Console(highlight=False)
    out.rule(Text(f"{inc['id']}: {inc.get('sub_event_type')} at {inc.get('place_name')} ({inc.get('country')}) on {inc.get('date')}"))
    out.print(Text(f"grade {inc.get('grade')} ({(inc.get('candidates') or {}).get('grade_reason', '')}); "
                   f"{inc.get('n_sources')} sources, {inc.get('n_mentions')} mentions; actor {inc.get('actor1')}; "
                   f"weapons {', '.join(inc.get('weapons') or []) or '-'}; killed {inc.get('fatalities_best')} "
                   f"({inc.get('fatalities_low')}-{inc.get('fatalities_high')}), injured {inc.get('injured_best')} "
                   f"({inc.get('injured_low')}-{inc.get('injured_high')})"))
    for c in inc.get("conflicts") or []:
        vals = "; ".join(f"{v.get('value')} ({len(v.get('mentions') or [])} mention(s))" for v in c.get("candidates", []))
        out.print(Text(f"conflict on {c.get('field')}: {vals} {c.get('note') or ''}"), style="yellow")
    for m in inc.get("mentions", []):
        who = "; ".join(f"{a.get('speaker') or '-'}{' via ' + a['via'] if a.get('via') else ''}" for a in m.get("attribution") or [])
        out.print(Text(f"- {m.get('outlet') or m.get('source')} ({m.get('published') or 'undated'}): status {m.get('status')}, "
                       f"killed {m.get('fatalities')}, injured {m.get('injured')}, date {m.get('date')}, place {m.get('place_name')}"
                       + (f"; says: {who}" if who else "")))
        for ev in (m.get("evidence") or [])[:3]:
            out.print(Text(f'    "{ev.get("text")}"'), style="dim")


@app.command()
def claims(
    db: Optional[str] = OPT_DB,
    unit: Optional[str] = typer.Option(None, help="attacks, killed, injured or abducted."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="json or table."),
) -> None:
    """Count claims in the ledger, grouped into series (one official tally over time)."""
    import json

    from rich.table import Table
    from rich.text import Text

    from tallylog.reconcile import build_series

    ledger = _open_ledger(db)
    series = build_series(ledger.claims(unit=unit))
    if _default_format(fmt) is Format.json:
        sys.stdout.write(json.dumps([{"series": s.label, "key": s.key, "points": [
            {"as_of": p.as_of, "value": p.value, "qualifier": p.qualifier, "speaker": p.speaker, "via": p.via,
             "source": p.source} for p in s.points]} for s in series], default=str, indent=2) + "\n")
        return
    t = Table(title="Count claims by series")
    for col in ("series", "as of", "value", "speaker (via)", "source"):
        t.add_column(col, overflow="fold")
    for s in series:
        for p in s.points:
            q = QUALIFIER_SYMBOL.get(p.qualifier, "")
            t.add_row(*(Text(str(x)) for x in (s.label, p.as_of or "?", f"{q}{p.value}",
                                               f"{p.speaker or '-'}{' via ' + p.via if p.via else ''}", p.source or "-")))
    Console(highlight=False).print(t)


class CountBy(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    country = "country"
    actor = "actor"
    weapon = "weapon"


@app.command()
def counts(
    by: CountBy = typer.Option(CountBy.month, "--by", help="day, week, month, country, actor or weapon."),
    db: Optional[str] = OPT_DB,
    since: Optional[str] = typer.Option(None), until: Optional[str] = typer.Option(None),
    country: Optional[str] = typer.Option(None), grade: Optional[str] = typer.Option(None),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="json or table."),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also draw the counts over time as a PNG (day, week or month)."),
) -> None:
    """Incident counts grouped by time, country, actor or weapon."""
    import json

    from rich.table import Table
    from rich.text import Text

    ledger = _open_ledger(db)
    rows = ledger.counts(by.value, since=_parse_date(since, "--since"), until=_parse_date(until, "--until"),
                         country=country, grade=grade)
    if plot is not None:
        if by.value not in ("day", "week", "month"):
            err.print("tallylog: --plot draws counts over time: use --by day, week or month", markup=False)
            raise typer.Exit(2)
        from tallylog.report.plot import plot_counts

        plot_counts(rows, by.value, plot)
        err.print(f"wrote {plot}", markup=False)
    if _default_format(fmt) is Format.json:
        sys.stdout.write(json.dumps([{"key": k, "incidents": n} for k, n in rows], default=str) + "\n")
        return
    t = Table(title=f"Incidents by {by.value}")
    t.add_column(by.value)
    t.add_column("incidents", justify="right")
    for k, n in rows:
        t.add_row(Text(str(k)), Text(str(n)))
    Console(highlight=False).print(t)


class ReconcileFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def reconcile(
    db: Optional[str] = OPT_DB,
    unit: Optional[str] = typer.Option(None, help="Only series counting this unit (attacks, killed, injured)."),
    fmt: ReconcileFormat = typer.Option(ReconcileFormat.table, "--format", "-f"),
) -> None:
    """Check every published count against the ledger's count over the same scope and period."""
    from rich.table import Table
    from rich.text import Text

    from tallylog import reconcile as rc

    ledger = _open_ledger(db)
    rows = rc.reconcile(rc.build_series(ledger.claims(unit=unit)), ledger)
    if fmt is ReconcileFormat.json:
        sys.stdout.write(rc.to_json(rows) + "\n")
        return
    if fmt is ReconcileFormat.csv:
        sys.stdout.write(rc.to_csv(rows))
        return
    t = Table(title="Published counts against the ledger")
    for col in ("series", "as of", "claimed", "ledger", "gap", "explanation"):
        t.add_column(col, overflow="fold")
    for r in rows:
        q = QUALIFIER_SYMBOL.get(r.qualifier, "")
        t.add_row(*(Text(str(x)) for x in (r.series, r.as_of or "?", f"{q}{r.claimed}", r.ledger_total, r.gap, r.explanation)))
    Console(highlight=False).print(t)


@app.command()
def schema() -> None:
    """Print the JSON Schema of `tallylog extract --format json`."""
    import json

    from tallylog.output import schema as load_schema

    sys.stdout.write(json.dumps(load_schema(), indent=2) + "\n")


def _register_stage_commands() -> None:
    """Commands that live with their stage (``serve``, ``report``): each stage module has ``register(app)``."""
    import importlib

    for name in ("tallylog.serve.cli", "tallylog.report.cli"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise  # a stage that is there but broken must say so
            continue
        module.register(app)


_register_stage_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
