"""Aggregate count claims: numbers that total many incidents.

"at least 118 attacks since October 17", "the 144th attack", "more than 70 US troops injured",
and breakdowns ("14 in Iraq and 9 in Syria") as claims of their own. A single incident's own toll
("the blast killed five") is not a claim: the event extractor reads it.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from tallylog import rxcache as rx
from tallylog.extract.attribution import SentenceAttribution, attribute
from tallylog.extract.context import DocContext, alternation, compiled
from tallylog.extract.lexicon import load
from tallylog.extract.numbers import CARDINAL, ORDINAL, has_number, parse_cardinal, parse_ordinal
from tallylog.extract.sentences import Sentence
from tallylog.model import CLAIM_UNITS, Claim, DateMention, Location, PlaceMention, Span
from tallylog.prefilter import Gate, gate, word_windows


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = load("claims")
    quals = []
    for q, words in lex["qualifiers"].items():
        quals.extend(words)
    qual = alternation(quals)
    people = alternation(lex["nouns_of_people"] + lex["tally_people"])
    attacks = alternation(lex["units"]["attacks"])
    killed = alternation(lex["units"]["killed"])
    injured = alternation(lex["units"]["injured"])
    abducted = alternation(lex["units"]["abducted"])
    num = rf"(?P<num>{CARDINAL})"
    modifier_heads = alternation(lex["unit_modifier_heads"])
    objects = alternation(lex["object_targets"])
    receiving = alternation(lex["receiving_verbs"])
    kill_mil = alternation(lex["kill_verbs_military"])
    q = rf"(?:(?P<qual>{qual})\s+)?"
    verb_nouns = alternation([w for words in lex["verb_nouns"].values() for w in words])
    casualty = r"killed|injured|wounded|hurt|abducted|kidnapped|maimed"
    superseded = alternation(lex["superseded_markers"])
    estimates = alternation(lex["estimate_nouns"])
    adjectives = alternation(lex["unit_adjectives"])
    mod = r"(?:(?:" + adjectives + r"|more|additional|other|separate|different|distinct|individual|confirmed|reported|known|recorded|such|total|major|large-scale|big|new|latest|suspected|coordinated|(?-i:[A-Z][\w.-]*)|\w+-\w+|drone|rocket|missile|mortar|militia|terror(?:ist)?|deadly|cross-border|hostile|enemy|rounds? of|waves? of)\s+){0,3}"
    list_units = alternation(lex["units"]["attacks"] + lex["units"]["killed"] + lex["units"]["injured"]
                             + lex["units"]["abducted"] + ["wounded", "injured"])
    list_item = rf"(?:(?:{qual})\s+)?(?:{CARDINAL})\s+(?:[\w-]+\s+)?(?:{list_units})\b"
    return {
        # (a figure-led entry of a column, "11 - Attacks on energy infrastructure since Oct. 1", too)
        "attacks": rx.compile(rf"\b{q}{num}\s+(?:[-–—]\s+(?={mod}(?:attacks?|strikes?|raids?|incidents?|assaults?|operations?)\b))?{mod}(?P<unit>{attacks})\b(?!\s*(?:ago|a\b|per\b))(?!\s+(?:{modifier_heads})\b)", re.I),
        # "the 144th attack", "at least the fifth major assault", "its 125th operation"
        "ordinal": rx.compile(rf"\b{q}(?:the|its|their|his|her)\s+(?P<ord>{ORDINAL})\s+{mod}(?P<unit>attack|strike|operation|raid|assault|incident|bombing|abduction|kidnapping|massacre|{_ORDINAL_ACTS})\b(?!\s+(?:{modifier_heads})\b)", re.I),
        # "the 27th police officer slain in Sinaloa this year": an ordinal counting the dead (or abducted) of a period
        "ordinal_people": rx.compile(rf"\b{q}(?:the|its|their)\s+(?P<ord>{ORDINAL})\s+(?:[\w-]+\s+)?(?:{alternation(lex['singular_people'])})\s+(?:(?:to\s+)?(?:have\s+been|be|been|was|is)\s+)?(?P<unit>{alternation(lex['ordinal_people_verbs'])})\b", re.I),
        # "Kidnappers seized at least 2,350 people in ...": people taken captive, counted by a verb of seizing
        "seized_people": rx.compile(rf"\b(?P<unit>{alternation(lex['abduction_verbs'])})\s+{q}{num}\s+(?:[\w-]+\s+){{0,2}}?(?:{alternation(lex['captive_nouns'])})\b", re.I),
        # "Nearly half of them, 174, were killed in Gaza": a part of the count told just before, after its fraction
        "fraction_part": rx.compile(rf"\b(?:{alternation(lex['fraction_parts'])})\s+of\s+(?:them|those|these|the\s+(?:dead|victims|total))\s*,\s*{q}{num}\s*,\s+(?:were|was|had\s+been|have\s+been|died)\s*(?P<unit>killed|injured|wounded|abducted|kidnapped|)\b", re.I),
        # "It was the ninth time the hospital had been hit since May 2024": attacks on one target, counted
        "ordinal_time": rx.compile(rf"\b{q}(?:the|its)\s+(?P<ord>{ORDINAL})\s+time\s+(?:(?:this|last)\s+(?:week|month|year)\s+)?(?:that\s+)?(?:[\w'’.-]+\s+){{0,6}}?"
                                   rf"(?:had|has|have|was|were)\s+(?:been\s+)?(?:hit|struck|attacked|targeted|shelled|bombed|raided|rammed|vandali[sz]ed|fired\s+(?:at|on|upon))\b(?!\s+out\b)", re.I),
        # "The raid was the third in Jenin this month": the unit named by the subject
        # (also "The attack on Tuesday was the fourth", "The attack in Kulachi was the fifth")
        "ordinal_subject": rx.compile(rf"\b(?:attack|strike|operation|raid|assault|incident|bombing|ambush|killing)(?:\s+(?:on|in|at|near)(?:\s+[\w'’-]+){{1,3}}?)?\s+(?:was|is|marked|became|had been)\s+{q}(?:the|its|their)\s+(?P<ord>{ORDINAL})\b(?!\s+{mod}(?:attack|strike|operation|raid|assault|incident|bombing|abduction|kidnapping|massacre|{_ORDINAL_ACTS}|time|day|week|month|year|anniversary)s?\b)", re.I),
        # "..., and the 11th on power infrastructure": a further ordinal sharing the unit of the one before
        "ordinal_more": rx.compile(rf"^[^.;]{{0,80}}?,?\s+and\s+{q}(?:the|its|their)\s+(?P<ord>{ORDINAL})\b(?!\s+{mod}(?:time|day|week|month|year|anniversary)s?\b)", re.I),
        # "attacked more than 100 merchant vessels since November 2023": attacks counted by their targets
        "objects": rx.compile(rf"\b(?:attacked|targeted|struck|hit|raided|shelled)\s+{q}{num}\s+(?:[\w-]+\s+){{0,2}}?(?P<unit>{objects})\b", re.I),
        # "at least 12 health facilities had been attacked this year": attacks counted by their targets, passive
        "objects_passive": rx.compile(rf"\b{q}{num}\s+(?:[\w-]+\s+){{0,2}}?(?P<unit>{objects})\b[^.;]{{0,60}}?\b(?:had|have|has)\s+(?:now\s+)?been\s+(?:{alternation(lex['passive_attack_verbs'])})\b", re.I),
        # "1,674 civilians were killed or injured": the dead and the wounded in one figure
        "either": rx.compile(rf"\s+(?:{alternation(lex['either_casualties'])})\b", re.I),
        # "up from 61 the previous year": the period before the base count's
        "previous_period": rx.compile(rf"\s+(?:(?P<year>{alternation(lex['previous_periods']['year'])})|(?P<month>{alternation(lex['previous_periods']['month'])}))\b", re.I),
        "one_target": rx.compile(rf"\b(?:{alternation(lex['single_target_verbs'])})\s+(?:a|an|the|its|one)\s+(?!(?:series|string|wave|number|spate)\b)", re.I),
        "one_town": rx.compile(r"^[^.;]{0,40}?\bin\s+the\s+(?:town|village|city|hamlet|settlement)\s+of\s+(?-i:[A-Z])", re.I),
        # "We have received more than 600 wounded": casualties as a bare noun after a verb of counting
        "received": rx.compile(rf"\b(?:{receiving})\s+{q}{num}\s+(?:more\s+)?(?P<unit>{alternation([w for ws in lex['received_nouns'].values() for w in ws])})\b", re.I),
        # "In my parish alone we have buried 19 people since October": the dead counted by their burials
        "buried": rx.compile(rf"\bburied\s+{q}{num}\s+(?:[\w-]+\s+){{0,2}}?(?P<unit>{people})\b", re.I),
        # "312 killed and 718 wounded": the first of a bare pair (the second is "and_bare")
        "bare_pair": rx.compile(rf"\b{q}{num}\s+(?P<unit>killed|dead)\s+and\s+(?=(?:{qual}\s+)?(?:{CARDINAL})\s+(?:wounded|injured)\b)", re.I),
        # "brings to 64 the number of U.S. air strikes": the total raised by the latest one
        "brings_to": rx.compile(rf"\b(?:brings?|brought|bringing|raises?|raised|raising|takes?|took|taking|pushe[sd]|pushing)\s+to\s+{q}{num}\s+the\s+(?:total\s+)?(?:number|tally|count|toll)\s+of\s+(?:[\w.-]+\s+){{0,6}}?(?P<unit>{attacks}|deaths|dead|killed|wounded|injured)\b", re.I),
        # "..., and wounded more than 1,100": a second casualty verb sharing the count's subject and period
        "and_verb": rx.compile(rf"^[^.;]{{0,120}}?(?:,\s*|\s+)and\s+(?:(?:has|have|had)\s+)?(?P<unit>wounded|injured|abducted|kidnapped)\s+{q}{num}\b(?!\s*(?:%|percent|per cent))", re.I),
        # "..., and 419 injured", "and 23 abducted": the wounded or abducted of the count of the dead before (a
        # qualifier of the dead is theirs alone: "At least 31 people were killed and 23 abducted")
        "and_bare_wounded": rx.compile(rf"^[^.;\d]{{0,80}}?(?:,\s*|\s+)and\s+{q}{num}\s+(?:(?:more|others?|people|{people})\s+)?(?:(?:were|have\s+been|had\s+been)\s+)?(?P<unit>injured|wounded|abducted|kidnapped)\b(?!\s+(?:at\s+least|more\s+than|nearly|about|some|over|\d))", re.I),
        # "..., and the number wounded to 891": a second running count brought to a new figure by the same verb
        "and_count_to": rx.compile(rf"^[^.;\d]{{0,40}}?(?:,\s*|\s+)and\s+(?:the|its|their)\s+(?:number|toll|count|total|tally)\s+(?:of\s+)?(?P<what>[\w\s-]{{1,40}}?)\s+to\s+{q}{num}\b", re.I),
        # "706 people abducted, followed by Kaduna with 541": a count that leads places ranked by it
        "followed_by": rx.compile(rf"[^.;]{{0,60}}?,\s+followed\s+by\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){{0,3}}\s+(?:with|at|on)\s+{q}{num}\b", re.I),
        # "Another 2,140 people were wounded.": a count going on with the one told just before
        "another_lead": rx.compile(r"^\W*(?:Another|A\s+further|An\s+additional)\s+(?=\d|[a-z])"),
        # "up from 856 in 2024", "and another 600 in April alone": the same unit over another period
        "compare": rx.compile(rf"^[^.;]{{0,100}}?(?:,\s*|\s+)(?:{alternation(lex['comparisons'])})\s+{q}{num}\b(?=\s+(?:in|during|over|for|the|a|last|this|between|since)\b)", re.I),
        # "gangs had attacked or occupied more than a hundred schools", "11 schools have been damaged or destroyed"
        "schools": rx.compile(rf"\b(?:{alternation(lex['school_verbs'])})\s+(?:(?:or|and)\s+(?:{alternation(lex['school_verbs'])})\s+)?{q}{num}\s+(?:[\w-]+\s+){{0,2}}?(?P<unit>schools)\b", re.I),
        "schools_passive": rx.compile(rf"\b{q}{num}\s+(?:[\w-]+\s+){{0,2}}?(?P<unit>schools)\s+(?:had|have|has)\s+(?:now\s+)?been\s+(?:{alternation(lex['school_verbs'])})\b", re.I),
        # "killed in violence during local council elections": a toll over an event of many incidents
        "violence_during": rx.compile(rf"\b(?:violence|unrest|clashes)\s+(?:during|around|surrounding|over|linked\s+to|ahead\s+of)\s+(?:the\s+)?(?:{alternation(lex['event_periods'])})\b", re.I),
        # "carried out 117 attacks on 34 settlements", "struck 27 settlements": the places a day's attacks hit
        "settlements": rx.compile(rf"\b(?:on|shelled|struck|hit|attacked|targeted)\s+{q}{num}\s+(?:[\w-]+\s+)?(?P<unit>{alternation(lex['settlement_nouns'])})\b", re.I),
        # "A count kept by the Institute for the Study of War, which includes attacks ..., stood at 186 on Monday"
        "kept_count": rx.compile(rf"\b(?P<noun>count|tally|total)\s+(?:kept|compiled|maintained|put\s+together)\s+by\s+(?P<what>[^.;]{{1,160}}?),?\s+(?:stood|stands|was)\s+at\s+{q}{num}\b", re.I),
        # "Khyber Pakhtunkhwa accounted for 862 of them": a part of the attacks counted just before
        "share_of_them": rx.compile(rf"\b(?:accounted|accounts|account)\s+for\s+{q}{num}\s+of\s+(?P<unit>them|those|these)\b", re.I),
        # "In 2024 it was 196.": the count told just before, for another year
        # (or a month: "In June, it had counted 29.")
        "it_was": rx.compile(rf"^\W*(?:In\s+(?:(?:19|20)\d\d|{alternation(lex['series_periods'][:2])})|Last\s+(?:year|month)|The\s+(?:year|month)\s+before)\s*,?\s+(?:it|they|the\s+(?:figure|number|total|count|tally|group|monitor))\s+(?:was|stood\s+at|reached|(?:had\s+)?(?:{alternation(lex['counting_verbs'])}))\s+{q}{num}\s*[.;]?\s*$"),
        # "The Allied Democratic Forces ... were blamed for 398.": a further share of the tally told just before
        "bare_share": rx.compile(rf"\b(?:{alternation(lex['share_verbs'])})\s+{q}{num}\s*[.;]?\s*$", re.I),
        # "Civilians made up 2,310 of the dead in Burkina Faso": a part of the dead or wounded counted before
        "made_up_of": rx.compile(rf"\b(?:made\s+up|make\s+up|accounted\s+for|account\s+for)\s+{q}{num}\s+of\s+the\s+(?P<unit>dead|deaths|killed|fatalities|wounded|injured)\b", re.I),
        # "- Kebbi: 139": a line of a list of bare figures under a lead-in that names what they count
        "bare_list_line": rx.compile(rf"^\s*[-•*–—]\s*(?P<label>(?-i:[A-Z])[^:\n\d]{{0,60}}?):\s+{q}{num}\s*[.;]?\s*$", re.I),
        # "Of these, 41 were improvised explosive device attacks": a part of the total told before, named after it
        "were_attacks": rx.compile(rf"\b{q}{num}\s+(?:were|was)\s+(?:[\w-]+\s+){{0,4}}?(?P<unit>attacks|strikes|raids|bombings|ambushes|assaults)\b", re.I),
        # "which the office held responsible for 641 deaths": a share of a tally
        "share": rx.compile(rf"\b(?:{alternation(lex['share_verbs'])})\s+{q}{num}\b", re.I),
        # "... had been killed before this week, ..., bringing the total to 12": read after a count, a figure superseded
        "prior_figure": rx.compile(rf"[^.;]{{0,80}}?(?:{alternation(lex['prior_figure_markers'])})[^.;]*\b(?:bringing|brought|raising|taking)\b", re.I),
        # "Khyber Pakhtunkhwa accounted for 734 of the attacks": a part of a total told before
        "of_the_attacks": rx.compile(rf"\b{q}{num}\s+of\s+(?:the|those|these|them|all)\s+(?:[\w-]+\s+)?(?P<unit>attacks|strikes|raids|incidents|operations|assaults|bombings)\b", re.I),
        # "..., and Baluchistan for 381": the same verb gapped, a place and its figure
        "gapped": rx.compile(rf"^[^.;]{{0,40}}?,?\s+and\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})(?:,\s+(?:{alternation(lex['aside_openers'])})\b[^,;.]{{1,80}},)?\s+for\s+{q}{num}\b"),
        # "- Zamfara: 214 attacks, 702 killed": a line of a list breaking a total down by place
        "list_line": rx.compile(rf"^\s*(?:[-•*–—]\s*)?(?P<label>(?-i:[A-Z])[^:\n\d]{{0,60}}?):\s+(?P<items>{list_item}(?:\s*(?:,|;|\band\b)\s*{list_item})*)\s*[.;]?\s*$", re.I),
        "list_item": rx.compile(rf"{q}{num}\s+(?:[\w-]+\s+)?(?P<unit>{list_units})\b", re.I),
        # "bringing its count of Russian losses since the invasion to 1,093,420": a running count's new figure
        "count_to": rx.compile(rf"\b(?:bringing|brought|brings?|raising|raised|raises?|taking|took|takes?|pushing|pushed|pushes)\s+(?:the|its|their|his|her)\s+(?:overall\s+|total\s+|cumulative\s+|running\s+)?(?P<noun>total|tally|count|toll|number|figure)\s+(?:of\s+(?P<what>[^.;]{{1,80}}?)\s+)?to\s+{q}{num}\b", re.I),
        "count_nouns": {u: rx.compile(rf"\b(?:{alternation(ws)})\b", re.I) for u, ws in lex["count_nouns"].items()},
        # "97 of the civilians were children and 61 were women", "11 of those were in Darfur": parts of a count told before
        "part_before": rx.compile(rf"\b{q}{num}\s+of\s+(?:the|those|these|them)\b(?:\s+(?:[\w-]+\s+)?(?P<noun>{people}|dead|victims|killed|wounded|injured|{attacks}|{objects}))?\s+(?:were|was|had been|have been|took place|occurred|happened)\s+(?P<what>[\w-]+)", re.I),
        "part_more": rx.compile(rf"[^,;.]{{0,50}}?(?:,\s*|\s+and\s+)(?!the\s+rest\b){q}{num}\s+(?:were|was|in)\b", re.I),
        # "militant attacks ... rose 37% in July compared with June, to 82": a count told by its change
        # (also "the number of citizens killed by occupation gunfire and settler attacks": the dead, not the attacks)
        "toll_of_acts": rx.compile(r"\b(?:(?:death|casualty)\s+toll\s+(?:from|of|in)|number\s+of\s+(?:[\w-]+\s+){0,3}?(?:killed|dead|wounded|injured)\s+(?:by|in))\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$", re.I),
        "change_to": rx.compile(rf"\b(?P<unit>attacks|strikes|raids|incidents|assaults|bombings|events|{alternation(lex['tally_nouns'])})\s+(?:[\w,%-]+\s+){{0,8}}?(?:{alternation(lex['change_verbs'])})\b[^.;]{{0,60}}?\bto\s+{q}{num}\b(?!\s*(?:%|percent|per cent))", re.I),
        "it_said": rx.compile(rf"\s*(?:It|They|The\s+(?:{alternation(load('attribution')['organisation_anaphors'])}))\s+(?:also\s+|later\s+)?(?:said|says|added|reported)\b"),
        # "Sudan was second with 60, followed by South Sudan with 25": places ranked by their share of a count
        "ranked": rx.compile(rf"(?:^|,\s+|\band\s+|\bby\s+)(?:the\s+)?(?P<place>(?-i:[A-Z])[\w'’-]+(?:\s+(?:of\s+(?:the\s+)?)?(?-i:[A-Z])[\w'’-]+){{0,3}})\s+(?:(?:was|came|ranked|stood)\s+[a-z]+\s+)?with\s+{q}{num}\b(?!\s*(?:%|percent|per cent)|\s+[a-z]+\s+(?:of|in)\b)", re.I),
        # "Mandera County recorded 29 attacks, Garissa 19, Lamu 16 and Wajir 10": places and their figures in a
        # row, the unit and the verb left out (the first may follow the count's own clause)
        "gapped_bare": rx.compile(rf"^(?:[^.;\d]{{0,80}}?,|\s*(?:,\s*)?and)\s+(?P<place>(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){{0,2}})\s+{q}{num}(?=\s*(?:[.;]|,(?!\d)|\band\b|$))", re.I),
        # "38 attacks in July, 51 in August and 64 in September": the same count over the next periods of a row
        "series": rx.compile(rf"^[^.;\d]{{0,100}}?(?:,\s*(?:and\s+)?|\s+and\s+){q}{num}(?=\s+in\s+(?:{alternation(lex['series_periods'])}))"),
        # "..., while in Niger it counted 96": the same count gapped, for another place
        "gapped_in": rx.compile(rf"[^.;]{{0,80}}?,?\s+(?:while|and|whereas)\s+in\s+(?:the\s+)?(?P<place>(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){{0,3}})\s*,?\s+(?:(?:it|they|the\s+[a-z]+)\s+)?(?:{alternation(lex['counting_verbs'])}|saw|had)?\s*{q}{num}\b(?!\s+(?:[a-z]|%))", re.I),
        "qual_words": qual,
        "worldwide": rx.compile(alternation(lex["worldwide_markers"]), re.I),
        # "An earlier version of this story said 30 people had been wounded": a withdrawn figure
        "correction": rx.compile(alternation(lex["correction_markers"]), re.I),
        "object_noun": rx.compile(objects, re.I),
        # a cheap gate for "part_before": a number right before "of the/those/these/them"
        "part_gate": rx.compile(rf"(?:\d|\b(?:{alternation([w for w in load('numbers')['cardinals'] if ' ' not in w])}))[\w,]*\s+of\s+(?:the|those|these|them)\b", re.I),
        # "attacks on health care have killed nearly 1,000 since the war began": a bare count before its period
        "killed_bare": rx.compile(rf"\b(?:have|has|had)\s+(?P<unit>killed|wounded|injured)\s+{q}{num}\s+(?=since\b|so\s+far\b|this\s+year\b|in\s+the\s+(?:past|last)\b)", re.I),
        "counting_before": rx.compile(rf"\b(?:{alternation(lex['counting_verbs'])})\s+(?:(?:{qual})\s+)?$", re.I),
        "long_period": rx.compile(alternation(lex["long_periods"]), re.I),
        "single_marker": rx.compile(alternation(lex["single_incident_markers"]), re.I),
        "single_wide": rx.compile(rf"\b(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){{0,4}}?(?:{alternation(lex['incident_nouns'])})\b(?!s)", re.I),
        "relative_open": rx.compile(r"\s*(?:(?:in|during|at|from|by)\s+which|when|where|that|who)\b", re.I),
        "in_the_series": rx.compile(rf"^[^,;]{{0,60}}?\bin\s+the\s+(?:[\w-]+\s+)?(?:{alternation(lex['series_nouns'])})\b", re.I),
        "in_the_attacks": rx.compile(r"^[^,;]{0,60}?\bin\s+the\s+(?:[\w-]+\s+)?(?:attacks|strikes|raids)\b", re.I),
        # "Of those, ...", "These include 141 attacks on hospitals": parts of the count told just before
        "of_those_lead": rx.compile(r"^\s*(?:(?:Of|Among)\s+(?:those|these|them|the total|that total|that number|this number)\s*,|(?:These|Those|They)\s+(?:include|included|comprise|comprised)\b)", re.I),
        "recent": [rx.compile(x.replace("{CARDINAL}", CARDINAL), re.I) for x in lex["recent_periods"]],
        "year_parts": [rx.compile(x.replace("{CARDINAL}", CARDINAL), re.I) for x in lex["year_parts"]],
        "year_start": rx.compile(alternation(lex["year_start_phrases"]), re.I),
        "same_period": rx.compile(alternation(lex["same_period_phrases"]), re.I),
        "passing": rx.compile(rf"\b(?:{alternation(lex['passing_verbs'])})\s+$", re.I),
        "since_in": rx.compile(r"\bsince\s+(?P<clause>[^,.;:]{1,80}?\b(?:in|on|of)\s+(?:(?:early|mid|late|the (?:start|beginning|end) of)[-\s]+)?)$", re.I),
        "times_context": rx.compile(rf"\b(?:{alternation(lex['times_context'])})", re.I),
        "people_killed": rx.compile(
            rf"\b{q}{num}\s+(?:[\w.-]+\s+){{0,3}}?(?:{people})(?:\s+and\s+(?:[\w.-]+\s+){{0,3}}?(?:{people}))?\s+(?:(?:from|of|in|with|among)\s+(?:[\w-]+\s+){{0,3}}?)?(?:(?:have|had|has)\s+)?(?:been\s+|were\s+|was\s+)?(?:reportedly\s+|reported\s+|now\s+)?(?P<unit>{killed}|{injured}|{abducted})\b", re.I),
        "killed_people": rx.compile(
            rf"\b(?P<unit>killed|killing|wounded|wounding|injured|injuring|abducted|kidnapped|{kill_mil}|{alternation(lex['loss_verbs'])})[\"”]?\s+(?P<oq>[\"“])?{q}{num}(?:\s+(?:and|to)\s+(?:{CARDINAL}))?(?(oq)[\"”])\s+(?:[\w.-]+\s+){{0,3}}?(?:{people})\b", re.I),
        "bare_people": rx.compile(rf"\b{q}{num}\s+(?:[\w.-]+\s+){{0,2}}?(?:{people})\s*,\s*(?:including|among them|most of them|many of them)[^,]{{1,50}},\s*(?:were|have been|had been|has been)\s+(?P<unit>killed|injured|wounded)\b", re.I),
        "and_bare": rx.compile(rf"(?:(?<=killed and )|(?<=dead and )){q}{num}\s+(?P<unit>wounded|injured)\b", re.I),
        "had_been": rx.compile(rf"\b{q}{num}\s+(?:had|have|has)\s+(?:now\s+)?been\s+(?P<unit>killed|injured|wounded|abducted|kidnapped)\b", re.I),
        # "some 130 more were mutilated, injured and ...": a participle list ending in (or led by) the unit
        "verb_list": rx.compile(
            rf"\b(?i:{q}{num})\s+(?:more\s+|others?\s+)?(?:were|was|had been|have been|has been)\s+(?:(?:[a-z]+(?:ed|en|t))\s*(?:,|\band\b|\bor\b)\s*(?:and\s+|or\s+)?){{0,3}}(?P<unit>{casualty})\b"),
        # "the slaying of seven more demonstrators": the casualty named as a noun
        "verb_noun": rx.compile(
            rf"\b(?P<unit>{verb_nouns})\s+of\s+{q}{num}\s+(?:more\s+)?(?:[\w-]+\s+){{0,2}}?(?:{people})\b", re.I),
        # "..., 258 of them civilians": a part of the count just before it
        "of_them": rx.compile(
            rf"\s*(?:,|;|\(|--?|—)\s*(?:and\s+|including\s+)?{q}{num}\s+of\s+(?:{alternation(lex['part_pronouns'])})\b", re.I),
        # "..., including 612 members of the security forces": a part of the count just before it
        "including": rx.compile(
            rf"\s*,\s*(?:including|among them|(?:most|many|some|mainly|mostly)\s+(?:of\s+(?:them|whom)\s+)?[\w-]+\s+(?:but|and)\s+(?:also\s+)?(?:including\s+)?)\s*{q}{num}\s+(?:[\w.-]+\s+){{0,3}}?(?:{people})\b(?!\s+(?:were|was|are|is|have|has|had|{casualty})\b)", re.I),
        # "..., along with 563 security personnel": a second count sharing the verb and the period
        "coordinated": rx.compile(
            rf"\s*,?\s*(?:{alternation(lex['coordinators'])})\s+{q}{num}\s+(?:[\w.-]+\s+){{0,3}}?(?:{people})\b(?!\s+(?:were|was|are|is|have|has|had|{casualty})\b)", re.I),
        # "Of the 130 injured, 77 were women or children": a part of an earlier count
        "of_the": rx.compile(
            rf"\b[Oo]f\s+(?:the|those|these)\s+(?P<whole>{CARDINAL})\s+(?:[\w-]+\s+){{0,2}}?(?P<wunit>killed|dead|injured|wounded|abducted|kidnapped|hostages|casualties)(?:\s+(?:in|during|since|over)\s+[^,;.]{{1,30}})?\s*,\s*{q}{num}\s+(?:were|was|are|had|have|died)\b", re.I),
        "superseded_near": rx.compile(rf"\b(?:{superseded})\s+(?:[\w-]+\s+)?(?:{estimates})\b[^.;]{{0,60}}$", re.I),
        "superseded": rx.compile(rf"\b(?:{superseded})\s+(?:[\w-]+\s+)?(?:{estimates})\b[^.;]{{0,30}}$", re.I),
        "cumulative": compiled("claims", "cumulative_markers"),
        "plural_strikes": rx.compile(r"\b(?:attacks|strikes|airstrikes|air strikes|raids|bombings|facilities|targets|sites)\b", re.I),
        "clause_cut": rx.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+"),
        "anaphoric_attacks": rx.compile(r"\b(?:the|these|those|such)\s+(?:[\w-]+\s+)?(?:attacks|strikes|incidents|raids)\b", re.I),
        "own_place": rx.compile(r"[^.;\d]{0,40}?\bin\s+(?:the\s+)?(?=[A-Z])"),
        "speech_date": rx.compile(rf"\b{load('events')['speech_before_date']}", re.I),
        "speech_after": rx.compile(r"(?:\s+(?:night|morning|evening|afternoon))?,\s+(?:[\w.'’-]+\s+){1,6}?(?:said|says|told|announced|reported|confirmed)\b"),
        "day_scope": compiled("claims", "day_scope_markers"),
        "last_n": rx.compile(rf"\b(?:in|over|during|within|for)\s+the\s+(?:last|past|previous)\s+(?P<n>{CARDINAL})\s+(?P<u>days|weeks|months|years)\b", re.I),
        "end_of": rx.compile(r"\bby\s+the\s+end\s+of\s+$", re.I),
        "since_clause": rx.compile(r"\bsince\b(?P<clause>[^;:]*)$", re.I),
        "finite_verb": rx.compile(r"\b(?:\w+ed|began|struck|hit|took|broke|fought|led|shot|blew|set)\b", re.I),
        "deaths": rx.compile(rf"\b{q}{num}\s+(?:[\w.-]+\s+){{0,2}}?(?P<unit>{alternation(lex['tally_nouns'])})\b", re.I),
        "total_to": rx.compile(rf"\b(?:total|tally|count|number)\s+(?:number\s+)?of\s+(?P<unit>{attacks}|(?:homicide|murder)\s+victims|(?:[\w-]+\s+){{0,2}}?(?:deaths|casualties|injuries|dead|killed|wounded|injured|killings|homicides))\b(?:[^.;]|\.(?=\s*\d)){{0,120}}?\b(?:to|at|of(?!\s+(?:19|20)\d\d\b)|reached|reaching|stands at|stood at|now stands at|past|{alternation(lex['passing_verbs'])})\s+{q}{num}\b", re.I),
        "toll": rx.compile(rf"\b(?:death|casualty)\s+toll\b[^.;]{{0,100}}?\b(?:to|at|of|reached|hit|passed|exceeded)\s+{q}{num}\b", re.I),
        "breakdown": rx.compile(rf"\b(?P<num>{CARDINAL}|once|twice)\s+(?:(?:times|attacks?|strikes?|of them|of those)\s+)?in\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", 0),
        "period": compiled("claims", "period_markers"),
        "war": rx.compile(r"\b(?:war|conflict|insurgency|civil war|genocide|fighting|violence|campaign|uprising|offensive)\b[^.;]{0,60}\b(?:killed|left|claimed|wounded|injured|dead|deaths|lives)\b|\b(?:killed|dead|deaths)\b[^.;]{0,40}\b(?:in|during|since) the (?:\w+ )?(?:war|conflict|insurgency|fighting|violence|(?:ground|military)\s+(?:operation|offensive|campaign))\b", re.I),
        "year_scope": rx.compile(rf"\b(?:in|during|throughout|over|across) (?:19|20)\d\d\b|\b(?:19|20)\d\d (?:was|has been|had been|became) (?:the|its) (?:\w+ )?(?:deadliest|bloodiest|most violent|worst) year\b|\b(?:19|20)\d\d,\s+when\b|\b(?:last|this|past) (?:year|month)\b|\bin the (?:past|last) (?:\w+ )?(?:years?|months?|weeks?)\b|\bin (?:\w+ )?(?:days|weeks|months|years) of\b|\b(?:in|over|within) (?:the (?:past|last) )?(?:{CARDINAL}) (?:days|weeks|months|years)\b(?! (?:ago|later|before|after|time))", re.I),
        "violence": rx.compile(r"\b(?:attack\w*|war|conflict|fight\w*|violence|violent|insurg\w*|militant\w*|terror\w*|bomb\w*|blast\w*|explos\w*|shell\w*|strike\w*|airstrike\w*|drone\w*|rocket\w*|missile\w*|gun\w*|shot|shooting|clash\w*|troops|soldiers|forces|militia\w*|rebel\w*|armed|massacre\w*|killings?|homicides?|murders?|kidnap\w*|abduct\w*|hostages?|siege|raid\w*|operation\w*|security personnel|combat\w*|protest\w*|demonstrat\w*|unrest|riot\w*|crackdown)\b", re.I),
        "weapon_fire_left": rx.compile(rf"(?:\b(?-i:[A-Z][\w-]+)|\b(?:{alternation(lex['weapon_fire_modifiers'])}))\s+$", re.I),
        "series_member": rx.compile(rf"\b(?:{alternation(lex['series_members'])})\s+$", re.I),
        "not_violence": rx.compile(r"\b(?:(?i:virus|coronavirus|covid|pandemic|disease|cholera|measles|mpox|malaria|dengue|diphtheria|outbreak)|infect\w*|flood\w*|(?i:(?:heavy|torrential|monsoon|seasonal)\s+rains?|downpours?|swollen|landslides?|mudslides?|drought|lightning|drown\w*|stampedes?)|earthquake|cyclone|storm|hurricane|fires?\b(?! at)|crash(?:es|ed)?|accident\w*|heat ?wave|famine|hunger|overdose\w*)\b"),
        # one act, or one agent of it ("a suicide bomber", "a gunman", "a car bomb"): that incident's toll
        "single_incident": rx.compile(r"\b(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?(?:attack|bombing|blast|explosion|strike|airstrike|ambush|raid|shooting|massacre|assault|hijacking|siege|bomber|gunman|car bomb|truck bomb|roadside bomb)\b(?!s)", re.I),
        "plural_attacks": rx.compile(r"\b(?:attacks|strikes|operations|raids|assaults)\b", re.I),
        "since": rx.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.I),
        "acting_country": rx.compile(rf"(?:(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?(?:{alternation(lex['acting_nouns'])})\b|\s+(?:has\s+|have\s+|had\s+)?(?:{alternation(lex['acting_verbs'])})\b)", re.I),
        "perfect": rx.compile(r"\b(?:has|have)\s+(?:now\s+|also\s+)?(?!been\b)[a-z]+(?:ed|en|t|ung|unk)\b"),
        "superlative_since": rx.compile(rf"\b(?:{alternation(lex['superlative_since'])})\b[^,;.]{{0,40}}\bsince\s+$", re.I),
        "since_start_of": rx.compile(r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|launch)\s+of\s+(?P<what>[^,.;]{3,60})", re.I),
        # "since the protests began in (mid-)September": the date that closes the clause is the period's start
        "since_began": rx.compile(rf"\bsince\s+(?P<clause>[^,.;:]{{1,80}}?\b(?:{alternation(lex['period_start_verbs'])})\s+(?:[^,.;:\d]{{1,80}}?\s+(?=(?:in|on|at|around|during|by)\s))?(?:(?:in|on|at|around|during|by)\s+)?(?:(?:early|mid|late|the (?:start|beginning|end) of)[-\s]+)?)$", re.I),
        "as_of": rx.compile(r"\b(?:as of|as at|by|through|until)\s+$", re.I),
        "us_target": compiled("actors", "us_targets", 0),
        "skip_left": rx.compile(r"(?:\$|€|£|aged?\s+|Tower\s+|No\.\s*|Resolution\s+|Article\s+|Operation\s+|[Pp]age\s+|[Rr]oute\s+|[Hh]ighway\s+|Flight\s+)$"),
        "skip_right": rx.compile(r"^\s*(?:%|percent|per cent|years?\b|year-old|-year|days? after|days? before|km|kilomet|miles?|meters|metres|feet|hours?\b|minutes?|a\.m|p\.m|GMT|am\b|pm\b|million\b(?! people)|billion|dollars|euros)", re.I),
    }


# Cheap gates, asked of the lower-cased sentence: a sentence with none of a gate's cues holds no count of its
# kind. Most cues are stems, each a substring test (far faster than one alternation tried at every character);
# the few that must stand as whole words, or after a digit, are a small pattern asked only when no stem is found.
# Either way the answer is the one the alternation of them all would give.
_CASUALTY_STEMS = ("kill", "dead", "death", "died", "fatal", "lives", "homicide", "bodies", "buried", "neutrali",
                   "eliminat", "injur", "wound", "hurt", "abduct", "kidnap", "hostage", "casualt", "toll", "slay",
                   "slain", "murder", "massacre", "seiz", "snatch", "captive", "martyr")
_CASUALTY_WORDS = rx.compile(r"\blost\b|\blosing\b")
_ATTACK_STEMS = ("attack", "operation", "strike", "raid", "incident", "assault", "times", "events", "bomb", "blast",
                 "explos", "school", "settlement", "accounted for", "first", "second", "third", "fourth", "fifth",
                 "sixth", "seventh", "eighth", "ninth", "tenth", "clash", "encounter", "shelling", "ambush", "skirmish",
                 "shooting", "firefight")
_ATTACK_WORDS = rx.compile(r"\d(?:st|nd|rd|th)\b|eth\b")  # "21st", "the twentieth"


def _has_cue(low: str, stems: tuple[str, ...], words: re.Pattern[str]) -> bool:
    """Whether the lower-cased sentence ``low`` holds one of ``stems`` or a match of ``words``."""
    return any(map(low.__contains__, stems)) or words.search(low) is not None


#: the count patterns, in the order they are tried on a sentence (earlier ones take their words first)
_COUNT_KEYS = ("ordinal", "ordinal_subject", "ordinal_time", "ordinal_people", "seized_people", "fraction_part", "total_to", "brings_to", "count_to", "kept_count", "change_to", "of_the_attacks", "attacks",
               "were_attacks", "objects", "objects_passive", "schools", "schools_passive", "settlements", "share_of_them",
               "people_killed", "bare_people", "bare_pair", "and_bare", "killed_people", "killed_bare", "received", "buried",
               "made_up_of", "had_been", "verb_list", "verb_noun", "deaths", "toll")


@lru_cache(maxsize=1)
def _count_gates() -> dict[str, Gate]:
    """Each count pattern with its gate (``prefilter``): tried only at words its matches can begin with."""
    return {key: gate(_patterns()[key]) for key in _COUNT_KEYS}


_ATTACK_KEYS = ("ordinal", "ordinal_subject", "ordinal_time", "attacks", "were_attacks", "objects", "objects_passive", "schools", "schools_passive",
                "settlements", "share_of_them", "of_the_attacks")
_ANY_GATE_KEYS = ("total_to", "brings_to", "count_to", "kept_count", "change_to")  # read whatever the sentence's gates say


_ORG_HEADS = frozenset(load("attribution")["organisation_heads"])


def _qualifier(word: str | None) -> str:
    if not word:
        return "exact"
    word = word.lower()
    for q, words in load("claims")["qualifiers"].items():
        if any(re.fullmatch(w, word) for w in words):
            return q
    return "exact"


#: "bringing the toll to three", "raising the death toll to 11": a toll, which may be one incident's
_ONE_TOLL = rx.compile(r"\w+\s+(?:the|its)\s+(?:death\s+)?toll\b", re.I)
#: acts told as the subject of a present perfect of killing: a toll over the period they run in
_ACTS_HAVE_KILLED = rx.compile(r"\b(?:the|these|those|such|its|their)\s+(?:[\w-]+\s+){0,2}?(?:attacks|strikes|raids|bombings|"
                               r"rockets|drones|clashes|assaults)\s+(?:have|has)\s+(?:now\s+|so far\s+)?(?:(?:killed|left|wounded|injured)\s+)?$", re.I)
#: a death toll of a people or a whole war ("the Palestinian death toll", "the overall death toll")
_NATIONAL_TOLL = rx.compile(r"\b(?:(?i:overall|total|cumulative|national)|(?-i:[A-Z][a-z]+(?:ian|ese|i|ish|an)))\s+(?:(?i:death|casualty)\s+)?(?i:toll)\b")
#: a sentence whose subject is a war ("The insurgency, which began in 2017 with an attack on ..., has killed")
_WAR_SUBJECT = rx.compile(r"\W*(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:war|conflict|insurgency|uprising|rebellion|crisis)\b", re.I)
#: a "since" after a count: the start of the period it runs over
_SINCE_AFTER = rx.compile(r"\bsince\b", re.I)
#: "claimed the lives of": a loss of lives, whatever word ends the phrase
_LIVES_OF = rx.compile(r"\blives\s+of$", re.I)
#: the low end of a range told before a count's number ("between 10,000 and 15,000")
_RANGE_LOW = rx.compile(rf"\bbetween\s+(?P<lo>{CARDINAL})\s+and\s+$", re.I)
#: a relative clause opening on the acts just counted ("..., in which", "during which")
_IN_WHICH = rx.compile(r"\b(?:in|during|from)\s+which\s*[,\s]*$", re.I)
#: more acts an ordinal counts as attacks ("the seventh targeted killing", "the sixth deadly clash", "the third
#: ceasefire violation"): the noun keeps the kind
_ORDINAL_ACTS = (r"killing|murder|assassination|homicide|clash|encounter|ambush|shooting|shelling|blast|explosion|aggression|"
                 r"(?:ceasefire|truce)\s+violation|outbreak\s+of\s+(?:fighting|clashes|violence)|round\s+of\s+(?:[\w-]+\s+)?(?:strikes|attacks|shelling)")
#: of those, acts that are each a person killed ("the fifth killing of a transport worker this month"): they count the dead
_ORDINAL_DEATHS = ("killing", "murder", "assassination", "homicide")
#: acts counted by an ordinal as incidents of their own kind, not as attacks nor as the people they took
_ORDINAL_ACT_UNITS = ("abduction", "kidnapping", "massacre")


def _unit(word: str) -> str:
    w = word.lower()
    lex = load("claims")
    units = lex["units"]
    for unit, words in lex["verb_nouns"].items():
        if any(re.fullmatch(x, w) for x in words):
            return unit
    if re.search(r"injur|wound|hurt", w):
        return "injured"
    if re.search(r"abduct|kidnap|hostage", w):
        return "abducted"
    if re.search(r"kill|dead|death|fatal|died|lives|lost|neutrali|eliminat|martyr", w):
        return "killed"
    if w == "casualties":
        return "casualties"
    for unit, words in lex["received_nouns"].items():
        if any(re.fullmatch(x, w) for x in words):
            return unit  # "received 87 bodies"
    for unit, words in units.items():
        if any(re.fullmatch(x, w, re.I) for x in words):
            return unit
    return w


def expand_name(speaker: str | None, before: str) -> str | None:
    """A surname alone ("Carlstrom said") takes the full name the report gave earlier ("Greg Carlstrom")."""
    if not speaker or not re.fullmatch(r"[A-Z][\w'’-]+", speaker):
        return speaker
    m = None
    for m in re.finditer(rf"\b((?:[A-Z][\w'’.-]+\s+){{1,3}}){re.escape(speaker)}\b", before):
        pass
    return (m.group(1) + speaker) if m else speaker


def _main_country(ctx: DocContext) -> PlaceMention | None:
    """The one country a report is about, when it clearly has one (a count without a place counts there)."""
    counts: dict[str, int] = {}
    for p in ctx.places:
        if p.country and p.latitude is not None:
            counts[p.country] = counts.get(p.country, 0) + 1
    if not counts:
        return None
    top, n = max(counts.items(), key=lambda kv: kv[1])
    if n < 2 or n < 0.6 * sum(counts.values()):
        return None
    return PlaceMention(text=top, start=0, end=0, country=top, feature="country")


def _dateline(p: PlaceMention, sent: Sentence) -> bool:
    """A place in a report's dateline ("BEIRUT (AP) —"): where it was filed, not where anything happened."""
    return p.start - sent.start < 30 and p.text.isupper() and len(p.text) > 2


def _region(places: list[PlaceMention]) -> list[str]:
    out: list[str] = []
    for p in places:
        if p.country and p.country not in out:
            out.append(p.country)
    return out


def _target(sentence: str, ctx: DocContext, sent: Sentence) -> str | None:
    m = _patterns()["us_target"].search(sentence)
    if m:
        t = m.group(0)
        if re.search(r"troops|service ?members|soldiers|servicemen|personnel", t, re.I):
            return "US troops"
        if re.search(r"bases?", t, re.I):
            return "US bases"
        return "US forces"
    return None


class ClaimFinder:
    """Reads the count claims of one report."""

    def __init__(self, ctx: DocContext, attributions: list[SentenceAttribution]):
        self.ctx = ctx
        self.attr = attributions
        self.p = _patterns()
        self.sentences_with_claims: set[int] = set()
        self.main_country = _main_country(ctx)
        self.report_day = self._report_day()
        self.tallies_strikes_before: set[int] = set()  # sentences whose count totals strikes told before them
        self.comparisons: set[int] = set()
        self._claims: list[Claim] = []  # the claims read so far, for periods told again
        self.attack_total_si = -10  # the sentence of the last attack count read
        self._doc_violence: bool | None = None
        self.world_si = -10  # the sentence of the last world total read ("killed around the world")
        self.attack_totals = 0  # attack counts read so far  # claims that give an earlier period's figure ("up from 856 in 2024")

    def _report_day(self) -> DateMention | None:
        """The day a report without a publication date is about, when its lead names it in full
        ("those on Friday, 21 July 1972, a day that became known as Bloody Friday")."""
        if self.ctx.report.published is not None or not self.ctx.sentences:
            return None
        lead = self.ctx.sentences[:2]
        for d in self.ctx.dates_in(lead[0].start, lead[-1].end):
            if d.precision == "day" and d.date is not None and not d.relative and re.search(r"\b\d{4}\b", d.text):
                return d
        return None

    def _many_places(self, si: int) -> bool:
        """Casualties of strikes at several places: "strikes near al-Mayadin and Albu Kamal killed 23", or a
        country's toll ("16 were killed in Iraq") after the strikes there were placed at two or more sites."""
        sent = self.ctx.sentences[si]
        plural = bool(self.p["plural_strikes"].search(sent.text))
        if plural and len(_sites([p for p in self.ctx.places_in(sent.start, sent.end)
                                  if p.feature != "country" and not _dateline(p, sent)])) >= 2:
            return True
        prev = self.ctx.sentences[si - 1] if si > 0 else None
        if prev is None or prev.paragraph != sent.paragraph or not (plural or self.p["plural_strikes"].search(prev.text)):
            return False
        own = self.ctx.places_in(sent.start, sent.end)
        if not own or any(p.feature != "country" for p in own):
            return False
        countries = {p.country for p in own}
        sites = {(p.name or p.text).lower() for p in self.ctx.places_in(prev.start, prev.end)
                 if p.feature != "country" and p.country in countries}
        if len(sites) >= 2:
            self.tallies_strikes_before.add(si)
            return True
        return False

    def _acting_country(self, p: PlaceMention) -> bool:
        """A country named as the side that acts ("as Israel pressed on with its offensive", "since Russia's
        full-scale invasion"), not as where the counted casualties fell."""
        if p.feature != "country":
            return False
        return bool(self.p["acting_country"].match(self.ctx.report.text, p.end))

    def _speech_clauses(self, s: str) -> list[tuple[int, int, str | None]]:
        """A sentence joining two attributed statements (", and a war monitor said ..."): each clause's span
        and speaker, or [] when the sentence is one statement."""
        cuts = list(self.p["clause_cut"].finditer(s))
        if not cuts:
            return []
        starts = [0, *(m.end() for m in cuts)]
        ends = [*(m.start() for m in cuts), len(s)]
        out = []
        for a, b in zip(starts, ends):
            out.append((a, b, attribute(s[a:b]).speaker))
        return out if sum(1 for x in out if x[2]) > 1 else []

    def _country_at(self, sent: Sentence, a: int, b: int, lead: str | None = None) -> list[str]:
        """The countries of the places named from ``a`` to ``b`` of the sentence (after ``lead``, when given,
        which must open the stretch): [] when it names none."""
        if lead is not None:
            m = re.match(lead, sent.text[a:b])
            if m is None or not sent.text[a + m.end():a + m.end() + 1].isupper():
                return []
            a += m.end()
            lo = sent.start + a
            return [p.country for p in self.ctx.places_in(lo, sent.start + b) if p.country and p.start == lo][:1]
        return [p.country for p in self.ctx.places_in(sent.start + a, sent.start + b) if p.country]

    def _place_named(self, sent: Sentence, speaker: str) -> bool:
        """Whether a speaker is only the name of a place the sentence gives ("Mandera County")."""
        at = sent.text.find(speaker)
        if at < 0:
            return False
        words = speaker.split()
        if len(words) > 3 or not all(w[:1].isupper() for w in words) or any(w.lower() in _ORG_HEADS for w in words):
            return False
        a, b = sent.start + at, sent.start + at + len(speaker)
        return any(p.start <= a and b <= p.end + 8 for p in self.ctx.places_in(a, b))  # (+ "County", "State")

    def _own_country(self, sent: Sentence, end: int) -> str | None:
        """The country named right after a count ("... were killed in Iraq"), before any other number."""
        m = self.p["own_place"].match(sent.text, end)
        if not m:
            return None
        at = sent.start + m.end()
        return next((pl.country for pl in self.ctx.places_in(at, at + 40)
                     if pl.start == at and pl.country and pl.feature == "country"), None)

    def _own_countries(self, sent: Sentence, end: int) -> list[str]:
        """The countries named right after a count ("... in Iraq and Syria"), before any other number."""
        m = self.p["own_place"].match(sent.text, end)
        if not m:
            return []
        at = sent.start + m.end()
        out: list[str] = []
        for pl in self.ctx.places_in(at, sent.end):
            gap = self.ctx.report.text[at:pl.start]
            if pl.start != at and not re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?", gap):
                break
            if pl.feature != "country" or not pl.country:
                break
            if pl.country not in out:
                out.append(pl.country)
            at = pl.end
        return out

    def _day(self, sentence: Sentence) -> DateMention | None:
        """The one day a sentence's casualties fell on: a day date that is not when something was said."""
        text = self.ctx.report.text
        days = []
        for d in self.ctx.dates_in(sentence.start, sentence.end):
            if d.date is None or d.precision != "day":
                continue
            left = text[max(sentence.start, d.start - 40):d.start]
            if self.p["speech_date"].search(left) or re.search(r"(?i)\b(?:since|by|until|before|after|through)\s+$", left):
                continue
            if re.fullmatch(r"(?i)\s*(?:(?:late|early)\s+)?(?:on\s+)?", text[sentence.start:d.start]) \
                    and self.p["speech_after"].match(text, d.end):
                continue  # "On Tuesday, the Pentagon said ...": the day of the statement
            days.append(d)
        return days[0] if len(days) == 1 else None

    def _end_of(self, sentence: Sentence) -> DateMention | None:
        """"By the end of 1972": the count covers that year (or month), up to its last day."""
        for d in self.ctx.dates_in(sentence.start, sentence.end):
            if d.date is None or d.end_date is None or d.precision not in ("year", "month"):
                continue
            text = self.ctx.report.text
            left = text[max(sentence.start, d.start - 20):d.start]
            if self.p["end_of"].search(left) or re.match(r"(?i)the\s+end\s+of\b", d.text) \
                    and re.search(r"(?i)\bby\s+$", left):
                return d
        return None

    def _elliptical(self, sent: Sentence, si: int, found: list, taken: list[tuple[int, int]],
                    claims: list[Claim]) -> list:
        """Counts that lean on the one before them for their unit: "496 had been killed, 258 of them
        civilians" (a part), "1,250 ... killed ..., along with 563 security personnel" (a second count of the
        same verb and period), "Of the 130 injured, 77 were women" (a part of an earlier count)."""
        s = sent.text
        out = list(found)
        for i, (start, end, value, qual, unit, is_ord, link) in enumerate(found):
            if link is not None:
                continue
            if unit == "attacks":
                # "85 attacks in Nigeria in 2024, 62 of them in Borno": a part of a count of attacks is one only when
                # told as "N of them" right after it
                run = re.match(r"[^,;.]{0,40}", s[end:])
                m = self.p["of_them"].match(s, end) or (self.p["of_them"].match(s, end + run.end()) if run else None)
                v = parse_cardinal(m.group("num")) if m else None
                if m and v is not None and 0 < v < value and not any(x < m.end() and m.start("num") < y for x, y in taken):
                    taken.append((m.start("num"), m.end()))
                    out.append((m.start("num"), m.end(), v, _qualifier(m.group("qual")), unit, False, ("part", i)))
                continue
            inner = next((m for m in self.p["including"].finditer(s, start, end)), None)
            if inner is not None and unit in ("killed", "injured"):
                # "At least 127 people, including 41 security personnel, were killed": the part told inside the
                # count's own words, before its verb
                v = parse_cardinal(inner.group("num"))
                a, b = inner.start("num"), inner.end()
                if v is not None and 0 < v < value and not any(x < b and a < y for x, y in taken if (x, y) != (start, end)):
                    taken.append((a, b))
                    out.append((a, b, v, _qualifier(inner.group("qual")), unit, False, ("part", i)))
                    continue
            tail = s[end:]
            # the count's own clause may run on ("... killed in Pakistan, along with ...")
            run = re.match(r"[^,;.]{0,40}", tail)
            offsets = (0, run.end()) if run and run.end() else (0,)
            for offset, key in ((o, k) for o in offsets for k in ("of_them", "including", "coordinated")):
                m = self.p[key].match(tail, offset)
                if not m:
                    continue
                v = parse_cardinal(m.group("num"))
                a, b = end + m.start("num"), end + m.end()
                if v is None or v < 1 or any(x < b and a < y for x, y in taken):
                    continue
                if key in ("of_them", "including") and v >= value:
                    continue
                taken.append((a, b))
                out.append((a, b, v, _qualifier(m.group("qual")), unit, False,
                            ("part" if key in ("of_them", "including") else "coord", i)))
                break
        for m in self.p["of_the"].finditer(s):
            whole, v = parse_cardinal(m.group("whole")), parse_cardinal(m.group("num"))
            unit = _unit(m.group("wunit"))
            if whole is None or v is None or v >= whole or unit not in ("killed", "injured", "abducted"):
                continue
            if any(x < m.end() and m.start() < y for x, y in taken):
                continue
            ref = next((j for j in range(len(claims) - 1, -1, -1)
                        if claims[j].value == whole and claims[j].unit == unit), None)
            if ref is None:
                continue
            taken.append((m.start(), m.end()))
            out.append((m.start(), m.end(), v, _qualifier(m.group("qual")), unit, False, ("whole", ref)))
        return out

    def _further(self, sent: Sentence, found: list, taken: list[tuple[int, int]]) -> list:
        """Counts that lean on the one before them for their unit and verb: "1,166 attacks in 2025, up from
        856 in 2024" (the same unit over another period), "killed 214 civilians ..., and wounded more than 1,100"
        (a second casualty verb), "the third drone attack in a week, and the 11th since March" (a further
        ordinal), "Khyber Pakhtunkhwa accounted for 734 of the attacks, and Baluchistan for 381" (a gapped part)."""
        s = sent.text
        out = list(found)
        i = -1
        while i + 1 < len(out):
            i += 1
            start, end, value, qual, unit, is_ord, link = out[i]
            if link is not None and link[0] not in ("ofthe", "compare", "gapped"):
                continue
            tail = s[end:]
            extra = []
            row = link is not None and link[0] == "gapped"  # a gapped figure only leads the next one of its row
            if not is_ord:
                # "Mandera County recorded 29 attacks, Garissa 19, ...": a row of places and figures
                m = self.p["gapped_bare"].match(tail)
                region = self._country_at(sent, end + m.start("place"), end + m.end("place")) if m else []
                if region and (link is not None or self._country_at(sent, 0, end)):
                    extra.append((m, "num", unit, ("gapped", i, region[:1])))
            if row or is_ord:
                pass
            elif m := self.p["series"].match(tail):
                # "38 attacks in July, 51 in August and 64 in September": the next periods of a row
                extra.append((m, "num", unit, ("compare", i)))
            elif m := self.p["compare"].match(tail):
                # "up from 856 in 2024"; "..., against 962 in Mali": the same count for another place and period
                region = self._country_at(sent, end + m.end(), end + m.end() + 40, lead=r"\s+in\s+(?:the\s+)?")
                extra.append((m, "num", unit, ("gapped", i, region[:1]) if region else ("compare", i)))
            if unit == "killed" and not row:
                m = self.p["and_verb"].match(tail) or self.p["and_bare_wounded"].match(tail)
                if m:
                    extra.append((m, "num", _unit(m.group("unit")), ("coord", i)))
            if unit in ("killed", "injured", "abducted", "attacks") and not row \
                    and (m := self.p["and_count_to"].match(tail)):
                what = next((u for u, rx in self.p["count_nouns"].items() if rx.search(m.group("what"))), None)
                if what in ("killed", "injured", "abducted", "attacks") and what != unit:
                    extra.append((m, "num", what, ("coord", i)))
            if is_ord and not row:
                m = self.p["ordinal_more"].match(tail)
                if m:
                    extra.append((m, "ord", unit, ("more", i)))
            if (link is not None and link[0] == "ofthe" or not is_ord) and not any(x[3][0] == "gapped" for x in extra):
                m = self.p["gapped"].match(tail) or self.p["gapped_in"].match(tail)
                if m:
                    at = sent.start + end + m.start("place")
                    region = [p.country for p in self.ctx.places_in(at, sent.start + end + m.end("place")) if p.country]
                    if region:
                        extra.append((m, "num", unit, ("gapped", i, region[:1])))
            for m, group, u, new_link in extra:
                raw = m.group(group)
                v = parse_ordinal(raw) if group == "ord" else parse_cardinal(raw)
                a, b = end + m.start(group), end + m.end()
                if v is None or v < (3 if group == "ord" else 2) or any(x < b and a < y for x, y in taken):
                    continue
                if any(d.start <= sent.start + a < d.end for d in self.ctx.dates_in(sent.start, sent.end)):
                    continue
                taken.append((a, b))
                q = _qualifier(m.group("qual")) if "qual" in m.groupdict() else "exact"
                out.append((a, b, v, q, u, group == "ord", new_link))
        return out

    def _period_follows(self, s: str, end: int) -> bool:
        """Whether the clause after a count states the period it is counted over ("... in Sinaloa this year",
        "... in the capital in a month", "... since January")."""
        clause = re.split(r"[,;:]|\.(?:\s|$)", s[end:], maxsplit=1)[0]
        return bool(self.p["period"].search(clause) or self.p["year_start"].search(clause)
                    or self.p["year_scope"].search(clause) or any(rx.search(clause) for rx in self.p["recent"]))

    def _one_act_noun(self, sentence: str, match_start: int) -> bool:
        """A casualty noun in the singular after an article ("the killing of two police reservists", "a massacre
        of 30 villagers") names one act, unless its own clause counts over a period."""
        if not re.match(r"(?i)(?:killing|slaying|murder|massacre|abduction|kidnapping)\b", sentence[match_start:]):
            return False
        if not re.search(r"(?i)\b(?:the|a|an|this|that)\s+$", sentence[max(0, match_start - 12):match_start]):
            return False
        return not self._period_follows(sentence, match_start)

    def _is_aggregate(self, sentence: str, unit: str, value: int, match_start: int, key: str = "",
                      si: int | None = None) -> bool:
        """A count is aggregate when it counts incidents, or casualties over a period or many attacks."""
        if key == "count_to" and _ONE_TOLL.match(sentence, match_start):
            key = "toll"  # "died on the way to hospital, bringing the toll to three": one incident's, unless scoped
        elif unit in ("attacks", "schools", "settlements") or key in ("count_to", "kept_count", "change_to", "fraction_part"):
            return True
        if self.p["violence_during"].search(sentence):
            return True  # "At least three people were killed in violence during local council elections": many places
        if si is not None and si - 1 in self.sentences_with_claims \
                and self.p["share"].search(sentence[max(0, match_start - 40):match_start + 30]):
            return True  # "..., which the office held responsible for 641 deaths": a share of the tally just told
        if self.p["followed_by"].match(sentence, match_start):
            return True  # "Zamfara led with 706 people abducted, followed by Kaduna with 541": places ranked by a tally
        if si is not None and si - 1 in self.sentences_with_claims and self.p["another_lead"].match(sentence) \
                and match_start < 40 and self._claims and self._claims[-1].unit in ("killed", "injured", "casualties"):
            return True  # "The attacks killed 1,263 people ... Another 2,140 people were wounded."
        if key == "total_to" and re.search(r"(?i)homicide|murder|killings", sentence[match_start:match_start + 60]):
            return True  # "put the number of homicide victims at 1,587": a crime tally
        head = sentence[:match_start]
        if key == "brings_to" and self._period_follows(sentence, match_start):
            return True  # "..., bringing to 30 the number of journalists killed since the war began": a running total
        if key == "verb_noun" and self._one_act_noun(sentence, match_start):
            return False  # "including the killing of two police reservists at a water point": one incident
        if key in ("killed_people", "people_killed", "had_been", "verb_list", "bare_people", "seized_people") \
                and self._single_told(sentence, match_start, si):
            return False  # "after a drone strike on a hospital ... killed nine people": one incident's toll
        if self.p["counting_before"].search(head):
            return True  # "the monitor documented 38 deaths": a tally
        if key in ("deaths", "received") and si is not None and self._month_scope(self.ctx.sentences[si]):
            return True  # "Mexico recorded 2,052 homicides in May"
        if self.p["single_incident"].search(head) and not self.p["plural_attacks"].search(sentence) \
                and not self._period_after(sentence, match_start) and not _WAR_SUBJECT.match(sentence):
            return False  # "The single biggest attack, in 2009, killed 25": one incident's toll (not "the 23rd attack
            # ..., and that more than 400 civilians had been killed ... since the siege began", "The insurgency,
            # which began with an attack on ..., has killed more than 6,000 people")
        if _ACTS_HAVE_KILLED.search(head) and si is not None and (
                self.p["period"].search(sentence) or (si > 0 and self.p["period"].search(self.ctx.sentences[si - 1].text))):
            return True  # "Hezbollah has fired rockets ... since October 8. The attacks have killed 10 Israeli civilians"
        if _WAR_SUBJECT.match(sentence) and re.search(r"\b(?:has|have|had)\s+(?:now\s+|so far\s+)?(?:(?:killed|left)\s+)?$", head):
            return True  # "The insurgency, which began in October 2017 with an attack on ..., has killed more than 6,000"
        if key == "killed_people" and self._in_since_clause(head) and not self._main_after_since(head, sentence, match_start):
            return False  # "on alert since the group launched attacks across Paris, killing 130": the start's toll
        if key == "toll" and _NATIONAL_TOLL.search(sentence, 0, match_start + 40):
            return True  # "the Palestinian death toll had reached 38,295", "the overall toll": a war's, not an event's
        if key == "toll":
            # a "death toll" is one event's unless the sentence scopes it over a period
            if self.p["superseded"].search(head):
                return False  # "initial estimates of a death toll of 11": revised later, not a count
            return bool(self.p["period"].search(sentence) or self.p["war"].search(sentence)
                        or self.p["year_scope"].search(sentence) or self.p["long_period"].search(sentence))
        period = bool(self.p["period"].search(sentence) or self.p["same_period"].search(sentence))
        if not period and self.p["superseded_near"].search(head):
            return False  # "said in a preliminary report that 25 people had been killed": one event's first toll
        if period:
            return True
        if self.p["cumulative"].search(sentence) and not (
                si is not None and self._day(self.ctx.sentences[si]) is not None
                and not self.p["plural_attacks"].search(sentence)):
            return True  # (not "two soldiers had been wounded by a bomb on Sunday": one day's toll)
        tail = sentence[match_start:]
        # "injured in those attacks", "killed in a series of attacks", "in over 500 attacks"
        series = re.search(r"\b(?:in|during|by|from)\s+(?:these|those|such|a series of|a wave of|a string of|repeated|multiple|(?:over |more than |at least |nearly |some )?[\d,]+|hundreds of|dozens of|(?-i:[A-Z][\w-]*))\s+(?:\w+\s+)?(?:attacks|strikes|raids|operations|assaults|incidents|bombings)\b", tail, re.I)
        if series and not self.p["series_member"].search(tail[:series.start()]):
            return True  # (not "..., the latest in a series of strikes": one of them)
        if si is not None and self.p["plural_attacks"].search(re.split(r"[,;]", tail, maxsplit=1)[0]) \
                and self._month_scope(self.ctx.sentences[si]):
            return True  # "killed 70 gang members in operations around the capital in March": a month's raids
        if si is not None and (len(self._days_after(self.ctx.sentences[si], match_start)) > 1
                               or self._span_scope(self.ctx.sentences[si])):
            return True  # "killed at least 70 people ... on Thursday and Friday", "... between January and March"
        if si is not None and self.p["in_the_series"].search(tail) and self._previous_claim(si, self._claims) is not None:
            return True  # "It said six soldiers were killed in the exchanges of fire": the operations just counted
        if self.p["in_the_attacks"].search(tail) and self._attack_total_before():
            return True  # "186 service members were injured in the attacks": the toll of the attacks counted
        # "the war that killed 100,000 people", "the conflict has left 5,000 dead"
        war = self.p["war"].search(sentence)
        if war and not (re.match(r"(?i)fighting|violence|clash", war.group(0)) and si is not None
                        and self._day(self.ctx.sentences[si]) is not None) \
                and not (re.search(r"(?i)^(?:killed|dead|deaths)\b.*\b(?:in|during)\s+the\s+(?:fighting|violence)$", war.group(0))
                         and si is not None and not self._month_scope(self.ctx.sentences[si])
                         and not self.p["year_scope"].search(sentence)):
            return True  # (not "Fighting ... in Goma killed at least 17 people on Monday": one day's clash; not "were
            # killed in the fighting" with no period: the fight just told)
        if any(rx.search(sentence) for rx in self.p["recent"]):
            return True  # "in a week of fighting", "over the past month"
        if self.p["anaphoric_attacks"].search(head) and self._attack_total_before() \
                and (si is None or si - self.attack_total_si <= 3):
            return True  # "The attacks killed 1,540 people": the toll of the attacks counted before
        if si is not None and si - 1 in self.sentences_with_claims \
                and self.ctx.sentences[si - 1].paragraph == self.ctx.sentences[si].paragraph \
                and self._day(self.ctx.sentences[si]) is None \
                and re.search(r"\b(?:has|have)\s+(?:now\s+)?(?:\w+\b[^.;]{0,60}?(?:,\s*|\s+and\s+))?(?:killed|left|wounded|injured)\b", sentence[:match_start + 40]):
            return True  # "..., according to an AP tally. In Lebanon, Israeli fire has killed more than 450": a parallel tally
        if si is not None and self._many_places(si):
            return True
        if _IN_WHICH.search(head) and self.p["plural_attacks"].search(head):
            return True  # "45 militant attacks in September, in which 93 people ... were killed": the attacks' toll
        if self.p["year_scope"].search(sentence) and not self._one_incident(sentence, match_start):
            return True
        return False

    def _one_incident(self, sentence: str, match_start: int) -> bool:
        """A count told as one incident's toll, whatever year dates it: after an attack verb with one target
        ("In 2020, militants attacked a military base ..., killing three"), or placed at one town ("killed at
        least 115 people in the town of X")."""
        if self.p["plural_attacks"].search(sentence):
            return False
        return bool(self.p["one_target"].search(sentence[:match_start])
                    or self.p["one_town"].search(sentence[match_start:]))

    def _attack_total_before(self) -> bool:
        """Whether the report has counted attacks before the sentence being read."""
        return self.attack_totals > 0

    def _main_after_since(self, head: str, sentence: str, match_start: int) -> bool:
        """"Since the war in Gaza began, Hezbollah attacks have killed 23": the count is in the main clause
        after the "since" clause (a finite verb, not a participle such as "killing")."""
        if "," not in head[head.lower().rfind("since"):]:
            return False
        return not re.match(r"(?i)(?:killing|wounding|injuring|leaving)\b", sentence[match_start:])

    def _in_since_clause(self, head: str) -> bool:
        """The text before a count is a "since" clause telling an event ("since the group launched ...")."""
        m = self.p["since_clause"].search(head)
        if not m:
            return False
        clause = m.group("clause")
        if re.match(r"\s*(?:(?:early|late|mid-?)\s*)?(?:\d|(?-i:[A-Z][a-z]+\.?\s+\d)|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|then\b|last\b|the (?:start|beginning|outbreak|end)\b)", clause, re.I):
            return False  # "since October 17, ...": a period, not an event
        return bool(self.p["finite_verb"].search(clause))

    def _violent(self, si: int) -> bool:
        """Casualty counts are claims only in a context of violence (not disease, disaster or accidents)."""
        lo, hi = max(0, si - 2), min(len(self.ctx.sentences), si + 2)
        window = " ".join(x.text for x in self.ctx.sentences[lo:hi])
        sentence = self.ctx.sentences[si].text
        for m in self.p["not_violence"].finditer(sentence):
            if m.group(0).startswith("fire") and (self.p["weapon_fire_left"].search(sentence[:m.start()])
                                                  or re.match(r"\s+(?:at|on|from)\b", sentence[m.end():])):
                continue  # "Israeli fire has killed ...", "opened fire on": weapons' fire, not a blaze
            return False
        return bool(self.p["violence"].search(window)) or self._doc_violent()

    def _doc_violent(self) -> bool:
        """Whether the report as a whole is about violence (three sentences or more tell of it): a casualty
        count in a paragraph of figures alone ("recorded 383 aid workers killed in 2024") then counts."""
        if self._doc_violence is None:
            self._doc_violence = sum(1 for x in self.ctx.sentences if self.p["violence"].search(x.text)) >= 3
        return self._doc_violence

    def _month_scope(self, sent: Sentence) -> bool:
        """Whether a sentence dates its figures by a month or a year only ("in May", "in 2024"), with no day."""
        dates = self.ctx.dates_in(sent.start, sent.end)
        return any(d.precision in ("month", "year") for d in dates) and self._day(sent) is None

    def _span_scope(self, sent: Sentence) -> bool:
        """Whether a sentence dates its figures by a span of more than a week ("between January and March")."""
        return any(d.precision == "range" and d.date is not None and d.end_date is not None
                   and (d.end_date - d.date).days > 7 for d in self.ctx.dates_in(sent.start, sent.end))

    def _day_after(self, sent: Sentence, end: int) -> bool:
        """Whether the clause after a count (to the next comma) dates it to one day ("... on Sept. 26")."""
        return len(self._days_after(sent, end)) == 1

    def _days_after(self, sent: Sentence, end: int) -> set:
        """The days the clause after a count (to the next comma) dates it to, when was said aside."""
        stop = re.search(r"[,;]", sent.text[end:])
        b = sent.start + end + (stop.start() if stop else len(sent.text) - end)
        text = self.ctx.report.text
        days = {d.date for d in self.ctx.dates_in(sent.start + end, b) if d.precision == "day" and d.date is not None
                and not re.search(r"(?i)\b(?:since|from|by|until|through|as of|took effect on|began on)\s+(?:\w+\s+)?$",
                                  text[max(sent.start, d.start - 30):d.start])}
        return days

    def _period_after(self, sentence: str, start: int) -> bool:
        """A "since" period follows the count in its clause ("had been killed ... since January")."""
        since = _SINCE_AFTER.search(sentence, start, start + 120)
        return since is not None and not re.search(r"\bon\s|[;]", sentence[start:since.start()])

    def _single_told(self, sentence: str, start: int, si: int | None) -> bool:
        """A casualty count told as one incident's toll in its own clause: after "a drone strike on a hospital",
        "In 2017, a truck bomb ...", "an attack ... in which ...", "one of the deadliest single incidents ...,
        when ...", before "in an attack on ...", or dated to one day with no plural attacks ("clashes ...
        killed at least 23 people on Sept. 26")."""
        clauses = re.split(r"[,;]\s+", sentence[:start])
        clause = clauses[-1]
        if len(clauses) > 1 and (not clause.strip() or self.p["relative_open"].match(clause)):
            clause = clauses[-2] + ", " + clause
        if re.search(r"(?i)\bsince\b", clause):
            return False  # "since the attack on Oct. 7, ... have killed": the start of a period
        stop = re.search(r"[,;]", sentence[start:])
        tail = sentence[start:start + stop.start()] if stop else sentence[start:]
        rest = sentence[start + len(tail):]
        after = re.match(r"[,;]\s+([^,;]{0,80})", rest)  # ", the deadliest attack in five years": an appositive
        if self.p["single_marker"].search(clause) or self.p["single_marker"].search(tail) \
                or (after and re.match(r"(?i)(?:the|its|one of the)\s", after.group(1))
                    and self.p["single_marker"].search(after.group(1))):
            return True
        plural_at = max((m.end() for k in ("plural_attacks", "plural_strikes") for m in self.p[k].finditer(clause)), default=-1)
        if plural_at >= 0 and self.p["single_wide"].search(clause, plural_at):
            return True  # "Among the deadliest attacks ... was a suicide bombing at a mosque ..., which killed"
        if plural_at >= 0 or any(self.p[k].search(tail) for k in ("plural_attacks", "plural_strikes")):
            return False
        if self.p["single_wide"].search(clause):
            return True
        since = _SINCE_AFTER.search(sentence, start)
        if since is not None and not re.search(r"\bon\s", sentence[start:since.start()]):
            return False  # "have been killed in Catatumbo since the ELN launched its offensive on Jan. 16": a period
        return si is not None and self._day_after(self.ctx.sentences[si], start)

    def _count_unit(self, m: re.Match, found: list) -> str | None:
        """What "bringing its count of ... to N" counts: named in the count ("of Russian losses"), a death
        "toll", or else the unit of the count told just before it in the sentence."""
        what = m.group("what") or ""
        for unit, rx in self.p["count_nouns"].items():
            if what and rx.search(what):
                return "killed_or_injured" if unit == "casualties" else unit
        if not what and m.group("noun").lower() == "toll":
            return "killed"
        if found:
            return found[-1][4]
        if not what:
            # "At least eight seafarers had been killed ..., bringing the total to at least 12": the unit of
            # the count the sentence told before it, whichever pattern reads that count
            head = m.string[:m.start()]
            last = max(((x.start(), u) for u, rx in self.p["count_nouns"].items() if u != "attacks"
                        for x in rx.finditer(head)), default=None)
            if last is not None:
                return "killed_or_injured" if last[1] == "casualties" else last[1]
        return None

    def _previous_claim(self, si: int, claims: list[Claim]) -> Claim | None:
        """The last claim read, when it was told in one of the two sentences before sentence ``si``."""
        if not claims or si == 0 or not claims[-1].evidence:
            return None
        lo = self.ctx.sentences[max(0, si - 2)].start
        return claims[-1] if lo <= claims[-1].evidence[0].start < self.ctx.sentences[si].start else None

    def _ranked(self, sent: Sentence, si: int, claims: list[Claim]) -> None:
        """"Of the 383 killed, 181 died in Gaza. Sudan was second with 60, followed by South Sudan with 25,
        Ukraine with 17 ...": further places ranked by their part of the same count, each a part of its whole.
        Read when a part of a count was told in this sentence or the one before, and at least two places are
        ranked."""
        s = sent.text
        if "with" not in s or not claims:
            return
        lo = self.ctx.sentences[max(0, si - 1)].start
        part = next((c for c in reversed(claims) if c.part_of is not None and c.evidence
                     and lo <= c.evidence[0].start < sent.end), None)
        if part is None:
            # "Zamfara led with 706 people abducted, followed by Kaduna with 541": the sentence's own count
            # leads the places ranked after it
            part = next((c for c in reversed(claims) if c.evidence and sent.start <= c.evidence[0].start < sent.end
                         and self.p["followed_by"].match(s, c.evidence[0].end - sent.start)), None)
            if part is None:
                return
        whole = claims[part.part_of] if part.part_of is not None else part
        found = []
        for m in self.p["ranked"].finditer(s):
            a, b = sent.start + m.start("place"), sent.start + m.end("place")
            region = [p.country for p in self.ctx.places_in(a, b) if p.country and p.start == a]
            value = parse_cardinal(m.group("num"))
            if region and value is not None and 1 < value < whole.value:
                found.append((m, value, region[:1]))
        if len(found) < 2:
            return
        text = self.ctx.report.text
        for m, value, region in found:
            a, b = sent.start + m.start("place"), sent.start + m.end()
            claims.append(Claim(
                value=value, qualifier=_qualifier(m.group("qual")), unit=part.unit, since=part.since,
                since_text=part.since_text, since_partial=part.since_partial, as_of=part.as_of, region=region,
                speaker=self.attr[si].speaker or part.speaker, via=part.via, part_of=part.part_of,
                evidence=[Span(a, b, text[a:b]), Span(sent.start, sent.end, s)],
            ))
        self.sentences_with_claims.add(si)

    def _parts_before(self, sent: Sentence, si: int, claims: list[Claim]) -> None:
        """"97 of the civilians were children and 61 were women", "two dozen of the militants were killed in
        X, a dozen in Y": parts of a count told in this sentence or the two before, over its period. Read
        once the sentence's own counts are known."""
        s = sent.text
        if " of " not in s or not has_number(s):
            return
        gate = self.p["part_gate"].search(s)
        first = self.p["part_before"].search(s, max(0, gate.start() - 20)) if gate else None
        if first is None:
            return
        taken = [(c.evidence[0].start - sent.start, c.evidence[0].end - sent.start) for c in claims
                 if c.evidence and sent.start <= c.evidence[0].start < sent.end]
        lo = self.ctx.sentences[max(0, si - 2)].start
        text = self.ctx.report.text
        for m in self.p["part_before"].finditer(s, first.start()):
            value = parse_cardinal(m.group("num"))
            if value is None or value < 2:
                continue
            what = m.group("what").lower()
            unit = _unit(what) if re.match(r"kill|wound|injur|dead", what) else None
            noun = (m.group("noun") or "").lower()
            if unit is None and re.fullmatch(r"killed|dead|wounded|injured", noun):
                unit = _unit(noun)  # "71 of those killed were civilians"
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            whole_i = next((i for i in range(len(claims) - 1, -1, -1) if claims[i].part_of is None
                            and claims[i].value > value and claims[i].evidence and claims[i].evidence[0].start >= lo
                            and (unit is None or claims[i].unit == unit)
                            and (not noun or (claims[i].unit == "attacks") == bool(re.match(r"attack|strike|raid|incident|operation|assault|bombing", noun)
                                                                   or self.p["object_noun"].fullmatch(noun)))), None)
            if whole_i is None:
                continue
            whole = claims[whole_i]
            speaker = self.attr[si].speaker or whole.speaker
            parts = [(m.start(), m.end(), value, _qualifier(m.group("qual")))]
            end = m.end()
            for _ in range(3):
                more = self.p["part_more"].match(s, end)
                if more is None:
                    break
                v = parse_cardinal(more.group("num"))
                if v is None or v >= whole.value:
                    break
                parts.append((more.start("num") - (len(more.group("qual")) + 1 if more.group("qual") else 0), more.end(), v, _qualifier(more.group("qual"))))
                end = more.end()
            for a, b, v, q in parts:
                at = sent.start + b
                own = [pl.country for pl in self.ctx.places_in(at, at + 40) if pl.country and pl.start <= at + 6]
                claims.append(Claim(
                    value=v, qualifier=q, unit=whole.unit, since=whole.since, since_text=whole.since_text,
                    since_partial=whole.since_partial, as_of=whole.as_of, region=own[:1] or list(whole.region),
                    speaker=speaker, via=whole.via, part_of=whole_i,
                    evidence=[Span(sent.start + a, sent.start + b, text[sent.start + a:sent.start + b]),
                              Span(sent.start, sent.end, s)],
                ))
                taken.append((a, b))
                self.sentences_with_claims.add(si)

    def _period(self, sentence: Sentence, rel_start: int) -> tuple[DateMention | None, str | None]:
        """The start of the counted period: a date after 'since' in the sentence, the date a 'since' clause
        gives its event ("since the protests began in September": the first of that month, or the day said),
        or 'since <event>'."""
        text = self.ctx.report.text
        dates = self.ctx.dates_in(sentence.start, sentence.end)
        for d in dates:
            left = text[max(sentence.start, d.start - 12):d.start]
            if self.p["since"].search(left):
                if self.p["superlative_since"].search(text[max(sentence.start, d.start - 60):d.start]):
                    continue  # "the highest monthly figure since 2022": a comparison's reach
                return _last_year(d, text, self.ctx.report.published), d.text
        for d in dates:
            m = self.p["since_began"].search(text[max(sentence.start, d.start - 100):d.start])
            if m and not self._superlative_reach(text, sentence.start, d.start - len(m.group(0))):
                return d, m.group("clause") + d.text
        for d in dates:
            # "since Moscow's full-scale invasion in February 2022", "since the ceasefire took effect on Nov. 27"
            m = self.p["since_in"].search(text[max(sentence.start, d.start - 100):d.start])
            if m and not self._superlative_reach(text, sentence.start, d.start - len(m.group(0))):
                return d, m.group("clause") + d.text
        m = self.p["since_start_of"].search(sentence.text)
        if m:
            return self._start_of(m.group("what"), sentence), m.group(0)[6:]
        return None, None

    def _superlative_reach(self, text: str, lo: int, since_at: int) -> bool:
        """Whether the "since" at ``since_at`` closes a comparison ("the most in any month since it began keeping
        records in 2017"), not a counted period."""
        return bool(self.p["superlative_since"].search(text[max(lo, since_at - 60):since_at] + "since "))

    def _start_of(self, what: str, sentence: Sentence) -> DateMention | None:
        """The day "since the start of <what>" means: a season's first day ("the summer"), or the start the
        report gave before to the same thing ("since the war began on Oct. 7, 2023" ... "since the start of the
        Gaza war")."""
        # "since the start of the war had died in Darfur": the noun phrase ends where the clause goes on
        what = re.split(r"(?i)\s+(?:had|has|have|was|were|is|are|would|will|could|in|on|at|to|and|across|around)\b", what)[0]
        words = re.findall(r"[a-z]+", what.lower())
        if not words:
            return None
        published = self.ctx.report.published
        seasons = load("claims")["season_starts"]
        head = next((w for w in words if w in seasons), None)
        if head is not None and published is not None and len(words) <= 2:
            month, day = (int(x) for x in seasons[head].split("-"))
            year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
            return DateMention(0, 0, what, date(year, month, day), "day")
        head = words[-1] if words[-1] not in ("year", "month", "week") else None
        if head is None:
            return None
        for c in reversed(self._claims):
            if c.since is not None and c.since_text and re.search(rf"\b{re.escape(head)}\b", c.since_text, re.I):
                return DateMention(0, 0, what, c.since, "day")
        for c in reversed(self._claims):
            # "... journalists killed in Sudan since the war began in April 2023" (the period's text being its
            # date only): the sentence of that count opened the period with the same noun
            if c.since is None or not c.evidence:
                continue
            told = next((x for x in self.ctx.sentences if x.start <= c.evidence[0].start < x.end), None)
            if told is not None and re.search(rf"(?i)\bsince\s+(?:the\s+)?(?:[\w-]+\s+)?{re.escape(head)}\s+(?:{alternation(load('claims')['period_start_verbs'])})\b", told.text):
                return DateMention(0, 0, what, c.since, "day")
        return None

    def _scope(self, sentence: Sentence) -> DateMention | None:
        """A counted period given as a whole year, month or range ("in 2024", "last year")."""
        for d in self.ctx.dates_in(sentence.start, sentence.end):
            if d.date is not None and d.precision in ("year", "month", "range", "week") and d.end_date is not None:
                left = self.ctx.report.text[max(sentence.start, d.start - 12):d.start]
                if re.search(r"\b(?:since|until|by|before|after)\s+(?:the\s+)?$", left, re.I) \
                        and not re.match(r",\s+when\b", self.ctx.report.text[d.end:d.end + 8]):
                    continue  # (but "fell after 2020, when 130 crew were kidnapped": the when-clause's year)
                if d.precision == "week" and self.p["speech_date"].search(
                        self.ctx.report.text[max(sentence.start, d.start - 40):d.start]):
                    continue  # "said last week that ...": when it was said, not the period counted
                return d
        return None

    def _started_then(self, sentence: Sentence, d: DateMention) -> bool:
        """Whether a year or month is when the counted conflict began ("The insurgency, which began in 2017,
        has killed ...") in a sentence that counts in the perfect up to now, so the start of the period."""
        left = self.ctx.report.text[max(sentence.start, d.start - 60):d.start]
        if not re.search(rf"(?i)\b(?:which|that|when|after\s+it)\s+(?:first\s+)?(?:{alternation(load('claims')['period_start_verbs'])})\s+(?:in\s+)?$", left):
            return False
        return bool(self.p["perfect"].search(self.ctx.report.text[d.end:sentence.end]))

    def _as_of(self, sentence: Sentence) -> DateMention | None:
        for d in self.ctx.dates_in(sentence.start, sentence.end):
            left = self.ctx.report.text[max(sentence.start, d.start - 12):d.start]
            if self.p["as_of"].search(left) and d.date is not None:
                return d
        return None

    def _explicit_period(self, sent: Sentence) -> tuple[DateMention | None, str | None, DateMention | None]:
        """The counted period a stretch of text states itself: "since <date>", "since the war began in
        <date>", "in 2024", "over the past week", "in the first half of the year", "as of Monday"."""
        s = sent.text
        since, since_text = self._period(sent, 0)
        as_of = self._as_of(sent)
        if since is None and since_text is None:
            part = self._year_part(sent)
            if part is not None:
                return part[0], part[0].text, part[1]
        if since is None:
            m = self.p["year_start"].search(s)
            if m and self.ctx.report.published is not None:
                since = DateMention(sent.start + m.start(), sent.start + m.end(), m.group(0),
                                    date(self.ctx.report.published.year, 1, 1), "day")
                since_text = m.group(0)
        scope = self._scope(sent) if since is None and since_text is None else None
        if scope is None and since is None and since_text is None:
            scope = self._end_of(sent)
        if scope is not None and self._started_then(sent, scope):
            # "The insurgency, which began in 2017, has killed more than 6,300 people": counted from then on
            return scope, scope.text, as_of
        if scope is not None:
            since, since_text = scope, scope.text
            end = scope.end_date
            if self.ctx.report.published is not None and end > self.ctx.report.published:
                end = self.ctx.report.published
            as_of = DateMention(scope.start, scope.end, scope.text, end, "day")
        if since is None and since_text is None:
            since, since_text = self._recent(sent, as_of)
            if since is not None and as_of is None:
                as_of = self._said_on(sent)  # counted back from the day it was said
        return since, since_text, as_of

    def _recent(self, sent: Sentence, as_of: DateMention | None) -> tuple[DateMention | None, str | None]:
        """"over the past week", "in the last 15 months", "the third attack in a week": a span back from the
        report's day (or from the day the count is given as of)."""
        for rx in self.p["recent"]:
            m = rx.search(sent.text)
            if not m:
                continue
            said_on = self._said_on(sent) if as_of is None else None
            anchor = as_of.date if as_of else (said_on.date if said_on else self.ctx.report.published)
            n = parse_cardinal(m.group("n")) if m.groupdict().get("n") else 1
            if re.search(r"(?i)\bas\s+many\b", m.group(0)):
                # "the fourth deadly attack in as many weeks": as many as the ordinal before it says
                ords = re.findall(rf"(?i)\b({ORDINAL})\b(?!-)", sent.text[:m.start()])  # (not "second-largest")
                n = parse_ordinal(ords[-1]) if ords else None
            if anchor is None or not n:
                return None, m.group(0)
            shifted = _shift(anchor, n, m.group("u").lower())
            return DateMention(sent.start + m.start(), sent.start + m.end(), m.group(0), shifted, "day"), m.group(0)
        return None, None

    def _said_on(self, sent: Sentence) -> DateMention | None:
        """The day a count was given ("said in a statement on Monday that ... over the past two weeks"): a
        span back is counted from it."""
        text = self.ctx.report.text
        for d in self.ctx.dates_in(sent.start, sent.end):
            if d.date is not None and d.precision == "day" and \
                    self.p["speech_date"].search(text[max(sent.start, d.start - 40):d.start]):
                return d
        return None

    def _year_part(self, sent: Sentence) -> tuple[DateMention, DateMention] | None:
        """"in the first half of the year", "the first nine months of 2025": from January 1 to the end of
        that part (or to the report's day, when that comes first)."""
        pub = self.ctx.report.published
        for rx in self.p["year_parts"]:
            m = rx.search(sent.text)
            if not m:
                continue
            which = m.group("which").lower()
            if re.fullmatch(r"\d{4}", which):
                year = int(which)
            elif pub is None:
                return None
            else:
                year = pub.year - 1 if which.startswith("last") else pub.year
            part = m.group("part").lower()
            months = 6 if part == "half" else 3 if part == "quarter" else parse_cardinal(m.group("n")) or 0
            if not 1 <= months <= 12:
                return None
            last = date(year, months, calendar.monthrange(year, months)[1])
            if pub is not None and last > pub:
                last = pub
            a, b = sent.start + m.start(), sent.start + m.end()
            return DateMention(a, b, m.group(0), date(year, 1, 1), "day"), DateMention(a, b, m.group(0), last, "day")
        return None

    def _sentence_period(self, sent: Sentence, si: int, found: list, claims: list[Claim]
                         ) -> tuple[DateMention | None, str | None, DateMention | None]:
        """The counted period of a sentence's counts: stated in it, repeated from the count before ("over the
        same period", "since then"), or, for casualties, the one day the sentence tells of."""
        s = sent.text
        since, since_text, as_of = self._explicit_period(sent)
        if since is None and since_text is None and (same := self.p["same_period"].search(s)):
            prev = next((c for c in reversed(claims) if c.since is not None or c.since_text), None)
            want = _period_length(same.group(0))
            if want and claims:
                # "Another 609 people were injured over the three months": the count before that spans three months
                low = self.ctx.sentences[max(0, si - 3)].start
                prev = next((c for c in reversed(claims) if c.since is not None and c.as_of is not None and c.evidence
                             and c.evidence[0].start >= low
                             and abs((c.as_of - c.since).days + 1 - want) <= max(1, want // 4)), prev)
            if prev is not None and prev.evidence and prev.evidence[0].start >= self.ctx.sentences[max(0, si - 3)].start:
                since = DateMention(prev.evidence[0].start, prev.evidence[0].end, prev.since_text or "", prev.since, "day")
                return since, prev.since_text, (DateMention(0, 0, "", prev.as_of, "day") if prev.as_of else None)
            if si > 0:
                # "... since September 2024, when ... Since then, more than 2,300 ...": the period the sentence before opened
                b_since, b_text, _ = self._explicit_period(self.ctx.sentences[si - 1])
                if b_since is not None:
                    return b_since, b_text, None
        day = self._day(sent) if since is None and since_text is None and as_of is None else None
        if day is None and si in self.tallies_strikes_before and since is None and since_text is None and as_of is None:
            # "... killed and 25 wounded in Iraq" after the strikes were told: the day they were told of
            day = next((d for d in (self._day(x) for x in reversed(self.ctx.sentences[max(0, si - 3):si])) if d), None)
        if day is not None and all(f[4] != "attacks" for f in found):
            # "US airstrikes on Friday night killed 16 people in Iraq": the casualties of that day's strikes
            since = as_of = day
            since_text = day.text
        if since is None and since_text is None and as_of is None and self.report_day is not None \
                and self.p["day_scope"].search(s):
            # a report of one day's events: "By the end of the day", "in just 75 minutes"
            since = as_of = self.report_day
            since_text = self.report_day.text
        if since is None and since_text is None and self.p["anaphoric_attacks"].search(s):
            # "The attacks killed 1,540 people": counted over the period of the attacks counted before
            total = next((c for i, c in reversed(list(enumerate(claims)))
                          if c.unit == "attacks" and c.part_of is None and i not in self.comparisons), None)
            if total is not None and (total.since is not None or total.since_text):
                since = DateMention(0, 0, total.since_text or "", total.since, "day")
                if as_of is None and total.as_of:
                    as_of = DateMention(0, 0, "", total.as_of, "day")
                return since, total.since_text, as_of
        if since is None and since_text is None and as_of is None and si > 0 and claims \
                and si - 1 in self.sentences_with_claims and self.ctx.sentences[si - 1].paragraph == sent.paragraph \
                and self._day(sent) is None and self.p["perfect"].search(s):
            # "The Houthis have attacked more than 100 ships since November. They have sunk two, ... and killed
            # at least four seafarers": a tally carried on in the perfect counts over the same period
            prev = claims[-1]
            if prev.evidence and prev.evidence[0].start >= self.ctx.sentences[si - 1].start and prev.since is not None:
                return (DateMention(0, 0, prev.since_text or "", prev.since, "day"), prev.since_text,
                        DateMention(0, 0, "", prev.as_of, "day") if prev.as_of else None)
        return since, since_text, as_of

    def _same_period_of(self, s: str, end: int, base: Claim) -> tuple[DateMention, str, DateMention] | None:
        """"142 ... in the first half of this year, up from 118 in the same period of 2024": the comparison's
        period is its base's, in the year it names."""
        if base.since is None or base.as_of is None:
            return None
        m = next((x for x in (rx.compile(r, re.I).match(s, end) for r in load("claims")["same_period_of"]) if x), None)
        if m is None:
            return None
        year = int(m.group("y")) if m.groupdict().get("y") else base.since.year - 1
        shift = base.since.year - year
        if shift <= 0:
            return None
        since, as_of = _shift(base.since, shift, "year"), _shift(base.as_of, shift, "year")
        return (DateMention(0, 0, m.group(0).strip(), since, "year"), m.group(0).strip(),
                DateMention(0, 0, "", as_of, "day"))

    def _previous_period(self, s: str, end: int, base: Claim | None
                         ) -> tuple[DateMention, str, DateMention] | None:
        """"74 attacks in 2024, up from 61 the previous year": the comparison's period is its base's, moved
        back a year (or a month)."""
        m = self.p["previous_period"].match(s, end)
        if m is None or base is None or base.since is None or base.as_of is None:
            return None
        unit = "year" if m.group("year") else "month"
        since, as_of = _shift(base.since, 1, unit), _shift(base.as_of, 1, unit)
        if unit == "month":  # the whole month before: to its last day
            as_of = as_of.replace(day=calendar.monthrange(as_of.year, as_of.month)[1])
        return (DateMention(0, 0, m.group(0).strip(), since, unit), m.group(0).strip(),
                DateMention(0, 0, "", as_of, "day"))

    def _local_period(self, sent: Sentence, a: int, b: int) -> tuple[DateMention | None, str | None, DateMention | None] | None:
        """The period stated between a count and the next one ("..., with 127 deaths over the past 24 hours",
        "the 19th ... so far this year, and the third ... since March"), or None when that stretch states none."""
        sub = Sentence(sent.start + a, sent.start + b, sent.text[a:b], sent.paragraph, sent.index)
        since, since_text, as_of = self._explicit_period(sub)
        if since is None and since_text is None and as_of is None:
            return None
        return since, since_text, as_of

    def find(self) -> list[Claim]:
        claims: list[Claim] = []
        self._claims = claims
        text = self.ctx.report.text
        for si, sent in enumerate(self.ctx.sentences):
            if si > 0:
                self._parts_before(self.ctx.sentences[si - 1], si - 1, claims)
                self._ranked(self.ctx.sentences[si - 1], si - 1, claims)
            s = sent.text
            spans_taken: list[tuple[int, int]] = []
            people_ordinals: set[int] = set()  # starts of "the 27th police officer slain ..." counts
            # (start, end, value, qualifier, unit, ordinal, link): link is None, ("part", i) for a part of the
            # i-th count found, ("coord", i) for a count sharing its verb and period, ("whole", claim index)
            found: list[tuple[int, int, int, str, str, bool, tuple[str, int] | None]] = []
            if claims and si - 1 in self.sentences_with_claims and (len(s) < 60 and self._it_was(sent, si, claims)
                                                                     or self._bare_share(sent, si, claims)):
                continue
            if claims and ":" in s and s.lstrip()[:1] in "-•*–—" and self._bare_list_line(sent, si, claims):
                continue
            low = s.lower()
            has_casualty = _has_cue(low, _CASUALTY_STEMS, _CASUALTY_WORDS)
            has_attacks = _has_cue(low, _ATTACK_STEMS, _ATTACK_WORDS)
            if not (has_casualty or has_attacks):
                continue
            if ":" in s and self._list_line(sent, si, claims):
                continue
            if not has_number(s):  # every count below is a number the sentence gives
                continue
            if ("earlier version" in low or "correct" in low) and self.p["correction"].search(s):
                continue  # a correction notice repeats the figure it withdraws
            windows = word_windows(s)  # shared by the count patterns' gates
            for key, gated in _count_gates().items():
                if (key in _ATTACK_KEYS and not has_attacks) or (key not in _ATTACK_KEYS and key not in _ANY_GATE_KEYS and not has_casualty):
                    continue
                for m in gated.finditer(s, windows):
                    if any(a < m.end() and m.start() < b for a, b in spans_taken):
                        continue
                    if key == "change_to" and self.p["toll_of_acts"].search(s, max(0, m.start() - 60), m.start()):
                        continue  # "the death toll from Israeli strikes has risen to 43,000": the dead, not the strikes
                    if key == "were_attacks" and not (claims and self.p["of_those_lead"].match(s)):
                        continue  # "41 were ... attacks" is a part only of a total just told
                    if key not in ("count_to", "kept_count", "brings_to", "total_to") and self.p["prior_figure"].match(s, m.end()):
                        continue  # "... had been killed before this week, ..., bringing the total to 12": superseded
                    whole_ref = None
                    if key in ("ordinal", "ordinal_subject", "ordinal_time", "ordinal_people"):
                        value = parse_ordinal(m.group("ord"))
                        qual, unit, is_ord = _qualifier(m.group("qual")), "attacks", True
                        if key == "ordinal" and m.group("unit").lower() in _ORDINAL_ACT_UNITS:
                            unit = m.group("unit").lower() + "s"  # "the 14th mass abduction in Tsafe": of that kind
                        elif key == "ordinal" and m.group("unit").lower() in _ORDINAL_DEATHS:
                            unit = "killed"  # "the seventh targeted killing in Turbat since September"
                        if key == "ordinal_people":
                            # "the 27th police officer slain in Sinaloa this year": only over a counted period
                            if not self._period_follows(s, m.end()):
                                continue
                            unit = "abducted" if re.search(r"(?i)kidnap|abduct", m.group("unit")) else "killed"
                        elif value == 2 and not self._period_follows(s, m.end()):
                            continue  # "the second attack" counts only over a period ("... in the capital in a month")
                    else:
                        value = parse_cardinal(m.group("num"))
                        qual, is_ord = _qualifier(m.group("qual")), False
                        low = _RANGE_LOW.search(s, max(0, m.start("num") - 40), m.start("num"))
                        if low is not None and (lo := parse_cardinal(low.group("lo"))) is not None and value is not None and lo < value:
                            value, qual = lo, "at_least"  # "between 10,000 and 15,000 people were killed": the low end
                        if qual == "exact" and key == "total_to" and self.p["passing"].search(s[:m.start("num")]):
                            qual = "more_than"  # "the toll has passed 55,000"
                        if key in ("count_to", "kept_count"):
                            unit = self._count_unit(m, found)
                            if unit is None:
                                continue
                        elif key == "fraction_part":
                            # "Nearly half of them, 174, were killed in Gaza": a part of the count just told
                            unit = _unit(m.group("unit") or "killed")
                            whole_ref = next((j for j in range(len(claims) - 1, -1, -1)
                                              if claims[j].unit == unit and claims[j].part_of is None), None)
                            v = parse_cardinal(m.group("num"))
                            if whole_ref is None or si - 1 not in self.sentences_with_claims or v is None \
                                    or v >= claims[whole_ref].value:
                                continue
                        elif key == "seized_people":
                            unit = "abducted"
                        elif key == "share_of_them":
                            if not (claims and si - 1 in self.sentences_with_claims and claims[-1].unit == "attacks"):
                                continue  # "accounted for 862 of them": of the attacks just counted
                            unit = "attacks"
                        else:
                            unit = "killed" if key in ("toll", "buried") or re.match(r"(?i)(?:homicide|murder)\s+victims", m.group("unit") or "") \
                                else ("attacks" if key in ("objects", "objects_passive") else
                                      "schools" if key in ("schools", "schools_passive") else
                                      "settlements" if key == "settlements" else _unit(_LIVES_OF.sub("lives", m.group("unit")).split()[-1]))
                        if unit in ("killed", "injured") and m.groupdict().get("unit") and self.p["either"].match(s, m.end("unit")):
                            unit = "killed_or_injured"  # "killed or injured": one figure for both
                        if (key in ("objects", "objects_passive", "schools", "schools_passive")
                                or (key == "settlements" and (value or 0) < 3)) and not (
                                self.p["period"].search(s) or self.p["cumulative"].search(s) or self._month_scope(sent)):
                            continue  # "struck three targets": one raid's, unless counted over a period
                        if key in ("objects", "objects_passive") and self._day_after(sent, m.end()):
                            continue  # "struck 85 targets in Iraq and Syria on Feb. 2": one day's raids
                        nstart = m.start("num")
                        if self.p["skip_left"].search(s[max(0, nstart - 12):nstart]) or \
                                self.p["skip_right"].search(s[m.end("num"):m.end("num") + 14]):
                            continue
                        raw = m.group("num")
                        if re.fullmatch(r"1[89]\d\d|20\d\d", raw) and "unit" in m.groupdict() \
                                and (s[m.end("num"):m.start("unit")].strip() or (not m.group("qual") and 1946 <= int(raw) <= 2035)):
                            continue  # "the 2007 Bagram Airfield bombing", "remembers 2016 bombings": a year, not a count
                        # the number must not be a date's day or a year
                        if any(d.start <= sent.start + nstart < d.end for d in self.ctx.dates_in(sent.start, sent.end)):
                            continue
                        if unit == "attacks" and (m.groupdict().get("unit") or "").lower() == "times" \
                                and not self.p["times_context"].search(s):
                            continue
                    if value is None or value <= 1 or value > 10_000_000:
                        continue
                    if unit == "killed_or_injured":
                        unit = "casualties"  # (a bare "casualties" stays unread: it is often split just after)
                    elif unit not in CLAIM_UNITS or unit == "casualties":
                        continue
                    if is_ord and value < 2:
                        continue
                    if not is_ord and unit == "attacks" and value < 3:
                        continue
                    if unit != "attacks" and not self._violent(si):
                        continue
                    if not is_ord and not self._is_aggregate(s, unit, value, m.start(), key, si):
                        continue
                    spans_taken.append((m.start(), m.end()))
                    if key == "ordinal_people":
                        people_ordinals.add(m.start())
                    head = m.start()
                    if key == "change_to" and (fr := _FROM_YEAR_TO.search(s, m.start(), m.end())) is not None \
                            and (v0 := parse_cardinal(fr.group("num"))) is not None:
                        # "militant incidents fell from 228 in 2018 to 46 in 2023": two counts, each over its year
                        found.append((fr.start("num"), fr.end("num"), v0, "exact", unit, False, None))
                        head = m.start("num")
                    found.append((head, m.end(), value, qual, unit, is_ord,
                                  ("ofthe", -1) if key in ("of_the_attacks", "share_of_them")
                                  else ("whole", whole_ref) if whole_ref is not None else None))
            found.sort()
            if has_casualty or any(f[4] == "attacks" and f[6] is None for f in found):
                found = self._elliptical(sent, si, found, spans_taken, claims)
            if found:
                found = self._further(sent, found, spans_taken)
            if not found:
                continue
            places = [p for p in self.ctx.places_in(sent.start, sent.end) if not self._acting_country(p)]
            countries = [p for p in places if p.feature in ("country",)] or places
            world = bool(self.p["worldwide"].search(s))
            if world:
                self.world_si = si
            if not countries:
                # "injured in the attacks": the attacks the report has counted, where it counted them
                total = next((c for c in reversed(claims) if c.unit == "attacks" and c.part_of is None and c.region),
                             None) if self.p["anaphoric_attacks"].search(s) else None
                if total is not None:
                    countries = [PlaceMention(text=r, start=0, end=0, country=r, feature="country") for r in total.region]
                elif world:
                    pass  # "killed around the world in 2024": a world total has no region
                elif 0 <= si - self.world_si <= 5 and not next((c.region for c in reversed(claims) if c.part_of is None), True):
                    pass  # "... around the world in 2024. ... 265 aid workers have been killed so far in 2025": so is
                    # a count with no place of its own that goes on with it
                elif self.main_country:
                    countries = [self.main_country]
                elif claims and si - 1 in self.sentences_with_claims and claims[-1].region \
                        and claims[-1].evidence and claims[-1].evidence[0].start >= self.ctx.sentences[si - 1].start:
                    # "... 1,674 civilians in Ukraine in July. It has verified more than 13,500 deaths ...": the
                    # count told just before gives the place
                    countries = [PlaceMention(text=r, start=0, end=0, country=r, feature="country") for r in claims[-1].region]
            since, since_text, as_of = self._sentence_period(sent, si, found, claims)
            attribution = self.attr[si]
            speaker, via = expand_name(attribution.speaker, text[:sent.start]), attribution.via
            prev = self._previous_claim(si, claims)
            if speaker is not None and via is None and self._place_named(sent, speaker):
                # "Mandera County recorded 29 attacks": a place that records a count is where it was counted,
                # not who counts; the source of the figures just told goes on
                speaker, via = (prev.speaker, prev.via) if prev is not None else (None, None)
            if speaker is None and prev is not None and si - 1 in self.sentences_with_claims \
                    and (self.p["another_lead"].match(s) or self.p["of_those_lead"].match(s) or self.p["followed_by"].search(s)
                         or self.p["share"].search(s)):
                speaker, via = prev.speaker, prev.via  # "Another 2,140 people were wounded": the same source goes on
            if speaker is None and prev is not None and si - 1 in self.sentences_with_claims and self.p["anaphoric_attacks"].search(s):
                speaker, via = prev.speaker, prev.via  # "... killed in these attacks": the source of the attacks' count
            if speaker is None and prev is not None and self.p["it_said"].match(s):
                speaker, via = prev.speaker, prev.via  # "It said ...": the source of the figures just told
            if speaker is None and attribution.document and prev is not None:
                speaker, via = prev.speaker, prev.via  # "..., the report said": the report whose figures were just told
            if since is None and since_text is None and as_of is None and prev is not None \
                    and speaker is not None and prev.speaker == speaker and self._day(sent) is None \
                    and (prev.since is not None or prev.as_of != self.ctx.report.published):
                # "It said it had also documented 38 deaths ...": the same source going on with its tally
                # counts over the period of the figures it gave just before
                since = DateMention(0, 0, prev.since_text or "", prev.since, "day") if (prev.since or prev.since_text) else None
                since_text = prev.since_text
                as_of = DateMention(0, 0, "", prev.as_of, "day") if prev.as_of else None
            if not _region(countries) and prev is not None and speaker is not None and prev.speaker == speaker:
                # "... 412 violent events in Burkina Faso ... The monitor said it recorded 1,086 fatalities in the
                # country": the same source's figures are about the place it just counted
                countries = [PlaceMention(text=r, start=0, end=0, country=r, feature="country") for r in prev.region]
            # (one count too: "X estimates that more than 6,200 ..., and the IOM says ...": the count is X's)
            clauses = self._speech_clauses(s) if len(found) > 1 or self.p["clause_cut"].search(s) else []
            target = _target(s, self.ctx, sent)
            actor = next((a.name for a in self.ctx.actors_in(sent.start, sent.end)
                          if a.named and not (target and a.side == "us")), None)
            total_index: int | None = None
            index_of: dict[int, int] = {}
            heads = [f[0] for f in found if f[6] is None or f[6][0] in ("compare", "more")]
            of_those = self.p["of_those_lead"].match(s)
            whole = next((j for j in range(len(claims) - 1, -1, -1) if claims[j].part_of is None), None) if of_those else None
            for fi, (start, end, value, qual, unit, is_ord, link) in enumerate(found):
                if link is not None and link[0] not in ("whole", "ofthe") and link[1] not in index_of:
                    continue  # leans on a count that was not kept
                c_since, c_since_text, c_as_of = since, since_text, as_of
                if len(heads) > 1 and (link is None or link[0] in ("compare", "more")):
                    # several counts: each takes the period stated between it and the next
                    nxt = min((h for h in heads if h > start), default=len(s))
                    local = self._local_period(sent, start, nxt)
                    if local is not None:
                        c_since, c_since_text, c_as_of = local
                if link is not None and link[0] == "compare" and link[1] in index_of \
                        and (other := self._same_period_of(s, end, claims[index_of[link[1]]])) is not None:
                    c_since, c_since_text, c_as_of = other  # "up from 118 in the same period of 2024"
                elif link is not None and link[0] == "compare" and (c_since, c_since_text, c_as_of) == (since, since_text, as_of):
                    before = self._previous_period(s, end, claims[index_of[link[1]]] if link[1] in index_of else None)
                    if before is None:
                        continue  # "up from 856": a comparison must state its own period
                    c_since, c_since_text, c_as_of = before
                if link is not None and link[0] == "ofthe":
                    # "734 of the attacks": a part of the last total of attacks, over its period
                    named = re.search(r"\bof\s+(?:the|those|these)\s+(\d[\d,]*)\b", s[start:end])
                    named_v = parse_cardinal(named.group(1)) if named else None
                    ref_i = next((j for j in range(len(claims) - 1, -1, -1) if named_v is not None and claims[j].unit == "attacks"
                                  and claims[j].value == named_v), None)
                    if ref_i is None:
                        ref_i = next((j for j in range(len(claims) - 1, -1, -1) if claims[j].unit == "attacks"
                                  and claims[j].part_of is None and j not in self.comparisons), None)
                    link = None
                    if ref_i is not None and claims[ref_i].value > value:
                        ref = claims[ref_i]
                        whole_of_this = ref_i
                        c_since = DateMention(0, 0, ref.since_text or "", ref.since, "day") if (ref.since or ref.since_text) else None
                        c_since_text = ref.since_text
                        c_as_of = DateMention(0, 0, "", ref.as_of, "day") if ref.as_of else None
                    else:
                        whole_of_this = None
                else:
                    whole_of_this = None
                if link is not None and link[0] in ("part", "coord", "gapped") and link[1] in index_of:
                    base = claims[index_of[link[1]]]
                    c_since = DateMention(0, 0, base.since_text or "", base.since, "day") if (base.since or base.since_text) else None
                    c_since_text = base.since_text
                    c_as_of = DateMention(0, 0, "", base.as_of, "day") if base.as_of else None
                if whole is not None and c_since is None and c_since_text is None and c_as_of is None:
                    ref = claims[whole]
                    c_since = DateMention(0, 0, ref.since_text or "", ref.since, "day") if (ref.since or ref.since_text) else None
                    c_since_text = ref.since_text
                    c_as_of = DateMention(0, 0, "", ref.as_of, "day") if ref.as_of else None
                claim = Claim(
                    value=value, qualifier=qual, unit=unit,
                    since=c_since.date if c_since else None,
                    since_text=c_since_text,
                    since_partial=c_since.partial if c_since and c_since.date is None else None,
                    as_of=(c_as_of.date if c_as_of else self.ctx.report.published),
                    region=_region(countries), target=target, actor=actor,
                    speaker=speaker, via=via, ordinal=is_ord,
                    evidence=[Span(sent.start + start, sent.start + end, text[sent.start + start:sent.start + end]),
                              Span(sent.start, sent.end, s)],
                )
                if c_since is not None and c_since.date is None:
                    claim.notes.append(f"year of '{c_since.text}' unknown: no publication date")
                if whole is not None and claims[whole].unit == unit and value < claims[whole].value and link is None:
                    claim.part_of = whole  # "Of those, 53 attacks took place in Iraq"
                if whole_of_this is not None:
                    claim.part_of = whole_of_this
                if link is not None and link[0] == "compare":
                    self.comparisons.add(len(claims))
                if len(countries) > 1:
                    # "killed 16 people in Iraq, ... 23 fighters were killed in Syria", "64 U.S. air strikes in
                    # Somalia": each count its own place
                    own = self._own_countries(sent, end)
                    if own:
                        claim.region = own
                    else:
                        # "Burkina Faso suffered 38 attacks ..., Mali 14": the lead of a row of places is the
                        # place named before it, the others' places being theirs
                        rows = {f[6][2][0] for f in found if f[6] is not None and f[6][0] == "gapped" and f[6][1] == fi and len(f[6]) > 2}
                        lead = [pl.country for pl in countries if pl.start < sent.start + start and pl.country not in rows]
                        if rows and lead:
                            claim.region = lead[-1:]
                if link is not None and link[0] in ("compare", "more", "gapped"):
                    kind, ref = link[:2]
                    base = claims[index_of[ref]]
                    claim.part_of = base.part_of
                    if kind == "gapped":
                        claim.region = link[2] if len(link) > 2 else list(base.region)
                    link = None if kind == "compare" else link
                elif link is not None:
                    kind, ref = link[:2]
                    base = claims[ref] if kind == "whole" else claims[index_of[ref]]
                    if kind in ("part", "whole"):
                        claim.part_of = ref if kind == "whole" else index_of[ref]
                    if kind == "whole" and (since is None and since_text is None and as_of is None
                                            or base.since is not None or base.as_of != self.ctx.report.published):
                        # "Of the 130 injured, 77 were ...": the part is counted over its whole's period (a
                        # "since" in an aside, "where fighting has raged since April 2023", is not the count's)
                        claim.since, claim.since_text, claim.since_partial = base.since, base.since_text, base.since_partial
                        claim.as_of = base.as_of
                    if kind == "whole" and not countries:
                        claim.region = list(base.region)
                    if kind == "whole":
                        own = self._place_after(sent, end)
                        if own is not None:
                            claim.region = [own[0]]
                            self._gapped_parts(sent, own[1], claim, ref, claims)
                # "... killed 16 people in Iraq, the Iraqi government said, and a war monitor said 23 were
                # killed in Syria": each count is credited to the speaker of its own clause
                for a, b, clause_speaker in clauses:
                    if a <= start < b and clause_speaker:
                        claim.speaker = expand_name(clause_speaker, text[:sent.start])
                        claim.via = None if clause_speaker != attribution.speaker else via
                if claim.as_of is None:
                    claim.notes.append("as_of unknown: no publication date")
                # "..., 57 times in Iraq and 83 in Syria": a later count of the same unit with its own place
                # right after it is a part of the sentence's total
                local = re.match(r"\s+in\s+(?:the\s+)?", s[end:])
                if link is None and total_index is not None and local and claims[total_index].unit == unit and value < claims[total_index].value:
                    at = sent.start + end + local.end()
                    own = [pl.country for pl in self.ctx.places_in(at, at + 60) if pl.country and pl.start == at]
                    if own:
                        claim.region, claim.part_of = own[:1], total_index
                index_of[fi] = len(claims)
                claims.append(claim)
                if unit == "attacks":
                    self.attack_totals += 1
                    self.attack_total_si = si
                if not ((self.p["violence_during"].search(s) or all(f[0] in people_ordinals for f in found))
                        and self._day(sent) is not None):
                    # (a day's toll over an event of many incidents, "killed in violence during local elections on
                    # Thursday", also leads the report of that day's incidents: its sentence stays theirs too; so
                    # does an ordinal riding on the report of a day's killing, "Gunmen killed a police commander ...
                    # on Monday, the 27th police officer slain in Sinaloa this year")
                    self.sentences_with_claims.add(si)
                if link is not None:
                    continue
                if total_index is None:
                    total_index = len(claims) - 1
                    self._breakdowns(sent, end, claim, claims, total_index)
        if self.ctx.sentences:
            self._parts_before(self.ctx.sentences[-1], len(self.ctx.sentences) - 1, claims)
            self._ranked(self.ctx.sentences[-1], len(self.ctx.sentences) - 1, claims)
        claims = _merge_duplicates(claims)
        for i, c in enumerate(claims):
            c.noun = counted_noun(c)
            if c.noun is None and i and claims[i - 1].unit == c.unit and len(c.evidence) > 1 \
                    and len(claims[i - 1].evidence) > 1 and claims[i - 1].evidence[1].start == c.evidence[1].start:
                c.noun = claims[i - 1].noun  # "23 incidents affecting aid workers ..., against 19 in July"
        return claims

    def _it_was(self, sent: Sentence, si: int, claims: list[Claim]) -> bool:
        """"We have recorded 284 attacks since January. In 2024 it was 196.": the count just told, for the
        year the short sentence names. Returns whether the sentence was read as such."""
        m = self.p["it_was"].match(sent.text)
        if m is None:
            return False
        value = parse_cardinal(m.group("num"))
        since, since_text, as_of = self._explicit_period(sent)
        if value is None or since is None or since.date is None:
            return False
        prev = claims[-1]
        a, b = sent.start + m.start("num"), sent.start + m.end("num")
        claims.append(Claim(
            value=value, qualifier=_qualifier(m.group("qual")), unit=prev.unit, since=since.date, since_text=since_text,
            as_of=as_of.date if as_of is not None else self.ctx.report.published, region=list(prev.region),
            speaker=self.attr[si].speaker or prev.speaker, via=self.attr[si].via or prev.via,
            evidence=[Span(a, b, self.ctx.report.text[a:b]), Span(sent.start, sent.end, sent.text)],
        ))
        self.sentences_with_claims.add(si)
        return True

    def _bare_share(self, sent: Sentence, si: int, claims: list[Claim]) -> bool:
        """"The office held CODECO responsible for 641 deaths. The ADF were blamed for 398.": a share of the
        count just told given with its unit left out, over that count's period. Returns whether it was read."""
        prev = claims[-1]
        if prev.unit not in ("killed", "injured", "abducted", "attacks") or not prev.evidence \
                or prev.evidence[0].start < self.ctx.sentences[si - 1].start:
            return False
        m = self.p["bare_share"].search(sent.text)
        value = parse_cardinal(m.group("num")) if m else None
        if value is None or value < 2 or value >= max(c.value for c in claims if c.unit == prev.unit and c.part_of is None
                                                       or c is prev):
            return False
        a, b = sent.start + m.start("num"), sent.start + m.end("num")
        claims.append(Claim(
            value=value, qualifier=_qualifier(m.group("qual")), unit=prev.unit, since=prev.since,
            since_text=prev.since_text, since_partial=prev.since_partial, as_of=prev.as_of, region=list(prev.region),
            speaker=self.attr[si].speaker or prev.speaker, via=self.attr[si].via or prev.via, part_of=prev.part_of,
            evidence=[Span(a, b, self.ctx.report.text[a:b]), Span(sent.start, sent.end, sent.text)],
        ))
        self.sentences_with_claims.add(si)
        return True

    def _bare_list_line(self, sent: Sentence, si: int, claims: list[Claim]) -> bool:
        """"The report gives the following figures for abductions: - Zamfara: 706 - Kebbi: 139": a line of bare
        figures by place under a lead-in ending in a colon that names what they count, each over the period of
        the count told last, credited to its speaker. Returns whether the sentence was read as such a line."""
        m = self.p["bare_list_line"].match(sent.text)
        if m is None:
            return False
        lead_in = next((self.ctx.sentences[j] for j in range(si - 1, max(-1, si - 12), -1)
                        if self.ctx.sentences[j].text.rstrip().endswith(":")), None)
        if lead_in is None:
            return False
        unit = next((u for u, rx in self.p["count_nouns"].items() if rx.search(lead_in.text)), None)
        value = parse_cardinal(m.group("num"))
        a, b = sent.start + m.start("label"), sent.start + m.end("label")
        region = [p.country for p in self.ctx.places_in(a, b) if p.country][:1]
        lead = next((c for c in reversed(claims) if c.unit == unit and c.part_of is None), None)
        if unit not in ("killed", "injured", "abducted", "attacks") or value is None or lead is None or not region:
            return False
        n, v = sent.start + m.start("num"), sent.start + m.end("num")
        claims.append(Claim(
            value=value, qualifier=_qualifier(m.group("qual")), unit=unit, since=lead.since, since_text=lead.since_text,
            since_partial=lead.since_partial, as_of=lead.as_of, region=region, speaker=lead.speaker, via=lead.via,
            evidence=[Span(n, v, self.ctx.report.text[n:v]), Span(sent.start, sent.end, sent.text)],
        ))
        self.sentences_with_claims.add(si)
        return True

    def _list_line(self, sent: Sentence, si: int, claims: list[Claim]) -> bool:
        """"- Zamfara: 214 attacks, 702 killed": a line of a list that breaks down a total told just before
        (by place or by kind), each figure a claim over the total's period, credited to the total's speaker.
        Returns whether the sentence was read as such a line."""
        m = self.p["list_line"].match(sent.text)
        if m is None or not claims:
            return False
        lo = self.ctx.sentences[max(0, si - 8)].start
        lead_i = next((i for i in range(len(claims) - 1, -1, -1) if claims[i].part_of is None
                       and claims[i].evidence and claims[i].evidence[0].start >= lo), None)
        if lead_i is None:
            return False
        lead = claims[lead_i]
        text = self.ctx.report.text
        a, b = sent.start + m.start("label"), sent.start + m.end("label")
        region = [p.country for p in self.ctx.places_in(a, b) if p.country][:1] or list(lead.region)
        base = sent.start + m.start("items")
        for item in self.p["list_item"].finditer(m.group("items")):
            value = parse_cardinal(item.group("num"))
            unit = _unit(item.group("unit").split()[-1])
            if value is None or unit not in ("attacks", "killed", "injured", "abducted"):
                continue
            whole = next((i for i in range(len(claims) - 1, -1, -1) if claims[i].part_of is None
                          and claims[i].unit == unit and claims[i].value > value
                          and claims[i].evidence and claims[i].evidence[0].start >= lo), None)
            claims.append(Claim(
                value=value, qualifier=_qualifier(item.group("qual")), unit=unit, since=lead.since,
                since_text=lead.since_text, since_partial=lead.since_partial, as_of=lead.as_of, region=region,
                speaker=lead.speaker, via=lead.via, part_of=whole,
                evidence=[Span(base + item.start(), base + item.end(), text[base + item.start():base + item.end()]),
                          Span(sent.start, sent.end, sent.text)],
            ))
            self.sentences_with_claims.add(si)
        return True

    def _place_after(self, sent: Sentence, end: int) -> tuple[str, int] | None:
        """The country of the place named right after a count ("... were killed in Gaza") and where that name ends
        in the sentence, or None."""
        m = re.match(r"\s+in\s+(?:the\s+)?(?=[A-Z])", sent.text[end:])
        if m is None:
            return None
        at = sent.start + end + m.end()
        pl = next((p for p in self.ctx.places_in(at, at + 60) if p.start == at and p.country), None)
        return (pl.country, pl.end - sent.start) if pl is not None else None

    def _gapped_parts(self, sent: Sentence, after: int, part: Claim, whole: int, claims: list[Claim]) -> None:
        """"Nearly half of them, 174, were killed in Gaza, and 57 in Sudan": further parts of the same whole, the
        verb left out, each with its own place."""
        at = after
        while m := re.match(rf"\s*,?\s+and\s+(?:(?P<qual>{self.p['qual_words']})\s+)?(?P<num>{CARDINAL})\s+in\s+(?:the\s+)?(?=[A-Z])",
                            sent.text[at:]):
            value = parse_cardinal(m.group("num"))
            own = self._place_after(sent, at + m.end("num"))
            if value is None or value < 2 or own is None or value >= claims[whole].value:
                return
            a, b = sent.start + at + m.start("num"), sent.start + own[1]
            claims.append(Claim(
                value=value, qualifier=_qualifier(m.group("qual")), unit=part.unit, since=part.since,
                since_text=part.since_text, since_partial=part.since_partial, as_of=part.as_of, region=[own[0]],
                target=part.target, actor=part.actor, speaker=part.speaker, via=part.via, part_of=whole,
                evidence=[Span(a, b, self.ctx.report.text[a:b])], notes=list(part.notes)))
            at = own[1]

    def _breakdowns(self, sent: Sentence, after: int, total: Claim, claims: list[Claim], total_index: int) -> None:
        """"... 14 in Iraq and 9 in Syria": parts of the total, each a claim of its own."""
        tail = sent.text[after:]
        parts = list(self.p["breakdown"].finditer(tail))
        if len(parts) == 1:
            # "53 attacks took place in Iraq and 74 in Syria": the first count is itself a part with its place
            own = self._own_countries(sent, after)
            m = parts[0]
            if not own or not re.match(r"(?:[^.;\d]|(?:19|20)\d\d\b){0,100}?\band\s+(?:(?:%s)\s+)?$" % self.p["qual_words"], tail[:m.start()]):
                return
            value = parse_cardinal(m.group("num"))
            at = sent.start + after + m.start("place")
            region = [p.country for p in self.ctx.places_in(at, sent.start + after + m.end("place")) if p.country]
            if value is None or value < 2 or not region or region[0] in own:
                return
            total.region = own
            base = sent.start + after
            qual = re.search(r"(?i)\b(%s)\s+$" % self.p["qual_words"], tail[:m.start()])
            claims.append(Claim(
                value=value, qualifier=_qualifier(qual.group(1)) if qual else "exact", unit=total.unit, since=total.since, since_text=total.since_text,
                since_partial=total.since_partial, as_of=total.as_of, region=region[:1], target=total.target,
                actor=total.actor, speaker=total.speaker, via=total.via, part_of=total.part_of,
                evidence=[Span(base + m.start(), base + m.end(), self.ctx.report.text[base + m.start():base + m.end()])],
                notes=list(total.notes),
            ))
            return
        if len(parts) < 2:
            return
        base = sent.start + after
        for m in parts:
            value = {"once": 1, "twice": 2}.get(m.group("num").lower()) or parse_cardinal(m.group("num"))
            if value is None or value >= total.value:
                continue
            place_start = base + m.start("place")
            region = [p.country for p in self.ctx.places_in(place_start, base + m.end("place")) if p.country]
            if not region:
                continue
            claims.append(Claim(
                value=value, qualifier="exact", unit=total.unit, since=total.since, since_text=total.since_text,
                since_partial=total.since_partial, as_of=total.as_of, region=region[:1], target=total.target,
                actor=total.actor, speaker=total.speaker, via=total.via, part_of=total_index,
                evidence=[Span(base + m.start(), base + m.end(), self.ctx.report.text[base + m.start():base + m.end()])],
                notes=list(total.notes),
            ))


_FROM_YEAR_TO = rx.compile(r"\bfrom\s+(?P<num>\d[\d,]*)\s+in\s+(?:19|20)\d\d\s+to\b")


def _period_length(phrase: str) -> int | None:
    """The length in days of the period a phrase names ("over the three months": 90, "in the quarter": 91), or
    None when it names none."""
    m = re.search(r"(?i)\b(?:(?P<n>\w+)\s+)?(?P<u>day|week|fortnight|month|quarter|year)s?\b", phrase)
    if m is None:
        return None
    per = load("claims")["period_lengths"][m.group("u").lower()]
    n = parse_cardinal(m.group("n")) if m.group("n") and m.group("n").lower() not in ("the", "same", "that", "this") else None
    return per * (n or 1)


def _last_year(d: DateMention, text: str, published: date | None) -> DateMention:
    """"since Jan. 16 last year": the day a year before the one read without the year."""
    if d.date is None or published is None or d.date.year != published.year \
            or not re.match(r"\s*,?\s*(?:of\s+)?last\s+year\b", text[d.end:d.end + 20], re.I):
        return d
    try:
        shifted = d.date.replace(year=d.date.year - 1)
    except ValueError:  # 29 February
        shifted = d.date.replace(year=d.date.year - 1, day=28)
    return DateMention(d.start, d.end, d.text, shifted, d.precision, None, d.partial, d.relative)


def _shift(day: date, n: int, unit: str) -> date:
    """``day`` moved back ``n`` hours, days, weeks, months or years ("in the last 15 months")."""
    if unit.startswith("hour"):
        return day - timedelta(days=max(1, n // 24))
    if unit.startswith("fortnight"):
        return day - timedelta(weeks=2 * n)
    if unit.startswith("day"):
        return day - timedelta(days=n)
    if unit.startswith("week"):
        return day - timedelta(weeks=n)
    months = n * 12 if unit.startswith("year") else n
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def _speaker_words(speaker: str) -> set[str]:
    return set(re.findall(r"\w+", speaker.replace(".", "").lower()))


def _fuller(new: str, old: str) -> bool:
    """Whether ``new`` describes the same source as ``old`` more fully ("US military official" against
    "U.S. Official"): every word of the old description is in the new one, and it has more."""
    a, b = _speaker_words(new), _speaker_words(old)
    return bool(b) and b < a


_COUNT_TOKEN = rx.compile(rf"\b(?:{ORDINAL}|{CARDINAL})\b", re.I)
_ORDINAL_TIME_VERB = rx.compile(r"\btime\b.*\b(shelled|bombed|attacked|struck|raided|hit|rammed|fired)\b", re.I)
_TIME_VERB_NOUNS = {"shelled": "shelling", "bombed": "bombing", "attacked": "attack", "struck": "strike", "raided": "raid",
                    "rammed": "ramming", "fired": "shooting"}
_LEADING_NOUN = rx.compile(rf"(?P<noun>(?:[\w-]+\s+){{0,2}}?(?:{alternation(load('claims')['units']['attacks'])}))\b", re.I)
_ORDINAL_NOUN = rx.compile(rf"\s+(?P<noun>(?:[\w-]+\s+){{0,2}}?(?:{alternation(load('claims')['units']['attacks'])}))\b", re.I)
_NOUN_LEAD = rx.compile(r"^(?:(?:more|other|further|additional|separate|new|recorded|reported|documented|"
                        r"confirmed|such)\s+)+", re.I)


def _sites(places: list[PlaceMention]) -> set[str]:
    """The distinct sites among places, a region left out when a town named with it lies in it
    ("Tepalcatepec, in Mexico's western state of Michoacán" is one site)."""
    towns = {(p.country, p.admin1) for p in places if p.feature != "admin1"}
    return {(p.name or p.text).lower() for p in places
            if not (p.feature == "admin1" and (p.country, p.name) in towns)}


def counted_noun(claim: Claim) -> str | None:
    """What a count counts, as the report words it: "drone strikes" for "52 drone strikes" (unit
    ``attacks``), "kidnapped" for "37 people were kidnapped" (unit ``abducted``), "homicides" for "2,514
    homicides" (unit ``killed``). ``unit`` stays the controlled name a ledger sums and reconciles by; this
    keeps the report's own word beside it, so a count of shellings is not read as one of all attacks."""
    if not claim.evidence:
        return None
    span = claim.evidence[0].text
    if claim.unit in ("killed", "injured", "abducted", "casualties"):
        for w in re.findall(r"[A-Za-z][\w-]*", span):
            if _unit(w) == claim.unit:
                return w.lower()
        return None
    last = None
    for m in _COUNT_TOKEN.finditer(span):
        last = m
    if last is None:
        return None
    tail = _NOUN_LEAD.sub("", " ".join(span[last.end():].split()).strip(" ,;:-\u2013\u2014"))
    if not tail and not span[:1].isdigit() and (lead := _LEADING_NOUN.match(span)) is not None:
        tail = " ".join(lead.group("noun").split())  # "raids on Yemen since March 15 has risen to more than 1,000"
    if claim.ordinal and (verb := _ORDINAL_TIME_VERB.search(span)) is not None:
        # "the sixth time Kadugli town has been shelled": the act the verb names
        return _TIME_VERB_NOUNS.get(verb.group(1).lower())
    if not tail and len(claim.evidence) > 1 and claim.ordinal:
        # "The incident is the 23rd shooting incident": the ordinal's noun follows the count's span
        sent = claim.evidence[1]
        after = _ORDINAL_NOUN.match(sent.text, claim.evidence[0].end - sent.start)
        tail = " ".join(after.group("noun").split()) if after else ""
    words = tail.split()
    if not words or len(words) > 5:
        return None
    return tail


def _merge_duplicates(claims: list[Claim]) -> list[Claim]:
    """The same count said twice in one report ("118 operations" ... "118 attacks") is one claim."""
    out: list[Claim] = []
    remap: dict[int, int] = {}
    for i, c in enumerate(claims):
        twin = next((j for j, o in enumerate(out) if o.value == c.value and o.unit == c.unit
                     and (not o.region or not c.region or set(o.region) == set(c.region))
                     and (o.part_of is None) == (c.part_of is None)), None)
        if twin is None:
            remap[i] = len(out)
            out.append(c)
            continue
        remap[i] = twin
        o = out[twin]
        o.evidence.extend(c.evidence)
        # prefer the attributed reading; fill what the other lacks
        if c.speaker is not None and (o.speaker is None or (o.speaker.islower() and not c.speaker.islower())
                                      or _fuller(c.speaker, o.speaker)):
            o.speaker, o.via = c.speaker, c.via  # a named source over a bare description ("a war monitor")
        for f in ("since", "since_text", "since_partial", "target", "actor"):
            if getattr(o, f) is None and getattr(c, f) is not None:
                setattr(o, f, getattr(c, f))
        if not o.region:
            o.region = c.region
        if o.qualifier == "exact" and c.qualifier != "exact":
            o.qualifier = c.qualifier
        for n in c.notes:
            if n not in o.notes:
                o.notes.append(n)
    for c in out:
        if c.part_of is not None:
            c.part_of = remap.get(c.part_of, c.part_of)
    return out


def attach_context(claims: list[Claim], places: list[PlaceMention], weapons: list[str]) -> None:
    """Give the report's total attack counts the places and weapons its aggregate sentences list."""
    totals = [c for c in claims if c.unit == "attacks" and c.part_of is None]
    if not totals:
        return
    seen: set[tuple[str | None, str]] = set()
    locs: list[Location] = []
    for p in places:
        if p.feature in ("country", "continent", "region") or p.geo_precision == 3:
            continue
        key = (p.gazetteer_id, p.text.lower())
        if key in seen or (p.gazetteer_id and any(k[0] == p.gazetteer_id for k in seen)):
            continue
        seen.add(key)
        locs.append(Location.from_place(p))
    for c in totals:
        c.locations = list(locs)
        c.weapons = sorted(set(c.weapons) | set(weapons))
