"""Geocoder accuracy on UCDP GED rows: does a mention resolve near the gold point?

Text per row: ``source_headline`` + ``where_description`` (rows with neither are skipped).
Gold: ``latitude``/``longitude`` (UCDP GED 23.1, CC BY 4.0; sample in shared/data/ucdp-ged-sample).
Prints the share of rows with a resolved mention within 25 km / 50 km of the gold point (overall and by
``where_prec``), and the false-positive rate on sentences built around non-place words.

With ``--voa``: over the Voice of America stories (shared/data/voa, public domain), counts the resolved
place mentions whose country is not among the document's context countries (countries named in the
title or text as countries, plus the countries of the story's ``keywords``), and prints a sample. Such a
mention is not always wrong ("Washington" in a story about Syria) but most false places land there.

Usage: python benchmarks/eval_geo.py [path/to/ucdpged_v23_sample1000.csv]
       python benchmarks/eval_geo.py --voa [path/to/voa_stories.jsonl] [--sample N]
"""
from __future__ import annotations

import csv
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from tallylog.geo import Geocoder
from tallylog.geo.gazetteer import haversine_km

VOA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "voa" / "voa_stories.jsonl"
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


def off_context(path: Path, sample: int = 40) -> None:
    """Resolved place mentions outside the document's context countries, over a JSONL corpus."""
    geo = Geocoder()
    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    total = off = 0
    rows: list[tuple[str, str, str | None, str]] = []
    t0 = time.perf_counter()
    chars = 0
    for d in docs:
        text = (d.get("title") or "") + "\n\n" + (d.get("text") or "")
        chars += len(text)
        ms = geo.geoparse(text)
        ctx = {m.country for m in ms if m.feature == "country" and m.country}
        for kw in (d.get("keywords") or "").split(","):
            ctx.update(m.country for m in geo.geoparse(kw.strip()) if m.feature == "country" and m.country)
        for m in ms:
            if not m.resolved or m.feature == "country" or not m.country:
                continue  # countries themselves, and seas or regions that span several
            total += 1
            if m.country not in ctx:
                off += 1
                left = text[max(0, m.start - 30):m.start].replace("\n", " ")
                right = text[m.end:m.end + 20].replace("\n", " ")
                rows.append((d.get("id", "?"), m.text, m.country, f"...{left}[{m.text}]{right}..."))
    elapsed = time.perf_counter() - t0
    print(f"documents: {len(docs)}  ({elapsed:.2f}s, {4000 * elapsed * 1000 / max(chars, 1):.2f} ms per 4k chars)")
    print(f"resolved non-country mentions: {total}   outside the context countries: {off} ({off / max(total, 1):.1%})")
    random.Random(0).shuffle(rows)
    for doc_id, surface, cc, ctx_text in sorted(rows[:sample]):
        print(f"  {doc_id:>8} {surface!r:28} {cc}  {ctx_text}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--voa":
        n = 40
        if "--sample" in args:
            k = args.index("--sample")
            n = int(args[k + 1])
            del args[k:k + 2]
        off_context(Path(args[1]) if len(args) > 1 else VOA, n)
    else:
        main(Path(args[0]) if args else DEFAULT)
