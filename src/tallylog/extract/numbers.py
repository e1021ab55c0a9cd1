"""Numbers as news writes them: "118", "1,200", "two", "twenty-one", "a dozen", "144th", "third"."""
from __future__ import annotations

import re

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
