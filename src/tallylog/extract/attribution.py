"""Who says so, and through whom: "A US military official told Al Mayadeen that ...".

Returns the speaker as the text names them ("US military official") and the outlet or intermediary they
spoke through (``via``: "Al Mayadeen"). Hedges and denials are read here too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tallylog.extract.context import alternation, compiled
from tallylog.extract.lexicon import load
from tallylog.model import Attribution

_NP = r"(?P<sp>(?:[A-Z\"“]|[a-z]+ (?=[A-Z]))[^,;:.!?\"“”]{1,90}?)"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "one", "who", "which"}


@dataclass(slots=True)
class SentenceAttribution:
    speaker: str | None
    via: str | None
    hedged: bool
    denied: bool
    claimed: bool


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = load("attribution")
    outlets = alternation([re.escape(o) for o in lex["outlets"]])
    verbs = r"said|says|told|tells|reported|reports|announced|confirmed|stated|added|claimed|noted|wrote|tweeted|declared|acknowledged|insisted|alleged|underscored|stressed|explained|disclosed|revealed|estimated|highlighted"
    return {
        # "X told Reuters (that)"
        "told": re.compile(rf"(?:^|(?<=[,;:“\"] )|(?<=\bthat )|(?<=\band ))(?:[Aa]n? |[Tt]he )?{_NP}\s+(?:has |had |have )?(?:told|tells)\s+(?P<via>{outlets}|[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){{0,4}})"),
        # "X said" (speaker before the verb)
        "said": re.compile(rf"(?:^|(?<=[,;:“\"] )|(?<=[”\"] )|(?<=\bthat )|(?<=\band ))(?:[Aa]n? |[Tt]he )?{_NP}\s+(?:has |had |have |also |later |then )?(?:{verbs})\b"),
        # "..., said X" / "..., an official said" (speaker after the verb)
        "said_after": re.compile(rf"[,”\"]\s*(?:said|says|added|noted|stressed|explained|wrote|tweeted|insisted)\s+(?:[Aa]n? |[Tt]he )?(?P<sp>[^,;.!?\"“”]{{2,90}}?)(?=[,.;]|$| (?:in|on|at|who|after|during) )"),
        # "..., police said." / "..., officials said on Tuesday."
        "said_tail": re.compile(rf",\s+(?:[Aa]n? |[Tt]he )?(?P<sp>[^,;:.!?\"“”]{{2,70}}?)\s+(?:{verbs})\b[^,;]*$"),
        # "according to X"
        "according": re.compile(rf"\b[Aa]ccording to (?:an? |the )?(?P<sp>[^,;.!?\"“”]{{2,90}}?)(?=[,.;]|$| (?:in|on|at|who|which) )"),
        # "X reported, citing Y" / "citing Y"
        "citing": re.compile(rf"\bciting (?:an? |the )?(?P<sp>[^,;.!?]{{2,80}}?)(?=[,.;]|$)"),
        "outlet": re.compile(rf"\b(?:{outlets})\b"),
        "hedge": compiled("attribution", "hedges"),
        "denial": compiled("attribution", "denial_markers"),
        "claim": compiled("attribution", "claim_markers"),
    }


def _clean(speaker: str | None) -> str | None:
    if not speaker:
        return None
    s = speaker.strip(" \"“”'’")
    s = re.sub(r"^(?:and|but|while)\s+", "", s)
    s = re.sub(r"^(?:[Aa]n?|[Tt]he)\s+", "", s)
    s = re.sub(r"\s+(?:has|had|have|also|later|then)$", "", s)
    if not s or s.lower() in _PRONOUNS or len(s) > 90:
        return None
    if re.match(r"(?:it|this|that|these|those|there|which|who|he|she|they|we)\b", s, re.I):
        return None
    return s


def _outlet(text: str) -> str | None:
    m = _patterns()["outlet"].search(text)
    return m.group(0) if m else None


def attribute(sentence: str) -> SentenceAttribution:
    """Read the attribution of one sentence."""
    p = _patterns()
    speaker = via = None
    m = p["told"].search(sentence)
    if m:
        speaker, via = _clean(m.group("sp")), m.group("via")
    if speaker is None:
        m = p["according"].search(sentence)
        if m:
            speaker = _clean(m.group("sp"))
            if speaker and _outlet(speaker) == speaker:
                via = speaker
    if speaker is None:
        m = p["said_tail"].search(sentence)
        if m:
            speaker = _clean(m.group("sp"))
    if speaker is None:
        m = p["said_after"].search(sentence)
        if m:
            speaker = _clean(m.group("sp"))
    if speaker is None:
        m = p["said"].search(sentence)
        if m:
            speaker = _clean(m.group("sp"))
    if via is None:
        m = p["citing"].search(sentence)
        if m and speaker:
            # "Reuters reported, citing a police official": the official speaks through Reuters
            via, speaker = speaker, _clean(m.group("sp")) or speaker
    if speaker and via is None:
        out = _outlet(speaker)
        if out and out == speaker:
            via = None  # the outlet itself reports
    return SentenceAttribution(
        speaker=speaker,
        via=via,
        hedged=bool(p["hedge"].search(sentence)),
        denied=bool(p["denial"].search(sentence)),
        claimed=bool(p["claim"].search(sentence)),
    )


def as_attribution(a: SentenceAttribution) -> Attribution | None:
    if a.speaker is None and a.via is None:
        return None
    return Attribution(speaker=a.speaker, via=a.via)


_PRONOUN_SPEECH = re.compile(r"\b(?:he|she|they)\s+(?:also\s+|later\s+|then\s+)?(?:said|says|told|added|noted|stressed|explained|insisted)\b", re.I)


def resolve_speakers(attributions: list[SentenceAttribution], sentences: list[str]) -> None:
    """Carry speakers across sentences, in place.

    "he said" takes the last named speaker; a shorter description ("the spokesperson") or a surname takes the
    fuller form given earlier ("Pakistani military spokesperson Lt. Gen. Ahmed Sharif Chaudhry").
    """
    seen: list[str] = []
    for a, text in zip(attributions, sentences):
        if a.speaker is None:
            if seen and _PRONOUN_SPEECH.search(text):
                a.speaker = seen[-1]
            continue
        short = a.speaker.lower()
        fuller = next((s for s in reversed(seen) if short != s.lower() and len(s) > len(short)
                       and re.search(rf"\b{re.escape(short)}\b", s.lower())), None)
        if fuller is not None:
            a.speaker = fuller
        else:
            seen.append(a.speaker)
