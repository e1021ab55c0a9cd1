"""Prepared writes (``tallylog.store.prepared``) write exactly what ``Connection.execute`` writes.

On SQLite (always) and PostgreSQL (when TALLYLOG_TEST_PG_URL names a server): the same rows, given once to
SQLAlchemy and once to a ``Prepared`` statement, are stored with the same values as the database holds them
(dates, timestamps, JSON text, booleans, NULLs), and driver errors come out as SQLAlchemy's exceptions.
"""
from __future__ import annotations

import os
from datetime import date, datetime

import pytest
from pgtools import create_database, drop_database
from sqlalchemy import bindparam, select, text, update
from sqlalchemy.exc import IntegrityError

from tallylog.store import Ledger
from tallylog.store.prepared import Prepared, prepared
from tallylog.store.schema import claims, incidents, reports

PG_URL = os.environ.get("TALLYLOG_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger(request, tmp_path):
    if request.param == "sqlite":
        led = Ledger.open(str(tmp_path / "ledger.db"))
        yield led
        led.close()
        return
    if not PG_URL:
        pytest.skip("TALLYLOG_TEST_PG_URL is not set: no PostgreSQL server to test the ledger against")
    url, name = create_database("tallylog_test_")
    led = Ledger.open(url)
    try:
        yield led
    finally:
        led.close()
        drop_database(name)


def _report(rid: str, **over) -> dict:
    row = {"id": rid, "source": "test", "url": None, "title": "Tïtle “quoted”", "published": date(2024, 2, 29),
           "outlet": None, "language": "en", "text_sha256": "0" * 64, "fingerprint": "00ff00ff00ff00ff",
           "source_group": None, "ingested_at": datetime(2024, 3, 1, 12, 30, 5, 123456)}
    row.update(over)
    return row


def _claim(rid: str, ordinal: int) -> dict:
    return {"report_id": rid, "ordinal": ordinal, "value": 2**40 + ordinal, "qualifier": "at least",
            "unit": "attacks", "since": date(2023, 10, 17), "since_text": "since October 17",
            "since_partial": None, "as_of": None, "region": {"name": "Irak", "cc": ["IQ", "SY"]},
            "target": None, "actor": "militias", "speaker": None, "via": None,
            "locations": [{"name": "Erbil", "lat": 36.19, "note": "naïve — “dash”"}], "weapons": [],
            "evidence": [{"start": 0, "end": 5, "text": "x"}], "is_ordinal": ordinal % 2 == 1, "part_of": None,
            "notes": None, "series_key": None}


def _raw(ledger: Ledger, table: str, key: str, order: str) -> list[tuple]:
    """Every row of a table as the driver returns it (no SQLAlchemy type processing), ``key`` left out."""
    with ledger.engine.connect() as conn:
        cols = [c for c in conn.execute(text(f"SELECT * FROM {table} LIMIT 0")).keys() if c != key]  # noqa: SIM118
        return [tuple(r) for r in conn.exec_driver_sql(
            f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}").fetchall()]


def _build_report_insert(dialect: str):
    return reports.insert()


def _build_claim_insert(dialect: str):
    return claims.insert().returning(claims.c.id)


def test_prepared_inserts_store_what_sqlalchemy_stores(ledger):
    with ledger.batch():
        conn = ledger._conn
        conn.execute(reports.insert(), [_report("r_a")])
        row = _report("r_b")
        prepared(conn.dialect, _build_report_insert, tuple(row)).run(conn, row).close()
        by_sa = conn.execute(claims.insert().returning(claims.c.id), [_claim("r_a", 0)]).scalar()
        insert = prepared(conn.dialect, _build_claim_insert, tuple(_claim("r_b", 0)))
        cur = insert.run(conn, _claim("r_b", 0))
        by_prepared = cur.fetchone()[0]
        cur.close()
        for i in (1, 2):
            conn.execute(claims.insert(), [_claim("r_a", i)])
        insert_many = prepared(conn.dialect, lambda d: claims.insert(), tuple(_claim("r_b", 0)))
        insert_many.run_many(conn, [_claim("r_b", 1), _claim("r_b", 2)])
    assert by_prepared > by_sa
    got = _raw(ledger, "reports", "id", "id")
    assert len(got) == 2 and got[0] == got[1]
    rows = _raw(ledger, "claims", "id", "report_id, ordinal")
    a, b = [r[1:] for r in rows[:3]], [r[1:] for r in rows[3:]]  # report_id dropped: the rest must agree
    assert len(a) == 3 and a == b


def test_prepared_update_sets_what_sqlalchemy_sets(ledger):
    base = {"created_at": datetime(2024, 1, 1), "updated_at": datetime(2024, 1, 1), "weapons": [],
            "conflicts": [], "candidates": {}, "n_sources": 1, "n_mentions": 1}
    values = {"date": date(2024, 1, 5), "date_precision": "day", "weapons": ["drone", "rocket"],
              "candidates": {"dates": [{"value": "2024-01-05", "mentions": [1, 2]}]}, "fatalities_best": None,
              "n_mentions": 2, "updated_at": datetime(2024, 1, 6, 8, 0, 0, 1)}
    with ledger.batch():
        conn = ledger._conn
        conn.execute(incidents.insert(), [{**base, "id": "inc_a"}, {**base, "id": "inc_b"}])
        conn.execute(update(incidents).where(incidents.c.id == "inc_a").values(**values))
        row = {**values, "b_id": "inc_b"}
        stmt = prepared(conn.dialect, lambda d: update(incidents).where(incidents.c.id == bindparam("b_id")),
                        tuple(row))
        cur = stmt.run(conn, row)
        assert cur.rowcount == 1
        cur.close()
    got = _raw(ledger, "incidents", "id", "id")
    assert len(got) == 2 and got[0] == got[1]
    with ledger.engine.connect() as conn:
        back = conn.execute(select(incidents.c.date, incidents.c.weapons).where(incidents.c.id == "inc_b")).one()
    assert back == (date(2024, 1, 5), ["drone", "rocket"])


def test_prepared_errors_are_sqlalchemy_errors(ledger):
    with pytest.raises(IntegrityError), ledger.batch():
        conn = ledger._conn
        row = _report("r_dup")
        stmt = Prepared(reports.insert(), conn.dialect, tuple(row))
        stmt.run(conn, row).close()
        stmt.run(conn, row).close()  # the same primary key again
    assert ledger.stats()["reports"] == 0  # the batch was rolled back as a whole


def test_prepared_selects_read_what_sqlalchemy_reads(ledger):
    """The candidate look-ups run prepared give the rows (values and their Python types) SQLAlchemy gives."""
    from tallylog.store import _boxed_select, _country_select, _undated_selects
    from tallylog.store import rows as store_rows
    from tallylog.store.prepared import prepared_select

    base = {"created_at": datetime(2024, 1, 1, 9, 0, 0, 250), "conflicts": [{"field": "date"}],
            "candidates": {"dates": ["2024-01-05"]}, "n_sources": 1, "n_mentions": 1, "country": "IQ"}
    with ledger.batch():
        ledger._conn.execute(incidents.insert(), [
            {**base, "id": f"inc_{i}", "updated_at": datetime(2024, 1, 2, 3, 4, 5, i), "date": date(2024, 1, 3 + i % 4),
             "date_precision": ("day", "week", "month")[i % 3], "latitude": 36.0 + i / 100 if i % 5 else None,
             "longitude": 44.0 + i / 100 if i % 5 else None, "weapons": ["drone"] if i % 2 else [],
             "sub_event_type": "Air/drone strike"} for i in range(12)])
    box = {"south": 35.0, "north": 37.0, "west": 43.0, "east": 45.0}
    days = {"d0": date(2024, 1, 1), "d1": date(2024, 1, 31), "cc": "IQ", "p0": date(2024, 1, 1),
            "p1": date(2024, 2, 1), "week_0": date(2023, 12, 25), "week_1": date(2024, 2, 1),
            "month_0": date(2023, 12, 1), "month_1": date(2024, 3, 1), **box}
    columns = ("date_precision", "sub_event_type", "weapons", "n_mentions", "updated_at")
    undated = _undated_selects(columns, ("week", "month"), True, True, 200)
    statements = [_boxed_select(columns, True), _boxed_select(None, False), _country_select(columns, 200),
                  undated.days, undated.spans]
    with ledger.engine.connect() as conn:
        for stmt in statements:
            by_sa = store_rows.row_dicts(conn.execute(stmt, days))
            by_prepared = prepared_select(conn.dialect, stmt).rows(conn, days)
            assert by_sa, stmt
            assert by_prepared == by_sa
            assert [{k: type(v) for k, v in r.items()} for r in by_prepared] == \
                [{k: type(v) for k, v in r.items()} for r in by_sa]
