"""A child under 16 working for someone, with a sign of control: labour exploitation, said in plain words.

Set O's member of the public saw a boy "about 14" at a hand car wash "every day including school days from 8 till 9
at night", who said "no school, I work for my uncle, he has my papers", and heard the workers "sleep in the
portakabin round the back". No pattern held it, and the net proposed nothing. The seeds put this child on their
section 47 and immediate-referral lists: 002 and 004 "trafficked" and "modern slavery"; 003 "Child victims of
exploitation including trafficking, modern slavery"; 000 Appendix 1 Level 4 "Child at risk of trafficking*".

The rule reads the shape, not a phrasing: a child under 16 said to work (a job, a shift, "works for") and, in the
account, at least one sign that the work controls the child rather than fits round school:
- the work is in school time or runs into the night ("including school days", "instead of school", "8 till 9 at
  night");
- the child sleeps where they work ("sleep in the portakabin round the back", "sleeps at the shop");
- someone else holds the child's papers ("he has my papers", "the boss keeps his passport").
A paper round, a Saturday job or helping in the family shop after school names none of these, and stays ordinary.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.engine.rules.rule_hits import ADULT_WORDS, negated_before, rule_hit
from bot.language.matcher import ConceptHit

LABOUR_MAX_AGE = 16
_WORKS = re.compile(r"\b(?:works?|working|worked|job|shifts?|employ\w*)\b(?!\s+(?:hard|out|experience|on (?:his|her) "
                    r"(?:reading|maths|homework|spelling)))", re.I)
_SCHOOL_TIME = re.compile(r"\b(?:including school days|on school days|in school (?:time|hours)|during school|"
                          r"instead of (?:going to )?school|(?:no|not at|not in|doesn'?t go to|never at|never in) "
                          r"school|seven days a week|7 days a week|"
                          r"(?:from )?\d{1,2}(?::\d\d)?\s*(?:am)?\s*(?:till|til|until|to|-)\s*\d{1,2}(?::\d\d)?\s*"
                          r"(?:pm|at night|in the evening)|till (?:late|midnight|\d{1,2} at night))\b", re.I)
_SLEEPS_THERE = re.compile(r"\b(?:sleep|sleeps|sleeping|slept|live|lives|living|stay|stays|staying)\s+(?:in|at|on|"
                           r"above|behind|out the back of)\s+(?:the\s+)?(?:portakabin|cabin|back|shop|unit|workshop|"
                           r"warehouse|yard|car wash|salon|restaurant|takeaway|kitchen|factory|farm|site|caravan|"
                           r"container|storeroom|store room)\b", re.I)
_PAPERS_HELD = re.compile(r"\b(?:has|have|holds?|held|keeps?|kept|got|took|taken)\s+(?:all\s+)?(?:my|his|her|their)\s+"
                          r"(?:papers|passport|passports|documents|id|visa)\b", re.I)
# A job lost or sought is not work done ("mum's been struggling since she lost her job", set B), and school work is
# not a job ("his school work has dropped since he games till 2 at night").
_NO_WORK = re.compile(r"\b(?:lost|lose|losing|quit|left|leaving|out of|no|without|looking for|find a|get a|between|"
                      r"mums?|dads?|parents?)\s+(?:\w+\s+)?$|\b(?:school|class|course|home|social|youth|key|group|"
                      r"team|art|written|good|hard)\s+$", re.I)
_PARENT_HOLDS = re.compile(r"\b(?:mum|mummy|mam|mom|mother|dad|daddy|father|parents?)\s+(?:\w+\s+){0,2}?$", re.I)


def child_labour(text: str, age_years: Optional[float]) -> Optional[ConceptHit]:
    """A child under 16 who works, with the work in school time, sleeping where they work or their papers held."""
    if age_years is None or not 0 <= age_years < LABOUR_MAX_AGE:
        return None
    for work in _WORKS.finditer(text):
        # The child is the one who works: no adult named just before ("his mum works till 9" is not this).
        before = text[max(0, work.start() - 40):work.start()]
        if negated_before(text, work) or ADULT_WORDS.search(before) or _NO_WORK.search(before):
            continue
        window = text[max(0, work.start() - 150):work.end() + 150]
        papers = next((m for m in _PAPERS_HELD.finditer(window)
                       if not _PARENT_HOLDS.search(window[max(0, m.start() - 30):m.start()])), None)
        signs = [m for m in (_SCHOOL_TIME.search(window), _SLEEPS_THERE.search(window), papers) if m is not None]
        if any(not negated_before(window, sign) for sign in signs):
            return rule_hit("trafficking", "a child working under someone's control (labour exploitation)", text,
                            work)
    return None
