"""Who acted and against whom, when the report tells the victims first.

- "were killed in Islamic State attacks": the group named before the acts is the perpetrator.
- "were shot dead when gunmen opened fire": the subject of the clause telling the act is the perpetrator.
- "in an attack by suspected jihadists": words such as "suspected" may stand between "by" and the perpetrator.
- "Five civilians were killed by Russian shelling": the passive's subject names the victims.
- "was shot dead by Israeli troops": the perpetrator's own words are never read as the target.
"""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract


def _event(text: str):
    ex = extract(text, published="2025-03-12")
    assert len(ex.events) == 1, [(e.actor1, e.actor2, e.evidence[0].text) for e in ex.events]
    return ex.events[0]


@pytest.mark.parametrize("text, actor1, actor2", [
    ("Twelve soldiers were killed in Islamic State attacks near Palmyra in Syria on Monday.", "Islamic State",
     "soldiers"),
    ("Twelve Islamic State fighters were killed in army attacks near Palmyra in Syria on Monday.", "army", None),
    ("Two police officers were shot dead when gunmen opened fire on their patrol in Acapulco on Monday.", "gunmen",
     "police"),
    ("At least 20 people were killed in an attack by suspected jihadists on a village near Djibo on Sunday.",
     "jihadists", None),
    ("Five civilians were killed by Russian shelling in Kherson on Monday, the regional governor said.", "Russian",
     "civilians"),
])
def test_perpetrator_and_target_after_the_victims(text, actor1, actor2):
    ev = _event(text)
    assert ev.actor1 is not None and actor1.lower() in ev.actor1.lower()
    if actor2 is not None:
        assert ev.actor2 is not None and actor2 in ev.actor2.lower()
    assert ev.actor2 is None or actor1.lower() not in ev.actor2.lower()


def test_the_perpetrators_words_are_not_the_target():
    ev = _event("A Palestinian man was shot dead by Israeli troops in Jenin on Monday, the health ministry said.")
    assert ev.actor1 is not None and "israel" in ev.actor1.lower()
    assert ev.actor2 != "troops"
