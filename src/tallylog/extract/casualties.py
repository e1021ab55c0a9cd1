"""Casualty figures told as lists of people: "killing a provincial minister and 11 other people" -> 12,
"six gendarmes and at least two attackers were killed" -> 8, "wounding the owner and a customer" -> 2.

The event extractor reads a figure by number patterns (``tallylog.extract.events``); this module reads the
victims a sentence names one by one or in a coordinated list, counting one for each person named in the
singular and the number of each counted group, and adds them up (ACLED counts every death of an event,
the attackers' included). A breakdown of the list ("including four children", "among them a monk") is never
added. The words are in ``data/lexicons/events.json`` (the ``victim_*`` entries).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tallylog import rxcache as rx
from tallylog.extract.context import alternation
from tallylog.extract.lexicon import load
from tallylog.extract.numbers import CARDINAL, parse_cardinal

_ARTICLE = rx.compile(r"(?:an?|one)\s", re.I)
_FRACTION = rx.compile(r"(?:an?|one)\s+(?:third|fourth|fifth|half|quarter|tenth)\b", re.I)
_AGED_BEFORE = rx.compile(r"\baged\s+(?:between\s+)?(?:\d+\s*(?:,|and|to|-|–)\s*)+$", re.I)
_LIST_SPAN = 220  # characters of a sentence a list of victims may take, after or before its verb


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty figure read from a list of victims: its value and the span of the sentence it covers."""
    value: int
    start: int
    end: int


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    ev = load("events")
    cl = load("claims")
    singular = alternation(ev["victim_singular"])
    plural = alternation(ev["victim_plural"] + cl["nouns_of_people"] + cl["tally_people"])
    not_people = alternation(ev["victim_not_people"])
    one_words = alternation(ev["victim_one_words"])
    # not "the", "all": "security forces killed all seven attackers" is the response to an attack, told apart
    # from its victims
    qual = r"(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|an estimated|another|a further)\s+)?"
    # where a victim's noun phrase ends: punctuation, a conjunction, a preposition or a clause that goes on
    # to tell something else ("killing a security official on his way", "the policeman guarding them")
    bound = (r"(?=\s*(?:[,;:!?)\"”]|\.(?!\w)|\s[-–—]\s|$)|\s+(?:and|or|in|on|at|near|from|of|outside|inside|as|when|while|who|whom|"
             r"whose|with|after|before|during|by|for|to|into|across|along|since|including|among|last|this|late|early|"
             r"overnight|aged|were|was|are|is|had|have|has|died|killed|dead|injured|wounded|hurt|embraced|attained|martyred|succumbed|"
             r"[a-z]+ing|[a-z]+ly)\b)")
    num = rf"(?:between\s+(?P<lo>{CARDINAL})\s+and\s+(?P<hi>{CARDINAL})|(?P<num>{CARDINAL})(?:\s*(?:or|to|-|–)\s*(?P<num2>{CARDINAL}))?)"
    word = r"(?:(?:[A-Z]\.){2,}|[\w'’-]+)"  # "U.S. service members"
    return {
        # a counted group: "at least 40 soldiers", "four of his men", "eight or nine fighters", "11 other people"
        "group": rx.compile(rf"{qual}(?:(?:his|her|their|its)\s+)?{num}(?:\s+(?:other|more|further))?(?:\s+of\s+(?:the|his|her|their|its|them)\b)?"
                            rf"(?:\s+(?:{word}\s+){{0,3}}?(?P<head>{word}))?{bound}", re.I),
        # one person: "a provincial minister", "the group's commander", "his bodyguard", "a 58-year-old farmer"
        "one": rx.compile(rf"(?:(?:an?|one|the|his|her|their|its|{word}['’]s?)\s+(?:{word}\s+){{0,4}}?(?:{singular})|(?:{one_words})){bound}",
                          re.I),
        # two people named as one pair: "a couple", "an elderly couple", "the couple"
        "pair": rx.compile(rf"(?:an?|the|one)\s+(?:[\w-]+\s+)?couple{bound}", re.I),
        # one person by name, with an age or a description in apposition: "Tamerlan, 26, died", "Grace Kiden, a
        # nurse who ..., was killed"
        "named": rx.compile(rf"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}(?:,\s+\d{{1,3}},|,\s+(?:an?|the)\s+[^,;.]{{1,140}},){bound}"),
        # "killing the three on the spot", "all six were killed": a number standing for people already named
        "the_num": rx.compile(rf"(?:all\s+(?:of\s+)?the|all|the)\s+(?P<num>{CARDINAL}){bound}", re.I),
        # a name or an age in apposition between a victim and its verb: "Her driver, Emmanuel Lado, was also killed"
        # or a description: "One of them, a former commander who ran a coffee cooperative, was shot dead"
        "apposition_rest": rx.compile(r"\s*,\s*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|\d{1,3}|(?:an?|the)\s+[^,;.]{1,100})\s*,"),
        # one person without an article, after the first of a list: "his wife and grandson"
        "bare_one": rx.compile(rf"(?:{word}\s+)?(?:{singular}){bound}", re.I),
        # a group without a number, after the first of a list: "40 soldiers and volunteer fighters": no figure
        "bare_group": rx.compile(rf"(?:{word}\s+){{0,2}}?(?:{plural}){bound}", re.I),
        # a description in apposition, closed before the verb: "One of them, a young lieutenant, died later"
        "apposition_desc": rx.compile(r"(?:an?|the)\s+[^,;.]{1,100}(?=,\s*(?:was|were|had|has|have|is|are|died|later)\b)", re.I),
        # a name in apposition: "the group's commander, Abu Rahim, and four of his men"
        "apposition": rx.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?=\s*,)"),
        "plural": rx.compile(rf"(?:{plural})$", re.I),
        "not_people": rx.compile(rf"(?:{not_people})$", re.I),
        "sep": rx.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*,?\s+as well as\s+"),
        "stop": rx.compile(ev["victim_list_stop"], re.I),
        "kill_verbs": rx.compile(ev["victim_kill_verbs"], re.I),
        "wound_verbs": rx.compile(ev["victim_wound_verbs"], re.I),
        "killed_after": rx.compile(ev["victim_killed_after"], re.I),
        "wounded_after": rx.compile(ev["victim_wounded_after"], re.I),
        "bare_killed": rx.compile(ev["victim_bare_after"]["killed"], re.I),
        "bare_injured": rx.compile(ev["victim_bare_after"]["injured"], re.I),
        # words without which a sentence tells no list of victims of that kind (besides the verbs)
        "told_killed": rx.compile(ev["victim_told"]["killed"], re.I),
        "told_injured": rx.compile(ev["victim_told"]["injured"], re.I),
        # a parenthetical breakdown between a list and its verb: "seven civilians, among them a 70-year-old woman,"
        "aside": rx.compile(rf"\s*(?:{ev['victim_list_stop']})[^,.;]{{1,80}}?,", re.I),
        "subject_start": rx.compile(r"(?:^|[;:]\s*|,\s*|\b(?:said|says|that|and|but|while|whereas|after|when|there were|there are)\s+)$", re.I),
        # a relative clause between a victim and its verb: "a driver who tried to reverse away was shot dead"
        "relative": rx.compile(r"\s+(?:who|whom)\b[^,.;]{1,60}?(?=\s+(?:was|were|had been|has been|have been)\b)", re.I),
        "superseded": rx.compile(ev["superseded_toll"], re.I),
        "not_done": rx.compile(ev["victim_not_done"], re.I),
        "over_acts": rx.compile(ev["toll_over_acts"], re.I),
        "also_killed": rx.compile(ev["toll_also"]["killed"], re.I),
        "also_injured": rx.compile(ev["toll_also"]["injured"], re.I),
        "attackers": rx.compile(rf"\b(?:{alternation(ev['victim_attackers'])})\b", re.I),
    }


def _value(m: re.Match[str]) -> int | None:
    """The lowest figure of a counted group ("eight or nine" -> 8, "between 30 and 40" -> 30)."""
    if m.group("lo"):
        values = [parse_cardinal(m.group("lo")), parse_cardinal(m.group("hi"))]
    else:
        values = [parse_cardinal(m.group("num"))] + ([parse_cardinal(m.group("num2"))] if m.group("num2") else [])
    values = [v for v in values if v is not None]
    return min(values) if values else None


def _conjunct(text: str, pos: int, first: bool, skip: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """(count, end) of the victim's phrase that starts at ``pos`` of ``text``, or None when none starts there."""
    r = _rules()
    g = r["group"].match(text, pos)
    if g is not None:
        at = g.start("lo") if g.group("lo") else g.start("num")
        head = g.group("head")
        if any(a <= offset + at < b for a, b in skip):
            return None
        if head and r["not_people"].fullmatch(head):
            return None
        if not first and not (head and r["plural"].search(g.group(0))):
            # "killing three soldiers and two hours later ...", "two brothers aged 14 and 17": only people are
            # added to a list
            return None
        v = _value(g)
        if v is not None and v <= 100_000:
            return v, g.end()
    pair = r["pair"].match(text, pos)
    if pair is not None:
        return 2, pair.end()  # "a couple and their two children were shot dead": two people
    o = r["one"].match(text, pos) or r["named"].match(text, pos)
    if o is not None:
        return 1, o.end()
    n = r["the_num"].match(text, pos)
    if n is not None and not any(a <= offset + n.start("num") < b for a, b in skip):
        v = parse_cardinal(n.group("num"))
        if v is not None:
            return v, n.end()
    if not first:
        b = r["bare_one"].match(text, pos)
        if b is not None:
            return 1, b.end()
        b = r["bare_group"].match(text, pos)
        if b is not None:
            return 0, b.end()
    return None


def _list_after(text: str, pos: int, skip: list[tuple[int, int]], offset: int) -> tuple[int, int, int] | None:
    """(total, conjuncts, end) of a list of victims that starts at ``pos``."""
    r = _rules()
    first = _conjunct(text, pos, True, skip, offset)
    if first is None:
        return None
    total, end = first
    n = 1
    start = pos  # where the conjunct just read begins
    while True:
        if r["stop"].match(text, end):
            break
        sep = r["sep"].match(text, end)
        if sep is None:
            break
        if text[end:sep.end()].strip() == "," and (
                (r["group"].match(text, start) is None and r["one"].match(text, start)) or (n == 1 and total == 1)):
            # "gunmen shot dead a shopkeeper, Abdul Wahid, 38, on Sariab Road": the name in apposition is the same
            # person, not a second victim
            ap = r["named"].match(text, sep.end()) or r["apposition"].match(text, sep.end()) \
                or r["apposition_desc"].match(text, sep.end())
            if ap is not None:
                end = ap.end()
                continue
        start = sep.end()
        nxt = _conjunct(text, sep.end(), False, skip, offset)
        if nxt is None and text[end:sep.end()].strip().startswith(","):
            ap = r["apposition"].match(text, sep.end())
            if ap is not None:  # "the group's commander, Abu Rahim, and four of his men"
                end = ap.end()
                continue
        if nxt is None:
            break
        total, end, n = total + nxt[0], nxt[1], n + 1
    return total, n, end


def _object_list(s: str, verbs: re.Pattern[str], skip: list[tuple[int, int]]) -> Figure | None:
    """The first list of victims a verb takes as its object: "killing him and four others" -> 5."""
    for v in verbs.finditer(s):
        if _rules()["not_done"].search(s, max(0, v.start() - 40), v.start()):
            continue  # "he tried to kill the journalist": an attempt, no victim
        pos = v.end()
        while pos < len(s) and s[pos] == " ":
            pos += 1
        tail = s[:min(len(s), pos + _LIST_SPAN)]
        if _rules()["superseded"].search(s[max(0, v.start() - 80):v.start()]):
            continue
        got = _list_after(tail, pos, skip, 0)
        if got is not None:
            return Figure(got[0], v.start(), got[2])
    return None


def _subject_list(s: str, after: re.Pattern[str], bare: re.Pattern[str], skip: list[tuple[int, int]]) -> Figure | None:
    """The first list of victims told as the subject of a passive verb: "two guards and at least five inmates
    were killed" -> 7; "eight women, a 10-year-old girl and four men injured" (two or more, no verb) -> 13."""
    r = _rules()
    # candidate starts: a number, an article or a possessive opening a word, after a clause boundary
    for st in re.finditer(r"\b(?=[\w'’-])", s):
        i = st.start()
        if i and not r["subject_start"].search(s[max(0, i - 12):i]) and not _ARTICLE.match(s, i):
            continue  # a list opens a clause; one person may be told anywhere ("on Tuesday night a ranger was wounded")
        if _FRACTION.match(s, i):
            continue  # "about a third died": a share of the dead, not a third person
        if _AGED_BEFORE.search(s, max(0, i - 30), i):
            continue  # "two children aged 5 and 8, were wounded": an age, not a person
        got = _list_after(s[:i + _LIST_SPAN], i, skip, 0)
        if got is None:
            continue
        total, n, end = got
        rest = s[end:]
        aside = r["aside"].match(rest)
        if aside is not None:
            rest = rest[aside.end():]
        ap = r["apposition_rest"].match(rest)
        if ap is not None:
            rest = rest[ap.end():]
        rel = r["relative"].match(rest)
        if rel is not None:
            rest = rest[rel.end():]
        if rest.startswith(",") and after.match(rest[1:]):
            rest = rest[1:]  # "Her driver, Emmanuel Lado, was also killed": the name in apposition closes with a comma
        if after.match(rest) or (n >= 2 and bare.match(rest)):
            if r["superseded"].search(s[max(0, i - 80):i]):
                continue
            return Figure(total, i, end)
    return None


def victims(s: str, kind: str, skip: list[tuple[int, int]] = ()) -> Figure | None:
    """The figure of ``kind`` ("killed" or "injured") a sentence gives by listing its victims, or None.

    Only sentences with a verb of killing or wounding are read; ``skip`` holds spans whose numbers are never
    figures (dates, place names)."""
    r = _rules()
    verbs = r["kill_verbs"] if kind == "killed" else r["wound_verbs"]
    after = r["killed_after"] if kind == "killed" else r["wounded_after"]
    bare = r["bare_killed"] if kind == "killed" else r["bare_injured"]
    if not (verbs.search(s) or r[f"told_{kind}"].search(s)):
        return None
    found = [f for f in (_object_list(s, verbs, skip), _subject_list(s, after, bare, skip)) if f is not None]
    return min(found, key=lambda f: f.start) if found else None


def superseded(s: str, start: int) -> bool:
    """Whether the figure at ``start`` of ``s`` is one the report has revised ("initial estimates of a death
    toll of 11", "an earlier version of this story said 30 people had been wounded")."""
    return bool(_rules()["superseded"].search(s[max(0, start - 80):start]))


def over_acts(s: str) -> bool:
    """Whether a sentence tells its figure of several acts ("kill at least 31 across northern Nigeria", "killed
    11 terrorists in two separate engagements", "air attacks on schools and a monastery killed 68"): a total
    that gives way to the figure the report tells of one of those acts."""
    return bool(_rules()["over_acts"].search(s))


def also(s: str) -> tuple[str, ...]:
    """The kinds of figure ("killed", "injured") a sentence adds to those told before it: "Her driver was also
    killed", "Three other people were killed". Not the attackers' ("the bomber was also killed"): the
    convention counts the victims a report tells, not the attackers killed in the response."""
    r = _rules()
    if r["attackers"].search(s):
        return ()
    return tuple(k for k in ("killed", "injured") if r[f"also_{k}"].search(s))
