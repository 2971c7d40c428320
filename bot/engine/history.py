"""Cumulative concerns: earlier worries, referrals and early help plans weigh on today's level (issue 12.12).

The seeds say harm can build up: "significant harm is identified when there have been a number of
events which have compromised the child's physical and psychological wellbeing: for example, a child
whose health and development suffers through neglect" (000, 7.1), and several level 2 needs point to
level 3. So:
- several earlier concerns about the same kind of need as today's raise the level by one, to at most 3;
- an early help (or other) plan that closed without change goes to the front door for consultation.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Tuple

from bot.language.matcher import ConceptMatcher

# More than one earlier concern: a count, a recurrence, or earlier concerns in the plural. A single past episode
# said with a time word ("previous heroin dependency", "historic use, in treatment since before the pregnancy") is
# one event, not "a number of events" (000 7.1), and a year ("referred in 2019") is not a count.
SEVERAL = re.compile(r"\b(several|many|multiple|numerous|repeated\w*|again|lots of|a few|few|number of|"
                     r"\d{1,2}|two|three|four|five|ongoing|long[- ]standing|"
                     r"(?:previous|previously|earlier|past|prior|other) (?:\w+ )?(?:concerns|referrals|reports|"
                     r"incidents|notifications|episodes|worries|plans|assessments|call-?outs|visits)|"
                     r"re-?referr\w*|concerns (?:logged|raised|recorded)|cpoms|notifications)\b", re.I)
PLAN = r"(?:early help|eha|tac|team around the (?:child|family)|cin|child in need|family support|support|plan)"
CLOSED_UNCHANGED = re.compile(
    rf"\b{PLAN}\b[^.]{{0,60}}\b(?:clos\w*|ended|stopped|finished|withdrew|withdrawn|dropped)\b[^.]{{0,80}}"
    r"\b(?:no|without|nothing|little|didn'?t|did not|not|never|same|again|back|worse|re-?referr\w*|"
    r"disengag\w*|stopped engaging)\b|"
    rf"\b(?:clos\w*|ended|stopped)\b[^.]{{0,40}}\b{PLAN}\b[^.]{{0,80}}\b(?:no|without|didn'?t|not|same|again|back|"
    r"worse)\b", re.I)
NONE_BEFORE = re.compile(r"^\s*(no|none|nope|not that i know|no previous|never|n/?a|nothing)\b", re.I)


def weigh_history(matcher: ConceptMatcher, history: str,
                  today: Iterable[str]) -> Tuple[Optional[str], Optional[str]]:
    """(why the level rises, why the front door should be consulted), either None."""
    text = (history or "").strip()
    if not text or NONE_BEFORE.match(text):
        return None, None
    consult = None
    if CLOSED_UNCHANGED.search(text):
        consult = ("An earlier plan closed without the change it aimed for: talk to the front door before "
                   "deciding on support (earlier concerns weigh on today's).")
    earlier = {h.concept for h in matcher.find(text, field="history") if not h.negated}
    same = earlier & set(today)
    raise_ = None
    if same and SEVERAL.search(text):
        raise_ = ("There have been earlier concerns about the same kind of need; concerns that build up can "
                  "amount to more than each one alone, so the level is raised by one (at most to level 3).")
    return raise_, consult
