"""Two patterns of news language about one incident.

1. An assault and the ground fight it set off ("stormed a base, sparking hours of fighting that left 17 dead")
   are one incident with the fight's toll; a strike from the air and the clashes after it, or an attack and the
   air strikes it prompted, stay two acts.
2. One victim named by role after a verb of killing by hand ("hacked to death a village chief", "stabbed a
   teacher to death", "beheaded a pastor") is a toll of one.
"""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract


@pytest.mark.parametrize("fight", ["fighting", "hours of fighting", "hours of heavy fighting", "a gunbattle",
                                   "clashes", "a firefight"])
def test_assault_and_the_fight_it_set_off_are_one_incident(fight):
    ex = extract(f"Militants stormed a military base near Jowhar early Tuesday, sparking {fight} that left at least "
                 "17 dead, officials said.", published="2025-03-12")
    assert len(ex.events) == 1
    ev = ex.events[0]
    assert ev.fatalities == 17 and ev.sub_event_type == "Armed clash" and str(ev.date) == "2025-03-11"


def test_air_strike_and_the_clashes_after_it_stay_apart():
    ex = extract("Russian jets bombed a village near Idlib on Monday, sparking clashes that left six dead.",
                 published="2025-03-12")
    air = [e for e in ex.events if e.sub_event_type == "Air/drone strike"]
    assert air and air[0].fatalities is None


def test_attack_and_the_strikes_it_prompted_stay_apart():
    ex = extract("Twelve soldiers were killed in an ambush near Palmyra in Syria on Monday, prompting Russian "
                 "airstrikes.", published="2025-03-12")
    ambush = [e for e in ex.events if e.fatalities == 12]
    assert ambush and ambush[0].sub_event_type != "Air/drone strike"


@pytest.mark.parametrize("sentence", [
    "Unknown assailants hacked to death a village chief in Ituri province overnight, a civil society leader said.",
    "Gunmen hacked a farmer to death in Jos on Monday night, police said.",
    "Attackers stabbed a teacher to death outside a school in Jos on Monday night, police said.",
    "Militants beheaded a pastor in a village near Jos on Monday night, police said.",
])
def test_one_victim_killed_by_hand(sentence):
    ex = extract(sentence, published="2025-03-12")
    assert len(ex.events) == 1 and ex.events[0].fatalities == 1
