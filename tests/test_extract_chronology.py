"""Chronologies, backgrounders and campaign summaries: many past incidents told one after another, each
dated by a season, a month without a year, or a count of time from the one before. Sentences written here
in the patterns of such stories, and what must stay a non-incident beside them."""
from __future__ import annotations

from datetime import date

import pytest

from tallylog import extract
from tallylog.extract.dates import find_dates


def events(text: str, published: str):
    return extract(text, published=published).events


def at(evs, name: str):
    found = [e for e in evs if e.location is not None and (e.location.name or "").lower().startswith(name.lower())]
    assert len(found) == 1, [(e.location.name if e.location else None, e.date) for e in evs]
    return found[0]


# --- seasons as dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end", [
    ("The raids began in the summer of 1994 and went on for months.", date(1994, 6, 1), date(1994, 8, 31)),
    ("Spring 2011: Gunmen attack a convoy.", date(2011, 3, 1), date(2011, 5, 31)),
    ("Police said that in the autumn of 2003 the cell moved south.", date(2003, 9, 1), date(2003, 11, 30)),
    ("By the fall of 2019, the group had split.", date(2019, 9, 1), date(2019, 11, 30)),
    ("In the winter of 1980 the border was closed.", date(1980, 12, 1), date(1981, 2, 28)),
])
def test_season_with_a_year_is_a_range(text, start, end):
    [d] = find_dates(text, date(2026, 5, 10))
    assert (d.date, d.end_date, d.precision) == (start, end, "range")


def test_season_without_a_year_is_the_last_one_before_publication():
    [d] = find_dates("That autumn, the army withdrew.", date(2026, 5, 10))
    assert (d.date, d.precision) == (date(2025, 9, 1), "range")
    [d] = find_dates("Last summer, the talks failed.", date(2026, 7, 10))
    assert d.date == date(2025, 6, 1)  # the summer before the one under way


@pytest.mark.parametrize("text", [
    "after the fall of Kabul to the Taliban",
    "protests of the Arab Spring spread east",
    "these are areas that fall under our command",
    "the army planned a summer offensive",
])
def test_season_words_that_are_not_dates(text):
    assert not [d for d in find_dates(text, date(2026, 5, 10)) if "fall" in d.text.lower()
                or "spring" in d.text.lower() or "summer" in d.text.lower()]


def test_that_month_is_a_date():
    [d] = find_dates("That December, a bomb went off.", date(2026, 5, 10))
    assert (d.date, d.precision) == (date(2025, 12, 1), "month")


# --- a narrative goes on in the year it last named -----------------------------------------------------

def test_month_without_year_goes_on_in_the_year_told():
    text = ("The brigade's campaign was short. On 4 February 1983 a car bomb exploded outside a barracks in Omagh, "
            "killing two soldiers.\n\nIn June, gunmen shot dead a judge outside his home in Newry.")
    e = at(events(text, "2026-03-01"), "Newry")
    assert e.date is not None and (e.date.year, e.date.month) == (1983, 6)


def test_month_before_the_one_told_is_the_next_year():
    text = ("On 12 October 1990 a bomb exploded at a police station in Batticaloa, wounding four officers. "
            "In March, gunmen shot dead a magistrate in Trincomalee.")
    e = at(events(text, "2026-02-01"), "Trincomalee")
    assert e.date is not None and (e.date.year, e.date.month) == (1991, 3)


def test_day_without_year_under_a_timeline_heading():
    text = ("Timeline of the group's attacks.\n\nNovember 2001: The group ends its truce.\n\n"
            "On Nov. 18, a bomb hidden in a van exploded outside a bank in Bilbao, killing a guard.")
    e = at(events(text, "2026-05-10"), "Bilbao")
    assert e.date == date(2001, 11, 18)


def test_season_after_a_year_that_opens_the_sentence_before():
    text = ("1994 was the bloodiest year of the campaign. In the spring, a bomb exploded at a market in Jaffna, "
            "killing six people.")
    e = at(events(text, "2026-07-20"), "Jaffna")
    assert e.date is not None and e.date.year == 1994 and 3 <= e.date.month <= 5


def test_month_of_the_publication_year_stays_after_a_dated_incident():
    # AP style: "In January 2023 ... In April" written in 2025 is this April
    text = ("In January 2023, a Russian missile destroyed part of a building in Dnipro, killing 46 people. "
            "In April, a drone attack on a school in Kharkiv killed three people.")
    e = at(events(text, "2025-08-20"), "Kharkiv")
    assert e.date is not None and (e.date.year, e.date.month) == (2025, 4)


def test_the_start_of_a_period_is_not_the_time_told():
    text = ("The insurgency began in 2017 in the North-West region. "
            "In October, gunmen attacked a police post in Kumba, killing two officers.")
    e = at(events(text, "2025-12-01"), "Kumba")
    assert e.date is not None and (e.date.year, e.date.month) == (2025, 10)


def test_a_day_of_the_present_ends_the_narrative():
    text = ("A bomb killed three people in Mosul in 2016. Last week, gunmen shot dead a lawyer in Kirkuk. "
            "In December, gunmen shot dead two guards at a checkpoint in Erbil.")
    e = at(events(text, "2026-03-02"), "Erbil")
    assert e.date is not None and (e.date.year, e.date.month) == (2025, 12)


# --- counts of time from the incident told before ------------------------------------------------------

def test_counted_days_later():
    text = ("On 11 May 2021 a magnetic bomb exploded under a car in Kirkuk, killing a police officer. "
            "Ten days later, gunmen shot dead a judge outside a court in Erbil.")
    assert at(events(text, "2026-01-10"), "Erbil").date == date(2021, 5, 21)


def test_counted_months_later():
    text = ("On March 9, 2015, gunmen stormed a hotel in Baidoa, killing six people. "
            "Three months later, militants raided a village near Mandera and killed nine herders.")
    e = at(events(text, "2026-02-01"), "Mandera")
    assert e.date is not None and (e.date.year, e.date.month) == (2015, 6)


def test_the_following_year_and_that_year():
    text = ("Between 2004 and 2010 the group struck across the province, including the bombing of a bus in Quetta "
            "in 2008 that killed 12 people and a raid on a police station in Zhob the following year.")
    e = at(events(text, "2026-01-10"), "Zhob")
    assert e.date is not None and e.date.year == 2009
    text = ("Since 2019 the group has turned to kidnapping for ransom. "
            "Two aid workers were abducted by gunmen in Garissa that year.")
    e = at(events(text, "2026-01-10"), "Garissa")
    assert e.date is not None and e.date.year == 2019


def test_a_year_that_opens_the_clause_is_narrowed_by_its_day():
    text = "Last year, gunmen shot and wounded a radio presenter in Kirkuk on 9 October."
    assert at(events(text, "2026-01-18"), "Kirkuk").date == date(2025, 10, 9)


# --- what is not an incident ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The group was founded in Dundalk in the spring of 1975 by men who had left the larger movement.",
    "The group declared a ceasefire that autumn, and talks opened in Oslo the following year.",
    "A court in Belfast convicted six members of conspiracy in 1979.",
    "The faction split into two wings in the summer of 2016 over the treatment of civilians.",
    "Regional elections were held in October 2024, and a new cabinet was agreed the following month.",
])
def test_chronology_sentences_that_are_not_incidents(text):
    assert events(text, "2026-05-10") == []


# --- timeline entries in the historic present, and more ways a bomb goes off ---------------------------

@pytest.mark.parametrize("text, place, sub", [
    ("June 3, 1985: Gunmen kill a police inspector outside his home in Pamplona.", "Pamplona", "Attack"),
    ("Oct. 2, 1990: Two gunmen shoot dead a magistrate as he leaves court in Bilbao.", "Bilbao", "Attack"),
    ("May 5, 1992: Bombs explode at two banks in Zaragoza, injuring six people.", "Zaragoza", "Remote explosive/landmine/IED"),
    ("In July 1994 the group set off two bombs at a railway bridge near Lleida.", "Lleida", "Remote explosive/landmine/IED"),
    ("In March 1999, a van packed with explosives tore through the gates of a barracks in Vavuniya.", "Vavuniya",
     "Remote explosive/landmine/IED"),
    ("In May 2007 a claymore mine ripped through a bus carrying soldiers near Trincomalee, killing 11.", "Trincomalee",
     "Remote explosive/landmine/IED"),
    ("On 9 March 2023 the party's office in Kirkuk was hit by a small bomb.", "Kirkuk", "Remote explosive/landmine/IED"),
    ("On 3 June 2012, a bomb exploded outside a church in Potiskum, killing eight worshippers.", "Potiskum",
     "Remote explosive/landmine/IED"),
])
def test_timeline_acts(text, place, sub):
    assert at(events(text, "2026-05-10"), place).sub_event_type == sub


def test_holiday_with_a_year_is_its_day():
    text = "On Christmas Day 2013, a bomb exploded outside a church in Potiskum, killing five worshippers."
    assert at(events(text, "2026-05-10"), "Potiskum").date == date(2013, 12, 25)


def test_acts_at_a_site_in_one_town_and_a_site_in_another():
    text = ("On 4 April 1988 bombs exploded at a bank in Santander and at the bus station in Burgos, injuring nine "
            "people.")
    evs = events(text, "2026-05-10")
    assert {e.location.name for e in evs} >= {"Santander", "Burgos"}


def test_same_night_said_of_both_acts_keeps_their_own_day():
    text = ("On 11 March 2022 a bomb killed a security official in Sulaymaniyah. That summer, bombs hit liquor shops "
            "in Duhok and Zakho on the same night, 2 July; nobody was hurt.")
    evs = events(text, "2026-01-18")
    assert date(2022, 7, 2) in {e.date for e in evs if e.location and e.location.name != "Sulaymaniyah"}


def test_body_found_later_is_the_end_of_the_act_told():
    text = ("In October 2022, a lawyer was abducted by gunmen in Kirkuk. His body was found a week later.")
    evs = events(text, "2026-01-18")
    assert len(evs) == 1 and evs[0].date is not None and (evs[0].date.year, evs[0].date.month) == (2022, 10)


def test_count_of_time_never_lands_after_publication():
    text = ("Prosecutors on Thursday charged seven men over a string of attacks. Six weeks later, a firebomb was "
            "thrown through the window of a mosque in Spokane.")
    for e in events(text, "2026-10-16"):
        assert e.date is None or e.date <= date(2026, 10, 16)


def test_grenade_thrown_at_a_place():
    text = "A grenade thrown at a police post in the town of Garissa on Friday wounded three officers, police said."
    assert at(events(text, "2026-01-18"), "Garissa").sub_event_type == "Grenade"


def test_count_of_days_after_an_act_in_the_same_sentence_is_another_incident():
    text = ("On 12 November 1976 an incendiary device gutted a furniture store in Lisburn, and three days later a "
            "landmine exploded under an army patrol near Newry, killing two soldiers.")
    evs = events(text, "2026-07-21")
    assert at(evs, "Newry").date == date(1976, 11, 15)
    assert at(evs, "Lisburn").date == date(1976, 11, 12)


def test_count_of_days_from_an_act_dated_to_its_month_gives_no_other_day():
    text = ("On 14 January 2021, a car bomb exploded at an army base in Popayan, injuring 36 people. That April, "
            "gunmen shot dead a candidate at a rally in Tulua; two weeks later, a grenade thrown into a bar in "
            "Buenaventura wounded eight people.")
    e = at(events(text, "2026-06-05"), "Buenaventura")
    assert e.date is None or e.date >= date(2021, 4, 1)
