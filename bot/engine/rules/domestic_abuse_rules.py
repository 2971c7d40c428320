"""Domestic abuse between adults, read from the shape of the account (issue 11, tuning sets I, L, N).

- domestic abuse with strangling or choking, a weapon, a serious assault, repeated police call-outs or a child hurt
  in the incident is level 4 in every area (000 7.1 "a single event, such as a violent assault"; 004 "serious
  physical violence"; 002 and 004 s47 lists "A child being traumatised injured or neglected as a result of domestic
  violence"); repeated call-outs the police themselves grade standard or medium are not (002 Tier 4 "persistent/
  serious physical violence");
- a physical-abuse pattern whose words are about the adult victim is domestic abuse, not abuse of the child.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import List

from bot.engine.facts import read_facts
from bot.language.matcher import ConceptHit

DA_SEVERE = ("strangling", "weapon", "serious_assault", "repeated_police", "child_hurt")


# The police's own risk grading said as standard or medium ("DASH standard (3 ticks)", "DASH medium (prev standard)"):
# repeated call-outs with no violence of the kinds below are not "persistent/serious physical violence" (002 Tier 4
# domestic abuse, line ~1776); four writers of different sets placed a second standard-risk incident at level 3. A high
# grading or MARAC keeps the repeated call-outs serious, and strangling, a weapon, a serious assault or a child hurt is
# serious whatever the grading.
_GRADED = re.compile(r"\b(?:dash|risk(?: assessment)?|ric)\W+(?:\w+\W+){0,2}?(standard|medium|low|high)\b|"
                     r"\bmarac\b", re.I)


def graded_below_high(text: str) -> bool:
    """True when the account grades the domestic abuse risk standard, medium or low, and never high or MARAC."""
    grades = [m.group(1).lower() if m.group(1) else "high" for m in _GRADED.finditer(text)]
    return bool(grades) and "high" not in grades


def serious_domestic_abuse(hits: List[ConceptHit], text: str, history: str = "") -> List[ConceptHit]:
    result = list(hits)
    for hit in hits:
        if hit.concept != "domestic_abuse" or hit.negated or hit.field == "working_well":
            continue
        facts = read_facts(hit.sentence)
        repeated = "repeated_police" in facts or "repeated_police" in read_facts(text) or (
            "repeated_police" in read_facts(history) or re.search(r"\b(?:[2-9]|several|multiple|numerous) "
                                                                  r"(?:previous )?(?:da|dv|domestic)\b", history, re.I))
        severe = any(f in facts for f in DA_SEVERE if f != "repeated_police") or "child_hurt" in read_facts(text)
        if severe or (repeated and not graded_below_high(text)):
            result.append(replace(hit, concept="serious_domestic_abuse",
                                  label="serious domestic abuse (strangling, a weapon, a violent assault or "
                                        "repeated police call-outs)"))
            break
    return result




# An adult named as the one hurt, in police and health shorthand too ("male pushing female against the kitchen door",
# "IP states partner pushed her"): domestic abuse between adults (set I's and L's police notes).
ADULT_HURT = re.compile(r"\b(?:push\w*|shov\w*|hit\w*|slap\w*|punch\w*|kick\w*|grabb?\w*|assault\w*|"
                        r"attack\w*|strangl\w*|chok\w*)\s+(?:the\s+)?(?:female|woman|wife|girlfriend|partner|ip|"
                        r"victim|mum|mother|his partner|her partner)\b", re.I)


def adult_victim(hits: List[ConceptHit]) -> List[ConceptHit]:
    """"Her partner pushed her": a physical-abuse pattern on the same words as domestic abuse is about the
    adult victim, not the child (unless a child is named as hurt); domestic abuse keeps it. A physical-abuse hit
    whose own words name an adult as the one hurt is domestic abuse."""
    spans = [(h.sentence, h.start, h.end) for h in hits if h.concept == "domestic_abuse" and not h.negated]
    kept = [h for h in hits if not (h.concept == "physical_abuse" and not h.negated and any(
        sentence == h.sentence and start < h.end and h.start < end for sentence, start, end in spans)
        and not _child_is_hurt(h.words))]
    return [replace(h, concept="domestic_abuse", label="domestic abuse at home")
            if h.concept == "physical_abuse" and not h.negated and ADULT_HURT.search(h.words)
            and not _child_is_hurt(h.words) else h for h in kept]


CHILD_OBJECT = re.compile(r"\b(child|son|daughter|baby|kids?|boy|girl|toddler|him)\b", re.I)
NEXT_CLAUSE = re.compile(r"\s(?:and|because|so|when|then)\s", re.I)
MOTHER = re.compile(r"\b(?:mum|mummy|mam|mom|mother|stepmum|stepmother)\b", re.I)


def _child_is_hurt(words: str) -> bool:
    """Who the matched words say was hurt, read in their first clause ("dad hits mum and mum doesn't leave him":
    mum). "Her" is the child when the mother is named as someone else after it ("dad hits her and mum doesn't
    stop him"); otherwise it may be the adult victim of domestic abuse, which keeps it."""
    first, *rest = NEXT_CLAUSE.split(words, maxsplit=1)
    if CHILD_OBJECT.search(first):
        return True
    return bool(re.search(r"\bher\b", first, re.I) and not MOTHER.search(first) and rest and MOTHER.search(rest[0]))


