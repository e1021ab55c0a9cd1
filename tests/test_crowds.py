"""Crowds' violence, as ACLED types it (Riots): protesters who turn violent are a Violent demonstration; a crowd
or mob that attacks or kills people outside a demonstration is Mob violence; a crowd that only gathers is
nothing."""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract

PUB = "2025-03-12"


def test_protesters_throwing_stones_are_a_violent_demonstration():
    ex = extract("Protesters threw stones at police and burned tyres in Kisumu on Tuesday, police said.", published=PUB)
    assert [e.sub_event_type for e in ex.events] == ["Violent demonstration"]


@pytest.mark.parametrize("text, killed", [
    ("A crowd attacked and killed two men suspected of kidnapping in Port Harcourt on Sunday, police said.", 2),
    ("An angry mob beat a suspected thief to death in Kano on Monday, police said.", 1),
])
def test_a_crowd_killing_people_is_mob_violence(text, killed):
    ex = extract(text, published=PUB)
    assert [(e.sub_event_type, e.fatalities) for e in ex.events] == [("Mob violence", killed)]


def test_a_crowd_gathering_is_nothing():
    assert extract("A crowd gathered outside the court in Kano on Monday.", published=PUB).events == []
