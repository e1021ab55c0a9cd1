"""``POST /api/reports``: one report or a batch in, through ``LedgerRun`` into the ledger; what was made, out.

Body: ``{"text" or "html", "title", "url", "published", "outlet"}`` or ``{"reports": [...]}`` of those.
Reports go through the same ingest gate as files (``tallylog.ingest.iter_reports`` reading JSON Lines), so
the API accepts and rejects exactly what ``tallylog run`` does. A batch is one transaction.
"""
from __future__ import annotations

import io
import json
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select

from tallylog.ingest.dates import parse_published
from tallylog.serve.auth import require_token
from tallylog.serve.params import BadParameter
from tallylog.serve.responses import ApiError, LedgerJSON
from tallylog.serve.state import AppState, state_of
from tallylog.store.schema import incident_mentions, mentions

router = APIRouter(prefix="/api", default_response_class=LedgerJSON)

MAX_BATCH = 500
MAX_META = 2000  # characters of title, url, outlet
FIELDS = ("text", "html", "title", "url", "published", "outlet")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"request body is {int(declared):,} bytes, over the limit of {limit:,} bytes; "
                            "send fewer reports per request")
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"request body is over the limit of {limit:,} bytes; send fewer reports per request")
        parts.append(chunk)
    return b"".join(parts)


def _check_report(obj: Any, name: str) -> dict[str, Any]:
    """One report object, checked field by field (unknown fields are ignored)."""
    if not isinstance(obj, dict):
        raise BadParameter(name, f"must be an object with \"text\" or \"html\", not {type(obj).__name__}", "body")
    out: dict[str, Any] = {}
    for key in FIELDS:
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise BadParameter(f"{name}.{key}", f"must be a string, not {type(value).__name__}", "body")
        if key in ("title", "url", "outlet") and len(value) > MAX_META:
            raise BadParameter(f"{name}.{key}", f"longer than {MAX_META} characters", "body")
        out[key] = value
    if not (out.get("text") or "").strip() and not (out.get("html") or "").strip():
        raise BadParameter(name, 'needs a non-empty "text" or "html"', "body")
    if out.get("published"):
        try:
            parse_published(out["published"])
        except ValueError as exc:
            raise BadParameter(f"{name}.published", str(exc), "body") from None
    return out


def parse_reports(body: bytes) -> tuple[list[dict[str, Any]], bool]:
    """The report objects of a request body, and whether it was a batch."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f" ({exc.msg} at character {exc.pos + 1})" if isinstance(exc, json.JSONDecodeError) else ""
        raise ApiError(400, f"the body is not valid JSON{where}; send a report object or {{\"reports\": [...]}}")
    if isinstance(data, dict) and "reports" in data:
        batch = data["reports"]
        if not isinstance(batch, list) or not batch:
            raise BadParameter("reports", "must be a non-empty list of report objects", "body")
        if len(batch) > MAX_BATCH:
            raise BadParameter("reports", f"{len(batch)} reports; at most {MAX_BATCH} per request", "body")
        return [_check_report(r, f"reports[{i}]") for i, r in enumerate(batch)], True
    return [_check_report(data, "body")], False


def _incidents_of(state: AppState, report_ids: list[str]) -> dict[str, list[str]]:
    """The incidents each report's mentions now belong to."""
    if not report_ids:
        return {}
    stmt = (select(mentions.c.report_id, incident_mentions.c.incident_id)
            .join(incident_mentions, incident_mentions.c.mention_id == mentions.c.id)
            .where(mentions.c.report_id.in_(report_ids)).distinct())
    out: dict[str, list[str]] = {}
    with state.ledger.engine.connect() as conn:
        for rid, iid in conn.execute(stmt):
            out.setdefault(rid, []).append(iid)
    return {k: sorted(v) for k, v in out.items()}


def ingest(state: AppState, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Run ``records`` through ingest, extraction and resolution into the ledger, in one transaction."""
    from tallylog.ingest import iter_reports
    from tallylog.model import IngestError
    from tallylog.run import LedgerRun

    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    items = list(iter_reports(["-"], stdin=io.StringIO(lines), max_bytes=max(state.max_body_bytes, len(lines) + 1)))
    results: list[dict[str, Any]] = []
    with state.ingest_lock:
        writer = state.writer()
        job = LedgerRun(writer)
        s = job.summary
        with writer.batch():
            for index, item in enumerate(items):
                if isinstance(item, IngestError):
                    results.append({"index": index, "status": "rejected", "reason": item.reason})
                    continue
                item.source = "api:" + (item.url or item.id)
                before = (s.duplicates, len(s.errors), s.events, s.claims, s.incidents_new, s.incidents_updated)
                job.add(item)
                entry: dict[str, Any] = {"index": index, "report_id": item.id, "title": item.title}
                if s.duplicates > before[0]:
                    entry["status"] = "duplicate"
                elif len(s.errors) > before[1]:
                    entry.update(status="failed", reason=s.errors[-1])
                else:
                    entry.update(status="created", events=s.events - before[2], claims=s.claims - before[3],
                                 incidents_new=s.incidents_new - before[4],
                                 incidents_updated=s.incidents_updated - before[5])
                results.append(entry)
    linked = _incidents_of(state, [r["report_id"] for r in results if r["status"] == "created"])
    for r in results:
        if r["status"] == "created":
            r["incident_ids"] = linked.get(r["report_id"], [])
    counts = {k: sum(1 for r in results if r["status"] == k) for k in ("created", "duplicate", "rejected", "failed")}
    return {**counts, "incidents_new": s.incidents_new, "incidents_updated": s.incidents_updated, "results": results}


@router.post("/reports", summary="Ingest one report or a batch (needs the operator's token)", status_code=201,
             dependencies=[Depends(require_token)],
             responses={200: {"description": "Nothing new stored (duplicates)"}, 401: {}, 403: {}, 413: {}, 422: {}})
async def post_reports(request: Request) -> LedgerJSON:
    """Ingest, extract and resolve; returns each report's id and status (created, duplicate, rejected, failed),
    the incidents its events now belong to, and the totals."""
    state = state_of(request)
    body = await read_body(request, state.max_body_bytes)
    records, batch = parse_reports(body)
    out = await run_in_threadpool(ingest, state, records)
    if not batch and out["rejected"]:
        raise ApiError(422, f"report rejected: {out['results'][0]['reason']}")
    return LedgerJSON(out, status_code=201 if out["created"] else 200)
