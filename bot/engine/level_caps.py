"""Ordinary accounts the seeds put at level 1 or 2, said with a worry word that alone reads higher (issue 11).

The issue's "pushed up wrongly" list: separation, a parent stable on a methadone script, a teenager home late once.
Each is a level-1 or level-2 line in the seeds; the worry word ("separated", "heroin", "didn't come home") is the
same as in the level-3 lines, and only the stated facts tell them apart:

- separation with nothing said of conflict is level 1: 000 line 1153 ("Good relationships within family, including
  when parents are separated") and 003 line 206 ("Good family relationships including when parents are separated,
  divorced and/or reconstructed");
- substance use that is controlled or stable, with nothing said of current misuse or its effect, is level 2:
  003 line 211, Early Help: "Controlled or stable substance abuse";
- going missing climbs above level 2 only on a stated fact (more than once, overnight, signs of exploitation, for
  a long time, fear): 001 line 470, level 2: "Initial or infrequent missing episodes".

Caps only lower a concept's own line; a red flag, a floor (bot/engine/level_floors.py) or another worry still counts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Dict, FrozenSet, List, Tuple

from bot.engine.rules.rule_hits import negated_before
from bot.language.matcher import ConceptHit

SEPARATION_ONLY = re.compile(r"^(?:(?:mum|mummy|mam|mom|dad|daddy|parents?|mother|father|and|his|her|their|have|has|"
                             r"had|are|were|got|getting|recently|just|last year|now)\s+)*(?:separat\w*|split(?:\s+up)?|"
                             r"divorc\w*|broke(?:n)? up|splitting(?:\s+up)?)$", re.I)
CONFLICT = re.compile(r"\b(?:row\w*|argu\w*|fight\w*|fought|shout\w*|scream\w*|court|dispute\w*|acrimon\w*|conflict\w*|"
                      r"nasty|hostile|bitter|won'?t (?:speak|talk)|not speaking|police|abus\w*|violen\w*|threat\w*|"
                      r"slagg\w*|badmouth\w*|bad-?mouth\w*|use[sd]? (?:him|her|them) as|messenger|go-between|"
                      r"stopped (?:him|her|them) seeing|won'?t let (?:him|her|them) see|tug of war|"
                      r"caught in the middle|blames? (?:him|her)self|"
                      r"handovers? (?:are|is) (?:awful|horrible|tense))\b", re.I)

STABLE_TREATMENT = re.compile(r"\b(?:methadone|subutex|buprenorphine|on (?:a|her|his|their) script|scripted|"
                              r"in recovery|recovering|clean (?:for|since)|sober (?:for|since)|abstinent|"
                              r"stable (?:on|for|now)|controlled|"
                              r"engag\w* (?:well )?with (?:the )?(?:drug|alcohol|substance|recovery|treatment)|"
                              r"(?:drug|alcohol|substance)s? (?:and alcohol )?(?:service|team|worker)s?|"
                              r"locked (?:box|cabinet|tin|safe))\b", re.I)
# "High" only of a person ("he was high"), not "a locked box in a high cupboard".
CURRENT_MISUSE = re.compile(r"\b(?:relaps\w*|using again|back on (?:it|the|drugs|heroin|crack|drink)|drunk|"
                            r"(?:was|is|were|are|got|gets|getting|seemed|seems|looked|looks|very|really|so|off) high|"
                            r"off (?:her|his|their) face|stoned|smell\w* of|needles?|injecting|dealing|topping up|"
                            r"on top of (?:her|his|the) script|passed out|slurr\w*|overdos\w*|can'?t wake|"
                            r"not coping|neglect\w*|left (?:alone|on (?:their|his|her) own))\b", re.I)
SUBSTANCE_CONCEPTS = frozenset({"parental_substance_misuse"})

# Concepts whose level above 2 needs a stated fact, and the facts that raise them.
FACT_LADDERS = {
    # Issue 12.6 (002 Tier 2/3, 004): a smack with none of the facts that raise it is the level-2 line.
    "physical_chastisement": frozenset({"frightened", "frequent", "punishment_belief"}),
    "missing_from_home": frozenset({"frequent", "overnight_missing", "exploitation_signs", "long_duration",
                                    "frightened"}),
}


# Concepts whose top line (the area's highest level for the concept, its section 47 item where it has one) is set
# by stated facts, wherever in the account they are said: every group must have one of its facts stated.
# - Radicalisation: views are levels 2-3 in every matrix; an intention or plan to act on them is the top line
#   (000 Level 4* and Appendix 2 "Participates in extremist action in language and behaviour"; 002 Tier 4
#   "planning to travel to a conflict zone"; 004 Level 4 "saying that they will carry out violence in support of
#   extremist views").
# - A young carer: caring that has gone on a long time and harms the child's outcomes is the top line (004 line 196
#   Level 4 "adversely impacted by their unsupported caring responsibilities which have been on-going for a lengthy
#   period of time"; 002 Tier 4 "unsupported long term, ongoing caring responsibilities"); a child who is the main
#   carer, with the harm to their outcomes said, is the same line (000 line 1374, Level 4 "Child is main carer for
#   family member").
FACT_TOPS: Dict[str, Tuple[FrozenSet[str], ...]] = {
    "radicalisation": (frozenset({"violent_intent"}),),
    "young_carer": (frozenset({"long_duration", "main_carer"}), frozenset({"impact"})),
    "asylum_unaccompanied": (frozenset({"unaccompanied"}),),
    # - Criminal exploitation: a child sent to sell away from home is the top line (000 line 1410, Level 4* "Child is
    #   at significant risk of gang affiliation and/or criminal exploitation"; 000 line 578 "county lines"): a sign
    #   of it with days away from home or a weapon, or the thing itself said ("going OT", a drug debt).
    # - Neglect of food, warmth or clothing that goes on, with a parent who will not engage, is the top line (004 line
    #   212 Level 4 "The child consistently does not have adequate food ... resisting engagement", line 260 Level 4
    #   "consistently failed to provide"; 000 Level 4 "Parents/Carers do not accept concerns, fail to or are unwilling
    #   to engage").
    "basic_care": (frozenset({"frequent", "long_duration"}), frozenset({"refusal"})),
    "neglect": (frozenset({"frequent", "long_duration"}), frozenset({"refusal"})),
    # - Housing needs that come from fleeing domestic abuse are the top line where that top line says so (000 Level 4
    #   "Emergency housing needs as a consequence of fleeing domestic violence/gang reprisal"; TOP_LINE_WORDS).
    "housing": (frozenset({"fled_abuse"}),),
    "criminal_exploitation": (frozenset({"county_lines_signs", "county_lines_involved"}),
                              frozenset({"overnight_missing", "weapon", "county_lines_involved"})),
}


# Concepts whose top line is reached only through FACT_TOPS, never through the general severity facts: a young carer
# whose parent "can't get out of bed" is the reason for the caring, not a parent failing the child (set L: a boy who
# gets his brother up on the mornings mum's MS is bad is 000 Level 3 "Young person is carer for family member").
# Their facts are read from the caring's sentence, the one before and what follows, not the whole account: a mother
# "alcohol dependent for several years" who is "tired" is not a child's long caring that harms him (set S).
TOP_ONLY_BY_FACTS = frozenset({"young_carer"})


def sentence_and_around(text: str, sentence: str, chars: int = 300) -> str:
    """A hit's sentence with the one before it and what follows: "Y10, attendance 58%. He does all the shopping"."""
    text = text or ""
    at = text.find(sentence)
    if at < 0:
        return sentence
    ends = [m.end() for m in re.finditer(r"[.!?]\s+", text[:at])]
    begin = ends[-2] if len(ends) >= 2 else 0
    return text[begin:at + len(sentence) + chars]


# A fact that is the top line only in an area whose top line says it: 000 Level 4 "Child is main carer for family
# member"; elsewhere the top line asks for caring that is long-term and unsupported (002 Tier 4, 004 Level 4).
TOP_LINE_WORDS: Dict[str, str] = {"main_carer": "main carer", "fled_abuse": "fleeing"}


def at_top_line(concept: str, account_facts: FrozenSet[str], top_text: str = "") -> bool:
    """True when the account states the facts that put this concept at its area's top line (``top_text``)."""
    groups = FACT_TOPS.get(concept)
    if not groups:
        return False
    facts = account_facts - {fact for fact, words in TOP_LINE_WORDS.items() if words not in top_text.lower()}
    return all(group & facts for group in groups)

# The child's own harm, said of the child (set T: "Girl in Y5 has become really anxious ... lashed out"). A line whose
# condition is that the harm is mitigated (002 Tier 2 and 004 Level 2 domestic abuse: "harmful impact is mitigated
# by protective factors") does not fit an account that says the child is harmed; 002 Tier 3 "Child/ren emotionally
# harmed by witnessing/awareness of violence" does.
CHILD_HARMED = re.compile(
    r"\b(?:s?he|they|child|girl|boy|son|daughter|pupil|kids?|children)\b(?:'s| is| has| was| had| have| are| were|"
    r" been| become| becomes| became| seems?| seemed| gets?| got| getting| really| very| so| more| quite| now| "
    r"increasingly| always){0,4} (?:anxious|withdrawn|distressed|frightened|terrified|clingy|having nightmares|"
    r"wetting|soiling|lashing out|lashed out|self-? ?harming)\b", re.I)


def mitigation_contradicted(account: str) -> bool:
    """True when the account says the child is harmed, so a "harm is mitigated" line cannot be the fit."""
    return any(not negated_before(account or "", m) for m in CHILD_HARMED.finditer(account or ""))


def ordinary_separation(hits: List[ConceptHit], text: str) -> List[ConceptHit]:
    """A separation with no conflict said anywhere is the level-1 line: rule the hit out (it shows in ruled_out).

    Conflict denied where it is said ("no arguing in front of him", "they never row") is no conflict.
    """
    if any(not negated_before(text, m) for m in CONFLICT.finditer(text or "")):
        return hits
    return [replace(h, negated=True) if h.concept == "family_conflict" and not h.negated
            and SEPARATION_ONLY.match(h.words.strip()) else h for h in hits]


def stable_on_treatment(account: str) -> bool:
    """Substance use said to be controlled or in treatment, with no sign of current misuse or its effect."""
    return bool(STABLE_TREATMENT.search(account or "")) and not CURRENT_MISUSE.search(account or "")


def capped_by_treatment(concept: str, account: str) -> bool:
    """Substance use in stable treatment: its facts ("stable for two years") are not level-3 facts about misuse."""
    return concept in SUBSTANCE_CONCEPTS and stable_on_treatment(account)


def capped_at_level_2(concept: str, facts: FrozenSet[str], account: str) -> bool:
    """True when the concept's own line may not be above level 2 for what was said."""
    if concept in FACT_LADDERS and not facts & FACT_LADDERS[concept]:
        return True
    return capped_by_treatment(concept, account)
