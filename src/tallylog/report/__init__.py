"""Shareable reports: one self-contained HTML file with the dashboard's map, timeline, incident table and
reconciliation table, and timeline plots as PNG (``tallylog.report.plot``).

The HTML report is the dashboard page with its built script, style, the Natural Earth basemap and the
ledger's data inlined, so it opens from a file with no server and no network. Ledger text is only ever
embedded as JSON inside a ``<script type="application/json">`` element, with ``<``, ``>`` and ``&`` written
as ``\\u`` escapes, so no value can close the element; the page's script inserts it as text.

    from tallylog.store import Ledger
    from tallylog.report import write_report
    write_report(Ledger.open("ledger.db"), "report.html", country="IQ")
"""
from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

__all__ = ["ReportSummary", "STATIC_DIR", "collect", "render", "safe_json", "write_report"]

STATIC_DIR = Path(__file__).resolve().parents[1] / "serve" / "static"
BASEMAP = "countries-50m.json"
FILTERS = ("since", "until", "country", "actor", "weapon", "grade", "type")

_STYLE_LINK = '<link rel="stylesheet" href="static/app.css">'
_SCRIPT_TAG = '<script src="static/app.js" defer></script>'
_DATA_MARK = "<!--tallylog:data-->"


@dataclass(slots=True)
class ReportSummary:
    """What a written report holds."""

    path: Path
    incidents: int
    series: int
    reconciled: int
    bytes: int


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def safe_json(value: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element: ``<``, ``>``, ``&`` and the JavaScript line
    separators are escaped, so ``</script>`` or ``<!--`` in the data cannot end or alter the element."""
    text = json.dumps(value, default=_default, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _series_dicts(series: list[Any]) -> list[dict[str, Any]]:
    return [{"key": s.key, "label": s.label, "unit": s.unit, "region": s.region, "target": s.target,
             "actor": s.actor, "since": s.since,
             "points": [{"as_of": p.as_of, "value": p.value, "qualifier": p.qualifier, "speaker": p.speaker,
                         "via": p.via, "source": p.source} for p in s.points]} for s in series]


def collect(ledger: Any, *, limit: int | None = None, title: str | None = None,
            static_dir: Path | None = None, **filters: Any) -> dict[str, Any]:
    """The data a report embeds: the filtered incidents (with their sources and evidence), the count-claim
    series, the reconciliation of every published count, the filters and the basemap."""
    from tallylog import reconcile as rc

    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise ValueError(f"unknown filter(s): {', '.join(sorted(unknown))}")
    active = {k: v for k, v in filters.items() if v not in (None, "")}
    incidents = list(ledger.incidents(**active, limit=limit, with_sources=True))
    series = rc.build_series(ledger.claims())
    rows = rc.reconcile(series, ledger)
    folder = static_dir or STATIC_DIR
    basemap = json.loads((folder / BASEMAP).read_text(encoding="utf-8"))
    return {
        "title": title or "Incident report",
        "generated": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "filters": {k: (v.isoformat() if isinstance(v, date) else v) for k, v in active.items()},
        "incidents": incidents,
        "series": _series_dicts(series),
        "reconcile": [r.to_dict() for r in rows],
        "basemap": basemap,
    }


def _asset(folder: Path, name: str) -> str:
    path = folder / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: the dashboard is not built (cd web && npm ci && npm run build)")
    return path.read_text(encoding="utf-8")


def render(data: dict[str, Any], static_dir: Path | None = None) -> str:
    """The report page: the dashboard's HTML with its style, script and ``data`` inlined."""
    folder = static_dir or STATIC_DIR
    page = _asset(folder, "index.html")
    css = _asset(folder, "app.css").replace("</", "<\\/")  # "</" only occurs in CSS strings, where "\/" is "/"
    js = _asset(folder, "app.js").replace("</script", "<\\/script").replace("<!--", "<\\!--")
    for marker in (_STYLE_LINK, _SCRIPT_TAG, _DATA_MARK):
        if marker not in page:
            raise ValueError(f"the dashboard page has no {marker!r}; rebuild it from web/")
    title = html.escape(f"{data.get('title') or 'Incident report'} — tallylog")
    page = page.replace("<title>tallylog — incident ledger</title>", f"<title>{title}</title>")
    page = page.replace(_STYLE_LINK, f"<style>\n{css}\n</style>")
    page = page.replace(_DATA_MARK, f'<script type="application/json" id="tallylog-data">{safe_json(data)}</script>')
    return page.replace(_SCRIPT_TAG, f"<script>\n{js}\n</script>")


def write_report(ledger: Any, out: str | os.PathLike[str], *, limit: int | None = None, title: str | None = None,
                 **filters: Any) -> ReportSummary:
    """Write the self-contained HTML report of the filtered ledger to ``out``."""
    data = collect(ledger, limit=limit, title=title, **filters)
    text = render(data)
    path = Path(out)
    path.write_text(text, encoding="utf-8")
    return ReportSummary(path=path, incidents=len(data["incidents"]), series=len(data["series"]),
                         reconciled=len(data["reconcile"]), bytes=len(text.encode("utf-8")))
