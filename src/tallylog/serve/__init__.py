"""The HTTP API over the ledger: read endpoints, exports, authenticated ingest, and the dashboard's files.

    from tallylog.serve import create_app
    app = create_app("ledger.db", token="s3cret")   # an ASGI app; run it with uvicorn

``tallylog serve`` (``tallylog.serve.cli``) runs it from the command line.
"""
from __future__ import annotations

from tallylog.serve.app import create_app

__all__ = ["create_app"]
