"""Publication dates as given by a source (never guessed from the clock or file times)."""
from __future__ import annotations

import re
from datetime import date, datetime

_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s_])")


def parse_published(value: object) -> date | None:
    """An ISO date or datetime (string, ``date`` or ``datetime``) as a date; None when absent.

    Raises ``ValueError`` for a value that is present but not an ISO date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date string, got {type(value).__name__}")
    m = _ISO_DAY.match(value.strip() + " ")
    if not m:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValueError(f"{value!r} is not a valid date") from None
