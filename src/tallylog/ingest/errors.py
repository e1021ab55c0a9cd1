"""The exception ingest raises internally; ``iter_reports`` turns it into an ``IngestError``."""
from __future__ import annotations


class Rejected(Exception):
    """A source (or one JSONL line) that cannot become a report; the message is advice for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
