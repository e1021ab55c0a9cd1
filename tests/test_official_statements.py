"""The register of military and police statements and of live pages: "neutralised", "eliminated", "engaged",
"made contact with", "repelled an attempt", drones "destroyed over" a region; a time of day with no day; a city's
own district named by its possessive."""
from __future__ import annotations

import pytest

from tallylog.geo import get_geocoder
from tallylog.pipeline import extract


def _events(text: str, published: str = "2025-06-27"):
    return extract(text, published=published).events


@pytest.mark.parametrize("text, place, killed", [
    ("MAIDUGURI, Nigeria - On Tuesday, troops eliminated three terrorists who approached their position near Bama, "
     "the army said.", "Bama", 3),
    ("MAIDUGURI, Nigeria - In the early hours of Wednesday, troops repelled an attack by terrorists on Damboa, "
     "neutralising four of them, the army said.", "Damboa", 4),
    ("COTABATO, Philippines - On Monday, soldiers engaged around 15 members of the Dawlah Islamiyah group in the "
     "hinterlands of Ampatuan, killing three, the army said.", "Ampatuan", 3),
    ("MOGADISHU - On Tuesday, national army troops \"eliminated\" 27 al-Shabab fighters in an operation near "
     "Bu'aale in the Middle Juba region, the ministry said.", "Bu", 27),
])
def test_military_words_for_killing_are_clashes_with_their_toll(text, place, killed):
    events = _events(text)
    assert len(events) == 1
    e = events[0]
    assert e.event_type == "Battles" and e.sub_event_type == "Armed clash"
    assert e.fatalities == killed
    assert e.location is not None and (e.location.name or "").startswith(place)


def test_made_contact_and_repelled_attempt_are_clashes():
    for text in ("MAIDUGURI, Nigeria - On Monday, troops made contact with ISWAP terrorists near Bama, neutralising six.",
                 "MOSCOW - On 22 June, units of the North group repelled an attempt by a sabotage group to penetrate "
                 "the state border near Sevsk in the Bryansk region. Nine servicemen were eliminated."):
        events = _events(text)
        assert [e.sub_event_type for e in events] == ["Armed clash"], text
        assert events[0].fatalities in (6, 9)


def test_drones_destroyed_over_a_region_are_intercepted():
    events = _events("ODESA, Ukraine - On Thursday, air defence forces destroyed 31 drones over the Odesa region, "
                     "the governor said.")
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Strategic developments", "Disrupted weapons use")]


def test_eliminated_from_a_tournament_is_no_act():
    assert _events("LAGOS, Nigeria - On Tuesday, the Super Eagles were eliminated from the tournament by Ghana.") == []


def test_a_time_of_day_with_no_day_is_the_publication_day():
    # a live page's entry: no day given anywhere, a time of day beside the act
    text = ("08:31 GMT\nIn Zaporizhzhia, a guided aerial bomb hit an industrial site in the south of the city at about "
            "8 a.m. local time, wounding four workers, regional governor Ivan Fedorov said.")
    events = _events(text, "2025-11-14")
    zap = [e for e in events if e.location and e.location.name and e.location.name.startswith("Zaporizh")]
    assert zap and str(zap[0].date) == "2025-11-14" and zap[0].date_precision == "day"


def test_a_time_of_day_beside_a_day_keeps_the_day():
    text = ("KYIV, Ukraine - On Tuesday at about 8 a.m., a guided aerial bomb hit an industrial site in Zaporizhzhia, "
            "wounding four workers, officials said.")
    events = _events(text, "2025-11-14")
    assert events and str(events[0].date) == "2025-11-11"


def test_a_citys_own_district_is_not_a_namesake_far_away():
    places = get_geocoder().geoparse("A drone struck a residential building in Kharkiv's Kyivskyi district on "
                                     "Friday. Rescuers worked through the night in the Kyivskyi district.")
    kyivskyi = [p for p in places if p.text.startswith("Kyivskyi")]
    assert len(kyivskyi) == 2
    for p in kyivskyi:
        assert p.name == "Kharkiv" and p.admin1 == "Kharkiv Oblast" and p.geo_precision == 1


def test_a_letterhead_is_no_town():
    # "Headquarters" is the alternate name of a small US town; a release's letterhead names no place
    text = ("DEFENCE HEADQUARTERS\nPRESS RELEASE\n\nTroops have sustained operations against terrorists in the "
            "North East. Troops repelled an attack on Damboa in Borno State, the Defence Headquarters said.")
    places = get_geocoder().geoparse(text)
    assert not any(p.text.lower() == "headquarters" and p.latitude is not None for p in places)
    assert any(p.country == "NG" for p in places)


def test_a_timelines_day_headings_date_the_acts_under_them():
    text = ("MORELIA, Mexico - Cartel violence left at least 16 people dead this week. Here is the week, day by day.\n\n"
            "MONDAY, MAY 4\nGunmen burst into a bar in Celaya shortly before midnight, killing six people, prosecutors said.\n\n"
            "TUESDAY, MAY 5\nDrones dropped explosives on a rural community outside Apatzingan, wounding four soldiers.\n\n"
            "FRIDAY, MAY 8\nA car bomb exploded outside the police headquarters in Salvatierra, killing one officer.")
    days = {(e.location.name or "")[:6]: str(e.date) for e in _events(text, "2026-05-10") if e.location}
    assert days.get("Celaya") == "2026-05-04"
    assert days.get("Apatzi") == "2026-05-05"
    assert days.get("Salvat") == "2026-05-08"


def test_a_single_date_line_is_no_timeline():
    # a byline's date over a story dates nothing by itself: the lede's "on Monday" stays the act's day
    text = ("May 8, 2026\n\nMORELIA, Mexico - Gunmen killed six people at a bar in Celaya on Monday, prosecutors said.")
    events = _events(text, "2026-05-08")
    assert events and str(events[0].date) == "2026-05-04"


LIVE_PAGE = ("Live: strike on Deir al-Balah home kills seven; Hezbollah rockets hit Kiryat Shmona area; raid in Jenin\n\n"
             "Middle East crisis: live coverage\n\n"
             "7:05 a.m.\nAn Israeli airstrike on a family home in Deir al-Balah in central Gaza before dawn killed at "
             "least four people, according to the civil defence agency.\n\n"
             "8:55 a.m.\nIn the occupied West Bank, Israeli forces are carrying out a raid in the Jenin refugee camp. "
             "The Palestinian health ministry said three Palestinians were killed in exchanges of fire with troops.\n\n"
             "9:30 a.m.\nHezbollah says it fired a salvo of Katyusha rockets at Kiryat Shmona. No one was hurt.\n\n"
             "5:40 p.m.\nAn Israeli drone hit a motorcycle on the coastal road south of Tyre, killing its rider.")


def test_a_live_pages_entries_are_of_its_day():
    events = _events(LIVE_PAGE, "2024-08-21")
    assert len(events) >= 4
    assert all(str(e.date) == "2024-08-21" for e in events), [(e.location and e.location.name, e.date) for e in events]


def test_a_headline_of_three_stories_is_three_incidents():
    events = _events(LIVE_PAGE, "2024-08-21")
    names = [(e.location.country if e.location else None) for e in events]
    # the Kiryat Shmona rockets (Israel) and the Jenin raid (West Bank) are told apart, not one incident
    assert "IL" in names and "PS" in names


RELEASE = ("IDF SPOKESPERSON'S UNIT\nAnnouncements, Wednesday, 20 November 2024\n\n"
           "COUNTERTERRORISM OPERATION IN JENIN\n\n"
           "IDF, ISA and Border Police forces operated in Jenin to apprehend wanted suspects. During the activity, a "
           "terrorist hurled explosive devices at the forces, who responded with fire and eliminated him.\n\n"
           "OPERATIONAL UPDATE FROM THE GAZA STRIP\n\n"
           "IDF troops continue operating in the area of Khan Yunis. An IAF aircraft, directed by the troops, struck a "
           "terrorist cell that was planting explosives near the troops in Khan Yunis, eliminating two terrorists.")


def test_a_statements_header_day_dates_the_acts_it_gives_no_day():
    events = _events(RELEASE, "2024-11-20")
    khan = [e for e in events if e.location and (e.location.name or "").startswith("Kh")]
    assert khan and str(khan[0].date) == "2024-11-20" and khan[0].fatalities == 2


def test_a_header_day_is_not_a_storys_date():
    # a date line that is a sentence of the story, not a header, dates nothing by itself
    text = ("KABUL (Reuters) - Officials said on Wednesday, 20 November 2024, that talks would resume.\n\n"
            "Gunmen killed two guards at a checkpoint in Kunduz, police said.")
    events = _events(text, "2024-11-20")
    assert events and events[0].date is None


def test_during_the_operation_is_where_the_operation_was():
    events = _events(RELEASE, "2024-11-20")
    assert any(e.location and e.location.country == "PS" and (e.location.name or "").startswith("Jan") for e in events)


def test_an_interception_told_region_by_region_is_one_incident_a_region():
    text = ("MINISTRY OF DEFENCE\nPress statement, 23 August 2025\n\n"
            "During the past night, on-duty air defence assets intercepted and destroyed 46 Ukrainian unmanned aerial "
            "vehicles:\n\n- 21 over the territory of the Bryansk region;\n- 18 over the territory of the Belgorod "
            "region;\n- 7 over the waters of the Sea of Azov.\n\nThe Ministry reminds residents to follow the "
            "instructions of the local authorities.")
    events = _events(text, "2025-08-23")
    disrupted = {(e.location.name or "") for e in events if e.sub_event_type == "Disrupted weapons use" and e.location}
    assert any(n.startswith("Bryansk") for n in disrupted)
    assert any(n.startswith("Belgorod") for n in disrupted)
    assert any("Azov" in n for n in disrupted)


def test_two_provinces_of_one_country_are_two_incidents():
    text = ("MOSCOW - Air defences shot down a drone over the Bryansk region on Friday, the governor said. "
            "In the Kursk region, shelling killed two civilians on Friday, officials said.")
    events = _events(text, "2025-08-23")
    assert len(events) == 2


def test_a_day_told_inside_the_week_of_a_headline_is_the_incidents_date():
    text = ("Africa this week: drone strike on Kosti market, base attack near Beledweyne\n\n"
            "A drone struck the central market of Kosti, in White Nile state, on Wednesday afternoon, killing eight "
            "people, the Sudan Doctors Network said.")
    events = _events(text, "2026-01-23")
    kosti = [e for e in events if e.location and (e.location.name or "").startswith("Kosti")]
    assert kosti and str(kosti[0].date) == "2026-01-21" and kosti[0].date_precision == "day"


def test_the_same_afternoon_is_the_day_of_the_incident_told_before():
    text = ("BEIRUT - An Israeli strike hit a house in Baalbek on November 6, killing four people, Airwars said.\n\n"
            "The Israeli military said on November 6 that its aircraft had struck Hezbollah targets in the Baalbek "
            "area. It had issued an evacuation warning for several neighbourhoods on the morning of November 5.\n\n"
            "On the same afternoon, Hezbollah said it had fired a salvo of rockets at Kiryat Shmona in northern Israel. "
            "Israeli media reported that several rockets fell in open areas.")
    events = _events(text, "2024-11-20")
    kiryat = [e for e in events if e.location and e.location.country == "IL"]
    assert kiryat and str(kiryat[0].date) == "2024-11-06"
