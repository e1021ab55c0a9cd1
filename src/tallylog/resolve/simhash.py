"""Near-duplicate reports (syndicated wire copy, reposts) by 64-bit simhash of word shingles.

Copies of one story share a source group and count as one source. ``fingerprint`` is Charikar's
simhash over 2- and 3-word shingles of the normalised text; ``near_duplicate`` compares two fingerprints by
Hamming distance; ``source_groups`` groups many texts at once by splitting fingerprints into bands
(two fingerprints within ``threshold`` bits agree exactly on at least one of ``threshold + 1`` bands).
"""
from __future__ import annotations

import hashlib
import re

import numpy as np
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
    hashes = [_hash64(" ".join(words[i:i + n]))
              for n in (max(1, min(size, len(words))) for size in sizes)
              for i in range(len(words) - n + 1)]
    # bit k of every hash at once: little-endian bytes, bits unpacked least significant first
    bits = np.unpackbits(np.array(hashes, dtype="<u8").view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    votes = 2 * bits.sum(axis=0, dtype=np.int64) - len(hashes)  # +1 per set bit, -1 per clear bit
    out = 0
    for bit in np.flatnonzero(votes > 0):
        out |= 1 << int(bit)
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


class FingerprintIndex:
    """Fingerprints seen so far, each with its group, found again by band buckets (not by a scan of all):
    any fingerprint within ``threshold`` bits of a stored one agrees with it exactly on one of
    ``threshold + 1`` bands."""

    def __init__(self, threshold: int = 3):
        self.threshold = threshold
        self.bands = threshold + 1
        self.width = 64 // self.bands
        self._buckets: dict[tuple[int, int], list[tuple[int, Hashable]]] = {}

    def _keys(self, fp: int):
        for b in range(self.bands):
            lo = b * self.width
            hi = 64 if b == self.bands - 1 else lo + self.width
            yield b, (fp >> lo) & ((1 << (hi - lo)) - 1)

    def add(self, fp: int, group: Hashable) -> None:
        for key in self._keys(fp):
            self._buckets.setdefault(key, []).append((fp, group))

    def find(self, fp: int) -> Hashable | None:
        """The group of the first stored near-duplicate of ``fp``, or None."""
        best: tuple[int, Hashable] | None = None
        for key in self._keys(fp):
            for other, group in self._buckets.get(key, ()):
                d = hamming(fp, other)
                if d <= self.threshold and (best is None or d < best[0]):
                    best = (d, group)
        return None if best is None else best[1]
