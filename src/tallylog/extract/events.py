"""Event mentions: sentences that report a specific act of organised violence, read into ACLED terms.

Each sentence with an event trigger becomes a ``Mention`` with what the sentence says about it
(weapons, place, date, actors, casualties, attribution). Mentions that describe the same incident
are merged into one ``Event`` by ``merge_mentions``.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import compress

from tallylog import rxcache as rx
from tallylog.extract.attribution import SentenceAttribution, as_attribution
from tallylog.extract.casualties import also, over_acts, superseded as superseded_figure, victims
from tallylog.extract.context import DocContext, alternation, compiled
from tallylog.extract.dates import MONTHS, clock_time, find_dates, md_on_or_before
from tallylog.extract.lexicon import demonyms as _demonyms, load
from tallylog.extract.numbers import CARDINAL, has_number, parse_cardinal
from tallylog.extract.sentences import Sentence
from tallylog.model import Attribution, DateMention, Event, Location, PlaceMention, Span
from tallylog.prefilter import WordIndex, gate, start_prefixes, word_windows

WEAK_SUBS = {None}


_SEASON_WORDS = tuple(load("dates")["seasons"])


@lru_cache(maxsize=1)
def _named_actors() -> frozenset[str]:
    return frozenset(e["name"] for e in load("actors")["named"])


def _is_named(actor: str | None) -> bool:
    return actor is not None and actor in _named_actors()


@dataclass
class Trigger:
    start: int
    end: int
    text: str
    sub: str | None
    needs_weapon: bool = False
    weak: bool = False  # needs corroboration (a weapon, an armed actor, a casualty figure)


@dataclass
class Mention:
    sentence: Sentence
    trigger: Trigger
    sub: str
    weapons: set[str]
    place: PlaceMention | None
    place_precision: int | None
    date: DateMention | None
    actor1: str | None
    actor1_side: str | None
    actor2: str | None
    killed: int | None
    injured: int | None
    quantity: int | None
    outcome: str | None
    status: str
    attribution: Attribution | None
    us_target: bool
    toll_update: bool = False
    date_strong: bool = False  # the date is said of this incident (next to its trigger), not of the sentence
    anaphoric: bool = False  # "the attack", "Tuesday's bombing": a reference back to an incident already told
    evidence: list[Span] = field(default_factory=list)
    date_own: bool = False  # the date stands right before the trigger ("the 2004 bombing", "Tuesday's attack")
    separate: bool = False  # "the first since 2017, when ...": an earlier incident set against the one told
    closed: bool = False  # an item of a list of acts region by region: its incident takes no other mention
    group: int | None = None  # mentions told apart by the text itself ("one at X, the other at Y") never merge
    generic_ied: bool = False  # the only IED word is a bare "bomb", which an air weapon told with it may own
    retro: bool = False  # dated back from the story's present ("earlier this month", "last week"): an earlier incident
    protest_force: str | None = None  # "troops opened fire on protesters": the Protests sub-type an attack's incident takes
    by_default: bool = False  # "Attack" for want of anything to go by ("IS attacks climb"): outranks no typed mention
    toll_over_acts: bool = False  # the sentence's figure is told of several acts ("in two separate engagements")
    toll_also: tuple[str, ...] = ()  # figures ("killed", "injured") told as added to earlier ones ("was also killed")
    toll_claimed: bool = False  # the figure is the perpetrator's own ("claimed the attack, saying it had killed 40")


#: keys of ``events.json`` that hold one pattern each, compiled case-blind under the same name by ``_lex``
_CASE_BLIND = (
    "rejects_accusation", "accuser", "distributive", "story_year", "narrative_present", "narrative_anaphoric",
    "following_period", "counted_later", "body_found", "second_act_bare", "recent_perfect", "charge", "enumeration",
    "same_place", "place_anaphor", "there_place", "evacuated_to", "act_named_after", "toll_before_when", "said_and", "rehearsal", "search_raid", "toll_then_date",
    "counted_from_reference", "territory_objects", "protest_lethal", "rioters", "single_act", "year_markers", "mob",
    "back_reference", "not_a_place_after", "ground_attackers", "place_then_date", "coordinated_series",
    "tally_scope", "destination_before", "reference_before", "container_after", "passive_subject_after",
    "place_where_after", "when_clause", "relative_clause", "elsewhere_object", "clause_toll", "act_clause",
    "clause_end", "date_then_when", "year_then_when", "verbal_clash", "past_dated_act", "the_before_date",
    "attributive_place", "repeated_at_place", "follows", "act_and", "scene_opener", "retrospective_date",
    "consequence", "time_from_reference", "trial_reference_before", "death_penalty_before", "protest_against_before", "labour_strike_before", "labour_strike_after", "habitual_before", "habitual_verbs", "definition", "placed_act", "the_acts", "bearing_of", "clash_party", "act_object_end",
    "passive_victims", "noun_act_modifiers", "noun_acts", "noun_object_start", "not_armed_after", "one_sided_acts",
    "two_sided_acts", "force_on_forces", "attempt_acts", "forces_before_act", "protesters_after_act",
    "support_weapons", "described_acts", "remote_after_act", "hostages_killed", "crowd_violence",
    "killing_then_taking", "failed_before", "harm_told", "halted_acts", "weapon_subject", "blamed_for",
    "act_on_before", "aftermath", "second_act", "ongoing_fight", "fighters_before", "clash_words", "crowd",
    "state_forces"
)


@lru_cache(maxsize=1)
def _lex() -> dict:
    ev = load("events")
    # one pass over a sentence: every trigger entry is a named group, specific entries first
    triggers = [(t["sub"], bool(t.get("needs_weapon")), bool(t.get("weak"))) for t in ev["triggers"]]
    weapons = {w: rx.compile(rf"\b(?:{alternation(words)})\b", re.I) for w, words in load("weapons")["weapons"].items()}
    num = rf"(?P<num>{CARDINAL})"
    qual = r"(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|an estimated)\s+)?"
    people = alternation(load("claims")["nouns_of_people"] + ["others", "dead", "bodies"])
    demonyms = "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in _demonyms())
    # words that may stand between a cue and a place: "in the restive", "in central", "in the Mexican state of"
    place_mods = rf"neighbou?ring|nearby|adjacent|disputed|occupied|central|northern|southern|eastern|western|northeastern|northwestern|southeastern|southwestern|northeast|northwest|southeast|southwest|north|south|east|west|restive|coastal|border|capital|remote|{demonyms}|[\w]+-(?:held|controlled|occupied|run)"
    # "of the Katsina State Community Watch Corps", "of a family, including two children aged 5 and 8,"
    of_body = r"of\s+(?:the\s+|an?\s+)?(?:[\w'’.-]+\s+){0,6}?[\w'’.-]+(?:\s*,\s*(?:including|among them)\b[^,.;]{1,60},)?"
    # "The toll rose to 13", "bringing the toll to three"
    toll_to = rx.compile(rf"\b(?:death )?toll\b[^.;]{{0,90}}?\b(?:to|at|of|reached|hit)\s+{qual}{num}\b", re.I)
    return {
        "toll_to": toll_to,
        # the lexicon's plain patterns, case-blind, under their own names (``_CASE_BLIND``)
        **{key: rx.compile(ev[key], re.I) for key in _CASE_BLIND},
        "event_types": ev["event_types"],
        "triggers": triggers,
        "weapons": weapons,
        # any weapon word at all: a text with none (most sentences) need not be tried class by class
        "any_weapon": rx.compile(rf"\b(?:{alternation([w for ws in load('weapons')['weapons'].values() for w in ws])})\b",
                                 re.I),
        "weapon_subtypes": ev["weapon_subtypes"],
        "civilian": compiled("events", "civilian_targets"),
        # the object of a killing, a number and a few words at most before it: "killed two tribal elders",
        # "killings of local tribal figures" (not "killed when ...", "killed in a market")
        "civilian_object": rx.compile(rf"\s+(?:of\s+)?(?:(?:at least|some|about|nearly|more than)\s+)?(?:(?!(?:by|in|at|on|near|when|as|"
                                      rf"after|and|or|during|while)\b)[\w'’-]+\s+){{0,3}}?(?:{alternation(ev['civilian_targets'])})\b", re.I),
        "military": compiled("events", "military_targets"),
        # "The patrol was attacked", "A convoy had been targeted": an attack told of the armed target it fell on (not
        # ships: a ship "attacked" is most often the incident already told)
        "passive_target": rx.compile(rf"\b(?:the|a|an|their|its|his|her|one)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{alternation([w for w in ev['military_targets'] if not re.search('ship|vessel|tanker|destroyer', w)])})\s+"
                                     rf"(?:was|were|had been|has been|have been)\s+$", re.I),
        # tried only at the words its markers can begin with (``prefilter``): the same matches, found sooner
        "aggregate": gate(compiled("events", "aggregate_markers")),
        "us_target": compiled("actors", "us_targets", 0),
        "killed": [
            # military statements too: "neutralising four of them", "eliminated three terrorists"
            rx.compile(rf"\b(?:killing|killed|kills|kill|claimed the lives of|neutrali[sz]ing|neutrali[sz]ed|eliminating|eliminated)[\"”’']?\s+{qual}{num}\b(?!\s*(?:attacks|strikes|times|years|days|%))", re.I),
            # "leaving five people dead", not "has left at least one student injured"
            rx.compile(rf"\b(?:left|leaving)\s+{qual}{num}\s+(?:[\w'’-]+\s+){{0,3}}?(?:dead|killed)\b", re.I),
            rx.compile(rf"(?<!\bno\s)\b{qual}{num}\s+(?:(?!and\b|or\b)[\w.'’-]+\s+){{0,3}}?(?:{people})?\s*"
                       rf"(?:(?:were|was|have been|had been|are|were reported)\s+(?:killed|dead|died|slain|shot dead|martyred|murdered|assassinated|beheaded|decapitated|lost their lives|(?:burned|burnt) (?:alive|to death)|(?:hacked|stabbed|beaten) to death)"
                       rf"|(?:(?:have|had)\s+)?(?:dead|died|martyred|lost (?:their|the) li(?:ves|fe)|(?:burned|burnt) (?:alive|to death)|(?:hacked|stabbed|beaten) to death)"
                       # not a transitive verb with its object ("two Palestinian gunmen killed six people"): the doers
                       rf"|(?:(?:have|had)\s+)?(?:killed|slain|shot dead)(?!\s+(?:(?:at least|more than|nearly|some|about|an estimated)\s+)?(?:{CARDINAL}|an?|the|his|her|their|its|dozens|scores|hundreds)\b))\b", re.I),
            toll_to,
            # "three members of the Katsina State Community Watch Corps were killed": the people of a body, named long
            rx.compile(rf"\b{qual}{num}\s+(?:{people})\s+{of_body}\s+(?:were|have been|had been)\s+(?:killed|shot dead|martyred|slain)\b", re.I),
            rx.compile(rf"\b{qual}{num}\s+(?:deaths|fatalities|bodies)\b", re.I),
            # "the killing of six members of a vigilance committee", "the bodies of five men were found"
            rx.compile(rf"\b(?:killing|killings|murders?|massacre|bodies|deaths?)\s+of\s+{qual}{num}\b(?!\s*(?:attacks|times|years|days|%))", re.I),
            # military statements: "seven khwarij were neutralised", "87 occupiers were eliminated"
            rx.compile(rf"\b{qual}{num}\s+(?:more\s+)?(?:[\w'’-]+\s+){{0,2}}?(?:were|have been|had been)\s+(?:effectively\s+)?(?:neutrali[sz]ed|eliminated|sent to hell)\b", re.I),
        ],
        "injured": [
            # not "leaving": "leaving five people dead" counts the dead only ("leaving five dead and 12 wounded"
            # gives the wounded by the pattern below)
            rx.compile(rf"\b(?:wounding|injuring|wounded|injured|wounds|injures|hurt)\s+{qual}{num}\b(?!\s*(?:attacks|strikes|times|years|days|%))", re.I),
            # not "two of the wounded died in hospital"
            rx.compile(rf"(?<!\bno\s)\b{qual}{num}\s+(?:(?!and\b|or\b)[\w.'’-]+\s+){{0,3}}?(?:{people})?\s*(?:(?:were|was|have been|had been|are|were reported|have|had)\s+)?(?:wounded|injured|hurt)\b(?!\s+(?:later\s+)?(?:died|succumbed))", re.I),
            rx.compile(rf"\b{qual}{num}\s+(?:injuries)\b", re.I),
            rx.compile(rf"\b{qual}{num}\s+(?:{people})\s+{of_body}\s+(?:were|have been|had been)\s+(?:wounded|injured|hurt)\b", re.I),
            # "Two US service members suffered minor injuries"
            rx.compile(rf"(?<!\bno\s)\b{qual}{num}\s+(?:(?!and\b|or\b)[\w.'’-]+\s+){{0,3}}?(?:suffered|sustained)\s+(?:(?:minor|light|slight|serious|severe|critical|non-life-threatening)\s+)?(?:injuries|wounds)\b", re.I),
            # "three Palestinians were treated for injuries", "12 people were hospitalised"
            rx.compile(rf"\b{qual}{num}\s+(?:(?!and\b|or\b)[\w.'’-]+\s+){{0,3}}?(?:were|was|have been|had been|are being|were being|is being)\s+(?:treated for (?:[\w-]+\s+){{0,2}}?(?:injuries|wounds)|hospitali[sz]ed|taken to hospital)\b", re.I),
        ],
        "no_killed": rx.compile(r"\bno (?:one|deaths|fatalities|casualties)\b[^.]{0,30}?\b(?:killed|reported|died)?|\bno casualties\b|\bwithout casualties\b|\bno one was (?:killed|hurt|injured)|\bno (?:deaths|fatalities)\b", re.I),
        "no_injured": rx.compile(r"\bno (?:injuries|casualties|one (?:was|is|were) (?:hurt|injured))\b|\bnobody (?:was|is) (?:hurt|injured)\b|\bwithout (?:causing )?(?:injuries|casualties)\b", re.I),
        # "The toll rose to 13", "The mayor now says nine people are dead"
        "toll_update": rx.compile(r"\b(?:rose|risen|climbed|increased|jumped|rises|climbs|reached|now stands|has risen|now (?:says|say|said|puts|put)|"
                                  rf"{_TOLL_BROUGHT.pattern})\b", re.I),
        "quantity": rx.compile(rf"\b(?P<num>{CARDINAL})\s+(?:[\w-]+\s+){{0,2}}?(?:drones?|rockets?|missiles?|mortars?|shells?|UAVs?|bombs?)\b", re.I),
        "intercepted": rx.compile(r"\b(?:intercepted|shot down|downed|thwarted|foiled|repelled|destroyed (?:the|a|two|three) (?:drones?|missiles?))\b", re.I),
        "no_damage": rx.compile(r"\bno (?:damage|injuries|casualties)\b|\bwithout (?:causing )?(?:damage|casualties)\b", re.I),
        "hit": rx.compile(r"\b(?:hit|struck|damaged|destroyed|killing|killed|wounded|injured)\b", re.I),
        # "may" in lower case only: "the May 22 concert bombing" is a date
        "future": rx.compile(r"\b(?:will|would|could|might|(?-i:may)|should|must|plans? to|planning to|planned to|plott?(?:ed|ing|s)? to|conspir(?:ed|ing|acy) to|threaten(?:s|ed|ing)?(?: to)?|vow(?:s|ed)? to|if|"
                            # "arrested on suspicion of preparing an attack": an act planned, not done
                            r"(?:preparing|planning|plotting|organi[sz]ing)(?=\s+(?:an?|the|a\s+terrorist)\b)|"
                            # "charges that carry the threat of execution": a possible act, not one done
                            r"(?:threat|risk|prospect|possibility)s? of)\b[^,.;]{0,40}$", re.I),
        # a sentence that opens on a condition ("If the government ratifies its offer ...") reports nothing
        "conditional": rx.compile(r"^\W*(?:if|unless|should)\b", re.I),
        "question": rx.compile(r"\?\s*[\"”]?$"),
        # "an attack by suspected jihadists", "a wave of attacks blamed on the CJNG": the perpetrator
        "by_actor": rx.compile(rf"\b(?:by|(?:blamed|pinned)\s+on|attributed\s+to)\s+(?:the\s+)?(?:(?:{ev['actor_qualifiers']})\s+)*$", re.I),
        "in_acts_of": rx.compile(ev["in_acts_of_before"], re.I),
        "acts_after_actor": rx.compile(ev["acts_after_actor"], re.I),
        "when_clause_before": rx.compile(ev["when_clause_before"], re.I),
        "act_verb_after": rx.compile(ev["act_verb_after"], re.I),
        "passive_after": rx.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:was|were|had been|have been|has been)\b", re.I),
        "passive_by": rx.compile(r"^\s*(?:carried out |launched |claimed |conducted )?by\b", re.I),
        "near": rx.compile(r"\b(?:near|outside|close to|on the outskirts of|north of|south of|east of|west of|northeast of|northwest of|southeast of|southwest of|km from|kilometers from|miles from|vicinity of|around)\s+(?:the\s+)?$", re.I),
        "locative": rx.compile(rf"(?:\b(?:{alternation(ev['locative_cues'])})\s+(?:the\s+)?(?:(?:{place_mods})\s+)*(?:(?:city|town|village|district|province|region|area|state|county|governorate|camp|base|capital|port|neighbou?rhood|suburb|commune|settlement|locality|hamlet|municipality|township|tehsil|barangay|sector)(?:s|es)?,?\s+(?:of\s+)?)?$)", re.I),
        # "in Kenya's Mandera county", "in Pakistan's restive Balochistan province": a possessive place before it
        "owner_before": rx.compile(rf"['’]s\s+(?:(?:{place_mods})\s+)*(?:(?:city|town|village|port|capital)\s+(?:of\s+)?)?$", re.I),
        # "missiles struck Kharkiv", "militants attacked the town of Bama": the object of an attack verb is where
        "object_place": rx.compile(rf"\b{ev['object_verbs']}\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|"
                                   r"central|frontline|front-line|border|capital|port|besieged|[\w]+-(?:held|controlled|occupied|run))\s+)*"
                                   r"(?:(?:city|town|village|district|province|region|area|camp|base|capital|port|neighbou?rhood|suburb|commune)(?:s|es)?"
                                   r"\s+(?:of\s+)?)?$",
                                   re.I),
        "responsibility": rx.compile(r"\bclaim(?:ed|s|ing)? (?:of )?responsibility\b|\bclaimed (?:the|the latest|this|that) (?:attack|bombing|blast|strike|assault)", re.I),
        # not "three days after the bombing", "hours before the attack": a count of time dates the act, it joins no clause
        "clause_boundary": rx.compile(r"(?<!days)(?<!hours)(?<!weeks)(?<!months)(?<!years)(?<!minutes)(?<!\bday)(?<!\bweek)(?<!month)(?<!\byear)(?<!moments)"
                                      r"\s+(?:after|following|before|while|as)\s+|"
                                      r"(?:(?<=days|ours|eeks|nths|ears|utes|ents|week|onth|year)|(?<=\bday))\s+(?:after|before)\s+(?!(?:the|that|this)\s)|,?\s+and\s+(?:later|then|subsequently)\s+|;\s+", re.I),
        "coordination": rx.compile(r"(?:\s*,\s*|\s+)(?:(?:and|or|as well as)\s+(?:in|at|near|on|outside)\s+|(?:and|or|as well as)?\s*)(?:the\s+)?(?:(?:town|city|village|district|province|base|camp|area)s?\s+of\s+)?|\s*,\s*"
                                  # "at a bank in Santander and at the railway station in Logroño": a site, then its town
                                  r"|\s+and\s+(?:at|in|on|near|outside)\s+(?:the|a|an)\s+(?:[\w-]+\s+){1,3}?(?:in|of|near|outside)\s+", re.I),
        "speech_date": rx.compile(rf"\b{ev['speech_before_date']}", re.I),
        "narrative_bound": rx.compile(ev["narrative_bound_before"], re.I),
        "yearless": rx.compile(rf"\b(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))}|{'|'.join(_SEASON_WORDS)})\b", re.I),
        "numbered_place": rx.compile(ev["numbered_place"]),
        "one_killed": rx.compile(ev["one_killed"]),
        "reaction": rx.compile(ev["reaction_before_trigger"], re.I),
        "aftermath_after": rx.compile(ev["aftermath_act_after_date"], re.I),
        "defused": rx.compile(ev["defused_explosive"], re.I),
        "aftermath_before": rx.compile(ev["aftermath_act_before_date"], re.I),
        # "killed in Malta in 2017", "shot in Lagos on May 3": a death told with where and when
        "placed_dated": rx.compile(r"^\s+(?:(?:in|at|near|outside|on)\s+(?:the\s+)?)$", re.I),
        "territory_state": rx.compile(rf"^(?:{alternation(ev['territory_state_actors'])})$", re.I),
        "territory_state_named": frozenset(ev["territory_state_named"]),
        "separate_opener": rx.compile(ev["separate_openers"], re.I),
        "relative_to_previous": [(rx.compile(rf"\b(?:{r})\b", re.I), int(off)) for r, off in ev["relative_to_previous"]],
        "vague_relative_to_previous": rx.compile(rf"\b(?:{ev['vague_relative_to_previous']})\b", re.I),
        "possessive_place_part": rx.compile(ev["possessive_place_parts"], re.I),
        "object_verbs": ev["object_verbs"],
        # "troops killed 15 militants", "soldiers shot dead two gunmen": the actor right after such a verb (a
        # number and two words at most between, none a preposition or conjunction: "killed when Russian
        # missiles struck", "killed by bandits") is its victim
        "victim_before": rx.compile(rf"\b{ev['victim_verbs']}\s+(?:(?:at least|more than|some|about|nearly|over|up to)\s+)?"
                                    rf"(?:(?!(?:by|when|as|after|before|while|during|in|on|at|near|from|for|with|and|or|"
                                    rf"that|which|who|since|because|then)\b)[\w,'’-]+\s+){{0,2}}$", re.I),
        "dateline_after": rx.compile(ev["dateline_after"]),
        "dateline_town_after": rx.compile(ev["dateline_town_after"]),
        "consequence_fight": rx.compile(ev["consequence_fight"], re.I),
        "accident_cause": rx.compile(ev["accident_cause"], re.I),
        "industrial_blast": rx.compile(ev["industrial_blast"], re.I),
        "armed_words": rx.compile(ev["armed_words"], re.I),
        # tried only at the words its phrases can begin with (``prefilter``): the same matches, found sooner
        "figurative": gate(rx.compile(r"\b(?:" + "|".join(f"(?:{x})" for x in ev["figurative_acts"]) + ")", re.I)),
        "legacy_ordnance": rx.compile(ev["legacy_ordnance"], re.I),
        "weapons_found": rx.compile(ev["weapons_found"], re.I),
        "unverified_excluded": rx.compile(ev["unverified_excluded"], re.I),
        "ordinary_crime": rx.compile(ev["ordinary_crime"], re.I),
        "serving_place_after": rx.compile(ev["serving_place_after"], re.I),
        "debunked": rx.compile(ev["debunked"], re.I),
        "count_of_time_then": rx.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\s+", re.I),
        "war_toll": rx.compile(ev["war_toll"], re.I),
        "route_before": rx.compile(r"\b(?:from|to|towards?|bound\s+for|heading\s+for|en\s+route\s+to|between)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.I),
        "act_on_object": rx.compile(r"\s+(?:on|against)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?(?:[\w-]+\s+)?(?:police|army|military|security|checkpoints?|stations?|posts?|bases?|barracks|camps?|churches|church|mosques?|markets?|schools?|hotels?|villages?|convoys?|patrols?|positions?)\b", re.I),
        "speaks_after": rx.compile(r"\s+(?:\w+\s+)?(?:said|says|told|announced|reported|confirmed|stated|added)\b", re.I),
        "dateline_opener": rx.compile(ev["dateline_opener"]),
        "dateline_date_before": rx.compile(ev["dateline_date_before"]),
        "named_act_before": rx.compile(ev["named_act_before"]),
        "offset_before": rx.compile(rf"(?P<num>{CARDINAL}){ev['offset_before']}", re.I),
        # who an act was done to (``_object_side``): the object's extent, its words for civilians and armed sides
        "object_civilians": compiled("events", "object_civilians"),
        "object_armed": compiled("events", "object_armed"),
        "generic_weak": rx.compile(r"^(?:hit|struck|targeted|targeting|killed|killing|kills|wounded|wounding|injured|injuring|dead|died|deaths?|killings?|strikes?)$", re.I),
    }


def find_triggers(sentence: str) -> list[Trigger]:
    """Every trigger in a sentence, in order, none overlapping (at one position the most specific wins)."""
    lex = _lex()
    found: list[Trigger] = []
    dispatch = _trigger_dispatch()
    end = 0
    # every trigger starts a word: try the pattern at word starts only (far fewer than every character), and
    # there only the triggers that can begin with the word's first three letters (none, at most word starts)
    index = word_windows(sentence) if dispatch is not None and _START_LEN == 3 else None
    if isinstance(index, WordIndex):
        return _triggers_at(sentence, index, dispatch)
    for w in _WORD_START.finditer(sentence):
        pos = w.start()
        if pos < end:
            continue
        window = sentence[pos:pos + _START_LEN]
        if dispatch is not None and window.isascii():
            pattern = dispatch.get(window.lower())
            if pattern is None:
                continue
            m = pattern.match(sentence, pos)
        else:
            m = _whole_trigger_re().match(sentence, pos)
        if m is None:
            continue
        sub, needs, weak = lex["triggers"][int(m.lastgroup[1:])]
        found.append(Trigger(m.start(), m.end(), m.group(0), sub, needs, weak))
        end = m.end()
    return found


_WORD_START = rx.compile(r"(?<![\w-])[A-Za-z]")
_START_LEN = 3
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _triggers_at(text: str, index: WordIndex, dispatch: dict[str, re.Pattern[str]]) -> list[Trigger]:
    """``find_triggers`` read from a text's word index (``prefilter``), shared with the gates that go over the
    text: its word starts (``\\b\\w``) hold every start of ``_WORD_START`` (an ASCII letter after neither a word
    character nor a hyphen), and its three-letter windows are the ones looked up, so the words that begin no
    trigger are passed over in one sweep; those left are tried as ``find_triggers`` tries them."""
    lex = _lex()
    found: list[Trigger] = []
    end = 0
    windows = index.windows(_START_LEN)
    for pos, window in compress(zip(index.starts, windows), map(_trigger_windows().__contains__, windows)):
        if pos < end or text[pos] not in _ASCII_LETTERS or (pos and text[pos - 1] == "-"):
            continue
        m = _whole_trigger_re().match(text, pos) if window is None else dispatch[window].match(text, pos)
        if m is None:
            continue
        sub, needs, weak = lex["triggers"][int(m.lastgroup[1:])]
        found.append(Trigger(m.start(), m.end(), m.group(0), sub, needs, weak))
        end = m.end()
    return found


@lru_cache(maxsize=1)
def _trigger_windows() -> frozenset[str | None]:
    """The windows a trigger pattern is tried at: those some trigger can begin with, and None (letters outside
    ASCII, where the whole pattern is tried)."""
    return frozenset([*(_trigger_dispatch() or ()), None])


@lru_cache(maxsize=1)
def _whole_trigger_re() -> re.Pattern[str]:
    """Every trigger entry of the lexicon in one pattern, each a named group (``t<index>``), specific entries
    first. Tried only where a word's first letters are not all ASCII (the dispatch below judges the rest), so it
    is compiled on first need: it is the largest pattern of all and most texts never need it."""
    return rx.compile("|".join(rf"(?P<t{i}>\b(?:{t['re']})\b)" for i, t in enumerate(load("events")["triggers"])),
                      re.I)


@lru_cache(maxsize=1)
def _trigger_dispatch() -> dict[str, re.Pattern[str]] | None:
    """Three letters -> the trigger pattern of just the entries that can begin with them, in the lexicon's
    order and with the same group names: at a word starting with those letters it finds what the whole
    pattern finds (an entry that cannot begin there cannot match there). None when some entry's first letters
    cannot be listed (``prefilter.start_prefixes``): then the whole pattern is tried at every word."""
    parts = [rf"(?P<t{i}>\b(?:{t['re']})\b)" for i, t in enumerate(load("events")["triggers"])]
    by_start: dict[str, list[int]] = {}
    for i, part in enumerate(parts):
        starts = start_prefixes(rx.compile(part, re.I), _START_LEN)
        if starts is None:
            return None
        for st in starts:
            by_start.setdefault(st, []).append(i)
    compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
    for entries in map(tuple, by_start.values()):
        if entries not in compiled:
            compiled[entries] = rx.compile("|".join(parts[i] for i in entries), re.I)
    return {st: compiled[tuple(entries)] for st, entries in by_start.items()}


def find_weapons(text: str) -> dict[str, int]:
    """Weapon classes named in a text, each with the offset of its first mention.

    A weapon word that names what was hit or made ("a drone workshop", "a missile factory") is not a weapon
    used; a bare "bomb" in a text that names an air or drone weapon ("glide bombs", "one of the bombs hit")
    is that weapon's, not an IED."""
    lex = _weapon_rules()
    out: dict[str, int] = {}
    windows = word_windows(text)
    if gate(_lex()["any_weapon"]).search(text, windows) is None:
        return out
    generic_ied = False
    for w, pat in _lex()["weapons"].items():
        for m in gate(pat).finditer(text, windows):
            if lex["not_used"].match(text[m.end():m.end() + 30]):
                continue
            out[w] = m.start()
            if w == "ied":
                generic_ied = all(lex["generic_bomb"].match(x.group(0)) for x in pat.finditer(text))
            break
    if generic_ied and ("airstrike" in out or "drone" in out) and lex["air_dropped"].search(text):
        del out["ied"]
    return out


def _generic_ied(text: str) -> bool:
    """Whether every IED word of a text is a bare "bomb" ("one of the bombs hit")."""
    rules = _weapon_rules()
    return all(rules["generic_bomb"].match(m.group(0)) for m in _lex()["weapons"]["ied"].finditer(text))


@lru_cache(maxsize=1)
def _weapon_rules() -> dict[str, re.Pattern[str]]:
    w = load("weapons")
    return {"not_used": rx.compile(w["not_used_after"], re.I), "generic_bomb": rx.compile(w["generic_bomb"], re.I),
            "air_dropped": rx.compile(w["air_dropped"], re.I), "arson": rx.compile(w["arson"], re.I)}


def _first_number(patterns: list[re.Pattern[str]], s: str, skip: list[tuple[int, int]] = ()) -> tuple[int | None, int | None]:
    """The first casualty figure the patterns find in ``s``; never a number inside a date or a place name
    ("the January 28 drone attack on Tower 22 killed three": ``skip`` holds those spans in ``s``)."""
    best: tuple[int | None, int | None] = (None, None)
    if not has_number(s):  # most sentences have no number at all: no pattern need be tried
        return best
    windows = word_windows(s)
    for pat in patterns:
        for m in gate(pat).finditer(s, windows):
            if any(a <= m.start("num") < b for a, b in skip):
                continue
            v = parse_cardinal(m.group("num"))
            if v is None or v > 100_000:
                continue
            if superseded_figure(s, m.start()):
                continue  # "initial estimates of a death toll of 11": a figure the report has revised
            if _AGE_BEFORE.search(s, max(0, m.start("num") - 30), m.start("num")):
                continue  # "Two men aged 19 and 22 were treated for stab wounds": an age, not a count
            low = _RANGE_BEFORE.search(s, max(0, m.start("num") - 40), m.start("num"))
            if low is not None and (lv := parse_cardinal(low.group("lo") or low.group("lo2"))) is not None:
                v = min(v, lv)  # "eight or nine fighters died", "between 30 and 40 people": the lowest figure
            if best[1] is None or m.start() < best[1]:
                best = (v, m.start())
    return best


# an age before a figure ("aged 19 and 22", "aged between 15 and 37")
_AGE_BEFORE = rx.compile(r"\baged\s+(?:between\s+)?(?:\d+\s*(?:,|and|to|-|–)\s*)*$", re.I)
# the lower end of a range told before a figure: "between 30 and 40", "eight or nine" (not "rose from 11 to 17")
_RANGE_BEFORE = rx.compile(rf"(?:\bbetween\s+(?P<lo>{CARDINAL})\s+and|(?<![\w,.])(?<!from )(?P<lo2>{CARDINAL})\s*(?:or|to|-|–))\s*$", re.I)


# a toll told in a relative clause of the act's noun phrase ("the 2004 bombing of a French base ... that killed")
_SUPERLATIVE_REACH = rx.compile(r"\b(?:one\s+of\s+the|the)\s+(?:deadliest|worst|bloodiest|biggest|largest|most\s+[\w-]+)\s+"
                                r"(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?|strikes?|assaults?|raids?|incidents?|days?|ambush(?:es)?)"
                                r"\b[^.;]{0,60}$", re.I)
_SERIES_MEMBER = rx.compile(r"\b(?:the|a)\s+(?:latest|newest|most\s+recent|last|deadliest|worst|(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)))\s+(?:[\w-]+\s+)?(?:in|of)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$", re.I)
_COMMEMORATION_BEFORE = rx.compile(r"\bwith\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:vigils?|mass(?:es)?|ceremon(?:y|ies)|prayers|"
                                   r"services?|memorials?|march(?:es)?|wreath-layings?|commemorations?)\s+(?:held\s+)?"
                                   r"(?:in|at)\s+(?:the\s+)?(?:[\w'’-]+\s*,\s*|[\w'’-]+\s+and\s+)*$", re.I)
_DATELINE_CITY = rx.compile(r",\s*[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,4}\s*\([A-Za-z .]{1,30}\)\s*[-–—]")  # ", Syria (DW) -"
_PLURAL_ACT_NOUNS = rx.compile(r"\b(?:attacks|strikes|air ?strikes|raids|bombings|clashes|killings|assaults|shellings|incidents|"
                               r"massacres|ambushes|operations|battles|offensives)\b", re.I)
# "bringing the toll to three", "raising the death toll to 11": a toll update that names its new figure
_TOLL_BROUGHT = rx.compile(r"(?:bringing|brought|raising|raised|taking|took) the (?:death )?toll\b", re.I)
#: a second statement after the act told: "confirmed the abduction and said ..."
_SAID_AFTER_ACT = rx.compile(r"\b(?:and|but)\s+(?:said|added|says|told|announced|reported)\b", re.I)
#: a role in an act a court names ("for their part in a bomb attack")
_ROLE_IN = rx.compile(r"\b(?:part|role|involvement|participation)\s+in\s+(?:an?|the)\s+(?:[\w-]+\s+)?$", re.I)
#: a present perfect after a year told: the sentence comes back to the present ("..., has been hit repeatedly")
_BACK_TO_PRESENT = rx.compile(r"\b(?:has|have)\s+(?:been\s+|now\s+|since\s+|repeatedly\s+)?[a-z]+(?:ed|en|wn|t)\b")
#: a list of places closed by a plural area word ("in Mandera, Wajir and Garissa counties")
_AREAS_AFTER = rx.compile(r"(?:[,\s]+(?:and\s+|or\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)+\s+(?:counties|districts|provinces|states|regions|governorates|departments|territories|prefectures)\b")
#: a place mention that is a road named by the towns it joins ("the Maiduguri-Monguno road")
_ROAD_TEXT = rx.compile(r"\w[-–]\w.*\b(?:road|highway|route|motorway|expressway|axis|corridor)\b", re.I)
#: a "since" clause ending on the year that follows it ("since militancy resurged in 2022")
_SINCE_CLAUSE = rx.compile(r"\bsince\s+[a-z][^.,;:\d]{0,40}\s+in\s+$", re.I)
#: a word that may tell weapons found (a cheap test before the ``weapons_found`` pattern)
_FOUND_CUE = rx.compile(r"(?i)found|find|seiz|discover|confiscat|recover|dismantl|uncover|located|turned up|unearth")
# ", and for the killing of ...", ", and for an attack on ...": a second act in a list of what someone is blamed for
_AND_FOR_ACT = rx.compile(r",?\s+and\s+for\s+(?P<rest>(?:the|an?)\s+(?:[\w-]+\s+){0,2}?(?:killing|attack|bombing|ambush|raid|"
                          r"massacre|abduction|kidnapping|assault|shelling|strike|murder)\b)", re.I)
# "Since the defendants were arrested in July, ", "Since the ceasefire began, ": a since-clause that tells an event
_SINCE_EVENT = rx.compile(r"\W*since\s+(?:the|a|an|his|her|their|its)\s+[^,;]{2,80}?\s+(?:was|were|had been|has been|began|started|"
                          r"ended|took office|took power|signed|collapsed)\b[^,;]{0,40},\s*", re.I)
_NOUN_ACT_OF = rx.compile(r"\b(?:the|an?)\s+(?:killing|murder|assassination|abduction|kidnapping|bombing|shelling)\s+of\b", re.I)
# "Days after the first round of voting on ", "Hours before the summit in ": a vague count from a dated event
_VAGUELY_FROM_DAY = rx.compile(r"\W*(?:just\s+|only\s+|a\s+few\s+|several\s+)?(?P<unit>hours|days|weeks)\s+(?P<dir>after|before)\s+"
                               r"[^,;.]{0,80}?\b(?:on|in)\s+", re.I)
# a clause cut after "The bombing came": "a day after gunmen shot dead ...", "two days before troops stormed ..."
_CAME_AFTER = rx.compile(r"\W*(?P<n>a|an|one|two|three|four|five|six|\d)\s+(?P<unit>day|week)s?\s+(?P<dir>after|before)\s+"
                         r"(?!(?:the|that|this|his|her|their|its)\b)", re.I)
# what may stand before a day that opens a sentence: "On", "Late on", "In the wee hours of", "On the night of"
_OPENING_DAY = rx.compile(r"\W*(?:(?:late|early)\s+)?(?:on|by|in)?\s*(?:the\s+(?:wee|early|small)\s+hours\s+of\s+|"
                          r"the\s+(?:early\s+|late\s+)?(?:night|morning|evening|afternoon)\s+of\s+)?", re.I)
_FOUND_WEAPONS = rx.compile(r"\b(?:recovered|seized|confiscated|found|impounded|collected)\s+[^.;:]{0,100}", re.I)  # to the clause's end
_PART_OF_THE = rx.compile(r"\w+\s+of\s+(?:the|those)\s+(?:injured|wounded|dead|victims)\b", re.I)  # "one of the injured"
_ONE_OF_THE = rx.compile(r"\b(?:one|two|three|some|several|most|many|each|all) of (?:the|those|these|its|their)\s+$", re.I)
_YEARS_SINCE = rx.compile(r"\byears?\s+(?:since|after)$", re.I)
_DEATH_WORDS = rx.compile(r"death|executions?", re.I)
_PLURAL_ACTS = rx.compile(r"(?:attack|bombing|killing|murder|raid|massacre|shooting|kidnapping|abduction|ambush|assault)s", re.I)
_NEXT_DAYS = rx.compile(r"\W*(?:the\s+(?:next|following)\s+(?:day|morning|night)|(?:a|one|two|three|four|five|\d)\s+days?\s+"
                        r"(?:later|afterwards|earlier)|the\s+(?:day|night)\s+before|the\s+previous\s+(?:day|night))\W*$", re.I)
_DAYS_LATER = rx.compile(r"\W*(?:a|one|two|three|four|five|six|\d)\s+days?\s+(?:later|afterwards|earlier)\W*$", re.I)
_NAMED_BEFORE = rx.compile(r"\bthe\s+(?:[A-Z][\w'’-]*\s+){1,2}$")  # "the Paris attack teams": an act named by its place
_TOLL_RELATIVE = rx.compile(r"[^,.;]{0,100}?\b(?:that|which)\s+(?:killed|wounded|injured|left)\b", re.I)


def _casualty_figure(patterns: list[re.Pattern[str]], kind: str, s: str, skip: list[tuple[int, int]] = ()) -> int | None:
    """The figure of ``kind`` ("killed", "injured") a sentence gives: the first the number patterns find, or
    the sum of a list of victims that holds it or comes before it ("killing a provincial minister and 11 other
    people" -> 12, "six gendarmes and at least two attackers were killed" -> 8)."""
    value, pos = _first_number(patterns, s, skip)
    listed = victims(s, kind, skip)
    if listed is not None and (pos is None or listed.start <= pos):
        return listed.value
    return value


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


# a district (admin2) is as specific as news reports get in rural areas ("in Arghandab district"): not broad
_BROAD_FEATURES = frozenset({"country", "admin1", "region", "continent", "area", "sea", "ocean", "water", "desert"})


def _is_broad(p: PlaceMention | None) -> bool:
    return p is None or p.feature in _BROAD_FEATURES or (p.geo_precision or 0) >= 3


def _two(sent: Sentence, end: int, start: int) -> list[Sentence]:
    """``sent`` cut in two: its text up to ``end``, and from ``start`` on (offsets in the sentence)."""
    s = sent.text
    return [Sentence(sent.start, sent.start + end, s[:end], sent.paragraph, sent.index),
            Sentence(sent.start + start, sent.end, s[start:], sent.paragraph, sent.index)]


def _acts_around(triggers: list[Trigger], end: int, start: int) -> bool:
    """An act told before ``end`` and another from ``start`` on (offsets in the sentence)."""
    return any(t.end <= end for t in triggers) and any(t.start >= start for t in triggers)


class MentionFinder:
    def __init__(self, ctx: DocContext, attributions: list[SentenceAttribution], claim_sentences: set[int] | None = None):
        self.ctx = ctx
        self.attr = attributions
        self.lex = _lex()
        self.claim_sentences = claim_sentences or set()
        self.main_countries = main_countries(ctx)
        self._group = 0
        # starts of clauses that tell another act than the clause before them ("comes a week after ...", "and
        # abducted 12 others in Konduga")
        self._followed: set[int] = set()
        absolute = [d for d in ctx.dates if d.date is not None and not d.relative and d.precision == "day"
                    and re.search(r"(?:19|20)\d\d", d.text)]
        # without a publication date, a month and day ("the May 22 concert bombing") take the year of the
        # story: the latest full date the text gives
        self.anchor: date | None = ctx.report.published or (max(d.date for d in absolute) if absolute else None)
        # a story set on one day ("... on Friday, 21 July 1972, a day that became known as ...") dates the
        # incidents it goes on to tell without a date of their own
        first = ctx.sentences[1].end if len(ctx.sentences) > 1 else (ctx.sentences[0].end if ctx.sentences else 0)
        lede = [d for d in absolute if d.start < first]
        self.story_day: DateMention | None = lede[0] if len(lede) == 1 else None

    def story_town(self) -> PlaceMention | None:
        """The one specific place the headline names, when the story names it again (once per report)."""
        if hasattr(self, "_story_town"):
            return self._story_town
        self._story_town = None
        head = self.ctx.sentences[0]
        text = self.ctx.report.text
        towns = {(p.name or p.text): p for p in self.ctx.places_in(head.start, head.end)
                 if not _is_broad(p) and p.latitude is not None and (not self.main_countries or p.country in self.main_countries)}
        if len(towns) == 1:
            (name, p), = towns.items()
            word = re.sub(r"['’]s$", "", p.text)
            if len(re.findall(rf"\b{re.escape(word)}\b", text[head.end:])) >= 1:
                self._story_town = p
        return self._story_town

    def aggregate_sentence(self, sent: Sentence) -> bool:
        """Sentences that speak of many attacks over time ("has so far targeted a number of bases")."""
        s = sent.text
        if not self.lex["aggregate"].search(s):
            return False
        text = self.ctx.report.text
        if self._coordinated_series(sent):
            return False
        if self._relative_single_act(sent):
            return False
        # "In March, fighters seized a train, holding hundreds of passengers hostage": a crowd of people in a
        # dated act, not many acts
        # "armed men set fire to dozens of homes ... over the weekend": many things hit in one act
        if all(re.match(r"(?:dozens|hundreds) of (?:[\w-]+ )?(?:fighters|gunmen|militants|insurgents|jihadists|rebels|bandits|attackers|assailants|passengers|hostages|inmates|homes|houses|huts|shops|vehicles|cars)\b", m.group(0) + s[m.end():m.end() + 40], re.I)
               for m in self.lex["aggregate"].finditer(s)) \
                and any(d.precision in ("day", "month", "range") and d.date is not None for d in self.ctx.dates_in(sent.start, sent.end)):
            return False
        # "In April, RSF fighters overran the Zamzam camp, killing hundreds of people and forcing hundreds of thousands
        # to flee": a vague toll of one dated act told by its verb, no plural of acts in the sentence
        if all(re.match(r"(?:dozens|hundreds|thousands) of (?:thousands|(?:[\w-]+ )?(?:people|civilians|residents|villagers|"
                        r"displaced|worshippers|protesters|soldiers))\b", m.group(0) + s[m.end():m.end() + 40], re.I)
               for m in self.lex["aggregate"].finditer(s)) \
                and not _PLURAL_ACT_NOUNS.search(s) and self._triggers_in(sent) \
                and any(d.precision in ("day", "month", "range") and d.date is not None for d in self.ctx.dates_in(sent.start, sent.end)):
            return False
        # "Last year, a car bomb killed 30 people in Mogadishu": the year dates one act told in the singular
        if all(self.lex["year_markers"].fullmatch(m.group(0)) for m in self.lex["aggregate"].finditer(s)) \
                and self.lex["single_act"].search(s):
            return False
        if self._present_acts_placed(sent):
            return False
        # "Since the defendants were arrested in July, CODECO fighters have been blamed for an attack on a gold-mining
        # site ...": a "since" clause of an event, then acts told in the singular, is no sum of many
        opening = _SINCE_EVENT.match(s)
        if opening and all(m.start() < opening.end() for m in self.lex["aggregate"].finditer(s)) \
                and not _PLURAL_ACT_NOUNS.search(s, opening.end()) \
                and (self.lex["single_act"].search(s, opening.end()) or _NOUN_ACT_OF.search(s, opening.end())):
            return False
        # "killed at least 19 people in a night raid on a village near Gwoza ..., the latest in a string of attacks":
        # one act told as the newest of a series, the series named only around it
        if all(_SERIES_MEMBER.search(s, max(0, m.start() - 40), m.start()) for m in self.lex["aggregate"].finditer(s)) \
                and self.lex["single_act"].search(s):
            return False
        # "... killed 22 soldiers in an assault on an army post near Tera, in one of the deadliest attacks on the
        # military this year": the period is the reach of a superlative, not a count's
        if all(_SUPERLATIVE_REACH.search(s, 0, m.end()) for m in self.lex["aggregate"].finditer(s)) \
                and self._triggers_in(sent) and any(_first_number(self.lex[k], s)[0] is not None for k in ("killed", "injured")):
            return False
        # a day after "since", or the day something was said ("the army chief said on Saturday"), does not make
        # a sentence about many attacks a sentence about one
        day_dates = [d for d in self.ctx.dates_in(sent.start, sent.end)
                     if d.precision == "day" and not re.search(r"\bsince\s+$", text[max(0, d.start - 8):d.start], re.I)
                     and not self.lex["speech_date"].search(text[max(sent.start, d.start - 40):d.start])]
        return not day_dates

    def _relative_single_act(self, sent: Sentence) -> bool:
        return self._single_act_trigger(sent) is not None

    def _single_act_trigger(self, sent: Sentence) -> Trigger | None:
        """"Security has been a theme since the November 2015 attacks, when gunmen struck the Bataclan ..., killing
        130 people", "learn from Nice, where a man drove a truck into crowds in 2016, killing 86 people, and where
        the police have long been armed", "was cancelled last year after militants killed 14 soldiers in an ambush
        near Djibo in March 2024, and ...": a relative or temporal clause that tells one act with its toll is one
        incident's report, whatever period or habit the rest of the sentence speaks of."""
        s = sent.text
        opens = list(self.lex["act_clause"].finditer(s))
        if not opens:
            return None
        triggers = [t for t in self._triggers_in(sent) if not t.needs_weapon]
        for k, o in enumerate(opens):
            end = opens[k + 1].start() if k + 1 < len(opens) else len(s)
            # "... in an ambush near Djibo in March 2024, and she has not played there since 2012": a new clause
            close = self.lex["clause_end"].search(s, o.end(), end)
            end = close.start() if close else end
            clause = s[o.end():end]
            # an act's word of its own ("stormed", "drove a truck into crowds"), a killing by an armed actor
            # ("where a gunman killed 38 tourists"), or an act named, placed and dated ("among them the Westgate
            # mall attack in Nairobi in September 2013, in which 67 people died")
            armed = any(a.named or a.name not in ("police", "army", "military", "security forces")
                        for a in self.ctx.actors_in(sent.start + o.end(), sent.start + end))
            told = [t for t in triggers if o.end() <= t.start < end
                    and (t.sub is not None or armed or self._dated_act_on_place(sent, t))]
            if not told:
                continue
            if self.lex["aggregate"].search(clause) or not self.lex["clause_toll"].search(clause):
                continue
            return told[0]
        return None

    def _present_acts_placed(self, sent: Sentence) -> bool:
        """"US airstrikes on Friday night killed 16 people in Iraq. The strikes targeted positions near al-Rutba and
        the town of al-Qaim": "the strikes" of the day the report has just told, and where they hit, not many acts
        over time (no other mark of a period; a specific place cued; a day told before)."""
        s = sent.text
        subj = self.lex["the_acts"].match(s)
        if subj is None or any(a.start() >= subj.end() or a.end() <= subj.start() for a in self.lex["aggregate"].finditer(s)):
            return False
        text = self.ctx.report.text
        if not any(not _is_broad(p) and p.latitude is not None and self.lex["locative"].search(text[max(sent.start, p.start - 70):p.start])
                   for p in self.ctx.places_in(sent.start + subj.end(), sent.end)):
            return False
        return self._last_day_mention(sent.start) is not None

    def _coordinated_series(self, sent: Sentence) -> bool:
        """"... since the group launched a series of attacks across Paris, killing 130 people": coordinated
        attacks on one city told with one toll are one incident, not a count over time (no other mark of many
        acts over a period; "since" only before the act it dates)."""
        s = sent.text
        m = self.lex["coordinated_series"].search(s)
        if m is None:
            return False
        at = sent.start + m.end()
        if not any(p.start == at and not _is_broad(p) and p.latitude is not None for p in self.ctx.places_in(at, sent.end)):
            return False
        for a in self.lex["aggregate"].finditer(s):
            if m.start() <= a.start() < m.end():
                continue
            if a.group(0).lower() == "since" and not self.ctx.dates_in(sent.start + a.end(), sent.start + a.end() + 12):
                continue  # "has been on high alert since the group launched ...": since an act, not a date
            return False
        return _first_number(self.lex["killed"], s[m.end():], [])[0] is not None

    def find(self) -> tuple[list[Mention], list[Sentence]]:
        mentions: list[Mention] = []
        aggregate: list[Sentence] = []
        self.responsibility: list[tuple[int, str, str | None]] = []
        self._all_triggers = self._literal(find_triggers(self.ctx.report.text))
        self._trigger_starts = [t.start for t in self._all_triggers]
        self._toll_days: dict[int, DateMention | None] = {}  # placed tolls told on the story's last day
        for i, sent in enumerate(self.ctx.sentences):
            if sent.heading:  # a subheading only names what the paragraphs under it tell
                continue
            if self.lex["responsibility"].search(sent.text):
                named = [a for a in self.ctx.actors_in(sent.start, sent.end) if a.named]
                if named:
                    self.responsibility.append((sent.start, named[0].name, named[0].side))
            if i in self.claim_sentences and not self._dated_incident(sent) and not self._repeated_at_place(sent):
                if not self._placed_toll(sent):
                    aggregate.append(sent)
                    continue
                self._toll_days[i] = self._last_day_mention(sent.start)
            found = False
            for part in self._clauses(sent):
                m = self._mention(part, self.attr[i], whole=sent)
                if m == "aggregate":
                    aggregate.append(sent)
                elif m is not None:
                    found = True
                    mentions.append(m)
                    mentions.extend(self._coordinated(m))
                    mentions.extend(self._year_list(m))
                    mentions.extend(self._distributive(m))
            if not found and mentions and i - mentions[-1].sentence.index == 1:
                self._date_of_previous(sent, mentions[-1])
            if not found and mentions and 1 <= i - mentions[-1].sentence.index <= 3:
                toll = self._toll_of_previous(sent, mentions)
                if toll is not None:
                    mentions.append(toll)
        mentions = self._intercepted_by_region(self._enumerated_places(mentions))
        self._day_within_period(mentions)
        self._relative_dates(mentions)
        self._back_reference_dates(mentions)
        self._carry_dates(mentions)
        self._date_by_story_day(mentions)
        return mentions, aggregate

    def _date_of_previous(self, sent: Sentence, prev: Mention) -> None:
        """"The army said on Friday it had repelled an attack on X. Residents said the fighting lasted most of
        Thursday afternoon.": a sentence that refers back to the incident just told ("the fighting", "the
        attack") and gives a day, with no place of its own, dates that incident when it had no day."""
        if prev.date is not None and prev.date.precision == "day" and prev.date_strong:
            return
        if not re.search(r"\b(?:the|that|this)\s+(?:fighting|attack|assault|clashes|battle|siege|raid|ambush|shelling|bombardment|gunfight)\b", sent.text, re.I):
            return
        if any(not _is_broad(p) for p in self.ctx.places_in(sent.start, sent.end)):
            return
        text = self.ctx.report.text
        days = [d for d in self.ctx.dates_in(sent.start, sent.end) if d.date is not None and d.precision == "day"
                and not self.lex["speech_date"].search(text[max(sent.start, d.start - 40):d.start])]
        if len(days) == 1:
            prev.date, prev.date_strong = days[0], True

    def _dated_incident(self, sent: Sentence) -> bool:
        """A sentence that also carries a count is still one incident's report when a specific act is told
        with its own month or day and a place ("In October 2022, twin car bombs in Mogadishu killed more
        than 120 people"): a figure of one incident, not a total over a period."""
        if self.aggregate_sentence(sent):
            return False
        text = self.ctx.report.text
        triggers = [t for t in self._triggers_in(sent) if not t.needs_weapon and (
            t.sub is not None and not t.weak
            # "In April, an RSF assault on the nearby Zamzam camp killed more than 400 people", "12 soldiers were
            # killed in IS attacks in Palmyra on Monday": a lesser or generic word ("assault", "raid", "attacks")
            # with a named armed group right before it tells the act as well
            or any(a.named and 0 <= sent.start + t.start - a.end <= 2 for a in self.ctx.actors_in(sent.start, sent.end))
            # "Coordinated attacks on police stations in Bujumbura and Gitega on Monday left nine officers dead":
            # the acts told by what they hit
            or (t.sub is None and self.lex["act_on_object"].match(sent.text, t.end) is not None))]
        if not triggers:
            return False
        # a year dates one act where a clause tells that act alone ("came in 2018, when a family of six carried
        # out suicide bombings at three churches in Surabaya, killing 13"; "Nice, where a man drove a truck into
        # crowds in 2016, killing 86")
        single = self._relative_single_act(sent)
        dates = [d for d in self.ctx.dates_in(sent.start, sent.end) if d.date is not None
                 and (d.precision in ("day", "month") or d.precision == "year" and (
                     single or self.lex["year_then_when"].match(text, d.end, sent.end))
                      # "In the spring of 1996 his unit ambushed a column": a season dates one act like a month
                      or d.precision == "range" and d.end_date is not None and (d.end_date - d.date).days <= 92)
                 and not re.search(r"\b(?:since|between|from|through|until|in the past|over the past)\s+(?:\w+\s+)?$",
                                   text[max(sent.start, d.start - 20):d.start], re.I)]
        if len(dates) != 1:
            return False
        place, _ = self._place(sent, triggers[0])
        return place is not None and not _is_broad(place)

    def _placed_toll(self, sent: Sentence) -> bool:
        """"In Syria, the monitor said strikes near al-Mayadin and Albu Kamal killed at least 23 fighters": a count
        that is the toll of an act told at a specific town right after its trigger, in a report whose present
        is a day already told, is that act's figure (the count stays a claim), not a total over a period."""
        text = self.ctx.report.text
        if self.aggregate_sentence(sent) or any(
                not self.lex["speech_date"].search(text[max(sent.start, d.start - 40):d.start])
                for d in self.ctx.dates_in(sent.start, sent.end)):
            return False
        if not any(d.precision == "day" and d.date is not None and not self.lex["speech_date"].search(text[max(0, d.start - 40):d.start])
                   for d in self.ctx.dates_in(0, sent.start)):
            return False
        for t in self._triggers_in(sent):
            at = sent.start + t.end
            for p in self.ctx.places_in(at, min(sent.end, at + 40)):
                if not _is_broad(p) and p.latitude is not None and self.lex["placed_act"].fullmatch(text, at, p.start):
                    return True
        return False

    def _repeated_at_place(self, sent: Sentence) -> bool:
        """"The enemy attacked our positions six times near Uspenivka": one side's repeated assaults at one
        place in one report's day are one incident (the count stays a claim); not over a period ("since")."""
        r = self.lex["repeated_at_place"].search(sent.text)
        if r is None or self.aggregate_sentence(sent):
            return False
        at = sent.start + r.end()
        return any(not _is_broad(p) and p.latitude is not None and p.start - at <= 30
                   for p in self.ctx.places_in(at, sent.end))

    def _toll_of_previous(self, sent: Sentence, mentions: list[Mention]) -> Mention | None:
        """"Thirteen people were wounded.", "A medical source said 19 wounded people had been admitted", "The
        toll in Amalfi rose to 13 on Friday": a sentence after an incident that gives a casualty figure and
        tells no act of its own is that incident's toll (an update names the incident's place, or follows it)."""
        text = self.ctx.report.text
        if any(t.sub is not None for t in self._triggers_in(sent)) or self.aggregate_sentence(sent):
            return None
        prev = mentions[-1]
        places = [p for p in self.ctx.places_in(sent.start, sent.end) if not _is_broad(p)]
        update = bool(self.lex["toll_update"].search(sent.text))
        if places:
            named = {p.name or p.text for p in places}
            # a flashback told apart ("after a strike on June 2 killed two") is not the incident whose toll rises
            at = [m for m in reversed(mentions) if m.place is not None and (m.place.name or m.place.text) in named]
            prev = next((m for m in at if not m.separate), at[0] if at else None)
            last = mentions[-1].place
            if prev is None and update and last is not None and last.admin1 \
                    and all(p.admin1 == last.admin1 and p.country == last.country for p in places):
                prev = mentions[-1]  # "died on the way to the Marsabit County Referral Hospital, bringing the toll to three"
            if prev is None or not update:
                return None  # another place: another incident
        if not update and any(not self.lex["speech_date"].search(text[max(sent.start, d.start - 40):d.start])
                              for d in self.ctx.dates_in(sent.start, sent.end)):
            return None  # a day of its own: not the toll of the incident just told
        if self.lex["separate_opener"].search(sent.text) or self.lex["future"].search(sent.text):
            return None
        not_counts = self._not_counts(sent)
        if self.lex["no_killed"].search(sent.text) or self.lex["no_injured"].search(sent.text):
            # "No one was hurt."
            killed = 0 if self.lex["no_killed"].search(sent.text) else None
            injured = 0 if self.lex["no_injured"].search(sent.text) else None
        else:
            killed = _casualty_figure(self.lex["killed"], "killed", sent.text, not_counts)
            injured = _casualty_figure(self.lex["injured"], "injured", sent.text, not_counts)
            if update:
                killed, injured = self._toll_brought(sent.text, not_counts, killed, injured)
        if killed is None and injured is None:
            return None
        return Mention(**{**prev.__dict__, "sentence": sent, "killed": killed, "injured": injured, "separate": False,
                          "anaphoric": False, "toll_update": bool(update and killed),
                          "toll_over_acts": over_acts(sent.text), "toll_also": also(sent.text),
                          "date_strong": False, "evidence": [Span(sent.start, sent.end, sent.text)]})

    def _toll_brought(self, s: str, not_counts: list[tuple[int, int]], killed: int | None,
                      injured: int | None) -> tuple[int | None, int | None]:
        """"One of the injured, a 60-year-old woman, died ..., bringing the toll to three": the toll the sentence
        brings the incident to is its killed figure, and "one of the injured" is no figure of the injured."""
        toll = _first_number([self.lex["toll_to"]], s, not_counts)[0]
        if toll is None:
            return killed, injured
        if injured is not None and _PART_OF_THE.match(s, _first_number(self.lex["injured"], s, not_counts)[1] or 0):
            injured = None
        return toll, injured

    def _relative_dates(self, mentions: list[Mention]) -> None:
        """"Hours earlier, a bomb exploded in Mardan", "A day earlier, shells struck Sake": an incident dated
        by the one told before it, the offset the phrase says."""
        from datetime import timedelta

        text = self.ctx.report.text
        for k, m in enumerate(mentions):
            d = m.date
            if d is not None and m.date_strong and d.date is not None and d.precision == "day" \
                    and m.sentence.start <= d.start < m.sentence.end \
                    and (v := _VAGUELY_FROM_DAY.fullmatch(text, m.sentence.start, d.start)) is not None:
                # "Days after the first round of voting on Dec. 28, military jets bombed a village": the day is the
                # vote's; the strike is in the days (weeks, hours) after it, or before it
                lo, hi = {"hours": (0, 1), "days": (1, 7), "weeks": (7, 30)}[v.group("unit").lower()]
                after = v.group("dir").lower() == "after"
                first = d.date + timedelta(days=lo) if after else d.date - timedelta(days=hi)
                last = d.date + timedelta(days=hi) if after else d.date - timedelta(days=lo)
                m.date = DateMention(m.sentence.start + v.start(), d.end, text[m.sentence.start + v.start():d.end],
                                     first, "range", last, None, True)
                continue
            if m.date is not None and m.date_strong:
                continue
            if k and m.trigger is not None and self.lex["body_found"].match(m.trigger.text) \
                    and not self.ctx.places_in(m.sentence.start, m.sentence.end):
                # "... was abducted in Kirkuk. His body was found a week later.": the end of the act just told,
                # not an incident of its own on a later day
                continue
            hit = None
            for pat, off in self.lex["relative_to_previous"]:
                r = pat.search(m.sentence.text)
                if r is not None:
                    hit = (r, off)
                    break
            if hit is None:
                hit = self._counted_from_reference(m.sentence.text)
            if hit is None:
                hit = self._counted_later(m.sentence.text)
            if hit is None:
                hit = self._came_after(m.sentence.text)
            if hit is None:
                self._vaguely_after(mentions, k)
                continue
            # "In October 2000 ... Two years later, ...": a count of years goes from a month or a year as well
            precisions = ("day", "month", "year") if abs(hit[1]) >= 365 else ("day",)
            # "Hours before the bombing, ...": the act it counts from was done, not a device defused after it
            done = bool(self.lex["act_named_after"].match(m.sentence.text, hit[0].end()) or self.lex["act_named_after"].search(hit[0].group(0)))
            # (or the clause before it in the same sentence: "gutted a store in Lisburn, and three days later ...")
            prev = next((p for p in reversed(mentions[:k]) if (p.sentence.index < m.sentence.index or (
                p.sentence.index == m.sentence.index and p.sentence.start < m.sentence.start)) and p.date is not None
                         and p.date.date is not None and p.date.precision in precisions
                         and not (done and p.sub == "Disrupted weapons use")), None)
            # "That April, gunmen shot dead a candidate ...; two weeks later, a grenade ...": counted from an act dated
            # only to its month, a count of days moves that period (not an earlier act's day)
            last = next((p for p in reversed(mentions[:k]) if p.sentence.start < m.sentence.start and p.date is not None
                         and p.date.date is not None and p.date_strong), None)
            if prev is not None and last is not None and last is not prev and last.date.precision in ("month", "range", "week") \
                    and last.date.date > prev.date.date and abs(hit[1]) < 365:
                r, off = hit
                shift = timedelta(days=off)
                m.date = DateMention(m.sentence.start + r.start(), m.sentence.start + r.end(), r.group(0),
                                     last.date.date + shift, "range", (last.date.end_date or last.date.date) + shift, None, True)
                m.date_strong = True
                continue
            # with no incident told before it, only an undated one counts from the last day the text named
            base = prev.date.date if prev is not None else None if m.date is not None else self._last_day_told(m.sentence.start)
            if base is None:
                continue
            r, off = hit
            if off == 0 and m.date is not None and m.date.date is not None and m.date.precision == "day" \
                    and m.sentence.start <= m.date.start < m.sentence.end:
                continue  # "bombs hit two shops on the same night, 2 July": the sentence's own day, said of both
            start = m.sentence.start + r.start()
            if abs(off) >= 365:
                # "the assassination of X one year before": the year, not a day, is what the phrase tells
                year = (base + timedelta(days=off)).year
                m.date = DateMention(start, m.sentence.start + r.end(), r.group(0), date(year, 1, 1), "year",
                                     date(year, 12, 31), None, True)
            else:
                pub = self.ctx.report.published
                if pub is not None and base + timedelta(days=off) > pub:
                    continue  # "Six weeks later" counted from a day of the present: not the incident it goes on from
                m.date = DateMention(start, m.sentence.start + r.end(), r.group(0), base + timedelta(days=off), "day",
                                     None, None, True)
            m.date_strong = True

    def _counted_back(self, sent: Sentence, trigger: Trigger, date_m: DateMention) -> DateMention:
        """"The ombudsman presented a report on Thursday, a week after the killing of five farmers near Tumaco",
        "The race was held on Sunday, three weeks after gunmen burst into a pool hall": the act told after the
        count of time is the incident, and its day is the day of the clause before, counted back (or forward for
        "before"). Only where that clause tells no act of its own and holds the day."""
        s = sent.text
        if " after " not in s and " before " not in s:
            return date_m
        r = self.lex["count_of_time_then"].search(s)
        if r is None or trigger.start < r.end() or not (sent.start <= date_m.start and date_m.end <= sent.start + r.start()):
            return date_m
        if any(t.start < r.start() for t in self._triggers_in(sent)):
            return date_m  # "gunmen killed a headman two days after the bombing": the clause before is the act
        n = r.group("n").lower()
        count = int(n) if n.isdigit() else self._NUMBER_WORDS.get(n)
        if not count:
            return date_m
        days = count * (7 if r.group("unit").lower().startswith("week") else 1)
        when = date_m.date - timedelta(days=days) if r.group("dir").lower() == "after" else date_m.date + timedelta(days=days)
        pub = self.ctx.report.published
        if pub is not None and when > pub:
            return date_m
        return DateMention(sent.start + r.start(), sent.start + r.end(), r.group(0), when, "day", None, None, True)

    _NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                     "eight": 8, "nine": 9, "ten": 10}

    def _counted_from_reference(self, s: str) -> tuple[re.Match[str], int] | None:
        """"Four days after Ortega's killing", "a week before the businessman's abduction": the phrase and its
        offset in days from the incident told before."""
        r = self.lex["counted_from_reference"].search(s)
        if r is None:
            return None
        n = r.group("n").lower()
        count = int(n) if n.isdigit() else self._NUMBER_WORDS[n]
        days = count * (7 if r.group("unit").lower().startswith("week") else 1)
        return r, days if r.group("dir").lower() == "after" else -days

    def _counted_later(self, s: str) -> tuple[re.Match[str], int] | None:
        """"Ten days later, gunmen shot dead ...", "Six weeks later", "Three months later": the phrase and its offset
        in days from the incident told before (a month as 30 days, a year as 365)."""
        r = self.lex["counted_later"].search(s)
        if r is None:
            return None
        n = parse_cardinal(r.group("n")) if r.group("n").lower() not in ("a", "an") else 1
        if not n:
            return None
        days = n * {"day": 1, "week": 7, "month": 30, "year": 365}[r.group("unit").lower()]
        return r, days if r.group("dir").lower() in ("later", "afterwards", "after") else -days

    def _came_after(self, s: str) -> tuple[re.Match[str], int] | None:
        """"The bombing came a day after gunmen ... shot dead a polio worker" (the clause cut after "came"): the
        phrase and its offset in days from the act the sentence opened on (the act told after "after" is that many
        days before it)."""
        r = _CAME_AFTER.match(s)
        if r is None:
            return None
        n = 1 if r.group("n").lower() in ("a", "an") else parse_cardinal(r.group("n")) or 0
        days = n * (7 if r.group("unit").lower() == "week" else 1)
        return (r, -days if r.group("dir").lower() == "after" else days) if days else None

    def _item_day(self, sent: Sentence) -> DateMention | None:
        """The day that opens an item of an incident log ("1. 08/09, NORTH KIVU:", "- 12 MAR:", "17/04 - KENSCOFF")."""
        text = self.ctx.report.text
        for d in self.ctx.dates_in(sent.start, min(sent.end, sent.start + 16)):
            if d.date is not None and d.precision == "day" and _ITEM_LEAD.fullmatch(text, sent.start, d.start) \
                    and _ITEM_TAIL.match(text, d.end):
                return d
        return None

    def _heading_day(self, pos: int) -> DateMention | None:
        """The day of the date heading a timeline or a live page's day puts above ``pos`` ("MONDAY, MAY 4",
        "Tuesday 5 May"): a paragraph of a date alone, when the text has two or more such headings."""
        heads = getattr(self, "_heading_days", None)
        if heads is None:
            heads = self._heading_days = _date_headings(self.ctx)
        found = None
        for end, d in heads:
            if end > pos:
                break
            found = d
        return found

    def _last_day_mention(self, pos: int) -> DateMention | None:
        """The last day the text named before ``pos`` (not the day something was said)."""
        text = self.ctx.report.text
        days = [d for d in self.ctx.dates if d.end <= pos and d.date is not None and d.precision == "day"
                and not self.lex["speech_date"].search(text[max(0, d.start - 40):d.start])]
        return days[-1] if days else None

    def _lede_day(self) -> date | None:
        """The day of the story's present: the first day the opening two sentences name (not a day something
        was said on), else None."""
        sents = self.ctx.sentences
        if not sents:
            return None
        end = sents[min(1, len(sents) - 1)].end
        text = self.ctx.report.text
        days = [d for d in self.ctx.dates if d.end <= end and d.date is not None and d.precision == "day"
                and not self.lex["speech_date"].search(text[max(0, d.start - 40):d.start])]
        return days[0].date if days else None

    def _last_day_told(self, pos: int) -> date | None:
        """"The leaders met in Brussels on Tuesday ... Hours before the meeting, an explosive device went off":
        with no incident told before it, a relative day counts from the last day the text named (not the day
        something was said)."""
        text = self.ctx.report.text
        days = [d for d in self.ctx.dates if d.end <= pos and d.date is not None and d.precision == "day"
                and not self.lex["speech_date"].search(text[max(0, d.start - 40):d.start])]
        return days[-1].date if days else None

    def _vaguely_after(self, mentions: list[Mention], k: int) -> None:
        """"Last month, insurgents ambushed a bus ... Days later, a roadside bomb killed 11": an incident some
        days or weeks after the one told before it is in the week after that one's day, or in its month or
        year, and an incident of its own; never on a day of the story's present that the sentence does not name."""
        from datetime import timedelta

        m = mentions[k]
        r = self.lex["vague_relative_to_previous"].search(m.sentence.text)
        if r is None:
            return
        prev = next((p for p in reversed(mentions[:k]) if p.sentence.index < m.sentence.index and p.date is not None
                     and p.date.date is not None and p.date.precision in ("day", "week", "month", "year")), None)
        if prev is None:
            return
        day = prev.date.precision == "day" and r.group(0).lower().endswith(("days later", "days afterwards"))
        if day:
            when, precision, last = prev.date.date + timedelta(days=1), "week", prev.date.date + timedelta(days=7)
        else:
            when, precision, last = prev.date.date, prev.date.precision, prev.date.end_date
        m.date = DateMention(m.sentence.start + r.start(), m.sentence.start + r.end(), r.group(0), when, precision,
                             last, None, True)
        m.date_strong = True
        m.separate = True  # a later act of its own, never the one told before it

    def _back_reference_dates(self, mentions: list[Mention]) -> None:
        """"Gunmen abducted 46 people ..., residents said on Monday. The attackers arrived late on Saturday":
        an undated incident takes the day of a following sentence that goes on about it."""
        told = {m.sentence.index for m in mentions}
        text = self.ctx.report.text
        for k, m in enumerate(mentions):
            if m.date is not None:
                continue
            # "Two bombers blew themselves up ... on March 22, 2016. ... More than 300 people were wounded in the two
            # attacks. ... The bombers belonged to the cell that carried out the attacks in Paris on Nov. 13, 2015":
            # an act told right after a dated one of its paragraph goes on about that one (``_carry_dates``)
            if any(p.date is not None and p.date.date is not None and p.date.precision in ("day", "range")
                   and p.sentence.paragraph == m.sentence.paragraph and 0 <= m.sentence.index - p.sentence.index <= 2
                   for p in mentions[:k]):
                continue
            for sent in self.ctx.sentences[m.sentence.index + 1:m.sentence.index + 3]:
                if not self.lex["back_reference"].search(sent.text):
                    continue
                days = [d for d in self.ctx.dates_in(sent.start, sent.end) if d.date is not None and d.precision == "day"
                        and not self.lex["speech_date"].search(text[max(sent.start, d.start - 40):d.start])]
                if days and (sent.index not in told or all(x.date is None or x.date is days[0] for x in mentions if x.sentence.index == sent.index)):
                    m.date, m.date_strong = days[0], False
                    break

    def _day_within_period(self, mentions: list[Mention]) -> None:
        """"... the gunmen who shot dead a council candidate last week. Marisol Ortega ... was killed on the
        evening of May 28": an incident dated only by a period of the present ("last week", "earlier this month")
        takes the day one of the next two sentences gives a killing or an attack, when that day lies inside the
        period and the sentence tells no incident of its own."""
        told = {m.sentence.index for m in mentions}
        text = self.ctx.report.text
        for m in mentions:
            d = m.date
            if d is None or d.date is None or d.precision not in ("week", "month") or not d.relative or d.end_date is None:
                continue
            for sent in self.ctx.sentences[m.sentence.index + 1:m.sentence.index + 3]:
                if sent.index in told or not self._triggers_in(sent):
                    continue
                days = [x for x in self.ctx.dates_in(sent.start, sent.end) if x.date is not None and x.precision == "day"
                        and d.date <= x.date <= d.end_date
                        and not self.lex["speech_date"].search(text[max(sent.start, x.start - 40):x.start])]
                if len(days) == 1:
                    m.date = days[0]
                    break

    def _enumerated_places(self, mentions: list[Mention]) -> list[Mention]:
        """"US jets struck 85 targets at seven facilities in Iraq and Syria on Friday. Three of the facilities
        were in and around al-Qaim and al-Rutba, and four around al-Mayadin and Albu Kamal": a sentence that
        says where the targets of the strikes just told were is one incident at each place it names."""
        out: list[Mention] = []
        text = self.ctx.report.text
        by_index = {m.sentence.index: m for m in mentions}
        for m in mentions:
            out.append(m)
            nxt = m.sentence.index + 1
            if nxt >= len(self.ctx.sentences) or nxt in by_index or m.sub == "Disrupted weapons use":
                continue
            sent = self.ctx.sentences[nxt]
            if not self.lex["enumeration"].search(sent.text):
                continue
            seen = [m.place] if m.place is not None and not _is_broad(m.place) else []
            for p in self.ctx.places_in(sent.start, sent.end):
                if _is_broad(p) or p.latitude is None or re.match(r"\s+(?:province|governorate|region|state)\b", text[p.end:p.end + 14], re.I):
                    continue
                if any(q.latitude is not None and q.country == p.country
                       and haversine_km((p.latitude, p.longitude), (q.latitude, q.longitude)) <= 25 for q in seen):
                    continue
                seen.append(p)
                out.append(Mention(**{**m.__dict__, "place": p, "place_precision": 2, "killed": None, "injured": None,
                                      "evidence": list(m.evidence) + [Span(sent.start, sent.end, sent.text)]}))
        return out

    def _intercepted_by_region(self, mentions: list[Mention]) -> list[Mention]:
        """"air defence assets intercepted and destroyed 57 Ukrainian unmanned aerial vehicles: - 21 over the territory
        of the Bryansk region; - 18 over the territory of the Belgorod region; ...": the interception told region by
        region is one incident a region (ACLED codes disrupted weapons use where it happened), each with its number;
        the whole, placed nowhere more precise than a country, gives way to them."""
        out: list[Mention] = []
        sents = self.ctx.sentences
        for m in mentions:
            if m.sub != "Disrupted weapons use":
                out.append(m)
                continue
            items: list[Mention] = []
            k = m.sentence.index + 1
            while k < len(sents):
                item = _REGION_ITEM.match(sents[k].text)
                if item is None:
                    break
                places = [p for p in self.ctx.places_in(sents[k].start + item.end(), sents[k].end) if p.latitude is not None]
                if places:
                    items.append(Mention(**{**m.__dict__, "place": places[0], "place_precision": places[0].geo_precision,
                                            "quantity": parse_cardinal(item.group("n")), "killed": None, "injured": None,
                                            "separate": True, "closed": True,
                                            "evidence": [Span(sents[k].start, sents[k].end, sents[k].text)]}))
                k += 1
            if len(items) >= 2 and (m.place is None or m.place.feature == "country"):
                out.extend(items)
            else:
                out.append(m)
        return out

    def _year_list(self, m: Mention) -> list[Mention]:
        """"two major attacks in 2013 and 2015": one incident a year, as one side at two places is two."""
        if m.date is None or m.date.precision != "year" or not m.date_strong:
            return []
        text = self.ctx.report.text
        out = []
        last = m.date
        for d in self.ctx.dates_in(m.date.end, m.sentence.end):
            if not re.fullmatch(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)", text[last.end:d.start]) or d.precision != "year":
                break
            out.append(Mention(**{**m.__dict__, "date": d, "killed": None, "injured": None, "evidence": list(m.evidence)}))
            last = d
        if out:
            m.killed = m.injured = None
        return out

    def _distributive(self, m: Mention) -> list[Mention]:
        """"two car bombs ... - one at the Oxford Street bus station, the other outside shops in Cavehill Road":
        two incidents, each at the place its part names (else the sentence's), never merged into one."""
        dm = self.lex["distributive"].search(m.sentence.text)
        if dm is None:
            return []
        base = m.sentence.start

        def place_of(group: str) -> PlaceMention | None:
            ps = [p for p in self.ctx.places_in(base + dm.start(group), base + dm.end(group)) if not _is_broad(p)]
            return ps[0] if ps else m.place

        first, second = place_of("a"), place_of("b")
        self._group += 2
        twin = Mention(**{**m.__dict__, "place": second, "killed": None, "injured": None, "evidence": list(m.evidence),
                          "group": self._group + 1})
        m.place, m.group, m.killed, m.injured = first, self._group, None, None
        return [twin]

    def _date_by_story_day(self, mentions: list[Mention]) -> None:
        """A story set on one day (its opening names one full date) dates the incidents its paragraph goes on
        to tell without a date of their own; the date is weak (never keeps two incidents apart)."""
        day = self.story_day
        if day is None:
            self._date_by_lede_day(mentions)
            return
        para = next((x.paragraph for x in self.ctx.sentences if x.start <= day.start < x.end), None)
        for m in mentions:
            if m.date is None and m.sentence.start >= day.end and m.sentence.paragraph == para:
                m.date, m.date_strong = day, False

    def _date_by_lede_day(self, mentions: list[Mention]) -> None:
        """The day of the lede ("Russia launched ... overnight, killing two people in Kyiv") is the day of the
        story's present: an incident told further down with no date of its own, before the text names any
        other day, happened then ("In Lutsk, drones and missiles struck an industrial area"). Weak."""
        # a headline, a dateline or a live blog's time stamp ("08:12 BST") does not push the lede down
        sents = self.ctx.sentences
        text = self.ctx.report.text
        lede = next((m for m in mentions if m.date is not None and not m.separate and
                     sum(1 for x in sents[:m.sentence.index] if len(x.text.split()) >= 6) <= 2), None)
        if lede is not None:
            day, index = lede.date, lede.sentence.index
        else:
            # "At least three people were killed in violence during local elections on Thursday, police said": a
            # lede that gives the story's count (a claim, no incident of its own) still tells its day
            day, index = None, -1
            for x in sents:
                if sum(1 for y in sents[:x.index] if len(y.text.split()) >= 6) > 2:
                    break
                if x.index in self.claim_sentences:
                    days = [d for d in self.ctx.dates_in(x.start, x.end) if d.date is not None and d.precision == "day"
                            and not self.lex["speech_date"].search(text[max(x.start, d.start - 40):d.start])]
                    if len(days) == 1:
                        day, index = days[0], x.index
                        break
        if day is None or day.date is None or day.precision != "day":
            return
        for m in mentions:
            if m.sentence.index <= index:
                continue
            # a flashback to an earlier full date ("after a strike on July 16 killed three") does not end the
            # story's present; a new day of the story does
            other = [d for d in self.ctx.dates_in(day.end, m.sentence.start) if d.date is not None
                     and d.date != day.date and d.precision in ("day", "range")
                     and not self.lex["speech_date"].search(text[max(0, d.start - 40):d.start])
                     and not (not d.relative and (d.end_date or d.date) < day.date - timedelta(days=2))]
            if other:
                return
            if m.date is None and not m.separate:
                m.date, m.date_strong = day, False

    @staticmethod
    def _carry_dates(mentions: list[Mention]) -> None:
        """A mention with no date that follows a dated one within two sentences of the same paragraph is
        told of the same day ("Strikes hit al-Qaim on Friday. ... Strikes near al-Mayadin killed 23"); the
        carried date is weak: it never keeps two incidents apart."""
        for prev, m in zip(mentions, mentions[1:]):
            # a year or a month ("in 2009", "in March") dates the incident told, not the ones after it
            if m.date is None and prev.date is not None and prev.date.date is not None and prev.date.precision in ("day", "range") \
                    and prev.sentence.paragraph == m.sentence.paragraph and 0 <= m.sentence.index - prev.sentence.index <= 2:
                m.date, m.date_strong = prev.date, False
            elif m.date is None and prev.date_strong and prev.date is not None and prev.date.date is not None \
                    and prev.date.precision == "day" and m.sentence.index - prev.sentence.index == 1 and not m.separate:
                # wire copy gives each sentence a paragraph: the sentence right after a dated one goes on about
                # that day ("... exchanged fire overnight into Sunday. Pakistan's military said ... near Chaman")
                m.date, m.date_strong = prev.date, False

    def _literal(self, triggers: list[Trigger]) -> list[Trigger]:
        """The triggers less those inside a phrase that uses a word of violence of something else ("bombed out of the
        cup", "a penalty shoot-out", "the film bombed at the box office", "a ransomware attack")."""
        if not triggers:
            return triggers
        spans = [(m.start(), m.end()) for m in self.lex["figurative"].finditer(self.ctx.report.text)]
        if not spans:
            return triggers
        return [t for t in triggers if not any(a <= t.start < b for a, b in spans)]

    def _triggers_in(self, sent: Sentence) -> list[Trigger]:
        """The report's triggers inside ``sent``, with offsets relative to it."""
        # the report's triggers are in order and never overlap: those of the sentence are one run of them
        i = bisect.bisect_left(self._trigger_starts, sent.start)
        out = []
        for t in self._all_triggers[i:]:
            if t.start >= sent.end:
                break
            if t.end <= sent.end:
                out.append(Trigger(t.start - sent.start, t.end - sent.start, t.text, t.sub, t.needs_weapon, t.weak))
        return out

    def _apart(self, sent: Sentence, end: int, start: int) -> list[Sentence]:
        """``_two``, the second part marked as another incident than the first (never merged with it)."""
        self._followed.add(sent.start + start)
        return _two(sent, end, start)

    def _clauses(self, sent: Sentence) -> list[Sentence]:
        """Split a sentence that tells two different acts ("forces killed 50 militants in airstrikes after
        ending a hotel siege") at the clause boundary between them; otherwise the sentence itself."""
        s = sent.text
        triggers = self._triggers_in(sent)
        if not triggers:
            return [sent]
        # "since 2017, when a lieutenant general was killed in the same province": the clause after "when"
        # tells the incident the date names
        for d in self.ctx.dates_in(sent.start, sent.end):
            w = re.match(r",?\s+when\s+", self.ctx.report.text[d.end:sent.end])
            head = self.ctx.report.text[sent.start:d.start]
            if w and re.search(r"\b(?:in|on|during)\s+$", head) and not re.search(r"\b(?:since|than|after|before|until)\b", head, re.I) \
                    and any(t.sub is not None or not t.weak for t in triggers if 0 <= d.start - sent.start - t.end <= 30):
                # "was last hit by a major attack in October 2023, when a suicide bomber killed five": the clause
                # after "when" tells the act the date is of, the same one
                return [sent]
            if w and d.date is not None and any(t.start >= d.end - sent.start + w.end() for t in triggers):
                return _two(sent, d.end - sent.start, d.end + w.end() - sent.start)
        if len(triggers) < 2:
            return [sent]
        # "This attack comes a week after the killing of six ... in Mehana on 3 May", "The raid follows the
        # abduction of ...": the act the sentence compares with is an incident of its own
        f = self.lex["follows"].search(s)
        if f and _acts_around(triggers, f.start(), f.end()):
            return self._apart(sent, f.start(), f.end())
        # "killed a commander of Kataib Hezbollah, the militia blamed for the January 28 drone attack on Tower 22":
        # the incident a group is blamed for, with a day of its own, is another incident than the one told
        f = self.lex["blamed_for"].search(s)
        if f and _acts_around(triggers, f.start(), f.end()) \
                and any(d.date is not None and d.precision in ("day", "month") for d in self.ctx.dates_in(sent.start + f.end(), sent.end)):
            return self._apart(sent, f.start(), f.end())
        # "blamed for an attack on a gold-mining site near Mongbwalu in August ..., and for the killing of a local chief
        # on the road between Bunia and Djugu two weeks ago": acts listed, each its own
        f = _AND_FOR_ACT.search(s)
        if f and _acts_around(triggers, f.start(), f.start("rest")):
            return self._apart(sent, f.start(), f.start("rest"))
        # "In January 2023, fighters attacked X, killing seven, and in August 2023 the group overran Y": a
        # second date that opens a coordinated clause starts another incident
        dates = [d for d in self.ctx.dates_in(sent.start, sent.end) if d.date is not None]
        for k, d in enumerate(dates):
            lead = re.search(r",\s+(?:and|while|but)\s+(?:(?:in|on|then|later|the|that)\s+)?$", self.ctx.report.text[sent.start:d.start])
            # the first date may open the second clause too ("Two days after the bombing, gunmen shot dead a
            # headman in Yala, and on Tuesday night a ranger was wounded in Narathiwat")
            if lead is None or (k > 0 and dates[0].date == d.date):
                continue
            if any(t.start < lead.start() for t in triggers) and any(t.start >= d.end - sent.start for t in triggers):
                return self._apart(sent, lead.start(), lead.start())
        # "an incendiary device gutted a store in Lisburn, and three days later a landmine exploded near Crossmaglen":
        # a count of time from the act just told opens another incident
        for b in self.lex["counted_later"].finditer(s):
            lead = re.search(r",\s+(?:and|while|but)\s+(?:then\s+)?$", s[:b.start()])
            if lead and _acts_around(triggers, lead.start(), b.end()):
                return self._apart(sent, lead.start(), lead.start())
        # "an attack on Oct. 19 on an army detachment in Djibo, in which 60 were killed, and a raid on a village
        # near Fada N'gourma on Oct. 27": a second act's noun with a date of its own starts another incident
        for b in self.lex["second_act"].finditer(s):
            before = [d for d in dates if d.end <= sent.start + b.start()]
            after = [d for d in dates if d.start >= sent.start + b.end()]
            if before and after and before[-1].date != after[0].date and _acts_around(triggers, b.start(), b.end()):
                return self._apart(sent, b.start(), b.start())
        # "the bombing of a market in Makhachkala in 2007 that killed five and a raid on a police post in Derbent the
        # following year": a second act's noun, at a place and in a time of its own, is another incident
        for b in self.lex["second_act_bare"].finditer(s):
            before = [d for d in dates if d.end <= sent.start + b.start()]
            later = self.lex["following_period"].search(s, b.end())
            after = [d for d in dates if d.start >= sent.start + b.end()]
            left = [p for p in self.ctx.places_in(sent.start, sent.start + b.start()) if not _is_broad(p)]
            right = [p for p in self.ctx.places_in(sent.start + b.end(), sent.end) if not _is_broad(p)]
            if before and (later or (after and after[0].date != before[-1].date)) and left and right \
                    and _distinct_places(left[-1], right[0]) and _acts_around(triggers, b.start(), b.end()):
                return self._apart(sent, b.start(), b.end())
        # "killed five people in Bama and abducted 12 others in Konduga": two acts, each with a place of its own;
        # "shot and wounded a labourer in Anantnag on Monday, police said, and a gunfight broke out in Kulgam": a
        # speech tag closes one act, "and" opens another at a place of its own
        for b in (b for key in ("act_and", "said_and") for b in self.lex[key].finditer(s)):
            left = [p for p in self.ctx.places_in(sent.start, sent.start + b.start()) if not _is_broad(p)]
            right = [p for p in self.ctx.places_in(sent.start + b.end(), sent.end) if not _is_broad(p)]
            if left and right and _distinct_places(left[-1], right[0]) and _acts_around(triggers, b.start(), b.end()):
                return self._apart(sent, b.start(), b.end())
        # "Jihadists kill 19 in night raid on Borno village; dozens abducted in Zamfara": a semicolon between two acts,
        # each at places of its own (a province is enough), joins two stories
        for b in re.finditer(r"\s*;\s+", s):
            left = {p.name or p.text for p in self.ctx.places_in(sent.start, sent.start + b.start()) if p.feature != "country"}
            right = {p.name or p.text for p in self.ctx.places_in(sent.start + b.end(), sent.end) if p.feature != "country"}
            if left and right and left.isdisjoint(right) and _acts_around(triggers, b.start(), b.end()):
                # a headline of three stories ("strike kills seven; rockets hit Kiryat Shmona area; raid in Jenin"):
                # the rest is split again
                first, rest = self._apart(sent, b.start(), b.end())
                return [first, *self._clauses(rest)]
        # "were killed in IS attacks in Badia al-Sukhnah, prompting Russian airstrikes": the act, then what it set off
        b = self.lex["consequence"].search(s)
        if b is not None and _acts_around(triggers, b.start(), b.end()) and not (
                # "stormed a base, sparking hours of fighting that left 17 dead": the fight the assault set off on
                # the ground is the assault itself
                self.lex["consequence_fight"].match(s, b.end())
                and not any(_air(t) for t in triggers if t.end <= b.start())):
            return self._apart(sent, b.start(), b.end())
        for b in self.lex["clause_boundary"].finditer(s):
            # after "and later", "and then" any trigger tells an act of its own
            lt = [t for t in triggers if t.end <= b.start() and t.sub is not None and (not t.weak or "and" in b.group(0))]
            rt = [t for t in triggers if t.start >= b.end() and t.sub is not None]
            if lt and rt and {t.sub for t in lt}.isdisjoint({t.sub for t in rt}):
                return _two(sent, b.start(), b.end())
        return [sent]

    def _coordinated(self, m: Mention) -> list[Mention]:
        """"Drones attacked al-Tanf and Rmelan": one side at two places is two incidents (one place each)."""
        if m.place is None or _is_broad(m.place):
            return []
        text = self.ctx.report.text
        if re.search(r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+(?:of\s+)?)?$", text[max(0, m.place.start - 40):m.place.start], re.I):
            return []  # "villages between the towns of Bocaranga and Bozoum": one area, not two places
        if m.anaphoric and m.sentence.index in self.claim_sentences and _AREAS_AFTER.match(text, m.place.end, m.sentence.end):
            # "the Monday bombing was the 17th IED attack on security forces in Mandera, Wajir and Garissa counties":
            # the areas of a count, not where the act told again was
            m.place, m.place_precision = None, None
            return []
        out = []
        last = m.place
        for p in self.ctx.places_in(m.place.end, m.sentence.end):
            between = text[last.end:p.start]
            if self.lex["bearing_of"].fullmatch(between):
                last = p  # "near Musayyib, south of Baghdad, and near al-Qaim": the reference point, not a place hit
                continue
            if not self.lex["coordination"].fullmatch(between) or self.lex["attributive_place"].match(text[p.end:p.end + 40]):
                break  # "near Rafah, the Gaza civil defence agency said": the agency's name, not a second place
            # "Kantharalak district of Si Sa Ket province": the province the first place lies in, not a second place
            inside = bool(re.search(r"\bof\s+(?:the\s+)?$", between)) and bool(self.lex["container_after"].match(text, p.end))
            # "in Sanaa and in Amran province": a province of its own, told with a preposition of its own, is a
            # second place; the town's own province ("in Kharkiv and in Kharkiv region") is not
            other_area = p.feature == "admin1" and p.admin1 != m.place.admin1 and not inside and \
                bool(re.search(r"\b(?:and|or)\s+(?:in|at)\s+(?:the\s+)?$", between))
            if other_area or not (_is_broad(p) or inside or p.latitude is None or m.place.latitude is None or
                                  haversine_km((p.latitude, p.longitude), (m.place.latitude, m.place.longitude)) <= 25):
                out.append(Mention(**{**m.__dict__, "place": p, "killed": None, "injured": None,
                                      "evidence": list(m.evidence)}))
            last = p
        if out:
            m.killed = m.injured = None  # a figure for both places is no figure for either
        return out

    def _not_counts(self, sent: Sentence) -> list[tuple[int, int]]:
        """Spans of ``sent`` (offsets in the sentence) whose numbers are never casualty figures: dates ("the
        January 28 attack"), place mentions, resolved or not, and numbered names of places ("Tower 22",
        "Route 1", "Checkpoint 4")."""
        spans = [(d.start - sent.start, d.end - sent.start) for d in self.ctx.dates_in(sent.start, sent.end)]
        spans += [(p.start - sent.start, p.end - sent.start) for p in self.ctx.places_in(sent.start, sent.end)]
        spans += [m.span() for m in self.lex["numbered_place"].finditer(sent.text)]
        return spans

    def _mention(self, sent: Sentence, attribution: SentenceAttribution, whole: Sentence | None = None) -> Mention | None | str:
        s = sent.text
        triggers = self._triggers_in(sent) if hasattr(self, "_all_triggers") else find_triggers(s)
        # a capture needs a place or a military site as its object ("seized the town", not "captured on video");
        # arson is an incident of its own only where nothing else is told ("bombs hit a block, setting fire to it")
        triggers = [t for t in triggers if t.sub != "Territory" or self._territory_object(sent, t)]
        if any(t.sub not in (None, "Looting/property destruction") for t in triggers):
            triggers = [t for t in triggers if t.sub != "Looting/property destruction"]
        if not triggers:
            return None
        whole = whole or sent
        if self.lex["definition"].search(s):
            return None  # "It defines a massacre as the killing of three or more people in one event"
        # "died after a gunfight with police three days after the bombing": the bombing dates the gunfight
        ref = self.lex["time_from_reference"].search(s) if (" after " in s or " before " in s) else None
        if ref is not None and any(t.start >= ref.end() for t in triggers):
            # "Two days after the bombing, gunmen shot dead a headman": the act told, not the one it counts from
            triggers = [t for t in triggers if not ref.start() <= t.start < ref.end()]
        elif ref is not None and re.match(r"\s*(?:[.;,!?]|$)", s[ref.end():]) \
                and all(ref.start() <= t.start < ref.end() or _NAMED_BEFORE.search(s, 0, t.start) for t in triggers):
            # "Police had captured him in Molenbeek four days before the Brussels bombings", "who spoke at a memorial
            # days after the bombing,": an act already known, which the sentence counts from to date something else,
            # is no act of its own here ("a week after the killing of five farmers outside Tumaco" tells the act, and
            # is dated back from the clause's day)
            return None
        # "sentenced 11 ADF members to death for their part in attacks in 2024", "... for their part in a bomb attack
        # on a regime office in 2023": acts a court names, not told
        triggers = [t for t in triggers if not ((_PLURAL_ACTS.fullmatch(t.text) or _ROLE_IN.search(s, max(0, t.start - 60), t.start))
                                                and self.lex["trial_reference_before"].search(s, 0, t.start))
                    and not (_DEATH_WORDS.fullmatch(t.text) and self.lex["death_penalty_before"].search(s, max(0, t.start - 90), t.start))
                    # "supporters rallied after Friday prayers against the US and British strikes": what they rallied against
                    and not (t.text.lower().endswith("s") and self.lex["protest_against_before"].search(s, max(0, t.start - 110), t.start))
                    # "drivers parked their vehicles in a 48-hour strike to demand protection": a stoppage of work
                    and not (t.text.lower() in ("strike", "strikes") and (self.lex["labour_strike_before"].search(s[max(0, t.start - 40):t.start])
                                                                          or self.lex["labour_strike_after"].match(s, t.end)))
                    # "armed groups that extort them and attack vehicles on the roads": what they are known to do
                    and not (self.lex["habitual_verbs"].fullmatch(t.text) and self.lex["habitual_before"].search(s[max(0, t.start - 90):t.start]))]
        if not triggers:
            return None
        weapons = find_weapons(s if ref is None else s[:ref.start()] + s[ref.end():])
        if weapons and ref is None and (d := self.lex["described_acts"].search(s)) is not None \
                and any(t.end <= d.start() for t in triggers):
            # "targeted a Hezbollah commander responsible for rocket launches": the weapons are the target's
            weapons = find_weapons(s[:d.start()] + " " * (d.end() - d.start()) + s[d.end():])
        actors = self.ctx.actors_in(sent.start, sent.end)
        all_actors = self.ctx.actors_in(whole.start, whole.end)
        armed = any(a.named or a.name not in ("police", "army", "military", "security forces") for a in all_actors)
        figures = bool(re.search(r"\b(?:killed|killing|dead|wounded|injured|wounding|lost (?:their|his|her) lives)\b", whole.text, re.I))
        weapons_ctx = weapons or find_weapons(whole.text)
        strong = [t for t in triggers if t.sub is not None and not t.weak and (not t.needs_weapon or weapons
                                                                               or self.lex["defused"].match(t.text))]
        lesser = [t for t in triggers if t.sub is not None and t.weak
                  and (weapons_ctx or armed or figures or _weapon_rules()["arson"].search(whole.text))]
        if lesser and not figures and self.lex["search_raid"].search(s) and (
                not weapons or not find_weapons(_FOUND_WEAPONS.sub(lambda x: " " * len(x.group(0)), s))):
            # (weapons the raid found, "recovered two AK-47 rifles and 150 rounds", were not used in it)
            # "raided several houses and detained 14 suspects", "a raid in Kuchlak found nothing": a search
            lesser = [t for t in lesser if t.sub != "Armed clash"]
        strong = strong or lesser
        searched = False  # weapons told only as what a search found, not as used
        if strong and _FOUND_CUE.search(s):
            # "found a workshop with 40 improvised explosive devices", "seized three rifles": what a search found
            found = [m.span() for m in self.lex["weapons_found"].finditer(s)]
            kept = [t for t in strong if not any(a <= t.start < b for a, b in found)]
            searched = len(kept) < len(strong) and not kept
            strong = kept
        weak = [t for t in triggers if t.sub is None]
        not_counts = self._not_counts(sent)
        counted = bool(re.search(rf"\b(?:killed|killing|wounded|wounding|injured|injuring|dead|lost (?:their|his|her) lives)\b", s, re.I)) and \
            _first_number(self.lex["killed"] + self.lex["injured"], s, not_counts)[0] is not None
        # a generic word ("attack", "killed") is an event when a weapon, an armed actor, a specific trigger or
        # a casualty figure goes with it ("the attack killed at least 25 people")
        denied_here = bool(re.search(r"\b(?:no|never)\s+(?:\w+\s+){0,2}(?:attack|strike|drone|rocket|missile)s?\s+(?:\w+\s+){0,2}(?:took place|happened|occurred|had taken place|reached|hit|struck)\b", s, re.I))
        placed_day = bool(weak) and self._placed_day(sent)
        target_attacked = placed_day and any(re.fullmatch(r"attacked|targeted", t.text, re.I)
                                             and self.lex["passive_target"].search(s, 0, t.start) for t in weak)
        corroborated = (bool(weapons) and not searched) or any(a for a in actors) or bool(strong) or (counted and len(weak) >= 2) or denied_here \
            or ((len(weak) >= 2 or counted) and placed_day) or target_attacked \
            or any(self._placed_and_dated(sent, t) for t in weak) or any(self._object_place_dated(sent, t) for t in weak) \
            or any(self._dated_act_on_place(sent, t) for t in weak) \
            or (self.lex["the_acts"].match(s) is not None and self._present_acts_placed(sent))
        if weak and not corroborated and whole is not sent and sent.start > whole.start and armed \
                and any(f.start("rest") == sent.start for f in _AND_FOR_ACT.finditer(self.ctx.report.text, max(whole.start, sent.start - 12), sent.start + 60)):
            # "CODECO fighters have been blamed for an attack ..., and for the killing of a local chief ...": the
            # second act of the list shares the sentence's armed subject
            corroborated = True
        if not strong and not (weak and corroborated):
            return None
        if not strong and self.lex["war_toll"].search(s):
            return "aggregate"  # "Sudan's war, which began in April 2023, has killed tens of thousands": a war's sum
        # the actors that could have done it: those before the act who are not only speaking ("A typhoon ... killed
        # three people, among them two soldiers": the soldiers are victims)
        first = (strong or weak)[0]
        doers = [a for a in actors if not self.lex["speaks_after"].match(self.ctx.report.text, a.end)
                 and (a.end <= sent.start + first.start
                      # "attacks by militants": the agent after the act
                      or _BY_AGENT.search(self.ctx.report.text, sent.start + first.end, a.start) is not None)]
        if self.lex["legacy_ordnance"].search(s):
            return None  # "defused three unexploded Second World War bombs": no act of a conflict of today
        if self.lex["debunked"].search(whole.text):
            return None  # "The video circulating with the caption 'massive explosion in Aleppo tonight' is OLD"
        if not strong and not weapons and self.lex["accident_cause"].search(s) and not doers and not _DELIBERATE.search(s):
            self._accident_told = True
            return None  # "A bus crash killed 20 people", "killed in a stampede": no act of violence
        if strong and not weapons and not doers and all(t.sub == "Remote explosive/landmine/IED" for t in strong) \
                and self.lex["industrial_blast"].search(s) and not self.lex["armed_words"].search(s):
            self._accident_told = True
            return None  # "An explosion at a chemical plant killed five workers", "gas blast hits market": an accident
        if getattr(self, "_accident_told", False) and not weapons and not doers and not self.lex["armed_words"].search(s) \
                and all(t.sub in (None, "Remote explosive/landmine/IED") for t in strong or weak):
            # "Seven people were injured, most of them struck by flying debris", "the explosion shook their windows":
            # the rest of a story of an accident or a disaster told before, with no one who acted and no weapon
            return None
        if self.aggregate_sentence(sent):
            return "aggregate"
        trigger = strong[0] if strong else weak[0]
        if trigger.sub in ("Attack", "Armed clash") and (remote := next((
                t for t in strong if t.start > trigger.start and self.lex["event_types"].get(t.sub) == "Explosions/Remote violence"
                and self.lex["remote_after_act"].fullmatch(s, trigger.end, t.start)), None)) is not None:
            trigger = remote  # "troops opened fire, shelling Cambodian positions": the act told by its weapon
        if not strong and (one := self._single_act_trigger(sent)) is not None:
            trigger = one  # "its attacks, among them the Westgate mall attack in Nairobi in September 2013": that one
        # hypotheticals, threats and questions are not events
        left = s[:trigger.start]
        # "the city should learn from Nice, where a man drove a truck into crowds": the relative clause tells
        # what happened, whatever the clause it hangs on says should be done
        rel = None
        for rel in self.lex["relative_clause"].finditer(left):
            pass
        modal_left = left[rel.end():] if rel is not None else left
        if (self.lex["future"].search(modal_left) and not self._past_dated_act(sent, trigger)) \
                or self.lex["question"].search(s) or self.lex["conditional"].search((whole or sent).text):
            return None
        if "not" in s and self.lex["unverified_excluded"].search((whole or sent).text):
            return None  # "... could not be verified and are not included in the figures"
        if self.lex["ordinary_crime"].search(s) and not any(a.named for a in actors):
            return None  # "shot and killed his estranged wife ... before turning the gun on himself": a private crime
        if self.lex["clash_words"].match(trigger.text) and self.lex["verbal_clash"].search(left) and not weapons and not counted:
            return None  # "candidates for mayor clashed over policing": a dispute in words
        if self.lex["rehearsal"].search(left):
            return None  # "a drill in which troops rehearse a response to a car bomb": nothing happened
        if self.lex["halted_acts"].search(left):
            return None  # "announced that it was suspending its attacks on US forces": a halt, no act
        if not counted and self.lex["ongoing_fight"].match(trigger.text) and self.lex["fighters_before"].search(left) \
                and not self.ctx.dates_in(sent.start, sent.end):
            return None  # "troops who advise Iraqi forces fighting the remnants of the group": who they are, no act
        # "he was charged with robbing trucks, raping, kidnapping and attacking motorists": a charge sheet of
        # conduct, not an incident (a charge that names its incident - "accused of the 2004 bombing" - is one)
        charge = self.lex["charge"].search(left)
        if charge and not re.search(r"\b(?:the|a|an|this|that|his|her|their)\b", left[charge.end():], re.I):
            return None
        negated = bool(re.search(r"\b(?:no|not|never|denied|deny|without)\s+(?:\w+\s+){0,2}$", left, re.I))
        # "officials said no attack took place at Rmelan": a denial of a particular incident, kept as denied
        denial = negated and bool(re.match(r"\s*(?:\w+\s+){0,2}(?:took place|happened|occurred|had taken place|reached|hit|struck)\b",
                                           s[trigger.end:], re.I))
        if negated and not denial and trigger.sub != "Disrupted weapons use":
            return None
        sub = trigger.sub
        if sub == "Abduction/forced disappearance" and (self.lex["hostages_killed"].match(s, trigger.start)
                                                       or self.lex["killing_then_taking"].search(left)):
            sub = "Attack"  # "the siege, in which 334 hostages died", "killing 1,200 people and taking 251 hostages"
        if sub is None or sub in ("Armed clash", "Attack"):
            sub = self._refine(sub, s, weapons, trigger)
        by_default = False
        attempt = sub in ("Attack", None) and not counted and bool(
            self.lex["attempt_acts"].match(trigger.text) or self.lex["failed_before"].search(left)) \
            and not self.lex["harm_told"].search(s)
        if attempt:
            sub = "Disrupted weapons use"  # "he tried to kill the journalist", "the failed attack": nobody was hurt
        protest_force = None
        if sub == "Attack" and self.lex["protesters_after_act"].match(s, trigger.end) \
                and self.lex["forces_before_act"].search(s, max(0, trigger.start - 60), trigger.start):
            # "troops opened fire on protesters", "the regiment killed 13 marchers": force against a protest (the
            # incident's type, ``_to_event``; the mention merges as the attack it also is)
            protest_force = "Excessive force against protesters" if self.lex["protest_lethal"].search(s) else "Protest with intervention"
        if sub == "Territory":
            sub = self._territory_side(sent, trigger, actors)
        elif sub == "Protest with intervention" and (crowd := self.lex["rioters"].search(left)) \
                and self.lex["crowd_violence"].search(left, crowd.end()):
            sub = "Violent demonstration"  # "a mob set fire to ballot boxes ..., and police fired rubber bullets"
        elif sub == "Protest with intervention" and self.lex["protest_lethal"].search(whole.text):
            sub = "Excessive force against protesters"  # live fire, deaths
        elif sub in ("Armed clash", "Looting/property destruction", "Mob violence") and (crowd := self.lex["rioters"].search(left)):
            if _PASSIVE_RE.search(left, crowd.end()):
                # "eight demonstrators were killed": protesters as the victims of lethal force, not rioters
                if self.lex["protest_lethal"].search(s):
                    sub = "Excessive force against protesters"
            else:
                # "protesters clashed with police", "rioters set fire to a police station": demonstrators who
                # turn violent are a riot (ACLED's Riots), a mob's violence its own kind
                sub = "Mob violence" if self.lex["mob"].search(left) else "Violent demonstration"
        crowd_side = None
        if sub == "Armed clash" and self.lex["clash_words"].match(trigger.text) and (crowd := self.lex["crowd"].search(s)) \
                and actors and all(not a.named and self.lex["state_forces"].match(a.name) for a in actors) \
                and any(self.lex["clash_party"].fullmatch(s, trigger.end, a.start - sent.start) for a in actors):
            # "Palestinians injured in confrontations with Israeli police", "worshippers clashed with troops": an
            # unarmed crowd on one side and only police or troops on the other is a riot (ACLED Riots), or force
            # against protesters when the crowd is the one killed
            crowd_side = crowd.group(0) if crowd.group(0)[0].isupper() and crowd.start() > 0 else crowd.group(0).lower()
            lethal = self.lex["protest_lethal"].search(s) and _PASSIVE_RE.search(s, crowd.end(), trigger.start)
            sub = "Excessive force against protesters" if lethal else "Violent demonstration"
        if sub is None and denial:
            sub = "Attack"  # what was denied is told elsewhere; the incident takes its type from those mentions
        if sub is None and ((re.match(r"attack", trigger.text, re.I) and any(a.named for a in actors))
                            or self._placed_and_dated(sent, trigger) or self._object_place_dated(sent, trigger)
                            or (counted and placed_day) or self._dated_act_on_place(sent, trigger)):
            sub = "Attack"  # "two major al-Shabab attacks", "was killed in Malta in 2017": no target word to go by
            by_default = True
        if sub is None:
            return None
        if sub == "Disrupted weapons use" and not weapons and not attempt:
            if not self.lex["defused"].match(trigger.text):
                return None
            weapons = {"ied": trigger.start}  # "defused a second device": a bomb made safe
        text_ = self.ctx.report.text
        place, precision = self._place(sent, trigger)
        if place is None and whole is not sent and self.lex["when_clause"].search(text_, whole.start, sent.start):
            # "He was in New Delhi in December 2001 when gunmen attacked the Parliament": the clause a "when"
            # opens happened where the clause before it is placed
            lead = [p for p in self.ctx.places_in(whole.start, sent.start) if p.latitude is not None and not _is_broad(p)
                    and re.search(r"\b(?:in|at)\s+$", text_[max(whole.start, p.start - 8):p.start], re.I)]
            # "Work at the port in Mombasa was halted in 2014 when militants overran a nearby town": a clause that
            # points to a place of its own, unnamed, is placed neither there nor at the story's town
            if lead and self.lex["elsewhere_object"].search(s):
                return None
            if lead:
                place, precision = lead[-1], 1
        if place is not None and place.start < sent.start + trigger.start \
                and self.lex["elsewhere_object"].search(s[trigger.end:trigger.end + 40]):
            # "Work at the port in Mombasa was halted when militants overran a nearby town": not Mombasa, and no
            # place the report names (nor its story town) is the act's
            return None
        elif place is None:
            place, precision = self._previous_place(sent)
        date_m = self._date(sent, trigger)
        item_day = self._item_day(whole)
        if item_day is not None and (date_m is None or date_m.relative):
            # "19/04 - SAINT-MARC (ARTIBONITE): gunmen attacked a village ... overnight": the day that opens a log's
            # item is the act's; a relative day in it ("overnight") counts from that day, not from publication
            date_m = item_day
        headed = False
        if date_m is None:
            # the day a timeline's heading puts above the sentence: said of what the sentence tells
            date_m = self._heading_day(whole.start)
            headed = date_m is not None
        if date_m is None and whole.index in getattr(self, "_toll_days", {}):
            date_m = self._toll_days[whole.index]  # weak: the day of the story's present
        elif date_m is None and self.lex["aggregate"].search(s) and self._present_acts_placed(whole):
            date_m = self._last_day_mention(whole.start)  # "The strikes targeted ...": those of the day just told
        # "died after a gunfight with police three days after the bombing": an act dated from another incident is
        # told apart from it (and perhaps elsewhere)
        separate = ref is not None and not (ref.start() <= trigger.start < ref.end())
        if date_m is None and whole is not sent:
            # "since 2017, when ...": the clause is dated by the date it follows
            lead = [d for d in self.ctx.dates_in(whole.start, sent.start) if re.fullmatch(r",?\s+when\s+", text_[d.end:sent.start])]
            if lead:
                # "The officers were killed late on Saturday when the attackers hurled grenades": a toll told
                # right before the day makes the clause the same incident, not one set against it
                date_m = lead[-1]
                # "the shooting of tourists near Pahalgam in April, when gunmen killed 26 people": the clause tells
                # the act the words before the date name and place, the same incident
                named_before = any(whole.start <= t.start and t.end <= date_m.start and t.sub is not None
                                   and self.ctx.places_in(t.end, date_m.start) for t in self._all_triggers)
                separate = not (self.lex["toll_before_when"].search(text_[whole.start:date_m.start]) or named_before)
            elif sent.start == whole.start and sent.end < whole.end and self.lex["act_and"].match(text_, sent.end):
                # "killed five people in Bama and abducted 12 others in Konduga on Sunday": the day closes the
                # sentence and is said of both acts (weak)
                later = [d for d in self.ctx.dates_in(sent.end, whole.end) if d.date is not None and d.precision == "day"
                         and not self.lex["speech_date"].search(text_[max(whole.start, d.start - 40):d.start])]
                if later:
                    date_m = later[0]
        if date_m is not None and date_m.precision == "year" and _is_broad(place) and self.lex["tally_scope"].search(s):
            return "aggregate"  # "in 2020, when 130 crew members were kidnapped in the region": a year's tally
        date_strong = date_m is not None and (
            abs(date_m.start - (sent.start + trigger.end)) <= 45 or abs((sent.start + trigger.start) - date_m.end) <= 45)
        date_strong = date_strong or separate or headed
        if not date_strong and date_m is not None and date_m.date is not None and date_m.precision in ("day", "month") \
                and _OPENING_DAY.fullmatch(text_[whole.start:date_m.start]) \
                and len(self.ctx.dates_in(whole.start, whole.end)) == 1:
            # "On March 22, Israel carried out strikes after rockets were fired ...", "In October 2024, gunmen
            # killed ... in one of the deadliest massacres", "In the wee hours of Sunday, gunmen invaded": a day or
            # month that opens the sentence is the date of everything it tells
            date_strong = True
        if not date_strong and date_m is not None and date_m.date is not None and date_m.precision in ("day", "month") \
                and place is not None and sent.start <= place.end <= date_m.start \
                and self.lex["place_then_date"].match(text_[place.end:date_m.start]):
            # "Shelling ... killed at least 11 people in El Fasher on Thursday, a committee said", "a massacre in the
            # Port-au-Prince neighbourhood of Wharf Jeremie in December": the day or month that follows the
            # incident's place is the incident's, however far from the trigger
            date_strong = True
        if not date_strong and date_m is not None and date_m.date is not None and date_m.precision == "day" \
                and date_m.start >= sent.start + trigger.end \
                and self.lex["toll_then_date"].match(text_[sent.start + trigger.end:date_m.start]):
            # "the grenade attack on a public market that killed two people and wounded 17 on Monday night": the
            # day that closes the incident's own toll clause is its day
            date_strong = True
        if place is not None and re.search(r"\b(?:neighbou?ring|another|a separate|a different)\s+$", text_[max(sent.start, place.start - 20):place.start], re.I):
            separate = True
        if sent.start in self._followed:
            separate = True  # "This attack follows an operation ... which resulted in the deaths of 16": another one
        if sent.start == whole.start and self.lex["separate_opener"].search(whole.text):
            separate = True  # "Separately, a roadside bomb hit ...": another incident than the one just told
        if sent.start == whole.start and self.lex["dateline_opener"].match(whole.text) \
                and any(self.lex["dateline_opener"].match(x.text) for x in self.ctx.sentences[:whole.index]) \
                and not self._told_before_at(place, date_m, whole.start):
            separate = True  # "DURAN - A grenade was thrown ...": a round-up's next item, under a dateline of its own
        if date_m is None:
            # "Government forces said on Wednesday that Houthi shelling killed two soldiers": the day of the telling
            # is the only day given; the incident is that day or just before it (weak: it never splits incidents)
            told = [d for d in self.ctx.dates_in(whole.start, whole.end) if d.date is not None and d.precision == "day"
                    and d.end <= sent.start + trigger.start
                    and self.lex["speech_date"].search(text_[max(whole.start, d.start - 40):d.start])]
            if len(told) == 1 and len(self.ctx.dates_in(whole.start, whole.end)) == 1 \
                    and re.search(r"\b(?:that|as)\b", text_[told[0].end:sent.start + trigger.start]):
                date_m = told[0]
        date_own = date_m is not None and (0 <= sent.start + trigger.start - date_m.end <= 12 or (
            text_[date_m.end:date_m.end + 2] in ("'s", "’s") and sent.start + trigger.start - date_m.end <= 45))
        if date_m is None and self.ctx.report.published is not None and self.lex["recent_perfect"].search(s):
            # "airstrikes ... have killed at least 50": a report's present perfect tells of the last day or so;
            # the publication day, weak (it never keeps two incidents apart)
            pub = self.ctx.report.published
            date_m = DateMention(sent.start, sent.start, "", pub, "day", None, None, True)
        if date_m is not None:
            date_m = self._with_story_year(date_m)
            date_m = self._narrative_year(whole, date_m)
            date_m = self._narrative_time(whole, date_m)
        elif self.lex["story_year"].search(s):
            date_m = self._story_year(sent)
        if date_m is not None and date_m.date is not None and date_m.precision == "day":
            date_m = self._counted_back(sent, trigger, date_m)
        elif date_m is None and (" after " in s or " before " in s):
            # "In Machala, the race was held three weeks after gunmen burst into a pool hall": a clause of the story's
            # present with no day of its own counts from the last day the text named
            r = self.lex["count_of_time_then"].search(s)
            # the day of the clause itself, even the day something was said ("warned on Thursday ..., presenting a
            # report a week after the killing of five farmers"), else the lede's
            own = [d for d in self.ctx.dates_in(sent.start, sent.start + r.start()) if d.date is not None
                   and d.precision == "day"] if r is not None else []
            day = own[-1].date if own else self._lede_day()
            if day is not None and r is not None and len(s[:r.start()].split()) >= 3:
                told = DateMention(sent.start, sent.start, "", day, "day", None, None, True)
                counted = self._counted_back(sent, trigger, told)
                date_m = counted if counted is not told else None
        follow = self.lex["following_period"].search(s)
        if follow is not None and (date_m is None or (
                date_m.precision in ("year", "month", "range") and date_m.end <= sent.start + follow.start()
                and abs(follow.start() - trigger.end) < abs(date_m.end - (sent.start + trigger.start)))):
            # "the bombing of a market in Makhachkala in 2007 ... and a raid on a police post in Derbent the
            # following year": the period after the one told last
            got = self._following_period(sent, follow)
            if got is not None:
                # "were killed the following week": seven days said of the act itself (a month or year after,
                # "due in court next month", is as often the telling's as the act's)
                date_m, date_strong = got, date_strong or follow.group("unit").lower() == "week"
        killed = _casualty_figure(self.lex["killed"], "killed", s, not_counts)
        injured = _casualty_figure(self.lex["injured"], "injured", s, not_counts)
        if _TOLL_BROUGHT.search(s):
            killed, injured = self._toll_brought(s, not_counts, killed, injured)
        if killed is None and self.lex["no_killed"].search(s):
            killed = 0
        if killed is None and self.lex["one_killed"].search(s):
            killed = 1
        if injured is None and self.lex["no_injured"].search(s):
            injured = 0
        actor1, side1, actor2 = self._actors(sent, trigger, actors)
        if crowd_side is not None:
            # the rioters act, the forces respond; with force against protesters the forces act on them
            forces = next(a.name for a in actors)
            actor1, side1, actor2 = (forces, None, crowd_side) if sub == "Excessive force against protesters" \
                else (crowd_side, None, forces)
        us_target = bool(self.lex["us_target"].search(s[trigger.start:]) or self.lex["us_target"].search(s))
        qm = self.lex["quantity"].search(s)
        quantity = parse_cardinal(qm.group("num")) if qm else None
        outcome = None
        if self.lex["intercepted"].search(s):
            outcome = "intercepted"
        elif self.lex["no_damage"].search(s):
            outcome = "no_damage"
        elif self.lex["hit"].search(s):
            outcome = "hit"
        status = "reported"
        if attribution.denied or denial:
            status = "denied"
        elif attribution.claimed or (attribution.speaker and actor1 and actor1.lower() in attribution.speaker.lower()):
            status = "claimed"
        return Mention(
            sentence=sent, trigger=trigger, sub=sub, weapons=set(weapons), place=place, place_precision=precision,
            protest_force=protest_force, by_default=by_default,
            date=date_m, actor1=actor1, actor1_side=side1, actor2=actor2, killed=killed, injured=injured,
            quantity=quantity, outcome=outcome, status=status, attribution=as_attribution(attribution),
            us_target=us_target, toll_update=bool(self.lex["toll_update"].search(s) and killed), date_strong=date_strong,
            date_own=date_own, separate=separate, generic_ied="ied" in weapons and _generic_ied(s),
            anaphoric=bool(re.search(r"\b(?:the|this|that|these|its|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['’]s)\s+(?:[\w-]+\s+){0,2}$", s[:trigger.start], re.I))
            # "In the deadliest attack documented, on May 27, a jet struck ...": one of several, told anew
            and not re.search(r"\b(?:in|during)\s+(?:the|its|their)\s+(?:[\w-]+est|most\s+[\w-]+|first|second|third|fourth|fifth)\s+$", s[:trigger.start], re.I)
            and bool(re.match(r"(?:attack|bombing|blast|explosion|assault|ambush|raid|hijacking|shooting|massacre|siege|strike)\b", trigger.text, re.I))
            # "over the 2004 bombing of a French base ... that killed an American and nine soldiers": the toll of
            # a relative clause names the act already told, it does not tell it anew
            and (killed is None and injured is None or bool(_TOLL_RELATIVE.match(s, trigger.end)))
            # "the drone had struck the al-Tanf base": the weapon already told, and what became of it
            or bool(self.lex["weapon_subject"].search(s[:trigger.start])) and killed is None and injured is None
            # "Two officers were injured when one of the devices exploded": one of the weapons already told
            or bool(_ONE_OF_THE.search(s, max(0, trigger.start - 30), trigger.start)),
            evidence=[Span(sent.start, sent.end, sent.text)],
            toll_over_acts=(killed is not None or injured is not None) and over_acts(s),
            toll_also=also(s) if killed is not None or injured is not None else (),
            toll_claimed=killed is not None and bool(_CLAIMED_TOLL.search(s)),
        )

    def _narrative_year(self, whole: Sentence, d: DateMention) -> DateMention:
        """"In March 2017 a man drove a car into pedestrians ... In June, three men drove a van into crowds"
        (published in May): a month named without a year that is not one of the publication's year, right after a
        sentence of the same paragraph told in an earlier year, goes on in that year (the next one when the month
        comes before the earlier date's month)."""
        if d.precision != "month" or d.date is None or re.search(r"\d", d.text):
            return d
        pub = self.ctx.report.published
        if pub is None or d.date.year >= pub.year:
            # a month of the publication's own year is written without one (AP style): "In January 2023 ... In
            # April, a missile attack" is this April; only a month that would fall in an earlier year is told
            # in the narrative's time
            return d
        sents = self.ctx.sentences
        i = whole.index
        if i == 0 or sents[i - 1].paragraph != whole.paragraph:
            return d
        prev = sents[i - 1]
        text = self.ctx.report.text
        # "fighting Kenyan troops since 2011 ... in January": a period's bound is not the time a narrative is told in
        told = [a for a in self.ctx.dates_in(prev.start, prev.end) if a.date is not None and a.precision in ("day", "month", "year")
                and re.search(r"\b(?:19|20)\d\d\b", a.text) and a.date.year < d.date.year
                and not re.search(r"\b(?:since|from|until|till|through|between|by|before|after)\s+$", text[max(prev.start, a.start - 12):a.start], re.I)
                # "since militancy resurged in 2022": the start of a period that runs to the present
                and not _SINCE_CLAUSE.search(text, max(prev.start, a.start - 60), a.start)]
        if not told:
            return d
        a = told[-1]
        if _BACK_TO_PRESENT.search(text, a.end, prev.end):
            return d  # "Gwoza, which was captured ... in 2014 ..., has been hit repeatedly ... In August, ...": the present
        # "pledged allegiance to the Islamic State in 2019, has killed 700 civilians since June": the sentence
        # comes back to the present after the year it names, and so does the next one ("In October, ...")
        if any(b.start > a.end and b.date is not None and b.date.year > a.date.year and not re.search(r"\d", b.text)
               for b in self.ctx.dates_in(prev.start, prev.end)):
            return d
        year = a.date.year if a.precision == "year" or d.date.month >= a.date.month else a.date.year + 1
        if year >= d.date.year:
            return d
        start = date(year, d.date.month, 1)
        end = date(year + (d.date.month == 12), d.date.month % 12 + 1, 1) - timedelta(days=1)
        return replace(d, date=start, end_date=end)

    def _sentence_index(self, pos: int) -> int:
        """The index of the sentence holding ``pos``."""
        sents = self.ctx.sentences
        lo, hi = 0, len(sents) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if sents[mid].start <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _yearless(self, d: DateMention) -> bool:
        """A month, a month and day or a season written without a year and not of the present ("in June",
        "Dec. 21", "that spring"; not "last March", "this summer")."""
        return bool(d.date is not None and d.text and self.lex["yearless"].search(d.text)
                    and not re.search(r"\b(?:19|20)\d\d\b", d.text) and not self.lex["narrative_present"].search(d.text))

    def _narrative_time(self, whole: Sentence, d: DateMention) -> DateMention:
        """"On 12 November 1976 ... 1977 was quieter. In the spring a grenade was thrown ...", "December 1999:
        The ceasefire ends. On Dec. 21, a bomb ...", "On 11 March 2022 ... That summer ... In October, a lawyer
        was abducted": a month, a month and day or a season told without a year goes on in the year the story
        last named (a year later when its month comes before the one told last), not the publication's. Only
        dates of a narrative: the year is named at most four sentences back (through other such dates); a
        day of the present ("last week", "on Friday") or the bound of a period ("since 2018") is not one; a
        date of the publication's own year moves only when "that" points back ("that April") or a year opens
        the same sentence or the one before ("1977 was quieter. In the spring ...")."""
        if not self._yearless(d) or d.precision not in ("day", "month", "range"):
            return d
        text = self.ctx.report.text
        i = self._sentence_index(d.start)
        chain: list[DateMention] = []
        anchor = None
        reach = i
        for x in reversed([x for x in self.ctx.dates if x.end <= d.start and x.date is not None]):
            xi = self._sentence_index(x.start)
            if xi < reach - 4:
                return d
            if self.lex["speech_date"].search(text[max(0, x.start - 40):x.start]) or self._dateline_date(x, self.ctx.sentences[xi]):
                continue
            if self._yearless(x) and x.precision in ("day", "month", "range") and re.search(
                    r"\bsince\s+(?:(?:early|late|mid)\s+)?$", text[max(0, x.start - 20):x.start], re.I):
                return d  # "has killed 700 civilians since June": a period that runs to the present
            if self._yearless(x) and x.precision in ("day", "month", "range"):
                chain.append(x)
                reach = xi
                continue
            if not re.search(r"\b(?:19|20)\d\d\b", x.text):
                return d  # "last week", "on Friday", "two years ago": the present
            if self.lex["narrative_bound"].search(text[max(0, x.start - 30):x.start]) or re.match(r"(?i)(?:between|from|since)\b", x.text) \
                    or _SINCE_CLAUSE.search(text, max(0, x.start - 60), x.start):
                continue  # (also "since militancy resurged in 2022": the start of a period running to the present)
            anchor = x
            break
        if anchor is None:
            return d
        pub = self.ctx.report.published
        anaphoric = bool(self.lex["narrative_anaphoric"].search(text[max(0, d.start - 12):d.start]))
        ai = self._sentence_index(anchor.start)
        if _BACK_TO_PRESENT.search(text, anchor.end, self.ctx.sentences[ai].end):
            # "Gwoza, which was captured by Boko Haram in 2014 ..., has been hit repeatedly by suicide bombers. In
            # August, ...": the sentence that named the year came back to the present, and the story with it
            return d
        # "1977 was quieter. In the spring ...", "1986: The group kidnaps ... in January": a year that opens the
        # sentence just before, or this one, is the year told
        near = ai >= i - 1 and anchor.precision == "year" and bool(
            re.fullmatch(r"\W*(?:in\s+)?", text[self.ctx.sentences[ai].start:anchor.start], re.I))
        if pub is not None and d.date.year >= pub.year and not (anaphoric or near):
            return d
        year = anchor.date.year
        month = anchor.date.month if anchor.precision in ("day", "month", "range", "week") else None
        for x in reversed(chain):
            if month is not None and x.date.month < month:
                year += 1
            month = x.date.month
        if month is not None and d.date.month < month:
            year += 1
        if year >= d.date.year:
            return d
        shift = year - d.date.year
        try:
            start = d.date.replace(year=d.date.year + shift)
            end = d.end_date.replace(year=d.end_date.year + shift) if d.end_date else None
        except ValueError:
            return d
        if d.precision == "month":
            end = date(year + (start.month == 12), start.month % 12 + 1, 1) - timedelta(days=1)
        return replace(d, date=start, end_date=end)

    def _past_dated_act(self, sent: Sentence, trigger: Trigger) -> bool:
        """"would reopen its review of the August 2021 suicide bombing": an act named with its own past month or
        year right before it ("the 2004 bombing") happened, whatever future the sentence speaks of around it."""
        pub = self.ctx.report.published
        if pub is None:
            return False
        text = self.ctx.report.text
        tpos = sent.start + trigger.start
        for d in self.ctx.dates_in(sent.start, sent.end):
            if d.date is not None and d.precision in ("month", "year") and d.end <= tpos \
                    and self.lex["past_dated_act"].fullmatch(text, d.end, tpos) \
                    and (d.end_date or d.date) < pub - timedelta(days=60) \
                    and self.lex["the_before_date"].search(text, max(sent.start, d.start - 12), d.start):
                return True
        return False

    def _object_place_dated(self, sent: Sentence, trigger: Trigger) -> bool:
        """"Israel struck the ports of Hodeidah and Salif on Sunday": an attack verb whose object is a place,
        with a day in the clause, tells a specific incident even with no weapon or armed group named."""
        if not re.fullmatch(self.lex["object_verbs"], trigger.text, re.I):
            return False
        text = self.ctx.report.text
        end = sent.start + trigger.end
        for p in self.ctx.places_in(end, min(sent.end, end + 50)):
            if _is_broad(p) or not self.lex["object_place"].search(text[sent.start:p.start]):
                continue
            return any(d.precision == "day" and d.date is not None and not self.lex["speech_date"].search(text[max(sent.start, d.start - 40):d.start])
                       for d in self.ctx.dates_in(sent.start, sent.end))
        return False

    def _territory_object(self, sent: Sentence, trigger: Trigger) -> bool:
        """Whether a capture verb has a place or a military site as its object ("overran a military base in X")."""
        after = sent.text[trigger.end:trigger.end + 60]
        if self.lex["territory_objects"].search(after) or self.lex["territory_objects"].search(trigger.text):
            return True  # "occupied the town": the object is part of the trigger
        if re.match(r"fell\b", trigger.text, re.I):
            # "Kyauktaw fell to the Arakan Army": the place is the subject
            return any(0 <= sent.start + trigger.start - p.end <= 2 for p in self.ctx.places_in(sent.start, sent.start + trigger.start))
        start = sent.start + trigger.end
        return any(re.fullmatch(r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}", self.ctx.report.text[start:p.start])
                   for p in self.ctx.places_in(start, start + 40))

    def _territory_side(self, sent: Sentence, trigger: Trigger, actors) -> str:
        """Who took a place: state forces regain territory, an armed group overtakes it (ACLED)."""
        tpos = sent.start + trigger.start
        text = self.ctx.report.text
        before = [a for a in actors if a.end <= tpos and not re.match(r"\s+(?:\w+\s+)?(?:said|says|told|claimed|announced)\b", text[a.end:a.end + 30])]
        if re.match(r"fell\b", trigger.text, re.I):
            # "fell to the Arakan Army": who took it follows the verb
            before = [a for a in actors if 0 <= a.start - (sent.start + trigger.end) <= 6]
        if before:
            a = before[0]  # the subject: "gunmen from the Viv Ansanm coalition took control of"
            state = a.name in self.lex["territory_state_named"] if a.named else bool(self.lex["territory_state"].match(a.text))
        else:
            state = bool(re.search(r"\b(?:army|military|troops|soldiers|security forces|government forces)\b", sent.text[:trigger.start], re.I))
        return "Government regains territory" if state else "Non-state actor overtakes territory"

    def _placed_day(self, sent: Sentence) -> bool:
        """"Feb. 22: A strike on a house in Qamishli killed a woman and her three children": an act and its
        toll told with a specific place and a day of its own (not the day something was said)."""
        text = self.ctx.report.text
        if not any(not _is_broad(p) and p.latitude is not None for p in self.ctx.places_in(sent.start, sent.end)):
            return False
        return any(d.date is not None and d.precision == "day"
                   and not self.lex["speech_date"].search(text[max(sent.start, d.start - 40):d.start])
                   for d in self.ctx.dates_in(sent.start, sent.end))

    def _dated_act_on_place(self, sent: Sentence, trigger: Trigger) -> bool:
        """"the 2015 attack on Mandera", "Tuesday's raid on Kismayo": an act's noun with its own date right before
        it and its target place right after it is a specific incident, even with no weapon or armed actor named."""
        if not re.fullmatch(r"attacks?|assaults?|raids?|massacres?|ambush", trigger.text, re.I):
            return False
        text = self.ctx.report.text
        start, end = sent.start + trigger.start, sent.start + trigger.end
        if not any(0 <= start - d.end <= 3 and d.date is not None for d in self.ctx.dates_in(max(sent.start, start - 40), start)):
            # "the Westgate mall attack in Nairobi in September 2013": an act named by its own name, placed and
            # then dated right after it
            if not self.lex["named_act_before"].search(text, max(sent.start, start - 40), start):
                return False
            return any(not _is_broad(p) and self.lex["placed_act"].fullmatch(text, end, p.start)
                       and any(re.fullmatch(r",?\s+(?:in|on)\s+", text[p.end:d.start]) and d.date is not None
                               for d in self.ctx.dates_in(p.end, min(sent.end, p.end + 12)))
                       for p in self.ctx.places_in(end, min(sent.end, end + 30)))
        return any(not _is_broad(p) and self.lex["placed_act"].fullmatch(text, end, p.start)
                   for p in self.ctx.places_in(end, min(sent.end, end + 30)))

    def _placed_and_dated(self, sent: Sentence, trigger: Trigger) -> bool:
        """"killed in Malta in 2017", "was shot dead in Lagos on May 3": a death the sentence places and dates
        right after its verb is a specific incident, even with no weapon or armed actor named."""
        if not re.fullmatch(r"killed|shot|murdered|died", trigger.text, re.I):
            return False
        text = self.ctx.report.text
        end = sent.start + trigger.end
        for p in self.ctx.places_in(end, min(sent.end, end + 60)):
            if not self.lex["placed_dated"].match(text[end:p.start]):
                continue
            return any(re.fullmatch(r",?\s+(?:in|on)\s+", text[p.end:d.start]) for d in self.ctx.dates_in(p.end, min(sent.end, p.end + 12)))
        return False

    def _with_story_year(self, d: DateMention) -> DateMention:
        """A month and day with no year ("--05-22") in a report without a publication date: in the year of the
        last full date told before it ("an attack on 13 September 1974 ... on 15 September, issued a statement":
        a narrative goes on in the year it has given), else the most recent such day on or before the latest
        full date the text gives."""
        if d.date is not None or self.anchor is None or not d.partial or d.precision != "day":
            return d
        m = re.fullmatch(r"--(\d\d)-(\d\d)", d.partial)
        if not m:
            return d
        told = [x for x in self.ctx.dates if x.end <= d.start and x.date is not None and x.partial is None
                and not x.relative and x.precision in ("day", "month")]
        day = None
        if told and self.ctx.report.published is None:
            try:
                day = date(told[-1].date.year, int(m.group(1)), int(m.group(2)))
            except ValueError:
                day = None
        day = day or md_on_or_before(int(m.group(1)), int(m.group(2)), self.anchor)
        if day is None:
            return d
        return DateMention(d.start, d.end, d.text, day, "day", None, d.partial, d.relative)

    def _story_year(self, sent: Sentence) -> DateMention | None:
        """"Earlier in the year", "later that year": the year of the last full date told before the sentence
        (else of publication), as a year period."""
        before = [d for d in self.ctx.dates if d.end <= sent.start and d.date is not None and not d.relative]
        ref = before[-1].date if before else self.ctx.report.published
        if ref is None:
            return None
        m = self.lex["story_year"].search(sent.text)
        return DateMention(sent.start + m.start(), sent.start + m.end(), m.group(0), date(ref.year, 1, 1), "year",
                           date(ref.year, 12, 31))

    def _following_period(self, sent: Sentence, r: re.Match[str]) -> DateMention | None:
        """"The following month, a car bomb ...", "the next year", "the following week": the month, year or seven
        days after the last date told before the phrase (not a day of the telling), as a period."""
        text = self.ctx.report.text
        pos = sent.start + r.start()
        before = [d for d in self.ctx.dates if d.end <= pos and d.date is not None
                  and not self.lex["speech_date"].search(text[max(0, d.start - 40):d.start])]
        if not before:
            return None
        ref = before[-1]
        start, end = sent.start + r.start(), sent.start + r.end()
        if r.group("unit").lower() == "week":
            # "Two suspected militants were killed the following week": the seven days after the day told before
            if ref.precision != "day":
                return None
            first = ref.date + timedelta(days=1)
            return DateMention(start, end, r.group(0), first, "range", first + timedelta(days=6), None, True)
        if r.group("unit").lower() == "month":
            if ref.precision not in ("day", "month", "week"):
                return None
            y, mo = (ref.date.year + 1, 1) if ref.date.month == 12 else (ref.date.year, ref.date.month + 1)
            last = date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1)
            return DateMention(start, end, r.group(0), date(y, mo, 1), "month", last, None, True)
        y = ref.date.year + 1
        return DateMention(start, end, r.group(0), date(y, 1, 1), "year", date(y, 12, 31), None, True)

    def _refine(self, sub: str | None, s: str, weapons: dict[str, int], trigger: Trigger) -> str | None:
        """Type a generic trigger ("attack", "killed") by the weapons and targets around it."""
        ws = self.lex["weapon_subtypes"]
        if not weapons and re.fullmatch(r"strikes?|struck", trigger.text, re.I) and not re.search(r"\b(?:workers?|labou?r|general|hunger)\s+strikes?\b", s, re.I) \
                and not self.lex["ground_attackers"].search(s[:trigger.start]):
            return "Air/drone strike"  # not "the attackers struck several positions"
        if sub == "Attack" and re.fullmatch(r"shot dead|gunned down|killed", trigger.text, re.I) and re.search(
                r"\b(?:attackers?|gunm[ae]n|assailants?|militants?|insurgents?|raiders)\b[^.;]{0,80}\b(?:was|were)\s+$", s[:trigger.start], re.I):
            return "Armed clash"  # "the attacker ... was shot dead at the scene": the forces' response
        if sub == "Attack" and re.fullmatch(r"opened fire|shooting|fired|fire[ds]? (?:[\w-]+ )*?(?:on|upon|at) .*", trigger.text, re.I):
            # ACLED: an attack on soldiers or police is a battle, not violence against civilians ("fired several
            # rounds at a police outpost": the target is in the trigger's own words)
            rest = s[trigger.end:] if trigger.text.lower() in ("opened fire", "shooting", "fired") else s[trigger.start:]
            if self.lex["military"].search(rest) and not self.lex["civilian"].search(rest):
                return "Armed clash"
        if (sup := list(self.lex["support_weapons"].finditer(s))) and (sub is None or sub == "Armed clash"):
            # "troops backed by drones killed 23 fighters": the backing is no strike of its own
            blank = s
            for x in sup:
                blank = blank[:x.start()] + " " * (x.end() - x.start()) + blank[x.end():]
            weapons = find_weapons(blank)
        if "ied" in weapons and re.search(r"suicide", s, re.I):
            return "Suicide bomb"
        for w in ("drone", "airstrike", "missile", "rocket", "mortar", "artillery", "ied"):
            if w in weapons:
                return ws[w]
        side = self._object_side(s, trigger)
        if side == "armed" and (sub is None or (sub == "Attack" and self.lex["force_on_forces"].match(trigger.text))):
            return "Armed clash"  # "militants kill 11 soldiers", "an attack on an army detachment": two armed sides
        if side == "civilian" and (sub is None or (sub == "Armed clash" and self.lex["one_sided_acts"].match(trigger.text))):
            return "Attack"  # "raided a village, killing two farmers", "attacks across Paris, killing 130 people"
        if sub == "Armed clash" and self.lex["two_sided_acts"].match(trigger.text):
            return "Armed clash"  # "a gun battle ... killed two civilians", "the jailbreak from the civilian prison"
        civilian = self.lex["civilian"].search(s)
        military = self.lex["military"].search(s)
        if sub == "Attack" or (civilian and not military):
            return "Attack"
        if sub is None and re.fullmatch(r"killed|killing|killings|murdered|shot dead|gunned down", trigger.text, re.I) \
                and self.lex["civilian_object"].match(s, trigger.end):
            return "Attack"  # "gunmen killed two tribal elders ... near an SDF checkpoint": the victims are civilians
        if military or "small_arms" in weapons or sub == "Armed clash":
            return "Armed clash"
        return "Attack" if sub is None and civilian else (sub or None)

    def _object_side(self, s: str, trigger: Trigger) -> str | None:
        """Who an act was done to, by the words naming its object or victims: "civilian" (unarmed people and
        their homes, markets, hotels), "armed" (soldiers, police, militants, their bases and convoys), None when
        the words name both or neither (ACLED: two armed sides fight a battle, one armed side against unarmed
        people is violence against civilians). The object runs from the act's word to the clause's end (a
        speaker, "police said", ends it); a passive's victims ("two deputies were shot") and a noun act's
        modifiers ("the Westgate mall siege") stand before it; the perpetrators ("gunmen attacked") are not read."""
        lex = self.lex
        tail = s[trigger.end:trigger.end + 200]
        cut = lex["act_object_end"].search(tail)
        obj = tail[:cut.start()] if cut else tail
        if lex["noun_acts"].match(trigger.text):
            start = lex["noun_object_start"].search(obj)
            obj = obj[start.start():] if start else ""
        left = s[max(0, trigger.start - 120):trigger.start]
        if (v := lex["passive_victims"].search(left + trigger.text)) is not None:
            obj = v.group("v") + " ; " + obj
        if lex["noun_acts"].match(trigger.text) and (n := lex["noun_act_modifiers"].search(left)) is not None:
            obj = n.group("m") + " ; " + obj
        civilian = [m.span() for p in (lex["civilian"], lex["object_civilians"]) for m in p.finditer(obj)]
        for a, b in civilian:  # "an aid convoy": the civilian words are not read again as armed ones
            obj = obj[:a] + " " * (b - a) + obj[b:]
        armed = any(not lex["not_armed_after"].match(obj, m.end())
                    for p in (lex["military"], lex["object_armed"]) for m in p.finditer(obj))
        if civilian and not armed:
            return "civilian"
        return "armed" if armed and not civilian else None

    def _place(self, sent: Sentence, trigger: Trigger) -> tuple[PlaceMention | None, int | None]:
        """Where the mention happened: a place the sentence puts it at ("in X", "near X", "the X attack").

        A possessive ("Russia's news agency") or a bare capital used for its government ("a shift toward
        Moscow") is not where anything happened. Places after the trigger come first, specific before broad.
        """
        text = self.ctx.report.text
        cands = []
        for p in self.ctx.places_in(sent.start, sent.end):
            after = text[p.end:p.end + 3]
            if after.startswith(("'s", "’s")) and not self.lex["possessive_place_part"].match(text[p.end:p.end + 40]):
                continue  # "Russia's news agency", not "El Fasher's eastern front"
            if self.lex["not_a_place_after"].match(text[p.end:p.end + 12]):
                continue  # "near the Dnipro river": the river, not the city
            if p.feature == "sea" and re.match(r"\s+(?:city|town|port|coast(?:al)? (?:city|town))\b", text[p.end:p.end + 20], re.I):
                continue  # "over the Red Sea city": a sea naming the city it lies on, not where it happened
            if self.lex["attributive_place"].match(text[p.end:p.end + 40]) and not re.match(r"\s+(?:state|province|region)\s*[,.]", text[p.end:p.end + 12], re.I):
                continue  # "the Gaza civil defence agency said"
            left = text[max(sent.start, p.start - 70):p.start]
            # "in Kenya's Mandera county", "in Balochistan's Kalat district": the place after a cued possessive
            # country or province is the cued one
            owner = self.lex["owner_before"].search(left)
            if owner:
                q = next((q for q in self.ctx.places_in(sent.start, sent.end) if p.start - len(owner.group(0)) <= q.end < p.start), None)
                if q is not None and (q.feature == "country" and not _is_broad(p) or q.feature == "admin1" and p.feature != "admin1"):
                    left = text[max(sent.start, q.start - 70):q.start]
            if _COMMEMORATION_BEFORE.search(left):
                continue  # "marked ten years since the Chibok abduction with a vigil in Abuja": where it is remembered
            if not trigger.text and self.lex["destination_before"].search(left):
                continue  # "recaptured 37 escapees ... on the road to Camp-Perrin": not where the next sentence is
            if self.lex["evacuated_to"].search(left):
                continue  # "wounded and taken to a hospital in Tikrit": where they were cared for, not where it was
            cued = bool(self.lex["locative"].search(left)) or bool(self.lex["object_place"].search(left)) \
                or bool(self.lex["act_on_before"].search(left)) or (
                # people are abducted *from* a school, a village; prisoners break out *from* a jail
                bool(re.match(r"(?:abduct|kidnap|seiz|took|taken|prison|jail|mass)", trigger.text, re.I))
                and bool(re.search(r"\bfrom\s+(?:the\s+)?(?:(?:village|town|city|school)\s+(?:of\s+)?)?$", left, re.I)))
            # "the Mogadishu car bomb", "Kabul suicide bomber kills": the place names the act (a verb between, as in
            # "Pakistan carried out airstrikes", makes it the actor)
            prenominal = bool(re.match(r"\s*(?:(?![\w-]+ed\s|out\s|up\s)[\w-]+\s+){0,2}?(?:attack|bomb(?:s|ers?|ings?)?\b|blast|explosion|strike|raid|siege|shooting|gunfight|firefight|stabbing|massacre|ambush|clash|fighting|hijacking|kidnapping|abduction|assault|offensive|grenade|shelling)", text[p.end:p.end + 40], re.I))
            # "Baidoa, which hosts ..., was last hit by a major attack": the subject of a passive attack verb
            subject = bool(self.lex["passive_subject_after"].match(text, p.end, sent.end))
            # "Baidoa, where a car bomb killed 12 people in 2016, ...": the place a relative "where" opens on
            subject = subject or (p.end <= sent.start + trigger.start and bool(self.lex["place_where_after"].match(text, p.end, sent.end)))
            # "Celaya police officer killed in ambush": the town the police serve
            serving = bool(self.lex["serving_place_after"].match(text, p.end, sent.end))
            # "Navolato: the bodies of five men found dumped ...": a paragraph's place label
            labelled = (p.start == 0 or text[p.start - 1] == "\n") and text.startswith(": ", p.end) and not p.text.isupper()
            if not (cued or prenominal or subject or serving or labelled or self._dateline(p)
                    or p.feature in ("military_base", "airfield", "outpost", "airport", "oil_field", "gas_field", "border_crossing", "port", "camp")):
                continue
            cands.append(p)
        if not cands:
            return None, None
        tpos = sent.start + trigger.start

        main = self.main_countries

        def lesser(p: PlaceMention) -> bool:
            """A destination ("on the road to Juba, near Yei") or the reference point of a place told just before
            it ("in Bafut, about 20 km north of Bamenda"): where the incident was not, when another place is cued."""
            left = text[max(sent.start, p.start - 70):p.start]
            if self.lex["destination_before"].search(left):
                return True
            r = self.lex["reference_before"].search(left)
            return r is not None and any(q is not p and q.end <= p.start and p.start - q.end <= 70 for q in cands)

        # "Balochistan's Kalat district": the owner of a possessive place is where the place lies, not where
        # the incident was
        owners = {id(q) for q in cands for c in cands
                  if c is not q and 0 < c.start - q.end <= 3 and text[q.end:q.end + 2] in ("'s", "’s")}

        def rank(p: PlaceMention) -> tuple:
            # "into Kantharalak district of Si Sa Ket province": a name the text calls a province is as broad as one
            broad = _is_broad(p) or bool(self.lex["container_after"].match(text, p.end))
            # "in Russia's Bryansk region": of two broad places, the region inside the country; a dateline only
            # when nothing else is cued
            # "the 2008 Mumbai attacks, died ... at his home in Pune": the place that names the act itself
            attached = p.end <= tpos and bool(re.fullmatch(r"[\s-]*", text[p.end:tpos]))
            return (self._dateline(p), bool(main) and p.country is not None and p.country not in main, id(p) in owners, broad,
                    broad and p.feature == "country", not attached, lesser(p),
                    # "on the Maiduguri-Monguno road near Monguno": the town the act is put near, not the road's first
                    bool(_ROAD_TEXT.search(p.text)), p.start < tpos, p.latitude is None, abs(p.start - tpos))

        best = min(cands, key=rank)
        if best.latitude is None:
            # "on Nyaung Pin Thar, about 15 kilometres west of Kanbalu": a village the gazetteer lacks is near the
            # town it is told from (geo_precision 2)
            ref = next((q for q in cands if q is not best and q.latitude is not None and 0 < q.start - best.end <= 70
                        and lesser(q) and not _is_broad(q)), None)
            if ref is not None:
                return self._offset(ref, 2, sent)
            best = self._within_region(best)
        precision = best.geo_precision
        if precision is None:
            precision = 3 if _is_broad(best) else 1
        if precision == 1 and self.lex["near"].search(text[max(sent.start, best.start - 40):best.start]):
            precision = 2
        return self._offset(best, precision, sent)

    def _dateline(self, p: PlaceMention) -> bool:
        """Whether a place opens its paragraph as a dateline ("MACHALA - Gunmen ...", "MOGADISHU, Aug 29 -")."""
        text = self.ctx.report.text
        if p.start > 0 and text[p.start - 1] != "\n":
            return False
        if not self.lex["dateline_after"].match(text, p.end, min(len(text), p.end + 40)):
            return False
        return p.text.upper() == p.text or bool(re.match(r"\s*(?:,[^(]{0,12})?\(", text[p.end:p.end + 20]))

    def _dateline_town(self, p: PlaceMention) -> bool:
        """Whether a place opens its paragraph as a dateline with its country and agency ("IRAPUATO, Mexico (AP) -")."""
        text = self.ctx.report.text
        return (p.start == 0 or text[p.start - 1] == "\n") and p.text.upper() == p.text and \
            bool(self.lex["dateline_town_after"].match(text, p.end, min(len(text), p.end + 50)))

    def _offset(self, place: PlaceMention, precision: int | None, sent: Sentence) -> tuple[PlaceMention, int | None]:
        """"about 45 nautical miles west of Bata": the point that far from the place in that direction (beyond
        15 km; nearer, the place itself at geo_precision 2)."""
        if place.latitude is None or place.longitude is None:
            return place, precision
        text = self.ctx.report.text
        m = self.lex["offset_before"].search(text, max(sent.start, place.start - 70), place.start)
        if m is None:
            return place, precision
        n = parse_cardinal(m.group("num"))
        if n is None:
            return place, precision
        unit = m.group("unit").lower()
        km = n * (1.852 if unit.startswith(("nautical", "nm")) else 1.609 if unit == "miles" else 1.0)
        if km < 15 or km > 1000:
            return place, 2
        bearing = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
                   "west": 270, "northwest": 315}[m.group("dir").lower().replace("-", "")]
        b = math.radians(bearing)
        lat = place.latitude + km / 111.2 * math.cos(b)
        lon = place.longitude + km / (111.2 * max(0.05, math.cos(math.radians(place.latitude)))) * math.sin(b)
        return PlaceMention(text=place.text, start=place.start, end=place.end, name=place.name, country=place.country,
                            admin1=place.admin1, latitude=round(lat, 4), longitude=round(lon, 4), gazetteer_id=None,
                            feature="offset", geo_precision=2, score=place.score), 2

    def _within_region(self, place: PlaceMention) -> PlaceMention:
        """A place the gazetteer does not know ("the village of Jangebe") keeps its name and takes the
        coordinates of the province or state the report names, at geo_precision 2 (ACLED: part of a region)."""
        regions = [p for p in self.ctx.places if p.feature in ("admin1", "admin2") and p.latitude is not None
                   and (place.country is None or p.country == place.country)]
        if not regions:
            return place
        sent = next((x for x in self.ctx.sentences if x.start <= place.start < x.end), None)
        # "the village of Kokorou, in the department of Tera (Tillaberi region)": the district the sentence
        # names is closer than its region
        same = [p for p in regions if sent is not None and sent.start <= p.start < sent.end]
        admin1 = [p for p in regions if p.feature == "admin1"]
        r = min(same, key=lambda p: (p.feature != "admin2", abs(p.start - place.start))) if same else (
            admin1[0] if admin1 else None)  # else the story's region
        if r is None:
            return place
        return PlaceMention(text=place.text, start=place.start, end=place.end, name=place.text, country=r.country,
                            admin1=r.name, latitude=r.latitude, longitude=r.longitude, gazetteer_id=None,
                            feature="unresolved_in_admin1", geo_precision=2, score=place.score)

    def _told_before_at(self, place: PlaceMention | None, day: DateMention | None, before: int) -> bool:
        """Whether a sentence before ``before`` names the same specific place with the same day: several outlets'
        briefs on one attack run together ("BAMAKO (AFP) - Jihadists attacked a post in Kati ... on Monday" then
        "BAMAKO, Aug. 10 (Xinhua) -- Gunmen attacked a post in Kati on Monday"), one story told again."""
        if place is None or _is_broad(place) or day is None or day.date is None or day.precision != "day":
            return False
        name = place.name or place.text
        for p in self.ctx.places_in(0, before):
            if (p.name or p.text) != name:
                continue
            sent = next((x for x in self.ctx.sentences if x.start <= p.start < x.end), None)
            if sent is not None and any(d.date == day.date and d.precision == "day"
                                        for d in self.ctx.dates_in(sent.start, sent.end)):
                return True
        return False

    def _told_places(self, sent: Sentence) -> list[PlaceMention]:
        """The specific places a sentence names, in order, leaving out possessives ("Kabul's mayor"), destinations
        ("on the road to Camp-Perrin") and, where it names another, a dateline's town."""
        text = self.ctx.report.text
        named = [p for p in self.ctx.places_in(sent.start, sent.end)
                 if p.latitude is not None and not _is_broad(p) and text[p.end:p.end + 2] not in ("'s", "’s")
                 and not self.lex["destination_before"].search(text[max(sent.start, p.start - 70):p.start])]
        if not named:
            # "Macomia has been attacked before. In August 2023, insurgents occupied the town": the gazetteer
            # reports a name once; the sentence may name a place of the report it did not mark
            known = {p.text: p for p in self.ctx.places if p.latitude is not None and not _is_broad(p)
                     and not p.text.endswith(("'s", "’s"))}
            hits = [(m.start(), known[t]) for t in known for m in [re.search(rf"\b{re.escape(t)}\b(?!['’]s)", sent.text)] if m]
            named = [p for _, p in sorted(hits, key=lambda h: h[0])]
        # "MOSCOW (Reuters) - A drone attack on the border town of Shebekino ... The drone hit a house on the
        # edge of the town": the town told, not the dateline's
        return [p for p in named if not (self._dateline(p) or self._dateline_town(p) or _DATELINE_CITY.match(text, p.end)
                                         and (p.start == 0 or text[p.start - 1] == "\n"))] or named

    def _there(self, sent: Sentence) -> bool:
        """Whether the sentence tells its act by "there", outside a quote ("a car bomb exploded there on Wednesday")."""
        m = self.lex["there_place"].search(sent.text)
        return m is not None and sent.text.count("“", 0, m.start()) <= sent.text.count("”", 0, m.start()) \
            and sent.text.count('"', 0, m.start()) % 2 == 0

    def _previous_place(self, sent: Sentence) -> tuple[PlaceMention | None, int | None]:
        """A sentence that names no place continues the one before it in its paragraph ("... in Beledweyne.
        The single biggest attack, in 2009, killed 25"): its specific place, at geo_precision 2."""
        sents = self.ctx.sentences
        i = next((k for k, x in enumerate(sents) if x.start <= sent.start < x.end), None)
        if i is None or i == 0:
            return None, None
        prev = sents[i - 1]
        if self.lex["place_anaphor"].search(sent.text) or self.lex["same_place"].search(sent.text) \
                or self._there(sent):
            # "The first drone attack on the city, on Sunday, ...": the city the text has just named; the nearest
            # sentence before that names a specific place is about that city: the first such place it names (its
            # topic); up to two sentences back ("... visited Beledweyne's market on Monday. Two days later, a car
            # bomb exploded there")
            for before in reversed(sents[max(0, i - 2):i]):
                named = self._told_places(before)
                if named:
                    return named[0], 1
            # "on the edge of the town", the sentence before naming no place: the town the story names most
            seen = [p for p in self.ctx.places_in(0, sent.start) if p.latitude is not None and not _is_broad(p)]
            if seen:
                counts: dict[str, int] = {}
                for p in seen:
                    counts[p.name or p.text] = counts.get(p.name or p.text, 0) + 1
                top = max(counts.values())
                if top >= 2 or len(counts) == 1:
                    return next(p for p in reversed(seen) if counts[p.name or p.text] == top), 2
        if _DURING_THE.match(sent.text):
            # "Forces operated in Jenin to apprehend wanted suspects. During the activity, a terrorist hurled
            # explosive devices at the forces": what happened during the operation told before happened where it was
            named = self._told_places(prev)
            if named:
                return named[0], 1
        if prev.paragraph != sents[i].paragraph:
            return None, None
        told = self._triggers_in(prev) if hasattr(self, "_all_triggers") else find_triggers(prev.text)
        if not any(not self.lex["future"].search(prev.text[:t.start]) for t in told) and not self.lex["aftermath"].search(prev.text):
            # "is held in a prison west of Boston on charges that carry the threat of execution": a sentence that
            # tells neither an act done nor its toll ("The toll in Kyiv has risen") tells where nothing happened
            return None, None
        place, _ = self._place(prev, Trigger(0, 0, "", None))
        if place is None or _is_broad(place) or place.latitude is None:
            return None, None
        return place, 2

    def _date(self, sent: Sentence, trigger: Trigger) -> DateMention | None:
        """When: the date the sentence gives the incident, not the day something was said about it."""
        text = self.ctx.report.text
        tpos = sent.start + trigger.start
        for d in self.ctx.dates_in(sent.start, sent.end):
            if self._dateline_date(d, sent):
                continue
            # "the 2004 bombing", "Tuesday's attack", "after April 15, 2013, bombing": the incident's own date
            gap = tpos - d.end
            # (not "the handling of September's floods in Derna, was hit": the day of something else)
            possessive = text[d.end:d.end + 2] in ("'s", "’s") and gap <= 45 \
                and re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){0,3}", text[d.end:tpos]) is not None
            if re.match(r"\s*,?\s*that\b", text[d.end:d.end + 8]):
                continue  # "told a court on Tuesday that he tried to kill": the day of the telling
            if not possessive and self.lex["speech_date"].search(text[max(sent.start, d.start - 40):d.start]):
                continue  # "the group said on Wednesday it had attacked": the day of the telling
            if not possessive and self._aftermath_day(d, tpos, sent, trigger):
                continue  # "police on Thursday identified two suspects in the attack": the day of the arrest
            if (0 <= gap <= 12 or possessive) and (d.date is not None or d.partial):
                return self._precise_day(d, sent)
            # "marked seven years since the Easter Sunday bombings on Tuesday": the years counted back name the act
            if d.date is not None and 0 <= gap <= 60 and _YEARS_SINCE.search(d.text) \
                    and re.fullmatch(r"\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}", text[d.end:tpos]):
                return d
        cands = []
        speech: list[DateMention] = []
        published = self.ctx.report.published
        for d in self.ctx.dates_in(sent.start, sent.end):
            left = text[max(sent.start, d.start - 40):d.start]
            if published is not None and d.date is not None and d.date > published:
                continue  # "is due in court next month": a day to come dates no incident told as done
            # "since the November 2015 attacks, when gunmen struck ...": the act the "when" clause tells is the
            # one the date names, not the period since it
            told_in_when = d.end <= tpos and bool(self.lex["date_then_when"].fullmatch(text, d.end, tpos))
            if (re.search(r"\b(?:since|until|by|before|after)\s+(?:the\s+)?$", left, re.I) and not told_in_when) \
                    or self._dateline_date(d, sent):
                continue
            if self.lex["speech_date"].search(left) or (d.end <= tpos and self.lex["reaction"].search(text[d.end:tpos])) or \
                    self._aftermath_day(d, tpos, sent, trigger) or (
                    # "confirmed the abduction and said 11 of the victims had escaped on Tuesday": the day of what
                    # the next statement tells, not of the act named before it
                    d.start > tpos and _SAID_AFTER_ACT.search(text, sent.start + trigger.end, d.start) is not None) or (
                    # "told a court on Tuesday that he tried to kill ...": the day of the telling
                    d.end <= tpos and re.search(r"\b(?:told|said|says|testified|admitted|confirmed|announced)\b", left, re.I)
                    and re.match(r"\s*(?:,\s*)?that\b", text[d.end:tpos], re.I)):
                speech.append(d)
                continue  # "officials said Friday": the day of the statement; "prayers Monday in support of
                # Palestinians injured in ...": the day of the reaction
            cands.append(d)
        if not cands:
            # only the day of the statement: the incident is that day or before ("earlier in the day",
            # "that morning"); kept as a weak date that never splits an incident
            return speech[0] if speech and re.search(
                r"\b(?:earlier (?:in the day|that day|today)|that (?:morning|afternoon|evening|day)|the same day|hours earlier|overnight)\b",
                sent.text, re.I) else None
        tpos = sent.start + trigger.start
        tend = sent.start + trigger.end
        # "the 2004 bombing", "Tuesday's attack": a date right before the trigger is the incident's
        adjacent = [d for d in cands if 0 <= tpos - d.end <= 12 and not re.match(r"\s*,?\s*that\b", text[d.end:d.end + 8])]
        if adjacent:
            return adjacent[0]
        # a range of days is as good as a day; "between 2004 and 2010" is not ("in 2008" nearer the act wins)
        return min(cands, key=lambda d: (d.precision not in ("day", "range") or (
            d.precision == "range" and d.end_date is not None and d.date is not None and (d.end_date - d.date).days > 62),
            min(abs(d.start - tend), abs(d.end - tpos))))

    def _aftermath_day(self, d: DateMention, tpos: int, sent: Sentence, trigger: Trigger) -> bool:
        """The day of an act that follows the incident, told before the incident's word: "Police on Thursday
        identified two suspects in the grenade attack", "Two teenagers were charged Wednesday with murder in the
        shooting", "claimed responsibility on Thursday for a roadside bomb". An arrest with a weapon ("arrested in
        July 2022 ... in possession of an AK-47") is itself the act and keeps its day."""
        if d.end > tpos or trigger.sub == "Disrupted weapons use":
            return False
        text = self.ctx.report.text
        return bool(self.lex["aftermath_after"].search(text[d.end:tpos])
                    or self.lex["aftermath_before"].search(text[max(sent.start, d.start - 40):d.start]))

    def _precise_day(self, d: DateMention, sent: Sentence) -> DateMention:
        """"Last year, gunmen shot and wounded a presenter in Erbil on 6 November", "That summer, bombs hit two shops
        on the same night, 2 July": a year, month or season that opens the clause is narrowed by a day the same
        clause gives inside it."""
        if d.date is None or d.precision not in ("year", "month", "range") or d.end_date is None:
            return d
        days = [x for x in self.ctx.dates_in(d.end, sent.end) if x.date is not None and x.precision == "day"
                and d.date <= x.date <= d.end_date]
        return days[0] if len(days) == 1 else d

    def _dateline_date(self, d: DateMention, sent: Sentence) -> bool:
        """"MOGADISHU, Aug 29 - At least 17 people were killed ... on Thursday": the dateline's day is the day of
        filing, not of the incident."""
        text = self.ctx.report.text
        return bool(self.lex["dateline_date_before"].match(text[sent.start:d.start])) and \
            bool(re.match(r"\s*(?:\([^)]{1,30}\)\s*)?[-\u2013\u2014]", text[d.end:d.end + 40]))

    def _actors(self, sent: Sentence, trigger: Trigger, actors) -> tuple[str | None, str | None, str | None]:
        text = self.ctx.report.text
        tpos = sent.start + trigger.start
        speaks = self.lex["speaks_after"]
        # an actor that takes part in the trigger's words ("Russian missiles struck") stands before it
        before = [a for a in actors if a.start < tpos or (a.start <= tpos < a.end)]
        after = [a for a in actors if a.start >= sent.start + trigger.end and not speaks.match(text[a.end:a.end + 30])
                 and not _owns_act(text, a.end)]
        actor1 = side1 = actor2 = None
        # "fighting between the army and the RSF": the two sides, in the order told
        for a, b in zip(actors, actors[1:]):
            if _BETWEEN_RE.search(text, max(sent.start, a.start - 14), a.start) and _AND_RE.fullmatch(text, a.end, b.start):
                return a.name, a.side, b.name
        # "... by X" after the trigger names the perpetrator ("an attack by suspected jihadists")
        for a in after:
            if self.lex["by_actor"].search(text[max(sent.start, a.start - 40):a.start]):
                actor1, side1 = a.name, a.side
                after = [b for b in after if b is not a]
                break
        if actor1 is None:
            for a in after:
                gap = text[sent.start + trigger.end:a.start]
                if (self.lex["in_acts_of"].search(gap) and self.lex["acts_after_actor"].match(text, a.end, sent.end)) or \
                        (self.lex["when_clause_before"].search(gap) and self.lex["act_verb_after"].match(text, a.end, sent.end)):
                    # "were killed in Islamic State attacks", "were shot dead when gunmen opened fire on their patrol":
                    # the group the acts are said of, the subject of the clause telling the act
                    actor1, side1 = a.name, a.side
                    after = [b for b in after if b is not a]
                    break
        # "three US soldiers were killed": a subject of a passive verb is the victim, not the perpetrator;
        # "the military says ...": a speaker, not the perpetrator
        passive = [a for a in before if a.end <= tpos and re.match(
            r"\s+(?:[\w-]+\s+){0,2}?(?:was|were|had been|have been|has been)\s+(?:[\w-]+\s+)?(?:killed|wounded|injured|hurt|"
            r"shot|attacked|ambushed|abducted|kidnapped|targeted|lynched|beheaded|executed)\b", text[a.end:sent.end], re.I)]
        before = [a for a in before if not re.search(r"\b(?:was|were|been|being|is|are|suffered|sustained|treated)\b", text[a.end:tpos], re.I)
                  # "three US soldiers killed in a drone attack" (a headline's passive), not "gunmen killed 15"
                  and not re.match(r"\s+(?:killed|wounded|injured|hurt|dead)(?:\s+(?:in|at|by|as|when|after|during|near|on)\b|\s*[,.;]|$)",
                                   text[a.end:a.end + 24], re.I)
                  and (not re.match(r"\s+(?:\w+\s+)?(?:said|says|told|announced|reported|confirmed|stated|added)\b", text[a.end:a.end + 30], re.I)
                       # "the militia says it struck ...": the speaker claims the act as its own
                       or bool(re.match(r"\s+(?:\w+\s+)?(?:said|says|say|claimed|announced)\s+(?:that\s+)?(?:it|they|its|their)\b", text[a.end:a.end + 40], re.I)))]
        # "the Taliban rejected Pakistan's allegation that ... the hostage-taking": accused, not perpetrator
        before = [a for a in before if not self.lex["rejects_accusation"].search(text[a.end:tpos])
                  and not self.lex["accuser"].match(text[a.end:tpos])]
        # "troops killed 15 militants in a raid": the object of the killing is its victim, not its perpetrator
        victims = [a for a in before if self.lex["victim_before"].search(text[max(sent.start, a.start - 50):a.start])]
        before = [a for a in before if a not in victims]
        if actor1 is None:
            named_before = [a for a in before if a.named]
            pick = (named_before or before)
            if pick:
                a = pick[-1]
                actor1, side1 = a.name, a.side
        target = None
        m = self.lex["us_target"].search(sent.text[trigger.start:])
        if m:
            target = m.group(0)
        elif victims:
            target = victims[0].name
        elif passive and actor1 is not None:
            # "two police officers were killed by gang members": the passive's subject, when a perpetrator is named
            target = passive[-1].name
        elif actor1 is not None and (noun := self._passive_victims(text[sent.start:tpos])):
            # "Two vigilantes were shot dead when gunmen opened fire on their checkpoint": the victims, not the site
            target = noun
        elif after:
            target = after[0].name
        else:
            rest = sent.text[trigger.end:]
            off = sent.start + trigger.end
            # not a word of a named actor's own name ("by Israeli troops": the perpetrator, not the target)
            taken = [(a.start, a.end) for a in actors]
            for pat in (self.lex["military"], self.lex["civilian"]):
                mm = next((x for x in pat.finditer(rest) if not speaks.match(rest[x.end():x.end() + 30])
                           and not any(s0 <= off + x.start() < e0 for s0, e0 in taken)), None)
                if mm:
                    target = mm.group(0).lower()
                    break
        actor2 = target if target and target != actor1 else None
        return actor1, side1, actor2

    def _passive_victims(self, head: str) -> str | None:
        """The word for the victims that is the subject of a passive before the trigger ("Five civilians were
        killed by Russian shelling", "Two vigilantes were shot dead when ..."), lower case; None if there is none."""
        for pat in (self.lex["military"], self.lex["civilian"]):
            mm = [x for x in pat.finditer(head) if self.lex["passive_after"].match(head, x.end())]
            if mm:
                return mm[-1].group(0).lower()
        return None


_PASSIVE_RE = rx.compile(r"\b(?:was|were|been|being|is|are)\b", re.I)
_BETWEEN_RE = rx.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_AND_RE = rx.compile(r"\s+and\s+(?:the\s+)?", re.I)


def main_countries(ctx: DocContext) -> set[str]:
    """The countries a report is about: those its resolved places fall in most often (the headline counts twice)."""
    counts: dict[str, float] = {}
    first = ctx.sentences[0].end if ctx.sentences else 0
    for p in ctx.places:
        if p.country and p.latitude is not None:
            counts[p.country] = counts.get(p.country, 0.0) + (2.0 if p.start < first else 1.0)
    if not counts:
        return set()
    top = max(counts.values())
    return {c for c, n in counts.items() if n >= top * 0.5}


def _lede_place(finder: "MentionFinder", country: str | None, upto: int = 4) -> tuple[PlaceMention | None, int | None]:
    """A specific place for an incident known only by its country: from the report's opening sentences, else
    from the first sentence about violence that names one (the most specific location the report gives)."""
    sents = finder.ctx.sentences
    ordered = list(sents[:upto]) + [x for x in sents[upto:] if finder._triggers_in(x)]
    for k, sent in enumerate(ordered):
        town = finder.story_town() if k == upto else None
        if town is not None and (country is None or town.country == country):
            return town, 2  # a profile of the town its headline names
        place, precision = finder._place(sent, Trigger(0, 0, "", None))
        if place is not None and not _is_broad(place) and place.latitude is not None and (country is None or place.country == country):
            return place, precision
    return None, None


def _on_route(finder: "MentionFinder", p: PlaceMention) -> bool:
    """Whether a place is named as where something set out from or went to ("from Quetta", "to Peshawar",
    "bound for Lahore")."""
    text = finder.ctx.report.text
    return bool(finder.lex["route_before"].search(text, max(0, p.start - 30), p.start))


def _place_of_story(finder: "MentionFinder", c: "_Cluster") -> None:
    """An incident the report dates to a year or month of its own but places nowhere: where the sentences
    just before it in its paragraph are ("Beledweyne ... The city has suffered ... The single biggest attack,
    in 2009"), at geo_precision 2; else the one country the report is about ("two major al-Shabab attacks in
    2013 and 2015"), at geo_precision 3."""
    dm = c.strong_date
    # an incident told apart from the one before it ("This attack follows an operation ... which resulted in
    # the deaths of 16"), dated to a day, placed nowhere: only the report's country is known of it
    apart = dm is not None and dm.precision == "day" and any(x.separate for x in c.mentions)
    if dm is None or (dm.precision not in ("year", "month") and not apart):
        return
    m = next(x for x in c.mentions if x.date is dm)
    sents = finder.ctx.sentences
    i = m.sentence.index
    # the sentences just before it in its paragraph (four), leaving out quotes and headings, which place nothing
    told = [] if apart else [x for x in sents[max(0, i - 8):i] if x.paragraph == m.sentence.paragraph
                             and not x.heading and x.text[:1] not in "“\"‘'"]
    window = told[-4:]
    if window:
        # the gazetteer reports a name once: look for every specific place of the report by its name
        text = finder.ctx.report.text
        lo, hi = window[0].start, window[-1].end
        named: dict[str, PlaceMention] = {}
        for p in finder.ctx.places:
            if not _is_broad(p) and p.latitude is not None and (not finder.main_countries or p.country in finder.main_countries):
                named.setdefault(p.text, p)
        counts = {t: len(re.findall(rf"\b{re.escape(t)}\b", text)) for t in named}
        near = [t for t in named if re.search(rf"\b{re.escape(t)}\b", text[lo:hi])]
        if near:
            # the place the story is about ("Beledweyne ... The city has suffered more attacks than any other
            # except Mogadishu"): the one the report names most often, on a tie the one it named first
            best = max(near, key=lambda t: (counts[t], -named[t].start))
            m.place, m.place_precision = named[best], 2
            return
    if len(finder.main_countries) != 1 or m.trigger.weak:
        return
    (cc,) = finder.main_countries
    country = next((p for p in finder.ctx.places if p.feature == "country" and p.country == cc and p.latitude is not None), None)
    if country is not None:
        m.place, m.place_precision = country, 3


def _town_of_story(finder: "MentionFinder", c: "_Cluster") -> None:
    """A profile of one town ("Under siege, Sittwe's residents count the shells"): an incident of a day that the
    text places nowhere ("An artillery shell landed near the Myoma market on Aug. 21") happened in the town the
    headline names and the story names again, at geo_precision 2. Only when the headline names one such town."""
    d = c.date
    if d is None or d.date is None or d.precision != "day" or not finder.ctx.sentences or any(x.separate for x in c.mentions):
        return  # "In a separate attack, ...": told apart, perhaps elsewhere
    town = finder.story_town()
    if town is not None:
        m = next((x for x in c.mentions if x.date is d), c.mentions[0])
        m.place, m.place_precision = town, 2


#: a sentence told inside the operation the one before it tells ("During the activity,", "In the course of the raid,")
_DURING_THE = re.compile(r"\W*(?:during|in the course of|over the course of)\s+(?:the|this|that)\s+(?:activity|activities|operation|raid|search|incursion|offensive|sweep|patrol|arrest|clashes|fighting)\b", re.I)

#: an item of an interception's breakdown by region: "- 21 over the territory of the Bryansk region;", "7 over the
#: waters of the Sea of Azov", "• 12 above Kyiv"
_REGION_ITEM = re.compile(r"\W*(?P<n>\d{1,4})\s+(?:(?:UAVs?|drones?|missiles?|rockets?)\s+)?(?:over|above)\s+(?:the\s+)?(?:(?:territory|waters|airspace|skies)\s+of\s+(?:the\s+)?)?", re.I)

#: a toll told as the perpetrator's claim: "claimed the attack on Tuesday, saying it had killed 40 soldiers", "claimed
#: responsibility and said its fighters killed 23"
_CLAIMED_TOLL = re.compile(r"\bclaim(?:ed|s|ing)?\b(?:\s+(?:responsibility|the\s+(?:attack|assault|ambush|raid|bombing)))?[^.;]{0,60}?"
                           r"\b(?:saying|said|says|adding)\s+(?:that\s+)?(?:it|they|its\s+(?:fighters|militants|men)|their\s+(?:fighters|men))\s+"
                           r"(?:had\s+|have\s+)?(?:killed|eliminated|neutrali[sz]ed)\b", re.I)

#: a fire or blast told as set on purpose ("a house fire that police are treating as arson"): no accident
_DELIBERATE = re.compile(r"\b(?:arson\w*|deliberate(?:ly)?|set\s+(?:on\s+)?fire|set\s+ablaze|torch(?:ed|ing)|petrol[- ]bomb\w*)\b", re.I)

#: the agent of an act told after it: "attacks by militants", "was shot by the police"
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+|suspected\s+|armed\s+)*(?:[\w'’-]+\s+){0,2}$", re.I)

#: before and after the day that opens a log's item: a bullet or a number; a comma, a colon, a dash or a bracket
_ITEM_LEAD = re.compile(r"[\s\-*•]*(?:\d{1,3}[.)]\s+)?")
_ITEM_TAIL = re.compile(r"\s*(?:[,:]|[-–—]\s|\()")

#: longest date heading, in words ("WEDNESDAY, MAY 6, 2026")
_DATE_HEADING_WORDS = 5


def _date_headings(ctx: DocContext) -> list[tuple[int, DateMention]]:
    """(end, day) of each paragraph that is a date alone ("MONDAY, MAY 4", "Tuesday 5 May"), in order; none unless
    there are two or more (a timeline's days; a single date line is a byline's or a page's)."""
    pub = ctx.report.published
    per_paragraph: dict[int, int] = {}
    for s in ctx.sentences:
        per_paragraph[s.paragraph] = per_paragraph.get(s.paragraph, 0) + 1
    out: list[tuple[int, DateMention]] = []
    for s in ctx.sentences:
        text = s.text.strip(" .:-–—")
        if per_paragraph[s.paragraph] != 1 or not text or len(text.split()) > _DATE_HEADING_WORDS \
                or not any(ch.isdigit() for ch in text):
            continue
        found = find_dates(text.title() if text.isupper() else text, pub)
        if len(found) != 1 or found[0].date is None or found[0].precision != "day" \
                or len(found[0].text) < len(text) - len("Wednesday, "):
            continue
        d = found[0]
        start = s.start + s.text.find(text) + d.start
        out.append((s.end, DateMention(start=start, end=start + len(d.text), text=text[d.start:d.end], date=d.date,
                                       precision="day", relative=d.relative)))
    return out if len(out) >= 2 else []


def _undated_day(finder: "MentionFinder", c: "_Cluster") -> None:
    """An incident no sentence dates, told with a time of day ("a guided bomb hit an industrial site at about 8 a.m.
    local time") or in an entry of a live page under its time stamp: the publication day, as "this morning" is (day
    precision). A clock time beside a day ("on Sunday at 2 a.m.") leaves the day to that date; one in a sentence that
    dates something else is not read here, as the incident then has a date."""
    pub = finder.ctx.report.published
    if pub is None:
        return
    for m in c.mentions:
        hit = clock_time(m.sentence.text)
        if hit is not None:
            start = m.sentence.start + hit.start()
            m.date = DateMention(start=start, end=m.sentence.start + hit.end(), text=hit.group(0), date=pub,
                                 precision="day", relative=True)
            return
    stamps = getattr(finder, "_time_stamps", None)
    if stamps is None:
        stamps = finder._time_stamps = [x for x in finder.ctx.sentences if _TIME_STAMP.fullmatch(x.text.strip())]
    if len(stamps) >= 2:
        # a live page's entries ("7:05 a.m.", "14:30 GMT" over each), and its headline, are of the day it is
        # published; the date is the stamp over the first entry that tells the incident
        under = [(m, [x for x in stamps if x.end <= m.sentence.start]) for m in c.mentions]
        m, above = next(((m, above) for m, above in under if above), (c.mentions[0], stamps[:1]))
        stamp = above[-1]
        m.date = DateMention(start=stamp.start, end=stamp.end, text=stamp.text, date=pub, precision="day",
                             relative=True)
        return
    header = getattr(finder, "_header_day", False)
    if header is False:
        header = finder._header_day = _header_day(finder.ctx)
    if header is not None and not any(x.sentence.start < header.end for x in c.mentions):
        # a statement dated in its header ("Announcements, Wednesday, 20 November 2024", "Press statement, 23 August
        # 2025, 07:15 Moscow time") tells the acts of its day where it gives no other day
        c.mentions[0].date = header


def _header_day(ctx: DocContext) -> DateMention | None:
    """The publication day as a statement's header gives it, on a line of its own among the first lines ("Press
    statement, 23 August 2025, 07:15 Moscow time"; "Announcements, Wednesday, 20 November 2024"); None otherwise."""
    pub = ctx.report.published
    if pub is None:
        return None
    text = ctx.report.text
    head_end = 0
    for _ in range(4):  # the first four lines
        nl = text.find("\n", head_end)
        if nl < 0:
            break
        head_end = nl + 1
    for d in ctx.dates_in(0, head_end):
        if d.date == pub and d.precision == "day" and not d.relative:
            line_start = text.rfind("\n", 0, d.start) + 1
            line_end = text.find("\n", d.end)
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if len(line.split()) <= 12 and not line.rstrip().endswith((".", "?", "!", '"', "”")):
                return d
    return None


#: a live page's time stamp over an entry: "7:05 a.m.", "14:30 GMT", "09:42 BST", "2:15 p.m. ET"
_TIME_STAMP = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET|IST|PKT|EAT|local(?: time)?)?\.?",
                         re.I)


def _owns_act(text: str, end: int) -> bool:
    """Whether the actor ending at ``end`` owns an act told next ("Boko Haram's 2014 abduction of 276 schoolgirls"):
    the perpetrator of that act, not the target of one told before it ("Their abduction, resembling Boko
    Haram's ..."). An act's word within a few words after the possessive."""
    m = _POSSESSIVE_RE.match(text, end)
    if m is None:
        return False
    return any(t.start <= 16 for t in find_triggers(text[m.end():m.end() + 60]))


_POSSESSIVE_RE = rx.compile(r"['’]s?\s+")


def _event_type(sub: str) -> str | None:
    """ACLED's event type of a sub-event type ("Grenade" -> "Explosions/Remote violence")."""
    return _lex()["event_types"].get(sub)


def _distinct_places(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    """Two specific places with different names more than a few km apart."""
    if a is None or b is None or _is_broad(a) or _is_broad(b) or a.latitude is None or b.latitude is None:
        return False
    return (a.name or a.text) != (b.name or b.text) and haversine_km((a.latitude, a.longitude), (b.latitude, b.longitude)) > 5


def _region_key(name: str | None) -> str:
    return re.sub(r"[^a-z]", "", (name or "").lower())[:4]


def _in_region_named_by(town: PlaceMention, place: PlaceMention) -> bool:
    """Whether ``place`` lies in the region that shares ``town``'s name ("Kanbalu" in the Sagaing Region, for the town
    of Sagaing)."""
    return town.feature == "populated_place" and bool(town.name) and bool(place.admin1) \
        and _region_key(place.admin1) == _region_key(town.name)


def _places_compatible(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    for broad, other in ((a, b), (b, a)):
        # "over the Poltava region" is not Sumy (a town of another region)
        if broad.feature == "admin1" and not _is_broad(other) and other.admin1 and broad.name and \
                _region_key(other.admin1) != _region_key(broad.name):
            return False
    # "over the Bryansk region" is not "in the Kursk region": two provinces of one country are two places
    if a.feature == b.feature == "admin1" and a.name and b.name and _region_key(a.name) != _region_key(b.name):
        return False
    for sea, other in ((a, b), (b, a)):
        # "over the southern Red Sea" is not Sanaa
        if sea.feature in ("sea", "ocean", "water") and not _is_broad(other) and other.feature not in ("port", "populated_place_coastal"):
            return False
    if _is_broad(a) or _is_broad(b):
        return True
    if a.latitude is None or b.latitude is None:
        return (a.name or a.text).lower() == (b.name or b.text).lower()
    return haversine_km((a.latitude, a.longitude), (b.latitude, b.longitude)) <= 50


def _dates_compatible(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None or a.date is None or b.date is None:
        return True
    a_end = a.end_date or a.date
    b_end = b.end_date or b.date
    return a.date.toordinal() - 1 <= b_end.toordinal() and b.date.toordinal() - 1 <= a_end.toordinal()


_PROTEST = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"})


def _protest_like(m: "Mention") -> bool:
    """A protest, or a death or injury among protesters ("One protester was shot dead")."""
    return m.sub in _PROTEST or bool(re.search(r"\b(?:protesters?|demonstrators?|marchers)\b", m.sentence.text, re.I))
_GROUND = frozenset({"Attack", "Armed clash", "Suicide bomb", "Abduction/forced disappearance"})


def _air(t: Trigger) -> bool | None:
    """Whether a specific trigger tells a strike from the air (True) or an attack on the ground (False);
    None for a generic word ("attack", "killed") that fits either."""
    if t.sub == "Air/drone strike":
        return True
    return False if t.sub in _GROUND else None


@dataclass
class _Cluster:
    mentions: list[Mention]

    @property
    def place(self) -> PlaceMention | None:
        best = None
        for m in self.mentions:
            if m.place is None:
                continue
            if best is None or (_is_broad(best) and not _is_broad(m.place)) or (best.latitude is None and m.place.latitude is not None and _is_broad(best) == _is_broad(m.place)):
                best = m.place
        if best is not None and best.feature == "populated_place" and best.name \
                and any(m.place is best and m.sentence.index == 0 for m in self.mentions):
            # a headline's town named like its region ("air strike kills 11 in Sagaing village"): the story's own town
            # in that region is where it was
            inner = next((m.place for m in self.mentions if m.place is not None and m.place is not best
                          and m.place.feature == "populated_place" and _in_region_named_by(best, m.place)), None)
            if inner is not None:
                best = inner
        return best

    @property
    def date(self) -> DateMention | None:
        strong = self.strong_date
        if strong is not None and strong.precision in ("month", "year", "week", "range"):
            # "Ten years after Brussels bombings ... Two bombers blew themselves up at Zaventem ... on March 22, 2016":
            # a day told further from the act, inside the month or year told beside it, is the more precise date
            inside = [m.date for m in self.mentions if m.date is not None and m.date.date is not None
                      and m.date.precision == "day" and strong.date <= m.date.date <= (strong.end_date or strong.date)]
            if inside:
                return inside[0]
        if strong is not None:
            return strong
        dated = [m for m in self.mentions if m.date is not None and m.date.date is not None]
        if dated:
            order = {"day": 0, "range": 1, "week": 2, "month": 3, "year": 4, "unknown": 5}
            # a day told in a mention's own sentence before one carried from another sentence ("dozens abducted in
            # Zamfara" under a lede dated Saturday, then "abducted 40 villagers in Tsafe on Wednesday")
            best = min(dated, key=lambda m: (order.get(m.date.precision, 9),
                                             not (m.date.text and m.sentence.start <= m.date.start < m.sentence.end)))
            return best.date
        return next((m.date for m in self.mentions if m.date is not None), None)

    @property
    def strong_date(self) -> DateMention | None:
        strong = [m.date for m in self.mentions if m.date_strong and m.date is not None and m.date.date is not None]
        if not strong:
            return None
        # "review of 2021 Kabul airport bombing ... the August 2021 suicide bombing": of the dates said of the
        # incident itself, the most precise one that falls within the first
        order = {"day": 0, "range": 1, "week": 2, "month": 3, "year": 4}
        inside = [d for d in strong if d is strong[0] or (
            strong[0].precision in ("month", "year") and strong[0].date <= d.date <= (strong[0].end_date or strong[0].date))]
        return min(inside, key=lambda d: order.get(d.precision, 9))

    def _headline_region(self, m: Mention) -> bool:
        """"Myanmar: air strike kills 11 in Sagaing village" over "A military jet bombed a village in Kanbalu township
        in Myanmar's Sagaing region": a headline names the region by the town it is named after; the story's town
        in that region is the same place."""
        a, b = self.place, m.place
        if a is None or b is None or not (self.mentions[0].sentence.index == 0 or m.sentence.index == 0):
            return False
        return any(_in_region_named_by(x, y) and x.country == y.country and x.admin1
                   and _region_key(x.admin1) == _region_key(y.admin1) for x, y in ((a, b), (b, a)))

    @property
    def actor1(self) -> str | None:
        named = [m.actor1 for m in self.mentions if _is_named(m.actor1)]
        return named[0] if named else next((m.actor1 for m in self.mentions if m.actor1), None)

    def compatible(self, m: Mention, present: date | None = None) -> bool:
        if not _places_compatible(self.place, m.place) and not self._headline_region(m):
            return False
        # "Gunmen have killed at least 11 people in an attack on a farming village in Plateau State ... In the wee hours
        # of Sunday, gunmen invaded a settlement on the outskirts of Mangu town and shot dead a farmer": a smaller toll
        # told with a day and a town of its own, where the incident told before has neither, is another incident
        if not m.anaphoric and not m.toll_update and not m.toll_also and m.date_strong and m.killed is not None \
                and (self.strong_date is None or (m.date is not None and m.date.precision == "day"
                                                  and self.strong_date.precision == "day" and m.date.date != self.strong_date.date)) \
                and m.place is not None and not _is_broad(m.place) and _is_broad(self.place) \
                and (told := [x.killed for x in self.mentions if x.killed is not None]) and m.killed < max(told) \
                and m.sentence.paragraph > self.mentions[-1].sentence.paragraph \
                and any(x.sentence.paragraph > 0 for x in self.mentions):
            return False  # (a headline's toll alone may be a later figure than the lede's: not another incident)
        # "- 11 over the territory of the Kursk region; ... repelled an attempt by a sabotage group ... near Tyotkino in
        # the Kursk region": drones shot down and a ground fight are two acts, whatever the region they share
        if not m.anaphoric and m.sub is not None and (kind := _event_type(m.sub)) is not None:
            kinds = {_event_type(x.sub) if x.sub != "Disrupted weapons use" else "Disrupted" for x in self.mentions if x.sub is not None}
            if kinds and ((kind == "Battles" and kinds == {"Disrupted"})
                          or (m.sub == "Disrupted weapons use" and kinds == {"Battles"})):
                return False
        # "two women were injured when a projectile landed near a house in Moirang ... Meanwhile, a mob beat to death
        # a man in Churachandpur town": another kind of act at another town is another incident, however near
        if not m.anaphoric and m.sub is not None and (kind := _event_type(m.sub)) is not None \
                and _distinct_places(self.place, m.place) \
                and all(x.sub is not None and _event_type(x.sub) not in (None, kind) for x in self.mentions) \
                and m.place is not None and m.place.feature == "populated_place" and self.place.feature == "populated_place":
            return False
        # "Somali forces killed 50 militants in airstrikes ... The single biggest attack, in 2009, killed 25": a year
        # or month long before the story's present, with a toll of its own, is another incident than the undated
        # one of the present
        if self.strong_date is None and present is not None and m.date_strong and m.date is not None \
                and m.date.precision in ("year", "month") and m.date.date is not None \
                and (m.date.end_date or m.date.date) < present - timedelta(days=31) \
                and m.killed is not None and any(x.killed is not None and x.killed != m.killed for x in self.mentions):
            return False
        if m.group is not None and any(x.group is not None and x.group != m.group for x in self.mentions):
            return False
        if not m.anaphoric and self._retro_apart(m):
            return False
        # "killed all six attackers who laid siege to a hotel ... and later killed 50 militants in airstrikes":
        # strikes from the air are not the ground attack a report told before them
        if not m.anaphoric and _air(m.trigger) != _air(self.mentions[0].trigger) and None not in (_air(m.trigger), _air(self.mentions[0].trigger)):
            return False
        # a protest met with force is not the armed attack told next to it
        if not m.anaphoric:
            protest = any(x.sub in _PROTEST for x in self.mentions)
            if (m.sub in _PROTEST and not protest) or (protest and not _protest_like(m)):
                return False
        mine = self.strong_date
        # an incident dated only to a year or month ("the single biggest attack, in 2009"): a later sentence
        # with no date of its own goes back to the story's present, not to it
        if mine is not None and mine.precision in ("year", "month") and not m.date_strong \
                and m.sentence.index - next(x.sentence.index for x in self.mentions if x.date is mine) > 1 \
                and (_is_broad(m.place) or _is_broad(self.place)) \
                and not (m.date is not None and m.date.date is not None and mine.date is not None
                         and mine.date <= m.date.date <= (mine.end_date or mine.date)):
            # unless it names the same specific place, or carries a day inside that year or month ("Ten years after
            # Brussels bombings ... on March 22, 2016, killing 16 ... More than 300 were wounded in the two attacks")
            return False
        if mine is not None and m.date_strong and not _dates_compatible(mine, m.date):
            return False
        # "repelled an RSF assault on Tuesday" after "shells fell on the camp on Wednesday": each act told with a
        # day of its own, of another kind, is another incident even a day apart (also where only one of them is
        # placed, at a town: "gunmen fired on voters on Monday ... On Sunday, a grenade exploded in Cotabato City")
        if mine is not None and m.date_strong and m.date is not None and m.date.date is not None and mine.precision == "day" \
                and m.date.precision == "day" and m.date.date != mine.date and m.sub not in {x.sub for x in self.mentions} \
                and not m.anaphoric and (m.place is not None or self.place is not None) \
                and not any(p is not None and _is_broad(p) for p in (m.place, self.place)):
            return False
        # a flashback ("a strike on July 16 killed three") does not take what the story's present day goes on
        # to tell ("The toll in Kyiv has risen ... nine people are dead")
        if mine is not None and present is not None and not m.date_strong and m.date is not None and m.date.date is not None \
                and mine.precision == "day" and (mine.end_date or mine.date) < present - timedelta(days=2) \
                and m.date.date >= present - timedelta(days=1) and not _dates_compatible(mine, m.date):
            return False
        # one incident is one place on one day: two places each given its own day are two incidents
        # ("shelled Kherson on Monday ... In Bilozerka, a drone ... on Tuesday")
        if mine is not None and m.date_strong and m.date is not None and m.date.date is not None \
                and mine.precision == "day" and m.date.precision == "day" and _distinct_places(self.place, m.place):
            return False
        # "The next day, suspected ADF fighters ambushed a truck on the road between Beni and Butembo": an act told
        # a day or more from the day of the one before it is an incident of its own, at the same place too
        if m.date_strong and m.date is not None and m.date.date is not None and m.date.precision == "day" \
                and not m.anaphoric and not m.toll_update and _NEXT_DAYS.match(m.date.text) \
                and (m.date.start < m.sentence.start + m.trigger.start or _DAYS_LATER.match(m.date.text)):
            # "The next day, ..." told before the act ("their bodies were found the next morning" goes on about it)
            days = {x.date.date for x in self.mentions if x.date is not None and x.date.date is not None
                    and x.date.precision == "day"}
            if days and m.date.date not in days:
                return False
        # ... also where the incident's day stands in its own sentence but far from the act ("A drone attack on
        # Shebekino killed a woman and wounded two men on Sunday ... Late on Saturday, a drone hit a bus in Belgorod")
        if mine is None and m.date_strong and m.date is not None and m.date.date is not None and m.date.precision == "day" \
                and _distinct_places(self.place, m.place):
            own = [x.date.date for x in self.mentions if x.date is not None and x.date.date is not None
                   and x.date.precision == "day" and x.sentence.start <= x.date.start < x.sentence.end]
            if own and m.date.date not in own:
                return False
        # ... and a place given a period of its own that leaves out the day told before ("Two militants were
        # killed the following week in a gunfight near Shopian" after a grenade in Srinagar on Sept. 14)
        if mine is not None and m.date_strong and m.date is not None and m.date.date is not None \
                and mine.precision == "day" and mine.date is not None and m.date.precision == "range" \
                and not (m.date.date <= mine.date <= (m.date.end_date or m.date.date)) \
                and _distinct_places(self.place, m.place):
            return False
        # a roundup's or live blog's scene opener ("In Kramatorsk, ...", "In Michoacan, a convoy ...") moves to
        # another place: another incident than one told at a distinct place
        if not m.anaphoric and m.place is not None and _lex()["scene_opener"].match(m.sentence.text[:max(0, m.place.start - m.sentence.start)]) \
                and _distinct_places(self.place, m.place):
            return False
        a1 = self.actor1
        if _is_named(a1) and _is_named(m.actor1) and a1 != m.actor1:
            sides = {x.actor1_side for x in self.mentions if x.actor1 == a1}
            if m.actor1_side not in sides:
                return False
        return True


    def _retro_apart(self, m: Mention) -> bool:
        """"Militants hijacked a train on Tuesday ... Earlier this month, a suicide bomber struck a convoy in
        Kalat": an incident dated back from the story's present ("earlier this month", "last week") is another
        incident than one told with a day, whatever broad place or toll they share; only the same specific
        place said of both keeps them together."""
        mine = [x for x in self.mentions if x.retro]
        if m.retro and any((x.date.date, x.date.precision) != (m.date.date, m.date.precision) for x in mine):
            return True  # "Last month, ..." after "Earlier this month, ...": two periods, two incidents
        if m.retro == bool(mine) and (not m.retro or len(mine) == len(self.mentions)):
            return False  # neither is dated back, or both are
        if m.retro:
            # the story's incident: any day it carries, said of it or of the sentence that tells it
            dayed = any(not x.retro and x.date is not None and x.date.date is not None and x.date.precision == "day"
                        for x in self.mentions)
        else:
            dayed = m.date_strong and m.date is not None and m.date.date is not None and m.date.precision == "day"
        if not dayed:
            return False
        here = self.place
        return not (m.place is not None and here is not None and not _is_broad(m.place) and not _is_broad(here)
                    and (m.place.name or m.place.text) == (here.name or here.text))


def merge_mentions(mentions: list[Mention], report_id: str, finder: "MentionFinder | None" = None) -> list[Event]:
    """Mentions of one report that can describe the same incident become one event.

    A mention joins the most recent compatible incident (same or unknown date within a day, same or
    containing place, no conflicting named perpetrator); otherwise it opens a new one. Incidents left
    with neither a place nor a date are not specific enough to keep.
    """
    clusters: list[_Cluster] = []
    present = finder.anchor if finder is not None else None
    report = finder.ctx.report if finder is not None else None
    title_end = len(report.title) if report is not None and report.title and report.text.startswith(report.title) else 0
    retro = _lex()["retrospective_date"]
    for m in mentions:
        m.retro = bool(m.date_strong and m.date is not None and m.date.date is not None and m.date.text
                       and retro.fullmatch(m.date.text.strip()))
    for m in mentions:
        if m.anaphoric and clusters:
            same_day = [c for c in clusters if c.strong_date is None or m.date is None or _dates_compatible(c.strong_date, m.date)]
            anew = m.place is not None and not _is_broad(m.place) and m.date_strong and m.date is not None \
                and m.place.start >= m.sentence.start + m.trigger.end
            if anew:
                # "recalling the massacre at two mosques in Christchurch in March 2019": a definite act placed and
                # dated anew is not the one just told elsewhere
                same_day = [c for c in same_day if c.place is None or _places_compatible(c.place, m.place)]
            if not same_day and not m.date_own and not anew:
                # "were not tried for the Rolando bombing, as they were released in June 1977": the date is of
                # what the sentence goes on to tell, the bombing is the one already told
                m.date, m.date_strong = None, False
                same_day = clusters
            if same_day and not anew:
                m.place = None
                # "the Rolando bombing", told after another incident: the last one of its kind, else the last one
                kind = [c for c in same_day if any(x.sub == m.sub for x in c.mentions)]
                (kind or same_day)[-1].mentions.append(m)
                continue
        target = None
        # the incident told last first: the one whose latest mention is nearest ("Jihadists kill 19 in a raid on a
        # Borno village; dozens abducted in Zamfara. ... killed 19 in a raid near Gwoza. The gunmen arrived late on
        # Saturday": the raid, told again in the lede, not the abduction the headline told after it)
        order = sorted(clusters, key=lambda c: c.mentions[-1].sentence.start, reverse=True)
        # a mention told apart from what came before ("On Monday, in neighboring Celaya, ...") may still be the
        # story of a headline's second part ("...; Celaya police officer killed in ambush"), told by it alone
        recent = m.date is None or m.date.date is None or (
            m.date.precision == "day" and not m.retro and (present is None or abs((present - m.date.date).days) <= 7))
        for c in ([c for c in order if recent and all(x.sentence.end <= title_end for x in c.mentions)] if m.separate else order):
            if c.mentions[0].closed:
                continue
            if c.compatible(m, present):
                target = c
                break
        if target is None:
            clusters.append(_Cluster([m]))
        else:
            target.mentions.append(m)
    events: list[Event] = []
    if finder is not None:
        # "X claimed responsibility for the attack": X is the perpetrator of the incident told just before
        for pos, name, side in getattr(finder, "responsibility", []):
            before = [c for c in clusters if c.mentions[0].sentence.start <= pos]
            target = before[-1] if before else (clusters[0] if clusters else None)
            if target is not None and not _is_named(target.actor1):
                for m in target.mentions:
                    m.actor1, m.actor1_side = name, side
    for c in clusters:
        place = c.place
        # the lede's place for the first incident told: not for a passing mention deep in a commentary
        # ("the recent border skirmish") that neither the opening sentences nor a date make specific
        if finder is not None and c is clusters[0] and (place is None or place.feature == "country") and (
                place is not None or c.date is not None or c.mentions[0].sentence.index < 4):
            lp, lprec = _lede_place(finder, place.country if place else None)
            if lp is not None:
                c.mentions[0].place, c.mentions[0].place_precision = lp, lprec
        elif finder is not None and c is clusters[0] and place is not None and place.feature == "admin1":
            # "CELAYA, Mexico - Authorities in the Mexican state of Guanajuato offered a reward ... for the gunmen
            # who shot dead a candidate": the town of the opening sentences, inside that province, is more specific;
            # not a town named as where something set out from or went to ("the train was travelling north from
            # Quetta to Peshawar"), which is not where the act was
            lp, lprec = None, None
            for sent in finder.ctx.sentences[:3]:  # the opening only, not an official's town further down
                q, qprec = finder._place(sent, Trigger(0, 0, "", None))
                if q is not None and not _is_broad(q) and q.latitude is not None and q.country == place.country \
                        and not _on_route(finder, q):
                    lp, lprec = q, qprec
                    break
            if lp is None or not (lp.admin1 and lp.admin1 in (place.admin1, place.name)):
                # else the dateline's town ("IRAPUATO, Mexico (AP) -"), near which the report was filed
                lp, lprec = next(((q, 2) for q in finder.ctx.places if q.start < 80 and finder._dateline_town(q)
                                  and not _is_broad(q) and q.latitude is not None), (None, None))
            if lp is not None and lp.admin1 and lp.admin1 in (place.admin1, place.name):
                m0 = next((m for m in c.mentions if m.place is place), c.mentions[0])
                m0.place, m0.place_precision = lp, lprec
        if finder is not None and c.place is None:
            _place_of_story(finder, c)
        if finder is not None and c.place is None:
            _town_of_story(finder, c)
        if finder is not None and c.date is None:
            _undated_day(finder, c)
        ev = _to_event(c, f"{report_id}-e{len(events) + 1}")
        if ev is not None:
            events.append(ev)
    return events


_TERRITORY_SUBS = ("Non-state actor overtakes territory", "Government regains territory")
_SPECIFICITY = ["Suicide bomb", "Remote explosive/landmine/IED", "Air/drone strike", "Shelling/artillery/missile attack",
                "Grenade", "Excessive force against protesters", "Protest with intervention",
                "Violent demonstration", "Mob violence", "Abduction/forced disappearance", "Sexual violence", "Government regains territory",
                "Non-state actor overtakes territory", "Attack", "Armed clash", "Looting/property destruction",
                "Disrupted weapons use"]


def _to_event(c: _Cluster, event_id: str) -> Event | None:
    place = c.place
    dm = c.date
    dated = dm is not None and (dm.date is not None or dm.partial is not None)
    day_dated = dated and dm.precision in ("day", "range")
    # an incident needs a specific place, or a day it happened on (ANNOTATION: one place, one day)
    # a year or month said of the incident itself with a country or region ("killed in Malta in 2017",
    # "two major attacks in Kenya in 2013 and 2015") is as specific as the report is
    period_dated = dated and dm.date is not None and dm.precision in ("year", "month") and any(m.date is dm for m in c.mentions)
    if (place is None or _is_broad(place)) and not day_dated:
        # a province or district the sentence puts a deadly incident in ("a confrontation ... in Tachira state
        # has left at least one student injured") is where the report places it
        regional = place is not None and place.feature != "country" and (place.geo_precision or 0) <= 3 \
            and any((m.killed or m.injured) and m.place is place for m in c.mentions)
        if not (place is None and dated) and not (place is not None and period_dated) and not regional:
            return None
    if place is None and not (day_dated and any(m.date_strong for m in c.mentions)):
        return None  # no place: only a day said of the incident itself makes it specific
    lex = _lex()
    air = {"airstrike", "drone"} & set().union(*(m.weapons for m in c.mentions))
    generic_only = air and all(m.generic_ied for m in c.mentions if "ied" in m.weapons) and \
        any(_weapon_rules()["air_dropped"].search(m.sentence.text) for m in c.mentions)
    if generic_only:
        # "struck Kharkiv with glide bombs ... One of the bombs hit": the bombs are the air weapon's
        for m in c.mentions:
            if "ied" in m.weapons:
                m.weapons = (m.weapons - {"ied"}) | air
                if m.sub == "Remote explosive/landmine/IED":
                    m.sub = "Air/drone strike"
            elif m.sub == "Remote explosive/landmine/IED" and (m.weapons & air or not m.weapons):
                # "a guided aerial bomb hit an apartment building", "one of the devices exploded": the air weapon's
                m.sub = "Air/drone strike"
    subs = [m.sub for m in c.mentions]
    # all mentions disrupted -> disrupted; otherwise the most specific violent sub-type said
    disrupted = "Disrupted weapons use" in subs
    # "the failed assassination attempt ... in connection with the terrorist attack": a bare word for the act,
    # with no one hurt, told of an incident the report has said failed, does not make it a violent one
    acts = [m for m in c.mentions if m.sub != "Disrupted weapons use"
            and not (disrupted and m.trigger.sub is None and m.sub in ("Attack", "Armed clash") and not m.killed and not m.injured)]
    # "Islamic State attacks climb ... gunmen ambushed an SDF patrol": a type given for want of any other does
    # not outrank one the text gives
    violent = [m.sub for m in acts if not m.by_default] or [m.sub for m in acts]
    # "saying its fighters had ... captured the post for several hours": ground taken only by the perpetrator's own
    # word does not make a repelled attack a loss of territory
    told = [m.sub for m in acts if not m.by_default and not (m.sub in _TERRITORY_SUBS and (m.status == "claimed" or m.toll_claimed))]
    if told and len(told) < len(violent):
        violent = told
    sub = min(violent, key=_SPECIFICITY.index) if violent else "Disrupted weapons use"
    if sub == "Attack" and (force := next((m.protest_force for m in c.mentions if m.protest_force), None)):
        sub = force  # "the regiment killed 13 protesters": force against a protest, not an attack on civilians
    if sub == "Looting/property destruction" and any(m.killed or m.injured for m in c.mentions):
        sub = "Attack"  # arson in which people were hurt is an attack on them
    weapons = sorted(set().union(*(m.weapons for m in c.mentions)))
    if not weapons:
        # the type says what was used when no weapon word does ("a blast", "an air strike")
        weapons = {"Air/drone strike": ["airstrike"], "Remote explosive/landmine/IED": ["ied"],
                   "Suicide bomb": ["ied"]}.get(sub, [])
    # a perpetrator's claimed toll ("JNIM claimed the attack, saying it had killed 40 soldiers") gives way to any other
    # source's (ACLED: the most conservative reported figure, not the boast)
    told = [m for m in c.mentions if not (m.toll_claimed and m.killed is not None)]
    if not any(m.killed is not None for m in told):
        told = c.mentions
    killed = _pick_figure([(m.killed, m.toll_update, m.toll_over_acts, "killed" in m.toll_also) for m in told])
    injured = _pick_figure([(m.injured, m.toll_update, m.toll_over_acts, "injured" in m.toll_also) for m in c.mentions])
    statuses = [m.status for m in c.mentions]
    status = "reported" if "reported" in statuses else ("denied" if "denied" in statuses else "claimed")
    actor1, actor2 = _sides(c)
    side = next((m.actor1_side for m in c.mentions if m.actor1 == actor1), None)
    kind = "other_attack"
    if any(m.us_target for m in c.mentions) and side != "us":
        kind = "attack_on_us_forces"
    elif side == "us":
        kind = "us_strike"
    attributions: list[Attribution] = []
    for m in c.mentions:
        if m.attribution and all((a.speaker, a.via) != (m.attribution.speaker, m.attribution.via) for a in attributions):
            attributions.append(m.attribution)
    precision = next((m.place_precision for m in c.mentions if m.place is place), None)
    outcome = next((m.outcome for m in c.mentions if m.outcome == "intercepted"), None) or \
        next((m.outcome for m in c.mentions if m.outcome), None)
    quantity = next((m.quantity for m in c.mentions if m.quantity), None)
    return Event(
        id=event_id,
        event_type=lex["event_types"][sub],
        sub_event_type=sub,
        date=dm.date if dm else None,
        date_precision=(dm.precision if dm and dm.date else "unknown"),
        date_text=dm.text if dm else None,
        location=Location.from_place(place, precision) if place else None,
        actor1=actor1, actor2=actor2, weapons=weapons, quantity=quantity, outcome=outcome,
        fatalities=killed, injured=injured, status=status, attribution=attributions,
        evidence=[e for m in c.mentions for e in m.evidence], kind=kind,
    )


def _same_actor(a: str | None, b: str | None) -> bool:
    """"police" and "Haitian police", "the army" and "army": one actor told two ways."""
    if not a or not b:
        return False
    wa = set(re.findall(r"[a-z]+", a.lower())) - {"the", "a", "an"}
    wb = set(re.findall(r"[a-z]+", b.lower())) - {"the", "a", "an"}
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _sides(c: _Cluster) -> tuple[str | None, str | None]:
    """The incident's two sides, never one actor on both.

    "Gang leader killed by police ... killed in a gun battle with police": the headline makes the police the
    perpetrator and the story's first sentence their opponent; an actor told as the perpetrator keeps that
    side and the other side goes to another actor or to none. When an actor is the victim of the mention that
    gives the toll ("two police officers were killed by gang members") and another actor is named as
    perpetrator, the victim is the second side ("police killed by gangs": gang, then police)."""
    actor1 = c.actor1
    if actor1 is not None:
        # the perpetrator is also the victim the toll is told of: the actor named as perpetrator with that toll
        # takes the first side
        victim = any(_same_actor(m.actor2, actor1) and (m.killed or m.injured) for m in c.mentions)
        rival = next((m.actor1 for m in c.mentions if m.actor1 and not _same_actor(m.actor1, actor1) and (m.killed or m.injured)), None)
        if victim and rival is not None and not any(_same_actor(m.actor1, actor1) and (m.killed or m.injured) for m in c.mentions):
            return rival, actor1
    others = [m.actor2 for m in c.mentions if m.actor2 and not _same_actor(m.actor2, actor1)]
    return actor1, (others[0] if others else None)


def _pick_figure(values: list[tuple[int | None, bool, bool, bool]]) -> int | None:
    """A report's figure for an incident: an update ("rose to 31") wins, else the first figure given.

    Each value is (figure, told as an update, told of several acts, told as added to earlier figures). A figure
    told of several acts ("kill at least 31 across northern Nigeria", "killed 11 in two separate engagements")
    gives way to one told of this incident alone; a denial of casualties ("it appears there are no
    casualties") to a figure reported; figures told as added ("Her driver was also killed", "Three other
    people were killed") are added to the first figure."""
    updates = [v for v, upd, _, _ in values if v is not None and upd]
    if updates:
        return max(updates)
    given = [(i, v, total, added) for i, (v, _, total, added) in enumerate(values) if v is not None]
    if given and given[0][1] == 0 and any(g[1] for g in given):
        given = [g for g in given if g[1]]
    own = [g for g in given if not g[2]] or given
    if not own:
        return None
    base = next((g for g in own if not g[3]), own[0])
    return base[1] + sum(g[1] for g in own if g[3] and g[0] > base[0])
