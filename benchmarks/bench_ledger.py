"""Query times of the ledger at scale: listings, the API's pages and `reconcile` on N synthetic incidents.

    .venv/bin/python benchmarks/bench_ledger.py --incidents 1000000 --db /tmp/bench-1m.db
    .venv/bin/python benchmarks/bench_ledger.py --incidents 1000000 --db postgresql://tallylog:tallylog@127.0.0.1/bench

The database must be empty (it is written to). Incidents are bulk-loaded (straight INSERTs) with realistic
spreads of dates, countries, kinds and grades; then each query runs once to warm and 5 times timed, and the
mean is printed. Speed is measured here, never in tests.
"""
from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert

from tallylog.reconcile import Point, Series, reconcile
from tallylog.store import Ledger, queries
from tallylog.store.rows import utcnow
from tallylog.store.schema import incident_weapons, incidents

WEAPONS = ("drone", "rocket", "missile", "mortar", "artillery", "airstrike", "ied", "small_arms")
COUNTRIES = ("IQ", "SY", "JO", "YE", "LB", "IL", "PS", "UA", "SD", "ML", "SO", "NG", "AF", "PK")
GRADES = ("confirmed", "corroborated", "single_source", "single_source", "claimed_only", "contested", "denied")
KINDS = ("attack_on_us_forces", "us_strike", "other_attack", "other_attack", "other_attack")


def load(ledger: Ledger, n: int, seed: int = 0, chunk: int = 20000) -> float:
    rng = random.Random(seed)
    now = utcnow()
    t0 = time.perf_counter()
    with ledger.engine.begin() as conn:
        for start in range(0, n, chunk):
            rows: list[dict[str, Any]] = []
            weapons: list[dict[str, Any]] = []
            for j in range(start, min(start + chunk, n)):
                iid = f"inc_{j:012x}"
                w = rng.choice(WEAPONS)
                rows.append({"id": iid, "created_at": now, "updated_at": now, "event_type": "Explosions/Remote violence",
                             "sub_event_type": rng.choice(("Air/drone strike", "Shelling/artillery/missile attack",
                                                           "Disrupted weapons use", "Armed clash")),
                             "kind": rng.choice(KINDS), "date": date(2015, 1, 1) + timedelta(days=rng.randrange(3650)),
                             "date_precision": "day", "country": rng.choice(COUNTRIES),
                             "latitude": rng.uniform(0, 45), "longitude": rng.uniform(10, 70),
                             "actor1": "Actor %d" % rng.randrange(400), "weapons": [w],
                             "fatalities_best": rng.randrange(5), "injured_best": rng.randrange(8),
                             "grade": rng.choice(GRADES), "conflicts": [], "candidates": {}, "n_sources": 1,
                             "n_mentions": 1})
                weapons.append({"incident_id": iid, "weapon": w})
            conn.execute(insert(incidents), rows)
            conn.execute(insert(incident_weapons), weapons)
    if ledger.dialect == "postgresql":
        with ledger.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with ledger.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - t0


def timed(label: str, fn: Any, repeat: int = 5) -> None:
    fn()
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn()
    print(f"  {label:<62} {1000 * (time.perf_counter() - t0) / repeat:9.1f} ms", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--incidents", type=int, default=100_000)
    args = ap.parse_args()
    ledger = Ledger.open(args.db)
    if ledger.stats()["incidents"] == 0:
        print(f"loading {args.incidents:,} incidents into {ledger.dialect} ...", flush=True)
        print(f"  loaded in {load(ledger, args.incidents):.1f} s", flush=True)
    n = ledger.stats()["incidents"]
    print(f"{ledger.dialect}: {n:,} incidents")
    page = lambda **kw: list(ledger.incidents(limit=100, **kw))  # noqa: E731
    timed("incidents: newest 100", lambda: page())
    timed("incidents --country IQ --since 2023-10-17, 100 rows", lambda: page(country="IQ", since=date(2023, 10, 17)))
    timed("incidents --weapon drone, 100 rows", lambda: page(weapon="drone"))
    timed("incidents --grade confirmed, 100 rows", lambda: page(grade="confirmed"))
    timed("incidents --actor 'Actor 7', 100 rows", lambda: page(actor="Actor 7"))
    api_page = lambda **kw: ledger.incident_page(limit=101, order="-date", with_sources=True, **kw)  # noqa: E731
    timed("API page (incident_page): newest 100 + sources", lambda: api_page())
    timed("API page: --weapon drone, 100 rows + sources", lambda: api_page(weapon="drone"))
    deep = ledger.incident_page(limit=1, offset=50_000, order="-date")
    if deep:
        cursor = queries.cursor_of("-date", deep[0])
        timed("API page: offset 50,000", lambda: api_page(offset=50_001))
        timed("API page: after a cursor 50,000 rows deep (keyset)", lambda: api_page(after=cursor))
    timed("counts --by month --country SY", lambda: ledger.counts("month", country="SY"))
    series = Series(key="attacks|IQ,SY|US forces|-|since=2023-10-17", unit="attacks", region=["IQ", "SY"],
                    target="US forces", actor=None, since=date(2023, 10, 17),
                    points=[Point(as_of=date(2023, 10, 17) + timedelta(days=30 * k), value=50 * k, qualifier="at_least",
                                  speaker=None, via=None, source=None) for k in range(1, 11)])
    timed("reconcile: a 10-point series (attacks on US forces, IQ+SY)", lambda: reconcile([series], ledger))
    inj = Series(key="injured|-|-|-|since=2015-01-01", unit="injured", region=[], target=None, actor=None,
                 since=date(2015, 1, 1), points=[Point(as_of=date(2024, 12, 31), value=1, qualifier="exact",
                                                       speaker=None, via=None, source=None)])
    timed("reconcile: injured over all incidents, one point", lambda: reconcile([inj], ledger))


if __name__ == "__main__":
    main()
