"""Where a sentence puts an incident, in the ways news names places around it.

1. A nationality before a place word ("in the Mexican state of Guerrero", "in the Brazilian state of Para"): any
   adjective of nationality the shipped list knows, not a handful.
2. A country's possessive with words between it and the place ("in Nigeria's northeastern Maiduguri"): the place,
   not the country.
3. An incident the lede puts in a province ("Prosecutors in the Mexican state of Guanajuato said ...") happened in
   the dateline's town when that town lies in the province; a dateline elsewhere leaves the province.
"""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract


def _only_event(text: str, published: str = "2025-03-12"):
    ex = extract(text, published=published)
    assert len(ex.events) == 1, [(e.location, e.evidence[0].text) for e in ex.events]
    return ex.events[0]


@pytest.mark.parametrize("text, country", [
    ("Gunmen killed four police officers in the Mexican state of Michoacan on Monday.", "MX"),
    ("Two police officers were shot dead when gunmen opened fire on their patrol in the Mexican state of Guerrero "
     "on Monday.", "MX"),
    ("Gunmen killed three farmers in the Brazilian state of Para on Monday, police said.", "BR"),
])
def test_nationality_before_the_place_word(text, country):
    ev = _only_event(text)
    assert ev.location is not None and ev.location.country == country
    assert ev.location.geo_precision == 3 and str(ev.date) == "2025-03-10"


def test_country_possessive_with_an_adjective_between():
    ev = _only_event("A bomb exploded at a market in Nigeria's northeastern Maiduguri on Tuesday, killing five people.")
    assert ev.location.country == "NG" and ev.location.geo_precision == 1 and ev.location.feature != "country"


DATELINED = ("{dateline} (AP) - Prosecutors in the Mexican state of Guanajuato said on Tuesday that gunmen had "
             "killed six people at a bar on Sunday night.\n\nThe attackers fled in two pickup trucks, they said.")


def test_dateline_town_inside_the_lede_province_places_the_incident():
    ev = _only_event(DATELINED.format(dateline="IRAPUATO, Mexico"))
    assert ev.location.country == "MX" and ev.location.feature == "populated_place"
    assert ev.location.admin1 == "Guanajuato" and ev.location.geo_precision in (1, 2)
    assert ev.fatalities == 6 and str(ev.date) == "2025-03-09"


def test_dateline_town_elsewhere_leaves_the_province():
    ev = _only_event(DATELINED.format(dateline="MEXICO CITY"))
    assert ev.location.country == "MX" and ev.location.feature == "admin1"
    assert ev.location.name == "Guanajuato"


def test_a_town_on_the_route_is_not_the_place():
    ev = _only_event("Militants attacked a passenger train in the Pakistani province of Balochistan on Tuesday, taking "
                     "many hostages. The train was travelling north to Quetta from Jacobabad when it came under fire.")
    assert ev.location.country == "PK" and ev.location.name not in ("Quetta", "Jacobabad")


def test_an_officials_town_further_down_is_not_the_place():
    ev = _only_event("Gunmen attacked a bus in the Mexican state of Guanajuato on Sunday, killing six passengers. "
                     "The bus was carrying farm workers. Its driver escaped. \"We are investigating,\" said Juan "
                     "Perez, a prosecutor in Irapuato, on Monday.")
    assert ev.location.feature == "admin1" and ev.location.name == "Guanajuato"
