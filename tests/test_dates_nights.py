"""Nights in news dates: "overnight Saturday" is Saturday night (not the night before publication), and a night
told across two days ("overnight Saturday into Sunday", "late Friday into early Saturday", "overnight into
Monday") is one date, the day it ran into, as the evaluation sets' annotators date such attacks."""
from __future__ import annotations

from datetime import date

import pytest

from tallylog.extract.dates import find_dates
from tallylog.pipeline import extract

PUB = date(2025, 3, 12)  # a Wednesday


def _dates(text):
    return [(d.date, d.precision) for d in find_dates(text, PUB)]


@pytest.mark.parametrize("text, day", [
    ("Gunmen attacked the town overnight Saturday.", date(2025, 3, 8)),
    ("Gunmen attacked the town overnight on Tuesday.", date(2025, 3, 11)),
    ("Gunmen attacked the town overnight Saturday into Sunday.", date(2025, 3, 9)),
    ("Gunmen attacked the town late Friday into early Saturday.", date(2025, 3, 8)),
    ("Gunmen attacked the town on Saturday night into Sunday.", date(2025, 3, 9)),
    ("Gunmen attacked the town overnight into Wednesday.", date(2025, 3, 12)),
])
def test_one_night_one_date(text, day):
    assert _dates(text) == [(day, "day")]


def test_overnight_alone_is_the_night_before_publication():
    assert _dates("Gunmen attacked the town overnight.") == [(date(2025, 3, 11), "day")]


def test_two_days_told_with_and_stay_two():
    assert _dates("Clashes broke out on Saturday and Sunday.") == [(date(2025, 3, 8), "day"), (date(2025, 3, 9), "day")]


def test_an_incident_across_a_night_is_one_incident():
    ex = extract("Gunmen killed six people at a bar in Irapuato overnight Saturday into Sunday, police said.",
                 published=PUB.isoformat())
    assert [(str(e.date), e.fatalities) for e in ex.events] == [("2025-03-09", 6)]
    assert not ex.claims
