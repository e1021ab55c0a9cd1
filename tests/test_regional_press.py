"""Patterns of the regional press (Latin American crime-war reporting, South Asian English-language papers,
police daily reports): bodies found with signs of violence, weapons found in searches, the police's town,
headlines of two stories, interceptions listed region by region, martyrdom idioms, datelines of small towns,
names with "and" inside, and the counts such papers give ("the fourth on villages in the district this year",
"the seventh targeted killing", "45 attacks, in which 93 people were killed")."""
from __future__ import annotations

from datetime import date

import pytest

from tallylog.geo import places as geoparse
from tallylog.pipeline import extract


def _events(text: str, published: str = "2025-06-16"):
    return extract(text, published=published).events


def _claims(text: str, published: str = "2025-06-16"):
    return extract(text, published=published).claims


# --- bodies found -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, killed", [
    ("On Sunday the bodies of four men, their hands tied, were found beside a highway near Navolato with gunshot wounds.", 4),
    ("The bullet-riddled bodies of two taxi drivers were found in a ravine outside Chilpancingo on Tuesday.", 2),
])
def test_bodies_found_with_signs_of_violence_are_a_killing(sentence, killed):
    (e,) = _events(sentence)
    assert (e.sub_event_type, e.fatalities) == ("Attack", killed)


def test_a_body_found_with_no_sign_of_violence_is_no_incident():
    assert not _events("The body of an elderly man who had died of natural causes was found in his home in Culiacán on Tuesday.")


# --- who did it, and what a search found ---------------------------------------------------------------------------

def test_attacks_blamed_on_a_group_make_it_the_perpetrator():
    (e,) = _events("Drones dropped explosives on a hamlet in Tepalcatepec on Sunday, killing a farmer, the latest "
                   "in a series of attacks blamed on the Jalisco New Generation Cartel.")
    assert e.actor1 == "Jalisco New Generation Cartel"


@pytest.mark.parametrize("sentence", [
    "Troops detained three suspects and found a workshop with 25 improvised explosive devices and four drones in a house in Aguililla on Monday.",
    "On Monday police arrested two men in Irapuato and seized four rifles and a grenade launcher, the prosecutor's office said.",
])
def test_weapons_found_in_a_search_are_no_attack(sentence):
    assert not _events(sentence)


def test_a_fight_that_ends_in_a_seizure_is_still_a_fight():
    (e,) = _events("Soldiers killed three gunmen in a firefight near Apatzingán on Monday and seized five rifles.")
    assert (e.sub_event_type, e.fatalities) == ("Armed clash", 3)


# --- places -------------------------------------------------------------------------------------------------------

def test_a_headline_of_two_stories_places_each_and_keeps_them_apart():
    text = ("Gunmen kill eight at a wake in Salamanca; León police officer killed in ambush\n\n"
            "SALAMANCA, Mexico (AP) - Armed men opened fire on mourners at a wake in Salamanca late Saturday, killing "
            "eight people, authorities said.\n\n"
            "On Monday, in neighboring León, a police officer was killed when gunmen ambushed his patrol car on a "
            "road on the city's northern edge, the municipal police said.")
    events = _events(text, "2024-03-19")
    assert sorted((e.location.name, e.date) for e in events) == [
        ("León de los Aldama", date(2024, 3, 18)), ("Salamanca", date(2024, 3, 16))]


def test_a_region_named_with_its_town_is_one_site():
    text = ("Drones dropped explosives on a village in the municipality of Aguililla, in Mexico's western state of "
            "Michoacán, on Sunday, killing a man and wounding four members of his family, state officials said on "
            "Monday, the latest in a wave of aerial attacks blamed on the cartel.")
    ex = extract(text, published="2025-08-12")
    assert [(e.location.name, e.injured) for e in ex.events] == [("Aguililla", 4)]
    assert not [c for c in ex.claims if c.unit == "injured"]


def test_interceptions_listed_by_region_stay_apart_from_a_clash_in_one_of_them():
    text = ("Air defence assets intercepted and destroyed 41 Ukrainian unmanned aerial vehicles overnight:\n\n"
            "- 23 over the territory of the Bryansk region;\n"
            "- 18 over the territory of the Kursk region.\n\n"
            "On 22 August, units of the North group repelled an attempt by a sabotage group to cross the border in the "
            "area of the settlement of Tyotkino in the Kursk region. Nine servicemen were eliminated.")
    events = _events(text, "2025-08-23")
    subs = sorted((e.sub_event_type, e.location.name) for e in events)
    assert ("Armed clash", "Tëtkino") in subs
    assert [s for s in subs if s[0] == "Disrupted weapons use"] == [
        ("Disrupted weapons use", "Bryansk Oblast"), ("Disrupted weapons use", "Kursk Oblast")]


def test_barangay_abbreviation_does_not_end_a_sentence():
    text = ("2. EXPLOSION - KABACAN\nAt about 2100H of 02 March 2025, an improvised explosive device exploded near the "
            "public market in Brgy. Poblacion, Kabacan, Cotabato, injuring two vendors.")
    (e,) = _events(text, "2025-03-04")
    assert (e.injured, e.date) == (2, date(2025, 3, 2))
    assert e.evidence[-1].text.endswith("injuring two vendors.")


def test_a_possessive_town_before_a_square_places_the_act():
    (e,) = _events("Militants hurled a grenade towards a security bunker at Sopore's main chowk on Tuesday night.",
                   "2025-09-17")
    assert e.sub_event_type == "Grenade" and e.location.country == "IN"


@pytest.mark.parametrize("text, name, feature", [
    ("Troops returned fire along the Line of Control in Jammu and Kashmir on Monday.", "Jammu and Kashmir", "admin1"),
    ("Troops fired across the Line of Control into Jammu and Kashmir's Kupwara district.", "Jammu and Kashmir", "admin1"),
    ("Gang violence has spread in Trinidad and Tobago this year.", "Trinidad and Tobago", "country"),
])
def test_names_with_and_inside(text, name, feature):
    places = geoparse(text)
    assert (name, feature) in [(p.name, p.feature) for p in places]
    assert not [p for p in places if p.text == "Line"]


def test_a_small_town_dateline_and_a_royal_army_place_the_story():
    text = ("GHORAHI, Dec 5: A witness from Salyan told the commission how the Royal Nepal Army opened fire on a "
            "gathering in 2005. The ambush on the Tulsipur-Ghorahi road killed 14 policemen.")
    places = {p.text: p for p in geoparse(text)}
    assert places["GHORAHI"].country == "NP"
    assert places["Salyan"].country == "NP"
    assert places["Tulsipur-Ghorahi road"].country == "NP"


def test_a_guessed_spelling_far_from_the_story_is_no_place():
    text = ("Maoists ambushed a patrol in Bijapur district on Wednesday. A pressure IED went off near Awapalli on "
            "Thursday, officials said. The injured jawan was flown to Raipur.")
    assert "Awapalli" not in {p.text for p in geoparse(text)}


# --- who was killed -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, killed", [
    ("Five soldiers embraced martyrdom while repulsing an attack on a checkpost near Tank on Monday night.", 5),
    ("Three jawans attained martyrdom in an IED blast near Sukma on Monday.", 3),
])
def test_martyrdom_idioms_count_the_dead(sentence, killed):
    (e,) = _events(sentence, "2026-01-28")
    assert e.fatalities == killed


def test_a_capture_only_the_perpetrator_claims_does_not_make_a_repelled_attack_a_loss_of_ground():
    text = ("Six soldiers were killed while repulsing a terrorist attack on a checkpost in Kulachi on Monday night, the "
            "ISPR said. The militant group claimed responsibility, saying its fighters had captured the post for "
            "several hours. Officials called the claim a lie.")
    (e,) = _events(text, "2026-01-28")
    assert e.sub_event_type == "Armed clash"


def test_a_month_after_a_since_clause_is_of_the_present():
    text = ("Gunmen killed two policemen in Tank on Monday.\n\n"
            "Dera Ismail Khan has been among the worst-hit districts since militancy resurged in 2022. In August, nine "
            "passengers were offloaded from a bus and shot dead near Dera Ismail Khan.")
    aug = [e for e in _events(text, "2026-01-28") if e.location.name == "Dera Ismail Khan"]
    assert [(e.date, e.date_precision) for e in aug] == [(date(2025, 8, 1), "month")]


# --- counts -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, value, unit", [
    ("The attack on Sunday was the third on villages in Kangpokpi district this year, police said.", 3, "attacks"),
    ("The ambush near Lakki Marwat was the sixth on security forces in the district this month, officials said.", 6, "attacks"),
    ("It was the ninth targeted killing in Quetta since June, a rights group said.", 9, "killed"),
    ("It was the fourth deadly clash between the two factions this year, the group said.", 4, "attacks"),
    ("It was the second ceasefire violation along the border this month, officials said.", 2, "attacks"),
])
def test_ordinals_of_regional_papers(sentence, value, unit):
    claims = _claims("Gunmen attacked a village on Sunday.\n\n" + sentence, "2026-02-12")
    assert (value, unit) in [(c.value, c.unit) for c in claims]


def test_the_toll_of_counted_attacks_in_a_relative_clause():
    claims = _claims("The institute recorded 52 militant attacks in October, in which 101 people, including 40 "
                     "soldiers, were killed.", "2025-11-03")
    assert {(c.value, c.unit) for c in claims} >= {(52, "attacks"), (101, "killed")}


def test_a_deadliest_year_scopes_its_toll():
    claims = _claims("The think tank said 2025 was the deadliest year for the country in a decade, with more than 3,400 "
                     "fatalities linked to violence.", "2026-01-05")
    assert [(c.value, c.qualifier, c.unit) for c in claims] == [(3400, "more_than", "killed")]


def test_an_act_told_hours_earlier_is_another_incident():
    text = ("Dissidents attacked the police station in Suárez with drones and rifle fire on Sunday night, wounding two "
            "officers.\n\nHours earlier, on Sunday afternoon, a motorcycle loaded with explosives blew up near a bank "
            "in the center of Jamundí, Colombia, killing a street vendor.")
    events = _events(text, "2024-07-09")
    assert sorted(e.location.name for e in events) == ["Jamundí", "Suárez"]


def test_a_toll_since_an_offensive_began_on_a_day_is_a_count():
    text = ("Fighting between the ELN and FARC dissidents raged across the region. More than 80 people have been "
            "killed in Catatumbo since the ELN launched its offensive on Jan. 16, officials said.")
    ex = extract(text, published="2025-01-28")
    assert [(c.value, c.unit, c.since) for c in ex.claims] == [(80, "killed", date(2025, 1, 16))]
    assert not [e for e in ex.events if e.fatalities == 80]


def test_an_attack_told_of_the_patrol_it_fell_on():
    (e,) = _events("A patrol was attacked near Pichari on Wednesday afternoon, the command said.", "2023-10-06")
    assert (e.location.name, e.date) == ("Pichari", date(2023, 10, 4))


def test_a_town_the_act_is_put_near_wins_over_the_road_it_was_on():
    (e,) = _events("On Sunday, a bus hit an improvised explosive device on the Maiduguri-Damboa road near Damboa, "
                   "killing four passengers.", "2025-02-04")
    assert e.location.name == "Damboa"


def test_a_year_told_before_a_return_to_the_present_does_not_date_the_next_month():
    text = ("Gunmen attacked Bama on Sunday.\n\n"
            "Bama, which was overrun by Boko Haram in 2014 and retaken the following year, has been struck repeatedly "
            "by suicide bombers. In October, a bomber blew herself up at a market in Bama, killing six people.")
    (oct_,) = [e for e in _events(text, "2025-02-05") if e.fatalities == 6]
    assert oct_.date == date(2024, 10, 1)


@pytest.mark.parametrize("sentence, value", [
    ("The committee said the shelling was the 12th attack on the camp since May, and that more than 300 civilians "
     "had been killed in the city since the siege began in April 2024.", 300),
    ("The rebellion, which began in 2017 with an attack on a police station in the port town, has killed more than "
     "4,000 people, according to a monitor.", 4000),
])
def test_tolls_beside_an_ordinal_or_a_war_are_counts(sentence, value):
    claims = _claims("Shells hit a camp on Monday.\n\n" + sentence, "2025-11-20")
    assert (value, "killed") in [(c.value, c.unit) for c in claims]


def test_the_areas_of_a_count_are_not_places_of_the_act_told_again():
    text = ("Three police officers were killed on Monday when their vehicle ran over an improvised explosive device "
            "near Elwak in Mandera County, the police said.\n\n"
            "Police said the Monday bombing was the 12th IED attack on security forces in Mandera, Wajir and Garissa "
            "counties this year.")
    events = _events(text, "2023-11-22")
    assert [(e.location.name, e.fatalities) for e in events] == [("El Wak", 3)]


def test_a_village_is_no_city_whose_name_folds_the_same():
    text = "A bomb exploded on the road between the village of Ségué and Bankass, in central Mali, on Thursday."
    assert "Ségou" not in {p.name for p in geoparse(text)}


# --- monitors' running tallies ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, value, unit, noun", [
    ("The deaths bring to 188 the number of regime soldiers and allied militiamen killed in attacks by ISIS cells in "
     "the desert since the beginning of 2024, the monitor said.", 188, "killed", None),
    ("With these deaths, the number of people killed across Syrian territory since the beginning of 2024 rises to "
     "3,902, according to the monitor.", 3902, "killed", None),
    ("The monitor documented 29 attacks by ISIS cells in the desert since January, which claimed the lives of 143 "
     "people.", 143, "killed", None),
    ("The army says it has killed 19 smugglers in such clashes since January.", 19, "killed", None),
    ("The number of American raids on Yemen since March 15 has risen to more than 900, according to the agency.",
     900, "attacks", "raids"),
])
def test_monitors_running_tallies(sentence, value, unit, noun):
    claims = _claims("Cells of the group attacked army positions on Monday.\n\n" + sentence, "2024-06-12")
    (c,) = [c for c in claims if c.value == value]
    assert c.unit == unit and (noun is None or c.noun == noun)


def test_acts_that_have_killed_over_a_period_told_before():
    claims = _claims("Hezbollah has fired rockets and drones at northern Israel almost daily since October 8. The attacks "
                     "have killed 12 Israeli civilians, according to Israeli figures.", "2024-06-12")
    assert (12, "killed") in [(c.value, c.unit) for c in claims]


def test_plural_es_of_a_gold_unit_agrees_with_the_noun():
    from tallylog.evaluate.scoring import unit_agrees
    from tallylog.model import Claim, Span
    c = Claim(value=4, qualifier="exact", unit="attacks", noun="deadly clash", evidence=[Span(0, 1, "4")])
    assert unit_agrees("clashes", c) and unit_agrees("ambushes", Claim(value=4, qualifier="exact", unit="attacks",
                                                                        noun="ambushes", evidence=[Span(0, 1, "4")]))


def test_bodies_found_dumped_in_a_post_under_a_place_label():
    text = ("Culiacán: heavy gunfight between rival factions in the Tres Ríos area this morning, per local reporters.\n\n"
            "Navolato: the bodies of four men found dumped beside the highway to Altata, hands tied.")
    events = _events(text, "2025-01-18")
    assert ("Navolato", 4) in [(e.location.name, e.fatalities) for e in events]


# --- Southeast Asia and the Pacific ------------------------------------------------------------------------------------

def test_an_encounter_is_a_clash_and_counted_as_one():
    (e,) = _events("Two members of the group were killed in an encounter with government troops near Datu Piang on "
                   "Saturday, the army said.", "2024-11-04")
    assert (e.sub_event_type, e.fatalities) == ("Armed clash", 2)
    claims = _claims("Troops clashed with militants on Saturday.\n\nThe commander said the clash was the 12th encounter "
                     "with the group in Lanao del Sur since January.", "2024-11-04")
    assert [(c.value, c.noun) for c in claims] == [(12, "encounter")]


def test_a_single_act_a_court_names_is_no_incident():
    assert not _events("A military court in Mandalay sentenced two young men to death on Friday for their part in a bomb "
                       "attack on a regime office in 2023, a lawyer said.", "2024-11-04")


def test_a_village_the_gazetteer_places_far_away_falls_to_the_town_it_is_told_from():
    (e,) = _events("A jet dropped two bombs on Nyaung Pin Thar, about 12 kilometres west of Kanbalu town, on Thursday "
                   "afternoon, killing nine people.", "2025-03-14")
    assert (e.location.name, e.location.geo_precision) == ("Kanbalu", 2)


def test_a_compass_adjective_before_a_region_names_the_region():
    text = "Junta air strikes hit villages in northern Shan on Monday, residents in Lashio said."
    places = {p.text: p for p in geoparse(text)}
    assert places["Shan"].feature == "admin1" and places["Shan"].country == "MM"


def test_a_day_told_in_a_later_statement_is_not_the_acts():
    text = ("Gunmen abducted 20 worshippers from a church near Kafanchan during a night vigil on Sunday.\n\n"
            "The state ministry confirmed the abduction and said nine of the victims had escaped on Tuesday.")
    (e,) = _events(text, "2024-03-13")
    assert e.date == date(2024, 3, 10)


# --- Europe, Turkey, the Caucasus ----------------------------------------------------------------------------------------

def test_an_arrest_on_suspicion_of_preparing_an_attack_is_no_attack():
    assert not _events("Police arrested three people in Molenbeek and Anderlecht on Thursday on suspicion of preparing "
                       "an attack, seizing knives and a laptop.", "2025-03-22")


@pytest.mark.parametrize("sentence, sub", [
    ("On Saturday night, a charge of several kilograms of explosives blew apart a villa being built above the gulf near "
     "Ajaccio.", "Remote explosive/landmine/IED"),
    ("A fire was set at the entrance of a mosque in Solingen on Monday night, police said.", "Looting/property destruction"),
])
def test_blasts_and_fires_set_told_of_what_they_did(sentence, sub):
    (e,) = _events(sentence, "2025-06-17")
    assert e.sub_event_type == sub


def test_a_year_before_plural_acts_is_no_count():
    assert not _claims("Belgium remembers 2016 bombings as a police officer is stabbed in Schaerbeek.", "2025-03-22")


# --- North Africa and the state agencies ---------------------------------------------------------------------------------

def test_a_range_counts_its_low_end():
    claims = _claims("Fighting raged in Darfur. U.N. experts estimated that between 8,000 and 12,000 people were killed in "
                     "El Geneina alone in 2023.", "2024-05-01")
    assert [(c.value, c.qualifier, c.unit) for c in claims] == [(8000, "at_least", "killed")]


@pytest.mark.parametrize("sentence, value, unit", [
    ("It was the second outbreak of fighting between armed groups in the capital since March.", 2, "attacks"),
    ("It was the third mine blast to hit troops in the mountains this year, the group said.", 3, "attacks"),
    ("This is the ninth Israeli aggression on Syrian territory since the beginning of the year.", 9, "attacks"),
    ("She is the 17th social leader murdered in Colombia so far this year, according to Indepaz.", 17, "killed"),
    ("The army said security forces have killed more than 700 khwarij in the province since January.", 700, "killed"),
    ("Shelling has killed 19 citizens in the border districts since the start of the year, the health office said.", 19, "killed"),
])
def test_counts_of_agencies_and_monitors(sentence, value, unit):
    claims = _claims("Gunmen attacked a village on Monday.\n\n" + sentence, "2025-10-21")
    assert (value, unit) in [(c.value, c.unit) for c in claims]


def test_a_convoy_intercepted_is_no_weapon_intercepted():
    (e,) = _events("A patrol intercepted a convoy of four pick-up trucks carrying fuel near Bilma on Monday, and the "
                   "smugglers opened fire, the army said.", "2025-08-20")
    assert e.sub_event_type == "Armed clash"


def test_a_possessive_day_of_something_else_does_not_date_the_act():
    (e,) = _events("The activist, who had criticised the handling of September's floods in Derna, was hit by several "
                   "bullets on Monday.", "2025-08-20")
    assert e.date == date(2025, 8, 18)


def test_the_hospital_a_minister_visited_is_not_where_the_act_was():
    text = ("Two soldiers were wounded when a mine exploded in the Chaambi mountains near Kasserine on Sunday. "
            "The defence minister, who visited the wounded soldiers in the military hospital in Tunis, vowed to "
            "pursue the attackers.")
    assert [e.location.name for e in _events(text, "2025-08-20")] == ["Kasserine"]


def test_a_district_told_north_of_a_town_is_no_namesake_far_away():
    (e,) = _events("A citizen was killed on Monday by artillery shelling on Sahar district, north of Saada city, the "
                   "agency said.", "2025-10-21")
    assert e.location.name == "Sa'dah"


# --- protests and humanitarian updates ------------------------------------------------------------------------------

def test_tear_gas_to_disperse_people_marching_is_an_intervention():
    (e,) = _events("In Mombasa, police fired tear gas on Thursday to disperse about 300 people marching towards the "
                   "county offices.", "2024-06-28")
    assert e.sub_event_type == "Protest with intervention"


def test_an_act_a_report_leaves_out_as_unverified_is_no_incident():
    assert not _events("Reports that a mobile clinic was fired upon near Malakal on 11 March could not be verified and are "
                       "not included in the figures.", "2025-03-14")


def test_deaths_from_a_disease_are_no_count_of_violence():
    text = ("Fighting and shelling continued in the state, and gunmen attacked a clinic on Monday.\n\n"
            "- Cholera: 380 cases and 11 deaths in North Gondar since February.")
    assert not [c for c in _claims(text, "2026-01-20") if c.unit == "killed"]


def test_nouns_of_an_ordinal_time_and_of_a_compared_figure():
    claims = _claims("Shells hit the market on Monday. It was the fifth time Kadugli town has been shelled since "
                     "December, local authorities said. In August, the digest recorded 23 incidents affecting aid "
                     "workers, against 17 in July.", "2026-01-20")
    nouns = {c.value: c.noun for c in claims}
    assert nouns[5] == "shelling" and nouns[23] == nouns[17] == "incidents"


def test_two_localities_attacked_with_a_toll_are_an_incident_not_a_count():
    text = ("On 23 October, gang members reportedly attacked two localities in the commune of Kenscoff, in the hills "
            "above the capital, killing two residents.")
    ex = extract(text, published="2024-10-25")
    assert not ex.claims and [(e.sub_event_type, e.fatalities) for e in ex.events] == [("Attack", 2)]


# --- the Israel-Gaza war in both sides' outlets -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, value, unit", [
    ("With today's martyrs, the number of citizens killed by occupation gunfire and settler attacks in the West Bank "
     "since October 7 has risen to 540, the ministry said.", 540, "killed"),
    ("The Ministry of Health said the toll since October 7 had risen to 41,200 martyrs and 95,400 injured.", 41200, "killed"),
    ("The Health Ministry said the Palestinian death toll had reached 37,900.", 37900, "killed"),
])
def test_national_tolls_of_both_sides_outlets(sentence, value, unit):
    ex = extract("Israeli strikes hit Gaza on Monday.\n\n" + sentence, published="2024-10-23")
    assert (value, unit) in [(c.value, c.unit) for c in ex.claims]
    assert all((e.fatalities or 0) < 1000 for e in ex.events)


def test_one_incidents_death_toll_stays_its_own():
    ex = extract("Gunmen killed five people in a village near Jos on Monday, bringing the death toll to seven, police "
                 "said.", published="2024-10-23")
    assert not ex.claims and [e.fatalities for e in ex.events] == [7]


# --- North America and Western Europe --------------------------------------------------------------------------------

def test_a_killing_in_private_life_is_no_incident_of_the_ledger():
    assert not _events("Separately, Dallas police said a man shot and killed his estranged wife at her home on Tuesday "
                       "before turning the gun on himself.", "2026-04-23")


@pytest.mark.parametrize("sentence", [
    "Shots were fired at the front doors of a synagogue in Montreal early Sunday, police said.",
    "An election worker was punched in the face by a voter at a polling place in Albuquerque on Tuesday afternoon.",
])
def test_shots_fired_at_and_assaults_by_people_are_attacks(sentence):
    (e,) = _events(sentence, "2026-04-23")
    assert e.sub_event_type == "Attack"


def test_an_ordinal_time_of_shots_fired_counts_shootings_not_a_cup_exit():
    claims = _claims("Shots hit a synagogue on Sunday.\n\nIt was the ninth time shots have been fired at a Jewish "
                     "institution in Toronto since May 2024, police said.", "2026-04-23")
    assert [(c.value, c.noun) for c in claims] == [(9, "shooting")]
    assert not _claims("It was the third time in four seasons that the holders have bombed out at the first hurdle.",
                       "2026-04-23")
