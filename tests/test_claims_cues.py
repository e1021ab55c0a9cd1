"""The claims finder's cheap cues (stems as substring tests, a few whole words as a pattern) answer as one
alternation of them all would."""
from __future__ import annotations

import re

from tallylog.extract import claims

SENTENCES = [
    "Gunmen killed 12 people on Tuesday.",
    "The villagers lost everything; nobody was hurt.",
    "He glossed over the figures, losing track.",
    "It was the 21st such incident and the twentieth raid this year.",
    "The 3rd battalion met on the 4th floor.",
    "Nothing of note happened at the meeting.",
    "They accounted for most of the dead.",
    "",
]


def _alternation(stems: tuple[str, ...], words: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile("|".join([*map(re.escape, stems), words.pattern]))


def test_cues_answer_as_the_alternation_of_them_all():
    for stems, words in ((claims._CASUALTY_STEMS, claims._CASUALTY_WORDS), (claims._ATTACK_STEMS, claims._ATTACK_WORDS)):
        whole = _alternation(stems, words)
        for s in SENTENCES:
            low = s.lower()
            assert claims._has_cue(low, stems, words) == (whole.search(low) is not None), s


def test_whole_word_cues_need_the_whole_word():
    assert claims._has_cue("they lost", (), claims._CASUALTY_WORDS)
    assert not claims._has_cue("he glossed over it", (), claims._CASUALTY_WORDS)
    assert claims._has_cue("the 21st attack", (), claims._ATTACK_WORDS)
