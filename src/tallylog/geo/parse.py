"""The geoparser: find place names in news text and resolve them against the gazetteer.

Steps, per document:

1. Candidate spans: runs of capitalised tokens (with lower-case particles such as "al-", "de",
   "of" inside), split at punctuation; hyphenated "al-Shaddadi" is one token.
2. Context of each span: the cue word before it ("in", "near", "north of"), the word after it
   ("province", "air base", "fields"), facility words shared by a coordinated list ("the Conoco
   and al-Omar fields"), and signs that it is a person, an organisation or a modifier ("US forces").
3. One gazetteer query for the sub-n-gram keys of all spans (keys seen in earlier documents are
   answered from the gazetteer's cache).
4. Document context, in two passes: the countries named in the text, then the countries of the
   places resolved with confidence (curated facilities, large cities with one clear reading,
   multi-word names with one country, provinces or states of one country). Together they are the document's context countries. The
   countries of the text's actors ("Spanish police", "the Nigerian army", "150 Syrians were killed")
   join them with a smaller weight: a namesake there beats a bigger one abroad, not one in a named country.
5. Resolution: every candidate is scored by how its name matched, its kind and size, agreement
   with the context countries, and the facility word; the longest well-scored n-grams win, so
   "New York" beats "York". A world city beats a namesake fifty times smaller in a context country
   ("Cairo" in a story about the US) unless other places of the text lie around the namesake. A name
   with a natural-feature word ("the Boni Forest", "Lake Kivu", "the Mau forest") is the feature: the
   whole name if a source knows it, else an area of its own name, else the feature with null
   coordinates and the precision of the area named after it ("in Lamu County"); never a town.
6. Acceptance: a mention is kept when its evidence is enough (cue words, facility words, a match
   on a multi-word or article-bearing name, a country or region, a large place, or a place in a
   context country). A place outside the context countries needs more: a large population or a
   cue, and a small one needs a phrase such as "the town of"; a name before an admin word ("Nawa
   district") is no town abroad below half a million people. Part of a longer capitalised name
   ("Hector" of "Hector Paul Joseph", "Oxford" of "Oxford Street") is not a place on its own;
   folded (transliteration) keys are used only when the exact key finds nothing and only for
   places in a context country. A span the context calls a place but no source knows is kept
   with null coordinates.
"""
from __future__ import annotations

import bisect
import calendar
import math
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from tallylog.geo.gazetteer import KIND_ALT, KIND_CORE, KIND_FOLD, KIND_PRIMARY, Candidate, Gazetteer, haversine_km
from tallylog.geo.lexicon import Lexicon, lexicon
from tallylog.geo.normalise import fold_key, norm_key, split_first_article
from tallylog.geo.parts import direction_before, part_point
from tallylog.model import PlaceMention

# a word: an abbreviation ("U.S.": capital and dot, twice or more), or a letter or digit followed by word
# characters, apostrophes and inner hyphens. The abbreviation branch comes after the first character
# (checked by the look-behind) so the engine can skip ahead to the next letter or digit.
_TOKEN_RE = re.compile(r"[^\W_](?:(?<=[A-Z])\.(?:[A-Z]\.)+|[\w'’ʿʾ]*(?:-(?=\w)[\w'’ʿʾ]*)*)")
_TOKEN_SPLIT_RE = re.compile("(" + _TOKEN_RE.pattern + ")")
_FUNCTION_WORDS = frozenset("a an the of in on at to for and or but by with from as vs into over under after "
                            "before is are was were be".split())
_LEADING_WORDS = frozenset("in on at to for from by with into over under after before near across during since "
                           "inside outside".split())
_SENT_END = frozenset('.!?:;"“”*•|')
_POSSESSIVE_ENDS = ("'s", "’s")  # a possessive 's at the end of a word or name
# after a possessive: a capitalised name within two lower-case words ("'s Borno state", "'s northwestern Khyber")
_OWNS_NAME_RE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}[A-Z]")
_AREA_FEATURES = ("country", "admin1", "admin2", "region", "sea", "strait")
_ACRONYM_RE = re.compile(r"^(?:[A-Z]\.?){2,5}$")
_NEWLINE_RE = re.compile("\n")
_TITLE_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")
_CLAUSE_BREAKS = tuple(".;:!?\n()\"“”")
_CLAUSE_BREAK_RE = re.compile("[" + re.escape("".join(_CLAUSE_BREAKS)) + "]")
_LEADING_SPACE_RE = re.compile(r"\s*")
_NEXT_LOWER_WORD_RE = re.compile(r"\s+([a-z]+)")
_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s")
_CLAUSE_END_RE = re.compile(r"[.!?;]\s")
# what may stand between the members of a list of names: "Hasakah, Raqqa and Deir ez-Zor"
_LIST_GAP_FACILITY_RE = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*(?:the\s+)?", re.I)
_LIST_GAP_CUE_RE = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?", re.I)
_LIST_GAP_AND_RE = re.compile(r"\s*,?\s*(?:and|or)\s*", re.I)
_LIST_GAP_COMMA_RE = re.compile(r"\s*,\s*")
_LIST_GOES_ON_RE = re.compile(r"\s*(?:,|and\b|or\b)")
# Cue words that place a span (not verbs that may take a person as object).
_PLACING_CUES = frozenset("in at inside within near nearby outside around outskirts vicinity close north south east "
                          "west northeast northwest southeast southwest northern southern eastern western central "
                          "throughout across toward towards into via between beyond".split())
_ATTRIB_RE = re.compile(r"-(?:led|backed|based|allied|funded|controlled|held|run|owned|made|born|occupied|bound|rich|"
                        r"poor|torn|hit|ravaged|stricken|dominated|majority|speaking)$")
_NAME_EXEMPT = ("country", "region", "sea", "strait")  # areas kept even inside a personal or ship name
# Populations (GeoNames) that decide how far a place outside the document's countries is trusted.
_BIG_PLACE = 100_000
_SMALL_PLACE = 20_000
_CONFIDENT_CITY = 500_000
_WORLD_CITY = 1_000_000  # a city this large, and _WORLD_CITY_RATIO times larger than its namesake in a
_WORLD_CITY_RATIO = 50  # context country, is the one meant ("Cairo" in a story about the US)
_NAMESAKE_KM = 200  # ... unless two other places of the text lie this near the namesake
_VARIANT_CACHE = 2_000  # unknown words whose spelling variants are kept
_RESPELL_KM = 150  # a spelling variant lies this near the other places of its sentence, when there are any
_MATCH_SCORE = {KIND_PRIMARY: 1.0, KIND_ALT: 0.9, KIND_FOLD: 0.55, KIND_CORE: 0.85}
_CTX_BONUS = 0.6  # a candidate in a country the text names or resolves with confidence
_SOFT_BONUS = 0.45  # a candidate in a country the text is about by its actors only ("Spanish police")
_NATURE_PART = ("admin1", "admin2", "region")
_NATURE_FEATURE = "area"  # the feature of a natural feature no source knows: an area, as broad as an admin area
_WORDS_AFTER_RE = re.compile(r"[a-z][a-z'’.-]*")
_NEXT_WORD_RE = re.compile(r"\s+[A-Za-z][\w'’-]*")
# between a natural feature and the area named after it: "the Boni Forest in Lamu County", "..., Kaduna State"
_ENCLOSING_GAP_RE = re.compile(r"\s*(?:,\s*)?(?:(?:in|of|within|inside|near|across)\s+)?(?:the\s+)?", re.I)


class _Ctx(set):
    """A text's context countries; ``near``: those that are context only as neighbours of the country whose armed
    forces the text names (no spelling guesses are made there)."""

    near: frozenset[str] = frozenset()


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    low: str
    cap: bool
    particle: bool
    sent_start: bool


@dataclass(slots=True)
class _Span:
    toks: list[_Tok]
    first: int  # index of the first token in the list of kept tokens (see _tokenise)
    title_line: bool
    start: int = 0  # offset of the first token
    end: int = 0  # end offset of the last token
    surface: str = ""  # the tokens joined by single spaces
    cue: str | None = None  # locative cue word before the span
    near: bool = False
    facility: str | None = None  # facility word that applies ("air base", "fields")
    facility_adjacent: bool = False  # the facility word directly follows the span
    facility_end: int = 0
    admin: str | None = None  # "province", "district"... right after the span
    place_before: bool = False
    settlement_before: bool = False  # "the village of", "the town of": a settlement, not a facility there
    village_before: bool = False  # "the village of", "the villages of": a small place
    label: bool = False  # a paragraph opened by the name and a colon in ordinary case ("Navolato: ...")
    compass: bool = False  # right after a compass adjective ("northern Shan")
    place_after: bool = False
    after_word: str | None = None  # the admin or place word after the span ("district", "forest")
    listed: bool = False  # in a list after a place phrase: "the towns of Bocaranga and Bazoum"
    modifier: bool = False  # followed by a noun it modifies ("US forces")
    qualifier: bool = False  # "the Volga city of Saratov": the span qualifies the place named after it
    speech: bool = False  # "told X", "X said"
    dateline: bool = False  # a paragraph opened by the name in capitals and a colon, comma or dash ("TURBAT: ")
    person: bool = False
    org: bool = False


_POSS_TAIL = re.compile(r"['’]s$")


def _tokenise(text: str, lex: Lexicon) -> tuple[list[_Tok], list[str]]:
    """The tokens that may be part of a capitalised name, and the words of the whole text.

    Kept tokens are capitalised words, hyphenated words ("al-Shaddadi"), numbers, and particles ("al", "de",
    "of") before a capitalised or hyphenated word; the rest can neither start nor continue a name and get no
    ``_Tok``. A skipped word still lies between its neighbours in the text, so the adjacency test of
    ``_spans`` (only a single space between two tokens) sees it. ``sent_start`` is decided from the text
    between a token and the word before it, kept or not.
    """
    parts = _TOKEN_SPLIT_RE.split(text)  # gap, word, gap, word, ..., gap
    words = parts[1::2]
    particles = lex.particles
    may_cap = [w[0].isupper() or "-" in w for w in words]
    may_cap.append(False)
    and_pairs = lex.and_pairs
    kept = [k for k, w in enumerate(words)
            if may_cap[k] or (may_cap[k + 1] and (w in particles or w.lower() in particles
                                                  # "Jammu and Kashmir": an "and" inside a name
                                                  or (w == "and" and 0 < k and (words[k - 1].lower(), _POSS_TAIL.sub("", words[k + 1].lower())) in and_pairs)))
            or w.isdigit()]
    ends = list(accumulate(map(len, parts))) if kept else []  # ends[2k] is where word k starts
    toks: list[_Tok] = []
    for k in kept:
        word = words[k]
        low = word.lower()
        gap = parts[2 * k]
        start = ends[2 * k]
        stripped = gap.rstrip(" \t")
        sent_start = k == 0 or "\n" in gap or (bool(stripped) and stripped[-1] in _SENT_END
                                                 # "Brgy. Poblacion": a full stop of an abbreviation ends no sentence
                                                 and not (stripped == "." and words[k - 1].lower() in lex.abbreviations))
        cap = word[0].isupper()
        if "-" not in word:
            particle = low in particles or low == "and"  # (an "and" is kept only inside a name)
        else:  # "al-Shaddadi" is a capitalised name, "al-" alone a particle
            head = low.split("-", 1)[0]
            particle = low in particles or (head in lex.articles and not cap
                                            and not any(p[:1].isupper() for p in word.split("-")[1:]))
            if not cap and head in particles:
                cap = any(p[:1].isupper() for p in word.split("-")[1:])
        toks.append(_Tok(word, start, start + len(word), low, cap, particle and not cap, sent_start))
    return toks, words


def _title_lines(text: str, toks: list[_Tok]) -> set[int]:
    """Indexes of lines (by start offset) set in Title Case, where capitals say little."""
    out = set()
    pos = 0
    for line in text.split("\n"):
        words = [w for w in _TITLE_WORD_RE.findall(line) if w.lower() not in _FUNCTION_WORDS]
        if len(words) >= 3:
            caps = len([w for w in words if w[0] <= "Z"])  # an ASCII letter: a capital when it sorts before "a"
            if caps / len(words) >= 0.8:
                out.add(pos)
        pos += len(line) + 1
    return out


def _spans(text: str, toks: list[_Tok]) -> list[_Span]:
    """The candidate spans: runs of capitalised tokens joined by single spaces (with particles and short
    numbers inside), without a leading article or a preposition capitalised by the sentence start."""
    title_starts = _title_lines(text, toks)
    line_starts = [m.start() + 1 for m in _NEWLINE_RE.finditer(text)] if title_starts else []
    spans: list[_Span] = []
    i, n = 0, len(toks)

    def is_title(off: int) -> bool:
        if not title_starts:
            return False
        k = bisect.bisect_right(line_starts, off)
        ls = line_starts[k - 1] if k else 0
        return ls in title_starts

    while i < n:
        t = toks[i]
        if not t.cap:
            i += 1
            continue
        j = i + 1
        prev = t
        while j < n:
            if prev.text.endswith(_POSSESSIVE_ENDS):
                break  # "Biden's Syria policy": a possessive ends the name
            nxt = toks[j]
            if nxt.start != prev.end + 1 or text[prev.end] != " ":
                break  # not adjacent: only a single space may join the words of a name
            if nxt.cap or (nxt.text.isdigit() and len(nxt.text) <= 4):
                j += 1
                prev = nxt
                continue
            if nxt.particle and j + 1 < n:
                after = toks[j + 1]
                if after.cap and after.start == nxt.end + 1 and text[nxt.end] == " ":
                    j += 2
                    prev = after
                    continue
            break
        seq = toks[i:j]
        first = i
        while seq and seq[0].low in ("the", "a", "an"):
            seq, first = seq[1:], first + 1
        # a preposition capitalised by the sentence start is no part of the name: "In Kenya", "On Monday"
        while len(seq) > 1 and seq[0].sent_start and seq[0].low in _LEADING_WORDS:
            seq, first = seq[1:], first + 1
        if seq:
            surface = seq[0].text if len(seq) == 1 else " ".join(t.text for t in seq)
            spans.append(_Span(seq, first, is_title(seq[0].start), seq[0].start, seq[-1].end, surface))
        i = j
    return spans


def _words_before(text: str, start: int, limit: int = 60, breaks: list[int] | None = None) -> str:
    """The words of the clause before ``start`` (at most ``limit`` characters back), lower case, single-spaced.

    ``breaks``: the offsets of the clause breaks of ``text`` (``_clause_breaks``), when known."""
    lo = max(0, start - limit)
    if breaks is None:
        chunk = text[lo:start]
        chunk = chunk[max(map(chunk.rfind, _CLAUSE_BREAKS)) + 1:]  # the text after the last clause break
    else:
        k = bisect.bisect_left(breaks, start)
        if k and breaks[k - 1] >= lo:
            lo = breaks[k - 1] + 1
        chunk = text[lo:start]
    return " ".join(chunk.lower().split())  # whitespace runs as one space, trimmed


def _clause_breaks(text: str) -> list[int]:
    """Offsets of the characters that end a clause for ``_words_before``."""
    return [m.start() for m in _CLAUSE_BREAK_RE.finditer(text)]


def _words_after(text: str, end: int, limit: int = 40) -> str:
    """The text after ``end`` in lower case, each run of whitespace as one space (kept at either end)."""
    return _squeeze(text[end:end + limit].lower())


def _squeeze(s: str) -> str:
    """``s`` with every run of whitespace as one space, as a regex substitution of whitespace runs would give."""
    inner = " ".join(s.split())
    if not inner:
        return " " if s else ""
    return (" " if s[0].isspace() else "") + inner + (" " if s[-1].isspace() else "")


_RES_CACHE: dict[int, dict[str, Any]] = {}


def _last_words(phrases, the: bool) -> frozenset[str]:
    """The last words of cue phrases (and "the" when a phrase may be followed by it): text can end with a
    phrase only when its own last word is one of them, a cheap test to run before the regex."""
    out = {p.rpartition(" ")[2] for p in phrases}
    return frozenset(out | {"the"} if the else out)


def _context_res(lex: Lexicon) -> dict[str, Any]:
    """Compiled forms of the lexicon's cue phrases and their last words (built once per lexicon)."""
    if id(lex) in _RES_CACHE:
        return _RES_CACHE[id(lex)]
    def alt(words) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    res = {
        "facility": re.compile(r"^ (" + alt(lex.facility_words) + r")\b"),
        "near": re.compile(r"(?:^| )(?:" + alt(lex.near_phrases) + r")(?: the)?$"),
        "place_before": re.compile(r"(?:^| )(?:" + alt(lex.place_before) + r")(?: the)?$"),
        "speech_before": re.compile(r"(?:^| )(?:" + alt(lex.speech_before) + r")$"),
        "attrib": re.compile(r"^-(led|backed|based|allied|funded)\b"),
        # "<noun> of <Name>" after a span: "the Volga city of Saratov" (case-sensitive: the name after is capitalised)
        "qualifier": re.compile(r"\s(?:" + alt(lex.qualifier_nouns) + r")\s+of\s+(?:the\s+)?[A-Z]"),
        # the first words of the facility phrases: the word after a span must start with one for "facility" to match
        "facility_starts": tuple({w.split()[0] if w.split() else "" for w in lex.facility_words}),
        "near_last": _last_words(lex.near_phrases, True),
        "place_before_last": _last_words(lex.place_before, True),
        "speech_before_last": _last_words(lex.speech_before, False),
    }
    _RES_CACHE[id(lex)] = res
    return res


#: what follows a dateline's town: a colon, a comma (a country or a date follows) or a dash ("QUETTA: ", "BANNU, Feb 6: ",
#: "MAIDUGURI - ")
_DATELINE_AFTER_RE = re.compile(r"(?::\s+[A-Z0-9\"“]|,\s+(?:[A-Z][\w.]*\s*){1,3}(?:\d{1,2}\s*)?[:(–—-]|\s+[-–—]\s)")


def _context(text: str, spans: list[_Span], toks: list[_Tok], lex: Lexicon) -> None:
    res = _context_res(lex)
    breaks = _clause_breaks(text)
    near_last, place_before_last, speech_before_last = (res["near_last"], res["place_before_last"],
                                                        res["speech_before_last"])
    facility_re, facility_starts = res["facility"], res["facility_starts"]
    skip_before, cues = lex.skip_before, lex.locative_cues
    admin_after, place_after, modifier_nouns, speech_after = (lex.admin_after, lex.place_after, lex.modifier_nouns,
                                                              lex.speech_after)
    for sp in spans:
        end = sp.end
        before = _words_before(text, sp.start, breaks=breaks)
        words = before.replace(",", " ").split()
        k = len(words)
        while k and words[k - 1] in skip_before and words[k - 1] not in cues:
            k -= 1
        if k and words[k - 1] in cues:
            sp.cue = words[k - 1]
            sp.near = cues[sp.cue] == 2
        last = before.rpartition(" ")[2]
        if last in near_last and res["near"].search(before):
            sp.near = True
            sp.cue = sp.cue or "near"
        sp.place_before = last in place_before_last and bool(res["place_before"].search(before))
        sp.settlement_before = sp.place_before and bool(_SETTLEMENT_BEFORE_RE.search(before))
        sp.village_before = sp.settlement_before and bool(_VILLAGE_BEFORE_RE.search(before))
        sp.compass = last in _COMPASS_ADJECTIVES  # "northern Shan", not "the western city of Lviv"
        if last in speech_before_last and res["speech_before"].search(before):
            sp.speech = True
        nxt_char = text[end:end + 1]
        if nxt_char.isspace():
            # the words after the span; the facility phrase is matched on them single-spaced (_words_after),
            # only when the first word can start one
            parts = text[end:end + 40].lower().split(None, 1)
            if parts and parts[0].startswith(facility_starts):
                m = facility_re.match(_words_after(text, end))
                if m:
                    fw = m.group(1)
                    sp.facility, sp.facility_adjacent = fw, True
                    sp.facility_end = end + 1 + len(fw)
            nxt = parts[0].strip(",.;:") if parts else ""
            if nxt in admin_after or nxt in place_after:
                same_line = "\n" not in _LEADING_SPACE_RE.match(text, end, end + 20).group()
                if nxt in admin_after and same_line:
                    sp.admin = nxt
                if nxt in place_after and same_line:
                    sp.place_after = True
            if sp.admin or sp.place_after:
                sp.after_word = nxt
            if nxt in modifier_nouns:
                sp.modifier = True
            if (sp.place_after or sp.admin) and res["qualifier"].match(text, end, end + 60):
                sp.qualifier = True
            if nxt in speech_after:
                sp.speech = True
        elif nxt_char == "-" and res["attrib"].match(_words_after(text, end)):
            sp.modifier = True
        if (sp.start == 0 or text[sp.start - 1] == "\n") and len(sp.surface) > 2 and sp.surface.isupper() \
                and _DATELINE_AFTER_RE.match(text, end):
            sp.dateline = True
        elif (sp.start == 0 or text[sp.start - 1] == "\n") and len(sp.toks) <= 3 and text.startswith(": ", end):
            sp.label = True  # "Navolato: the bodies of five men ...": a post's or a live page's place label
    # coordinated lists share a trailing facility word: "the Conoco and al-Omar fields"
    for idx in range(len(spans) - 1, 0, -1):
        cur, prev = spans[idx], spans[idx - 1]
        if cur.facility and not prev.facility:
            gap = text[prev.end:cur.start]
            if _LIST_GAP_FACILITY_RE.fullmatch(gap):
                prev.facility, prev.facility_adjacent = cur.facility, False
    # a locative cue carries over a list: "in Hasakah, Raqqa and Deir ez-Zor"
    for idx in range(1, len(spans)):
        cur, prev = spans[idx], spans[idx - 1]
        if prev.cue and not cur.cue:
            gap = text[prev.end:cur.start]
            if _LIST_GAP_CUE_RE.fullmatch(gap):
                cur.cue, cur.near = prev.cue, prev.near
    # a place phrase carries over a list too: "the towns of Bocaranga and Bozoum"
    for idx in range(1, len(spans)):
        cur, prev = spans[idx], spans[idx - 1]
        if (prev.place_before or prev.listed) and not cur.place_before and not cur.modifier:
            gap = text[prev.end:cur.start]
            if _LIST_GAP_AND_RE.fullmatch(gap) or (
                    _LIST_GAP_COMMA_RE.fullmatch(gap) and _LIST_GOES_ON_RE.match(text[cur.end:cur.end + 5])):
                cur.listed = True


def _mark_people_and_orgs(spans: list[_Span], lex: Lexicon, persons: set[str]) -> None:
    for sp in spans:
        if len(sp.toks) >= 2:
            first, second = norm_key(sp.toks[0].text), norm_key(sp.toks[1].text)
            if first in lex.given_names or first in lex.person_titles or \
                    first + " " + second in lex.person_titles:
                sp.person = True
                persons.add(norm_key(_strip_possessive(sp.toks[-1].text)))
        if any(t.low in lex.org_words for t in sp.toks):
            sp.org = True


def _ngrams(sp: _Span, lex: Lexicon) -> list[tuple[int, int, str]]:
    """(i, j, surface) for the span's sub-n-grams worth looking up."""
    toks = sp.toks
    n = len(toks)
    if n == 1:
        t = toks[0]
        return [] if t.particle else [(0, 1, _strip_possessive(t.text))]
    out = []
    for i in range(n):
        if toks[i].particle and toks[i].low not in lex.articles:
            continue
        for j in range(i + 1, min(n, i + 7) + 1):
            if toks[j - 1].particle:
                continue
            if j - i == 1 and i > 0 and toks[i].low in lex.place_after:
                continue  # "Junction" of "Ramot Junction": the kind of place the name before it is, not a town
            surface = _strip_possessive(" ".join(t.text for t in toks[i:j]))
            out.append((i, j, surface))
    return out


def _is_stop(surface: str, lex: Lexicon) -> bool:
    """Whether a name is no place on its own: a stop word, a demonym, a given name, or one letter."""
    k = norm_key(surface)
    return k in lex.stop_keys or len(k) < 2


class Geoparser:
    """Finds and resolves place mentions; holds no per-document state between calls."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.lex = lexicon()
        self._variants: dict[str, tuple[set[str], dict]] = {}  # see _variant_candidates

    def _variant_candidates(self, key: str) -> tuple[set[str], dict]:
        """The keys one edit away from ``key`` and their gazetteer candidates. Kept for the next documents
        (a bounded cache: an unknown spelling tends to recur), apart from the gazetteer's own key cache,
        which these one-off keys would crowd."""
        got = self._variants.get(key)
        if got is None:
            variants = _edits1(key)
            got = (variants, self.gaz.candidates(variants, cache=False))
            if len(self._variants) >= _VARIANT_CACHE:
                self._variants.clear()
            self._variants[key] = got
        return got

    # -- scoring -------------------------------------------------------------------------------------------
    def _score(self, c: Candidate, sp: _Span, doc_cc: set[str], soft: frozenset[str] = frozenset()) -> float | None:
        """How well candidate ``c`` fits span ``sp``; ``doc_cc``: the context countries, of which ``soft`` are
        those the text is about by its actors only (they count for less)."""
        lex = self.lex
        if c.kind == KIND_CORE and not sp.facility:
            return None
        if c.kind == KIND_FOLD and c.country in getattr(doc_cc, "near", ()):
            return None  # a spelling guess is never made in a country that is context only as a neighbour
        s = _MATCH_SCORE[c.kind]
        if c.gid.startswith("facility:"):
            # curated for conflict reporting: wins over a same-named village, unless the text calls it one
            s += -0.6 if sp.settlement_before else 0.45
        f = c.feature
        if f == "country":
            s += 0.8
        elif f == "admin1":
            s += 0.35 + (0.8 if sp.admin and lex.admin_after.get(sp.admin) == 3 else 0.0)
            if sp.compass:
                s += 0.3  # "northern Shan": a part of a region (Shan State), not a town (Shancheng)
        elif f == "admin2" or (f == "region" and c.gid.startswith("area:")):
            # a district or named area: below the namesake town unless an admin or place word follows
            # ("Lamu" is the town, "Lamu County" / "Arghandab district" / "Boni forest" the area)
            s += 0.1 + (1.0 if sp.admin or sp.place_after else 0.0)
        elif f in ("region", "sea", "strait"):
            s += 0.9  # a named sea or region beats a village of the same name ("Middle East")
        elif f == "populated_place":
            s += 0.5 * min(math.log10(c.pop + 1), 7.0) / 7.0
            if sp.admin and lex.admin_after.get(sp.admin) == 3:
                s -= 0.3
        elif f in ("airport", "airfield"):
            s += 0.1
        if sp.facility:
            allowed = lex.facility_words.get(sp.facility, ())
            if f in allowed or (f in ("airport", "airfield") and any(a in ("airfield", "airport") for a in allowed)):
                s += 0.8
            elif f == "populated_place":
                s -= 0.1
            elif f in ("airport", "airfield"):
                s -= 0.5  # "X gas field", "X crossing" never names an airport matched by a keyword
        if doc_cc and c.country:
            s += (_SOFT_BONUS if c.country in soft else _CTX_BONUS) if c.country in doc_cc else -0.1
        elif doc_cc and f in ("region", "sea", "strait"):
            s += 0.6  # a continent or sea belongs to no country: never outranked by a namesake town ("Asia")
        return s

    def _accept(self, c: Candidate, sp: _Span, i: int, j: int, doc_cc: set[str], caps_doc: bool = False,
                feature_word: bool = False) -> bool:
        """Whether candidate ``c`` of tokens i..j is evidence enough for a place mention (``feature_word``: the
        tokens are the name of a natural feature whose word follows them inside the span: "Swat" of "in the Swat
        Valley" is the district with a placing cue, as in a document about Pakistan)."""
        toks = sp.toks[i:j]
        multi = j - i >= 2 or any("-" in t.text for t in toks)
        article = toks[0].low.split("-")[0] in self.lex.articles
        # a dateline in capitals ("TURBAT: Five people were injured ...") names the town the report is filed from
        dateline = sp.dateline and not caps_doc and j - i == len(sp.toks)
        evidence = bool(sp.cue or sp.admin or sp.place_before or sp.place_after or
                        (sp.facility and c.is_facility) or dateline
                        # a place label counts inside the document's countries only
                        or (sp.label and bool(doc_cc) and c.country in doc_cc))
        after_evidence = bool(sp.admin or sp.place_after or (sp.facility and sp.facility_adjacent) or dateline
                              or (sp.label and bool(doc_cc) and c.country in doc_cc))
        weak_caps = sp.title_line or (toks[0].sent_start and i == 0 and not multi and not after_evidence)
        if j - i < len(sp.toks) and c.feature not in _AREA_FEATURES and not c.gid.startswith("facility:"):
            # part of a longer capitalised name that is not itself known: "Tarin" of "Tarin Kot"
            in_ctx = bool(doc_cc) and c.country in doc_cc
            if c.kind == KIND_FOLD and not (multi or article):
                return False
            if not (in_ctx or c.pop >= 100_000 or multi):
                return False
        if sp.speech and c.feature not in _AREA_FEATURES and not sp.cue:
            return False
        if c.feature == "admin1" and doc_cc and c.country not in doc_cc and not (sp.admin or multi) \
                and c.pop < 1_000_000:
            return False  # "Gulf" of "Gulf nations" is no foreign province
        if c.gid.startswith("area:"):
            # districts and named areas: a bare single word needs an admin or place word, a place phrase, or a
            # placing cue in one of the document's countries ("in Arghandab district", "the Sambisa Forest")
            in_ctx = not c.country or (bool(doc_cc) and c.country in doc_cc)
            if c.kind == KIND_FOLD and not evidence:
                return False
            if multi and (c.feature == "admin1" or not sp.title_line):
                return True
            return bool(sp.admin or sp.place_before or sp.place_after or sp.listed or
                        (sp.cue and (in_ctx or feature_word)))
        if c.feature in _AREA_FEATURES:
            return c.kind != KIND_FOLD or evidence
        if c.gid.startswith("facility:"):
            return c.kind != KIND_FOLD or evidence or multi or article
        if c.kind == KIND_CORE:
            return True
        in_ctx = bool(doc_cc) and c.country in doc_cc
        surface = " ".join(t.text for t in toks)
        if j - i == 1 and not caps_doc and _is_acronym(toks[0].text):
            # an abbreviation ("NISA", "ETA") is read as a town only in a country the text is about
            if not (in_ctx and c.kind == KIND_PRIMARY):
                return False
        if c.kind == KIND_FOLD:
            if doc_cc and (not in_ctx or c.country in getattr(doc_cc, "near", ())):
                return False  # folding is a guess: only inside the document's countries (not their neighbours)
            if fold_key(c.name) != fold_key(surface) and (c.pop >= _BIG_PLACE or fold_key(surface)[:2] !=
                                                          fold_key(c.name)[:2]):
                # never fold a word onto a well-known city by one of its other names, nor onto a town
                # whose own name starts differently ("L'Estere" is not Leicester)
                return False
        if c.kind == KIND_FOLD and sp.village_before and c.pop >= _BIG_PLACE:
            return False  # "the village of Ségué" is no city of 200,000 whose name folds the same (Ségou)
        if c.kind == KIND_FOLD and not (multi or article):
            return evidence and (in_ctx or c.pop >= 10_000)
        if c.feature in ("airport", "airfield"):
            if doc_cc and not in_ctx and not multi:
                return False
            return multi or evidence
        if j - i == 1 and _is_possessive(toks[0].text) and c.pop < _SMALL_PLACE and \
                not (sp.place_before or sp.admin or sp.place_after):
            return False  # "Elliott's", "Payne's": a small town's name with 's is mostly a person's
        if sp.qualifier and j == len(sp.toks):
            return False  # "the Volga city of Saratov": the name qualifies the city after it, it is no town here
        if doc_cc and not in_ctx:
            return self._accept_foreign(c, sp, evidence, weak_caps, multi)
        # populated places
        if c.pop >= 100_000 and not weak_caps:
            return True
        if c.pop >= 100_000 and (evidence or in_ctx):
            return True
        if in_ctx and (evidence or multi or article or c.pop >= 1_000) and not weak_caps:
            return True
        if evidence and c.pop >= (1_000 if (multi or article) else 5_000) and not weak_caps:
            return True
        if dateline and c.kind == KIND_PRIMARY and not doc_cc:
            return True  # "GHORAHI, Dec 5: ...": a town filed from, by its own name, whatever GeoNames says of its size
        return False

    def _accept_foreign(self, c: Candidate, sp: _Span, evidence: bool, weak_caps: bool, multi: bool) -> bool:
        """A populated place outside the document's context countries: kept on strong evidence only."""
        if weak_caps or sp.speech:
            return False
        if sp.admin and c.pop < _CONFIDENT_CITY:
            # "Nawa district of Helmand", "Bakwa district": a district or province of the text's countries that
            # the gazetteer lacks, not a small foreign town of that name
            return False
        strong = bool(sp.place_before or sp.admin or sp.place_after)
        if c.kind == KIND_ALT:
            # another language's name of a foreign town ("Boni" for Bonn) needs a large town and a place phrase
            return c.pop >= _BIG_PLACE and (strong or (evidence and c.pop >= 1_000_000))
        if c.pop >= _BIG_PLACE:
            return True
        if c.pop >= _SMALL_PLACE:
            return evidence
        return strong and (multi or c.pop >= 1_000)

    # -- main ----------------------------------------------------------------------------------------------
    def geoparse(self, text: str) -> list[PlaceMention]:
        lex = self.lex
        toks, words = _tokenise(text, lex)
        spans = _spans(text, toks)
        _context(text, spans, toks, lex)
        persons: set[str] = set()
        _mark_people_and_orgs(spans, lex, persons)
        for sp in spans:
            if sp.org:
                nature = self._nature(sp)
                if nature is not None and not any(t.low in lex.org_words for t in sp.toks[nature[0]:nature[1]]):
                    sp.org = False  # "the Virunga National Park": the word of the feature makes no organisation

        # the n-grams of a span depend on its words only: spans with the same words share them
        grams: list[list[tuple[int, int, str]]] = []
        grams_of: dict[str, list[tuple[int, int, str]]] = {}
        keys: set[str] = set()
        for sp in spans:
            gl = grams_of.get(sp.surface)
            if gl is None:
                gl = grams_of[sp.surface] = [g for g in _ngrams(sp, lex) if not _is_stop(g[2], lex)]
                for _i, _j, surface in gl:
                    keys.add(norm_key(surface))
                    keys.add(fold_key(surface))
                    split = split_first_article(surface)
                    if split:
                        keys.add(norm_key(split))
                        keys.add(fold_key(split))
            grams.append(gl)
            if sp.after_word:
                keys.add(norm_key(_with_after(sp)))
        cands = self.gaz.candidates(keys)

        looked: dict[str, list[Candidate]] = {}

        def lookup(surface: str) -> list[Candidate]:
            """The candidates of a surface form (the same list for every call in this document; not to be
            changed by callers)."""
            got = looked.get(surface)
            if got is None:
                got = looked[surface] = _lookup(surface)
            return got

        def _lookup(surface: str) -> list[Candidate]:
            nk, fk = norm_key(surface), fold_key(surface)
            got = list(cands.get(nk, ()))
            if not got and not cands.get(fk) and (split := split_first_article(surface)):
                # "Elwak", "Alqaim": an Arabic article written joined to its name, tried apart only when the name
                # as written is unknown ("Eldoret" is known as it is)
                exact = cands.get(norm_key(split))
                if exact:
                    return list(exact)  # the name itself, written apart ("El Wak")
                return [c if c.kind == KIND_CORE else _as_fold(c) for c in cands.get(fold_key(split), ())]
            if fk != nk:
                folded = cands.get(fk, ())
                if any(c.kind != KIND_CORE for c in got):
                    # the exact key found something: the folded key may add only facility cores
                    got.extend(c for c in folded if c.kind == KIND_CORE)
                else:
                    got.extend(c if c.kind == KIND_CORE else _as_fold(c) for c in folded)
            return got

        # pass 1: countries and regions named in the text (unambiguous area names)
        doc_cc: set[str] = set()
        seen: set[tuple] = set()  # spans that add the same countries as one before
        for sp, gl in zip(spans, grams):
            if sp.modifier and len(sp.toks) == 1:
                continue
            key = (sp.surface, bool(sp.admin), sp.title_line)
            if key in seen:
                continue
            seen.add(key)
            for i, j, surface in gl:
                found = lookup(surface)
                for c in found:
                    area = c.feature in ("country", "region") or (c.feature in ("admin1", "admin2") and sp.admin)
                    if area and c.kind in (KIND_PRIMARY, KIND_ALT) and c.country \
                            and (j - i == len(sp.toks)) and not sp.title_line \
                            and not (c.feature == "region" and _area_elsewhere(c, found)):
                        doc_cc.add(c.country)

        caps_doc = _mostly_caps(words)

        def country_of(word: str) -> str | None:
            for c in cands.get(norm_key(word), ()):
                if c.feature == "country" and c.kind in (KIND_PRIMARY, KIND_ALT) and c.country:
                    return c.country
            return None

        # countries the text is about by its actors ("Spanish police"): weaker than a country it names
        forces: set[str] = set()
        actors = _actor_countries(text, spans, self.lex, country_of, toks, forces)
        near: set[str] = set()
        if not doc_cc:
            # armed forces act abroad as often as at home ("Israeli troops raided Tulkarem", "Russian forces attacked
            # Pokrovsk"): in a text that names no country, their country's neighbours are weak context too
            near = {n for cc in forces for n in self.gaz.neighbours(cc)} - actors
            actors |= near
        actors -= doc_cc
        # pass 2: countries of the places resolved with confidence
        name_parts = self._name_parts(spans, cands)
        ctx = _Ctx(doc_cc) | self._confident_countries(spans, lookup, doc_cc | actors, caps_doc, name_parts)
        soft = frozenset(actors - ctx)
        ctx = _Ctx(ctx | soft)
        ctx.near = frozenset(near & soft)

        out: list[PlaceMention] = []
        misses: list[tuple[_Span, list[PlaceMention]]] = []
        best_memo: dict = {}
        for sp, gl in zip(spans, grams):
            got = self._resolve_span(text, sp, gl, lookup, ctx, persons, name_parts, caps_doc, best_memo, soft)
            if ctx and all(m.latitude is None for m in got) and self._spelling_worth(text, sp, persons) \
                    and not cands.get(norm_key(_strip_possessive(sp.toks[0].text))):
                # an unknown name only: a known one left out by the context is no misspelling
                misses.append((sp, got))
            else:
                out.extend(got)
        for sp, got in misses:
            fixed = self._respell(text, sp, ctx, out, soft)
            out.extend([fixed] if fixed else got)
        out.extend(_repeated_unknown_facilities(text, spans, out))
        if "apital" in text:
            out = self._capitals(text, out, doc_cc | actors, country_of)
        if "-" in text or "–" in text:
            out = self._roads_between(text, out)
        out.sort(key=lambda m: (m.start, m.end))
        _enclosing_areas(text, out)
        self._namesakes_nearby(out, lookup, ctx)
        self._namesakes_in_named_provinces(out, lookup)
        _namesakes_joined(text, out, lookup, ctx)
        _check_parents(text, out)
        _check_containers(text, out)
        return out

    def _capitals(self, text: str, out: list[PlaceMention], named: set[str], country_of) -> list[PlaceMention]:
        """A country's capital told without its name: "in the Somali capital", "Somalia's capital", "the
        country's capital", "the capital" (the last two where the text is about one country). ``named``: the
        countries the text names or its actors belong to. The mention takes the capital city at precision 1;
        a country's mention inside it ("Somalia" of "Somalia's capital") gives way to it."""
        lex = self.lex
        main: str | None = None
        main_done = False
        for m in _CAPITAL_RE.finditer(text):
            after = _CAPITAL_AFTER_RE.match(text, m.end())
            if after and (after.group("name") and after.group("name") not in _CALENDAR_WORDS or after.group("of")
                          or after.group("word") and after.group("word").lower() in lex.capital_not_after):
                continue  # "the Syrian capital Damascus", "the capital of Borno state", "capital punishment"
            cc: str | None = None
            if m.group("dem"):
                dem = m.group("dem")
                cc = lex.demonym_cc.get(norm_key(dem)) or country_of(dem)
            elif m.group("cty"):
                cc = country_of(m.group("cty"))
            elif m.group("own") is None or m.group("own") in lex.capital_owners:
                if not main_done:
                    main, main_done = _main_country(out, named), True
                cc = main
            if not cc:
                continue
            cap = self.gaz.capital(cc)
            if cap is None:
                continue
            start = min(x for x in (m.start("dem"), m.start("cty"), m.start("own"), m.start("cap")) if x >= 0)
            end = m.end()
            out = [p for p in out if not (p.start < end and start < p.end and p.feature == "country")]
            if any(p.start < end and start < p.end for p in out):
                continue
            out.append(PlaceMention(text=text[start:end], start=start, end=end, name=cap.name, country=cap.country,
                                    admin1=cap.admin1, latitude=cap.lat, longitude=cap.lon, gazetteer_id=cap.gid,
                                    feature=cap.feature, geo_precision=1, score=0.5))
        out.sort(key=lambda p: (p.start, p.end))
        return out

    def _roads_between(self, text: str, out: list[PlaceMention]) -> list[PlaceMention]:
        """A road named by the two towns it joins ("along the Kaduna-Abuja highway", "the Maiduguri-Damboa
        road"): when both names are towns within 800 km of each other (the largest such pair), the road is placed
        at the first town named, geo_precision 2 (on the road, near the town: where on it the text does not say)."""
        words, pattern = _road_re(self.lex.road_words)
        found: list[PlaceMention] = []
        for w in words.finditer(text):
            # the two names just before the road's word ("... the Kaduna-Abuja highway"): a short window each
            m = next((x for x in pattern.finditer(text, max(0, w.start() - 80), w.end()) if x.end() == w.end()), None)
            if m is None:
                continue
            start, end = m.start(), m.end()
            if any(p.start < end and start < p.end for p in out + found):
                continue
            a, b = m.group("a"), m.group("b")
            keys = {norm_key(a), norm_key(b)}
            cands = self.gaz.candidates(keys)
            towns_a = [c for c in cands.get(norm_key(a), ()) if c.feature == "populated_place" and c.lat is not None
                       and c.kind in (KIND_PRIMARY, KIND_ALT)]
            towns_b = [c for c in cands.get(norm_key(b), ()) if c.feature == "populated_place" and c.lat is not None
                       and c.kind in (KIND_PRIMARY, KIND_ALT)]
            # the two towns nearest in size to each other's importance: "Paris-Brussels" is no pair of hamlets
            pairs = [(x, y) for x in towns_a for y in towns_b if x.gid != y.gid
                     and haversine_km(x.lat, x.lon, y.lat, y.lon) <= 800]
            if not pairs:
                continue
            # in a country the text's other places lie in, when a pair does ("the Tulsipur-Ghorahi road" of a story
            # told in Nepal, not the namesakes in India)
            told = {p.country for p in out if p.country}
            pairs = [xy for xy in pairs if xy[0].country in told] or pairs
            x, _y = max(pairs, key=lambda xy: min(xy[0].pop, xy[1].pop))
            found.append(PlaceMention(text=text[start:end], start=start, end=end, name=x.name, country=x.country,
                                      admin1=x.admin1, latitude=x.lat, longitude=x.lon, gazetteer_id=x.gid,
                                      feature=x.feature, geo_precision=2, score=0.5))
        if not found:
            return out
        return sorted(out + found, key=lambda p: (p.start, p.end))

    # -- spelling variants -----------------------------------------------------------------------------------
    def _spelling_worth(self, text: str, sp: _Span, persons: set[str]) -> bool:
        """Whether an unknown name is worth a spelling-variant look-up: one word of five letters or more that
        the context calls a place ("the towns of Bocaranga and Bazoum", "near Bazoum")."""
        if len(sp.toks) != 1 or sp.person or sp.org or sp.title_line or sp.speech or sp.modifier:
            return False
        word = _strip_possessive(sp.toks[0].text)
        key = norm_key(word)
        if len(key) < 5 or " " in key or _is_stop(word, self.lex) or key in persons or _is_acronym(word):
            return False
        nxt = _NEXT_LOWER_WORD_RE.match(text[sp.end:sp.end + 30])
        if nxt and nxt.group(1) not in _FUNCTION_WORDS and not (sp.admin or sp.place_after):
            return False  # a word before a noun is a modifier or a name ("Baloch separatists")
        if sp.admin or sp.after_word in self.lex.nature_after:
            return False  # "X district" names an area, "the X forest" a forest, not the town one letter away
        return bool(sp.place_before or sp.listed or sp.place_after or sp.cue in _PLACING_CUES)

    def _respell(self, text: str, sp: _Span, ctx: set[str], resolved: list[PlaceMention],
                 soft: frozenset[str] = frozenset()) -> PlaceMention | None:
        """A populated place one edit away from an unknown name (a vowel or letter swapped, dropped or added),
        kept only when it is the single best such place in the document's countries and starts with the same
        letter: "Bazoum" -> Bozoum in a story about the Central African Republic. Among several, a place in
        the country of the places named beside it (same sentence, 200 characters) and a same-length spelling
        come first."""
        key = norm_key(_strip_possessive(sp.toks[0].text))
        variants, cands = self._variant_candidates(key)
        found: dict[str, tuple[Candidate, float]] = {}
        for k in variants:
            for c in cands.get(k, ()):
                if c.kind not in (KIND_PRIMARY, KIND_ALT) or c.feature != "populated_place" or c.country not in ctx:
                    continue
                if c.lat is None or norm_key(c.name)[:1] != key[:1]:
                    continue
                score = self._score(c, sp, ctx, soft) or 0.0
                if c.gid not in found or found[c.gid][1] < score:
                    found[c.gid] = (c, score)
        if not found:
            return None
        # places named in the same sentence: a variant far from all of them is another town
        same = [m for m in resolved if m.latitude is not None and m.feature != "country"
                and abs(m.start - sp.start) <= 300 and not _sentence_break(text, m, sp)]
        if same:
            found = {g: v for g, v in found.items()
                     if any(haversine_km(v[0].lat, v[0].lon, m.latitude, m.longitude) <= _RESPELL_KM for m in same)}
            if not found:
                return None
        else:
            # else the document's towns: a guess far from every place the story names is another town ("near
            # Awapalli" in a story of Bijapur is not Alappuzha, 1,000 km away)
            towns = [m for m in resolved if m.latitude is not None and m.feature == "populated_place"]
            if towns:
                found = {g: v for g, v in found.items()
                         if any(haversine_km(v[0].lat, v[0].lon, m.latitude, m.longitude) <= 2 * _RESPELL_KM for m in towns)}
                if not found:
                    return None
        near_cc = {m.country for m in resolved if m.country and m.latitude is not None
                   and abs(m.start - sp.start) <= 200 and not _sentence_break(text, m, sp)}

        def rank(item: tuple[Candidate, float]) -> tuple[bool, bool]:
            c = item[0]
            return (c.country in near_cc, len(norm_key(c.name)) == len(key))

        ranked = sorted(found.values(), key=rank, reverse=True)
        if len(ranked) > 1 and rank(ranked[0]) == rank(ranked[1]):
            return None  # no single best reading
        c, score = ranked[0]
        return self._mention(text, sp, 0, 1, c, score - 0.3)

    # -- document context -----------------------------------------------------------------------------------
    def _confident_countries(self, spans: list[_Span], lookup, doc_cc: set[str], caps_doc: bool,
                             name_parts: set[str]) -> set[str]:
        """Countries of places that need no context to resolve: curated facilities named with a facility word
        or a multi-word name, provinces or states of one country with no sizeable namesake elsewhere ("Borno",
        "Texas"; not "Punjab"), cities of >= 500k people with no namesake a tenth their size, multi-word names
        whose readings all lie in one country. ``doc_cc``: the countries the text names or is about by its
        actors."""
        out: set[str] = set()
        seen: set[tuple[str, bool]] = set()  # a span adds what an earlier one with the same words added
        for sp in spans:
            if sp.title_line or sp.person or sp.org or sp.speech or (sp.modifier and len(sp.toks) == 1):
                continue
            if (sp.surface, bool(sp.facility)) in seen:
                continue
            seen.add((sp.surface, bool(sp.facility)))
            whole = _strip_possessive(sp.surface)
            if _is_stop(whole, self.lex) or (len(sp.toks) == 1 and not caps_doc and _is_acronym(sp.toks[0].text)):
                continue
            if len(sp.toks) == 1 and norm_key(whole) in name_parts:
                continue  # "Aden" after "Shamsa Mohamed Aden"
            cs = [c for c in lookup(whole) if c.kind in (KIND_PRIMARY, KIND_ALT) and c.country]
            if not cs:
                continue
            multi = len(sp.toks) >= 2 or "-" in whole
            facs = [c for c in cs if c.gid.startswith("facility:")]
            if facs and (sp.facility or multi):
                out.update(c.country for c in facs)
                continue
            admins = {c.country for c in cs if c.feature == "admin1" and c.kind == KIND_PRIMARY}
            if len(admins) == 1 and not (admins & doc_cc) and \
                    all(c.country in admins or c.pop < _SMALL_PLACE for c in cs if c.feature != "admin1"):
                out.update(admins)  # a province or state of one country ("Borno", "Helmand", "Texas")
                continue
            places = sorted((c for c in cs if c.feature == "populated_place"), key=lambda c: -c.pop)
            if not places or any(c.country in doc_cc for c in places):
                continue  # no place, or a country the text names already decides
            top = places[0]
            rivals = [c for c in places[1:] if c.country != top.country]
            if top.kind == KIND_PRIMARY and top.pop >= _CONFIDENT_CITY and \
                    all(c.pop * 10 <= top.pop for c in rivals):
                out.add(top.country)
            elif multi and top.kind == KIND_PRIMARY and not rivals and top.pop >= 1_000:
                out.add(top.country)
        return out

    def _name_parts(self, spans: list[_Span], cands: dict[str, list[Candidate]]) -> set[str]:
        """Words that appear in the document inside a longer capitalised name that is no place ("Hector Paul
        Joseph", "Mavi Marmara"): alone, later, they are read as that name unless a cue says otherwise."""
        lex = self.lex
        out: set[str] = set()
        seen: set[str] = set()  # a span adds what an earlier one with the same words added
        for sp in spans:
            if sp.title_line or sp.org or len(sp.toks) < 2 or sp.surface in seen:
                continue
            seen.add(sp.surface)
            lows = [t.low for t in sp.toks]
            if any(w in lex.street_words or w in lex.venue_words for w in lows):
                continue
            if any(c.kind in (KIND_PRIMARY, KIND_ALT) for c in cands.get(norm_key(sp.surface), ())):
                continue
            # runs of two or more name words, split at place words and titles: "Beledweyne District
            # Commissioner Omar Osman" gives "Omar Osman", not "Beledweyne"
            run: list[str] = []
            for t in sp.toks + [None]:
                if t is not None and not t.particle and not self._compatible(t, cands) \
                        and norm_key(t.low) not in lex.person_titles:
                    run.append(norm_key(_strip_possessive(t.text)))
                    continue
                if t is not None and t.particle and run:
                    continue  # "Lionel Bethune de Moro"
                if len(run) >= 2:
                    out.update(run)
                run = []
        return out

    def _compatible(self, tok: _Tok, cands: dict[str, list[Candidate]] | None = None) -> bool:
        """Whether a capitalised word may stand beside a place name without making the run a personal,
        ship or street name: place words ("Province", "North"), function and calendar words, numbers,
        and names of countries and other areas."""
        lex = self.lex
        low = _strip_possessive(tok.low)
        if tok.particle or low.isdigit() or low in lex.name_compatible or low in _FUNCTION_WORDS:
            return True
        if _is_acronym(tok.text) or _ATTRIB_RE.search(low):
            return True  # "Belfast IRA", "China-funded Gwadar": an abbreviation or attribute, not a name
        if low in lex.not_places and low not in lex.person_titles and low not in lex.demonyms:
            return True
        if cands is not None:
            return any(c.feature in _AREA_FEATURES and c.kind in (KIND_PRIMARY, KIND_ALT)
                       for c in cands.get(norm_key(low), ()))
        return False

    def _part_reading(self, sp: _Span, i: int, j: int, area_toks: set[int]) -> str:
        """How tokens i..j of a longer capitalised span relate to the rest: "ok" (place words or other places
        around it), "street" (Oxford Street, Rue X), "venue" (Boston Marathon), or "name" (Hector Paul Joseph)."""
        lex = self.lex
        toks = sp.toks
        lows = [_strip_possessive(t.low) for t in toks]
        inside = lows[i:j]
        if any(w in lex.street_words for w in lows):
            return "street"
        if all(w in lex.venue_words for w in inside):
            return "street"  # the venue word itself ("Marathon" of "Boston Marathon") is no place
        if any(w in lex.venue_words for k, w in enumerate(lows) if not i <= k < j):
            return "venue"
        for k, step in ((i - 1, -1), (j, 1)):
            while 0 <= k < len(toks) and toks[k].particle and toks[k].low != "of":
                k += step  # "Lionel Bethune de Moro": look past the particle
            if not 0 <= k < len(toks) or k in area_toks or self._compatible(toks[k]):
                continue
            if k == j and (lows[k] in lex.person_titles or lows[k] in lex.modifier_nouns):
                continue  # "Balochistan Chief Minister X": a title after a place names the place's official
            return "name"
        return "ok"

    def _best(self, surface: str, last: bool, sp: _Span, lookup, doc_cc: set[str],
              soft: frozenset[str] = frozenset(),
              features: tuple[str, ...] | None = None) -> tuple[float, Candidate] | None:
        """The best-scored candidate of an n-gram (``last``: it ends the span, where facility cores count;
        ``features``: only candidates of these features, by exact or alternate name)."""
        best: tuple[float, Candidate] | None = None
        city: tuple[float, Candidate] | None = None  # the largest city by this exact name
        for c in lookup(surface):
            if c.kind == KIND_CORE and not last:
                continue
            if features is not None and (c.feature not in features or c.kind not in (KIND_PRIMARY, KIND_ALT)):
                continue
            s = self._score(c, sp, doc_cc, soft)
            if s is not None and (best is None or s > best[0]):
                best = (s, c)
            if s is not None and c.kind == KIND_PRIMARY and c.feature == "populated_place" and \
                    (city is None or c.pop > city[1].pop):
                city = (s, c)
        if best is not None and city is not None and city[1] is not best[1] and doc_cc:
            b, c = best[1], city[1]
            if b.feature == "populated_place" and b.country in doc_cc and c.country not in doc_cc and \
                    c.pop >= _WORLD_CITY and c.pop >= _WORLD_CITY_RATIO * max(b.pop, 1):
                return city  # "Copenhagen", "Cairo": the world city, not its small namesake in a context country
        return best

    def _nature(self, sp: _Span) -> tuple[int, int] | None:
        """When the span names a natural feature or protected area, the tokens of the feature's own name:
        "Boni" of "the Boni Forest", "Kivu" of "Lake Kivu", the whole span before a lower-case feature word
        ("the Mau forest"). None otherwise."""
        lex = self.lex
        toks = sp.toks
        n = len(toks)
        if n >= 2 and _strip_possessive(toks[-1].low) in lex.nature_last:
            for size in range(min(lex.nature_end_len, n - 1), 0, -1):
                if " ".join(_strip_possessive(t.low) for t in toks[n - size:]) in lex.nature_end:
                    return (0, n - size)
        if n >= 2 and toks[0].low in lex.nature_start:
            return (1, n)
        if sp.place_after and sp.after_word in lex.nature_after:
            return (0, n)
        return None

    def _resolve_span(self, text, sp: _Span, gl, lookup, doc_cc: set[str], persons: set[str],
                      name_parts: set[str] | None = None, caps_doc: bool = False,
                      best_memo: dict | None = None, soft: frozenset[str] = frozenset()) -> list[PlaceMention]:
        lex = self.lex
        n = len(sp.toks)
        whole = sp.surface
        # a natural feature ("the Boni Forest", "Lake Kivu", "the Mau forest"): the whole name may be anything a
        # source knows by that name (but no town by a folded spelling); its own name alone only an area
        # ("Swat" of "Swat Valley"), never a town of that name; the feature word alone nothing
        nature = self._nature(sp) if (n > 1 or sp.place_after) else None
        # best candidate per n-gram; the score depends on the span only through its facility, admin and place
        # words, so ``best_memo`` shares it between the spans of one document
        scored: list[tuple[int, int, float, Candidate]] = []
        for i, j, surface in gl:
            features = None
            if nature is not None:
                a, b = nature
                if a <= i and j <= b:
                    features = _NATURE_PART
                elif not (i == 0 and j == n):
                    continue
            if best_memo is None:
                best = self._best(surface, j == n, sp, lookup, doc_cc, soft, features)
            else:
                key = (surface, j == n, sp.facility, sp.admin, sp.place_after, features)
                if key in best_memo:
                    best = best_memo[key]
                else:
                    best = best_memo[key] = self._best(surface, j == n, sp, lookup, doc_cc, soft, features)
            if best and nature is not None and features is None and best[1].kind == KIND_FOLD:
                continue  # "Ruki River" is not the town of Rocky River
            if best:
                scored.append((i, j, best[0], best[1]))
        if sp.after_word:
            # the name with its admin or place word is a known area: "Boni forest", "Lamu county"
            for c in lookup(_with_after(sp)):
                if c.kind in (KIND_PRIMARY, KIND_ALT) and c.feature in _AREA_FEATURES and \
                        (not doc_cc or not c.country or c.country in doc_cc):
                    s = self._score(c, sp, doc_cc, soft)
                    if s is not None:
                        scored.append((0, n, s + 0.5, c))
        if not scored:
            # nothing known: a person's or an organisation's name, or a place no source knows
            if sp.person or sp.org or (n == 1 and norm_key(whole) in persons):
                return []
            unresolved = self._unresolved(text, sp)
            return [unresolved] if unresolved else []
        whole_match = any(i == 0 and j == n for i, j, _s, _c in scored)
        if (sp.person or sp.org) and not whole_match:
            if sp.person:
                return []
            # organisation: only names after "of"/"in" inside it may be places
            cut = max((k + 1 for k, t in enumerate(sp.toks) if t.low in ("of",)), default=n)
            scored = [x for x in scored if x[0] >= cut]
        if n == 1 and norm_key(whole) in persons:
            return []
        # tokens covered by a country, region or other area name inside the span ("Quincy Massachusetts")
        area_toks = {k for i, j, _s, c in scored if c.feature in _AREA_FEATURES and c.kind != KIND_FOLD
                     for k in range(i, j)}
        single_name = n == 1 and name_parts is not None and norm_key(_strip_possessive(whole)) in name_parts
        # longest n-grams first, then score
        scored.sort(key=lambda x: (-(x[1] - x[0]), -x[2]))
        taken: list[tuple[int, int]] = []
        mentions: list[PlaceMention] = []
        for i, j, s, c in scored:
            if any(not (j <= a or i >= b) for a, b in taken):
                continue
            venue = False
            if j - i < n and not sp.title_line and not c.gid.startswith("facility:"):
                reading = self._part_reading(sp, i, j, area_toks)
                in_ctx = c.country in doc_cc if doc_cc else False
                if reading == "street":
                    continue
                if reading == "name":
                    placed = sp.cue in _PLACING_CUES or bool(sp.facility or sp.admin or sp.place_after)
                    if c.feature in _NAME_EXEMPT and c.kind != KIND_FOLD:
                        pass
                    elif not (in_ctx and c.kind != KIND_ALT and placed):
                        continue  # "Hector" of "Hector Paul Joseph"; "Tarin" of "in Tarin Kot" stays
                if reading == "venue":
                    if c.feature == "populated_place" and not (c.kind == KIND_PRIMARY and
                                                               (in_ctx or c.pop >= _BIG_PLACE)):
                        continue
                    venue = True
            if single_name and c.feature not in _AREA_FEATURES and not c.gid.startswith("facility:"):
                in_ctx = c.country in doc_cc if doc_cc else False
                big_here = in_ctx and c.pop >= _BIG_PLACE and c.kind == KIND_PRIMARY
                if not big_here and not (sp.place_before or sp.admin or (sp.cue and in_ctx)):
                    continue  # "Sullivan" after "Jake Sullivan"; "London" after "London Underground" stays
            in_nature = nature is not None and nature[0] <= i and j <= nature[1]
            if not self._accept(c, sp, i, j, doc_cc, caps_doc, in_nature):
                continue
            if c.feature == "country" and ((sp.modifier and j == n) or
                                           (j < n and sp.toks[j].low in lex.modifier_nouns)):
                taken.append((i, j))
                continue
            taken.append((i, j))
            m = self._mention(text, sp, i, j, c, s)
            if venue and m.feature == "populated_place" and \
                    not any(t.low in lex.event_words for t in sp.toks[j:]):
                m.geo_precision = max(m.geo_precision or 1, 2)  # the venue is in or near the town
            mentions.append(m)
        if not mentions and not sp.person and not sp.org:
            unresolved = self._unresolved(text, sp)
            if unresolved:
                mentions.append(unresolved)
        return mentions

    def _namesakes_nearby(self, out: list[PlaceMention], lookup, ctx: set[str]) -> None:
        """A place outside the context countries chosen over its namesake in one (the world city of ``_best``)
        gives way when two or more other places of the text lie near the namesake ("Mwanza District Hospital"
        among the towns of southern Malawi; one place is not enough: "Vienna" and "Washington"): the mention
        takes the namesake's reading."""
        for m in out:
            if m.feature != "populated_place" or m.country in ctx or m.latitude is None or not m.country:
                continue
            names = [c for c in lookup(_strip_possessive(m.text)) if c.feature == "populated_place"
                     and c.country in ctx and c.kind == KIND_PRIMARY and c.lat is not None]
            if not names:
                continue
            near = [o for o in out if o is not m and o.latitude is not None and o.country in ctx
                    and o.feature not in ("country", "region", "sea", "strait") and o.text != m.text]
            for c in names:
                if len({o.name for o in near
                        if haversine_km(c.lat, c.lon, o.latitude, o.longitude) <= _NAMESAKE_KM}) >= 2:
                    m.name, m.country, m.admin1, m.latitude, m.longitude = c.name, c.country, c.admin1, c.lat, c.lon
                    m.gazetteer_id = c.gid
                    break

    @staticmethod
    def _namesakes_in_named_provinces(out: list[PlaceMention], lookup) -> None:
        """A town whose namesake lies in a province the text names, when the town chosen lies in none of them,
        takes that namesake: "Manipur's Bishnupur district", "in Bishnupur, Manipur" is the Bishnupur of Manipur,
        not the larger one in West Bengal. Only a single namesake in the named provinces is taken."""
        provinces = {(m.country, m.admin1) for m in out if m.feature == "admin1" and m.country and m.admin1}
        if not provinces:
            return
        for m in out:
            if m.feature != "populated_place" or m.latitude is None or (m.country, m.admin1) in provinces:
                continue
            names = [c for c in lookup(_strip_possessive(m.text)) if c.feature == "populated_place"
                     and (c.country, c.admin1) in provinces and c.kind in (KIND_PRIMARY, KIND_ALT) and c.lat is not None]
            if len({c.gid for c in names}) == 1:
                c = names[0]
                m.name, m.country, m.admin1, m.latitude, m.longitude = c.name, c.country, c.admin1, c.lat, c.lon
                m.gazetteer_id = c.gid

    def _mention(self, text: str, sp: _Span, i: int, j: int, c: Candidate, score: float) -> PlaceMention:
        lex = self.lex
        start, end = sp.toks[i].start, sp.toks[j - 1].end
        if j == len(sp.toks) and sp.facility and sp.facility_adjacent and c.feature not in _AREA_FEATURES:
            end = sp.facility_end  # "Kuje prison"; but "Haiti" of "Haiti's prisons" is the country alone
        prec = c.prec or 1
        feature = c.feature
        name, gid, cc, a1, lat, lon = c.name, c.gid, c.country, c.admin1, c.lat, c.lon
        if sp.facility and feature == "populated_place":
            allowed = lex.facility_words.get(sp.facility, ())
            port = None
            if "airport" in allowed and c.lat is not None:
                near = self.gaz.airports_near(c.lat, c.lon)
                port = near[0] if near else None
            if port is not None:
                name, gid, cc, a1, lat, lon, feature = (port.name, port.gid, port.country, port.admin1 or a1,
                                                        port.lat, port.lon, port.feature)
                prec = 1
            else:
                prec = 2  # the facility is at or near the town: part of it, not the town itself
        if sp.admin and feature == "populated_place":
            prec = max(prec, lex.admin_after[sp.admin] if lex.admin_after[sp.admin] == 2 else 2)
        if sp.near:
            prec = max(prec, 2)
        if gid and gid.startswith("region:") and feature in ("region", "sea", "strait"):
            part = direction_before(_words_before(text, start, 20))
            if part:
                point = part_point(gid.split(":", 1)[1], part)
                if point is not None:
                    lat, lon = point
                prec = max(prec, 3)
        end = _name_end(text, start, end)
        return PlaceMention(text=text[start:end], start=start, end=end, name=name, country=cc, admin1=a1,
                            latitude=lat, longitude=lon, gazetteer_id=gid, feature=feature, geo_precision=prec,
                            score=round(score, 3))

    def _unresolved(self, text: str, sp: _Span) -> PlaceMention | None:
        """A span the context calls a place although no source knows it: kept with null coordinates."""
        lex = self.lex
        if (len(sp.toks) > 1 or sp.place_after) and self._nature(sp) is not None:
            return _nature_unresolved(text, sp)
        lows = [t.low for t in sp.toks]
        if len(sp.toks) == 1 and all(_is_stop(t.text, lex) for t in sp.toks if norm_key(t.text) not in lex.head_end):
            return None
        feature = None
        for size in (3, 2, 1):
            if len(lows) > size and " ".join(lows[-size:]) in lex.head_end:
                feature = lex.head_end[" ".join(lows[-size:])]
                break
            if len(lows) > size and " ".join(lows[:size]) in lex.head_start:
                feature = lex.head_start[" ".join(lows[:size])]
                break
        head_is_place = feature in ("populated_place", "admin1", "admin2", "other")
        if feature and (not head_is_place or sp.cue):
            pass
        elif sp.facility and sp.facility_adjacent and sp.facility not in ("facility", "facilities", "field", "fields",
                                                                           "port", "crossing", "compound"):
            feature = lex.facility_default.get(sp.facility)
        elif sp.facility and (sp.cue or not sp.facility_adjacent):
            feature = lex.facility_default.get(sp.facility)
        elif sp.admin and lex.admin_after.get(sp.admin) == 3 and sp.cue:
            feature = "admin1"
        elif sp.place_before:
            feature = "populated_place"
        else:
            return None
        if feature is None:
            return None  # a facility word that names known facilities only ("prison", "mall")
        if sp.facility and _is_possessive(sp.toks[-1].text) and feature == lex.facility_default.get(sp.facility):
            return None  # "Mahathir's camp", "the governor's compound": an owner, no facility of that name
        if any(_is_stop(t.text, lex) for t in sp.toks) and len(sp.toks) == 1:
            return None
        if sp.title_line:
            return None
        start, end = sp.start, sp.end
        if sp.facility and sp.facility_adjacent:
            end = sp.facility_end
        prec = 3 if feature == "admin1" else (2 if sp.near else 1)
        end = _name_end(text, start, end)
        return PlaceMention(text=text[start:end], start=start, end=end, name=_strip_possessive(sp.surface),
                            feature=feature, geo_precision=prec, score=0.0)

    def lookup(self, name: str, country: str | None = None) -> list[PlaceMention]:
        """Candidates for a bare name, best first (country, if given, is preferred)."""
        nk, fk = norm_key(name), fold_key(name)
        cands = self.gaz.candidates({nk, fk})
        sp = _Span([], 0, False)
        doc_cc = {country.upper()} if country else set()
        seen: dict[str, tuple[float, Candidate]] = {}
        for key in (nk, fk):
            for c in cands.get(key, ()):
                if c.kind == KIND_CORE:
                    continue
                c2 = c if key == nk else _as_fold(c)
                s = self._score(c2, sp, doc_cc)
                if s is not None and (c.gid not in seen or s > seen[c.gid][0]):
                    seen[c.gid] = (s, c2)
        ranked = sorted(seen.values(), key=lambda x: -x[0])
        return [PlaceMention(text=name, start=0, end=len(name), name=c.name, country=c.country, admin1=c.admin1,
                             latitude=c.lat, longitude=c.lon, gazetteer_id=c.gid, feature=c.feature,
                             geo_precision=c.prec, score=round(s, 3)) for s, c in ranked]


def _nature_unresolved(text: str, sp: _Span) -> PlaceMention | None:
    """A natural feature no source knows, placed by a cue ("in the Kamuku Forest", "near the Mau forest"):
    kept with its text and no coordinates (``_enclosing_areas`` may set its precision and country)."""
    if sp.title_line or sp.person or sp.org or not (sp.cue or sp.place_before or sp.listed):
        return None
    start, end = sp.start, _name_end(text, sp.start, sp.end)
    name = _strip_possessive(sp.surface)
    if sp.place_after and sp.after_word and not _is_possessive(sp.toks[-1].text):
        m = _NEXT_WORD_RE.match(text, sp.end, sp.end + 30)
        if m and m.group().strip().lower() == sp.after_word:
            end = m.end()
            name = name + " " + sp.after_word
    return PlaceMention(text=text[start:end], start=start, end=end, name=name, feature=_NATURE_FEATURE,
                        geo_precision=2, score=0.0)


def _enclosing_areas(text: str, mentions: list[PlaceMention]) -> None:
    """A natural feature no source knows, followed by the area it lies in ("the Kamuku Forest in Kaduna
    State", "the Mau forest, Nakuru County"): by ACLED's convention it takes that area's precision, and its
    country and admin1 (the mention keeps its text and null coordinates)."""
    for m, m2 in zip(mentions, mentions[1:]):
        if m.feature != _NATURE_FEATURE or m.latitude is not None or m.score != 0.0 or m2.latitude is None:
            continue
        if m2.feature not in ("admin1", "admin2", "region", "country") or m2.start - m.end > 24:
            continue
        if not _ENCLOSING_GAP_RE.fullmatch(text, m.end, m2.start):
            continue
        m.geo_precision = max(2, min(3, m2.geo_precision or 3))
        m.country = m.country or m2.country
        m.admin1 = m.admin1 or (m2.admin1 if m2.feature != "country" else None)


def _actor_countries(text: str, spans: list[_Span], lex: Lexicon, country_of,
                     toks: list[_Tok] | None = None, military: set[str] | None = None) -> set[str]:
    """Countries a text is about by its actors: a demonym or a country's name before a national institution
    or its forces ("Spanish police", "the Nigerian army", "Afghan security forces", "Kenya Police"), and a
    plural demonym naming the people ("more than 150 Syrians were killed"). ``country_of``: the country a
    single word names as a country, or None; ``toks``: the document's tokens, when known (to find the spans
    with a demonym in one pass); ``military``: filled with the countries named before their armed forces
    ("Russian troops"), when given."""
    out: set[str] = set()
    dem, nouns, plural, dem_words = lex.demonym_cc, lex.demonym_nouns, lex.demonym_plural, lex.demonym_words
    if toks is None:
        toks = [t for sp in spans for t in sp.toks]
    # the spans worth a look: those with a demonym, and names before an institution word (modifiers, organisations)
    starts = [sp.start for sp in spans]
    worth: set[int] = set()
    for a in [t.start for t in toks if t.low in dem_words]:
        k = bisect.bisect_right(starts, a) - 1
        if k >= 0 and a < spans[k].end:
            worth.add(k)
    worth.update(k for k, sp in enumerate(spans) if sp.modifier or sp.org)
    for idx in sorted(worth):
        sp = spans[idx]
        lows = [_strip_possessive(t.low) for t in sp.toks]
        cc, k = None, 0
        for a, w in enumerate(lows):  # the first demonym of the span: "About 150 Syrians", "the South Sudanese army"
            pair = w + " " + lows[a + 1] if a + 1 < len(lows) else ""
            if pair in dem:
                cc, k = dem[pair], a + 2
                break
            if w in dem:
                cc, k = dem[w], a + 1
                if k == len(lows) and w in plural:
                    out.add(cc)
                    cc = None
                break
        if cc is None and k == 0 and (sp.modifier or sp.org):
            cc = country_of(lows[0])  # a country's name before an institution: "Kenya Police", "the Pakistan army"
            k = 1
            if cc is None and len(lows) > 2 and lows[0] == "royal":
                cc, k = country_of(lows[1]), 2  # "the Royal Nepal Army", "the Royal Thai Police"
        if cc is None or cc in out:
            continue
        words = lows[k:k + 3]
        if len(words) < 3:
            tail = text[sp.end:sp.end + 40]
            cut = _CLAUSE_BREAK_RE.search(tail)
            words += _WORDS_AFTER_RE.findall((tail[:cut.start()] if cut else tail).lower())[:3 - len(words)]
        for a, w in enumerate(words):
            two = w + " " + words[a + 1] if a + 1 < len(words) else ""
            if w in nouns or two in nouns:
                out.add(cc)
                if military is not None and (w in lex.demonym_military or two in lex.demonym_military):
                    military.add(cc)
                break
    return out


def _is_possessive(word: str) -> bool:
    """Whether a word or name ends in a possessive 's ("Biden's")."""
    return word.endswith(_POSSESSIVE_ENDS)


def _name_end(text: str, start: int, end: int) -> int:
    """The end of a mention's name: a possessive 's after it is no part of it ("Somalia" of "the worst attack
    in Somalia's history"), so the text after the mention still shows the possessive. An owner of a name that
    follows ("Nigeria's Borno state", "Pakistan's northwestern Khyber Pakhtunkhwa province") keeps the 's in
    its text: there the owner still stands for the place the sentence goes on to name."""
    if end - start <= 2 or not text[start:end].endswith(_POSSESSIVE_ENDS):
        return end
    return end if _OWNS_NAME_RE.match(text, end, end + 60) else end - 2


def _strip_possessive(word: str) -> str:
    """A word or name without its possessive 's."""
    return word[:-2] if word.endswith(_POSSESSIVE_ENDS) else word


def _is_acronym(word: str) -> bool:
    """An all-capital abbreviation of two to five letters ("NISA", "U.S."), possessive ignored."""
    return bool(_ACRONYM_RE.match(_strip_possessive(word)))


def _mostly_caps(words: list[str]) -> bool:
    """Whether the text (all its words) is set in capitals, where an all-capital word says nothing."""
    words = [w for w in words if len(w) > 1 and w[0].isalpha()]
    if not words:
        return False
    return sum(map(str.isupper, words)) > 0.5 * len(words)


# a capital told without its name: "the Somali capital", "the U.S. capital", "Somalia's capital", "the
# country's capital", "the capital" (see ``Geoparser._capitals``)
_CAPITAL_RE = re.compile(
    r"(?:\b[Tt]he\s+(?:(?P<dem>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)\s+|(?P<own>[a-z]+['’]s)\s+)?"
    r"|\b(?P<cty>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})['’]s\s+)"
    r"(?P<cap>capital)(?:\s+city)?\b")
# what follows the descriptor: a capitalised name (", Kabul", " Damascus"), "of ...", or the next word
_CAPITAL_AFTER_RE = re.compile(r",?\s*(?:(?P<name>[A-Z][\w'’-]+)|(?P<of>of)\b|(?P<word>[a-z]+))")
_CALENDAR_WORDS = frozenset(list(calendar.day_name) + list(calendar.month_name)[1:] + ["Sept"]
                            + list(calendar.month_abbr)[1:])


_ROAD_RES: dict[tuple[str, ...], tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _road_re(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A road word after a hyphenated name ("-Abuja highway": cheap to find), and the two capitalised town names
    joined by a hyphen or dash that end right before that word ("Kaduna-Abuja highway")."""
    got = _ROAD_RES.get(words)
    if got is None:
        name = r"[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?"
        alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        got = _ROAD_RES[words] = (re.compile(rf"[-–]\s?[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?\s+(?:{alt})\b"),
                                  re.compile(rf"\b(?P<a>{name})\s?[-–]\s?(?P<b>{name})\s+(?:{alt})\b"))
    return got


def _main_country(out: list[PlaceMention], named: set[str]) -> str | None:
    """The one country a text is about: the only one it names (or its actors belong to), else the country of
    at least three in five of its resolved places."""
    if len(named) == 1:
        return next(iter(named))
    counts: dict[str, int] = {}
    for p in out:
        if p.country and p.latitude is not None:
            counts[p.country] = counts.get(p.country, 0) + 1
    if not counts:
        return None
    cc, n = max(counts.items(), key=lambda kv: kv[1])
    return cc if n / sum(counts.values()) >= 0.6 and (not named or cc in named) else None


def _repeated_unknown_facilities(text: str, spans: list[_Span], found: list[PlaceMention]) -> list[PlaceMention]:
    """Later bare mentions of a facility the document named with a facility word although no source knows it
    ("the Khor Mor gas field" ... "a rocket strike on Khor Mor"): the same facility, with null coordinates."""
    known = {norm_key(m.name): m for m in found
             if m.latitude is None and m.feature and m.feature not in ("populated_place", "admin1", "admin2")}
    if not known:
        return []
    # the spans already taken, in order: a new span overlaps one of them when the furthest reach of those that
    # start before its end passes its start (so a long text is not read once per span)
    taken = sorted((m.start, m.end) for m in found)
    starts, reach = [a for a, _ in taken], list(accumulate((e for _, e in taken), max))
    out: list[PlaceMention] = []
    for sp in spans:
        if not sp.toks or sp.title_line:
            continue
        src = known.get(norm_key(_strip_possessive(sp.surface)))
        if src is None:
            continue
        k = bisect.bisect_left(starts, sp.end)
        if k and reach[k - 1] > sp.start:
            continue
        end = _name_end(text, sp.start, sp.end)
        out.append(PlaceMention(text=text[sp.start:end], start=sp.start, end=end, name=src.name,
                                feature=src.feature, geo_precision=src.geo_precision, score=0.0))
        bisect.insort(taken, (sp.start, sp.end))
        starts, reach = [a for a, _ in taken], list(accumulate((e for _, e in taken), max))
    return out


def _area_elsewhere(c: Candidate, found: list[Candidate]) -> bool:
    """Whether the name of region ``c`` also names a country or admin area of another country ("Kurdistan":
    the Kurdistan Region of Iraq and Iran's Kurdistan province): then it says nothing about the country."""
    return any(o.country and o.country != c.country and o.feature in ("country", "admin1", "admin2")
               and o.kind in (KIND_PRIMARY, KIND_ALT) for o in found)


def _as_fold(c: Candidate) -> Candidate:
    if c.kind in (KIND_FOLD, KIND_CORE):
        return c
    return Candidate(c.gid, c.name, c.country, c.admin1, c.lat, c.lon, c.feature, c.pop, c.prec, KIND_FOLD)


def _edits1(word: str) -> set[str]:
    """Keys one edit (deletion, transposition, substitution, insertion of a letter) away from ``word``."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + ch + b[1:] for a, b in splits if b for ch in letters}
    out |= {a + ch + b for a, b in splits for ch in letters}
    out.discard(word)
    return out


def _with_after(sp: _Span) -> str:
    """The span's text followed by its admin or place word."""
    return _strip_possessive(sp.surface) + " " + (sp.after_word or "")


def _sentence_break(text: str, m: PlaceMention, sp: _Span) -> bool:
    """Whether a sentence ends between a mention and a span."""
    return bool(_SENTENCE_BREAK_RE.search(text, min(m.end, sp.end), max(m.start, sp.start)))


_SETTLEMENT_BEFORE_RE = re.compile(r"\b(?:city|town|village|cities|towns|villages)\s+of\s*$", re.I)
_VILLAGE_BEFORE_RE = re.compile(r"\b(?:village|villages|hamlet|hamlets)\s+of\s*$", re.I)
_PART_OF_RE = re.compile(r"(?:,\s+an?\s+|\s+)(?:neighbou?rhood|district|quarter|suburb|part|area)\s+of\s+(?:the\s+)?$", re.I)


#: "Ramot Junction in Jerusalem", "Sariab Road in Quetta", "Tha Yet Taw village in Kanbalu township": a name, a place
#: word perhaps, and "in" before a city
_IN_CITY_RE = re.compile(r"['’]?s?\s+(?:[A-Z][\w-]*\s+|(?:village|town|camp|area|neighbou?rhood|suburb|quarter|locality|hamlet)\s+)?in\s+(?:the\s+)?")
_COMPASS_ADJECTIVES = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                                 "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
                                 "south-western"})
#: a distance from a town told after a place ("Nyaung Pin Thar, about 15 kilometres west of Kanbalu")
_KM_FROM_RE = re.compile(r"(?:\s+(?:district|sub-?district|village|town|area|locality))?,?\s+(?:(?:about|some|around|roughly|nearly|"
                         r"approximately|just)\s+)?(?:(?P<n>\d{1,3}(?:,\d{3})?)\s*(?P<u>km|kms|kilometres|kilometers|miles)\s+)?"
                         r"(?:(?:to\s+the\s+)?(?P<bearing>north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
                         r"south-east|south-west)\s+)?(?:of|from)\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?")
#: how far a place told as lying in a direction from a town ("Sahar district, north of Saada") may lie from it
_BEARING_KM = 150.0
#: farther than this from the city it is said to be in, a town is a namesake, not the part of the city meant
_PART_OF_CITY_KM = 75.0
#: "Kharkiv's Kyivskyi district": a city's possessive, then a name and the word for a part of a city
_OWNER_GAP_RE = re.compile(r"['’]s\s+")
_CITY_PART_AFTER_RE = re.compile(r"\s+(?:neighbou?rhood|district|quarter|suburb|microdistrict|area)\b", re.I)


def _check_containers(text: str, mentions: list[PlaceMention]) -> None:
    """A place told as part of a town ("the Hilaliya neighbourhood of Qamishli", "Hilaliya, a district of
    Qamishli") lies in that town's country: a namesake elsewhere loses its coordinates and takes the town's
    country and admin1 (the mention keeps its text), as the gazetteer does not know the part itself."""
    parts: dict[tuple[str, str | None], PlaceMention] = {}  # a city's part told once as such, wherever named again
    for m, m2 in zip(mentions, mentions[1:]):
        if m.latitude is None or m2.latitude is None or not m.country or not m2.country:
            continue
        if m.country == m2.country:
            # "a bus stop at Ramot Junction in Jerusalem": a part of a city the gazetteer lacks, not the namesake
            # town far away ("in" a city cannot be 100 km from it)
            km = _KM_FROM_RE.fullmatch(text[m.end:m2.start]) if m2.start - m.end <= 60 else None
            if km is not None and not km.group("n") and not km.group("bearing"):
                km = None  # "X of Y" alone says nothing of distance
            if m.feature == m2.feature == "populated_place" and (
                    (m2.start - m.end <= 25 and _IN_CITY_RE.fullmatch(text[m.end:m2.start])
                     and haversine_km(m.latitude, m.longitude, m2.latitude, m2.longitude) > _PART_OF_CITY_KM)
                    # "Nyaung Pin Thar, about 15 kilometres west of Kanbalu": a namesake far beyond the distance told
                    or (km is not None and haversine_km(m.latitude, m.longitude, m2.latitude, m2.longitude)
                        > (2 * float(km.group("n").replace(",", "")) * (1.609 if km.group("u").startswith("mi") else 1.0) + 25
                           if km.group("n") else _BEARING_KM))):
                m.latitude = m.longitude = m.gazetteer_id = m.feature = None
                m.name, m.admin1 = m.text, m2.admin1
            # "in Kharkiv's Kyivskyi district": the city's own district, not a village of that name 200 km away
            elif m.feature == "populated_place" and _CITY_PART_AFTER_RE.match(text, m2.end) \
                    and (_OWNER_GAP_RE.fullmatch(text[m.end:m2.start])
                         or (m.text.endswith(("'s", "’s")) and not text[m.end:m2.start].strip())) \
                    and haversine_km(m.latitude, m.longitude, m2.latitude, m2.longitude) > _PART_OF_CITY_KM:
                parts[(m2.text, m2.gazetteer_id)] = m
                _as_part_of(m2, m)
            continue
        if m2.start - m.end > 40 or not _PART_OF_RE.search(text[m.end:m2.start]):
            continue
        m.latitude = m.longitude = m.gazetteer_id = m.feature = None
        m.name, m.country, m.admin1 = m.text, m2.country, m2.admin1
    if parts:
        # "the apartment block in the Kyivskyi district", after "Kharkiv's Kyivskyi district"
        for m in mentions:
            city = parts.get((m.text, m.gazetteer_id))
            if city is not None:
                _as_part_of(m, city)


def _as_part_of(part: PlaceMention, city: PlaceMention) -> None:
    """A part of a city the gazetteer does not know is placed at the city (ACLED codes a neighbourhood at its
    city, geo_precision 1); the mention keeps its text."""
    part.name, part.country, part.admin1 = city.name, city.country, city.admin1
    part.latitude, part.longitude, part.gazetteer_id, part.feature = city.latitude, city.longitude, city.gazetteer_id, city.feature
    part.geo_precision = 1


#: two towns told together: "between Palmyra and Sukhnah", "from Kherson to Mykolaiv", "Bunia and Djugu"
_JOINED_RE = re.compile(r"\s*(?:,|and|or|to|-|–)\s*")
#: how far apart two towns told together may lie for a namesake of one to be taken near the other
_JOINED_KM = 400.0


def _namesakes_joined(text: str, mentions: list[PlaceMention], lookup, ctx: set[str]) -> None:
    """Two towns told together lie near each other: where one was read as a town of another country than the
    other's (a context country), a namesake in the other's country, within ``_JOINED_KM`` of it, is the one
    meant ("on the road between Palmyra and Sukhnah" in a report on Syria is Tadmur, not Palmyra, Pennsylvania)."""
    for m, m2 in zip(mentions, mentions[1:]):
        if m.feature != "populated_place" or m2.feature != "populated_place" or not m.country or not m2.country \
                or m.country == m2.country or m.latitude is None or m2.latitude is None \
                or not _JOINED_RE.fullmatch(text[m.end:m2.start]):
            continue
        for here, there in ((m, m2), (m2, m)):
            if there.country not in ctx:
                continue
            cands = lookup(_strip_possessive(here.text))
            near = [c for c in cands if c.feature == "populated_place"
                    and c.country == there.country and c.kind in (KIND_PRIMARY, KIND_ALT) and c.lat is not None
                    and haversine_km(c.lat, c.lon, there.latitude, there.longitude) <= _JOINED_KM]
            # a town of the context read as itself gives way only to a larger namesake ("Damascus" beside
            # "Washington" stays the Syrian capital)
            now = max((c.pop for c in cands if c.gid == here.gazetteer_id), default=0)
            if near and (here.country not in ctx or max(c.pop for c in near) > now):
                c = max(near, key=lambda x: x.pop)
                here.name, here.country, here.admin1, here.latitude, here.longitude = c.name, c.country, c.admin1, c.lat, c.lon
                here.gazetteer_id = c.gid
                break


def _check_parents(text: str, mentions: list[PlaceMention]) -> None:
    """A district whose province is named right after it ("Arghandab district of Zabul province") must be the
    district of that province: when the gazetteer's district lies in another one, the mention keeps its
    text and feature but loses the coordinates (a namesake district the table lacks)."""
    for k, m in enumerate(mentions):
        if not (m.gazetteer_id or "").startswith("area:") or m.feature != "admin2" or not m.admin1:
            continue
        parent = fold_key(m.admin1)
        for m2 in mentions[k + 1:k + 4]:
            if m2.start - m.end > 60 or _CLAUSE_END_RE.search(text, m.end, m2.start):
                break
            if m2.feature != "admin1" or m2.country != m.country:
                continue
            if not any(parent in fold_key(x) or fold_key(x) in parent for x in (m2.text, m2.name or "") if x):
                m.latitude = m.longitude = m.gazetteer_id = None
                m.name = m.text
            break
