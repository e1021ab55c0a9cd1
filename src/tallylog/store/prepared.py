"""Statements compiled once per dialect and run on the driver's own cursor.

The ledger's frequent writes (a report with its mentions, claims and places; an incident's insert, update,
links and weapon rows) and the resolver's candidate look-ups are plain statements with bound values, a dozen
or so a report. ``Connection.execute`` spends tens of microseconds on each beyond the database's own work (an
execution context, a cache key, parameter and row processing set up anew); over a run that was as much as all
of SQLite's work.

A ``Prepared`` statement is compiled by SQLAlchemy once for the ledger's dialect, so its SQL text is the one
``Connection.execute`` would send (bind casts on PostgreSQL included), and every value passes through the
same type processors (dates and timestamps as SQLite's text, JSON serialised by the dialect's serialiser):
the rows written are exactly those ``Connection.execute`` writes (``PreparedSelect``: the rows read, those it
reads, through the same result processors). It runs on the connection of the caller's
transaction, so a batch stays one transaction. Driver errors are raised as SQLAlchemy's, like any other, and
the engine's ``before_cursor_execute`` listeners are told of each statement.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import DBAPIError


class Prepared:
    """One statement for one dialect: its SQL text and, per bound value in order, its name and processor.

    ``run`` executes it for one row of values (a mapping by bound name) and returns the driver's cursor
    (to fetch a RETURNING row or read ``rowcount``); ``run_many`` executes it for many rows.
    """

    __slots__ = ("_binds", "_fixed", "positional", "sql")

    def __init__(self, stmt: Any, dialect: Dialect, column_keys: Sequence[str] | None = None) -> None:
        compiled = stmt.compile(dialect=dialect, column_keys=list(column_keys) if column_keys is not None else None)
        self.sql: str = compiled.string
        self.positional: bool = bool(compiled.positional)
        bind_of = {name: bind for bind, name in compiled.bind_names.items()}
        names = list(compiled.positiontup) if self.positional else list(bind_of)
        # the processor SQLAlchemy applies to each value (None where the driver takes it as it is)
        self._binds: list[tuple[str, Callable[[Any], Any] | None]] = [
            (name, bind_of[name].type.dialect_impl(dialect).bind_processor(dialect)) for name in names]
        # values the statement holds itself (a LIMIT): given with every row's
        self._fixed = {name: bind.effective_value for name, bind in bind_of.items() if not bind.required}

    def params(self, row: Mapping[str, Any]) -> Any:
        """The driver's parameters for one row: a tuple (positional styles) or a dict (named styles)."""
        if self._fixed:
            row = {**self._fixed, **row}
        values = [row[name] if proc is None else proc(row[name]) for name, proc in self._binds]
        return tuple(values) if self.positional else dict(zip((n for n, _ in self._binds), values))

    def run(self, conn: Connection, row: Mapping[str, Any]) -> Any:
        params = self.params(row)
        cur = conn.connection.cursor()
        _announce(conn, cur, self.sql, params, False)
        try:
            cur.execute(self.sql, params)
        except conn.dialect.loaded_dbapi.Error as exc:
            cur.close()
            raise _wrapped(conn, self.sql, params, exc) from exc
        return cur

    def run_many(self, conn: Connection, rows: Iterable[Mapping[str, Any]]) -> None:
        params = [self.params(r) for r in rows]
        if not params:
            return
        cur = conn.connection.cursor()
        _announce(conn, cur, self.sql, params[0] if len(params) == 1 else params, len(params) > 1)
        try:
            if len(params) == 1:
                cur.execute(self.sql, params[0])
            else:
                cur.executemany(self.sql, params)
        except conn.dialect.loaded_dbapi.Error as exc:
            raise _wrapped(conn, self.sql, params, exc) from exc
        finally:
            cur.close()


class PreparedSelect(Prepared):
    """A SELECT run as ``Prepared`` runs a write, its rows given as ``rows.row_dicts`` gives SQLAlchemy's: a dict
    per row, each value passed through the result processor SQLAlchemy applies to its column (SQLite's date and
    timestamp text made ``date`` and ``datetime``, JSON text parsed), chosen as SQLAlchemy chooses it, by the
    column's type and the type the driver says it returned."""

    __slots__ = ("_names", "_procs", "_types")

    def __init__(self, stmt: Any, dialect: Dialect) -> None:
        super().__init__(stmt, dialect)
        columns = list(stmt.selected_columns)
        self._names = [c.key for c in columns]
        self._types = [c.type.dialect_impl(dialect) for c in columns]
        self._procs: list[Callable[[Any], Any] | None] | None = None  # made at the first execution

    def rows(self, conn: Connection, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        cur = self.run(conn, params)
        try:
            found = cur.fetchall()
            procs = self._procs
            if procs is None:
                dialect = conn.dialect
                procs = self._procs = [t.result_processor(dialect, d[1])
                                       for t, d in zip(self._types, cur.description)]
        finally:
            cur.close()
        names = self._names
        if not any(procs):
            return [dict(zip(names, r)) for r in found]
        return [dict(zip(names, [v if p is None else p(v) for p, v in zip(procs, r)])) for r in found]

    def scalars(self, conn: Connection, params: Mapping[str, Any]) -> list[Any]:
        """The first column of every row (for a column the driver returns as SQLAlchemy would: no processor)."""
        cur = self.run(conn, params)
        try:
            return [r[0] for r in cur.fetchall()]
        finally:
            cur.close()


def _announce(conn: Connection, cur: Any, sql: str, params: Any, many: bool) -> None:
    """Tell the engine's ``before_cursor_execute`` listeners of a statement, as ``Connection.execute`` does, so
    that what watches a ledger's statements (tests, tracing) sees these too."""
    listeners = conn.dispatch.before_cursor_execute
    if listeners:
        listeners(conn, cur, sql, params, None, many)


def _wrapped(conn: Connection, sql: str, params: Any, exc: Exception) -> DBAPIError:
    """A driver error as the SQLAlchemy exception ``Connection.execute`` would raise for it."""
    dbapi_error = conn.dialect.loaded_dbapi.Error
    return DBAPIError.instance(sql, params, exc, dbapi_error, dialect=conn.dialect)


@lru_cache(maxsize=128)
def prepared(dialect: Dialect, build: Callable[[str], Any], column_keys: tuple[str, ...] | None = None) -> Prepared:
    """The ``Prepared`` form of ``build(dialect name)`` for ``dialect`` with these bound columns, made once.

    ``build`` is a module-level function (its identity is part of the key); the keys are few (one per
    statement shape), so the cache stays small."""
    return Prepared(build(dialect.name), dialect, column_keys)


@lru_cache(maxsize=128)
def prepared_select(dialect: Dialect, stmt: Any) -> PreparedSelect:
    """The ``PreparedSelect`` of a statement made once (``stmt`` is itself cached by its maker, so the same
    object comes back for every call of one shape and the cache stays small)."""
    return PreparedSelect(stmt, dialect)
