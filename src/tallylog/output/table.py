"""Readable terminal output (rich) for people at a terminal."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tallylog.model import Extraction, PlaceMention


#: how a qualifier reads in a table: ">=118" for "at least 118"
QUALIFIER_SYMBOL = {"exact": "", "at_least": ">=", "more_than": ">", "about": "~", "nearly": "<~", "up_to": "<="}


def _row(table: Table, *cells: object) -> None:
    """Add a row whose cells are plain text: article text is never read as markup."""
    table.add_row(*(Text(str(c)) for c in cells))


def _place(loc) -> str:
    if loc is None:
        return "-"
    where = loc.name or loc.text or "?"
    if loc.country:
        where += f" ({loc.country})"
    if loc.latitude is None:
        where += " [unresolved]"
    return where


def render_extraction(result: Extraction, console: Console) -> None:
    r = result.report
    console.rule(Text(str(r.title or r.source or r.id), style="bold"))
    console.print(f"source: {r.source}   published: {r.published or 'unknown'}   id: {r.id}", markup=False, highlight=False)
    for note in result.notes:
        console.print(f"note: {note}", style="yellow", markup=False)
    if result.claims:
        t = Table(title="Count claims", show_lines=False)
        for col in ("value", "unit", "since", "region", "speaker (via)", "evidence"):
            t.add_column(col, overflow="fold")
        for c in result.claims:
            q = QUALIFIER_SYMBOL[c.qualifier]
            since = c.since.isoformat() if c.since else (f"{c.since_text} (year unknown)" if c.since_text else "-")
            who = c.speaker or "-"
            if c.via:
                who += f" (via {c.via})"
            _row(t, f"{q}{c.value}", c.unit, since, ",".join(c.region) or "-", who, c.evidence[0].text if c.evidence else "")
        console.print(t)
        for c in result.claims:
            if c.locations:
                console.print(f"{c.value} {c.unit}: places listed: " + "; ".join(_place(loc) for loc in c.locations),
                              markup=False, highlight=False)
            if c.weapons or c.actor:
                console.print(f"{c.value} {c.unit}: actor {c.actor or '-'}; weapons {', '.join(c.weapons) or '-'}",
                              markup=False, highlight=False)
    if result.events:
        t = Table(title="Events")
        for col in ("date", "type", "place", "actor1 -> actor2", "weapons", "killed/injured", "status"):
            t.add_column(col, overflow="fold")
        for e in result.events:
            _row(t, 
                f"{e.date or '?'} ({e.date_precision})", e.sub_event_type, _place(e.location),
                f"{e.actor1 or '?'} -> {e.actor2 or '?'}", ", ".join(e.weapons) or "-",
                f"{'?' if e.fatalities is None else e.fatalities}/{'?' if e.injured is None else e.injured}", e.status,
            )
        console.print(t)
    if not result.claims and not result.events:
        console.print("no events or count claims found", style="dim")


def render_places(source: str, places: list[PlaceMention], console: Console) -> None:
    t = Table(title=Text(f"Places in {source}"))
    for col in ("text", "start", "name", "country", "admin1", "lat", "lon", "gazetteer_id", "feature"):
        t.add_column(col, overflow="fold")
    for p in places:
        _row(t, p.text, str(p.start), p.name or "-", p.country or "-", p.admin1 or "-",
                  "-" if p.latitude is None else f"{p.latitude:.4f}", "-" if p.longitude is None else f"{p.longitude:.4f}",
                  p.gazetteer_id or "-", p.feature or "-")
    console.print(t)
