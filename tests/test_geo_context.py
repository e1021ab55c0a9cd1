"""Document context from a text's actors, world cities against small namesakes, and natural features.

1. A demonym (or a country's name) before a national institution or its forces ("Spanish police", "the
   Nigerian army") and a plural demonym naming the people ("Syrians were killed") make the text about that
   country: a namesake there wins over a bigger one abroad, but a country the text names still comes first.
2. A world city wins over a far smaller namesake in a context country ("Cairo" in a story about the US),
   unless other places of the text lie around the namesake.
3. A capitalised name followed by a feature word ("the Mau Forest", "the Nuba Mountains") names that feature,
   not a town of the first word's name; towns whose names end in such a word ("Lake Charles", "Athi River",
   "Forest Hills") stay towns.

The first use builds the SQLite index in the cache dir (several seconds); later runs reuse it.
"""
from __future__ import annotations

import pytest

from tallylog.geo import Geocoder
from tallylog.geo.parse import _actor_countries, _context, _mark_people_and_orgs, _spans, _tokenise


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder()


def _find(mentions, text):
    found = [m for m in mentions if m.text == text]
    assert found, f"{text!r} not found in {[m.text for m in mentions]}"
    return found[0]


def _actors(geo: Geocoder, text: str) -> set[str]:
    parser = geo._parser
    toks, _words = _tokenise(text, parser.lex)
    spans = _spans(text, toks)
    _context(text, spans, toks, parser.lex)
    _mark_people_and_orgs(spans, parser.lex, set())
    countries = {"Kenya": "KE", "Pakistan": "PK", "Spain": "ES"}
    return _actor_countries(text, spans, parser.lex, lambda w: countries.get(w.capitalize()))


# -- 1. actors ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,cc", [
    ("Spanish police said the suspects were arrested overnight.", "ES"),
    ("The Nigerian army said it had repelled the attack.", "NG"),
    ("Afghan security forces sustained casualties in the fighting.", "AF"),
    ("Kenyan officials blamed the militants for the raid.", "KE"),
    ("Pakistani troops returned fire across the line.", "PK"),
    ("The South Sudanese army denied the report.", "SS"),
    ("More than 150 Syrians were killed on Wednesday, the group said.", "SY"),
    ("The Kenya Police said the bus was ambushed.", "KE"),
])
def test_actor_makes_context(geo, text, cc):
    assert cc in _actors(geo, text)


@pytest.mark.parametrize("text", [
    "Spanish tourists were among those hurt, the hotel said.",
    "The Korean restaurant was closed on Monday after the storm.",
    "Syrian refugees crossed the border on foot during the night.",
    "She spoke Spanish and Arabic with the visitors from the ministry.",
])
def test_no_actor_no_context(geo, text):
    assert _actors(geo, text) == set()


def test_demonym_actor_picks_the_namesake_at_home(geo):
    # Tolosa (Gipuzkoa) against Tolosa, the Latin and Occitan name of Toulouse
    text = "Spanish police said a bomb exploded in Tolosa on Sunday. The Basque group ETA was blamed for the attack."
    m = _find(geo.geoparse(text), "Tolosa")
    assert m.country == "ES"


def test_named_country_beats_demonym_actor(geo):
    text = "Spanish police said a bomb exploded in Toulouse, France, on Sunday, killing two people at a cafe."
    m = _find(geo.geoparse(text), "Toulouse")
    assert m.country == "FR"


def test_demonym_actor_counts_for_less_than_a_named_country(geo):
    # Palmyra: the Syrian town (by its other name) and several small US towns of that name
    text = ("American troops stationed in Syria came under rocket fire near Palmyra on Tuesday, "
            "the coalition said in a statement.")
    m = _find(geo.geoparse(text), "Palmyra")
    assert m.country == "SY"


def test_demonym_actor_lets_a_small_town_in(geo):
    text = "The Nigerian army said its troops repelled an attack on Damboa late on Friday, killing several insurgents."
    m = _find(geo.geoparse(text), "Damboa")
    assert m.country == "NG" and m.latitude is not None


def test_province_of_one_country_makes_context(geo):
    text = "Police in Texas are investigating a shooting at a school in Athens on Monday that killed two people."
    assert _find(geo.geoparse(text), "Athens").country == "US"


def test_province_of_two_countries_makes_no_context(geo):
    # Punjab is a province of Pakistan and a state of India: it says nothing about a third country's town
    text = "Police in Punjab are investigating a shooting at a school in Athens on Monday that killed two people."
    found = geo.geoparse(text)
    assert _find(found, "Athens").country == "GR"


def test_pronoun_with_contraction_is_no_place(geo):
    text = ("French officials said the drill went well. \u201cFor the last nine months, every single exercise "
            "I\u2019ve done has been in Paris,\u201d the officer said.")
    assert not any(m.text.startswith("I") for m in geo.geoparse(text))


def test_district_of_a_context_country_is_no_foreign_town(geo):
    # Nawa district (Helmand) is not in the gazetteer; Nawa in Syria is a town of that name
    text = "A soldier was killed in the Shorshrak area of Nawa district of the southern Helmand province on Monday."
    ms = geo.geoparse(text)
    assert not any(m.country == "SY" for m in ms)
    assert _find(ms, "Helmand").country == "AF"


def test_foreign_town_without_a_district_word_stays(geo):
    text = "A soldier was killed in Nawa on Monday, local residents told reporters in Damascus."
    assert _find(geo.geoparse(text), "Nawa").country == "SY"


# -- 2. world cities ---------------------------------------------------------------------------------------------
def test_world_city_beats_small_namesake_in_context(geo):
    text = ("The United States said on Monday that its envoy would travel to Cairo and Warsaw for talks with "
            "officials about the war.")
    found = {m.text: m.country for m in geo.geoparse(text)}
    assert found.get("Cairo") == "EG"
    assert found.get("Warsaw") == "PL"


def test_comparable_namesake_in_context_stays(geo):
    text = "Lebanese officials said the army deployed in Tripoli and Sidon after clashes overnight in the north."
    assert _find(geo.geoparse(text), "Tripoli").country == "LB"


def test_namesake_among_nearby_places_stays(geo):
    text = ("Floods hit southern Malawi this week. Houses collapsed in Nsanje and Phalombe, officials said, and "
            "two injured boys are at Mwanza District Hospital.")
    assert _find(geo.geoparse(text), "Mwanza").country == "MW"


# -- 3. natural features -----------------------------------------------------------------------------------------
def test_forest_is_no_town_abroad(geo):
    text = "Militants fled into the Mau Forest after the attack, Kenyan police said on Monday."
    ms = geo.geoparse(text)
    m = _find(ms, "Mau Forest")
    assert m.latitude is None
    assert not any(x.country == "IN" for x in ms)


def test_lower_case_feature_word(geo):
    text = "Herders said gunmen hid in the Mau forest for two days before the raid on the village."
    ms = geo.geoparse(text)
    m = _find(ms, "Mau forest")
    assert m.latitude is None
    assert all(x.latitude is None for x in ms if x.text.startswith("Mau"))


def test_unknown_feature_takes_the_enclosing_area(geo):
    text = "Bandits attacked travellers near the Kamuku Forest in Kaduna State on Tuesday, police said."
    ms = geo.geoparse(text)
    m = _find(ms, "Kamuku Forest")
    area = _find(ms, "Kaduna State")
    assert m.latitude is None
    assert m.country == area.country == "NG"
    assert m.geo_precision == area.geo_precision == 3


def test_known_feature_resolves_whole(geo):
    text = "Gunmen staged an attack in the Boni Forest in Lamu County on Saturday, officials said."
    m = _find(geo.geoparse(text), "Boni Forest")
    assert m.country == "KE" and m.latitude is not None


def test_feature_word_alone_is_no_place(geo):
    text = "Jihadists have been active in the Liptako Plateau for years, the report said."
    assert not any(m.name == "Plateau State" for m in geo.geoparse(text))


def test_folded_spelling_is_no_town_for_a_river(geo):
    text = "Soldiers patrolled near the Ruki River after the clashes, residents said on Monday."
    ms = geo.geoparse(text)
    assert not any(m.country == "US" for m in ms)
    assert _find(ms, "Ruki River").latitude is None


@pytest.mark.parametrize("text,name,cc", [
    ("A shooting in Lake Charles left two people dead on Sunday, police said.", "Lake Charles", "US"),
    ("The shooting happened in Forest Hills, New York, late on Tuesday night, police said.", "Forest Hills", "US"),
    ("Police found the bodies in Athi River on Monday morning, residents said.", "Athi River", "KE"),
])
def test_towns_named_like_features_stay_towns(geo, text, name, cc):
    m = _find(geo.geoparse(text), name)
    assert m.country == cc and m.feature == "populated_place" and m.latitude is not None


def test_county_named_after_a_river_is_no_feature(geo):
    text = "Deputies in Red River County arrested the suspect on Friday after a short chase, the sheriff said."
    assert not any(m.text.startswith("Red River") and m.feature == "area" for m in geo.geoparse(text))


def test_feature_without_a_placing_cue_is_not_kept(geo):
    text = "The Nuba Mountains Relief Committee said it had sent food to the region last month."
    assert not any(m.text.startswith("Nuba") for m in geo.geoparse(text))
