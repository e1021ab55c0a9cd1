"""Habits of the national and local press in its English editions (police-sourced crime and security desks).

1. "Martyred" is killed: "two policemen were martyred", "32 personnel have been martyred this year".
2. The doers of an act are not its dead: "two gunmen killed six people" is six killed, not two.
3. A strike by workers is no blow: "a 48-hour strike to demand protection", "teachers went on strike".
4. What a group is known to do is no act told: "armed groups that extort drivers and attack buses".
5. A past act at one site with a month ("killed 14 worshippers at a night vigil in a church in Barkin Ladi in
   April last year") is one incident, not a count over the month.
6. An ordinal counts incidents of its own kind: "the 14th mass abduction in Tsafe since January" counts
   abductions, "the fourth massacre in Celaya this year" massacres.
7. Datelines in capitals with a colon ("TURBAT: "), a town's bazaar ("in Turbat's main bazaar"), a junction
   inside a city ("at Ramot Junction in Jerusalem": not the namesake town 150 km away, nor "Junction, Texas").

The first geocoding use builds the SQLite index in the cache dir (several seconds); later runs reuse it.
"""
from __future__ import annotations

import pytest

from tallylog.geo import Geocoder
from tallylog.model import CLAIM_UNITS
from tallylog.output.jsonl import schema, validate
from tallylog.pipeline import extract


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


# 1. martyred

@pytest.mark.parametrize("sentence, killed, injured", [
    ("Two policemen were martyred and three others injured when militants attacked a police station in Bannu on "
     "Wednesday night, police said.", 2, 3),
    ("A constable was martyred and four others were injured when a roadside bomb went off near a police van in "
     "Lakki Marwat on Tuesday.", 1, 4),
    ("Three soldiers were martyred in an exchange of fire with terrorists in North Waziristan on Monday, the "
     "military said.", 3, None),
])
def test_martyred_is_killed(sentence, killed, injured):
    ex = extract(sentence, published="2025-02-06")
    assert len(ex.events) == 1
    assert ex.events[0].fatalities == killed and ex.events[0].injured == injured


def test_a_count_of_the_martyred_is_a_count_of_the_dead():
    ex = extract("Police officials in Khyber Pakhtunkhwa said 32 policemen have been martyred in the province this "
                 "year in attacks by militants.", published="2025-06-10")
    assert [(c.value, c.unit) for c in ex.claims] == [(32, "killed")]


@pytest.mark.parametrize("sentence, killed", [
    ("A DRG jawan was killed and two others were injured when Maoists triggered an IED blast in Sukma district on "
     "Monday, police said.", 1),
    ("A trooper was killed when bandits ambushed a patrol near Funtua on Monday, police said.", 1),
])
def test_one_named_by_their_service_is_one_killed(sentence, killed):
    ex = extract(sentence, published="2024-11-19")
    assert [e.fatalities for e in ex.events] == [killed]


def test_a_count_of_maoists_killed_over_a_period():
    ex = extract("Five Maoists were killed in a gunfight with security forces near Bhairamgarh in Bijapur district on "
                 "Tuesday. Police said 197 Naxalites have been killed in separate encounters in the Bastar region of "
                 "Chhattisgarh since January.", published="2024-11-20")
    assert [(c.value, c.unit) for c in ex.claims] == [(197, "killed")]


# 2. the doers are not the dead

@pytest.mark.parametrize("sentence, killed", [
    ("On Monday, two gunmen killed six people at a bus stop in Jerusalem, police said.", 6),
    ("Three attackers on motorcycles shot dead a village chief in Kebbi on Sunday, police said.", 1),
    ("A second raid on a village near Beni two days later killed six, the army said.", 6),
])
def test_the_doers_are_not_counted_as_the_dead(sentence, killed):
    ex = extract(sentence, published="2025-10-20")
    assert [e.fatalities for e in ex.events] == [killed]


@pytest.mark.parametrize("sentence, killed", [
    ("Two soldiers killed, three wounded in an ambush near Gao on Sunday.", 2),
    ("Two people were killed the same day in a shooting in Celaya, police said on Monday.", 2),
    ("Four farmers killed in an attack on a village near Gwoza on Sunday, residents said.", 4),
])
def test_the_dead_told_without_an_object_still_count(sentence, killed):
    ex = extract(sentence, published="2025-10-20")
    assert [e.fatalities for e in ex.events] == [killed]


# 3. strikes by workers

@pytest.mark.parametrize("sentence", [
    "Bus and truck drivers in Norte de Santander parked their vehicles on Monday in a 48-hour strike to demand "
    "protection from armed groups, leaving passengers stranded in Cucuta.",
    "Teachers in Kano went on strike on Monday over unpaid salaries, closing schools across the state.",
    "The governor met the strike's leaders in Cucuta on Monday evening and promised more checkpoints.",
    "Doctors in Lagos began an indefinite strike on Monday, the union said.",
])
def test_a_strike_by_workers_is_no_act_of_violence(sentence):
    assert extract(sentence, published="2025-09-02").events == []


@pytest.mark.parametrize("sentence, sub", [
    ("A Russian strike on Monday killed four people in Kharkiv, Ukraine.", "Air/drone strike"),
    ("A drone strike hit a car near Jilib on Monday, killing two militants, the army said.", "Air/drone strike"),
])
def test_a_strike_that_hits_stays_an_act(sentence, sub):
    ex = extract(sentence, published="2025-09-02")
    assert [e.sub_event_type for e in ex.events] == [sub]


# 4. what a group is known to do

@pytest.mark.parametrize("sentence", [
    "Bus drivers parked their vehicles in Cucuta on Monday to demand protection from armed groups that extort them "
    "and attack vehicles on the roads of the department, leaving passengers stranded in Cucuta and Ocana.",
    "Residents of Zamfara say they live in fear of bandits who kidnap travellers on the Gusau road.",
])
def test_a_habit_told_in_a_relative_clause_is_no_act(sentence):
    assert extract(sentence, published="2025-09-02").events == []


@pytest.mark.parametrize("sentence", [
    "Bandits who attack villages in Zamfara State abducted 20 farmers in Tsafe on Sunday, police said.",
    "Gunmen who had carried out an attack on a church in Owo on Sunday were arrested in Ondo on Monday.",
])
def test_an_act_told_beside_a_habit_stays(sentence):
    assert len(extract(sentence, published="2025-09-02").events) == 1


# 5. a past act at one site

@pytest.mark.parametrize("sentence, killed", [
    ("The association recalled that gunmen killed 14 worshippers at a night vigil in a church in Barkin Ladi in "
     "April last year.", 14),
    ("The attacks came weeks after gunmen killed four labourers at a construction site near Turbat in December.", 4),
])
def test_a_past_act_at_one_site_is_an_incident_not_a_count(sentence, killed):
    ex = extract(sentence, published="2025-06-10")
    assert ex.claims == []
    assert [e.fatalities for e in ex.events] == [killed]


def test_a_toll_over_a_month_and_many_places_is_still_a_count():
    ex = extract("Gunmen killed 140 people in attacks on villages across Plateau State in April, Amnesty "
                 "International said.", published="2025-06-10")
    assert [(c.value, c.unit) for c in ex.claims] == [(140, "killed")]


# 6. ordinals of a kind

@pytest.mark.parametrize("sentence, value, unit", [
    ("A councillor said the raid was the 14th mass abduction in Tsafe LGA since January.", 14, "abductions"),
    ("It was the fourth massacre in Celaya this year, local media said.", 4, "massacres"),
    ("It was the third kidnapping on the Abuja-Kaduna highway this month, police said.", 3, "kidnappings"),
    ("The raid was the 11th attack on police in the region since January 1.", 11, "attacks"),
])
def test_an_ordinal_counts_incidents_of_its_kind(sentence, value, unit):
    ex = extract("Gunmen killed six people in a bar in Celaya, Mexico, on Sunday. " + sentence, published="2024-09-22")
    assert [(c.value, c.unit) for c in ex.claims] == [(value, unit)]


def test_every_unit_extraction_gives_is_in_the_published_schema():
    assert set(schema()["$defs"]["claim"]["properties"]["unit"]["enum"]) == set(CLAIM_UNITS)
    ex = extract("Gunmen killed six people in a bar in Celaya, Mexico, on Sunday. It was the fourth massacre in "
                 "Celaya this year. Rebels have attacked 21 schools in the state since January, and 1,674 civilians "
                 "were killed or injured in the state in 2024.", published="2024-09-22")
    assert {"massacres", "schools", "casualties"} <= {c.unit for c in ex.claims}
    validate(ex.to_dict())  # the contract holds every unit the claim finder gives


# 7. places of the local press

def test_a_dateline_in_capitals_with_a_colon(geo):
    text = ("Grenade attack in Balochistan\n\nTURBAT: Five people were injured when men hurled a grenade at a shop, "
            "police in Pakistan said.")
    found = [(m.text, m.name, m.country) for m in geo.geoparse(text)]
    assert ("TURBAT", "Turbat", "PK") in found


@pytest.mark.parametrize("text", [
    "Grenade attack\n\nUPDATE: Five people were injured when men hurled a grenade at a shop in Pakistan.",
    "Grenade attack\n\nPOLICE: Five people were injured when men hurled a grenade at a shop in Pakistan.",
])
def test_a_kicker_in_capitals_is_no_place(geo, text):
    assert [m.text for m in geo.geoparse(text) if m.start < 30] == []


def test_a_bazaar_of_a_town_places_the_act_in_the_town():
    ex = extract("Five people were injured on Tuesday evening when men on a motorcycle hurled a hand grenade at a "
                 "shop in Turbat's main bazaar, police in Balochistan said.", published="2026-01-21")
    assert [e.location.name for e in ex.events] == ["Turbat"]


def test_a_junction_inside_a_city(geo):
    text = "In September, two gunmen killed six people at a bus stop at Ramot Junction in Jerusalem, Israel."
    found = geo.geoparse(text)
    assert not any(m.text == "Junction" for m in found)
    ramot = next(m for m in found if m.text == "Ramot")
    assert ramot.latitude is None and ramot.country == "IL"  # the part of the city the gazetteer lacks
    ex = extract(text, published="2025-10-20")
    assert [(e.location.name, e.fatalities) for e in ex.events] == [("Jerusalem", 6)]


def test_a_town_in_a_nearby_city_keeps_its_place(geo):
    # Kulachi lies about 50 km from Dera Ismail Khan: a tehsil of the district, not a namesake
    found = geo.geoparse("Gunmen shot dead a teacher in Kulachi in Dera Ismail Khan, Pakistan, on Monday.")
    kulachi = next(m for m in found if m.text == "Kulachi")
    assert kulachi.latitude is not None and kulachi.country == "PK"


# 8. shots at posts, mobs, and two kinds of act at two towns

def test_rounds_fired_at_a_police_outpost_are_a_clash():
    ex = extract("Suspected militants fired several rounds at a police outpost in Manipur's Jiribam district early on "
                 "Thursday, officials said.", published="2024-10-03")
    assert [(e.event_type, e.sub_event_type, e.weapons) for e in ex.events] == [
        ("Battles", "Armed clash", ["small_arms"])]


def test_fired_mortar_rounds_are_no_small_arms():
    ex = extract("Militants fired two mortar rounds at a police outpost in Jiribam, Manipur, on Thursday, police said.",
                 published="2024-10-03")
    assert all("small_arms" not in e.weapons for e in ex.events)


def test_a_mob_that_beat_a_man_to_death_killed_one():
    ex = extract("A mob beat to death a 28-year-old man accused of theft in Churachandpur town in Manipur on Tuesday "
                 "night, police said.", published="2024-10-03")
    assert [(e.sub_event_type, e.fatalities) for e in ex.events] == [("Mob violence", 1)]


def test_another_kind_of_act_at_a_nearby_town_is_another_incident():
    text = ("In another incident, two women were injured when a rocket fired from the hills landed near a house in "
            "Moirang in Manipur on Wednesday evening, police said. Meanwhile, a mob beat to death a man accused of "
            "theft in Churachandpur town on Tuesday night, police said.")
    ex = extract(text, published="2024-10-03")
    assert sorted((e.location.name, e.event_type) for e in ex.events) == [
        ("Churāchāndpur", "Riots"), ("Moirāng", "Explosions/Remote violence")]


def test_one_kind_of_act_told_at_a_town_and_its_suburb_stays_one():
    text = ("Ten years after the bombings in Brussels, victims gathered on Sunday. On March 22, 2016, two bombers blew "
            "themselves up in the departure hall at Zaventem airport, killing 16 people.")
    ex = extract(text, published="2026-03-22")
    assert len([e for e in ex.events if e.event_type == "Explosions/Remote violence"]) == 1


# 9. what follows an act: one of its weapons, its toll brought up, its attackers' strike, its speaker

def test_one_of_the_devices_is_the_weapon_already_told():
    ex = extract("In Zacatecas, an armed group attacked state police officers with drones carrying explosives on "
                 "Monday near Fresnillo, the state Public Security Ministry said. Two officers were injured when one "
                 "of the devices exploded near their patrol vehicle on a rural road.", published="2025-05-20")
    assert [(e.sub_event_type, e.injured, e.location.name) for e in ex.events] == [
        ("Air/drone strike", 2, "Fresnillo")]


def test_attackers_in_apposition_strike_on_the_ground():
    ex = extract("Police said the attackers, numbering about 20, struck at around 9pm near Marigat in Baringo, Kenya, "
                 "on Saturday, killing two herders.", published="2025-03-10")
    assert ex.events and all(e.sub_event_type != "Air/drone strike" for e in ex.events)


def test_a_death_that_brings_the_toll_up_updates_the_incident():
    ex = extract("In Marsabit, two people were killed and three others injured when suspected raiders attacked a "
                 "manyatta near Laisamis in Kenya on Sunday. The county police commander said one of the injured, a "
                 "60-year-old woman, died on the way to the Marsabit County Referral Hospital, bringing the toll to "
                 "three.", published="2025-03-10")
    assert [e.fatalities for e in ex.events] == [3]
    assert ex.claims == []  # one incident's toll, not a count over a period


def test_a_toll_brought_up_over_a_period_is_still_a_count():
    ex = extract("Israeli strikes killed 12 people in Gaza on Monday, bringing the death toll since October 2023 to "
                 "more than 43,000, the health ministry said.", published="2024-11-05")
    assert (43000, "killed") in [(c.value, c.unit) for c in ex.claims]


@pytest.mark.parametrize("sentence, speaker", [
    ("The committee's head, Ahmed Jassim al-Karkhi, said the province had recorded 16 IED blasts since the start of "
     "the year.", "Ahmed Jassim al-Karkhi"),
    ("The governor, Saif al-Islam, told reporters that 16 attacks had been recorded in Diyala since January.",
     "Saif al-Islam"),
])
def test_a_name_with_an_arabic_article_is_the_speaker(sentence, speaker):
    from tallylog.extract.attribution import attribute
    assert attribute(sentence).speaker == speaker


def test_a_toll_brought_up_in_a_sentence_of_its_own_names_a_hospital_town():
    ex = extract("Gunmen killed two people and wounded three in an attack on a manyatta near Laisamis, Kenya, on Sunday. "
                 "One of the injured later died in hospital in Marsabit, bringing the toll to three.",
                 published="2025-03-10")
    assert [(e.location.name, e.fatalities) for e in ex.events] == [("Laisamis", 3)]
    assert ex.claims == []


# 10. names, ages and bodies beside the victims; datelines with a day; a smaller toll told apart

@pytest.mark.parametrize("sentence, killed", [
    ("In Quetta, gunmen shot dead a shopkeeper, Abdul Wahid, 38, on Sariab Road on Sunday night, police said.", 1),
    ("Gunmen killed a policeman, Ali Khan, and a soldier in Bannu, Pakistan, on Sunday.", 2),
    ("Unidentified gunmen riding a motorcycle shot dead a 45-year-old schoolteacher near his house in Kulachi, "
     "Pakistan, on Monday evening, police said.", 1),
    ("In Katsina State, three members of the Katsina State Community Watch Corps were killed when bandits attacked "
     "their checkpoint in Faskari town on Friday night.", 3),
])
def test_who_was_killed(sentence, killed):
    ex = extract(sentence, published="2025-04-14")
    assert [e.fatalities for e in ex.events] == [killed]


def test_ages_are_not_the_wounded():
    ex = extract("In Lanao del Sur, four members of a family, including two children aged 5 and 8, were wounded when "
                 "an unidentified man hurled a grenade at their house in Marawi City on Saturday.", published="2026-02-16")
    assert [e.injured for e in ex.events] == [4]


@pytest.mark.parametrize("text, day", [
    ("Raipur, Nov 20 (PTI) Five Maoists were killed in an encounter with security forces near Bhairamgarh in "
     "Chhattisgarh's Bijapur district on Tuesday, police said.", "2024-11-19"),
    ("QAMISHLI, Syria, Nov 20 (Reuters) - A drone strike on a car on the outskirts of Qamishli killed two fighters "
     "on Tuesday, the SDF said.", "2024-11-19"),
])
def test_a_datelines_day_is_the_filing_day_not_the_acts(text, day):
    ex = extract(text, published="2024-11-20")
    assert [str(e.date) for e in ex.events] == [day]


def test_a_raid_that_found_weapons_is_no_clash():
    ex = extract("Separately, the military said troops had arrested four suspects and recovered two AK-47 rifles and "
                 "150 rounds of ammunition during a raid on a hideout near Barkin Ladi, Nigeria, on Saturday.",
                 published="2025-04-14")
    assert ex.events == []


def test_a_raid_that_killed_and_found_weapons_stays():
    ex = extract("Troops killed two militants and recovered two AK-47 rifles during a raid on a hideout near Barkin "
                 "Ladi, Nigeria, on Saturday, the army said.", published="2025-04-14")
    assert [(e.sub_event_type, e.fatalities) for e in ex.events] == [("Armed clash", 2)]


def test_a_smaller_toll_with_a_day_and_town_of_its_own_is_another_incident():
    text = ("Gunmen kill 11 in fresh attack in Plateau\n\n"
            "JOS - Gunmen have killed at least 11 people in an attack on a farming village in Plateau State, Nigeria, "
            "police said on Tuesday.\n\n"
            "In the wee hours of Sunday, gunmen invaded a settlement on the outskirts of Mangu town and shot dead a "
            "62-year-old farmer.")
    ex = extract(text, published="2025-04-16")
    assert sorted((e.fatalities, e.location.name) for e in ex.events)[0] == (1, "Mangu")
    assert sorted(e.fatalities for e in ex.events) == [1, 11]


def test_a_headlines_toll_and_the_ledes_stay_one_incident():
    text = ("Drone strike kills three near Syria's Qamishli\n\n"
            "QAMISHLI, Syria, March 23 (Reuters) - A drone strike on a car on the outskirts of Qamishli killed two "
            "fighters of the Syrian Democratic Forces on Sunday, the SDF said.")
    ex = extract(text, published="2026-03-23")
    assert len(ex.events) == 1 and str(ex.events[0].date) == "2026-03-22"


# 11. towns told together, and an act dated from the one it came after

def test_towns_told_together_lie_near_each_other(geo):
    text = ("DAMASCUS, Syria - Gunmen attacked a convoy on the road between Palmyra and Sukhnah on Wednesday, a "
            "security source in Syria said. Washington condemned the attack.")
    palmyra = next(m for m in geo.geoparse(text) if m.text == "Palmyra")
    assert palmyra.country == "SY"  # Tadmur, not Palmyra, Pennsylvania


def test_towns_of_two_countries_told_together_keep_their_countries(geo):
    found = {m.text: m.country for m in geo.geoparse(
        "Talks between Washington and Damascus resumed on Monday, officials in Syria and the United States said.")}
    assert found.get("Washington") == "US" and found.get("Damascus") == "SY"


def test_an_act_a_day_before_the_one_it_came_after():
    text = ("DERA ISMAIL KHAN, Pakistan (AP) - A suicide bomber blew himself up at a police checkpoint in Tank on "
            "Wednesday, killing seven officers, police said.\n\n"
            "The bombing came a day after gunmen on a motorcycle shot dead a polio vaccination worker and the "
            "policeman escorting him in a village on the outskirts of Dera Ismail Khan.")
    ex = extract(text, published="2024-12-05")
    assert sorted((str(e.date), e.fatalities) for e in ex.events) == [("2024-12-03", 2), ("2024-12-04", 7)]


# 12. pairs, one of them, definitions, and the nth time a place was hit

@pytest.mark.parametrize("sentence, killed", [
    ("On Jan. 20, a couple and their two children were shot dead in their car at a roadblock near Culiacan, police "
     "in Sinaloa said.", 4),
    ("Gunmen shot dead an elderly couple in their home in Culiacan, Mexico, on Sunday.", 2),
    ("Five soldiers were wounded in an ambush near Gao, Mali, on Sunday. One of them, a young lieutenant, died later "
     "in hospital.", 1),
    ("Gunmen killed a policeman, a teacher and a soldier in Gao, Mali, on Sunday.", 3),
])
def test_pairs_and_one_of_them(sentence, killed):
    ex = extract(sentence, published="2025-02-27")
    assert [e.fatalities for e in ex.events] == [killed]


def test_a_definition_tells_no_act():
    ex = extract("Two weeks ago, a former commander was shot dead outside his home in Mesetas, Colombia. Indepaz "
                 "defines a massacre as the killing of three or more people in one event.", published="2025-06-16")
    assert [e.fatalities for e in ex.events] == [1]
    assert not any("defines" in span.text for e in ex.events for span in e.evidence)


def test_the_nth_time_a_place_was_hit_is_a_count_of_attacks():
    ex = extract("The RSF shelled the hospital in El Fasher, Sudan, on Monday, killing five. It was the ninth time the "
                 "hospital had been hit since May 2024, the World Health Organization said.", published="2025-07-08")
    assert [(c.value, c.unit, str(c.since)) for c in ex.claims] == [(9, "attacks", "2024-05-01")]


def test_the_first_time_is_no_count():
    ex = extract("Gunmen killed five people in Gwoza, Nigeria, on Monday. It was the first time the town had been "
                 "attacked this year, residents said.", published="2025-07-08")
    assert ex.claims == []


# 13. acts listed after "blamed for", and a "since" clause of an event

def test_acts_listed_after_blamed_for_are_each_an_incident():
    text = ("Since the defendants were arrested in July, CODECO fighters have been blamed for an attack on a "
            "gold-mining site near Mongbwalu in Ituri, Congo, in August in which at least nine miners died, and for "
            "the killing of a local chief and his bodyguard on the road between Bunia and Djugu last week.")
    ex = extract(text, published="2024-10-17")
    assert sorted((e.location.name, e.fatalities) for e in ex.events) == [("Bunia", 2), ("Mangbwalu", 9)]
    assert ex.claims == []  # "since July" is the clause of an event, no count over a period


def test_a_since_clause_before_many_acts_is_still_a_sum():
    ex = extract("Since the ceasefire began, Israeli strikes have killed more than 330 people in Lebanon, the health "
                 "ministry says.", published="2025-11-11")
    assert (330, "killed") in [(c.value, c.unit) for c in ex.claims]


@pytest.mark.parametrize("sentence, first", [
    ("Days after the first round of voting on Dec. 28, military jets bombed a village in Kanbalu township, Myanmar, "
     "killing 17 people.", "2025-12-29"),
    ("Hours before the summit in Kabul on Dec. 28, a bomb exploded near a checkpoint in the city, killing two "
     "policemen.", "2025-12-27"),
])
def test_a_vague_count_from_a_dated_event(sentence, first):
    """The event told is in the days (hours) after or before the dated one: a range from the day after (before)."""
    ex = extract(sentence, published="2026-01-15")
    assert [(str(e.date), e.date_precision) for e in ex.events] == [(first, "range")]


def test_signatories_of_a_peace_deal_killed_are_counted():
    ex = extract("Former FARC fighters in Colombia are among the most exposed. The U.N. verification mission says more "
                 "than 450 signatories of the deal have been killed since it was signed in November 2016.",
                 published="2025-06-16")
    assert [(c.value, c.qualifier, c.unit, str(c.since)) for c in ex.claims] == [(450, "more_than", "killed", "2016-11-01")]
