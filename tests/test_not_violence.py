"""Deaths that no one inflicted are no incidents (ACLED codes no accidents or disasters), and warnings of an attack
are not attacks; violence told with the same words stays an incident."""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract


@pytest.mark.parametrize("text", [
    "A bus crash killed 20 people on a highway near Nakuru on Monday, police said.",
    "A stampede at a food distribution point in Gaza City killed 20 people on Wednesday.",
    "A fire at a market in Onitsha killed five traders on Monday, officials said.",
    "A building collapse in Lagos killed 12 people on Tuesday.",
    "Floods killed 30 people in Kinshasa on Sunday, officials said.",
    "Eleven people died when a ferry capsized on Lake Kivu near Goma on Sunday.",
    "Air raid sirens sounded across Kyiv on Monday night but no attacks were reported.",
    "Air raid alerts were declared in five regions of Ukraine overnight.",
])
def test_no_incident(text):
    assert extract(text, published="2025-03-12").events == []


@pytest.mark.parametrize("text", [
    "Gunmen set fire to a market in Onitsha on Monday, killing five traders, police said.",
    "A stampede broke out after troops fired shots into the air near an aid site in Rafah on Wednesday, killing "
    "20 people.",
    "A roadside bomb struck a bus near Nakuru on Monday, killing 20 people, police said.",
    "An air raid on a market in Sagaing killed 11 people on Monday, residents said.",
])
def test_violence_stays(text):
    assert len(extract(text, published="2025-03-12").events) == 1
