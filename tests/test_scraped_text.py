"""Text scraped from news pages with its layout flattened: glued paragraphs, link lines, captions, bylines.

Sentence splitting (``tallylog.extract.sentences``) must find the boundaries a scraper lost and mark a page's
furniture (link lines, photo captions and credits, crossheads) as headings, which never report an incident; the
event rules must still read the incidents such pages tell and nothing else.
"""
from __future__ import annotations

import pytest

from tallylog.extract.sentences import split_sentences
from tallylog.pipeline import extract


def _split(text: str) -> list[tuple[str, bool]]:
    sents = split_sentences(text)
    for s in sents:  # every sentence is the text at its offsets
        assert text[s.start:s.end] == s.text
    return [(s.text, s.heading) for s in sents]


def _texts(text: str) -> list[str]:
    return [t for t, _ in _split(text)]


# --- glued paragraph boundaries ---------------------------------------------------------------------------------

@pytest.mark.parametrize("before,after", [
    ("Four people were wounded.", "The gunman fled on foot."),
    ("The convoy was hit near the bridge.", "A second device was found later."),
    ("Nobody claimed the attack.", "I saw the smoke from my window, a resident said."),
    ("The statement was issued by JNIM.", "Three soldiers died."),
    ("It said the situation was OK.", "Witnesses disagreed."),
])
def test_a_full_stop_glued_to_the_next_sentence_ends_it(before, after):
    assert _texts(before + after) == [before, after]


@pytest.mark.parametrize("head,body", [
    ("Lone attackers show similar patterns", "Troops were deployed to the market on Sunday."),
    ("Calls for calm", "A police source said the device was small."),
    ("Security reinforcements", "Soldiers were sent to the area on Tuesday night."),
    ("Residents count the cost", "Shops in the old town stayed shut."),
])
def test_a_line_without_a_full_stop_glued_to_a_paragraph_is_a_heading(head, body):
    text = f"The bomb went off at noon. {head}{body}"
    assert _split(text) == [("The bomb went off at noon.", False), (head, True), (body, False)]


@pytest.mark.parametrize("name", [
    "McDonald", "MacArthur", "DeSantis", "LaGuardia", "iPhone", "YouTube", "TikTok", "FitzGerald",
    "WhatsApp", "PowerPoint", "LinkedIn", "BlackRock", "ExxonMobil", "GlaxoSmithKline",
])
def test_camel_case_names_stay_whole(name):
    text = f"The suspect had contacted {name} staff before the attack, police said."
    assert _texts(text) == [text]


@pytest.mark.parametrize("token", ["#BringBackOurGirls", "@PoliceScotland", "https://example.org/newsRoom/Item"])
def test_hashtags_handles_and_addresses_stay_whole(token):
    text = f"Police posted {token} after the shooting in the town centre."
    assert _texts(text) == [text]


def test_a_long_sentence_glued_to_the_next_is_split_but_not_a_heading():
    first = ("The desert south and east of the city on the government side of the river has long been full of "
             "armed fighters")
    text = first + "Officials said two soldiers were killed there on Monday."
    assert _split(text) == [(first, False), ("Officials said two soldiers were killed there on Monday.", False)]


# --- quotes -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ('It exploded outside the bakery."There was a loud bang," said Eva. She ran.',
     ["It exploded outside the bakery.", '"There was a loud bang," said Eva.', "She ran."]),
    ("It exploded outside the bakery.“There was a loud bang,” said Eva.",
     ["It exploded outside the bakery.", "“There was a loud bang,” said Eva."]),
    ('He said it was "the worst attack".Police closed the road.',
     ['He said it was "the worst attack".', "Police closed the road."]),
    ('"It was chaos," he said."We ran."', ['"It was chaos," he said.', '"We ran."']),
    ("The blast hit at 5.30 p.m. local time (1530 UTC).\"There was smoke,\" a witness said.",
     ["The blast hit at 5.30 p.m. local time (1530 UTC).", "\"There was smoke,\" a witness said."]),
])
def test_quotes_glued_to_a_sentence_go_with_the_sentence_they_open(text, expected):
    assert _texts(text) == expected


def test_a_closing_quote_before_a_glued_sentence_stays_with_its_sentence():
    text = 'The militia warned of "more to come.""Nobody is safe," a resident said.'
    assert _texts(text) == ['The militia warned of "more to come."', '"Nobody is safe," a resident said.']


# --- link lines, captions, page furniture -------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Read more: Gunmen kill five in attack on Kano market",
    "Also read: Bomb blast kills 12 at bus station",
    "RELATED: Suicide bomber strikes police academy",
    "Read also | Maharashtra: Internet suspended in two districts",
    "Watch: Three killed as rockets hit Kharkiv (video 2:14)",
    "Photo: AFP",
    "Photo by Jane Doe",
    "Photo credit: Army handout",
    "File photo of a police checkpoint in Kabul.",
    "Image caption, A police car burns in the street",
    "Share Facebook Twitter WhatsApp Email",
    "Permalink https://example.org/p/123",
    "Advertisement",
])
def test_page_furniture_is_marked_as_a_heading(line):
    text = f"Two people were hurt.\n\n{line}\n\nThe road reopened on Monday."
    assert _split(text) == [("Two people were hurt.", False), (line, True), ("The road reopened on Monday.", False)]


@pytest.mark.parametrize("sentence", [
    "Photos and videos show soldiers firing on the crowd in the square.",
    "Watchdog groups said 40 people were killed in the clashes.",
    "Related violence spread to two other towns on Sunday.",
    "Advertisements for the rally were torn down overnight.",
    "Readers sent pictures of the fire to the newsroom.",
])
def test_ordinary_sentences_are_not_furniture(sentence):
    assert _split(sentence) == [(sentence, False)]


def test_a_read_more_line_makes_the_linked_headline_after_it_a_heading():
    text = ("The talks resume in June.\n\nRead more:\n\nRebels kill 10 soldiers in ambush near border\n\n"
            "Earlier this month, gunmen kidnapped two engineers.")
    assert _split(text) == [
        ("The talks resume in June.", False), ("Read more:", True),
        ("Rebels kill 10 soldiers in ambush near border", True),
        ("Earlier this month, gunmen kidnapped two engineers.", False)]


def test_a_caption_before_a_bracketed_credit_is_a_heading():
    text = ("Police said the attack lasted an hour.\n\n"
            "Security officials inspect the site of a bombing in Peshawar, Pakistan. (AP Photo/File)\n\n"
            "Later on Monday, gunmen fired on a patrol.")
    assert _split(text) == [
        ("Police said the attack lasted an hour.", False),
        ("Security officials inspect the site of a bombing in Peshawar, Pakistan.", True),
        ("(AP Photo/File)", True),
        ("Later on Monday, gunmen fired on a patrol.", False)]


def test_a_bracketed_credit_glued_to_the_next_paragraph_is_split_off():
    text = "Representational image. (File Photo)In nearby Bhusawal, a police van was attacked with stones."
    assert _split(text) == [("Representational image.", True), ("(File Photo)", True),
                            ("In nearby Bhusawal, a police van was attacked with stones.", False)]


def test_a_bbc_style_image_credit_and_caption_glued_together():
    text = ("Officers were pelted with bricks, the force said.Image source, PA MediaImage caption, A police car "
            "burns in the street on Monday nightThree of the officers needed hospital treatment.")
    assert _split(text) == [
        ("Officers were pelted with bricks, the force said.", False), ("Image source, PA Media", True),
        ("Image caption, A police car burns in the street on Monday night", True),
        ("Three of the officers needed hospital treatment.", False)]


# --- what extraction makes of such pages --------------------------------------------------------------------------

def test_a_linked_headline_and_a_caption_give_no_incident_of_their_own():
    text = ("A man stabbed two people near the market in central Strasbourg on Sunday evening, police said.Both "
            "victims were taken to hospital.Read more: Gunmen kill five in attack on market in KanoMarkets "
            "reopened on Monday under heavy guard.\n\n"
            "Soldiers inspect the site of a car bombing in Mogadishu. (AP Photo/File)\n\n"
            "Share Facebook Twitter WhatsApp Email")
    events = extract(text, published="2025-12-15").events
    assert [e.location.name for e in events] == ["Strasbourg"]


def test_non_incidents_in_scraped_text_give_no_event():
    text = ("Police said 20 people had been detained for questioning.A bomb threat telephoned to a school in "
            "Baidoa on Wednesday turned out to be a hoax, police said.A security drill planned for Tuesday at "
            "the bus terminal went ahead as scheduled.Calls for calmThe governor appealed for calm and promised "
            "more patrols.")
    assert extract(text, published="2026-03-04").events == []


def test_briefs_of_several_outlets_on_one_attack_are_one_incident():
    text = ("BAMAKO (AFP) - Jihadists attacked a gendarmerie post in Kati at dawn on Monday, killing three "
            "gendarmes, security sources said.\n\n"
            "BAMAKO, Aug. 10 (Xinhua) -- Unidentified gunmen attacked a gendarmerie post in Kati on Monday morning, "
            "the army said.\n\n"
            "BAMAKO (VOA) - Separately, gunmen attacked a checkpoint in Kolokani on Sunday, the army said.")
    events = extract(text, published="2026-08-11").events
    assert sorted((e.location.name, str(e.date)) for e in events) == [
        ("Kati", "2026-08-10"), ("Kolokani", "2026-08-09")]


# --- event rules the scraped set showed missing -------------------------------------------------------------------

@pytest.mark.parametrize("sentence,day", [
    ("In October last year, a radio commentator was shot and wounded in Bayawan City.", "2025-10-01"),
    ("In March this year, a bomb exploded at a bus station in Jos, wounding six people.", "2026-03-01"),
])
def test_a_month_told_with_last_or_this_year_dates_one_act(sentence, day):
    events = extract(sentence, published="2026-07-08").events
    assert [str(e.date) for e in events] == [day]


def test_last_year_alone_still_speaks_of_many_acts():
    assert extract("Last year, militants carried out dozens of attacks in Borno.", published="2026-07-08").events == []


def test_have_since_been_freed_does_not_make_an_abduction_a_count():
    x = extract("In March, gunmen abducted 47 people from a village near Kachia, most of them women and children; "
                "31 of them have since been freed.", published="2026-04-14")
    assert [(e.location.name, e.sub_event_type) for e in x.events] == [("Kachia", "Abduction/forced disappearance")]


def test_stones_thrown_at_a_building_are_mob_violence():
    x = extract("On 14 July, a group of men threw stones at a mosque in Middlesbrough, breaking several windows.",
                published="2026-09-02")
    assert [(e.location.name, e.sub_event_type, str(e.date)) for e in x.events] == [
        ("Middlesbrough", "Mob violence", "2026-07-14")]


def test_ages_are_not_counts_of_victims():
    x = extract("A teenager was stabbed outside a nightclub in Salford on Saturday. Two men aged 19 and 22 were "
                "treated for stab wounds.", published="2025-09-16")
    assert len(x.events) == 1 and x.events[0].injured != 22 and x.events[0].injured != 19
