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


def test_part_of_them_inherits_unit_and_period():
    claims = _claims("Year in review\n\nBy the end of 2019, 812 had been killed in the insurgency, 301 of them "
                     "children, the ministry said.", None)
    by_value = {c.value: c for c in claims}
    assert set(by_value) == {812, 301}
    whole, part = by_value[812], by_value[301]
    assert part.unit == whole.unit == "killed"
    assert claims[part.part_of] is whole
    assert whole.since == part.since == date(2019, 1, 1)
    assert whole.as_of == part.as_of == date(2019, 12, 31)


def test_of_the_whole_a_part_refers_to_an_earlier_count():
    text = ("Attacks on markets\n\nSince March, militants have carried out 14 attacks on markets in the region, and "
            "some 240 people were wounded, officials said. Of the 240 wounded, 95 were women, the officials added.")
    claims = _claims(text, "2024-06-10")
    by_value = {c.value: c for c in claims}
    assert {14, 240, 95} <= set(by_value)
    assert by_value[240].qualifier == "about" and by_value[95].unit == "injured"
    assert claims[by_value[95].part_of] is by_value[240]
    assert by_value[95].since == by_value[240].since == date(2024, 3, 1)


def test_a_part_with_no_whole_counted_is_not_a_claim():
    text = "Clinic\n\nOf the 40 injured, 12 were children, the doctor said after the blast on Monday."
    assert all(c.value != 12 for c in _claims(text))


def test_coordinated_count_shares_verb_period_and_speaker():
    text = ("Security review\n\nIn the past six months, 420 insurgents have been killed across the province, "
            "along with 87 police officers, the interior minister said.")
    claims = _claims(text, "2024-09-30")
    by_value = {c.value: c for c in claims}
    assert set(by_value) == {420, 87}
    for c in by_value.values():
        assert c.unit == "killed" and c.part_of is None
        assert c.since == date(2024, 3, 30) and c.as_of == date(2024, 9, 30)
        assert c.speaker == "interior minister"


def test_participle_list_and_casualty_noun():
    claims = _claims("Night of violence\n\nDuring the week of unrest, some 60 more were beaten, injured and "
                     "robbed, and rights groups condemned the killing of nine more protesters in three days.",
                     "2023-05-02")
    got = {(c.value, c.qualifier, c.unit) for c in claims}
    assert (60, "about", "injured") in got
    assert (9, "exact", "killed") in got


def test_toll_of_the_event_that_starts_a_period_is_not_a_claim():
    text = ("Alert raised\n\nThe city has been on high alert since gunmen stormed a stadium and a theatre, "
            "killing 41 people.")
    assert _claims(text, "2024-04-01") == []
    running = _claims("Running toll\n\nMilitants have carried out 12 attacks since January 5, killing 41 people.",
                      "2024-04-01")
    assert {(c.value, c.unit) for c in running} == {(12, "attacks"), (41, "killed")}


def test_superseded_or_single_event_death_toll_is_not_a_claim():
    early = _claims("Rescue\n\nRescuers reached the wreckage of the market after the car bomb, leading to early "
                    "reports of a death toll of 14.", "2024-04-01")
    assert early == []
    war = _claims("War\n\nThe death toll since the fighting began has risen to 3,400, the health ministry said.",
                  "2024-04-01")
    assert [(c.value, c.unit) for c in war] == [(3400, "killed")]


def test_counts_of_one_dated_day_take_that_day_without_publication_date():
    text = ("The riots of Saturday, 14 May 1983, are still remembered in the town.\n\nBy the end of the day, the "
            "mob had set off at least 12 bombs. In just four hours of violence, 17 people were dead.")
    claims = _claims(text, None)
    by_value = {c.value: c for c in claims}
    assert {12, 17} <= set(by_value)
    for c in (by_value[12], by_value[17]):
        assert c.since == c.as_of == date(1983, 5, 14)


def test_role_is_linked_to_the_person_named_earlier():
    text = ("Army briefing\n\nMajor General Tomas Reyes, head of army public affairs, said on Monday the convoy was "
            "hit. A foreign ministry spokesman, Carlos Vidal, said talks would continue. "
            "The army spokesman said troops have carried out 230 raids since January. "
            "In the last two months, 48 fighters have been killed, Reyes said.")
    claims = _claims(text, "2024-05-20")
    by_value = {c.value: c for c in claims}
    for v in (230, 48):
        assert "Reyes" in by_value[v].speaker and "army spokesman" in by_value[v].speaker
    assert by_value[48].since == date(2024, 3, 20)


@pytest.mark.parametrize("sentence,speaker", [
    ("The report said 300 people had been killed since January.", None),
    ("A UN report said 300 people had been killed since January.", "UN"),
    ("A study by Human Rights Watch said 300 people had been killed since January.", "Human Rights Watch"),
    ("The statement said 300 people had been killed since January.", None),
])
def test_a_document_is_never_the_speaker(sentence, speaker):
    assert attribute(sentence).speaker == speaker


def test_the_report_is_credited_to_its_author_named_nearby():
    text = ("Rights group counts deaths\n\nAmnesty International released a report on Tuesday on the conflict. "
            "The report said 1,200 civilians have been killed since the war began.")
    [c] = _claims(text, "2024-02-07")
    assert c.value == 1200 and c.speaker == "Amnesty International"


def test_toll_of_strikes_at_several_places_is_a_claim_of_that_day_with_each_clause_speaker():
    text = ("Strikes hit militia sites\n\nAirstrikes on Homs and Hama on Sunday night killed 12 people in Syria, the health ministry "
            "said on Monday, and a monitoring group said 9 fighters were killed in Iraq.\n\n"
            "The Iraqi Observatory for Security said strikes near Ramadi and Fallujah killed at least 9 fighters.")
    claims = _claims(text, "2024-03-11")
    by_value = {c.value: c for c in claims}
    assert set(by_value) == {12, 9}
    assert by_value[12].region == ["SY"] and by_value[9].region == ["IQ"]
    assert by_value[12].since == by_value[12].as_of == date(2024, 3, 10)
    assert by_value[12].speaker == "health ministry"
    assert by_value[9].speaker == "Iraqi Observatory for Security"  # a named source over a bare description
    assert by_value[9].qualifier == "at_least"


def test_country_toll_after_strikes_placed_at_several_sites():
    text = ("Jets strike depots\n\nJets struck 40 targets at five facilities in Syria on Saturday, the army said.\n\n"
            "The facilities were in and around Homs and Hama. A Syrian official said 14 people were killed in Syria in the strikes.")
    claims = _claims(text, "2024-03-11")
    [c] = [c for c in claims if c.unit == "killed"]
    assert c.value == 14 and c.region == ["SY"]
    assert c.since == c.as_of == date(2024, 3, 9)
    single = _claims("Car bomb\n\nA car bomb exploded in a market in Homs on Saturday. Officials said 14 people "
                     "were killed in Syria in the blast.", "2024-03-11")
    assert single == []


def test_casualties_in_the_counted_attacks_take_their_region():
    text = ("Tally\n\nMilitias have attacked US forces at least 90 times since October 17 in Iraq and Syria, "
            "officials said.\n\nTargets have included bases across the region. The spokesman said about 50 "
            "troops have been injured in the attacks since October 17.")
    claims = _claims(text, "2024-01-10")
    injured = next(c for c in claims if c.unit == "injured")
    assert injured.value == 50 and set(injured.region) == {"IQ", "SY"}


def test_the_day_a_count_was_announced_is_not_its_period():
    claims = _claims("Strikes\n\nOn Tuesday, officials said 40 people had been killed in strikes on Homs and Hama.",
                     "2024-03-13")
    [c] = claims
    assert c.value == 40 and c.since is None and c.as_of == date(2024, 3, 13)


@pytest.mark.parametrize("sentence", [
    "Another survey said 250 civilians had been killed since March.",
    "Each study said 250 civilians had been killed since March.",
    "One analysis said 250 civilians had been killed since March.",
])
def test_a_determiner_alone_is_never_the_speaker(sentence):
    a = attribute(sentence)
    assert a.speaker is None and a.document


def test_a_named_index_is_a_source_the_report_is_credited_to():
    text = ("Violence index\n\nAccording to the Regional Violence Index, political killings rose sharply in Colombia "
            "last year. The report said 412 people were killed in 2023.")
    [c] = _claims(text, "2024-04-02")
    assert c.value == 412 and c.speaker == "Regional Violence Index"


def test_the_report_is_not_credited_to_a_person_named_earlier_with_a_role():
    text = ("Police briefing\n\nColonel Ana Duarte, head of the national police press office, said on Monday the "
            "roads were open. The police spokeswoman said patrols would continue. "
            "The report said 95 attacks have been recorded since January.")
    [c] = _claims(text, "2024-06-03")
    assert c.value == 95 and (c.speaker is None or "Duarte" not in c.speaker)


@pytest.mark.parametrize("clause,since", [
    ("Since the strikes began in November", date(2023, 11, 1)),
    ("Since the uprising broke out on August 14", date(2023, 8, 14)),
    ("Since the clashes erupted in mid-October", date(2023, 10, 11)),  # the middle third of the month
])
def test_the_month_a_since_clause_gives_its_event_starts_the_period(clause, since):
    text = f"Unrest\n\n{clause}, 86 people have been injured in Peru, a rights group said."
    [c] = _claims(text, "2024-01-15")
    assert c.value == 86 and c.unit == "injured"
    assert c.since == since and c.as_of == date(2024, 1, 15)


# --- counts that name their unit only by the count before, periods told in many ways, and who gives them ---

def _one(claims, value, unit=None):
    found = [c for c in claims if c.value == value and (unit is None or c.unit == unit)]
    assert found, f"no claim of {value} in {[(c.value, c.unit) for c in claims]}"
    return found[0]


def test_unit_word_as_a_modifier_counts_no_attacks():
    text = "Drones over the capital\n\nThe army fired 300 attack drones and 40 strike aircraft at the border region last month."
    assert not [c for c in _claims(text, "2025-06-10") if c.unit == "attacks"]


def test_ordinal_with_qualifier_or_possessive():
    text = ("Camp raided again\n\nSoldiers raided the camp near Gao on Sunday in what aid workers called at least the sixth "
            "raid on the site since March. The militia called its own assault on a convoy its 40th operation against the army.")
    claims = _claims(text, "2025-06-10")
    sixth = _one(claims, 6, "attacks")
    assert sixth.qualifier == "at_least" and sixth.since == date(2025, 3, 1)
    assert _one(claims, 40, "attacks").qualifier == "exact"


def test_ordinal_named_by_its_subject_and_a_further_ordinal_with_its_own_period():
    text = ("Airport hit\n\nThe bombing was the fourth in the city this year, police said. It was the fifth rocket attack "
            "on the airport this month, and the ninth since January, the airport authority said.")
    claims = _claims(text, "2025-06-10")
    assert _one(claims, 4).since == date(2025, 1, 1)
    assert _one(claims, 5).since == date(2025, 6, 1)
    assert _one(claims, 9).since == date(2025, 1, 1)


def test_attacks_counted_by_their_targets_only_over_a_period():
    assert _one(_claims("Piracy\n\nPirates have attacked more than 40 ships off the coast since March, the navy said.",
                        "2025-06-10"), 40, "attacks").qualifier == "more_than"
    assert not _claims("Raid\n\nThe jets hit three targets near the town on Monday.", "2025-06-10")


def test_wounded_received_by_a_hospital():
    text = ("Hospital overwhelmed\n\nThe shelling has not stopped. \"We have treated 350 wounded since Saturday,\" a surgeon "
            "at the district hospital told AFP.")
    c = _one(_claims(text, "2025-06-10"), 350, "injured")
    assert c.since == date(2025, 6, 7)
    assert c.speaker == "surgeon at the district hospital" and c.via == "AFP"


def test_bare_killed_and_wounded_pair_over_part_of_a_year():
    text = ("Civilian toll\n\nThe monitor recorded 900 civilian casualties from shelling in the first quarter of the year "
            "- 210 killed and 690 wounded - according to its report.")
    claims = _claims(text, "2025-06-10")
    for value, unit in ((210, "killed"), (690, "injured")):
        c = _one(claims, value, unit)
        assert (c.since, c.as_of) == (date(2025, 1, 1), date(2025, 3, 31))


def test_brings_to_n_the_number_of():
    c = _one(_claims("Strike\n\nThe raid brings to 37 the number of drone strikes in Yemen this year, a monitoring group said.",
                     "2025-06-10"), 37, "attacks")
    assert c.since == date(2025, 1, 1) and c.region == ["YE"]


def test_second_casualty_verb_shares_subject_and_period():
    text = ("Shelling\n\nShelling has killed 48 civilians in the province since June 1, the governor said, and wounded "
            "more than 300.")
    c = _one(_claims(text, "2025-06-10"), 300, "injured")
    assert c.qualifier == "more_than" and c.since == date(2025, 6, 1)


def test_comparisons_give_the_same_unit_for_another_period():
    text = ("Attacks rise\n\nGunmen carried out 210 attacks in 2024, up from 150 in 2023, and another 90 in January alone, "
            "the think tank said.")
    claims = _claims(text, "2025-06-10")
    assert (_one(claims, 210).since, _one(claims, 210).as_of) == (date(2024, 1, 1), date(2024, 12, 31))
    assert (_one(claims, 150).since, _one(claims, 150).as_of) == (date(2023, 1, 1), date(2023, 12, 31))
    assert (_one(claims, 90).since, _one(claims, 90).as_of) == (date(2025, 1, 1), date(2025, 1, 31))
    # a bare figure without a period of its own is no comparison
    assert not [c for c in _claims("Attacks\n\nMilitants carried out 210 attacks in 2024, up from 150, officials said.",
                                   "2025-06-10") if c.value == 150]


def test_parts_of_a_total_told_before_with_a_gapped_verb():
    text = ("Attacks by province\n\nMilitants carried out 420 attacks in Afghanistan last year, the institute said. "
            "Kandahar accounted for 120 of the attacks, and Helmand for 95, it said.")
    claims = _claims(text, "2025-06-10")
    total = _one(claims, 420)
    for value in (120, 95):
        c = _one(claims, value, "attacks")
        assert c.since == total.since == date(2024, 1, 1)
        assert claims[c.part_of] is total and c.region == ["AF"]


def test_of_those_and_a_breakdown_led_by_the_first_count():
    text = ("Posts attacked\n\nRebels have attacked army posts at least 90 times since May 1, officials said. "
            "Of those, 50 attacks took place in Mali and 40 in Niger, a military source said.")
    claims = _claims(text, "2025-06-10")
    total = _one(claims, 90)
    mali, niger = _one(claims, 50), _one(claims, 40)
    assert (mali.region, niger.region) == (["ML"], ["NE"])
    assert claims[mali.part_of] is total and claims[niger.part_of] is total
    assert mali.since == niger.since == date(2025, 5, 1)


@pytest.mark.parametrize("phrase,since", [
    ("since the coup in July 2023", date(2023, 7, 1)),
    ("since the truce took effect on Feb. 3", date(2025, 2, 3)),
    ("since the start of the year", date(2025, 1, 1)),
    ("over the past week", date(2025, 6, 3)),
    ("in the past 48 hours", date(2025, 6, 8)),
    ("since March 3 last year", date(2024, 3, 3)),
])
def test_counted_periods(phrase, since):
    text = f"Toll\n\nArmed groups have killed at least 75 civilians in the region {phrase}, the U.N. said."
    c = _one(_claims(text, "2025-06-10"), 75, "killed")
    assert c.since == since and c.as_of == date(2025, 6, 10)


def test_a_month_of_fighting_and_the_same_period():
    text = ("Clashes\n\nThe rebels said they had killed more than 150 soldiers in a month of fighting around the town. "
            "The army said 40 of its soldiers had been killed over the same period.")
    claims = _claims(text, "2025-06-10")
    assert _one(claims, 150).since == date(2025, 5, 10)
    assert _one(claims, 40).since == date(2025, 5, 10)


def test_since_then_takes_the_period_opened_before():
    text = ("Cartel war\n\nThe city has been the scene of a turf war since October 2024, when the gang split. "
            "Since then, more than 900 people have been killed in the state, prosecutors said.")
    assert _one(_claims(text, "2025-06-10"), 900).since == date(2024, 10, 1)


def test_the_attacks_toll_takes_their_period_with_its_part():
    text = ("Annual report\n\nThe group recorded 300 attacks in Somalia in 2024. The attacks killed 700 people, "
            "including 90 children, it said.")
    claims = _claims(text, "2025-06-10")
    killed, children = _one(claims, 700, "killed"), _one(claims, 90, "killed")
    assert killed.since == date(2024, 1, 1) and killed.as_of == date(2024, 12, 31)
    assert claims[children.part_of] is killed


def test_main_clause_after_a_since_clause_is_a_count():
    text = "Crackdown\n\nSince the uprising began, security forces have killed 320 protesters, a rights group said."
    assert _one(_claims(text, "2025-06-10"), 320, "killed")


def test_one_days_fighting_and_a_dateline_are_incidents_not_counts():
    assert not _claims("Clashes\n\nFighting between troops and rebels in Kismayo killed 12 people on Friday, "
                       "residents said.", "2025-06-10")
    assert not _claims("Strike\n\nMOGADISHU (Reuters) - A drone strike near Jilib killed five people on Monday, "
                       "officials said, the latest in a series of strikes.", "2025-06-10")


def test_weapons_fire_is_violence_and_a_parallel_tally_is_a_count():
    text = ("Front line\n\nArtillery fire has killed 40 civilians in the city this month, the mayor said. "
            "Across the river, rebel fire has killed 25 people, most of them soldiers but also 6 children, the army said.")
    claims = _claims(text, "2025-06-10")
    assert _one(claims, 40).since == date(2025, 6, 1)
    assert _one(claims, 25, "killed")
    assert claims[_one(claims, 6).part_of].value == 25


def test_threshold_verbs_read_as_more_than():
    text = ("Toll\n\nThe number of people killed in the fighting since April 15 has surpassed 2,000, the health ministry said.")
    c = _one(_claims(text, "2025-06-10"), 2000, "killed")
    assert c.qualifier == "more_than" and c.since == date(2025, 4, 15)


@pytest.mark.parametrize("sentence,speaker", [
    ("Violence has killed 400 people this year, the U.N. refugee agency said in a statement, adding that many fled.",
     "U.N. refugee agency"),
    ("The ministry, which counts only bodies taken to hospitals, said more than 600 people had died.", "ministry"),
    ("The Syrian Observatory for Human Rights, a monitor based in Britain, says 90 fighters died.",
     "Syrian Observatory for Human Rights"),
    ("BAMAKO (AFP) - The army said it had killed 30 jihadists.", "army"),
    ("The police did not give a toll but said the attackers had fled.", "police"),
    ("The Institute for Economics and Peace recorded 1,200 attacks in the Sahel.", "Institute for Economics and Peace"),
    ("Armed groups killed 50 people, a local official told Reuters.", "local official"),
    ("On Monday, the army, which has fought the rebels for years, said 30 fighters died.", "army"),
    ("Speaking in Kabul, the minister, a former general, said 40 attacks had been foiled.", "minister"),
])
def test_attribution_of_counts(sentence, speaker):
    assert attribute(sentence).speaker == speaker


def test_the_group_said_is_the_organisation_named_before():
    text = ("Siege\n\nThe Darfur Medical Network said the city had been shelled every day. At least 75 civilians have "
            "been killed there over the past week, the group said.")
    assert _one(_claims(text, "2025-06-10"), 75).speaker == "Darfur Medical Network"


def test_a_span_back_counts_from_the_day_it_was_said():
    text = ("Operations\n\nThe army said in a statement on Friday that troops had killed 64 militants in operations "
            "over the past week.")
    c = _one(_claims(text, "2025-06-10"), 64, "killed")
    assert (c.since, c.as_of) == (date(2025, 5, 30), date(2025, 6, 6))


def test_the_ministry_is_the_ministry_named_before_not_the_last_source():
    text = ("Toll\n\nShelling killed six people in the city on Sunday, Ukraine's Interior Ministry said. "
            "Strikes on the region have killed more than 900 civilians since January, according to a tally by Reuters. "
            "The ministry says more than 2,000 people have been wounded in the region since January.")
    claims = _claims(text, "2025-06-10")
    assert _one(claims, 900).speaker == "Reuters"
    assert _one(claims, 2000, "injured").speaker == "Ukraine's Interior Ministry"
    assert attribute("No group claimed responsibility for the attack.").speaker is None


# --- long stories: adjectives, losses, joint casualty figures, earlier periods, passive targets ---------------


def _find(claims, value, unit):
    found = [c for c in claims if c.value == value and c.unit == unit]
    assert found, [(c.value, c.unit) for c in claims]
    return found[0]


def test_adjective_between_count_and_unit():
    text = ("Monitors count incidents\n\nThe monitoring group recorded more than 300 armed incidents in the "
            "province since January, its director said.")
    c = _find(_claims(text, "2024-06-10"), 300, "attacks")
    assert c.qualifier == "more_than" and c.since == date(2024, 1, 1)


def test_ordinal_with_descriptive_adjective():
    text = ("Power plant hit again\n\nThe governor said it was the fifth massive strike on the city's power "
            "plants since the start of the year.")
    c = _find(_claims(text, "2024-03-02"), 5, "attacks")
    assert c.ordinal


def test_side_counting_its_own_losses():
    text = ("Army losses mount\n\nThe army has lost more than 250 troops since its offensive in the north began "
            "in March, a defence official said.")
    c = _find(_claims(text, "2024-08-20"), 250, "killed")
    assert c.qualifier == "more_than"


def test_killed_or_wounded_is_one_casualty_figure():
    text = ("U.N. figures\n\nAt least 900 civilians were killed or wounded in the fighting in May, the U.N. "
            "office said on Friday.")
    claims = _claims(text, "2024-06-07")
    _find(claims, 900, "casualties")
    assert not any(c.value == 900 and c.unit in ("killed", "injured") for c in claims)


def test_comparison_with_the_previous_year():
    text = ("Attacks rise\n\nThe think tank counted 140 attacks in the district in 2023, up from 95 the "
            "previous year, its report said.")
    claims = _claims(text, "2024-02-01")
    c = _find(claims, 95, "attacks")
    assert (c.since, c.as_of) == (date(2022, 1, 1), date(2022, 12, 31))
    assert _find(claims, 140, "attacks").since == date(2023, 1, 1)


def test_gapped_part_with_an_aside():
    text = ("Militia attacks\n\nMilitias have attacked US forces 65 times since October, a Pentagon official "
            "said. Iraq accounted for 40 of the attacks, and Syria, where about 900 US troops are based, for 25, "
            "he said.")
    claims = _claims(text, "2024-01-10")
    assert _find(claims, 25, "attacks").region == ["SY"]


def test_targets_counted_in_the_passive():
    text = ("Hospitals under fire\n\nAt least 15 medical facilities have been attacked in the region since "
            "January, the health agency said.")
    _find(_claims(text, "2024-05-05"), 15, "attacks")


def test_tally_continued_with_coordinated_perfect():
    text = ("Piracy off the coast\n\nPirates have attacked more than 40 ships since March, the navy said. "
            "They have boarded six vessels, hijacked two and killed at least three sailors, it said.")
    claims = _claims(text, "2024-09-01")
    _find(claims, 40, "attacks")
    assert _find(claims, 3, "killed").since == date(2024, 3, 1)


def test_preliminary_toll_of_one_event_is_not_a_claim():
    text = ("Village attacked\n\nArmed men raided the village before dawn. A rights group said in a preliminary "
            "report that 12 people had been killed and at least 9 wounded.")
    claims = _claims(text, "2024-04-04")
    assert not any(c.value in (12, 9) for c in claims)


def test_pluperfect_toll_of_one_day_is_not_a_claim():
    text = ("Bomb hits patrol\n\nThe army said four soldiers had been wounded by a roadside bomb near the "
            "border on Friday.")
    assert not any(c.value == 4 for c in _claims(text, "2024-04-07"))


@pytest.mark.parametrize("sentence", [
    "In 2019, gunmen attacked a church in the north of the country, killing 14 worshippers.",
    "Last year, in August 2023, rebels killed at least 60 villagers in the town of Beni.",
])
def test_recalled_incident_dated_by_year_is_not_a_claim(sentence):
    text = "Background\n\nThe region has a long history of violence. " + sentence
    assert not any(c.value in (14, 60) for c in _claims(text, "2024-05-01"))


def test_anaphoric_strikes_far_from_the_tally_are_one_incident():
    text = ("Strikes\n\nThe militia has carried out 30 attacks on the town since June, officials said. "
            "Aid groups said food was running out. The river port remained closed. Schools have shut. "
            "On Sunday, the air force bombed a depot near the town. The militia said the strikes hit a clinic "
            "and killed 7 civilians.")
    claims = _claims(text, "2024-09-10")
    _find(claims, 30, "attacks")
    assert not any(c.value == 7 for c in claims)


@pytest.mark.parametrize("sentence,speaker", [
    ("The U.N. Office for the Coordination of Humanitarian Affairs, known as OCHA, said that 40 people died.",
     "U.N. Office for the Coordination of Humanitarian Affairs"),
    ("It has recorded 300 deaths this year, and says the true number is higher.", None),
])
def test_attribution_asides_and_conjunctions(sentence, speaker):
    assert attribute(sentence).speaker == speaker


def test_it_said_takes_an_organisation_named_for_studies():
    text = ("Yearly report\n\nThe Centre for Peace Studies said militants carried out 300 attacks in the "
            "country in 2023. Of those, the province accounted for 120 of the attacks, it said.")
    c = _find(_claims(text, "2024-01-20"), 120, "attacks")
    assert c.speaker and "Peace Studies" in c.speaker


def test_since_after_a_superlative_is_not_the_period():
    text = ("Monthly toll\n\nThe U.N. mission said 420 civilians were killed in the fighting in March, the highest "
            "monthly figure since 2021.")
    c = _find(_claims(text, "2024-04-10"), 420, "killed")
    assert c.since != date(2021, 1, 1)


def test_since_the_start_of_a_season():
    text = ("Grid attacks\n\nThe minister said it was the sixth major attack on the power grid since the start "
            "of the summer.")
    c = _find(_claims(text, "2024-08-15"), 6, "attacks")
    assert c.since == date(2024, 6, 1)


def test_since_the_start_of_the_war_told_before():
    text = ("Toll\n\nAt least 3,000 people have been killed since the war began on March 2, 2023, the ministry "
            "said. Rights groups say at least 140 aid workers have been killed since the start of the war.")
    c = _find(_claims(text, "2024-05-01"), 140, "killed")
    assert c.since == date(2023, 3, 2)


@pytest.mark.parametrize("sentence", [
    "The monitor said 2,100 civilians had been killed in the war in Ukraine since Russia's full-scale invasion began.",
    "At least 2,100 people have been killed in the fighting in Ukraine this year as Russia pressed on with its offensive.",
])
def test_a_country_named_as_the_acting_side_is_not_the_region(sentence):
    c = _find(_claims("Toll\n\n" + sentence, "2024-06-01"), 2100, "killed")
    assert c.region == ["UA"]


def test_closing_attribution_before_a_subordinate_clause():
    a = attribute("Shelling killed 12 people in the city, hospital officials said on Monday, as the army "
                  "pushed toward the airport.")
    assert a.speaker == "hospital officials"


def test_count_without_a_place_takes_the_place_of_the_count_just_before():
    text = ("Monthly update\n\nSome 700 civilians were killed or injured in attacks across Ukraine over the past month, the rights office "
            "said. It has verified more than 9,000 civilian deaths in the war since February 2022.")
    c = _find(_claims(text, "2024-06-12"), 9000, "killed")
    assert c.region == ["UA"]


# --- monitors' tallies, lists, parts and running counts -------------------------------------------------


def _values(claims):
    return {(c.value, c.unit) for c in claims}


def test_a_monitors_events_are_counted_as_attacks_over_the_month_named():
    text = ("Monitor reports rise in violence\n\nThe crisis monitor said it had recorded 315 violent events in "
            "Mali in August, up from 240 in July, as jihadist attacks spread south.")
    c = _find(_claims(text, "2025-09-10"), 315, "attacks")
    assert (c.since, c.as_of, c.region) == (date(2025, 8, 1), date(2025, 8, 31), ["ML"])
    prev = _find(_claims(text, "2025-09-10"), 240, "attacks")
    assert (prev.since, prev.as_of) == (date(2025, 7, 1), date(2025, 7, 31))


@pytest.mark.parametrize("sentence,value", [
    ("Honduras recorded 1,310 homicides in March, the security ministry said, amid a surge in gang attacks.", 1310),
    ("The rights group documented 88 killings by security forces during the protests in March.", 88),
])
def test_tallies_of_killings_and_homicides(sentence, value):
    assert (value, "killed") in _values(_claims("Violence\n\n" + sentence, "2025-04-02"))


def test_bodies_received_by_hospitals_are_dead():
    text = ("Strikes go on\n\nHospitals received 64 bodies over the past 24 hours as airstrikes went on, "
            "the health ministry said on Friday.")
    c = _find(_claims(text, "2025-03-07"), 64, "killed")
    assert c.since == date(2025, 3, 6)


def test_death_toll_over_months_of_war_has_risen_to():
    text = ("Toll rises\n\nThe death toll from 14 months of fighting in the region has risen to 9,412, the "
            "regional health bureau said on Monday.")
    assert (9412, "killed") in _values(_claims(text, "2025-06-02"))


def test_list_lines_break_down_the_total_told_before_them():
    text = ("Report counts attacks\n\nGunmen carried out 640 attacks in Burkina Faso in 2024, killing 2,210 "
            "people, the monitoring group said in its annual report. The worst-hit regions were:\n\n"
            "- Sahel: 210 attacks, 802 killed\n\n- Est: 133 attacks, 415 killed\n\n"
            "The group said the figures were an undercount.")
    claims = _claims(text, "2025-02-11")
    for value, unit in ((210, "attacks"), (802, "killed"), (133, "attacks"), (415, "killed")):
        c = _find(claims, value, unit)
        assert (c.since, c.as_of) == (date(2024, 1, 1), date(2024, 12, 31))
        assert c.speaker == _find(claims, 640, "attacks").speaker
        assert c.region == ["BF"]


@pytest.mark.parametrize("sentence,value", [
    ("The UN has counted 3,100 civilian deaths since the siege began in May, after a car bomb at a checkpoint "
     "killed eight people on Sunday.", 8),
    ("In 2019, a truck bomb at a busy market in the capital killed more than 90 people, the deadliest attack "
     "in the country's history.", 90),
    ("The attack came weeks after clashes between rival militias in the port city killed at least 19 people "
     "on June 3, according to the monitor's monthly tally.", 19),
    ("On Friday, gunmen killed at least 14 farmers in an attack on a village in the north, officials said, the "
     "latest in a string of attacks this year.", 14),
    ("One of the deadliest single incidents this year came in May, when soldiers killed 21 villagers in the "
     "east.", 21),
])
def test_one_incidents_toll_told_in_its_own_clause_is_not_a_claim(sentence, value):
    text = "Violence\n\nMilitants have staged repeated attacks on the army this year. " + sentence
    assert all(c.value != value for c in _claims(text, "2025-06-20"))


def test_parts_of_a_count_told_as_of_the_dead_and_as_a_list():
    text = ("Monthly toll\n\nAirstrikes and fighting went on across the country. The observatory said it had "
            "documented 740 deaths in Yemen in April. It said 160 of the dead were children and 95 were women.")
    claims = _claims(text, "2025-05-03")
    for value in (160, 95):
        c = _find(claims, value, "killed")
        assert (c.since, c.as_of) == (date(2025, 4, 1), date(2025, 4, 30))


def test_parts_of_a_weeks_toll_by_district():
    text = ("Raids\n\nSecurity forces killed 52 militants in raids over the past week, the army said on Sunday. "
            "It said 30 of the militants were killed in Khyber district, a dozen in Kurram and the rest elsewhere.")
    claims = _claims(text, "2025-03-09")
    assert {(30, "killed"), (12, "killed")} <= _values(claims)
    assert _find(claims, 12, "killed").since == _find(claims, 52, "killed").since


def test_a_running_count_brought_to_a_new_figure():
    text = ("Losses\n\nThe general staff said the enemy had lost 1,040 soldiers killed and wounded in the past "
            "day, bringing its count of enemy losses since the invasion began in February 2022 to 512,300.")
    c = _find(_claims(text, "2024-08-01"), 512300, "casualties")
    assert c.since == date(2022, 2, 1)


def test_a_count_told_by_its_change():
    text = ("Killings fall\n\nOfficials said gang killings in the state had fallen in April to 233, from 287 "
            "in March.")
    claims = _claims(text, "2025-05-06")
    c = _find(claims, 233, "killed")
    assert (c.since, c.as_of) == (date(2025, 4, 1), date(2025, 4, 30))
    c = _find(claims, 287, "killed")
    assert (c.since, c.as_of) == (date(2025, 3, 1), date(2025, 3, 31))


def test_a_quoted_figure_after_a_killing_verb():
    text = ("Claim\n\nThe insurgents said they had killed \"more than 40\" soldiers in attacks over the past week.")
    c = _find(_claims(text, "2025-03-09"), 40, "killed")
    assert c.qualifier == "more_than"


def test_a_range_takes_its_lower_figure():
    text = ("Raids\n\nPolice said officers had killed \"between 60 and 70\" gang members in operations around "
            "the capital in February.")
    c = _find(_claims(text, "2025-03-03"), 60, "killed")
    assert c.qualifier == "at_least"


def test_two_groups_of_people_killed_together():
    text = ("Toll\n\nSome two hundred soldiers and allied militia fighters have been killed in attacks on "
            "bases since January, the defence minister said.")
    assert (200, "killed") in _values(_claims(text, "2025-04-14"))


def test_a_part_of_the_attacks_takes_the_total_it_names():
    text = ("Bombings\n\nThe minister said militants had carried out 52 bomb attacks in the north since "
            "January last year. A lawmaker said 19 explosions had hit his district in 2024 alone. The minister "
            "said 31 of the 52 attacks had been in Mandera county.")
    claims = _claims(text, "2025-03-06")
    c = _find(claims, 31, "attacks")
    assert c.since == date(2024, 1, 1) and c.as_of == date(2025, 3, 6)


def test_the_same_source_going_on_counts_over_the_same_period():
    text = ("Toll\n\nThe monitor said it had documented 612 deaths in Sudan's war in June. It said it had also "
            "recorded 45 killings of detainees.")
    c = _find(_claims(text, "2025-07-02"), 45, "killed")
    assert (c.since, c.as_of) == (date(2025, 6, 1), date(2025, 6, 30))


def test_a_report_said_takes_the_source_of_the_figures_before():
    text = ("Kidnappings\n\nThe research centre said armed groups carried out 900 attacks in Nigeria in 2024. "
            "Kidnappings remained common, with 1,800 people abducted in 450 incidents, the report said.")
    claims = _claims(text, "2025-01-20")
    c = _find(claims, 1800, "abducted")
    assert c.speaker == _find(claims, 900, "attacks").speaker is not None
    assert c.since == date(2024, 1, 1)


def test_casualty_figures_in_a_report_about_violence_without_a_violent_word_nearby():
    text = ("Aid workers\n\nGunmen attacked an aid convoy in the north on Monday. Militants have stepped up "
            "attacks on relief agencies. Fighting has closed roads.\n\nThe database recorded 210 aid workers "
            "killed in 2024, up from 150 in 2023.\n\nMost of the victims were local staff.")
    claims = _claims(text, "2025-08-19")
    assert {(210, "killed"), (150, "killed")} <= _values(claims)


def test_targets_struck_on_one_day_are_not_a_count_but_those_of_a_month_are():
    one_day = ("Strikes\n\nThe army said there had been no attacks since Feb. 4, after it struck 60 targets "
               "across the border on Feb. 2.")
    assert all(c.value != 60 for c in _claims(one_day, "2024-02-20"))
    month = ("Shipping\n\nThe rebels attacked 14 merchant vessels in the Gulf of Aden in March, the maritime "
             "centre said on Wednesday.")
    c = _find(_claims(month, "2024-04-03"), 14, "attacks")
    assert (c.since, c.as_of) == (date(2024, 3, 1), date(2024, 3, 31))


def test_people_injured_in_the_attacks_counted_before():
    text = ("Attacks\n\nThe bases have been attacked 95 times since Oct. 17, officials said. About 120 service "
            "members were injured in the attacks, most of them lightly.")
    c = _find(_claims(text, "2024-02-01"), 120, "injured")
    assert c.qualifier == "about"


def test_rounds_of_strikes_are_counted():
    text = ("Response\n\nThe air force has carried out at least seven rounds of strikes against militia targets "
            "since October.")
    assert (7, "attacks") in _values(_claims(text, "2024-02-01"))


@pytest.mark.parametrize("sentence,speaker", [
    ("The interior minister told parliament on Wednesday that 43 bombs had exploded this year.", "interior minister"),
    ("The attacks killed 90 people, the agency's envoy, Dr. Amina Yusuf, told reporters in Geneva.", "Dr. Amina Yusuf"),
    ("Security officials say at least 200 police officers have been killed this year.", "Security officials"),
    ("The army said 300 people were killed, because some deaths had been counted twice.", "army"),
    ("A war monitor said it had documented 900 deaths in May, as clashes in the south added to the toll.", "war monitor"),
    ("LAGOS, Nigeria (Reuters) - The state governor told reporters that 30 people were abducted.", "state governor"),
    ("Officials said 1,512 people had been killed, but faced questions from reporters who said the count was low.", "Officials"),
])
def test_attribution_shapes_of_briefings_and_monitors(sentence, speaker):
    assert attribute(sentence).speaker == speaker


def test_a_pronoun_after_a_quote_is_left_to_the_speaker_named_before():
    a = attribute('"In my district alone we buried people from 12 explosions," he said.')
    assert a.speaker is None
    text = ('Dispute\n\nThe minister said 43 bombs had exploded in the region since January last year. Lawmaker '
            'Ali Noor disputed the figures. "In my district alone we buried people from 17 explosions last '
            'year," he said.')
    c = _find(_claims(text, "2025-03-06"), 17, "attacks")
    assert c.speaker and "Noor" in c.speaker


def test_neutralised_in_quotes_is_a_killing_verb():
    text = ("Army\n\nThe army spokesman said last week that troops had \"neutralised\" 1,420 insurgents and "
            "arrested 900 others in 2024.")
    c = _find(_claims(text, "2025-01-14"), 1420, "killed")
    assert (c.since, c.as_of) == (date(2024, 1, 1), date(2024, 12, 31))


def test_places_ranked_by_their_part_of_a_count():
    text = ("Aid deaths\n\nMilitants and armies killed aid workers in several wars. The database recorded 300 aid "
            "workers killed in 2024. Of the 300 killed in 2024, 120 died in Sudan, where fighting has raged since "
            "April 2023. Yemen was second with 90, followed by Ukraine with 20 and Haiti with 11.")
    claims = _claims(text, "2025-08-19")
    for value, country in ((90, "YE"), (20, "UA"), (11, "HT")):
        c = _find(claims, value, "killed")
        assert c.region == [country] and (c.since, c.as_of) == (date(2024, 1, 1), date(2024, 12, 31))


def test_the_number_of_homicide_victims_put_at():
    text = ("Killings\n\nThe prosecutor's office put the number of homicide victims in the state since the "
            "cartel war began at 1,204.")
    assert (1204, "killed") in _values(_claims(text, "2025-06-10"))


def test_a_killing_count_over_the_same_week_is_a_tally():
    text = ("Raids\n\nThe army said it killed 52 militants in raids over the past week. The insurgents said "
            "they had killed 35 soldiers in ambushes over the same week.")
    assert (35, "killed") in _values(_claims(text, "2025-03-09"))


def _speakers(text):
    from tallylog.extract.attribution import resolve_speakers
    sents = [s.text for s in split_sentences(text)]
    attrs = [attribute(s) for s in sents]
    resolve_speakers(attrs, sents)
    return [a.speaker for a in attrs]


def test_role_then_name_in_an_aside():
    a = attribute("In a statement, the army's press wing, the Directorate of Public Information, said 30 rebels "
                  "were killed.")
    assert a.speaker == "Directorate of Public Information"
    a = attribute("The region's police chief, Álvaro Méndez Ruiz, said the killings had fallen.")
    assert a.speaker == "Álvaro Méndez Ruiz"


def test_a_subject_with_an_aside_opening_the_sentence_is_the_speaker():
    a = attribute("The U.N. mission in Libya, known as UNSMIL, said the militia attacked the port early on "
                  "Monday, freeing dozens of detainees.")
    assert a.speaker == "U.N. mission in Libya"


def test_an_organisation_is_not_taken_for_a_persons_description():
    speakers = _speakers("Attacks\n\nArmy deputy spokesman Jan Kowal said 40 attacks had been recorded. The army "
                         "has carried out nine strikes since October, according to the army.")
    assert speakers[-1] == "army"


def test_a_described_monitor_takes_the_name_given_next():
    speakers = _speakers("Toll\n\nA London-based war monitor said it had documented 800 deaths in May. The "
                         "Yemen Observatory for Civilian Harm, which relies on local activists, said 90 of them "
                         "were children.")
    assert speakers[1] == "Yemen Observatory for Civilian Harm"


def test_a_database_maintained_by_a_named_body():
    speakers = _speakers("Aid\n\nAid workers are being killed at record rates, according to data from the Aid "
                         "Security Database. The database, maintained by the research group Safe Outcomes, "
                         "recorded 300 aid workers killed in 2024.")
    assert speakers[-1] in ("Aid Security Database", "Safe Outcomes")


def test_since_the_month_of_an_event_is_no_closed_period():
    text = ("Losses\n\nThe general staff said the enemy had lost 1,100 soldiers killed and wounded in the past "
            "day, bringing its count of enemy losses since the February 2022 invasion to 700,100.")
    c = _find(_claims(text, "2024-09-15"), 700100, "casualties")
    assert (c.since, c.as_of) == (date(2022, 2, 1), date(2024, 9, 15))


def test_the_same_sources_figures_about_the_country_keep_its_place():
    text = ("Monitor\n\nGunmen carried out 300 attacks in Mali in May, the monitor said. The monitor said it had "
            "recorded 800 reported fatalities in the country during the month, most of them near the Sahel border.")
    c = _find(_claims(text, "2025-06-10"), 800, "killed")
    assert c.region == ["ML"] and (c.since, c.as_of) == (date(2025, 5, 1), date(2025, 5, 31))


def test_the_most_since_is_a_comparison_not_the_period():
    text = ("Attacks\n\nThe think tank said it had counted 142 militant attacks in March alone, the most in any "
            "month since it began keeping records in 2017.")
    c = _find(_claims(text, "2025-04-14"), 142, "attacks")
    assert (c.since, c.as_of) == (date(2025, 3, 1), date(2025, 3, 31))


def test_a_gapped_count_for_another_place():
    text = ("Monitor\n\nIn neighbouring Chad, the monitor recorded 140 violent events in May, down from 170 in "
            "April, while in Cameroon it counted 65.")
    c = _find(_claims(text, "2025-06-10"), 65, "attacks")
    assert (c.since, c.as_of) == (date(2025, 5, 1), date(2025, 5, 31)) and "CM" in c.region


def test_the_other_sides_toll_in_the_exchanges_of_fire_just_counted():
    text = ("Raids\n\nTroops killed 38 militants in a series of raids in the province over the past week, the army "
            "said on Monday. It said four soldiers were killed in the exchanges of fire.")
    c = _find(_claims(text, "2025-08-11"), 4, "killed")
    assert c.since == _find(_claims(text, "2025-08-11"), 38, "killed").since is not None


def test_a_crime_tally_put_at_a_figure_without_a_period():
    text = ("Briefing\n\nReporters asked about the prosecutor's office, which put the number of homicide victims "
            "at 1,130, higher than the police count.")
    assert (1130, "killed") in _values(_claims(text, "2025-06-10"))


def test_an_appositive_naming_the_deadliest_attack_marks_one_incidents_toll():
    text = ("Bombings\n\nMilitants have stepped up attacks this year. In March 2021, twin truck bombs outside a "
            "hotel in the capital killed more than 60 people, the deadliest attack in the city in a decade.")
    assert all(c.value != 60 for c in _claims(text, "2025-05-01"))


def test_a_single_attack_named_after_a_plural_heads_its_clause():
    text = ("Attacks\n\nMilitants have stepped up attacks this year. Among the deadliest attacks in recent years "
            "was a suicide bombing at a market in the north in May 2022, which killed more than 50 people.")
    assert all(c.value != 50 for c in _claims(text, "2025-05-01"))


def test_a_second_place_with_its_figure_after_a_year_in_between():
    text = ("Monitor\n\nThe monitor recorded more than 5,200 deaths from violence in Niger in the first six months "
            "of 2025, and about 2,400 in Chad over the same period.")
    c = _find(_claims(text, "2025-07-15"), 2400, "killed")
    assert c.region == ["TD"] and c.qualifier == "about" and c.since == date(2025, 1, 1)


def test_a_toll_over_two_days_of_fighting_is_a_claim():
    text = ("Clashes\n\nFighting between the army and tribal gunmen loyal to the former governor killed at least "
            "45 people in the northern province on Saturday and Sunday, a war monitor said.")
    assert (45, "killed") in _values(_claims(text, "2025-03-10"))


def test_a_toll_between_two_months_is_a_claim():
    text = ("Quarter\n\nThe rights office said on Friday that at least 900 people were killed and 300 injured in "
            "gang-related violence in the country between January and March.")
    claims = _claims(text, "2025-04-12")
    assert {(900, "killed"), (300, "injured")} <= _values(claims)


def test_a_bare_count_after_a_killing_verb_before_its_period():
    text = ("Health care\n\nAttacks on clinics have killed nearly 800 since the war began, the agency said.")
    c = _find(_claims(text, "2025-02-04"), 800, "killed")
    assert c.qualifier == "nearly"


def test_ships_of_a_count_of_attacks_on_ships_are_a_part():
    text = ("Shipping\n\nThe rebels attacked 16 merchant vessels in the Gulf of Aden in May, the maritime centre "
            "said on Wednesday. It said three of the ships were struck by explosive-laden boats.")
    c = _find(_claims(text, "2024-06-05"), 3, "attacks")
    assert (c.since, c.as_of) == (date(2024, 5, 1), date(2024, 5, 31))


# --- reviews, releases, briefs and columns: rows of figures, continued counts, sources named in passing ---

def _claim(claims, value, unit):
    return next(c for c in claims if c.value == value and c.unit == unit)


def test_a_described_speaker_stops_at_its_verb():
    a = attribute("In its annual bulletin, the agency said it had logged 44 deaths in the district.")
    assert a.speaker == "agency"


def test_estimates_is_a_verb_of_saying():
    a = attribute("The Sahel Conflict Observatory estimates that 900 people have died since the uprising began in 2021.")
    assert a.speaker == "Sahel Conflict Observatory"


def test_figures_published_by_a_body_are_its_own():
    a = attribute("Raids rose in the south, according to figures compiled in March by the Kivu Security Tracker.")
    assert a.speaker == "Kivu Security Tracker"


def test_a_role_headed_by_a_place_name_still_credits_the_person():
    a = attribute("Ukraine's Odesa regional governor, Oleh Kiper, told the Suspilne broadcaster that 14 civilians "
                  "had died in strikes since May.")
    assert a.speaker == "Oleh Kiper"


def test_the_office_refers_to_the_office_the_sentence_names():
    speakers = _speakers("Toll\n\nThe UN rights office in Sudan has raised to 500 its count of civilians killed in "
                         "Darfur this year, the office said on Monday.")
    assert speakers[-1] == "UN rights office in Sudan"


def test_the_group_refers_to_a_body_named_in_an_appositive():
    speakers = _speakers("Attacks rise\n\nViolence grew in the north, according to the Nile Watch Project, an "
                         "independent research group. The group recorded 40 attacks in May.")
    assert speakers[-1] == "Nile Watch Project"


def test_the_firm_refers_to_a_consultancy_named_after_its_description():
    speakers = _speakers("Kidnappings\n\nAbductions rose this year, the Abuja-based risk consultancy Sahel Risk "
                         "Partners said. The firm said it had counted 310 cases in May.")
    assert speakers[-1] == "Abuja-based risk consultancy Sahel Risk Partners"


def test_a_count_in_a_speaker_slot_is_no_speaker():
    a = attribute("The figure was lower than last year, but still well above the 612 civilian deaths it recorded "
                  "in 2022.")
    assert a.speaker is None


def test_a_row_of_places_and_figures_after_a_count():
    text = ("Review\n\nThe monitor recorded 120 attacks in Nigeria in 2024. Maiduguri recorded 45 attacks, "
            "Damaturu 30 and Yola 12, the monitor said.")
    claims = _claims(text, "2025-01-10")
    assert {45, 30, 12} <= {c.value for c in claims if c.unit == "attacks"}
    assert all(_claim(claims, v, "attacks").region == ["NG"] for v in (45, 30, 12))
    assert _claim(claims, 30, "attacks").since == date(2024, 1, 1)


def test_a_place_that_records_a_count_is_not_its_speaker():
    text = ("Review\n\nThe police service counted 80 attacks in Kenya in 2024, the minister said. Garissa County "
            "recorded 25 attacks.")
    c = _claim(_claims(text, "2025-01-10"), 25, "attacks")
    assert c.speaker != "Garissa County"


def test_a_place_row_may_follow_the_clause_of_its_lead():
    text = ("Brief\n\nIn the first half of 2025, Chad suffered at least 21 attacks on army posts that killed ten or "
            "more soldiers, Niger 9.")
    claims = _claims(text, "2025-07-20")
    assert _claim(claims, 21, "attacks").region == ["TD"]
    assert _claim(claims, 9, "attacks").region == ["NE"]


def test_figures_for_the_next_months_of_a_row():
    text = "Monthly\n\nThe group counted 20 attacks in Iraq in March, 31 in April and 45 in May."
    claims = _claims(text, "2025-06-10")
    april, may = _claim(claims, 31, "attacks"), _claim(claims, 45, "attacks")
    assert (april.since, april.as_of) == (date(2025, 4, 1), date(2025, 4, 30))
    assert (may.since, may.as_of) == (date(2025, 5, 1), date(2025, 5, 31))


def test_a_comparison_with_another_place_keeps_the_period():
    text = "Brief\n\nThe institute recorded 312 violent events in Chad in 2024, against 190 in Niger."
    c = _claim(_claims(text, "2025-02-01"), 190, "attacks")
    assert c.region == ["NE"] and c.since == date(2024, 1, 1)


def test_a_correction_notice_is_no_claim():
    text = ("Toll\n\nAt least 70 people have been killed in the attacks since January, officials said. An earlier "
            "version of this article said 40 people had been killed in the attacks since January.")
    values = {c.value for c in _claims(text, "2025-05-02")}
    assert 70 in values and 40 not in values


def test_a_count_takes_the_speaker_of_its_own_clause():
    text = ("Toll\n\nThe Kivu Tracker estimates that more than 300 people have been killed in militia attacks since "
            "January, and the UN says 20,000 people have fled.")
    c = _claim(_claims(text, "2025-05-02"), 300, "killed")
    assert c.speaker == "Kivu Tracker"


def test_another_figure_goes_on_with_the_count_before():
    text = ("Review\n\nThe attacks killed 540 people in Mali in 2024, the ministry said. Another 1,210 people were "
            "wounded.")
    c = _claim(_claims(text, "2025-01-05"), 1210, "injured")
    assert c.speaker == "ministry" and c.since == date(2024, 1, 1)


def test_the_wounded_and_abducted_after_the_dead_share_their_period():
    text = "Toll\n\nAt least 80 health workers have been killed in such attacks this year, and 150 injured, the WHO said."
    c = _claim(_claims(text, "2025-05-02"), 150, "injured")
    assert c.qualifier == "exact" and c.since == date(2025, 1, 1)
    text = "Week\n\nAt least 40 people were killed and 26 abducted in attacks across Nigeria over the past week, police said."
    assert (26, "abducted") in _values(_claims(text, "2025-05-02"))


def test_a_leading_qualifier_in_capitals_before_a_list_of_participles():
    text = "Toll\n\nAt least 14 were killed in militant attacks in the country last year, the UN office said."
    assert _claim(_claims(text, "2025-05-02"), 14, "killed").qualifier == "at_least"


def test_a_description_headed_by_two_words_names_the_body_nearby():
    speakers = _speakers("Report\n\nThe Delta Rights Watch said on Monday that its findings were final. The human "
                         "rights group said at least 40 civilians were killed in air attacks.")
    assert speakers[-1] == "Delta Rights Watch"


def test_verified_is_a_verb_of_counting_for_the_speaker():
    a = attribute("Since January, the World Health Organization (WHO) has verified 41 attacks on health care.")
    assert a.speaker == "World Health Organization (WHO)"


def test_these_include_parts_of_the_count_before():
    text = ("Release\n\nSince the war began in April 2023, the charity has documented 210 attacks on schools, it said. "
            "These include 64 attacks on school buses.")
    c = _claim(_claims(text, "2025-05-02"), 64, "attacks")
    assert c.since == date(2023, 4, 1) and c.speaker is not None


def test_a_period_opened_by_an_event_with_words_between_verb_and_date():
    text = ("Release\n\nSince fighting erupted between the two factions in the capital on 3 May 2024, the group has "
            "recorded 210 attacks, it said.")
    assert _claim(_claims(text, "2025-05-02"), 210, "attacks").since == date(2024, 5, 3)


def test_people_a_tally_counts_include_health_workers_and_teachers():
    text = "Schools\n\nAt least 30 teachers have been killed in attacks in the region since January, the union said."
    assert (30, "killed") in _values(_claims(text, "2025-05-02"))


def test_over_the_period_repeats_the_period_before():
    text = ("Brief\n\nThe monitor recorded 412 violent events in Chad in the first half of 2025. It counted about 1,900 "
            "people killed in Chad over the period.")
    c = _claim(_claims(text, "2025-07-20"), 1900, "killed")
    assert (c.since, c.as_of) == (date(2025, 1, 1), date(2025, 6, 30))


def test_kidnapping_incidents_are_counted_and_their_dead_are_a_tally():
    text = ("Report\n\nThe firm recorded 1,400 people abducted in 210 kidnapping incidents in Nigeria in 2024. At least "
            "95 people were killed in the same incidents.")
    values = _values(_claims(text, "2025-02-01"))
    assert (210, "attacks") in values and (95, "killed") in values


def test_a_raised_count_of_people_kidnapped():
    text = "Update\n\nThe office raised its count of people kidnapped in the state this year to 340, up from 301."
    assert (340, "abducted") in _values(_claims(text, "2025-05-02"))


def test_a_total_brought_up_takes_the_unit_told_before_it():
    text = ("Shipping\n\nThree more crew members were killed in the attack, the navy said, bringing the total to "
            "at least 11 since November.")
    c = _claim(_claims(text, "2025-05-02"), 11, "killed")
    assert c.qualifier == "at_least"


def test_a_second_running_count_brought_by_the_same_verb():
    text = ("Strike\n\nThe strike brought the number of civilians killed in the region since January to 90, and the "
            "number wounded to 240, the governor said.")
    values = _values(_claims(text, "2025-05-02"))
    assert (90, "killed") in values and (240, "injured") in values


def test_ranked_places_after_a_leading_count():
    text = ("Report\n\nThe firm recorded 2,100 people abducted in Nigeria in 2024. Zamfara led with 640 people "
            "abducted, followed by Katsina with 410 and Kaduna with 380.")
    claims = _claims(text, "2025-02-01")
    assert {640, 410, 380} <= {c.value for c in claims if c.unit == "abducted"}
    assert _claim(claims, 410, "abducted").since == date(2024, 1, 1)


def test_abductions_counted_as_a_noun():
    text = "Report\n\nIn the first half of the year, the agency counted 640 abductions in Nigeria."
    assert (640, "abducted") in _values(_claims(text, "2025-07-20"))


def test_a_speaker_named_with_a_dotted_abbreviation_first():
    a = attribute("U.S. Africa Command said it had carried out 30 air strikes in Somalia this year.")
    assert a.speaker == "U.S. Africa Command"


def test_a_speaker_who_puts_a_figure():
    a = attribute("A police spokesman, John Okafor, put the number of officers killed this year at 14.")
    assert a.speaker == "John Okafor"


def test_answers_of_an_interview_are_the_interviewees():
    text = ("Interview\n\nKano State Governor Abba Yusuf met us in his office. Q: How many attacks this year? "
            "A: We have counted 96 attacks in the state since January. Q: And last year? A: Fewer.")
    speakers = _speakers(text)
    sents = [s.text for s in split_sentences(text)]
    at = next(i for i, t in enumerate(sents) if "96 attacks" in t)
    assert speakers[at] == "Kano State Governor Abba Yusuf"
    assert speakers[at - 1] is None  # the question is no one's statement


def test_parts_named_after_of_these():
    text = "Review\n\nThe army recorded 90 attacks in Mali in 2024. Of these, 35 were roadside bomb attacks."
    c = _claim(_claims(text, "2025-01-10"), 35, "attacks")
    assert c.since == date(2024, 1, 1) and c.region == ["ML"]


def test_a_figure_led_entry_of_a_column():
    text = "The week in numbers\n\n48 - Attacks on rail lines in Ukraine since Jan. 1, the railway company said."
    c = _claim(_claims(text, "2025-05-02"), 48, "attacks")
    assert c.since == date(2025, 1, 1)
    bombs = "The week in numbers\n\n900 - Guided bombs dropped on front-line towns in Ukraine this month."
    assert not _claims(bombs, "2025-05-02")


def test_a_figure_before_the_latest_events_is_superseded_by_the_total():
    text = ("Shipping\n\nAt least five crew had been killed in rebel attacks on shipping before this week, the centre "
            "said, bringing the total to at least nine.")
    values = _values(_claims(text, "2025-05-02"))
    assert (9, "killed") in values and (5, "killed") not in values


def test_a_share_of_the_tally_just_told():
    text = ("Report\n\nThe office counted 900 civilian deaths in Congo this year, it said on Friday. It held the "
            "militia responsible for 410 deaths.")
    assert (410, "killed") in _values(_claims(text, "2025-05-02"))


def test_a_hundred_is_a_number():
    assert parse_cardinal("a hundred") == 100 and parse_cardinal("a thousand") == 1000


def test_schools_attacked_over_a_period_are_counted_in_schools():
    active = "Schools\n\nMilitants have attacked or burned more than 40 schools in Mali since January, officials said."
    c = _claim(_claims(active, "2025-05-02"), 40, "schools")
    assert c.qualifier == "more_than" and c.since == date(2025, 1, 1)
    passive = "Schools\n\nAt least 15 schools have been damaged by shelling in Kharkiv since March, the governor said."
    assert (15, "schools") in _values(_claims(passive, "2025-05-02"))
    one_day = "Schools\n\nGunmen burned two schools in the village on Monday."
    assert not _claims(one_day, "2025-05-02")


def test_a_toll_of_violence_during_an_election_is_a_tally():
    text = ("Polls\n\nAt least five people were killed in violence during the municipal elections in Kenya on "
            "Sunday, police said.")
    assert (5, "killed") in _values(_claims(text, "2025-05-06"))


def test_a_year_given_a_when_clause_is_the_counted_period():
    text = "Piracy\n\nAttacks fell after 2019, when 90 crew members were kidnapped in the gulf, the bureau said."
    c = _claim(_claims(text, "2025-05-02"), 90, "abducted")
    assert (c.since, c.as_of) == (date(2019, 1, 1), date(2019, 12, 31))


def test_killed_in_the_fighting_with_no_period_is_the_fights_toll():
    text = ("Jailbreak\n\nGunmen stormed the prison on Saturday. Two guards and four inmates were killed in the "
            "fighting, and six guards were wounded.")
    assert not _claims(text, "2025-05-02")


def test_a_described_monitor_takes_the_name_given_in_the_next_sentence():
    speakers = _speakers("Strikes\n\nA civilian harm monitoring group said on Friday it had documented 12 strikes in "
                         "the area. In its report, the Geneva-based Civilian Harm Observatory listed each one.")
    assert speakers[1] == "Geneva-based Civilian Harm Observatory"


def test_the_group_is_never_a_ministry_credited_before():
    speakers = _speakers("Strikes\n\nThe Kurdistan Rights Project said on Friday it had counted 30 strikes this year. "
                         "The defence ministry said it targets only militants. The group said it was checking more "
                         "reports.")
    assert speakers[-1] == "Kurdistan Rights Project"


def test_a_province_accounting_for_some_of_the_attacks_just_counted():
    text = ("Review\n\nThe ministry recorded 900 attacks in Pakistan in 2024. Sindh accounted for 310 of them and "
            "Punjab for 120, it said.")
    claims = _claims(text, "2025-01-10")
    assert (310, "attacks") in _values(claims) and (120, "attacks") in _values(claims)
    assert _claim(claims, 310, "attacks").since == date(2024, 1, 1)


def test_a_short_sentence_giving_the_count_for_another_year():
    text = "Interview\n\nThe governor said they had recorded 150 attacks in Borno since January. In 2023 it was 98."
    c = _claim(_claims(text, "2025-06-10"), 98, "attacks")
    assert (c.since, c.as_of) == (date(2023, 1, 1), date(2023, 12, 31))


def test_settlements_struck_are_counted():
    text = "Communique\n\nOver the past day, Russian forces carried out 90 attacks on 21 settlements in the Sumy region."
    assert (21, "settlements") in _values(_claims(text, "2025-06-10"))


def test_a_short_sentence_giving_the_count_for_an_earlier_month():
    text = ("Monthly\n\nThe monitor recorded 44 attacks in Iraq in May, it said on Tuesday. In April, it had counted 31.")
    c = _claim(_claims(text, "2025-06-10"), 31, "attacks")
    assert (c.since, c.as_of) == (date(2025, 4, 1), date(2025, 4, 30))


def test_a_further_share_of_the_tally_with_its_unit_left_out():
    text = ("Report\n\nThe office counted 900 civilian deaths in Congo this year, it said on Friday. It held the "
            "militia responsible for 410 deaths. Government troops were blamed for 120.")
    c = _claim(_claims(text, "2025-05-02"), 120, "killed")
    assert c.since == date(2025, 1, 1)


def test_the_dead_counted_by_their_burials():
    text = ('Toll\n\n"We have buried 23 people in this village since the attacks began in March," the chief said.')
    assert (23, "killed") in _values(_claims(text, "2025-05-02"))


def test_a_part_of_the_dead_made_up_by_civilians_with_a_second_place():
    text = ("Brief\n\nThe institute counted 4,000 people killed in attacks in Mali and Niger in 2024, it said. "
            "Civilians made up 1,200 of the dead in Mali and 900 in Niger.")
    claims = _claims(text, "2025-02-01")
    assert _claim(claims, 1200, "killed").region == ["ML"] and _claim(claims, 900, "killed").region == ["NE"]
    assert _claim(claims, 900, "killed").since == date(2024, 1, 1)


def test_a_list_of_bare_figures_under_a_lead_in():
    text = ("Report\n\nThe firm recorded 1,900 people abducted in Nigeria in 2024, it said. It gave these figures for "
            "abductions by state:\n\n- Zamfara: 640\n\n- Kebbi: 120")
    claims = _claims(text, "2025-02-01")
    c = _claim(claims, 120, "abducted")
    assert c.region == ["NG"] and c.since == date(2024, 1, 1)
    assert (640, "abducted") in _values(claims)


def test_a_count_kept_by_a_body_that_stands_at_a_figure():
    text = ("Attacks\n\nA tally kept by the Sahel Conflict Observatory, which counts attacks claimed by the militants, "
            "stood at 312 on Monday.")
    assert (312, "attacks") in _values(_claims(text, "2025-05-06"))
