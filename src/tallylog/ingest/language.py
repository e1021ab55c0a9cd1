"""Language identification with py3langid, careful with short texts."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

SHORT_TEXT = 100  # characters; below this a guess is weak
_SAMPLE_CHARS = 1200  # a paragraph or two: enough for a confident guess, keeps every document cheap
_LONG_MIN_CONFIDENCE = 0.8
_SHORT_MIN_CONFIDENCE = 0.99
_LONG_MIN_ENGLISH_SHARE = 0.05  # share of common English function words in running English prose
_ENGLISH_WORDS = re.compile(
    r"\b(?:the|a|an|of|in|on|and|to|was|were|is|are|has|have|had|said|says|by|at|for|from|with)\b",
    re.IGNORECASE,
)


#: running prose at least this long whose function words are this common, "the" among them, is English on its
#: face: no other language writes "the" (the statistical model is asked only about the rest)
_PLAIN_MIN_WORDS = 40
_PLAIN_MIN_SHARE = 0.15
_PLAIN_MIN_THE = 2
_THE = re.compile(r"\bthe\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Language:
    """The verdict on a text: detected code, confidence, and whether it counts as English."""

    code: str
    confidence: float
    english: bool


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _plainly_english(sample: str) -> bool:
    """Whether ``sample`` is plainly English prose: at least ``_PLAIN_MIN_WORDS`` words, of which common
    English function words make ``_PLAIN_MIN_SHARE`` or more, "the" at least ``_PLAIN_MIN_THE`` times."""
    words = sample.count(" ") + 1
    if words < _PLAIN_MIN_WORDS or len(_THE.findall(sample)) < _PLAIN_MIN_THE:
        return False
    return len(_ENGLISH_WORDS.findall(sample)) >= _PLAIN_MIN_SHARE * len(sample.split())


def detect_language(text: str) -> Language:
    """Detect the language of a clean text.

    Long texts are non-English when py3langid says so with confidence >= 0.8 (or less, when
    common English function words are also rare). Texts under
    ``SHORT_TEXT`` characters count as English unless the guess is near-certain and the text has no
    common English word.
    """
    sample = text[:_SAMPLE_CHARS].strip()
    if not sample:
        return Language("en", 0.0, True)
    if _plainly_english(sample):
        return Language("en", 1.0, True)
    code, confidence = _identifier().classify(sample)
    confidence = float(confidence)
    if code == "en":
        return Language("en", confidence, True)
    if len(sample) < SHORT_TEXT:
        english = confidence < _SHORT_MIN_CONFIDENCE or _ENGLISH_WORDS.search(sample) is not None
    else:
        words = len(sample.split()) or 1
        share = len(_ENGLISH_WORDS.findall(sample)) / words
        english = confidence < _LONG_MIN_CONFIDENCE and share >= _LONG_MIN_ENGLISH_SHARE
    return Language("en" if english else code, confidence, english)
