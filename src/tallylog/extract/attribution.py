"""Who says so, and through whom: "A US military official told Al Mayadeen that ...".

Returns the speaker as the text names them ("US military official") and the outlet or intermediary they
spoke through (``via``: "Al Mayadeen"). Hedges and denials are read here too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tallylog import rxcache as rx
from tallylog.extract.context import alternation, compiled
from tallylog.extract.lexicon import load
from tallylog.model import Attribution
from tallylog.prefilter import Needles, needles

_TITLES = "|".join(sorted(load("attribution")["titles"], key=len, reverse=True))
_ABBR = rf"(?:[A-Z]\.){{2,}}|\b(?:{_TITLES})\."  # "U.N.", "U.S.", "Dr.": dots that do not end a name
_NP = rf"(?P<sp>(?:(?:[A-Z]\.){{2,}}\s|\b(?:{_TITLES})\.\s|[A-Z\"“]|[a-z]+ (?=[A-Z]))(?:{_ABBR}|[^,;:.!?\"“”]){{1,90}}?)"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "one", "who", "which"}


@dataclass(slots=True)
class SentenceAttribution:
    speaker: str | None
    via: str | None
    hedged: bool
    denied: bool
    claimed: bool
    role: str | None = None  # how the sentence describes the speaker ("Chaudhry, director general of ..., said")
    document: bool = False  # the sentence credits a document ("the report said"): its author is the speaker


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = load("attribution")
    outlets = alternation([re.escape(o) for o in lex["outlets"]])
    docs = alternation(lex["document_nouns"])
    # a closing attribution ("..., officials said") takes these only: "..., but researchers say ..." opens a clause
    tail_verbs = r"said|says|told|tells|reported|reports|announced|confirmed|stated|added|claimed|noted|wrote|tweeted|declared|acknowledged|insisted|alleged|underscored|stressed|explained|disclosed|revealed|estimated|highlighted|recorded|documented|counted|tallied|registered"
    verbs = tail_verbs + "|" + "|".join(lex["extra_speech_verbs"])
    audiences = alternation(lex["audiences"])
    return {
        # "X told Reuters (that)"
        "told": rx.compile(rf"(?:^|(?<=[,;:“\"] )|(?<=\bthat )|(?<=\band ))(?:[Aa]n? |[Tt]he )?{_NP}\s+(?:has |had |have )?(?:told|tells)\s+(?P<via>{outlets}|[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){{0,4}})"),
        # "X told reporters", "X told parliament": an audience, not an outlet
        "told_audience": rx.compile(rf"(?:^|(?<=[,;:“\"] )|(?<=\bthat )|(?<=\band ))(?:[Aa]n? |[Tt]he )?{_NP}\s+(?:has |had |have )?(?:told|tells)\s+(?:{audiences})\b"),
        # "..., he said." after a quote: the speaker of the quote, named or by pronoun
        "quote_tail": rx.compile(rf"[,!?][\"”]\s+(?P<sp>[^,;:.!?\"“”]{{2,60}}?)\s+(?:said|says|added|asked|insisted|stressed)\b[^\"“”]*$"),
        "clause_opener": rx.compile(rf"(?:{alternation(lex['clause_openers'])})\b", re.I),
        # "X said" (speaker before the verb)
        # "a senior police officer told Reuters": a described speaker in lower case
        "told_described": rx.compile(rf"(?:^|(?<=[,;:“\"] )|(?<=[”\"] )|(?<=\bthat )|(?<=\band ))(?:[Aa]n?|[Tt]he) (?P<sp>[a-z][\w'’-]*(?: (?:[a-z][\w'’-]*|[A-Z][\w'’-]*)){{0,6}}?) (?:has |had )?(?:told|tells) (?P<via>{outlets}|[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){{0,4}})"),
        # "the head of the U.N. peacekeeping mission told the Security Council": a described speaker and an audience
        "told_described_audience": rx.compile(rf"(?:^|(?<=[,;:“\"] )|(?<=[”\"] )|(?<=\bthat )|(?<=\band ))(?:[Aa]n?|[Tt]he) (?P<sp>[a-z][\w'’-]*(?: (?:[a-z][\w'’-]*|[A-Z][\w.'’-]*)){{0,6}}?) (?:has |had )?(?:told|tells) (?:{audiences})\b"),
        # "..., state officials say.": a speaker closing the sentence with the plural present
        "say_tail": rx.compile(r",\s+(?P<sp>[^,;:.!?\"“”]{2,50}?)\s+say\s*\.?\s*$"),
        "said": rx.compile(rf"(?:^|(?<=[,;:“\"] )|(?<=[”\"] )|(?<=\bthat )|(?<=\band ))(?:[Aa]n? |[Tt]he )?{_NP}\s+(?:has |had |have |also |later |then )?(?:{verbs})\b"),
        # "a war monitor said", "the chief minister said": a described speaker, all in lower case
        # (no word of the description is itself a verb of saying: "the firm said it had recorded ...")
        "said_described": rx.compile(rf"(?:^|(?<=[,;:“\"] )|(?<=[”\"] )|(?<=\bthat )|(?<=\band ))(?:[Aa]n?|[Tt]he) (?P<sp>[a-z][\w'’-]*(?: (?!(?:{verbs})\b)[a-z][\w'’-]*){{0,3}}) (?:has |had |have |also |later |then )?(?:{verbs})\b"),
        # "a doctor at the city's main hospital told Reuters": a described speaker with a place or body
        "said_described_long": rx.compile(rf"(?:^|(?<=[,;:“\"] )|(?<=[”\"] )|(?<=\bthat )|(?<=\band ))(?:[Aa]n?|[Tt]he) (?P<sp>[a-z][\w'’-]*(?: (?!(?:{verbs})\b)(?:[a-z][\w'’-]*|[A-Z][\w'’-]*)){{1,6}}) (?:has |had |have |also |later |then )?(?:{verbs})\b"),
        # "The ministry, which does not ..., said": a subject with a relative clause or appositive between it and its verb
        "relative": rx.compile(rf"(?:^|(?<=[,;:“\"] ))(?:[Aa]n? |[Tt]he )?(?P<sp>(?:{_ABBR}|[^,;:.!?\"“”]){{2,70}}?),\s+(?:which|who|an? |the |(?:{alternation(lex['aside_openers'])})\s)(?:{_ABBR}|[^;:.!?\"“”]){{2,140}}?,\s+(?:has |had |also |later |then )?(?:{verbs})\b"),
        # "..., said X" / "..., an official said" (speaker after the verb)
        "said_after": rx.compile(rf"[,”\"]\s*(?:said|says|added|noted|stressed|explained|wrote|tweeted|insisted)\s+(?:[Aa]n? |[Tt]he )?(?P<sp>[^,;.!?\"“”]{{2,90}}?)(?=[,.;]|$| (?:in|on|at|who|after|during) )"),
        # "..., police said." / "..., officials said on Tuesday."
        "said_tail": rx.compile(rf",\s+(?:[Aa]n? |[Tt]he )?(?P<sp>[^,;:.!?\"“”]{{2,70}}?)\s+(?:{tail_verbs})\b[^,;]*(?:$|(?=,\s+(?:{alternation(lex['subordinators'])})\b))"),
        # "according to X"
        "according": rx.compile(rf"\b[Aa]ccording to (?:an? |the )?(?P<sp>(?:{_ABBR}|[^,;.!?\"“”]){{2,90}}?)(?=[,.;]|$| (?:in|on|at|who|which|based|citing|that) )"),
        # "according to figures published on Tuesday by the Syria Conflict Monitor": the document's maker
        "according_by": rx.compile(rf"\b[Aa]ccording to (?:an? |the |new |its )?(?:[\w'’-]+\s+){{0,2}}?(?:{docs})\s+(?:{alternation(lex['document_makers'])})\b[^,;.]{{0,40}}?\bby\s+(?:the\s+)?(?P<sp>[A-Z](?:{_ABBR}|[^,;.!?\"“”]){{1,80}}?)(?=[,.;]|$)"),
        # "X reported, citing Y" / "citing Y"
        "citing": rx.compile(rf"\bciting (?:an? |the )?(?P<sp>(?:{_ABBR}|[^,;.!?]){{2,80}}?)(?=[,.;]|$)"),
        # "Chaudhry, director general of military public relations, said ..."
        "appositive": rx.compile(rf"(?:^|(?<=[,;:“\"] )|(?<=\bthat )|(?<=\b[Bb]ut ))(?P<sp>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){{0,4}}),\s+(?P<role>(?:the |a |an )?[a-z][^,;:.!?\"“”]{{2,80}}?),\s+(?:has |had |also |later |then )?(?:{verbs})\b"),
        # "..., the agency's envoy, Dr. Amina Yusuf, told reporters": a role, then the name, then the verb
        "role_name": rx.compile(rf"(?:^|(?<=[,;:“\"] ))(?:[Tt]he |[Aa]n? |[Ii]ts |[Tt]heir )?(?P<role>(?:[A-Z][\w.-]*['’]s\s+)?(?:[A-Z][\w.-]*\s+(?=[a-z]))?[a-z][^,;:.!?\"“”]{{2,60}}?),\s+(?:the\s+)?(?P<sp>(?:\b(?:{_TITLES})\.\s)?[A-ZÀ-Þ][\w'’.-]+(?: (?:(?:of|for|and|on|the|de|al) )*(?:(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu)-)?[A-ZÀ-Þ][\w'’.-]+){{1,4}}),\s+(?:has |had |also |later |then )?(?:{verbs})\b"),
        "appositive_gate": rx.compile(rf", (?:has |had |also |later |then )?(?:{verbs})\b"),
        "outlet": rx.compile(rf"\b(?:{outlets})\b"),
        "document": rx.compile(rf"\b(?:{alternation(lex['document_nouns'])})$", re.I),
        "document_by": rx.compile(rf"^(?:[\w-]+\s+){{0,2}}?(?:{alternation(lex['document_nouns'])})\s+(?:(?:{alternation(lex['document_makers'])})\s+)?(?:by|from)\s+(?:the\s+)?(?P<org>[A-Z].*)$"),
        "document_of": rx.compile(rf"^(?P<org>.+?)(?:'s|’s)?\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{alternation(lex['document_nouns'])})$"),
        # "Amnesty International released a report", "Amnesty's latest report", "a study by the World Bank"
        "author": rx.compile(rf"(?P<org>(?-i:[A-Z][\w.&'’-]*)(?:\s+(?:(?:of|for|on|and|the)\s+)*(?-i:[A-Z][\w.&'’-]*)){{0,6}})(?:(?:'s|’s)\s+|\s+(?:has\s+|had\s+)?(?:released|published|issued|compiled|produced|put out)\s+(?:a|an|its|the)\s+)(?:[\w-]+\s+){{0,3}}?(?:{docs})\b|\b(?:{docs})\s+(?:(?:issued|released|published|compiled)\s+)?(?:by|from)\s+(?:the\s+)?(?P<org2>(?-i:[A-Z][\w.&'’-]*)(?:\s+(?:(?:of|for|on|and|the)\s+)*(?-i:[A-Z][\w.&'’-]*)){{0,6}})", re.I),
        "role_head": rx.compile(rf"\b(?:{alternation(lex['person_roles'])})$", re.I),
        "organisation": rx.compile(rf"\b(?:{alternation([re.escape(h) for h in lex['organisation_heads']])})$|^(?-i:[A-Z]{{2,}}[a-z]?)$", re.I),
        "non_speaker": rx.compile(rf"(?:{alternation(lex['non_speaker_openers'])})\b", re.I),
        "verb_gate": rx.compile(rf"\b(?:{verbs})\b"),
        # searched in the lower-cased sentence (the lexicon lists are lower case): faster than re.I
        "hedge": compiled("attribution", "hedges", 0),
        "denial": compiled("attribution", "denial_markers", 0),
        "claim": compiled("attribution", "claim_markers", 0),
    }


@lru_cache(maxsize=1)
def _needles() -> dict[str, Needles]:
    """The small patterns ``attribute`` tries on every sentence, each behind a test for the few strings its
    matches begin with (``prefilter.Needles``): a sentence holding none of them is not searched."""
    p = _patterns()
    return {key: needles(p[key]) for key in ("verb_gate", "hedge", "denial", "claim")}


def _markers(low: str) -> tuple[bool, bool, bool]:
    """Whether the lower-cased sentence ``low`` hedges, denies and claims."""
    n = _needles()
    return (n["hedge"].search(low, low) is not None, n["denial"].search(low, low) is not None,
            n["claim"].search(low, low) is not None)


@lru_cache(maxsize=1)
def _determiners() -> frozenset[str]:
    return frozenset(load("attribution")["determiners"])


# what ``_clean`` cuts from a speaker, in this order
_CLEAN_CUTS = [rx.compile(x) for x in (
    r"(?<=[a-z]{2})\.$",  # a sentence's full stop, not an abbreviation's dot
    r"^[A-Z][A-Z .,'/-]+(?:\s*\([^)]*\))?\s*[-–—]+\s*",  # a dateline: "YANGON (AFP) - "
    r"^[A-Z][\w .,'/-]{0,40}\((?:[A-Z][\w.]*\s?){1,3}\)\s*[-–—]+\s*",  # "Kenya (Reuters) - " after "NAIROBI, "
    r"\s+(?:did|does|do|has|have|had|would|could|will)\s+(?:not|never)\b.*$",  # "The army did not comment ... but"
    r"^(?:[Aa]nd|[Bb]ut|[Ww]hile)\s+",
    r"^(?:[Aa]n?|[Tt]he)\s+",
    r"\s+(?:has|had|have|also|later|then)$",
    # "... Index released last week"
    r"\s+(?:released|published|issued|compiled)\s+(?:last|this|on|in|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b.*$",
    r"\s+(?:released|published|issued|compiled)$",
)]
# (and not "said the province": the speech verb, not its speaker)
_CLEAN_PRONOUN = rx.compile(r"(?:it|this|that|these|those|there|which|who|he|she|they|we|said|says|told|tells|added|adds)\b", re.I)
_CLEAN_RELATIVE_END = rx.compile(r"\b(?:who|which|whom)$")
_CLEAN_FIGURE = rx.compile(r"(?:figure|number)\s+(?!(?:of|by|from|kept|compiled|given|cited|released|published)\b)[a-z]")
_CLEAN_DIGIT = rx.compile(r"\d")
_CLEAN_ADVERB = rx.compile(r"[a-z]+ly")
_CLEAN_COPULA = rx.compile(r"\b(?:were|was|is|are)\b")
_CLEAN_COUNT = rx.compile(r"\b\d[\d,]*\s+[a-z]")
_CLEAN_CAPITAL = rx.compile(r"[A-Z]")


def _clean(speaker: str | None) -> str | None:
    if not speaker:
        return None
    s = speaker.strip(" \"“”'’")
    for cut in _CLEAN_CUTS:
        s = cut.sub("", s)
    if not s or s.lower() in _PRONOUNS or s.lower() in _determiners() or len(s) > 90 \
            or s.lower() in load("attribution")["conjunctions"]:
        return None  # "Another study said": a determiner alone names no one
    if _CLEAN_PRONOUN.match(s):
        return None
    if _patterns()["non_speaker"].match(s) or _patterns()["clause_opener"].match(s):
        return None  # "No group claimed", ", with 127 deaths recorded", ", said more than 127,000 people": not a speaker
    if _CLEAN_RELATIVE_END.search(s) or _CLEAN_FIGURE.match(s):
        return None  # "..., but faced questions from reporters who said", "a figure lawmakers said was too low"
    if _CLEAN_DIGIT.match(s) or _CLEAN_ADVERB.fullmatch(s) or _CLEAN_COPULA.search(s):
        return None  # "354 passengers were freed", "largely": a clause or an adverb, not a speaker
    if _CLEAN_COUNT.search(s) and not _CLEAN_CAPITAL.match(s):
        return None  # "still far above the 817 civilian deaths it": a count of the statement, not a speaker
    return s


def _document_author(speaker: str) -> tuple[bool, str | None]:
    """Whether ``speaker`` is a document ("the report", "a UN study") and, if it names one, its author."""
    p = _patterns()
    m = p["document_by"].match(speaker)
    if m:
        return True, _clean(m.group("org"))
    if not p["document"].search(speaker):
        return False, None
    m = p["document_of"].match(speaker)
    if m and re.match(r"[A-Z]", m.group("org")) and not re.match(r"(?:New|Latest|Annual|Final|Joint|Recent)\b", m.group("org")):
        return True, _clean(m.group("org"))
    return True, None


def _outlet(text: str) -> str | None:
    m = _patterns()["outlet"].search(text)
    return m.group(0) if m else None


def _document_cited(phrase: str) -> bool:
    """Whether a phrase after "citing" names a document ("figures from a database", "a U.N. report"), not
    someone who speaks."""
    head = re.match(r"(?i)(?:(?:an?|the|its|their|new|latest|official|its own)\s+)*(?:[\w.'’-]+\s+){0,2}?(?P<noun>[\w-]+)(?:\s+(?:from|by|of|on|published|released|compiled|issued)\b|$)", phrase)
    return bool(head and _patterns()["document"].search(head.group("noun")))


def attribute(sentence: str) -> SentenceAttribution:
    """Read the attribution of one sentence."""
    p = _patterns()
    speaker = via = role = None
    low = sentence.lower()
    speech = _needles()["verb_gate"].search(sentence, low) is not None
    m = p["quote_tail"].search(sentence) if ("”" in sentence or '"' in sentence) else None
    if m:
        # '"...," he said.': the quote's speaker; a pronoun is left for the report's context to resolve
        speaker = _clean(m.group("sp"))
        if speaker is None:
            return SentenceAttribution(None, None, *_markers(low))
    m = p["told_audience"].search(sentence) if speaker is None and ("told" in sentence or "tells" in sentence) else None
    if m:
        speaker = _clean(m.group("sp"))
    m = p["told"].search(sentence) if speaker is None and ("told" in sentence or "tells" in sentence) else None
    if m:
        speaker, via = _clean(m.group("sp")), m.group("via")
    if speaker is None and ("told" in sentence or "tells" in sentence):
        m = p["told_described"].search(sentence)
        if m:
            speaker, via = _clean(m.group("sp")), m.group("via")
    if speaker is None and ("told" in sentence or "tells" in sentence):
        m = p["told_described_audience"].search(sentence)
        if m:
            speaker = _clean(m.group("sp"))
    if speaker is None and p["appositive_gate"].search(sentence):
        m = p["appositive"].search(sentence)
        if m:
            speaker = _clean(m.group("sp"))
            role = re.sub(r"^(?:the|a|an)\s+", "", m.group("role")) if speaker else None
        if speaker is None:
            m = p["role_name"].search(sentence)
            if m:
                speaker = _clean(m.group("sp"))
                role = m.group("role") if speaker else None

    if speaker is None and "ccording to" in sentence:
        m = p["according_by"].search(sentence) or p["according"].search(sentence)
        if m:
            speaker = _clean(m.group("sp"))
            if speaker and _outlet(speaker) == speaker:
                via = speaker
    if speaker is None and speech:
        # "The U.N. office in Haiti, known as BINUH, said ...": a subject with an aside, opening the sentence
        m = p["relative"].match(re.sub(r"^[A-Z][A-Z .,'/-]+(?:\s*\([^)]*\))?\s*[-–—]+\s*", "", sentence))
        if m and not p["role_name"].search(sentence):
            speaker = _clean(m.group("sp"))
    if speech:
        # the first of these shapes that names a speaker, most specific first
        for shape in ("said_tail", "say_tail", "said_after", "said", "said_described", "said_described_long"):
            if speaker is not None:
                break
            m = p[shape].search(sentence)
            if m:
                speaker = _clean(m.group("sp"))
    if speaker is None and speech:
        # the first subject that is a speaker ("On Monday, the army, which ..., said": not "On Monday")
        starts = [0, *(m.end() for m in re.finditer(r"[,;:“\"] ", sentence))]
        matches = (p["relative"].match(sentence, at) for at in starts)
        speaker = next((sp for sp in (_clean(m.group("sp")) for m in matches if m) if sp), None)
    if via is None:
        m = p["citing"].search(sentence) if "citing" in sentence else None  # its every match holds the word
        cited = _clean(m.group("sp")) if m else None
        if m and speaker and not (cited and _document_cited(cited)):
            # "Reuters reported, citing a police official": the official speaks through Reuters (not "OCHA said,
            # citing figures from a database": a document cited is no speaker)
            via, speaker = speaker, cited or speaker
    if speaker and via is None:
        out = _outlet(speaker)
        if out and out == speaker:
            via = None  # the outlet itself reports
    document = False
    if speaker:
        document, author = _document_author(speaker)
        if document:
            speaker = author
        if document and author is None and speech:
            # "The UN mission recorded 1,030 casualties ..., according to a report": the subject wrote it
            m = p["said"].search(sentence)
            other = _clean(m.group("sp")) if m else None
            if other and not _document_author(other)[0]:
                speaker, document = other, False
    hedged, denied, claimed = _markers(low)
    return SentenceAttribution(
        speaker=speaker,
        via=via,
        hedged=hedged,
        denied=denied,
        claimed=claimed,
        role=role,
        document=document,
    )


def as_attribution(a: SentenceAttribution) -> Attribution | None:
    if a.speaker is None and a.via is None:
        return None
    return Attribution(speaker=a.speaker, via=a.via)


_ORG_ANAPHOR = rx.compile(r"\b(?:[Tt]he\s+(?P<noun>[a-z][a-z ]{1,30}?)|(?P<it>[Ii]t))\s+(?:also\s+|later\s+|then\s+|separately\s+)?(?:(?:has|have|had)\s+)?(?:said|says|added|noted|reported|estimated|estimates|recorded|documented|verified|counted|registered|tallied|logged|raised|lowered|revised|put|puts)\b")
_PRONOUN_SPEECH = rx.compile(r"\b(?:he|she|they)\s+(?:also\s+|later\s+|then\s+)?(?:said|says|told|added|noted|stressed|explained|insisted)\b", re.I)
_STOP = frozenset({"of", "the", "a", "an", "and", "for", "in", "on", "to", "at", "'s", "’s"})
_NAMED = rx.compile(r"(?:[A-Z][\w'’-]*\.?\s+)+[A-Z][\w'’-]+$")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w'’-]+", text.lower()) if w not in _STOP}


@dataclass(slots=True)
class _Person:
    """A person the report names, with every description it gives them."""

    name: str  # as first named in full ("Lieutenant General Ahmed Sharif Chaudhry")
    display: str  # what the report's counts credit ("military spokesperson Lieutenant General ...")
    words: set[str]

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def _person_for_role(role: str, people: list[_Person]) -> _Person | None:
    """The person named earlier who holds ``role`` ("the military spokesperson" -> the one described as
    "director general of military public relations"): a shared descriptive word, or the bare role word
    when the role has no other."""
    words = [w for w in re.findall(r"[\w'’-]+", role.lower()) if w not in _STOP]
    if not words:
        return None
    head, mods = words[-1], set(words[:-1])
    for person in reversed(people):
        if (mods & person.words) or (not mods and head in person.words):
            return person
    return None


def _document_author_nearby(sentences: list[str], i: int) -> str | None:
    """The author of "the report" credited in sentence ``i``: named there or in the two sentences before."""
    p = _patterns()
    for text in (sentences[i], *reversed(sentences[max(0, i - 2):i])):
        for m in p["author"].finditer(text):
            org = _clean(m.group("org") or m.group("org2"))
            if org and (not p["document"].search(org) or re.fullmatch(r"(?:[A-Z][\w'’-]*\s+){1,5}[A-Z][\w'’-]*", org)):
                return org  # (a name such as "Aid Worker Security Database" is its own author)
    return None


def is_organisation(name: str) -> bool:
    """Whether a capitalised source is an organisation, index or document ("Global Terrorism Index",
    "Iraqi Observatory for Security", "ACLED") rather than a person."""
    return bool(_patterns()["organisation"].search(name))


def _named_source_before(attributions: list[SentenceAttribution], i: int, persons: set[str]) -> str | None:
    """A named source credited in the three sentences before "the report said" ("According to the Global Terrorism Index, ...
    According to the report, ..."): the report is that source. A person is never the author of a report
    the text does not give them, however they are described (``persons``: every form a person was credited as)."""
    for j in range(i - 1, max(-1, i - 4), -1):
        sp = attributions[j].speaker
        if not sp or sp in persons or attributions[j].document or not sp[0].isupper():
            continue
        if is_organisation(sp) or (" " in sp and not _NAMED.search(sp)):
            return sp
    return None


@lru_cache(maxsize=1)
def _anaphors() -> frozenset[str]:
    return frozenset(load("attribution")["organisation_anaphors"])


def _organisation_before(text: str, attributions: list[SentenceAttribution], i: int, persons: set[str],
                         noun: str | None = None, before: str = "") -> str | None:
    """The organisation "the ministry said", "the group said" or "it said" refers to: an organisation credited
    earlier whose name has that noun ("Lebanon's Health Ministry"), else, for a word any organisation answers
    to ("group", "it"), the last organisation credited in the three sentences before, else an organisation the
    text before names with that noun without crediting it (``before``: "The U.N. human rights office in
    Congo has revised ..., the office said"; "the Syria Conflict Monitor, an independent research group")."""
    if noun is None:
        m = _ORG_ANAPHOR.search(text)
        if not m:
            return None
        noun = (m.group("noun") or "it").lower()
        if noun not in _anaphors():
            return None
    head = noun.split()[-1]
    for j in range(i - 1, -1, -1):
        sp = attributions[j].speaker
        if sp and sp[0].isupper() and sp not in persons and re.search(rf"\b{re.escape(head)}\b", sp.lower()):
            return sp
    if head in _GENERIC_ANAPHORS:
        for j in range(i - 1, max(-1, i - 4), -1):
            sp = attributions[j].speaker
            if not sp or sp in persons or not sp[0].isupper() or sp.lower() in _anaphors():
                continue
            if head in ("group", "organisation", "organization", "body") and _STATE_HEAD.search(sp):
                continue  # "the group said": not the ministry or the army credited before
            if is_organisation(sp) or (" " in sp and not _NAMED.search(sp)) or re.fullmatch(r"[A-Z]{2,}", sp) \
                    or _DESCRIBED_ORG.search(sp):
                return sp
        if head != "it":
            # "The group said ...": a body credited further back, not a state's
            for j in range(max(-1, i - 4), -1, -1):
                sp = attributions[j].speaker
                if sp and sp[0].isupper() and sp not in persons and _ORG_WORD.search(sp) and not _STATE_HEAD.search(sp):
                    return sp
    return _organisation_named(before, noun) if before and noun != "it" else None


def _organisation_named(before: str, noun: str) -> str | None:
    """The last organisation the text names with the anaphor's noun: as the head of its name ("the U.N.
    human rights office in Congo") or in an appositive after it ("the Syria Conflict Monitor, an
    independent research group")."""
    headed, appositive = _named_patterns(noun)
    best: tuple[int, str] | None = None
    for m in headed.finditer(before):
        name = re.sub(r"^(?:The|A|An|Its|Their)\s+", "", m.group("name"))
        if name[0].isupper():
            best = (m.end(), name)
    for m in appositive.finditer(before):
        if best is None or m.end() > best[0]:
            best = (m.end(), re.sub(r"^(?:The|A|An)\s+", "", m.group("name")))
    return best[1] if best is not None else None


@lru_cache(maxsize=64)
def _named_patterns(noun: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two shapes in which a text names an organisation with ``noun`` (see ``_organisation_named``)."""
    head = re.escape(noun)
    headed = rx.compile(rf"\b(?P<name>(?:{_ABBR}|[A-Z][\w'’&-]*)(?:\s+(?!(?:[Tt]he|[Aa]n?)\b)(?:{_ABBR}|[\w'’&-]+)){{0,3}}?\s+{head}"
                        rf"(?:\s+(?:in|for|of|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})?)\b")
    appositive = rx.compile(rf"\b(?P<name>[A-Z][\w.'’&-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w.'’&-]*)){{0,6}}),\s+(?:an?|the)\s+"
                            rf"(?:[\w-]+\s+){{0,3}}?{head}\b(?!\s+(?:has\s+|had\s+)?(?:said|says|told|tells|reported|added|stated|announced)\b)")
    # (not "a drone strike on Khartoum on Sunday, a press group said": the description is the speaker itself)
    return headed, appositive


_STATE_HEAD = rx.compile(rf"\b(?:{alternation(load('attribution')['state_heads'])})\b", re.I)
_GENERIC_ANAPHORS = frozenset(load("attribution")["generic_anaphors"])
_ORG_WORD = rx.compile(rf"\b(?:{alternation([re.escape(h) for h in load('attribution')['organisation_heads']])})\b", re.I)
# "the Lagos-based risk consultancy Beacon Security Intelligence": an organisation described, then named
_DESCRIBED_ORG = rx.compile(rf"\b(?:{alternation([re.escape(h) for h in load('attribution')['organisation_heads']])})\s+(?=[A-Z])")
_DESCRIPTION = rx.compile(r"(?:[A-Z][\w.'’-]*(?:-based|['’]s)\s+)?[a-z][\w'’ -]*")


def _named_for_description(attributions: list[SentenceAttribution], i: int, persons: set[str],
                           sentences: list[str] | None = None) -> str | None:
    """The name a described source goes by ("a Britain-based war monitor said ... The Syrian Observatory for
    Human Rights, which ..., said"; "the U.S.-based crisis monitor said" after ACLED was named; "Kenya's
    interior minister told parliament ... Interior Cabinet Secretary Kipchumba Murkomen said"): an
    organisation credited in the three sentences before or the two after, for a description headed by an
    organisation's noun; a source of the two sentences after sharing a descriptive word, for a role."""
    sp = attributions[i].speaker
    if not sp or not _DESCRIPTION.fullmatch(sp):
        return None
    words = re.findall(r"[\w'’.-]+", sp.lower())
    heads = load("attribution")["monitor_heads"]
    org_head = any(" ".join(words[k:]) in heads for k in range(len(words))) and not re.match(r"[A-Z][\w.-]*['’]s\s", sp)
    role_head = bool(_patterns()["role_head"].search(sp))
    if not (org_head or role_head):
        return None
    mods = {w for w in words[:-1] if w not in _STOP and not w.endswith("-based") and not w.endswith(("'s", "’s"))}
    order = [*range(i - 1, max(-1, i - 4), -1), *range(i + 1, min(len(attributions), i + 3))] if org_head \
        else list(range(i + 1, min(len(attributions), i + 3)))
    for j in order:
        cand = attributions[j].speaker
        if not cand or not cand[0].isupper() or cand == sp or _DESCRIPTION.fullmatch(cand) or _outlet(cand) == cand:
            continue
        if org_head and cand not in persons and (is_organisation(cand) or re.fullmatch(r"[A-Z]{2,}", cand)
                                                  or _ORG_WORD.search(cand) or re.search(r"\([A-Z]{2,}\)$", cand)):
            return cand
        if role_head and mods & _words(cand):
            return cand
    if org_head and sentences is not None:
        # "A civilian harm monitoring group said ... In its monthly summary, the London-based Conflict Harm Monitor
        # set out ...": the body named nearby without being credited
        for j in order:
            m = _ORG_NAME.search(sentences[j])
            if m and m.group("name") not in persons:
                return m.group("name")
    return None


_ORG_NAME = rx.compile(rf"(?<![\w'’-])(?P<name>(?:[A-Z][\w'’&-]*\s+){{1,5}}?(?:{alternation([re.escape(h.title()) for h in load('attribution')['monitor_heads'] if ' ' not in h])}))\b")


def _text_before(sentences: list[str], i: int) -> str:
    """The sentence ``i`` and the four before it: where an organisation referred back to is named."""
    return " ".join(sentences[max(0, i - 4):i + 1])


_QUESTION = rx.compile(r"^\W{0,3}Q\s*[:.]\s")
_ANSWER = rx.compile(r"^\W{0,3}A\s*[:.]\s")


def _interviewee(sentences: list[str]) -> str | None:
    """The person an interview in questions and answers ("Q: ... A: ...") is with: the first person the text
    before the first question names with a role ("Borno State Governor Babagana Zulum"), or None when the
    report has no answers."""
    first_q = next((i for i, t in enumerate(sentences) if _QUESTION.match(t)), None)
    if first_q is None or not any(_ANSWER.match(t) for t in sentences[first_q:]):
        return None
    for t in sentences[:first_q]:
        m = _ROLE_NAME.search(t)
        if m:
            return m.group("who")
    return None


_ROLE_NAME = rx.compile(rf"(?P<who>(?:[A-Z][\w'’.-]*\s+){{0,3}}(?i:{alternation(load('attribution')['person_roles'])})\s+"
                        rf"(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)")


def resolve_speakers(attributions: list[SentenceAttribution], sentences: list[str]) -> None:
    """Carry speakers across sentences, in place.

    "he said" takes the last named speaker; a surname or a shorter description takes the fuller form given
    earlier; a definite role ("The military spokesperson said") is linked to the person named earlier who
    holds it and is credited as role and name ("military spokesperson Lieutenant General Ahmed Sharif
    Chaudhry"); "the report said" is credited to the report's author when named nearby, else to no one.
    """
    p = _patterns()
    seen: list[str] = []
    people: list[_Person] = []
    persons: set[str] = set()  # every form in which a person was credited
    interviewee = _interviewee(sentences) if any(t.lstrip()[:1] == "Q" for t in sentences) else None
    answering = False
    for i, (a, text) in enumerate(zip(attributions, sentences)):
        if interviewee is not None:
            # "Q: ... A: We have recorded 284 attacks": the answers are the interviewee's until the next question
            answering = bool(_ANSWER.match(text)) or (answering and not _QUESTION.match(text) and a.speaker is None)
            if answering and a.speaker is None:
                a.speaker = interviewee
        if a.speaker is None:
            if a.document:
                a.speaker = _document_author_nearby(sentences, i) or _named_source_before(attributions, i, persons)
            elif seen and _PRONOUN_SPEECH.search(text):
                a.speaker = seen[-1]
            else:
                a.speaker = _organisation_before(text, attributions, i, persons, before=_text_before(sentences, i))
            if a.speaker is None:
                continue
        speaker = a.speaker
        person = None
        if _NAMED.search(speaker) and not _outlet(speaker) and not is_organisation(speaker) and not _DESCRIBED_ORG.search(speaker):
            # a named person: one already met (by surname) or a new one
            last = speaker.split()[-1]
            person = next((x for x in reversed(people) if x.surname == last), None)
            if person is None:
                person = _Person(speaker, speaker, _words(speaker))
                people.append(person)
            else:
                person.words |= _words(speaker)
                if len(speaker) > len(person.name) and person.display == person.name:
                    person.name = person.display = speaker
        elif re.fullmatch(r"[A-Z][\w'’-]+", speaker):
            person = next((x for x in reversed(people) if x.surname == speaker), None)
        elif speaker == speaker.lower() and p["role_head"].search(speaker) \
                and re.search(rf"\b[Tt]he\s+{re.escape(speaker)}\b", text):
            person = _person_for_role(speaker, people)
            if person is not None and person.display == person.name and not _words(speaker) <= _words(person.name):
                person.display = f"{speaker} {person.name}"
                person.words |= _words(speaker)
        if person is not None:
            if a.role:
                person.words |= _words(a.role)
            people.remove(person)
            people.append(person)
            persons.update((speaker, person.name, person.display))
            a.speaker = person.display
            seen.append(person.display)
            continue
        if speaker.lower() in _anaphors() and speaker != "it":
            org = _organisation_before(text, attributions, i, persons, speaker.lower(), _text_before(sentences, i))
            if org:
                a.speaker = org
                continue
        short = a.speaker.lower()
        named = _named_for_description(attributions, i, persons, sentences)
        if named is not None:
            a.speaker = named
            continue
        # (the substring test first: the pattern is asked only of the few names that hold the short one)
        fuller = next((s for s in reversed(seen) if len(s) > len(short) and short in s.lower() and short != s.lower()
                       and s not in persons and re.search(rf"\b{re.escape(short)}\b(?!['’]s\b)", s.lower())), None)
        if fuller is not None:
            a.speaker = fuller
        else:
            seen.append(a.speaker)
