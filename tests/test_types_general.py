"""Event types, sub-types and weapons of extracted incidents, on sentences written here in the patterns of news
language: who an act was done to (ACLED's Battles against Violence against civilians), force against protests,
failed attempts, weapons that only backed a ground fight, bombs dropped from the air, and the weapon classes of
blades, vehicles, stones and fire."""
from __future__ import annotations

import pytest

from tallylog import extract
from tallylog.extract.events import find_weapons


def only_event(text: str):
    evs = extract(text, published="2024-03-07").events
    assert len(evs) == 1, [(e.sub_event_type, e.location and e.location.name) for e in evs]
    return evs[0]


def kind(text: str) -> tuple[str, str]:
    e = only_event(text)
    return e.event_type, e.sub_event_type


ATTACK = ("Violence against civilians", "Attack")
CLASH = ("Battles", "Armed clash")


# --- one armed side against unarmed people is an attack, whatever the raiders are called ---

@pytest.mark.parametrize("text", [
    "Gunmen raided a village near Kaura on Monday, killing six farmers and burning homes, a local official said.",
    "Fighters from the militia attacked a market in the town of Beni on Tuesday, killing 14 people.",
    "The militant group launched a series of attacks across Nairobi on Saturday, killing 40 people.",
    "Militants stormed a farming village near Kaura on Sunday and killed nine farmers, a local official said.",
    "Rebel fighters laid siege to a hotel in Jowhar for 20 hours, killing 21 people.",
    "Gunmen attacked the parliament building in Abuja on Monday, killing nine people, an attack officials said "
    "showed the police were not ready.",
    "Gunmen ambushed a convoy of trucks carrying food aid near Yei on Saturday, killing two drivers.",
    "Insurgents raided a camp for displaced people near Bunia on Sunday, killing 18 people, most of them women.",
])
def test_an_armed_group_against_civilians_is_an_attack(text):
    assert kind(text) == ATTACK


# --- the same acts against soldiers, police or an armed group are battles ---

@pytest.mark.parametrize("text", [
    "Gunmen raided an army outpost near Kaura on Monday, killing six soldiers, a local official said.",
    "Militants ambushed a police convoy near Bannu on Tuesday, killing eight officers.",
    "Militants kill 11 soldiers near Bannu on Tuesday, the army said.",
    "Two police officers were shot dead by gunmen at a checkpoint near Peshawar on Friday.",
    "Bandits killed seven vigilantes near Gusau on Sunday, residents said.",
])
def test_an_attack_on_armed_forces_is_an_armed_clash(text):
    assert kind(text) == CLASH


def test_two_armed_sides_stay_an_armed_clash():
    assert kind("Soldiers clashed with militants near Bannu on Tuesday, and four fighters were killed.") == CLASH
    assert kind("Troops killed 15 rebels in a gun battle near Bunia on Sunday, the army said.") == CLASH


def test_a_speaker_or_the_agent_of_a_passive_is_not_the_target():
    # "police said" ends the object; "by soldiers" names who shot, not whom
    assert kind("Gunmen killed 12 villagers near Zurmi on Monday, police said.") == ATTACK
    assert kind("A man was shot dead by soldiers near Hebron on Friday, the health ministry said.") == ATTACK


# --- force against a protest ---

def test_lethal_force_against_protesters_is_excessive_force():
    assert kind("Troops opened fire on protesters in Khartoum on Monday, killing five demonstrators.") == (
        "Protests", "Excessive force against protesters")


def test_an_armed_group_firing_on_protesters_is_an_attack():
    # ACLED: force against protesters is the state's; a gang's shooting of them is violence against civilians
    assert kind("Gunmen opened fire on protesters in Culiacan on Monday, killing two people.") == ATTACK


# --- attempts that hurt nobody ---

def test_an_attempt_on_a_life_that_hurt_nobody_is_disrupted_weapons_use():
    e = only_event("A gunman tried to kill the mayor of Culiacan outside his home on Monday but was arrested "
                   "before he could fire, police said.")
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", "Disrupted weapons use")


def test_an_attempt_that_killed_is_still_an_attack():
    e = only_event("A gunman who tried to kill the mayor of Culiacan on Monday shot dead two of his bodyguards, "
                   "police said.")
    assert e.sub_event_type != "Disrupted weapons use"


# --- weapons that only backed a ground fight, bombs from the air ---

def test_weapons_that_backed_troops_do_not_make_an_air_strike():
    e = only_event("Somali troops backed by drones killed 23 al-Shabab fighters near Baidoa on Friday, the army said.")
    assert (e.event_type, e.sub_event_type) == CLASH
    assert e.weapons == ["drone"]
    e = only_event("Drones killed 23 al-Shabab fighters near Baidoa on Friday, the army said.")
    assert e.sub_event_type == "Air/drone strike"


def test_a_bomb_dropped_from_the_air_is_an_air_strike():
    e = only_event("A Russian glide bomb hit an apartment block in Kharkiv on Monday, killing three people. "
                   "The bomb tore through the upper floors.")
    assert e.sub_event_type == "Air/drone strike" and e.weapons == ["airstrike"]


def test_a_roadside_bomb_stays_an_ied():
    e = only_event("A roadside bomb hit a minibus near Afgoye on Sunday, killing six passengers.")
    assert e.sub_event_type == "Remote explosive/landmine/IED" and e.weapons == ["ied"]


# --- weapon classes ---

@pytest.mark.parametrize("text", [
    "a man armed with a knife wounded two officers",
    "was knifed to death outside a pub",
    "attackers armed with machetes",
    "militants beheaded five villagers",
    "the van-and-knife attack",
    "a man drove a truck into crowds celebrating the holiday",
    "youths threw rocks at police",
    "a petrol bomb was thrown at the office",
])
def test_blades_vehicles_stones_and_fire_bombs_are_other(text):
    assert set(find_weapons(text)) == {"other"}


@pytest.mark.parametrize("text", [
    "gunmen set fire to dozens of homes",
    "militants torched the council offices",
    "a mob set the police station ablaze",
])
def test_fire_set_by_hand_names_no_weapon(text):
    assert "other" not in find_weapons(text)


def test_arson_is_still_an_incident_with_no_weapon():
    e = only_event("Unidentified men set three city buses ablaze in Celaya on Wednesday night.")
    assert e.weapons == [] and e.sub_event_type == "Looting/property destruction"


def test_vehicles_packed_with_explosives_are_bombs_not_rammings():
    assert set(find_weapons("militants drove an explosives-laden truck into a police post")) == {"ied"}


@pytest.mark.parametrize("text, expected", [
    ("suspected rebels shot and wounded a labourer", {"small_arms"}),
    ("insurgents fired on a checkpoint", {"small_arms"}),
    ("a police patrol came under fire", {"small_arms"}),
    ("several mortar shells landed near the airport", {"mortar"}),
    ("artillery shells hit the town", {"artillery"}),
])
def test_gunfire_and_mortar_words(text, expected):
    assert set(find_weapons(text)) == expected


def test_a_knife_attack_carries_other():
    e = only_event("A man with a knife stabbed three people at a railway station in Lyon on Sunday, police said.")
    assert (e.event_type, e.sub_event_type) == ATTACK and e.weapons == ["other"]


def test_an_officer_killed_at_home_is_an_attack():
    # a targeted killing away from any fight: the officer is not a side in a battle
    assert kind("Gunmen shot dead an off-duty police officer outside his home in Quetta on Monday.") == ATTACK


def test_civilians_hurt_in_a_gun_battle_leave_it_a_battle():
    assert kind("Two civilians were killed in a gun battle between police and a gang in Gonaives on Friday.") == CLASH


# --- hostages, weapons of the target, the act told by its weapon, types given for want of any other ---

def test_hostages_who_died_in_a_siege_make_it_an_attack():
    assert kind("Parents still remember the 2004 school siege in Kursk, in which 300 hostages died.") == ATTACK


def test_an_attack_that_killed_and_took_hostages_is_an_attack():
    assert kind("Gunmen attacked the town of Kaura on Oct. 7, 2023, killing about 120 people and taking 25 "
                "hostages.") == ATTACK


def test_an_abduction_stays_an_abduction():
    assert kind("Gunmen abducted 25 passengers from a bus near Kaura on Monday.") == (
        "Violence against civilians", "Abduction/forced disappearance")


def test_weapons_the_target_is_known_for_are_not_the_acts():
    e = only_event("An Israeli drone strike on a car near Nabatieh killed two men on Thursday. The Israeli army said "
                   "it had targeted a Hezbollah commander responsible for rocket launches toward northern Israel.")
    assert e.sub_event_type == "Air/drone strike" and e.weapons == ["drone"]


def test_an_act_told_again_by_its_weapon_takes_the_weapons_type():
    e = only_event("A spokeswoman said Thai troops had opened fire first, shelling Cambodian positions in Preah "
                   "Vihear province on Sunday.")
    assert e.sub_event_type == "Shelling/artillery/missile attack"


def test_a_headline_count_does_not_retype_an_ambush_on_a_patrol():
    e = only_event("Islamic State attacks in eastern Syria climb, monitor says\n\nThe deadliest attack took place "
                   "on Sept. 21, when gunmen ambushed an SDF patrol near the town of Al-Busayrah, killing seven "
                   "fighters.")
    assert (e.event_type, e.sub_event_type) == CLASH


def test_a_retired_officer_is_a_civilian_target():
    assert kind("Gunmen killed a retired army colonel as he left church in Mardan on Sunday.") == ATTACK


def test_a_crowd_that_turns_violent_before_the_police_intervene_is_a_riot():
    assert kind("Protesters set fire to tyres outside the governor's office in Kano on Monday, and police fired "
                "tear gas to disperse the crowd.") == ("Riots", "Violent demonstration")
    assert kind("Police fired tear gas to disperse protesters outside the governor's office in Kano on "
                "Monday.") == ("Protests", "Protest with intervention")
