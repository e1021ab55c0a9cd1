"""Drop boilerplate paragraphs (subscribe/share/donate prompts, notices, credits, sign-offs).

The patterns are data (``tallylog/data/lexicons/boilerplate.toml``); this module only applies them.
A paragraph is dropped whole or kept whole, so the text that remains is the report's own wording.
A paragraph that reports an event (the data file's ``[guard]`` patterns) is never dropped for
containing a boilerplate word; only rules of kind ``form`` (a shape that is never report text, such
as a separator line or a copyright notice) override that.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from tallylog import rxcache as rx
from tallylog.prefilter import Gate, gate

DATA_PACKAGE = "tallylog.data.lexicons"
DATA_FILE = "boilerplate.toml"

# Sentence boundary: end punctuation (optionally followed by a closing quote/bracket), whitespace,
# then something that can open a sentence.
_SENTENCE_END = rx.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD = rx.compile(r"\w+")
_NEUTRAL_MAX_WORDS = 3  # fragments this short ("Thank you.") neither drop nor keep a paragraph


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate pattern from the data file."""

    name: str
    kind: str  # "form", "lead" or "cue"
    pattern: re.Pattern[str]
    max_chars: int | None = None


@dataclass(frozen=True, slots=True)
class Rules:
    """All rules, grouped by how they are applied."""

    forms: tuple[Rule, ...]
    leads: tuple[Rule, ...]
    cue: re.Pattern[str]
    guard: re.Pattern[str]
    # the cues again, split for speed: those that begin words (tried at the words they can begin with, see
    # ``tallylog.prefilter``) and the rest (tried everywhere); a sentence is cued when either finds one
    cue_words: Gate | None = None
    cue_rest: re.Pattern[str] | None = None

    def cued(self, sentence: str) -> bool:
        """Whether ``sentence`` holds a boilerplate cue (what ``cue.search`` tells, faster)."""
        if self.cue_words is None and self.cue_rest is None:
            return self.cue.search(sentence) is not None
        return (self.cue_words is not None and self.cue_words.search(sentence) is not None) or \
            (self.cue_rest is not None and self.cue_rest.search(sentence) is not None)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Read and compile the boilerplate data file (once per process)."""
    raw = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    forms: list[Rule] = []
    leads: list[Rule] = []
    cues: list[str] = []
    for entry in data.get("rule", []):
        kind = entry["kind"]
        if kind == "cue":
            flags = "" if entry.get("case_sensitive") else "(?i:"
            cues.append(f"{flags}{entry['pattern']})" if flags else f"(?:{entry['pattern']})")
            continue
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        rule = Rule(entry["name"], kind, rx.compile(entry["pattern"], flags | re.DOTALL), entry.get("max_chars"))
        if kind == "form":
            forms.append(rule)
        elif kind == "lead":
            leads.append(rule)
        else:
            raise ValueError(f"{DATA_FILE}: rule {entry['name']!r} has unknown kind {kind!r}")
    guard = "|".join(f"(?:{p})" for p in data["guard"]["patterns"])
    worded = [c for c in cues if gate(rx.compile(c)).prefixes is not None]
    rest = [c for c in cues if c not in worded]
    return Rules(
        forms=tuple(forms),
        leads=tuple(leads),
        cue=rx.compile("|".join(cues)),
        guard=rx.compile(guard, re.IGNORECASE),
        cue_words=gate(rx.compile("|".join(worded))) if worded else None,
        cue_rest=rx.compile("|".join(rest)) if rest else None,
    )


def split_sentences(paragraph: str) -> list[str]:
    """Rough sentence split, good enough to judge boilerplate sentence by sentence."""
    return list(_iter_sentences(paragraph))


def _iter_sentences(paragraph: str) -> Iterator[str]:
    """The sentences ``split_sentences`` gives, found one at a time, so that a paragraph settled by its first
    sentence is not split to its end (the pieces between matches of ``_SENTENCE_END``, which has no group
    and never matches empty: those ``re.split`` gives)."""
    start = 0
    for m in _SENTENCE_END.finditer(paragraph):
        piece = paragraph[start:m.start()]
        if piece.strip():
            yield piece
        start = m.end()
    piece = paragraph[start:]
    if piece.strip():
        yield piece


def reports_event(text: str) -> bool:
    """True when ``text`` mentions an attack, a death, a weapon or a count of casualties."""
    return load_rules().guard.search(text) is not None


def boilerplate_rule(paragraph: str) -> str | None:
    """Name of the rule that marks ``paragraph`` as boilerplate, or None when it is report text."""
    rules = load_rules()
    para = paragraph.strip()
    if not para:
        return None
    size = len(para)
    for rule in rules.forms:
        if (rule.max_chars is None or size <= rule.max_chars) and rule.pattern.match(para):
            return rule.name
    guarded: bool | None = None  # computed lazily: most paragraphs never need it
    for rule in rules.leads:
        if (rule.max_chars is None or size <= rule.max_chars) and rule.pattern.match(para):
            guarded = reports_event(para) if guarded is None else guarded
            if not guarded:
                return rule.name
    # Sentence by sentence, stopping at the first one that is report text: most news paragraphs
    # are settled by their first sentence.
    cued = False
    for sentence in _iter_sentences(para):
        if rules.cued(sentence):
            if rules.guard.search(sentence):
                return None
            cued = True
        elif len(_WORD.findall(sentence)) > _NEUTRAL_MAX_WORDS or rules.guard.search(sentence):
            return None
    return "cue" if cued else None


def remove_boilerplate(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Split paragraphs into (kept, removed), each in document order."""
    kept: list[str] = []
    removed: list[str] = []
    for para in paragraphs:
        (removed if boilerplate_rule(para) else kept).append(para)
    return kept, removed
