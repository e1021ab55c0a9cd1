"""``create_app``: the FastAPI application over one ledger.

JSON endpoints under ``/api``, ``/healthz``, the OpenAPI description at ``/openapi.json`` (no docs pages: they
load scripts from a CDN, and everything here works offline), and the dashboard's static files at ``/`` and
``/static/``.
"""
from __future__ import annotations

import html
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tallylog import __version__
from tallylog.serve import ingest, read
from tallylog.serve.params import BadParameter
from tallylog.serve.responses import ApiError, LedgerJSON, problem
from tallylog.serve.state import AppState, ledger_of
from tallylog.store import Ledger

log = logging.getLogger("tallylog.serve")

WORKER_THREADS = 8  # threads serving sync endpoints at once (SQLAlchemy's default pool: 5 kept + 10 overflow)
STATIC_DIR = Path(__file__).resolve().parent / "static"

NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tallylog</title></head>
<body><h1>tallylog</h1>
<p>The dashboard is not built: there is no <code>{folder}</code>. The API is running: see
<a href="/api/incidents">/api/incidents</a> and <a href="/openapi.json">/openapi.json</a>.</p>
</body></html>
"""

SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]


class BodyLimit:
    """ASGI middleware: a request whose declared Content-Length exceeds the limit gets 413 before it is read;
    it also adds headers every response should carry."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app, self.max_body_bytes = app, max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers") or []:
            if name == b"content-length" and value.isdigit() and int(value) > self.max_body_bytes:
                response = problem(413, f"request body is {int(value):,} bytes, over the limit of "
                                        f"{self.max_body_bytes:,} bytes")
                await response(scope, receive, send)
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers") or []) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    out = []
    for e in exc.errors():
        loc = [str(p) for p in e.get("loc", ())]
        where = loc[0] if loc else "request"
        name = ".".join(loc[1:]) or where
        out.append({"parameter": name, "in": where, "reason": str(e.get("msg", "invalid"))})
    return out


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(BadParameter)
    async def _bad_parameter(_: Request, exc: BadParameter) -> Response:
        return problem(422, f"invalid parameter {exc.name}: {exc.reason}", errors=[exc.as_error()])

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> Response:
        errors = _validation_errors(exc)
        summary = "; ".join(f"{e['parameter']}: {e['reason']}" for e in errors)
        return problem(422, f"invalid request: {summary}", errors=errors)

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> Response:
        return problem(exc.status, exc.message, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = "no such endpoint; see /openapi.json for the API"
        return problem(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(DBAPIError)
    async def _database(_: Request, exc: DBAPIError) -> Response:
        log.error("ledger query failed: %s", exc)
        return problem(503, "the ledger could not answer; try again later")


def _install_static(app: FastAPI, folder: Path) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> Response:
        page = folder / "index.html"
        if page.is_file():
            return FileResponse(page, media_type="text/html; charset=utf-8")
        return HTMLResponse(NOT_BUILT.format(folder=html.escape(str(page))))

    if folder.is_dir():
        app.mount("/static", StaticFiles(directory=folder, html=False), name="static")


def create_app(db: str, *, token: str | None = None, max_body_bytes: int = 2_000_000,
               static_dir: str | Path | None = None) -> FastAPI:
    """The API over the ledger at ``db`` (a SQLite path or ``postgresql://`` URL; migrated on open).

    ``token`` is the operator's bearer token for ingest (None: ingest is disabled); request bodies over
    ``max_body_bytes`` are refused with 413; ``static_dir`` overrides where the dashboard's files are.
    """
    if max_body_bytes < 1:
        raise ValueError("max_body_bytes must be positive")
    ledger = Ledger.open(db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # as many worker threads as pooled connections: more only queue on the pool (and on the GIL)
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        yield
        ledger.close()

    app = FastAPI(title="tallylog", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  default_response_class=LedgerJSON,
                  description="Sourced, geocoded incidents and count claims from news reports about armed "
                              "violence: read the ledger, export it, ingest reports.")
    app.state.tallylog = AppState(ledger=ledger, token=token or None, max_body_bytes=max_body_bytes)
    app.add_middleware(BodyLimit, max_body_bytes=max_body_bytes)
    _install_handlers(app)
    app.include_router(read.router)
    app.include_router(ingest.router)

    @app.get("/healthz", summary="Liveness and ledger reachability")
    def healthz(request: Request) -> Response:
        ledger_ = ledger_of(request)
        with ledger_.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return LedgerJSON({"status": "ok", "ledger": ledger_.dialect, "version": __version__})

    _install_static(app, Path(static_dir) if static_dir is not None else STATIC_DIR)
    return app


#: How ``tallylog serve --workers N`` hands its options to the worker processes (which import the app anew).
ENV_DB, ENV_TOKEN_ENV, ENV_MAX_BODY = "TALLYLOG_SERVE_DB", "TALLYLOG_SERVE_TOKEN_ENV", "TALLYLOG_SERVE_MAX_BODY_BYTES"


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``tallylog serve --workers N`` (a uvicorn factory): the ledger from
    ``$TALLYLOG_SERVE_DB``, the token from the variable ``$TALLYLOG_SERVE_TOKEN_ENV`` names, the body limit
    from ``$TALLYLOG_SERVE_MAX_BODY_BYTES``."""
    import os

    token_env = os.environ.get(ENV_TOKEN_ENV) or "TALLYLOG_TOKEN"
    return create_app(os.environ[ENV_DB], token=os.environ.get(token_env) or None,
                      max_body_bytes=int(os.environ.get(ENV_MAX_BODY) or 2_000_000))
