"""Ingest: files, folders, JSONL and stdin in; clean ``Report``s (or one ``IngestError`` per bad source) out.

    from tallylog.ingest import iter_reports
    for item in iter_reports(["articles/", "feed.jsonl"]):
        ...  # a Report, or an IngestError to show the user

``report_from_text`` and ``report_from_html`` build one report from a string. They do not reject
anything: ``Report.language`` tells what language was detected, and an empty input gives a report
with empty text. ``iter_reports`` is the gate that turns unusable input into ``IngestError``s.
"""
from __future__ import annotations

from datetime import date

from tallylog.ingest.build import build_from_html, build_from_text
from tallylog.ingest.sources import iter_reports
from tallylog.model import IngestError, Report


def report_from_text(text: str, *, source: str | None = None, title: str | None = None,
                     published: date | None = None, outlet: str | None = None,
                     url: str | None = None) -> Report:
    """One report from plain text: headline detected (unless ``title`` is given), boilerplate removed."""
    return build_from_text(text, source=source, title=title, published=published, outlet=outlet, url=url).report


def report_from_html(html: str, *, source: str | None = None, published: date | None = None,
                     url: str | None = None) -> Report:
    """One report from an HTML page: main text, title, date and site name via trafilatura.

    ``published`` and ``url``, when given, win over what the page says.
    """
    return build_from_html(html, source=source, published=published, url=url).report


__all__ = ["iter_reports", "report_from_text", "report_from_html", "IngestError", "Report"]
