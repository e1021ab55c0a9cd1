"""Two patterns of wire copy about strikes on several towns.

1. An incident whose day stands in its own sentence, far from the act ("A drone attack on the border town of
   Valuyki killed a woman and wounded two men on Sunday"), is another incident than one told later at another
   town on another day ("Late on Saturday, a drone hit a bus in the city of Belgorod").
2. "The drone hit a house on the edge of the town" after a sentence under a dateline is the town the sentence
   told, not the dateline's city.
"""
from __future__ import annotations

from tallylog.pipeline import extract

STORY = ("MOSCOW (Reuters) - A Ukrainian drone attack on the Russian border town of Valuyki killed a woman and wounded "
         "two men on Sunday, the regional governor said, as talks on a ceasefire stalled.\n\n"
         "The drone hit a private house on the edge of the town, the governor said. The two men were taken to "
         "hospital. Late on Saturday, a drone hit a parked bus in the city of Belgorod, injuring five people, he "
         "said.")


def test_another_town_on_another_day_is_another_incident():
    ex = extract(STORY, published="2025-12-01")
    by_place = {e.location.name: e for e in ex.events}
    assert set(by_place) == {"Valuyki", "Belgorod"}
    assert str(by_place["Valuyki"].date) == "2025-11-30" and by_place["Valuyki"].fatalities == 1
    assert str(by_place["Belgorod"].date) == "2025-11-29" and by_place["Belgorod"].injured == 5


def test_the_town_is_the_one_told_not_the_datelines():
    ex = extract(STORY, published="2025-12-01")
    assert not any(e.location.name == "Moscow" for e in ex.events)


def test_the_same_town_on_the_same_day_stays_one_incident():
    ex = extract("MOSCOW (Reuters) - A Ukrainian drone attack on the Russian border town of Valuyki killed a woman on "
                 "Sunday, the regional governor said.\n\nThe drone hit a private house on the edge of the town, he "
                 "said.", published="2025-12-01")
    assert [e.location.name for e in ex.events] == ["Valuyki"]


def test_the_city_after_a_dateline_with_its_country_is_the_town_told():
    ex = extract("DAMASCUS, Syria (DW) - Gunmen attacked a checkpoint near the coastal city of Jableh late on Tuesday, "
                 "killing three of its members, the interior ministry said.\n\nThe attackers opened fire from a passing "
                 "car and fled towards the mountains east of the city, a ministry spokesman said.",
                 published="2025-04-16")
    assert [e.location.name for e in ex.events] == ["Jablah"]
