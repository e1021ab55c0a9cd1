"""End-to-end scale figures for ``tallylog run``: throughput per core, peak memory, Dask scaling, cost of growth.

    .venv/bin/python benchmarks/bench_scale.py                  # defaults: about 12 min on a quiet 2-core machine
    .venv/bin/python benchmarks/bench_scale.py --reports 300 --growth 10000,100000     # a quick look
    .venv/bin/python benchmarks/bench_scale.py --pg postgresql://tallylog:tallylog@127.0.0.1/bench   # an empty database

What it measures, each over synthetic reports from ``benchmarks/make_corpus.py``:

1. ``tallylog run CORPUS`` (local engine) on SQLite, and on PostgreSQL when ``--pg`` is given: wall time,
   reports/s (the local engine uses one core, so this is also reports/s per core) and peak memory (the
   largest summed RSS of the process tree, sampled every 0.1 s with psutil). ``steady`` is the rate once
   started: then a run over ``SMALL`` other reports into the same ledger pays the same fixed costs
   (imports, language model, gazetteer, lexicons, the ledger's fingerprints), and the full run's time beyond
   it, over its extra reports, is the rate a long run keeps up.
2. ``tallylog run CORPUS --engine dask --workers 1`` and ``--workers 2`` on SQLite: wall time (cluster
   start-up included, and reported apart), reports/s per worker, speed-up of 2 workers over 1 and
   efficiency = speed-up / workers, of whole runs and of the steady rates (as in 1, so cluster start-up and
   the workers' warm-up are apart). The client, which resolves into the ledger, runs beside the workers.
3. Cost of growth: a SQLite ledger of each size in ``--growth`` is bulk-loaded (``bulk_load``: synthetic
   reports, mentions and incidents with the event mix of real reports, over 2015-2025 and many countries,
   at about 10 s per 100,000 reports), then receives the same ``--batch`` real reports, extracted (and
   fingerprinted) once beforehand as a Dask worker would; the time per report of storing and resolving
   them (the part that depends on the ledger's size) is printed, with the extraction time per report beside
   it (which does not) and the run's one-off start-up (reading the ledger's fingerprints); the ratio of the
   largest to the smallest ledger is given for that part alone and for a report's whole time.

Every run is a fresh subprocess (or a fresh copy of the ledger), on the same machine, in one go.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable
TALLYLOG = [PY, "-m", "tallylog.cli"] if not (Path(PY).parent / "tallylog").exists() else [str(Path(PY).parent / "tallylog")]


#: reports in the small run whose time, taken from a full run's, leaves the steady rate (start-up apart)
SMALL = 20


def make_corpus(n: int, out: Path, seed: int, start: int = 0) -> Path:
    subprocess.run([PY, str(REPO / "benchmarks" / "make_corpus.py"), str(n), str(out), "--seed", str(seed),
                    "--start", str(start)], check=True)
    return out


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Run ``cmd``; return (seconds, peak RSS of its process tree in MB, its stdout)."""
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                procs = [proc] + proc.children(recursive=True)
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
            except psutil.Error:
                pass
            stop.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, errtext = proc.communicate()
    stop.set()
    th.join()
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{errtext[-2000:]}")
    return dt, peak / 1e6, out


def run_cmd(corpus: Path, db: str, *extra: str) -> list[str]:
    return [*TALLYLOG, "run", str(corpus), "--db", db, "-q", *extra]


def cluster_startup(workers: int) -> float:
    code = ("import time; t=time.perf_counter()\n"
            "from tallylog.scale import dask_client\n"
            f"with dask_client(workers={workers}) as c: pass\n"
            "print(time.perf_counter()-t)")
    return float(subprocess.run([PY, "-c", code], check=True, capture_output=True, text=True).stdout.split()[-1])


# -- fast bulk load of a synthetic ledger ---------------------------------------------------------------
#: reports a day in a synthetic ledger (about 1M over 11 years): a larger ledger reaches further back in
#: time at the same density, as a ledger fed by the news grows, so the recent days new reports are compared
#: with hold as many incidents at every size
PER_DAY = 250
PRESENT = date(2025, 6, 30)  # the last day of every synthetic ledger; the timed reports are moved next to it
RECENT_DAYS = 30  # the timed reports are published over the last days of the ledger
JOIN_SHARE = 0.3  # of synthetic mentions that join an incident already made, as resolution merges reports


def event_templates(extractions: list[Any]) -> list[list[Any]]:
    """The events of each report of a real extraction, to draw synthetic reports' event mixes from
    (types, date precision, how often a date or place is missing, place names and coordinates)."""
    return [list(ex.extraction.events) for ex in extractions if ex.extraction.events] or [[]]


def bulk_load(db: Path, n: int, templates: list[list[Any]], seed: int = 7, chunk: int = 20_000,
              per_day: float = PER_DAY) -> float:
    """Write ``n`` synthetic reports, their mentions and incidents straight into a new SQLite ledger.

    Each report copies the event mix of a real report (``templates``) and moves it to a random day of the
    ``n / per_day`` days up to ``PRESENT`` (a million reports: 11 years); half of the placed events keep their real place, half go to one of 2,000 synthetic sites
    over ten countries (``tallylog.resolve.synthetic``). About ``JOIN_SHARE`` of the mentions are further
    reports of a recent incident (its day and place) and are linked to it instead of founding one. Rows are inserted with ``executemany`` in
    chunks, in one transaction per chunk. Returns the seconds taken.
    """
    import sqlite3
    from datetime import timedelta

    import orjson

    from tallylog.resolve.synthetic import make_sites
    from tallylog.store import Ledger
    from tallylog.store.rows import date_end

    Ledger.open(db).close()  # the schema, by the migrations
    rng = random.Random(seed)
    sites = make_sites(2000, rng)
    t0 = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")  # a benchmark's scratch file: no journal while loading
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-400000")  # 400 MB of pages: index inserts stay in memory
    now = "2025-01-01 00:00:00.000000"
    j = lambda v: orjson.dumps(v).decode()  # noqa: E731
    span = max(1, round(n / per_day))
    mention_id = 0
    recent: list[list[Any]] = []  # [incident row as a list, n_mentions, set of sources] of recent incidents
    for start in range(0, n, chunk):
        reps, ments, incs, links, weaps = [], [], {}, [], []
        for i in range(start, min(start + chunk, n)):
            rid = f"{i:040x}"
            day = PRESENT - timedelta(days=rng.randrange(span))
            reps.append((rid, "synthetic", f"https://synthetic.example/{i}", None, day.isoformat(), "Synthetic Wire",
                         "en", f"{i:064x}", f"{rng.getrandbits(64):016x}", rid, now))
            for k, ev in enumerate(rng.choice(templates)):
                mention_id += 1
                join = recent[-rng.randrange(1, min(len(recent), 50) + 1)] if recent and rng.random() < JOIN_SHARE else None
                d = None if ev.date is None else day - timedelta(days=rng.randrange(3))
                loc = ev.location
                lat = lon = None
                country = admin1 = name = None
                gp = None
                if loc is not None:
                    country, admin1, name, lat, lon, gp = (loc.country, loc.admin1, loc.name, loc.latitude,
                                                           loc.longitude, loc.geo_precision)
                    if lat is not None and gp in (1, 2) and rng.random() < 0.5:
                        s = rng.choice(sites)
                        country, admin1, name = s.country, s.admin1, f"site {s.country} {s.lat:.2f}"
                        lat, lon = s.lat + rng.gauss(0, 0.02), s.lon + rng.gauss(0, 0.02)
                if join is not None:  # another report of that incident: its day and place
                    inc = join[0]
                    d = date.fromisoformat(inc[6]) if inc[6] else None
                    country, admin1, name, lat, lon, gp = inc[8], inc[9], inc[10], inc[11], inc[12], inc[13]
                prec = ev.date_precision if d is not None else "unknown"
                ds = d.isoformat() if d else None
                de = date_end(d, prec)
                ments.append((mention_id, rid, k, f"e{k}", ev.event_type, ev.sub_event_type, ev.kind, ds,
                              de.isoformat() if de else None, prec, ev.date_text, name, None, None, country,
                              admin1, lat, lon, gp, None, ev.actor1, ev.actor2, j(list(ev.weapons)), ev.quantity,
                              ev.outcome, ev.fatalities, ev.injured, ev.status, "[]", "[]"))
                if join is None:
                    iid = f"inc_{mention_id:012x}"
                    row = [iid, now, now, ev.event_type, ev.sub_event_type, ev.kind, ds, prec, country, admin1,
                           name, lat, lon, gp, ev.actor1, ev.actor2, j(sorted(set(ev.weapons))), ev.fatalities,
                           ev.fatalities, ev.fatalities, ev.injured, ev.injured, ev.injured, "single_source",
                           "[]", "{}", 1, 1]
                    join = [row, {rid}]
                    recent.append(join)
                    if len(recent) > 500:
                        del recent[:250]
                    incs[iid] = row
                    weaps.extend((iid, w) for w in sorted(set(ev.weapons)))
                else:
                    join[1].add(rid)
                    join[0][26] = len(join[1])
                    join[0][27] += 1
                    if join[0][0] not in incs:  # founded in an earlier chunk: count it there
                        con.execute("UPDATE incidents SET n_sources=?, n_mentions=? WHERE id=?",
                                    (join[0][26], join[0][27], join[0][0]))
                links.append((mention_id, join[0][0]))
        with con:
            con.executemany(f"INSERT INTO reports VALUES ({','.join('?' * 11)})", reps)
            con.executemany(f"INSERT INTO mentions VALUES ({','.join('?' * 30)})", ments)
            con.executemany(f"INSERT INTO incidents VALUES ({','.join('?' * 28)})", [tuple(r) for r in incs.values()])
            con.executemany("INSERT INTO incident_weapons VALUES (?, ?)", weaps)
            con.executemany("INSERT INTO incident_mentions VALUES (?, ?)", links)
    con.execute("ANALYZE")
    con.execute("PRAGMA journal_mode=WAL")  # as the ledger runs it
    con.close()
    # on disk before anything is timed, as a ledger built over months would be: otherwise the first commit
    # that syncs the file (a WAL checkpoint) waits for the gigabytes the load left in the OS's write cache
    fd = os.open(db, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return time.perf_counter() - t0


def to_present(extraction: Any, rng: Any) -> Any:
    """An extraction moved in time so that its report is published in the ``RECENT_DAYS`` before ``PRESENT``
    (its event dates moved by as many days): new reports arrive at the recent end of a ledger."""
    import copy
    from datetime import timedelta

    ex = copy.deepcopy(extraction)
    report = ex.extraction.report
    if report.published is None:
        return ex
    shift = PRESENT - timedelta(days=rng.randrange(RECENT_DAYS)) - report.published
    report.published += shift
    for ev in ex.extraction.events:
        if ev.date is not None:
            ev.date += shift
    return ex


def _rss_anon_mb() -> float:
    """The process's anonymous resident memory (not file pages such as a memory-mapped ledger), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def growth(work: Path, sizes: list[int], batch: int) -> list[dict[str, float]]:
    """At each ledger size: bulk-load a synthetic ledger, then time adding the same ``batch`` real reports.

    The reports (``make_corpus.py``, seed 3) are extracted and fingerprinted once beforehand, as a Dask worker
    would; what is timed is the client's part, storing and resolving them (``DaskLedgerRun.add_outcome`` in
    transactions of 25), which is the part that depends on the ledger's size. The run's one-off start-up (the
    syndication index read from the ledger's fingerprints) is timed apart.
    """
    from tallylog.model import Report
    from tallylog.pipeline import extract_report
    from tallylog.reconcile import series_key
    from tallylog.resolve import fingerprint
    from tallylog.run import iter_items
    from tallylog.scale.engine import DaskLedgerRun
    from tallylog.scale.worker import Extracted
    from tallylog.store import Ledger

    def extracted(path: Path) -> list[Any]:
        return [Extracted(extract_report(r), fingerprint(r.text)) for r in iter_items([str(path)]) if isinstance(r, Report)]

    templates = event_templates(extracted(make_corpus(300, work / "growth-templates.jsonl", seed=2, start=1_000_000)))
    reports = [r for r in iter_items([str(make_corpus(batch, work / "growth-batch.jsonl", seed=3, start=9_000_000))])
               if isinstance(r, Report)]
    t0 = time.perf_counter()
    extractions = [Extracted(ex, fingerprint(r.text), [series_key(c.to_dict()) for c in ex.claims])
                   for r in reports for ex in [extract_report(r)]]
    extract_ms = (time.perf_counter() - t0) * 1000 / len(reports)
    rng = random.Random(11)
    extractions = [to_present(ex, rng) for ex in extractions]
    out = []
    for size in sorted(sizes):
        db = work / f"growth-{size}.db"
        for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            f.unlink(missing_ok=True)
        load_s = bulk_load(db, size, templates)
        print(f"  bulk-loaded {size:,} synthetic reports in {load_s:.0f} s", flush=True)
        job = DaskLedgerRun(Ledger.open(db))
        t0 = time.perf_counter()
        job._source_group(extractions[0].report, extractions[0].fingerprint)  # the syndication index, read once
        start_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        for i in range(0, len(extractions), 25):
            part = extractions[i:i + 25]
            with job.batch([ex.report for ex in part]):
                for ex in part:
                    job.add_outcome(ex)
        ms = (time.perf_counter() - t0) * 1000 / len(extractions)
        rss = psutil.Process().memory_info().rss / 1e6
        anon = _rss_anon_mb()
        out.append({"size": size, "ms": ms, "extract_ms": extract_ms, "start_s": start_s, "load_s": load_s,
                    "rss_mb": rss, "anon_mb": anon})
        job.ledger.close()
        for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            f.unlink(missing_ok=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=600, help="corpus size for the throughput and Dask runs")
    ap.add_argument("--growth", default="10000,1000000",
                    help="ledger sizes (reports, bulk-loaded) for the cost of growth; '' to skip")
    ap.add_argument("--batch", type=int, default=100, help="reports added at each ledger size")
    ap.add_argument("--pg", default=None, help="an empty PostgreSQL database URL to run on as well")
    ap.add_argument("--workdir", default=None, help="where corpora and ledgers go (default: a temporary dir)")
    args = ap.parse_args(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="tallylog-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    cores = psutil.cpu_count(logical=True)
    print(f"machine: {cores} logical cores, {psutil.virtual_memory().total / 1e9:.0f} GB; work dir {work}")
    corpus = make_corpus(args.reports, work / "corpus.jsonl", seed=1)
    n = args.reports
    small_n = min(SMALL, n)
    small = make_corpus(small_n, work / "small.jsonl", seed=5, start=5_000_000)  # the same fixed costs, few reports

    def fresh(db: str) -> str:
        """A ledger file made empty: a run into a ledger left by an earlier run over the same --workdir would
        skip every report it already holds and time nothing."""
        for f in (db, f"{db}-wal", f"{db}-shm"):
            Path(f).unlink(missing_ok=True)
        return db

    def steady(t: float, t_small: float) -> float:
        """Reports/s once started: the run's time beyond that of a run over ``small_n`` reports."""
        return (n - small_n) / (t - t_small) if t > t_small and n > small_n else float("nan")

    print(f"\n1. tallylog run, local engine, {n} reports (steady: start-up apart, from a run over {small_n})")
    print(f"  {'store':<12}{'seconds':>9}{'reports/s':>11}{'per core':>10}{'steady':>9}{'peak MB':>9}")
    stores = [("SQLite", fresh(str(work / "local.db")))] + ([("PostgreSQL", args.pg)] if args.pg else [])
    for label, target in stores:
        t, mem, _ = timed(run_cmd(corpus, target))
        rate = steady(t, timed(run_cmd(small, target))[0])  # other reports, into the same ledger
        print(f"  {label:<12}{t:>9.1f}{n / t:>11.1f}{n / t:>10.1f}{rate:>9.1f}{mem:>9.0f}", flush=True)

    print(f"\n2. tallylog run --engine dask, SQLite, {n} reports (one client process besides the workers)")
    print(f"  {'workers':<8}{'seconds':>9}{'start-up':>10}{'reports/s':>11}{'per worker':>12}{'steady':>9}"
          f"{'peak MB':>9}")
    times, rates = {}, {}
    for w in (1, 2):
        start = cluster_startup(w)
        dask = ("--engine", "dask", "--workers", str(w))
        t, mem, _ = timed(run_cmd(corpus, fresh(str(work / f"dask{w}.db")), *dask))
        times[w] = t
        rates[w] = steady(t, timed(run_cmd(small, str(work / f"dask{w}.db"), *dask))[0])
        print(f"  {w:<8}{t:>9.1f}{start:>10.1f}{n / t:>11.1f}{n / t / w:>12.1f}{rates[w]:>9.1f}{mem:>9.0f}",
              flush=True)
    speedup = times[1] / times[2]
    print(f"  speed-up 2 vs 1 workers, whole runs: {speedup:.2f}x; efficiency (speed-up / workers): {speedup / 2:.2f}")
    speedup = rates[2] / rates[1]
    print(f"  speed-up 2 vs 1 workers, steady: {speedup:.2f}x; efficiency: {speedup / 2:.2f}")

    sizes = [int(s) for s in args.growth.split(",") if s.strip()]
    if sizes:
        print(f"\n3. cost of growth: {args.batch} reports added to a bulk-loaded SQLite ledger of each size")
        rows = growth(work, sizes, args.batch)
        print(f"  {'ledger':>10}{'store+resolve ms/report':>26}{'extract ms/report':>20}{'start-up s':>12}{'RSS MB':>8}"
              f"{'anon MB':>9}")
        for r in rows:
            print(f"  {r['size']:>10,}{r['ms']:>26.1f}{r['extract_ms']:>20.1f}{r['start_s']:>12.1f}{r['rss_mb']:>8.0f}"
                  f"{r['anon_mb']:>9.0f}")
        print("  (RSS counts the ledger file's pages SQLite reads through its memory map, which the OS can drop;"
              " anon MB is the process's own memory, RssAnon)")
        if len(rows) > 1:
            print(f"  ratio largest/smallest ledger: {rows[-1]['ms'] / rows[0]['ms']:.2f}x "
                  f"for {rows[-1]['size'] / rows[0]['size']:.0f}x the size (store + resolve alone)")
            whole = [r["ms"] + r["extract_ms"] for r in (rows[0], rows[-1])]
            print(f"  time per report end to end (extraction + store + resolve): {whole[0]:.1f} ms -> "
                  f"{whole[1]:.1f} ms, ratio {whole[1] / whole[0]:.2f}x")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
