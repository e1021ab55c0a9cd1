"""Parts of a month ("early March", "mid-January", "late last month", "the end of May 2024") are the third of the
month they name, as a range; and a war's own toll ("Sudan's war, which began in April 2023, has killed tens of
thousands") is a sum, never one incident dated to the war's start."""
from __future__ import annotations

from datetime import date

import pytest

from tallylog.extract.dates import find_dates
from tallylog.pipeline import extract

PUB = date(2025, 1, 28)


@pytest.mark.parametrize("text, first, last", [
    ("The attack came in early March.", date(2024, 3, 1), date(2024, 3, 10)),
    ("The attack came in mid-January.", date(2025, 1, 11), date(2025, 1, 20)),
    ("The attack came in late January.", date(2025, 1, 21), date(2025, 1, 31)),
    ("He was shot dead late last month.", date(2024, 12, 21), date(2024, 12, 31)),
    ("The attack came at the end of May 2024.", date(2024, 5, 21), date(2024, 5, 31)),
])
def test_part_of_a_month(text, first, last):
    assert [(d.date, d.end_date, d.precision) for d in find_dates(text, PUB)] == [(first, last, "range")]


def test_earlier_this_month_keeps_the_month():
    assert [(d.date, d.precision) for d in find_dates("It happened earlier this month.", PUB)] == \
        [(date(2025, 1, 1), "month")]


def test_an_incident_late_last_month_is_dated_inside_its_range():
    ex = extract("A village chief was shot dead at his home in a village east of Kongoussi late last month, "
                 "residents said.", published=PUB.isoformat())
    assert len(ex.events) == 1 and date(2024, 12, 21) <= ex.events[0].date <= date(2024, 12, 31)


def test_a_wars_toll_is_no_incident():
    ex = extract("Sudan's war, which began in April 2023 between the army and the RSF, has killed tens of thousands "
                 "of people.", published=PUB.isoformat())
    assert ex.events == []
