"""A death toll named by the acts that caused it ("the death toll from Israeli strikes has risen to 43,000")
counts the dead, not the strikes; a count of the acts themselves ("Attacks on shipping have risen to 120") still
counts acts."""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract

LEAD = "Strikes and shelling continued across the territory on Tuesday.\n\n"


@pytest.mark.parametrize("sentence", [
    "The health ministry said the death toll from Israeli strikes in Gaza had risen to 43,000 since October 7, 2023.",
    "The death toll from the bombings in the province has climbed to 1,250 since January, officials said.",
])
def test_toll_from_acts_counts_the_dead(sentence):
    ex = extract(LEAD + sentence, published="2025-03-12")
    assert [c.unit for c in ex.claims] == ["killed"]


def test_a_count_of_acts_stays_acts():
    ex = extract(LEAD + "Attacks on shipping have risen to 120 since November, the Pentagon said.",
                 published="2025-03-12")
    assert [(c.value, c.unit) for c in ex.claims] == [(120, "attacks")]
