"""Tests of possessives, first-level divisions without a GeoNames name and region names of conflict news.

Each sentence is parsed as its own document with the shipped gazetteer (the index is built on first use).
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tallylog.geo import Geocoder
from tallylog.geo.gazetteer import haversine_km

AREAS = Path(__file__).resolve().parents[1] / "src" / "tallylog" / "data" / "gazetteer" / "areas.csv"


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


def _find(mentions, text):
    """The mention whose text is ``text`` (None when there is none)."""
    return next((m for m in mentions if m.text == text), None)


def _near(m, lat: float, lon: float, km: float) -> bool:
    return m is not None and m.latitude is not None and haversine_km(m.latitude, m.longitude, lat, lon) <= km


# -- possessives ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence,name,country", [
    ("It was Somalia's deadliest attack, a truck bombing at the Zobe junction in Mogadishu.", "Somalia", "SO"),
    ("The blast was the worst in Pakistan’s history, officials said.", "Pakistan", "PK"),
    ("Russia's news agency reported the strike.", "Russia", "RU"),
])
def test_possessive_is_not_part_of_the_mention(geo, sentence, name, country):
    ms = geo.geoparse(sentence)
    m = _find(ms, name)
    assert m is not None, [x.text for x in ms]
    assert m.country == country and m.feature == "country"
    assert sentence[m.start:m.end] == name
    assert sentence[m.end:m.end + 2] in ("'s", "’s")  # the text after the mention still shows the possessive
    assert not any(x.text.endswith(("'s", "’s")) for x in ms)


@pytest.mark.parametrize("sentence,owner,owned,feature", [
    ("Fighters attacked a village in Nigeria's Borno state on Sunday.", "Nigeria", "Borno", "admin1"),
    ("A bomb killed nine officers in Pakistan's northwestern Khyber Pakhtunkhwa province.", "Pakistan",
     "Khyber Pakhtunkhwa", "admin1"),
])
def test_possessive_owner_of_a_following_name(geo, sentence, owner, owned, feature):
    """An owner of a name that follows keeps its 's in the text; both places are found."""
    ms = geo.geoparse(sentence)
    m = _find(ms, owner + "'s")
    assert m is not None and m.name == owner and m.feature == "country"
    assert m.end == sentence.index(owner) + len(owner) + 2
    inner = _find(ms, owned)
    assert inner is not None and inner.feature == feature


def test_possessive_owner_and_the_place_after_it(geo):
    s = "It was Somalia's deadliest attack, a truck bombing at the Zobe junction in Mogadishu."
    mog = _find(geo.geoparse(s), "Mogadishu")
    assert mog is not None and mog.country == "SO" and mog.geo_precision == 1


def test_possessive_province_after_country(geo):
    s = "Gunmen killed 12 people in Afghanistan's Wardak province."
    ms = geo.geoparse(s)
    assert _find(ms, "Afghanistan's") is not None
    m = _find(ms, "Wardak")
    assert m is not None and m.feature == "admin1" and m.country == "AF"
    assert _near(m, 34.40, 68.87, 60)  # Maidan Shahr, the provincial capital


def test_possessive_small_namesake_is_still_a_person(geo):
    """A small town's name with 's and no place phrase stays a person's name."""
    ms = geo.geoparse("Elliott's lawyer said the charges would be contested.")
    assert not ms


# -- provinces GeoNames names by code only --------------------------------------------------------------------------
@pytest.mark.parametrize("sentence,text,country,lat,lon", [
    ("A roadside bomb killed five soldiers in Wardak province on Monday.", "Wardak", "AF", 34.40, 68.87),
    ("Taliban fighters attacked a checkpoint in Kunar province.", "Kunar", "AF", 34.87, 71.15),
    ("Resistance fighters clashed with the Taliban in Panjshir province.", "Panjshir", "AF", 35.31, 69.52),
    ("Gunmen attacked a school in Yobe state, in Nigeria's northeast.", "Yobe", "NG", 11.75, 11.96),
    ("Houthi forces shelled villages in Hajjah province, Yemen.", "Hajjah", "YE", 15.69, 43.61),
    ("A bomb exploded in Daraa province in southern Syria.", "Daraa", "SY", 32.62, 36.10),
    ("A drone strike hit Sool region in Somalia.", "Sool", "SO", 8.48, 47.36),
])
def test_province_named_with_admin_word_has_a_point(geo, sentence, text, country, lat, lon):
    m = _find(geo.geoparse(sentence), text)
    assert m is not None
    assert m.feature == "admin1" and m.country == country and m.geo_precision == 3
    assert _near(m, lat, lon, 60)


def test_town_of_a_province_name_stays_the_town(geo):
    """Without an admin word, a town that shares its province's name is the town."""
    m = _find(geo.geoparse("Pilgrims gathered in Karbala on Friday."), "Karbala")
    assert m is not None and m.feature == "populated_place" and m.geo_precision == 1
    m = _find(geo.geoparse("Dozens were killed in Ibb last year, officials in Yemen said."), "Ibb")
    assert m is not None and m.feature == "populated_place"


def test_conflict_countries_admin1_rows_have_coordinates():
    """Every admin1 row of areas.csv carries a seat or its own point, and a source."""
    with open(AREAS, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["feature"] == "admin1"]
    assert rows
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["seat"].strip() or (r["latitude"] and r["longitude"]), r["id"]
        assert r["source"].strip(), r["id"]
        assert r["geo_precision"] == "3", r["id"]


# -- region names -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence,text,lat,lon,km", [
    ("Fighting continued in the two Kivu provinces of eastern Congo.", "Kivu", -2.0, 28.8, 150),
    ("Armed groups are active across the Kivus, the United Nations said.", "Kivus", -2.0, 28.8, 150),
    ("M23 rebels seized a town in North Kivu.", "North Kivu", -1.68, 29.23, 150),
    ("Jihadists have spread across the Sahel.", "Sahel", 15.0, 5.0, 500),
    ("Attacks rose in the Tri-border area between Mali, Burkina Faso and Niger.", "Tri-border", 14.5, 0.5, 250),
    ("Insurgents attacked a village in Cabo Delgado in Mozambique.", "Cabo Delgado", -12.3, 40.2, 200),
    ("Separatists attacked troops in the Anglophone regions of Cameroon.", "Anglophone", 5.2, 9.8, 150),
    ("Islamic State cells remain active in the Badia in Syria.", "Badia", 34.5, 38.5, 200),
])
def test_region_names_resolve_at_regional_precision(geo, sentence, text, lat, lon, km):
    m = _find(geo.geoparse(sentence), text)
    assert m is not None, [x.text for x in geo.geoparse(sentence)]
    assert m.feature in ("region", "admin1") and m.geo_precision in (2, 3)
    assert m.feature != "populated_place"
    assert _near(m, lat, lon, km)


@pytest.mark.parametrize("sentence,word", [
    ("Anglophone separatists have demanded independence since 2017.", "Anglophone"),
    ("Kivu Smith, a coach, said the team would travel.", "Kivu"),
    ("The Ogun River flooded farms after days of rain.", "Ogun"),
])
def test_region_words_that_are_no_place_here(geo, sentence, word):
    assert not any(m.text == word for m in geo.geoparse(sentence))


# -- a name qualifying the place after it --------------------------------------------------------------------------
def test_name_before_city_of_qualifies_the_city(geo):
    s = "A drone attack started a fire at the refinery in the Volga city of Saratov, the governor said."
    ms = geo.geoparse(s)
    assert _find(ms, "Volga") is None  # the river region, not the small town of Volga 1,000 km away
    assert _near(_find(ms, "Saratov"), 51.54, 45.99, 25)


def test_region_before_town_of_stays_the_region(geo):
    ms = geo.geoparse("Shelling hit the Donetsk region town of Kostiantynivka on Monday.")
    donetsk = _find(ms, "Donetsk")
    assert donetsk is not None and donetsk.feature == "admin1"
    assert _find(ms, "Kostiantynivka") is not None


def test_town_followed_by_lower_case_of_phrase_is_kept(geo):
    m = _find(geo.geoparse("Fighters entered Kidal town of northern Mali."), "Kidal")
    assert m is not None and m.feature == "populated_place"


def test_possessive_owner_of_a_facility_word_is_no_facility(geo):
    """"Mahathir's camp" is a politician's following: no unknown camp, and the name later is no camp either."""
    s = "Defections from Mahathir's camp grew after the vote, and Mahathir said he would fight on."
    assert not [m for m in geo.geoparse(s) if m.feature == "camp"]
    m = _find(geo.geoparse("Gunmen attacked the Zamzam camp near El Fasher."), "Zamzam camp")
    assert m is not None and m.feature == "camp" and m.latitude is not None
