"""Printing an evaluation: a plain-text table with the counts beside every figure, or JSON."""
from __future__ import annotations

from typing import Any

from tallylog.evaluate.scoring import Accuracy, Counts, DocResult, EvalResult

_EVIDENCE_WIDTH = 160


def _fig(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def _prf_line(label: str, c: Counts) -> str:
    return (f"  {label:<11} P {_fig(c.precision)} ({c.tp}/{c.tp + c.fp})   "
            f"R {_fig(c.recall)} ({c.tp}/{c.tp + c.fn})   F1 {_fig(c.f1)}   "
            f"tp {c.tp}  fp {c.fp}  fn {c.fn}")


def _accuracy_lines(attrs: dict[str, Accuracy], notes: dict[str, str] | None = None) -> list[str]:
    lines = []
    for name, acc in attrs.items():
        note = f"   {notes[name]}" if notes and name in notes else ""
        lines.append(f"    {name:<15} {_fig(acc.value)} ({acc.correct}/{acc.total}){note}")
    return lines


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EVIDENCE_WIDTH else text[: _EVIDENCE_WIDTH - 3] + "..."


def _doc_lines(doc: DocResult) -> list[str]:
    rel = f"relevant gold {str(doc.relevant_gold).lower()} / predicted {str(doc.relevant_pred).lower()}"
    lines = [f"- {doc.id} ({doc.source}): incidents tp {doc.incidents.tp} fp {doc.incidents.fp} "
             f"fn {doc.incidents.fn}; claims tp {doc.claims.tp} fp {doc.claims.fp} fn {doc.claims.fn}; {rel}"]
    for p in doc.problems:
        lines.append(f"    {p.kind} {p.item}: {p.message}")
        lines.extend(f"      {detail}" for detail in p.details)
        if p.evidence:
            lines.append(f"      gold evidence: \"{_clip(p.evidence)}\"")
        if p.predicted_evidence:
            lines.append(f"      predicted evidence: \"{_clip(p.predicted_evidence)}\"")
    return lines


def format_result(result: EvalResult, verbose: bool = False) -> str:
    """The evaluation as plain text; ``verbose`` adds every document's misses, spurious
    predictions and attribute errors, each with its evidence."""
    n_pairs_inc = result.incidents.tp
    n_pairs_cl = result.claims.tp
    lines = [
        f"tallylog eval: {result.gold_path}",
        f"  {len(result.documents)} documents; shared data: {result.shared_root}; micro-averaged",
        "",
        "Incidents (date within 1 day or inside a gold period, place within 50 km; one-to-one)",
        _prf_line("incidents", result.incidents),
        f"  accuracy over {n_pairs_inc} matched pairs:",
        *_accuracy_lines(result.incident_attributes, {
            "date": "exact day (inside the period for gold months, years and ranges)",
            "killed": "gold killed vs predicted fatalities",
            "weapons": "set equality"}),
        "",
        "Claims (value and unit; one-to-one)",
        _prf_line("claims", result.claims),
        f"  accuracy over {n_pairs_cl} matched pairs:",
        *_accuracy_lines(result.claim_attributes, {
            "region": "set equality",
            "speaker": "right when content-word overlap F1 >= 0.5"}),
        "",
        "Document relevance (predicted: any event or claim; gold: relevant)",
        _prf_line("relevance", result.relevance),
        "",
    ]
    if result.bcubed is None:
        lines.append("Cross-document resolution (B-cubed): not scored")
    else:
        b = result.bcubed
        lines.append(f"Cross-document resolution (B-cubed, {b.items} mentions): "
                     f"P {_fig(b.precision)}  R {_fig(b.recall)}  F1 {_fig(b.f1)}")
        if any(a.total for a in result.merged.values()):
            lines.append("  merged values of resolved incidents, against their gold cluster:")
            lines += _accuracy_lines(result.merged, {
                "date": "within a day of a gold date", "place": "within 50 km of a gold place",
                "killed": "best = lowest gold figure (ACLED's conservative rule)", "injured": "same rule"})
    gold_issues = sum(1 for d in result.documents for p in d.problems if p.kind == "gold")
    if gold_issues:
        lines.append(f"Gold file: {gold_issues} evidence string(s) not found in their document"
                     + ("" if verbose else " (see --verbose)"))
    if verbose:
        lines += ["", "Per document:"]
        for doc in result.documents:
            lines += _doc_lines(doc)
    return "\n".join(lines) + "\n"


def result_to_json(result: EvalResult) -> dict[str, Any]:
    """The evaluation as a JSON-ready dict (figures are null where undefined, e.g. 0/0)."""
    return {
        "gold": result.gold_path,
        "shared_root": result.shared_root,
        "documents": len(result.documents),
        "incidents": {**result.incidents.to_dict(),
                      "attributes": {k: v.to_dict() for k, v in result.incident_attributes.items()}},
        "claims": {**result.claims.to_dict(),
                   "attributes": {k: v.to_dict() for k, v in result.claim_attributes.items()}},
        "relevance": result.relevance.to_dict(),
        "bcubed": result.bcubed.to_dict() if result.bcubed else None,
        "merged": {k: v.to_dict() for k, v in result.merged.items()},
        "per_document": [d.to_dict() for d in result.documents],
    }
