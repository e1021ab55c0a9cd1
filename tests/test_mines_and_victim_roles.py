"""Two patterns of news language about roadside explosions and their victims.

1. A vehicle that "struck a mine", "hit a mine", "ran over an anti-tank mine", or a "mine blast", is an
   explosion of a mine (Remote explosive/landmine/IED, weapon ``ied``), not an air strike or a clash; the
   word "mine" elsewhere ("hit the mine's output", "a mine worker") is not a weapon.
2. Victims named one by one by their role or job ("the driver and his assistant", "a district administrator
   and his bodyguard") count one each.
"""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract


@pytest.mark.parametrize("act", ["struck a mine", "hit a mine", "ran over an anti-tank mine", "drove over a buried mine",
                                 "hit a roadside mine"])
def test_a_vehicle_that_strikes_a_mine_is_an_explosion(act):
    ex = extract(f"An army truck {act} near Gao on Sunday, killing three soldiers, a military source said.",
                 published="2025-04-08")
    assert len(ex.events) == 1
    ev = ex.events[0]
    assert ev.sub_event_type == "Remote explosive/landmine/IED" and ev.weapons == ["ied"]
    assert ev.fatalities == 3 and str(ev.date) == "2025-04-06"


def test_a_mine_blast_is_an_explosion():
    ex = extract("A mine blast on the road to Menaka killed two herders on Sunday, residents said.",
                 published="2025-04-08")
    assert [e.sub_event_type for e in ex.events] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("sentence", [
    "Gold prices hit the mine's output in Siguiri on Sunday, the company said.",
    "The company said a mine worker in Siguiri was promoted on Sunday.",
])
def test_mine_as_a_workplace_is_not_a_weapon(sentence):
    ex = extract(sentence, published="2025-04-08")
    assert not any("ied" in e.weapons for e in ex.events)


@pytest.mark.parametrize("victims, toll", [
    ("the driver and his assistant", 2),
    ("a district administrator and his bodyguard", 2),
    ("a school principal, his secretary and a cook", 3),
    ("the mayor's aide and two escorts", 3),
])
def test_victims_named_by_role_count_one_each(victims, toll):
    ex = extract(f"Gunmen on motorcycles opened fire on a car near Kaduna on Friday, killing {victims}, police said.",
                 published="2025-04-08")
    assert len(ex.events) == 1 and ex.events[0].fatalities == toll


def test_bombs_that_fell_are_dropped_from_the_air():
    ex = extract("Warplanes struck a rebel camp near Kidal on Monday; the bombs fell on an empty hillside, the rebels "
                 "said.", published="2025-04-08")
    assert [(e.sub_event_type, e.weapons) for e in ex.events] == [("Air/drone strike", ["airstrike"])]
