"""Date expressions of English news text, resolved against the publication date.

``find_dates`` finds every date expression in a text and resolves it; ``resolve_expression`` resolves
one expression given on its own ("on Thursday", "since Oct. 17"). Both return ``DateMention`` (see
``tallylog.model``). The vocabulary (month and weekday names, context words, id nouns) lives in
``data/lexicons/dates.json``; this module builds its patterns once, at import.

Resolution rules (``published`` is the anchor; nothing is ever taken from the clock):

* A day without a year ("Oct. 17") is the most recent such day on or before publication; a month
  without a year ("in March") the most recent such month that began on or before publication.
* A weekday ("Thursday", "late Thursday", "Thursday night") is the most recent such weekday on or
  before publication (the publication day itself when the weekdays agree); "last Thursday" and
  "this past Thursday" are strictly before publication.
* "today", "tonight", "this morning" are the publication day; "yesterday" and "last night" the day
  before. "overnight" on its own is read as the night before publication and resolved to
  publication day - 1 (ACLED practice for overnight attacks reported the next morning).
* "last week" is the Monday-Sunday week before the publication week, "this week" the publication
  week; "last month"/"this month" and "last year"/"this year" likewise; "two days ago" is a day,
  "three weeks ago" the Monday-Sunday week holding that day, "six months ago" a month.
* Ranges ("between Oct. 17 and Nov. 20", "Oct. 17-20", "from Monday to Wednesday") resolve the end
  first, against publication, then the start against the end.
* Numeric dates: ISO "2023-10-19"; slashed dates need a four-digit year ("9/11" alone is a name).
  A number over 12 decides the order; when both readings exist the date is read month-first (US
  order), unless only the day-first reading falls on or before publication. ``slash_order`` may
  force "mdy" or "dmy" for sources known to write one order.

Without a publication date, a day or month without a year keeps ``date=None`` and an ISO 8601
reduced ``partial`` ("--10-17", "--03"); relative expressions give ``date=None`` and precision
"unknown".

Future references ("tomorrow", "next week") are not extracted; a weekday in a future-tense sentence
("will meet Tuesday") is still resolved backwards.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterator

from tallylog import rxcache as rx
from tallylog.extract.lexicon import load
from tallylog.extract.numbers import UNITS as _CARDINALS, parse_cardinal

# "a day ago", "an hour ago": the article counts as one here, though never as a casualty figure
UNITS = {**_CARDINALS, "a": 1, "an": 1}
from tallylog.model import DateMention
from tallylog.prefilter import WordIndex, gate, word_windows

__all__ = ["find_dates", "resolve_expression", "md_on_or_before"]

_L = load("dates")

MONTHS: dict[str, int] = {}  # name or abbreviation -> month number
FULL_MONTHS: frozenset[str] = frozenset(m["name"] for m in _L["months"])
for _m in _L["months"]:
    MONTHS[_m["name"]] = _m["number"]
    for _a in _m["abbreviations"]:
        MONTHS[_a] = _m["number"]
WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(_L["weekdays"])}

_MONTH_CONTEXT = frozenset(_L["month_context_words"])
_STRICT_MONTH_CONTEXT = frozenset(_L["strict_month_context_words"])
_AMBIGUOUS_MONTHS = frozenset(_L["ambiguous_months"])
_NAME_LIKE_MONTHS = frozenset(_L["name_like_months"])
_WD_PREFIXES = frozenset(_L["weekday_name_prefixes"])
_WD_SUFFIXES = frozenset(_L["weekday_name_suffixes"])
_WD_NOUNS = frozenset(_L["weekday_noun_suffixes"])
_WD_REFUSE = tuple(_L["weekday_refuse_after"])
_REL_DAYS: dict[str, int] = _L["relative_days"]
_YEAR_CONTEXT = frozenset(_L["year_context_words"])
_QUANTITY = frozenset(_L["quantity_words"])
_ID_NOUNS = frozenset(_L["id_nouns"])
_COUNT_NOUNS = frozenset(_L["count_nouns"])
_LEAD_WORDS = _L["lead_words"]


def _alt(words: object, *, spaces: bool = False) -> str:
    """A regex alternation of ``words``, longest first (so the longest wins at one position); words of one
    length in alphabetical order, so that the pattern's text is the same in every process (a set's order is
    not) and its compiled form is found in the cache (``tallylog.rxcache``). Distinct words of one length never
    both match at one position with different ends, so their order changes no match."""
    items = sorted(set(words), key=lambda w: (-len(w), w))  # type: ignore[arg-type]
    parts = [re.escape(w) for w in items]
    if spaces:
        parts = [p.replace(r"\ ", r"\s+") for p in parts]
    return "|".join(parts)


# ---------------------------------------------------------------------------------------------
# Pattern building blocks. Every alternative of the master pattern gets its own group-name prefix
# ("md_", "range_md_", ...) because Python's re allows a group name only once per pattern.

_MON_ALT = _alt(MONTHS)
_WD_ALT = _alt(WEEKDAYS)
_MOD = rf"(?i:{_alt(_L['part_modifiers'], spaces=True)})"
_PERIOD_MOD = rf"(?i:{_alt(_L['period_modifiers'])})"
_NUM_WORDS = rf"(?i:{_alt(UNITS, spaces=True)})"
_REL_DAY_ALT = rf"(?i:{_alt(_REL_DAYS, spaces=True)})"
_DAY_PARTS = _alt(_L["day_parts"])
_SEASONS: dict[str, tuple[int, int]] = {k: (a, b) for k, (a, b) in _L["seasons"].items()}
_SEASON_ALT = rf"(?i:{_alt(_SEASONS)})"
_SEASON_CONTEXT = frozenset(_L["season_context_words"])
_HOLIDAYS: dict[str, tuple[int, int]] = {k: (m, d) for k, (m, d) in _L["holidays"].items()}
_HOLIDAY_ALT = _alt(_HOLIDAYS, spaces=True)
_CONNECTOR_WORDS = [c for c in _L["range_connectors"] if c.isalpha()]
_CONNECTOR_DASHES = "".join(c for c in _L["range_connectors"] if not c.isalpha())
# No digit, sign, slash or thousands separator directly before a number that starts a date.
_NUM_START = r"(?<![\w$#€£./:+])(?<!\d[-,])"


def _mon(p: str, n: str = "") -> str:
    # The period belongs to an abbreviation ("Oct.", "Sept."), never to a full name ("in May.").
    return (
        rf"(?<!\w)(?P<{p}mon{n}>{_MON_ALT})(?!\w|-[a-z])"
        rf"(?P<{p}dot{n}>(?:(?<=\b[A-Z][a-z]{{2}})(?<!May)|(?<=Sept))\.)?"
    )


def _day(p: str, n: str = "") -> str:
    return rf"(?P<{p}d{n}>3[01]|[12]\d|0?[1-9])(?P<{p}ord{n}>st|nd|rd|th)?(?![\w%]|[.:,]\d)"


def _year(p: str, n: str = "") -> str:
    return rf"(?P<{p}y{n}>(?:19|20)\d\d)(?![\w%]|[.,:/-]\d)"


def _wd(p: str, n: str = "") -> str:
    return rf"(?<!\w)(?P<{p}wd{n}>{_WD_ALT})(?!\w)"


def _conn(p: str) -> str:
    """A range connector; "and" only after "between"."""
    words = "|".join(w for w in _CONNECTOR_WORDS)
    return (
        rf"(?P<{p}conn>\s*[{_CONNECTOR_DASHES}]\s*|\s+(?i:{words})\s+"
        rf"|(?({p}pre)\s+(?i:and)\s+|(?!)))"
    )


def _pre(p: str) -> str:
    return rf"(?:(?<!\w)(?P<{p}pre>(?i:from|between))\s+)?"


_TEMPLATES: list[tuple[str, Callable[[str], str]]] = [
    ("range_md", lambda p: (
        rf"{_pre(p)}{_mon(p, '1')}\s*{_day(p, '1')}(?:,?\s+{_year(p, '1')})?{_conn(p)}"
        rf"(?:{_mon(p, '2')}\s*)?{_day(p, '2')}(?:,?\s+{_year(p, '2')})?")),
    ("range_dm", lambda p: (
        rf"{_pre(p)}(?:(?i:the)\s+)?{_NUM_START}{_day(p, '1')}"
        rf"(?:\s+(?:(?i:of)\s+)?{_mon(p, '1')}(?:,?\s+{_year(p, '1')})?)?{_conn(p)}"
        rf"(?:(?i:the)\s+)?{_day(p, '2')}\s+(?:(?i:of)\s+)?{_mon(p, '2')}(?:,?\s+{_year(p, '2')})?")),
    ("range_m", lambda p: (
        rf"{_pre(p)}{_mon(p, '1')}(?:,?\s+{_year(p, '1')})?{_conn(p)}{_mon(p, '2')}(?:,?\s+{_year(p, '2')})?")),
    ("range_wd", lambda p: rf"{_pre(p)}{_wd(p, '1')}{_conn(p)}{_wd(p, '2')}"),
    ("range_y", lambda p: (
        rf"(?<!\w)(?P<{p}pre>(?i:from|between))\s+{_NUM_START}(?P<{p}y1>(?:19|20)\d\d)"
        rf"(?P<{p}conn>\s+(?i:to|through|until|till|and)\s+|\s*[{_CONNECTOR_DASHES}]\s*)"
        rf"(?P<{p}y2>(?:19|20)\d\d)(?![\w%]|[.,:/-]\d)")),
    ("range_yd", lambda p: (
        rf"{_NUM_START}(?P<{p}y1>(?:19|20)\d\d)[{_CONNECTOR_DASHES}]"
        rf"(?P<{p}y2>(?:19|20)?\d\d)(?![\w%]|[.,:/-]\d)")),
    ("iso", lambda p: (
        rf"(?<![\w/.-])(?P<{p}y>(?:19|20)\d\d)-(?P<{p}m>0[1-9]|1[0-2])-(?P<{p}d>0[1-9]|[12]\d|3[01])"
        rf"(?![\d/-]|\.\d)")),
    ("slash", lambda p: (
        rf"(?<![\w/.-])(?P<{p}a>\d{{1,2}})/(?P<{p}b>\d{{1,2}})/(?P<{p}y>(?:19|20)\d\d)(?![\w/]|[.-]\d)")),
    ("md", lambda p: (
        rf"(?:{_wd(p)},?\s+)?{_mon(p)}\s*{_day(p)}(?:,?\s+{_year(p)})?")),
    ("dm", lambda p: (
        rf"(?:{_wd(p)},?\s+)?(?:(?P<{p}the>(?i:the))\s+)?{_NUM_START}{_day(p)}\s+"
        rf"(?:(?P<{p}of>(?i:of))\s+)?{_mon(p)}(?:,?\s+{_year(p)})?")),
    ("mon_year", lambda p: (
        rf"(?:(?<!\w)(?P<{p}mod>{_MOD})(?:\s+|-))?{_mon(p)}(?:\s+(?i:of))?,?\s+"
        rf"(?:{_year(p)}|(?P<{p}rel>(?i:this|last|next))\s+(?i:year)(?!\w))")),
    ("rel_month", lambda p: rf"(?<!\w)(?P<{p}rel>(?i:last|this\s+past))\s+{_mon(p)}"),
    ("anniv", lambda p: (
        rf"(?<![\w-])(?P<{p}n>\d{{1,3}}|{_NUM_WORDS})\s+(?i:years?)\s+"
        rf"(?:(?i:ago)\s+(?P<{p}this>(?i:this\s+week|today|this\s+month))"
        rf"|(?P<{p}tday>(?i:to\s+the\s+day)\s+)?(?P<{p}rel>(?i:since|after)))(?!\w)")),
    ("ago", lambda p: (
        rf"(?<![\w-])(?P<{p}n>\d{{1,3}}|{_NUM_WORDS})(?:\s+(?i:of))?\s+"
        rf"(?P<{p}unit>(?i:day|week|month|year))s?\s+(?i:ago)(?!\w)")),
    ("the_weekend", lambda p: rf"(?<!\w)(?i:the)\s+(?i:weekend)(?!\w)"),
    ("rel_period", lambda p: (
        rf"(?<!\w)(?:(?P<{p}mod>{_PERIOD_MOD})(?:\s+|-)(?:(?i:in)\s+)?)?"
        rf"(?P<{p}which>(?i:this|last))\s+(?P<{p}unit>(?i:weekend|week|month|year))(?!\w)")),
    # before the fixed phrases: "overnight Saturday" is Saturday night, not the night before publication
    ("weekday", lambda p: (
        rf"(?:(?<!\w)(?P<{p}pre>(?i:early|late|last|this\s+past|overnight))\s+(?:(?i:on)\s+)?)?{_wd(p)}"
        rf"(?:\s+(?P<{p}post>{_DAY_PARTS})(?!\w))?")),
    ("rel_day", lambda p: rf"(?<!\w)(?P<{p}phrase>{_REL_DAY_ALT})(?!\w)"),
    ("holiday", lambda p: rf"(?<!\w)(?P<{p}hol>{_HOLIDAY_ALT})(?!\w)(?:,?\s+{_year(p)})?"),
    ("season", lambda p: (
        rf"(?:(?<!\w)(?P<{p}rel>(?i:last|this|this\s+past))\s+)?(?:(?<!\w)(?P<{p}the>(?i:the))\s+)?"
        rf"(?<!\w)(?P<{p}season>{_SEASON_ALT})(?!\w)(?:(?:\s+(?i:of))?,?\s+{_year(p)})?")),
    ("month", lambda p: rf"(?:(?<!\w)(?P<{p}mod>{_MOD})(?:\s+|-))?{_mon(p)}"),
    ("year", lambda p: (
        rf"(?:(?<!\w)(?P<{p}mod>{_MOD})(?:\s+|-))?{_NUM_START}{_year(p)}")),
]

_KINDS = [k for k, _ in _TEMPLATES]
_ALT_SOURCES = {k: f"(?P<{k}>{t(k + '_')})" for k, t in _TEMPLATES}
_MASTER = rx.compile("|".join(_ALT_SOURCES[k] for k in _KINDS))
# The alternatives that can open on a digit, in the same order: tried where the start is a digit.
_DIGIT_KINDS = ["range_dm", "range_yd", "iso", "slash", "dm", "anniv", "ago", "year"]
_MASTER_DIGIT = rx.compile("|".join(_ALT_SOURCES[k] for k in _KINDS if k in _DIGIT_KINDS))
_SINGLE = {k: rx.compile(_ALT_SOURCES[k]) for k in _KINDS}
_FIELDS = {k: [(g, g[len(k) + 1:]) for g in _SINGLE[k].groupindex if g != k] for k in _KINDS}

_PREV_TOKEN = rx.compile(r"([\w.’'-]+)[^\w\n]{0,3}\Z")
_NEXT_TOKEN = rx.compile(r"[ \t]*([\w’'.-]+)")
_WS = rx.compile(r"\s+")

# Every date expression holds one of these core words; the scan starts only near them.
_CORE = rx.compile(
    rf"\b(?:{_MON_ALT}|{_WD_ALT}|\d|{_SEASON_ALT}|{_HOLIDAY_ALT}|"
    + _alt(w for base in _L["core_words"] for w in (base, base.capitalize()))
    + ")"
)
# the core words alone (no digit): where one of them can begin is listed by its first letters (``prefilter``)
_CORE_WORDS = rx.compile(
    rf"\b(?:{_MON_ALT}|{_WD_ALT}|{_SEASON_ALT}|{_HOLIDAY_ALT}|"
    + _alt(w for base in _L["core_words"] for w in (base, base.capitalize()))
    + ")"
)


def _core_starts(text: str) -> Iterator[int]:
    """Where ``_CORE.finditer(text)`` finds its matches, in order. Every core begins a word (a digit or a core
    word after ``\\b``), so only the text's word starts (its ``prefilter`` index, shared with the gates) that
    open with a digit, with letters a core word can begin with, or with letters outside ASCII need be tried."""
    index = word_windows(text)
    words = gate(_CORE_WORDS)
    if not isinstance(index, WordIndex) or words.prefixes is None or words.size != 3:
        yield from (m.start() for m in _CORE.finditer(text))
        return
    prefixes, match, end = words.prefixes, _CORE.match, 0
    for pos, window in zip(index.starts, index.windows(3)):
        if pos < end or not (window is None or window[0] in _DIGITS or window in prefixes):
            continue
        m = match(text, pos)
        if m is not None:
            yield pos
            end = m.end()


_DIGITS = frozenset("0123456789")
# Words that may open an expression before its core word ("from", "late", "two" days ago), and
# words that may stand between such an opening and the core ("the end of", "late on").
_START_WORDS = frozenset(
    phrase.split()[0].lower()
    for phrase in [*_L["part_modifiers"], *_L["period_modifiers"], *_REL_DAYS, *UNITS,
                   "from", "between", "the", "last", "this", "overnight"]
)
_PASS_WORDS = frozenset(
    w.lower()
    for phrase in [*_L["part_modifiers"], *_REL_DAYS, *UNITS, "this past", "on", "in", "of"]
    for w in phrase.split()
) - _START_WORDS
_FUTURE = rx.compile(rf"(?i:\b(?:{_alt(_L['future_cues'], spaces=True)})\b)")
_PREV_WORD = rx.compile(r"([A-Za-z]+)[ \t\n-]{1,3}\Z")


# ---------------------------------------------------------------------------------------------
# Calendar arithmetic.

def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _week(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _md_on_or_before(m: int, d: int, anchor: date) -> date | None:
    """The most recent month-day on or before ``anchor`` (searches back over leap years)."""
    y = anchor.year if (m, d) <= (anchor.month, anchor.day) else anchor.year - 1
    for _ in range(9):
        try:
            return date(y, m, d)
        except ValueError:
            y -= 1
    return None


def _md_on_or_after(m: int, d: int, anchor: date) -> date | None:
    y = anchor.year if (m, d) >= (anchor.month, anchor.day) else anchor.year + 1
    for _ in range(9):
        try:
            return date(y, m, d)
        except ValueError:
            y += 1
    return None


def _month_on_or_before(m: int, anchor: date) -> int:
    """The year of the most recent month ``m`` that began on or before ``anchor``."""
    return anchor.year if m <= anchor.month else anchor.year - 1


def _weekday_on_or_before(wd: int, anchor: date, strict: bool = False) -> date:
    back = (anchor.weekday() - wd) % 7
    if strict and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def md_on_or_before(m: int, d: int, anchor: date) -> date | None:
    """The most recent month-day on or before ``anchor`` (what "May 22" means in a story told on ``anchor``)."""
    return _md_on_or_before(m, d, anchor)


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Context checks.

def _prev_token(text: str, start: int) -> str:
    """The word before ``start`` (with at most a little punctuation between), or ""."""
    m = _PREV_TOKEN.search(text, max(0, start - 40), start)
    if not m:
        return ""
    tok = m.group(1)
    inner = tok.rstrip(".")
    if "." in inner and inner.rsplit(".", 1)[-1][:1].isupper() and len(inner.rsplit(".", 1)[-1]) > 1:
        return inner.rsplit(".", 1)[-1]  # "collapsed.Bloody": a missing space after a full stop
    return tok


def _prev_token_raw(text: str, start: int) -> tuple[str, str]:
    """The word before ``start`` and what separates it from ``start``."""
    m = _PREV_TOKEN.search(text, max(0, start - 40), start)
    if not m:
        return "", text[max(0, start - 3):start]
    return m.group(1), text[m.end(1):start]


def _next_token(text: str, end: int) -> str:
    m = _NEXT_TOKEN.match(text, end, min(len(text), end + 40))
    return m.group(1) if m else ""


def _sentence_start(text: str, start: int) -> bool:
    """True when nothing but quotes/space separates ``start`` from a sentence boundary."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;—"


def _bare(word: str) -> str:
    return word.strip(".’'-").lower()


def _is_month_word(word: str) -> bool:
    return word.rstrip(".,") in MONTHS


def _month_context_ok(text: str, start: int, end: int, name: str) -> bool:
    prev = _bare(_prev_token(text, start))
    strict = name in _AMBIGUOUS_MONTHS
    ok = prev in (_STRICT_MONTH_CONTEXT if strict else _MONTH_CONTEXT)
    if not ok and prev in ("and", "or", "to", "through", "until", "till", "nor"):
        # "in January and March": a month after a conjunction that follows another month
        before = _prev_token(text, start - len(_prev_token(text, start)) - 1)
        ok = _is_month_word(before) or prev in _MONTH_CONTEXT and not strict
    if not ok and not strict and text.startswith(("'s", "’s"), end):
        ok = True  # "October's expiration"
    if ok and name in _NAME_LIKE_MONTHS:
        nxt = text[end:end + 2]
        if nxt[:1] == " " and nxt[1:2].isupper():
            return False  # "in August Pfluger's district"
    return ok


def _year_context_ok(text: str, start: int, end: int) -> bool:
    prev, sep = _prev_token_raw(text, start)
    low = _bare(prev)
    nxt = _next_token(text, end)
    if low in _ID_NOUNS or low in _QUANTITY:
        return False
    if nxt.lower() in _COUNT_NOUNS and not text.startswith(("'s", "’s"), end):
        return False
    if sep.strip(" ") == "" and prev.endswith(("'s", "’s")):
        return True
    if re.fullmatch(r"(?:19|20)\d\d", prev.rstrip(",")):
        return True  # "in 2004, 2008 and 2012"
    if sep.rstrip(" ").endswith(("*", "•")) or re.search(r"(?:^|\n)[ \t]*[*•]?[ \t]*\Z", text[max(0, start - 4):start]):
        return True  # a list item that opens on a year ("* 2007 Bagram Airfield bombing")
    if low in _YEAR_CONTEXT and (prev[:1].islower() or _sentence_start(text, start - len(sep) - len(prev))):
        return True
    if prev[:1].isupper() and not _sentence_start(text, start - len(sep) - len(prev)):
        return False  # "Tower 2022", "Vision 2030", "Euro 2024"
    return end >= len(text) or text[end] in ".,;:)!?”\"'’"


def _weekday_context_ok(text: str, start: int, end: int) -> bool:
    prev = _prev_token(text, start)
    if prev in _WD_PREFIXES:
        return False  # "Bloody Sunday", "Super Tuesday"
    before = text[max(0, start - 20):start].lower()
    if before.rstrip().endswith(_WD_REFUSE):
        return False  # "every Friday"
    nxt = text[end:end + 40]
    m = _NEXT_TOKEN.match(nxt)
    if m and m.start(1) > 0 and m.group(1).strip(".") in _WD_SUFFIXES:
        return False  # "the Sunday Times", "Sunday Morning Futures"
    if m and m.start(1) > 0 and m.group(1).strip(".,;:").lower() in _WD_NOUNS:
        return False  # "children leaving Sunday school", "after Friday prayers"
    return True


def _future_cue(text: str, start: int) -> bool:
    """True when the clause before ``start`` speaks of the future ("will meet", "is set to vote")."""
    lo = max(0, start - 60)
    window = text[lo:start]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("? "), window.rfind("! "),
              window.rfind("”"), window.rfind("“"), window.rfind('"'))
    return _FUTURE.search(window, cut + 1 if cut >= 0 else 0) is not None


def _capitalised_name(text: str, start: int) -> bool:
    """True for a capitalised word inside a sentence: part of a name ("USA Today")."""
    return text[start].isupper() and not _sentence_start(text, start)


# ---------------------------------------------------------------------------------------------
# Resolution. A handler turns one match into the resolved fields of a DateMention, or None to
# refuse the match (then the next alternatives are tried at the same position).


@dataclass(slots=True)
class _Res:
    date: date | None
    precision: str
    end_date: date | None = None
    partial: str | None = None
    relative: bool = False


@dataclass(slots=True)
class _Ctx:
    """What a handler needs besides its match: the text, the anchor and the options."""

    text: str
    pub: date | None
    lenient: bool = False  # an expression given on its own: no context checks
    slash_order: str = "auto"


_Handler = Callable[[dict, _Ctx, int, int], "_Res | None"]


def _day_res(y: int | None, m: int, d: int, pub: date | None) -> _Res | None:
    if y is not None:
        dt = _valid(y, m, d)
        return _Res(dt, "day") if dt else None
    if _valid(2000, m, d) is None:  # 2000 is a leap year: any real month-day exists in it
        return None
    if pub is None:
        return _Res(None, "day", partial=f"--{m:02d}-{d:02d}")
    dt = _md_on_or_before(m, d, pub)
    return _Res(dt, "day") if dt else None


def _month_res(y: int | None, m: int, pub: date | None, relative: bool = False) -> _Res:
    if y is None:
        if pub is None:
            return _Res(None, "unknown" if relative else "month", partial=f"--{m:02d}", relative=relative)
        y = _month_on_or_before(m, pub)
    return _Res(date(y, m, 1), "month", _last_day(y, m), relative=relative)


def _year_res(y: int, relative: bool = False) -> _Res:
    return _Res(date(y, 1, 1), "year", date(y, 12, 31), relative=relative)


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _month_ok(f: dict, n: str = "") -> bool:
    """A month name stands on its own only in full or abbreviated with a period."""
    return f["mon" + n] in FULL_MONTHS or f.get("dot" + n) is not None


def _future_guard(res: _Res | None, c: _Ctx, s: int, partial: str | None) -> _Res | None:
    """Leave a date inferred backwards unresolved when its clause speaks of the future, unless it is
    the publication day itself ("will meet Tuesday" -> not last Tuesday)."""
    if res is None or res.date is None or c.lenient or c.pub is None:
        return res
    if res.date == c.pub or (res.precision == "month" and res.date <= c.pub <= (res.end_date or res.date)):
        return res
    if not _future_cue(c.text, s):
        return res
    return _Res(None, res.precision if partial else "unknown", partial=partial, relative=res.relative)


def _h_md(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    m, d, y = MONTHS[f["mon"]], int(f["d"]), _int(f.get("y"))
    res = _day_res(y, m, d, c.pub)
    return res if y is not None else _future_guard(res, c, s, f"--{m:02d}-{d:02d}")


def _h_dm(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    if f.get("of") and not (f.get("ord") or f.get("the")):
        return None  # "5 of March" is a count
    if f.get("the") and not (f.get("of") or f.get("ord")):
        return None
    if f.get("of") and not _month_ok(f):
        return None
    m, d, y = MONTHS[f["mon"]], int(f["d"]), _int(f.get("y"))
    res = _day_res(y, m, d, c.pub)
    return res if y is not None else _future_guard(res, c, s, f"--{m:02d}-{d:02d}")


def _h_iso(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    return _day_res(int(f["y"]), int(f["m"]), int(f["d"]), c.pub)


def _h_slash(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    a, b, y = int(f["a"]), int(f["b"]), int(f["y"])
    order = c.slash_order
    if order == "auto":
        if a > 12 and b > 12:
            return None
        if a > 12:
            order = "dmy"
        elif b > 12:
            order = "mdy"
        else:
            # Both readings exist: month-first, unless only the day-first reading is on or before
            # publication.
            us, eu = _valid(y, a, b), _valid(y, b, a)
            late = c.pub is not None and us is not None and us > c.pub
            order = "dmy" if late and eu is not None and eu <= c.pub else "mdy"
    m, d = (a, b) if order == "mdy" else (b, a)
    dt = _valid(y, m, d)
    return _Res(dt, "day") if dt else None


def _h_mon_year(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    if not _month_ok(f) and not f.get("y"):
        return None
    m = MONTHS[f["mon"]]
    if f.get("y"):
        return _month_res(int(f["y"]), m, c.pub)
    rel = f["rel"].lower()
    if c.pub is None:
        return _Res(None, "unknown", partial=f"--{m:02d}", relative=True)
    y = c.pub.year + {"this": 0, "last": -1, "next": 1}[rel]
    return _month_res(y, m, c.pub, relative=True)


def _h_rel_month(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    if not _month_ok(f):
        return None
    m = MONTHS[f["mon"]]
    if c.pub is None:
        return _Res(None, "unknown", partial=f"--{m:02d}", relative=True)
    y = c.pub.year if m < c.pub.month else c.pub.year - 1  # strictly before the publication month
    return _month_res(y, m, c.pub, relative=True)


def _h_month(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    name = f["mon"]
    if not _month_ok(f):
        return None
    if not (c.lenient or f.get("mod") or _month_context_ok(c.text, s, e, name)):
        return None
    m = MONTHS[name]
    return _future_guard(_month_res(None, m, c.pub), c, s, f"--{m:02d}")


def _h_holiday(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    """"On Christmas Day 2012", "Christmas Eve, 1975": the holiday's fixed day. Only with its year: alone
    ("the Christmas Eve service") it names the feast more often than a day."""
    if not f.get("y"):
        return None
    m, d = _HOLIDAYS[_WS.sub(" ", f["hol"])]
    return _day_res(int(f["y"]), m, d, c.pub)


def _season_span(y: int, name: str) -> tuple[date, date]:
    """The first and last day of a season of year ``y`` (winter runs into the next year)."""
    a, b = _SEASONS[name]
    return date(y, a, 1), _last_day(y + (b < a), b)


def _h_season(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    """"in the spring of 1998", "Spring 2009", "that autumn", "last summer": a range of the season's months.
    Without a year, the season on or before publication (the one before it after "last"); "the fall of
    Kabul" and "the Arab Spring" are not seasons."""
    name = f["season"].lower()
    if f.get("y"):
        a, b = _season_span(int(f["y"]), name)
        return _Res(a, "range", b)
    rel = _WS.sub(" ", (f.get("rel") or "").lower())
    if not c.lenient:
        if f["season"][0].isupper() and not _sentence_start(c.text, s) and not rel and not f.get("the"):
            return None  # "the Arab Spring", "Prague Spring"
        if re.match(r"\s+of\b", c.text[e:e + 4]) or not (rel or _bare(_prev_token(c.text, s)) in _SEASON_CONTEXT):
            return None  # "the fall of Kabul", "a summer offensive"
        if name == "fall" and not (rel or f.get("the")) and re.match(r"\s+[a-z]", c.text[e:e + 3]):
            return None  # "areas that fall under our responsibility"
    if c.pub is None:
        return _Res(None, "unknown", relative=True)
    y = c.pub.year
    a, b = _season_span(y, name)
    if a > c.pub or (rel in ("last", "this past") and b >= c.pub):
        a, b = _season_span(y - 1, name)
    if a > c.pub:
        a, b = _season_span(y - 2, name)
    return _Res(a, "range", b, relative=True)


def _h_year(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    if not (c.lenient or f.get("mod")):
        if not _year_context_ok(c.text, s, e):
            return None
    elif not c.lenient and _bare(_prev_token(c.text, s)) in _ID_NOUNS:
        return None
    return _year_res(int(f["y"]))


def _h_weekday(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    if not c.lenient and not _weekday_context_ok(c.text, s, e):
        return None
    if c.pub is None:
        return _Res(None, "unknown", relative=True)
    pre = _WS.sub(" ", (f.get("pre") or "").lower())
    strict = pre in ("last", "this past")
    res = _Res(_weekday_on_or_before(WEEKDAYS[f["wd"]], c.pub, strict), "day", relative=True)
    return res if strict else _future_guard(res, c, s, None)


def _h_rel_day(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    phrase = _WS.sub(" ", f["phrase"].lower())
    if not c.lenient:
        if _capitalised_name(c.text, s):
            return None  # "USA Today"
        if phrase == "overnight" and _bare(_prev_token(c.text, s)) in ("an", "a", "the", "their", "its"):
            return None  # "an overnight curfew"
    if c.pub is None:
        return _Res(None, "unknown", relative=True)
    return _Res(c.pub + timedelta(days=_REL_DAYS[phrase]), "day", relative=True)


def _h_rel_period(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    if not c.lenient and not f.get("mod") \
            and _bare(_prev_token(c.text, s)) in ("the", "a", "that", "every", "each"):
        return None  # "the last week of March"
    if not c.lenient and _capitalised_name(c.text, s):
        return None
    if c.pub is None:
        return _Res(None, "unknown", relative=True)
    last = f["which"].lower() == "last"
    unit = f["unit"].lower()
    if unit == "week":
        mon, sun = _week(c.pub - timedelta(days=7) if last else c.pub)
        return _Res(mon, "week", sun, relative=True)
    if unit == "weekend":
        mon, _ = _week(c.pub - timedelta(days=7) if last else c.pub)
        return _Res(mon + timedelta(days=5), "range", mon + timedelta(days=6), relative=True)
    if unit == "month":
        y, m = _shift_month(c.pub.year, c.pub.month, -1 if last else 0)
        return _month_res(y, m, c.pub, relative=True)
    return _year_res(c.pub.year - 1 if last else c.pub.year, relative=True)


def _h_the_weekend(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    """"over the weekend", "during the weekend": the last Saturday and Sunday on or before publication (the
    weekend of publication when it falls on one); not "the weekend edition"."""
    if _bare(_prev_token(c.text, s)) not in _L["weekend_leads"]:
        return None
    if c.pub is None:
        return _Res(None, "unknown", relative=True)
    sat = c.pub - timedelta(days=(c.pub.weekday() - 5) % 7)
    return _Res(sat, "range", sat + timedelta(days=1), relative=True)


_ANNIV_DAY_LEAD = rx.compile(rf"(?i:\b(?:{_alt(_L['anniversary_day_leads'], spaces=True)})\s+)\Z")
_ANNIV_OPENING = rx.compile(rf"(?:\A|\n|[.!?][\"”’']?\s+|\s[-–—]\s+|(?i:{_alt(_L['anniversary_day_leads'], spaces=True)})\s+)\Z")


def _h_anniv(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    """Years counted back from publication to a past incident: "to mark ten years since gunmen stormed ...",
    "eight years to the day after a bomber killed ...", "two years ago this week", "Eight years after
    militants seized ...". A commemoration ("marking", "to the day", "ago today") dates the day itself, "this
    week" the week, anything else the year. "N years after" counts from publication only where it opens a
    sentence (or follows a commemoration): inside a narrative it counts from the event told before it."""
    n = parse_cardinal(f["n"])
    if n is None or n <= 0:
        return None
    rel = (f.get("rel") or "").lower()
    left = c.text[max(0, s - 40):s]
    if rel == "after" and not f.get("tday") and not _ANNIV_OPENING.search(left):
        return None
    if c.pub is None:
        return _Res(None, "unknown", relative=True)
    y = c.pub.year - n
    if y < 1:
        return None
    same = _valid(y, c.pub.month, c.pub.day) or _valid(y, c.pub.month, c.pub.day - 1)
    this = re.sub(r"\s+", " ", (f.get("this") or "").lower())
    if this == "this week":
        mon, sun = _week(same)
        return _Res(mon, "week", sun, relative=True)
    if this == "this month":
        return _month_res(y, c.pub.month, c.pub, relative=True)
    if this == "today" or f.get("tday") or _ANNIV_DAY_LEAD.search(left):
        return _Res(same, "day", relative=True)
    return _year_res(y, relative=True)


def _h_ago(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    n = UNITS.get(f["n"].strip().lower()) if f["n"].strip().lower() in ("a", "an") else parse_cardinal(f["n"])
    if n is None or n <= 0:
        return None
    if c.pub is None:
        return _Res(None, "unknown", relative=True)
    unit = f["unit"].lower()
    if unit == "day":
        return _Res(c.pub - timedelta(days=n), "day", relative=True)
    if unit == "week":
        mon, sun = _week(c.pub - timedelta(days=7 * n))
        return _Res(mon, "week", sun, relative=True)
    if unit == "month":
        y, m = _shift_month(c.pub.year, c.pub.month, -n)
        return _month_res(y, m, c.pub, relative=True)
    if c.pub.year - n < 1:
        return None
    return _year_res(c.pub.year - n, relative=True)


def _range(a: date | None, b: date | None, partial: str | None, relative: bool = False) -> _Res | None:
    if a is not None and b is not None:
        if b < a:
            return None
        return _Res(a, "range", b, relative=relative)
    return _Res(None, "range" if partial else "unknown", partial=partial, relative=relative)


def _resolve_day_range(y1: int | None, m1: int, d1: int, y2: int | None, m2: int, d2: int,
                       pub: date | None) -> _Res | None:
    """A day range: resolve the end against publication, then the start against the end."""
    if _valid(2000, m1, d1) is None or _valid(2000, m2, d2) is None:
        return None
    if y2 is not None:
        end = _valid(y2, m2, d2)
    elif y1 is not None:
        start0 = _valid(y1, m1, d1)
        end = _md_on_or_after(m2, d2, start0) if start0 else None
    elif pub is not None:
        end = _md_on_or_before(m2, d2, pub)
    else:
        return _range(None, None, f"--{m1:02d}-{d1:02d}/--{m2:02d}-{d2:02d}")
    if end is None:
        return None
    start = _valid(y1, m1, d1) if y1 is not None else _md_on_or_before(m1, d1, end)
    return _range(start, end, None)


def _h_range_md(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    m1 = MONTHS[f["mon1"]]
    m2 = MONTHS[f["mon2"]] if f.get("mon2") else m1
    return _resolve_day_range(_int(f.get("y1")), m1, int(f["d1"]), _int(f.get("y2")), m2, int(f["d2"]), c.pub)


def _h_range_dm(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    m2 = MONTHS[f["mon2"]]
    m1 = MONTHS[f["mon1"]] if f.get("mon1") else m2
    if not f.get("mon1") and not f.get("pre") and f["conn"].strip().isalpha():
        return None  # "rose 10 to 12 March..." reads as counts without "from"/"between"
    return _resolve_day_range(_int(f.get("y1")), m1, int(f["d1"]), _int(f.get("y2")), m2, int(f["d2"]), c.pub)


def _h_range_m(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    if not (_month_ok(f, "1") and _month_ok(f, "2")):
        return None
    if not c.lenient and not f.get("pre") and f["mon1"] in _AMBIGUOUS_MONTHS \
            and not _month_context_ok(c.text, s, s + len(f["mon1"]), f["mon1"]):
        return None
    m1, m2 = MONTHS[f["mon1"]], MONTHS[f["mon2"]]
    y1, y2 = _int(f.get("y1")), _int(f.get("y2"))
    if y2 is None and y1 is not None:
        y2 = y1 if m2 >= m1 else y1 + 1
    if y2 is None:
        if c.pub is None:
            return _range(None, None, f"--{m1:02d}/--{m2:02d}")
        y2 = _month_on_or_before(m2, c.pub)
    if y1 is None:
        y1 = y2 if m1 <= m2 else y2 - 1
    return _range(date(y1, m1, 1), _last_day(y2, m2), None)


def _h_range_wd(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    if c.pub is None:
        return _Res(None, "unknown", relative=True)
    end = _weekday_on_or_before(WEEKDAYS[f["wd2"]], c.pub)
    start = _weekday_on_or_before(WEEKDAYS[f["wd1"]], end)
    return _range(start, end, None, relative=True)


def _h_range_y(f: dict, c: _Ctx, s: int, e: int) -> _Res | None:
    y1, y2s = int(f["y1"]), f["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if y2 <= y1:
        return None
    if not c.lenient and len(y2s) == 4 and not f.get("pre") and not _year_context_ok(c.text, s, e):
        return None
    return _range(date(y1, 1, 1), date(y2, 12, 31), None)


_HANDLERS: dict[str, _Handler] = {
    "range_md": _h_range_md, "range_dm": _h_range_dm, "range_m": _h_range_m, "range_wd": _h_range_wd,
    "range_y": _h_range_y, "range_yd": _h_range_y, "iso": _h_iso, "slash": _h_slash, "md": _h_md,
    "dm": _h_dm, "mon_year": _h_mon_year, "rel_month": _h_rel_month, "anniv": _h_anniv, "ago": _h_ago,
    "rel_period": _h_rel_period, "the_weekend": _h_the_weekend, "rel_day": _h_rel_day, "weekday": _h_weekday, "holiday": _h_holiday, "season": _h_season, "month": _h_month,
    "year": _h_year,
}
assert set(_HANDLERS) == set(_KINDS)


# ---------------------------------------------------------------------------------------------
# Scanning.

def _fields(kind: str, m: re.Match[str]) -> dict:
    return {field: m.group(g) for g, field in _FIELDS[kind]}


def _month_part(res: _Res, mod: str) -> _Res:
    """"early March", "mid-January", "late last month", "the end of May": the third of the month the word names
    (days 1-10, 11-20, 21 to the end), as a range; "earlier this month" and the like keep the whole month."""
    part = _MONTH_PARTS.get(_WS.sub(" ", mod.lower()).removeprefix("the "))
    if part is None:
        return res
    first, last = part
    end = res.end_date or _last_day(res.date.year, res.date.month)
    return _Res(res.date.replace(day=first), "range", end if last is None else res.date.replace(day=last),
                res.partial, res.relative)


_MONTH_PARTS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10), "beginning of": (1, 10), "start of": (1, 10),
    "mid": (11, 20), "middle of": (11, 20),
    "late": (21, None), "end of": (21, None),
}


def _try(kind: str, m: re.Match[str], c: _Ctx) -> DateMention | None:
    s, e = m.span()
    f = _fields(kind, m)
    res = _HANDLERS[kind](f, c, s, e)
    if res is None:
        return None
    if f.get("mod") and res.precision == "month" and res.date is not None:
        res = _month_part(res, f["mod"])
    return DateMention(start=s, end=e, text=m.group(0), date=res.date, precision=res.precision,
                       end_date=res.end_date, partial=res.partial, relative=res.relative)


def _candidate_starts(text: str, core_start: int, floor: int) -> list[int]:
    """Where an expression holding the core word at ``core_start`` may begin, leftmost first: the
    core itself and the opening words ("from", "late", "the", "two") in the run just before it."""
    starts = [core_start]
    pos = core_start
    while pos > floor:
        m = _PREV_WORD.search(text, max(floor, pos - 24), pos)
        if m is None:
            break
        w = m.group(1).lower()
        if w in _START_WORDS:
            starts.append(m.start(1))
        elif w not in _PASS_WORDS:
            break
        pos = m.start(1)
    starts.reverse()
    return starts


def _scan(c: _Ctx) -> list[DateMention]:
    """Find the date expressions of ``c.text``, left to right, without overlaps.

    Every expression holds a core word (a month, a weekday, a digit, a relative word such as
    "yesterday" or "ago"), so only the neighbourhood of core words is tried with the full pattern.
    A refused match falls back to the later alternatives at the same position."""
    text = c.text
    out: list[DateMention] = []
    last_end = 0
    match, match_digit = _MASTER.match, _MASTER_DIGIT.match
    for cs in _core_starts(text):
        if cs < last_end:
            continue
        for start in _candidate_starts(text, cs, last_end):
            m = match_digit(text, start) if text[start].isdigit() else match(text, start)
            if m is None or m.end() <= cs:
                continue
            kind = m.lastgroup
            assert kind is not None
            mention = _try(kind, m, c)
            if mention is None:
                for later in _KINDS[_KINDS.index(kind) + 1:]:
                    m2 = _SINGLE[later].match(text, start)
                    if m2 is not None and m2.end() > cs:
                        mention = _try(later, m2, c)
                        if mention is not None:
                            break
            if mention is not None:
                out.append(mention)
                last_end = mention.end
                break
    return out


def find_dates(text: str, published: date | None, *, slash_order: str = "auto") -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``published``; sorted, non-overlapping.

    ``slash_order`` ("auto", "mdy" or "dmy") says how to read slashed dates such as 03/04/2024.
    """
    if slash_order not in ("auto", "mdy", "dmy"):
        raise ValueError(f"slash_order must be auto, mdy or dmy, not {slash_order!r}")
    mentions = _nights_into(text, _anaphoric_weekdays(text, _scan(_Ctx(text, published, False, slash_order))))
    mentions = _item_days(text, _feast_days(text, _occasion_days(text, mentions), published), published, slash_order)
    return _without_datelines(text, mentions)


_ITEM_DAY = re.compile(_L["item_day"])
#: the months in capitals as log items write them ("12 MAR", "3 SEPT"): the lexicon's short names
_CAPS_MONTHS = {name.upper(): number for name, number in MONTHS.items() if len(name) <= 4}


def _item_days(text: str, mentions: list[DateMention], published: date | None, slash_order: str) -> list[DateMention]:
    """"08/09, NORTH KIVU, BENI TERRITORY: Suspected ADF fighters attacked ...", "- 12 MAR: A dhow was hijacked":
    the day that opens an item of an incident log, in the most recent year it falls on or before publication. A
    slashed day is read day first when any item of the text has a first number over 12 ("13/09"), month first when
    any has a second one over 12, else as a slashed date with a year is."""
    if "/" not in text and not any(m in text for m in _CAPS_MONTHS):
        return mentions
    items = list(_ITEM_DAY.finditer(text))
    if not items:
        return mentions
    order = slash_order
    if order == "auto":
        firsts = [int(m["a"]) for m in items if m["a"]]
        seconds = [int(m["b"]) for m in items if m["b"]]
        order = "dmy" if any(a > 12 for a in firsts) else "mdy" if any(b > 12 for b in seconds) else "auto"
    added: list[DateMention] = []
    for m in items:
        if any(d.start < m.end() and d.end > m.start() for d in mentions):
            continue
        if m["mon"]:
            month, day = _CAPS_MONTHS[m["mon"]], int(m["d"])
        else:
            a, b = int(m["a"]), int(m["b"])
            item_order = order
            if item_order == "auto":
                # as a slashed date with a year: month first unless only the day-first reading has passed
                us = _valid(2000, a, b) and (published is None or md_on_or_before(a, b, published) is not None)
                eu = _valid(2000, b, a)
                item_order = "mdy" if us or not eu else "dmy"
            month, day = (a, b) if item_order == "mdy" else (b, a)
        if _valid(2000, month, day) is None:
            continue
        start = m.start("a") if m["a"] else m.start("d")
        if published is None:
            added.append(DateMention(start=start, end=m.end(), text=text[start:m.end()], date=None, precision="day",
                                     partial=f"--{month:02d}-{day:02d}"))
        else:
            added.append(DateMention(start=start, end=m.end(), text=text[start:m.end()],
                                     date=md_on_or_before(month, day, published), precision="day"))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda d: d.start)


_CLOCK = rx.compile(_L["clock_time"], re.I)


def clock_time(text: str) -> re.Match[str] | None:
    """The first time of day a text tells ("at about 8 a.m. local time", "shortly before 7 a.m.", "at 4am", "around 04:30
    local", "at 2200hrs UTC")."""
    return _CLOCK.search(text)


#: a dateline with the day the report was filed ("Raipur, Nov 20 (PTI)", "QAMISHLI, Syria, March 23 (Reuters)",
#: "BANNU, Feb 6:"): the filing day, not an act's
_DATELINE_DAY = rx.compile(r"(?m)^[A-Z][A-Za-z.'’ -]{1,40},\s+(?:[A-Z][A-Za-z.'’ -]{1,30},\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)"
                           r"(?:,\s+\d{4})?\s*(?:\((?:[A-Z][\w.]*\s?){1,3}\)|:)")


def _without_datelines(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """The dates found, less those of a dateline: the day a report was filed dates none of the acts it tells."""
    if "(" not in text and ":" not in text:
        return mentions
    spans = [(m.start(), m.end()) for m in _DATELINE_DAY.finditer(text)]
    if not spans:
        return mentions
    return [d for d in mentions if not any(a <= d.start and d.end <= b for a, b in spans)]


_FEASTS: dict[str, tuple[int, int]] = {_WS.sub(" ", k).lower(): (m, d) for k, (m, d) in _L["feast_days"].items()}
_FEAST_ALT = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_L["feast_days"], key=len, reverse=True))
# the start of each feast's longest word ("chris", "year", "valen", ...), for a cheap look before the patterns' scan
_FEAST_STEMS = tuple({max(_WS.sub(" ", k).lower().split(), key=len)[:4] for k in _L["feast_days"]})
_FEAST_EVE = rx.compile(_L["feast_eve"].format(feasts=_FEAST_ALT), re.I)
_FEAST_AROUND = rx.compile(_L["feast_days_around"].format(feasts=_FEAST_ALT), re.I)


def _feast_days(text: str, mentions: list[DateMention], published: date | None) -> list[DateMention]:
    """"a district administrator was killed on the eve of Ethiopian Christmas", "the torching of homes days before
    Christmas": a feast's eve is the day before its latest occurrence on or before publication; "days before" or
    "days after" it, the week before or after. Alone, a feast names the festival, not a day."""
    if published is None or not ("eve" in text or "days" in text):
        return mentions
    low = text.lower()
    if not any(stem in low for stem in _FEAST_STEMS):  # no feast named: nothing to read
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    added: list[DateMention] = []
    for rx in (_FEAST_EVE, _FEAST_AROUND):
        for m in gate(rx).finditer(text):  # tried only at the words a phrase can begin with: the same matches
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            month, day = _FEASTS[_WS.sub(" ", m.group("feast")).lower()]
            feast = _valid(published.year, month, day)
            if feast is None:
                continue
            if feast - timedelta(days=1) > published:
                feast = _valid(published.year - 1, month, day)
                if feast is None:
                    continue
            if rx is _FEAST_EVE:
                mention = DateMention(start=s, end=e, text=text[s:e], date=feast - timedelta(days=1), precision="day",
                                      end_date=None, partial=None, relative=True)
            elif m.group("dir").lower() == "before":
                mention = DateMention(start=s, end=e, text=text[s:e], date=feast - timedelta(days=7), precision="range",
                                      end_date=feast - timedelta(days=1), partial=None, relative=True)
            else:
                if feast + timedelta(days=1) > published:
                    continue
                mention = DateMention(start=s, end=e, text=text[s:e], date=feast + timedelta(days=1), precision="range",
                                      end_date=min(feast + timedelta(days=7), published), partial=None, relative=True)
            added.append(mention)
            taken.append((s, e))
    return sorted(mentions + added, key=lambda x: x.start) if added else mentions


_OCCASION_NOUNS = "|".join(sorted(_L["occasion_nouns"], key=len, reverse=True))  # patterns, not words
_OCCASION_TELLS = [(rx.compile(_L[key].format(nouns=_OCCASION_NOUNS), re.I), shift)
                   for key, shift in (("occasion_day", 0), ("occasion_before", -1), ("occasion_after", 1))]
# the first letters of every occasion noun and day word above, for a cheap look before the patterns' scan
_OCCASION_STEMS = ("elect", "vot", "poll", "ballot", "referend", "run", "primar")
_OCCASION_DATED_AFTER = rx.compile(_L["occasion_dated_after"].format(nouns=_OCCASION_NOUNS), re.I)
_OCCASION_DATED_BEFORE = rx.compile(_L["occasion_dated_before"].format(nouns=_OCCASION_NOUNS), re.I)


def _occasion_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"Monday's midterm elections ... gunmen fired on voters on election day ... on the eve of the vote, a
    grenade exploded": a day told by an occasion (an election, a vote, a referendum) is the day the story gives
    that occasion elsewhere, shifted by a day for its eve or the day after. The occasion's day is the nearest
    day-precision date before the phrase that is told as the occasion's ("Monday's elections", "the vote on
    Sunday"), else the first after it; without one, the phrase stays undated."""
    low = text.lower()
    if not any(stem in low for stem in _OCCASION_STEMS):  # every phrase names its occasion: most texts skip the scan
        return mentions
    # the occasion's days first: a few short looks at the dates found, where a scan of the text for the phrases
    # is long, and without a day told as the occasion's every phrase stays undated anyway
    anchors: list[tuple[int, date]] = []
    for m in mentions:
        if m.precision != "day" or m.date is None:
            continue
        if _OCCASION_DATED_AFTER.match(text, m.end) or _OCCASION_DATED_BEFORE.search(text, max(0, m.start - 60), m.start):
            anchors.append((m.start, m.date))
    if not anchors:
        return mentions
    # each tried only at the words a phrase can begin with (``prefilter``): the same matches
    tells = [(m, shift) for rx, shift in _OCCASION_TELLS for m in gate(rx).finditer(text)]
    if not tells:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    added: list[DateMention] = []
    for t, shift in sorted(tells, key=lambda x: x[0].start()):
        s, e = t.span()
        if any(a < e and s < b for a, b in taken):
            continue
        before = [d for pos, d in anchors if pos < s]
        day = before[-1] if before else anchors[0][1]
        added.append(DateMention(start=s, end=e, text=text[s:e], date=day + timedelta(days=shift), precision="day",
                                 end_date=None, partial=None, relative=True))
        taken.append((s, e))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


_INTO_NEXT_DAY = rx.compile(r"\s+(?:(?i:night|evening)\s+)?(?i:into)\s+(?:(?i:early|the\s+early\s+hours\s+of)\s+)?")


def _nights_into(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"overnight Saturday into Sunday", "late Friday into early Saturday", "overnight into Monday": one night
    across two days, dated to the day it ran into (when such attacks are mostly told to have happened, in the
    early hours), not two dates of which the first might be read as another incident's."""
    out: list[DateMention] = []
    for m in mentions:
        a = out[-1] if out else None
        if a is not None and a.precision == "day" and m.precision == "day" and a.date is not None \
                and m.date is not None and m.date - a.date == timedelta(days=1) \
                and _INTO_NEXT_DAY.fullmatch(text, a.end, m.start):
            out[-1] = DateMention(start=a.start, end=m.end, text=text[a.start:m.end], date=m.date, precision="day",
                                  end_date=None, partial=m.partial, relative=a.relative or m.relative)
            continue
        out.append(m)
    return out


_ANAPHORIC_WD = rx.compile(rf"\b(?:{_alt(_L['anaphoric_weekday_determiners'], spaces=True)})\s+$", re.I)


def _anaphoric_weekdays(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"On Jan. 16. That Thursday the ELN came ... On the Saturday, a drone ...": a weekday with "that" or "the"
    before it is told from the story's own time, not the publication's: the first such weekday on or after the
    last full date given before it (when that date is at most three weeks before it)."""
    out: list[DateMention] = []
    last: date | None = None
    for m in mentions:
        if m.relative and m.precision == "day" and m.date is not None and last is not None \
                and _ANAPHORIC_WD.search(text, max(0, m.start - 12), m.start):
            wd = next((i for w, i in WEEKDAYS.items() if w.lower() in m.text.lower()), None)
            if wd is not None and m.date - last > timedelta(days=21):
                day = last + timedelta(days=(wd - last.weekday()) % 7)
                m = DateMention(start=m.start, end=m.end, text=m.text, date=day, precision="day", end_date=None,
                                partial=m.partial, relative=True)
                last = day
        elif not m.relative and m.precision == "day" and m.date is not None:
            last = m.date
        out.append(m)
    return out


_LEAD = rx.compile(rf"\s*(?:(?i:{_alt(_LEAD_WORDS, spaces=True)})\s+)?")
_TRAIL = rx.compile(r"(?:['’]s)?[\s.,;:!?)\"”’']*")


def resolve_expression(expr: str, published: date | None) -> DateMention | None:
    """Resolve one date expression given on its own ("on Thursday", "since Oct. 17", "March").

    The expression may open with a preposition and end with a possessive or punctuation; anything
    else around the date makes it unresolvable (None). The mention spans the whole of ``expr``.
    """
    mentions = _scan(_Ctx(expr, published, lenient=True))
    if len(mentions) != 1:
        return None
    m = mentions[0]
    lead = _LEAD.match(expr)
    if not (expr[:m.start].strip() == "" or (lead is not None and lead.end() == m.start)):
        return None
    trail = _TRAIL.match(expr, m.end)
    if trail is None or trail.end() != len(expr):
        return None
    return DateMention(start=0, end=len(expr), text=expr, date=m.date, precision=m.precision,
                       end_date=m.end_date, partial=m.partial, relative=m.relative)
