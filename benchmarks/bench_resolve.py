"""Cross-report resolution: speed (mentions/s on one core) and B-cubed against the generating truth.

For each size, synthetic mentions are drawn (``tallylog.resolve.synthetic.generate``: incidents at
2000 sites in ten countries, a year per 10,000 mentions, several reports each, noise in dates, places, types, actors and
casualties, syndicated copies), then resolved in publication order by ``Resolver.resolve`` (blocking,
scoring, assignment, and a summary of every incident). Generation is not timed.

    .venv/bin/python benchmarks/bench_resolve.py                      # 1k, 10k, 100k mentions
    .venv/bin/python benchmarks/bench_resolve.py --sizes 1000 5000 --seed 1 --json
    .venv/bin/python benchmarks/bench_resolve.py --days 365       # one year at every size: denser as size grows
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time

from tallylog.evaluate import bcubed
from tallylog.resolve import Resolver
from tallylog.resolve.synthetic import generate


def run(size: int, seed: int, days: int | None = None) -> dict[str, float | int]:
    mentions, truth = generate(size, seed=seed, days=days)
    resolver = Resolver()
    t0 = time.perf_counter()
    incidents = resolver.resolve(mentions)
    seconds = time.perf_counter() - t0
    pred = {m.id: inc.id for inc in incidents for m in inc.mentions}
    score = bcubed(truth, pred)
    singletons = bcubed(truth, {m.id: m.id for m in mentions})
    return {
        "mentions": len(mentions), "true_incidents": len(set(truth.values())), "incidents": len(incidents),
        "seconds": round(seconds, 3), "mentions_per_s": round(len(mentions) / seconds),
        "precision": round(score.precision, 4), "recall": round(score.recall, 4), "f1": round(score.f1, 4),
        "singleton_f1": round(singletons.f1, 4),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--days", type=int, default=None,
                    help="a fixed period in days (default: a year per 10,000 mentions, the same density at every size)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rows = [run(n, args.seed, args.days) for n in args.sizes]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.json:
        print(json.dumps({"python": platform.python_version(), "seed": args.seed, "days": args.days, "peak_rss_mb": round(peak_mb),
                          "runs": rows}, indent=1))
        return
    period = f"{args.days} days" if args.days else "a year per 10,000 mentions"
    print(f"python {platform.python_version()}, one core, seed {args.seed}, 2000 sites, {period}")
    head = f"{'mentions':>9} {'true inc':>9} {'incidents':>9} {'seconds':>8} {'mentions/s':>10} " \
           f"{'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'singleton F1':>12}"
    print(head)
    for r in rows:
        print(f"{r['mentions']:>9} {r['true_incidents']:>9} {r['incidents']:>9} {r['seconds']:>8.2f} "
              f"{r['mentions_per_s']:>10} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} "
              f"{r['singleton_f1']:>12.3f}")
    print(f"peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
