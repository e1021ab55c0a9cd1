"""The ledger as a user drives it: `tallylog run` into a real SQLite file (and PostgreSQL where the test
environment provides one), then every read command on what it wrote."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pgtools import create_database, drop_database

REPO = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("TALLYLOG_TEST_PG_URL")


def tallylog(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("tallylog")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "COLUMNS": "200"})


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
        return
    if not PG_URL:
        pytest.skip("TALLYLOG_TEST_PG_URL is not set (.ci/run starts PostgreSQL and sets it)")
    url, name = create_database("tl_cli_")
    yield url
    drop_database(name)


def _json(proc) -> object:
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_run_is_idempotent_and_every_read_command_works(db):
    first = tallylog("run", "--sample", "--db", db)
    assert first.returncode == 0, first.stderr
    assert "incidents" in first.stdout and "reports read" in first.stdout
    incidents = _json(tallylog("incidents", "--db", db, "--format", "json"))
    assert len(incidents) >= 10
    # the same reports again change nothing
    again = tallylog("run", "--sample", "--db", db)
    assert again.returncode == 0 and "0 new" in again.stdout
    assert len(_json(tallylog("incidents", "--db", db, "--format", "json"))) == len(incidents)

    # Tower 22: many outlets, different injury figures, one incident with every candidate kept
    tower = [i for i in incidents if (i.get("place_name") or "").startswith("Tower 22")]
    assert len(tower) == 1
    t = tower[0]
    assert t["n_sources"] >= 3 and t["injured_low"] < t["injured_high"]
    assert t["injured_best"] == t["injured_low"]  # the conservative figure
    assert t["kind"] == "attack_on_us_forces" and t["grade"] in ("confirmed", "corroborated")
    shown = _json(tallylog("show", t["id"], "--db", db, "--format", "json"))
    assert len(shown["mentions"]) >= 3 and all(m["evidence"] for m in shown["mentions"])
    assert any(c["field"] == "injured" for c in shown["conflicts"])

    # exports parse
    rows = list(csv.DictReader(io.StringIO(tallylog("incidents", "--db", db, "--format", "acled").stdout)))
    assert rows and {"event_id_cnty", "event_date", "event_type", "latitude", "geo_precision", "fatalities"} <= set(rows[0])
    gj = _json(tallylog("incidents", "--db", db, "--format", "geojson"))
    assert gj["type"] == "FeatureCollection" and all(f["geometry"]["type"] == "Point" for f in gj["features"])
    assert list(csv.DictReader(io.StringIO(tallylog("incidents", "--db", db, "--format", "csv").stdout)))
    jo = _json(tallylog("incidents", "--db", db, "--country", "JO", "--format", "json"))
    assert jo and all(i["country"] == "JO" for i in jo)

    # claims grouped into the official running tally, reconciled against the ledger
    series = _json(tallylog("claims", "--db", db, "--format", "json"))
    tally = [s for s in series if s["key"].startswith("attacks|") and len(s["points"]) >= 3]
    assert tally, [s["key"] for s in series]
    values = [p["value"] for p in tally[0]["points"]]
    assert values == sorted(values)
    rec = _json(tallylog("reconcile", "--db", db, "--format", "json"))
    assert rec and all(r["gap"] == r["claimed"] - r["ledger_total"] for r in rec)
    counts = _json(tallylog("counts", "--db", db, "--by", "country", "--format", "json"))
    assert sum(c["incidents"] for c in counts) == len(incidents)


def test_run_reports_bad_input_and_an_unopenable_ledger(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    proc = tallylog("run", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "l.db"))
    assert "empty.txt" in proc.stderr and "Traceback" not in proc.stderr
    bad = tallylog("incidents", "--db", str(tmp_path / "no" / "such" / "dir" / "l.db"))
    assert bad.returncode == 2 and "cannot open the ledger" in bad.stderr


def test_a_run_killed_mid_way_leaves_whole_batches_and_the_next_run_completes(tmp_path, shared):
    corpus = shared / "data" / "voa" / "voa_stories.jsonl"
    clean_db = tmp_path / "clean.db"
    clean = tallylog("run", str(corpus), "--db", str(clean_db), "--batch-size", "5", "-q")
    assert clean.returncode == 0, clean.stderr
    killed_db = tmp_path / "killed.db"
    exe = Path(sys.executable).with_name("tallylog")
    proc = subprocess.Popen([str(exe), "run", str(corpus), "--db", str(killed_db), "--batch-size", "5", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # wait until some batches are committed, then kill -9
    import sqlite3

    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.2)
        if killed_db.exists():
            try:
                with sqlite3.connect(killed_db) as c:
                    if c.execute("select count(*) from reports").fetchone()[0] >= 10:
                        break
            except sqlite3.Error:
                pass
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(killed_db) as c:
        n_reports = c.execute("select count(*) from reports").fetchone()[0]
        assert n_reports % 5 == 0 or n_reports == 89  # whole batches only
        assert c.execute("select count(*) from mentions m left join reports r on r.id = m.report_id "
                         "where r.id is null").fetchone()[0] == 0
        assert c.execute("select count(*) from incidents i where not exists (select 1 from incident_mentions l "
                         "where l.incident_id = i.id)").fetchone()[0] == 0
    resumed = tallylog("run", str(corpus), "--db", str(killed_db), "--batch-size", "5", "-q")
    assert resumed.returncode == 0, resumed.stderr
    with sqlite3.connect(killed_db) as a, sqlite3.connect(clean_db) as b:
        for table in ("reports", "mentions", "claims"):
            assert a.execute(f"select count(*) from {table}").fetchone() == b.execute(f"select count(*) from {table}").fetchone()
        assert a.execute("select count(distinct id) from reports").fetchone()[0] == 89


def test_sql_tally_and_incident_by_incident_reconciliation_agree(db):
    from tallylog import reconcile as rc
    from tallylog.store import Ledger

    assert tallylog("run", "--sample", "--db", db, "-q").returncode == 0
    ledger = Ledger.open(db)

    class Streaming:  # the ledger without its SQL tally
        def incidents(self, **kw):
            return ledger.incidents(**kw)

    series = rc.build_series(ledger.claims())
    fast = rc.reconcile(series, ledger)
    slow = rc.reconcile(series, Streaming())
    assert [(r.series, r.as_of, r.ledger_total, r.counted, r.claimed_only) for r in fast] == \
           [(r.series, r.as_of, r.ledger_total, r.counted, r.claimed_only) for r in slow]
    assert any(r.ledger_total > 0 for r in fast)


def test_counts_plot_writes_a_png(tmp_path):
    db = str(tmp_path / "l.db")
    assert tallylog("run", "--sample", "--db", db, "-q").returncode == 0
    out = tmp_path / "weeks.png"
    proc = tallylog("counts", "--db", db, "--by", "week", "--plot", str(out), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 5000
    bad = tallylog("counts", "--db", db, "--by", "country", "--plot", str(out))
    assert bad.returncode == 2 and "day, week or month" in bad.stderr
