"""Write N realistic synthetic reports (JSONL) for scale runs, recombined from real report text.

    .venv/bin/python benchmarks/make_corpus.py 10000 /tmp/corpus-10k.jsonl [--seed 0]

Sources: the bundled sample corpus (``src/tallylog/data/sample``) and, when present beside the checkout,
``../shared/data/voa/voa_stories.jsonl``. Each output report keeps the shape of a news story: a lede drawn
from the sources' first paragraphs, then body paragraphs drawn from their other paragraphs, some of them
rebuilt from sentences of different paragraphs. Every report gets a fresh URL, an outlet and a publication
date spread over three years, so reports are distinct (different text and URL) but read like the originals.
Output is written line by line; only the paragraph pool of the sources is held in memory.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VOA = REPO.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"
OUTLETS = (("Voice of America", "voanews.com"), ("Sample Daily", "example.org"), ("Wire Service", "wire.example"),
           ("Regional Monitor", "monitor.example"), ("Evening Post", "post.example"), ("Frontline News", "frontline.example"))


def source_texts() -> list[tuple[str | None, str]]:
    """(title, text) of every usable source report."""
    sys.path.insert(0, str(REPO / "src"))
    from tallylog.cli import sample_corpus
    from tallylog.ingest import iter_reports
    from tallylog.model import Report

    inputs = [str(sample_corpus())] + ([str(VOA)] if VOA.is_file() else [])
    return [(r.title, r.text) for r in iter_reports(inputs) if isinstance(r, Report)]


def pools(texts: list[tuple[str | None, str]]) -> tuple[list[str], list[str], list[str], list[str]]:
    """Titles, ledes, body paragraphs and sentences of the sources."""
    from tallylog.extract.sentences import split_sentences

    titles, ledes, body, sentences = [], [], [], []
    for title, text in texts:
        if title:
            titles.append(title)
        paras = [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 40]
        if paras and title and paras[0] == title.strip():
            paras = paras[1:]  # the headline, kept as a title, not as a lede
        if not paras:
            continue
        ledes.append(paras[0])
        body.extend(paras[1:])
        for p in paras:
            sentences.extend(s.text for s in split_sentences(p) if len(s.text) > 30)
    return titles, ledes, body or ledes, sentences


def make_report(i: int, rng: random.Random, titles: list[str], ledes: list[str], body: list[str],
                sentences: list[str]) -> dict[str, str]:
    paras = [rng.choice(ledes)]
    for _ in range(rng.randint(2, 9)):
        if rng.random() < 0.3:
            paras.append(" ".join(rng.sample(sentences, rng.randint(2, 4))))
        else:
            paras.append(rng.choice(body))
    published = date(2022, 1, 1) + timedelta(days=rng.randrange(3 * 365))
    outlet, domain = rng.choice(OUTLETS)
    title = rng.choice(titles) if titles and rng.random() < 0.7 else paras[0].split(". ")[0][:110]
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    return {"url": f"https://{domain}/{published:%Y/%m}/{slug}-{i:07d}", "outlet": outlet,
            "published": published.isoformat(), "title": title, "text": "\n\n".join(paras)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of reports")
    ap.add_argument("out", help="output .jsonl path (- for stdout)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--start", type=int, default=0, help="first report number (for URLs), to extend a corpus")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    titles, ledes, body, sentences = pools(source_texts())
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    try:
        for i in range(args.start, args.start + args.n):
            out.write(json.dumps(make_report(i, rng, titles, ledes, body, sentences), ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
