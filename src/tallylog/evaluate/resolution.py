"""Cross-document resolution scored by B-cubed.

The system's events are matched to gold incidents document by document (the same one-to-one matching as
incident scoring); each matched event carries its gold incident's ``cluster``. All events of all documents
are then resolved into incidents by ``tallylog.resolve``, and the grouping of the matched events is compared
with the gold clusters. Unmatched events are extraction errors, counted by the incident scores, not here.
"""
from __future__ import annotations

from tallylog.evaluate.bcubed import BCubed, bcubed
from tallylog.evaluate.gold import GoldDoc
from tallylog.evaluate.matching import assign, haversine_km
from tallylog.evaluate.scoring import Accuracy
from tallylog.model import Extraction


def score_resolution(items: list[tuple[GoldDoc, Extraction]]) -> tuple[BCubed | None, dict[str, Accuracy]]:
    """B-cubed of the resolver's incidents over matched mentions (None when the gold has no clusters),
    and the accuracy of the merged values of incidents that stand for one gold cluster."""
    from tallylog.evaluate.scoring import incident_cost
    from tallylog.resolve import Resolver, fingerprint, mentions_from_extraction, near_duplicate

    merged = {a: Accuracy() for a in MERGED_ATTRIBUTES}
    if not any(i.cluster for g, _ in items for i in g.incidents):
        return None, merged
    gold_label: dict[str, str] = {}
    gold_of: dict[str, list] = {}
    mentions = []
    seen: list[tuple[int, str]] = []
    for gold, ex in items:
        fp = fingerprint(ex.report.text)
        group = next((grp for other, grp in seen if near_duplicate(fp, other)), ex.report.id)
        seen.append((fp, group))
        records = mentions_from_extraction(ex, source_group=group)
        for gi, pi, _ in assign(gold.incidents, ex.events, incident_cost):
            cluster = gold.incidents[gi].cluster
            if cluster:
                gold_label[records[pi].id] = cluster
                gold_of.setdefault(cluster, []).append(gold.incidents[gi])
        mentions.extend(records)
    incidents = Resolver().resolve(mentions)
    pred_label = {m.id: inc.id for inc in incidents for m in inc.mentions}
    scored = [m for m in gold_label if m in pred_label]
    if not scored:
        return None, merged
    for inc in incidents:
        labels = [gold_label[m.id] for m in inc.mentions if m.id in gold_label]
        if labels:
            _merged_accuracy(inc, gold_of[max(set(labels), key=labels.count)], merged)
    return bcubed({m: gold_label[m] for m in scored}, {m: pred_label[m] for m in scored}), merged


MERGED_ATTRIBUTES = ("date", "place", "killed", "injured")


def _merged_accuracy(inc, golds: list, merged: dict[str, Accuracy]) -> None:
    """A resolved incident's merged values against its gold cluster: the date (within a day of any gold
    date), the place (within 50 km of any gold place), and the casualty figures against the cluster's
    conservative figure (the lowest any gold document gives, as ACLED codes)."""
    from tallylog.resolve import summarise

    s = summarise(inc)
    gdates = [g.date for g in golds if g.date is not None]
    if gdates:
        ok = s.date is not None and any(abs((s.date - d).days) <= 1 for d in gdates)
        merged["date"].add(Accuracy(int(ok), 1))
    gplaces = [(g.lat, g.lon) for g in golds if g.lat is not None]
    if gplaces:
        loc = s.location
        ok = loc is not None and loc.latitude is not None and any(
            haversine_km(lat, lon, loc.latitude, loc.longitude) <= 50 for lat, lon in gplaces)
        merged["place"].add(Accuracy(int(ok), 1))
    for attr, mc in (("killed", s.fatalities), ("injured", s.injured)):
        values = [getattr(g, attr) for g in golds if getattr(g, attr) is not None]
        if values:
            merged[attr].add(Accuracy(int(mc.best == min(values)), 1))
