"""Tests of the evaluation command's scoring: every expected figure is worked out by hand."""
from __future__ import annotations

import itertools
import json
import math
import random
from datetime import date
from pathlib import Path

import pytest

from tallylog.evaluate import (
    GoldError, SourceError, bcubed, evaluate, format_result, load_gold, load_text, result_to_json,
)
from tallylog.evaluate.matching import assign, haversine_km, token_f1
from tallylog.model import Claim, Event, Extraction, Location, Report, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
KM_PER_DEG_LAT = 6371.0088 * math.pi / 180  # kilometres per degree of latitude on the mean sphere

BASE_LAT, BASE_LON = 33.0, 44.0


# ---- builders --------------------------------------------------------------------------------

def gold_incident(**over) -> dict:
    inc = {
        "date": "2025-03-11", "date_precision": "day",
        "place": "Baghdad", "place_text": "Baghdad", "country": "IQ", "lat": BASE_LAT, "lon": BASE_LON,
        "geo_precision": 1, "coord_source": "test", "kind": "other_attack",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
        "weapons": ["ied"], "perpetrator": None, "target": None,
        "killed": 5, "injured": None, "status": "reported", "evidence": "a bomb exploded",
    }
    inc.update(over)
    return inc


def gold_claim(**over) -> dict:
    cl = {"value": 66, "qualifier": "at_least", "unit": "attacks", "since": "2023-10-17",
          "as_of": "2023-11-21", "region": ["IQ", "SY"], "speaker": "Pentagon deputy press secretary",
          "evidence": "at least 66 attacks"}
    cl.update(over)
    return cl


def gold_doc(doc_id: str, incidents=(), claims=(), relevant=True, published="2025-03-12") -> dict:
    return {"id": doc_id, "source": f"docs/{doc_id}.txt", "published": published, "relevant": relevant,
            "incidents": list(incidents), "claims": list(claims)}


def event(day: str | None = "2025-03-11", km_north: float | None = 0.0, *, name: str | None = None,
          **over) -> Event:
    """A predicted event ``km_north`` kilometres north of the base point (None: no coordinates)."""
    loc = None
    if km_north is not None or name is not None:
        loc = Location(name=name, text=name,
                       latitude=None if km_north is None else BASE_LAT + km_north / KM_PER_DEG_LAT,
                       longitude=None if km_north is None else BASE_LON)
    fields = dict(id="e", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                  date=date.fromisoformat(day) if day else None, location=loc, weapons=["ied"],
                  fatalities=5, injured=None, status="reported",
                  evidence=[Span(0, 15, "a bomb exploded")])
    fields.update(over)
    return Event(**fields)


def claim(**over) -> Claim:
    fields = dict(value=66, qualifier="at_least", unit="attacks", since=date(2023, 10, 17),
                  as_of=date(2023, 11, 21), region=["SY", "IQ"], speaker="Pentagon deputy press secretary")
    fields.update(over)
    return Claim(**fields)


@pytest.fixture()
def shared(tmp_path: Path) -> Path:
    root = tmp_path / "shared"
    (root / "docs").mkdir(parents=True)
    return root


def run(shared: Path, docs: list[dict], predictions: dict[str, tuple[list[Event], list[Claim]]],
        texts: dict[str, str] | None = None):
    """Write a gold file and its texts, and evaluate with an extractor returning ``predictions``."""
    for d in docs:
        text = (texts or {}).get(d["id"], "Headline\n\na bomb exploded; at least 66 attacks were counted.")
        (shared / d["source"]).write_text(text, encoding="utf-8")
    gold = shared.parent / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    by_source = {d["source"]: predictions.get(d["id"], ([], [])) for d in docs}

    def fake_extractor(report: Report) -> Extraction:
        events, claims = by_source[report.source]
        return Extraction(report=report, events=list(events), claims=list(claims))

    return evaluate(gold, shared_root=shared, extractor=fake_extractor)


# ---- incidents -------------------------------------------------------------------------------

@pytest.mark.parametrize("predicted_day, matches", [
    ("2025-03-11", True), ("2025-03-10", True), ("2025-03-12", True),
    ("2025-03-09", False), ("2025-03-13", False), (None, False),
])
def test_dates_agree_within_one_day(shared, predicted_day, matches):
    result = run(shared, [gold_doc("d1", [gold_incident()])], {"d1": ([event(predicted_day)], [])})
    assert (result.incidents.tp, result.incidents.fp, result.incidents.fn) == ((1, 0, 0) if matches else (0, 1, 1))


def test_both_dates_unknown_agree_and_date_attribute_is_exact_day(shared):
    docs = [gold_doc("d1", [gold_incident(date=None, date_precision="unknown"),
                            gold_incident(date="2025-03-11", lat=BASE_LAT + 2)])]
    preds = [event(None), event("2025-03-12", 2 * KM_PER_DEG_LAT)]
    result = run(shared, docs, {"d1": (preds, [])})
    assert result.incidents.tp == 2
    # the unknown pair is right, the pair one day apart matches but its date is wrong
    assert (result.incident_attributes["date"].correct, result.incident_attributes["date"].total) == (1, 2)


def test_gold_date_range_contains_prediction(shared):
    docs = [gold_doc("d1", [gold_incident(date="2025-03-01/2025-03-05", date_precision="range")])]
    inside = run(shared, docs, {"d1": ([event("2025-03-04")], [])})
    assert inside.incidents.tp == 1
    assert inside.incident_attributes["date"].correct == 1
    outside = run(shared, docs, {"d1": ([event("2025-03-06")], [])})
    assert (outside.incidents.tp, outside.incidents.fp, outside.incidents.fn) == (0, 1, 1)


@pytest.mark.parametrize("gold_date, precision, predicted_day, matches", [
    ("2022-07-01", "month", "2022-07-31", True),    # a month is written as its first day
    ("2022-07-01", "month", "2022-08-01", False),
    ("2014-01-01", "year", "2014-12-30", True),
    ("2014-01-01", "year", "2015-01-01", False),
    ("2025-03-11", "range", "2025-03-12", True),     # a range with no end: its start, within a day
    ("2025-03-11", "range", "2025-03-13", False),
])
def test_month_year_and_open_range_gold_dates(shared, gold_date, precision, predicted_day, matches):
    docs = [gold_doc("d1", [gold_incident(date=gold_date, date_precision=precision)])]
    result = run(shared, docs, {"d1": ([event(predicted_day)], [])})
    assert result.incidents.tp == int(matches)
    if matches and precision in ("month", "year"):
        assert result.incident_attributes["date"].correct == 1


@pytest.mark.parametrize("km, matches", [(0.0, True), (49.9, True), (50.1, False), (120.0, False)])
def test_fifty_km_boundary(shared, km, matches):
    assert haversine_km(BASE_LAT, BASE_LON, BASE_LAT + km / KM_PER_DEG_LAT, BASE_LON) == pytest.approx(km, abs=1e-6)
    result = run(shared, [gold_doc("d1", [gold_incident()])], {"d1": ([event(km_north=km)], [])})
    assert result.incidents.tp == int(matches)


def test_prediction_without_coordinates_does_not_match_gold_with_coordinates(shared):
    result = run(shared, [gold_doc("d1", [gold_incident()])], {"d1": ([event(km_north=None, name="Baghdad")], [])})
    assert (result.incidents.tp, result.incidents.fp, result.incidents.fn) == (0, 1, 1)


def test_two_predictions_near_one_gold_incident_count_once(shared):
    result = run(shared, [gold_doc("d1", [gold_incident()])], {"d1": ([event(km_north=1), event(km_north=2)], [])})
    c = result.incidents
    assert (c.tp, c.fp, c.fn) == (1, 1, 0)
    assert c.precision == pytest.approx(1 / 2)
    assert c.recall == pytest.approx(1.0)
    assert c.f1 == pytest.approx(2 * 0.5 * 1.0 / 1.5)


def test_matching_maximises_pairs_before_distance(shared):
    # gold A at 0 km, gold B at 45 km; p1 at 10 km (A 10 km, B 35 km), p2 at -30 km (only A).
    # Pairing p1 with its nearest (A) would leave B unmatched; the best pairing is p1-B, p2-A.
    docs = [gold_doc("d1", [gold_incident(killed=1), gold_incident(lat=BASE_LAT + 45 / KM_PER_DEG_LAT, killed=2)])]
    preds = [event(km_north=10, fatalities=2), event(km_north=-30, fatalities=1)]
    result = run(shared, docs, {"d1": (preds, [])})
    assert (result.incidents.tp, result.incidents.fp, result.incidents.fn) == (2, 0, 0)
    assert result.incident_attributes["killed"].correct == 2


def test_matching_minimises_distance_among_maximal_pairings(shared):
    # gold A at 0 km (killed 1), gold B at 20 km (killed 2); p1 at 1 km, p2 at 19 km: both pairings
    # match twice; the shorter one (p1-A, p2-B: 2 km in all, not 38 km) gets killed right twice.
    docs = [gold_doc("d1", [gold_incident(killed=1), gold_incident(lat=BASE_LAT + 20 / KM_PER_DEG_LAT, killed=2)])]
    preds = [event(km_north=19, fatalities=2), event(km_north=1, fatalities=1)]
    result = run(shared, docs, {"d1": (preds, [])})
    assert result.incidents.tp == 2
    assert (result.incident_attributes["killed"].correct, result.incident_attributes["killed"].total) == (2, 2)


def test_attribute_accuracy_and_null_handling(shared):
    docs = [gold_doc("d1", [
        gold_incident(weapons=["ied", "small_arms"], killed=None, injured=3, status="reported"),
        gold_incident(lat=BASE_LAT + 1, weapons=["drone"], killed=0, injured=None, status="claimed",
                      event_type="Battles", sub_event_type="Armed clash"),
    ])]
    preds = [
        # weapons equal as sets (order, repeats); killed null == null; injured 3 vs null wrong
        event(weapons=["small_arms", "ied", "ied"], fatalities=None, injured=None),
        # weapons wrong; killed 0 vs null wrong (0 is not unknown); injured null == null; status wrong;
        # event type wrong, sub-event type wrong
        event(km_north=KM_PER_DEG_LAT, weapons=["rocket"], fatalities=None, injured=None, status="reported"),
    ]
    result = run(shared, docs, {"d1": (preds, [])})
    acc = {k: (v.correct, v.total) for k, v in result.incident_attributes.items()}
    assert result.incidents.tp == 2
    assert acc == {"weapons": (1, 2), "killed": (1, 2), "injured": (1, 2), "event_type": (1, 2),
                   "sub_event_type": (1, 2), "status": (1, 2), "date": (2, 2)}


def test_gold_without_coordinates_matches_on_place_name(shared):
    docs = [gold_doc("d1", [gold_incident(place="Al-Asad", place_text="Ain al-Asad", lat=None, lon=None),
                            gold_incident(place=None, place_text=None, lat=None, lon=None)])]
    preds = [event(km_north=None, name="al Asad"), event(km_north=None, name=None), event(km_north=None, name="Erbil")]
    result = run(shared, docs, {"d1": (preds, [])})
    assert (result.incidents.tp, result.incidents.fp, result.incidents.fn) == (2, 1, 0)


# ---- claims ----------------------------------------------------------------------------------

def test_claims_match_on_value_and_unit_one_to_one(shared):
    docs = [gold_doc("d1", claims=[gold_claim(), gold_claim(value=14, region=["IQ"]), gold_claim(value=9, unit="injured")])]
    preds = [claim(unit="attack"),             # unit singular: same unit
             claim(),                          # second copy of the same claim: spurious
             claim(value=14, region=["IQ"]),
             claim(value=9, unit="attacks")]   # wrong unit: spurious; gold 9 injured missed
    result = run(shared, docs, {"d1": ([], preds)})
    c = result.claims
    assert (c.tp, c.fp, c.fn) == (2, 2, 1)
    assert c.precision == pytest.approx(2 / 4)
    assert c.recall == pytest.approx(2 / 3)
    assert c.f1 == pytest.approx(2 * 2 / (2 * 2 + 2 + 1))


def test_claim_attributes(shared):
    docs = [gold_doc("d1", published="2023-11-21", claims=[
        gold_claim(value=1, as_of=None),                     # as_of defaults to publication
        gold_claim(value=2, qualifier="exact", region=["IQ"]),
        gold_claim(value=3, since=None, speaker=None),
    ])]
    preds = [
        claim(value=1, as_of=date(2023, 11, 21), speaker="deputy press secretary Sabrina Singh"),  # all right
        claim(value=2, speaker="Pentagon", region=["IQ", "SY"]),   # qualifier, region, speaker wrong
        claim(value=3, since=date(2023, 10, 18), as_of=None, speaker=None),  # since, as_of wrong
    ]
    result = run(shared, docs, {"d1": ([], preds)})
    acc = {k: (v.correct, v.total) for k, v in result.claim_attributes.items()}
    assert result.claims.tp == 3
    assert acc == {"qualifier": (2, 3), "since": (2, 3), "as_of": (2, 3), "region": (2, 3), "speaker": (2, 3)}


def test_speaker_overlap():
    # 3 shared content words: precision 3/5, recall 3/4 -> F1 0.667 >= 0.5
    assert token_f1("Pentagon deputy press secretary", "deputy press secretary Sabrina Singh") == pytest.approx(2 / 3)
    assert token_f1("Pentagon deputy press secretary", "the Pentagon") == pytest.approx(0.4)
    assert token_f1(None, None) == 1.0
    assert token_f1("a US official", None) == 0.0


# ---- documents, micro-averaging, output ------------------------------------------------------

def test_relevance_and_micro_average(shared):
    docs = [gold_doc("a", [gold_incident()]),                # relevant, predicted: tp
            gold_doc("b", relevant=False),                   # not relevant, predicted: fp
            gold_doc("c", claims=[gold_claim()]),            # relevant, nothing predicted: fn
            gold_doc("d", relevant=False)]                   # not relevant, nothing predicted
    preds = {"a": ([event(), event("2025-01-01")], []), "b": ([], [claim()])}
    result = run(shared, docs, preds)
    r = result.relevance
    assert (r.tp, r.fp, r.fn) == (1, 1, 1)
    assert r.precision == pytest.approx(0.5) and r.recall == pytest.approx(0.5)
    # incidents: doc a tp 1 fp 1; claims: doc b fp 1, doc c fn 1
    assert (result.incidents.tp, result.incidents.fp, result.incidents.fn) == (1, 1, 0)
    assert (result.claims.tp, result.claims.fp, result.claims.fn) == (0, 1, 1)
    assert result.claims.precision == 0.0 and result.claims.f1 == 0.0
    assert [d.id for d in result.documents] == ["a", "b", "c", "d"]


def test_undefined_figures_are_none_not_zero(shared):
    result = run(shared, [gold_doc("d", relevant=False)], {})
    assert result.incidents.precision is None and result.incidents.recall is None and result.incidents.f1 is None
    assert result.incident_attributes["killed"].value is None
    text = format_result(result)
    assert "n/a" in text


def test_verbose_report_shows_misses_spurious_and_attribute_errors_with_evidence(shared):
    docs = [gold_doc("d1", [gold_incident(killed=5), gold_incident(lat=BASE_LAT + 3, evidence="a second blast")],
                     [gold_claim(evidence="at least 66 attacks")])]
    preds = [event(fatalities=4, evidence=[Span(0, 15, "a bomb exploded")]),
             event("2024-01-01", evidence=[Span(0, 5, "old story")])]
    texts = {"d1": "Headline\n\na bomb exploded; at least 66 attacks were counted."}
    result = run(shared, docs, {"d1": (preds, [])}, texts)
    out = format_result(result, verbose=True)
    assert "tp 1  fp 1  fn 1" in out                   # incidents
    assert "killed: gold 5, predicted 4" in out
    assert "missed incident" in out and "a second blast" in out
    assert "spurious incident" in out and "old story" in out
    assert "missed claim" in out
    # "a second blast" is not in the text: flagged as a gold problem
    assert "not an exact substring" in out
    assert "Per document" not in format_result(result, verbose=False)
    data = json.loads(json.dumps(result_to_json(result)))
    assert data["incidents"]["tp"] == 1 and data["incidents"]["attributes"]["killed"]["correct"] == 0
    assert data["per_document"][0]["id"] == "d1"


# ---- gold file and source errors -------------------------------------------------------------

@pytest.mark.parametrize("line, fragment", [
    ("{not json", "not valid JSON"),
    (json.dumps({**gold_doc("x"), "relevnt": True}), "unknown field(s) relevnt"),
    (json.dumps({k: v for k, v in gold_doc("x").items() if k != "relevant"}), "missing required field(s) relevant"),
    (json.dumps(gold_doc("x", [gold_incident(lat=None)])), "both lat and lon"),
    (json.dumps(gold_doc("x", [gold_incident(weapons=["tank"])])), "incidents[0].weapons"),
    (json.dumps(gold_doc("x", [gold_incident(sub_event_type="Armed clash")])), "incidents[0].sub_event_type"),
    (json.dumps(gold_doc("x", [gold_incident(date="2025-02-30")])), "not a real date"),
    (json.dumps(gold_doc("x", [gold_incident(killed=-1)])), "incidents[0].killed"),
    (json.dumps(gold_doc("x", claims=[gold_claim(region=["Iraq"])])), "claims[0].region"),
    (json.dumps(gold_doc("x", claims=[gold_claim(qualifier="roughly")])), "claims[0].qualifier"),
])
def test_bad_gold_line_names_file_line_and_field(tmp_path, line, fragment):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(gold_doc("ok")) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as err:
        load_gold(path)
    assert f"{path}:2" in str(err.value)
    assert fragment in str(err.value)


def test_duplicate_ids_and_blank_lines(tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_text(json.dumps(gold_doc("a")) + "\n\n" + json.dumps(gold_doc("a")) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"dup.jsonl:3: duplicate document id 'a' \(first on line 1\)"):
        load_gold(path)


def test_missing_shared_root_is_a_clear_error(tmp_path, monkeypatch):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(gold_doc("a")) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match="shared data folder not found"):
        evaluate(gold, shared_root=tmp_path / "nowhere", extractor=lambda r: Extraction(report=r))
    monkeypatch.setenv("TALLYLOG_SHARED", str(tmp_path / "also-nowhere"))
    with pytest.raises(SourceError, match=r"TALLYLOG_SHARED"):
        evaluate(gold, extractor=lambda r: Extraction(report=r))


def test_missing_document_text_is_a_clear_error(shared):
    gold = shared.parent / "g.jsonl"
    doc = {**gold_doc("a"), "source": "data/set.jsonl#42"}
    gold.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match="data/set.jsonl"):
        evaluate(gold, shared_root=shared, extractor=lambda r: Extraction(report=r))
    (shared / "data").mkdir()
    (shared / "data" / "set.jsonl").write_text(json.dumps({"id": "41", "text": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no record with id or doc_id '42'"):
        evaluate(gold, shared_root=shared, extractor=lambda r: Extraction(report=r))


def test_load_text_builds_report_from_jsonl_record(shared):
    (shared / "data").mkdir()
    records = [{"id": 7, "title": "Blast hits market", "text": "A bomb exploded.", "url": "https://example.org/7"},
               {"doc_id": "w1", "text": "Plain text."}]
    (shared / "data" / "set.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    gold = shared.parent / "g.jsonl"
    gold.write_text("\n".join(json.dumps({**gold_doc(i), "source": s, "published": p}) for i, s, p in [
        ("a", "data/set.jsonl#7", "2025-03-12"), ("b", "data/set.jsonl#w1", None)]) + "\n", encoding="utf-8")
    a, b = load_gold(gold)
    ra = load_text(a, shared)
    assert ra.text.startswith("Blast hits market") and "A bomb exploded." in ra.text
    assert ra.title == "Blast hits market" and ra.published == date(2025, 3, 12) and ra.url == "https://example.org/7"
    rb = load_text(b, shared)
    assert "Plain text." in rb.text and rb.published is None


@pytest.mark.skipif(not (SHARED / "data" / "voa" / "voa_stories.jsonl").is_file(),
                    reason="shared data folder (../shared beside the repository) not present")
def test_load_text_reads_a_real_voa_story():
    first = json.loads((SHARED / "data" / "voa" / "voa_stories.jsonl").open(encoding="utf-8").readline())
    doc = load_gold_line_for(first)
    report = load_text(doc, SHARED)
    assert report.title == first["title"]
    assert report.text.startswith(first["title"])
    assert report.published == date.fromisoformat(first["published"][:10])


def load_gold_line_for(record: dict):
    from tallylog.evaluate.gold import parse_gold_line

    line = json.dumps({"id": f"voa-{record['id']}", "source": f"data/voa/voa_stories.jsonl#{record['id']}",
                       "published": record["published"][:10], "relevant": False, "incidents": [], "claims": []})
    return parse_gold_line(line, "test:1")


# ---- assignment and B-cubed ------------------------------------------------------------------

def _brute_force_best(table: list[list[float | None]]) -> tuple[int, float]:
    """(most pairs, then lowest total cost) over every one-to-one pairing, by enumeration."""
    n, m = len(table), len(table[0])
    if n > m:
        return _brute_force_best([list(col) for col in zip(*table)])
    best = (0, 0.0)
    for cols in itertools.permutations(range(m), n):
        costs = [table[g][p] for g, p in enumerate(cols) if table[g][p] is not None]
        best = max(best, (len(costs), -sum(costs)))
    return best[0], -best[1]


def test_assign_agrees_with_brute_force():
    rng = random.Random(7)
    for _ in range(300):
        n, m = rng.randint(1, 5), rng.randint(1, 5)
        table = [[None if rng.random() < 0.4 else float(rng.randint(0, 50)) for _ in range(m)] for _ in range(n)]
        pairs = assign(list(range(n)), list(range(m)), lambda g, p: table[g][p])
        assert len({g for g, _, _ in pairs}) == len(pairs) == len({p for _, p, _ in pairs})
        assert all(table[g][p] == c for g, p, c in pairs)
        assert (len(pairs), sum(c for _, _, c in pairs)) == _brute_force_best(table)


def test_bcubed_hand_example():
    # gold {a,b,c},{d}; predicted {a,b},{c,d}
    # precision: a 2/2, b 2/2, c 1/2, d 1/2 -> 3/4; recall: a 2/3, b 2/3, c 1/3, d 1/1 -> 2/3
    score = bcubed([{"a", "b", "c"}, {"d"}], [{"a", "b"}, {"c", "d"}])
    assert score.precision == pytest.approx(3 / 4)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(12 / 17)
    assert score.items == 4
    as_labels = bcubed({"a": 1, "b": 1, "c": 1, "d": 2}, {"a": "x", "b": "x", "c": "y", "d": "y"})
    assert as_labels == score


def test_bcubed_items_on_one_side_only_are_singletons():
    score = bcubed([{"a", "b"}], [{"a"}])  # b missing from the prediction: a singleton there
    assert score.precision == pytest.approx(1.0)
    assert score.recall == pytest.approx(0.5)
    assert bcubed([], []).f1 == 1.0
    with pytest.raises(ValueError):
        bcubed([{"a"}, {"a"}], [{"a"}])


def test_repo_sources_need_no_shared_folder(monkeypatch, tmp_path):
    """The challenge sets' texts live in the repository: they score without ../shared."""
    from pathlib import Path as _Path

    from tallylog.evaluate import evaluate as _evaluate

    monkeypatch.setenv("TALLYLOG_SHARED", str(tmp_path / "absent"))
    monkeypatch.chdir(tmp_path)
    gold = _Path(__file__).resolve().parents[1] / "eval" / "gold" / "challenge-events.jsonl"
    result = _evaluate(str(gold))
    assert result.incidents.tp > 0 and result.incidents.fn + result.incidents.tp > 40
