"""A young child touching their own body: typical development, not a sign of sexual abuse on its own.

000 line 874 puts "Safe and age appropriate sexual" development at Level 1; 001 line 225 names only "Sexualised
behaviours not in line with typical development milestones for a child" as a need. A three-year-old who touches his
own private parts when tired, at nap time or in the bath (set N's nursery manager) is the typical case; the staff
member who asks "does it mean something has happened?" needs an answer, not a section 47 referral.

Narrow, because sexual abuse must never be heard as this:
- the child is under 6 (a pre-school or reception child);
- the words are the child touching their own body ("touches his private parts", "hand down her knickers",
  "touching himself"), with no adult named before them in the sentence ("uncle touches his private parts in front
  of her" is exposure, and stays);
- nothing in the sentence is with or at someone else ("in front of", "other children", "made him", "showed"),
  copies adult sexual acts, or is compulsive, sore or distressing.

The hit is ruled out (it shows in ``ruled_out``) and a note says what would make it a worry. Anything else in the
account (a disclosure, sexualised play with others, marks) keeps its own hit.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import List, Optional, Tuple

from bot.engine.rules.rule_hits import ADULT_WORDS, ME_OR_US, PARENT_OR_GRANDPARENT, without_teller
from bot.language.matcher import ConceptHit

SEXUAL_CONCEPTS = frozenset({"sexual_abuse", "harmful_sexual_behaviour"})
_OWN_BODY = re.compile(r"\b(?:touch\w*|play\w*\s+with|rubb?\w*|fiddl\w*|hands?\s+down|hand\s+in)\s+(?:with\s+)?"
                       r"(?:his|her|their)\s+(?:own\s+)?(?:private\s*(?:parts?|bits)?|privates|willy|winkle|genitals|"
                       r"penis|vulva|vagina|fanny|front bottom|bits|trousers|pants|knickers|nappy|shorts)\b|"
                       r"\btouch\w*\s+(?:him|her|them)sel(?:f|ves)\b", re.I)
_WITH_OTHERS = re.compile(r"\b(?:in front of|other (?:child|children|kids|pupils|boys|girls)|another (?:child|boy|"
                          r"girl)|to (?:other|others|another)|on (?:other|others|another)|made (?:him|her|them)|"
                          r"makes? (?:him|her|them)|showed|shows|show (?:him|her|them)|copy\w*|copie\w*|simulat\w*|"
                          r"act\w* out|sex|sexual\w*|humping|hump\w*|sore|bleed\w*|red raw|distress\w*|"
                          r"can'?t stop|won'?t stop|obsess\w*|compulsiv\w*|hurt\w*|pain\w*|itch\w*|discharge)\b", re.I)
YOUNG_CHILD_YEARS = 6
NOTE = ("A young child touching their own private parts, alone and when tired, bored or soothing, is typical "
        "development (000 Level 1 'Safe and age appropriate sexual' development). It becomes a worry if it is with "
        "or in front of other children, copies adult sexual acts, is compulsive or distressing, or comes with "
        "something the child says: then talk to your designated safeguarding lead.")


def _own_body(hit: ConceptHit) -> bool:
    """True when the hit's sentence is a child touching their own body, and nothing in it involves anyone else: no
    adult named anywhere in the sentence but the parent telling it ("when Daddy tells her to" keeps the worry)."""
    own = _OWN_BODY.search(hit.sentence)
    if own is None or _WITH_OTHERS.search(hit.sentence):
        return False
    return not ADULT_WORDS.search(without_teller(hit.sentence, PARENT_OR_GRANDPARENT, ME_OR_US))


def developmental_behaviour(hits: List[ConceptHit], age_years: Optional[float]) -> Tuple[List[ConceptHit], List[str]]:
    """Rule out a young child's self-touching read as sexual abuse; the note that says when it would matter."""
    if age_years is None or not 0 <= age_years < YOUNG_CHILD_YEARS:
        return hits, []
    out = [replace(h, negated=True) if h.concept in SEXUAL_CONCEPTS and not h.negated and _own_body(h) else h
           for h in hits]
    return out, [NOTE] if out != hits else []
