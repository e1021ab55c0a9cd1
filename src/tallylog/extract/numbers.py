"""Numbers as news writes them: "118", "1,200", "two", "twenty-one", "a dozen", "144th", "third"."""
from __future__ import annotations

import re
from functools import lru_cache

from tallylog.extract.lexicon import load

_N = load("numbers")
UNITS: dict[str, int] = _N["cardinals"]
ORDINALS: dict[str, int] = _N["ordinals"]
VAGUE = frozenset(_N["vague"])

_word = "|".join(sorted(UNITS, key=len, reverse=True))
_ord_word = "|".join(sorted(ORDINALS, key=len, reverse=True))
# A cardinal: digits (with thousands separators), or number words, optionally compounded ("twenty-one",
# "two hundred", "1.5 million").
CARDINAL = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s+(?:million|thousand))?"
    rf"|(?:(?:{_word})(?:[\s-]+(?:{_word}|hundred|thousand|and))*)"
)
ORDINAL = rf"(?:\d+(?:st|nd|rd|th)|(?:(?:{_word})[\s-])?(?:{_ord_word}))"
CARDINAL_RE = re.compile(rf"\b(?:{CARDINAL})\b", re.I)
_DIGIT = re.compile(r"\d")
#: every number word, case-folded: a cardinal or ordinal in words begins with one of them
_NUMBER_WORDS = tuple(sorted({w.casefold() for w in (*UNITS, *ORDINALS)}))


@lru_cache(maxsize=256)
def has_number(text: str) -> bool:
    """Whether ``text`` may hold a cardinal or an ordinal (``CARDINAL``, ``ORDINAL``): a digit, or a number
    word anywhere in it (case-folded, so never missing one the patterns' case-blind match would find). What
    every count and casualty pattern needs, so a sentence without one (most) need not be tried against them."""
    if _DIGIT.search(text):
        return True
    folded = text.casefold()
    return any(w in folded for w in _NUMBER_WORDS)


def parse_cardinal(text: str) -> int | None:
    """The integer value of a cardinal phrase, or None when it is vague or not a number."""
    t = text.strip().lower().replace(",", "")
    if not t or t in VAGUE:
        return None
    if t in UNITS:
        return UNITS[t]
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(million|thousand))?", t)
    if m:
        value = float(m.group(1))
        mult = {"million": 1_000_000, "thousand": 1_000, None: 1}[m.group(2)]
        return int(round(value * mult))
    total = 0
    current = 0
    seen = False
    for tok in re.split(r"[\s-]+", t):
        if tok == "and" or not tok:
            continue
        if tok in UNITS and tok != "dozen":
            current += UNITS[tok]
            seen = True
        elif tok == "dozen":
            current = max(current, 1) * 12
            seen = True
        elif tok == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif tok == "thousand":
            total += max(current, 1) * 1000
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_ordinal(text: str) -> int | None:
    t = text.strip().lower()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t)
    if m:
        return int(m.group(1))
    parts = re.split(r"[\s-]+", t)
    if parts and parts[-1] in ORDINALS:
        base = ORDINALS[parts[-1]]
        if len(parts) == 2 and parts[0] in UNITS:
            return UNITS[parts[0]] + base
        if len(parts) == 1:
            return base
    return None
