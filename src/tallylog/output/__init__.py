"""Renderers of extraction results: JSON Lines (the contract) and readable terminal tables."""
from tallylog.output.jsonl import extraction_json, schema, validate  # noqa: F401
from tallylog.output.table import render_extraction, render_places  # noqa: F401
