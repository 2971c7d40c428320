"""Marks a clinician has put down to a skin condition or a birthmark: eczema, impetigo, Mongolian blue spots.

The seeds' lower levels describe a child whose health needs are met and whose parent responds to them (004 line 271
Level 1 "appropriately responsive to the health demands of their child"; 002 Tier 1 "bruising consistent with normal
play"; 003 Universal "Physically healthy"). Staff who feared burns or bruises and then saw a GP's diagnosis, or the
newborn check's record of the same marks, describe that level, not section 47 (tuning set L: an HV's eczema flare, a
nursery's impetigo sores, a key worker's Mongolian blue spots, each advised as a red flag).

Narrow on purpose, because a wrong reading hides harm: the condition must be named *and* a clinician or a health
record must be said to have made or recorded it (a parent's word alone is not enough); doubt said about the account
keeps the worry; the hit must name marks, not someone hurting the child ("hit", "grabbed"); an injury word counts only
as what the marks looked like ("they looked like cigarette burns"), never as an injury found; and for a baby who is
not yet mobile only a hit that names no injury at all ("the baby scratching") is heard.
"""

from __future__ import annotations

import re

from bot.engine.facts import read_facts
from bot.engine.rules.rule_hits import HURT_BY_SOMEONE
from bot.language.matcher import ConceptHit

CLINICIAN = re.compile(r"\b(?:gp|doctor|dr|consultant|dermatolog\w*|paediatrician|hospital|red book|newborn check|"
                       r"diagnos\w*|dx|prescri\w*|c/w|clinic(?:ian)?|nurse practitioner)\b", re.I)
MARK_CONCEPTS = frozenset({"unexplained_injury", "injury_nonmobile_baby", "physical_abuse"})
# An injury word said only as what the marks looked like ("they looked like cigarette burns", "like bruises"): a
# burn or bruise stated as found ("at hospital they found burns") is never explained away by a skin condition.
RESEMBLANCE = re.compile(r"\b(?:look(?:s|ed|ing)? like|like|thought (?:they|it) (?:was|were)|worried (?:they|it) "
                         r"(?:was|were|might be)|could be|might be|resembl\w*)\b", re.I)
INJURY_NOUNS = re.compile(r"\b(?:bruis\w*|burns?|burnt|fractur\w*|broken|break|bleed\w*|swell\w*|swollen|bites?|"
                          r"cuts?|black eye|welts?|lumps?)\b", re.I)


def clinician_explained(text: str) -> bool:
    """A named skin condition or birthmark, and a clinician or health record behind it."""
    return "explained_condition" in read_facts(text) and bool(CLINICIAN.search(text))


def marks_explained(hit: ConceptHit, non_mobile: bool, text: str, doubt: bool) -> bool:
    """True when this hit is only marks that a clinician's diagnosis accounts for."""
    if hit.concept not in MARK_CONCEPTS or hit.negated or doubt or HURT_BY_SOMEONE.search(hit.words):
        return False
    if INJURY_NOUNS.search(hit.words) and (non_mobile or not RESEMBLANCE.search(hit.sentence)):
        return False
    return clinician_explained(text)
