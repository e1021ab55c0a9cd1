"""Latency of the HTTP API under a fixed offered load: the incident list and the incident page.

    .venv/bin/python benchmarks/bench_api.py --incidents 100000 --db /tmp/bench-api-100k.db
    .venv/bin/python benchmarks/bench_api.py --incidents 1000000 --db /tmp/bench-api-1m.db --rate 200 --duration 15
    .venv/bin/python benchmarks/bench_api.py --incidents 1000000 --db /tmp/bench-api-1m.db --rate 200 --workers 2

Builds the ledger with ``bench_ledger.load`` when it is empty (N synthetic incidents) or reuses it (opening
it brings its schema, indexes included, to the newest migration), starts ``tallylog serve`` (``--workers``:
its processes) on a free loopback port in a subprocess, and offers requests at a fixed rate (open loop: each
request is due at its own time, and its latency counts from then, so a slow server is not hidden by a client
that waits for it). Reports p50/p90/p99/max latency, requests/s completed, and errors, per
scenario. Loopback only; bounded in duration (at most 120 s a scenario) and in requests in flight.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ledger import COUNTRIES, GRADES, WEAPONS, load  # noqa: E402

from tallylog.store import Ledger  # noqa: E402

MAX_DURATION = 120.0
MAX_RATE = 2000.0
PAGE = 100  # rows per list request (--page)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, workers: int = 1) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("tallylog")
    proc = subprocess.Popen([str(exe), "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port),
                             "--log-level", "warning", "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit("the server did not start: " + (proc.stderr.read().decode() if proc.stderr else ""))
        time.sleep(0.2)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


async def offered_load(base: str, make_url: Callable[[random.Random], str], rate: float, duration: float,
                       max_in_flight: int, seed: int) -> dict[str, float]:
    """Requests due every 1/rate s for ``duration`` s; latency measured from each one's due time."""
    rng = random.Random(seed)
    latencies: list[float] = []
    errors = skipped = 0
    in_flight = 0
    limits = httpx.Limits(max_connections=max_in_flight, max_keepalive_connections=max_in_flight)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def one(url: str, due: float) -> None:
            nonlocal errors, in_flight
            try:
                r = await client.get(url)
                await r.aread()
                if r.status_code != 200:
                    errors += 1
                else:
                    latencies.append(time.perf_counter() - due)
            except httpx.HTTPError:
                errors += 1
            finally:
                in_flight -= 1

        tasks = []
        start = time.perf_counter()
        n = int(rate * duration)
        for i in range(n):
            due = start + i / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            if in_flight >= max_in_flight:
                skipped += 1  # over the in-flight bound: not sent, reported
                continue
            in_flight += 1
            tasks.append(asyncio.create_task(one(make_url(rng), due)))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - start
    return {"offered": n / duration, "completed": len(latencies) / elapsed, "n": len(latencies), "errors": errors,
            "skipped": skipped, "p50": pct(latencies, 0.50), "p90": pct(latencies, 0.90),
            "p99": pct(latencies, 0.99), "max": max(latencies, default=float("nan"))}


WRK_SCRIPT = """
local paths = {%(paths)s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
delay = function() return %(delay_ms)d end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%.1f %%.1f %%.1f %%.1f\\n", summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""


def wrk_load(base: str, make_url: Callable[[random.Random], str], rate: float, duration: float,
             connections: int, seed: int) -> dict[str, float]:
    """The same scenario driven by ``wrk`` (Debian's package): ``connections`` connections, each pausing
    connections/rate seconds between requests, so about ``rate`` requests/s are offered while the server keeps
    up. Latency counts from each request's send (a server that falls behind lowers the rate instead)."""
    import tempfile

    rng = random.Random(seed)
    paths = ",".join('"%s"' % make_url(rng).replace('"', "") for _ in range(4000))
    script = WRK_SCRIPT % {"paths": paths, "delay_ms": int(1000 * connections / rate)}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script)
    try:
        out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{int(duration)}s", "--timeout", "30s",
                              "-s", f.name, base + "/"], capture_output=True, text=True, timeout=duration + 60)
    finally:
        os.unlink(f.name)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("RESULT")), None)
    if line is None:
        raise SystemExit("wrk gave no result: " + out.stdout + out.stderr)
    n, errors, micros, p50, p90, p99, mx = (float(x) for x in line.split()[1:])
    return {"offered": rate, "completed": n / (micros / 1e6), "n": n, "errors": int(errors), "skipped": 0,
            "p50": p50 / 1e6, "p90": p90 / 1e6, "p99": p99 / 1e6, "max": mx / 1e6}


def list_url(rng: random.Random) -> str:
    """A dashboard-like listing: newest first, sometimes filtered, first few pages, 100 rows with sources."""
    params = {"limit": str(PAGE), "sort": "-date", "offset": str(PAGE * rng.randrange(5))}
    pick = rng.randrange(4)
    if pick == 1:
        params["country"] = rng.choice(COUNTRIES)
    elif pick == 2:
        params["weapon"] = rng.choice(WEAPONS)
    elif pick == 3:
        params["grade"] = rng.choice(GRADES)
    return "/api/incidents?" + "&".join(f"{k}={v}" for k, v in params.items())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="SQLite path or postgresql:// URL; filled when empty.")
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--rate", type=float, default=200.0, help="Requests offered per second.")
    ap.add_argument("--duration", type=float, default=20.0, help="Seconds per scenario (at most 120).")
    ap.add_argument("--max-in-flight", type=int, default=256, help="httpx client: requests in flight at most.")
    ap.add_argument("--client", choices=("auto", "wrk", "httpx"), default="auto",
                    help="Load generator: wrk when installed (apt-get install wrk), else httpx's async client. "
                         "On a small machine httpx's client costs more CPU than the server; wrk does not.")
    ap.add_argument("--connections", type=int, default=32, help="wrk: connections.")
    ap.add_argument("--page", type=int, default=100, help="Rows per incident-list request.")
    ap.add_argument("--workers", type=int, default=1, help="tallylog serve --workers: server processes.")
    args = ap.parse_args()
    duration, rate = min(args.duration, MAX_DURATION), min(args.rate, MAX_RATE)
    global PAGE
    PAGE = max(1, min(args.page, 1000))
    client = args.client
    if client == "auto":
        import shutil

        client = "wrk" if shutil.which("wrk") else "httpx"

    ledger = Ledger.open(args.db)
    if ledger.stats()["incidents"] == 0:
        print(f"loading {args.incidents:,} incidents into {ledger.dialect} ...", flush=True)
        print(f"  loaded in {load(ledger, args.incidents):.1f} s", flush=True)
    total = ledger.stats()["incidents"]
    ids = [r["id"] for r in ledger.incidents(limit=200_000, order="id")]
    ledger.close()
    print(f"{total:,} incidents; offering {rate:.0f} requests/s for {duration:.0f} s per scenario "
          f"(server: tallylog serve --workers {args.workers}; client: {client}; {os.cpu_count()} cores shared by both; "
          f"load average {os.getloadavg()[0]:.2f})", flush=True)

    port = free_port()
    proc = start_server(args.db, port, args.workers)
    base = f"http://127.0.0.1:{port}"
    scenarios: list[tuple[str, Callable[[random.Random], str]]] = [
        (f"GET /api/incidents ({PAGE} rows + sources)", list_url),
        ("GET /api/incidents/{id}", lambda rng: f"/api/incidents/{rng.choice(ids)}"),
        ("mixed: half list, half incident", lambda rng: list_url(rng) if rng.random() < 0.5
         else f"/api/incidents/{rng.choice(ids)}"),
    ]
    try:
        for warm in (list_url(random.Random(1)), f"/api/incidents/{ids[0]}"):
            httpx.get(base + warm, timeout=60)
        print(f"{'scenario':<40} {'offered/s':>9} {'done/s':>7} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} "
              f"{'max ms':>7} {'errors':>6} {'unsent':>6}")
        for seed, (name, make) in enumerate(scenarios):
            if client == "wrk":
                r = wrk_load(base, make, rate, duration, args.connections, seed)
            else:
                r = asyncio.run(offered_load(base, make, rate, duration, args.max_in_flight, seed))
            print(f"{name:<40} {r['offered']:9.0f} {r['completed']:7.0f} {1000 * r['p50']:7.1f} "
                  f"{1000 * r['p90']:7.1f} {1000 * r['p99']:7.1f} {1000 * r['max']:7.1f} {int(r['errors']):6d} "
                  f"{int(r['skipped']):6d}", flush=True)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
