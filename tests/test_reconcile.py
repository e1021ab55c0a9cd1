"""Series of published counts and their reconciliation with the ledger."""
from __future__ import annotations

from datetime import date

from tallylog.reconcile import build_series, reconcile, series_key


def claim(value, as_of, region=("IQ", "SY"), unit="attacks", target="US forces", since="2023-10-17", **kw):
    return {"value": value, "qualifier": "at_least", "unit": unit, "region": list(region), "target": target,
            "since": since, "as_of": as_of, "actor": kw.get("actor"), "speaker": "Pentagon spokesperson"}


class FakeLedger:
    """Incidents as a ledger streams them (no SQL tally: the reading path)."""

    def __init__(self, incidents):
        self.rows = incidents

    def incidents(self, since=None, until=None, **_):
        for r in self.rows:
            d = date.fromisoformat(r["date"])
            if (since is None or d >= since) and (until is None or d <= until):
                yield r


def inc(day, grade="corroborated", country="IQ", kind="attack_on_us_forces", sub="Air/drone strike", injured=None):
    return {"date": day, "grade": grade, "country": country, "kind": kind, "sub_event_type": sub,
            "fatalities_best": None, "injured_best": injured}


def test_running_tally_is_one_series_in_date_order():
    series = build_series([claim(151, "2024-01-16"), claim(66, "2023-11-21"), claim(170, "2024-02-06"),
                           claim(67, "2024-01-16", region=("IQ",))])
    tally = next(s for s in series if s.region == ["IQ", "SY"])
    assert [p.value for p in tally.points] == [66, 151, 170]
    assert series_key(claim(1, None, target="US troops")) == series_key(claim(2, None, target="US bases"))


def test_reconcile_explains_the_gap_by_grade():
    ledger = FakeLedger([
        inc("2023-10-18"), inc("2023-11-01", grade="claimed_only"), inc("2023-11-05", grade="denied"),
        inc("2023-11-10", sub="Disrupted weapons use", grade="single_source"),
        inc("2023-11-12", country="SY"), inc("2023-12-01"),  # after the first point
        inc("2023-11-12", country="JO"),  # out of the region
        inc("2023-11-12", kind="us_strike"),  # not an attack on US forces
    ])
    [s] = build_series([claim(10, "2023-11-21"), claim(12, "2023-12-05")])
    first, second = reconcile([s], ledger)
    assert (first.counted, first.claimed_only, first.disputed, first.intercepted) == (2, 1, 1, 1)
    assert first.ledger_total == 5 and first.gap == 5
    assert second.ledger_total == 6 and second.gap == 6


def test_casualty_series_sum_the_conservative_figures():
    ledger = FakeLedger([inc("2024-01-28", country="JO", injured=25), inc("2024-01-20", injured=4)])
    [s] = build_series([claim(40, "2024-01-30", region=("IQ", "SY", "JO"), unit="injured")])
    [r] = reconcile([s], ledger)
    assert r.ledger_total == 29 and r.gap == 11
