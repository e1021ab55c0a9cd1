"""Cheap gates in front of big patterns: the few letters a pattern's match can begin with.

A lexicon compiled into one alternation ("bombing|air strikes?|shelled|...") is tried at every word start of
every sentence, and fails at nearly all of them ("the", "said", "on"). ``start_prefixes`` reads the pattern
itself (through the standard library's regular-expression parser) and lists the first two or three letters
a match can begin with, case-folded; a word start whose first letters are not in that set cannot match, and
the pattern need not be tried there. Where the pattern's start cannot be listed (it begins with a negated
class or ``.``, or can match fewer letters than asked), the answer is ``None``: no gate, the pattern is always
tried, so the gate never changes what is found. Ingest (boilerplate cues) and extraction (triggers, weapons,
counts, actors) both put their big patterns behind gates.
"""
from __future__ import annotations

import atexit
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any

from tallylog.cache import cache_dir, replace_atomically

try:  # the standard library's own parser (``sre_parse`` before Python 3.11)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

#: most alternatives a prefix set may grow to before the gate is given up (it would no longer be cheap)
_LIMIT = 50_000
#: most characters one character class may stand for
_CLASS_LIMIT = 72
#: the ASCII members of the classes listed (a window with any other character is never judged by a gate)
_ASCII_WORD = "abcdefghijklmnopqrstuvwxyz0123456789_"
#: the ASCII characters of ``\s`` in a str pattern include the separators \x1c-\x1f (``str.isspace``)
_ASCII_SPACE = " \t\n\r\f\v\x1c\x1d\x1e\x1f"
_CATEGORIES = {_c.CATEGORY_DIGIT: "0123456789", _c.CATEGORY_SPACE: _ASCII_SPACE, _c.CATEGORY_WORD: _ASCII_WORD}


class _Unbounded(Exception):
    """The pattern's start cannot be listed."""


def start_prefixes(pattern: re.Pattern[str] | str, k: int = 2) -> frozenset[str] | None:
    """Every string of ``k`` characters (lower-cased) a match of ``pattern`` can begin with, or ``None``.

    ``None`` means "cannot tell": the pattern may start with any character, may match fewer than ``k``
    characters, or uses a construct this reader does not follow (back-references, conditionals). Zero-width
    assertions (``\\b``, look-arounds) are read as always true, so the set is never too small."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    try:
        return _prefixes(_p.parse(source, flags), k)
    except (RecursionError, re.error):
        return None


def _prefixes(parsed: Any, k: int) -> frozenset[str] | None:
    try:
        found = _seq(parsed, 0, k, {})
    except (_Unbounded, RecursionError):
        return None
    if any(len(s) < k for s in found):
        return None  # a match can end before k characters
    return frozenset(found)


# The readers below return, for a piece of a pattern and a length m, the strings of at most m characters a
# match of that piece can begin with: a string of m characters is a prefix, a shorter one is a whole match
# (what follows the piece goes on from there). Each (piece, position, m) is read once (``memo``).

def _seq(items: Any, i: int, m: int, memo: dict[tuple[int, int, int], set[str]]) -> set[str]:
    """What ``items[i:]`` (a sequence of the parser's nodes) can begin with."""
    if m == 0 or i == len(items):
        return {""}
    key = (id(items), i, m)
    if key in memo:
        return memo[key]
    out: set[str] = set()
    for head in _node(items[i], m, memo):
        if len(head) == m:
            out.add(head)
        else:
            out.update(head + tail for tail in _seq(items, i + 1, m - len(head), memo))
        _check(out)
    memo[key] = out
    return out


def _node(node: tuple[Any, Any], m: int, memo: dict[tuple[int, int, int], set[str]]) -> set[str]:
    op, av = node
    if op is _c.LITERAL:
        return {_fold(av)}
    if op is _c.IN:
        return _class_chars(av)
    if op is _c.CATEGORY and av in _CATEGORIES:
        return set(_CATEGORIES[av])
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}  # zero-width: read as always true
    if op is _c.SUBPATTERN:
        return _seq(av[-1], 0, m, memo)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _seq(av, 0, m, memo)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            out |= _seq(alt, 0, m, memo)
            _check(out)
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        out, reps = set(), {""}
        # each repetition adds at least nothing: more than m + 1 beyond the least can add no new string
        for n in range(0, min(hi, lo + m + 1) + 1):
            out.update(s for s in reps if n >= lo or len(s) == m)
            grown: set[str] = set()
            for s in reps:  # one more repetition after each string still short of m characters
                if len(s) == m:
                    grown.add(s)
                else:
                    grown.update(s + t for t in _seq(sub, 0, m - len(s), memo))
            _check(grown)
            reps = grown
        return out
    raise _Unbounded


def _class_chars(av: Sequence[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, val in av:
        if op is _c.LITERAL:
            chars.add(_fold(val))
        elif op is _c.RANGE:
            lo, hi = val
            if hi - lo > _CLASS_LIMIT:
                raise _Unbounded
            chars.update(_fold(c) for c in range(lo, hi + 1))
        elif op is _c.CATEGORY and val in _CATEGORIES:
            chars.update(_CATEGORIES[val])
        else:  # NEGATE, other categories (\w, \W, ...): too many characters to list
            raise _Unbounded
        if len(chars) > _CLASS_LIMIT:
            raise _Unbounded
    return chars


def _fold(code: int) -> str:
    folded = chr(code).lower()
    if len(folded) != 1:  # "İ" lower-cases to two characters: its prefixes cannot be listed this way
        raise _Unbounded
    return folded


def _check(out: set[str]) -> None:
    if len(out) > _LIMIT:
        raise _Unbounded


def _leading_boundary(items: list[Any]) -> bool:
    """Whether every match of ``items`` must pass a word boundary (``\\b``) before its first character."""
    for op, av in items:
        if op is _c.AT:
            if av is _c.AT_BOUNDARY:
                return True
            continue
        if op is _c.ASSERT_NOT and _not_after_word(av):
            return True  # "(?<!\\w)", "(?<![\\w-])": a word character may not come just before
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.SUBPATTERN:
            return _leading_boundary(list(av[-1]))
        if op is _c.BRANCH:
            return all(_leading_boundary(list(alt)) for alt in av[1])
        return False
    return False


def _not_after_word(av: Any) -> bool:
    """Whether a negative assertion is a look-behind at one character that refuses every word character."""
    direction, sub = av
    items = list(sub)
    if direction != -1 or len(items) != 1:
        return False
    op, members = items[0]
    if op is _c.IN:
        return (_c.CATEGORY, _c.CATEGORY_WORD) in members or (_c.CATEGORY, _c.CATEGORY_UNI_WORD) in members
    return op is _c.CATEGORY and members in (_c.CATEGORY_WORD, _c.CATEGORY_UNI_WORD)


@dataclass(frozen=True, slots=True)
class Gate:
    """A pattern with the letters its matches can begin with (``size`` of them, 3 where they can be listed, else
    2), where it only ever matches at a word's start (it opens with ``\\b`` or a look-behind refusing a word
    character, then a word character): ``finditer`` then tries it at those word starts alone."""

    pattern: re.Pattern[str]
    prefixes: frozenset[str] | None
    size: int = 2

    def finditer(self, text: str, windows: Iterable[tuple[int, str | None, str | None]] | None = None
                 ) -> Iterator[re.Match[str]]:
        """The matches ``pattern.finditer(text)`` gives, in order (none overlapping); ``windows`` are
        ``word_windows(text)``, computed once for all the gates a text is tried against (without them, a text of
        up to ``WINDOWS_MAX_CHARS`` has its windows made and remembered here; a longer one's words are read as the
        pattern goes, holding nothing: the way for a very long document)."""
        if self.prefixes is None:
            yield from self.pattern.finditer(text)
            return
        if windows is None and len(text) <= WINDOWS_MAX_CHARS:
            windows = word_windows(text)
        if isinstance(windows, WordIndex):
            candidates = windows.candidates(self.prefixes, self.size)
            if candidates:  # (most gates at most sentences have none)
                yield from self._finditer_at(text, candidates)
            return
        prefixes, match, end, size = self.prefixes, self.pattern.match, 0, self.size - 1
        for item in (_iter_windows(text) if windows is None else windows):
            window = item[size]
            if item[0] < end or (window is not None and window not in prefixes):
                continue
            m = match(text, item[0])
            if m is not None:
                yield m
                end = m.end()

    def search(self, text: str, windows: Iterable[tuple[int, str | None, str | None]] | None = None
               ) -> re.Match[str] | None:
        """The first match ``finditer`` gives (as ``pattern.search(text)``), found without its generators on
        the common ways (no gate; a text with its word index)."""
        if self.prefixes is None:
            return self.pattern.search(text)
        if windows is None and len(text) <= WINDOWS_MAX_CHARS:
            windows = word_windows(text)
        if isinstance(windows, WordIndex):
            match = self.pattern.match
            for pos in windows.candidates(self.prefixes, self.size):
                m = match(text, pos)
                if m is not None:
                    return m
            return None
        return next(self.finditer(text, windows), None)

    def _finditer_at(self, text: str, candidates: Sequence[int]) -> Iterator[re.Match[str]]:
        """The matches at ``candidates`` (ascending word starts), none overlapping the one before."""
        match, end = self.pattern.match, 0
        for pos in candidates:
            if pos < end:
                continue
            m = match(text, pos)
            if m is not None:
                yield m
                end = m.end()


@dataclass(frozen=True, slots=True)
class Needles:
    """A pattern with the few strings its matches can begin with (lower-cased, ``start_prefixes``): a text
    that holds none of them, lower-cased, has no match, found without running the pattern. For small
    patterns tried on every sentence (a hedge word, a verb of saying) that rarely match: a handful of
    substring tests cost less than a search. Where the prefixes cannot be listed, or are too many to be
    cheap, or the text is not all ASCII (lower-casing may then move offsets), the pattern is always run."""

    pattern: re.Pattern[str]
    prefixes: tuple[str, ...] | None

    def search(self, text: str, low: str | None = None) -> re.Match[str] | None:
        """``pattern.search(text)``; ``low``, when given, is ``text.lower()``."""
        prefixes = self.prefixes
        if prefixes is not None and text.isascii():
            if low is None:
                low = text.lower()
            for p in prefixes:
                if p in low:
                    break
            else:
                return None  # every match begins with one of the prefixes, and none is in the text
        return self.pattern.search(text)


#: most prefixes a ``Needles`` tests before it would rather run its pattern
NEEDLES_MAX = 48


@lru_cache(maxsize=None)
def needles(pattern: re.Pattern[str], k: int = 8) -> Needles:
    """``pattern`` with the strings of ``k`` letters its matches begin with, or fewer letters where no longer
    ones can be listed or they would be too many (see ``Needles``): the longer, the rarer in a text."""
    for size in range(k, 0, -1):
        prefixes = start_prefixes(pattern, size)
        if prefixes is not None and len(prefixes) <= NEEDLES_MAX:
            return Needles(pattern, tuple(sorted(prefixes)))
    return Needles(pattern, None)


#: the gates of the pattern objects asked about, by object (id -> (pattern, gate)): a pattern's own hash
#: reads its whole compiled code, microseconds for a big one, and gates are asked for in inner loops
_GATES_BY_ID: dict[int, tuple[re.Pattern[str], Gate]] = {}
#: most pattern objects remembered so (beyond, the table starts afresh; ``_gate`` still has them all)
_GATES_BY_ID_MAX = 4096


def gate(pattern: re.Pattern[str]) -> Gate:
    """``pattern`` with its gate (``Gate.prefixes`` is None, so every position is tried, where its matches
    need not begin a word, or their first letters cannot be listed). Reading a big pattern's prefixes takes a
    while, so they are remembered on disk (see ``_known_gates``), keyed by the pattern's text and flags; in
    the process, by the pattern itself and, for a quick look-up, by the object (which the table keeps alive,
    so its id is not given to another while it is there)."""
    got = _GATES_BY_ID.get(id(pattern))
    if got is not None and got[0] is pattern:
        return got[1]
    made = _gate(pattern)
    if len(_GATES_BY_ID) >= _GATES_BY_ID_MAX:
        _GATES_BY_ID.clear()
    _GATES_BY_ID[id(pattern)] = (pattern, made)
    return made


@lru_cache(maxsize=None)
def _gate(pattern: re.Pattern[str]) -> Gate:
    """``gate``, made or read from disk once for each pattern (by its text, flags and code)."""
    key = _gate_key(pattern)
    known = _known_gates()
    if key in known:
        entry = known[key]
        if entry is None:
            return Gate(pattern, None)
        try:
            return Gate(pattern, frozenset(entry[1]), int(entry[0]))
        except (TypeError, IndexError, ValueError):
            pass  # not an entry this module wrote: made afresh
    made = _make_gate(pattern)
    known[key] = _unsaved[key] = None if made.prefixes is None else [made.size, sorted(made.prefixes)]
    return made


def _make_gate(pattern: re.Pattern[str]) -> Gate:
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except (RecursionError, re.error):
        return Gate(pattern, None)
    if _leading_boundary(list(parsed)):
        for size in (3, 2):
            prefixes = _prefixes(parsed, size)
            if prefixes is not None and all(p[0] in _WORD_CHARS for p in prefixes):
                return Gate(pattern, prefixes, size)
    return Gate(pattern, None)


def _gate_key(pattern: re.Pattern[str]) -> str:
    return hashlib.sha1(f"{pattern.flags}\0{pattern.pattern}".encode("utf-8", "surrogatepass")).hexdigest()


#: gates made in this process and not yet written to disk (key -> entry, as in ``_known_gates``)
_unsaved: dict[str, list[Any] | None] = {}


def _gates_path() -> Path:
    """The gates file, named by this module's source and Python's version (either may change the prefixes)."""
    h = hashlib.sha1(Path(__file__).read_bytes())
    h.update(f"{sys.version_info[0]}.{sys.version_info[1]}".encode())
    return cache_dir() / f"gates-{h.hexdigest()[:12]}.json"


@lru_cache(maxsize=1)
def _known_gates() -> dict[str, list[Any] | None]:
    """Gates made by earlier runs (pattern key -> [size, prefixes], or None for no gate); new ones are added
    as they are made and written when the process ends. A missing or unreadable file is an empty cache."""
    atexit.register(save_gates)
    try:
        known = json.loads(_gates_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}


def save_gates() -> None:
    """Write the gates made in this process to the cache (atomically; skipped where it cannot be written)."""
    if not _unsaved:
        return
    path = _gates_path()
    try:  # another process may have written gates of its own meanwhile: keep them
        on_disk = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        on_disk = {}
    merged = (on_disk if isinstance(on_disk, dict) else {}) | _unsaved
    if not replace_atomically(path, json.dumps(merged, separators=(",", ":")).encode("utf-8")):
        return
    _unsaved.clear()


_WORD_CHARS = frozenset(_ASCII_WORD)
_WORD_START = re.compile(r"\b\w")


#: longest text whose windows are made once and remembered (a sentence); a longer one's are read as they go
WINDOWS_MAX_CHARS = 20_000


def word_windows(text: str) -> Iterable[tuple[int, str | None, str | None]]:
    """(start, first two letters, first three letters), lower-cased, of every word of ``text``; None for letters
    outside ASCII, which the gates do not judge (case-blind matching folds some of them in ways ``str.lower``
    does not). A text of up to ``WINDOWS_MAX_CHARS`` has them made once, as a ``WordIndex`` (the last few
    sentences' and documents' remembered, as one text meets many gates); a longer text's are read afresh each
    time they are gone through, so that they are never all held."""
    if len(text) > WINDOWS_MAX_CHARS:
        return _LazyWindows(text)
    return _sentence_windows(text) if len(text) <= _SENTENCE_CHARS else _document_windows(text)


#: texts up to this long are remembered 256 at a time (sentences); longer ones (documents) 4 at a time
_SENTENCE_CHARS = 2_000


class WordIndex:
    """The word starts of one text with their windows, and the set of windows the text holds.

    A gate whose prefixes share no window with the text (most gates, at most sentences) has only the starts
    whose letters are not all ASCII (``other``: always tried, as a gate does not judge them) to try, found
    without going through the words; otherwise it goes through them as before. Either way it tries the same
    starts in the same order as a pass over every window skipping those it refuses, so the same matches are
    found. Iterating gives the windows themselves."""

    __slots__ = ("_starts", "_threes", "_twos", "_keys", "other")

    def __init__(self, text: str) -> None:
        starts = [m.start() for m in _WORD_START.finditer(text)]
        if text.isascii():  # every window is ASCII: lower-case the text once (same length, same offsets)
            low = text.lower()
            threes: list[str | None] = [low[p:p + 3] for p in starts]
            self.other: list[int] = []
        else:
            threes = [_ascii_window(text, p) for p in starts]
            self.other = [p for p, w in zip(starts, threes) if w is None]  # ascending
        self._starts = starts
        self._threes = threes
        self._twos: list[str | None] | None = None
        self._keys: dict[int, frozenset[str | None]] = {}

    def __iter__(self) -> Iterator[tuple[int, str | None, str | None]]:
        for p, w in zip(self._starts, self._threes):
            yield (p, None, None) if w is None else (p, w[:2], w)

    def __len__(self) -> int:
        return len(self._starts)

    @property
    def starts(self) -> list[int]:
        """Every word start (``\\b\\w``), ascending (not to be changed)."""
        return self._starts

    def windows(self, size: int) -> list[str | None]:
        """The window of ``size`` (2 or 3) letters at each start, lower-cased, None where not all ASCII (not to
        be changed)."""
        return self._windows(size)

    def _windows(self, size: int) -> list[str | None]:
        if size == 3:
            return self._threes
        if self._twos is None:
            self._twos = [None if w is None else w[:2] for w in self._threes]
        return self._twos

    def candidates(self, prefixes: frozenset[str], size: int) -> Sequence[int]:
        """The word starts a gate with ``prefixes`` of ``size`` (2 or 3) letters tries, ascending."""
        keys = self._keys.get(size)
        if keys is None:
            keys = self._keys[size] = frozenset(self._windows(size))
        if prefixes.isdisjoint(keys):  # goes through the text's few windows, not the gate's many prefixes
            return self.other
        # the starts whose window the gate lists (a pass in C: no window is None in an ASCII text), with the
        # non-ASCII starts put back in text order: the starts a pass over every window would keep
        found = list(compress(self._starts, map(prefixes.__contains__, self._windows(size))))
        if self.other:
            found += self.other
            found.sort()
        return found


def _ascii_window(text: str, pos: int) -> str | None:
    window = text[pos:pos + 3]
    return window.lower() if window.isascii() else None


@lru_cache(maxsize=256)
def _sentence_windows(text: str) -> WordIndex:
    return WordIndex(text)


@lru_cache(maxsize=4)
def _document_windows(text: str) -> WordIndex:
    return WordIndex(text)


class _LazyWindows:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __iter__(self) -> Iterator[tuple[int, str | None, str | None]]:
        return _iter_windows(self.text)


def _iter_windows(text: str) -> Iterator[tuple[int, str | None, str | None]]:
    for m in _WORD_START.finditer(text):
        pos = m.start()
        window = _ascii_window(text, pos)
        yield (pos, None, None) if window is None else (pos, window[:2], window)
