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
from collections.abc import Hashable, Iterable, Mapping

from tallylog.model import normalise_text

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK = (1 << 64) - 1
_blake2b = hashlib.blake2b


def fingerprint(text: str, sizes: tuple[int, ...] = (2, 3)) -> int:
    """64-bit simhash of the text's word shingles of the given sizes (NFKC, case-folded, punctuation
    ignored). Two- and three-word shingles together keep a repost with a new header and footer within
    3 bits while distinct stories on one topic stay far apart (see docs/resolution.md)."""
    words = _WORD.findall(normalise_text(text))
    if not words:
        return 0
    digests: list[bytes] = []
    add = digests.append
    # each shingle's 8-byte BLAKE2b digest, from a copy of a fresh 8-byte hasher: the same digest as
    # blake2b(data, digest_size=8) (the digest size is part of the hasher's initial state), without setting
    # up the hasher's parameters anew for every shingle, which cost more than hashing the shingle
    fresh = _blake2b(digest_size=8).copy
    for n in (max(1, min(size, len(words))) for size in sizes):
        for shingle in map(" ".join, zip(*(words[k:] for k in range(n)))):
            h = fresh()
            h.update(shingle.encode("utf-8"))
            add(h.digest())
    # each shingle's hash is its 8-byte BLAKE2b digest read as a big-endian number; bit k of every hash at once:
    # little-endian bytes, bits unpacked least significant first
    hashes = np.frombuffer(b"".join(digests), dtype=">u8").astype("<u8")
    bits = np.unpackbits(hashes.view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
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
    ``threshold + 1`` bands.

    ``add_many`` (a ledger's worth, when a run starts) keeps its fingerprints compact: one array of them and,
    per band, the entries sorted by band value (about 40 bytes a fingerprint besides its group, where a dict
    of buckets takes some 700). ``add`` puts later ones in buckets; ``find`` visits both in the order added.
    """

    def __init__(self, threshold: int = 3):
        self.threshold = threshold
        self.bands = threshold + 1
        self.width = 64 // self.bands
        self._buckets: dict[tuple[int, int], list[tuple[int, Hashable]]] = {}
        self._spans = [(b, b * self.width, (1 << ((64 if b == self.bands - 1 else (b + 1) * self.width)
                                                  - b * self.width)) - 1) for b in range(self.bands)]
        self._fps: np.ndarray | None = None  # the bulk part: fingerprints, groups, per band (sorted values, order)
        self._groups: list[Hashable] = []
        self._sorted: list[tuple[np.ndarray, np.ndarray]] = []

    def _keys(self, fp: int):
        for b, lo, mask in self._spans:
            yield b, (fp >> lo) & mask

    def add(self, fp: int, group: Hashable) -> None:
        for key in self._keys(fp):
            self._buckets.setdefault(key, []).append((fp, group))

    def add_many(self, items: Iterable[tuple[int, Hashable]]) -> None:
        """``add`` for many (fingerprint, group) pairs, in order (a ledger's worth when a run starts)."""
        if self._buckets or self._fps is not None:  # the bulk part comes first, once
            for fp, group in items:
                self.add(fp, group)
            return
        fps: list[int] = []
        for fp, group in items:
            fps.append(fp & _MASK)
            self._groups.append(group)
        arr = np.array(fps, dtype=np.uint64)
        self._fps = arr
        for _, lo, mask in self._spans:
            values = (arr >> np.uint64(lo)) & np.uint64(mask)
            order = np.argsort(values, kind="stable")  # equal band values stay in the order added
            self._sorted.append((values[order], order))

    def find(self, fp: int) -> Hashable | None:
        """The group of the nearest stored near-duplicate of ``fp`` (the first added of the nearest), or None."""
        best: tuple[int, Hashable] | None = None
        fps = self._fps
        for b, lo, mask in self._spans:
            key = (fp >> lo) & mask
            if fps is not None:
                values, order = self._sorted[b]
                # the key as the array's own type: a Python int would have numpy convert the whole array
                k64 = np.uint64(key)
                i, j = np.searchsorted(values, k64, "left"), np.searchsorted(values, k64, "right")
                for k in order[i:j].tolist():
                    d = hamming(fp, int(fps[k]))
                    if d <= self.threshold and (best is None or d < best[0]):
                        best = (d, self._groups[k])
            for other, group in self._buckets.get((b, key), ()):
                d = hamming(fp, other)
                if d <= self.threshold and (best is None or d < best[0]):
                    best = (d, group)
        return None if best is None else best[1]
