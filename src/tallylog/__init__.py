"""tallylog: news about armed violence in, a sourced, geocoded incident ledger out.

The one obvious entry point for a single text::

    from tallylog import extract
    result = extract(open("article.txt").read(), published="2024-01-04")
    for claim in result.claims:
        print(claim.value, claim.unit, claim.speaker)
"""
from tallylog.model import Claim, Event, Extraction, Report  # noqa: F401
from tallylog import extract  # noqa: F401  (the stage package is callable: extract(text, ...))
from tallylog.pipeline import extract_report  # noqa: F401

__version__ = "0.1.0"
__all__ = ["extract", "extract_report", "Report", "Extraction", "Event", "Claim", "__version__"]
