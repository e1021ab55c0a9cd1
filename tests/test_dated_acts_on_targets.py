"""Attacks told by what they hit, at named places on one day, are incidents as well as a count: "Coordinated
attacks on police stations in Bujumbura and Gitega on Monday left nine officers dead" is an incident at each town
(the toll over both stays a count: which town lost how many the text does not say); the same words over a period
("since January") are a count only."""
from __future__ import annotations

from tallylog.pipeline import extract

PUB = "2025-03-12"


def test_attacks_on_targets_at_two_towns_on_one_day():
    ex = extract("Gunmen struck across the country.\n\nCoordinated attacks on police stations in Bujumbura and "
                 "Gitega on Monday left nine officers dead.", published=PUB)
    assert sorted((e.location.name, str(e.date)) for e in ex.events) == [("Bujumbura", "2025-03-10"),
                                                                         ("Gitega", "2025-03-10")]
    assert all(e.fatalities is None for e in ex.events)
    assert [(c.value, c.unit) for c in ex.claims] == [(9, "killed")]


def test_attacks_on_a_target_at_one_town():
    ex = extract("Attacks on an army base in Djibo on Monday killed 20 soldiers.", published=PUB)
    assert [(e.location.name, e.fatalities) for e in ex.events] == [("Djibo", 20)]


def test_attacks_on_targets_over_a_period_are_a_count_only():
    ex = extract("Militants have stepped up their campaign.\n\nAttacks on police stations have killed 90 officers "
                 "in the province since January.", published=PUB)
    assert ex.events == []
    assert [(c.value, c.unit) for c in ex.claims] == [(90, "killed")]
