"""Reports of the days after an attack (arrests, charges, funerals, claims, rewards, defused devices): the
incident is still found, dated by its own day rather than the day of what followed it, and placed; what
followed it (arrests, raids that find nothing, hoaxes, drills, peaceful marches) stays a non-incident.
Sentences written here in the patterns of news language."""
from __future__ import annotations

from datetime import date

import pytest

from tallylog import extract

PUBLISHED = "2025-05-22"  # a Thursday: Monday is May 19, Saturday May 17, Sunday May 18


def events(text: str, published: str = PUBLISHED):
    return extract(text, published=published).events


def at(evs, name: str):
    found = [e for e in evs if e.location is not None and (e.location.name or "").lower().startswith(name.lower())]
    assert found, [(e.location.name if e.location else None, e.date) for e in evs]
    return found


# --- the day of an aftermath act is not the incident's ------------------------------------------------

@pytest.mark.parametrize("text, place, expected", [
    ("Police on Wednesday named two suspects in the bombing of a bus station in Peshawar that killed five "
     "people on Monday.", "Peshawar", date(2025, 5, 19)),
    ("Prosecutors charged a man on Tuesday over the shooting at a bar in Lyon that wounded three people on "
     "Saturday night.", "Lyon", date(2025, 5, 17)),
    ("Police arrested a man on Wednesday over the grenade attack on a bus terminal in Davao that killed one "
     "person and wounded nine on Saturday night.", "Davao", date(2025, 5, 17)),
])
def test_aftermath_day_is_not_the_incident_day(text, place, expected):
    [e] = at(events(text), place)
    assert e.date == expected


def test_claim_of_responsibility_day_is_not_the_attack_day():
    evs = events("An Islamist group claimed responsibility on Wednesday for a car bomb that killed four "
                 "soldiers near Kidal.")
    assert at(evs, "Kidal")
    assert all(e.date != date(2025, 5, 21) for e in evs)


def test_charge_in_the_lede_takes_the_day_told_further_down():
    evs = events("Two men were charged on Wednesday with murder in the shooting at a park in Atlanta that "
                 "killed two people. The men were arrested at a motel on Tuesday. Gunfire erupted late on "
                 "Sunday as families gathered for a picnic, police said.")
    [e] = at(evs, "Atlanta")
    assert e.date == date(2025, 5, 18)


def test_march_in_memory_is_not_the_day_of_the_killing():
    evs = events("Thousands of people marched through Marseille on Sunday in memory of a teenager shot dead "
                 "last week.")
    assert all(e.date != date(2025, 5, 18) for e in evs)


def test_arrest_with_a_weapon_keeps_its_day():
    evs = events("He was arrested on Tuesday in Brooklyn while in possession of an assault rifle.")
    [e] = at(evs, "Brooklyn")
    assert e.date == date(2025, 5, 20)


# --- a device made safe ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("On Tuesday, army bomb experts defused a second device left near the central market in Kano.", "Kano"),
    ("A grenade found under a bench at a bus station in Davao on Tuesday was safely detonated by police.",
     "Davao"),
])
def test_defused_device_is_disrupted_weapons_use(text, place):
    [e] = at(events(text), place)
    assert e.sub_event_type == "Disrupted weapons use"
    assert e.date == date(2025, 5, 20)


# --- an incident dated from the one told before ----------------------------------------------------------

def test_days_counted_from_a_possessive_killing():
    evs = events("A councillor was shot dead in Culiacan on May 12. Three days after Ramirez's killing, gunmen "
                 "attacked a bar in Mazatlan, killing four people.")
    [e] = at(evs, "Mazatl")
    assert e.date == date(2025, 5, 15)


def test_week_counted_before_a_described_abduction():
    evs = events("Armed men seized a businessman outside his office in Guayaquil on May 14. A week before the "
                 "businessman's abduction, gunmen kidnapped a doctor in Machala.")
    [e] = at(evs, "Machala")
    assert e.date == date(2025, 5, 7)


# --- "the same area": the place of the story ---------------------------------------------------------------

def test_same_area_is_the_place_told_before():
    evs = events("A car bomb killed six people at a checkpoint in Beledweyne on Monday. In March, a roadside "
                 "bomb hit an army truck in the same area, killing two soldiers.")
    places = [e.location.name for e in evs if e.location is not None]
    assert len(evs) == 2 and all(p and p.startswith("Beled") for p in places), places


# --- aftermath words that name the act ---------------------------------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("A man was knifed to death outside a pub in Leeds on Saturday.", "Leeds"),
    ("Gunfire erupted at a wedding party in Durban on Saturday night, police said.", "Durban"),
    ("A 16-year-old was hit by two bullets outside a school in Malmo on Saturday.", "Malm"),
])
def test_words_of_a_violent_act(text, place):
    [e] = at(events(text), place)
    assert e.date == date(2025, 5, 17)


# --- what follows an attack and is not one --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Police raided several houses in Quetta on Tuesday and detained 14 suspects for questioning.",
    "A raid by troops on a farm near Kuchlak on Monday found nothing.",
    "A bomb scare at a bank in Nairobi on Tuesday turned out to be a hoax, police said.",
    "The army will hold a drill in Kirkuk on Sunday in which troops rehearse a response to a car bomb.",
    "A court in Nairobi on Thursday sentenced three men to 30 years each for helping the militants.",
    "Hundreds of traders marched peacefully to the provincial assembly in Quetta on Wednesday.",
])
def test_not_incidents(text):
    assert events(text) == []


# --- one sentence, one incident or two ------------------------------------------------------------------

def test_toll_before_when_clause_is_the_same_incident():
    evs = events("Two guards were killed late on Saturday when gunmen hurled three grenades into a police post "
                 "in Wajir and then opened fire, officials said.")
    [e] = at(evs, "Wajir")
    assert e.date == date(2025, 5, 17)
    assert len(evs) == 1, [(x.location.name if x.location else None, x.date) for x in evs]


def test_act_counted_from_a_bombing_is_not_the_bombing():
    evs = events("A bomb exploded at a bus stop in Songkhla on Sunday, wounding four people. Two days after the "
                 "bombing, gunmen shot dead a teacher in Yala.")
    [e] = at(evs, "Yala")
    assert e.date == date(2025, 5, 20)
    assert e.sub_event_type == "Attack"


def test_second_clause_with_a_day_of_its_own_is_another_incident():
    evs = events("Gunmen shot dead a shopkeeper in Pattani, and on Tuesday night a soldier was wounded when "
                 "rebels fired on a checkpoint in Narathiwat.")
    [e] = at(evs, "Narathiwat")
    assert e.date == date(2025, 5, 20)
    assert at(evs, "Pattani")


def test_speech_tag_and_another_act_at_another_place():
    evs = events("Rebels shot and wounded a trader in Sopore on Monday, police said, and a gunfight broke out "
                 "in a forest near Kupwara on Tuesday.")
    assert at(evs, "Sop") and at(evs, "Kupw")


# --- arson -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("A fire started deliberately at a mosque in Bradford on Saturday caused no injuries.", "Bradford"),
    ("Three people died in a house fire in Sheffield on Saturday that police are treating as arson.",
     "Sheffield"),
    ("Youths threw petrol bombs at a police station in Derry on Saturday night.", "Derry"),
])
def test_arson(text, place):
    [e] = at(events(text), place)
    assert e.date == date(2025, 5, 17)


def test_a_day_to_come_dates_no_incident():
    evs = events("An inquest opened into the deaths of two brothers in a flat fire in Sheffield that police are "
                 "treating as arson, and a man charged with their murder will appear in court next month.")
    assert all(e.date is None or e.date <= date(2025, 5, 22) for e in evs)


def test_hours_before_the_bombing_counts_from_the_bombing_not_a_defused_device():
    evs = events("A car bomb exploded outside a police station in Tumaco on Thursday, killing two officers. "
                 "Police said a second device was defused the next day in Tumaco. Hours before the bombing, "
                 "rebels attacked an army post outside Barbacoas with drones, wounding three soldiers.",
                 published="2025-05-24")
    [e] = at(evs, "Barbacoas")
    assert e.date == date(2025, 5, 22)


# --- a period in the lede, the day further down ------------------------------------------------------------

def test_day_inside_the_lede_period_dates_the_incident():
    evs = events("Police offered a reward on Thursday for the gunmen who shot dead a mayoral candidate in "
                 "Uruapan last week. Ana Ruiz, 41, was killed on the evening of May 14 as she left a rally. "
                 "Three days after Ruiz's killing, gunmen opened fire at a bar in Zamora, killing five people.")
    [e] = at(evs, "Uruapan")
    assert e.date == date(2025, 5, 14)
    [z] = at(evs, "Zamora")
    assert z.date == date(2025, 5, 17)


def test_day_outside_the_period_is_left_alone():
    evs = events("Police offered a reward on Thursday for the gunmen who shot dead a mayoral candidate in "
                 "Uruapan last week. Ana Ruiz, 41, had received threats since April 2.")
    [e] = at(evs, "Uruapan")
    assert e.date != date(2025, 4, 2)
