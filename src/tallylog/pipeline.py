"""The extraction pipeline: Report -> Extraction, one small component after another.

    sentences -> places (geo) -> dates -> attribution -> claims -> event mentions -> merged events

Each component reads the shared ``DocContext`` and returns model objects; none reaches into another.
"""
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
    from tallylog.extract.attribution import attribute, resolve_speakers
    from tallylog.extract.claims import ClaimFinder, attach_context
    from tallylog.extract.context import DocContext
    from tallylog.extract.dates import find_dates
    from tallylog.extract.events import MentionFinder, find_weapons, merge_mentions
    from tallylog.extract.sentences import split_sentences
    from tallylog.geo import get_geocoder

    text = report.text
    places = get_geocoder().geoparse(text)
    ctx = DocContext(report=report, sentences=split_sentences(text), places=list(places),
                     dates=find_dates(text, report.published))
    attributions = [attribute(s.text) for s in ctx.sentences]
    resolve_speakers(attributions, [s.text for s in ctx.sentences])
    claim_finder = ClaimFinder(ctx, attributions)
    claims = claim_finder.find()
    finder = MentionFinder(ctx, attributions, claim_finder.sentences_with_claims)
    mentions, aggregate = finder.find()
    events = merge_mentions(mentions, report.id, finder)
    # what aggregate sentences list (bases targeted, weapons used) belongs to the report's totals
    agg_places = [p for s in aggregate for p in ctx.places_in(s.start, s.end)]
    agg_weapons = sorted({w for s in aggregate for w in find_weapons(s.text)})
    attach_context(claims, agg_places, agg_weapons)
    notes = []
    if report.published is None:
        notes.append("publication date unknown: relative dates and years left unresolved")
    return Extraction(report=report, events=events, claims=claims, places=ctx.places, notes=notes)
