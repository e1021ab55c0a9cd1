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
    ) -> None:
        """Serve the JSON API, the exports and the dashboard over the ledger."""
        import uvicorn

        from tallylog.serve.app import create_app

        url = db or os.environ.get("TALLYLOG_DB") or "tallylog.db"
        token = os.environ.get(token_env) or None
        try:
            application = create_app(url, token=token, max_body_bytes=max_body_bytes)
        except Exception as exc:
            sys.stderr.write(f"tallylog: cannot open the ledger {url!r}: {type(exc).__name__}: {exc}. "
                             "Give a writable file path or a reachable postgresql:// URL with --db.\n")
            raise typer.Exit(2)
        state = "enabled" if token else f"disabled (set {token_env} to enable it)"
        sys.stderr.write(f"tallylog: serving {url} on http://{host}:{port}/ ; ingest {state}\n")
        if token is None and host not in LOOPBACK:
            sys.stderr.write("tallylog: listening beyond loopback; the ledger is readable by anyone who reaches it\n")
        uvicorn.run(application, host=host, port=port, log_level=log_level)
