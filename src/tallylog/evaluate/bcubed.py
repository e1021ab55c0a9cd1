"""B-cubed scoring of clusterings (Bagga & Baldwin 1998; Amigo et al. 2009).

Used to score cross-document resolution: which incident mentions, across all reports, the
system groups into one incident, against the gold grouping.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

Clusters = Mapping[Hashable, Hashable] | Iterable[Iterable[Hashable]]


@dataclass(frozen=True, slots=True)
class BCubed:
    """Item-averaged B-cubed precision, recall and F1 over ``items`` items."""

    precision: float
    recall: float
    f1: float
    items: int

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "items": self.items}


def _as_labels(clusters: Clusters) -> dict[Hashable, Hashable]:
    """item -> cluster label, from a mapping or from an iterable of clusters (item sets)."""
    if isinstance(clusters, Mapping):
        return dict(clusters)
    labels: dict[Hashable, Hashable] = {}
    for index, cluster in enumerate(clusters):
        for item in cluster:
            if item in labels:
                raise ValueError(f"item {item!r} is in more than one cluster")
            labels[item] = index
    return labels


def bcubed(clusters_gold: Clusters, clusters_pred: Clusters) -> BCubed:
    """B-cubed precision/recall/F1 of a predicted clustering against the gold one.

    Each side is either a mapping item -> cluster label or an iterable of clusters. An item found
    on one side only counts as a singleton on the other, so leaving items out is penalised rather
    than ignored. Precision of an item = share of its predicted cluster that shares its gold
    cluster; recall = share of its gold cluster found in its predicted cluster; both averaged over
    items. With no items at all, all figures are 1.0.
    """
    gold, pred = _as_labels(clusters_gold), _as_labels(clusters_pred)
    items = list(dict.fromkeys([*gold, *pred]))
    if not items:
        return BCubed(1.0, 1.0, 1.0, 0)
    gold_label = {i: gold.get(i, ("__only_pred__", i)) for i in items}
    pred_label = {i: pred.get(i, ("__only_gold__", i)) for i in items}
    gold_members: dict[Hashable, set[Hashable]] = {}
    pred_members: dict[Hashable, set[Hashable]] = {}
    for i in items:
        gold_members.setdefault(gold_label[i], set()).add(i)
        pred_members.setdefault(pred_label[i], set()).add(i)
    precision = recall = 0.0
    for i in items:
        g, p = gold_members[gold_label[i]], pred_members[pred_label[i]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1, len(items))
