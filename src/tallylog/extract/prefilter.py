"""Cheap gates in front of big patterns: the few letters a pattern's match can begin with.

A lexicon compiled into one alternation ("bombing|air strikes?|shelled|...") is tried at every word start of
every sentence, and fails at nearly all of them ("the", "said", "on"). ``start_prefixes`` reads the pattern
itself (through the standard library's regular-expression parser) and lists every pair of letters a match
can begin with, case-folded; a word start whose first two letters are not in that set cannot match, and the
pattern need not be tried there. Where the pattern's start cannot be listed (it begins with a character class
like ``\\w``, or can match fewer than two characters), the answer is ``None``: no gate, the pattern is always
tried, so the gate never changes what is found.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

try:  # the standard library's own parser (``sre_parse`` before Python 3.11)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

#: most alternatives a prefix set may grow to before the gate is given up (it would no longer be cheap)
_LIMIT = 4096
#: most characters one character class may stand for
_CLASS_LIMIT = 64
#: the ASCII members of the classes listed (a window with any other character is never judged by a gate)
_CATEGORIES = {_c.CATEGORY_DIGIT: "0123456789", _c.CATEGORY_SPACE: " \t\n\r\f\v"}


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
        parsed = _p.parse(source, flags)
        return frozenset(_expand(list(parsed), "", k))
    except (_Unbounded, RecursionError, re.error):
        return None


def _expand(items: list[Any], prefix: str, k: int) -> set[str]:
    """The ``k``-character prefixes of ``prefix`` followed by a match of ``items``."""
    if len(prefix) >= k:
        return {prefix[:k]}
    if not items:
        raise _Unbounded  # a match can end before k characters
    (op, av), rest = items[0], items[1:]
    if op is _c.LITERAL:
        return _expand(rest, prefix + _fold(av), k)
    if op is _c.IN or (op is _c.CATEGORY and av in _CATEGORIES):
        if op is _c.CATEGORY:
            av = [(op, av)]
        out: set[str] = set()
        for ch in _class_chars(av):
            out |= _expand(rest, prefix + ch, k)
            _check(out)
        return out
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _expand(rest, prefix, k)
    if op is _c.SUBPATTERN:
        return _expand(list(av[-1]) + rest, prefix, k)
    if op is _c.BRANCH:
        out = set()
        for alt in av[1]:
            out |= _expand(list(alt) + rest, prefix, k)
            _check(out)
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        out = set()
        # each repetition adds at least nothing: more than k + 1 of them can add no new prefix
        for n in range(lo, min(hi, lo + k + 1) + 1):
            out |= _expand(list(sub) * n + rest, prefix, k)
            _check(out)
        return out
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _expand(list(av) + rest, prefix, k)
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
    """A pattern with the two letters its matches can begin with, where it only ever matches at a word's start
    (it opens with ``\\b`` and a word character): ``finditer`` then tries it at those word starts alone."""

    pattern: re.Pattern[str]
    prefixes: frozenset[str] | None

    def finditer(self, text: str, windows: tuple[tuple[int, str | None], ...] | None = None) -> Iterator[re.Match[str]]:
        """The matches ``pattern.finditer(text)`` gives, in order (none overlapping); ``windows`` are
        ``word_windows(text)``, computed once for all the gates a text is tried against."""
        if self.prefixes is None:
            yield from self.pattern.finditer(text)
            return
        prefixes, match, end = self.prefixes, self.pattern.match, 0
        for pos, window in (word_windows(text) if windows is None else windows):
            if pos < end or (window is not None and window not in prefixes):
                continue
            m = match(text, pos)
            if m is not None:
                yield m
                end = m.end()

    def search(self, text: str, windows: tuple[tuple[int, str | None], ...] | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, windows), None)


@lru_cache(maxsize=None)
def gate(pattern: re.Pattern[str]) -> Gate:
    """``pattern`` with its gate (``Gate.prefixes`` is None, so every position is tried, where its matches
    need not begin a word, or their first letters cannot be listed)."""
    prefixes = start_prefixes(pattern, WINDOW)
    if prefixes is not None:
        try:
            bounded = _leading_boundary(list(_p.parse(pattern.pattern, pattern.flags)))
        except (RecursionError, re.error):
            bounded = False
        if not bounded or not all(p[0] in _WORD_CHARS for p in prefixes):
            prefixes = None
    return Gate(pattern, prefixes)


WINDOW = 2
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_WORD_START = re.compile(r"\b\w")


@lru_cache(maxsize=256)
def word_windows(text: str) -> tuple[tuple[int, str | None], ...]:
    """(start, first two letters lower-cased) of every word of ``text``; None for letters outside ASCII, which
    the gates do not judge (case-blind matching folds some of them in ways ``str.lower`` does not)."""
    out = []
    for m in _WORD_START.finditer(text):
        pos = m.start()
        window = text[pos:pos + WINDOW]
        out.append((pos, window.lower() if window.isascii() else None))
    return tuple(out)
