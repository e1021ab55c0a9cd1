"""Synthetic mentions with a known grouping, for testing and benchmarking resolution.

Incidents are drawn at sites spread over ten conflict countries (a few sites attacked often, most
rarely: log-normal weights), over a period that grows with the number of mentions (a year per
10,000 mentions); each is reported by one or more sources (mostly 1-4),
some of them syndicated copies of another. Each mention carries the noise real reporting has: a date a
day off or only a week known or none at all, "near" a place or only its country, a compatible but
different event type, a dropped or generic perpetrator, a claim or a denial, casualty figures that
differ. Nothing here is real data; coordinates are synthetic points around rough country centres.
"""
from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

from tallylog.model import Attribution, Event, Location
from tallylog.resolve.records import MentionRecord

# (country, centre lat, centre lon, spread in degrees, named groups active there)
COUNTRIES = (
    ("IQ", 33.3, 43.5, 2.5, ("Islamic Resistance in Iraq", "Kataib Hezbollah", "Islamic State")),
    ("SY", 35.0, 38.5, 2.0, ("Islamic State", "Hayat Tahrir al-Sham", "Syrian Democratic Forces")),
    ("YE", 15.5, 46.5, 2.5, ("Houthis", "al-Qaida")),
    ("NG", 10.5, 9.0, 3.5, ("Boko Haram", "Islamic State")),
    ("ML", 15.0, -2.5, 3.5, ("JNIM", "Islamic State", "Wagner Group")),
    ("SO", 4.0, 45.0, 3.0, ("al-Shabab",)),
    ("SD", 14.0, 30.0, 3.5, ("Rapid Support Forces", "Sudanese Armed Forces")),
    ("UA", 48.5, 35.0, 2.5, ("Russian forces", "Ukrainian forces")),
    ("CD", -1.0, 28.5, 2.5, ("M23", "ADF")),
    ("AF", 34.0, 67.0, 3.0, ("Taliban", "Islamic State")),
)
# ACLED sub-type -> (share of incidents, event type, usual weapons, sub-types sources swap it for)
TYPES = {
    "Air/drone strike": (0.22, "Explosions/Remote violence", ("drone", "airstrike"), ("Shelling/artillery/missile attack", "Disrupted weapons use")),
    "Shelling/artillery/missile attack": (0.18, "Explosions/Remote violence", ("rocket", "artillery", "missile", "mortar"), ("Air/drone strike",)),
    "Remote explosive/landmine/IED": (0.08, "Explosions/Remote violence", ("ied",), ("Suicide bomb",)),
    "Disrupted weapons use": (0.04, "Strategic developments", ("drone", "missile"), ("Air/drone strike",)),
    "Armed clash": (0.26, "Battles", ("small_arms",), ("Attack",)),
    "Attack": (0.14, "Violence against civilians", ("small_arms",), ("Armed clash",)),
    "Abduction/forced disappearance": (0.03, "Violence against civilians", (), ()),
    "Peaceful protest": (0.05, "Protests", (), ("Protest with intervention",)),
}
GENERIC = ("gunmen", "militants", "armed men", "insurgents", None)


@dataclass
class Site:
    country: str
    lat: float
    lon: float
    admin1: str
    weight: float


def _offset(lat: float, lon: float, km: float, rng: random.Random) -> tuple[float, float]:
    bearing = rng.uniform(0, 2 * math.pi)
    dlat = km * math.cos(bearing) / 111.2
    dlon = km * math.sin(bearing) / (111.2 * max(0.1, math.cos(math.radians(lat))))
    return lat + dlat, lon + dlon


def make_sites(n: int, rng: random.Random) -> list[Site]:
    sites = []
    for k in range(n):
        cc, clat, clon, spread, _ = COUNTRIES[k % len(COUNTRIES)]
        lat, lon = clat + rng.gauss(0, spread / 2), clon + rng.gauss(0, spread / 2)
        admin1 = f"{cc}-{int((lat - clat + 10) // 1.5)}{int((lon - clon + 10) // 1.5)}"
        sites.append(Site(cc, lat, lon, admin1, rng.lognormvariate(0.0, 1.0)))
    return sites


def generate(n_mentions: int, seed: int = 0, days: int | None = None, n_sites: int = 2000,
             start: date = date(2024, 1, 1)) -> tuple[list[MentionRecord], dict[str, int]]:
    """About ``n_mentions`` mentions in order of publication, and mention id -> true incident number.

    ``days`` defaults to 365 days per 10,000 mentions (at least 30), so that with a fixed number of
    sites the incidents per site and per country-day are the same at every size; a fixed number of
    days makes larger sets denser (and harder).
    """
    rng = random.Random(seed)
    days = days or max(30, round(365 * n_mentions / 10_000))
    sites = make_sites(n_sites, rng)
    cum = list(itertools.accumulate(s.weight for s in sites))
    subs = list(TYPES)
    sub_weights = [TYPES[s][0] for s in subs]
    groups_of = {c[0]: c[4] for c in COUNTRIES}
    centre = {c[0]: (c[1], c[2]) for c in COUNTRIES}
    out: list[tuple[int, float, MentionRecord]] = []
    truth: dict[str, int] = {}
    n_inc = 0
    n_report = 0
    while len(out) < n_mentions:
        site = rng.choices(sites, cum_weights=cum)[0]
        sub = rng.choices(subs, sub_weights)[0]
        _, etype, usual, swaps = TYPES[sub]
        day = start + timedelta(days=rng.randrange(days))
        actor = rng.choice(groups_of[site.country]) if rng.random() < 0.55 else None
        weapons = [rng.choice(usual)] if usual and rng.random() < 0.8 else []
        killed = int(rng.expovariate(1 / 6)) if rng.random() < 0.6 else None
        injured = int(rng.expovariate(1 / 8)) if rng.random() < 0.4 else None
        quantity = rng.randint(1, 4) if weapons and weapons[0] in ("drone", "rocket", "missile") and rng.random() < 0.3 else None
        n_sources = min(10, 1 + int(rng.expovariate(1 / 1.8)))
        copies: list[tuple[str, Event]] = []
        for s in range(n_sources):
            n_report += 1
            mid = f"m{len(out)}"
            if copies and rng.random() < 0.2:  # a syndicated copy: same words, same values
                group, ev0 = rng.choice(copies)
                ev = Event(**{f: getattr(ev0, f) for f in ev0.__slots__})  # type: ignore[attr-defined]
                ev.id = f"e{len(out)}"
                published = day + timedelta(days=rng.randint(0, 2))
                rec = MentionRecord(mid, f"r{n_report}", group, f"outlet{n_report}", published, ev)
                out.append((published.toordinal(), rng.random(), rec))
                truth[mid] = n_inc
                continue
            r = rng.random()
            if r < 0.75:
                d, prec = day, "day"
            elif r < 0.9:
                d, prec = day + timedelta(days=rng.choice((-1, 1))), "day"
            elif r < 0.95:
                d, prec = day - timedelta(days=day.weekday()), "week"
            else:
                d, prec = None, "unknown"
            r = rng.random()
            if r < 0.65:
                lat, lon = _offset(site.lat, site.lon, rng.uniform(0, 3), rng)
                loc = Location(name="site", country=site.country, admin1=site.admin1, latitude=lat, longitude=lon, geo_precision=1)
            elif r < 0.85:
                lat, lon = _offset(site.lat, site.lon, rng.uniform(5, 30), rng)
                loc = Location(name="near site", country=site.country, admin1=site.admin1, latitude=lat, longitude=lon, geo_precision=2)
            elif r < 0.97:
                clat, clon = centre[site.country]
                loc = Location(name=site.country, country=site.country, latitude=clat, longitude=clon, geo_precision=3, feature="country")
            else:
                loc = None
            msub = rng.choice(swaps) if swaps and rng.random() < 0.12 else sub
            status = "reported"
            a1 = actor
            r = rng.random()
            if actor and r < 0.08:
                status = "claimed"
            elif r < 0.11:
                status = "denied"
            if status == "reported" and rng.random() < 0.35:
                a1 = rng.choice(GENERIC)
            noisy = lambda v: None if v is None or rng.random() < 0.3 else max(0, round(v * rng.uniform(0.7, 1.4)))  # noqa: E731
            ev = Event(
                id=f"e{len(out)}", event_type=TYPES[msub][1] if msub in TYPES else etype, sub_event_type=msub,
                date=d, date_precision=prec, location=loc, actor1=a1,
                weapons=[w for w in weapons if rng.random() < 0.7], quantity=quantity if rng.random() < 0.6 else None,
                fatalities=noisy(killed), injured=noisy(injured), status=status,
                attribution=[Attribution(speaker="officials")] if rng.random() < 0.4 else [],
            )
            group = f"g{n_report}"
            published = day + timedelta(days=rng.randint(0, 2))
            rec = MentionRecord(mid, f"r{n_report}", group, f"outlet{n_report}", published, ev)
            copies.append((group, ev))
            out.append((published.toordinal(), rng.random(), rec))
            truth[mid] = n_inc
        n_inc += 1
    out.sort(key=lambda t: (t[0], t[1]))
    return [rec for _, _, rec in out], truth
