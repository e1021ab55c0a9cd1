"""Tests of the geoparser's fast paths: each must give what the plain computation gives.

The tokeniser keeps only the tokens that can be part of a name, the gazetteer caches its answers per key,
and several per-span steps are computed once per document; these tests compare each with a direct
computation of the same thing.
"""
from __future__ import annotations

import re

import pytest

from tallylog.geo import Geocoder, places_to_json
from tallylog.geo.gazetteer import Gazetteer
from tallylog.geo.lexicon import lexicon
from tallylog.geo.parse import _clause_breaks, _spans, _squeeze, _tokenise, _words_before

from test_geo import FIXTURE

# the tokeniser's word pattern written the plain way: abbreviation first, then a word
_PLAIN_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W_](?:[\w'’ʿʾ]|-(?=\w))*")

TEXTS = [
    "U.S. forces said on Monday that a drone hit the al-Omar oil field near Deir ez-Zor.",
    "In Kenya, the towns of Bocaranga and Bozoum were attacked. The U.S.A team left.",
    "Lionel Bethune de Moro met officials of the Islamic Resistance in Iraq in Erbil's outskirts.",
    "Militants struck Ain al-Asad air base\nand the Conoco and al-Omar fields; 3 were hurt in Tower 22.",
    "He said: “The attack on Camp Lemonnier in Djibouti was repelled,” adding that el-Fasher is besieged.",
    "Biden's Syria policy, Jake Sullivan and the X.Y.Z. group: none named a place. 1st Battalion, 2nd Army.",
    "BREAKING NEWS FROM BAGHDAD\nIRAQI OFFICIALS SAY ROCKETS HIT THE GREEN ZONE",
    "a_Foo _Bar x-Ray U.S.-backed China-funded Gwadar port of al-Hudaydah and as-Sukhnah",
]


def _plain_tokens(text: str) -> list[tuple[str, int, int, bool]]:
    """Every token of the text with its offsets and whether it starts a sentence."""
    out = []
    prev_end = 0
    for m in _PLAIN_TOKEN_RE.finditer(text):
        gap = text[prev_end:m.start()]
        stripped = gap.rstrip(" \t")
        sent_start = not out or "\n" in gap or (bool(stripped) and stripped[-1] in '.!?:;"“”*•|')
        out.append((m.group(), m.start(), m.end(), sent_start))
        prev_end = m.end()
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_tokeniser_words_and_offsets_match_the_plain_pattern(text):
    toks, words = _tokenise(text, lexicon())
    plain = _plain_tokens(text)
    assert words == [w for w, _s, _e, _ss in plain]
    by_start = {s: (w, e, ss) for w, s, e, ss in plain}
    for t in toks:
        assert t.start in by_start, t
        word, end, sent_start = by_start[t.start]
        assert (t.text, t.end, t.sent_start) == (word, end, sent_start)
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("text", TEXTS)
def test_every_capitalised_token_is_kept(text):
    toks, _words = _tokenise(text, lexicon())
    kept = {t.start for t in toks}
    for word, start, _end, _ss in _plain_tokens(text):
        if word[0].isupper() or "-" in word or word.isdigit():
            assert start in kept, word


def test_particle_inside_a_name_joins_it():
    text = "Officials met Lionel Bethune de Moro and the people of Port of Spain."
    toks, _words = _tokenise(text, lexicon())
    names = [sp.surface for sp in _spans(text, toks)]
    assert "Lionel Bethune de Moro" in names
    assert "Port of Spain" in names


def test_a_lone_particle_is_no_token():
    text = "the town of al Hol is one of many"
    toks, _words = _tokenise(text, lexicon())
    assert "of" not in {t.low for t in toks}


@pytest.mark.parametrize("s", ["", " ", "  \n ", "a", " a ", "a  b\tc\n", "\u2003x\u00a0y\x1c", " air   base,\nnear"])
def test_squeeze_is_the_whitespace_substitution(s):
    assert _squeeze(s) == re.sub(r"\s+", " ", s)


@pytest.mark.parametrize("text", TEXTS)
def test_words_before_with_known_breaks_is_the_same(text):
    breaks = _clause_breaks(text)
    for pos in range(len(text) + 1):
        for limit in (20, 60):
            assert _words_before(text, pos, limit, breaks) == _words_before(text, pos, limit)


def test_cached_candidates_equal_a_fresh_query():
    gaz = Gazetteer(facilities_csv=str(FIXTURE))
    keys = {"baghdad", "erbil", "no such place xyz", "ain al asad", ""}
    first = gaz.candidates(keys)
    assert "" not in first and "no such place xyz" not in first
    assert set(gaz._memo) == keys - {""}  # empty answers are cached too
    again = gaz.candidates(keys)
    assert again == first
    fresh = Gazetteer(facilities_csv=str(FIXTURE)).candidates(keys, cache=False)
    assert fresh == first


def test_candidate_cache_is_bounded():
    gaz = Gazetteer(facilities_csv=str(FIXTURE), memo_size=10)
    gaz.candidates({f"unknown key {i}" for i in range(25)})
    assert len(gaz._memo) < 25  # the older half went when the cache passed its bound
    gaz.candidates({f"other key {i}" for i in range(5)})
    assert len(gaz._memo) <= 15


def test_geoparse_is_the_same_on_a_warm_and_a_cold_geocoder():
    text = " ".join(TEXTS)
    warm = Geocoder(facilities_csv=str(FIXTURE))
    for t in TEXTS:
        warm.geoparse(t)
    cold = Geocoder(facilities_csv=str(FIXTURE))
    assert places_to_json(warm.geoparse(text)) == places_to_json(cold.geoparse(text))
    assert places_to_json(warm.geoparse(text)) == places_to_json(warm.geoparse(text))
