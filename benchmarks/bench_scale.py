"""End-to-end scale figures for ``tallylog run``: throughput per core, peak memory, Dask scaling, cost of growth.

    .venv/bin/python benchmarks/bench_scale.py                                   # defaults: about 10 min on 2 cores
    .venv/bin/python benchmarks/bench_scale.py --reports 2000 --growth 10000,50000 --batch 200
    .venv/bin/python benchmarks/bench_scale.py --pg postgresql://tallylog:tallylog@127.0.0.1/bench   # an empty database

What it measures, each over synthetic reports from ``benchmarks/make_corpus.py``:

1. ``tallylog run CORPUS`` (local engine) on SQLite, and on PostgreSQL when ``--pg`` is given: wall time,
   reports/s (the local engine uses one core, so this is also reports/s per core) and peak memory (the
   largest summed RSS of the process tree, sampled every 0.1 s with psutil).
2. ``tallylog run CORPUS --engine dask --workers 1`` and ``--workers 2`` on SQLite: wall time (cluster
   start-up included, and reported apart), reports/s per worker, speed-up of 2 workers over 1 and
   efficiency = speed-up / workers. The client, which resolves into the ledger, runs beside the workers.
3. Cost of growth: a ledger is filled (Dask engine, all workers) to each size in ``--growth``; a copy of it
   at each size receives the same ``--batch`` reports, extracted (and fingerprinted) once beforehand, as a
   Dask worker would, and the time per report of storing and resolving them on the client (the part that
   depends on the ledger's size) is printed, with the extraction time per report beside it (which does not).

Every run is a fresh subprocess (or a fresh copy of the ledger), on the same machine, in one go.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable
TALLYLOG = [PY, "-m", "tallylog.cli"] if not (Path(PY).parent / "tallylog").exists() else [str(Path(PY).parent / "tallylog")]


def make_corpus(n: int, out: Path, seed: int, start: int = 0) -> Path:
    subprocess.run([PY, str(REPO / "benchmarks" / "make_corpus.py"), str(n), str(out), "--seed", str(seed),
                    "--start", str(start)], check=True)
    return out


def slice_lines(src: Path, start: int, stop: int, out: Path) -> Path:
    with src.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        dst.writelines(islice(fh, start, stop))
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


def sqlite_copy(src: Path, dst: Path) -> None:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


def cluster_startup(workers: int) -> float:
    code = ("import time; t=time.perf_counter()\n"
            "from tallylog.scale import dask_client\n"
            f"with dask_client(workers={workers}) as c: pass\n"
            "print(time.perf_counter()-t)")
    return float(subprocess.run([PY, "-c", code], check=True, capture_output=True, text=True).stdout.split()[-1])


def growth(work: Path, sizes: list[int], batch: int, workers: int) -> list[tuple[int, float, float]]:
    """(ledger size in reports, ledger ms/report for the batch, extraction ms/report) at each size."""
    from tallylog.model import Report
    from tallylog.pipeline import extract_report
    from tallylog.run import iter_items
    from tallylog.resolve import fingerprint
    from tallylog.scale.engine import DaskLedgerRun
    from tallylog.scale.worker import Extracted
    from tallylog.store import Ledger

    base = make_corpus(max(sizes), work / "growth-base.jsonl", seed=2, start=1_000_000)
    extra = make_corpus(batch, work / "growth-batch.jsonl", seed=3, start=9_000_000)
    reports = [r for r in iter_items([str(extra)]) if isinstance(r, Report)]
    extract_report(reports[0])  # gazetteer and lexicons loaded before timing
    t0 = time.perf_counter()
    extractions = [Extracted(extract_report(r), fingerprint(r.text)) for r in reports]
    extract_ms = (time.perf_counter() - t0) * 1000 / len(reports)
    db = work / "growth.db"
    done, rows = 0, []
    for size in sorted(sizes):
        part = slice_lines(base, done, size, work / f"growth-{done}-{size}.jsonl")
        t, _, _ = timed(run_cmd(part, str(db), "--engine", "dask", "--workers", str(workers)))
        print(f"  filled the ledger from {done:,} to {size:,} reports in {t:.0f} s", flush=True)
        done = size
        copy = work / f"growth-at-{size}.db"
        sqlite_copy(db, copy)
        job = DaskLedgerRun(Ledger.open(copy))
        t0 = time.perf_counter()
        for i in range(0, len(extractions), 25):
            with job.ledger.batch():
                for ex in extractions[i:i + 25]:
                    job.add_outcome(ex)
        rows.append((size, (time.perf_counter() - t0) * 1000 / len(extractions), extract_ms))
        job.ledger.engine.dispose()
        copy.unlink()
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=600, help="corpus size for the throughput and Dask runs")
    ap.add_argument("--growth", default="1000,3000", help="ledger sizes (reports) for the cost of growth; '' to skip")
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
    print(f"\n1. tallylog run, local engine, {n} reports")
    print(f"  {'store':<12}{'seconds':>9}{'reports/s':>11}{'per core':>10}{'peak MB':>9}")
    t, mem, _ = timed(run_cmd(corpus, str(work / "local.db")))
    print(f"  {'SQLite':<12}{t:>9.1f}{n / t:>11.1f}{n / t:>10.1f}{mem:>9.0f}", flush=True)
    if args.pg:
        t, mem, _ = timed(run_cmd(corpus, args.pg))
        print(f"  {'PostgreSQL':<12}{t:>9.1f}{n / t:>11.1f}{n / t:>10.1f}{mem:>9.0f}", flush=True)

    print(f"\n2. tallylog run --engine dask, SQLite, {n} reports (one client process besides the workers)")
    print(f"  {'workers':<8}{'seconds':>9}{'start-up':>10}{'reports/s':>11}{'per worker':>12}{'peak MB':>9}")
    times = {}
    for w in (1, 2):
        start = cluster_startup(w)
        t, mem, _ = timed(run_cmd(corpus, str(work / f"dask{w}.db"), "--engine", "dask", "--workers", str(w)))
        times[w] = t
        print(f"  {w:<8}{t:>9.1f}{start:>10.1f}{n / t:>11.1f}{n / t / w:>12.1f}{mem:>9.0f}", flush=True)
    speedup = times[1] / times[2]
    print(f"  speed-up 2 vs 1 workers: {speedup:.2f}x; efficiency (speed-up / workers): {speedup / 2:.2f}")

    sizes = [int(s) for s in args.growth.split(",") if s.strip()]
    if sizes:
        print(f"\n3. cost of growth: {args.batch} reports added to a ledger of each size (SQLite)")
        rows = growth(work, sizes, args.batch, workers=min(2, cores))
        print(f"  {'ledger':>10}{'store+resolve ms/report':>26}{'extract ms/report':>20}")
        for size, ms, ex in rows:
            print(f"  {size:>10,}{ms:>26.1f}{ex:>20.1f}")
        if len(rows) > 1:
            print(f"  ratio largest/smallest ledger: {rows[-1][1] / rows[0][1]:.2f}x for {rows[-1][0] / rows[0][0]:.0f}x the size")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
