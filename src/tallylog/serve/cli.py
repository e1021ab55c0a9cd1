"""``tallylog serve``: the HTTP API and dashboard over a ledger, with uvicorn."""
from __future__ import annotations

import os
import sys
from typing import Optional

import typer

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the ``tallylog`` command line."""

    @app.command()
    def serve(
        db: Optional[str] = typer.Option(None, "--db", help="Ledger: a SQLite file path or postgresql:// URL "
                                                             "(default: $TALLYLOG_DB or tallylog.db)."),
        host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback by default)."),
        port: int = typer.Option(8000, help="Port to listen on."),
        token_env: str = typer.Option("TALLYLOG_TOKEN", "--token-env",
                                      help="Environment variable holding the operator's token for ingest "
                                           "(POST /api/reports); unset: ingest is disabled."),
        max_body_bytes: int = typer.Option(2_000_000, help="Refuse request bodies larger than this (413)."),
        log_level: str = typer.Option("info", help="uvicorn log level: critical, error, warning, info, debug."),
        workers: int = typer.Option(1, min=1, max=64, help="Worker processes, each with its own threads and share "
                                                            "of the CPU; ingest stays one at a time across them. "
                                                            "A SQLite file or PostgreSQL."),
    ) -> None:
        """Serve the JSON API, the exports and the dashboard over the ledger."""
        import uvicorn

        from tallylog.serve import app as app_module

        url = db or os.environ.get("TALLYLOG_DB") or "tallylog.db"
        token = os.environ.get(token_env) or None
        if workers > 1 and url in (":memory:", "sqlite://", "sqlite:///:memory:"):
            sys.stderr.write("tallylog: --workers needs a ledger the processes share: a SQLite file or PostgreSQL.\n")
            raise typer.Exit(2)
        try:  # opened here (and migrated) once, so a bad --db fails before any worker starts
            application = app_module.create_app(url, token=token, max_body_bytes=max_body_bytes)
        except Exception as exc:
            sys.stderr.write(f"tallylog: cannot open the ledger {url!r}: {type(exc).__name__}: {exc}. "
                             "Give a writable file path or a reachable postgresql:// URL with --db.\n")
            raise typer.Exit(2)
        state = "enabled" if token else f"disabled (set {token_env} to enable it)"
        procs = f" with {workers} worker processes" if workers > 1 else ""
        sys.stderr.write(f"tallylog: serving {url} on http://{host}:{port}/{procs} ; ingest {state}\n")
        if token is None and host not in LOOPBACK:
            sys.stderr.write("tallylog: listening beyond loopback; the ledger is readable by anyone who reaches it\n")
        if workers == 1:
            uvicorn.run(application, host=host, port=port, log_level=log_level)
            return
        application.state.tallylog.ledger.close()
        os.environ.update({app_module.ENV_DB: url, app_module.ENV_TOKEN_ENV: token_env,
                           app_module.ENV_MAX_BODY: str(max_body_bytes)})
        uvicorn.run(f"{app_module.__name__}:app_from_environment", factory=True, workers=workers, host=host,
                    port=port, log_level=log_level)
