"""Small SQL helpers that differ between SQLite and PostgreSQL, hidden behind one expression each."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from sqlalchemy import String, Table
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

PERIODS = ("day", "week", "month")


class _PeriodKey(FunctionElement):
    """The period a DATE column falls in, as text (one subclass per period, so compiled SQL caches apart)."""

    type = String()
    inherit_cache = True
    period = ""


class _DayKey(_PeriodKey):
    inherit_cache = True
    period = "day"


class _WeekKey(_PeriodKey):
    inherit_cache = True
    period = "week"


class _MonthKey(_PeriodKey):
    inherit_cache = True
    period = "month"


_KEYS = {"day": _DayKey, "week": _WeekKey, "month": _MonthKey}


def period_key(column: ColumnElement[Any], period: str) -> _PeriodKey:
    """Day ``YYYY-MM-DD``, week (its Monday, ``YYYY-MM-DD``) or month ``YYYY-MM`` of a DATE column."""
    if period not in _KEYS:
        raise ValueError(f"period must be one of {PERIODS}, not {period!r}")
    return _KEYS[period](column)


@compiles(_PeriodKey, "sqlite")
def _period_sqlite(element: _PeriodKey, compiler: Any, **kw: Any) -> str:
    col = compiler.process(list(element.clauses)[0], **kw)
    if element.period == "day":
        return f"date({col})"
    if element.period == "week":  # the Sunday on or after, back six days: the ISO week's Monday
        return f"date({col}, 'weekday 0', '-6 days')"
    return f"strftime('%Y-%m', {col})"


@compiles(_PeriodKey, "postgresql")
def _period_pg(element: _PeriodKey, compiler: Any, **kw: Any) -> str:
    col = compiler.process(list(element.clauses)[0], **kw)
    if element.period == "day":
        return f"to_char({col}, 'YYYY-MM-DD')"
    if element.period == "week":
        return f"to_char(date_trunc('week', {col}), 'YYYY-MM-DD')"
    return f"to_char({col}, 'YYYY-MM')"


def insert_ignore(conn: Connection, table: Table, rows: Iterable[dict[str, Any]] | dict[str, Any]) -> int:
    """Insert rows, skipping those whose primary key is already there (both databases' ON CONFLICT DO NOTHING).

    Given one row (a dict), returns whether it was inserted (1) or was already there (0); given several, how
    many were offered."""
    single = isinstance(rows, dict)
    params: Any = rows if single else list(rows)
    if not params:
        return 0
    stmt = _insert_ignore_stmt(conn.dialect.name, table, single)
    res = conn.execute(stmt, params)
    # (the driver's row count is not told for this statement on PostgreSQL: the key it returns is)
    return int(res.first() is not None) if single else len(params)


@lru_cache(maxsize=64)
def _insert_ignore_stmt(dialect: str, table: Table, returning: bool) -> Any:
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(table).on_conflict_do_nothing()
    return stmt.returning(*table.primary_key.columns) if returning else stmt


def upsert(conn: Connection, table: Table, rows: Iterable[dict[str, Any]], key: list[str],
           update: list[str]) -> None:
    """Insert rows, or on a key clash overwrite the ``update`` columns (ON CONFLICT DO UPDATE)."""
    rows = list(rows)
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=key, set_={c: stmt.excluded[c] for c in update})
    conn.execute(stmt, rows)
