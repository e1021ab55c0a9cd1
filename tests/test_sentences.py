"""Sentence segmentation (``tallylog.extract.sentences``): offsets, abbreviations, flattened subheadings."""
from __future__ import annotations

import pytest

from tallylog.extract.sentences import split_sentences


def _texts(text: str) -> list[str]:
    sents = split_sentences(text)
    for s in sents:  # every sentence is the text at its offsets
        assert text[s.start:s.end] == s.text
    return [s.text for s in sents]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert _texts("U.S. forces said Mr. Smith left at 3 p.m. on Monday. Gen. Ali agreed.") == [
        "U.S. forces said Mr. Smith left at 3 p.m. on Monday.", "Gen. Ali agreed."]


@pytest.mark.parametrize("head,body", [
    ("Roadside bombs kill three soldiers", "The army said the convoy was hit near the border on Friday."),
    ("Curfew extended", "In the capital, shops stayed shut for a second day."),
    ("Talks stall after strike on port", "Officials from both sides left without a statement."),
    ("Recent attacks", "Since the start of the year, dozens of people have been killed."),
])
def test_a_subheading_run_into_the_next_sentence_is_split_off(head, body):
    text = f"The previous paragraph ended here. {head} {body}"
    assert _texts(text) == ["The previous paragraph ended here.", head, body]


@pytest.mark.parametrize("sentence", [
    "Plan A was approved by the council on Monday.",  # one word before the opener
    "Police in Kano said The Guardian had reported the raid.",  # a capitalised title follows ("The Guardian")
    "Gunmen attacked the village, residents said. The army sent troops.",
    "Witnesses said the attack began at dawn and lasted for hours.",
])
def test_ordinary_sentences_are_not_split_as_subheadings(sentence):
    text = f"Earlier text. {sentence}"
    assert _texts(text) == ["Earlier text.", *[s for s in _texts(sentence)]]
    assert all(len(s.split()) > 2 for s in _texts(sentence))


def test_a_long_run_of_words_is_not_a_subheading():
    text = ("Earlier text. Troops and police were sent to the area after the attack on the market "
            "The attack was claimed by no group.")
    # nine words before the opener: more than a subheading takes, left as the sentence it is
    assert len(_texts(text)) == 2


def test_a_subheading_is_marked_and_gives_no_event_of_its_own():
    from tallylog.pipeline import extract

    text = ("Gunmen stormed a hotel in Beledweyne on Tuesday, killing nine people, police said. "
            "Since 2009, hundreds of people have been killed in suicide attacks on hotels. "
            "The single biggest attack, in 2019, killed at least 25 people and injured 60 others. "
            "Airstrikes kill 40 fighters Hours after the siege ended, the army said it had killed dozens of "
            "militants in raids elsewhere in the region.")
    assert [s.heading for s in split_sentences(text)] == [False, False, False, True, False]
    events = extract(text, published="2025-03-13").events
    # the subheading's air strike is no part of the 2019 attack told just before it
    assert any(e.date and e.date.year == 2019 for e in events)
    assert all("airstrike" not in e.weapons for e in events if e.date and e.date.year == 2019)


def test_boundaries_tried_at_stops_are_those_the_pattern_finds_everywhere():
    """``_boundaries`` tries the boundary pattern only near stops, "=" and "*": it must give every match a scan
    of every position gives, in the same order, over texts made of the characters its alternatives turn on."""
    import random

    from tallylog.extract.sentences import _BOUNDARY, _boundaries

    rng = random.Random(7)
    alphabet = list("aZbA. !?=*\"”)(\n1'-—QI")
    texts = ["==See also==* 2007 Airfield bombing* 2014 ...", "militant.FILE - A police officer", "May 24, 2017.At least",
             'bakery."There was', "caught.A funeral", "He said.” Then he left. U.S. forces", "a.==b== c ==d==e *  x"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(20000)]
    for text in texts:
        assert [m.span() for m in _boundaries(text)] == [m.span() for m in _BOUNDARY.finditer(text)], text
