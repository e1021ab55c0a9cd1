"""Patterns compiled through ``tallylog.rxcache`` are the patterns ``re.compile`` makes, from the cache or not."""
from __future__ import annotations

import re

import pytest

from tallylog import rxcache

PATTERNS = [
    (r"\b(?P<num>\d+)\s+(?:killed|dead)\b", re.I),
    (r"(?<![\w-])(?:al-Shabaab|ISIS|Boko Haram)(?![\w-])", 0),
    (r"(?P<a>x)|(?P<b>y)(?P<c>z)?", re.I | re.M),
    (r"[^,;]{2,60}? said$", 0),
    (r"(?i:near)\s+(?-i:Kabul)", 0),
]
TEXTS = ["12 killed and 3 DEAD in Kabul", "al-Shabaab and ISIS, not ISISx", "yz x Y", "a police officer said",
         "NEAR Kabul, near kabul"]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TALLYLOG_CACHE", str(tmp_path))
    rxcache._known.cache_clear()
    rxcache._unsaved.clear()
    rxcache._used.clear()
    yield tmp_path
    rxcache._known.cache_clear()
    rxcache._unsaved.clear()
    rxcache._used.clear()


def _same(got: re.Pattern[str], want: re.Pattern[str]) -> None:
    assert got == want  # same text, flags and engine code
    assert got.groupindex == want.groupindex and got.groups == want.groups
    for text in TEXTS:
        assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)]
        assert [m.groupdict() for m in got.finditer(text)] == [m.groupdict() for m in want.finditer(text)]


def test_compiled_afresh_and_read_back_are_the_patterns_re_makes(fresh_cache, monkeypatch):
    for source, flags in PATTERNS:
        _same(rxcache.compile(source, flags), re.compile(source, flags))
    rxcache.save()
    assert rxcache._path().parent == fresh_cache and rxcache._path().exists()
    rxcache._known.cache_clear()

    def never(*args, **kwargs):
        raise AssertionError("pattern read again")

    monkeypatch.setattr(rxcache._sp, "parse", never)  # from the file: not parsed again
    for source, flags in PATTERNS:
        _same(rxcache.compile(source, flags), re.compile(source, flags))


def test_an_unreadable_cache_file_is_an_empty_cache(fresh_cache):
    rxcache._path().parent.mkdir(parents=True, exist_ok=True)
    rxcache._path().write_bytes(b"\x00not a cache")
    source, flags = PATTERNS[0]
    _same(rxcache.compile(source, flags), re.compile(source, flags))
    rxcache.save()  # the broken file is replaced by a good one
    rxcache._known.cache_clear()
    assert (source, int(flags)) in rxcache._known()


def test_a_bad_entry_is_made_afresh(fresh_cache):
    source, flags = PATTERNS[1]
    rxcache._known()[(source, flags)] = (0, b"\x01\x02", 0, {})
    _same(rxcache.compile(source, flags), re.compile(source, flags))


def test_entries_no_process_uses_any_more_are_dropped_when_the_file_is_written(fresh_cache):
    # a first run compiles A and B; a later run (a new lexicon) needs A and C: the file then holds A and C only
    (a, fa), (b, fb), (c, fc) = PATTERNS[:3]
    rxcache.compile(a, fa)
    rxcache.compile(b, fb)
    rxcache.save()
    rxcache._known.cache_clear()
    rxcache._used.clear()
    rxcache.compile(a, fa)
    rxcache.compile(c, fc)
    rxcache.save()
    rxcache._known.cache_clear()
    assert set(rxcache._known()) == {(a, int(fa)), (c, int(fc))}

