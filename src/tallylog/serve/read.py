"""The read-only endpoints: incidents, one incident, claims, series, reconciliation, counts and exports."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from tallylog.model import CLAIM_UNITS
from tallylog.serve.params import (
    BadParameter, Page, clean_text, count_by, incident_filters, page, parse_date, sort_order,
)
from tallylog.serve.responses import LedgerJSON, problem
from tallylog.serve.state import ledger_of
from tallylog.store import Ledger, export
from tallylog.store.queries import BadCursor, cursor_of
from tallylog.store.schema import incidents

router = APIRouter(prefix="/api", default_response_class=LedgerJSON)

_INCIDENT_ID = re.compile(r"[A-Za-z0-9_.\-]{1,64}")


def _next_url(request: Request, pg: Page, more: bool, after: str | None = None) -> str | None:
    """The URL of the next page (same query, offset moved on; or ``after`` the last row when the request
    paged by cursor), or None on the last page."""
    if not more:
        return None
    query = [(k, v) for k, v in request.query_params.multi_items() if k not in ("offset", "after")]
    query.append(("after", after) if after is not None else ("offset", str(pg.offset + pg.limit)))
    return f"{request.url.path}?{urlencode(query)}"


def _paged(request: Request, pg: Page, rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    items = list(rows)  # limit + 1 rows were asked for: the extra one says whether a next page exists
    more = len(items) > pg.limit
    return {"items": items[:pg.limit], "limit": pg.limit, "offset": pg.offset,
            "next": _next_url(request, pg, more)}


#: What the incident page adds to a listed incident: the merge's per-field candidates and conflicts (large JSON).
DETAIL_COLUMNS = ("conflicts", "candidates")
LIST_COLUMNS = tuple(c.name for c in incidents.columns if c.name not in DETAIL_COLUMNS)


@router.get("/incidents", summary="List incidents (filtered, paged)")
def list_incidents(request: Request, filters: dict[str, Any] = Depends(incident_filters),
                   pg: Page = Depends(page), order: str = Depends(sort_order),
                   after: str | None = Query(None, max_length=400, description=(
                       "Start right after the incident this cursor names (a page's \"cursor\"): keyset paging, "
                       "as fast on page 10,000 as on page 1. Not with offset.")),
                   sources: bool = Query(True, description="Attach each incident's sources (outlet, url, published)."),
                   full: bool = Query(False, description="Also give each incident's conflicts and candidates "
                                                         "(as GET /api/incidents/{id} does).")) -> LedgerJSON:
    """Incidents matching the filters, ``limit`` at a time from ``offset`` or ``after`` a cursor; ``next`` is the
    next page's URL (by cursor when the request used one) and ``cursor`` the cursor of the page's last row."""
    if after is not None and pg.offset:
        raise BadParameter("after", "give after or offset, not both (after already says where the page starts)")
    ledger = ledger_of(request)
    try:
        rows = ledger.incident_page(**filters, limit=pg.limit + 1, offset=pg.offset, order=order,
                                    with_sources=sources, columns=None if full else LIST_COLUMNS,
                                    after=after or None)
    except BadCursor as exc:
        raise BadParameter("after", str(exc)) from None
    items = rows[:pg.limit]
    cursor = cursor_of(order, items[-1]) if items else None
    more = len(rows) > pg.limit
    return LedgerJSON({"items": items, "limit": pg.limit, "offset": pg.offset, "cursor": cursor,
                       "next": _next_url(request, pg, more, cursor if after is not None else None)})


def incident_sources(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per report behind an incident, in publication order, with its mentions' evidence spans."""
    out: dict[str, dict[str, Any]] = {}
    for m in mentions:
        s = out.get(m["report_id"])
        if s is None:
            s = out[m["report_id"]] = {"report_id": m["report_id"], "outlet": m.get("outlet"), "url": m.get("url"),
                                       "published": m.get("published"), "title": m.get("title"),
                                       "source_group": m.get("source_group"), "mention_ids": [], "evidence": []}
        s["mention_ids"].append(m["id"])
        s["evidence"].extend(m.get("evidence") or [])
    return list(out.values())


@router.get("/incidents/{incident_id}", summary="One incident with its mentions, sources and evidence")
def get_incident(request: Request, incident_id: str) -> LedgerJSON:
    """The incident's merged values, grade, conflicts and candidates, every mention (with its report's outlet,
    url, publication date and evidence spans), and ``sources``: the same grouped by report."""
    found = ledger_of(request).incident(incident_id) if _INCIDENT_ID.fullmatch(incident_id) else None
    if found is None:
        shown = incident_id[:80]
        return problem(404, f"no incident {shown!r} in the ledger; GET /api/incidents lists them")
    found["sources"] = incident_sources(found.get("mentions") or [])
    return LedgerJSON(found)


async def _claim_filters(report_id: str | None = Query(None), series_key: str | None = Query(None),
                         unit: str | None = Query(None, description="One of: " + ", ".join(CLAIM_UNITS) + "."),
                         speaker: str | None = Query(None),
                         since: str | None = Query(None, description="as_of on or after (YYYY-MM-DD)."),
                         until: str | None = Query(None, description="as_of on or before (YYYY-MM-DD).")
                         ) -> dict[str, Any]:
    if unit and unit not in CLAIM_UNITS:
        raise BadParameter("unit", f"{unit[:40]!r} is not one of: {', '.join(CLAIM_UNITS)}")
    return {"report_id": clean_text("report_id", report_id), "series_key": clean_text("series_key", series_key),
            "unit": unit or None, "speaker": clean_text("speaker", speaker),
            "since": parse_date("since", since), "until": parse_date("until", until)}


@router.get("/claims", summary="Count claims (paged)")
def list_claims(request: Request, filters: dict[str, Any] = Depends(_claim_filters),
                pg: Page = Depends(page)) -> LedgerJSON:
    """Stored count claims with their report's source, url, outlet and publication date."""
    rows = ledger_of(request).claims(**filters, limit=pg.limit + 1, offset=pg.offset)
    return LedgerJSON(_paged(request, pg, rows))


async def _unit(unit: str | None = Query(None, description="Only claims counting this unit.")) -> str | None:
    if unit and unit not in CLAIM_UNITS:
        raise BadParameter("unit", f"{unit[:40]!r} is not one of: {', '.join(CLAIM_UNITS)}")
    return unit or None


@router.get("/series", summary="Count claims grouped into series")
def list_series(request: Request, unit: str | None = Depends(_unit)) -> LedgerJSON:
    """Claims grouped by scope (``tallylog.reconcile.build_series``): one official tally seen at several dates."""
    from tallylog.reconcile import build_series

    series = build_series(ledger_of(request).claims(unit=unit))
    return LedgerJSON({"items": [
        {"key": s.key, "label": s.label, "unit": s.unit, "region": s.region, "target": s.target, "actor": s.actor,
         "since": s.since, "points": [{"as_of": p.as_of, "value": p.value, "qualifier": p.qualifier,
                                       "speaker": p.speaker, "via": p.via, "source": p.source,
                                       "claim_id": p.claim_id} for p in s.points]}
        for s in series]})


@router.get("/reconcile", summary="Published counts checked against the ledger")
def reconcile(request: Request, unit: str | None = Depends(_unit)) -> LedgerJSON:
    """Every point of every series against the ledger's count over the same scope and period."""
    from tallylog import reconcile as rc

    ledger = ledger_of(request)
    rows = rc.reconcile(rc.build_series(ledger.claims(unit=unit)), ledger)
    return LedgerJSON({"items": [r.to_dict() for r in rows]})


@router.get("/counts", summary="Incident counts grouped by period, country, actor or weapon")
def counts(request: Request, by: str = Depends(count_by),
           filters: dict[str, Any] = Depends(incident_filters)) -> LedgerJSON:
    """``[{"key", "incidents"}]`` from one GROUP BY in the database; ``week`` keys are the ISO week's Monday."""
    rows = ledger_of(request).counts(by, **filters)
    return LedgerJSON({"by": by, "items": [{"key": k, "incidents": n} for k, n in rows]})


def _export(request: Request, filters: dict[str, Any], order: str, limit: int | None,
            writer: Callable[..., int], media_type: str, filename: str) -> StreamingResponse:
    from tallylog.serve.streaming import stream_export

    ledger: Ledger = ledger_of(request)

    def rows() -> Iterable[dict[str, Any]]:
        return ledger.incidents(**filters, order=order, limit=limit, with_sources=True)

    return StreamingResponse(stream_export(writer, rows), media_type=media_type,
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})


async def _export_limit(limit: int | None = Query(None, description="At most this many incidents (default: all).")
                        ) -> int | None:
    if limit is not None and limit < 1:
        raise BadParameter("limit", f"must be at least 1, not {limit}")
    return limit


@router.get("/export.csv", summary="Incidents as CSV (streamed)", response_class=StreamingResponse)
def export_csv(request: Request, filters: dict[str, Any] = Depends(incident_filters),
               order: str = Depends(sort_order), limit: int | None = Depends(_export_limit)) -> StreamingResponse:
    return _export(request, filters, order, limit, export.to_csv, "text/csv; charset=utf-8", "incidents.csv")


@router.get("/export.geojson", summary="Incidents as GeoJSON (streamed)", response_class=StreamingResponse)
def export_geojson(request: Request, filters: dict[str, Any] = Depends(incident_filters),
                   order: str = Depends(sort_order), limit: int | None = Depends(_export_limit)) -> StreamingResponse:
    return _export(request, filters, order, limit, export.to_geojson, "application/geo+json", "incidents.geojson")


@router.get("/export.acled.csv", summary="Incidents in ACLED's columns (streamed)", response_class=StreamingResponse)
def export_acled(request: Request, filters: dict[str, Any] = Depends(incident_filters),
                 order: str = Depends(sort_order), limit: int | None = Depends(_export_limit)) -> StreamingResponse:
    return _export(request, filters, order, limit, export.to_acled_csv, "text/csv; charset=utf-8",
                   "incidents-acled.csv")
