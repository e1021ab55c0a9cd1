"""Local press read through machine translation: calques of killing and of explosive devices."""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract


def _events(text: str, published: str = "2026-01-20"):
    return extract(text, published=published).events


@pytest.mark.parametrize("text, killed", [
    ("KAYA - On Sunday, the mayor was assassinated by unknown gunmen in his home in the city of Kaya, a source said.", 1),
    ("CHIURE - Three men were decapitated by insurgents on Thursday near Chiure, a community leader said.", 3),
    ("TAME - On Friday, two social leaders were murdered by armed men in Tame, Indepaz said.", 2),
])
def test_words_for_killing_count_their_victims(text, killed):
    events = _events(text)
    assert len(events) == 1 and events[0].fatalities == killed


def test_deprived_of_life_is_a_killing():
    events = _events("URUAPAN - On Sunday, a young man was deprived of the life with shots of firearm in Uruapan, "
                     "police said.")
    assert [e.event_type for e in events] == ["Violence against civilians"]


def test_an_explosive_artifact_launched_against_a_station():
    events = _events("SARAVENA - On Sunday, unknown persons launched an artifact explosive against the police "
                     "station of Saravena, wounding two agents.")
    assert len(events) == 1
    assert events[0].weapons == ["ied"] and events[0].injured == 2


@pytest.mark.parametrize("text", [
    "LONDON - He was convicted of murder on Monday and sentenced to life in prison.",
    "KYIV - The government launched a new programme against corruption on Monday.",
])
def test_a_verdict_and_a_programme_are_no_acts(text):
    assert _events(text) == []


def test_the_police_station_of_a_town_places_the_act_there():
    events = _events("MANDALAY - The joint forces of the PDF attacked the police station of Myingyan Town in Mandalay "
                     "Region at midnight of Sunday with drones and small arms, killing three policemen.")
    assert events and events[0].location is not None and events[0].location.text.startswith("Myingyan")


def test_lost_the_life_and_the_aerial_vector():
    events = _events("KAYA - On Saturday, three soldiers lost the life in an ambush near Kongoussi, a source said. Two "
                     "days later, the aerial vector of the Army struck a base of the terrorists in the forest north of "
                     "Kaya.", "2024-09-10")
    by_type = {e.sub_event_type: e for e in events}
    assert by_type["Armed clash"].fatalities == 3
    assert by_type["Air/drone strike"].weapons == ["airstrike"]
