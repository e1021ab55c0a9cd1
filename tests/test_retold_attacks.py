"""Attacks of the past retold years later (an anniversary, a trial, an inquiry).

1. A headline's "Ten years after the X bombing" dates the attack to a year; a full day given further down, inside
   that year, is its date.
2. A toll told in the same paragraph right after the dated act ("More than 300 people were wounded in the two
   attacks") belongs to it, not to another attack dated in the next paragraph.
3. A sentence that names an attack only to date something else ("Police had arrested him four days before the
   Brussels bombings") tells no attack of its own.
4. Foiled plots, and "failed, foiled and completed attacks" counted in a year, are no disrupted weapons use.
"""
from __future__ import annotations

import pytest

from tallylog.extract.events import find_triggers
from tallylog.pipeline import extract

STORY = (
    "Ten years after the Lisbon station bombing, survivors say they are still waiting\n\n"
    "LISBON (Reuters) - Portugal's president laid a wreath at Rossio station on Sunday to mark ten years since "
    "the attack, the deadliest in the country's modern history.\n\n"
    "Two bombers set off their explosives on a crowded platform at Rossio shortly before 9 a.m. on May 4, 2016, "
    "killing 21 people. More than 150 people were wounded in the attack.\n\n"
    "The bombers belonged to a cell that had carried out a shooting in Madrid on Nov. 2, 2015, killing nine people. "
    "Police had arrested the cell's leader in Porto three days before the Lisbon bombing.\n\n"
    "The interior minister said on Sunday that police had foiled several plots last year. Europol counted 97 "
    "failed, foiled and completed attacks in the European Union in 2016."
)


@pytest.fixture(scope="module")
def events():
    return extract(STORY, published="2026-05-04").events


def test_the_day_told_further_down_dates_the_attack(events):
    lisbon = [e for e in events if e.location and e.location.name and "Lisbon" in e.location.name]
    assert len(lisbon) == 1
    assert str(lisbon[0].date) == "2016-05-04" and lisbon[0].date_precision == "day"


def test_the_toll_told_right_after_belongs_to_the_dated_attack(events):
    lisbon = next(e for e in events if e.location and "Lisbon" in (e.location.name or ""))
    madrid = next(e for e in events if e.location and "Madrid" in (e.location.name or ""))
    assert lisbon.injured == 150 and madrid.injured in (None, 0)


def test_an_attack_named_only_to_date_an_arrest_is_no_incident(events):
    assert not any(str(e.date) == "2016-05-01" for e in events)
    assert len(events) == 2
    assert not any("arrested" in span.text for e in events for span in e.evidence)


@pytest.mark.parametrize("sentence", [
    "The minister said on Sunday that police had foiled several plots in Kano last year.",
    "Security services in Kano thwarted two plots to attack churches last year, the minister said on Sunday.",
    "Europol counted 97 failed, foiled and completed attacks in Kano in 2016, the year of the Kano bombings.",
])
def test_foiled_plots_are_no_disrupted_weapons_use(sentence):
    assert not any(t.sub == "Disrupted weapons use" for t in find_triggers(sentence))


def test_a_foiled_bombing_still_is():
    ex = extract("Police foiled a suicide bombing at a church in Kano on Sunday, arresting a man wearing an explosive "
                 "vest.", published="2026-05-04")
    assert [e.sub_event_type for e in ex.events] == ["Disrupted weapons use"]


def test_a_memorial_days_after_the_bombing_is_no_incident():
    ex = extract("A truck bomb destroyed the federal building in Tulsa on May 2, 2001, killing 40 people.\n\n"
                 "The former governor, who spoke at a memorial service days after the bombing, addressed Saturday's "
                 "ceremony by video.", published="2026-05-04")
    assert [str(e.date) for e in ex.events] == ["2001-05-02"]
