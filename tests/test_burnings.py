"""Villages, homes and crops burned or razed by an armed actor are property destruction (ACLED: Strategic
developments / Looting/property destruction), as "torched" and "set fire to" already were."""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract


@pytest.mark.parametrize("text", [
    "Soldiers burned the village of Kyaukse on Jan. 24, residents said.",
    "Militiamen razed dozens of homes in a village near Geneina on Sunday, witnesses said.",
])
def test_burned_villages_and_homes(text):
    ex = extract(text, published="2025-01-28")
    assert [e.sub_event_type for e in ex.events] == ["Looting/property destruction"]


def test_an_attack_that_also_burned_homes_stays_an_attack():
    ex = extract("Gunmen attacked the neighbourhood of Kenscoff on Saturday, killing four people and burning homes, "
                 "residents said.", published="2025-03-31")
    assert [(e.sub_event_type, e.fatalities) for e in ex.events] == [("Attack", 4)]
