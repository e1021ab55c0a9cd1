"""Places at sea and on roads, as news names them.

1. A road named by the two towns it joins ("the Kaduna-Abuja highway", "the Paris-Brussels railway") is placed at
   the first town named, geo_precision 2 (somewhere on the road near it), when both names are towns within
   800 km of each other; the largest such pair wins over namesake hamlets.
2. "off the coast of Puntland", "off Eyl": a place off which something happened is near it (precision 2 for a
   town).
3. The incidents on them: "abducted 37 passengers along the Kaduna-Abuja highway" is placed; "struck by a
   projectile" (the maritime agencies' word for an unidentified missile) is a missile attack.
"""
from __future__ import annotations

import pytest

from tallylog.geo import Geocoder
from tallylog.pipeline import extract


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


@pytest.mark.parametrize("phrase, country", [
    ("Kaduna-Abuja highway", "NG"), ("Maiduguri-Damboa road", "NG"), ("Kabul-Kandahar highway", "AF"),
    ("Mosul-Erbil road", "IQ"), ("Paris-Brussels railway", "FR"),
])
def test_road_between_two_towns(geo, phrase, country):
    text = f"Gunmen ambushed a convoy on the {phrase} on Monday."
    ms = [m for m in geo.geoparse(text) if m.text == phrase]
    assert len(ms) == 1, [(m.text, m.name) for m in geo.geoparse(text)]
    m = ms[0]
    first = phrase.split("-")[0]
    best = max((c for c in geo.gazetteer.candidates({first.lower()}).get(first.lower(), ())
                if c.country == country and c.feature == "populated_place"), key=lambda c: c.pop)
    assert (m.country, m.gazetteer_id, m.geo_precision) == (country, best.gid, 2)
    assert text[m.start:m.end] == phrase


@pytest.mark.parametrize("text", ["They walked down the Smith-Jones road on Monday.",
                                  "Locals call it the Al-Qaeda road."])
def test_hyphenated_names_that_are_no_towns(geo, text):
    assert not [m for m in geo.geoparse(text) if "road" in m.text]


def test_off_the_coast_of(geo):
    ms = geo.geoparse("Somali pirates hijacked a bulk carrier off the coast of Puntland on Sunday.")
    assert [(m.text, m.country) for m in ms] == [("Puntland", "SO")]


def test_off_a_town_is_near_it(geo):
    ms = geo.geoparse("A tanker was rammed by a boat off Mukalla on Sunday.")
    assert [(m.text, m.country, m.geo_precision) for m in ms] == [("Mukalla", "YE", 2)]


def test_abduction_along_a_highway_is_placed():
    ex = extract("Armed bandits abducted 37 passengers from a bus along the Kaduna-Abuja highway on Monday night, "
                 "police said.", published="2025-03-12")
    assert len(ex.events) == 1
    ev = ex.events[0]
    assert ev.sub_event_type == "Abduction/forced disappearance"
    assert ev.location.country == "NG" and ev.location.geo_precision == 2 and str(ev.date) == "2025-03-10"


def test_projectile_is_a_missile():
    ex = extract("A merchant vessel was struck by a projectile 90 nautical miles southeast of Aden on Tuesday, "
                 "the maritime agency said.", published="2025-03-12")
    assert len(ex.events) == 1 and ex.events[0].weapons == ["missile"]
    assert ex.events[0].location.country == "YE"


def test_two_roads_in_one_sentence(geo):
    ms = geo.geoparse("Gunmen attacked buses on the Kaduna-Abuja highway and on the Maiduguri-Damboa road on Monday.")
    assert [(m.text, m.country) for m in ms] == [("Kaduna-Abuja highway", "NG"), ("Maiduguri-Damboa road", "NG")]
