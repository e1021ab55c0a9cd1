"""Counts of dead told by who they were: "173 social leaders had been killed across the country in 2025, up
from 147 the year before", "more than 60 activists have been killed this year", "45 foreigners"."""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract


@pytest.mark.parametrize("noun", ["social leaders", "activists", "teachers", "farmers", "human rights defenders",
                                  "candidates", "aid workers"])
def test_a_years_count_of_dead_by_who_they_were(noun):
    ex = extract("Gunmen shot dead a community leader in Tumaco on Monday, police said.\n\n"
                 f"Rights groups said 173 {noun} had been killed across Colombia in 2025, up from 147 the year before.",
                 published="2026-03-12")
    got = sorted((c.value, c.unit, str(c.since)) for c in ex.claims)
    assert got == [(147, "killed", "2024-01-01"), (173, "killed", "2025-01-01")]


def test_one_attacks_victims_are_no_count():
    ex = extract("Gunmen killed four farmers near Tumaco on Monday, police said.", published="2026-03-12")
    assert ex.claims == []


@pytest.mark.parametrize("cause", ["Weeks of heavy rain have swollen rivers across the country",
                                   "Landslides have buried villages across the country"])
def test_a_disasters_toll_is_no_count_of_violence(cause):
    ex = extract("Gunmen shot dead two police officers near Mandera on Monday, police said.\n\n"
                 f"{cause}, killing more than 170 people since March, the interior ministry said.",
                 published="2024-05-08")
    assert ex.claims == []


@pytest.mark.parametrize("tail", ["62 of them in Borno state", "62 of them by Boko Haram"])
def test_a_part_of_a_count_of_attacks(tail):
    ex = extract("Gunmen killed two soldiers in Maiduguri on Monday.\n\n"
                 f"Officials counted 85 attacks in Nigeria in 2024, {tail}, the report said.", published="2025-03-01")
    got = sorted((c.value, c.unit, str(c.since)) for c in ex.claims)
    assert got == [(62, "attacks", "2024-01-01"), (85, "attacks", "2024-01-01")]
    part = next(c for c in ex.claims if c.value == 62)
    assert part.part_of is not None


def test_the_dead_of_many_attacks_are_no_part_of_them():
    ex = extract("Gunmen killed two soldiers in Maiduguri on Monday.\n\n"
                 "The group carried out 12 attacks in 2024, killing 40 people, 10 of them children.",
                 published="2025-03-01")
    assert not any(c.unit == "attacks" and c.value == 10 for c in ex.claims)


@pytest.mark.parametrize("sentence, unit", [
    ("Attacks in Borno fell from 228 in 2018 to 46 in 2023, officials said.", "attacks"),
    ("Deaths in these attacks surged from 228 in 2018 to 46 in 2023.", "killed"),
])
def test_a_change_from_one_years_figure_to_anothers_is_two_counts(sentence, unit):
    ex = extract(f"Gunmen killed two soldiers in Maiduguri on Monday.\n\n{sentence}", published="2025-03-01")
    got = sorted((c.value, c.unit, str(c.since)) for c in ex.claims)
    assert got == [(46, unit, "2023-01-01"), (228, unit, "2018-01-01")]


def test_a_change_to_a_figure_alone_is_one_count():
    ex = extract("Gunmen killed two soldiers in Maiduguri on Monday.\n\nAttacks in Borno have fallen to 46 this year, "
                 "officials said.", published="2025-03-01")
    assert [(c.value, str(c.since)) for c in ex.claims] == [(46, "2025-01-01")]
