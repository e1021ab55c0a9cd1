"""Anniversaries of attacks.

1. "marked seven years since the Easter Sunday bombings on Tuesday": the years counted back name the attack's
   day; Tuesday is the day it was remembered.
2. The places where it is remembered ("with Masses in Colombo", "with a vigil in Abuja") are not where it was.
3. "children leaving Sunday school" names no day.
"""
from __future__ import annotations

from datetime import date

import pytest

from tallylog.extract.dates import find_dates
from tallylog.pipeline import extract


@pytest.mark.parametrize("sentence, day", [
    ("The church marked seven years since the Easter Sunday bombings on Tuesday, a spokesman said.", "2019-04-21"),
    ("Relatives marked seven years since the Zoobe junction truck bombing in Mogadishu on Tuesday.", "2019-04-21"),
])
def test_years_counted_back_name_the_attacks_day(sentence, day):
    ex = extract(sentence, published="2026-04-21")
    assert [str(e.date) for e in ex.events] == [day]


def test_where_it_is_remembered_is_not_where_it_was():
    ex = extract("The church marked seven years since the Easter Sunday bombings on Tuesday with Masses in Kandy and "
                 "Galle.", published="2026-04-21")
    assert all(e.location is None or e.location.name not in ("Kandy", "Galle") for e in ex.events)


def test_sunday_school_names_no_day():
    assert find_dates("another bomber blew himself up among children leaving Sunday school", date(2026, 4, 21)) == []
    assert [m.text for m in find_dates("the bomber struck during Sunday Mass", date(2026, 4, 21))] == ["Sunday"]
