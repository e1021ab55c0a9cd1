"""The operator's bearer token, required for every write (``POST /api/reports``)."""
from __future__ import annotations

import hmac

from fastapi import Request

from tallylog.serve.responses import ApiError
from tallylog.serve.state import state_of

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="tallylog"'}


def require_token(request: Request) -> None:
    """No token configured: 403 (ingest disabled); no or malformed header: 401; wrong token: 403.

    The comparison takes the same time whatever the guess (``hmac.compare_digest``).
    """
    token = state_of(request).token
    if not token:
        raise ApiError(403, "ingest is disabled: the server was started without a token "
                            "(set TALLYLOG_TOKEN, or name another variable with --token-env)")
    header = request.headers.get("authorization")
    if not header:
        raise ApiError(401, "authentication required: send Authorization: Bearer <token>", _CHALLENGE)
    scheme, _, given = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "malformed Authorization header: send Authorization: Bearer <token>", _CHALLENGE)
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise ApiError(403, "wrong token")
