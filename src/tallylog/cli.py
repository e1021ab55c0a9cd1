"""The ``tallylog`` command line.

    tallylog extract PATH... [--published YYYY-MM-DD] [--format json|table]
    tallylog places PATH... [--format json|table]
    tallylog eval GOLD.jsonl [--shared DIR] [--verbose]
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
    gold: Path = typer.Argument(..., help="Gold annotations (JSONL, format in docs/evaluation.md)."),
    shared: Optional[Path] = typer.Option(None, help="Folder the gold `source` paths are relative to (default ../shared)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss and spurious item per document."),
    fmt: EvalFormat = typer.Option(EvalFormat.text, "--format", "-f"),
) -> None:
    """Score extraction against annotated documents: precision, recall, F1 and attribute accuracy."""
    import json

    from tallylog.evaluate import GoldError, SourceError, evaluate, format_result, result_to_json

    try:
        result = evaluate(gold, shared_root=shared)
    except (GoldError, SourceError) as exc:
        err.print(f"tallylog eval: {exc}", markup=False)
        raise typer.Exit(2)
    if fmt is EvalFormat.json:
        sys.stdout.write(json.dumps(result_to_json(result), indent=2) + "\n")
    else:
        sys.stdout.write(format_result(result, verbose=verbose) + "\n")


@app.command()
def schema() -> None:
    """Print the JSON Schema of `tallylog extract --format json`."""
    import json

    from tallylog.output import schema as load_schema

    sys.stdout.write(json.dumps(load_schema(), indent=2) + "\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
