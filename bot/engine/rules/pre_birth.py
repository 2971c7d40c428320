"""An unborn child's case: the parents' needs read as pre-birth concerns.

- An unborn baby whose parents' needs are serious (earlier children removed, drug or alcohol misuse, domestic
  abuse with severity facts) is a pre-birth concern (003 "serious concerns regarding the risk of significant harm
  to an unborn baby").
- Domestic abuse said in an unborn child's case is domestic abuse in pregnancy, whatever words carry it: the
  pregnancy is the case's age, not a word in the sentence ("partner pushed her into the wall", age "unborn, 30
  weeks"). 000 line 1239 (Level 4) and line 1422 (Appendix 2) list "Domestic abuse in pregnancy*" as a section 47
  item; Norfolk and Bedford grade the expectant parent's abuse in their own domestic-abuse rows. Only the
  pregnancy concept reaches those lines, so domestic abuse with no pregnancy is never cited as them.
- A learning disability said in an unborn child's case is a parent's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import List

from bot.engine.facts import read_facts
from bot.engine.rules.rule_hits import negated_before, rule_hit
from bot.language.matcher import BROADER_CONCEPT, ConceptHit

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


# In an unborn child's case a learning disability can only be a parent's ("she's 19 and has learning difficulties,
# she doesn't seem to get what a baby needs", set B): 000 Level 3 "Concern about prospective parenting ability,
# requiring pre-birth support"; 004 parental learning disability lines.
_LEARNING_DISABILITY = re.compile(r"\b(?:learning (?:difficult(?:y|ies)|disabilit(?:y|ies)|disabled)|low iq|"
                                  r"went to (?:a )?special school|can'?t read or write)\b", re.I)


def _parents_learning_disability(hits: List[ConceptHit], text: str) -> List[ConceptHit]:
    """A learning disability said in an unborn child's case, raised as the parent's once."""
    if any(h.concept == "parental_learning_disability" and not h.negated for h in hits):
        return []
    match = next((m for m in _LEARNING_DISABILITY.finditer(text) if not negated_before(text, m)), None)
    if match is None:
        return []
    # With the broader concept every area tags (as the matcher raises it), so no area drops the worry.
    return [rule_hit("parental_learning_disability", "a parent's learning disability", text, match),
            rule_hit(BROADER_CONCEPT["parental_learning_disability"], "a parent's capacity to meet the child's needs",
                     text, match)]


def pre_birth(hits: List[ConceptHit], unborn: bool, text: str) -> List[ConceptHit]:
    """The pre-birth concerns of an unborn child's case (nothing changes for a child already born)."""
    if not unborn:
        return hits
    hits = hits + _abuse_in_pregnancy(hits) + _parents_learning_disability(hits, text)
    if any(h.concept == "unborn_baby_at_risk" and not h.negated for h in hits):
        return hits
    for hit in hits:
        if hit.concept not in PARENTAL_PREBIRTH or hit.negated or hit.field == "working_well":
            continue
        if REMOVALS.search(text) or read_facts(hit.sentence).found & PREBIRTH_SEVERE:
            return hits + [replace(hit, concept="unborn_baby_at_risk",
                                   label="serious concerns for an unborn baby")]
    return hits
