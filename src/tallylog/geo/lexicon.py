"""The geoparser's word lists, loaded once from ``data/gazetteer/`` (see the files for their sources)."""
from __future__ import annotations

import json
from importlib import resources
from dataclasses import dataclass, field
from functools import lru_cache

from tallylog.geo.normalise import data_file, norm_key


def _lines(name: str) -> frozenset[str]:
    text = data_file(name).read_text(encoding="utf-8")
    return frozenset(norm_key(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class Lexicon:
    """Cue words and stop lists for the geoparser; all keys are ``norm_key`` forms or lower case."""

    particles: frozenset[str]
    and_pairs: frozenset[tuple[str, str]]  # the words around the "and" of "Jammu and Kashmir"
    articles: frozenset[str]
    locative_cues: dict[str, int]
    near_phrases: tuple[str, ...]
    skip_before: frozenset[str]
    admin_after: dict[str, int]
    place_after: frozenset[str]
    place_before: tuple[str, ...]
    facility_words: dict[str, tuple[str, ...]]
    facility_default: dict[str, str]
    head_start: dict[str, str]
    head_end: dict[str, str]
    org_words: frozenset[str]
    modifier_nouns: frozenset[str]
    person_titles: frozenset[str]
    speech_after: frozenset[str]
    speech_before: tuple[str, ...]
    not_places: frozenset[str]
    demonyms: frozenset[str]
    given_names: frozenset[str]
    street_words: frozenset[str]
    venue_words: frozenset[str]
    event_words: frozenset[str]  # venue words naming an event at the town: the town keeps its precision
    name_compatible: frozenset[str]  # words that may stand beside a place name in one capitalised run
    stop_keys: frozenset[str] = frozenset()  # not_places, demonyms and given names together
    qualifier_nouns: tuple[str, ...] = ()  # "city" of "the Volga city of Saratov": the name before qualifies
    # natural features ("natural_features"): phrases that end a feature's name ("forest", "national park"), the
    # longest of them in words, their last words (a cheap test before joining words), words that start one
    # ("lake", "mount"), lower-case words after a name that make it a feature ("the Mau forest")
    nature_end: frozenset[str] = frozenset()
    nature_end_len: int = 0
    nature_last: frozenset[str] = frozenset()
    nature_start: frozenset[str] = frozenset()
    nature_after: frozenset[str] = frozenset()
    # the countries a text is about by its actors ("demonym_context"): demonym (norm_key) -> ISO-2 country, the
    # demonyms' words (a cheap test before looking at a span closely), institution words after a demonym
    # ("police", "state media"), plural demonyms that count on their own ("Syrians")
    demonym_cc: dict[str, str] = field(default_factory=dict)
    demonym_words: frozenset[str] = frozenset()
    demonym_nouns: frozenset[str] = frozenset()
    demonym_plural: frozenset[str] = frozenset()
    demonym_military: frozenset[str] = frozenset()  # the nouns of armed forces among ``demonym_nouns``
    # a country's capital told without its name ("capital_descriptor"): the possessives that say "this
    # country's" and the nouns after "capital" that make it no city ("capital punishment")
    capital_owners: frozenset[str] = frozenset()
    capital_not_after: frozenset[str] = frozenset()
    # a road named by the two towns it joins ("road_between"): the words that name the road
    road_words: tuple[str, ...] = ()
    # words that end with a full stop without ending a sentence ("Brgy. Poblacion", "Gen. Ahmed"): the name after
    # one is not at a sentence start (the extraction's own list, ``lexicons/abbreviations.json``)
    abbreviations: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon (cached)."""
    d = json.loads(data_file("geoparse.json").read_text(encoding="utf-8"))
    heads = d["facility_heads"]
    nature, dem, cap = d["natural_features"], d["demonym_context"], d["capital_descriptor"]
    nature_end = frozenset(nature["end"])
    demonyms = {norm_key(k): v for k, v in dem["countries"].items() if not k.startswith("_")}
    compatible = set(d["name_compatible"]["words"])
    for phrase in (list(d["admin_after"]) + list(d["place_after"]) + list(d["facility_words"])
                   + [k for k in heads["start"] if not k.startswith("_")] + [k for k in heads["end"] if not k.startswith("_")]):
        compatible.update(phrase.split())
    return Lexicon(
        particles=frozenset(d["particles"]),
        and_pairs=frozenset((a, b) for a, b in d["and_names"]),
        articles=frozenset(d["articles"]),
        locative_cues=dict(d["locative_cues"]),
        near_phrases=tuple(sorted(d["near_phrases"], key=len, reverse=True)),
        skip_before=frozenset(d["skip_before"]),
        admin_after=dict(d["admin_after"]),
        place_after=frozenset(d["place_after"]),
        place_before=tuple(sorted(d["place_before"], key=len, reverse=True)),
        facility_words={k: tuple(v) for k, v in d["facility_words"].items()},
        facility_default=dict(d["facility_feature_default"]),
        head_start=dict(heads["start"]),
        head_end=dict(heads["end"]),
        org_words=frozenset(d["org_words"]),
        modifier_nouns=frozenset(d["modifier_nouns"]),
        person_titles=frozenset(norm_key(t) for t in d["person_titles"]),
        speech_after=frozenset(d["speech_after"]),
        speech_before=tuple(d["speech_before"]),
        not_places=_lines("not_places.txt"),
        demonyms=_lines("demonyms.txt"),
        given_names=_lines("given_names.txt"),
        street_words=frozenset(d["street_words"]["words"]),
        venue_words=frozenset(d["venue_words"]["words"]) | frozenset(d["venue_words"]["events"]),
        event_words=frozenset(d["venue_words"]["events"]),
        name_compatible=frozenset(compatible),
        qualifier_nouns=tuple(sorted(d["qualifier_of"]["nouns"], key=len, reverse=True)),
        stop_keys=_lines("not_places.txt") | _lines("demonyms.txt") | _lines("given_names.txt"),
        nature_end=nature_end,
        nature_end_len=max(len(p.split()) for p in nature_end),
        nature_last=frozenset(p.split()[-1] for p in nature_end),
        nature_start=frozenset(nature["start"]),
        nature_after=frozenset(nature["after"]),
        demonym_cc=demonyms,
        demonym_words=frozenset(w for k in demonyms for w in k.split()),
        demonym_nouns=frozenset(dem["nouns"]),
        demonym_plural=frozenset(norm_key(w) for w in dem["plural"]),
        demonym_military=frozenset(dem["military"]),
        capital_owners=frozenset(cap["owners"]),
        capital_not_after=frozenset(cap["not_after"]),
        road_words=tuple(sorted(d["road_between"]["words"], key=len, reverse=True)),
        abbreviations=frozenset(w.lower() for w in json.loads(
            resources.files("tallylog").joinpath("data", "lexicons", "abbreviations.json").read_text(encoding="utf-8"))["abbreviations"]),
    )
