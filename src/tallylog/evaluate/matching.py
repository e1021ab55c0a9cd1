"""Pairing predictions with gold items: distances, date agreement and one-to-one assignment.

``assign`` finds the pairing that first maximises the number of pairs and then minimises their
total cost (for incidents: kilometres), with the Hungarian method on a padded square matrix,
so no pairing is ever counted twice.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

EARTH_RADIUS_KM = 6371.0088  # IUGG mean Earth radius
MAX_DISTANCE_KM = 50.0
MAX_DAYS_APART = 1

G = TypeVar("G")
P = TypeVar("P")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two WGS84 points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def dates_agree(gold: date | None, predicted: date | None, gold_end: date | None = None,
                tolerance_days: int = MAX_DAYS_APART) -> bool:
    """Do the dates agree? Within ``tolerance_days`` of a gold day, inside a gold range
    (``gold`` .. ``gold_end``), or both unknown."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if gold_end is not None:
        return gold <= predicted <= gold_end
    return abs((predicted - gold).days) <= tolerance_days


_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_LEADING_ARTICLE = re.compile(r"^(?:the|al)\s+")


def normalise_place(text: str | None) -> str | None:
    """A place name as compared when coordinates are missing: accents and punctuation dropped,
    case-folded, a leading "the"/"al" removed ("Al-Asad" == "al Asad" == "Asad")."""
    if text is None:
        return None
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"\s+", " ", _PUNCT.sub(" ", text)).strip()
    text = _LEADING_ARTICLE.sub("", text)
    return text or None


_STOPWORDS = frozenset({"the", "a", "an", "of", "and", "for", "to", "in", "on", "at", "s"})


def speaker_tokens(text: str | None) -> list[str]:
    """Content words of a speaker description, normalised (case, accents, punctuation)."""
    norm = normalise_place(text) or ""
    return [t for t in norm.split() if t not in _STOPWORDS]


def token_f1(gold: str | None, predicted: str | None) -> float:
    """Token-overlap F1 of two short texts (bag of content words); 1.0 when both are empty."""
    g, p = speaker_tokens(gold), speaker_tokens(predicted)
    if not g or not p:
        return 1.0 if not g and not p else 0.0
    common = 0
    remaining = list(p)
    for tok in g:
        if tok in remaining:
            remaining.remove(tok)
            common += 1
    if common == 0:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def _hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost assignment for an n x m matrix with n <= m: column chosen for each row."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    row_to_col = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            row_to_col[p[j] - 1] = j - 1
    return row_to_col


def assign(gold: Sequence[G], predicted: Sequence[P],
           pair_cost: Callable[[G, P], float | None]) -> list[tuple[int, int, float]]:
    """One-to-one pairs ``(gold index, predicted index, cost)``.

    ``pair_cost`` returns None when two items cannot be paired, else a cost >= 0. Among all
    pairings the one with the most pairs wins; among those, the lowest total cost.
    """
    if not gold or not predicted:
        return []
    costs = [[pair_cost(g, p) for p in predicted] for g in gold]
    feasible = [c for row in costs for c in row if c is not None]
    if not feasible:
        return []
    # A bonus larger than any possible total cost makes each extra pair worth more than any saving.
    bonus = (max(feasible) + 1.0) * (min(len(gold), len(predicted)) + 1)
    transpose = len(gold) > len(predicted)
    matrix = [[(bonus * -1 + c) if c is not None else 0.0 for c in row] for row in costs]
    if transpose:
        matrix = [list(col) for col in zip(*matrix)]
    chosen = _hungarian(matrix)
    pairs = []
    for row, col in enumerate(chosen):
        gi, pi = (col, row) if transpose else (row, col)
        cost = costs[gi][pi]
        if col >= 0 and cost is not None:
            pairs.append((gi, pi, cost))
    return sorted(pairs)
