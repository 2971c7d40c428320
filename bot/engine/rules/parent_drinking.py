"""A parent's drinking or drug use that has escalated and reached the child: level 3, not level 2.

002 Tier 3 (Parental and family health) and 004 line 271 Level 3 use the same words: "Drug/alcohol use has
escalated; now includes binge drinking, drug paraphernalia in the home. Child feels unable to invite friends to the
home; child worrying about parent/adults". Their level 2 is use that "occasionally impacts on the child"; their top
line is a parent who "cannot carry out daily parenting". 003 Targeted: "Parent's ... substance misuse significantly
impacts on their parenting capacity".

The facts are often said across an account (a grandparent: the binges in one sentence, "I can't have my mates round"
two sentences later), so this reads the whole account once a parent's use was heard: escalation (or a weekend-long
binge) together with one of the two signs that it has reached the child.
"""

from __future__ import annotations

import re
from typing import List, Sequence, Tuple

from bot.engine.facts import negated_at
from bot.language.matcher import ConceptHit

SUBSTANCE_CONCEPTS = frozenset({"parental_substance_misuse"})
ESCALATED = re.compile(
    r"\b(?:getting|got|gotten|gone|going|get) (?:\w+ )?(?:worse|out of hand|out of control|heavier)\b|"
    r"\bescalat\w*|\bmore and more\b|\bbing(?:e|es|ed|eing|ing)\b|"
    r"\b(?:friday|fri)\b[^.!?]{0,40}\b(?:till|until|to|through)\b[^.!?]{0,15}\b(?:sunday|monday)\b|"
    r"\bdoesn'?t stop (?:till|until)\b|\ball weekend\b|\bweekends? on the\b", re.I)
# "Child feels unable to invite friends to the home": "won't have his mates round", "can't bring friends home".
NO_FRIENDS_HOME = re.compile(
    r"\b(?:won'?t|can'?t|cannot|doesn'?t|don'?t|didn'?t|never|not|no longer|stopped|wouldn'?t|afraid to|scared to|"
    r"embarrassed to)\b(?: \w+){0,4} (?:friends|mates|pals|anyone|anybody) (?:round|over|home|back|to the house)\b",
    re.I)
# "Child worrying about parent": "is mum going to die?", "checking on his dad in the night", "worries she'll get
# poorly".
WORRIES_FOR_PARENT = re.compile(
    r"\b(?:is|will) (?:mum|mummy|mam|dad|daddy|my mum|my dad) (?:going to|gonna) die\b|"
    r"\bcheck(?:s|ing|ed)? on (?:his|her|their) (?:mum|dad|mam|mother|father)\b|"
    r"\bworr(?:y|ies|ied|ying) (?:about|for) (?:his|her|their) (?:mum|dad|mam|mother|father)\b|"
    r"\bworr(?:y|ies|ied|ying) (?:that )?(?:she|he|mum|dad)(?:'ll| will| might| is going to) (?:get poorly|get ill|"
    r"die|be ill|hurt (?:herself|himself))\b", re.I)

Floor = Tuple[int, str]


def _said(pattern: re.Pattern, text: str) -> bool:
    return any(not negated_at(text, m.start()) for m in pattern.finditer(text))


def escalated_use_floor(hits: Sequence[ConceptHit], text: str) -> List[Floor]:
    """Level 3 for a parent's escalating use that the child feels: no friends home, or worry for the parent."""
    if not any(h.concept in SUBSTANCE_CONCEPTS for h in hits):
        return []
    text = text or ""
    if ESCALATED.search(text) and (_said(NO_FRIENDS_HOME, text) or WORRIES_FOR_PARENT.search(text)):
        return [(3, "A parent's drinking or drug use has escalated and the child feels it (no friends home, or "
                    "worrying about the parent): the guidance puts this at level 3.")]
    return []
