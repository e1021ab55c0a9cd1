"""What a count counts, as the report words it: a claim's ``noun`` ("drone strikes", "shellings",
"kidnapped") beside its controlled ``unit`` ("attacks", "abducted"); the count nouns of daily military
summaries and police tallies ("combat clashes", "armed encounters", "shellings", "ambushes"); and the
evaluation's agreement of a gold unit with either name."""
from __future__ import annotations

from datetime import date

import pytest

from tallylog.evaluate.scoring import unit_agrees
from tallylog.model import Claim, Span
from tallylog.pipeline import extract
from tallylog.store import Ledger

LEAD = "Fighting continued across the region on Tuesday.\n\n"


def _claims(sentence: str):
    return extract(LEAD + sentence, published="2025-03-12").claims


@pytest.mark.parametrize("sentence, value, unit, noun", [
    ("There have been at least 52 separate drone strikes in Iraq and Syria since October 17, the Pentagon said.",
     52, "attacks", "drone strikes"),
    ("Militants have carried out 214 IED attacks in the province since January, police said.",
     214, "attacks", "IED attacks"),
    ("The monitor recorded 2,514 homicides in Haiti since January.", 2514, "killed", "homicides"),
    ("At least 37 people have been kidnapped in Zamfara since January, police said.", 37, "abducted", "kidnapped"),
])
def test_noun_keeps_the_words_of_the_count(sentence, value, unit, noun):
    (c,) = [c for c in _claims(sentence) if c.value == value]
    assert (c.unit, c.noun) == (unit, noun)
    assert c.to_dict()["noun"] == noun


def test_an_ordinal_takes_the_noun_after_it():
    (c,) = _claims("The incident is the 23rd shooting incident in the district this year, police said.")
    assert (c.value, c.unit, c.noun) == (23, "attacks", "shooting incident")


@pytest.mark.parametrize("sentence, value, noun", [
    ("Over the past day, 172 combat clashes took place along the front, the General Staff said.", 172, "combat clashes"),
    ("The enemy carried out 3,980 shellings of our positions and of settlements over the past day.", 3980, "shellings"),
    ("Security forces have fought 11 armed encounters with militants in Kupwara since January.", 11, "armed encounters"),
    ("Insurgents staged at least 40 ambushes on army convoys in the province in 2024, the ministry said.", 40, "ambushes"),
])
def test_counts_of_clashes_shellings_and_ambushes(sentence, value, noun):
    (c,) = [c for c in _claims(sentence) if c.value == value]
    assert (c.unit, c.noun) == ("attacks", noun)


def test_strike_drones_are_counted_drones_not_attacks():
    claims = _claims("Overnight the enemy launched 118 strike UAVs; 19 strike UAVs hit nine locations, the air force said.")
    assert not [c for c in claims if c.value in (118, 19)]


def _claim(unit: str, noun: str | None) -> Claim:
    return Claim(value=52, qualifier="exact", unit=unit, noun=noun, evidence=[Span(0, 2, "52")])


@pytest.mark.parametrize("gold, unit, noun, agrees", [
    ("attacks", "attacks", "drone strikes", True),
    ("drone strikes", "attacks", "drone strikes", True),
    ("strikes", "attacks", "drone strikes", True),       # the head of the noun
    ("drone strike", "attacks", "drone strikes", True),  # number of the noun
    ("shellings", "attacks", "drone strikes", False),
    ("kidnapped", "abducted", "kidnapped", True),
    ("killed", "abducted", "kidnapped", False),
    ("strikes", "attacks", None, False),
    ("rikes", "attacks", "drone strikes", False),        # whole words only
])
def test_gold_unit_agrees_with_unit_or_noun(gold, unit, noun, agrees):
    assert unit_agrees(gold, _claim(unit, noun)) is agrees


def test_the_ledger_keeps_the_noun(tmp_path):
    ex = extract(LEAD + "There have been at least 52 separate drone strikes in Iraq and Syria since October 17, "
                 "the Pentagon said.", published=date(2025, 3, 12))
    ledger = Ledger.open(str(tmp_path / "ledger.db"))
    try:
        ledger.add_extraction(ex)
        rows = list(ledger.claims(report_id=ex.report.id))
    finally:
        ledger.close()
    assert [(r["value"], r["unit"], r["noun"]) for r in rows] == [(52, "attacks", "drone strikes")]
