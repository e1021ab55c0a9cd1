"""Past incidents a story recalls in passing (anniversaries, trials, profiles, policy stories), on sentences
written here in the patterns of news language, and what must stay a non-incident beside them."""
from __future__ import annotations

from datetime import date

import pytest

from tallylog import extract
from tallylog.extract.dates import find_dates


def events(text: str, published: str = "2025-05-22"):
    return extract(text, published=published).events


def near(e, name: str) -> bool:
    return e.location is not None and (e.location.name or "").lower().startswith(name.lower())


def one_at(evs, name: str):
    found = [e for e in evs if near(e, name)]
    assert len(found) == 1, [(e.location.name if e.location else None, e.date) for e in evs]
    return found[0]


# --- dates counted back from publication -------------------------------------------------------------

@pytest.mark.parametrize("text, expected, precision", [
    ("Mourners gathered on Thursday to mark five years since gunmen attacked the hotel.", date(2020, 5, 22), "day"),
    ("The law took effect six years to the day after a bomber struck the arena.", date(2019, 5, 22), "day"),
    ("Three years ago this week, a gunman opened fire at a school.", date(2022, 5, 16), "week"),
    ("It has been four years since the siege ended.", date(2021, 1, 1), "year"),
    ("Seven years after fighters overran the city, the market has reopened.", date(2018, 1, 1), "year"),
])
def test_years_counted_back_from_publication(text, expected, precision):
    [d] = [d for d in find_dates(text, date(2025, 5, 22)) if "year" in d.text.lower()]
    assert (d.date, d.precision) == (expected, precision)


def test_years_after_inside_a_narrative_do_not_count_from_publication():
    # "two years after joining" counts from the joining, told elsewhere, not from the story's day
    assert find_dates("He joined the police in 1978 and was promoted two years after joining.", date(2025, 5, 22)) \
        == [d for d in find_dates("He joined the police in 1978 and was promoted two years after joining.",
                                  date(2025, 5, 22)) if "1978" in d.text]


def test_anniversary_dates_the_recalled_attack():
    [e] = events("Town remembers school attack\n\nHundreds gathered in Garissa on Thursday to mark seven years since "
                 "gunmen stormed a boarding school in the town, killing 36 pupils.")
    assert e.date == date(2018, 5, 22) and near(e, "Garissa")


# --- where a recalled incident happened --------------------------------------------------------------

def test_words_between_a_place_and_police_that_tell_the_act_do_not_make_it_the_police_s_name():
    evs = events("In 2019, a car bomb near Kismayo killed nine police officers at a checkpoint.")
    e = one_at(evs, "Kismayo")
    assert e.date == date(2019, 1, 1) and e.fatalities == 9


def test_a_place_naming_the_act_itself_comes_before_a_place_of_the_story():
    [e] = events("A judge who tried suspects in the 2016 Ankara bombings died on Monday at her home in Istanbul.")
    assert near(e, "Ankara") and e.date == date(2016, 1, 1)


def test_a_relative_where_clause_tells_an_act_at_the_place_it_hangs_on():
    evs = events("Officials said the resort should learn from Sousse, where a gunman killed 38 tourists on a beach "
                 "in 2015, and where hotels have long hired armed guards.")
    e = one_at(evs, "Sousse")
    assert e.date == date(2015, 1, 1) and e.fatalities == 38


def test_a_when_clause_happened_where_its_leading_clause_is():
    evs = events("She was in Kampala in July 2010 when bombers attacked fans watching the World Cup final, "
                 "killing 74 people.")
    e = one_at(evs, "Kampala")
    assert e.date == date(2010, 7, 1) and e.fatalities == 74


def test_a_when_clause_with_a_place_of_its_own_is_not_placed_by_the_clause_before():
    evs = events("Work at the port in Mombasa was halted in 2014 when militants overran a nearby town.")
    assert not any(near(e, "Mombasa") for e in evs)


def test_the_subject_of_a_verb_of_undergoing_places_the_next_sentence():
    evs = events("Kabul has suffered some of the deadliest attacks in the region. In May 2021, a car bomb outside "
                 "a girls' school killed 85 people.", published="2025-06-01")
    e = one_at(evs, "Kabul")
    assert e.date == date(2021, 5, 1)


# --- when a recalled incident happened ---------------------------------------------------------------

def test_a_past_dated_act_is_told_whatever_future_governs_it():
    evs = events("The ministry said it would publish its inquiry into the October 2020 suicide bombing in Kabul.")
    e = one_at(evs, "Kabul")
    assert e.date == date(2020, 10, 1) and e.sub_event_type == "Suicide bomb"


def test_the_most_precise_date_said_of_one_incident_wins():
    evs = events("Inquiry reopens into 2020 Kabul bombing\n\nThe government said on Tuesday it had reopened its "
                 "inquiry into the October 2020 suicide bombing at a school in Kabul, which killed 24 students.",
                 published="2025-06-03")
    e = one_at(evs, "Kabul")
    assert e.date == date(2020, 10, 1) and e.date_precision == "month"


def test_a_month_without_a_year_goes_on_in_the_narrative_year():
    evs = events("In March 2019 a gunman attacked two mosques in Christchurch, killing 51 people. In August, a "
                 "gunman opened fire at a store in El Paso, killing 23.")
    assert one_at(evs, "El Paso").date == date(2019, 8, 1)


def test_a_month_of_the_publication_year_stays_in_it():
    evs = events("In January 2023, a missile killed 46 people in Dnipro. In April, a missile attack on Sumy killed "
                 "35 people.")
    assert one_at(evs, "Sumy").date == date(2025, 4, 1)


def test_a_when_clause_after_since_is_the_act_the_date_names():
    evs = events("Security has been tight in the capital since the July 2016 attack, when gunmen stormed a cafe in "
                 "Dhaka, killing 22 people.", published="2025-07-01")
    e = one_at(evs, "Dhaka")
    assert e.date == date(2016, 7, 1) and e.fatalities == 22


def test_a_year_dates_the_act_a_when_clause_tells():
    evs = events("The country's deadliest attack came in 2019, when suicide bombers struck three churches in "
                 "Negombo, killing 100 people.", published="2025-07-01")
    assert any(e.date == date(2019, 1, 1) and e.fatalities == 100 for e in evs)


def test_an_act_in_an_after_clause_is_one_incident_beside_a_habit():
    evs = events("The festival was cancelled last year after militants killed 11 soldiers in an ambush near Diffa "
                 "in May 2024, and it has not been held since 2019.", published="2025-07-01")
    e = one_at(evs, "Diffa")
    assert e.date == date(2024, 5, 1) and e.fatalities == 11


def test_a_named_act_among_many_is_one_incident():
    evs = events("The group has justified its attacks by the deployment, among them the Kongowea market attack in "
                 "Mombasa in June 2018, in which 12 people died.")
    e = one_at(evs, "Mombasa")
    assert e.date == date(2018, 6, 1)


def test_years_later_count_from_a_month_told_before():
    evs = events("In October 2000, suicide bombers in a small boat blew a hole in a destroyer in Aden harbour. "
                 "Two years later, a boat rammed a French tanker off Mukalla, killing one sailor.")
    assert one_at(evs, "Mukalla").date == date(2002, 1, 1)


def test_a_definite_act_placed_and_dated_anew_is_not_the_one_just_told():
    evs = events("A man armed with a knife wounded two officers outside a station in Marseille last month. "
                 "Protesters held placards recalling the massacre at a church in Owo in June 2022.")
    assert one_at(evs, "Owo").date == date(2022, 6, 1)


# --- kinds of act ------------------------------------------------------------------------------------

def test_ramming_and_blade_attacks():
    evs = events("In December 2016 a man drove a truck into a crowd at a Christmas market in Berlin, killing 12 "
                 "people. Last week, a man with a knife killed two people in the streets of Marseille.")
    assert one_at(evs, "Berlin").fatalities == 12
    assert one_at(evs, "Marseille").fatalities == 2


# --- what stays a non-incident -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The two candidates clashed over taxes in a televised debate in Nairobi on Tuesday.",
    "The militants have threatened to attack polling stations in Mogadishu during the vote.",
    "Police arrested three suspects in Mombasa on Monday; no shots were fired.",
    "The opposition leader launched a blistering attack on the government's budget in Lagos on Monday.",
    "The striker attacked the goal all afternoon as the home side won 3-1 in Nairobi on Sunday.",
    "Hundreds gathered in Garissa on Wednesday for a memorial service for the victims.",
])
def test_non_incidents(text):
    assert events(text) == []
