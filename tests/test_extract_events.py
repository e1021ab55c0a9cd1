"""Event mentions and their merge, on sentences written here in the patterns of news language."""
from __future__ import annotations

from datetime import date

from tallylog import extract
from tallylog.extract.events import find_triggers, find_weapons


def events(text: str, published: str | None = "2024-03-07"):
    return extract(text, published=published).events


def test_triggers_prefer_the_specific_reading():
    subs = [t.sub for t in find_triggers("A suicide bomber blew himself up at a checkpoint.")]
    assert subs[0] == "Suicide bomb"
    assert [t.sub for t in find_triggers("Rockets struck the base.")] == ["Shelling/artillery/missile attack"]


def test_weapon_words_map_to_classes():
    assert set(find_weapons("two one-way attack drones and a Katyusha rocket")) == {"drone", "rocket"}
    assert set(find_weapons("a roadside bomb and gunmen")) == {"ied", "small_arms"}


def test_a_dated_placed_attack_with_casualties_and_attribution():
    [e] = events("Bomb kills soldiers\n\nA roadside bomb killed four soldiers and wounded six others near Kandahar "
                 "on Tuesday, a provincial police spokesman said.")
    assert e.sub_event_type == "Remote explosive/landmine/IED" and e.event_type == "Explosions/Remote violence"
    assert e.date == date(2024, 3, 5) and e.date_precision == "day"
    assert e.location.country == "AF" and e.location.geo_precision == 2  # "near" the city
    assert (e.fatalities, e.injured) == (4, 6)
    assert e.weapons == ["ied"]
    assert e.attribution and e.attribution[0].speaker == "provincial police spokesman"
    assert e.evidence and "roadside bomb" in e.evidence[-1].text


def test_follow_up_sentences_merge_into_one_incident():
    evs = events("Gunmen storm hotel\n\nGunmen stormed a hotel in Mogadishu on Monday, killing at least five people. "
                 "The attackers also wounded 12 guests, police said. Al-Shabab claimed responsibility for the attack.")
    assert len(evs) == 1
    e = evs[0]
    assert e.fatalities == 5 and e.injured == 12
    assert e.actor1 == "al-Shabab"
    assert e.status == "reported"
    assert len(e.evidence) >= 2


def test_two_places_two_days_are_two_incidents():
    evs = events("Strikes\n\nAn airstrike hit a market in Idlib on Monday. Separately, a car bomb exploded in "
                 "Aleppo on Wednesday, killing three civilians.")
    assert len(evs) == 2
    assert {e.sub_event_type for e in evs} == {"Air/drone strike", "Remote explosive/landmine/IED"}


def test_threats_hypotheticals_and_aggregates_are_not_incidents():
    assert events("Warning\n\nThe militia threatened to attack US bases in Iraq if the strikes continue.") == []
    assert events("Risk\n\nOfficials said drones could strike the embassy in Baghdad on Friday.") == []
    res = extract("Tally\n\nThe group has so far targeted a number of US bases in Syria, including al-Tanf.",
                  published="2024-01-04")
    assert res.events == []


def test_intercepted_drone_is_disrupted_weapons_use():
    [e] = events("Drone downed\n\nTwo drones were shot down near Erbil airport late on Wednesday, officials said.")
    assert e.sub_event_type == "Disrupted weapons use" and e.outcome == "intercepted"
    assert e.quantity == 2 and e.weapons == ["drone"]
    assert e.location.gazetteer_id is not None


def test_perpetrators_own_claim_is_status_claimed_and_denial_denied():
    [c] = events("Claim\n\nThe Houthis said they targeted a US destroyer in the Red Sea with missiles on Saturday.")
    assert c.status == "claimed"
    [d] = events("Denial\n\nA Kurdish security official denied that a drone struck the Harir base on Tuesday.")
    assert d.status == "denied"


def test_attacks_on_us_forces_are_kinded():
    [e] = events("Attack\n\nRockets struck a base hosting US troops in Syria's Deir ez-Zor province on Thursday.")
    assert e.kind == "attack_on_us_forces"


def test_statement_day_is_not_the_incident_day():
    [e] = events("Toll rises\n\nThe army said Thursday that militants ambushed a convoy near Gao on Monday, "
                 "killing 11 soldiers.")
    assert e.date == date(2024, 3, 4)


def test_no_place_no_date_is_not_an_incident():
    assert events("Background\n\nSuicide bombings have long been a tactic of the group.") == []


def test_one_side_at_two_places_is_two_incidents():
    evs = events("Drones hit\n\nDrones attacked US bases at al-Tanf and Rmelan on Tuesday, officials said.")
    assert sorted(e.location.country for e in evs) == ["SY", "SY"]
    assert len({e.location.gazetteer_id for e in evs}) == 2
    assert all(e.date == date(2024, 3, 5) for e in evs)


def test_two_acts_in_one_sentence_are_read_apart():
    from tallylog.extract.context import DocContext
    from tallylog.extract.dates import find_dates
    from tallylog.extract.attribution import attribute
    from tallylog.extract.events import MentionFinder
    from tallylog.extract.sentences import split_sentences
    from tallylog.geo import get_geocoder
    from tallylog.model import Report

    text = "Forces kill militants\n\nTroops killed 50 militants in airstrikes on Wednesday after ending a hotel siege in Beledweyne on Tuesday."
    report = Report(text=text, published=date(2024, 1, 4))
    ctx = DocContext(report, split_sentences(text), get_geocoder().geoparse(text), find_dates(text, report.published))
    mentions, _ = MentionFinder(ctx, [attribute(s.text) for s in ctx.sentences]).find()
    assert [m.sub for m in mentions] == ["Air/drone strike", "Attack"]
    assert mentions[0].killed == 50 and mentions[1].place.name and mentions[1].killed is None


def test_a_country_that_is_also_a_given_name_is_still_a_place():
    [e] = events("Drone attack\n\nA drone attack killed three US soldiers at a base in Jordan on Sunday.")
    assert e.location.country == "JO" and e.kind == "attack_on_us_forces" and e.fatalities == 3


def test_victims_in_the_passive_are_not_perpetrators():
    [e] = events("Attack\n\nThree US soldiers were killed when a drone struck Tower 22 in Jordan on Sunday.")
    assert e.actor1 != "US forces" and e.kind == "attack_on_us_forces"


def test_a_sentence_without_a_place_continues_the_previous_one():
    evs = events("Town attacked\n\nMilitants have long attacked hotels in Beledweyne. The deadliest attack, in 2009, killed "
                 "at least 25 people.", published="2025-03-12")
    assert len(evs) == 1
    e = evs[0]
    assert e.location.country == "SO" and e.location.geo_precision == 2
    assert e.date == date(2009, 1, 1) and e.date_precision == "year" and e.fatalities == 25


def test_a_denied_attack_is_kept_as_denied():
    [e] = events("Denial\n\nA US defense official said no attack took place at Rmelan in northeastern Syria on Wednesday.")
    assert e.status == "denied" and e.location.country == "SY" and e.date == date(2024, 3, 6)


def test_a_day_carries_to_the_next_sentences_of_the_story():
    evs = events("Strikes\n\nUS jets struck targets near al-Qaim in Iraq on Friday. In Syria, strikes near "
                 "Albu Kamal killed at least 23 fighters, a monitor said.")
    assert len(evs) == 2
    assert all(e.date == date(2024, 3, 1) for e in evs)


def test_a_possessive_day_dates_the_attack_it_names():
    [e] = events("Barrage\n\nSaturday's ballistic missile and rocket attack on Ain al-Asad air base wounded four.")
    assert e.date == date(2024, 3, 2)


def test_abducted_from_a_place_and_an_unknown_village_within_its_state():
    [e] = events("Schoolgirls taken\n\nGunmen abducted 80 pupils from the village of Kuriga in Kaduna State on "
                 "Thursday, police said.")
    assert e.sub_event_type == "Abduction/forced disappearance"
    assert e.location.text == "Kuriga" and e.location.country == "NG"
    assert e.location.latitude is not None and e.location.geo_precision == 2


def test_perpetrator_inside_the_trigger_and_speakers_are_not_targets():
    [e] = events("Strike\n\nAt least 12 people were killed when Russian missiles struck an apartment building in "
                 "Dnipro on Friday, Ukrainian officials said.")
    assert e.actor1 == "Russian forces" and e.location.country == "UA" and e.fatalities == 12
    [g] = events("Raid\n\nGunmen killed 15 villagers in an attack in Plateau state late Sunday, police said.")
    assert g.actor1 == "gunmen" and g.actor2 == "villagers"


def test_headline_passives_claims_in_the_present_and_us_jets():
    [a] = events("Three US soldiers killed in drone attack on base in Jordan\n\nA drone struck Tower 22 in Jordan on Sunday.")
    assert a.actor1 is None and a.kind == "attack_on_us_forces"
    [b] = events("Claim\n\nThe Islamic Resistance in Iraq says it struck the US base at Rmelan in Syria on Wednesday.")
    assert b.actor1 == "Islamic Resistance in Iraq" and b.status == "claimed"
    [c] = events("Strikes\n\nUS fighter jets struck militia sites near al-Qaim in Iraq on Tuesday.")
    assert c.actor1 == "US forces" and c.kind == "us_strike"


def test_a_weeks_toll_said_on_a_given_day_is_not_an_incident():
    evs = events("Bombing\n\nA car bomb killed 63 people in Kabul on Saturday. The army chief said on Sunday his "
                 "forces had killed and injured 1,000 militants in the past week.")
    assert len(evs) == 1 and evs[0].fatalities == 63 and evs[0].injured is None
