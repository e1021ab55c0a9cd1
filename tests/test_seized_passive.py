"""A person "seized", "snatched" or "taken" by armed men is an abduction, as "abducted by" is."""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract


@pytest.mark.parametrize("text, country", [
    ("A teacher was seized by armed men on her way home in Kumba on Saturday, police said.", "CM"),
    ("In August, a municipal councillor was seized by armed men at a roadblock near Santander de Quilichao.", "CO"),
    ("Two aid workers were snatched by gunmen outside a clinic in Gao on Monday, officials said.", "ML"),
])
def test_seized_by_armed_men_is_an_abduction(text, country):
    ex = extract(text, published="2025-03-12")
    assert [(e.sub_event_type, e.location.country) for e in ex.events] == [("Abduction/forced disappearance", country)]


def test_seized_weapons_are_no_abduction():
    ex = extract("Police seized weapons and explosives from a house in Kumba on Saturday.", published="2025-03-12")
    assert all(e.sub_event_type != "Abduction/forced disappearance" for e in ex.events)


def test_the_body_of_someone_seized_is_a_killing():
    ex = extract("On Tuesday, the body of a nurse who had been seized by armed men on her way home in Bamenda on Saturday "
                 "was found at the edge of town, police said.", published="2025-09-17")
    assert [(e.sub_event_type, e.fatalities) for e in ex.events] == [("Attack", 1)]


def test_the_burned_body_of_a_man_counts_one_dead():
    ex = extract("On Nov. 5 the burned body of a 20-year-old man was found in a car outside Aix-en-Provence, "
                 "prosecutors said.", published="2025-11-20")
    assert [e.fatalities for e in ex.events] == [1]
