"""Throw-away PostgreSQL databases for the tests that run against the real server.

Every test that needs a PostgreSQL ledger makes its own database and drops it afterwards. Dropping
is retried: ``DROP DATABASE ... WITH (FORCE)`` cannot end a backend the test's role does not own,
and the server's autovacuum worker, which may be visiting a freshly written database, is such a
backend. It finishes within moments, so a short wait and another try always succeed.
"""
from __future__ import annotations

import os
import time
import uuid

PG_URL = os.environ.get("TALLYLOG_TEST_PG_URL")


def _admin_url() -> str:
    assert PG_URL, "TALLYLOG_TEST_PG_URL is not set"
    return PG_URL.replace("postgresql+psycopg://", "postgresql://")


def create_database(prefix: str) -> tuple[str, str]:
    """Create an empty database; return its URL and its name."""
    import psycopg

    name = prefix + uuid.uuid4().hex[:10]
    with psycopg.connect(_admin_url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return _admin_url().rsplit("/", 1)[0] + "/" + name, name


def drop_database(name: str, *, tries: int = 20, wait: float = 0.5) -> None:
    """Drop a database made by `create_database`, waiting out backends the role cannot end."""
    import psycopg

    for attempt in range(tries):
        try:
            with psycopg.connect(_admin_url(), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse,
                psycopg.OperationalError):
            if attempt == tries - 1:
                raise
            time.sleep(wait)
