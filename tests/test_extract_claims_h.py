"""Count claims told in passing in general news: ordinals of a period, people seized, fractions leading a part,
a count pushed past a level, same-period figures, and the attributions that credit them."""
from __future__ import annotations

from datetime import date

import pytest

from tallylog import extract
from tallylog.extract.attribution import attribute


def _claims(text, published="2025-06-11"):
    return extract(text, published=published).claims


def _find(claims, value, unit):
    return next((c for c in claims if c.value == value and c.unit == unit), None)


# --- ordinals -------------------------------------------------------------------------------------------

def test_second_attack_counts_only_over_a_period():
    text = ("Gunmen fired on a bus near Kaya on Monday, killing three passengers. It was the second attack on "
            "buses on the Kaya road this month, the regional governor said.")
    c = _find(_claims(text), 2, "attacks")
    assert c is not None and c.ordinal and c.since == date(2025, 6, 1)


@pytest.mark.parametrize("text", [
    "Militants attacked the village of Tera on Monday. A second attack hit the market hours later, killing four.",
    "Gunmen raided the town of Tera on Sunday. It was the second attack on the town, after one in 2019.",
])
def test_second_attack_without_a_period_is_no_claim(text):
    assert _find(_claims(text), 2, "attacks") is None


@pytest.mark.parametrize("text,value,unit,since", [
    ("Gunmen shot dead a radio presenter in Tuxpan on Friday, the 11th journalist killed in Mexico this year, "
     "a press group said.", 11, "killed", date(2025, 1, 1)),
    ("Attackers killed a nurse near Goma on Tuesday, the 14th health worker slain in North Kivu since January, "
     "the World Health Organization said.", 14, "killed", date(2025, 1, 1)),
    ("Bandits seized a teacher in Katsina on Sunday, the ninth teacher to be kidnapped in the state this year, "
     "police said.", 9, "abducted", date(2025, 1, 1)),
])
def test_ordinal_of_people_over_a_period(text, value, unit, since):
    c = _find(_claims(text), value, unit)
    assert c is not None and c.qualifier == "exact" and c.since == since


def test_ordinal_of_people_without_a_period_is_no_claim():
    text = ("A rocket hit a checkpoint near Kherson on Monday. A medic died in hospital on Tuesday, the third "
            "soldier to die from the strike, the army said.")
    assert _find(_claims(text), 3, "killed") is None


def test_ranking_ordinals_are_no_claims():
    text = ("Gunmen killed two soldiers in Mopti on Friday. A press freedom group ranked Mali fifth on its list of "
            "the deadliest countries for reporters, and the bill was the third attempt since 2015 to curb attacks.")
    claims = _claims(text)
    assert _find(claims, 5, "attacks") is None and _find(claims, 3, "attacks") is None


# --- people seized by kidnappers ----------------------------------------------------------------------------

def test_people_seized_over_a_period_are_abductions():
    text = ("Armed gangs seized more than 1,100 villagers in Niger state in the first three months of the year, "
            "according to a security consultancy.")
    c = _find(_claims(text), 1100, "abducted")
    assert c is not None and c.qualifier == "more_than"
    assert c.since == date(2025, 1, 1) and c.as_of == date(2025, 3, 31)


@pytest.mark.parametrize("text", [
    "Troops seized 40 rifles and 3,000 rounds of ammunition in a raid near Maiduguri on Friday, the army said.",
    "Police seized 12 suspects after gunmen attacked a market in Kano on Monday, killing two traders.",
])
def test_things_and_suspects_seized_are_no_abductions(text):
    assert not [c for c in _claims(text) if c.unit == "abducted"]


# --- a fraction leading a part ------------------------------------------------------------------------------

def test_fraction_leads_a_part_and_its_gapped_partner():
    text = ("At least 212 health workers were killed in attacks in 2024, the deadliest year on record, the WHO said "
            "on Tuesday. More than half of them, 118, were killed in Sudan, and 41 in Myanmar, it said.")
    claims = _claims(text)
    whole = _find(claims, 212, "killed")
    sudan, myanmar = _find(claims, 118, "killed"), _find(claims, 41, "killed")
    assert whole is not None and sudan is not None and myanmar is not None
    assert sudan.region == ["SD"] and myanmar.region == ["MM"]
    assert sudan.since == whole.since == date(2024, 1, 1) and sudan.as_of == date(2024, 12, 31)


def test_fraction_without_a_count_before_is_no_claim():
    text = "Nearly half of them, 30, were killed in Kassala when gunmen attacked a wedding on Saturday."
    assert _find(_claims(text), 30, "killed") is None


# --- a count pushed past a level, and figures over 'the same' months --------------------------------------

def test_count_pushed_above_a_level():
    text = ("Clashes between gangs killed at least 640 people in Port-au-Prince between January and March, the U.N. "
            "said, pushing the number of people killed since the start of the year above 2,000.")
    c = _find(_claims(text), 2000, "killed")
    assert c is not None and c.qualifier == "more_than"


def test_same_period_takes_the_count_of_that_length():
    text = ("Attacks by armed groups killed at least 310 people in Ituri between July and September, the U.N. "
            "mission said, pushing the number of people killed so far this year above 900. Another 145 people "
            "were injured over the three months, the mission said.")
    c = _find(_claims(text, "2025-10-08"), 145, "injured")
    assert c is not None and c.since == date(2025, 7, 1) and c.as_of == date(2025, 9, 30)


# --- units -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("The air force carried out at least 420 airstrikes in the first half of the year, a monitor said.", 420),
    ("The monitor recorded more than 900 settler attacks in the West Bank since the start of the year.", 900),
    ("Rights groups counted 75 gang attacks on schools in the capital since January.", 75),
])
def test_actor_nouns_and_airstrikes_count_attacks(text, value):
    assert _find(_claims(text), value, "attacks") is not None


def test_peacekeepers_counted_with_a_possessive():
    text = ("Militants ambushed a convoy near Afgoye on Sunday. The African Union force said 31 of its "
            "peacekeepers had been killed in action since January.")
    c = _find(_claims(text), 31, "killed")
    assert c is not None and c.since == date(2025, 1, 1)


def test_killing_of_a_few_at_one_place_is_one_act():
    text = ("Prosecutors said the cell carried out at least six attacks in the county between 2021 and 2023, "
            "including the killing of three herders at a well.")
    claims = _claims(text)
    assert _find(claims, 6, "attacks") is not None
    assert _find(claims, 3, "killed") is None


# --- attribution --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,speaker,via", [
    ("Violence has killed 400 people since May, the head of the U.N. mission told the Security Council on Monday.",
     "head of the U.N. mission", None),
    ("Bandits have killed more than 300 people since January, local officials say.", "local officials", None),
    ("The office said 40 had died, citing figures from a database kept by aid groups.", "office", None),
    ("The agency said, citing a U.N. report, that 12 were killed.", "agency", None),
    ("Reuters reported, citing a U.N. official, that 12 were killed.", "U.N. official", "Reuters"),
])
def test_attribution_shapes(sentence, speaker, via):
    a = attribute(sentence)
    assert a.speaker == speaker and a.via == via


def test_the_agency_refers_back_to_the_organisation_just_credited():
    text = ("Gunmen ambushed a food convoy near Yambio on Saturday, killing a driver, the World Food Programme said. "
            "It was the third attack on its convoys in the state this month, the agency said.")
    c = _find(_claims(text), 3, "attacks")
    assert c is not None and c.speaker == "World Food Programme"


# --- periods ------------------------------------------------------------------------------------------------

def test_as_many_weeks_takes_the_ordinal():
    text = ("A Russian drone hit a bus station in Sumy on Sunday, killing two people, the third deadly attack on "
            "the city in as many weeks.")
    c = _find(_claims(text), 3, "attacks")
    assert c is not None and c.since == date(2025, 5, 21)


def test_conflict_that_began_in_a_year_counts_from_it():
    text = ("Attacks by gunmen rose again in May. The insurgency, which began in 2019, has killed more than 4,200 "
            "people, according to a monitor.")
    c = _find(_claims(text), 4200, "killed")
    assert c is not None and c.since == date(2019, 1, 1) and c.as_of == date(2025, 6, 11)


def test_a_year_that_is_not_a_start_stays_the_period():
    text = "Gunmen killed more than 300 people in the province in 2019, the year the insurgency spread south."
    c = _find(_claims(text), 300, "killed")
    assert c is not None and c.since == date(2019, 1, 1) and c.as_of == date(2019, 12, 31)


def test_comparison_over_the_same_period_of_another_year():
    text = ("A monitor recorded 96 violent events involving the rebels in the first half of this year, up from 71 "
            "in the same period of 2023.")
    c = _find(_claims(text, "2025-07-20"), 71, "attacks")
    assert c is not None and c.since == date(2023, 1, 1) and c.as_of == date(2023, 6, 30)


def test_since_the_start_of_the_war_told_again():
    text = ("A reporter was killed in a drone strike on Khartoum on Sunday, a press group said, bringing to 30 the "
            "number of journalists killed since the war began in April 2023. The group said at least 12 of the "
            "journalists killed since the start of the war had died in Darfur.")
    c = _find(_claims(text), 12, "killed")
    assert c is not None and c.since == date(2023, 4, 1)


def test_world_total_has_no_region():
    text = ("Gunmen ambushed an aid convoy near Bor in South Sudan on Friday. At least 280 aid workers were killed "
            "around the world last year, the U.N. said.")
    c = _find(_claims(text), 280, "killed")
    assert c is not None and c.region == []


def test_described_press_group_takes_its_name_told_next():
    text = ("A reporter was killed on Sunday when a drone hit a market in Nyala, a press freedom group said, "
            "bringing to 30 the number of journalists killed in Sudan since the war began in April 2023. "
            "The man was buying bread when the drone struck, the Sudanese Journalists Syndicate said on Monday.")
    c = _find(_claims(text), 30, "killed")
    assert c is not None and c.speaker == "Sudanese Journalists Syndicate"


def test_running_total_brought_up_by_one_incident():
    text = ("A reporter was killed in a drone strike on Khartoum on Sunday, a press group said, bringing to 30 the "
            "number of journalists killed since the war began in April 2023.")
    c = _find(_claims(text), 30, "killed")
    assert c is not None and c.since == date(2023, 4, 1) and c.speaker == "press group"


def test_one_incident_toll_brought_up_is_no_claim():
    text = ("Gunmen opened fire on a wedding in Kassala on Saturday. Two more victims died in hospital on Sunday, "
            "bringing to seven the number of people killed in the attack.")
    assert _find(_claims(text), 7, "killed") is None


def test_ordinal_of_people_keeps_the_days_incident():
    text = ("Gunmen shot dead a municipal police officer in Celaya on Tuesday, the 19th police officer killed in "
            "Guanajuato this year, state prosecutors said.")
    ex = extract(text, published="2025-06-11")
    assert _find(ex.claims, 19, "killed") is not None
    assert any(e.date == date(2025, 6, 10) for e in ex.events)


def test_count_going_on_from_a_world_total_has_no_region():
    text = ("Gunmen ambushed an aid convoy near Bor in South Sudan on Friday. At least 280 aid workers were killed "
            "around the world last year, the U.N. said. This year is no better: at least 190 aid workers have been "
            "killed so far this year, the U.N. said.")
    c = _find(_claims(text), 190, "killed")
    assert c is not None and c.region == []
