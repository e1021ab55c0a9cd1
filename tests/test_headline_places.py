"""A place named before the act in a headline ("Mogadishu car bomb kills 10", "Kabul suicide bomber kills 5")
is where the act happened, as "the X attack" is; a place followed by a verb before the act ("Pakistan carried out
airstrikes inside Afghanistan") is the actor, not the place."""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract

BODY = "\n\n{body} on Sunday, killing {n} people, police said.\n"


@pytest.mark.parametrize("headline, body, country", [
    ("Mogadishu car bomb kills 10", "A car bomb exploded near a hotel", "SO"),
    ("Kabul suicide bomber kills 6 outside ministry", "A suicide bomber blew himself up outside a ministry", "AF"),
    ("Peshawar market grenade attack leaves 4 dead", "Attackers threw a grenade into a crowded market", "PK"),
    ("Kharkiv shelling kills 3", "Russian shells hit a residential block", "UA"),
    ("Maiduguri bombings kill 12", "Two bombs exploded at a busy bus station", "NG"),
])
def test_place_before_the_act_in_a_headline_places_it(headline, body, country):
    n = int(next(w for w in headline.split() if w.isdigit()))
    ex = extract(headline + BODY.format(body=body, n=n), published="2025-03-10")
    placed = [e for e in ex.events if e.location is not None and e.location.country == country]
    assert placed, [(e.location, e.evidence[0].text) for e in ex.events]
    assert placed[0].location.geo_precision == 1 and str(placed[0].date) == "2025-03-09"


def test_a_verb_between_makes_the_place_the_actor():
    ex = extract("Pakistan carried out airstrikes inside Afghanistan on Tuesday that it said targeted hideouts "
                 "in Paktika province, killing 12 people.", published="2025-03-13")
    assert ex.events
    assert all(e.location is None or e.location.country != "PK" for e in ex.events)
