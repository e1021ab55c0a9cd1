"""Casualty figures of extracted events, on sentences written here in the patterns of news language:
victims told as lists, breakdowns never added, ranges and revised tolls, totals over several acts, figures
added in later sentences, attempts and attackers' deaths that are not victims."""
from __future__ import annotations

from tallylog import extract
from tallylog.extract.casualties import also, over_acts, victims


def events(text: str, published: str | None = "2024-03-07"):
    return extract(text, published=published).events


def one(text: str):
    evs = events(text)
    assert len(evs) == 1, [e.evidence[0].text for e in evs]
    return evs[0]


def figure(s: str, kind: str = "killed") -> int | None:
    f = victims(s, kind)
    return f.value if f is not None else None


# --- lists of victims ------------------------------------------------------------------------------------

def test_a_person_named_in_the_singular_counts_one_and_numbers_add_up():
    e = one("Bus attack\n\nGunmen ambushed a minibus near Garoua on Tuesday, killing a teacher and seven other "
            "passengers, police said.")
    assert e.fatalities == 8


def test_singular_victims_of_killing_and_wounding():
    e = one("Elder killed\n\nGunmen shot dead a village elder outside his home near Kidal on Monday, wounding his son "
            "and a neighbour, residents said.")
    assert (e.fatalities, e.injured) == (1, 2)


def test_victims_told_as_the_subject_are_added_attackers_in_the_same_toll_included():
    e = one("Post attacked\n\nFighters attacked a police post in Mopti on Sunday; four policemen and at least three "
            "attackers were killed in the exchange of fire, the governor said.")
    assert e.fatalities == 7


def test_lists_read_by_the_victims_reader():
    assert figure("A shell hit a house, killing a woman and her two daughters.") == 3
    assert figure("Troops killed the rebel commander, Jean Mbala, and five of his men.") == 6
    assert figure("Two nurses, a driver and three patients were killed in the strike.") == 6
    assert figure("There were six women, a teenage boy and two men injured.", "injured") == 9
    assert figure("A drone hit the car, killing a driver and wounding another.", "injured") == 1
    assert figure("The airstrike killed 12 U.S. service members and about 60 Iraqis.") == 72


def test_a_number_standing_for_people_already_named():
    assert figure("The device went off as they planted it, killing the three instantly.") == 3


def test_one_person_told_as_the_subject_anywhere_in_the_sentence():
    assert figure("Late on Tuesday night a ranger was wounded when gunmen fired on a checkpoint.", "injured") == 1
    assert figure("A driver who tried to flee was shot dead.") == 1
    assert figure("Her driver, Peter Lado, was also killed.") == 1
    # a share of the dead is not a person
    assert figure("Most victims were killed by gangs, but about a third died in police operations.") is None


def test_a_named_victim_with_an_age_or_a_description():
    assert figure("Omar Haidari, 34, died in hospital on Sunday.") == 1
    assert figure("Lina Haddad, a nurse at the camp clinic, was killed when the shell landed.") == 1


# --- what is never added -------------------------------------------------------------------------------

def test_a_breakdown_is_not_added():
    assert figure("The blast killed 14 people, including six children, officials said.") == 14
    assert figure("Twelve people were killed, among them three police officers.") == 12
    assert figure("Gunmen killed nine villagers, five of them women, before dawn.") == 9
    e = one("Market shelled\n\nShells struck a market in Kadugli on Monday, killing at least 14 people, including "
            "four children, according to local authorities.")
    assert e.fatalities == 14


def test_a_breakdown_between_a_list_and_its_verb_is_not_a_victim():
    assert figure("A priest said five civilians, among them an elderly man, were shot dead.") == 5
    assert figure("Officials said seven villagers, four of them children, were killed.") == 7


def test_other_numbers_in_a_list_are_not_people():
    assert figure("The strike killed two brothers aged 9 and 13.") == 2
    assert figure("The raid killed four fighters and destroyed two trucks.") == 4


def test_an_attempt_has_no_victim():
    assert figure("He told the court he had tried to kill a police officer in 2021.") is None
    assert figure("Prosecutors say the cell plotted to kill a judge.") is None


def test_attackers_killed_in_the_response_are_not_victims():
    e = one("Police post attacked\n\nMilitants attacked a police post in Bannu on Monday, killing four policemen. "
            "Security forces killed all three attackers after a two-hour gunfight, officials said.")
    assert e.fatalities == 4
    assert also("The bomber was also killed.") == ()


# --- ranges and revised tolls ---------------------------------------------------------------------------

def test_a_range_is_its_lowest_figure():
    assert figure("Residents said eight or nine soldiers died in the ambush.") == 8
    e = one("Town attacked\n\nThe UN said on Thursday that between 20 and 25 people were killed when gunmen attacked "
            "the town of Djibo on Monday.")
    assert e.fatalities == 20


def test_a_revised_toll_is_not_the_incidents():
    e = one("Market bombing\n\nAfter initial estimates of a death toll of 11, officials said at least 17 people were "
            "killed when a car bomb exploded at a cattle market in Baidoa on Thursday.")
    assert e.fatalities == 17


def test_a_toll_rising_is_not_a_range():
    e = one("Toll rises\n\nA car bomb exploded at a market in Baidoa on Thursday, killing 11 people. The death toll "
            "rose from 11 to 17 on Friday, officials said.")
    assert e.fatalities == 17


# --- totals over several acts, and figures added later -----------------------------------------------------

def test_a_total_over_several_acts_gives_way_to_the_incidents_own_toll():
    assert over_acts("Bandits kill at least 40 across north-western Nigeria")
    assert over_acts("Security forces killed 11 militants in two separate engagements")
    assert not over_acts("Gunmen killed five people in Kano on Monday.")
    evs = events("Security forces killed 11 militants in two separate engagements in Khyber Pakhtunkhwa, the army said "
                 "on Tuesday.\n\nOn Monday, troops raided a hideout in Datta Khel in North Waziristan, and seven "
                 "militants were killed in the exchange of fire.")
    raid = [e for e in evs if any("Datta Khel" in s.text for s in e.evidence)]
    assert raid and raid[0].fatalities == 7


def test_a_figure_told_as_added_is_added():
    e = one("Aid worker killed\n\nGunmen ambushed an aid convoy near Yei on Saturday, killing a nurse, the charity "
            "said. Her driver, Peter Lado, was also killed.")
    assert e.fatalities == 2
    assert also("Three other people were killed and at least 12 wounded.") == ("killed",)


def test_a_denial_of_casualties_gives_way_to_a_figure_reported():
    e = one("Bakery blast\n\nA parcel bomb exploded outside a bakery in Lyon on Friday evening. \"It appears there are "
            "no casualties,\" the mayor said. Two women and a boy were injured by the blast, police said later.")
    assert e.injured == 3


def test_no_one_hurt_is_zero():
    e = one("Pylons bombed\n\nA bomb exploded at an electricity pylon near Lleida on Sunday. No one is hurt.")
    assert e.injured == 0
