"""A need or an injury said of someone else is not the child's own (issue 11, over-triage).

"His little brother has autism and is non-verbal" in an account about an 11-year-old is the brother's
disability. Read as the child's, it made the child "disabled" (so any smack became a red flag) and set the
level from the brother's complex needs. The seeds describe what it means for the child instead: caring for a
sibling is a young carer's need (003 Universal/Early Help "Caring for adult or siblings, young carer"; 004
level 3 "The child is acting as a young carer"), at the young carer's own level.

Likewise "mum had a bruise under her eye and said she walked into a door" is the mother's injury: for the child
it is a sign of domestic abuse at home (003 Early Help "Concerns and suspected domestic violence"; 004
"victim of domestic abuse"), weighed at that concept's own level, not an unexplained injury to the child (s47).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import List

from bot.engine.rules.rule_hits import without_teller
from bot.language.matcher import ConceptHit

SIBLING_NEEDS = frozenset({"disability", "send"})
_SIBLING_SUBJECT = re.compile(
    r"\b(?:his|her|their|my|the|our|a)\s+(?:(?:little|younger|baby|big|older|twin|half|step)[- ]?)?"
    r"(?:brother|sister|sibling|bro|sis)s?\b(?:\s*\([^)]*\))?[^.;!?]{0,50}$", re.I)
_CARING = re.compile(r"\b(?:helps?|helping|looks? after|looking after|cares? for|caring for|calms?|calming|"
                     r"minds?|minding|gets? him|gets? her|does (?:a lot|loads|everything)|young carers?)\b", re.I)


def _about_a_sibling(hit: ConceptHit) -> bool:
    at = hit.sentence.find(hit.words)
    return at >= 0 and bool(_SIBLING_SUBJECT.search(hit.sentence[:at]))


def siblings_needs(hits: List[ConceptHit], text: str) -> List[ConceptHit]:
    """Re-read a disability or special need named of a sibling: a young carer's need when the child helps care
    for them; otherwise it is left out, as it is not this child's need."""
    caring = bool(_CARING.search(text))
    result: List[ConceptHit] = []
    young_carer = any(h.concept == "young_carer" and not h.negated for h in hits)
    for hit in hits:
        if hit.concept not in SIBLING_NEEDS or hit.negated or not _about_a_sibling(hit):
            result.append(hit)
        elif caring and not young_carer:
            result.append(replace(hit, concept="young_carer",
                                  label="caring for a brother or sister with a disability (a young carer)"))
            young_carer = True
    return result


INJURY_CONCEPTS = frozenset({"unexplained_injury", "physical_abuse"})
# The mother is the one injured: "mum had a bruise", "mum came in with a black eye", "mum's cheek was swollen"; not
# "mum's boyfriend left marks on her", where the injured one may be the child.
_MOTHER = r"\b(?:mum|mummy|mam|mom|mother|stepmum)"
_MOTHER_HAS = (rf"{_MOTHER}\s+(?:had|has|with|got|'s got|has got|had got|came in with|turned up with|came to pick up "
               r"with)\s+(?:\w+\s+){0,3}?")
_MOTHERS_PART = rf"{_MOTHER}'s\s+(?:face|eye|eyes|arm|arms|neck|lip|lips|cheek|wrist|nose)"
_PARENT_POSSESSOR = re.compile(rf"(?:{_MOTHER_HAS}|{_MOTHERS_PART}\s+(?:\w+\s+){{0,2}}?)$", re.I)
_MOTHERS_INJURY = re.compile(rf"{_MOTHER_HAS}(?:bruis\w*|black eye|cut lip|split lip|marks?|swollen|injur\w*|sling|"
                             r"stitches)\b|" + _MOTHERS_PART, re.I)
_CHILD_NAMED = re.compile(r"\b(?:child|son|daughter|baby|him|his|boy|toddler)\b", re.I)


def mothers_injury(sentence: str) -> bool:
    """The sentence's injury is the mother's, and it names no child."""
    return bool(_MOTHERS_INJURY.search(sentence)) and not _CHILD_NAMED.search(sentence)


def parents_injury(hits: List[ConceptHit]) -> List[ConceptHit]:
    """An injury said of the child's mother is a sign of domestic abuse, not an injury to the child."""
    result: List[ConceptHit] = []
    for hit in hits:
        at = hit.sentence.find(hit.words)
        mothers = at >= 0 and (_PARENT_POSSESSOR.search(hit.sentence[:at]) or mothers_injury(hit.sentence))
        if hit.concept in INJURY_CONCEPTS and not hit.negated and mothers and not _CHILD_NAMED.search(hit.words):
            result.append(replace(hit, concept="domestic_abuse",
                                  label="an injury to a parent (possible domestic abuse)"))
        else:
            result.append(hit)
    return result


# "His dad, my son, died in the spring": a grandparent speaking of the child's parent, who is also her son. The son
# who died is the child's parent: a bereavement (002 line 849, Tier 2 "Has suffered a bereavement ... receives support
# from family and friends"), not a child's death. Only the relation said next to a parent's word counts; "my son died"
# alone keeps the red flag.
_PARENT_WHO_IS_A_SON = re.compile(
    r"\b(?:dad|daddy|father|mum|mummy|mam|mother|stepdad|stepmum)\s*[,(]\s*(?:my|our|her|his|their)\s+"
    r"(?:son|daughter|boy|girl|brother|sister)\b|\b(?:son|daughter|brother|sister)\s*[,(]\s*(?:his|her|their|the "
    r"(?:boy|girl|child|kids?)['’]s)\s+(?:dad|daddy|father|mum|mummy|mam|mother)\b", re.I)
_DEATH = re.compile(r"\b(?:died|dies|dead|death)\b", re.I)


def parents_death(hits: List[ConceptHit]) -> List[ConceptHit]:
    """A child's death that is the child's parent's: relabelled a bereavement."""
    return [replace(h, concept="bereavement", label="a bereavement or loss")
            if (h.concept == "child_death_or_serious_harm" and not h.negated and _DEATH.search(h.words)
                and _PARENT_WHO_IS_A_SON.search(h.sentence)) else h for h in hits]


# An offence a parent was sentenced for ("my husband got sentenced last month, 18 months for burglary", set T): the
# parent's offending (004 line 290, Level 2 "history of criminal activity in the family"; 000 "parent in prison"), not
# the child's own (004 Level 4 "The child is currently involved in persistent or serious criminal activity").
_ADULT_SENTENCED = re.compile(
    r"\b(?:husband|partner|dad|daddy|father|stepdad|stepfather|boyfriend|fella|ex|mum|mummy|mother|stepmum|uncle|"
    r"grandad)\b[^.!?]{0,50}?\b(?:sentenced|convicted|jailed|remanded|imprisoned|sent down|sent to prison|"
    r"in prison|got \d+ (?:months|years)|pleaded guilty)\b", re.I)
_CHILD_OFFENDER = re.compile(r"\b(?:son|daughter|child|boy|girl|lad|pupil|teen\w*|she|he)\b[^.!?]{0,30}?\b(?:arrested|"
                             r"charged|caught|cautioned)\b", re.I)


def _sentenced_for(hit: ConceptHit) -> bool:
    """The hit is what the adult was sentenced "for" ("got sentenced, 18 months for burglary"); "since dad was
    sentenced he's been shoplifting" is the child's own offending and stays."""
    sentenced = _ADULT_SENTENCED.search(hit.sentence)
    at = hit.sentence.find(hit.words, sentenced.end()) if sentenced else -1
    return at >= 0 and bool(_FOR_IT.search(hit.sentence[sentenced.end():at]))


_FOR_IT = re.compile(r"^[^.!?]{0,40}?\bfor\s+(?:\w+\s+)?$", re.I)


def parents_offence(hits: List[ConceptHit]) -> List[ConceptHit]:
    """An offence a parent was sentenced for: the parent's offending, not the child's."""
    return [replace(h, concept="parental_offending", label="a parent offending or in prison")
            if (h.concept == "offending" and not h.negated and _sentenced_for(h)
                and not _CHILD_OFFENDER.search(h.sentence)) else h for h in hits]


# A child's tantrum in which the child hits the adult telling it ("the 3 year old had a meltdown at bedtime ... he hit
# me", "tantrums all day, he hits her"): the child's behaviour (004 Level 2 "The child exhibits aggressive
# behaviour"), not an adult abusing the child. "Dad hits her when she has a tantrum" names the adult and stays.
# Children's words only: "when he kicks off he hits her" may be a partner, so it is not here.
_TANTRUM = re.compile(r"\b(?:tantrums?|meltdowns?|paddy|paddies|strops?)\b", re.I)
_HURTS_ADULT = re.compile(r"\b(?:hit|hits|hitting|kick(?:s|ed|ing)?|bit|bites|biting|punch(?:es|ed|ing)?|"
                          r"slap(?:s|ped|ping)?|scratch(?:es|ed|ing)?)\s+(?:me|her|mum|mummy|us|staff)\b"
                          # or a brother or sister in the meltdown ("big meltdowns, she's hit her brother twice", set O)
                          r"(?:\s+(?:little |big |younger |older |baby )?(?:brother|sister|sibling)s?\b)?", re.I)
_SIBLING_HURT = re.compile(r"(?:brother|sister|sibling)s?$", re.I)
_ADULT_ACTOR = re.compile(r"\b(?:dad|daddy|father|mum|mummy|mam|mom|mother|step ?\w+|uncle|grand\w+|nan|gran|"
                          r"boyfriend|partner|fella|bloke|man|adult|carer|babysitter)\b", re.I)
_TANTRUM_CONCEPTS = frozenset({"physical_abuse", "disclosure_abuse"})
_CHILD_ACTOR = re.compile(r"\b(?:toddler|little one|(?:her|his|my|the) (?:son|boy|baby)|\d+ ?(?:yo|y/?o|years? old|"
                          r"year-old)|\d+y\d*m?)\b", re.I)

def _hurt_in_sentence(hit: ConceptHit, hurt: re.Match) -> str:
    """Who was hurt, read on in the sentence past the hit's own words ("she's hit her" + " brother twice")."""
    at = hit.sentence.find(hit.words)
    found = _HURTS_ADULT.search(hit.sentence, at + hurt.start()) if at >= 0 else None
    return found.group(0) if found else hurt.group(0)


def tantrum_aggression(hits: List[ConceptHit]) -> List[ConceptHit]:
    out: List[ConceptHit] = []
    for hit in hits:
        hurt = _HURTS_ADULT.search(hit.words)
        actor = without_teller(hit.words[:hurt.start()]) if hurt else ""
        # The child must be the one said to hit: the teller hit ("he hit me") or a child named ("her toddler ... he
        # hits her"). "Mum says when she has a tantrum he hits her" may be her partner hitting the child: it stays.
        child_hits = hurt and (hurt.group(0).lower().endswith(("me", "us", "staff"))
                               or _SIBLING_HURT.search(_hurt_in_sentence(hit, hurt))
                               or _CHILD_ACTOR.search(hit.sentence))
        if (hit.concept in _TANTRUM_CONCEPTS and not hit.negated and hurt and _TANTRUM.search(hit.sentence)
                and child_hits and not _ADULT_ACTOR.search(actor)):
            out.append(replace(hit, concept="behaviour_problems", label="a child's aggressive behaviour"))
        else:
            out.append(hit)
    return out
