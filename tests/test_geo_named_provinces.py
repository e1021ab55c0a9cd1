"""A town with a namesake in the province the text names: "Manipur's Bishnupur district", "in Bishnupur,
Manipur" is the Bishnupur of Manipur, not the larger namesake in West Bengal. The town chosen on its own (the
most populous) stays where the text names its own province or none at all.

The first use builds the SQLite index in the cache dir (several seconds); later runs reuse it.
"""
from __future__ import annotations

import pytest

from tallylog.geo import Geocoder


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


def _town(geo: Geocoder, text: str, name: str):
    return next(m for m in geo.geoparse(text) if m.text.startswith(name) and m.feature == "populated_place")


@pytest.mark.parametrize("text, town, admin1", [
    ("Suspected militants shot dead two farmers on the edge of Manipur's Bishnupur district on Sunday.",
     "Bishnupur", "Manipur"),
    ("Two farmers were shot dead in Bishnupur, Manipur, on Sunday.", "Bishnupur", "Manipur"),
    ("Maoists killed three police officers in Bihar's Aurangabad district on Sunday.", "Aurangabad", "Bihar"),
])
def test_the_namesake_in_the_named_province(geo, text, town, admin1):
    assert _town(geo, text, town).admin1 == admin1


@pytest.mark.parametrize("text, town, admin1", [
    ("A bomb went off in Aurangabad on Sunday, police said.", "Aurangabad", "Maharashtra"),
    ("A bomb went off in Aurangabad, Maharashtra, on Sunday.", "Aurangabad", "Maharashtra"),
    ("Gunmen killed two people in Bishnupur in West Bengal on Sunday.", "Bishnupur", "West Bengal"),
])
def test_the_town_chosen_stays_without_another_province(geo, text, town, admin1):
    assert _town(geo, text, town).admin1 == admin1


@pytest.mark.parametrize("text, name", [
    ("An explosive device went off under a police vehicle near Elwak in Kenya on Saturday.", "El Wak"),
])
def test_an_arabic_article_joined_to_an_unknown_name(geo, text, name):
    assert _town(geo, text, text.split(" near ")[1].split()[0]).name == name


@pytest.mark.parametrize("text, name", [
    ("Gunmen attacked a bus near Eldoret in Kenya on Saturday.", "Eldoret"),
    ("Protesters gathered outside the courthouse in Alexandria, Virginia.", "Alexandria"),
])
def test_a_known_name_that_starts_like_an_article_stays(geo, text, name):
    assert any(m.name == name for m in geo.geoparse(text))
