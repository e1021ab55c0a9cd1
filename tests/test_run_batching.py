"""``LedgerRun``'s batched store-and-resolve: the same ledger whatever the batch size, nothing written read
back, every resolver query on an index, and undated mentions blocked on a time window that loses nothing
resolution could accept."""
from __future__ import annotations

import os
from collections import defaultdict
from datetime import date, timedelta

import pytest
from sqlalchemy import event, text

from pgtools import create_database, drop_database
from tallylog.model import Extraction, Report
from tallylog.resolve.synthetic import generate
from tallylog import run as run_module
from tallylog.run import RADIUS_KM, LedgerRun, _record
from tallylog.store import Ledger

PG_URL = os.environ.get("TALLYLOG_TEST_PG_URL")
TABLES = ("reports", "mentions", "claims", "incidents", "incident_mentions", "incident_weapons", "places", "outlets")
STAMPS = {"ingested_at", "created_at", "updated_at", "first_seen"}


def synthetic_extractions(n_mentions: int = 500, seed: int = 3) -> list[Extraction]:
    """Reports made of synthetic mentions (several sources per incident, some dates and places missing),
    one or two events a report, in publication order."""
    mentions, _ = generate(n_mentions, seed=seed, days=40)
    out: list[Extraction] = []
    k = 0
    while k < len(mentions):
        take = 2 if k % 3 == 0 else 1
        group = mentions[k:k + take]
        k += take
        first = group[0]
        report = Report(text=f"Report {k}: " + " ".join(m.event.sub_event_type for m in group), url=f"https://x.example/{k}",
                        published=first.published, outlet=first.outlet)
        out.append(Extraction(report=report, events=[m.event for m in group]))
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request, tmp_path):
    if request.param == "sqlite":
        yield lambda name: str(tmp_path / f"{name}.db")
        return
    if not PG_URL:
        pytest.skip("TALLYLOG_TEST_PG_URL is not set: no PostgreSQL server to test the ledger against")
    made: list[str] = []

    def make(_name: str) -> str:
        url, name = create_database("tl_batch_")
        made.append(name)
        return url

    yield make
    for name in made:
        drop_database(name)


def store_all(ledger: Ledger, extractions: list[Extraction], batch_size: int) -> LedgerRun:
    job = LedgerRun(ledger)
    for i in range(0, len(extractions), batch_size):
        part = extractions[i:i + batch_size]
        with job.batch([ex.report for ex in part]):
            for ex in part:
                if not job._is_stored(ex.report):
                    job.store_extraction(ex)
    return job


def dump(ledger: Ledger) -> dict[str, list[str]]:
    out = {}
    with ledger.engine.connect() as conn:
        for table in TABLES:
            rows = [{k: v for k, v in r._mapping.items() if k not in STAMPS} for r in conn.execute(text(f"SELECT * FROM {table}"))]
            out[table] = sorted(map(repr, rows))
    return out


def test_the_ledger_is_the_same_whatever_the_batch_size(ledger_url):
    exs = synthetic_extractions()
    dumps = []
    for size in (1, 7, 1000):
        ledger = Ledger.open(ledger_url(f"b{size}"))
        job = store_all(ledger, exs, size)
        assert job.summary.incidents_updated > 20  # incidents do gather mentions from several reports
        dumps.append(dump(ledger))
        ledger.close()
    assert dumps[0] == dumps[1] == dumps[2]


def test_counts_and_weapons_of_incidents_agree_with_their_links(tmp_path):
    ledger = Ledger.open(tmp_path / "l.db")
    store_all(ledger, synthetic_extractions(), 25)
    with ledger.engine.connect() as conn:
        stored = {r.id: (r.n_mentions, r.n_sources) for r in conn.execute(text("SELECT id, n_mentions, n_sources FROM incidents"))}
        counted = {r.incident_id: (r.n, r.s) for r in conn.execute(text(
            "SELECT im.incident_id, count(*) AS n, count(DISTINCT coalesce(r.source_group, r.id)) AS s "
            "FROM incident_mentions im JOIN mentions m ON m.id = im.mention_id JOIN reports r ON r.id = m.report_id "
            "GROUP BY im.incident_id"))}
        weapons = defaultdict(set)
        for r in conn.execute(text("SELECT incident_id, weapon FROM incident_weapons")):
            weapons[r.incident_id].add(r.weapon)
    assert stored == counted
    for inc in ledger.incidents():
        assert set(inc["weapons"]) == weapons.get(inc["id"], set())


def test_nothing_just_written_is_read_back(tmp_path):
    ledger = Ledger.open(tmp_path / "l.db")
    statements: list[str] = []
    event.listen(ledger.engine, "before_cursor_execute", lambda c, cur, stmt, *a: statements.append(stmt))
    exs = synthetic_extractions(200)
    job = store_all(ledger, exs, 25)
    rereads = [s for s in statements if "FROM mentions" in s and "WHERE mentions.id =" in s]
    series = [s for s in statements if s.startswith("UPDATE claims")]
    assert not rereads and not series
    # at most one look-up of stored reports a batch, not one a report
    lookups = [s for s in statements if s.startswith("SELECT reports.id") and "FROM reports" in s]
    assert len(lookups) <= -(-len(exs) // 25) + 1
    assert job.summary.events == sum(len(ex.events) for ex in exs)


def test_duplicates_inside_one_batch_are_skipped(tmp_path):
    ledger = Ledger.open(tmp_path / "l.db")
    exs = synthetic_extractions(30)
    same_url = Extraction(report=Report(text="Another text altogether.", url=exs[0].report.url,
                                        published=exs[0].report.published), events=[])
    job = LedgerRun(ledger)
    batch = [*exs, exs[1], same_url]
    with job.batch([ex.report for ex in batch]):
        for ex in batch:
            if job._is_stored(ex.report):
                job.summary.duplicates += 1
                continue
            job.store_extraction(ex)
    assert job.summary.duplicates == 2
    assert ledger.stats()["reports"] == len(exs)


def test_every_resolver_query_walks_an_index(tmp_path):
    ledger = Ledger.open(tmp_path / "l.db")
    store_all(ledger, synthetic_extractions(300), 25)  # a ledger to resolve against
    with ledger.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    caught: list[tuple[str, object]] = []
    event.listen(ledger.engine, "before_cursor_execute",
                 lambda c, cur, stmt, params, *a: caught.append((stmt, params)))
    job = LedgerRun(ledger)
    job._fingerprints = __import__("tallylog.resolve.simhash", fromlist=["x"]).FingerprintIndex()  # no start-up scan
    store_all_into(job, synthetic_extractions(120, seed=4))
    selects = {s: p for s, p in caught if s.lstrip().upper().startswith(("SELECT", "WITH"))}
    assert selects
    with ledger.engine.connect() as conn:
        for stmt, params in selects.items():
            plan = [r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + stmt, params)]
            scans = [p for p in plan if p.startswith("SCAN ") and p.split()[1] in TABLES]
            assert not scans, (stmt, plan)


def store_all_into(job: LedgerRun, extractions: list[Extraction]) -> None:
    for i in range(0, len(extractions), 25):
        part = extractions[i:i + 25]
        with job.batch([ex.report for ex in part]):
            for ex in part:
                if not job._is_stored(ex.report):
                    job.store_extraction(ex)


def test_undated_mentions_lose_no_candidate_resolution_could_accept(ledger_url):
    """Every incident of the place (a scan of all of it) that resolution scores as compatible with an undated
    mention is among the time-window candidates the run looks up."""
    ledger = Ledger.open(ledger_url("u"))
    exs = synthetic_extractions(600, seed=5)
    store_all(ledger, exs, 25)
    job = LedgerRun(ledger)
    rows = [m for inc in ledger.incidents() for m in ledger.mentions_of(inc["id"])]
    undated = [r for r in rows if r["date"] is None and r["published"] is not None][:40]
    assert len(undated) >= 10
    checked = 0
    for row in undated:
        rec = _record(row)
        rec.report_id = rec.report_id + "-new"  # as if from another report, so its own report does not rule it out
        loc = rec.event.location
        if loc is not None and loc.latitude is not None and RADIUS_KM.get(loc.geo_precision) is not None:
            place = {"lat": loc.latitude, "lon": loc.longitude, "radius_km": RADIUS_KM[loc.geo_precision]}
        elif loc is not None and loc.country:
            place = {"country": loc.country}
        else:
            continue
        everything = ledger.candidate_incidents(None, None, limit=100_000, **place)
        windowed = {i["id"] for i in ledger.candidate_incidents_undated(
            **job._undated_windows(rec.published), limit=100_000, **place)}
        for inc in everything:
            from tallylog.resolve import IncidentState

            state = IncidentState(id=inc["id"], mentions=[_record(m) for m in ledger.mentions_of(inc["id"])])
            if job.resolver.score(rec, state) is not None:
                assert inc["id"] in windowed, (row["id"], inc["id"])
                checked += 1
    assert checked >= 10
    # and the window is narrower than the place: the look-up does not return everything there
    assert any(len(ledger.candidate_incidents(None, None, limit=100_000, country=c)) >
               len(ledger.candidate_incidents_undated(**job._undated_windows(exs[0].report.published + timedelta(days=5)),
                                                      limit=100_000, country=c))
               for c in ("IQ", "SY", "YE"))


def _spy_on_mention_reads(ledger: Ledger) -> list[str]:
    """The incident ids whose mentions ``ledger`` reads for resolution, in order (the real method runs)."""
    read: list[str] = []
    real = ledger.mentions_of_many

    def reading(ids, **kw):
        ids = list(ids)
        read.extend(ids)
        return real(ids, **kw)

    ledger.mentions_of_many = reading  # type: ignore[method-assign]
    return read


def test_a_run_reads_an_incidents_mentions_once_not_once_a_batch(tmp_path, monkeypatch):
    exs = synthetic_extractions()
    reads = {}
    for keep in (0, run_module.KEEP_INCIDENTS):
        monkeypatch.setattr(run_module, "KEEP_INCIDENTS", keep)
        ledger = Ledger.open(tmp_path / f"keep{keep}.db")
        read = _spy_on_mention_reads(ledger)
        job = store_all(ledger, exs, 7)
        assert job.summary.incidents_updated > 20
        reads[keep] = read
        ledger.close()
    assert reads[0], "later batches do compare mentions with incidents stored by earlier ones"
    # nobody else wrote: every incident this run wrote or read is still good in the next batch
    assert len(reads[run_module.KEEP_INCIDENTS]) < len(reads[0]) / 4
    assert len(reads[run_module.KEEP_INCIDENTS]) == len(set(reads[run_module.KEEP_INCIDENTS]))


def test_an_incident_changed_by_another_writer_is_read_afresh(tmp_path):
    path = tmp_path / "l.db"
    exs = synthetic_extractions(200)
    ledger = Ledger.open(path)
    read = _spy_on_mention_reads(ledger)
    job = store_all(ledger, exs[:60], 10)
    kept_id, (_, state) = next(iter(job._kept.items()))
    probe = state.mentions[0]
    with job.batch([]):
        job._candidates(probe)
    assert kept_id not in read  # unchanged since this run wrote it: its copy is used

    other = Ledger.open(path)  # another writer between two batches
    other.update_incident(kept_id, {"actor1": "Someone else"})
    other.close()
    with job.batch([]):
        found = job._candidates(probe)
    assert kept_id in read  # its version changed: read again
    assert kept_id in [inc.id for inc in found]
    assert ledger.incident(kept_id)["actor1"] == "Someone else"


def test_a_failed_batch_leaves_no_copy_of_what_it_changed(tmp_path):
    ledger = Ledger.open(tmp_path / "l.db")
    exs = synthetic_extractions(200)
    job = store_all(ledger, exs[:60], 10)
    with pytest.raises(RuntimeError):
        with job.batch([ex.report for ex in exs[60:80]]):
            for ex in exs[60:80]:
                job.store_extraction(ex)
            raise RuntimeError("crash mid-batch")
    assert not job._kept
    # the rest of the run gives the ledger a run without the crash gives
    store_all_into(job, exs[60:])
    fresh = Ledger.open(tmp_path / "fresh.db")
    store_all(fresh, exs, 10)
    assert dump(ledger) == dump(fresh)


def test_dated_candidates_are_every_incident_of_the_window_and_place(ledger_url):
    """``candidate_incidents`` against a scan in Python of every incident: in the date window, and within the
    radius of the point (or of the country, without coordinates), whichever statement it runs (the usual box,
    or one across the antimeridian)."""
    import random

    from tallylog.store.queries import haversine_km

    ledger = Ledger.open(ledger_url("c"))
    store_all(ledger, synthetic_extractions(300, seed=9), 25)
    everything = list(ledger.incidents())
    dated = [i for i in everything if i["date"] is not None and i["latitude"] is not None]
    assert len(dated) >= 20
    rng = random.Random(4)
    for inc in dated[:25]:
        d = date.fromisoformat(str(inc["date"])) if not isinstance(inc["date"], date) else inc["date"]
        lo, hi = d - timedelta(days=rng.randint(0, 6)), d + timedelta(days=rng.randint(0, 6))
        lat, lon = inc["latitude"] + rng.uniform(-0.3, 0.3), inc["longitude"] + rng.uniform(-0.3, 0.3)
        radius = rng.choice([10.0, 25.0, 60.0])
        country = rng.choice([inc["country"], None])
        got = {i["id"] for i in ledger.candidate_incidents(lo, hi, lat=lat, lon=lon, radius_km=radius,
                                                           country=country, limit=100_000)}
        want = {i["id"] for i in everything if i["date"] is not None and lo <= _day(i["date"]) <= hi and (
            (i["latitude"] is not None and haversine_km(lat, lon, i["latitude"], i["longitude"]) <= radius)
            or (country is not None and i["latitude"] is None and i["country"] == country))}
        assert got == want
    # a point by the antimeridian: the box wraps round, and an incident across the line is still found
    extra = synthetic_extractions(4, seed=11)[0]
    extra.report = Report(text="Report from Fiji", url="https://x.example/fiji", published=extra.report.published)
    mention = ledger.add_extraction(extra).mention_ids[0]
    fields = {"event_type": "Battles", "date": date(2024, 3, 1), "latitude": -17.0, "longitude": 179.95}
    far = ledger.insert_resolved_incident(fields, [(mention, extra.report.id, 0)], 1)
    got = {i["id"] for i in ledger.candidate_incidents(date(2024, 2, 28), date(2024, 3, 2), lat=-17.0,
                                                       lon=-179.95, radius_km=25)}
    assert far in got


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])



def test_incidents_set_aside_by_their_row_change_nothing(ledger_url, monkeypatch):
    """Candidates whose row rules them out (``Resolver.rules_out``) are never read; the ledger is the same as
    when every candidate is read and scored, with reports arriving in or out of publication order."""
    import random

    from tallylog.resolve import Resolver

    exs = synthetic_extractions(900, seed=8)
    random.Random(2).shuffle(exs)
    ledger = Ledger.open(ledger_url("filtered"))
    store_all(ledger, exs, 25)
    filtered = dump(ledger)
    ledger.close()

    verdicts: list[bool] = []
    rules_out = Resolver.rules_out

    def reads_all(self, *args, **kwargs):
        verdicts.append(rules_out(self, *args, **kwargs))
        return False

    monkeypatch.setattr(Resolver, "rules_out", reads_all)
    ledger = Ledger.open(ledger_url("unfiltered"))
    job = store_all(ledger, exs, 25)
    unfiltered = dump(ledger)
    ledger.close()
    assert job.summary.incidents_updated > 50
    assert sum(verdicts) > 200  # the rows do rule many out
    assert filtered == unfiltered

