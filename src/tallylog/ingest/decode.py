"""Bytes to text: strict UTF-8 first, BOM-marked encodings, then charset-normalizer."""
from __future__ import annotations

import codecs

from tallylog.ingest.errors import Rejected

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CHAOS = 0.2  # charset-normalizer "mess" ratio above which a guess is not trusted
_MAX_CONTROL_RATIO = 0.01
BINARY_ADVICE = "not text (binary data); tallylog reads .txt, .html and .jsonl"


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / len(sample)


def decode_bytes(data: bytes) -> str:
    """Decode a document's bytes, or raise ``Rejected`` when they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise Rejected(f"{BINARY_ADVICE} (starts with a {encoding} mark but does not decode)") from None
    if b"\x00" in data:
        raise Rejected(BINARY_ADVICE)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise Rejected(BINARY_ADVICE)
    text = str(best)
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise Rejected(BINARY_ADVICE)
    return text
