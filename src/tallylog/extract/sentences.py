"""Sentence and paragraph segmentation with character offsets.

News text is regular enough that a rule splitter does well and costs next to nothing; it keeps the
offsets every evidence span needs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
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
    r"""[.!?]["'”’)\]]*(?=\s+["“‘'(\[]?[A-Z0-9])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z)][.!?]["”])(?=[A-Z][a-z])"""
    # text flattened from web pages: a photo caption glued on ("militant.FILE - A police officer"), a
    # sentence after a caption's date ("May 24, 2017.At least"), wiki headings and list items
    # ("==See also==* 2007 Airfield bombing* 2014 ...")
    r"""|[.!?](?<=[a-z]{2}[.!?])(?=[A-Z]{2,}\s+[-–—]\s)|\.(?<=\d\.)(?=[A-Z][a-z])"""
    r"""|(?===[^=\n*]{1,60}==)(?<=[^\s=])|=(?<=[\w)]==)(?=\s*[^=\s])|(?=\*\s+\S)(?<=\S)""")
# paragraphs glued together by a scraper (``stop``): a full stop before "A"/"I" ("caught.A funeral"), after a
# capitalised word ("was OK.Insufficient"), after a closing quote ("forces”.Read more"), before an opening quote
# ("bakery.“There was"), after a bracketed credit ("(File Photo)In nearby"); and (``camel``) a lower-case run into a
# capitalised word ("patternsMarkets", see ``_glued_name``). Every alternative starts with a rare character it
# consumes (a stop, a bracket, a capital: far faster to scan for than a look-around); ``stop`` ends the sentence at
# the match's end, ``camel`` at its start.
_GLUED = re.compile(
    r"""(?P<stop>[.!?](?:(?<=[a-z]{2}[.!?])(?=[AI]\s)|(?<=[A-Z]{2}[.!?])(?=[A-Z][a-z])"""
    r"""|(?<=[a-z][”"’][.!?])(?=[A-Z][a-z])|[”’]?(?=[“‘][A-Z])|"(?="[A-Z]))|\)(?=[A-Z][a-z])(?<=\w\)))"""
    r"""|(?P<camel>[A-ZÀ-ÖØ-Þ](?<=[a-zß-öø-ÿ]{%d}[A-ZÀ-ÖØ-Þ])(?=[a-zß-öø-ÿ]|(?<=[AI])\s))""" % _SENT["glued_min_lower"])
_GLUED_HEADING_WORDS = _SENT["glued_heading_max_words"]
_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]*")


def _camel_keys(names: list[str]) -> frozenset[str]:
    """Each inner break of a camel-case name as "before|word" ("whats|app" for WhatsApp), lower case."""
    keys = set()
    for name in names:
        for m in _CAP_WORD.finditer(name, 1):
            if name[m.start() - 1].islower():
                keys.add(f"{name[:m.start()].lower()}|{m.group(0).lower()}")
    return frozenset(keys)


_GLUED_KEEP = _camel_keys(_SENT["glued_keep"])
_NOT_PROSE = re.compile(r"[#@/\\_=]|[a-z]\.[a-z]")  # hashtags, handles, addresses: their capitals are not breaks
_FURNITURE = re.compile("(?i:" + "|".join(_SENT["furniture_openers"]) + ")")
_CREDIT = re.compile(_SENT["caption_credit"])
_OPENERS = "“‘\"'(["  # what may stand before a word inside its token
_FINAL_STOP = re.compile(r"[.!?][\"'”’)\]]*$")
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
    heading: bool = False  # a page's subheading, link line or photo caption run into the text (``_CROSSHEAD``)


def _glued_name(text: str, at: int) -> bool:
    """Whether the capital at ``at``, right after a lower-case letter, is inside one word (a camel-case name, a
    hashtag, an address) rather than the start of a paragraph glued on."""
    tok_start = max(text.rfind(" ", max(0, at - 60), at), text.rfind("\u00a0", max(0, at - 60), at)) + 1
    token = text[tok_start:at]
    if _NOT_PROSE.search(token):
        return True
    word = _CAP_WORD.match(text, at)
    before = token.lstrip(_OPENERS).lower()
    return f"{before}|{word.group(0).lower() if word else ''}" in _GLUED_KEEP


#: the characters every match of ``_BOUNDARY`` begins at ("=", "*", a stop) or starts one or two after (a stop,
#: then a closing quote): see ``_boundaries``
_BOUNDARY_ANCHOR = re.compile(r"[.!?=*]")


def _boundaries(text: str) -> Iterator[re.Match[str]]:
    """The matches ``_BOUNDARY.finditer(text)`` gives, in order, the pattern tried only where one may begin.

    Each alternative of ``_BOUNDARY`` either begins with a stop, "=" or "*" (consumed, or the "==" and "*" it
    looks ahead to), or is empty right after a stop, or after a stop and a closing quote: a match can begin
    only at a stop, "=" or "*", or one or two characters after a stop. The scan tries those positions in order,
    as ``finditer`` would: from the end of the match before, and not again at an empty match's own position
    (no position admits both an empty and a non-empty alternative: the empty ones need a capital, "==" after a
    non-"=", or "*" there, the others a stop or "=" after "=")."""
    starts: set[int] = set()
    for m in _BOUNDARY_ANCHOR.finditer(text):
        p = m.start()
        starts.add(p)
        if text[p] in ".!?":
            starts.update((p + 1, p + 2))
    pos, empty_at = 0, -1
    for at in sorted(starts):
        if at < pos or at == empty_at:
            continue
        m = _BOUNDARY.match(text, at)
        if m is not None:
            yield m
            pos = m.end()
            if pos == at:
                empty_at = at


def _candidates(text: str) -> list[tuple[int, int, str]]:
    """Every possible sentence end in a block, in order: (end, where the matched text starts, matched text; the
    text starts at the full stop when there is one, and is "camel" for a lower-case run glued to a capital)."""
    found = [(m.end(), m.start(), m.group(0)) for m in _boundaries(text)]
    glued = []
    for m in _GLUED.finditer(text):
        if m.lastgroup == "camel":
            glued.append((m.start(), m.start(), "camel"))
        else:
            glued.append((m.end(), m.start(), m.group(0)))
    if not glued:
        return found
    ends = {c[0] for c in found}
    return sorted(found + [c for c in glued if c[0] not in ends])


def _split_block(text: str, offset: int) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    start = 0
    for end, at, matched in _candidates(text):
        if end <= start:
            continue
        glued = False
        if matched == "camel":
            if _glued_name(text, end):
                continue
            glued = True
        elif not matched and text[end - 1:end] == '"' and text.count('"', 0, end - 1) % 2 == 0:
            end -= 1  # 'bakery."There was': an even count before it, so the quote opens the next sentence
        if matched[:1] == ".":
            word = _WORD_BEFORE_DOT.search(text[max(0, at - 20):at + 1])
            if word:
                w = word.group(1).lower()
                if w in _ABBREV or (len(w) == 1) or _INITIALS.fullmatch(w):
                    # "U.S. forces" keeps going; but "in the U.S. The" is ambiguous: keep going too.
                    continue
        spans.append((start, end, glued))
        start = end
    spans.append((start, len(text), False))
    out = []
    for s, e, glued in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            head = _CROSSHEAD.match(text, s, e)
            if head is not None:  # a subheading run into the sentence after it: two sentences
                out.append((s + offset, head.end() - 1 + offset, True))
                s = head.end()
            # a piece with no full stop before a glued paragraph was a heading, a link or a caption; so is a page's
            # furniture, and the caption before a bracketed photo credit
            heading = (glued and text.count(" ", s, e) < _GLUED_HEADING_WORDS) \
                or _FURNITURE.match(text, s, e) is not None
            if heading and _CREDIT.match(text, s, e) and out and not out[-1][2] \
                    and _FINAL_STOP.search(text, 0, out[-1][1] - offset):
                out[-1] = (out[-1][0], out[-1][1], True)
            out.append((s + offset, e + offset, heading))
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
        pieces = _split_block(block, bstart)
        if len(pieces) == 1 and sentences and sentences[-1].heading and sentences[-1].text.endswith((":", "|")) \
                and not _FINAL_STOP.search(text, 0, pieces[0][1]):
            pieces = [(pieces[0][0], pieces[0][1], True)]  # "Read more:" then the linked headline on a line of its own
        for s, e, heading in pieces:
            sentences.append(Sentence(s, e, text[s:e], para, len(sentences), heading))
        para += 1
    return sentences
