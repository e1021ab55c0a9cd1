"""Places named only by reference to one told before: "there", "the city", "the town's outskirts"."""
from __future__ import annotations

from tallylog.pipeline import extract


def _places(text: str, published: str) -> list[tuple[str | None, int | None]]:
    return [(e.location.name if e.location else None, e.fatalities) for e in extract(text, published=published).events]


def test_there_takes_the_town_of_the_sentence_before():
    text = ("KABUL (Reuters) - A suicide bomber killed 12 people at a mosque in Herat on Friday. On Saturday, officials "
            "toured the market in Kunduz. Hours later, a car bomb exploded there, killing seven people, police said.")
    assert ("Kunduz", 7) in _places(text, "2025-05-20")


def test_there_two_sentences_back_across_a_quote():
    text = ("ABUJA, Nigeria (Reuters) - Residents of Gwoza have lived under curfew for a month. \"We sleep in the fields,\" "
            "one farmer said. On Tuesday, gunmen on motorcycles killed five farmers there, a local official said.")
    names = [n for n, _ in _places(text, "2025-06-12")]
    assert names and names[0] == "Gwoza"


def test_there_of_existence_points_nowhere():
    # "there were" says something exists; it does not name the town before as the place of the act
    text = ("KABUL (Reuters) - A suicide bomber killed 12 people at a mosque in Herat on Friday. On Saturday, officials "
            "toured the market in Kunduz. There were no casualties when a bomb exploded under a police vehicle on Sunday, "
            "police said.")
    assert all(name != "Kunduz" for name, _ in _places(text, "2025-05-20"))


def test_the_city_from_the_sentence_before_not_a_destination():
    text = ("PORT-AU-PRINCE, Haiti (AP) - Gunmen killed a town councillor in Jeremie in August. Police recaptured 37 escapees in Les Cayes and on the road to Camp-Perrin on Sunday. "
            "A police officer was shot dead in the city on Sunday afternoon, police said.")
    names = [n for n, _ in _places(text, "2025-10-07")]
    assert "Les Cayes" in names and "Camp Perrin" not in names


def test_near_the_port_is_not_the_town_told_before():
    # "near the port" is a port's grounds, not a reference to a town of the sentence before
    text = ("PORT-AU-PRINCE, Haiti (AP) - Police recaptured 37 escapees in Les Cayes and on the road to Camp-Perrin on Sunday. "
            "A police officer was shot dead during a search of a neighbourhood near the port on Sunday afternoon, police said.")
    names = [n for n, _ in _places(text, "2025-10-07")]
    assert "Camp Perrin" not in names
