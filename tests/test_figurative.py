"""Words of violence used of something else, and accidents and disasters told like attacks, are no incidents; the
same words in reports of real attacks still are."""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract


def _events(text: str, published: str = "2025-01-16"):
    return extract(text, published=published).events


@pytest.mark.parametrize("text", [
    "Holders bombed out of the cup\n\nWREXHAM, Wales - Wrexham knocked the holders out of the cup on Wednesday night, "
    "winning a penalty shoot-out 5-4 after a 2-2 draw. It was the third time in four seasons that the holders have "
    "bombed out at the first hurdle.",
    "LOS ANGELES - The $210 million war epic bombed at the North American box office over the weekend, taking in "
    "$9 million.",
    "ROTTERDAM - A ransomware attack hit the port's booking systems on Monday, and the chief executive came under fire "
    "over the company's security.",
    "BHARUCH, India - An explosion at a chemical plant in the Dahej industrial estate killed five workers and injured 17 "
    "on Tuesday. Residents said the explosion shook their windows.",
    "DHAKA, Bangladesh - Dengue fever killed 14 more people in Bangladesh in the 24 hours to Tuesday morning, the "
    "health directorate said.",
    "IBADAN, Nigeria - Twelve people were killed and 20 injured when a passenger bus collided head-on with a fuel tanker "
    "on the Lagos-Ibadan expressway early on Sunday. In a separate incident on Saturday, the collapse of a bridge near "
    "Ogbomoso killed two motorcyclists.",
    "TUGUEGARAO, Philippines - A typhoon that battered the northern Philippines on Tuesday killed at least three people, "
    "among them two soldiers. Seven people were injured, most of them struck by flying debris.",
])
def test_no_incident(text):
    assert _events(text) == []


@pytest.mark.parametrize("text, sub", [
    ("KABUL (Reuters) - A bomb blast at a factory in Kabul killed five workers on Tuesday, police said.",
     "Remote explosive/landmine/IED"),
    ("MANDERA, Kenya (VOA) - Aid agencies are struggling to reach people cut off by flooding, where attacks by militants "
     "have made roads dangerous. On Saturday, a roadside bomb struck a vehicle carrying police reservists near Mandera, "
     "killing two of them.", "Remote explosive/landmine/IED"),
    ("MOGADISHU - Gunmen killed two players in a shoot-out with police outside the stadium on Sunday, police said.",
     None),
])
def test_real_attacks_beside_such_words_stay(text, sub):
    events = _events(text)
    assert events
    if sub is not None:
        assert events[0].sub_event_type == sub


@pytest.mark.parametrize("text", [
    "COLOGNE, Germany, June 4 - Around 20,000 residents of Cologne's old town were evacuated on Wednesday while bomb "
    "disposal experts defused three unexploded Second World War bombs found on a building site.",
    "HAIFA, Israel, May 16 - Air raid sirens that sounded across Haifa on Tuesday morning were part of a nationwide "
    "home front drill and not a rocket alert, the military said.",
])
def test_old_ordnance_and_drills_are_no_incidents(text):
    assert _events(text, "2025-06-04") == []


def test_a_bomb_of_today_defused_is_still_disrupted_weapons_use():
    events = _events("KABUL - Police defused a roadside bomb planted near a school in Kabul on Tuesday, officials said.",
                     "2025-06-04")
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


@pytest.mark.parametrize("text", [
    "Fact check: 'massive explosion in Aleppo tonight' video is old\n\nThe video circulating with the caption "
    "'massive explosion in Aleppo tonight' is OLD, a fact-checking group said.",
    "HAIFA - The Home Front Command is running a nationwide exercise simulating a heavy rocket barrage from Lebanon "
    "on Tuesday.",
])
def test_old_footage_and_exercises_tell_no_act(text):
    assert _events(text, "2025-03-20") == []
