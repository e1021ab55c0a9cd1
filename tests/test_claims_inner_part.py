"""A part told inside a count's own words, before its verb ("At least 127 people, including 41 security personnel,
were killed ..."), is a part of that count, as one told after it is."""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract

LEAD = "Fighting continued across the region on Tuesday.\n\n"


@pytest.mark.parametrize("sentence", [
    "At least 127 people, including 41 security personnel, were killed in the region from January to August, "
    "officials said.",
    "At least 127 people were killed in the region from January to August, including 41 security personnel, "
    "officials said.",
])
def test_part_of_a_count(sentence):
    ex = extract(LEAD + sentence, published="2025-09-12")
    assert [(c.value, c.unit, c.part_of) for c in ex.claims] == [(127, "killed", None), (41, "killed", 0)]
