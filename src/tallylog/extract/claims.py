"""Aggregate count claims: numbers that total many incidents.

"at least 118 attacks since October 17", "the 144th attack", "more than 70 US troops injured",
and breakdowns ("14 in Iraq and 9 in Syria") as claims of their own. A single incident's own toll
("the blast killed five") is not a claim: the event extractor reads it.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from tallylog.extract.attribution import SentenceAttribution, attribute
from tallylog.extract.context import DocContext, alternation, compiled
from tallylog.extract.lexicon import load
from tallylog.extract.numbers import CARDINAL, ORDINAL, parse_cardinal, parse_ordinal
from tallylog.extract.sentences import Sentence
from tallylog.model import Claim, DateMention, Location, PlaceMention, Span


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = load("claims")
    quals = []
    for q, words in lex["qualifiers"].items():
        quals.extend(words)
    qual = alternation(quals)
    people = alternation(lex["nouns_of_people"])
    attacks = alternation(lex["units"]["attacks"])
    killed = alternation(lex["units"]["killed"])
    injured = alternation(lex["units"]["injured"])
    abducted = alternation(lex["units"]["abducted"])
    num = rf"(?P<num>{CARDINAL})"
    q = rf"(?:(?P<qual>{qual})\s+)?"
    verb_nouns = alternation([w for words in lex["verb_nouns"].values() for w in words])
    casualty = r"killed|injured|wounded|hurt|abducted|kidnapped|maimed"
    superseded = alternation(lex["superseded_markers"])
    estimates = alternation(lex["estimate_nouns"])
    mod = r"(?:(?:more|additional|other|separate|different|distinct|individual|confirmed|reported|known|recorded|such|total|(?-i:[A-Z][\w.-]*)|\w+-\w+|drone|rocket|missile|mortar|militia|terror(?:ist)?|deadly|cross-border|hostile|enemy)\s+){0,3}"
    return {
        "attacks": re.compile(rf"\b{q}{num}\s+{mod}(?P<unit>{attacks})\b(?!\s*(?:ago|a\b|per\b))", re.I),
        "ordinal": re.compile(rf"\bthe\s+(?P<ord>{ORDINAL})\s+{mod}(?P<unit>attack|strike|operation|raid|assault|incident|bombing)\b", re.I),
        "people_killed": re.compile(
            rf"\b{q}{num}\s+(?:[\w.-]+\s+){{0,3}}?(?:{people})\s+(?:(?:from|of|in|with|among)\s+(?:[\w-]+\s+){{0,3}}?)?(?:(?:have|had|has)\s+)?(?:been\s+|were\s+|was\s+)?(?:reportedly\s+|now\s+)?(?P<unit>{killed}|{injured}|{abducted})\b", re.I),
        "killed_people": re.compile(
            rf"\b(?P<unit>killed|killing|wounded|wounding|injured|injuring|abducted|kidnapped)\s+{q}{num}\s+(?:[\w.-]+\s+){{0,3}}?(?:{people})\b", re.I),
        "bare_people": re.compile(rf"\b{q}{num}\s+(?:people|civilians|soldiers|troops|fighters|militants)\s*,\s*(?:including|among them|most of them|many of them)[^,]{{1,50}},\s*(?:were|have been|had been)\s+(?P<unit>killed|injured|wounded)\b", re.I),
        "and_bare": re.compile(rf"(?:(?<=killed and )|(?<=dead and )){q}{num}\s+(?P<unit>wounded|injured)\b", re.I),
        "had_been": re.compile(rf"\b{q}{num}\s+(?:had|have|has)\s+(?:now\s+)?been\s+(?P<unit>killed|injured|wounded|abducted|kidnapped)\b", re.I),
        # "some 130 more were mutilated, injured and ...": a participle list ending in (or led by) the unit
        "verb_list": re.compile(
            rf"\b{q}{num}\s+(?:more\s+|others?\s+)?(?:were|was|had been|have been|has been)\s+(?:(?:[a-z]+(?:ed|en|t))\s*(?:,|\band\b|\bor\b)\s*(?:and\s+|or\s+)?){{0,3}}(?P<unit>{casualty})\b"),
        # "the slaying of seven more demonstrators": the casualty named as a noun
        "verb_noun": re.compile(
            rf"\b(?P<unit>{verb_nouns})\s+of\s+{q}{num}\s+(?:more\s+)?(?:[\w-]+\s+){{0,2}}?(?:{people})\b", re.I),
        # "..., 258 of them civilians": a part of the count just before it
        "of_them": re.compile(
            rf"\s*(?:,|;|\(|--?|—)\s*(?:and\s+|including\s+)?{q}{num}\s+of\s+(?:{alternation(lex['part_pronouns'])})\b", re.I),
        # "..., along with 563 security personnel": a second count sharing the verb and the period
        "coordinated": re.compile(
            rf"\s*,?\s*(?:{alternation(lex['coordinators'])})\s+{q}{num}\s+(?:[\w.-]+\s+){{0,3}}?(?:{people})\b(?!\s+(?:were|was|are|is|have|has|had|{casualty})\b)", re.I),
        # "Of the 130 injured, 77 were women or children": a part of an earlier count
        "of_the": re.compile(
            rf"\b[Oo]f\s+(?:the|those|these)\s+(?P<whole>{CARDINAL})\s+(?:[\w-]+\s+){{0,2}}?(?P<wunit>killed|dead|injured|wounded|abducted|kidnapped|hostages|casualties)\s*,\s*{q}{num}\s+(?:were|was|are|had|have)\b", re.I),
        "superseded": re.compile(rf"\b(?:{superseded})\s+(?:[\w-]+\s+)?(?:{estimates})\b[^.;]{{0,30}}$", re.I),
        "cumulative": compiled("claims", "cumulative_markers"),
        "plural_strikes": re.compile(r"\b(?:attacks|strikes|airstrikes|air strikes|raids|bombings|facilities|targets|sites)\b", re.I),
        "clause_cut": re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+"),
        "anaphoric_attacks": re.compile(r"\b(?:the|these|those|such)\s+(?:[\w-]+\s+)?(?:attacks|strikes|incidents|raids)\b", re.I),
        "own_place": re.compile(r"[^.;\d]{0,40}?\bin\s+(?:the\s+)?(?=[A-Z])"),
        "speech_date": re.compile(rf"\b{load('events')['speech_before_date']}", re.I),
        "speech_after": re.compile(r"(?:\s+(?:night|morning|evening|afternoon))?,\s+(?:[\w.'’-]+\s+){1,6}?(?:said|says|told|announced|reported|confirmed)\b"),
        "day_scope": compiled("claims", "day_scope_markers"),
        "last_n": re.compile(rf"\b(?:in|over|during|within|for)\s+the\s+(?:last|past|previous)\s+(?P<n>{CARDINAL})\s+(?P<u>days|weeks|months|years)\b", re.I),
        "end_of": re.compile(r"\bby\s+the\s+end\s+of\s+$", re.I),
        "since_clause": re.compile(r"\bsince\b(?P<clause>[^;:]*)$", re.I),
        "finite_verb": re.compile(r"\b(?:\w+ed|began|struck|hit|took|broke|fought|led|shot|blew|set)\b", re.I),
        "deaths": re.compile(rf"\b{q}{num}\s+(?:[\w.-]+\s+){{0,2}}?(?P<unit>deaths|fatalities|casualties|injuries)\b", re.I),
        "total_to": re.compile(rf"\b(?:total|tally|count|number)\s+(?:number\s+)?of\s+(?P<unit>{attacks}|(?:[\w-]+\s+){{0,2}}?(?:deaths|casualties|injuries|dead|killed|wounded|injured))\b[^.;]{{0,40}}?\b(?:to|at|of|reached|stands at|stood at|past|passed)\s+{q}{num}\b", re.I),
        "toll": re.compile(rf"\b(?:death|casualty)\s+toll\b[^.;]{{0,40}}?\b(?:to|at|of|reached|hit|passed|exceeded)\s+{q}{num}\b", re.I),
        "breakdown": re.compile(rf"\b(?P<num>{CARDINAL}|once|twice)\s+(?:(?:times|attacks?|strikes?|of them|of those)\s+)?in\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", 0),
        "period": compiled("claims", "period_markers"),
        "war": re.compile(r"\b(?:war|conflict|insurgency|civil war|genocide|fighting|violence|campaign|uprising|offensive)\b[^.;]{0,60}\b(?:killed|left|claimed|wounded|injured|dead|deaths|lives)\b|\b(?:killed|dead|deaths)\b[^.;]{0,40}\b(?:in|during|since) the (?:\w+ )?(?:war|conflict|insurgency|fighting|violence)\b", re.I),
        "year_scope": re.compile(rf"\b(?:in|during|throughout|over|across) (?:19|20)\d\d\b|\b(?:last|this|past) (?:year|month)\b|\bin the (?:past|last) (?:\w+ )?(?:years?|months?|weeks?)\b|\bin (?:\w+ )?(?:days|weeks|months|years) of\b|\b(?:in|over|within) (?:the (?:past|last) )?(?:{CARDINAL}) (?:days|weeks|months|years)\b(?! (?:ago|later|before|after|time))", re.I),
        "violence": re.compile(r"\b(?:attack\w*|war|conflict|fight\w*|violence|violent|insurg\w*|militant\w*|terror\w*|bomb\w*|blast\w*|explos\w*|shell\w*|strike\w*|airstrike\w*|drone\w*|rocket\w*|missile\w*|gun\w*|shot|shooting|clash\w*|troops|soldiers|forces|militia\w*|rebel\w*|armed|massacre\w*|killings?|kidnap\w*|abduct\w*|hostages?|siege|raid\w*|operation\w*|security personnel|combat\w*|protest\w*|demonstrat\w*|unrest|riot\w*|crackdown)\b", re.I),
        "not_violence": re.compile(r"\b(?:virus|coronavirus|covid|pandemic|disease|cholera|measles|mpox|outbreak|infect\w*|flood\w*|earthquake|cyclone|storm|hurricane|fires?\b(?! at)|crash(?:es|ed)?|accident\w*|heat ?wave|famine|hunger|overdose\w*)\b"),
        # cheap gates, searched in the lower-cased sentence (much faster than case-insensitive matching)
        "gate_casualty": re.compile(r"kill|dead|death|died|fatal|lives|injur|wound|hurt|abduct|kidnap|hostage|casualt|toll|slay|murder|massacre"),
        "gate_attacks": re.compile(r"attack|operation|strike|raid|incident|assault|times|bomb|blast|explos|\d(?:st|nd|rd|th)\b|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eth\b"),
        "single_incident": re.compile(r"\b(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?(?:attack|bombing|blast|explosion|strike|ambush|raid|shooting|massacre|assault|hijacking|siege)\b(?!s)", re.I),
        "plural_attacks": re.compile(r"\b(?:attacks|strikes|operations|raids|assaults)\b", re.I),
        "since": re.compile(r"\b(?:since|from)\s+$", re.I),
        # "since the protests began in (mid-)September": the date that closes the clause is the period's start
        "since_began": re.compile(rf"\bsince\s+(?P<clause>[^,.;:]{{1,80}}?\b(?:{alternation(lex['period_start_verbs'])})\s+(?:(?:in|on|at|around|during|by)\s+)?(?:(?:early|mid|late|the (?:start|beginning|end) of)[-\s]+)?)$", re.I),
        "as_of": re.compile(r"\b(?:as of|as at|by|through|until)\s+$", re.I),
        "us_target": compiled("actors", "us_targets", 0),
        "skip_left": re.compile(r"(?:\$|€|£|aged?\s+|Tower\s+|No\.\s*|Resolution\s+|Article\s+|Operation\s+|[Pp]age\s+|[Rr]oute\s+|[Hh]ighway\s+|Flight\s+)$"),
        "skip_right": re.compile(r"^\s*(?:%|percent|per cent|years?\b|year-old|-year|days? after|days? before|km|kilomet|miles?|meters|metres|feet|hours?\b|minutes?|a\.m|p\.m|GMT|am\b|pm\b|million\b(?! people)|billion|dollars|euros)", re.I),
    }


def _qualifier(word: str | None) -> str:
    if not word:
        return "exact"
    word = word.lower()
    for q, words in load("claims")["qualifiers"].items():
        if any(re.fullmatch(w, word) for w in words):
            return q
    return "exact"


def _unit(word: str) -> str:
    w = word.lower()
    lex = load("claims")
    units = lex["units"]
    for unit, words in lex["verb_nouns"].items():
        if any(re.fullmatch(x, w) for x in words):
            return unit
    if re.search(r"injur|wound|hurt", w):
        return "injured"
    if re.search(r"abduct|kidnap|hostage", w):
        return "abducted"
    if re.search(r"kill|dead|death|fatal|died|lives|lost", w):
        return "killed"
    if w == "casualties":
        return "casualties"
    for unit, words in units.items():
        if any(re.fullmatch(x, w, re.I) for x in words):
            return unit
    return w


def expand_name(speaker: str | None, before: str) -> str | None:
    """A surname alone ("Carlstrom said") takes the full name the report gave earlier ("Greg Carlstrom")."""
    if not speaker or not re.fullmatch(r"[A-Z][\w'’-]+", speaker):
        return speaker
    m = None
    for m in re.finditer(rf"\b((?:[A-Z][\w'’.-]+\s+){{1,3}}){re.escape(speaker)}\b", before):
        pass
    return (m.group(1) + speaker) if m else speaker


def _main_country(ctx: DocContext) -> PlaceMention | None:
    """The one country a report is about, when it clearly has one (a count without a place counts there)."""
    counts: dict[str, int] = {}
    for p in ctx.places:
        if p.country and p.latitude is not None:
            counts[p.country] = counts.get(p.country, 0) + 1
    if not counts:
        return None
    top, n = max(counts.items(), key=lambda kv: kv[1])
    if n < 2 or n < 0.6 * sum(counts.values()):
        return None
    return PlaceMention(text=top, start=0, end=0, country=top, feature="country")


def _region(places: list[PlaceMention]) -> list[str]:
    out: list[str] = []
    for p in places:
        if p.country and p.country not in out:
            out.append(p.country)
    return out


def _target(sentence: str, ctx: DocContext, sent: Sentence) -> str | None:
    m = _patterns()["us_target"].search(sentence)
    if m:
        t = m.group(0)
        if re.search(r"troops|service ?members|soldiers|servicemen|personnel", t, re.I):
            return "US troops"
        if re.search(r"bases?", t, re.I):
            return "US bases"
        return "US forces"
    return None


class ClaimFinder:
    """Reads the count claims of one report."""

    def __init__(self, ctx: DocContext, attributions: list[SentenceAttribution]):
        self.ctx = ctx
        self.attr = attributions
        self.p = _patterns()
        self.sentences_with_claims: set[int] = set()
        self.main_country = _main_country(ctx)
        self.report_day = self._report_day()
        self.tallies_strikes_before: set[int] = set()  # sentences whose count totals strikes told before them

    def _report_day(self) -> DateMention | None:
        """The day a report without a publication date is about, when its lead names it in full
        ("those on Friday, 21 July 1972, a day that became known as Bloody Friday")."""
        if self.ctx.report.published is not None or not self.ctx.sentences:
            return None
        lead = self.ctx.sentences[:2]
        for d in self.ctx.dates_in(lead[0].start, lead[-1].end):
            if d.precision == "day" and d.date is not None and not d.relative and re.search(r"\b\d{4}\b", d.text):
                return d
        return None

    def _many_places(self, si: int) -> bool:
        """Casualties of strikes at several places: "strikes near al-Mayadin and Albu Kamal killed 23", or a
        country's toll ("16 were killed in Iraq") after the strikes there were placed at two or more sites."""
        sent = self.ctx.sentences[si]
        plural = bool(self.p["plural_strikes"].search(sent.text))
        if plural and len({(p.name or p.text).lower() for p in self.ctx.places_in(sent.start, sent.end)
                           if p.feature != "country"}) >= 2:
            return True
        prev = self.ctx.sentences[si - 1] if si > 0 else None
        if prev is None or prev.paragraph != sent.paragraph or not (plural or self.p["plural_strikes"].search(prev.text)):
            return False
        own = self.ctx.places_in(sent.start, sent.end)
        if not own or any(p.feature != "country" for p in own):
            return False
        countries = {p.country for p in own}
        sites = {(p.name or p.text).lower() for p in self.ctx.places_in(prev.start, prev.end)
                 if p.feature != "country" and p.country in countries}
        if len(sites) >= 2:
            self.tallies_strikes_before.add(si)
            return True
        return False

    def _speech_clauses(self, s: str) -> list[tuple[int, int, str | None]]:
        """A sentence joining two attributed statements (", and a war monitor said ..."): each clause's span
        and speaker, or [] when the sentence is one statement."""
        cuts = list(self.p["clause_cut"].finditer(s))
        if not cuts:
            return []
        starts = [0, *(m.end() for m in cuts)]
        ends = [*(m.start() for m in cuts), len(s)]
        out = []
        for a, b in zip(starts, ends):
            out.append((a, b, attribute(s[a:b]).speaker))
        return out if sum(1 for x in out if x[2]) > 1 else []

    def _own_country(self, sent: Sentence, end: int) -> str | None:
        """The country named right after a count ("... were killed in Iraq"), before any other number."""
        m = self.p["own_place"].match(sent.text, end)
        if not m:
            return None
        at = sent.start + m.end()
        return next((pl.country for pl in self.ctx.places_in(at, at + 40)
                     if pl.start == at and pl.country and pl.feature == "country"), None)

    def _day(self, sentence: Sentence) -> DateMention | None:
        """The one day a sentence's casualties fell on: a day date that is not when something was said."""
        text = self.ctx.report.text
        days = []
        for d in self.ctx.dates_in(sentence.start, sentence.end):
            if d.date is None or d.precision != "day":
                continue
            left = text[max(sentence.start, d.start - 40):d.start]
            if self.p["speech_date"].search(left) or re.search(r"(?i)\b(?:since|by|until|before|after|through)\s+$", left):
                continue
            if re.fullmatch(r"(?i)\s*(?:(?:late|early)\s+)?(?:on\s+)?", text[sentence.start:d.start]) \
                    and self.p["speech_after"].match(text, d.end):
                continue  # "On Tuesday, the Pentagon said ...": the day of the statement
            days.append(d)
        return days[0] if len(days) == 1 else None

    def _end_of(self, sentence: Sentence) -> DateMention | None:
        """"By the end of 1972": the count covers that year (or month), up to its last day."""
        for d in self.ctx.dates_in(sentence.start, sentence.end):
            if d.date is None or d.end_date is None or d.precision not in ("year", "month"):
                continue
            text = self.ctx.report.text
            left = text[max(sentence.start, d.start - 20):d.start]
            if self.p["end_of"].search(left) or re.match(r"(?i)the\s+end\s+of\b", d.text) \
                    and re.search(r"(?i)\bby\s+$", left):
                return d
        return None

    def _elliptical(self, sent: Sentence, si: int, found: list, taken: list[tuple[int, int]],
                    claims: list[Claim]) -> list:
        """Counts that lean on the one before them for their unit: "496 had been killed, 258 of them
        civilians" (a part), "1,250 ... killed ..., along with 563 security personnel" (a second count of the
        same verb and period), "Of the 130 injured, 77 were women" (a part of an earlier count)."""
        s = sent.text
        out = list(found)
        for i, (start, end, value, qual, unit, is_ord, link) in enumerate(found):
            if unit == "attacks" or link is not None:
                continue
            tail = s[end:]
            # the count's own clause may run on ("... killed in Pakistan, along with ...")
            run = re.match(r"[^,;.]{0,40}", tail)
            offsets = (0, run.end()) if run and run.end() else (0,)
            for offset, key in ((o, k) for o in offsets for k in ("of_them", "coordinated")):
                m = self.p[key].match(tail, offset)
                if not m:
                    continue
                v = parse_cardinal(m.group("num"))
                a, b = end + m.start("num"), end + m.end()
                if v is None or v < 1 or any(x < b and a < y for x, y in taken):
                    continue
                if key == "of_them" and v >= value:
                    continue
                taken.append((a, b))
                out.append((a, b, v, _qualifier(m.group("qual")), unit, False,
                            ("part" if key == "of_them" else "coord", i)))
                break
        for m in self.p["of_the"].finditer(s):
            whole, v = parse_cardinal(m.group("whole")), parse_cardinal(m.group("num"))
            unit = _unit(m.group("wunit"))
            if whole is None or v is None or v >= whole or unit not in ("killed", "injured", "abducted"):
                continue
            if any(x < m.end() and m.start() < y for x, y in taken):
                continue
            ref = next((j for j in range(len(claims) - 1, -1, -1)
                        if claims[j].value == whole and claims[j].unit == unit), None)
            if ref is None:
                continue
            taken.append((m.start(), m.end()))
            out.append((m.start(), m.end(), v, _qualifier(m.group("qual")), unit, False, ("whole", ref)))
        return out

    def _is_aggregate(self, sentence: str, unit: str, value: int, match_start: int, key: str = "",
                      si: int | None = None) -> bool:
        """A count is aggregate when it counts incidents, or casualties over a period or many attacks."""
        if unit == "attacks":
            return True
        head = sentence[:match_start]
        if self.p["single_incident"].search(head) and not self.p["plural_attacks"].search(sentence):
            return False  # "The single biggest attack, in 2009, killed 25": one incident's toll
        if key == "killed_people" and self._in_since_clause(head):
            return False  # "on alert since the group launched attacks across Paris, killing 130": the start's toll
        if key == "toll":
            # a "death toll" is one event's unless the sentence scopes it over a period
            if self.p["superseded"].search(head):
                return False  # "initial estimates of a death toll of 11": revised later, not a count
            return bool(self.p["period"].search(sentence) or self.p["war"].search(sentence)
                        or self.p["year_scope"].search(sentence))
        if self.p["period"].search(sentence) or self.p["cumulative"].search(sentence):
            return True
        tail = sentence[match_start:]
        # "injured in those attacks", "killed in a series of attacks", "in over 500 attacks"
        if re.search(r"\b(?:in|during|by|from)\s+(?:these|those|such|a series of|a wave of|repeated|multiple|(?:over |more than |at least |nearly |some )?[\d,]+|hundreds of|dozens of|(?-i:[A-Z][\w-]*))\s+(?:\w+\s+)?(?:attacks|strikes|raids|operations|assaults|incidents|bombings)\b", tail, re.I):
            return True
        # "the war that killed 100,000 people", "the conflict has left 5,000 dead"
        if self.p["war"].search(sentence):
            return True
        if si is not None and self._many_places(si):
            return True
        if self.p["year_scope"].search(sentence):
            return True
        return False

    def _in_since_clause(self, head: str) -> bool:
        """The text before a count is a "since" clause telling an event ("since the group launched ...")."""
        m = self.p["since_clause"].search(head)
        if not m:
            return False
        clause = m.group("clause")
        if re.match(r"\s*(?:(?:early|late|mid-?)\s*)?(?:\d|(?-i:[A-Z][a-z]+\.?\s+\d)|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|then\b|last\b|the (?:start|beginning|outbreak|end)\b)", clause, re.I):
            return False  # "since October 17, ...": a period, not an event
        return bool(self.p["finite_verb"].search(clause))

    def _violent(self, si: int) -> bool:
        """Casualty counts are claims only in a context of violence (not disease, disaster or accidents)."""
        lo, hi = max(0, si - 1), min(len(self.ctx.sentences), si + 2)
        window = " ".join(x.text for x in self.ctx.sentences[lo:hi])
        if self.p["not_violence"].search(self.ctx.sentences[si].text):
            return False
        return bool(self.p["violence"].search(window))

    def _period(self, sentence: Sentence, rel_start: int) -> tuple[DateMention | None, str | None]:
        """The start of the counted period: a date after 'since' in the sentence, the date a 'since' clause
        gives its event ("since the protests began in September": the first of that month, or the day said),
        or 'since <event>'."""
        text = self.ctx.report.text
        dates = self.ctx.dates_in(sentence.start, sentence.end)
        for d in dates:
            left = text[max(sentence.start, d.start - 12):d.start]
            if self.p["since"].search(left):
                return d, d.text
        for d in dates:
            m = self.p["since_began"].search(text[max(sentence.start, d.start - 100):d.start])
            if m:
                return d, m.group("clause") + d.text
        m = re.search(r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|launch)\s+of\s+([^,.;]{3,60})", sentence.text, re.I)
        if m:
            return None, m.group(0)[6:]
        return None, None

    def _scope(self, sentence: Sentence) -> DateMention | None:
        """A counted period given as a whole year, month or range ("in 2024", "last year")."""
        for d in self.ctx.dates_in(sentence.start, sentence.end):
            if d.date is not None and d.precision in ("year", "month", "range", "week") and d.end_date is not None:
                left = self.ctx.report.text[max(sentence.start, d.start - 12):d.start]
                if not re.search(r"\b(?:since|until|by|before|after)\s+$", left, re.I):
                    return d
        return None

    def _as_of(self, sentence: Sentence) -> DateMention | None:
        for d in self.ctx.dates_in(sentence.start, sentence.end):
            left = self.ctx.report.text[max(sentence.start, d.start - 12):d.start]
            if self.p["as_of"].search(left) and d.date is not None:
                return d
        return None

    def find(self) -> list[Claim]:
        claims: list[Claim] = []
        text = self.ctx.report.text
        for si, sent in enumerate(self.ctx.sentences):
            s = sent.text
            spans_taken: list[tuple[int, int]] = []
            # (start, end, value, qualifier, unit, ordinal, link): link is None, ("part", i) for a part of the
            # i-th count found, ("coord", i) for a count sharing its verb and period, ("whole", claim index)
            found: list[tuple[int, int, int, str, str, bool, tuple[str, int] | None]] = []
            low = s.lower()
            has_casualty = bool(self.p["gate_casualty"].search(low))
            has_attacks = bool(self.p["gate_attacks"].search(low))
            if not (has_casualty or has_attacks):
                continue
            for key in ("ordinal", "total_to", "attacks", "people_killed", "bare_people", "and_bare", "killed_people", "had_been", "verb_list", "verb_noun", "deaths", "toll"):
                if (key in ("ordinal", "attacks") and not has_attacks) or (key not in ("ordinal", "attacks", "total_to") and not has_casualty):
                    continue
                for m in self.p[key].finditer(s):
                    if any(a < m.end() and m.start() < b for a, b in spans_taken):
                        continue
                    if key == "ordinal":
                        value = parse_ordinal(m.group("ord"))
                        qual, unit, is_ord = "exact", "attacks", True
                    else:
                        value = parse_cardinal(m.group("num"))
                        qual, is_ord = _qualifier(m.group("qual")), False
                        unit = "killed" if key == "toll" else _unit(m.group("unit").split()[-1])
                        nstart = m.start("num")
                        if self.p["skip_left"].search(s[max(0, nstart - 12):nstart]) or \
                                self.p["skip_right"].search(s[m.end("num"):m.end("num") + 14]):
                            continue
                        raw = m.group("num")
                        if re.fullmatch(r"1[89]\d\d|20\d\d", raw) and s[m.end("num"):m.start("unit")].strip():
                            continue  # "the 2007 Bagram Airfield bombing": a year, not a count
                        # the number must not be a date's day or a year
                        if any(d.start <= sent.start + nstart < d.end for d in self.ctx.dates_in(sent.start, sent.end)):
                            continue
                        if unit == "attacks" and m.group("unit").lower() == "times" and not re.search(
                                r"\b(?:attack|target|hit|struck|strik|fired)", s, re.I):
                            continue
                    if value is None or value <= 1 or value > 10_000_000:
                        continue
                    if unit not in ("attacks", "killed", "injured", "abducted"):
                        continue
                    if is_ord and value < 3:
                        continue
                    if not is_ord and unit == "attacks" and value < 3:
                        continue
                    if unit != "attacks" and not self._violent(si):
                        continue
                    if not is_ord and not self._is_aggregate(s, unit, value, m.start(), key, si):
                        continue
                    spans_taken.append((m.start(), m.end()))
                    found.append((m.start(), m.end(), value, qual, unit, is_ord, None))
            found.sort()
            if has_casualty:
                found = self._elliptical(sent, si, found, spans_taken, claims)
            if not found:
                continue
            places = [p for p in self.ctx.places_in(sent.start, sent.end)]
            countries = [p for p in places if p.feature in ("country",)] or places
            if not countries:
                # "injured in the attacks": the attacks the report has counted, where it counted them
                total = next((c for c in reversed(claims) if c.unit == "attacks" and c.part_of is None and c.region),
                             None) if self.p["anaphoric_attacks"].search(s) else None
                if total is not None:
                    countries = [PlaceMention(text=r, start=0, end=0, country=r, feature="country") for r in total.region]
                elif self.main_country:
                    countries = [self.main_country]
            since, since_text = self._period(sent, 0)
            as_of = self._as_of(sent)
            scope = self._scope(sent) if since is None and since_text is None else None
            if scope is None and since is None and since_text is None:
                scope = self._end_of(sent)
            if scope is not None:
                since, since_text = scope, scope.text
                end = scope.end_date
                if self.ctx.report.published is not None and end > self.ctx.report.published:
                    end = self.ctx.report.published
                as_of = DateMention(scope.start, scope.end, scope.text, end, "day")
            last_n = self.p["last_n"].search(s) if since is None and since_text is None else None
            if last_n is not None:
                since_text = last_n.group(0)
                anchor = as_of.date if as_of else self.ctx.report.published
                n = parse_cardinal(last_n.group("n"))
                if anchor is not None and n:
                    shifted = _shift(anchor, n, last_n.group("u").lower())
                    since = DateMention(sent.start + last_n.start(), sent.start + last_n.end(), since_text, shifted, "day")
            day = self._day(sent) if since is None and since_text is None and as_of is None else None
            if day is None and si in self.tallies_strikes_before and since is None and since_text is None and as_of is None:
                # "... killed and 25 wounded in Iraq" after the strikes were told: the day they were told of
                day = next((d for d in (self._day(x) for x in reversed(self.ctx.sentences[max(0, si - 3):si])) if d), None)
            if day is not None and all(f[4] != "attacks" for f in found):
                # "US airstrikes on Friday night killed 16 people in Iraq": the casualties of that day's strikes
                since = as_of = day
                since_text = day.text
            if since is None and since_text is None and as_of is None and self.report_day is not None \
                    and self.p["day_scope"].search(s):
                # a report of one day's events: "By the end of the day", "in just 75 minutes"
                since = as_of = self.report_day
                since_text = self.report_day.text
            attribution = self.attr[si]
            speaker, via = expand_name(attribution.speaker, text[:sent.start]), attribution.via
            clauses = self._speech_clauses(s) if len(found) > 1 else []
            target = _target(s, self.ctx, sent)
            actor = next((a.name for a in self.ctx.actors_in(sent.start, sent.end)
                          if a.named and not (target and a.side == "us")), None)
            total_index: int | None = None
            index_of: dict[int, int] = {}
            for fi, (start, end, value, qual, unit, is_ord, link) in enumerate(found):
                claim = Claim(
                    value=value, qualifier=qual, unit=unit,
                    since=since.date if since else None,
                    since_text=since_text,
                    since_partial=since.partial if since and since.date is None else None,
                    as_of=(as_of.date if as_of else self.ctx.report.published),
                    region=_region(countries), target=target, actor=actor,
                    speaker=speaker, via=via, ordinal=is_ord,
                    evidence=[Span(sent.start + start, sent.start + end, text[sent.start + start:sent.start + end]),
                              Span(sent.start, sent.end, s)],
                )
                if since is not None and since.date is None:
                    claim.notes.append(f"year of '{since.text}' unknown: no publication date")
                if len(countries) > 1 and len(found) > 1:
                    # "killed 16 people in Iraq, ... 23 fighters were killed in Syria": each count its own place
                    own = self._own_country(sent, end)
                    if own:
                        claim.region = [own]
                if link is not None:
                    kind, ref = link
                    base = claims[ref] if kind == "whole" else claims[index_of[ref]]
                    if kind in ("part", "whole"):
                        claim.part_of = ref if kind == "whole" else index_of[ref]
                    if kind == "whole" and since is None and since_text is None and as_of is None:
                        # "Of the 130 injured, 77 were ...": the part is counted over its whole's period
                        claim.since, claim.since_text, claim.since_partial = base.since, base.since_text, base.since_partial
                        claim.as_of = base.as_of
                    if kind == "whole" and not countries:
                        claim.region = list(base.region)
                # "... killed 16 people in Iraq, the Iraqi government said, and a war monitor said 23 were
                # killed in Syria": each count is credited to the speaker of its own clause
                for a, b, clause_speaker in clauses:
                    if a <= start < b and clause_speaker:
                        claim.speaker = expand_name(clause_speaker, text[:sent.start])
                        claim.via = None if clause_speaker != attribution.speaker else via
                if claim.as_of is None:
                    claim.notes.append("as_of unknown: no publication date")
                # "..., 57 times in Iraq and 83 in Syria": a later count of the same unit with its own place
                # right after it is a part of the sentence's total
                local = re.match(r"\s+in\s+(?:the\s+)?", s[end:])
                if link is None and total_index is not None and local and claims[total_index].unit == unit and value < claims[total_index].value:
                    at = sent.start + end + local.end()
                    own = [pl.country for pl in self.ctx.places_in(at, at + 60) if pl.country and pl.start == at]
                    if own:
                        claim.region, claim.part_of = own[:1], total_index
                index_of[fi] = len(claims)
                claims.append(claim)
                self.sentences_with_claims.add(si)
                if link is not None:
                    continue
                if total_index is None:
                    total_index = len(claims) - 1
                    self._breakdowns(sent, end, claim, claims, total_index)
        return _merge_duplicates(claims)

    def _breakdowns(self, sent: Sentence, after: int, total: Claim, claims: list[Claim], total_index: int) -> None:
        """"... 14 in Iraq and 9 in Syria": parts of the total, each a claim of its own."""
        tail = sent.text[after:]
        parts = list(self.p["breakdown"].finditer(tail))
        if len(parts) < 2:
            return
        base = sent.start + after
        for m in parts:
            value = {"once": 1, "twice": 2}.get(m.group("num").lower()) or parse_cardinal(m.group("num"))
            if value is None or value >= total.value:
                continue
            place_start = base + m.start("place")
            region = [p.country for p in self.ctx.places_in(place_start, base + m.end("place")) if p.country]
            if not region:
                continue
            claims.append(Claim(
                value=value, qualifier="exact", unit=total.unit, since=total.since, since_text=total.since_text,
                since_partial=total.since_partial, as_of=total.as_of, region=region[:1], target=total.target,
                actor=total.actor, speaker=total.speaker, via=total.via, part_of=total_index,
                evidence=[Span(base + m.start(), base + m.end(), self.ctx.report.text[base + m.start():base + m.end()])],
                notes=list(total.notes),
            ))


def _shift(day: date, n: int, unit: str) -> date:
    """``day`` moved back ``n`` days, weeks, months or years ("in the last 15 months")."""
    if unit.startswith("day"):
        return day - timedelta(days=n)
    if unit.startswith("week"):
        return day - timedelta(weeks=n)
    months = n * 12 if unit.startswith("year") else n
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def _merge_duplicates(claims: list[Claim]) -> list[Claim]:
    """The same count said twice in one report ("118 operations" ... "118 attacks") is one claim."""
    out: list[Claim] = []
    remap: dict[int, int] = {}
    for i, c in enumerate(claims):
        twin = next((j for j, o in enumerate(out) if o.value == c.value and o.unit == c.unit
                     and (not o.region or not c.region or set(o.region) == set(c.region))
                     and (o.part_of is None) == (c.part_of is None)), None)
        if twin is None:
            remap[i] = len(out)
            out.append(c)
            continue
        remap[i] = twin
        o = out[twin]
        o.evidence.extend(c.evidence)
        # prefer the attributed reading; fill what the other lacks
        if c.speaker is not None and (o.speaker is None or (o.speaker.islower() and not c.speaker.islower())):
            o.speaker, o.via = c.speaker, c.via  # a named source over a bare description ("a war monitor")
        for f in ("since", "since_text", "since_partial", "target", "actor"):
            if getattr(o, f) is None and getattr(c, f) is not None:
                setattr(o, f, getattr(c, f))
        if not o.region:
            o.region = c.region
        if o.qualifier == "exact" and c.qualifier != "exact":
            o.qualifier = c.qualifier
        for n in c.notes:
            if n not in o.notes:
                o.notes.append(n)
    for c in out:
        if c.part_of is not None:
            c.part_of = remap.get(c.part_of, c.part_of)
    return out


def attach_context(claims: list[Claim], places: list[PlaceMention], weapons: list[str]) -> None:
    """Give the report's total attack counts the places and weapons its aggregate sentences list."""
    totals = [c for c in claims if c.unit == "attacks" and c.part_of is None]
    if not totals:
        return
    seen: set[tuple[str | None, str]] = set()
    locs: list[Location] = []
    for p in places:
        if p.feature in ("country", "continent", "region") or p.geo_precision == 3:
            continue
        key = (p.gazetteer_id, p.text.lower())
        if key in seen or (p.gazetteer_id and any(k[0] == p.gazetteer_id for k in seen)):
            continue
        seen.add(key)
        locs.append(Location.from_place(p))
    for c in totals:
        c.locations = list(locs)
        c.weapons = sorted(set(c.weapons) | set(weapons))
