"""Ledger benchmark: ingest speed and query latency on synthetic data.

    python -m tallylog.store.bench --db /tmp/bench.db --reports 2000 --events 5
    python -m tallylog.store.bench --db postgresql://user:pw@127.0.0.1/db --incidents 1000000

Ingest goes through ``Ledger.add_extraction`` in batches; ``--incidents`` then bulk-loads that many
synthetic incidents (straight INSERTs, to reach the scale fast) and times the list queries on them.
Use an empty database: the tables are written to.
"""
from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert

from tallylog.model import Event, Extraction, Location, Report, Span
from tallylog.store import Ledger
from tallylog.store.rows import utcnow
from tallylog.store.schema import incident_weapons, incidents

WEAPONS = ("drone", "rocket", "missile", "mortar", "artillery", "airstrike", "ied", "small_arms")
COUNTRIES = ("IQ", "SY", "JO", "YE", "LB", "IL", "PS", "UA", "SD", "ML")


def synthetic(i: int, n_events: int, rng: random.Random) -> Extraction:
    text = f"Synthetic report {i}: " + " ".join(rng.choice(("strike", "drone", "base", "rocket", "killed"))
                                                  for _ in range(200))
    day = date(2023, 10, 17) + timedelta(days=rng.randrange(500))
    report = Report(text=text, published=day, outlet=f"Outlet {i % 50}", url=f"https://bench.example/{i}")
    events = [Event(id=f"{report.id}-e{k}", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                    date=day - timedelta(days=k), date_precision="day",
                    location=Location(name="Place", country=rng.choice(COUNTRIES), latitude=rng.uniform(12, 40),
                                      longitude=rng.uniform(30, 50), geo_precision=1),
                    actor1="Actor %d" % rng.randrange(40), weapons=[rng.choice(WEAPONS)],
                    fatalities=rng.randrange(5), evidence=[Span(0, 20, text[:20])])
              for k in range(n_events)]
    return Extraction(report=report, events=events)


def bulk_incidents(ledger: Ledger, n: int, rng: random.Random, chunk: int = 20000) -> None:
    now = utcnow()
    with ledger.engine.begin() as conn:
        for start in range(0, n, chunk):
            rows: list[dict[str, Any]] = []
            weapons: list[dict[str, Any]] = []
            for j in range(start, min(start + chunk, n)):
                iid = f"inc_{j:012x}"
                w = rng.choice(WEAPONS)
                rows.append({"id": iid, "created_at": now, "updated_at": now, "event_type": "Explosions/Remote violence",
                             "sub_event_type": "Air/drone strike", "kind": "other_attack",
                             "date": date(2015, 1, 1) + timedelta(days=rng.randrange(3650)), "date_precision": "day",
                             "country": rng.choice(COUNTRIES), "latitude": rng.uniform(12, 40),
                             "longitude": rng.uniform(30, 50), "actor1": "Actor %d" % rng.randrange(400),
                             "weapons": [w], "fatalities_best": rng.randrange(5), "grade": rng.choice("ABC"),
                             "conflicts": [], "candidates": {}, "n_sources": 1, "n_mentions": 1})
                weapons.append({"incident_id": iid, "weapon": w})
            conn.execute(insert(incidents), rows)
            conn.execute(insert(incident_weapons), weapons)
    if ledger.dialect == "postgresql":
        with ledger.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")


def timed(label: str, fn: Any, repeat: int = 5) -> None:
    fn()  # warm
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn()
    print(f"{label:<55} {1000 * (time.perf_counter() - t0) / repeat:9.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--events", type=int, default=5)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--incidents", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(7)
    ledger = Ledger.open(args.db)
    print(f"database: {ledger.dialect}")
    exs = [synthetic(i, args.events, rng) for i in range(args.reports)]
    t0 = time.perf_counter()
    for b in range(0, len(exs), args.batch):
        with ledger.batch():
            for ex in exs[b:b + args.batch]:
                ledger.add_extraction(ex)
    dt = time.perf_counter() - t0
    n_m = args.reports * args.events
    print(f"ingest {args.reports} reports / {n_m} mentions: {dt:.2f} s ({n_m / dt:.0f} mentions/s, "
          f"{args.reports / dt:.0f} reports/s)")
    t0 = time.perf_counter()
    for ex in exs[:500]:
        ledger.add_extraction(ex)
    print(f"re-ingest 500 known reports (skipped): {1000 * (time.perf_counter() - t0) / 500:.2f} ms each")
    t0 = time.perf_counter()
    with ledger.batch():
        for m in list(ledger.unresolved_mentions(limit=2000)):
            ledger.create_incident({"event_type": m["event_type"], "date": m["date"], "country": m["country"],
                                    "latitude": m["latitude"], "longitude": m["longitude"],
                                    "weapons": m["weapons"]}, [m["id"]])
    print(f"create 2000 incidents: {time.perf_counter() - t0:.2f} s")
    if args.incidents:
        t0 = time.perf_counter()
        bulk_incidents(ledger, args.incidents, rng)
        print(f"bulk-load {args.incidents} incidents: {time.perf_counter() - t0:.1f} s")
    print(ledger.stats())
    timed("incidents(country=IQ, since=2020-01-01, limit=100)",
          lambda: list(ledger.incidents(country="IQ", since="2020-01-01", limit=100)))
    timed("incidents(weapon=drone, limit=100)", lambda: list(ledger.incidents(weapon="drone", limit=100)))
    timed("incidents(actor='Actor 7', limit=100)", lambda: list(ledger.incidents(actor="Actor 7", limit=100)))
    timed("incidents(grade=A, order=-date, limit=100)",
          lambda: list(ledger.incidents(grade="A", order="-date", limit=100)))
    timed("candidate_incidents(7-day window, 50 km)",
          lambda: ledger.candidate_incidents("2020-03-01", "2020-03-08", lat=30.0, lon=40.0, radius_km=50))
    timed("candidate_incidents(7-day window, country=SY)",
          lambda: ledger.candidate_incidents("2020-03-01", "2020-03-08", country="SY"))
    timed("counts(by=month, country=IQ)", lambda: ledger.counts("month", country="IQ"), repeat=2)
    timed("counts(by=weapon, since=2024-01-01)", lambda: ledger.counts("weapon", since="2024-01-01"), repeat=2)
    ledger.close()


if __name__ == "__main__":
    main()
