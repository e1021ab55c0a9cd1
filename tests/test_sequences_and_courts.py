"""Patterns of hard news that tells several acts in sequence, and acts named by courts.

1. "The next day, fighters ambushed a truck near Beni" after an attack near Beni is another incident, a day
   later, even at the same place.
2. A month told after a sentence that names an old year but comes back to the present ("pledged allegiance in
   2019, has killed 700 civilians since June. In October, ...") is this year's month, not that year's.
3. Acts a court names ("sentenced 11 members to death for their part in attacks in 2024") and the death penalty
   ("has not carried out an execution in two decades") are no incidents.
4. "The race was held three weeks after gunmen burst into a pool hall": a clause of the story's present with no
   day of its own counts back from the day the lede names.
"""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract


def test_the_next_day_at_the_same_place_is_another_incident():
    ex = extract("BENI, Congo (AP) - Rebels killed at least 12 people in an attack on a village outside Beni late on "
                 "Sunday, the army said on Tuesday.\n\nThe next day, suspected rebels ambushed a truck carrying "
                 "traders near Beni, killing four people, a local official said.", published="2026-01-20")
    got = sorted((str(e.date), e.fatalities) for e in ex.events)
    assert got == [("2026-01-18", 12), ("2026-01-19", 4)]


def test_a_month_after_a_sentence_back_in_the_present_is_this_years():
    ex = extract("The group, which pledged allegiance to the Islamic State in 2019, has killed more than 700 civilians "
                 "in the region since June, a monitor said. In October, its fighters attacked a hospital in Oicha, "
                 "killing 17 patients.", published="2026-01-20")
    oicha = [e for e in ex.events if e.fatalities == 17]
    assert oicha and str(oicha[0].date) == "2025-10-01" and oicha[0].date_precision == "month"


def test_a_month_after_a_year_told_stays_in_that_year():
    ex = extract("The group pledged allegiance to the Islamic State in 2019. In October, its fighters attacked a "
                 "hospital in Oicha, killing 17 patients.", published="2026-01-20")
    oicha = [e for e in ex.events if e.fatalities == 17]
    assert oicha and str(oicha[0].date) == "2019-10-01"


@pytest.mark.parametrize("sentence", [
    "On Friday, a military court in Beni sentenced 11 rebels to death for their part in attacks in 2024.",
    "A court in Beni on Friday convicted four men of bombings in 2023.",
    "Congo has not carried out an execution in Beni in more than two decades, officials said on Friday.",
])
def test_acts_named_by_a_court_are_no_incidents(sentence):
    assert extract(sentence, published="2026-01-20").events == []


def test_a_court_told_killing_still_counts_when_told_as_an_act():
    ex = extract("Gunmen killed four traders near Beni on Friday, hours before a court sentenced two rebels to death.",
                 published="2026-01-20")
    assert [e.fatalities for e in ex.events] == [4]


def test_counted_back_from_the_ledes_day():
    ex = extract("MACHALA, Ecuador (Reuters) - Voters in Ecuador's coastal provinces chose local authorities on Sunday "
                 "under the eyes of soldiers.\n\nIn Machala, the city's most closely watched race was held three weeks "
                 "after gunmen burst into a pool hall and opened fire, killing seven men.", published="2026-02-10")
    assert [(str(e.date), e.fatalities) for e in ex.events] == [("2026-01-18", 7)]


def test_a_vague_toll_of_one_dated_act_is_an_incident():
    ex = extract("In April, RSF fighters overran the Abu Shouk camp north of El Fasher, killing hundreds of people and "
                 "forcing hundreds of thousands to flee.", published="2025-07-14")
    assert [str(e.date) for e in ex.events] == ["2025-04-01"]


def test_vague_tolls_of_many_acts_stay_a_tally():
    ex = extract("In April, RSF attacks on camps around El Fasher killed hundreds of people and forced hundreds of "
                 "thousands to flee.", published="2025-07-14")
    assert ex.events == []


@pytest.mark.parametrize("sentence", [
    "In Sanaa on Friday, thousands of Houthi supporters rallied against the US and British strikes on Yemen.",
    "In Kano on Friday, hundreds of students marched in protest against the killings of farmers.",
])
def test_acts_rallied_against_are_no_incidents(sentence):
    assert extract(sentence, published="2024-03-16").events == []
