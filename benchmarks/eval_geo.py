"""Geocoder accuracy on UCDP GED rows: does a mention resolve near the gold point?

Text per row: ``source_headline`` + ``where_description`` (rows with neither are skipped).
Gold: ``latitude``/``longitude`` (UCDP GED 23.1, CC BY 4.0; sample in shared/data/ucdp-ged-sample).
Prints the share of rows with a resolved mention within 25 km / 50 km of the gold point (overall and by
``where_prec``), and the false-positive rate on sentences built around non-place words.

Usage: python benchmarks/eval_geo.py [path/to/ucdpged_v23_sample1000.csv]
"""
from __future__ import annotations

import csv
import sys
import time
from collections import defaultdict
from pathlib import Path

from tallylog.geo import Geocoder
from tallylog.geo.gazetteer import haversine_km

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ucdp-ged-sample" / \
    "ucdpged_v23_sample1000.csv"

# Words that are (tiny) GeoNames places or look like names but are not places in these sentences.
NON_PLACE_SENTENCES = [
    "Police said the Mission had been suspended.",
    "The Deputy Minister of Defence spoke on Monday.",
    "Green Party members met in March.",
    "Operation Inherent Resolve officials said Of the dead, two were soldiers.",
    "President Biden spoke with Dan Caldwell and Greg Carlstrom.",
    "Al Mayadeen reported the news, citing Reuters and Instagram posts.",
    "Victory and Liberty were the slogans of the Union.",
    "The Islamic State claimed the attack, Hezbollah said.",
    "Iraqi and Syrian officials met American diplomats.",
    "Global Research published the statement on Telegram.",
]


def main(path: Path) -> None:
    geo = Geocoder()
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    hits25 = hits50 = total = 0
    by_prec: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    t0 = time.perf_counter()
    for r in rows:
        text = ". ".join(x.strip() for x in (r.get("source_headline") or "", r.get("where_description") or "")
                         if x and x.strip())
        if not text:
            continue
        try:
            glat, glon = float(r["latitude"]), float(r["longitude"])
        except ValueError:
            continue
        total += 1
        dists = [haversine_km(glat, glon, m.latitude, m.longitude) for m in geo.geoparse(text) if m.resolved]
        best = min(dists, default=float("inf"))
        prec = (r.get("where_prec") or "?").split(".")[0]
        by_prec[prec][2] += 1
        if best <= 25:
            hits25 += 1
            by_prec[prec][0] += 1
        if best <= 50:
            hits50 += 1
            by_prec[prec][1] += 1
    elapsed = time.perf_counter() - t0
    print(f"rows with text: {total}  ({elapsed:.2f}s, {1000 * elapsed / max(total, 1):.2f} ms/row)")
    print(f"within 25 km: {hits25 / total:.1%}   within 50 km: {hits50 / total:.1%}")
    for prec in sorted(by_prec):
        h25, h50, n = by_prec[prec]
        print(f"  where_prec {prec}: n={n:4d}  25 km {h25 / n:.1%}  50 km {h50 / n:.1%}")
    fp = [(s, m.text) for s in NON_PLACE_SENTENCES for m in geo.geoparse(s)]
    n_words = sum(len(s.split()) for s in NON_PLACE_SENTENCES)
    print(f"false positives on {len(NON_PLACE_SENTENCES)} non-place sentences ({n_words} words): {len(fp)}")
    for s, t in fp:
        print(f"  {t!r} in {s!r}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
