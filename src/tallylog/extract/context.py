"""Per-report working context shared by the extraction components.

Holds the sentences, place and date mentions, and cheap lookups of which of them fall in a sentence, so
each component asks the same questions the same way.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from tallylog import rxcache as rx
from tallylog.extract.lexicon import load
from tallylog.extract.sentences import Sentence
from tallylog.model import DateMention, PlaceMention, Report
from tallylog.prefilter import gate, start_prefixes


def alternation(fragments: list[str]) -> str:
    return "|".join(f"(?:{f})" for f in sorted(fragments, key=len, reverse=True))


@lru_cache(maxsize=None)
def compiled(name: str, key: str, flags: int = re.I) -> re.Pattern[str]:
    """One regex of word-bounded alternatives from lexicon ``name``'s list ``key``."""
    return rx.compile(rf"\b(?:{alternation(load(name)[key])})\b", flags)


@dataclass(slots=True)
class ActorMatch:
    start: int
    end: int
    text: str
    name: str
    side: str | None
    named: bool


@dataclass
class DocContext:
    report: Report
    sentences: list[Sentence]
    places: list[PlaceMention]
    dates: list[DateMention]
    actors: list[ActorMatch] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.places.sort(key=lambda p: p.start)
        self.dates.sort(key=lambda d: d.start)
        self._pstarts = [p.start for p in self.places]
        self._dstarts = [d.start for d in self.dates]
        self.actors = find_actors(self.report.text)
        # places inside an actor's name ("Islamic Resistance in Iraq") are not where anything happened
        spans = sorted((a.start, a.end) for a in self.actors if a.named)
        if spans:
            starts = [s for s, _ in spans]
            # the spans that start at or before a place are the only ones that can hold it; the latest-ending of them
            reach = list(accumulate((e for _, e in spans), max))
            self.places = [p for p in self.places
                           if not ((k := bisect.bisect_right(starts, p.start)) and reach[k - 1] >= p.end)]
        self._pstarts = [p.start for p in self.places]

    def places_in(self, start: int, end: int) -> list[PlaceMention]:
        i = bisect.bisect_left(self._pstarts, start)
        out = []
        while i < len(self.places) and self.places[i].start < end:
            out.append(self.places[i])
            i += 1
        return out

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        i = bisect.bisect_left(self._dstarts, start)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            out.append(self.dates[i])
            i += 1
        return out

    def actors_in(self, start: int, end: int) -> list[ActorMatch]:
        return [a for a in self.actors if start <= a.start < end]


@lru_cache(maxsize=1)
def _actor_patterns() -> tuple[re.Pattern[str], list[re.Pattern[str]], list[tuple[str, str | None]], re.Pattern[str]]:
    lex = load("actors")
    named = [(e["name"], e.get("side")) for e in lex["named"]]
    # one pass over every alias, entry by entry (each entry's longest alias first), so at one position the
    # first entry that matches wins; which entry that was is asked of the entries' own patterns where one
    # matched (a named group per entry would cost every attempt at every word, which is most of the time)
    pattern = rx.compile(r"(?<![\w-])(?:" + "|".join(alternation(e["aliases"]) for e in lex["named"]) + r")(?![\w-])")
    entries = [rx.compile(rf"(?:{alternation(e['aliases'])})(?![\w-])") for e in lex["named"]]
    # "(?<!\w)" is "\b" before an alias that begins with a letter, and much cheaper to try at every position
    lead = r"(?<!\w)" if all(re.match(r"\w", a) for a in lex["generic"]) else r"\b"
    generic = rx.compile(rf"{lead}(?:{alternation(lex['generic'])})\b", re.I)
    return pattern, entries, named, generic


_ENTRY_START = 2  # letters an entry's aliases are told apart by


@lru_cache(maxsize=1)
def _entries_by_start() -> dict[str, tuple[int, ...]] | None:
    """The first two letters (lower-cased) a named entry's aliases can begin with -> the entries that can begin
    so, in the lexicon's order; None where some entry's start cannot be listed (then every entry is asked)."""
    _, entries, _, _ = _actor_patterns()
    by_start: dict[str, list[int]] = {}
    for i, p in enumerate(entries):
        starts = start_prefixes(p, _ENTRY_START)
        if starts is None:
            return None
        for st in starts:
            by_start.setdefault(st, []).append(i)
    return {st: tuple(ids) for st, ids in by_start.items()}


def _entry_at(text: str, start: int) -> int:
    """The first named entry whose aliases match at ``start`` (where the one pattern of them all matched). Only
    the entries that can begin with the letters there are asked: an entry that cannot begin so cannot match, so
    the first that does is the same; letters outside ASCII, or not listed, have every entry asked."""
    _, entries, _, _ = _actor_patterns()
    by_start = _entries_by_start()
    window = text[start:start + _ENTRY_START]
    ids = by_start.get(window.lower()) if by_start is not None and window.isascii() else None
    return next(i for i in (range(len(entries)) if ids is None else ids) if entries[i].match(text, start))


def find_actors(text: str) -> list[ActorMatch]:
    """Named armed actors first; generic ones ("gunmen", "militants") where no named one overlaps."""
    pattern, _, named, generic = _actor_patterns()
    found: list[ActorMatch] = []
    taken: list[tuple[int, int]] = []
    # both patterns are tried only at the words they can begin with (read as they go: a whole document's words
    # are not held)
    for m in gate(pattern).finditer(text):
        start = m.start()
        name, side = named[_entry_at(text, start)]
        found.append(ActorMatch(start, m.end(), m.group(0), name, side, True))
        taken.append((start, m.end()))
    for m in gate(generic).finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        found.append(ActorMatch(m.start(), m.end(), m.group(0), m.group(0).lower(), None, False))
    found.sort(key=lambda a: a.start)
    return found
