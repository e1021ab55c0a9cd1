"""Date expressions: finding them in news text and resolving them against the publication date."""
from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tallylog.extract.dates import MONTHS, WEEKDAYS, find_dates, md_on_or_before, resolve_expression
from tallylog.model import DATE_PRECISIONS, DateMention

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
VOA = SHARED / "data" / "voa" / "voa_stories.jsonl"

PUB = date(2024, 1, 4)  # a Thursday


def only(text: str, published: date | None = PUB) -> DateMention:
    """The single mention of ``text``; fails when there is not exactly one."""
    found = find_dates(text, published)
    assert len(found) == 1, f"{text!r} -> {found}"
    return found[0]


def check_offsets(text: str, mentions: list[DateMention]) -> None:
    last = -1
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.start >= last, "mentions overlap or are out of order"
        assert m.precision in DATE_PRECISIONS
        last = m.end


# --- absolute dates ------------------------------------------------------------------------------

DAY_FORMS = [
    ("The attack on Oct. 19 killed two.", "Oct. 19"),
    ("The attack on October 19 killed two.", "October 19"),
    ("The attack on 19 October killed two.", "19 October"),
    ("The attack on October 19th killed two.", "October 19th"),
    ("The attack on the 19th of October killed two.", "the 19th of October"),
    ("It happened on Sept. 19, officials said.", "Sept. 19"),
    ("It happened on Sept 19, officials said.", "Sept 19"),
    ("It happened on Oct 19, officials said.", "Oct 19"),
]


@pytest.mark.parametrize("text,span", DAY_FORMS)
def test_month_day_without_year_takes_most_recent_year(text: str, span: str) -> None:
    m = only(text)
    assert m.text == span
    month = m.date.month if m.date else None
    assert m.precision == "day" and not m.relative
    assert m.date is not None and m.date <= PUB and (PUB - m.date).days < 366
    assert month in (9, 10) and m.date.day == 19


@pytest.mark.parametrize("text,span", DAY_FORMS)
def test_month_day_without_publication_keeps_partial(text: str, span: str) -> None:
    m = only(text, None)
    assert m.text == span and m.date is None and m.precision == "day"
    assert re.fullmatch(r"--(09|10)-19", m.partial or "")


@pytest.mark.parametrize("text", [
    "Oct 19, 2023", "October 19, 2023", "19 October 2023", "Oct. 19 2023", "2023-10-19", "10/19/2023",
    "19/10/2023", "Thursday, Oct. 19, 2023",
])
def test_full_dates_need_no_publication_date(text: str) -> None:
    for pub in (PUB, None):
        m = only(f"Officials said the strike came on {text}, and more followed.", pub)
        assert m.date == date(2023, 10, 19) and m.precision == "day" and m.partial is None


def test_year_inference_at_boundaries() -> None:
    assert only("since October 17", date(2024, 1, 4)).date == date(2023, 10, 17)
    assert only("since October 17", date(2023, 10, 17)).date == date(2023, 10, 17)
    assert only("since October 17", date(2023, 10, 16)).date == date(2022, 10, 17)
    # Feb. 29 goes back to the most recent leap year
    assert only("on Feb. 29", date(2023, 6, 1)).date == date(2020, 2, 29)
    assert find_dates("on Feb. 30", PUB) == []


def test_month_precision_forms() -> None:
    m = only("Fighting resumed in December 2015 near the border.")
    assert (m.date, m.end_date, m.precision) == (date(2015, 12, 1), date(2015, 12, 31), "month")
    m = only("Fighting resumed in March near the border.")
    assert (m.text, m.date, m.end_date, m.precision) == ("March", date(2023, 3, 1), date(2023, 3, 31), "month")
    m = only("Fighting resumed in March near the border.", None)
    assert m.date is None and m.partial == "--03" and m.precision == "month"
    # a part of the month is that third of it, as a range
    for mod, first, last in (("mid-", 11, 20), ("early ", 1, 10), ("late ", 21, 31)):
        m = only(f"The ship left in {mod}October.")
        assert m.text == f"{mod}October" and m.precision == "range"
        assert (m.date, m.end_date) == (date(2023, 10, first), date(2023, 10, last))
    m = only("The ship left in Sept. and returned.")
    assert m.date == date(2023, 9, 1) and m.precision == "month"


def test_month_of_the_current_year_counts_when_started() -> None:
    pub = date(2024, 3, 10)
    assert only("in March", pub).date == date(2024, 3, 1)
    assert only("in April", pub).date == date(2023, 4, 1)
    m = only("in January of this year", pub)
    assert m.date == date(2024, 1, 1) and m.relative
    assert only("in July last year", pub).date == date(2023, 7, 1)
    assert only("since last December", pub).date == date(2023, 12, 1)
    assert only("since last March", pub).date == date(2023, 3, 1)  # strictly before this March


def test_years() -> None:
    m = only("The group was founded in 2004 in Baghdad.")
    assert (m.text, m.date, m.end_date, m.precision) == ("2004", date(2004, 1, 1), date(2004, 12, 31), "year")
    assert only("the 2004 bombing of the embassy").date == date(2004, 1, 1)
    assert only("Since 2019, attacks have risen.").precision == "year"
    assert only("It grew in mid-2018.").text == "mid-2018"


# --- relative dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase,offset", [
    ("today", 0), ("this morning", 0), ("tonight", 0), ("yesterday", -1), ("last night", -1),
    ("overnight", -1), ("two days ago", -2), ("a day ago", -1),
])
def test_relative_days(phrase: str, offset: int) -> None:
    m = only(f"Rockets hit the base {phrase}, officials said.")
    assert m.text == phrase and m.relative and m.precision == "day"
    assert m.date == PUB + timedelta(days=offset)
    m = only(f"Rockets hit the base {phrase}, officials said.", None)
    assert m.date is None and m.precision == "unknown" and m.relative


@pytest.mark.parametrize("template", [
    "Militants attacked on {wd}.", "{wd}'s attack killed two.", "The attack came {wd} night.",
    "The attack came late {wd}.", "The attack came early {wd}.", "Officials said {wd} that it ended.",
])
@pytest.mark.parametrize("pub", [date(2023, 12, 28), date(2024, 1, 1), date(2024, 1, 2), date(2024, 3, 1),
                                 date(2024, 2, 29), date(2021, 1, 3)])
def test_weekday_is_most_recent_on_or_before_publication(template: str, pub: date) -> None:
    for wd, idx in WEEKDAYS.items():
        m = only(template.format(wd=wd), pub)
        assert m.relative and m.precision == "day" and wd in m.text
        assert m.date is not None and m.date.weekday() == idx
        assert 0 <= (pub - m.date).days < 7  # same weekday -> publication day itself


def test_weekday_across_year_boundary() -> None:
    assert only("on Thursday", date(2024, 1, 2)).date == date(2023, 12, 28)
    assert only("on Thursday", date(2024, 3, 1)).date == date(2024, 2, 29)
    assert only("last Tuesday", date(2024, 1, 2)).date == date(2023, 12, 26)  # strictly before


def test_weekday_without_publication_is_unknown() -> None:
    m = only("The attack came Thursday.", None)
    assert m.date is None and m.precision == "unknown" and m.relative


def test_relative_periods() -> None:
    m = only("Officials said last week that attacks rose.")  # PUB is a Thursday
    assert (m.date, m.end_date, m.precision) == (date(2023, 12, 25), date(2023, 12, 31), "week")
    for phrase in ("this week", "earlier this week"):
        m = only(f"Officials said {phrase} that attacks rose.")
        assert (m.date, m.end_date, m.precision) == (date(2024, 1, 1), date(2024, 1, 7), "week")
        assert m.date.weekday() == 0 and m.date <= PUB <= m.end_date
    m = only("Officials said last month that attacks rose.")
    assert (m.date, m.end_date, m.precision) == (date(2023, 12, 1), date(2023, 12, 31), "month")
    m = only("Officials said this month that attacks rose.")
    assert (m.date, m.end_date) == (date(2024, 1, 1), date(2024, 1, 31))
    m = only("Officials said last year that attacks rose.")
    assert (m.date, m.end_date, m.precision) == (date(2023, 1, 1), date(2023, 12, 31), "year")
    m = only("It began three weeks ago.")
    assert m.precision == "week" and m.date.weekday() == 0 and m.date <= PUB - timedelta(days=21) <= m.end_date
    for text in ("last week", "this month", "last year", "three weeks ago"):
        m = only(text, None)
        assert m.date is None and m.precision == "unknown" and m.relative


# --- ranges ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,start,end", [
    ("between Oct. 17 and Nov. 20", date(2023, 10, 17), date(2023, 11, 20)),
    ("from October 17 to November 20", date(2023, 10, 17), date(2023, 11, 20)),
    ("Oct. 17-20", date(2023, 10, 17), date(2023, 10, 20)),
    ("17-20 October 2023", date(2023, 10, 17), date(2023, 10, 20)),
    ("from Dec. 20 to Jan. 2", date(2023, 12, 20), date(2024, 1, 2)),
    ("between Oct. 17, 2022 and Nov. 20, 2022", date(2022, 10, 17), date(2022, 11, 20)),
    ("between 2003 and 2011", date(2003, 1, 1), date(2011, 12, 31)),
    ("from January to March", date(2023, 1, 1), date(2023, 3, 31)),
])
def test_ranges(text: str, start: date, end: date) -> None:
    m = only(f"Attacks rose {text}, the report said.")
    assert m.text == text and m.precision == "range" and (m.date, m.end_date) == (start, end)


def test_range_without_publication() -> None:
    m = only("Attacks rose between Oct. 17 and Nov. 20.", None)
    assert m.date is None and m.precision == "range" and m.partial == "--10-17/--11-20"


def test_weekday_range() -> None:
    m = only("Floods hit 13 districts from Monday to Wednesday.", date(2024, 1, 2))  # a Tuesday
    assert (m.date, m.end_date) == (date(2023, 12, 25), date(2023, 12, 27)) and m.relative


# --- false positives -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Officials say the talks may be delayed.",
    "May be the talks will resume, he said.",
    "Thousands joined a protest march in Baghdad.",
    "Protesters marched to the embassy.",
    "We are told a second drone was shot down.",
    "The Sunlit hall and the Wedge building were hit.",
    "Satellite images show the damage.",
    "There have been 118 attacks on U.S. forces.",
    "It was the 144th attack since the war began.",
    "Three soldiers died at Tower 22 in Jordan.",
    "The strike came at 10 a.m. local time.",
    "Hamas called it Operation Al Aqsa Flood.",
    "Call the hotline at 202-555-2004 for details.",
    "The case number is 2019-4471.",
    "The 9/11 attacks changed U.S. policy.",
    "The council passed Resolution 2020 unanimously.",
    "More than 2000 people fled the town.",
    "Bloody Sunday is remembered every year.",
    "The Sunday Times reported the raid.",
    "Mosques hold sermons every Friday.",
    "USA Today reported the raid.",
    "In the early 1960s the town grew.",
])
def test_false_positives(text: str) -> None:
    assert find_dates(text, PUB) == []


def test_time_of_day_is_not_a_date_but_the_weekday_is() -> None:
    m = only("Rockets struck at 10 a.m. Thursday, the ministry said.")
    assert m.text == "Thursday" and m.date == PUB


def test_nine_eleven_with_a_year_is_a_date() -> None:
    assert only("the attacks of 9/11/2001").date == date(2001, 9, 11)


def test_slashed_dates() -> None:
    assert only("on 19/10/2023").date == date(2023, 10, 19)
    assert only("on 10/19/2023").date == date(2023, 10, 19)
    assert only("on 03/04/2023").date == date(2023, 3, 4)  # both readings possible: month first
    assert find_dates("on 03/04/2023", PUB, slash_order="dmy")[0].date == date(2023, 4, 3)


def test_months_and_years_need_context() -> None:
    assert [m.text for m in find_dates("In January and March, officials said.", PUB)] == ["January", "March"]
    assert find_dates("The general Mark August spoke.", PUB) == []
    assert [m.text for m in find_dates("Attacks in 2004, 2008 and 2012.", PUB)] == ["2004", "2008", "2012"]


def test_future_reference_is_not_resolved_backwards() -> None:
    pub = date(2024, 1, 1)  # a Monday
    m = only("The ministers will meet Wednesday in Paris.", pub)
    assert m.text == "Wednesday" and m.date is None
    m = only("The tariffs take effect on April 2.", pub)
    assert m.date is None and m.partial == "--04-02"
    assert only("The ministers met Wednesday in Paris.", pub).date == date(2023, 12, 27)


# --- resolve_expression ----------------------------------------------------------------------------

@pytest.mark.parametrize("expr,expected,precision", [
    ("on Thursday", date(2024, 1, 4), "day"),
    ("since Oct. 17", date(2023, 10, 17), "day"),
    ("October 17", date(2023, 10, 17), "day"),
    ("in 2004", date(2004, 1, 1), "year"),
    ("March", date(2023, 3, 1), "month"),
    ("last week", date(2023, 12, 25), "week"),
    ("Thursday's", date(2024, 1, 4), "day"),
    ("between Oct. 17 and Nov. 20", date(2023, 10, 17), "range"),
])
def test_resolve_expression(expr: str, expected: date, precision: str) -> None:
    m = resolve_expression(expr, PUB)
    assert m is not None and (m.start, m.end, m.text) == (0, len(expr), expr)
    assert m.date == expected and m.precision == precision


def test_resolve_expression_refuses_non_dates() -> None:
    for expr in ("the embassy", "118 attacks", "Thursday and the embassy", "", "9/11"):
        assert resolve_expression(expr, PUB) is None
    m = resolve_expression("October 17", None)
    assert m is not None and m.date is None and m.partial == "--10-17"


# --- a real corpus ---------------------------------------------------------------------------------

_SHAPE = re.compile(
    rf"(?:{'|'.join(MONTHS)}|{'|'.join(WEEKDAYS)})\b|\b(?:19|20)\d\d\b|"
    r"(?i:today|tonight|yesterday|night|overnight|week|month|year|ago|morning|afternoon|evening)"
)


def _voa() -> list[dict]:
    if not VOA.exists():
        pytest.skip(f"VOA stories not found at {VOA} (shared data is not in this checkout)")
    with VOA.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_voa_corpus() -> None:
    stories = _voa()
    assert len(stories) == 89
    total = 0
    for story in stories:
        text = story["text"]
        pub = datetime.fromisoformat(story["published"].replace("Z", "+00:00")).date()
        mentions = find_dates(text, pub)
        check_offsets(text, mentions)
        total += len(mentions)
        for m in mentions:
            explicit_year = re.search(r"\b(?:19|20)\d\d\b", m.text) is not None
            if m.date is not None and m.precision == "day" and not explicit_year:
                assert m.date <= pub, (story["id"], m)
            assert _SHAPE.search(m.text), (story["id"], m.text)
            assert m.text.strip() == m.text and m.text != "9/11"
            if m.text in ("May", "March"):
                before = text[max(0, m.start - 12):m.start].lower()
                assert re.search(r"\b(?:in|since|until|by|during|through|of|from|before|after)\s+$", before)
            if re.fullmatch(r"(?:19|20)\d\d", m.text):
                assert not re.match(r"\s*(?:%|percent|people|troops)", text[m.end:])
        # Every resolved mention, found again on its own, resolves the same way (those left open
        # by a future-tense clause depend on their context).
        for m in [m for m in mentions if m.date is not None][:5]:
            again = resolve_expression(m.text, pub)
            assert again is not None and again.date == m.date, m
    assert total > 300  # dates are everywhere in news; a collapse in recall would show here


def test_a_list_item_that_opens_on_a_year_is_a_year() -> None:
    found = find_dates("==See also==* 2007 Bagram Airfield bombing* 2014 Bagram Airfield bombing", None)
    assert [(d.text, d.precision) for d in found] == [("2007", "year"), ("2014", "year")]
    assert find_dates("Tower 2022 opened. 2000 people attended.", None) == []


def test_md_on_or_before_is_the_most_recent_such_day() -> None:
    assert md_on_or_before(5, 22, date(2017, 6, 3)) == date(2017, 5, 22)
    assert md_on_or_before(10, 16, date(2013, 4, 15)) == date(2012, 10, 16)
    assert md_on_or_before(2, 29, date(2023, 3, 1)) == date(2020, 2, 29)


def test_flattened_web_text_splits_at_captions_headings_and_list_items() -> None:
    from tallylog.extract.sentences import split_sentences

    text = ("They warned the police about a militant.FILE - A police officer stands outside a mosque in "
            "Manchester, Britain, May 24, 2017.At least five times locals warned the police.==See also=="
            "* 2007 Bagram Airfield bombing* 2014 Bagram Airfield bombing. The U.S. Army said 3 * 4 is 12.")
    parts = [s.text for s in split_sentences(text)]
    assert "FILE - A police officer stands outside a mosque in Manchester, Britain, May 24, 2017." in parts
    assert "At least five times locals warned the police." in parts
    assert "* 2007 Bagram Airfield bombing" in parts
    assert "The U.S. Army said 3 * 4 is 12." in parts


def test_a_daily_reports_past_day_is_the_day_before_publication() -> None:
    m = only("Over the past day, enemy artillery shelled the town of Orikhiv.")
    assert m.text == "Over the past day" and m.date == PUB - timedelta(days=1) and m.precision == "day"
    assert only("Drones hit two villages during the past day, officials said.").date == PUB - timedelta(days=1)
    # a longer span stays a period, not a day
    assert all(d.precision != "day" for d in find_dates("Over the past week, shelling hit the town.", PUB))


def test_over_the_weekend_is_the_last_saturday_and_sunday() -> None:
    m = only("Bandits killed 14 villagers over the weekend, police said.")  # PUB is a Thursday
    assert m.text == "the weekend" and m.precision == "range"
    assert (m.date, m.end_date) == (date(2023, 12, 30), date(2023, 12, 31))
    assert only("Gunmen attacked two villages during the weekend.", date(2024, 1, 7)).date == date(2024, 1, 6)
    assert find_dates("She writes for the weekend edition of the paper.", PUB) == []


def test_that_weekday_follows_the_story_not_the_publication() -> None:
    text = "It began on Feb. 2. That Friday the first shells fell, and on the Sunday the town emptied."
    ms = find_dates(text, date(2024, 3, 20))
    days = {m.text: m.date for m in ms}
    assert days["Friday"] == date(2024, 2, 2)
    assert days["Sunday"] == date(2024, 2, 4)


def test_plain_weekday_still_counts_from_publication() -> None:
    ms = find_dates("It began on Feb. 2. On Friday the market reopened.", date(2024, 3, 20))
    assert [m.date for m in ms if m.text == "Friday"] == [date(2024, 3, 15)]


# -- incident logs: a day opening each item ------------------------------------------------------------------------

def test_an_incident_logs_slashed_days_take_the_order_the_log_shows():
    log = ("08/09, NORTH KIVU, BENI TERRITORY: Suspected ADF fighters attacked a village near Oicha.\n"
           "10/09, ITURI, BUNIA: Unidentified persons threw a grenade into a bar.\n"
           "13/09, NORTH KIVU, GOMA: Armed men broke into a guesthouse.")
    days = [(d.text, d.date) for d in find_dates(log, date(2025, 9, 15))]
    # "13/09" can only be day first: so are the others (8 and 10 September, not 9 August and 9 October)
    assert days == [("08/09", date(2025, 9, 8)), ("10/09", date(2025, 9, 10)), ("13/09", date(2025, 9, 13))]


def test_an_items_day_in_capitals_and_a_dash():
    found = find_dates("- 12 MAR: A fishing dhow was hijacked east of Eyl.\n17/04 - KENSCOFF (OUEST): gunmen attacked\n"
                       "3. 19/04, ARTIBONITE: gunmen attacked a village",
                       date(2025, 4, 20))
    assert [(d.text, d.date) for d in found] == [("12 MAR", date(2025, 3, 12)), ("17/04", date(2025, 4, 17)),
                                                 ("19/04", date(2025, 4, 19))]


@pytest.mark.parametrize("text", ["The team won 3/4 of its games.", "Open 24/7, the shop was hit.",
                                  "They scored 12/15 in the test, officials said."])
def test_fractions_and_scores_are_no_days(text):
    assert find_dates(text, date(2025, 4, 20)) == []


@pytest.mark.parametrize("text, found", [
    ("drones hit storage tanks around 04:30 local (02:30 UTC)", "around 04:30 local"),
    ("unknown armed men shot dead a rider at 2200hrs UTC on 05 Nov", "at 2200hrs UTC"),
    ("a guided bomb hit an industrial site at about 8 a.m. local time", "at about 8 a.m. local time"),
    ("Wrexham scored twice and won 2-1 at home", None),
])
def test_clock_times(text, found):
    from tallylog.extract.dates import clock_time
    m = clock_time(text)
    assert (m.group(0) if m else None) == found
