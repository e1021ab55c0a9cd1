"""Long wire stories: places told by a ward, a forest or a mountain range; 'gang' is no town."""
from __future__ import annotations

import pytest

from tallylog.geo import get_geocoder
from tallylog.pipeline import extract


@pytest.mark.parametrize("text, town", [
    ("YANGON (AP) - Separately, artillery shells fired from a military base struck a residential ward of Myitkyina, "
     "the state capital, on Sunday night, killing two children, residents said.", "Myitkyina"),
    ("SRINAGAR (Reuters) - In August an army captain was killed in a gunbattle with militants in the forests of "
     "Kishtwar, the army said.", "Kishtwar"),
])
def test_a_ward_or_a_forest_of_a_town_places_the_act_there(text, town):
    events = extract(text, published="2026-01-21").events
    assert events and events[0].location is not None and (events[0].location.text or "").startswith(town)


def test_gang_members_name_no_town():
    places = get_geocoder().geoparse("PORT-AU-PRINCE, Haiti (AP) - Gang members attacked the town of Verrettes "
                                     "overnight, killing at least 20 people.")
    assert {p.country for p in places if p.latitude is not None} == {"HT"}
