"""Near-duplicate reports (syndicated wire copy, reposts) by 64-bit simhash of word shingles.

Copies of one story share a source group and count as one source. ``fingerprint`` is Charikar's
simhash over 2- and 3-word shingles of the normalised text; ``near_duplicate`` compares two fingerprints by
Hamming distance; ``source_groups`` groups many texts at once by splitting fingerprints into bands
(two fingerprints within ``threshold`` bits agree exactly on at least one of ``threshold + 1`` bands).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Hashable, Mapping

from tallylog.model import normalise_text

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK = (1 << 64) - 1


def _hash64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


def fingerprint(text: str, sizes: tuple[int, ...] = (2, 3)) -> int:
    """64-bit simhash of the text's word shingles of the given sizes (NFKC, case-folded, punctuation
    ignored). Two- and three-word shingles together keep a repost with a new header and footer within
    3 bits while distinct stories on one topic stay far apart (see docs/resolution.md)."""
    words = _WORD.findall(normalise_text(text))
    if not words:
        return 0
    counts = [0] * 64
    for size in sizes:
        n = max(1, min(size, len(words)))
        for i in range(len(words) - n + 1):
            h = _hash64(" ".join(words[i:i + n]))
            for bit in range(64):
                counts[bit] += 1 if (h >> bit) & 1 else -1
    out = 0
    for bit, c in enumerate(counts):
        if c > 0:
            out |= 1 << bit
    return out & _MASK


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & _MASK).bit_count()


def near_duplicate(a: int, b: int, threshold: int = 3) -> bool:
    """Whether two fingerprints are within ``threshold`` differing bits: copies of one story."""
    return hamming(a, b) <= threshold


def source_groups(fingerprints: Mapping[Hashable, int], threshold: int = 3) -> dict[Hashable, Hashable]:
    """item -> group (the first item of its group, in the mapping's order) for near-duplicate fingerprints.

    Near-duplicates are joined transitively (union-find). Candidates come from band buckets, so the
    cost grows with the number of items, not its square.
    """
    items = list(fingerprints)
    parent = {i: i for i in items}

    def find(x: Hashable) -> Hashable:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    bands = threshold + 1
    width = 64 // bands
    buckets: dict[tuple[int, int], list[Hashable]] = {}
    order = {i: n for n, i in enumerate(items)}
    for item in items:
        fp = fingerprints[item]
        for b in range(bands):
            lo = b * width
            hi = 64 if b == bands - 1 else lo + width
            key = (b, (fp >> lo) & ((1 << (hi - lo)) - 1))
            for other in buckets.get(key, ()):
                if near_duplicate(fp, fingerprints[other], threshold):
                    ra, rb = find(item), find(other)
                    if ra != rb:
                        first, second = (ra, rb) if order[ra] < order[rb] else (rb, ra)
                        parent[second] = first
            buckets.setdefault(key, []).append(item)
    return {i: find(i) for i in items}
