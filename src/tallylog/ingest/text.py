"""Plain-text layout: paragraphs and the leading headline."""
from __future__ import annotations

import re

from tallylog.model import normalise_text

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_NOT_TITLE_END = (".", ",", ";", ":")
_SENTENCE_END = (".", "!", "?", '"', "'", "”", "’", ")")
# A line ending in one of these words runs on into the next line: wrapped prose, not a headline.
_RUN_ON_WORDS = frozenset("a an the of in on at to for from by with and or but as that which who than into onto "
                          "over under near after before during about against between".split())


def normalise_newlines(text: str) -> str:
    """Unix newlines, no BOM, no trailing spaces on lines, no NULs or form feeds."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x00", "").replace("\f", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a text: blocks separated by blank lines.

    A text with no blank line at all but several lines (common in scraped text) has one
    paragraph per line.
    """
    text = normalise_newlines(text).strip()
    if not text:
        return []
    if _BLANK_LINE.search(text):
        blocks = _BLANK_LINE.split(text)
    else:
        lines = text.split("\n")
        blocks = lines if _lines_are_paragraphs(lines) else [text]
    return [b.strip() for b in blocks if b.strip()]


def _lines_are_paragraphs(lines: list[str]) -> bool:
    """In a text without blank lines: does each line hold a whole paragraph (not hard-wrapped prose)?"""
    inner = [ln.strip() for ln in lines[:-1] if ln.strip()]
    if not inner:
        return False
    whole = sum(1 for ln in inner if ln.endswith(_SENTENCE_END) or looks_like_title(ln))
    return whole * 2 >= len(inner)


def looks_like_title(line: str) -> bool:
    """A headline: short, one line, not ending like a sentence or a lead-in."""
    line = line.strip()
    if not line or len(line) > _TITLE_MAX_CHARS or len(line.split()) > _TITLE_MAX_WORDS:
        return False
    if line.endswith(_NOT_TITLE_END) or line.rsplit(None, 1)[-1] in _RUN_ON_WORDS:
        return False
    return any(ch.isalpha() for ch in line)


def split_title(text: str) -> tuple[str | None, str]:
    """Split a leading headline line off a plain text: ``(title, rest)``.

    The headline is the first non-empty line when it is short, has no final period and is
    followed by a blank line or by body text (a next line that does not continue its sentence).
    """
    text = normalise_newlines(text).strip()
    first, sep, rest = text.partition("\n")
    if not sep or not looks_like_title(first):
        return None, text
    rest_stripped = rest.lstrip(" \t")
    if not rest.strip():
        return None, text
    if not rest_stripped.startswith("\n"):
        # Directly followed by another line: a headline only when that line starts a new sentence.
        nxt = rest_stripped[:1]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘(["):
            return None, text
    return first.strip(), rest.strip()


def starts_with(body: str, title: str) -> bool:
    """Does ``body`` already open with ``title`` (compared as normalised text)?"""
    head = normalise_text(body[: len(title) * 2 + 20])
    return head.startswith(normalise_text(title))


#: a hashtag on a name ("#Kherson", "#Kanbalu township"): the sign of a post, not part of the name
#: (a capital and lower-case letters only: "#SaintMarc" and "#UkraineWar" keep theirs, a camel-case run being no word)
_HASHTAG = re.compile(r"(?<![\w#&/])#(?=[A-Z][a-z’'-]+(?![\w]))")


def strip_hashtags(text: str) -> str:
    """Text of a post with the hashtag sign dropped before capitalised names ("strike on #Kherson" -> "strike on
    Kherson"), so that a name reads as it would in prose; tags of other words ("#breaking") are left as they are."""
    return _HASHTAG.sub("", text) if "#" in text else text
