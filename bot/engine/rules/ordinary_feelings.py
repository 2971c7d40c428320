"""A child "a bit" sad after an everyday change, or a low patch that has passed, is the level-1 line (issue 11).

The seeds' level 1 is a child who "Demonstrates resilience" with "Good emotional wellbeing" (000 lines 993-995;
001 line 120 "Good emotional health & wellbeing"). Their level 2 is "Emerging behavioural/emotional/mental health
concerns" (001 line 160). Read word by word, "a bit teary at hometime" after a separation, or "a bit flat" after
exams, matched the level-2 line: 18 level-1 children across the tuning sets were sent to early help that way.

Two shapes are ruled out here, for the child's own feelings and behaviour only (never self-harm, suicidal thoughts
or any red flag):
- a feeling said with a softener ("a bit teary", "a little sad", "a bit quieter") when nothing in the account says
  it lasts, recurs, frightens the child or shows in eating, sleep, school or self-harm;
- a worry said to have passed ("but that has settled", "he's back to his usual self") with nothing said to persist.

Each ruled-out hit shows in the advice's ruled-out list, and the open question asks whether it has lasted.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import List

from bot.engine.facts import read_facts
from bot.engine.rules.rule_hits import end_of_sentence
from bot.language.matcher import ConceptHit

FEELING_CONCEPTS = frozenset({"mental_health_child", "behaviour_problems"})

MILD = re.compile(r"\b(?:a\s+)?(?:bit|little|tad|touch|wee bit|abit|slightly)\s+(?:more\s+|of\s+a\s+)?"
                  r"(?:teary|tearful|sad|sadder|down|flat|low|upset|quiet|quieter|weepy|wobbly|emotional|clingy|"
                  r"clingier|unsettled|grumpy|moody|mopey|off|subdued|withdrawn|anxious|nervous|worried)\b", re.I)
PASSED = re.compile(r"\b(?:(?:has|have|had|'s|'ve)\s+(?:all\s+|now\s+|since\s+)?settled(?:\s+(?:down|back|again))?|"
                    r"settled\s+(?:down|back|again)\s+(?:now|since)|(?:now|since)\s+settled|"
                    r"back to (?:his|her|their) (?:usual|normal|old|happy|\w+ )?(?:\w+ )?self|"
                    r"(?:that|it|this)\s+(?:has|'s)\s+(?:passed|stopped|gone|eased)|"
                    r"(?:seems?|is|are)\s+(?:fine|ok|okay|happy|much better|a lot better|loads better)\s+now)\b",
                    re.I)
# Anything that says the feeling is more than a passing one keeps it: it lasts, recurs, frightens, or shows.
PERSISTS = re.compile(r"\b(?:still (?:\w+ ){0,2}?(?:teary|tearful|crying|cries|sad|upset|low|down|not|isn'?t|won'?t|"
                      r"can'?t|struggl\w*|worried|withdrawn|quiet|angry|anxious)|again|worse|getting worse|"
                      r"but now|hasn'?t settled|not settled|won'?t settle|"
                      r"self-? ?harm\w*|cutting|cuts|suicid\w*|kill (?:him|her|them)sel\w*|want\w* to die|"
                      r"not eating|stopped eating|off (?:his|her|their) food|not sleeping|can'?t sleep|nightmares|"
                      r"withdrawn|isolat\w*|won'?t (?:go|come) (?:in)?to school|refus\w* (?:to go to )?school|"
                      r"school refus\w*|wetting|soiling|panic\w*|hurt\w*|hit\w*|scared|frightened|terrified|afraid|"
                      r"weeks|months)\b", re.I)
# Said of the feeling itself, in its own sentence ("teary every morning", "low for months"): a swap "every friday"
# elsewhere in the account is not the feeling recurring.
_SENTENCE_FACTS = frozenset({"long_duration", "frequent", "frightened"})


def _overlaps(hit: ConceptHit, match: re.Match) -> bool:
    """The softened phrase holds the hit's own words ("a bit teary" for the hit "bit teary")."""
    at = hit.sentence.lower().find(hit.words.lower())
    return at >= 0 and match.start() <= at + len(hit.words) and at <= match.end()


def _mild(hit: ConceptHit) -> bool:
    return any(_overlaps(hit, m) for m in MILD.finditer(hit.sentence))


def _after_hit(hit: ConceptHit, text: str) -> str:
    """The rest of the hit's sentence and the next sentence: where "but that has settled" is said."""
    at = text.find(hit.sentence)
    if at < 0:
        return hit.sentence
    start = at + max(hit.sentence.lower().find(hit.words.lower()), 0)
    first = end_of_sentence(text, at + len(hit.sentence))
    return text[start:end_of_sentence(text, first + 1) if first < len(text) else first]


def _passed(hit: ConceptHit, text: str) -> bool:
    after = _after_hit(hit, text)
    found = PASSED.search(after)
    return found is not None and not PERSISTS.search(after[found.end():]) and not PERSISTS.search(hit.sentence)


def ordinary_feelings(hits: List[ConceptHit], text: str) -> List[ConceptHit]:
    """Rule out a softened feeling or a passed low patch when nothing says it is more (see the module note)."""
    shows = bool(PERSISTS.search(text))
    out: List[ConceptHit] = []
    for hit in hits:
        feeling = hit.concept in FEELING_CONCEPTS and not hit.negated
        lasting = shows or bool(read_facts(hit.sentence).found & _SENTENCE_FACTS)
        if feeling and ((_mild(hit) and not lasting) or _passed(hit, text)):
            out.append(replace(hit, negated=True))
        else:
            out.append(hit)
    return out
