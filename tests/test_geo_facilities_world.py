"""Facilities outside the Middle East in the shipped gazetteer: camps, schools, hotels, malls, prisons,
crossings, ports, refineries and dams that GeoNames cities500 lacks or lists only as the town around them.

Each positive sentence must give a mention in the right country within 25 km of the site. The reference points
below are approximate positions of the sites themselves (to a few km), written down independently of the table's
points, which are often the coordinates of the nearest town. The negative sentences use the same words where they
name something else (a person, a company, another landmark) and must give no facility.
"""
from __future__ import annotations

import pytest

from tallylog.geo import Geocoder
from tallylog.geo.gazetteer import haversine_km


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()  # the shipped facilities table


# sentence, country, approximate site position, whether the site itself (not only its town) must be named
POSITIVE = [
    # camps for displaced people and refugees
    ("Gunmen stormed the Zamzam camp on Friday, residents said.", "SD", (13.50, 25.30), True),
    ("RSF fighters shelled the Abu Shouk displacement camp overnight.", "SD", (13.66, 25.36), True),
    ("Security forces raided Kalma camp for displaced people.", "SD", (12.03, 25.02), True),
    ("Cholera spread through the Dadaab refugee camps.", "KE", (0.05, 40.31), True),
    ("Aid agencies said the Kakuma and Dadaab camps were short of food.", "KE", (3.71, 34.86), True),
    ("Bombs fell on the Mugunga and Lushagala camps west of Goma.", "CD", (-1.62, 29.16), True),
    ("Families fled the Kanyaruchinya displacement camp as fighting neared.", "CD", (-1.60, 29.25), True),
    ("Soldiers guarded the Bentiu POC site after the clashes.", "SS", (9.23, 29.80), True),
    ("New arrivals from Mali reached the Mbera camp.", "MR", (15.86, -5.79), True),
    # schools and universities
    ("Al-Shabaab gunmen attacked Garissa University College before dawn.", "KE", (-0.45, 39.65), True),
    ("Militants stormed the Bacha Khan University on Wednesday.", "PK", (34.17, 71.74), True),
    ("Boko Haram abducted 276 girls from the Government Girls Secondary School Chibok.", "NG", (10.87, 12.85), True),
    ("Gunmen attacked the Army Public School in Peshawar.", "PK", (34.00, 71.52), False),
    ("A bomb exploded in a gymnasium of the Mindanao State University during a religious service.", "PH", (8.00, 124.26), True),
    # hotels, malls and other venues
    ("An attack on the Radisson Blu hotel in Bamako killed 20 people.", "ML", (12.63, -8.00), False),
    ("Militants attacked the Westgate mall in Nairobi.", "KE", (-1.26, 36.80), True),
    ("Gunmen seized the Taj Mahal Palace hotel during the 2008 Mumbai attacks.", "IN", (18.92, 72.83), True),
    ("Jihadists attacked the Splendid Hotel and a nearby cafe.", "BF", (12.37, -1.52), True),
    ("Gunmen opened fire at Crocus City Hall near Moscow.", "RU", (55.83, 37.39), True),
    # prisons
    ("Gunmen freed hundreds of inmates from Kuje prison near Abuja.", "NG", (8.88, 7.23), True),
    ("Rebels opened the gates of Munzenze prison as they entered Goma.", "CD", (-1.66, 29.23), True),
    ("Former detainees described torture at Sednaya prison.", "SY", (33.67, 36.33), True),
    ("Militants stormed Abu Ghraib prison and freed inmates.", "IQ", (33.29, 44.07), True),
    ("Prisoners broke out of Pul-e-Charkhi prison.", "AF", (34.54, 69.32), True),
    ("Dozens of prisoners of war died in the Olenivka prison blast.", "UA", (47.84, 37.66), True),
    # border crossings
    ("Trucks were stuck at the Torkham crossing for a week.", "PK", (34.11, 71.09), True),
    ("Pakistan closed the Chaman border crossing after clashes.", "PK", (30.90, 66.44), True),
    ("Aid convoys entered Darfur through the Adre crossing.", "TD", (13.47, 22.20), True),
    ("Aid trucks queued at Bab al-Hawa on the Turkish border.", "SY", (36.23, 36.67), True),
    # military bases and airfields
    ("Militants attacked Giwa barracks in Maiduguri.", "NG", (11.85, 13.14), True),
    ("Suicide bombers drove into the Bannu cantonment.", "PK", (32.99, 70.60), True),
    ("Indian missiles struck Nur Khan air base near Rawalpindi.", "PK", (33.62, 73.10), True),
    ("Militants breached the perimeter of the Pathankot air base.", "IN", (32.23, 75.63), True),
    ("Gunmen attacked the Uri army base before dawn.", "IN", (34.09, 74.05), True),
    # ports, oil and gas, dams
    ("Insurgents advanced on the Afungi LNG site.", "MZ", (-10.85, 40.51), True),
    ("Sudanese troops recaptured the Heglig oil field.", "SD", (10.00, 29.40), True),
    ("Ukrainian drones hit the Ryazan oil refinery overnight.", "RU", (54.59, 39.76), True),
    ("Fires broke out at the Kirishi refinery after a drone strike.", "RU", (59.45, 32.02), True),
    ("The Kakhovka dam was destroyed in June.", "UA", (46.78, 33.37), True),
    ("Missiles struck grain silos at Izmail port on the Danube.", "UA", (45.35, 28.84), True),
    ("Gunmen attacked the Gwadar Port Authority complex.", "PK", (25.11, 62.33), True),
]


@pytest.mark.parametrize("sentence,country,site,named", POSITIVE, ids=[s[0][:40] for s in POSITIVE])
def test_facility_sentence_resolves_near_the_site(geo: Geocoder, sentence, country, site, named) -> None:
    found = [m for m in geo.geoparse(sentence) if m.latitude is not None and m.country == country
             and haversine_km(m.latitude, m.longitude, *site) <= 25.0]
    assert found, [(m.text, m.country, m.latitude, m.longitude) for m in geo.geoparse(sentence)]
    if named:
        assert any((m.gazetteer_id or "").startswith("facility:") for m in found), \
            [(m.text, m.gazetteer_id) for m in found]


# the site's mention covers its facility word, and a camp is a camp, a crossing a crossing
@pytest.mark.parametrize("sentence,text,feature", [
    ("Gunmen stormed the Zamzam camp on Friday.", "Zamzam camp", "camp"),
    ("Trucks were stuck at the Torkham crossing.", "Torkham crossing", "border_crossing"),
    ("Inmates escaped from Owerri prison.", "Owerri prison", "other"),
    ("Drones struck the Novorossiysk naval base.", "Novorossiysk naval base", "port"),
    ("Soldiers reinforced the Kati military camp.", "Kati military camp", "military_base"),
])
def test_facility_mention_text_and_feature(geo: Geocoder, sentence, text, feature) -> None:
    m = next((m for m in geo.geoparse(sentence) if m.text == text), None)
    assert m is not None, [x.text for x in geo.geoparse(sentence)]
    assert m.feature == feature and (m.gazetteer_id or "").startswith("facility:")


# words of the new rows where they name something else: no facility may be found
NEGATIVE = [
    "Tourists queued at the Taj Mahal in Agra.",
    "Serena Williams won the final in straight sets.",
    "Uri Geller bent a spoon on television.",
    "Westgate Resorts reported higher profits.",
    "The court ruled on the Bakassi peninsula dispute.",
    "Officials in Kabul said the talks would resume.",
    "Heavy rain flooded Mumbai on Tuesday.",
    "Residents of Chaman protested against the closure.",
    "The governor of Ryazan said debris fell on a house.",
    "Inmates were moved to a jail in Owerri.",
    "Kalma Nieminen spoke to reporters.",
    "The Splendid Table is a radio programme about food.",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_alias_does_not_match_other_senses(geo: Geocoder, sentence) -> None:
    facilities = [(m.text, m.gazetteer_id) for m in geo.geoparse(sentence)
                  if (m.gazetteer_id or "").startswith("facility:")]
    assert not facilities, facilities


def test_town_with_a_facility_word_but_no_row_stays_the_town(geo: Geocoder) -> None:
    # no row for a prison in Maiduguri: the town, at precision 2 (the prison is in or near it)
    ms = [m for m in geo.geoparse("Inmates escaped from the Maiduguri prison after the flood.") if m.latitude]
    assert ms and ms[0].country == "NG" and ms[0].feature == "populated_place" and ms[0].geo_precision == 2


def test_unknown_prison_or_mall_is_no_place(geo: Geocoder) -> None:
    # "prison", "jail" and "mall" name only facilities the table knows: an unknown name before them is no place
    # (unlike "X air base", which is kept with null coordinates)
    for sentence in ("Dissidents are held in Evin prison.", "Shoppers fled the Gateway mall.",
                     "He spent a year in Lurigancho jail."):
        assert not [m for m in geo.geoparse(sentence) if m.latitude is None], sentence


def test_core_name_needs_the_facility_word(geo: Geocoder) -> None:
    # "Kuje" alone is the town; "Kuje prison" the prison
    town = [m for m in geo.geoparse("Gunmen attacked villages in Kuje.") if m.text == "Kuje"]
    assert town and town[0].feature == "populated_place"
    prison = [m for m in geo.geoparse("Gunmen attacked Kuje prison.") if m.text.startswith("Kuje")]
    assert prison and prison[0].gazetteer_id.startswith("facility:")
