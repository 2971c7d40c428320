"""An unborn child's case: the parents' needs read as pre-birth concerns.

- An unborn baby whose parents' needs are serious (earlier children removed, drug or alcohol misuse, domestic
  abuse with severity facts) is a pre-birth concern (003 "serious concerns regarding the risk of significant harm
  to an unborn baby").
- Domestic abuse said in an unborn child's case is domestic abuse in pregnancy, whatever words carry it: the
  pregnancy is the case's age, not a word in the sentence ("partner pushed her into the wall", age "unborn, 30
  weeks"). 000 line 1239 (Level 4) and line 1422 (Appendix 2) list "Domestic abuse in pregnancy*" as a section 47
  item; Norfolk and Bedford grade the expectant parent's abuse in their own domestic-abuse rows. Only the
  pregnancy concept reaches those lines, so domestic abuse with no pregnancy is never cited as them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import List

from bot.engine.facts import read_facts
from bot.language.matcher import ConceptHit

PARENTAL_PREBIRTH = {"parental_substance_misuse", "domestic_abuse", "parental_mental_health", "person_posing_risk",
                     "parental_learning_disability", "parental_capacity", "homelessness", "housing"}
REMOVALS = re.compile(r"\b(removed|taken (?:off|away from) (?:her|him|them)|taken into care|in care|adopted|adoption|"
                      r"placed (?:with|for)|special guardian\w*|"
                      r"child protection plan|cp plan|previous (?:children|child|kids)|older (?:children|kids) "
                      r"(?:were|are|was) (?:removed|taken|in care|adopted))\b", re.I)
PREBIRTH_SEVERE = {"frequent", "long_duration", "refusal", "serious_assault", "strangling", "weapon",
                   "repeated_police"}
DOMESTIC_ABUSE = frozenset({"domestic_abuse", "serious_domestic_abuse"})


def _abuse_in_pregnancy(hits: List[ConceptHit]) -> List[ConceptHit]:
    """Domestic abuse in an unborn child's case, raised as the pregnancy concept once, with the same words."""
    if any(h.concept == "domestic_abuse_pregnancy" and not h.negated for h in hits):
        return []
    abuse = next((h for h in hits if h.concept in DOMESTIC_ABUSE and not h.negated and h.field != "working_well"),
                 None)
    return [replace(abuse, concept="domestic_abuse_pregnancy", label="domestic abuse during pregnancy")] if abuse \
        else []


def pre_birth(hits: List[ConceptHit], unborn: bool, text: str) -> List[ConceptHit]:
    """The pre-birth concerns of an unborn child's case (nothing changes for a child already born)."""
    if not unborn:
        return hits
    hits = hits + _abuse_in_pregnancy(hits)
    if any(h.concept == "unborn_baby_at_risk" and not h.negated for h in hits):
        return hits
    for hit in hits:
        if hit.concept not in PARENTAL_PREBIRTH or hit.negated or hit.field == "working_well":
            continue
        if REMOVALS.search(text) or read_facts(hit.sentence).found & PREBIRTH_SEVERE:
            return hits + [replace(hit, concept="unborn_baby_at_risk",
                                   label="serious concerns for an unborn baby")]
    return hits
