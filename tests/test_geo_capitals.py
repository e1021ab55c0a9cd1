"""A country's capital told without its name: "the Somali capital", "Somalia's capital", "the capital".

News names a capital by its country as often as by its own name ("a hotel in the Afghan capital", "the U.S.
capital"). Such a mention is the capital city at precision 1, the capital GeoNames' country table names. Where
the name follows ("the Syrian capital Damascus") the name itself is the mention; "the capital of Borno state"
is a province's capital, and "capital punishment" no place. "The capital" alone is read only where the text is
about one country.

The first use builds the SQLite index in the cache dir (several seconds); later runs reuse it.
"""
from __future__ import annotations

import pytest

from tallylog.geo import Geocoder
from tallylog.pipeline import extract


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


def _capitals(mentions):
    return [m for m in mentions if "capital" in m.text]


@pytest.mark.parametrize("demonym, country", [
    ("Somali", "SO"), ("Afghan", "AF"), ("Iraqi", "IQ"), ("Nigerian", "NG"), ("Ukrainian", "UA"),
    ("Sudanese", "SD"), ("Colombian", "CO"),
])
def test_demonym_capital_is_the_capital_city(geo, demonym, country):
    text = f"A car bomb exploded near a hotel in the {demonym} capital on Sunday, police said."
    found = _capitals(geo.geoparse(text))
    assert len(found) == 1
    m = found[0]
    capital = geo.gazetteer.capital(country)
    assert capital is not None
    assert (m.country, m.name, m.gazetteer_id) == (country, capital.name, capital.gid)
    assert m.geo_precision == 1 and m.latitude is not None
    assert text[m.start:m.end] == m.text == f"{demonym} capital"


def test_country_possessive_capital_replaces_the_country(geo):
    text = "Kenya's capital was hit by two grenade attacks on Friday night."
    ms = geo.geoparse(text)
    assert [(m.text, m.country) for m in ms] == [("Kenya's capital", "KE")]
    assert ms[0].name == geo.gazetteer.capital("KE").name


def test_us_capital(geo):
    m = _capitals(geo.geoparse("Two people were shot in the U.S. capital on Monday."))
    assert len(m) == 1 and m[0].country == "US" and m[0].feature == "populated_place"


@pytest.mark.parametrize("text, name", [
    ("Gunmen attacked a hotel in the Afghan capital, Kabul, on Sunday.", "Kabul"),
    ("A car bomb exploded in the Syrian capital Damascus on Sunday.", "Damascus"),
    ("Shelling hit the Ukrainian capital Kyiv overnight.", "Kyiv"),
])
def test_name_after_the_descriptor_is_the_mention(geo, text, name):
    ms = geo.geoparse(text)
    assert not _capitals(ms)
    assert any(m.name == name for m in ms)


@pytest.mark.parametrize("text", [
    "Gunmen attacked a police station in the capital of Borno state, Maiduguri, in Nigeria.",
    "Nigeria's parliament debated capital punishment for kidnappers on Monday.",
    "The provincial capital of Helmand in Afghanistan was calm.",
    "In Afghanistan, the state capital was calm.",
])
def test_no_country_capital(geo, text):
    assert not _capitals(geo.geoparse(text))


def test_bare_capital_in_a_story_about_one_country(geo):
    text = ("Police in Kenya said a grenade was thrown at a bus station in the capital on Sunday, wounding five "
            "people. Officers in Mombasa and Garissa were put on alert.")
    found = _capitals(geo.geoparse(text))
    assert [(m.text, m.country) for m in found] == [("capital", "KE")]
    assert found[0].name == geo.gazetteer.capital("KE").name


def test_weekday_after_the_capital_is_no_name(geo):
    found = _capitals(geo.geoparse("Fighting reached the capital Monday as the army in Sudan fell back."))
    assert [m.country for m in found] == ["SD"]


def test_bare_capital_in_a_story_about_two_countries_is_left(geo):
    text = ("Kenya and Somalia agreed on Monday to share intelligence. "
            "A grenade was thrown at a bus station in the capital on Sunday.")
    assert not _capitals(geo.geoparse(text))


def test_country_capital_places_an_incident():
    ex = extract("A car bomb exploded at a hotel in the Somali capital on Sunday, killing 10 people, police said.",
                 published="2025-03-10")
    assert len(ex.events) == 1
    ev = ex.events[0]
    assert ev.location is not None and ev.location.country == "SO" and ev.location.geo_precision == 1
    assert str(ev.date) == "2025-03-09" and ev.fatalities == 10
