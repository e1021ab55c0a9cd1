"""Query parameters of the read endpoints, checked before anything reaches the ledger.

Every check raises ``BadParameter`` (answered 422 with the parameter's name and the reason). Values are
passed to the ledger's queries as bound parameters; nothing here is ever formatted into SQL.

The dependencies (``page``, ``incident_filters``, ``sort_order``, ``count_by``) are ``async def``: they only
check strings, and FastAPI would otherwise run each sync one in the thread pool, a thread hop that costs more
than the check.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import Query

from tallylog.model import WEAPONS
from tallylog.resolve.grade import GRADES
from tallylog.store.queries import COUNT_BY, ORDERS

MAX_LIMIT = 1000
DEFAULT_LIMIT = 100
MAX_OFFSET = 1_000_000_000
MAX_TEXT = 200
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNTRY = re.compile(r"[A-Za-z]{2}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class BadParameter(Exception):
    """A request parameter that cannot be used: its name, where it came from, and why."""

    def __init__(self, name: str, reason: str, where: str = "query") -> None:
        super().__init__(f"{name}: {reason}")
        self.name, self.reason, self.where = name, reason, where

    def as_error(self) -> dict[str, str]:
        return {"parameter": self.name, "in": self.where, "reason": self.reason}


def parse_date(name: str, value: str | None) -> date | None:
    """A ``YYYY-MM-DD`` parameter as a date (None when absent)."""
    if value is None or value == "":
        return None
    if not _DATE.fullmatch(value):
        raise BadParameter(name, f"{value[:40]!r} is not a date; use YYYY-MM-DD (e.g. 2024-01-28)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, f"{value!r} is not a calendar date; use YYYY-MM-DD (e.g. 2024-01-28)") from None


def clean_text(name: str, value: str | None) -> str | None:
    """A free-text parameter: at most ``MAX_TEXT`` characters, no control characters; empty means absent."""
    if value is None or value == "":
        return None
    if len(value) > MAX_TEXT:
        raise BadParameter(name, f"longer than {MAX_TEXT} characters")
    if _CONTROL.search(value):
        raise BadParameter(name, "contains control characters")
    return value


def choice(name: str, value: str | None, allowed: tuple[str, ...] | list[str]) -> str | None:
    if value is None or value == "":
        return None
    if value not in allowed:
        shown = value[:40]
        raise BadParameter(name, f"{shown!r} is not one of: {', '.join(allowed)}")
    return value


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


async def page(limit: int = Query(DEFAULT_LIMIT, description=f"Items per page (1 to {MAX_LIMIT})."),
               offset: int = Query(0, description="Items to skip.")) -> Page:
    """``limit`` and ``offset`` of a list endpoint."""
    if not 1 <= limit <= MAX_LIMIT:
        raise BadParameter("limit", f"must be between 1 and {MAX_LIMIT}, not {limit}")
    if not 0 <= offset <= MAX_OFFSET:
        raise BadParameter("offset", f"must be between 0 and {MAX_OFFSET}, not {offset}")
    return Page(limit, offset)


async def incident_filters(
    since: str | None = Query(None, description="Incidents on or after this date (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Incidents on or before this date (YYYY-MM-DD)."),
    country: str | None = Query(None, description="ISO 3166 alpha-2 code, e.g. IQ."),
    actor: str | None = Query(None, description="actor1 or actor2 exactly; % makes it a LIKE pattern."),
    weapon: str | None = Query(None, description="One of: " + ", ".join(WEAPONS) + "."),
    grade: str | None = Query(None, description="One of: " + ", ".join(GRADES) + "."),
    type: str | None = Query(None, description="ACLED event type, sub-event type, or kind."),
) -> dict[str, Any]:
    """The incident filters the CLI has, checked; keyword arguments for ``Ledger.incidents``/``counts``."""
    d0, d1 = parse_date("since", since), parse_date("until", until)
    if d0 and d1 and d0 > d1:
        raise BadParameter("until", f"{d1.isoformat()} is before since ({d0.isoformat()})")
    cc = None
    if country:
        if not _COUNTRY.fullmatch(country):
            raise BadParameter("country", f"{country[:40]!r} is not an ISO 3166 alpha-2 code (two letters, e.g. IQ)")
        cc = country.upper()
    return {"since": d0, "until": d1, "country": cc, "actor": clean_text("actor", actor),
            "weapon": choice("weapon", weapon, WEAPONS), "grade": choice("grade", grade, GRADES),
            "type": clean_text("type", type)}


async def sort_order(sort: str = Query("date", description="One of: " + ", ".join(ORDERS) + ".")) -> str:
    return choice("sort", sort, tuple(ORDERS)) or "date"


async def count_by(by: str = Query("month", description="One of: " + ", ".join(COUNT_BY) + ".")) -> str:
    return choice("by", by, COUNT_BY) or "month"
