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
