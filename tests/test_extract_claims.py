"""Count claims, attribution and numbers: the patterns of news language, each on sentences written here."""
from __future__ import annotations

from datetime import date

import pytest

from tallylog import extract
from tallylog.extract.attribution import attribute
from tallylog.extract.numbers import parse_cardinal, parse_ordinal
from tallylog.extract.sentences import split_sentences


@pytest.mark.parametrize("text,value", [
    ("118", 118), ("1,200", 1200), ("two", 2), ("twenty-one", 21), ("a dozen", 12),
    ("two hundred", 200), ("1.5 million", 1_500_000), ("dozens", None), ("several", None), ("seventy", 70),
])
def test_cardinals(text, value):
    assert parse_cardinal(text) == value


@pytest.mark.parametrize("text,value", [("144th", 144), ("third", 3), ("twenty-first", 21), ("1st", 1)])
def test_ordinals(text, value):
    assert parse_ordinal(text) == value


def test_sentences_keep_abbreviations_and_offsets():
    text = "Headline\n\nA U.S. official said Gen. Smith left on Oct. 19. Then he came back!"
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Headline", "A U.S. official said Gen. Smith left on Oct. 19.", "Then he came back!"]
    assert all(text[s.start:s.end] == s.text for s in sents)


@pytest.mark.parametrize("sentence,speaker,via", [
    ("A US military official told Al Mayadeen that the base was hit.", "US military official", "Al Mayadeen"),
    ("Gunmen stormed a hotel on Tuesday, killing five people, police said.", "police", None),
    ("Three soldiers were killed, the army said in a statement.", "army", None),
    ("Reuters reported, citing a police official, that the blast killed seven.", "police official", "Reuters"),
    ("According to the health ministry, 12 people died.", "health ministry", None),
    ("The drone hit the base on Sunday.", None, None),
])
def test_attribution(sentence, speaker, via):
    a = attribute(sentence)
    assert (a.speaker, a.via) == (speaker, via)


def test_denial_and_hedge_are_read():
    assert attribute("The ministry denied that any drone reached the base.").denied
    assert attribute("The militia reportedly fired two rockets.").hedged


def _claims(text, published="2024-01-04"):
    return extract(text, published=published).claims


def test_running_tally_with_period_speaker_and_breakdown():
    text = ("Officials count attacks\n\nUS forces in Iraq and Syria have been attacked at least 151 times since "
            "Oct. 17, 67 in Iraq and 84 in Syria, a Pentagon spokesman told reporters on Monday.")
    claims = _claims(text, "2024-01-16")
    total = next(c for c in claims if c.value == 151)
    assert total.qualifier == "at_least" and total.unit == "attacks"
    assert total.since == date(2023, 10, 17)
    assert total.as_of == date(2024, 1, 16)
    assert set(total.region) == {"IQ", "SY"}
    assert total.speaker == "Pentagon spokesman"
    parts = {c.value: c for c in claims if c.part_of is not None}
    assert set(parts) == {67, 84}
    assert parts[67].region == ["IQ"] and parts[84].region == ["SY"]
    assert all(claims[p.part_of] is total for p in parts.values())


def test_ordinal_count_is_an_exact_claim():
    claims = _claims("Drone hits base\n\nIt was the 144th attack on US forces since October, officials said.")
    assert [(c.value, c.qualifier, c.unit, c.ordinal) for c in claims] == [(144, "exact", "attacks", True)]


def test_casualty_total_over_many_attacks_is_a_claim_but_single_toll_is_not():
    many = _claims("Toll of the campaign\n\nMore than 70 US troops have been injured in those attacks, the Pentagon said.")
    assert [(c.value, c.qualifier, c.unit) for c in many] == [(70, "more_than", "injured")]
    single = _claims("Blast kills five\n\nA roadside bomb killed five soldiers near the town on Monday, police said.")
    assert single == []


def test_since_without_publication_date_is_partial_and_said():
    claims = extract("Count\n\nMilitias have carried out at least 40 attacks since October 17, officials said.").claims
    assert len(claims) == 1
    c = claims[0]
    assert c.since is None and c.since_partial == "--10-17"
    assert any("year" in n for n in c.notes)


def test_numbers_that_are_not_counts_are_ignored():
    text = ("Report\n\nThe attack came 10 days after the operation began, 30 km from Tower 22, "
            "and cost $50 million in damage to 3 percent of the base.")
    assert _claims(text) == []


def test_same_count_said_twice_is_one_claim_with_both_spans():
    text = ("Tally\n\nThe group has so far conducted 60 operations against US bases since October 17. "
            "A US official told Reuters that US forces had faced at least 60 attacks since October 17.")
    claims = _claims(text)
    assert len(claims) == 1
    c = claims[0]
    assert c.value == 60 and c.qualifier == "at_least"
    assert c.speaker == "US official" and c.via == "Reuters"
    assert len(c.evidence) >= 3


def test_running_total_phrasing():
    claims = _claims("Tally rises\n\nThe latest strike brought the total number of attacks on US forces since "
                     "October 17 to at least 151, a defense official said.", "2024-01-16")
    assert [(c.value, c.qualifier, c.unit, c.since) for c in claims] == [(151, "at_least", "attacks", date(2023, 10, 17))]


def test_war_toll_is_a_claim_and_disease_deaths_are_not():
    war = _claims("War toll\n\nSince the war began, more than 30,000 people have been killed in Gaza, the health "
                  "ministry said.", "2024-03-01")
    assert [(c.value, c.qualifier, c.unit) for c in war] == [(30000, "more_than", "killed")]
    assert war[0].speaker == "health ministry"
    assert _claims("Outbreak\n\nThe cholera outbreak has killed 300 people since January, officials said.") == []


def test_count_without_a_place_counts_in_the_reports_country():
    text = ("Pakistan operations\n\nPakistan's army said on Monday it had killed militants in Balochistan. "
            "Security forces in Pakistan have conducted 4,000 operations this year, the army said.")
    [c] = [c for c in _claims(text, "2024-06-03") if c.unit == "attacks"]
    assert c.value == 4000 and c.region == ["PK"]
    assert c.since == date(2024, 1, 1)


def test_breakdown_with_repeated_unit_words():
    claims = _claims("Tally\n\nUS forces in Iraq and Syria have been attacked at least 140 times since October 17, "
                     "57 times in Iraq and 83 times in Syria, the official said.", "2024-01-16")
    by_value = {c.value: c for c in claims}
    assert set(by_value) == {140, 57, 83}
    assert by_value[57].region == ["IQ"] and by_value[83].region == ["SY"]
    assert by_value[57].part_of == by_value[83].part_of == claims.index(by_value[140])


def test_breakdown_with_once_and_bare_numbers():
    claims = _claims("Tally\n\nMilitias have attacked US forces at least 170 times since October 17, 67 times in "
                     "Iraq, 102 in Syria and once in Jordan, the Pentagon said.", "2024-02-06")
    parts = {(c.value, tuple(c.region)) for c in claims if c.part_of is not None}
    assert parts == {(67, ("IQ",)), (102, ("SY",)), (1, ("JO",))}


def test_casualty_total_with_an_aside():
    claims = _claims("Toll\n\nSince January, 16 people, including civilians, were killed and 25 wounded in attacks "
                     "on the city, officials said.", "2024-02-06")
    assert {(c.value, c.unit) for c in claims} == {(16, "killed"), (25, "injured")}
