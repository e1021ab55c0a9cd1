"""Days told by an occasion the story dates elsewhere, and acts told a day apart when only one is placed.

1. "on election day", "on the eve of the vote", "the day after the referendum" are the day the story gives the
   occasion ("Monday's midterm elections", "the vote on Sunday"), shifted for the eve or the day after; with no
   such day in the story they stay undated.
2. Two acts of different kinds, each told with its own day, are two incidents even when only one of them names
   a town.
"""
from __future__ import annotations

from datetime import date

import pytest

from tallylog.extract.dates import find_dates
from tallylog.pipeline import extract


def _dated(text: str, pub: date) -> dict[str, date | None]:
    return {m.text: m.date for m in find_dates(text, pub)}


@pytest.mark.parametrize("anchor, day", [
    ("Officials said Sunday's presidential election had passed off calmly.", date(2024, 3, 10)),
    ("Voters went to the polls on Sunday to choose a new parliament.", date(2024, 3, 10)),
    ("The referendum was held on Sunday, March 10.", date(2024, 3, 10)),
])
def test_the_occasion_day_is_the_day_the_story_gives_it(anchor, day):
    text = f"{anchor} Two people were shot dead near a polling station on election day, and a bomb went off " \
           "outside a party office on the eve of the vote."
    found = _dated(text, date(2024, 3, 12))
    assert found["on election day"] == day
    assert found["on the eve of the vote"] == day.replace(day=day.day - 1)


def test_the_day_after_the_occasion():
    found = _dated("Thursday's local elections drew a record turnout. Clashes broke out in the capital the day "
                   "after the elections.", date(2024, 5, 6))
    assert found["the day after the elections"] == date(2024, 5, 3)


def test_an_occasion_the_story_does_not_date_stays_undated():
    found = _dated("Two people were shot dead near a polling station on election day, police said on Tuesday.",
                   date(2024, 3, 12))
    assert "on election day" not in found


def test_election_violence_on_two_days_is_two_incidents():
    ex = extract("Electoral officials said on Wednesday that Monday's local elections were largely peaceful. In the "
                 "worst incident, gunmen fired on voters outside a polling station on election day, killing two. "
                 "On the eve of the vote, a grenade exploded near a party office in Cotabato City, wounding three.",
                 published="2025-05-14")
    days = sorted(str(e.date) for e in ex.events)
    assert days == ["2025-05-11", "2025-05-12"]
    by_day = {str(e.date): e for e in ex.events}
    assert by_day["2025-05-12"].fatalities == 2 and by_day["2025-05-11"].injured == 3


def test_the_same_act_told_again_stays_one_incident():
    ex = extract("Gunmen stormed a police post in Mopti on Monday, killing four officers. The attack, which "
                 "residents said lasted two hours, was the third on the post this year.", published="2025-05-14")
    assert len(ex.events) == 1


@pytest.mark.parametrize("phrase, pub, day, end", [
    ("on the eve of Ethiopian Christmas", date(2026, 1, 28), date(2026, 1, 6), None),
    ("on the eve of Christmas", date(2026, 1, 28), date(2025, 12, 24), None),
    ("days before Christmas", date(2026, 3, 12), date(2025, 12, 18), date(2025, 12, 24)),
    ("days after New Year's Day", date(2026, 3, 12), date(2026, 1, 2), date(2026, 1, 8)),
])
def test_a_feasts_eve_and_the_days_around_it(phrase, pub, day, end):
    found = [m for m in find_dates(f"Gunmen killed two officials near Nekemte {phrase}.", pub) if "Nekemte" not in m.text]
    assert [(m.date, m.end_date) for m in found] == [(day, end)]


def test_a_feast_alone_names_no_day():
    assert find_dates("Christmas markets opened across the region, officials said.", date(2026, 3, 12)) == []
