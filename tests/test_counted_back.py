"""An act told after a count of time from a dated clause that tells no act of its own is the incident, dated back
from that clause's day: "The ombudsman presented a report on Thursday, a week after the killing of five farmers
near Tumaco" is a killing a week before that Thursday. Where the clause before tells the act ("gunmen shot dead a
headman two days after the bombing"), it keeps its own day."""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract

PUB = "2025-03-12"  # a Wednesday


@pytest.mark.parametrize("text, day", [
    ("The ombudsman presented a report to Congress on Thursday, a week after the killing of five farmers in a "
     "rural area outside Tumaco.", "2025-02-27"),
    ("The race was held on Sunday, three weeks after gunmen burst into a pool hall in Machala and opened fire, "
     "killing seven men.", "2025-02-16"),
    ("Voters went to the polls on Sunday, two days after a grenade attack on a campaign office in Cotabato City "
     "wounded two people.", "2025-03-07"),
])
def test_the_act_after_the_count_is_dated_back(text, day):
    ex = extract(text, published=PUB)
    assert [str(e.date) for e in ex.events] == [day]


def test_a_clause_that_tells_the_act_keeps_its_day():
    ex = extract("Gunmen shot dead a village headman in Yala on Sunday, two days after the bombing of a market in "
                 "Pattani.", published=PUB)
    assert "2025-03-09" in [str(e.date) for e in ex.events]


def test_a_when_clause_tells_the_act_named_before_it():
    """"the shooting of tourists at a meadow near Pahalgam in April, when gunmen killed 26 people": one incident,
    with the clause's toll; "The weekend assault began on Saturday, when a car bomb exploded" is left as it was
    (no place before the date)."""
    ex = extract("Many in the trade date the slump to the shooting of tourists at a meadow near Pahalgam in April, "
                 "when gunmen killed 26 people, most of them visitors from other Indian states.",
                 published="2025-10-02")
    assert [(e.location.name, e.fatalities) for e in ex.events] == [("Pahalgam", 26)]


def test_the_following_week_at_another_place_is_another_incident():
    ex = extract("A grenade was hurled at a police vehicle in Srinagar on Sept. 14, wounding four policemen. Two "
                 "suspected militants and a soldier were killed the following week in a gunfight in an orchard near "
                 "Shopian, the army said.", published="2025-10-02")
    got = sorted((e.location.name, str(e.date), e.fatalities) for e in ex.events)
    assert got == [("Shopian", "2025-09-15", 3), ("Srinagar", "2025-09-14", None)]


def test_counted_back_from_the_day_it_was_said():
    ex = extract("BOGOTA, Colombia (AP) - The ombudsman warned on Thursday that armed groups fighting over coca routes are "
                 "turning rural communities into \"hostages of the war,\" presenting a report a week after the killing of "
                 "five farmers outside Tumaco.", published=PUB)
    assert [(str(e.date), e.fatalities, e.sub_event_type) for e in ex.events] == [("2025-02-27", 5, "Attack")]


@pytest.mark.parametrize("text", ["communities held \"hostages of the war\"", "groups that hold the southwest 'hostage'",
                                  "armed groups fighting over coca routes"])
def test_figures_of_speech_tell_no_act(text):
    from tallylog.extract.events import find_triggers
    assert find_triggers(text) == []


def test_the_next_morning_told_after_the_act_goes_on_about_it():
    ex = extract("Gunmen abducted five farmers from a house near Tumaco on Monday, and their bodies were found beside a "
                 "river the next morning, police said.", published=PUB)
    assert len(ex.events) == 1
