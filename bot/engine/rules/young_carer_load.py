"""How much a young carer carries: the fact that moves the worry from level 2 to level 3.

The matrices tell the levels apart by how regular the caring is and what it costs the child, not by wording:
- level 2: "occasional caring responsibilities ... that can impact on daily life" (002 Tier 2, 004 Level 2),
  "Caring for adult or siblings, young carer" and "Undertaking caring duties" (003 Early Help);
- level 3: "Childhood, educational and social opportunities are adversely impacted by caring responsibilities"
  (002 Tier 3), "The child's outcomes are being adversely impacted by their caring responsibilities" and "The child
  is acting as a young carer" (004 Level 3), "Regularly required to care for another family member / young carer"
  (003 Targeted, lines 209-211).

So caring said to happen regularly (in the sentence of the caring) or a cost to the child's schooling, sleep or
activities (anywhere in the account) is at least level 3. The top line (long-term, unsupported caring that harms
the child's outcomes) stays with ``level_caps.FACT_TOPS``.
"""

from __future__ import annotations

import re
from typing import List, Sequence, Tuple

from bot.engine.facts import read_facts
from bot.engine.level_caps import sentence_and_around
from bot.language.matcher import ConceptHit

CARER_CONCEPTS = frozenset({"young_carer"})
# "Regularly": the frequency said of the caring itself ("most nights", "every morning", "daily").
REGULAR = frozenset({"frequent"})
MOST_OF = re.compile(r"\b(?:does|do|doing|did) (?:most|all|nearly all|almost all) of the\b", re.I)
# What the caring costs the child: school, sleep, friends, clubs, trips.
CARING_COST = re.compile(
    r"\b(?:fell|falls|falling|fall) asleep\b|\bexhausted\b|\bshattered\b|\bknackered\b|\btoo tired\b|"
    r"\bmiss(?:ed|es|ing)? (?:the |a |his |her )?(?:residential|trip|school|lessons?|days|college|clubs?|"
    r"practice|training|matches)\b|\blate (?:for|to|into) school\b|"
    r"\b(?:homework|coursework)\b[^.!?]{0,30}\b(?:not|hasn'?t|isn'?t|never|missing|late|undone)\b|"
    r"\b(?:hasn'?t|not|never) (?:handed|done|doing|finished) (?:in )?(?:\w+ )?(?:homework|coursework)\b|"
    r"\b(?:quit|dropped out of|given up|gave up|stopped going to) (?:\w+ )?(?:cadets|clubs?|football|dance|"
    r"swimming|scouts|guides|brownies|cubs|youth club|drama|band|choir|sports?|training)\b|"
    r"\b(?:grades|work|marks|attainment|attendance)\b (?:has |have |had )?(?:really )?(?:dropped|slipped|fallen|"
    r"gone down|suffered)\b|\bfalling behind\b|\bno time for (?:friends|himself|herself|themselves|homework)\b",
    re.I)

Floor = Tuple[int, str]


# Caring said to be occasional is the level-2 line even when it "can impact on daily life" (002 Tier 2, 004 Level 2):
# "on her bad days", "some mornings", "once a fortnight".
OCCASIONAL = re.compile(r"\b(?:some (?:mornings|days|nights|weeks)|(?:her|his|their|mum'?s|dad'?s) bad (?:days|weeks)|"
                        r"on bad (?:days|weeks)|sometimes|occasionally|now and (?:then|again)|"
                        r"once a (?:fortnight|month)|"
                        r"when (?:mum|dad|she|he)(?:'s| is) (?:not great|poorly|bad|unwell))\b", re.I)
# A carer of the child is not a child who cares: "Dad 38, sole carer for 8yo".
ADULT_CARER = re.compile(r"\b(?:sole|main|only|primary) carer (?:for|of) (?:\w+ )?(?:\d+ ?(?:yo|y/o|year)|child|"
                         r"children|kids|son|daughter|boy|girl|baby|him|her|them)\b", re.I)


def caring_load_floor(hits: Sequence[ConceptHit], text: str) -> List[Floor]:
    """Level 3 for a young carer whose caring is regular or costs the child their schooling, sleep or activities."""
    text = text or ""
    caring = [h for h in hits if h.concept in CARER_CONCEPTS and not ADULT_CARER.search(h.sentence)]
    if not caring:
        return []
    regular = any(REGULAR & read_facts(h.sentence).found or MOST_OF.search(h.sentence) for h in caring)
    costly = not OCCASIONAL.search(text) and any(CARING_COST.search(sentence_and_around(text, h.sentence))
                                                 for h in caring)
    if regular or costly:
        return [(3, "The child's caring is regular or is costing them school, sleep or time with friends: the "
                    "guidance puts a young carer whose outcomes are affected at level 3 at least.")]
    return []
