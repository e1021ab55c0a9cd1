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


def test_a_perpetrators_claimed_toll_gives_way_to_the_armys():
    text = ("BAMAKO (Reuters) - Jihadist fighters stormed a Malian army camp in Douentza at dawn on Monday after a car "
            "bomb exploded at its gate. JNIM claimed the attack on Tuesday, saying it had killed 40 soldiers. The "
            "army's general staff said on Tuesday that 11 soldiers were killed and 17 wounded.")
    events = extract(text, published="2025-09-03").events
    assert len(events) == 1 and events[0].fatalities == 11


def test_a_claimed_toll_alone_is_kept():
    text = ("BAMAKO (Reuters) - Jihadist fighters stormed a Malian army camp in Douentza at dawn on Monday. JNIM "
            "claimed the attack on Tuesday, saying it had killed 40 soldiers.")
    events = extract(text, published="2025-09-03").events
    assert len(events) == 1 and events[0].fatalities == 40


def test_a_headline_naming_the_region_by_its_town_is_the_storys_incident():
    text = ("Myanmar: air strike kills 11 in Sagaing village - residents\n\n"
            "YANGON, May 9 - A military jet bombed a village in Kanbalu township in Myanmar's Sagaing region on "
            "Wednesday afternoon, killing 11 people and wounding at least 20, residents said.")
    events = extract(text, published="2024-05-09").events
    assert len(events) == 1 and (events[0].location.text or "").startswith("Kanbalu")


def test_a_flash_slug_is_no_dateline():
    text = ("FLASH - Gunmen kill at least 7 at cattle market in northwest Nigeria's GUSAU - police\n\n"
            "GUSAU, Nigeria, March 5 - Gunmen on motorcycles opened fire at a cattle market on the outskirts of Gusau "
            "on Tuesday, killing at least seven traders, police said.")
    events = extract(text, published="2024-03-05").events
    assert len(events) == 1 and str(events[0].date) == "2024-03-05"


def test_the_hospital_the_wounded_were_taken_to_is_not_where_the_attack_was():
    text = ("BAGHDAD (Reuters) - Islamic State militants attacked an army post in Tuz Khurmatu on Tuesday night, killing "
            "four soldiers, security sources said.\n\nTwo other soldiers were wounded and taken to a hospital in Tikrit, "
            "a medical source said.")
    events = extract(text, published="2025-04-23").events
    assert all((e.location.text or "") != "Tikrit" for e in events if e.location)


def test_an_attack_on_a_hospital_is_placed_at_its_town():
    events = extract("BENI, Congo (AP) - In October, ADF fighters attacked a hospital in Oicha, north of Beni, killing "
                     "17 patients.", published="2025-11-20").events
    assert events and (events[0].location.text or "") == "Oicha"


def test_a_village_in_a_township_far_from_its_namesake_is_placed_by_the_township():
    text = ("On 11 March, the military carried out an air strike on Tha Yet Taw village in Kanbalu township, Sagaing "
            "Region, reportedly killing 14 people, including six children.")
    events = extract(text, published="2024-03-20").events
    assert events and events[0].location is not None
    assert events[0].location.latitude is not None and events[0].location.latitude > 22  # Sagaing, not near Yangon


def test_the_entrance_of_a_town_places_an_act_there():
    text = ("MOGADISHU - On 9 October 2024, gunmen opened fire on an army checkpoint at the western entrance of "
            "Afgooye, killing two soldiers, the court found.")
    events = extract(text, published="2025-02-20").events
    assert events and (events[0].location.text or "").startswith("Afgooye")


def test_a_street_of_a_citys_neighbourhood_places_the_act_in_the_city():
    text = ("KYIV, Ukraine (AP) - At 8:05 a.m. on 3 June 2025, a first-person-view drone hit a city bus at a stop in "
            "Kherson's Dniprovskyi district, close to the river. A woman was killed.\n\n"
            "A cyclist on the Korabel peninsula\n\n"
            "On 17 June, a drone dropped an explosive on a man riding a bicycle on a street of Kherson's Korabel "
            "neighbourhood, killing him.")
    events = extract(text, published="2025-07-10").events
    cyclist = [e for e in events if str(e.date) == "2025-06-17"]
    assert cyclist and cyclist[0].location is not None and cyclist[0].location.name == "Kherson"
