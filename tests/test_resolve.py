"""Cross-report resolution: grouping, incremental ids, merged values, conflicts, grades, simhash."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tallylog.evaluate import bcubed
from tallylog.model import Attribution, Event, Location
from tallylog.resolve import (
    IncidentState, MentionRecord, Resolver, default_new_id, fingerprint, mention_key, near_duplicate,
    source_groups, summarise,
)
from tallylog.resolve.compat import haversine_km
from tallylog.resolve.synthetic import generate

# coordinates as in the facilities gazetteer (OurAirports / Wikipedia / GeoNames)
AIN_AL_ASAD = dict(name="Ain al-Asad Air Base", country="IQ", admin1="Anbar", latitude=33.7856, longitude=42.4412)
BAGHDAD = dict(name="Baghdad", country="IQ", admin1="Baghdad", latitude=33.3406, longitude=44.4009)
TOWER_22 = dict(name="Tower 22", country="JO", admin1="Mafraq", latitude=33.3141, longitude=38.7034)
AL_TANF = dict(name="Al-Tanf Garrison", country="SY", admin1="Homs", latitude=33.5058, longitude=38.6178)
D = date(2024, 1, 28)

_n = 0


def loc(place: dict, precision: int = 1) -> Location:
    return Location(geo_precision=precision, **place)


def mention(place: dict | None = None, day: date | None = D, *, sub: str = "Air/drone strike",
            etype: str = "Explosions/Remote violence", group: str | None = None, report: str | None = None,
            precision: str = "day", geo_precision: int = 1, speaker: str | None = None, published: date | None = None,
            outlet: str | None = None, **fields) -> MentionRecord:
    """One event as one report gives it; every report is its own source unless ``group`` says otherwise."""
    global _n
    _n += 1
    rid = report or f"r{_n}"
    fields.setdefault("kind", "attack_on_us_forces")
    ev = Event(id=f"e{_n}", event_type=etype, sub_event_type=sub, date=day, date_precision=precision if day else "unknown",
               location=loc(place, geo_precision) if place else None,
               attribution=[Attribution(speaker=speaker)] if speaker else [], **fields)
    return MentionRecord(id=f"m{_n}", report_id=rid, source_group=group or rid, outlet=outlet or f"outlet {_n}",
                         published=published or (day + timedelta(days=1) if day else D), event=ev)


def grouping(incidents: list[IncidentState]) -> dict[str, str]:
    return {m.id: inc.id for inc in incidents for m in inc.mentions}


def together(incidents: list[IncidentState], *ms: MentionRecord) -> bool:
    g = grouping(incidents)
    return len({g[m.id] for m in ms}) == 1


# ---- scenarios -------------------------------------------------------------------------------------

@pytest.fixture
def tower22() -> list[MentionRecord]:
    """One drone attack reported by three sources with three injury counts, and a syndicated copy."""
    wire = mention(TOWER_22, injured=34, fatalities=3, weapons=["drone"], speaker="US officials", group="wire",
                   actor1="Iran-backed militias")
    copy = mention(TOWER_22, injured=34, fatalities=3, weapons=["drone"], speaker="US officials", group="wire",
                   actor1="Iran-backed militias")
    pentagon = mention(TOWER_22, injured=25, fatalities=3, weapons=["drone"], speaker="Pentagon spokesperson",
                       outcome="hit")
    claim = mention(TOWER_22, D - timedelta(days=1), injured=47, fatalities=3, weapons=["drone"],
                    actor1="Islamic Resistance in Iraq", status="claimed", speaker="Islamic Resistance in Iraq")
    return [wire, copy, pentagon, claim]


def test_reports_of_one_attack_are_one_incident(tower22):
    incidents = Resolver().resolve(tower22)
    assert len(incidents) == 1
    assert together(incidents, *tower22)


def test_merged_injury_counts_keep_every_candidate(tower22):
    s = summarise(Resolver().resolve(tower22)[0])
    assert (s.injured.low, s.injured.high) == (25, 47)
    assert sorted(c.value for c in s.injured.candidates) == [25, 34, 47]
    # the perpetrator's 47 is not well-sourced; 25 (Pentagon) and 34 (attributed wire) are
    assert {c.value: c.well_sourced for c in s.injured.candidates} == {25: True, 34: True, 47: False}
    assert s.injured.best == 25 and s.injured.best_basis == "well_sourced"
    assert s.fatalities.low == s.fatalities.high == s.fatalities.best == 3
    wire_candidate = next(c for c in s.injured.candidates if c.value == 34)
    assert wire_candidate.source_groups == ["wire"] and len(wire_candidate.mention_ids) == 2
    assert "injured" in s.conflict_fields and "fatalities" not in s.conflict_fields


def test_most_sources_date_and_place_win(tower22):
    s = summarise(Resolver().resolve(tower22)[0])
    assert s.date == D and s.precision == "day"  # two groups say D, the claim says D-1
    assert "date" in s.conflict_fields
    assert s.location is not None and s.location.name == "Tower 22"
    assert "place" not in s.conflict_fields


def test_named_perpetrator_most_sources_give(tower22):
    extra = mention(TOWER_22, actor1="Islamic Resistance in Iraq", speaker="Reuters")
    s = summarise(Resolver().resolve([*tower22, extra])[0])
    assert s.actor1 == "Islamic Resistance in Iraq"  # two groups against one


def test_grade_confirmed_by_the_party_hit(tower22):
    inc = Resolver().resolve(tower22)[0]
    s = summarise(inc)
    assert s.grade == "confirmed" and inc.grade == "confirmed"
    assert "party hit" in s.grade_reason


def test_claim_of_two_drones_against_pentagon_one():
    claim = mention(AIN_AL_ASAD, quantity=2, weapons=["drone"], actor1="Islamic Resistance in Iraq", status="claimed")
    pentagon = mention(AIN_AL_ASAD, quantity=1, weapons=["drone"], outcome="intercepted", speaker="the Pentagon",
                       sub="Disrupted weapons use", etype="Strategic developments")
    incidents = Resolver().resolve([claim, pentagon])
    assert len(incidents) == 1
    s = summarise(incidents[0])
    assert (s.quantity.low, s.quantity.high, s.quantity.best) == (1, 2, 1)
    assert "quantity" in s.conflict_fields
    assert s.grade == "confirmed"  # the perpetrator's claim plus the target's acknowledgement


def test_same_base_two_days_apart_are_two_incidents():
    a = mention(AIN_AL_ASAD, D)
    b = mention(AIN_AL_ASAD, D + timedelta(days=2))
    assert len(Resolver().resolve([a, b])) == 2
    c = mention(AIN_AL_ASAD, D + timedelta(days=1))  # within a day of the first: joins it
    incidents = Resolver().resolve([a, b, c])
    assert len(incidents) == 2 and together(incidents, a, c)


def test_same_day_bases_far_apart_are_two_incidents():
    assert haversine_km(AIN_AL_ASAD["latitude"], AIN_AL_ASAD["longitude"],
                        BAGHDAD["latitude"], BAGHDAD["longitude"]) > 150
    a, b = mention(AIN_AL_ASAD), mention(BAGHDAD)
    assert len(Resolver().resolve([a, b])) == 2
    assert Resolver().score(b, Resolver().resolve([a])[0]) is None


def test_neighbouring_bases_in_different_countries_stay_apart():
    # Tower 22 (Jordan) is about 20 km from al-Tanf (Syria): close, but the countries differ
    assert len(Resolver().resolve([mention(TOWER_22), mention(AL_TANF)])) == 2


def test_place_distance_depends_on_precision():
    near = dict(AIN_AL_ASAD, latitude=AIN_AL_ASAD["latitude"] + 0.35)  # ~39 km north
    assert len(Resolver().resolve([mention(AIN_AL_ASAD), mention(near)])) == 2
    assert len(Resolver().resolve([mention(AIN_AL_ASAD), mention(near, geo_precision=2)])) == 1


def test_country_level_place_joins_precise_one():
    iraq = dict(name="Iraq", country="IQ", admin1=None, latitude=33.0, longitude=44.0)
    a, b = mention(AIN_AL_ASAD, actor1="Islamic Resistance in Iraq"), mention(iraq, geo_precision=3,
                                                                              actor1="Islamic Resistance in Iraq")
    incidents = Resolver().resolve([b, a])
    assert len(incidents) == 1
    assert incidents[0].geo_precision == 1 and incidents[0].lat == pytest.approx(AIN_AL_ASAD["latitude"])


def test_week_date_overlaps_day_date():
    week_start = D - timedelta(days=D.weekday())
    a, b = mention(AIN_AL_ASAD, D), mention(AIN_AL_ASAD, week_start, precision="week")
    incidents = Resolver().resolve([b, a])
    assert len(incidents) == 1 and incidents[0].precision == "day" and incidents[0].date == D


def test_unknown_date_needs_everything_else_strong():
    known = mention(AIN_AL_ASAD, actor1="Kataib Hezbollah", weapons=["rocket"], sub="Shelling/artillery/missile attack")
    strong = mention(AIN_AL_ASAD, None, actor1="Kataib Hezbollah", weapons=["rocket"],
                     sub="Shelling/artillery/missile attack", published=D + timedelta(days=2))
    weak = mention(AIN_AL_ASAD, None, sub="Air/drone strike", published=D + timedelta(days=2))
    incidents = Resolver().resolve([known, strong, weak])
    assert together(incidents, known, strong)
    assert not together(incidents, known, weak)


def test_incompatible_types_stay_apart():
    blast = mention(BAGHDAD, sub="Remote explosive/landmine/IED")
    protest = mention(BAGHDAD, sub="Peaceful protest", etype="Protests")
    assert len(Resolver().resolve([blast, protest])) == 2
    clash = mention(BAGHDAD, sub="Armed clash", etype="Battles", kind="other_attack")
    attack = mention(BAGHDAD, sub="Attack", etype="Violence against civilians", kind="other_attack")
    incidents = Resolver().resolve([clash, attack])
    assert len(incidents) == 1
    assert "event_type" in summarise(incidents[0]).conflict_fields


def test_actors():
    isis = mention(BAGHDAD, actor1="Islamic State", kind="other_attack")
    gunmen = mention(BAGHDAD, actor1="gunmen", kind="other_attack")
    pkk = mention(BAGHDAD, actor1="PKK", kind="other_attack")
    incidents = Resolver().resolve([isis, gunmen, pkk])
    assert together(incidents, isis, gunmen)
    assert not together(incidents, isis, pkk)  # two named perpetrators, both reported


def test_two_groups_claim_it_is_contested():
    a = mention(BAGHDAD, actor1="Islamic State", status="claimed", kind="other_attack")
    b = mention(BAGHDAD, actor1="PKK", status="claimed", kind="other_attack")
    incidents = Resolver().resolve([a, b])
    assert len(incidents) == 1
    s = summarise(incidents[0])
    assert s.grade == "contested" and "responsibility" in s.conflict_fields


def test_syndicated_copies_count_as_one_source():
    a = mention(BAGHDAD, group="afp", kind="other_attack", sub="Remote explosive/landmine/IED")
    b = mention(BAGHDAD, group="afp", kind="other_attack", sub="Remote explosive/landmine/IED")
    incidents = Resolver().resolve([a, b])
    assert len(incidents) == 1 and summarise(incidents[0]).grade == "single_source"
    c = mention(BAGHDAD, kind="other_attack", sub="Remote explosive/landmine/IED")
    assert summarise(Resolver().resolve([a, b, c])[0]).grade == "corroborated"


def test_claimed_only_and_denied():
    claim1 = mention(AIN_AL_ASAD, actor1="Islamic Resistance in Iraq", status="claimed", group="telegram")
    claim2 = mention(AIN_AL_ASAD, actor1="Islamic Resistance in Iraq", status="claimed")
    s = summarise(Resolver().resolve([claim1, claim2])[0])
    assert s.grade == "claimed_only"
    denial = mention(AIN_AL_ASAD, status="denied", speaker="a Kurdish security official")
    incidents = Resolver().resolve([claim1, denial])
    assert len(incidents) == 1
    s = summarise(incidents[0])
    assert s.grade == "denied" and "status" in s.conflict_fields


def test_denial_against_corroboration_is_contested():
    ms = [mention(BAGHDAD, kind="other_attack"), mention(BAGHDAD, kind="other_attack"),
          mention(BAGHDAD, kind="other_attack", status="denied", speaker="the interior ministry")]
    incidents = Resolver().resolve(ms)
    assert len(incidents) == 1 and summarise(incidents[0]).grade == "contested"


def test_well_sourced_falls_back_when_no_figure_is():
    a = mention(BAGHDAD, fatalities=9, kind="other_attack")  # unattributed, one source
    b = mention(BAGHDAD, fatalities=12, status="claimed", actor1="Islamic State", kind="other_attack")
    s = summarise(Resolver().resolve([a, b])[0])
    assert s.fatalities.best == 9 and s.fatalities.best_basis == "reported"
    c = mention(BAGHDAD, fatalities=12, kind="other_attack")
    d = mention(BAGHDAD, fatalities=12, kind="other_attack")
    s = summarise(Resolver().resolve([a, b, c, d])[0])
    assert s.fatalities.best == 12 and s.fatalities.best_basis == "well_sourced"  # two independent sources


# ---- ids and incremental runs -------------------------------------------------------------------

def test_ids_stable_across_reruns_and_incremental_runs(tower22):
    others = [mention(AIN_AL_ASAD, D + timedelta(days=3)), mention(BAGHDAD, D + timedelta(days=3))]
    everything = [*tower22, *others]
    first = Resolver().resolve(everything)
    again = Resolver().resolve(everything)
    assert [i.id for i in first] == [i.id for i in again]
    assert first[0].id == default_new_id(tower22[0]) and first[0].id.startswith("inc_") and len(first[0].id) == 16

    part = Resolver().resolve(tower22[:2])
    before = [i.id for i in part]
    more = Resolver().resolve(everything[2:], existing=part)
    assert [i.id for i in more][:len(before)] == before
    assert grouping(more) == grouping(first)
    assert len(part[0].mentions) == 2  # the caller's incidents are not changed in place
    # re-running over reports already resolved adds nothing
    rerun = Resolver().resolve(everything, existing=more)
    assert grouping(rerun) == grouping(more)


def test_custom_new_id_and_collisions():
    counter = iter(range(100))
    incidents = Resolver().resolve([mention(BAGHDAD), mention(AIN_AL_ASAD)], new_id=lambda m: f"x{next(counter)}")
    assert [i.id for i in incidents] == ["x0", "x1"]
    same = Resolver().resolve([mention(BAGHDAD), mention(AIN_AL_ASAD)], new_id=lambda m: "inc")
    assert len({i.id for i in same}) == 2


def test_assign_and_score():
    r = Resolver()
    a = mention(AIN_AL_ASAD)
    inc = r.resolve([a])[0]
    close = mention(AIN_AL_ASAD)
    s = r.score(close, inc)
    assert s is not None and 0 < s <= 1
    assert r.assign(close, [inc]) is inc
    assert r.assign(mention(BAGHDAD), [inc]) is None
    same_report = mention(AIN_AL_ASAD, report=a.report_id)
    assert r.score(same_report, inc) is None  # one report's events are distinct incidents


def test_mention_key_blocks_by_day_and_place():
    a, b = mention(AIN_AL_ASAD), mention(AIN_AL_ASAD)
    assert mention_key(a) == mention_key(b)
    assert mention_key(a) != mention_key(mention(AIN_AL_ASAD, D + timedelta(days=5)))
    assert mention_key(a)[1] != mention_key(mention(BAGHDAD))[1]
    assert mention_key(mention(None))[1] == ("none",)


def test_config_overrides_a_threshold():
    far = dict(AIN_AL_ASAD, latitude=AIN_AL_ASAD["latitude"] + 0.35)
    r = Resolver({"places": {"max_km": {"1": 60, "2": 80}}})
    assert len(r.resolve([mention(AIN_AL_ASAD), mention(far)])) == 1


# ---- near-duplicate reports --------------------------------------------------------------------------

STORY = ("A drone attack on a small US outpost in northeastern Jordan near the Syrian border killed three US "
         "service members and injured dozens more, officials said on Sunday. The attack on the outpost known as "
         "Tower 22 was the first to kill US troops since attacks by Iran-backed militias began in October. "
         "The Islamic Resistance in Iraq, an umbrella group of militias, claimed attacks on several bases that "
         "day. Officials said a single one-way attack drone struck the living quarters early in the morning, "
         "and that the base's air defences did not stop it. The wounded were evacuated for treatment.")


def test_simhash_near_duplicates():
    restyled = "  ".join(STORY.upper().split())  # case and spacing do not count
    edited = STORY.replace("on Sunday", "on Sunday, January 28") + "\nRead more at our site."
    other = ("Heavy clashes broke out between army units and rebels in the east of the country on Monday, "
             "residents said, forcing hundreds of families to flee their villages towards the provincial capital.")
    fa, fb, fc, fd = fingerprint(STORY), fingerprint(restyled), fingerprint(edited), fingerprint(other)
    assert fa == fb and near_duplicate(fa, fb)
    assert near_duplicate(fa, fc, threshold=10)  # a short story: each edit flips several bits
    assert not near_duplicate(fa, fd, threshold=10)
    assert fingerprint("") == 0 and 0 <= fa < 2 ** 64
    groups = source_groups({"a": fa, "b": fc, "c": fd, "d": fb}, threshold=10)
    assert groups["a"] == groups["b"] == groups["d"] == "a" and groups["c"] == "c"


def test_simhash_on_real_stories():
    path = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "voa" / "voa_stories.jsonl"
    if not path.exists():
        pytest.skip(f"shared VOA stories not found at {path}")
    docs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    texts = [d["text"] for d in docs if len(d["text"].split()) > 300]
    assert texts, "no story long enough"
    fps = [fingerprint(t) for t in texts]
    reposts = [fingerprint("Reposted from VOA.\n" + t + "\nShare this article.") for t in texts]
    kept = sum(near_duplicate(a, b) for a, b in zip(fps, reposts))  # default threshold 3
    assert kept >= 0.8 * len(texts)
    distinct = [(i, j) for i in range(len(fps)) for j in range(i + 1, len(fps)) if near_duplicate(fps[i], fps[j])]
    assert not distinct


# ---- synthetic set --------------------------------------------------------------------------------------

def test_bcubed_on_synthetic_mentions():
    mentions, truth = generate(600, seed=3)
    incidents = Resolver().resolve(mentions)
    score = bcubed(truth, grouping(incidents))
    assert score.items == len(mentions)
    assert score.precision >= 0.9 and score.recall >= 0.85
    # the baseline of one incident per mention is worse
    assert score.f1 > bcubed(truth, {m.id: m.id for m in mentions}).f1


def test_country_level_mention_between_two_incidents_joins_neither():
    iraq = dict(name="Iraq", country="IQ", admin1=None, latitude=33.0, longitude=44.0)
    a, b = mention(AIN_AL_ASAD), mention(BAGHDAD)
    vague = mention(iraq, geo_precision=3)
    incidents = Resolver().resolve([a, b, vague])
    assert len(incidents) == 3
    only = Resolver().resolve([a, vague])
    assert len(only) == 1  # with one candidate it is not ambiguous


def test_fingerprint_index_agrees_with_a_scan_of_all():
    import random

    from tallylog.resolve.simhash import FingerprintIndex, hamming

    rng = random.Random(7)
    stored = [rng.getrandbits(64) for _ in range(2000)]
    index = FingerprintIndex(threshold=3)
    for n, fp in enumerate(stored):
        index.add(fp, n)
    probes = [fp ^ (1 << rng.randrange(64)) ^ (1 << rng.randrange(64)) for fp in stored[:200]]  # <= 2 bits off
    probes += [rng.getrandbits(64) for _ in range(200)]  # almost surely far from all
    for p in probes:
        near = [n for n, fp in enumerate(stored) if hamming(p, fp) <= 3]
        found = index.find(p)
        assert (found is None) == (not near)
        if near:
            assert hamming(p, stored[found]) == min(hamming(p, stored[n]) for n in near)


def test_an_incident_ruled_out_by_its_summary_is_one_scoring_rejects():
    """``rules_out`` reads only what an incident's row holds (merged date and precision, sub-event type,
    weapons): whenever it sets an incident aside, scoring the mention against the incident's mentions gives
    None; and it does set many aside, on each of its grounds."""
    from tallylog.resolve.compat import features

    mentions, _ = generate(1500, seed=5, days=30, n_sites=60)
    resolver = Resolver()
    incidents = resolver.resolve(mentions)
    feats = [features(m, resolver.cfg) for m in mentions]
    ruled_out = checked = 0
    grounds = {"date": 0, "type": 0, "not strong": 0}
    for inc in incidents[::3]:
        profile = resolver.profile(inc)
        weapons = sorted({w for m in inc.mentions for w in m.event.weapons})
        for f in feats[::7]:
            if f.report_id in profile.report_ids:
                continue
            checked += 1
            if resolver.rules_out(f, inc.date, inc.precision, inc.sub_event_type, weapons):
                ruled_out += 1
                assert resolver.score_features(f, profile) is None, (inc.id, f.id)
                grounds["type"] += resolver.rules_out(f, None, None, inc.sub_event_type)
                grounds["date"] += resolver.rules_out(f, inc.date, inc.precision, None)
                grounds["not strong"] += not resolver.rules_out(f, inc.date, inc.precision, inc.sub_event_type)
    assert checked > 5000 and ruled_out > checked // 2
    assert all(n > 20 for n in grounds.values()), grounds


def test_an_undated_mention_is_ruled_out_only_where_it_could_never_be_strong():
    """Where the date cannot tell (the mention or the incident undated), ``rules_out`` sets an incident
    aside only when type, place, actor and weapons at their best still fall short of ``strong_score``:
    checked on undated copies of real incidents' own mentions (which often do fit them), both ways."""
    import dataclasses

    from tallylog.resolve.compat import features

    mentions, _ = generate(1500, seed=6, days=30, n_sites=60)
    resolver = Resolver()
    incidents = resolver.resolve(mentions)
    kept_and_fits = ruled_out = 0
    for inc in incidents:
        profile = resolver.profile(inc)
        weapons = sorted({w for m in inc.mentions for w in m.event.weapons})
        for m in inc.mentions[:3]:
            for actor in (m.event.actor1, None):
                undated = dataclasses.replace(m, id=m.id + "u", report_id="elsewhere",
                                              event=dataclasses.replace(m.event, date=None, actor1=actor))
                f = features(undated, resolver.cfg)
                score = resolver.score_features(f, profile)
                if resolver.rules_out(f, inc.date, inc.precision, inc.sub_event_type, weapons):
                    ruled_out += 1
                    assert score is None, (inc.id, m.id, actor)
                elif score is not None:
                    kept_and_fits += 1
    assert ruled_out > 100 and kept_and_fits > 100, (ruled_out, kept_and_fits)


def test_the_examples_in_docs_resolution_run():
    import doctest

    doc = Path(__file__).resolve().parents[1] / "docs" / "resolution.md"
    result = doctest.testfile(str(doc), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 5 and result.failed == 0


def test_an_undated_mention_too_weak_for_its_own_kind_of_incident_joins_none():
    """Ruled out against the most favourable incident there could be (its own sub-type and weapons, date
    unknown), an undated mention can join no incident at all: ``LedgerRun`` then reads no candidate."""
    import dataclasses

    from tallylog.resolve.compat import features

    mentions, _ = generate(1200, seed=9, days=30, n_sites=60)
    resolver = Resolver()
    incidents = resolver.resolve(mentions)
    profiles = [resolver.profile(inc) for inc in incidents]
    hopeless = hopeful_and_joins = 0
    for m in mentions[::4]:
        undated = dataclasses.replace(m, id=m.id + "u", report_id="elsewhere",
                                      event=dataclasses.replace(m.event, date=None))
        f = features(undated, resolver.cfg)
        scores = [resolver.score_features(f, p) for p in profiles]
        if resolver.rules_out(f, None, None, f.sub, f.weapons):
            hopeless += 1
            assert all(s is None for s in scores), m.id
        elif any(s is not None for s in scores):
            hopeful_and_joins += 1
    assert hopeless > 30 and hopeful_and_joins > 30, (hopeless, hopeful_and_joins)
