"""A headline that joins two stories, and a lede told as the latest of a series.

1. "Jihadists kill 19 in night raid on Borno village; dozens abducted in Zamfara": a semicolon between two acts,
   each with places of its own, joins two stories; the raid is not the abduction.
2. "... killed at least 19 people in a night raid on a village near Gwoza ..., the latest in a string of attacks"
   tells one act, the series named only around it.
3. A sentence that goes on about the incident just told again (the lede's raid) joins it, not another incident
   the headline told after it; an incident's day told in a mention's own sentence comes before one carried to it
   from another sentence.
"""
from __future__ import annotations

from tallylog.pipeline import extract

STORY = ("Gunmen kill 14 in raid on Plateau village; dozens abducted in Katsina\n\n"
         "JOS, Nigeria (Reuters) - Gunmen killed at least 14 people in a night raid on a farming village near Bokkos "
         "in Nigeria's Plateau state, residents said on Monday, the latest in a string of attacks that have driven "
         "farmers from their fields.\n\n"
         "The attackers arrived on motorcycles late on Saturday, shooting at men who tried to flee, a community "
         "leader said.\n\n"
         "The violence came days after gunmen abducted about 40 villagers in Katsina state's Funtua area on "
         "Wednesday, police said.")


def test_the_raid_is_its_own_incident_near_the_town():
    ex = extract(STORY, published="2025-11-17")
    raid = [e for e in ex.events if e.fatalities == 14]
    assert len(raid) == 1
    assert raid[0].location.name == "Bokkos" and raid[0].sub_event_type == "Attack"
    assert str(raid[0].date) == "2025-11-15"


def test_the_abduction_is_not_the_raid():
    ex = extract(STORY, published="2025-11-17")
    abductions = [e for e in ex.events if e.sub_event_type == "Abduction/forced disappearance"]
    assert abductions and all(e.fatalities in (None, 0) for e in abductions)
    assert all(e.location is None or e.location.admin1 != "Plateau" for e in abductions)
    # its day is the one its own sentence tells, not the lede's carried to the headline
    assert [str(e.date) for e in abductions] == ["2025-11-12"]


def test_a_superlatives_reach_is_no_period_of_a_count():
    ex = extract("NIAMEY, Niger (VOA) - Suspected jihadist fighters killed at least 22 soldiers in an assault on an army "
                 "post near Tera in the western Tillaberi region, the defense ministry said Wednesday, in one of the "
                 "deadliest attacks on the military this year.", published="2025-10-09")
    assert [(e.location.name, e.fatalities) for e in ex.events] == [("Téra", 22)]


def test_a_years_toll_stays_a_count():
    ex = extract("Jihadist fighters have killed at least 220 soldiers in attacks in the Tillaberi region this year, the "
                 "defense ministry said Wednesday.", published="2025-10-09")
    assert ex.events == []
