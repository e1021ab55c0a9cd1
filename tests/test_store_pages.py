"""The incident list's pages (``Ledger.incident_page``): the same rows as ``Ledger.incidents``, keyset cursors,
the list indexes of migration 0003, on SQLite (always) and PostgreSQL (when TALLYLOG_TEST_PG_URL is set)."""
from __future__ import annotations

import json
import os
from datetime import date, timedelta

import pytest
from pgtools import create_database, drop_database
from sqlalchemy import inspect

from tallylog.model import Event, Extraction, Location, Report, Span
from tallylog.serve.responses import LedgerJSON
from tallylog.store import Ledger, queries
from tallylog.store.migrate import alembic_config, current
from tallylog.store.queries import ORDERS, BadCursor, cursor_of, page_sql

PG_URL = os.environ.get("TALLYLOG_TEST_PG_URL")
COUNTRIES = ("IQ", "SY", "JO", None)
WEAPONS = ("drone", "rocket", "missile", "small_arms")
ACTORS = ("Islamic Resistance in Iraq", "Houthis", "Kataib Hezbollah", None)
SUB_TYPES = ("Air/drone strike", "Shelling/artillery/missile attack", "Armed clash")
GRADES = ("confirmed", "corroborated", "single_source", "contested", None)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty database of each kind (a PostgreSQL one is created for the test and dropped after)."""
    if request.param == "sqlite":
        yield str(tmp_path / "pages.db")
        return
    if not PG_URL:
        pytest.skip("TALLYLOG_TEST_PG_URL is not set: no PostgreSQL server to test the ledger against")
    url, name = create_database("tallylog_pages_")
    try:
        yield url
    finally:
        drop_database(name)


def _report(i: int, n_events: int) -> Extraction:
    body = f"Report {i}: attacks with drones and rockets were reported in several places."
    published = date(2024, 3, 1) + timedelta(days=i % 5)
    report = Report(text=body, source=f"r{i}.txt", title=f"Report {i}", published=published,
                    outlet=("Wire A", "Wire B", None)[i % 3], url=f"https://news.example/pages/{i}")
    events = []
    for k in range(n_events):
        j = i * n_events + k
        # few distinct dates (ties broken by id), and some incidents with no date at all
        when = None if j % 7 == 3 else date(2024, 2, 1) + timedelta(days=j % 6)
        events.append(Event(
            id=f"{report.id}-e{k}", event_type="Explosions/Remote violence" if j % 4 else "Battles",
            sub_event_type=SUB_TYPES[j % 3], date=when, date_precision="day" if when else "unknown",
            location=Location(name=f"Place {j % 5}", text=f"Place {j % 5}", country=COUNTRIES[j % 4]),
            actor1=ACTORS[j % 4], actor2="US forces" if j % 2 else None,
            weapons=sorted({WEAPONS[j % 4], WEAPONS[(j // 4) % 4]}), fatalities=j % 3 or None,
            evidence=[Span(0, 6, body[:6])], kind=("attack_on_us_forces", "other_attack")[j % 2]))
    return Extraction(report=report, events=events)


@pytest.fixture
def ledger(db_url):
    """A ledger of ~60 incidents: ties on date, NULL dates, NULL countries and grades, several weapons each,
    and incidents with mentions from two reports (so two sources)."""
    led = Ledger.open(db_url)
    with led.batch():
        mention_ids = []
        for i in range(12):
            added = led.add_extraction(_report(i, 5))
            mention_ids += added.mention_ids
        for n, mid in enumerate(mention_ids[:50]):
            m = led.mention(mid)
            inc = led.create_incident({
                "event_type": m["event_type"], "sub_event_type": m["sub_event_type"], "kind": m["kind"],
                "date": m["date"], "country": m["country"], "actor1": m["actor1"], "actor2": m["actor2"],
                "weapons": m["weapons"], "grade": GRADES[n % 5], "fatalities_best": m["fatalities"]}, [mid])
            if n < 10:  # a later report's mention joins: a second source
                led.link(inc, [mention_ids[50 + n]])
    yield led
    led.close()


def _as_api(rows) -> list[dict]:
    """Rows as the API writes them (JSON), so the two read paths compare value for value."""
    return json.loads(LedgerJSON(list(rows)).body)


FILTERS = [
    {}, {"country": "iq"}, {"country": "SY"}, {"weapon": "drone"}, {"weapon": "small_arms"}, {"grade": "confirmed"},
    {"actor": "Houthis"}, {"actor": "%Iraq"}, {"type": "Armed clash"}, {"type": "Battles"},
    {"since": "2024-02-03"}, {"until": date(2024, 2, 2)}, {"since": "2024-02-02", "until": "2024-02-04"},
    {"country": "IQ", "weapon": "rocket", "since": "2024-02-02"}, {"grade": "nothing-has-this"},
]


@pytest.mark.parametrize("order", list(ORDERS))
def test_page_gives_what_incidents_gives(ledger, order):
    """Every filter and order: the page path and the streamed path give the same rows, values and sources."""
    for filters in FILTERS:
        expected = _as_api(ledger.incidents(**filters, order=order, with_sources=True))
        got = ledger.incident_page(**filters, limit=1000, order=order, with_sources=True)
        assert _as_api(got) == expected, filters
        assert ledger.incident_page(**filters, limit=1000, order=order) == [
            {k: v for k, v in row.items() if k != "sources"} for row in got]
    every = _as_api(ledger.incidents(order=order, with_sources=True))
    assert len(every) == 50 and any(i["date"] is None for i in every)
    assert any(len(i["sources"]) == 2 for i in every)
    short = ledger.incident_page(limit=3, offset=4, order=order, columns=["date", "grade"])
    assert [list(r) for r in short] == [["id", "date", "grade"]] * 3
    assert [r["id"] for r in short] == [i["id"] for i in every[4:7]]


@pytest.mark.parametrize("order", list(ORDERS))
def test_keyset_pages_walk_every_row_once_in_order(ledger, order):
    """Pages read after each page's last row's cursor put together are the whole list, across NULL dates and
    ties on the key, for every page size (NULL dates sort first on SQLite, last on PostgreSQL)."""
    for filters in ({}, {"country": "IQ"}, {"weapon": "rocket"}, {"since": "2024-02-03"}):
        every = [i["id"] for i in ledger.incidents(**filters, order=order)]
        for size in (1, 4, 7, len(every) + 1):
            seen, after = [], None
            for _ in range(len(every) + 2):
                page = ledger.incident_page(**filters, limit=size, order=order, after=after)
                seen += [i["id"] for i in page]
                if len(page) < size:
                    break
                after = cursor_of(order, page[-1])
            assert seen == every, (filters, size)


def test_bad_cursors_are_refused(ledger):
    page = ledger.incident_page(limit=2, order="-date")
    good = cursor_of("-date", page[-1])
    assert ledger.incident_page(limit=1, order="-date", after=good)
    for bad in ("", "not a cursor", "x" * 50, queries.encode_cursor("date", "2024-02-01", "inc_1"),
                queries.encode_cursor("-date", "2024-99-01", "inc_1"), queries.encode_cursor("-date", 5, "inc_1"),
                queries.encode_cursor("-date", "2024-02-01", "")):
        with pytest.raises(BadCursor):
            ledger.incident_page(limit=2, order="-date", after=bad)
    for order, bad in (("id", good), ("id", queries.encode_cursor("id", "2024-02-01", "inc_1")),
                       ("-updated", queries.encode_cursor("-updated", None, "inc_1"))):
        with pytest.raises(BadCursor):  # made for another order, or a key its order cannot have
            ledger.incident_page(limit=2, order=order, after=bad)
    with pytest.raises(ValueError):
        ledger.incident_page(limit=2, order="-date", after=good, offset=2)


def _plan(led: Ledger, sql: str, args: list) -> str:
    with led.engine.connect() as conn:
        cur = conn.connection.cursor()
        rows = cur.execute("EXPLAIN QUERY PLAN " + sql, args).fetchall()
        cur.close()
    return " | ".join(str(r[-1]) for r in rows)


def test_list_pages_walk_an_index_in_order_on_sqlite(tmp_path):
    """On SQLite every list page of the dashboard's kinds reads an index in the list's order (no sort of the
    matching rows), with or without a cursor; the weapon filter is answered from the index. (An empty ledger:
    the planner's guesses without statistics, as on a new ledger that grows.)"""
    led = Ledger.open(tmp_path / "plan.db")
    columns = ["id", "date", "country", "weapons", "grade", "updated_at"]
    cursor = queries.encode_cursor("-date", "2024-02-01", "inc_000000000001")
    for order in ("-date", "date", "-updated", "updated"):
        for filters in ({}, {"country": "IQ"}, {"grade": "confirmed"}, {"weapon": "drone"},
                        {"since": "2024-01-01", "country": "IQ"}):
            if filters and "updated" in order:
                continue  # (country, date, id) then a sort of that country's rows may well be the better plan
            after = cursor if order == "-date" else None
            for sql, args in page_sql("sqlite", columns, limit=100, order=order, after=after, **filters).parts:
                plan = _plan(led, sql, args)
                assert "TEMP B-TREE" not in plan and "USING" in plan, (order, filters, plan)
                if "weapon" in filters and order.endswith("date"):
                    assert "ix_incidents_date_id_weapons" in plan, plan
    led.close()


def test_migration_0003_adds_the_list_indexes_and_goes_back(db_url):
    """From 0003_list_indexes on, the list's indexes hold (date, id); a downgrade below it restores 0002's."""
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    head = ScriptDirectory.from_config(cfg).get_current_head()
    led = Ledger.open(db_url)
    try:
        with led.engine.connect() as conn:
            assert current(conn) == head
        names = {i["name"]: i["column_names"] for i in inspect(led.engine).get_indexes("incidents")}
        assert names["ix_incidents_date_id_weapons"] == ["date", "id", "weapons"]
        assert names["ix_incidents_country_date_id"] == ["country", "date", "id"]
        assert names["ix_incidents_grade_date_id"] == ["grade", "date", "id"]
        assert names["ix_incidents_updated_at_id"] == ["updated_at", "id"]
        assert "ix_incidents_date" not in names
        with led.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
            conn.commit()
            assert current(conn) == "0002"
        old = {i["name"] for i in inspect(led.engine).get_indexes("incidents")}
        assert {"ix_incidents_date", "ix_incidents_country_date", "ix_incidents_grade_date",
                "ix_incidents_updated_at"} <= old and "ix_incidents_date_id_weapons" not in old
    finally:
        led.close()
    again = Ledger.open(db_url)  # back to head
    with again.engine.connect() as conn:
        assert current(conn) == head
    assert "ix_incidents_date_id_weapons" in {i["name"] for i in inspect(again.engine).get_indexes("incidents")}
    again.close()
