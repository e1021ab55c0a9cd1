"""A capture needs a place or a site held by force as its object: police stations and checkpoints are such sites
("Fano fighters overran a police station ..."), as bases and outposts are; "captured on video" is none."""
from __future__ import annotations

import pytest

from tallylog.pipeline import extract


@pytest.mark.parametrize("text", [
    "Fano fighters overran a police station on the outskirts of Debre Markos on Tuesday, residents said.",
    "Insurgents seized a checkpoint near Mocimboa da Praia on Tuesday, residents said.",
])
def test_capture_of_a_station_or_checkpoint(text):
    ex = extract(text, published="2025-03-12")
    assert [e.sub_event_type for e in ex.events] == ["Non-state actor overtakes territory"]


def test_captured_on_video_is_nothing():
    ex = extract("Residents captured on video a convoy passing through Debre Markos on Tuesday.", published="2025-03-12")
    assert ex.events == []


def test_a_town_retaken_by_the_army_is_territory_regained():
    ex = extract("The army said it had retaken the town of Kobo in January after weeks of fighting with Fano militias.",
                 published="2025-02-20")
    assert [e.sub_event_type for e in ex.events] == ["Government regains territory"]
