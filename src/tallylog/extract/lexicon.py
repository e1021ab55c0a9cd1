"""Language data (lexicons, patterns, taxonomies) live in ``tallylog/data/lexicons/*.json``.

This module only loads them; the components that apply them are elsewhere.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Load the lexicon ``name`` (``data/lexicons/<name>.json``)."""
    path = resources.files("tallylog").joinpath("data", "lexicons", f"{name}.json")
    with path.open("r", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def demonyms() -> tuple[str, ...]:
    """Adjectives of nationality ("Mexican", "South Sudanese"), lower case, longest first: the shipped list
    the geoparser also reads (``data/gazetteer/demonyms.txt``), for patterns such as "in the Mexican state of"."""
    path = resources.files("tallylog").joinpath("data", "gazetteer", "demonyms.txt")
    words = {line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    # longest first; words of one length alphabetically, so that the patterns made of them read the same in
    # every process (a set's order is not) and their compiled forms are found in the cache (``tallylog.rxcache``)
    return tuple(sorted(words, key=lambda w: (-len(w), w)))
