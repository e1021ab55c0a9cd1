"""JSON encoding of ledger rows (dates, timestamps) and the API's JSON response class.

Responses are encoded with orjson (several times faster than ``json``); anything orjson refuses (an integer
beyond 64 bits, say) falls back to ``json`` with the same conversions, so every body stays valid JSON.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import orjson
from fastapi.responses import JSONResponse


def json_default(value: Any) -> Any:
    """What ``json.dumps`` cannot encode by itself: dates and timestamps as ISO 8601, sets as lists."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


class LedgerJSON(JSONResponse):
    """A JSON response that encodes ledger rows directly (no per-field conversion pass)."""

    def render(self, content: Any) -> bytes:
        try:
            return orjson.dumps(content, default=json_default, option=orjson.OPT_NON_STR_KEYS)
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            return json.dumps(content, default=json_default, ensure_ascii=False, allow_nan=False,
                              separators=(",", ":")).encode("utf-8")


def problem(status: int, message: str, *, errors: list[dict[str, Any]] | None = None,
            headers: dict[str, str] | None = None) -> LedgerJSON:
    """An error response: ``{"detail": message}`` plus, for validation errors, one entry per bad parameter."""
    body: dict[str, Any] = {"detail": message}
    if errors:
        body["errors"] = errors
    return LedgerJSON(body, status_code=status, headers=headers)


class ApiError(Exception):
    """An error answered as ``{"detail": message}`` with this status (raised from endpoints and dependencies)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers
