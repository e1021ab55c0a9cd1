"""Name keys for the gazetteer: the same function builds the index and reads it.

Two keys per name:

* ``norm_key`` - case-folded, diacritics stripped, apostrophes and ayin/hamza marks dropped,
  hyphens and punctuation turned into spaces. "Deir ez-Zor" -> "deir ez zor".
* ``fold_key`` - a transliteration-folding key on top of ``norm_key`` that makes the usual
  spellings of Arabic (and similar) names meet: Arabic articles dropped (al-, el-, ash-, ...),
  "Ain"/"Ayn"/"Ein" unified, doubled letters single, "ou" -> "u", "ee" -> "i", and a final
  vowel ending (-i/-ah/-eh/-a/-iyah/...) dropped from longer words, "aw" and "o" folded to "u", and an
  assimilated article joined to a later word dropped ("Ezzor" -> "zor"). "Ain al-Assad" and
  "Ayn al Asad" share a key; so do "al-Shaddadi" and "Ash Shaddadah", "Hodeidah" and "Hudaydah",
  "Deir el-Zour" and "Dayr az Zawr".

The word lists the fold applies live in ``data/gazetteer/translit.json``.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

_APOSTROPHES = "'’‘`´ʿʾʼʻ′"
_APOS_RE = re.compile("[" + re.escape(_APOSTROPHES) + "]")
_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")
_REPEAT_RE = re.compile(r"([a-z])\1+")


def data_file(name: str):
    """A file of the shipped gazetteer data (``tallylog/data/gazetteer/<name>``)."""
    return resources.files("tallylog").joinpath("data", "gazetteer", name)


@lru_cache(maxsize=1)
def _translit() -> dict:
    """The transliteration-folding word lists (articles, token synonyms, suffixes)."""
    data = json.loads(data_file("translit.json").read_text(encoding="utf-8"))
    return {
        "articles": frozenset(data["articles"]),
        "synonyms": dict(data["token_synonyms"]),
        "suffix_re": re.compile("(?:" + "|".join(data["final_endings"]) + ")$"),
        "min_stem": int(data["min_stem"]),
        "digraphs": [tuple(p) for p in data["digraphs"]],
        "joined_article_re": re.compile(data.get("joined_article", r"(?!)")),
        "first_article_re": re.compile(r"(?i)(" + "|".join(data["first_articles"]) + r")([a-z]{3,})"),
    }


def split_first_article(name: str) -> str | None:
    """A one-word name that opens with an Arabic article written joined to it, article apart ("Elwak" -> "El
    wak"); None otherwise."""
    if " " in name:
        return None
    m = _translit()["first_article_re"].fullmatch(name)
    return f"{m.group(1)} {m.group(2)}" if m else None


def strip_diacritics(text: str) -> str:
    """Remove combining marks after NFKD decomposition ("Ḩasakah" -> "Hasakah")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def norm_key(name: str) -> str:
    """The exact-match key of a name: casefold, no diacritics/apostrophes, spaces for punctuation."""
    text = strip_diacritics(name).casefold()
    text = _APOS_RE.sub("", text)
    text = text.replace("ı", "i").replace("ø", "o").replace("ß", "ss").replace("æ", "ae").replace("đ", "d")
    return _NON_ALNUM_RE.sub(" ", text).strip()


def _fold_token(token: str, tl: dict) -> str:
    token = tl["synonyms"].get(token, token)
    if token.isdigit():
        return token
    for src, dst in tl["digraphs"]:
        token = token.replace(src, dst)
    token = _REPEAT_RE.sub(r"\1", token)
    if len(token) > tl["min_stem"]:
        stem = tl["suffix_re"].sub("", token)
        if len(stem) >= tl["min_stem"]:
            token = stem
    return token


@lru_cache(maxsize=200_000)
def fold_key(name: str) -> str:
    """The transliteration-folding key of a name (see the module docstring)."""
    tl = _translit()
    tokens = norm_key(name).split()
    # Arabic articles written joined to the noun ("alanbar") are left alone: only free-standing
    # article tokens go, and never the last token.
    kept = [t for i, t in enumerate(tokens) if not (t in tl["articles"] and i < len(tokens) - 1)]
    # An assimilated article written joined to a later token ("Deir Ezzor") goes too.
    kept = [t if i == 0 else tl["joined_article_re"].sub(r"\1", t) for i, t in enumerate(kept)]
    return " ".join(_fold_token(t, tl) for t in kept if t)


def keys(name: str) -> tuple[str, str]:
    """Both keys of a name: (norm_key, fold_key)."""
    return norm_key(name), fold_key(name)
