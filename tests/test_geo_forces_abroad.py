"""Armed forces act abroad as often as at home.

A demonym before an institution ("Spanish police", "the Nigerian army") makes its country weak context. Where the
institution is an armed force ("Israeli troops", "Russian forces") and the text names no country, the country's
neighbours (GeoNames' country table) are weak context as well: "Israeli troops raided Tulkarem" is the West Bank
town, "Russian forces attacked Pokrovsk" the Ukrainian one. No spelling guess is made in a neighbour.
"""
from __future__ import annotations

import pytest

from tallylog.geo import Geocoder
from tallylog.pipeline import extract


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


@pytest.mark.parametrize("text, name, country", [
    ("Israeli troops raided Tulkarem on Monday.", "Tulkarem", "PS"),
    ("A Palestinian man was shot dead by Israeli troops in Jenin on Monday.", "Jenin", "PS"),
    ("Russian forces attacked Pokrovsk on Monday.", "Pokrovsk", "UA"),
    ("Russian troops shelled Kupiansk on Monday.", "Kupiansk", "UA"),
])
def test_forces_abroad(geo, text, name, country):
    ms = [m for m in geo.geoparse(text) if m.text == name]
    assert len(ms) == 1 and ms[0].country == country and ms[0].latitude is not None


@pytest.mark.parametrize("text, name, country", [
    ("Spanish police arrested two men in Valencia on Monday.", "Valencia", "ES"),
    ("The Nigerian army said troops killed 12 militants in Bama on Monday.", "Bama", "NG"),
])
def test_forces_and_police_at_home(geo, text, name, country):
    ms = [m for m in geo.geoparse(text) if m.text == name]
    assert len(ms) == 1 and ms[0].country == country


def test_a_named_country_still_comes_first(geo):
    ms = geo.geoparse("Iranian forces shelled villages in Kurdistan, near Marivan, Iran said.")
    assert [m.country for m in ms if m.text == "Kurdistan"] == ["IR"]


def test_the_incident_is_placed():
    ex = extract("A Palestinian man was shot dead by Israeli troops in Jenin on Monday, the health ministry said.",
                 published="2025-03-12")
    assert len(ex.events) == 1
    loc = ex.events[0].location
    assert loc is not None and loc.country == "PS" and loc.geo_precision == 1
