"""The extraction pipeline: Report -> Extraction, one small component after another."""
from __future__ import annotations

from datetime import date

from tallylog.model import Extraction, Report


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def extract(text: str | Report, *, published: date | str | None = None, source: str | None = None,
            title: str | None = None) -> Extraction:
    """Extract events and count claims from one report's text (or a ready ``Report``)."""
    if isinstance(text, Report):
        report = text
    else:
        from tallylog.ingest import report_from_text

        report = report_from_text(text, source=source, title=title, published=_as_date(published))
    return extract_report(report)


def extract_report(report: Report) -> Extraction:
    """Run every extraction component over a report."""
    return Extraction(report=report)
