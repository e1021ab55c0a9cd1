"""The HTTP API over the ledger: read endpoints, exports, authenticated ingest, and the dashboard's files.

    from tallylog.serve import create_app
    app = create_app("ledger.db", token="s3cret")   # an ASGI app; run it with uvicorn

``tallylog serve`` (``tallylog.serve.cli``) runs it from the command line.
"""
from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    """``create_app`` is imported on first use, so ``tallylog run`` does not pay for the web stack."""
    if name == "create_app":
        from tallylog.serve.app import create_app

        return create_app
    raise AttributeError(f"module 'tallylog.serve' has no attribute {name!r}")
