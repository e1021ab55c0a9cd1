"""Evaluation of extraction against gold annotation files (``tallylog eval GOLD.jsonl``).

    from tallylog.evaluate import evaluate, format_result
    print(format_result(evaluate("eval/gold/dev.jsonl"), verbose=True))

The gold format and the scoring rules are described in ``docs/evaluation.md``.
"""
from __future__ import annotations

from pathlib import Path

from tallylog.evaluate.bcubed import BCubed, bcubed
from tallylog.evaluate.gold import GoldClaim, GoldDoc, GoldError, GoldIncident, load_gold
from tallylog.evaluate.report import format_result, result_to_json
from tallylog.evaluate.scoring import (
    Accuracy, Counts, DocResult, EvalResult, Extractor, Problem, score_document,
)
from tallylog.evaluate.sources import (
    SourceError, build_report, find_shared_root, load_text, read_source,
)
from tallylog.model import Extraction


def evaluate(gold_path: str | Path | list[str | Path], shared_root: str | Path | None = None,
             extractor: Extractor | None = None) -> EvalResult:
    """Run ``extractor`` (default: ``tallylog.pipeline.extract_report``) over every document of a
    gold file (or of several, scored together: cross-document clusters may span files) and score it.
    Raises ``GoldError`` for a bad gold file and ``SourceError`` when the shared folder or a document's
    text is missing."""
    paths = gold_path if isinstance(gold_path, list) else [gold_path]
    docs = [d for p in paths for d in load_gold(p)]
    gold_path = " + ".join(str(p) for p in paths)
    own = all(d.source.startswith(("sample:", "repo:")) for d in docs)
    root = Path(".").resolve() if own and shared_root is None else find_shared_root(shared_root)
    if extractor is None:
        from tallylog.pipeline import extract_report

        extractor = extract_report
    result = EvalResult(gold_path=str(gold_path), shared_root=str(root))
    scored: list[tuple[GoldDoc, Extraction]] = []
    for gold in docs:
        src = read_source(gold.source, root)
        report = build_report(src, source=gold.source, published=gold.published)
        extraction = extractor(report)
        if not isinstance(extraction, Extraction):
            raise TypeError(f"extractor returned {type(extraction).__name__} for {gold.id}, not an Extraction")
        result.add(score_document(gold, extraction, src.full_text))
        scored.append((gold, extraction))
    from tallylog.evaluate.resolution import score_resolution

    result.bcubed, result.merged = score_resolution(scored)
    return result


__all__ = [
    "evaluate", "format_result", "result_to_json", "load_gold", "load_text", "find_shared_root",
    "bcubed", "BCubed", "GoldDoc", "GoldIncident", "GoldClaim", "GoldError", "SourceError",
    "EvalResult", "DocResult", "Counts", "Accuracy", "Problem", "score_document",
]
