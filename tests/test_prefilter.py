"""Gates in front of big patterns (``tallylog.prefilter``) never change what a pattern finds."""
from __future__ import annotations

import re

import pytest

from tallylog.extract import claims, context, events
from tallylog.prefilter import gate, start_prefixes, word_windows

SENTENCES = [
    "At least 118 attacks on US forces have been recorded since October 17, the official said.",
    "Gunmen killed twenty-one people and wounded 40 others in the village of Kalat on Tuesday.",
    "The 144th attack, a drone strike, hit the base; nobody was hurt, the Pentagon said.",
    "Über 30 Menschen: the toll rose to 55 from 12 after a car bomb exploded near the café.",
    "Militants, fighters and unidentified armed men stormed the post-office; three were arrested.",
    "Drones, rockets and an IED: the KİLLED figure (İstanbul) was ſome 12 dead, said a monitor.",
    "",
    "x",
]


def test_prefixes_of_simple_patterns():
    assert start_prefixes(re.compile(r"\b(?:air ?strikes?|shelled)\b", re.I)) == {"ai", "sh"}
    assert start_prefixes(re.compile(r"\d+ (?:killed|dead)"), 2) >= {"1 ", "12", "9 "}
    # a start that cannot be listed, or a match shorter than the window: no gate
    assert start_prefixes(re.compile(r".+ killed")) is None
    assert start_prefixes(re.compile(r"\b(?:a|an)\b")) is None
    assert start_prefixes(re.compile(r"[^,]+ said")) is None


def test_gate_only_where_matches_begin_words():
    assert gate(re.compile(r"\b(?:bomb|blast)s?\b", re.I)).prefixes == {"bom", "bla"}
    assert gate(re.compile(r"(?<![\w-])(?:bomb|blast)s?", re.I)).prefixes == {"bom", "bla"}
    # may begin inside a word, or after any character: every position is tried
    assert gate(re.compile(r"(?:bomb|blast)s?", re.I)).prefixes is None
    assert gate(re.compile(r"(?<=, )(?:bomb|blast)s?", re.I)).prefixes is None


def _lexicon_patterns() -> dict[str, re.Pattern[str]]:
    pats = {f"claims.{k}": v for k, v in claims._patterns().items() if isinstance(v, re.Pattern)}
    lex = events._lex()
    pats.update({f"weapons.{k}": v for k, v in lex["weapons"].items()})
    pats.update({f"killed.{i}": v for i, v in enumerate(lex["killed"] + lex["injured"])})
    named, _, _, generic = context._actor_patterns()
    pats.update({"actors.named": named, "actors.generic": generic})
    return pats


@pytest.mark.parametrize("name,pattern", sorted(_lexicon_patterns().items()))
def test_gated_matches_equal_plain_matches(name, pattern):
    g = gate(pattern)
    for text in SENTENCES + [" ".join(SENTENCES)]:
        plain = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        gated = [(m.span(), m.groupdict()) for m in g.finditer(text, word_windows(text))]
        assert gated == plain, (name, text)
        want = pattern.search(text)
        for got in (g.search(text), g.search(text, word_windows(text)), g.search(text, prefilter_lazy(text))):
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), (name, text)


def prefilter_lazy(text: str):
    from tallylog import prefilter

    return prefilter._LazyWindows(text)  # the words read as the pattern goes (a very long document's way)


def test_most_count_patterns_are_gated():
    gated = [k for k in claims._COUNT_KEYS if claims._count_gates()[k].prefixes is not None]
    assert len(gated) >= len(claims._COUNT_KEYS) - 3


def test_words_outside_ascii_are_always_tried():
    # "İ" and "ſ" fold under case-blind matching in ways str.lower does not: the gate lets them through
    pattern = re.compile(r"\b(?:ied|sk)\b", re.I)
    g = gate(pattern)
    assert g.prefixes is not None
    for text in ("an İED went off", "ſk", "IED", "a bomb"):
        assert [m.span() for m in g.finditer(text)] == [m.span() for m in pattern.finditer(text)]


def _triggers_tried_everywhere(sentence: str) -> list[tuple[int, int, str]]:
    """find_triggers without its gate: the trigger pattern tried at every word start."""
    lex, found, end = events._lex(), [], 0
    for w in events._WORD_START.finditer(sentence):
        if w.start() < end:
            continue
        m = events._whole_trigger_re().match(sentence, w.start())
        if m is not None:
            found.append((m.start(), m.end(), lex["triggers"][int(m.lastgroup[1:])][0]))
            end = m.end()
    return found


def test_trigger_gate_finds_what_every_word_start_finds():
    assert events._trigger_dispatch() is not None
    for text in SENTENCES + ["Israeli airstrikes pounded Gaza; a roadside bomb and mortar shelling followed, "
                             "then clashes, an ambush, a suicide bomber who blew himself up, and kidnappings."]:
        got = [(t.start, t.end, t.sub) for t in events.find_triggers(text)]
        assert got == _triggers_tried_everywhere(text)
        assert got or not text.strip() or "attack" not in text


def test_two_letter_gate_where_three_cannot_be_listed():
    g = gate(re.compile(r"\b(?:ied|is)\b", re.I))  # "is" is two letters long
    assert (g.size, g.prefixes) == (2, {"ie", "is"})
    assert [m.group(0) for m in g.finditer("It is an IED")] == ["is", "IED"]


def test_a_long_texts_windows_are_not_held_and_give_the_same_matches():
    from tallylog import prefilter

    long = " ".join(SENTENCES) * (prefilter.WINDOWS_MAX_CHARS // len(" ".join(SENTENCES)) + 2)
    windows = word_windows(long)
    assert not isinstance(windows, tuple)  # made afresh at each pass
    pattern = claims._patterns()["attacks"]
    g = gate(pattern)
    assert [m.span() for m in g.finditer(long, windows)] == [m.span() for m in pattern.finditer(long)]
    assert [m.span() for m in g.finditer(long, windows)] == [m.span() for m in g.finditer(long)]


def test_a_documents_windows_are_made_once_and_give_the_same_matches():
    from tallylog import prefilter

    doc = " ".join(SENTENCES) * (prefilter._SENTENCE_CHARS // len(" ".join(SENTENCES)) + 2)  # a document's length
    assert prefilter._SENTENCE_CHARS < len(doc) <= prefilter.WINDOWS_MAX_CHARS
    windows = word_windows(doc)
    assert isinstance(windows, prefilter.WordIndex) and word_windows(doc) is windows  # remembered
    for name, pattern in sorted(_lexicon_patterns().items()):
        g = gate(pattern)
        plain = [m.span() for m in pattern.finditer(doc)]
        assert [m.span() for m in g.finditer(doc, windows)] == plain, name
        assert [m.span() for m in g.finditer(doc)] == plain, name  # windows made (and remembered) inside


def test_words_folded_by_case_blind_matching_are_tried():
    pattern = re.compile(r"\bkabul\b", re.I)  # the Kelvin sign folds to "k" under case-blind matching
    text = "In \u212aabul and in Kabul, kabul."
    assert [m.span() for m in gate(pattern).finditer(text, word_windows(text))] == \
        [m.span() for m in pattern.finditer(text)]
    assert len(list(pattern.finditer(text))) == 3


def test_gates_are_remembered_on_disk_and_read_back(tmp_path, monkeypatch):
    from tallylog import prefilter

    monkeypatch.setenv("TALLYLOG_CACHE", str(tmp_path))
    prefilter._known_gates.cache_clear()
    try:
        pattern = re.compile(r"\b(?:mortar|rocket|drone)s?\b(?# a pattern of this test's own)", re.I)
        made = prefilter._gate.__wrapped__(pattern)
        assert made.prefixes == {"mor", "roc", "dro"}
        prefilter.save_gates()
        assert prefilter._gates_path().parent == tmp_path and prefilter._gates_path().exists()
        prefilter._known_gates.cache_clear()

        def never(p):  # read back from the file: not made again
            raise AssertionError("gate made again")

        monkeypatch.setattr(prefilter, "_make_gate", never)
        again = prefilter._gate.__wrapped__(pattern)
        assert (again.prefixes, again.size) == (made.prefixes, made.size)
        assert [m.span() for m in again.finditer("Two drones and a mortar.")] == [(4, 10), (17, 23)]
    finally:
        prefilter._known_gates.cache_clear()


def test_an_unreadable_gates_file_is_an_empty_cache(tmp_path, monkeypatch):
    from tallylog import prefilter

    monkeypatch.setenv("TALLYLOG_CACHE", str(tmp_path))
    prefilter._known_gates.cache_clear()
    try:
        prefilter._gates_path().write_text("{not json", encoding="utf-8")
        pattern = re.compile(r"\b(?:ambush|assault)\b(?# another pattern of this test's own)", re.I)
        assert prefilter._gate.__wrapped__(pattern).prefixes == {"amb", "ass"}
        prefilter.save_gates()  # the broken file is replaced by a good one
        prefilter._known_gates.cache_clear()
        assert any(v == [3, ["amb", "ass"]] for v in prefilter._known_gates().values())
    finally:
        prefilter._known_gates.cache_clear()


@pytest.mark.parametrize("size", [2, 3])
def test_an_index_gives_the_starts_a_pass_over_every_window_would_try(size):
    from tallylog import prefilter

    for text in SENTENCES + [" ".join(SENTENCES)]:
        index = prefilter.WordIndex(text)
        windows = list(prefilter._iter_windows(text))
        assert list(index) == windows
        for prefixes in (frozenset(), frozenset({"th", "the", "dr", "dro", "12", "12 "}), frozenset({"zz", "zzz"})):
            tried = [p for p, *w in windows if w[size - 2] is None or w[size - 2] in prefixes]
            assert list(index.candidates(prefixes, size)) == tried, (text, prefixes)


def test_triggers_read_from_a_word_index_are_those_read_word_by_word(monkeypatch):
    from tallylog import prefilter

    texts = SENTENCES + [" ".join(SENTENCES), "Kabul-based gunmen shot dead two; a co-ordinated -bombing and airstrikes",
                         "“Shelling” of İstanbul’s port: a drone strike, then a car bomb exploded."]
    indexed = [events.find_triggers(t) for t in texts]
    monkeypatch.setattr(events, "word_windows", lambda text: prefilter._LazyWindows(text))  # no index: word by word
    assert [events.find_triggers(t) for t in texts] == indexed
    assert any(indexed)


def test_date_cores_read_from_a_word_index_are_those_the_scan_finds():
    from tallylog.extract import dates

    texts = SENTENCES + [" ".join(SENTENCES), "On Monday, 12 May, two days ago; late-December and mid-2024 ٣ days after",
                         "Yesterday's attack (Sept. 3rd) came a week after Christmas Eve, overnight into Tuesday."]
    for text in texts:
        assert list(dates._core_starts(text)) == [m.start() for m in dates._CORE.finditer(text)], text


@pytest.mark.parametrize("pattern", [
    re.compile(r"\b(?:reportedly|allegedly|said to|believed to)\b"),
    re.compile(r"\b(?:denied|denies|deny|no such attack)\b"),
    re.compile(r"\b(?:said|says|told)\b"),
    re.compile(r"(?:at least|more than) \d+"),
    re.compile(r".+ said"),  # no prefixes: always searched
])
def test_needles_search_finds_what_the_pattern_finds(pattern):
    from tallylog.prefilter import needles

    n = needles(pattern)
    texts = SENTENCES + ["Rebels reportedly DENIED it; officials Said to have told us at least 12.",
                         "İt was said to be so, according to a monitor who denies it."]
    for text in texts:
        got, want = n.search(text), pattern.search(text)
        assert (got and got.span()) == (want and want.span()), text
        got = n.search(text.lower(), text.lower())
        want = pattern.search(text.lower())
        assert (got and got.span()) == (want and want.span()), text


def test_needles_prefer_long_prefixes():
    from tallylog.prefilter import needles

    assert needles(re.compile(r"\b(?:reportedly|allegedly)\b")).prefixes == ("allegedl", "reported")
    assert needles(re.compile(r"\b(?:deny|denied)\b")).prefixes == ("deni", "deny")
    assert needles(re.compile(r".+ said")).prefixes is None


def test_an_index_of_a_text_outside_ascii_gives_the_windows_read_one_by_one():
    import random

    from tallylog import prefilter

    rng = random.Random(3)
    alphabet = list("ab Cd’é“İ\u212aK ,.-x1ſΣ")  # curly quotes, accents, the Kelvin sign, a dotted capital I
    texts = SENTENCES + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    for text in texts:
        index = prefilter.WordIndex(text)
        windows = list(prefilter._iter_windows(text))
        assert list(index) == windows, text
        assert index.other == [p for p, two, _three in windows if two is None], text


def test_a_gate_is_found_by_its_pattern_object_and_by_an_equal_pattern():
    from tallylog import prefilter

    from tallylog import rxcache

    source = r"\b(?:shelling|shelled)\b(?# a pattern of this test's own)"
    first, again = re.compile(source, re.I), rxcache.compile(source, re.I)
    assert again is not first and again == first
    g = gate(first)
    assert gate(first) is g and g.pattern is first and g.prefixes == {"she"}
    assert prefilter._GATES_BY_ID[id(first)] == (first, g)
    assert gate(again) is g  # an equal pattern: the same gate
