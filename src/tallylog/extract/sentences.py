"""Sentence and paragraph segmentation with character offsets.

News text is regular enough that a rule splitter does well and costs next to nothing; it keeps the
offsets every evidence span needs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tallylog.extract.lexicon import load

_ABBREV = frozenset(a.lower() for a in load("abbreviations")["abbreviations"])
_SENT = load("sentences")
# a flattened subheading at a sentence's start: two to ``crosshead_max_words`` words, no sentence punctuation, the
# last one lower case (or a number), then an opener and a lower-case word ("Recent attacks Since the start ...")
_CROSSHEAD = re.compile(
    r"[A-Z0-9][\w’'-]*(?: [\w’',-]+){1,%d}?(?<=[a-z0-9]) (?=(?:%s) [a-z])"
    % (_SENT["crosshead_max_words"] - 1, "|".join(map(re.escape, _SENT["crosshead_openers"]))))
_BOUNDARY = re.compile(
    r"""[.!?]["'”’)\]]*(?=\s+["“‘'(\[]?[A-Z0-9])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?]["”])(?=[A-Z][a-z])"""
    # text flattened from web pages: a photo caption glued on ("militant.FILE - A police officer"), a
    # sentence after a caption's date ("May 24, 2017.At least"), wiki headings and list items
    # ("==See also==* 2007 Airfield bombing* 2014 ...")
    r"""|[.!?](?<=[a-z]{2}[.!?])(?=[A-Z]{2,}\s+[-–—]\s)|\.(?<=\d\.)(?=[A-Z][a-z])"""
    r"""|(?===[^=\n*]{1,60}==)(?<=[^\s=])|=(?<=[\w)]==)(?=\s*[^=\s])|(?=\*\s+\S)(?<=\S)""")
_PARA = re.compile(r"\n\s*\n|\n(?=\s*\S)")
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph (line block) the sentence belongs to
    index: int
    heading: bool = False  # a page's subheading run into the text (see ``_CROSSHEAD``)


def _split_block(text: str, offset: int) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group(0)[:1] == ".":
            word = _WORD_BEFORE_DOT.search(text[max(0, m.start() - 20):m.start() + 1])
            if word:
                w = word.group(1).lower()
                if w in _ABBREV or (len(w) == 1) or _INITIALS.fullmatch(w):
                    # "U.S. forces" keeps going; but "in the U.S. The" is ambiguous: keep going too.
                    continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            head = _CROSSHEAD.match(text, s, e)
            if head is not None:  # a subheading run into the sentence after it: two sentences
                out.append((s + offset, head.end() - 1 + offset, True))
                s = head.end()
            out.append((s + offset, e + offset, False))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; a line break always ends a sentence (headlines, bullet lines)."""
    sentences: list[Sentence] = []
    pos = 0
    para = 0
    blocks = []
    for m in _PARA.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    for bstart, bend in blocks:
        block = text[bstart:bend]
        if not block.strip():
            continue
        for s, e, heading in _split_block(block, bstart):
            sentences.append(Sentence(s, e, text[s:e], para, len(sentences), heading))
        para += 1
    return sentences
